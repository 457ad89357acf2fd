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
