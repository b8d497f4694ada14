#!/usr/bin/env bash
# Chart speed figures, from one run:
#  1. the same axis chart (axis-4-actions, 1920x1080 PNG) rendered by jalon-charts and by
#     matplotlib's Agg backend, with the ratio;
#  2. the whole chart pack of the demo report (every scope, PNG and SVG) through the CLI.
# matplotlib is installed with pip into .tools/venv when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release -q -p jalon-cli --example time_chart -p jalon-charts
cli=target/release/jalon-cli
"$cli" import-json assets/demo/demo-report.json --db "$work/demo.jalon" 2>/dev/null
"$cli" summary --db "$work/demo.jalon" --json >"$work/summary.json"

python=python3
if ! "$python" -c 'import matplotlib' 2>/dev/null; then
  if [ ! -x .tools/venv/bin/python ]; then
    python3 -m venv .tools/venv
    .tools/venv/bin/pip install -q matplotlib
  fi
  python=.tools/venv/bin/python
fi

mkdir -p target/chart-bench
jalon_ms=$(cd target/chart-bench && ../release/examples/time_chart "$work/demo.jalon" axis-4-actions "$runs")
mpl_ms=$("$python" scripts/chart_matplotlib.py "$work/summary.json" 4 "$runs" target/chart-bench/axis-4-actions.matplotlib.png)
echo "axis-4-actions 1920x1080 PNG, mean of $runs runs:"
echo "  jalon-charts  ${jalon_ms} ms"
echo "  matplotlib    ${mpl_ms} ms (Agg, $("$python" -c 'import matplotlib; print(matplotlib.__version__)'))"
echo "  ratio         $(python3 -c "print(f'{$mpl_ms / $jalon_ms:.1f}x faster')")"

start=$(date +%s%N)
"$cli" charts --db "$work/demo.jalon" --out "$work/pack" --format both 2>/dev/null
end=$(date +%s%N)
echo "whole demo pack ($(ls "$work/pack" | wc -l) files, every scope, PNG and SVG) through the CLI: $(( (end - start) / 1000000 )) ms"
echo "images to compare: target/chart-bench/axis-4-actions.{jalon,matplotlib}.png"
