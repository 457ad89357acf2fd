#!/usr/bin/env bash
# The LCA tutorial network (E6): the energy falls over the display period, the code is sparse, the energy equals
# OpenPV's at chosen steps, and the outputs are identical when the run is repeated from the printed effective params
# (both syntaxes), with the groups in another order, and with 1 or 2 threads.
# Golden values: openpv_energy.txt holds the energy OpenPV itself computed for fixed_dictionary.lua (the tutorial with
# the dictionary read from dictionary.pvp, since the two simulators draw different random dictionaries); the file
# says which OpenPV commit and which commands produced them. sparsepv must match each within 1e-4 relative (the
# observed difference is 3.8e-5 at most, from OpenPV's single-precision input normalisation).
# usage: check_tutorial.sh SPARSEPV SOURCE_DIR
set -euo pipefail
sparsepv=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
run() { "$sparsepv" -q "$@" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "sparsepv $*"; }; }

run -p "$src/lua/examples/lca_tutorial.lua" -o "$tmp/a" -t 2
energy="$tmp/a/V1EnergyProbe_batchElement_0.txt"
[ -f "$energy" ] || fail "no energy probe file"
[ "$(head -n1 "$energy")" = "time,index,energy" ] || fail "energy file header: $(head -n1 "$energy")"
# Energy at t = 1, at t = 400, and the share of steps where it rose by more than 1e-4 relative.
read -r first last rises steps < <(awk -F, 'NR > 1 { e = $3 + 0; if (NR == 2) f = e; else if (e > p * (1 + 1e-4)) r++; p = e; n++ }
  END { print f, p, r + 0, n }' "$energy")
echo "energy: t=1 $first, t=400 $last, rises $rises of $steps steps"
[ "$steps" = 400 ] || fail "expected 400 energy lines, got $steps"
awk -v f="$first" -v l="$last" 'BEGIN { exit !(l < 0.75 * f) }' || fail "energy did not fall by a quarter: $first -> $last"
awk -v r="$rises" -v n="$steps" 'BEGIN { exit !(r <= 0.05 * n) }' || fail "energy rose on $rises of $steps steps"
nnz=$(tail -n1 "$tmp/a/V1L0NormProbe_batchElement_0.txt" | awk -F, '{ print $NF + 0 }')
echo "final nnz: $nnz of 32768"
awk -v z="$nnz" 'BEGIN { exit !(z > 0 && z < 0.1 * 32768) }' || fail "code not sparse: nnz $nnz"

# Against OpenPV: the energy of the tutorial from the fixed dictionary at the steps of openpv_energy.txt.
golden="$src/tests/system/tutorial/openpv_energy.txt"
run -p "$src/tests/system/tutorial/fixed_dictionary.lua" -o "$tmp/g" -t 2
[ -f "$tmp/g/V1EnergyProbe_batchElement_0.txt" ] || fail "no energy probe file for fixed_dictionary.lua"
awk -F, -v tol=1e-4 -v golden="$golden" '
  BEGIN {
    while ((getline line < golden) > 0) {
      if (line ~ /^#/ || line ~ /^[ \t]*$/) continue
      split(line, w, " "); step[++n] = w[1] + 0; want[w[1] + 0] = w[2] + 0
    }
    if (n == 0) { print "FAIL: no golden values in " golden; bad = 1; exit }
  }
  NR > 1 { got[$1 + 0] = $3 + 0 }
  END {
    if (bad) exit 1
    printf "%6s %18s %18s %10s\n", "step", "OpenPV", "sparsepv", "rel.diff"
    for (i = 1; i <= n; i++) {
      s = step[i]
      if (!(s in got)) { printf "FAIL: no sparsepv energy at step %d\n", s; bad = 1; continue }
      d = (got[s] - want[s]) / want[s]; if (d < 0) d = -d
      if (d > m) m = d
      printf "%6d %18.9f %18.9f %10.2e%s\n", s, want[s], got[s], d, (d > tol ? "  (over the tolerance)" : "")
      if (d > tol) bad = 1
    }
    printf "largest relative difference %.2e (tolerance %g)\n", m, tol
    exit bad
  }' "$tmp/g/V1EnergyProbe_batchElement_0.txt" || fail "energy differs from OpenPV's ($golden)"

run -p "$tmp/a/pv.params" -o "$tmp/b" -t 2
same_outputs "$tmp/a" "$tmp/b" "rerun from the printed .params" 6
run -p "$tmp/a/pv.params.lua" -o "$tmp/c" -t 2
same_outputs "$tmp/a" "$tmp/c" "rerun from the printed .lua params" 6
run -p "$src/tests/system/tutorial/shuffled.lua" -o "$tmp/d" -t 2
same_outputs "$tmp/a" "$tmp/d" "groups in another order" 6
run -p "$src/lua/examples/lca_tutorial.lua" -o "$tmp/e" -t 1
same_outputs "$tmp/a" "$tmp/e" "1 thread vs 2 threads" 6
