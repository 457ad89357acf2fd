#!/usr/bin/env bash
# OpenPV's command line with its meaning: -shuffle builds the groups in another order and changes no output byte;
# -w runs in another directory (the params file read from where sparsepv started); a config file of
# "Argument:value" lines runs the same network; --require-return waits for the return key; a bare -t takes the
# default thread count. A repeated or contradictory option exits 2 and writes nothing.
# usage: check_openpv_flags.sh SPARSEPV SOURCE_DIR
set -uo pipefail
spv=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
unset OMP_NUM_THREADS
short_tutorial "$tmp/net.lua" "$src" 6 3
run() {  # NAME ARGS...: runs sparsepv from $tmp with ARGS; log in $tmp/NAME.log
  local name=$1; shift
  (cd "$tmp" && timeout 120 "$spv" "$@" >"$tmp/$name.log" 2>&1) || { cat "$tmp/$name.log"; fail "$name: $*"; }
}
run plain -q -t 1 -p net.lua -o out/plain
run shuffled -q -t 1 -p net.lua -o out/shuffled -shuffle 7
same_outputs "$tmp/out/plain" "$tmp/out/shuffled" "-shuffle 7 against file order" 5
# The shuffled order is really another order: the effective params list the groups as built, the column first.
groups() { grep -o '^[A-Za-z]* "[A-Za-z0-9_]*"' "$1"; }
[ "$(groups "$tmp/out/shuffled/pv.params" | sort)" = "$(groups "$tmp/out/plain/pv.params" | sort)" ] ||
  fail "-shuffle lost or added groups"
[ "$(groups "$tmp/out/shuffled/pv.params")" != "$(groups "$tmp/out/plain/pv.params")" ] ||
  fail "-shuffle 7 built the groups in file order"
groups "$tmp/out/shuffled/pv.params" | head -1 | grep -q '^HyPerCol' || fail "-shuffle moved the column from the front"
echo "ok: -shuffle changes the build order"

# -w: outputs land under the working directory; the params file is found from where sparsepv started.
mkdir -p "$tmp/wd"
run working -q -t 1 -p net.lua -w wd -o out/working
same_outputs "$tmp/out/plain" "$tmp/wd/out/working" "-w wd" 5
[ ! -e "$tmp/out/working" ] || fail "-w: outputs written outside the working directory"
out=$(cd "$tmp" && "$spv" -q -p net.lua -w missing_dir 2>&1); rc=$?
[ $rc = 2 ] && grep -q "\-w missing_dir" <<<"$out" || fail "-w to a missing directory: rc $rc, $out"

# A config file (OpenPV's other way of giving the options) and a bare -t.
printf '# the plain run again\nParamsFile:net.lua\nOutputPath: out/config\nNumThreads:1\n' >"$tmp/run.cfg"
run config run.cfg -q
same_outputs "$tmp/out/plain" "$tmp/out/config" "config file" 5
run bare_t -q -p net.lua -o out/bare_t -t
same_outputs "$tmp/out/plain" "$tmp/out/bare_t" "bare -t" 5

# --require-return waits for the return key, then runs.
(cd "$tmp" && echo | timeout 60 "$spv" --require-return -t 1 -p net.lua -o out/wait >wait.log 2>&1) ||
  { cat "$tmp/wait.log"; fail "--require-return"; }
grep -q "press return" "$tmp/wait.log" || fail "--require-return did not ask for the return key"
same_outputs "$tmp/out/plain" "$tmp/out/wait" "--require-return" 5

# Usage errors: status 2, the option named, nothing written.
for args in "-p net.lua -o out/x -o out/y" "-p net.lua -o out/x -r -c somewhere" "-p net.lua -o out/x -t 0"; do
  out=$(cd "$tmp" && "$spv" $args 2>&1); rc=$?
  [ $rc = 2 ] || fail "sparsepv $args: status $rc, want 2 ($out)"
  [ ! -e "$tmp/out/x" ] && [ ! -e "$tmp/out/y" ] || fail "sparsepv $args wrote outputs"
  echo "ok: refused: $args: $(head -1 <<<"$out")"
done
echo ok
