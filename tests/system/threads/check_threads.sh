#!/usr/bin/env bash
# Default threads: each rank gets its share of the cores it may use (its affinity mask, divided among the ranks of
# the node with the same mask), OMP_NUM_THREADS overrides that and -t both; the log states it per node; asking for
# more threads than cores warns once, with the passive wait policy in force; and the outputs do not depend on it.
# Expected counts are worked out from nproc in this script, not read from sparsepv.
# usage: check_threads.sh SPARSEPV MPIEXEC SOURCE_DIR
set -euo pipefail
sparsepv=$1 mpiexec=$2 src=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
unset OMP_NUM_THREADS OMP_WAIT_POLICY GOMP_SPINCOUNT
cores=$(nproc --all)
short_tutorial "$tmp/net.lua" "$src" 10 5
# run NAME LAUNCH...: runs the tutorial with LAUNCH as the command prefix; the log is $tmp/NAME.log, errors .err.
run() {
  local name=$1; shift
  timeout 120 "$@" -q -p "$tmp/net.lua" -o "$tmp/$name" >"$tmp/$name.log" 2>"$tmp/$name.err" ||
    { cat "$tmp/$name.log" "$tmp/$name.err"; fail "$name: $*"; }
}
# expect NAME TEXT: the threads line of NAME's log contains TEXT.
expect() {
  grep -q "^threads: .*$2" "$tmp/$1.log" || { cat "$tmp/$1.log"; fail "$1: the log does not say \"$2\""; }
  echo "ok: $1: $2"
}
share() { local n=$(($1 / $2)); [ "$n" -ge 1 ] || n=1; echo "$n"; }
plural() { [ "$1" -eq 1 ] && echo "$1 $2" || echo "$1 ${2}s"; }

# One process, no mask: every core.
run one "$sparsepv"
expect one "1 rank on $(plural "$cores" core), $(plural "$cores" thread) in all"
# taskset: the mask, not the machine.
run pinned taskset -c 0 "$sparsepv"
expect pinned "rank 0: 1 thread on cores 0)"
# Unbound ranks split the node's cores: 2 and 4 ranks.
for np in 2 4; do
  run "np$np" "$mpiexec" -np "$np" --oversubscribe --bind-to none "$sparsepv" -rows "$np"
  t=$(share "$cores" "$np")
  expect "np$np" "$(plural "$np" rank) on $(plural "$cores" core), $(plural $((t * np)) thread) in all (ranks 0-$((np - 1)): $(plural "$t" thread) each"
  [ ! -s "$tmp/np$np.err" ] || { cat "$tmp/np$np.err"; fail "np$np: the default warned"; }
done
# Ranks bound to a core each (mpirun's --bind-to core) get that core: one thread.
if [ "$cores" -ge 2 ]; then
  run bound "$mpiexec" -np 2 --bind-to core "$sparsepv" -rows 2
  expect bound "rank 0: 1 thread on cores [0-9]*; rank 1: 1 thread on cores [0-9]*)"
fi
# OMP_NUM_THREADS over the default, -t over both.
OMP_NUM_THREADS=1 run env1 "$sparsepv"
expect env1 "rank 0: 1 thread on"
OMP_NUM_THREADS=1 run opt2 "$sparsepv" -t 2
expect opt2 "rank 0: 2 threads on"
# An OMP_NUM_THREADS that is no count is an error naming it.
if OMP_NUM_THREADS=many "$sparsepv" -q -p "$tmp/net.lua" -o "$tmp/bad" >"$tmp/bad.log" 2>&1; then
  fail "OMP_NUM_THREADS=many was accepted"
fi
grep -q 'error: OMP_NUM_THREADS="many"' "$tmp/bad.log" || { cat "$tmp/bad.log"; fail "no message naming OMP_NUM_THREADS"; }
echo "ok: OMP_NUM_THREADS=many refused"
# Asked-for oversubscription: one warning on rank 0, waiting threads sleep.
over=$((cores + 1))
run over "$mpiexec" -np 2 --oversubscribe --bind-to none "$sparsepv" -rows 2 -t "$over"
[ "$(grep -c 'warning: node .* runs' "$tmp/over.err")" -eq 1 ] || { cat "$tmp/over.err"; fail "over: not one warning"; }
grep -q "runs $((2 * over)) threads on $(plural "$cores" core); waiting threads sleep (OMP_WAIT_POLICY=passive)" \
  "$tmp/over.err" || { cat "$tmp/over.err"; fail "over: the warning lacks the numbers or the passive policy"; }
echo "ok: oversubscription warned once, passive wait"
# Whatever the thread count, the same bytes.
for other in pinned np2 np4 env1 opt2 over; do same_outputs "$tmp/one" "$tmp/$other" "$other against one process" 7; done
