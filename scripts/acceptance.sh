#!/usr/bin/env bash
# Acceptance against the real published page in ../shared/seed: import it with the CLI and
# check the published figures: Actions 14 to 17 at 65, 13, 58 and 27, and 17 objective entries
# in axis 4, with Objective 32 in two parts (1/2 completed at 100, 2/2 in progress at 60).
# Then the same page is kept as an earlier edition (closed period 2025-Q4): its checksum is
# verified, the comparison with the live report finds nothing moved, and the axis trend has
# both periods. Last, the live report is published as a web page, which imports back as the same
# 17 entries, and written as CSV in both profiles; and its committee deck shows the figures.
# Last, every deck the tests wrote is validated against the ISO/IEC 29500 and ODF schemas.
set -euo pipefail
shared=${1:?usage: acceptance.sh SHARED_DIR}
seed="$shared/seed/progress-report-2026-axis4.txt"
[ -f "$seed" ] || { echo "acceptance: missing $seed" >&2; exit 1; }

cli=target/release/jalon-cli
cargo build --release -q -p jalon-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" import-page "$seed" --db "$work/seed.jalon"
"$cli" summary --db "$work/seed.jalon" --json > "$work/summary.json"

python3 - "$work/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
axis = next(a for a in s["axes"] if a["number"] == 4)
got = {a["number"]: a["progress"] for a in axis["actions"]}
want = {14: 65, 15: 13, 16: 58, 17: 27}
entries = [o for a in axis["actions"] for o in a["objectives"]]
o32 = [(o["part"], o["parts"], o["status"], o["progress"]) for o in entries if o["number"] == 32]
failures = []
if got != want:
    failures.append(f"actions: got {got}, want {want}")
if len(entries) != 17:
    failures.append(f"axis 4 holds {len(entries)} objective entries, want 17")
if o32 != [(1, 2, "completed", 100), (2, 2, "in_progress", 60)]:
    failures.append(f"objective 32: got {o32}")
for f in failures:
    print("acceptance: FAIL", f, file=sys.stderr)
if failures:
    sys.exit(1)
print(f"acceptance: seed page: actions {got}, {len(entries)} entries in axis 4, objective 32 {o32}")
PY

"$cli" import-page "$seed" --db "$work/seed.jalon" --period 2025-Q4 --as-of 2025-12-31
"$cli" periods list --db "$work/seed.jalon" --json > "$work/periods.json"
"$cli" periods compare --db "$work/seed.jalon" --from 2025-Q4 --json > "$work/compare.json"
"$cli" charts --db "$work/seed.jalon" --out "$work/charts" --scope axis:4 --format png

python3 - "$work" <<'PY'
import json, pathlib, re, sys
work = pathlib.Path(sys.argv[1])
periods = json.loads((work / "periods.json").read_text())
c = json.loads((work / "compare.json").read_text())
alt = (work / "charts" / "trend-axis-4.txt").read_text()
failures = []
closed = [p for p in periods if p["state"] == "closed"]
if [p["label"] for p in closed] != ["2025-Q4"] or not re.fullmatch(r"[0-9a-f]{64}", closed[0]["checksum"] or ""):
    failures.append(f"periods: {periods}")
moved = [a for a in c["actions"] if a["progress"]["delta"] != 0]
if moved or c["objectives"] or c["unchanged"] != 17:
    failures.append(f"the same page twice should not move: {moved}, {len(c['objectives'])} changed, {c['unchanged']} unchanged")
values = re.findall(r"(\d+)\s?%", alt)
if "2025-Q4" not in alt or len(values) != 2 or values[0] != values[1]:
    failures.append(f"trend alt text: {alt!r}")
for f in failures:
    print("acceptance: FAIL", f, file=sys.stderr)
if failures:
    sys.exit(1)
print(f"acceptance: seed kept as 2025-Q4 (sha256 {closed[0]['checksum'][:12]}…), nothing moved, trend: {alt.strip()}")

PY

