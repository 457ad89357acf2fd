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
