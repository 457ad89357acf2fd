#!/usr/bin/env bash
# OpenPV's PvpListLayer and FilenameParsingLayer (net.lua): the frames and labels written are those worked out here
# from the list (check_values.py), and every decomposition (2x1, 1x2, 2x2 ranks, batch width 2 and 4, threads) and
# restart writes the same files byte for byte.
# usage: check_openpv_inputs.sh SPARSEPV SPV_MAKE_BARS MPIEXEC SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 mpiexec=$3 src=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
net="$src/tests/system/openpv_inputs/net.lua"
files=3  # one PVP file per layer
data="$tmp/data"
mkdir -p "$data/more"
# Six files of two frames each (only frame 0 is shown); their names hold zero, one or two of the classes.
seed=0
for name in quokka_1 more/okapi_2 zebra_3 okapi_quokka_4 fish_5 more/zebra_6; do
  "$make_bars" --count 2 --size 8 --prob 0.3 --seed $((seed += 1)) --out "$data/$name.pvp" >/dev/null
done
printf '%s\n' "// OpenPV's comment line" quokka_1.pvp more/okapi_2.pvp zebra_3.pvp "" okapi_quokka_4.pvp \
  fish_5.pvp more/zebra_6.pvp >"$data/list.txt"
printf 'quokka\nokapi\nzebra\n' >"$data/classes.txt"
export SPV_DATA="$data"
check_every_split "OpenPV list input and labels" "$files"
PYTHONPATH="$src/python" /usr/bin/python3 "$src/tests/system/openpv_inputs/check_values.py" "$tmp/one" "$data" ||
  fail "frames and labels"
