#!/usr/bin/env bash
# The LCA-test types from OpenPV (net.lua: FirmThresholdCostLayer, DependentFirmThresholdCostLayer, MomentumLCALayer,
# InputRegionLayer, useInputBCflag, FirmThresholdCostFnProbe, FirmThresholdCostFnLCAProbe) under every
# decomposition: 2x1, 1x2 and 2x2 ranks, batch width 2 and 4, and 2 threads must write the same probe and PVP files,
# byte for byte, as one process with one thread. Checkpoints: 5 steps then 5 more from the final checkpoint (-c),
# on one process, at 2x2 restarted on one process, and restarted at batch width 2, equal 10 straight steps (the
# momentum's previous drive is state).
# usage: check_openpv_cost.sh SPARSEPV SPV_MAKE_BARS MPIEXEC SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 mpiexec=$3 src=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
net="$src/tests/system/openpv_cost/net.lua"
files=18  # 8 PVP files and the probes' text files (one per batch element for most)
"$make_bars" --count 6 --size 16 --prob 0.2 --seed 9 --out "$tmp/bars.pvp" >/dev/null
export SPV_BARS="$tmp/bars.pvp"
# run OUT STOP N ARGS: N = 1 is one process, otherwise N ranks with the split in ARGS; THREADS (default 1) each.
run() {
  local out=$1 stop=$2 n=$3; shift 3
  if [ "$n" = 1 ]; then
    SPV_OUT=$out SPV_STOP=$stop "$sparsepv" -q -t "${THREADS:-1}" -p "$net" "$@" >"$tmp/log" 2>&1 ||
      { cat "$tmp/log"; fail "sparsepv $*"; }
  else
    SPV_OUT=$out SPV_STOP=$stop timeout 120 "$mpiexec" -np "$n" --oversubscribe -x SPV_OUT -x SPV_STOP -x SPV_BARS \
      "$sparsepv" -q -t "${THREADS:-1}" -p "$net" "$@" >"$tmp/log" 2>&1 ||
      { cat "$tmp/log"; fail "mpirun -np $n sparsepv $*"; }
  fi
}

run "$tmp/one" 10 1
[ -s "$tmp/one/V1Cost.pvp" ] || fail "no DependentFirmThresholdCostLayer output"
for split in "2 -rows 2" "2 -columns 2" "4 -rows 2 -columns 2" "2 -batchwidth 2" "4 -batchwidth 4"; do
  set -- $split
  n=$1; shift
  run "$tmp/r$n$*" 10 "$n" "$@"
  same_outputs "$tmp/one" "$tmp/r$n$*" "OpenPV LCA types, $n ranks $*" "$files"
done
THREADS=2 run "$tmp/t2" 10 1
same_outputs "$tmp/one" "$tmp/t2" "OpenPV LCA types, 2 threads" "$files"
THREADS=2 run "$tmp/r2t2" 10 2 -columns 2
same_outputs "$tmp/one" "$tmp/r2t2" "OpenPV LCA types, 1x2 ranks of 2 threads" "$files"

check_restart() {
  local label=$1 first=$2 second=$3 out="$tmp/restart_$4"
  run "$out" 5 $first
  [ -f "$out/Last/manifest" ] || fail "no checkpoint from the first half ($label)"
  run "$out" 10 $second -c "$out/Last"
  same_outputs "$tmp/one" "$out" "$label" "$files"
}
check_restart "OpenPV LCA types, 5 + 5 steps restarted on one process" 1 1 a
check_restart "OpenPV LCA types, checkpoint at 2x2, restarted on one process" "4 -rows 2 -columns 2" 1 b
check_restart "OpenPV LCA types, checkpoint on one process, restarted at batch width 2" 1 "2 -batchwidth 2" c