# The seed published as a web page reads back as the same report, and both CSV profiles hold
# one row per entry.
"$cli" publish --db "$work/seed.jalon" --out "$work/site"
"$cli" import-page "$work/site/index.html" --db "$work/back.jalon" 2>/dev/null
"$cli" export-json --db "$work/seed.jalon" --out "$work/seed.json"
"$cli" export-json --db "$work/back.jalon" --out "$work/back.json"
"$cli" export-csv --db "$work/seed.jalon" --out "$work/excel.csv" --profile excel-fr
"$cli" export-csv --db "$work/seed.jalon" --out "$work/open.csv" --profile open-data
python3 - "$work" <<'PY'
import csv, io, json, pathlib, sys
work = pathlib.Path(sys.argv[1])
def content(name):
    d = json.loads((work / name).read_text())
    return [(a["number"], a["title"], c["number"], c["title"], o["number"], o["part"], o["parts"],
             o["title"], o["status"], o["progress"], o["achievement"], o["next_steps"])
            for a in d["axes"] for c in a["actions"] for o in c["objectives"]]
failures = []
seed, back = content("seed.json"), content("back.json")
if seed != back or len(seed) != 17:
    diff = next((x, y) for x, y in zip(seed, back) if x != y) if len(seed) == len(back) else (len(seed), len(back))
    failures.append(f"the published seed does not read back the same: {diff}")
for name, sep, bom in [("excel.csv", ";", True), ("open.csv", ",", False)]:
    raw = (work / name).read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=sep))
    if raw.startswith(b"\xef\xbb\xbf") != bom or len(rows) != 18:
        failures.append(f"{name}: {len(rows)} rows, byte-order mark {raw[:3]!r}")
for f in failures:
    print("acceptance: FAIL", f, file=sys.stderr)
if failures:
    sys.exit(1)
print(f"acceptance: the seed published as a web page reads back as the same {len(seed)} entries; both CSV profiles hold 17 rows")
PY

# The seed's committee deck, PowerPoint and OpenDocument: python-pptx and odfpy find the axis-4
# slide's table with Actions 14 to 17 at the published 65, 13, 58 and 27 %.
"$cli" deck --db "$work/seed.jalon" --out "$work/deck.pptx"
"$cli" deck --db "$work/seed.jalon" --out "$work/deck.odp"
python3 - "$work" <<'PY'
import sys
from pptx import Presentation
from odf.opendocument import load
from odf import table, teletype
work = sys.argv[1]
want = [("Action 14", "65%"), ("Action 15", "13%"), ("Action 16", "58%"), ("Action 17", "27%")]
def rows_of(cells):
    return [(r[0].split(" — ")[0], r[1]) for r in cells[1:]]
p = Presentation(f"{work}/deck.pptx")
tables = [[[c.text for c in r.cells] for r in sh.table.rows] for s in p.slides for sh in s.shapes if sh.has_table]
doc = load(f"{work}/deck.odp")
odp = [[[teletype.extractText(c) for c in r.getElementsByType(table.TableCell)] for r in t.getElementsByType(table.TableRow)] for t in doc.getElementsByType(table.Table)]
failures = []
if not any(rows_of(t) == want for t in tables):
    failures.append(f"pptx tables: {tables}")
if not any(rows_of(t) == want for t in odp):
    failures.append(f"odp tables: {odp}")
for f in failures:
    print("acceptance: FAIL", f, file=sys.stderr)
if failures:
    sys.exit(1)
print(f"acceptance: the seed's deck ({len(p.slides)} slides, PPTX and ODP) shows Actions 14-17 at 65, 13, 58 and 27 %")
print("6 passed, 0 failed")
PY

# Every deck the tests wrote, and the seed's two, against ISO/IEC 29500 and ODF 1.3.
mkdir -p target/test-decks
cp "$work/deck.pptx" target/test-decks/acceptance-seed.pptx
cp "$work/deck.odp" target/test-decks/acceptance-seed.odp
bash scripts/validate-test-decks.sh "$shared"
