#!/usr/bin/env bash
# Regenerates the pictures the README shows, from what the test runs photographed and from the
# demo report itself:
#   docs/screenshots/dashboard.png  the desktop app's dashboard (e2e test 1, `make e2e`)
#   docs/screenshots/page.png       the published page in Chromium (`make page`)
#   docs/screenshots/deck.png       the demo's committee deck, rendered by LibreOffice Impress
# Run `make e2e page` first; then `bash scripts/docs-screenshots.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
need() { [ -f "$1" ] || { echo "docs-screenshots: $1 is missing; run $2 first" >&2; exit 1; }; }
need target/e2e-screenshots/01-dashboard-en.png "make e2e"
need target/publish-screenshots/page-top.png "make page"
# Halved, so that the README's pictures stay small; the text stays readable.
convert target/e2e-screenshots/01-dashboard-en.png -resize 1100x -strip "$out/dashboard.png"
convert target/publish-screenshots/page-top.png -resize 900x -strip "$out/page.png"

cli=target/debug/jalon-cli
[ -x "$cli" ] || cargo build -q -p jalon-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" import-json assets/demo/demo-report.json --db "$work/demo.jalon" >/dev/null
"$cli" deck --db "$work/demo.jalon" --out "$work/deck.pptx" >/dev/null
soffice --headless --convert-to pdf --outdir "$work" "$work/deck.pptx" >/dev/null 2>&1
# The title slide, the overview and the first axis: what a committee sees first.
pdftoppm -png -r 40 -f 1 -l 4 "$work/deck.pdf" "$work/slide"
montage "$work"/slide-*.png -tile 2x -geometry +6+6 -background '#d0d4da' -strip "$out/deck.png"
ls -l "$out"
