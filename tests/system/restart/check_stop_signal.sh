#!/usr/bin/env bash
# SIGTERM and SIGINT stop a learning run cleanly: it finishes its timestep, writes a complete checkpoint (manifest)
# and exits with 128 + signal (143, 130); -c from that checkpoint then equals an uninterrupted run byte for byte.
# usage: check_stop_signal.sh SPARSEPV SPV_MAKE_BARS SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 src=$3
tmp=$(mktemp -d)
pid=
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/bars_learning.sh"

"$make_bars" --count 20 --size 16 --prob 0.125 --seed 1 --out "$tmp/bars.pvp" >/dev/null
# params STOP OUT: a bars learning run with periodic checkpoints; the signalled runs get a stopTime far beyond what
# they reach, so only the signal ends them.
params() { bars_learning_lua "$tmp/run.lua" "$1" "$2" 200; }
run() { "$sparsepv" -q -t 1 -p "$tmp/run.lua" -o "$2" "${@:3}" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "$1"; }; }

# interrupt SIGNAL OUT: starts a long run, waits until it has stepped (its first periodic checkpoint exists), sends
# the signal, and leaves the exit status in $status and the checkpoint it wrote on stopping in $stopped.
interrupt() {
  local sig=$1 out=$2
  params 100000000 "$out"
  "$sparsepv" -q -t 1 -p "$tmp/run.lua" -o "$out" >"$tmp/log_$sig" 2>&1 &
  pid=$!
  for ((i = 0; i < 3000; i++)); do
    compgen -G "$out/ckpt/Checkpoint*[0-9]" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/log_$sig"; fail "$sig: the run ended before it was signalled"; }
    sleep 0.01
  done
  compgen -G "$out/ckpt/Checkpoint*[0-9]" >/dev/null || fail "$sig: no periodic checkpoint after 30 s"
  kill -"$sig" "$pid"
  status=0
  wait "$pid" || status=$?
  pid=
  grep -q "stopped by signal" "$tmp/log_$sig" || { cat "$tmp/log_$sig"; fail "$sig: no stop message"; }
  # The checkpoint written on stopping is the newest; nothing half-written may be left beside it.
  stopped=$(ls -d "$out"/ckpt/Checkpoint* | sort | tail -n 1)
  case "$stopped" in *.tmp|*.old) fail "$sig: a partial checkpoint was left: $stopped" ;; esac
  [ -f "$stopped/manifest" ] || fail "$sig: $stopped has no manifest"
  tail -n 1 "$stopped/manifest" | grep -q . || fail "$sig: $stopped/manifest is empty"
}

interrupt TERM "$tmp/b"
[ "$status" = 143 ] || { cat "$tmp/log_TERM"; fail "SIGTERM: exit status $status, expected 143"; }
step=$(sed -n 's/^step = //p' "$stopped/timeinfo")
[ -n "$step" ] && [ "$step" -gt 0 ] || fail "SIGTERM: no step in $stopped/timeinfo"
echo "SIGTERM: status 143 after step $step, complete checkpoint $(basename "$stopped") ($(sed -n '$p' "$stopped/manifest"))"

# The uninterrupted run and the restart both go 400 steps past the stop.
stop=$((step + 400))
params "$stop" "$tmp/a"; run "straight run" "$tmp/a"
params "$stop" "$tmp/b"; run "restart with -c" "$tmp/b" -c "$stopped"
same_as_straight_run "$tmp/a" "$tmp/b" "SIGTERM: -c from it to step $stop"

interrupt INT "$tmp/c"
[ "$status" = 130 ] || { cat "$tmp/log_INT"; fail "SIGINT: exit status $status, expected 130"; }
echo "SIGINT: status 130, complete checkpoint $(basename "$stopped")"
