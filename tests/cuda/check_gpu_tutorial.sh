#!/usr/bin/env bash
# CPU vs GPU on the LCA tutorial network (E6): the energy at every one of the 400 steps within 1e-5 relative, and
# the active set of V1 (32,768 neurons) at every step differing in at most 0.1% of the neurons. Skipped (77)
# without a GPU.
# usage: check_gpu_tutorial.sh SPARSEPV CUDA_DEVICE_TEST SPV_PVP_INSPECT SOURCE_DIR
set -euo pipefail
sparsepv=$1 device_test=$2 inspect=$3 src=$4
. "$(dirname "$0")/gpu_lib.sh"
require_gpu "$device_test"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

for side in cpu gpu; do
  base="$src/lua/examples/lca_tutorial.lua"
  [ $side = gpu ] && base="$src/tests/cuda/tutorial_gpu.lua"
  cat >"$tmp/$side.lua" <<LUA
local net = dofile("$base")
net.V1.writeStep = 1
net.V1.initialWriteTime = 1
return net
LUA
done
"$sparsepv" -q -p "$tmp/cpu.lua" -o "$tmp/cpu" -t 2 >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "CPU run"; }
"$sparsepv" -q -p "$tmp/gpu.lua" -o "$tmp/gpu" -d 0 >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "GPU run"; }

energy=V1EnergyProbe_batchElement_0.txt
same_within "$tmp/cpu/$energy" "$tmp/gpu/$energy" 3 1e-5 "energy per step"

frames=$("$inspect" "$tmp/cpu/V1.pvp" | awk '$1 == "frames" { print $2 }')
[ "$frames" = 400 ] || fail "expected 400 V1 frames, got $frames"
worst=0
for ((k = 0; k < frames; k++)); do
  for side in cpu gpu; do
    "$inspect" "$tmp/$side/V1.pvp" --frame "$k" --csv | awk -F, 'NR > 1 && $5 != 0 { print $2 "," $3 "," $4 }' |
      sort >"$tmp/$side.active"
  done
  differ=$(comm -3 "$tmp/cpu.active" "$tmp/gpu.active" | wc -l)
  [ "$differ" -gt "$worst" ] && worst=$differ
  [ "$differ" -le 32 ] || fail "step $((k + 1)): active sets differ in $differ of 32768 neurons (more than 0.1%)"
done
echo "ok: energy within 1e-5 at every step; active sets differ in at most $worst of 32768 neurons per step"
