#!/usr/bin/env bash
# ARCHITECTURE.md's seams: MPI calls only in core/comm/, CUDA/cuDNN names only in cuda/ (and build files).
set -u
root=$1
code_dirs="params lua core layers connections probes tools app bench"
mpi=$(cd "$root" && grep -rnE '\bMPI_[A-Za-z_]+|#include *<mpi\.h>' $code_dirs --include='*.cpp' --include='*.hpp' \
  | grep -v '^core/comm/')
cuda=$(cd "$root" && grep -rnE '\bcuda[A-Z][A-Za-z]*\(|\bcudnn[A-Z][A-Za-z]*|#include *<cuda|__global__' $code_dirs \
  --include='*.cpp' --include='*.hpp')
status=0
[ -z "$mpi" ] || { echo "MPI outside core/comm/:"; echo "$mpi"; status=1; }
[ -z "$cuda" ] || { echo "CUDA outside cuda/:"; echo "$cuda"; status=1; }
ifdefs=$(cd "$root" && grep -rn 'SPV_HAVE_CUDA' $code_dirs --include='*.cpp' --include='*.hpp' | grep -v '^app/main.cpp')
[ -z "$ifdefs" ] || { echo "SPV_HAVE_CUDA outside the back-end seam:"; echo "$ifdefs"; status=1; }
[ $status -eq 0 ] && echo "ok: no MPI outside core/comm/, no CUDA outside cuda/"
exit $status
