#!/usr/bin/env bash
# CPU vs GPU on bars dictionary learning (E1, 300 images): the learned weights agree within 1e-5. The sparse-coding
# loop (layers and both convolutions) runs on the GPU; learning reads the state at its sync points. Skipped (77)
# without a GPU.
# usage: check_gpu_bars.sh SPARSEPV CUDA_DEVICE_TEST SPV_MAKE_BARS SPV_PVP_INSPECT SOURCE_DIR
set -euo pipefail
sparsepv=$1 device_test=$2 make_bars=$3 inspect=$4 src=$5
. "$(dirname "$0")/gpu_lib.sh"
require_gpu "$device_test"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$make_bars" --count 300 --size 16 --prob 0.125 --seed 1 --out "$tmp/bars.pvp"
for side in cpu gpu; do
  cat >"$tmp/$side.lua" <<LUA
local net = dofile("$src/lua/examples/bars.lua")
net.Input.inputPath = "$tmp/bars.pvp"
net.column.stopTime = 300 * net.Input.displayPeriod
net.V1ToError.writeStep = net.column.stopTime
if "$side" == "gpu" then
  net.Error.updateGpu = true
  net.V1.updateGpu = true
  net.ErrorToV1.receiveGpu = true
end
return net
LUA
done
"$sparsepv" -q -p "$tmp/cpu.lua" -o "$tmp/cpu" -t 2 >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "CPU run"; }
"$sparsepv" -q -p "$tmp/gpu.lua" -o "$tmp/gpu" -d 0 >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "GPU run"; }

last=$(($("$inspect" "$tmp/cpu/V1ToError.pvp" | awk '$1 == "frames" { print $2 }') - 1))
for side in cpu gpu; do "$inspect" "$tmp/$side/V1ToError.pvp" --frame "$last" --csv >"$tmp/$side.csv"; done
[ "$(wc -l <"$tmp/cpu.csv")" = "$(wc -l <"$tmp/gpu.csv")" ] || fail "the weight files differ in size"
paste -d, "$tmp/cpu.csv" "$tmp/gpu.csv" | awk -F, 'NR > 1 { d = $7 - $14; if (d < 0) d = -d; if (d > worst) worst = d }
  END { printf "largest weight difference %.3g\n", worst; exit !(worst <= 1e-5) }' ||
  fail "final weights differ by more than 1e-5"
echo "ok: final weights within 1e-5"
