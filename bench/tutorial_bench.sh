#!/usr/bin/env bash
# Times the LCA tutorial network (E6, 400 steps) at 1 and 2 threads: whole-process wall time per step (/usr/bin/time)
# and the loop's own time per step (timers.txt). With OPENPV_RUNNER set to an OpenPV BasicSystemTest binary (built
# by shared/tools/build-openpv.sh), also runs OpenPV on the same network for a side-by-side figure.
# usage: bench/tutorial_bench.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
sparsepv=$build/app/sparsepv
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
steps=400
printf '%-28s %8s %14s %14s\n' "run" "threads" "process ms/step" "loop ms/step"
for threads in 1 2; do
  best_wall=; best_loop=
  for rep in 1 2 3; do
    /usr/bin/time -f "%e" -o "$tmp/time" "$sparsepv" -q -p "$root/lua/examples/lca_tutorial.lua" -o "$tmp/out" \
      -t "$threads" >/dev/null
    wall=$(cat "$tmp/time")
    loop=$(awk 'NR > 1 { s += $2 } END { print s }' FS='  +' "$tmp/out/timers.txt")
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
    if [ -z "$best_loop" ] || awk -v a="$loop" -v b="$best_loop" 'BEGIN { exit !(a < b) }'; then best_loop=$loop; fi
  done
  printf '%-28s %8d %14.3f %14.3f\n' "sparsepv lca_tutorial" "$threads" \
    "$(awk -v w="$best_wall" -v n=$steps 'BEGIN { print 1000 * w / n }')" \
    "$(awk -v w="$best_loop" -v n=$steps 'BEGIN { print 1000 * w / n }')"
done
if [ -n "${OPENPV_RUNNER:-}" ]; then
  PVMODULE_DIR=${PVMODULE_DIR:?set PVMODULE_DIR to the parameterWrapper directory of OpenPV} \
    lua5.4 "$root/../shared/tools/openpv-params.lua" "$root/lua/examples/lca_tutorial.lua" >"$tmp/tutorial.params"
  (cd "$tmp" && /usr/bin/time -f "%e" -o "$tmp/time" "$OPENPV_RUNNER" -p tutorial.params -t 2 >/dev/null 2>&1)
  printf '%-28s %8d %14.3f %14s\n' "OpenPV (same params)" 2 \
    "$(awk -v w="$(cat "$tmp/time")" -v n=$steps 'BEGIN { print 1000 * w / n }')" "-"
fi
