#!/usr/bin/env bash
# A learning MomentumConn writes its previous dW beside its weights (Conn.prevDelta.pvp, OpenPV's file) and a later
# run reads both back: 20 steps straight end with the same weights and previous dW, value for value, as 10 steps
# continued for 10 more from frame 10 of the first run's files (initWeightsFile, initPrev_dWFile and the input's
# start_frame_index). The previous dW must have changed from zero; 2x2 ranks and a checkpoint restart write the same
# files byte for byte.
# usage: check_momentum_continue.sh SPARSEPV SPV_MAKE_BARS MPIEXEC SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 mpiexec=$3 src=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
net="$src/tests/system/momentum_continue/net.lua"
"$make_bars" --count 20 --size 8 --prob 0.25 --seed 21 --out "$tmp/bars.pvp" >/dev/null
export SPV_BARS="$tmp/bars.pvp"
spv_run "$tmp/one" 20 1
[ -s "$tmp/one/Conn.prevDelta.pvp" ] || fail "no Conn.prevDelta.pvp"
spv_run "$tmp/ranks" 20 4 -rows 2 -columns 2
same_outputs "$tmp/one" "$tmp/ranks" "momentum, 2x2 ranks" 2
for f in Conn.pvp Conn.prevDelta.pvp; do cmp -s "$tmp/one/$f" "$tmp/ranks/$f" || fail "$f differs at 2x2 ranks"; done
spv_run "$tmp/restart" 10 1
spv_run "$tmp/restart" 20 1 -c "$tmp/restart/Last"
for f in Conn.pvp Conn.prevDelta.pvp; do
  cmp -s "$tmp/one/$f" "$tmp/restart/$f" || fail "$f differs after a checkpoint restart"
done
echo "ok: weights and previous dW identical at 2x2 ranks and across a checkpoint restart"
SPV_FROM="$tmp/one" SPV_FRAME=10 spv_run "$tmp/continued" 10 1
PYTHONPATH="$src/python" /usr/bin/python3 - "$tmp/one" "$tmp/continued" <<'PY' || fail "continued run"
import sys
import numpy as np
import sparsepv
one, cont = sys.argv[1], sys.argv[2]
for name in ("Conn.pvp", "Conn.prevDelta.pvp"):
    a, b = sparsepv.readpvpfile(f"{one}/{name}"), sparsepv.readpvpfile(f"{cont}/{name}")
    if a["time"][-1] != 20 or b["time"][-1] != 10:
        sys.exit(f"FAIL: {name}: last frames at t = {a['time'][-1]} and {b['time'][-1]}, not 20 and 10")
    if not np.array_equal(a["values"][-1], b["values"][-1]):
        sys.exit(f"FAIL: {name}: 20 straight steps and 10 + 10 continued differ by "
                 f"{np.abs(a['values'][-1] - b['values'][-1]).max()}")
prev = sparsepv.readpvpfile(f"{one}/Conn.prevDelta.pvp")["values"]
if np.any(prev[0] != 0) or not np.any(prev[-1] != 0):
    sys.exit("FAIL: the previous dW starts at zero and must change")
w = sparsepv.readpvpfile(f"{one}/Conn.pvp")["values"]
# Between two written frames the weights either stay (no update) or move by exactly the dW recorded as the new
# previous dW (normalizeMethod none): the file holds the update applied, momentum included.
updates = 0
for k in range(len(w) - 1):
    step = w[k + 1].astype(np.float64) - w[k]
    if not np.any(step):
        if not np.array_equal(prev[k + 1], prev[k]):
            sys.exit(f"FAIL: the previous dW changed between frames {k} and {k + 1} without an update")
        continue
    updates += 1
    if np.abs(step - prev[k + 1]).max() > 1e-6:
        sys.exit(f"FAIL: frames {k} -> {k + 1}: the weights moved by other than the recorded dW")
if updates < 5:
    sys.exit(f"FAIL: only {updates} weight updates in 20 steps")
print(f"ok: {updates} updates, each moving the weights by the recorded previous dW")
print("ok: 20 straight steps equal 10 continued from frame 10 (weights and previous dW)")
PY
