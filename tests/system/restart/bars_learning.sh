# Shared by the restart scripts (source it after ../lib.sh, with $src, $tmp set): the bars learning run they
# checkpoint, and the comparison of a restarted run with the straight one.

# bars_learning_lua FILE STOP OUT INTERVAL [LUA LINES]: writes FILE, a bars learning run on $tmp/bars.pvp to STOP with
# checkpoints every INTERVAL steps in OUT/ckpt and V1, Error and weight outputs; extra Lua lines go before `return`.
bars_learning_lua() {
  cat >"$1" <<LUA
local net = dofile("$src/lua/examples/bars.lua")
net.Input.inputPath = "$tmp/bars.pvp"
net.column.stopTime = $2
net.column.checkpointWrite = true
net.column.checkpointWriteDir = "$3/ckpt"
net.column.checkpointWriteStepInterval = $4
net.V1.writeStep = 20
net.Error.writeStep = 40
net.V1ToError.writeStep = 100
${5:-}
return net
LUA
}

# same_as_straight_run A B LABEL: every output of run B (not checkpoints, params echo or timers) equals run A's, the
# file lists and timestamps agree, and so do the final weights and momentum.
same_as_straight_run() {
  local a=$1 b=$2 n=0 f name
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
