#!/usr/bin/env bash
# A learning convolutional dictionary under every decomposition: 16x16 bars images coded by a 4x4x16 LCA layer
# through an 8x8 momentum-learned dictionary (stride 4), nbatch 4, 8 images per batch element (320 steps, 8 weight
# updates). At 2x1, 1x2 and 2x2 ranks, batch width 2 and 4, and 2 threads (one process, and 2x1 ranks), it must
# write the same probe files, PVP activity and final weights, byte for byte, as the one-process, one-thread run.
# Checkpoints: written at 2x2 and restarted on one process, and written on one process and restarted at 2x2 (whose
# ranks then read it through the root), equal the straight run. Errors in input files reach every rank as one
# message: a bad file found when the network is built, and a bad image met during the run.
# usage: check_mpi_learning.sh SPARSEPV SPV_MAKE_BARS MPIEXEC SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 mpiexec=$3 src=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
# 4 ranks on 2 cores, as root in CI.
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
serial() { "$sparsepv" -q -t "${THREADS:-1}" "$@" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "sparsepv $*"; }; }
# ranks N ARGS: N ranks of THREADS (default 1) OpenMP threads each.
ranks() {
  local n=$1; shift
  timeout 120 "$mpiexec" -np "$n" --oversubscribe "$sparsepv" -q -t "${THREADS:-1}" "$@" >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; fail "mpirun -np $n sparsepv $*"; }
}
# same_weights A B LABEL: the final checkpoint's weights agree byte for byte.
same_weights() {
  local n=0
  for f in "$1"/Last/*_W.pvp; do
    cmp -s "$f" "$2/Last/$(basename "$f")" || fail "$3: final $(basename "$f") differs"
    n=$((n + 1))
  done
  [ "$n" -ge 1 ] || fail "$3: no final weights to compare"
}

"$make_bars" --count 40 --size 16 --prob 0.125 --seed 3 --out "$tmp/bars.pvp" >/dev/null
cat >"$tmp/conv.lua" <<LUA
local net = dofile("$src/lua/examples/bars.lua")
net.column.nbatch = 4
net.column.stopTime = 40 * 8
net.column.progressInterval = 1000
net.Input.inputPath = "$tmp/bars.pvp"
net.Input.writeStep = 40
net.V1.nxScale = 0.25
net.V1.nyScale = 0.25
net.V1.nf = 16
net.V1.writeStep = 20
net.Error.writeStep = 20
net.V1ToError.nxp = 8
net.V1ToError.nyp = 8
net.V1ToError.dWMax = 0.1
net.V1ToError.writeStep = 80
return net
LUA
files=16  # 3 probes x 4 batch elements, 4 PVP files
serial -p "$tmp/conv.lua" -o "$tmp/c1"
[ -s "$tmp/c1/V1ToError.pvp" ] || fail "no dictionary written"
for split in "2 -rows 2" "2 -columns 2" "4 -rows 2 -columns 2" "2 -batchwidth 2" "4 -batchwidth 4"; do
  set -- $split
  n=$1; shift
  ranks "$n" -p "$tmp/conv.lua" -o "$tmp/c$n$*" "$@"
  same_outputs "$tmp/c1" "$tmp/c$n$*" "conv dictionary, $n ranks $*" "$files"
  same_weights "$tmp/c1" "$tmp/c$n$*" "conv dictionary, $n ranks $*"
done
THREADS=2 serial -p "$tmp/conv.lua" -o "$tmp/c1t2"
same_outputs "$tmp/c1" "$tmp/c1t2" "conv dictionary, 2 threads" "$files"
same_weights "$tmp/c1" "$tmp/c1t2" "conv dictionary, 2 threads"
THREADS=2 ranks 2 -p "$tmp/conv.lua" -o "$tmp/c2t2" -rows 2
same_outputs "$tmp/c1" "$tmp/c2t2" "conv dictionary, 2x1 ranks of 2 threads" "$files"
same_weights "$tmp/c1" "$tmp/c2t2" "conv dictionary, 2x1 ranks of 2 threads"

# Checkpoints: 160 steps under one decomposition, then 160 more under another from the final checkpoint (-c),
# against a straight one-process run of 320 steps.
restart_params() {
  cat >"$tmp/restart.lua" <<LUA
local net = dofile("$tmp/conv.lua")
net.column.stopTime = $1
net.column.checkpointWrite = true
net.column.checkpointWriteDir = "$2/ckpt"
net.column.checkpointWriteStepInterval = 80
return net
LUA
}
restart_params 320 "$tmp/straight"; serial -p "$tmp/restart.lua" -o "$tmp/straight"
# run_part N ARGS: N = 1 is one process, otherwise N ranks with the split in ARGS.
run_part() {
  local n=$1; shift
  if [ "$n" = 1 ]; then serial "$@"; else ranks "$n" "$@"; fi
}
check_restart() {
  local label=$1 first=$2 second=$3 out="$tmp/restart_$4"
  restart_params 160 "$out"; run_part $first -p "$tmp/restart.lua" -o "$out"
  [ -f "$out/Last/manifest" ] || fail "no checkpoint from the first half ($label)"
  restart_params 320 "$out"; run_part $second -p "$tmp/restart.lua" -o "$out" -c "$out/Last"
  same_outputs "$tmp/straight" "$out" "$label" "$files"
  same_weights "$tmp/straight" "$out" "$label"
}
check_restart "conv dictionary checkpoint at 2x2, restarted at 1 rank" "4 -rows 2 -columns 2" "1" a
check_restart "conv dictionary checkpoint at 1 rank, restarted at 2x2" "1" "4 -rows 2 -columns 2" b
check_restart "conv dictionary checkpoint at batch width 2, restarted at 1x2" "2 -batchwidth 2" "2 -columns 2" c

# expect_one_error LABEL PATTERN N ARGS: N ranks fail with a non-zero status and one message naming PATTERN.
expect_one_error() {
  local label=$1 pattern=$2 n=$3; shift 3
  local status=0
  timeout 120 "$mpiexec" -np "$n" --oversubscribe "$sparsepv" -q -t 1 "$@" >"$tmp/log" 2>&1 || status=$?
  [ "$status" -ne 0 ] || { cat "$tmp/log"; fail "$label: the run succeeded"; }
  [ "$status" -ne 124 ] || { cat "$tmp/log"; fail "$label: the ranks hung"; }
  local messages
  messages=$(grep -c '^sparsepv' "$tmp/log" || true)
  [ "$messages" = 1 ] || { cat "$tmp/log"; fail "$label: $messages messages, expected one"; }
  grep -q "^sparsepv: error: .*$pattern" "$tmp/log" || { cat "$tmp/log"; fail "$label: the message lacks $pattern"; }
  grep -q "MPI_ABORT" "$tmp/log" && { cat "$tmp/log"; fail "$label: a rank aborted the others"; }
  echo "ok: $label"
}
head -c 300 "$tmp/bars.pvp" >"$tmp/truncated.pvp"
cat >"$tmp/bad_build.lua" <<LUA
local net = dofile("$tmp/conv.lua")
net.Input.inputPath = "$tmp/truncated.pvp"
return net
LUA
expect_one_error "a truncated input file at 2x2" truncated.pvp 4 -p "$tmp/bad_build.lua" -o "$tmp/e1" -rows 2 -columns 2
[ ! -e "$tmp/e1" ] || fail "a failed run left its output directory"
# A good 16x16 grey PNG from the bars tool, an unreadable one, and a list that meets the bad one in the run.
mkdir "$tmp/png"
"$make_bars" --count 1 --size 16 --seed 3 --out "$tmp/one.pvp" --png-dir "$tmp/png" >/dev/null
cp "$tmp/png/bars_000000.png" "$tmp/good.png"
printf 'not a png' >"$tmp/bad.png"
printf 'good.png\ngood.png\ngood.png\ngood.png\nbad.png\n' >"$tmp/list.txt"
cat >"$tmp/bad_run.lua" <<LUA
local net = dofile("$tmp/conv.lua")
net.Input.groupType = "ImageLayer"
net.Input.inputPath = "$tmp/list.txt"
return net
LUA
expect_one_error "an unreadable image met in the run at batch width 4" "bad.png" 4 -p "$tmp/bad_run.lua" \
  -o "$tmp/e2" -batchwidth 4
