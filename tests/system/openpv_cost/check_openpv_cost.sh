#!/usr/bin/env bash
# The LCA-test types from OpenPV (net.lua: FirmThresholdCostLayer, DependentFirmThresholdCostLayer, MomentumLCALayer,
# InputRegionLayer, useInputBCflag, FirmThresholdCostFnProbe, FirmThresholdCostFnLCAProbe) under every
# decomposition: 2x1, 1x2 and 2x2 ranks, batch width 2 and 4, and 2 threads must write the same probe and PVP files,
# byte for byte, as one process with one thread. Checkpoints: 5 steps then 5 more from the final checkpoint (-c),
# on one process, at 2x2 restarted on one process, and restarted at batch width 2, equal 10 straight steps (the
# momentum's previous drive is state).
# usage: check_openpv_cost.sh SPARSEPV SPV_MAKE_BARS MPIEXEC SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 mpiexec=$3 src=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
net="$src/tests/system/openpv_cost/net.lua"
files=18  # 8 PVP files and the probes' text files (one per batch element for most)
"$make_bars" --count 6 --size 16 --prob 0.2 --seed 9 --out "$tmp/bars.pvp" >/dev/null
export SPV_BARS="$tmp/bars.pvp"
check_every_split "OpenPV LCA types" "$files"
[ -s "$tmp/one/V1Cost.pvp" ] || fail "no DependentFirmThresholdCostLayer output"
