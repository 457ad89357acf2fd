#!/usr/bin/env bash
# Restart: a bars learning run of 2N steps equals N steps + checkpoint + restart (-c) + N more, and the same with -r
# (which must cut outputs written after the checkpoint it picks), byte for byte in every output file and the final
# weights; a warm start (initializeFromCheckpointDir) starts from the learned dictionary.
# usage: check_restart.sh SPARSEPV SPV_MAKE_BARS SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 src=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"

"$make_bars" --count 20 --size 16 --prob 0.125 --seed 1 --out "$tmp/bars.pvp" >/dev/null
# params STOP OUT [extra lua]
params() {
  cat >"$tmp/run.lua" <<LUA
local net = dofile("$src/lua/examples/bars.lua")
net.Input.inputPath = "$tmp/bars.pvp"
net.column.stopTime = $1
net.column.checkpointWrite = true
net.column.checkpointWriteDir = "$2/ckpt"
net.column.checkpointWriteStepInterval = 100
net.V1.writeStep = 20
net.Error.writeStep = 40
net.V1ToError.writeStep = 100
${3:-}
return net
LUA
}
run() { "$sparsepv" -q -t 1 -p "$tmp/run.lua" -o "$2" "${@:3}" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "$1"; }; }
# Every output file (not checkpoints, params echo or timers) must be equal.
same_outputs() {
  local a=$1 b=$2 n=0
  for f in "$a"/*; do
    name=$(basename "$f")
    case "$name" in ckpt|Last|Checkpoints|timestamps|timers.txt|pv.params|pv.params.lua) continue ;; esac
    cmp -s "$f" "$b/$name" || fail "$3: $name differs from the straight run"
    n=$((n + 1))
  done
  if [ -d "$a/timestamps" ]; then diff -r "$a/timestamps" "$b/timestamps" >/dev/null || fail "$3: timestamps differ"; fi
  [ "$(ls "$a" | wc -l)" = "$(ls "$b" | wc -l)" ] || fail "$3: different file lists: $(ls "$a") / $(ls "$b")"
  cmp -s "$a/Last/V1ToError_W.pvp" "$b/Last/V1ToError_W.pvp" || fail "$3: final weights differ"
  cmp -s "$a/Last/V1ToError_prev_dW.pvp" "$b/Last/V1ToError_prev_dW.pvp" || fail "$3: final momentum differs"
  echo "$3: $n output files and the final weights equal the straight run"
}

params 400 "$tmp/a"; run "straight run" "$tmp/a"

params 200 "$tmp/b"; run "first half" "$tmp/b"
[ -f "$tmp/b/Last/manifest" ] || fail "no final checkpoint in $tmp/b/Last"
params 400 "$tmp/b"; run "restart with -c" "$tmp/b" -c "$tmp/b/Last"
same_outputs "$tmp/a" "$tmp/b" "-c"

# -r: the first run goes on to step 300 after its checkpoint at 200; -r picks Checkpoint200 and cuts the outputs.
params 300 "$tmp/c"; run "first part" "$tmp/c"
[ -d "$tmp/c/ckpt/Checkpoint200" ] || fail "no Checkpoint200 in $tmp/c/ckpt: $(ls "$tmp/c/ckpt")"
params 400 "$tmp/c"; run "restart with -r" "$tmp/c" -r
grep -q "Checkpoint" "$tmp/c/ckpt/Checkpoint300/timeinfo" 2>/dev/null && true
same_outputs "$tmp/a" "$tmp/c" "-r"

# Warm start: a new run whose dictionary comes from the learned one writes it as its first weight frame.
params 40 "$tmp/w" "net.column.initializeFromCheckpointDir = \"$tmp/a/Last\"
net.V1ToError.initializeFromCheckpointFlag = true
net.V1ToError.writeStep = 40"
run "warm start" "$tmp/w"
size=$(stat -c %s "$tmp/a/Last/V1ToError_W.pvp")
cmp -s -n "$size" "$tmp/a/Last/V1ToError_W.pvp" "$tmp/w/V1ToError.pvp" ||
  fail "the warm start's first weight frame is not the learned dictionary"
echo "warm start: the first weight frame equals the learned dictionary"
