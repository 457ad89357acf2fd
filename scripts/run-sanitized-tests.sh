#!/usr/bin/env bash
# The sanitizer job: builds sparsepv with AddressSanitizer and UndefinedBehaviorSanitizer into build-sanitize/
# (clang, which builds sanitized code about twice as fast as g++; CPU only, portable kernels, -O1) and runs, under
# ctest, the subset that fits CI's time: every unit test, the CPU kernel conformance tests, the fuzz regressions, the
# malformed-input cases, OpenPV's key-policy tests, and the system tests of the tutorial, output safety, checkpoints
# and restarts, OpenPV's command line, MPI decompositions and OpenPV's derived probes and layers. Any sanitizer
# report fails its test: UBSan aborts on the first error, ASan and LeakSanitizer exit 86. Leaks are not checked
# under mpirun: Open MPI unloads its plugins before the leak check, so their start-up allocations cannot be told
# from ours (they show no module); those runs keep ASan's other checks.
# usage: run-sanitized-tests.sh [EXTRA_CTEST_ARGS...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-sanitize
tests='^(unit_|kernel_conformance_cpu$|fuzz_|error_|openpv_|system_(tutorial|restart|output_safety|checkpoint_errors|checkpoint_faults|openpv_flags)$)'
mpi_tests='^system_(mpi_decomposition|openpv_probes)$'
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Sanitize \
  -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -gline-tables-only" -DCMAKE_C_FLAGS_SANITIZE="-O1 -gline-tables-only" \
  -DSPV_SANITIZE=ON -DSPV_WITH_CUDA=OFF -DSPV_WITH_DNNL=OFF -DSPV_ISA_VARIANTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)"
# Exit status 86 on any report, so that a test expecting a run to fail (exit 1 or 2) cannot mistake a report for it.
export ASAN_OPTIONS=detect_leaks=1:exitcode=86:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86
# The MPI libraries a single process loads keep their start-up allocations to the end; those leaks are theirs.
export LSAN_OPTIONS=suppressions=$root/scripts/lsan-suppressions.txt:print_suppressions=0
cd "$build"
status=0
ctest --output-on-failure -j 2 -R "$tests" "$@" || status=1
ASAN_OPTIONS=${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0} ctest --output-on-failure -R "$mpi_tests" "$@" || status=1
exit $status
