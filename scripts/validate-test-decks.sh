#!/usr/bin/env bash
# Validates every deck the tests wrote (target/test-decks, filled by the CLI tests and the
# acceptance check) with ../shared/validate-deck: ISO/IEC 29500 transitional for PPTX, ODF 1.3
# for ODP. A deck built on a template (NAME.template beside it) may inherit the template's own
# faults: only the errors it adds count. Exits 1 when any deck adds one.
#   bash scripts/validate-test-decks.sh SHARED_DIR [DECK_DIR]
set -euo pipefail
shared=${1:?usage: validate-test-decks.sh SHARED_DIR [DECK_DIR]}
dir=${2:-target/test-decks}
validate="$shared/validate-deck/validate-deck.sh"
[ -f "$validate" ] || { echo "validate-test-decks: missing $validate" >&2; exit 2; }
shopt -s nullglob
decks=("$dir"/*.pptx "$dir"/*.odp)
((${#decks[@]})) || { echo "validate-test-decks: no deck in $dir: run the CLI tests first" >&2; exit 1; }
# Violations without their line numbers, so that a template's own can be matched in the deck.
violations() {
  local rc=0
  bash "$validate" "$1" >"$1.validation" 2>&1 || rc=$?
  if [ "$rc" -ge 2 ]; then cat "$1.validation" >&2; exit 2; fi
  { grep -v -e '^note:' -e ' parts validated, ' "$1.validation" || true; } | sed -E 's/^([^:]+): [0-9]+: /\1: /' | sort -u
}
bad=0
for deck in "${decks[@]}"; do
  added=$(violations "$deck")
  if [ -f "$deck.template" ]; then
    cp "$deck.template" "$deck.template.pptx"
    added=$(comm -23 <(printf '%s\n' "$added") <(violations "$deck.template.pptx"))
    rm -f "$deck.template.pptx" "$deck.template.pptx.validation"
  fi
  if [ -n "$added" ]; then
    bad=$((bad + 1))
    echo "validate-test-decks: FAIL $(basename "$deck"):" >&2
    printf '%s\n' "$added" | sed 's/^/  /' | head -20 >&2
  fi
  rm -f "$deck.validation"
done
echo "validate-test-decks: ${#decks[@]} decks, $bad with errors of their own"
echo "$((${#decks[@]} - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
