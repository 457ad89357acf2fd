"""Checks a 10-step run of net.lua against the list, worked out here: frame k (shown while 2k < t <= 2k + 2, frame 0
also at t = 0) shows batch element b entry (b + 4k) mod 6 (byFile); Input then holds frame 0 of that entry's file,
Labels holds 1 at every neuron for each class whose name is in the file's name and 0 for the others, and before the
first update (t = 0) Labels is 0.
usage: check_values.py RUN_DIR DATA_DIR"""
import math
import sys

import numpy as np
import sparsepv

run, data = sys.argv[1], sys.argv[2]
nbatch = 4
entries = ["quokka_1", "more/okapi_2", "zebra_3", "okapi_quokka_4", "fish_5", "more/zebra_6"]
classes = ["quokka", "okapi", "zebra"]

inputs = sparsepv.readpvpfile(f"{run}/Input.pvp")
labels = sparsepv.readpvpfile(f"{run}/Labels.pvp")
frames = {e: sparsepv.readpvpfile(f"{data}/{e}.pvp")["values"][0] for e in entries}
if len(inputs["time"]) != 11 * nbatch or len(labels["time"]) != 11 * nbatch:
    sys.exit(f"FAIL: expected 11 writes of {nbatch} batch elements")
if labels["values"].shape[1:] != (2, 2, 3):
    sys.exit(f"FAIL: Labels is {labels['values'].shape[1:]}, not 2x2x3")
checked = 0
for i, t in enumerate(inputs["time"]):
    b = i % nbatch
    k = max(0, math.ceil(t / 2) - 1)
    entry = entries[(b + nbatch * k) % len(entries)]
    if not np.array_equal(inputs["values"][i], frames[entry]):
        sys.exit(f"FAIL: Input at t = {t}, batch element {b} is not frame 0 of {entry}.pvp")
    want = np.zeros(3) if t == 0 else np.array([1.0 if c in entry else 0.0 for c in classes])
    got = labels["values"][i]
    if not np.array_equal(got, np.broadcast_to(want, got.shape)):
        sys.exit(f"FAIL: Labels at t = {t}, batch element {b} is {got[0, 0]}, expected {want} ({entry})")
    checked += 1
print(f"ok: {checked} frames of Input and Labels as worked out from the list")
