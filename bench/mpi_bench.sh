#!/usr/bin/env bash
# Scaling of the LCA tutorial network at 128x128 input (the 32x32 image resized, 128 features: 64x64x128 = 524,288
# LCA neurons): loop ms per step (timers.txt) at 1, 2 and 4 ranks (rows x columns 1x1, 2x1, 2x2) and 1 and 2 threads,
# and the default thread count (no -t: each rank's share of its cores), with the efficiency against 1 rank and 1
# thread: T(1,1) / (ranks * threads * T), and for the default its time against -t 1 at the same ranks. On a machine
# with fewer cores than ranks x threads the figures measure oversubscription, not scaling; the script says so.
# mpirun places ranks as it does by default (it binds 2 ranks to a core each; with more ranks than cores, none).
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
printf '%-6s %-8s %12s %12s %11s\n' ranks split threads "ms/step" efficiency
base=
for spec in "1 1 1" "2 2 1" "4 2 2"; do
  read -r n rows columns <<<"$spec"
  one=
  for threads in 1 2 default; do
    option=(-t "$threads")
    [ "$threads" = default ] && option=()
    if [ "$n" -eq 1 ]; then
      "$sparsepv" -q -p "$tmp/net.lua" -o "$tmp/out" "${option[@]}" >"$tmp/log" 2>&1
    else
      "$mpiexec" -np "$n" --oversubscribe "$sparsepv" -q -p "$tmp/net.lua" -o "$tmp/out" \
        "${option[@]}" -rows "$rows" -columns "$columns" >"$tmp/log" 2>&1
    fi
    # The threads every rank ran, as the run's log states them ("... 4 threads in all ...").
    total=$(sed -n 's/^threads: .* \([0-9][0-9]*\) threads\{0,1\} in all.*/\1/p' "$tmp/log" | head -1)
    per_rank=$((total / n))
    [ "$total" -gt "$cores" ] && [ "$per_rank" -gt 1 ] && note=" (oversubscribed: $cores cores)" || note=""
    ms=$(awk -F'  +' -v n="$steps" 'NR > 1 { s += $2 } END { printf "%.3f", 1000 * s / n }' "$tmp/out/timers.txt")
    [ -n "$base" ] || base=$ms
    [ -n "$one" ] || one=$ms
    eff=$(awk -v b="$base" -v t="$ms" -v p="$total" 'BEGIN { printf "%.0f%%", 100 * b / (p * t) }')
    label=$threads
    if [ "$threads" = default ]; then
      label="default=$per_rank"
      note="$note ($(awk -v t="$ms" -v o="$one" 'BEGIN { printf "%.2fx", t / o }') the -t 1 time)"
    fi
    printf '%-6s %-8s %12s %12s %11s%s\n' "$n" "${rows}x${columns}" "$label" "$ms" "$eff" "$note"
    rm -rf "$tmp/out"
  done
done
