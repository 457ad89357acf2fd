#!/usr/bin/env bash
# The HyPerCol checkpoint keys: trigger modes time and clock, checkpointIndexWidth (directory names),
# deleteOlderCheckpoints/numCheckpointsKept, suppressNonplasticCheckpoints, and defaultInitializeFromCheckpointFlag
# as the default of every object's initializeFromCheckpointFlag in a warm start.
# usage: check_checkpoint_options.sh SPARSEPV SPV_MAKE_BARS SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 src=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"

"$make_bars" --count 20 --size 16 --prob 0.125 --seed 1 --out "$tmp/bars.pvp" >/dev/null
# run NAME STOP [lua lines]: a bars learning run into $tmp/NAME, checkpoints (if any) in $tmp/NAME/ckpt.
run() {
  local name=$1 stop=$2
  cat >"$tmp/$name.lua" <<LUA
local net = dofile("$src/lua/examples/bars.lua")
net.Input.inputPath = "$tmp/bars.pvp"
net.column.stopTime = $stop
net.column.checkpointWriteDir = "$tmp/$name/ckpt"
net.V1.writeStep = 20
net.V1ToError.writeStep = 40
${3:-}
return net
LUA
  "$sparsepv" -q -t 1 -p "$tmp/$name.lua" -o "$tmp/$name" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "$name: the run failed"; }
}
# The checkpoint directory names in $tmp/NAME/ckpt, one line, sorted; every one must be complete.
listing() {
  local d names=""
  for d in "$tmp/$1"/ckpt/*; do
    [ -e "$d" ] || continue
    [ -f "$d/manifest" ] || fail "$1: $(basename "$d") has no manifest"
    names="$names $(basename "$d")"
  done
  echo "${names# }"
}
expect_listing() {
  local got; got=$(listing "$1")
  [ "$got" = "$2" ] || fail "$1: checkpoints \"$got\", expected \"$2\""
  echo "$1: $got"
}

# step: every 50 steps; the final state is the last step's checkpoint too (as OpenPV writes it), beside Last; the
# index width defaults to the digits of the last step (-1), else pads (6) or not at all (1).
run step_width_auto 200 'net.column.checkpointWrite = true
net.column.checkpointWriteStepInterval = 50'
expect_listing step_width_auto "Checkpoint050 Checkpoint100 Checkpoint150 Checkpoint200"
run step_width_6 200 'net.column.checkpointWrite = true
net.column.checkpointWriteStepInterval = 50
net.column.checkpointIndexWidth = 6'
expect_listing step_width_6 "Checkpoint000050 Checkpoint000100 Checkpoint000150 Checkpoint000200"
run step_width_1 200 'net.column.checkpointWrite = true
net.column.checkpointWriteStepInterval = 50
net.column.checkpointIndexWidth = 1'
expect_listing step_width_1 "Checkpoint100 Checkpoint150 Checkpoint200 Checkpoint50"

# time: every 15 units of simulated time with dt = 0.5, so at steps 30, 60, 90, and the final step 100 (names carry
# the step, not the time).
run time_mode 50 'net.column.dt = 0.5
net.column.checkpointWrite = true
net.column.checkpointWriteTriggerMode = "time"
net.column.checkpointWriteTimeInterval = 15'
expect_listing time_mode "Checkpoint030 Checkpoint060 Checkpoint090 Checkpoint100"
grep -q "^time = 15$" "$tmp/time_mode/ckpt/Checkpoint030/timeinfo" || fail "time_mode: Checkpoint030 is not at time 15"

# clock: a small wall-clock interval (20 ms, a tenth of the run, and not much less than one checkpoint write, which
# would make every step write one); no timing is asserted beyond at least one checkpoint appearing.
run clock_mode 20000 'net.column.checkpointWrite = true
net.column.checkpointWriteTriggerMode = "clock"
net.column.checkpointWriteClockInterval = 0.02
net.column.checkpointWriteClockUnit = "seconds"
net.column.deleteOlderCheckpoints = true
net.column.numCheckpointsKept = 3
net.V1.writeStep = -1'
got=$(listing clock_mode)
[ -n "$got" ] || fail "clock_mode: no checkpoint appeared"
echo "clock_mode: $got"

# deleteOlderCheckpoints: only the newest numCheckpointsKept remain (the final one among them), and no .tmp or
# .old directory is left.
run pruned 500 'net.column.checkpointWrite = true
net.column.checkpointWriteStepInterval = 50
net.column.deleteOlderCheckpoints = true
net.column.numCheckpointsKept = 2'
expect_listing pruned "Checkpoint450 Checkpoint500"
run kept 300 'net.column.checkpointWrite = true
net.column.checkpointWriteStepInterval = 50'
expect_listing kept "Checkpoint050 Checkpoint100 Checkpoint150 Checkpoint200 Checkpoint250 Checkpoint300"

# suppressNonplasticCheckpoints: fixed weights are left out (initialisation recreates them), learned ones never.
fixed='net.V1ToError.plasticityFlag = false
net.column.checkpointWrite = true
net.column.checkpointWriteStepInterval = 50'
run nonplastic 100 "$fixed"
[ -f "$tmp/nonplastic/Last/V1ToError_W.pvp" ] || fail "nonplastic: fixed weights missing without suppression"
run suppressed 100 "$fixed
net.column.suppressNonplasticCheckpoints = true"
for d in "$tmp/suppressed/Last" "$tmp/suppressed/ckpt/Checkpoint050"; do
  [ ! -e "$d/V1ToError_W.pvp" ] || fail "suppressed: $d has V1ToError_W.pvp of a non-plastic connection"
  grep -q "V1ToError_W.pvp" "$d/manifest" && fail "suppressed: $d/manifest lists V1ToError_W.pvp"
done
run suppressed_plastic 100 'net.column.suppressNonplasticCheckpoints = true'
[ -f "$tmp/suppressed_plastic/Last/V1ToError_W.pvp" ] || fail "suppressed_plastic: learned weights left out"
# A restart from the suppressed checkpoint recreates the fixed weights and continues like the straight run.
"$sparsepv" -q -t 1 -p "$tmp/suppressed.lua" -o "$tmp/suppressed" -c "$tmp/suppressed/ckpt/Checkpoint050" \
  >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "suppressed: restart from Checkpoint050"; }
for f in V1.pvp V1ToError.pvp EnergyProbe_batchElement_0.txt; do
  cmp -s "$tmp/nonplastic/$f" "$tmp/suppressed/$f" || fail "suppressed: $f after the restart differs"
done
echo "suppressNonplasticCheckpoints: no V1ToError_W.pvp when fixed, kept when learned; restart equals the straight run"

# defaultInitializeFromCheckpointFlag: a dictionary learned for 200 steps, then warm starts of 40 steps.
run learned 200
dict="$tmp/learned/Last/V1ToError_W.pvp"
size=$(stat -c %s "$dict")
warm="net.column.initializeFromCheckpointDir = \"$tmp/learned/Last\""
# flag GROUP NAME: the effective initializeFromCheckpointFlag of GROUP in run NAME.
flag() {
  awk -v g="\"$1\"" '$2 == g { in_group = 1 } in_group && $1 == "initializeFromCheckpointFlag" { sub(";", "", $3); print $3; exit }' \
    "$tmp/$2/pv.params"
}
expect_flags() {
  local name=$1; shift
  while [ $# -gt 0 ]; do
    [ "$(flag "$1" "$name")" = "$2" ] || fail "$name: $1 initializeFromCheckpointFlag is $(flag "$1" "$name"), expected $2"
    shift 2
  done
}
# The run's first weight frame holds the learned dictionary: every byte after the 104-byte header (whose time is
# the checkpoint's in the dictionary file, 0 in the run's output).
loaded() { cmp -s -i 104 -n "$((size - 104))" "$dict" "$tmp/$1/V1ToError.pvp"; }
run cold 40
loaded cold && fail "cold: the cold start's first weight frame is the learned dictionary"

# Absent: each type's default (layers load, connections do not).
run warm_absent 40 "$warm"
expect_flags warm_absent V1 true Error true V1ToError false ErrorToV1 false
loaded warm_absent && fail "warm_absent: the dictionary was loaded though no flag asked for it"
cmp -s -n "$size" "$tmp/cold/V1ToError.pvp" "$tmp/warm_absent/V1ToError.pvp" || fail "warm_absent: weights not the cold start's"
cmp -s "$tmp/cold/V1.pvp" "$tmp/warm_absent/V1.pvp" && fail "warm_absent: V1 activity equals the cold start's (layers not loaded)"

# false: nothing loads, so the warm start is the cold start byte for byte.
run warm_false 40 "$warm
net.column.defaultInitializeFromCheckpointFlag = false"
expect_flags warm_false V1 false Error false Input false V1ToError false
for f in V1.pvp V1ToError.pvp EnergyProbe_batchElement_0.txt; do
  cmp -s "$tmp/cold/$f" "$tmp/warm_false/$f" || fail "warm_false: $f differs from the cold start"
done

# false with one object true: only that object loads.
run warm_false_conn 40 "$warm
net.column.defaultInitializeFromCheckpointFlag = false
net.V1ToError.initializeFromCheckpointFlag = true"
expect_flags warm_false_conn V1 false Error false V1ToError true
loaded warm_false_conn || fail "warm_false_conn: the dictionary was not loaded"

# true with one layer false: connections load too, the layer that opts out does not.
run warm_true 40 "$warm
net.column.defaultInitializeFromCheckpointFlag = true
net.V1.initializeFromCheckpointFlag = false"
expect_flags warm_true V1 false Error true V1ToError true
loaded warm_true || fail "warm_true: the dictionary was not loaded"
echo "defaultInitializeFromCheckpointFlag: absent keeps type defaults, false loads nothing (equals the cold start)," \
  "false + V1ToError true loads only the dictionary, true loads connections too"
