#!/usr/bin/env bash
# Every GPU test in one command, for a machine with an NVIDIA GPU (sm_90), nvcc and cuDNN: configures and builds
# build-gpu/ with -DSPV_WITH_CUDA=ON, then runs the tests labelled gpu (CUDA conformance over the kernel contract,
# the device test, tutorial and bars parity CPU vs GPU) and the CPU instantiation of the same conformance tests.
# Without a GPU the gpu tests report "skipped" (exit 77), never "passed".
# usage: scripts/run-gpu-tests.sh [extra cmake configure arguments]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-gpu
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSPV_WITH_CUDA=ON "$@" >/dev/null
cmake --build "$build" -j "$(nproc)" --target sparsepv cuda_device_test cuda_conformance kernel_conformance_cpu \
  spv-pvp-inspect spv-make-bars
cd "$build"
ctest --output-on-failure -L gpu
ctest --output-on-failure -R '^kernel_conformance_cpu$'
