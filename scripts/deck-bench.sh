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

# The slides a deck holds: PowerPoint's slide parts, OpenDocument's pages.
slides() {
  case $1 in
    *.pptx) unzip -Z1 "$1" | grep -c '^ppt/slides/slide[0-9]*\.xml$' ;;
    *.odp) unzip -p "$1" content.xml | grep -o '<draw:page ' | wc -l ;;
  esac
}

for format in pptx odp; do
  ms=$(median_ms "$cli" deck --db "$work/demo.jalon" --out "$work/demo.$format")
  detail=$(median_ms "$cli" deck --db "$work/demo.jalon" --out "$work/detail.$format" --detail actions)
  printf 'deck %s, demo (%s slides):%*s %s ms, %s bytes\n' "$format" "$(slides "$work/demo.$format")" 22 "" "$ms" "$(stat -c %s "$work/demo.$format")"
  printf 'deck %s, demo with --detail actions (%s slides): %s ms, %s bytes\n' "$format" "$(slides "$work/detail.$format")" "$detail" "$(stat -c %s "$work/detail.$format")"
done
for template in tests/fixtures/templates/*.pptx; do
  name=$(basename "$template" .pptx)
  ms=$(median_ms "$cli" deck --db "$work/demo.jalon" --out "$work/$name.pptx" --detail actions --template "$template")
  printf 'deck pptx on %-28s --detail actions (%s slides): %s ms, %s bytes\n' "$name," "$(slides "$work/$name.pptx")" "$ms" "$(stat -c %s "$work/$name.pptx")"
done
# The app's preview drawn after the same deck (what Preview deck costs is the difference).
template=tests/fixtures/templates/widescreen-10in-60810.pptx
ms=$(median_ms "$cli" deck --db "$work/demo.jalon" --out "$work/p.pptx" --detail actions --template "$template" --preview "$work/preview")
echo "deck pptx on widescreen-10in-60810 and its preview (--preview):          ${ms} ms, $(du -sb "$work/preview" | cut -f1) bytes of SVG"
