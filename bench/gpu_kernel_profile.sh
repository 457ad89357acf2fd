#!/usr/bin/env bash
# GPU time per kernel (Nsight Compute, one metric: gpu__time_duration.sum) for a few steps of the DSC-sized network
# (bench/dsc_sized.lua, every layer and delivery that can run on the GPU put there), at batch 1 and 64: the table
# that says which kernel a step waits on. Kernels run one at a time under ncu, so the figures are GPU time only,
# without launch gaps. Without ncu or a usable GPU it says so and exits 0.
# usage: bench/gpu_kernel_profile.sh [BUILD_DIR] [STEPS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
steps=${2:-3}
sparsepv=$build/app/sparsepv
. "$root/bench/dsc_gpu_params.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

ncu=$(command -v ncu || true)
[ -n "$ncu" ] || { echo "gpu_kernel_profile: ncu (Nsight Compute) is not on PATH, nothing measured"; exit 0; }
if ! "$sparsepv" -q -n -d 0 -p "$root/tests/cuda/tutorial_gpu.lua" -o "$tmp/probe" >"$tmp/why" 2>&1; then
  echo "gpu_kernel_profile: no usable GPU, nothing measured ($(head -n1 "$tmp/why"))"
  exit 0
fi

for batch in 1 64; do
  dsc_gpu_params "$root" "$tmp/dsc_$batch.lua" "$batch" auto "$steps"
  "$ncu" --metrics gpu__time_duration.sum --csv --print-units base \
    "$sparsepv" -q -p "$tmp/dsc_$batch.lua" -d 0 -o "$tmp/out_$batch" >"$tmp/ncu_$batch.csv" 2>"$tmp/ncu_$batch.err" ||
    { cat "$tmp/ncu_$batch.err"; echo "gpu_kernel_profile: ncu failed at batch $batch"; exit 1; }
  echo "DSC-sized network, batch $batch, $steps steps (the first one's setup kernels included):"
  python3 "$root/bench/ncu_kernel_table.py" "$tmp/ncu_$batch.csv" "$steps"
  echo
done
