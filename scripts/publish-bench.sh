#!/usr/bin/env bash
# Publication speed and size figures, through the release CLI (each figure the median of RUNS
# whole-process runs, opening the report included):
#  1. publishing the demo report (25 objectives);
#  2. publishing a generated report of 5,000 objective entries;
#  3. the CSV of that report (excel-fr);
#  4. the size of each page in bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q -p jalon-cli
cli=target/release/jalon-cli
"$cli" import-json assets/demo/demo-report.json --db "$work/demo.jalon" 2>/dev/null
"$cli" generate --objectives 5000 --db "$work/big.jalon" >/dev/null 2>&1

# shellcheck source=bench-lib.sh
source scripts/bench-lib.sh

demo_ms=$(median_ms "$cli" publish --db "$work/demo.jalon" --out "$work/demo-site")
big_ms=$(median_ms "$cli" publish --db "$work/big.jalon" --out "$work/big-site")
csv_ms=$(median_ms "$cli" export-csv --db "$work/big.jalon" --out "$work/big.csv" --profile excel-fr)
echo "publish, demo (25 objectives):        ${demo_ms} ms, $(stat -c %s "$work/demo-site/index.html") bytes"
echo "publish, 5,000 objectives:            ${big_ms} ms, $(stat -c %s "$work/big-site/index.html") bytes"
echo "export-csv excel-fr, 5,000 objectives: ${csv_ms} ms, $(stat -c %s "$work/big.csv") bytes"
