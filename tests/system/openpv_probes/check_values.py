"""Checks a run of net.lua against relations computed here from the other probes' files, not by the probes' code:
the quotient is input energy / energy; the energy is 1/2 |residual|^2 + VThresh^2 / 2 * (number of active codes);
the log timescale follows OpenPV's LogTimeScaleController recurrence from the energies it saw; with OpenPV's default
log keys it equals the adaptive timescale. The BinningLayer's frames are the input's of one step before, binned by
hand; the BackgroundLayer's are the code's, each feature twice, after a feature that is 1 where the code is all zero.
usage: check_values.py RUN_DIR NBATCH VTHRESH"""
import math
import sys

import numpy as np
import sparsepv

run, nbatch, vthresh = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
base_max, base_min, tau_factor, growth_factor = 0.2, 0.05, 0.1, 0.5  # net.lua's timescale keys
log_thresh, log_slope = 0.6, 0.5


def records(name, b):
    with open(f"{run}/{name}_batchElement_{b}.txt") as f:
        lines = f.read().splitlines()[1:]  # the header line
    return [[field.strip().strip('"') for field in line.split(",")] for line in lines]


def close(a, b, rel, what):
    if not abs(a - b) <= rel * max(abs(a), abs(b), 1e-12):
        sys.exit(f"FAIL: {what}: {a!r} != {b!r}")


checked = 0
for b in range(nbatch):
    energy = [float(r[2]) for r in records("energy", b)]
    input_energy = [float(r[2]) for r in records("input_energy", b)]
    residual = [float(r[3]) for r in records("residual_l2", b)]
    active = [float(r[3]) for r in records("code_l0", b)]
    ratio = records("ratio", b)
    if not len(energy) == len(input_energy) == len(residual) == len(active) == len(ratio) == 10:
        sys.exit(f"FAIL: batch element {b}: expected 10 records in every file")
    for t in range(10):
        if ratio[t][0] != "Ratio" or int(ratio[t][2]) != b or float(ratio[t][1]) != t + 1:
            sys.exit(f"FAIL: ratio record {ratio[t]}")
        close(float(ratio[t][3]), input_energy[t] / energy[t], 1e-5, f"quotient at t={t + 1}, b={b}")
        close(energy[t], 0.5 * residual[t] + 0.5 * vthresh * vthresh * active[t], 1e-8, f"energy at t={t + 1}")
        checked += 3
    # The timescale of step t is computed from the energy after step t-1 (0 before the first step).
    seen = [0.0] + energy[:-1]
    length = -(log_thresh - base_max) / math.log(log_slope)
    scale, previous, cap = base_min, -1.0, base_max
    for t, (e, rec) in enumerate(zip(seen, records("log_timescales", b))):
        if e != previous:
            drop = (previous - e) / scale
            if drop <= 0 or previous <= 0 or e <= 0:
                scale, cap = base_min, base_max
            else:
                scale = tau_factor * (previous / drop)
                if scale >= cap:
                    scale = cap
                    cap *= 1 + growth_factor * math.exp(-(cap - base_max) / length)
        previous = e
        close(float(rec[2]), scale, 1e-6, f"log timescale at t={t + 1}, b={b}")
        close(float(rec[4]), cap, 1e-6, f"log timescale cap at t={t + 1}, b={b}")
        checked += 2
    with open(f"{run}/plain_timescales_batchElement_{b}.txt") as p, \
            open(f"{run}/default_log_timescales_batchElement_{b}.txt") as d:
        if p.read() != d.read():
            sys.exit(f"FAIL: LogTimeScaleProbe with the default log keys differs from AdaptiveTimeScaleProbe (b={b})")

# Frames of the layers' PVP files are [step][batch element], step 0 being the initial state.
frames = lambda name: sparsepv.readpvpfile(f"{run}/{name}.pvp")["values"]
dense = lambda v: v.toarray().reshape(-1, 8, 8, 4) if hasattr(v, "toarray") else v
inputs, bins = frames("Input"), frames("InputBins")
for t in range(1, 11):
    for b in range(nbatch):
        shown = np.clip(inputs[(t - 1) * nbatch + b][..., 0].astype(np.float64), -1.0, 1.0)
        expected = np.eye(4)[np.minimum(np.floor((shown + 1.0) / 0.5).astype(int), 3)]
        if not np.array_equal(bins[t * nbatch + b], expected):
            sys.exit(f"FAIL: BinningLayer at t={t}, b={b} is not the input of t={t - 1} binned over [-1, 1]")
        checked += 1
code, background = dense(frames("V1"))[nbatch:], frames("CodeBackground")[nbatch:]
if not (np.array_equal(background[..., 2::2], code) and np.array_equal(background[..., 3::2], code)
        and np.array_equal(background[..., :2], np.repeat((code == 0).all(-1, keepdims=True), 2, -1).astype(np.float32))):
    sys.exit("FAIL: BackgroundLayer is not [all-zero, all-zero, code features twice each]")
if not background[..., 0].any() or background[..., 0].all():
    sys.exit("FAIL: the background feature should be 1 at some positions and 0 at others")
checked += 1
print(f"ok: {checked} values agree with the relations computed from the other outputs")
