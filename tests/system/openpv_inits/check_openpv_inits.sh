#!/usr/bin/env bash
# OpenPV's weight initialisers (Gauss2DWeight, SpreadOverArborsWeight, DiscreteUniformRandomWeight, UniformWeight,
# SmartWeight, OneToOneWeightsWithDelays) write the same weights, byte for byte, on 1 process and on 2x1, 1x2 and
# 2x2 ranks: no initial weight may depend on the decomposition.
# usage: check_openpv_inits.sh SPARSEPV MPIEXEC
set -euo pipefail
sparsepv=$1 mpiexec=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$here/../lib.sh"
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
net=$here/network.lua

"$sparsepv" -q -t 1 -p "$net" -o "$tmp/one" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "sparsepv on one process"; }
for w in Gauss GaussDown GaussUp Spread Discrete Uniform Smart Delays; do
  [ -s "$tmp/one/$w.pvp" ] || fail "no weights written for $w"
done
# ranks N OUT ARGS
ranks() {
  local n=$1 out=$2; shift 2
  timeout 120 "$mpiexec" -np "$n" --oversubscribe "$sparsepv" -q -t 1 -p "$net" -o "$out" "$@" >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; fail "mpirun -np $n sparsepv $*"; }
}
ranks 2 "$tmp/rows" -rows 2
same_outputs "$tmp/one" "$tmp/rows" "2x1" 8
ranks 2 "$tmp/cols" -columns 2
same_outputs "$tmp/one" "$tmp/cols" "1x2" 8
ranks 4 "$tmp/both" -rows 2 -columns 2
same_outputs "$tmp/one" "$tmp/both" "2x2" 8
