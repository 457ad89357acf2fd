#!/usr/bin/env bash
# Fault test: kills (SIGKILL) a learning run at random moments, many of them inside checkpoint writing (slowed by
# SPV_CHECKPOINT_SLOW_WRITE_MS, a test-only pause after each file), then restarts with -r. Whatever the kill left,
# -r must pick a complete checkpoint (never a partial one) and the continued run must equal the straight run byte for
# byte; with no complete checkpoint yet, -r must refuse with a clear error.
# usage: check_faults.sh SPARSEPV SPV_MAKE_BARS SOURCE_DIR [TRIALS]
set -euo pipefail
sparsepv=$1 make_bars=$2 src=$3 trials=${4:-5}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"

"$make_bars" --count 20 --size 16 --prob 0.125 --seed 1 --out "$tmp/bars.pvp" >/dev/null
params() {
  cat >"$tmp/run_$2.lua" <<LUA
local net = dofile("$src/lua/examples/bars.lua")
net.Input.inputPath = "$tmp/bars.pvp"
net.column.stopTime = 400
net.column.checkpointWrite = true
net.column.checkpointWriteDir = "$1/ckpt"
net.column.checkpointWriteStepInterval = 50
net.column.deleteOlderCheckpoints = true
net.column.numCheckpointsKept = 2
net.V1.writeStep = 20
net.V1ToError.writeStep = 100
return net
LUA
}
same() {
  for f in "$1"/*.pvp "$1"/*.txt; do
    name=$(basename "$f"); [ "$name" = timers.txt ] && continue
    cmp -s "$f" "$2/$name" || fail "trial $3: $name differs from the straight run"
  done
  cmp -s "$1/Last/V1ToError_W.pvp" "$2/Last/V1ToError_W.pvp" || fail "trial $3: final weights differ"
}

params "$tmp/ref" ref
start=$(date +%s%N)
SPV_CHECKPOINT_SLOW_WRITE_MS=4 "$sparsepv" -q -t 1 -p "$tmp/run_ref.lua" -o "$tmp/ref" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "straight run"; }
span=$(( ($(date +%s%N) - start) / 1000000 ))
echo "straight run with slow checkpoint writes: ${span} ms"
RANDOM=42
restarted=0 refused=0 midwrite=0
for ((k = 0; k < trials; k++)); do
  out="$tmp/t$k"; params "$out" "$k"
  delay=$(( RANDOM % (span > 0 ? span : 1) ))
  SPV_CHECKPOINT_SLOW_WRITE_MS=4 "$sparsepv" -q -t 1 -p "$tmp/run_$k.lua" -o "$out" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # A kill inside a checkpoint write leaves its NAME.tmp (or NAME.old between the two renames) behind.
  if compgen -G "$out/ckpt/*.tmp" >/dev/null || compgen -G "$out/ckpt/*.old" >/dev/null ||
     [ -e "$out/Last.tmp" ] || [ -e "$out/Last.old" ]; then
    midwrite=$((midwrite + 1))
  fi
  # Every checkpoint under its final name must be complete: a partial one only ever lives in CheckpointNNN.tmp.
  for d in "$out"/ckpt/Checkpoint*; do
    [ -d "$d" ] || continue
    case "$d" in *.tmp|*.old) continue ;; esac
    [ -f "$d/manifest" ] || fail "trial $k: $d has its final name but no manifest"
  done
  if "$sparsepv" -q -t 1 -p "$tmp/run_$k.lua" -o "$out" -r >"$tmp/log_$k" 2>&1; then
    same "$tmp/ref" "$out" "$k"
    restarted=$((restarted + 1))
  else
    grep -q "no complete checkpoint" "$tmp/log_$k" || { cat "$tmp/log_$k"; fail "trial $k: -r failed unclearly"; }
    refused=$((refused + 1))
  fi
  rm -rf "$out"
done
echo "$trials kills (delays up to ${span} ms), $midwrite of them inside a checkpoint write: $restarted restarted and" \
  "equal the straight run, $refused had no checkpoint yet and were refused clearly"
