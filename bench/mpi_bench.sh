#!/usr/bin/env bash
# Scaling of the LCA tutorial network at 128x128 input (the 32x32 image resized, 128 features: 64x64x128 = 524,288
# LCA neurons): loop ms per step (timers.txt) at 1, 2 and 4 ranks (rows x columns 1x1, 2x1, 2x2) and 1 and 2 threads,
# with the efficiency against 1 rank and 1 thread: T(1,1) / (ranks * threads * T). On a machine with fewer cores than
# ranks x threads the figures measure oversubscription, not scaling; the script says so.
# usage: bench/mpi_bench.sh [BUILD_DIR] [STEPS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
steps=${2:-40}
sparsepv=$build/app/sparsepv
mpiexec=${MPIEXEC:-mpirun}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
cat >"$tmp/net.lua" <<LUA
local net = dofile("$root/lua/examples/lca_tutorial.lua")
net.column.nx, net.column.ny = 128, 128
net.column.stopTime = $steps
net.column.progressInterval = $steps
net.Input.autoResizeFlag = true
for _, layer in ipairs({"Input", "InputError", "V1", "InputRecon"}) do net[layer].writeStep = -1 end
return net
LUA
cores=$(nproc)
printf '%-6s %-8s %8s %12s %11s\n' ranks split threads "ms/step" efficiency
base=
for spec in "1 1 1" "2 2 1" "4 2 2"; do
  read -r n rows columns <<<"$spec"
  for threads in 1 2; do
    [ $((n * threads)) -gt "$cores" ] && note=" (oversubscribed: $cores cores)" || note=""
    if [ "$n" -eq 1 ]; then
      "$sparsepv" -q -p "$tmp/net.lua" -o "$tmp/out" -t "$threads" >/dev/null
    else
      "$mpiexec" -np "$n" --oversubscribe --bind-to none "$sparsepv" -q -p "$tmp/net.lua" -o "$tmp/out" \
        -t "$threads" -rows "$rows" -columns "$columns" >/dev/null
    fi
    ms=$(awk -F'  +' -v n="$steps" 'NR > 1 { s += $2 } END { printf "%.3f", 1000 * s / n }' "$tmp/out/timers.txt")
    [ -n "$base" ] || base=$ms
    eff=$(awk -v b="$base" -v t="$ms" -v p=$((n * threads)) 'BEGIN { printf "%.0f%%", 100 * b / (p * t) }')
    printf '%-6s %-8s %8s %12s %11s%s\n' "$n" "${rows}x${columns}" "$threads" "$ms" "$eff" "$note"
    rm -rf "$tmp/out"
  done
done
