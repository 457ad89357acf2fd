#!/usr/bin/env bash
# Restart: a bars learning run of 2N steps equals N steps + checkpoint + restart (-c) + N more, and the same with -r
# (which must cut outputs written after the checkpoint it picks), byte for byte in every output file and the final
# weights; a warm start (initializeFromCheckpointDir) starts from the learned dictionary.
# usage: check_restart.sh SPARSEPV SPV_MAKE_BARS SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 src=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/bars_learning.sh"

"$make_bars" --count 20 --size 16 --prob 0.125 --seed 1 --out "$tmp/bars.pvp" >/dev/null
# params STOP OUT [extra lua]
params() { bars_learning_lua "$tmp/run.lua" "$1" "$2" 100 "${3:-}"; }
run() { "$sparsepv" -q -t 1 -p "$tmp/run.lua" -o "$2" "${@:3}" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "$1"; }; }

params 400 "$tmp/a"; run "straight run" "$tmp/a"

params 200 "$tmp/b"; run "first half" "$tmp/b"
[ -f "$tmp/b/Last/manifest" ] || fail "no final checkpoint in $tmp/b/Last"
params 400 "$tmp/b"; run "restart with -c" "$tmp/b" -c "$tmp/b/Last"
same_as_straight_run "$tmp/a" "$tmp/b" "-c"

# -r: the first run goes on to step 300 after its checkpoint at 200; -r picks Checkpoint200 and cuts the outputs.
params 300 "$tmp/c"; run "first part" "$tmp/c"
[ -d "$tmp/c/ckpt/Checkpoint200" ] || fail "no Checkpoint200 in $tmp/c/ckpt: $(ls "$tmp/c/ckpt")"
params 400 "$tmp/c"; run "restart with -r" "$tmp/c" -r
same_as_straight_run "$tmp/a" "$tmp/c" "-r"

# Warm start: a new run whose dictionary comes from the learned one writes it as its first weight frame.
params 40 "$tmp/w" "net.column.initializeFromCheckpointDir = \"$tmp/a/Last\"
net.V1ToError.initializeFromCheckpointFlag = true
net.V1ToError.writeStep = 40"
run "warm start" "$tmp/w"
# The checkpoint's weights carry the checkpoint's time (400) in their header (the float64 at byte 72); the warm
# start's first frame is written at t = 0, so the two agree in every byte after the 104-byte header.
[ "$(od -An -t f8 -j 72 -N 8 "$tmp/a/Last/V1ToError_W.pvp" | tr -d ' ')" = 400 ] ||
  fail "Last/V1ToError_W.pvp does not carry the checkpoint time 400"
size=$(stat -c %s "$tmp/a/Last/V1ToError_W.pvp")
cmp -s -i 104 -n "$((size - 104))" "$tmp/a/Last/V1ToError_W.pvp" "$tmp/w/V1ToError.pvp" ||
  fail "the warm start's first weight frame is not the learned dictionary"
echo "warm start: the first weight frame equals the learned dictionary; the checkpoint's weights carry t = 400"
