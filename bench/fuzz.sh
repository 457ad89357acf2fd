#!/usr/bin/env bash
# Fuzzes one libFuzzer target (fuzz/TARGET_fuzz.cpp) for SECONDS and prints executions, time and crashes.
# usage: bench/fuzz.sh TARGET SECONDS     TARGET: lua_params legacy_params pvp png checkpoint
# Configures and builds the fuzz build (clang-14, SPV_FUZZ=ON) in build-fuzz (or $SPV_FUZZ_BUILD) when needed, writes
# the seed corpus there (fuzz/make_seeds.cpp), and fuzzes on one core with the seeds, the corpus grown by earlier runs
# and the committed regression inputs (tests/fuzz_regressions/TARGET). A crash, leak, sanitizer report, timeout or
# out-of-memory stops the run and leaves its input in build-fuzz/fuzz_artifacts/TARGET.
set -euo pipefail
usage() {
  echo "usage: bench/fuzz.sh TARGET SECONDS (TARGET: lua_params legacy_params pvp png checkpoint)" >&2
  exit 2
}
[ $# -eq 2 ] || usage
target=$1 seconds=$2
case $target in lua_params | legacy_params | pvp | png | checkpoint) ;; *) usage ;; esac
src=$(cd "$(dirname "$0")/.." && pwd)
build=${SPV_FUZZ_BUILD:-$src/build-fuzz}

if [ ! -f "$build/CMakeCache.txt" ]; then
  # Only the readers are built; MPI, OpenMP, oneDNN and CUDA play no part in them.
  CC=clang-14 CXX=clang++-14 cmake -S "$src" -B "$build" -DSPV_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSPV_WITH_MPI=OFF -DSPV_WITH_OPENMP=OFF -DSPV_WITH_DNNL=OFF -DSPV_WITH_CUDA=OFF -DSPV_ISA_VARIANTS=OFF \
    -DSPV_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j1 --target "${target}_fuzz" spv_fuzz_make_seeds >/dev/null

seeds=$build/fuzz_seeds
"$build/fuzz/spv_fuzz_make_seeds" "$seeds" "$src"
corpus=$build/fuzz_corpus/$target artifacts=$build/fuzz_artifacts/$target logs=$build/fuzz_logs
mkdir -p "$corpus" "$artifacts" "$logs"
dirs=("$corpus" "$seeds/$target")
[ -d "$src/tests/fuzz_regressions/$target" ] && dirs+=("$src/tests/fuzz_regressions/$target")
log=$logs/$target.log
before=$(find "$artifacts" -type f | wc -l)
status=0
start=$(date +%s)
# -timeout: seconds per input (a hang); -rss_limit_mb also bounds a single allocation (libFuzzer's malloc limit).
"$build/fuzz/${target}_fuzz" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "${dirs[@]}" >"$log" 2>&1 || status=$?

secs=$(($(date +%s) - start))
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
new=$(($(find "$artifacts" -type f | wc -l) - before))
echo "$target: executions ${runs:-?}, time $secs s, corpus $(find "$corpus" -type f | wc -l) inputs, crashes $new (log: $log)"
if [ "$status" -ne 0 ] || [ "$new" -ne 0 ]; then
  grep -E "^==[0-9]+==ERROR|runtime error|SUMMARY|fuzz invariant|uncaught|deadly signal|Test unit written" "$log" | head -20
  exit 1
fi
