#!/usr/bin/env bash
# The OpenPV layer types (net.lua: every one, every RescaleLayer method on whole-layer and per-position statistics)
# under every decomposition: 2x1, 1x2 and 2x2 ranks, batch width 2 and 4, and 2 threads (one process and 2x1 ranks)
# must write the same PVP files, byte for byte, as one process with one thread. Checkpoints: 5 steps then 5 more
# from the final checkpoint (-c), written on one process or at 2x2 and restarted on the other, equal 10 straight
# steps (LeakyIntegrator's V; the Dropout and noise draws follow the step).
# usage: check_openpv_layers.sh SPARSEPV MPIEXEC SOURCE_DIR
set -euo pipefail
sparsepv=$1 mpiexec=$2 src=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
net="$src/tests/system/openpv_layers/net.lua"
files=18  # one PVP file per layer
# run OUT STOP N ARGS: N = 1 is one process, otherwise N ranks with the split in ARGS; THREADS (default 1) each.
run() {
  local out=$1 stop=$2 n=$3; shift 3
  if [ "$n" = 1 ]; then
    SPV_OUT=$out SPV_STOP=$stop "$sparsepv" -q -t "${THREADS:-1}" -p "$net" "$@" >"$tmp/log" 2>&1 ||
      { cat "$tmp/log"; fail "sparsepv $*"; }
  else
    SPV_OUT=$out SPV_STOP=$stop timeout 120 "$mpiexec" -np "$n" --oversubscribe -x SPV_OUT -x SPV_STOP "$sparsepv" -q \
      -t "${THREADS:-1}" -p "$net" "$@" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "mpirun -np $n sparsepv $*"; }
  fi
}

run "$tmp/one" 10 1
[ -s "$tmp/one/Rescale_meanstd.pvp" ] || fail "no RescaleLayer output"
for split in "2 -rows 2" "2 -columns 2" "4 -rows 2 -columns 2" "2 -batchwidth 2" "4 -batchwidth 4"; do
  set -- $split
  n=$1; shift
  run "$tmp/r$n$*" 10 "$n" "$@"
  same_outputs "$tmp/one" "$tmp/r$n$*" "OpenPV layers, $n ranks $*" "$files"
done
THREADS=2 run "$tmp/t2" 10 1
same_outputs "$tmp/one" "$tmp/t2" "OpenPV layers, 2 threads" "$files"
THREADS=2 run "$tmp/r2t2" 10 2 -rows 2
same_outputs "$tmp/one" "$tmp/r2t2" "OpenPV layers, 2x1 ranks of 2 threads" "$files"

check_restart() {
  local label=$1 first=$2 second=$3 out="$tmp/restart_$4"
  run "$out" 5 $first
  [ -f "$out/Last/manifest" ] || fail "no checkpoint from the first half ($label)"
  run "$out" 10 $second -c "$out/Last"
  same_outputs "$tmp/one" "$out" "$label" "$files"
}
check_restart "OpenPV layers, 5 + 5 steps restarted on one process" 1 1 a
check_restart "OpenPV layers, checkpoint at 2x2, restarted on one process" "4 -rows 2 -columns 2" 1 b
check_restart "OpenPV layers, checkpoint on one process, restarted at batch width 2" 1 "2 -batchwidth 2" c
