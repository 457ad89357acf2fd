#!/usr/bin/env bash
# Regenerates docs/params.md from the parameter declarations (builds spv-params-reference first).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
cmake --build "$build" --target spv-params-reference -j"$(nproc)" >/dev/null
"$build/tools/spv-params-reference" >"$root/docs/params.md"
echo "wrote $root/docs/params.md"
