#!/usr/bin/env bash
# ParameterSweep (.params and PVModule Lua): each value is its own run in out/paramsweep_<i>/, with its effective
# params beside its outputs; the L1 norm of a 4x4 layer of constant v is 16 v (8 and 32). Also on 2 MPI ranks, and
# side by side in MPI blocks (a multiple of the split's processes): the same files, each run made by its own block.
# usage: check_sweep.sh SPARSEPV MPIEXEC SOURCE_DIR
set -u
spv=$1 mpiexec=$2 src=$3
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
check_runs() {  # DIR
  for i in 0 1; do
    want=$([ $i = 0 ] && echo 8.000000 || echo 32.000000)
    f=$1/out/paramsweep_$i/InputNorm_batchElement_0.txt
    [ -f "$f" ] || fail "$f missing"
    [ "$(tail -1 "$f" | awk -F, '{gsub(/ /, "", $4); print $4}')" = "$want" ] || fail "$f: want norm $want"; 
    grep -q "valueV = $([ $i = 0 ] && echo 0.5 || echo 2);" "$1/out/paramsweep_$i/pv.params" ||
      fail "$1/out/paramsweep_$i/pv.params lacks the swept value"
  done
  [ -z "$(find "$1" -mindepth 1 -maxdepth 1 ! -name out ! -name 'sweep.*')" ] || fail "files outside out/ in $1"
}
for kind in params lua; do
  d=$work/$kind; mkdir -p "$d"; cp "$src/tests/system/openpv/sweep.$kind" "$d/"
  (cd "$d" && "$spv" -q -p sweep.$kind >log 2>&1 && mv log ../$kind.log) || { cat "$d/log"; fail "$kind run"; }
  check_runs "$d"
  # A dry run lists both runs and writes nothing.
  d2=$work/dry_$kind; mkdir -p "$d2"; cp "$src/tests/system/openpv/sweep.$kind" "$d2/"
  out=$(cd "$d2" && "$spv" -n -p sweep.$kind 2>&1) || fail "dry run of $kind: $out"
  grep -q "sweep run 2 of 2: Input:valueV = 2" <<<"$out" || fail "dry run report: $out"
  [ "$(ls "$d2")" = "sweep.$kind" ] || fail "dry run wrote files"
done
d=$work/mpi; mkdir -p "$d"; cp "$src/tests/system/openpv/sweep.params" "$d/"
(cd "$d" && "$mpiexec" -np 2 --oversubscribe "$spv" -q -rows 2 -p sweep.params >log 2>&1 && rm log) ||
  { cat "$d/log"; fail "mpirun -np 2"; }
check_runs "$d"
# Two blocks of one process, then two blocks of two (-rows 2): block k makes run k, into the same directories.
for split in "-np 2:-rows 1" "-np 4:-rows 2"; do
  d=$work/blocks${split//[^0-9]/}; mkdir -p "$d"; cp "$src/tests/system/openpv/sweep.params" "$d/"
  (cd "$d" && "$mpiexec" ${split%%:*} --oversubscribe "$spv" ${split#*:} -p sweep.params >log 2>&1) ||
    { cat "$d/log"; fail "blocks $split"; }
  grep -q "sweep run 2 of 2 (MPI block 2): Input:valueV = 2" "$d/log" || { cat "$d/log"; fail "block 2 made run 2"; }
  ! grep -q "sweep run 1 of 2 (MPI block 2)" "$d/log" || fail "block 2 made run 1 too"
  rm "$d/log"; check_runs "$d"
  # Byte for byte the one-process runs' files (timers.txt holds times, not results).
  diff -r -x timers.txt "$work/params/out" "$d/out" >/dev/null || fail "blocks $split differ from one process"
done
# More blocks than runs, or two runs into one directory: refused once, before anything is written.
refused() {  # NAME NP SPLIT PARAMS-FILE WANT
  d=$work/$1; mkdir -p "$d"; cp "$4" "$d/sweep.params"
  out=$(cd "$d" && "$mpiexec" -np $2 --oversubscribe "$spv" $3 -p sweep.params 2>&1) && fail "$1 ran: $out"
  [ "$(grep -c "$5" <<<"$out")" = 1 ] || fail "$1: want one \"$5\" in: $out"
  [ "$(ls "$d")" = sweep.params ] || fail "$1 wrote files: $(ls "$d")"
}
refused too_many_blocks 4 "-rows 1" "$src/tests/system/openpv/sweep.params" "makes 4 MPI blocks.*make 2 run(s)"
cp "$src/tests/system/openpv/sweep.params" "$work/same_dir.params"
echo 'ParameterSweep "column":outputPath = { "same"; "same/"; };' >> "$work/same_dir.params"
refused same_dir 2 "-rows 1" "$work/same_dir.params" 'sweep runs 1 and 2 would both write into output directory "same"'
echo ok
