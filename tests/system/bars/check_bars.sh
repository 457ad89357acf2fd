#!/usr/bin/env bash
# Bars (E1): the dictionary learned by lua/examples/bars.lua from 2,000 generated images matches each of the 32 bars
# with cosine >= 0.95, while the initial (random) dictionary does not.
# usage: check_bars.sh SPARSEPV SPV_MAKE_BARS SPV_CHECK_BARS SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 check_bars=$3 src=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"

"$make_bars" --count 2000 --size 16 --prob 0.125 --seed 1 --out "$tmp/bars.pvp"
cat >"$tmp/bars.lua" <<LUA
local net = dofile("$src/lua/examples/bars.lua")
net.Input.inputPath = "$tmp/bars.pvp"
return net
LUA
start=$(date +%s.%N)
"$sparsepv" -q -p "$tmp/bars.lua" -o "$tmp/out" -t 1 >"$tmp/log" 2>&1 ||
  { cat "$tmp/log"; fail "sparsepv did not finish"; }
echo "sparsepv wall time: $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }') s"

weights="$tmp/out/V1ToError.pvp"
[ -f "$weights" ] || fail "no weight file $weights"
"$check_bars" "$weights" --frame 0 --min 0.95 >"$tmp/initial" && fail "the initial dictionary already matches the bars"
echo "initial dictionary: $(tail -n1 "$tmp/initial")"
"$check_bars" "$weights" --min 0.95 || fail "a bar is not matched by the learned dictionary"
