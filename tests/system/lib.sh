# Shared by the system-test scripts (source it): failing with a message, and comparing two runs' outputs.

fail() { echo "FAIL: $*"; exit 1; }

# same_outputs A B LABEL MIN: every probe (.txt) and PVP file of run A equals its namesake in run B byte for byte
# (timers differ by nature; the params files name the output path), and there are at least MIN of them.
same_outputs() {
  local a=$1 b=$2 n=0
  for f in "$a"/*.txt "$a"/*.pvp; do
    case $(basename "$f") in timers.txt) continue ;; esac
    cmp -s "$f" "$b/$(basename "$f")" || fail "$(basename "$f") differs between $a and $b ($3)"
    n=$((n + 1))
  done
  [ "$n" -ge "$4" ] || fail "only $n output files to compare ($3)"
  echo "ok: $3 ($n files identical)"
}

# short_tutorial FILE SOURCE_DIR STOP WRITE_STEP: writes FILE, the LCA tutorial network cut to STOP steps with its
# four layers written every WRITE_STEP.
short_tutorial() {
  cat >"$1" <<LUA
local net = dofile("$2/lua/examples/lca_tutorial.lua")
net.column.stopTime = $3
for _, layer in ipairs({"Input", "InputError", "V1", "InputRecon"}) do net[layer].writeStep = $4 end
return net
LUA
}

# For a Lua network $net that reads its output path from SPV_OUT and its stop time from SPV_STOP (and any other
# SPV_* variable the caller exports), run with $sparsepv (ranks through $mpiexec), logging to $tmp/log:
# spv_run OUT STOP N ARGS...: N = 1 is one process, otherwise N ranks with the split in ARGS; THREADS (default 1)
# threads each.
spv_run() {
  local out=$1 stop=$2 n=$3; shift 3
  export SPV_OUT=$out SPV_STOP=$stop
  if [ "$n" = 1 ]; then
    "$sparsepv" -q -t "${THREADS:-1}" -p "$net" "$@" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "sparsepv $*"; }
  else
    local pass=() v
    for v in $(compgen -e SPV_); do pass+=(-x "$v"); done
    OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \
      timeout 120 "$mpiexec" -np "$n" --oversubscribe "${pass[@]}" "$sparsepv" -q -t "${THREADS:-1}" -p "$net" "$@" \
      >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "mpirun -np $n sparsepv $*"; }
  fi
}

# check_every_split LABEL MIN: runs $net 10 steps on one process into $tmp/one, then on 2x1, 1x2 and 2x2 ranks,
# batch width 2 and 4, 2 threads, and 1x2 ranks of 2 threads; then 5 steps and 5 more from the final checkpoint
# (-c) on one process, checkpointed at 2x2 and restarted on one process, and checkpointed on one process and
# restarted at batch width 2. Every run must write the same MIN or more probe and PVP files, byte for byte, as the
# first. The network's nbatch must be a multiple of 4.
check_every_split() {
  local label=$1 files=$2 split n
  spv_run "$tmp/one" 10 1
  for split in "2 -rows 2" "2 -columns 2" "4 -rows 2 -columns 2" "2 -batchwidth 2" "4 -batchwidth 4"; do
    set -- $split
    n=$1; shift
    spv_run "$tmp/r$n$*" 10 "$n" "$@"
    same_outputs "$tmp/one" "$tmp/r$n$*" "$label, $n ranks $*" "$files"
  done
  THREADS=2 spv_run "$tmp/t2" 10 1
  same_outputs "$tmp/one" "$tmp/t2" "$label, 2 threads" "$files"
  THREADS=2 spv_run "$tmp/r2t2" 10 2 -columns 2
  same_outputs "$tmp/one" "$tmp/r2t2" "$label, 1x2 ranks of 2 threads" "$files"
  local first second what out i=0
  for split in "1|1|restarted on one process" "4 -rows 2 -columns 2|1|checkpoint at 2x2, restarted on one process" \
    "1|2 -batchwidth 2|checkpoint on one process, restarted at batch width 2"; do
    IFS='|' read -r first second what <<<"$split"
    out="$tmp/restart_$((i += 1))"
    spv_run "$out" 5 $first
    [ -f "$out/Last/manifest" ] || fail "no checkpoint after 5 steps ($label, $what)"
    spv_run "$out" 10 $second -c "$out/Last"
    same_outputs "$tmp/one" "$out" "$label, 5 + 5 steps, $what" "$files"
  done
}
