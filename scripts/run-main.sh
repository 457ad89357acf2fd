#!/usr/bin/env bash
# Set-up command 1: installs dependencies, builds, and runs the main job (the LCA tutorial network, E6) into
# output/lca_tutorial.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$root"
./build/app/sparsepv -p lua/examples/lca_tutorial.lua -o output/lca_tutorial -t 2
echo "outputs in output/lca_tutorial (energy: V1EnergyProbe_batchElement_0.txt)"
