#!/usr/bin/env bash
# Configures and builds sparsepv into build/ (Release, MPI and OpenMP on; CUDA on when nvcc is on PATH).
# Extra arguments go to cmake's configure step, e.g. scripts/build.sh -DSPV_WITH_CUDA=OFF.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cuda=OFF
command -v nvcc >/dev/null 2>&1 && cuda=ON
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release -DSPV_WITH_CUDA=$cuda "$@" >/dev/null
cmake --build "$root/build" -j "$(nproc)"
