#!/usr/bin/env bash
# OpenPV's derived probes and layers (net.lua: QuotientProbe, L0NormLCAProbe, LogTimeScaleProbe driving an LCA layer,
# BinningLayer with a delay, BackgroundLayer): their values agree with relations computed from the other outputs
# (check_values.py), and every decomposition (2x1, 1x2, 2x2 ranks, batch width 2 and 4, threads) and restart writes
# the same files byte for byte.
# usage: check_openpv_probes.sh SPARSEPV SPV_MAKE_BARS MPIEXEC SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 mpiexec=$3 src=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
net="$src/tests/system/openpv_probes/net.lua"
files=41  # 5 PVP files and 9 probes' files per batch element
"$make_bars" --count 6 --size 8 --prob 0.2 --seed 9 --out "$tmp/bars.pvp" >/dev/null
export SPV_BARS="$tmp/bars.pvp"
check_every_split "OpenPV derived probes" "$files"
PYTHONPATH="$src/python" /usr/bin/python3 "$src/tests/system/openpv_probes/check_values.py" "$tmp/one" 4 0.15 || fail "probe values"
