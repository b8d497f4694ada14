#!/usr/bin/env bash
# Writes every output of the demo report (and of the seed page, when ../shared is given) into
# one folder, with a SHA-256 list, so that two builds can be compared byte for byte:
#   bash scripts/demo-outputs.sh CLI OUT [SHARED]
# A refactoring that changes no behaviour gives the same list.
set -euo pipefail
cli=$(realpath "$1"); out=$(realpath -m "$2"); shared=${3:-}
cd "$(dirname "$0")/.."
rm -rf "$out"; mkdir -p "$out"
db="$out/demo.jalon"
"$cli" import-json assets/demo/demo-report.json --db "$db" >/dev/null
"$cli" summary --db "$db" --json >"$out/summary.json"
"$cli" summary --db "$db" >"$out/summary.txt"
"$cli" check --db "$db" >"$out/check.txt" || true
"$cli" trace strategy --db "$db" >"$out/trace.txt"
"$cli" history --db "$db" >"$out/history.txt"
"$cli" periods list --db "$db" >"$out/periods.txt"
"$cli" export-json --db "$db" --out "$out/export.json" >/dev/null
"$cli" export-csv --db "$db" --out "$out/export.csv" >/dev/null
"$cli" charts --db "$db" --out "$out/charts" >/dev/null
"$cli" charts --db "$db" --out "$out/charts-fr" --lang fr --theme dark --size 1024x768 >/dev/null
"$cli" publish --db "$db" --out "$out/page" >/dev/null
"$cli" deck --db "$db" --out "$out/deck.pptx" --detail actions >/dev/null
"$cli" deck --db "$db" --out "$out/deck-fr.odp" --lang fr >/dev/null
"$cli" deck --db "$db" --out "$out/deck-axis.pptx" --scope axis:1 --theme dark >/dev/null
# On a template: python-pptx's own default presentation, when python-pptx is there.
if python3 -c "import pptx" 2>/dev/null; then
  python3 - "$out/template.pptx" <<'PY'
import datetime, io, sys, zipfile, pptx
p = pptx.Presentation()
# Fixed dates, in the document and in the archive, so that the template, and the deck on it,
# are the same bytes each run.
p.core_properties.created = p.core_properties.modified = datetime.datetime(2026, 1, 1)
buf = io.BytesIO()
p.save(buf)
with zipfile.ZipFile(buf) as src, zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
        fixed.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(fixed, src.read(info.filename))
PY
  "$cli" deck --db "$db" --out "$out/deck-template.pptx" --template "$out/template.pptx" --detail actions >/dev/null
fi
if [ -n "$shared" ]; then
  seed="$out/seed.jalon"
  "$cli" import-page "$shared/seed/progress-report-2026-axis4.txt" --db "$seed" >"$out/seed-import.txt"
  "$cli" summary --db "$seed" --json >"$out/seed-summary.json"
  "$cli" publish --db "$seed" --out "$out/seed-page" >/dev/null
fi
rm -f "$db" "${seed:-}"
(cd "$out" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum >SHA256SUMS)
wc -l <"$out/SHA256SUMS" | awk '{print "demo-outputs: " $1 " files"}'
