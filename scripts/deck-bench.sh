#!/usr/bin/env bash
# Committee deck figures, through the release CLI (each the median of RUNS whole-process runs,
# opening the report included): the demo report's deck as PPTX and as ODP, with its size, and
# the same with a slide per key action; then that deck on each real template of
# tests/fixtures/templates (target: under 400 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q -p jalon-cli
cli=target/release/jalon-cli
"$cli" import-json assets/demo/demo-report.json --db "$work/demo.jalon" 2>/dev/null

# shellcheck source=bench-lib.sh
source scripts/bench-lib.sh

for format in pptx odp; do
  ms=$(median_ms "$cli" deck --db "$work/demo.jalon" --out "$work/demo.$format")
  detail=$(median_ms "$cli" deck --db "$work/demo.jalon" --out "$work/detail.$format" --detail actions)
  echo "deck $format, demo (7 slides):                   ${ms} ms, $(stat -c %s "$work/demo.$format") bytes"
  echo "deck $format, demo with --detail actions (14):    ${detail} ms, $(stat -c %s "$work/detail.$format") bytes"
done
for template in tests/fixtures/templates/*.pptx; do
  name=$(basename "$template" .pptx)
  ms=$(median_ms "$cli" deck --db "$work/demo.jalon" --out "$work/$name.pptx" --detail actions --template "$template")
  printf 'deck pptx on %-28s --detail actions (14): %s ms, %s bytes\n' "$name," "$ms" "$(stat -c %s "$work/$name.pptx")"
done
