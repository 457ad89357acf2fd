#!/usr/bin/env bash
# Bars (E1): the dictionary learned by lua/examples/bars.lua from 2,000 generated images matches each of the 32 bars
# with cosine >= 0.95, while the initial (random) dictionary does not; and, started from a fixed dictionary, the run
# agrees with OpenPV's.
# Golden values: openpv_golden.txt holds what OpenPV itself computed for fixed_dictionary.lua (bars.lua with the
# initial dictionary read from dictionary.pvp, since the two simulators draw different random dictionaries) on the
# same generated data: the energy and each element's dictionary change after the first image, the mean energy over the
# last 1,000 images and each bar's best cosine with the final dictionary. The file says which OpenPV commit and which
# commands produced them, the tolerances, and why only the first update is compared value by value.
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

# Against OpenPV: the first image (the dictionary written before and after its update) and the whole run, both from
# the fixed initial dictionary.
golden="$src/tests/system/bars/openpv_golden.txt"
for run in first whole; do
  cat >"$tmp/$run.lua" <<LUA
local net = dofile("$src/tests/system/bars/fixed_dictionary.lua")
net.Input.inputPath = "$tmp/bars.pvp"
if "$run" == "first" then net.column.stopTime = 40; net.V1ToError.writeStep = 40 end
return net
LUA
  "$sparsepv" -q -p "$tmp/$run.lua" -o "$tmp/$run" -t 1 >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; fail "sparsepv did not finish $run.lua (fixed dictionary)"; }
done
"$check_bars" "$tmp/whole/V1ToError.pvp" --min 0.95 >"$tmp/whole_bars" ||
  { cat "$tmp/whole_bars"; fail "a bar is not matched by the dictionary learned from the fixed one"; }
# sparsepv's values, in the golden file's "KIND KEY... VALUE" lines.
{
  awk -F, 'NR > 1 && $1 + 0 == 40 { printf "energy 40 %.9f\n", $3 }' "$tmp/first/EnergyProbe_batchElement_0.txt"
  # 64 kernels of 16x16x1 in two weight frames (t = 0, t = 40): per frame a 26-word header, then per kernel a
  # 2-word patch header and 256 float32 values.
  [ "$(wc -c <"$tmp/first/V1ToError.pvp")" = $((2 * (104 + 64 * (8 + 256 * 4)))) ] ||
    fail "V1ToError.pvp of the first image is not two frames of 64 16x16 kernels"
  od -An -v -t f4 -w4 "$tmp/first/V1ToError.pvp" | awk '
    { f = int((NR - 1) / 16538); j = (NR - 1) % 16538 - 26
      if (j >= 0 && j % 258 >= 2) { k = int(j / 258); i = k * 256 + j % 258 - 2
        if (f == 0) w0[i] = $1; else { d = $1 - w0[i]; dw[k] += d * d } } }
    END { for (k = 0; k < 64; k++) printf "dw %d %.9g\n", k, sqrt(dw[k]) }'
  awk -F, -v a=1001 -v b=2000 'NR > 1 { i = ($1 + 0) / 40; if (i >= a && i <= b && i == int(i)) { s += $3; n++ } }
    END { if (n == b - a + 1) printf "mean_energy %d %d %.9f\n", a, b, s / n }' \
    "$tmp/whole/EnergyProbe_batchElement_0.txt"
  sed -nE 's/^bar +([0-9]+) .*cosine ([0-9.]+)$/cosine \1 \2/p' "$tmp/whole_bars"
} >"$tmp/sparsepv_values"
awk -v golden="$golden" '
  function tol(kind) { return kind == "energy" ? 1e-4 : kind == "dw" ? 1e-5 : kind == "mean_energy" ? 1e-2 : 0.003 }
  function rel(kind) { return kind == "energy" || kind == "mean_energy" }
  BEGIN {
    while ((getline line < golden) > 0) {
      if (line ~ /^#/ || line ~ /^[ \t]*$/) continue
      n = split(line, w, " "); key = w[1]; for (i = 2; i < n; i++) key = key " " w[i]
      want[key] = w[n] + 0; kind[key] = w[1]; order[++m] = key
    }
  }
  { key = $1; for (i = 2; i < NF; i++) key = key " " $i; got[key] = $NF + 0
    if ($1 == "dw" && !(key in want) && $NF + 0 >= 1e-5) { printf "FAIL: %s: %s, OpenPV < 1e-5\n", key, $NF; bad = 1 } }
  END {
    if (m == 0) { print "FAIL: no golden values in " golden; exit 1 }
    printf "%-20s %16s %16s %10s\n", "value", "OpenPV", "sparsepv", "difference"
    for (j = 1; j <= m; j++) {
      key = order[j]; k = kind[key]
      if (!(key in got)) { printf "FAIL: no sparsepv value for %s\n", key; bad = 1; continue }
      d = got[key] - want[key]; if (d < 0) d = -d; if (rel(k)) d /= want[key]
      if (d > worst[k]) worst[k] = d
      over = d > tol(k)
      if (over) bad = 1
      if (over || k != "dw" && k != "cosine")
        printf "%-20s %16.9f %16.9f %10.2e%s\n", key, want[key], got[key], d, over ? "  (over the tolerance)" : ""
    }
    for (k in worst) printf "largest %s difference %.2e (%s tolerance %g)\n", k, worst[k], rel(k) ? "relative" : "absolute", tol(k)
    exit bad
  }' "$tmp/sparsepv_values" || fail "bars run differs from OpenPV's ($golden)"
