#!/usr/bin/env bash
# The connection types added from OpenPV (CopyConn, FeedbackConn, PlasticCloneConn, PoolingConn with its
# PoolingIndexLayer, TransposePoolingConn, WTAConn) in one learning network (net.lua): the outputs of 1 rank equal,
# byte for byte, those of 2x1, 1x2 and 2x2 ranks, batch width 2, and 2 threads; 6 steps, then 6 more restarted from
# the checkpoint (on one process and at 2x2) equal 12 straight; --describe shows every type.
# usage: check_openpv_conns.sh SPARSEPV SPV_MAKE_BARS MPIEXEC SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 mpiexec=$3 src=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
unset OMP_NUM_THREADS
files=16  # the PVP files of 14 layers and 2 weight outputs

for type in CopyConn FeedbackConn PlasticCloneConn PoolingConn PoolingIndexLayer TransposePoolingConn WTAConn; do
  "$sparsepv" --describe "$type" | head -1 | grep -qx "$type" || fail "--describe $type"
done
echo "ok: --describe shows every type"

"$make_bars" --count 12 --size 16 --prob 0.125 --seed 3 --out "$tmp/bars.pvp" >/dev/null
params() {
  cat >"$tmp/net$1.lua" <<LUA
local net = dofile("$src/tests/system/openpv_conns/net.lua")
net.Input.inputPath = "$tmp/bars.pvp"
net.column.stopTime = $1
return net
LUA
}
params 12; params 6
serial() { OMP_NUM_THREADS=${THREADS:-1} "$sparsepv" -q "$@" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "sparsepv $*"; }; }
ranks() {
  local n=$1; shift
  OMP_NUM_THREADS=1 timeout 120 "$mpiexec" -np "$n" --oversubscribe "$sparsepv" -q "$@" >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; fail "mpirun -np $n sparsepv $*"; }
}

serial -p "$tmp/net12.lua" -o "$tmp/one"
# Max pooling routed back without an index layer (winners found again) equals the routing through the recorded ones.
cmp -s "$tmp/one/Unpooled.pvp" "$tmp/one/UnpooledAlone.pvp" || fail "UnpooledAlone.pvp differs from Unpooled.pvp"
cmp -s "$tmp/one/Pooled.pvp" "$tmp/one/PooledAlone.pvp" || fail "PooledAlone.pvp differs from Pooled.pvp"
echo "ok: max unpooling without an index layer equals the routing through it"
for split in "2 -rows 2" "2 -columns 2" "4 -rows 2 -columns 2" "2 -batchwidth 2"; do
  set -- $split
  n=$1; shift
  ranks "$n" -p "$tmp/net12.lua" -o "$tmp/r$n$*" "$@"
  same_outputs "$tmp/one" "$tmp/r$n$*" "$n ranks $*" "$files"
done
THREADS=2 serial -p "$tmp/net12.lua" -o "$tmp/t2"
same_outputs "$tmp/one" "$tmp/t2" "2 threads" "$files"

# Restart: the learned dictionary, the copy's normalisation and the index layer continue as if uninterrupted.
serial -p "$tmp/net6.lua" -o "$tmp/rs"
serial -p "$tmp/net12.lua" -o "$tmp/rs" -c "$tmp/rs/Last"
same_outputs "$tmp/one" "$tmp/rs" "6 steps + 6 restarted" "$files"
ranks 4 -p "$tmp/net6.lua" -o "$tmp/rm" -rows 2 -columns 2
ranks 4 -p "$tmp/net12.lua" -o "$tmp/rm" -rows 2 -columns 2 -c "$tmp/rm/Last"
same_outputs "$tmp/one" "$tmp/rm" "6 steps + 6 restarted at 2x2" "$files"
