#!/usr/bin/env bash
# Decomposition: the LCA tutorial (40 steps) at 2x1, 1x2 and 2x2 ranks (and 2x1 with 2 threads per rank), and the
# bars learning network with nbatch 4 (8 images) at batch width 2 and 4 (and 2 with 2 threads per rank), write the
# same probe files, PVP activity and final weights, byte for byte, as the one-process, one-thread run; and checkpoints
# written at 2x2 (tutorial) and batch width 2 (bars) restart on one process equal to the straight run.
# usage: check_mpi.sh SPARSEPV SPV_MAKE_BARS MPIEXEC SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 mpiexec=$3 src=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
# 4 ranks on 2 cores, as root in CI.
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
serial() { "$sparsepv" -q -t 1 "$@" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "sparsepv $*"; }; }
# ranks N ARGS: N ranks of THREADS (default 1) OpenMP threads each.
ranks() {
  local n=$1; shift
  timeout 120 "$mpiexec" -np "$n" --oversubscribe "$sparsepv" -q -t "${THREADS:-1}" "$@" >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; fail "mpirun -np $n sparsepv $*"; }
}

short_tutorial "$tmp/tutorial.lua" "$src" 40 10
serial -p "$tmp/tutorial.lua" -o "$tmp/t1"
ranks 2 -p "$tmp/tutorial.lua" -o "$tmp/t21" -rows 2
same_outputs "$tmp/t1" "$tmp/t21" "tutorial 2x1" 9
THREADS=2 ranks 2 -p "$tmp/tutorial.lua" -o "$tmp/t21t2" -rows 2
same_outputs "$tmp/t1" "$tmp/t21t2" "tutorial 2x1, 2 threads per rank" 9
ranks 2 -p "$tmp/tutorial.lua" -o "$tmp/t12" -columns 2
same_outputs "$tmp/t1" "$tmp/t12" "tutorial 1x2" 9
ranks 4 -p "$tmp/tutorial.lua" -o "$tmp/t22" -rows 2 -columns 2
same_outputs "$tmp/t1" "$tmp/t22" "tutorial 2x2" 9

"$make_bars" --count 64 --size 16 --prob 0.125 --seed 1 --out "$tmp/bars.pvp" >/dev/null
cat >"$tmp/bars.lua" <<LUA
local net = dofile("$src/lua/examples/bars.lua")
net.Input.inputPath = "$tmp/bars.pvp"
net.column.nbatch = 4
net.column.stopTime = 40 * 8
net.V1ToError.writeStep = 40 * 4
net.V1.writeStep = 40
net.Error.writeStep = 40
return net
LUA
serial -p "$tmp/bars.lua" -o "$tmp/b1"
ranks 2 -p "$tmp/bars.lua" -o "$tmp/b2" -batchwidth 2
same_outputs "$tmp/b1" "$tmp/b2" "bars nbatch 4, batch width 2" 15
THREADS=2 ranks 2 -p "$tmp/bars.lua" -o "$tmp/b2t2" -batchwidth 2
same_outputs "$tmp/b1" "$tmp/b2t2" "bars nbatch 4, batch width 2, 2 threads per rank" 15
ranks 4 -p "$tmp/bars.lua" -o "$tmp/b4" -batchwidth 4
same_outputs "$tmp/b1" "$tmp/b4" "bars nbatch 4, batch width 4" 15

# Checkpoints written under a decomposition restart under another: N steps at 2x2 (tutorial) or batch width 2 (bars,
# whose 1x1 code layer cannot be split in x-y), then a one-process restart (-c) for N more, must write the same
# outputs, byte for byte, as a straight one-process run of 2N steps.
# restart_params NET STOP OUT: the network with checkpoints every 10 steps under OUT/ckpt.
restart_params() {
  cat >"$tmp/restart.lua" <<LUA
local net = dofile("$tmp/$1.lua")
net.column.stopTime = $2
net.column.checkpointWrite = true
net.column.checkpointWriteDir = "$3/ckpt"
net.column.checkpointWriteStepInterval = 10
return net
LUA
}
check_restart() {
  local net=$1 half=$2 full=$3 label=$4 files=$5; shift 5
  restart_params "$net" "$full" "$tmp/${net}_straight"; serial -p "$tmp/restart.lua" -o "$tmp/${net}_straight"
  restart_params "$net" "$half" "$tmp/${net}_split"; ranks "$@" -p "$tmp/restart.lua" -o "$tmp/${net}_split"
  [ -f "$tmp/${net}_split/Last/manifest" ] || fail "no final checkpoint from the split run ($label)"
  restart_params "$net" "$full" "$tmp/${net}_split"
  serial -p "$tmp/restart.lua" -o "$tmp/${net}_split" -c "$tmp/${net}_split/Last"
  same_outputs "$tmp/${net}_straight" "$tmp/${net}_split" "$label, restarted at 1 rank" "$files"
  for f in "$tmp/${net}_straight"/Last/*_W.pvp; do
    cmp -s "$f" "$tmp/${net}_split/Last/$(basename "$f")" || fail "$label: final $(basename "$f") differs"
  done
}
check_restart tutorial 20 40 "tutorial checkpoint at 2x2" 9 4 -rows 2 -columns 2
check_restart bars 160 320 "bars nbatch 4 checkpoint at batch width 2" 15 2 -batchwidth 2
