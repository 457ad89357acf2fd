#!/usr/bin/env bash
# GPU benchmark (a build with -DSPV_WITH_CUDA=ON, on a machine with a GPU): the LCA tutorial network (E6) in ms per
# step on GPU 0, beside the CPU at 2 threads, and the DSC-sized network (bench/dsc_sized.lua: vision 64x64x3
# through three LCA layers, text 128x16 through two, a joint layer of 512; 400 steps per pair) in ms per image
# pair at batch 1 and 64. Each figure is the best of 2 runs: the step loop's own time (timers.txt) and the whole
# process's. Rows marked cuDNN deliver the convolutions with deliveryMethod = "library" (cuDNN, deterministic
# algorithms); the others with the default "auto" (gathers over the active pre neurons, the CPU's bits).
# Without a GPU it says so and exits 0.
# usage: bench/gpu_bench.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
sparsepv=$build/app/sparsepv
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

if ! "$sparsepv" -q -n -d 0 -p "$root/tests/cuda/tutorial_gpu.lua" -o "$tmp/probe" >"$tmp/why" 2>&1; then
  echo "gpu_bench: no usable GPU, nothing measured ($(head -n1 "$tmp/why"))"
  exit 0
fi

# time_run LABEL STEPS PAIRS ARGS...: best of 2 runs, prints ms per step (or per pair when PAIRS > 0).
time_run() {
  local label=$1 steps=$2 pairs=$3; shift 3
  local best_wall= best_loop=
  for rep in 1 2; do
    rm -rf "$tmp/out"
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$sparsepv" -q -o "$tmp/out" "$@" >"$tmp/log" 2>&1 ||
      { cat "$tmp/log"; echo "gpu_bench: $label failed"; exit 1; }
    read -r wall rss <"$tmp/time"
    loop=$(awk 'NR > 1 { s += $2 } END { print s }' FS='  +' "$tmp/out/timers.txt")
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
    if [ -z "$best_loop" ] || awk -v a="$loop" -v b="$best_loop" 'BEGIN { exit !(a < b) }'; then best_loop=$loop; fi
  done
  local per=$steps unit="ms/step"
  if [ "$pairs" -gt 0 ]; then per=$pairs; unit="ms/pair"; fi
  printf '%-40s %12.3f %14.3f  %-8s %10d\n' "$label" "$(awk -v w="$best_loop" -v n="$per" 'BEGIN { print 1000 * w / n }')" \
    "$(awk -v w="$best_wall" -v n="$per" 'BEGIN { print 1000 * w / n }')" "$unit" "$rss"
}

# Wrappers: tutorial_gpu.lua or the DSC network at a batch size, with every layer and delivery that can run on the
# GPU put there, and the convolutions' deliveryMethod.
tutorial() {
  cat >"$tmp/tutorial_$1.lua" <<LUA
local net = dofile("$root/tests/cuda/tutorial_gpu.lua")
net.ErrorToV1.deliveryMethod = "$1"
net.V1ToRecon.deliveryMethod = "$1"
return net
LUA
  echo "$tmp/tutorial_$1.lua"
}
. "$root/bench/dsc_gpu_params.sh"
dsc() {
  dsc_gpu_params "$root" "$tmp/dsc_$1_$2.lua" "$1" "$2"
  echo "$tmp/dsc_$1_$2.lua"
}

printf '%-40s %12s %14s  %-8s %10s\n' "run" "loop" "process" "unit" "max RSS kB"
time_run "tutorial, CPU 2 threads" 400 0 -p "$root/lua/examples/lca_tutorial.lua" -t 2
time_run "tutorial, GPU" 400 0 -p "$(tutorial auto)" -d 0
time_run "tutorial, GPU, cuDNN" 400 0 -p "$(tutorial library)" -d 0
for batch in 1 64; do
  time_run "DSC-sized, GPU, batch $batch" 400 "$batch" -p "$(dsc $batch auto)" -d 0
  time_run "DSC-sized, GPU, cuDNN, batch $batch" 400 "$batch" -p "$(dsc $batch library)" -d 0
done
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
