#!/usr/bin/env bash
# E5, spike sorting: run_spikes.sh --small learns the 3 filters of a generated 12 s recording with the filter error
# below 0.1 and detection F1 of at least 0.9 for every unit (the experiment's targets, scored against the
# generator's truth); --recording learns on a recording of another seed without its truth and writes the filters
# and spike times, which score the same way afterwards; a missing recording is refused. The 1-D network learns to
# the same bytes on every split of its one dimension (columns, batch, threads) and across a checkpoint restart.
# usage: check_spikes.sh BUILD_DIR SOURCE_DIR MPIEXEC
set -euo pipefail
build=$1 src=$2 mpiexec=$3
. "$src/tests/system/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
driver=$src/lua/examples/run_spikes.sh
inspect_frames() { "$build/tools/spv-pvp-inspect" "$1" | awk '$1 == "frames" { print $2 }'; }
value() { awk -F= -v k="$2" '$1 == k { print $2 }' "$1"; }
meets_targets() {
  local summary=$1 label=$2 u e f
  [ -f "$summary" ] || fail "$label: no $summary"
  for u in 0 1 2; do
    e=$(value "$summary" "unit.$u.filter_error") f=$(value "$summary" "unit.$u.f1")
    [ -n "$e" ] && [ -n "$f" ] || fail "$label: unit $u missing from $summary"
    awk -v e="$e" -v f="$f" 'BEGIN { exit !(e < 0.1 && f >= 0.9) }' ||
      fail "$label: unit $u filter error $e (target < 0.1), F1 $f (target >= 0.9)"
    echo "ok: $label, unit $u: filter error $e, F1 $f"
  done
}

"$driver" --small --threads 1 --quiet --build "$build" --out "$tmp/small" >"$tmp/small.log" 2>&1 ||
  { cat "$tmp/small.log"; fail "run_spikes.sh --small"; }
meets_targets "$tmp/small/summary.txt" "simulated recording, seed 1"
[ -f "$tmp/small/filters.png" ] || fail "no filters.png"

# A recording the example never saw (seed 5), learned without its truth.
"$build/tools/spv-make-spikes" --seconds 12 --seed 5 --out "$tmp/other.pvp" --truth "$tmp/other_truth.csv" >/dev/null
"$driver" --recording "$tmp/other.pvp" --threads 1 --quiet --build "$build" --out "$tmp/ext" >"$tmp/ext.log" 2>&1 ||
  { cat "$tmp/ext.log"; fail "run_spikes.sh --recording"; }
[ ! -e "$tmp/ext/summary.txt" ] || fail "--recording without a truth wrote a score"
"$build/tools/spv-pvp-inspect" "$tmp/ext/filters.pvp" >"$tmp/filters.txt" || fail "filters.pvp unreadable"
for kv in "filetype 5" "nxp 61" "nyp 1" "nfp 1" "numpatches 3" "frames 1"; do
  grep -Eq "^${kv% *} +${kv#* }( |$)" "$tmp/filters.txt" || fail "filters.pvp: expected $kv"
done
[ "$(head -n1 "$tmp/ext/spike_times.csv")" = frame,unit,sample ] || fail "spike_times.csv header"
awk -F, 'NR > 1 && !($1 >= 0 && $1 < 117 && $2 >= 0 && $2 < 3 && $3 > -31 && $3 < 1024) { exit 1 }' \
  "$tmp/ext/spike_times.csv" || fail "spike_times.csv holds a row out of range"
[ "$(wc -l <"$tmp/ext/spike_times.csv")" -gt 900 ] || fail "too few spikes in spike_times.csv"
"$build/tools/spv-spike-report" --filters "$tmp/ext/filters.pvp" --codes "$tmp/ext/infer/Code.pvp" \
  --spikes-out "$tmp/rescored.csv" --truth "$tmp/other_truth.csv" --min-amplitude 0.2 --summary "$tmp/ext.txt" \
  >/dev/null || fail "spv-spike-report on the --recording run"
cmp -s "$tmp/rescored.csv" "$tmp/ext/spike_times.csv" || fail "rescoring changed the spike times"
meets_targets "$tmp/ext.txt" "--recording of seed 5 (no truth given)"

if "$driver" --recording "$tmp/absent.pvp" --build "$build" --out "$tmp/absent" >"$tmp/absent.log" 2>&1; then
  fail "a missing recording was accepted"
fi
grep -q "absent.pvp" "$tmp/absent.log" || fail "the refusal does not name the recording"

# Splits: 9 steps of learning with 3 steps per frame and everything written each frame, batch width 4.
"$build/tools/spv-init-spike-filters" --out "$tmp/init.pvp" --seed 3 >/dev/null
export SPV_RECORDING=$tmp/other.pvp SPV_FRAMES=117 SPV_INITIAL_FILTERS=$tmp/init.pvp SPV_EPOCHS=1
net=$tmp/split.lua sparsepv=$build/app/sparsepv
cat >"$net" <<LUA
local net = dofile("$src/lua/examples/spike_sorting.lua")
net.column.outputPath = os.getenv("SPV_OUT")
net.column.stopTime = tonumber(os.getenv("SPV_STOP"))
net.column.nbatch = 4
net.Recording.displayPeriod = 3
net.Code.writeStep = 3
net.Code.initialWriteTime = 3
net.CodeToResidual.writeStep = 3
net.CodeToResidual.initialWriteTime = 3
return net
LUA
spv_run "$tmp/one" 9 1
[ "$(inspect_frames "$tmp/one/CodeToResidual.pvp")" = 3 ] || fail "expected 3 weight frames in 9 steps"
for split in "2 -columns 2" "4 -columns 4" "2 -batchwidth 2" "4 -columns 2 -batchwidth 2"; do
  set -- $split
  n=$1; shift
  spv_run "$tmp/r$n$*" 9 "$n" "$@"
  same_outputs "$tmp/one" "$tmp/r$n$*" "1-D spike network, $n ranks $*" 5
done
THREADS=2 spv_run "$tmp/t2" 9 1
same_outputs "$tmp/one" "$tmp/t2" "1-D spike network, 2 threads" 5
spv_run "$tmp/restart" 6 2 -columns 2
spv_run "$tmp/restart" 9 1 -c "$tmp/restart/Last"
same_outputs "$tmp/one" "$tmp/restart" "1-D spike network, 6 steps on 2 ranks + 3 on one" 5
