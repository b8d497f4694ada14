#!/usr/bin/env bash
# Contributor-round speed figures, through the release CLI (each figure the median of RUNS
# whole-process runs, opening the report included), on a generated report of 500 objectives
# shared among 40 leads:
#  1. `round start`: 40 workbooks written and the round recorded;
#  2. `round import` of the 40 returned workbooks (each with every progress changed), listed
#     for review without changing anything;
#  3. the same with --accept-all: 500 objectives updated, 40 transactions, with the history.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q -p jalon-cli
cli=target/release/jalon-cli
"$cli" generate --objectives 500 --db "$work/base.jalon" >/dev/null 2>&1
# The generator gives no leads: 40 of them, round robin, straight into the report file.
python3 - "$work/base.jalon" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE objective SET lead = 'Lead ' || printf('%02d', (id % 40) + 1)")
db.commit()
PY

# shellcheck source=bench-lib.sh
source scripts/bench-lib.sh
# Each run starts from a fresh copy: the report as generated, or with its round started.
fresh_copy() {
  cp "$work/${from:-base}.jalon" "$work/run.jalon"
  rm -rf "$work/out"
}
before_each=fresh_copy

start_ms=$(median_ms "$cli" round start --db "$work/run.jalon" --out "$work/out" --due 2026-12-15)

# One round started for good, its workbooks filled as leads would (openpyxl; not timed).
cp "$work/base.jalon" "$work/started.jalon"
"$cli" round start --db "$work/started.jalon" --out "$work/books" >/dev/null 2>&1
python3 - "$work/books" <<'PY'
import glob, sys, openpyxl
for path in glob.glob(sys.argv[1] + "/*.xlsx"):
    wb = openpyxl.load_workbook(path)
    ws = wb["Objectives"]
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 11).value is not None:
            ws.cell(row, 11).value = (ws.cell(row, 11).value + 7) % 101
            ws.cell(row, 14).value = "Checked"
    wb.save(path)
PY
books=("$work"/books/*.xlsx)
review_ms=$(from=started median_ms "$cli" round import "${books[@]}" --db "$work/run.jalon")
accept_ms=$(from=started median_ms "$cli" round import "${books[@]}" --db "$work/run.jalon" --accept-all)
cp "$work/started.jalon" "$work/check.jalon"
"$cli" round import "${books[@]}" --db "$work/check.jalon" --accept-all 2>"$work/accepted" >/dev/null
updated=$(grep -o '^[^:]*: [0-9]* objectives updated' "$work/accepted" | awk '{s += $(NF-2)} END {print s}')

echo "round start, 40 leads over 500 objectives:      ${start_ms} ms, ${#books[@]} workbooks, $(du -cb "$work"/books/*.xlsx | tail -1 | cut -f1) bytes"
echo "round import, 40 workbooks listed for review:   ${review_ms} ms"
echo "round import --accept-all, 40 workbooks:        ${accept_ms} ms (${updated} objectives updated)"
