#!/usr/bin/env bash
# Set-up command 2: installs dependencies, builds, and runs the whole test suite with ctest, then the sanitizer job
# (scripts/run-sanitized-tests.sh: an ASan + UBSan build and the subset of the tests it runs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$root/build"
status=0
ctest --output-on-failure -j 2 | tee ctest-output.txt || status=1  # pipefail: ctest's own status
# ctest shows a skipped test as "***Skipped"; say why (no GPU, no CUDA build, ...).
"$root/scripts/skip-reasons.sh" ctest-output.txt "$root/build"
echo "sanitizer job (AddressSanitizer + UndefinedBehaviorSanitizer):"
"$root/scripts/run-sanitized-tests.sh" || status=1
exit $status
