#!/usr/bin/env bash
# The architecture's seams: the folder order of includes, MPI calls only in core/comm/, CUDA/cuDNN names only in
# cuda/ (and build files); and, given the executable, that it links no analysis or data-preparation library.
# usage: check_architecture.sh SOURCE_DIR [SPARSEPV]
set -u
root=$1 sparsepv=${2:-}
# Which folders' headers each folder may include (its own always): params <- lua; params <- core <- layers,
# connections, probes, cuda <- app; data and analysis beside the simulator, for the tools; the fuzz targets read
# through params, lua and core. An include against this
# order fails here (and, for the libraries, at compile time: each library sees only its own and its dependencies'
# headers).
declare -A allowed=(
  [params]="" [lua]="params" [core]="params"
  [layers]="params core" [connections]="params core" [probes]="params core" [cuda]="params core"
  [app]="params lua core layers connections probes cuda"
  [data]="params core" [analysis]="params core data"
  [tools]="params lua core layers connections probes cuda app data analysis"
  [bench]="params lua core layers connections probes cuda app"
  [fuzz]="params lua core"
)
upward=
scanned=0
for folder in "${!allowed[@]}"; do
  [ -d "$root/$folder" ] || continue
  while IFS=: read -r file line target; do
    [ -n "$file" ] || continue
    scanned=$((scanned + 1))
    [ "$target" = "$folder" ] && continue
    case " ${allowed[$folder]} " in *" $target "*) continue ;; esac
    upward+="$file:$line: includes $target/ (${folder}/ may include: ${allowed[$folder]:-only its own})"$'\n'
  done < <(cd "$root" && grep -rnoE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[a-z_]+/' "$folder" \
    --include='*.cpp' --include='*.hpp' --include='*.cu' --include='*.cuh' --include='*.inc' --include='*.h' |
    sed -E 's/^([^:]+):([0-9]+):.*"([a-z_]+)\/$/\1:\2:\3/')
done
code_dirs="params lua core layers connections probes tools app bench fuzz"
mpi=$(cd "$root" && grep -rnE '\bMPI_[A-Za-z_]+|#include *<mpi\.h>' $code_dirs --include='*.cpp' --include='*.hpp' \
  | grep -v '^core/comm/')
cuda=$(cd "$root" && grep -rnE '\bcuda[A-Z][A-Za-z]*\(|\bcudnn[A-Z][A-Za-z]*|#include *<cuda|__global__' $code_dirs \
  --include='*.cpp' --include='*.hpp')
status=0
[ -z "$upward" ] || { echo "includes against the folder order:"; printf '%s' "$upward"; status=1; }
# A scan that read no include would pass whatever the tree held.
[ "$scanned" -ge 100 ] || { echo "only $scanned project includes scanned: the include scan is broken"; status=1; }
[ -z "$mpi" ] || { echo "MPI outside core/comm/:"; echo "$mpi"; status=1; }
[ -z "$cuda" ] || { echo "CUDA outside cuda/:"; echo "$cuda"; status=1; }
ifdefs=$(cd "$root" && grep -rn 'SPV_HAVE_CUDA' $code_dirs --include='*.cpp' --include='*.hpp' | grep -v '^app/main.cpp')
[ -z "$ifdefs" ] || { echo "SPV_HAVE_CUDA outside the back-end seam:"; echo "$ifdefs"; status=1; }
if [ -n "$sparsepv" ]; then
  linked=$(ldd "$sparsepv" | grep -E 'libfreetype|liblinear|libsvm' || true)
  [ -z "$linked" ] || { echo "sparsepv links analysis libraries:"; echo "$linked"; status=1; }
fi
[ $status -eq 0 ] && echo "ok: $scanned includes follow the folder order, no MPI outside core/comm/, no CUDA outside cuda/"
exit $status
