#!/usr/bin/env bash
# Prints why each skipped test skipped: ctest shows only "***Skipped"; the reason is the last line the test printed,
# which ctest keeps in its LastTest.log.
# usage: skip-reasons.sh CTEST_STDOUT_FILE BUILD_DIR
set -euo pipefail
out=$1 log=$2/Testing/Temporary/LastTest.log
skipped=$(awk '/\*\*\*Skipped/ { for (i = 1; i <= NF; i++) if ($i ~ /^#[0-9]+:$/) print $(i + 1) }' "$out")
[ -n "$skipped" ] || exit 0
echo "skipped tests and why:"
for name in $skipped; do
  reason=$(awk -v t="$name" '
    $0 ~ "^[0-9]+/[0-9]+ Test: " t "$" { inside = 1; next }
    inside && /^<end of output>$/ { print last; exit }
    inside && NF { last = $0 }' "$log" 2>/dev/null || true)
  echo "  $name: ${reason:-(no reason printed)}"
done
