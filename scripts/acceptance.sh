#!/usr/bin/env bash
# Acceptance against the real published page in ../shared/seed: import it with the CLI and
# check the published figures: Actions 14 to 17 at 65, 13, 58 and 27, and 17 objective entries
# in axis 4, with Objective 32 in two parts (1/2 completed at 100, 2/2 in progress at 60).
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
print("3 passed, 0 failed")
PY
