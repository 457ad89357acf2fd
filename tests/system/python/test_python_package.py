#!/usr/bin/env python3
"""The Python package (python/sparsepv) against real sparsepv runs and hand-built OpenPV-style files.

usage: test_python_package.py SPARSEPV SPV_PVP_INSPECT [unittest options]

One small network (written below as Lua) runs once: its inputs are PVP files this test writes with the package
(dense, sparse with values, sparse binary) and its dictionary a weight file the package writes, so the run itself is
the Python -> C++ direction; its outputs (dense, sparse, binary activity, float and compressed weights, every probe
type, checkpoints) are then read back and checked against what is known independently: the sizes in the params,
the inputs written, a dense copy of the sparse layer, the dictionary, and the probes' definitions. Files the C++
side writes are written again by the package and must be the same bytes; files the package writes are read by
spv-pvp-inspect and must hold the same values.

Exit status 77 (ctest: skipped) when NumPy or SciPy is missing.
"""

import io
import os
import struct
import subprocess
import sys
import tempfile
import unittest

try:
    import numpy as np
    import scipy.sparse as sp
except ImportError as e:  # reported by ctest as a skip, with this reason
    print("SKIP: the Python package needs NumPy and SciPy (%s); scripts/install-deps.sh installs them" % e)
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "python"))
import sparsepv  # noqa: E402
from sparsepv import PROBE_COLUMNS  # noqa: E402

SPARSEPV = INSPECT = None
NX, NY = 8, 6  # the column: not square, so that x and y cannot be swapped unnoticed
STEPS = 6
DISPLAY = 2  # input frame k is shown for k*2 < t <= (k+1)*2: t = 1, 2 -> 0; 3, 4 -> 1; 5, 6 -> 2
NXP = NYP = 4


def input_frame(t):
    return (int(t) - 1) // DISPLAY


def make_inputs(rng):
    dense = rng.standard_normal((3, NY, NX, 2)).astype(np.float32)
    dense[dense < -1] = 0  # a few exact zeros
    sparse_dense = np.where(rng.random((3, NY, NX, 3)) < 0.2, rng.uniform(0.5, 2, (3, NY, NX, 3)), 0)
    sparse_dense = sparse_dense.astype(np.float32)
    binary = (rng.random((3, NY, NX, 1)) < 0.3).astype(np.float32)
    # V1 is 4 x 3 x 4 (scale 0.5); its dictionary onto the 8 x 6 x 2 error layer: 4 kernels of 4 x 4 x 2.
    dictionary = rng.uniform(-1, 1, (1, 1, 4, NYP, NXP, 2)).astype(np.float32)
    return dense, sparse_dense, binary, dictionary


NETWORK = r"""
local d = "%(dir)s/"
return {
  column = { groupType = "HyPerCol", nx = %(nx)d, ny = %(ny)d, dt = 1, stopTime = %(steps)d, nbatch = 1,
             outputPath = d .. "out", randomSeed = 5, checkpointWrite = true, checkpointWriteDir = d .. "out/ckpt",
             checkpointWriteStepInterval = 3 },
  Input    = { groupType = "PvpLayer", nf = 2, phase = 0, inputPath = d .. "input.pvp", displayPeriod = %(display)d,
               writeStep = 1, initialWriteTime = 1 },
  SparseIn = { groupType = "PvpLayer", nf = 3, phase = 0, inputPath = d .. "sparse_input.pvp",
               displayPeriod = %(display)d, writeStep = 1, initialWriteTime = 1 },
  BinaryIn = { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = d .. "binary_input.pvp",
               displayPeriod = %(display)d, writeStep = 1, initialWriteTime = 1 },
  Zero     = { groupType = "ConstantLayer", nf = 1, phase = 0 },
  Error    = { groupType = "HyPerLayer", nf = 2, phase = 1, writeStep = 1, initialWriteTime = 1 },
  V1       = { groupType = "HyPerLCALayer", nxScale = 0.5, nyScale = 0.5, nf = 4, phase = 2, InitVType = "ConstantV",
               valueV = 0.2, VThresh = 0.1, AShift = 0.1, AMin = 0, timeConstantTau = 5, sparseLayer = true,
               adaptiveTimeScaleProbe = "Timescales", writeStep = 1, initialWriteTime = 1 },
  V1Copy   = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 4, phase = 3, writeStep = 1,
               initialWriteTime = 1 },
  V1Binary = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 4, phase = 3, sparseLayer = true,
               writeSparseValues = false, writeStep = 1, initialWriteTime = 1 },
  Recon    = { groupType = "HyPerLayer", nf = 2, phase = 3 },
  InputToError = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Error", channelCode = 0 },
  V1ToError = { groupType = "HyPerConn", preLayerName = "V1", postLayerName = "Error", channelCode = 1,
                nxp = %(nxp)d, nyp = %(nyp)d, weightInitType = "FileWeight", initWeightsFile = d .. "dictionary.pvp",
                normalizeMethod = "none", plasticityFlag = false, writeStep = 3, initialWriteTime = 0 },
  V1ToRecon = { groupType = "HyPerConn", preLayerName = "V1", postLayerName = "Recon", channelCode = 0,
                nxp = %(nxp)d, nyp = %(nyp)d, weightInitType = "FileWeight", initWeightsFile = d .. "dictionary.pvp",
                normalizeMethod = "none", plasticityFlag = false, writeStep = 3, initialWriteTime = 0,
                writeCompressedWeights = true },
  ErrorToV1 = { groupType = "TransposeConn", preLayerName = "Error", postLayerName = "V1", channelCode = 0,
                originalConnName = "V1ToError" },
  V1ToCopy   = { groupType = "IdentConn", preLayerName = "V1", postLayerName = "V1Copy", channelCode = 0 },
  V1ToBinary = { groupType = "IdentConn", preLayerName = "V1", postLayerName = "V1Binary", channelCode = 0 },
  Energy   = { groupType = "ColumnEnergyProbe", probeOutputFile = "Energy.txt" },
  ErrorL2  = { groupType = "L2NormProbe", targetLayer = "Error", energyProbe = "Energy", coefficient = 0.5,
               exponent = 2, probeOutputFile = "ErrorL2.txt" },
  V1L1     = { groupType = "L1NormLCAProbe", targetLayer = "V1", energyProbe = "Energy", probeOutputFile = "V1L1.txt" },
  V1L0     = { groupType = "L0NormProbe", targetLayer = "V1", probeOutputFile = "V1L0.txt" },
  InputL1  = { groupType = "L1NormProbe", targetLayer = "Input", probeOutputFile = "InputL1.txt" },
  InputStats = { groupType = "StatsProbe", targetLayer = "Input", message = "in", probeOutputFile = "InputStats.txt" },
  InputPoint = { groupType = "PointProbe", targetLayer = "Input", message = "pt", xLoc = 5, yLoc = 2, fLoc = 1,
                 batchLoc = 0, probeOutputFile = "InputPoint.txt" },
  ZeroCheck  = { groupType = "RequireAllZeroActivityProbe", targetLayer = "Zero", probeOutputFile = "ZeroCheck.txt" },
  Timescales = { groupType = "AdaptiveTimeScaleProbe", targetName = "Energy", baseMax = 0.5, baseMin = 0.25,
                 probeOutputFile = "Timescales.txt" },
  V1Cost     = { groupType = "L0NormLCAProbe", targetLayer = "V1", probeOutputFile = "V1Cost.txt" },
  Ratio      = { groupType = "QuotientProbe", numerator = "V1L1", denominator = "ErrorL2", message = "ratio",
                 probeOutputFile = "Ratio.txt" },
  LogScales  = { groupType = "LogTimeScaleProbe", targetName = "Energy", baseMax = 0.5, baseMin = 0.25,
                 logThresh = 1, logSlope = 0.5, writeTimeScaleFieldnames = false, probeOutputFile = "LogScales.txt" },
  Knee       = { groupType = "KneeTimeScaleProbe", targetName = "Energy", baseMax = 0.5, baseMin = 0.25,
                 kneeThresh = 1, kneeSlope = 0.5, writeTimeScaleFieldnames = false, probeOutputFile = "Knee.txt" },
}
"""

PROBE_TYPES = {"Energy": "ColumnEnergyProbe", "ErrorL2": "L2NormProbe", "V1L1": "L1NormLCAProbe", "V1L0": "L0NormProbe",
               "InputL1": "L1NormProbe", "InputStats": "StatsProbe", "InputPoint": "PointProbe",
               "ZeroCheck": "RequireAllZeroActivityProbe", "Timescales": "AdaptiveTimeScaleProbe",
               "Knee": "KneeTimeScaleProbe", "V1Cost": "L0NormLCAProbe", "Ratio": "QuotientProbe",
               "LogScales": "LogTimeScaleProbe"}


def inspect_csv(path, frame=0):
    """The values spv-pvp-inspect prints for one frame, in file order (activity: y, x, f; weights: a, k, y, x, f)."""
    out = subprocess.run([INSPECT, path, "--frame", str(frame), "--csv", "--all"], check=True, capture_output=True,
                         text=True)
    lines = out.stdout.strip().split("\n")[1:]
    return np.array([np.float32(line.rsplit(",", 1)[1]) for line in lines], np.float32)


def inspect_header(path):
    out = subprocess.run([INSPECT, path], check=True, capture_output=True, text=True).stdout
    fields = {}
    for line in out.strip().split("\n"):
        key, value = line.split()[:2]
        fields[key] = value
    return fields


class Network(unittest.TestCase):
    """One run of the network; each test reads part of its output."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="spv-python-")
        cls.dir = d = cls.tmp.name
        rng = np.random.default_rng(12345)
        cls.dense, cls.sparse_dense, cls.binary, cls.dictionary = make_inputs(rng)
        # Python -> C++: the run reads these.
        sparsepv.writepvpfile(os.path.join(d, "input.pvp"), {"values": cls.dense, "time": [0, 2, 4]})
        sparsepv.writepvpfile(os.path.join(d, "sparse_input.pvp"),
                              {"values": sp.csr_matrix(cls.sparse_dense.reshape(3, -1)), "time": [0, 2, 4]},
                              shape=(NY, NX, 3))
        sparsepv.writepvpfile(os.path.join(d, "binary_input.pvp"), {"values": cls.binary, "time": [0, 2, 4]},
                              filetype=sparsepv.SPARSE)
        sparsepv.writepvpfile(os.path.join(d, "dictionary.pvp"), {"values": cls.dictionary, "time": [0]})
        with open(os.path.join(d, "net.lua"), "w") as f:
            f.write(NETWORK % {"dir": d, "nx": NX, "ny": NY, "steps": STEPS, "display": DISPLAY, "nxp": NXP,
                               "nyp": NYP})
        run = subprocess.run([SPARSEPV, "-p", os.path.join(d, "net.lua"), "-t", "1"], capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError("sparsepv failed (%d):\n%s%s" % (run.returncode, run.stdout, run.stderr))
        cls.out = os.path.join(d, "out")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.out, name)

    # -- the files the package wrote, as the C++ side read them ---------------------------------------------------

    def test_python_written_files_read_by_inspect(self):
        d = self.dir
        for k in range(3):
            self.assertTrue(np.array_equal(inspect_csv(os.path.join(d, "input.pvp"), k), self.dense[k].ravel()))
            self.assertTrue(np.array_equal(inspect_csv(os.path.join(d, "sparse_input.pvp"), k),
                                           self.sparse_dense[k].ravel()))
            self.assertTrue(np.array_equal(inspect_csv(os.path.join(d, "binary_input.pvp"), k),
                                           self.binary[k].ravel()))
        self.assertTrue(np.array_equal(inspect_csv(os.path.join(d, "dictionary.pvp")), self.dictionary[0].ravel()))

        h = inspect_header(os.path.join(d, "sparse_input.pvp"))
        self.assertEqual((h["filetype"], h["nx"], h["ny"], h["nf"], h["nbands"]), ("6", "8", "6", "3", "3"))
        self.assertEqual(inspect_header(os.path.join(d, "binary_input.pvp"))["filetype"], "2")
        # Two batch elements: frames alternate between them (frame i is batch element i % nbatch).
        batched = os.path.join(d, "batched.pvp")
        sparsepv.writepvpfile(batched, {"values": self.dense[:2], "time": [1, 1]}, filetype=sparsepv.SPARSE_VALUES,
                              nbatch=2)
        out = subprocess.run([INSPECT, batched, "--frames"], check=True, capture_output=True, text=True).stdout
        self.assertIn("nbatch      2", out)
        self.assertIn("frame 1 batch 1 time 1 ", out)
        self.assertTrue(np.array_equal(inspect_csv(batched, 1), self.dense[1].ravel()))
        self.assertEqual(sparsepv.readpvpheader(batched).batches, 2)
        # Compressed weights written by the package: the C++ side expands them to the package's own expansion.
        packed = os.path.join(d, "dictionary_bytes.pvp")
        sparsepv.writepvpfile(packed, {"values": self.dictionary, "time": [0]}, compressed=True)
        ours = sparsepv.readpvpfile(packed)
        self.assertEqual(ours["header"].datatype, 1)
        self.assertTrue(np.array_equal(inspect_csv(packed), ours["values"][0].ravel()))
        step = (self.dictionary.max() - self.dictionary.min()) / 255
        self.assertLessEqual(np.abs(ours["values"] - self.dictionary).max(), step / 2 * 1.001)

    def test_inspect_lists_a_sparse_range_as_its_non_zeros(self):
        # Frames 1 and 2 of the sparse input, as (frame, y, x, f, value) rows of the non-zero entries only.
        path = os.path.join(self.dir, "sparse_input.pvp")
        out = subprocess.run([INSPECT, path, "--frame", "1:", "--csv"], check=True, capture_output=True, text=True)
        lines = out.stdout.strip().split("\n")
        self.assertEqual(lines[0], "frame,y,x,f,value")
        want = []
        for k in (1, 2):
            for y, x, f in zip(*np.nonzero(self.sparse_dense[k])):
                want.append((k, int(y), int(x), int(f), np.float32(self.sparse_dense[k][y, x, f])))
        got = [tuple(int(v) for v in line.split(",")[:4]) + (np.float32(line.split(",")[4]),) for line in lines[1:]]
        self.assertGreater(len(want), 0)
        self.assertEqual(got, want)
        # A range past the end is an error naming the file.
        bad = subprocess.run([INSPECT, path, "--frame", "2:5", "--csv"], capture_output=True, text=True)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("sparse_input.pvp", bad.stderr)

    def test_inputs_show_the_frames_written(self):
        for name, frames in (("Input", self.dense), ("SparseIn", self.sparse_dense), ("BinaryIn", self.binary)):
            data = sparsepv.readpvpfile(self.path(name + ".pvp"))
            h = data["header"]
            self.assertEqual((h.filetype, h.nx, h.ny, h.nf, h.nbands), (4, NX, NY, frames.shape[3], STEPS))
            self.assertEqual(data["values"].shape, (STEPS, NY, NX, frames.shape[3]))
            self.assertEqual(data["values"].dtype, np.float32)
            self.assertEqual(list(data["time"]), list(range(1, STEPS + 1)))
            for k, t in enumerate(data["time"]):
                self.assertTrue(np.array_equal(data["values"][k], frames[input_frame(t)]), (name, t))

    # -- C++ -> Python --------------------------------------------------------------------------------------------

    def test_headers_match_the_params(self):
        h = sparsepv.readpvpheader(self.path("V1.pvp"))
        self.assertEqual((h.filetype, h.nx, h.ny, h.nf, h.nbatch, h.nbands), (6, NX // 2, NY // 2, 4, 1, STEPS))
        self.assertEqual((h["nx"], h["nxExtended"], h.nxGlobal, h.batches), (NX // 2, NX // 2, NX // 2, 1))
        self.assertEqual(sparsepv.readpvpheader(self.path("V1Binary.pvp")).filetype, 2)
        self.assertEqual(sparsepv.readpvpheader(self.path("V1Copy.pvp")).filetype, 4)
        for conn, datatype in (("V1ToError", 3), ("V1ToRecon", 1)):
            w = sparsepv.readpvpheader(self.path(conn + ".pvp"))
            self.assertEqual((w.filetype, w.headersize, w.nxp, w.nyp, w.nfp, w.numpatches, w.datatype),
                             (5, 104, NXP, NYP, 2, 4, datatype))

    def test_sparse_layer_agrees_with_its_dense_copy(self):
        v1 = sparsepv.readpvpfile(self.path("V1.pvp"))
        copy = sparsepv.readpvpfile(self.path("V1Copy.pvp"))
        binary = sparsepv.readpvpfile(self.path("V1Binary.pvp"))
        self.assertIsInstance(v1["values"], sp.csr_matrix)
        self.assertEqual(v1["values"].shape, (STEPS, (NX // 2) * (NY // 2) * 4))
        self.assertGreater(v1["values"].nnz, 0)
        dense = copy["values"].reshape(STEPS, -1)
        self.assertTrue(np.array_equal(v1["values"].toarray(), dense))
        self.assertTrue(np.array_equal(binary["values"].toarray(), (dense != 0).astype(np.float32)))
        self.assertTrue(np.array_equal(v1["time"], copy["time"]))
        # The L0 probe counts the same active neurons.
        l0 = sparsepv.read_probe(self.path("V1L0_batchElement_0.txt"))
        self.assertTrue(np.array_equal(l0["norm"], np.diff(v1["values"].indptr)))
        self.assertTrue(np.all(l0["neurons"] == (NX // 2) * (NY // 2) * 4))

    def test_weights_are_the_dictionary(self):
        w = sparsepv.readpvpfile(self.path("V1ToError.pvp"))
        self.assertEqual(w["values"].shape, (3, 1, 4, NYP, NXP, 2))  # written at t = 0, 3, 6
        self.assertEqual(list(w["time"]), [0, 3, 6])
        for k in range(3):
            self.assertTrue(np.array_equal(w["values"][k], self.dictionary[0]))
        self.assertEqual(w["header"].wMin, float(self.dictionary.min()))
        self.assertEqual(w["header"].wMax, float(self.dictionary.max()))
        packed = sparsepv.readpvpfile(self.path("V1ToRecon.pvp"))
        step = (self.dictionary.max() - self.dictionary.min()) / 255
        self.assertLessEqual(np.abs(packed["values"] - self.dictionary).max(), step / 2 * 1.001)
        self.assertTrue(np.array_equal(packed["values"][0].ravel(), inspect_csv(self.path("V1ToRecon.pvp"))))
        with sparsepv.PVPFile(self.path("V1ToError.pvp")) as f:
            self.assertEqual(len(f), 3)
            frames = list(f)
            self.assertEqual([fr.time for fr in frames], [0, 3, 6])
            self.assertTrue(np.array_equal(frames[-1].values, self.dictionary[0]))
            self.assertEqual(frames[1].header.time, 3)

    def test_frame_by_frame_equals_whole_file(self):
        for name in ("Input", "V1", "V1Binary", "V1ToRecon"):
            whole = sparsepv.readpvpfile(self.path(name + ".pvp"))
            with sparsepv.PVPFile(self.path(name + ".pvp")) as f:
                self.assertEqual(len(f), len(whole["time"]))
                self.assertTrue(np.array_equal(f.times(), whole["time"]))
                for k, frame in enumerate(f):
                    self.assertEqual(frame.time, whole["time"][k])
                    values = whole["values"][k] if not sp.issparse(whole["values"]) else whole["values"][k]
                    if sp.issparse(values):
                        self.assertTrue(np.array_equal(frame.values.toarray(), values.toarray()))
                        self.assertTrue(np.array_equal(f.read_dense(k).ravel(), values.toarray().ravel()))
                    else:
                        self.assertTrue(np.array_equal(frame.values, values))
                self.assertTrue(np.array_equal(f.read(-1).values if not sp.issparse(whole["values"]) else
                                               f.read(-1).values.toarray(),
                                               whole["values"][-1] if not sp.issparse(whole["values"]) else
                                               whole["values"][-1].toarray()))
        part = sparsepv.readpvpfile(self.path("V1.pvp"), start_frame=2, last_frame=5)
        whole = sparsepv.readpvpfile(self.path("V1.pvp"))
        self.assertEqual(list(part["time"]), [3, 4, 5])
        self.assertTrue(np.array_equal(part["values"].toarray(), whole["values"][2:5].toarray()))
        part = sparsepv.readpvpfile(self.path("Input.pvp"), start_frame=1, last_frame=6, skip_frames=2)
        self.assertEqual(list(part["time"]), [2, 4, 6])
        self.assertEqual(part["values"].shape[0], 3)
        stderr = io.StringIO()
        real, sys.stderr = sys.stderr, stderr
        try:
            sparsepv.readpvpfile(self.path("Input.pvp"), progress_interval=2)
        finally:
            sys.stderr = real
        self.assertEqual(stderr.getvalue().count("frame"), 3)

    # -- C++ writes, Python reads and writes: the same bytes ------------------------------------------------------

    def assertSameBytes(self, a, b):
        with open(a, "rb") as fa, open(b, "rb") as fb:
            self.assertEqual(fa.read(), fb.read(), "%s and %s differ" % (a, b))

    def test_round_trip_bytes(self):
        files = [self.path(n + ".pvp") for n in ("Input", "SparseIn", "Error", "V1", "V1Copy", "V1Binary", "V1ToError",
                                                  "V1ToRecon")]
        last = os.path.join(self.out, "Last")
        files += [os.path.join(last, n) for n in sorted(os.listdir(last)) if n.endswith(".pvp")]
        self.assertGreater(len(files), 12)
        for path in files:
            data = sparsepv.readpvpfile(path)
            h = data["header"]
            again = os.path.join(self.dir, "again.pvp")
            sparsepv.writepvpfile(again, data, use_existing_header=True)
            self.assertSameBytes(path, again)
            # Without the header: the package's own header is the one sparsepv writes (compressed weights keep
            # their range only through the header, so they are left out here).
            if h.datatype == 1:
                continue
            shape = (h.ny, h.nx, h.nf)
            sparsepv.writepvpfile(again, data, shape=shape, filetype=h.filetype, nbatch=h.nbatch)
            self.assertSameBytes(path, again)

    # -- probes ---------------------------------------------------------------------------------------------------

    def test_every_probe_file_has_its_header_and_a_row_per_step(self):
        for name, probe_type in PROBE_TYPES.items():
            path = self.path(name + "_batchElement_0.txt")
            with open(path) as f:
                first = f.readline().strip()
            self.assertEqual(first, ",".join(PROBE_COLUMNS[probe_type]), name)
            table = sparsepv.read_probe(path)
            self.assertEqual(table.columns, PROBE_COLUMNS[probe_type], name)
            self.assertEqual(table.rows, STEPS, name)
            self.assertTrue(np.allclose(table["time"], np.arange(1, STEPS + 1)), name)
            if "index" in table:
                self.assertTrue(np.all(table["index"] == 0), name)
        self.assertEqual(sparsepv.read_probe(self.path("Timescales_batchElement_0.txt")).layout, "timescale_fields")
        self.assertEqual(sparsepv.read_probe(self.path("Knee_batchElement_0.txt")).layout, "csv")

    def test_probe_values(self):
        t = np.arange(1, STEPS + 1)
        shown = self.dense[[input_frame(s) for s in t]]
        point = sparsepv.read_probe(self.path("InputPoint_batchElement_0.txt"))
        self.assertEqual((point.layout, point.message), ("point", "pt"))
        self.assertTrue(np.allclose(point["a"], shown[:, 2, 5, 1], atol=6e-6))
        stats = sparsepv.read_probe(self.path("InputStats_batchElement_0.txt"))
        self.assertEqual((stats.layout, stats.message, stats.avg_in_hz), ("stats", "in", False))
        flat = shown.reshape(STEPS, -1).astype(np.float64)
        self.assertTrue(np.all(stats["N"] == NX * NY * 2))
        self.assertTrue(np.allclose(stats["Total"], flat.sum(1), atol=2e-6))
        self.assertTrue(np.allclose(stats["Min"], flat.min(1), atol=1e-6))
        self.assertTrue(np.allclose(stats["Max"], flat.max(1), atol=1e-6))
        self.assertTrue(np.allclose(stats["Avg"], flat.mean(1), atol=1e-6))
        self.assertTrue(np.all(stats["nnz"] == (flat != 0).sum(1)))
        l1 = sparsepv.read_probe(self.path("InputL1_batchElement_0.txt"))
        self.assertTrue(np.allclose(l1["norm"], np.abs(flat).sum(1), atol=2e-6))
        zero = sparsepv.read_probe(self.path("ZeroCheck_batchElement_0.txt"))
        self.assertTrue(np.all(zero["nnz"] == 0) and np.all(zero["N"] == NX * NY))
        energy = sparsepv.read_probe(self.path("Energy_batchElement_0.txt"))
        error = sparsepv.read_probe(self.path("ErrorL2_batchElement_0.txt"))
        v1 = sparsepv.read_probe(self.path("V1L1_batchElement_0.txt"))
        # L1NormLCAProbe's coefficient in the energy is its layer's VThresh (0.1), as in OpenPV.
        self.assertTrue(np.allclose(energy["energy"], 0.5 * error["norm"] + 0.1 * v1["norm"], atol=2e-6))
        # The error layer is the input minus the reconstruction; its squared L2 norm is what the probe shows.
        err = sparsepv.readpvpfile(self.path("Error.pvp"))["values"].reshape(STEPS, -1).astype(np.float64)
        self.assertTrue(np.allclose(error["norm"], (err ** 2).sum(1), rtol=1e-6, atol=2e-6))
        # QuotientProbe: the numerator's and denominator's own values (before coefficients) divided.
        ratio = sparsepv.read_probe(self.path("Ratio_batchElement_0.txt"))
        self.assertEqual((ratio.layout, ratio.message), ("quoted", "ratio"))
        self.assertTrue(np.all(ratio["message"] == "ratio"))
        self.assertTrue(np.allclose(ratio["quotient"], v1["norm"] / error["norm"], rtol=2e-5))
        # L0NormLCAProbe counts the codes above VThresh (0.1).
        codes = sparsepv.readpvpfile(self.path("V1.pvp"))
        cost = sparsepv.read_probe(self.path("V1Cost_batchElement_0.txt"))
        active = (np.abs(codes["values"].toarray().astype(np.float64)) > 0.1).sum(1)
        self.assertTrue(np.array_equal(cost["norm"], active.astype(np.float64)))
        self.assertGreater(active.max(), 0)
        ts = sparsepv.read_probe(self.path("Timescales_batchElement_0.txt"))
        self.assertTrue(np.all(ts["timeScale"] > 0) and np.all(ts["timeScaleMax"] >= ts["timeScale"]))

    def test_probe_files_without_header_lines(self):
        # Older runs (before every probe type named its columns) wrote some files without a header line.
        d = self.dir
        cases = {
            "norm.txt": (" 1.000, 0,       12, 3.000000\n 2.000, 0,       12, 27.000000\n",
                         ("time", "index", "neurons", "norm"), [3, 27]),
            "stats.txt": ("m:t==   1.0 b==0 N==4 Total==2.000000 Min==-2.000000 Avg==5.000000 Hz (/dt ms) "
                          "Max==3.000000 sigma==1.802776 nnz==3\n", PROBE_COLUMNS["StatsProbe"], [3]),
            "point.txt": ("t=1.0 V=-1.37500 a=11.00000\n", ("time", "V", "a"), [11.0]),
            "ts.txt": ("sim_time = 1.000000\n\tbatch = 0, timeScale = 1.00000000, timeScaleTrue = -1.00000000, "
                       "timeScaleMax = 2.00000000\n", PROBE_COLUMNS["AdaptiveTimeScaleProbe"], [2.0]),
        }
        for name, (text, columns, last_column) in cases.items():
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
            table = sparsepv.read_probe(os.path.join(d, name))
            self.assertIsNone(table.header)
            self.assertEqual(table.columns, columns, name)
            self.assertTrue(np.allclose(table[columns[-1]], last_column), name)
        self.assertTrue(sparsepv.read_probe(os.path.join(d, "stats.txt")).avg_in_hz)
        self.assertEqual(sparsepv.read_probe(os.path.join(d, "norm.txt")).to_records()["neurons"].tolist(), [12, 12])

    # -- the run as a whole ---------------------------------------------------------------------------------------

    def test_load_run(self):
        run = sparsepv.load_run(self.out)
        types = dict(run.groups)
        self.assertEqual(types["column"], "HyPerCol")
        self.assertEqual(types["V1"], "HyPerLCALayer")
        self.assertEqual(types["V1ToError"], "HyPerConn")
        self.assertEqual(run.params["column"]["nx"], NX)
        self.assertEqual(run.params["V1"]["nf"], 4)
        self.assertEqual(run.params["V1"]["AMax"], float("inf"))
        self.assertEqual(run.params["InputToError"]["delay"], [0])
        self.assertIsNone(run.params["V1"]["triggerLayerName"])
        self.assertEqual(run.params["V1ToError"]["initWeightsFile"], os.path.join(self.dir, "dictionary.pvp"))
        self.assertIn('HyPerLCALayer "V1" = {', run.params_text)
        self.assertEqual(set(run.probes), set(PROBE_TYPES))
        self.assertEqual(run.probes["Energy"].rows, STEPS)
        self.assertEqual(run.energy_probes, ["Energy"])
        self.assertIn("V1", run.pvp)
        self.assertEqual(len(run.pvp["V1"]), STEPS)
        # Checkpoint3 in checkpointWriteDir, then the final one (step 6) there (as OpenPV names it) and in Last.
        self.assertEqual(sorted((c.name, c.step) for c in run.checkpoints),
                         [("Checkpoint3", 3), ("Checkpoint6", 6), ("Last", 6)])
        last = [c for c in run.checkpoints if c.name == "Last"][0]
        self.assertTrue(last.complete)
        self.assertEqual(last.time, STEPS)
        self.assertEqual(last.params["V1"]["nf"], 4)
        weights = last.pvp["V1ToError_W"].read(0).values
        self.assertTrue(np.array_equal(weights, self.dictionary[0]))

    def test_plots(self):
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            self.skipTest("matplotlib is not installed")
        import sparsepv.plot

        run = sparsepv.load_run(self.out)
        png = os.path.join(self.dir, "energy.png")
        fig = sparsepv.plot.energy(run, path=png)
        self.assertEqual(len(fig.axes[0].lines), 1)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        tiles = os.path.join(self.dir, "tiles.png")
        sparsepv.plot.dictionary_tiles(run.pvp["V1ToError"], path=tiles)
        self.assertGreater(os.path.getsize(tiles), 100)
        image = sparsepv.plot.tile_image(self.dictionary, columns=2)
        self.assertEqual(image.shape, (2 * (NYP + 1) + 1, 2 * (NXP + 1) + 1))


class OpenPVFiles(unittest.TestCase):
    """Files built byte by byte as OpenPV writes them (its documented header; old headers with nbatch 0)."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="spv-openpv-")
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    @staticmethod
    def header(filetype, nx, ny, nf, numrecords, recordsize, datasize, datatype, nbatch, nbands, time,
               weights=None, nx_global=None, ny_global=None):
        ints = [104 if weights else 80, 26 if weights else 20, filetype, nx, ny, nf, numrecords, recordsize, datasize,
                datatype, 1, 1, nx_global or nx, ny_global or ny, 0, 0, nbatch, nbands]
        out = struct.pack("<18i", *ints) + struct.pack("<d", time)
        if weights:
            nxp, nyp, nfp, w_min, w_max, numpatches = weights
            out += struct.pack("<3i2fi", nxp, nyp, nfp, w_min, w_max, numpatches)
        return out

    def test_dense_old_header_nbatch_zero(self):
        nx, ny, nf = 3, 2, 2
        values = np.arange(2 * ny * nx * nf, dtype=np.float32).reshape(2, ny, nx, nf) - 5
        body = b"".join(struct.pack("<d", t) + values[k].astype("<f4").tobytes() for k, t in enumerate((1.0, 2.5)))
        path = self.write("old.pvp", self.header(4, nx, ny, nf, 1, nx * ny * nf, 4, 3, 0, 2, 1.0) + body)
        self.assertEqual(os.path.getsize(path), 80 + 2 * (8 + nx * ny * nf * 4))
        data = sparsepv.readpvpfile(path)
        h = data["header"]
        self.assertEqual((h.nbatch, h.batches, h["nb"], h.nbands), (0, 1, 0, 2))
        self.assertEqual(data["values"].shape, (2, ny, nx, nf))
        self.assertTrue(np.array_equal(data["values"], values))
        self.assertEqual(list(data["time"]), [1.0, 2.5])
        # (y, x, f) order: value at y 1, x 2, f 0 is element (1*3 + 2)*2 + 0 of the frame.
        self.assertEqual(data["values"][0, 1, 2, 0], values.reshape(2, -1)[0, 10])
        # Written back with its own header: the same bytes, nbatch 0 included.
        again = os.path.join(self.tmp.name, "again.pvp")
        sparsepv.writepvpfile(again, data, use_existing_header=True)
        with open(path, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_sparse_values_as_pvtools_writes_them(self):
        # OpenPV's pvtools mark sparse-with-values files datatype 4 (index-value pairs); OpenPV itself writes 3.
        nx, ny, nf = 4, 2, 3
        frames = [(1.0, [(0, 0.5), (7, -1.25), (23, 2.0)]), (2.0, []), (3.0, [(5, 1.0)])]
        body = b""
        for t, entries in frames:
            body += struct.pack("<dI", t, len(entries))
            body += b"".join(struct.pack("<if", k, v) for k, v in entries)
        path = self.write("sparse.pvp", self.header(6, nx, ny, nf, 1, 0, 8, 4, 1, 3, 1.0) + body)
        data = sparsepv.readpvpfile(path)
        m = data["values"]
        self.assertEqual(m.shape, (3, nx * ny * nf))
        self.assertEqual(m[0, 7], -1.25)
        self.assertEqual(m[0, 23], 2.0)
        self.assertEqual(m[1].nnz, 0)
        self.assertEqual(m[2, 5], 1.0)
        self.assertEqual(list(data["time"]), [1.0, 2.0, 3.0])
        with sparsepv.PVPFile(path) as f:
            self.assertEqual(f.read_dense(0)[1, 3, 2], 2.0)  # k = (y*nx + x)*nf + f = (1*4 + 3)*3 + 2 = 23
            self.assertEqual(f.read_dense(0)[0, 2, 1], -1.25)  # k = (0*4 + 2)*3 + 1 = 7
        # The C++ reader reads it (it does not insist on datatype 3).
        self.assertEqual(inspect_csv(path, 0)[23], 2.0)

    def test_sparse_binary_nbatch_zero(self):
        nx, ny, nf = 5, 1, 1
        body = struct.pack("<dI3i", 0.0, 3, 0, 2, 4) + struct.pack("<dI", 1.0, 0)
        path = self.write("spikes.pvp", self.header(2, nx, ny, nf, 1, 0, 4, 2, 0, 2, 0.0) + body)
        data = sparsepv.readpvpfile(path)
        self.assertEqual(data["values"].toarray().tolist(), [[1, 0, 1, 0, 1], [0, 0, 0, 0, 0]])
        self.assertEqual(data["header"].batches, 1)

    def test_shared_weights_with_recordsize_zero_and_bytes(self):
        # Newer OpenPV writes recordsize 0 in weight headers; compressed weights are bytes in [wMin, wMax].
        nxp, nyp, nfp, kernels = 2, 3, 1, 2
        raw = np.array([[0, 51, 102, 153, 204, 255], [255, 0, 0, 0, 0, 128]], np.uint8)
        w_min, w_max = -1.0, 1.0
        frame = self.header(5, 1, 1, kernels, 1, 0, 1, 1, 1, 1, 7.0, weights=(nxp, nyp, nfp, w_min, w_max, kernels))
        for k in range(kernels):
            frame += struct.pack("<HHI", nxp, nyp, 0) + raw[k].tobytes()
        path = self.write("bytes.pvp", frame + frame.replace(struct.pack("<d", 7.0), struct.pack("<d", 9.0), 1))
        data = sparsepv.readpvpfile(path)
        self.assertEqual(data["values"].shape, (2, 1, kernels, nyp, nxp, nfp))
        self.assertEqual(list(data["time"]), [7.0, 9.0])
        expected = np.float32(w_min) + np.float32(w_max - w_min) * (raw.astype(np.float32) / np.float32(255))
        self.assertTrue(np.array_equal(data["values"][0, 0].reshape(kernels, -1), expected))
        self.assertEqual(data["values"][0, 0, 0, 0, 0, 0], -1.0)
        self.assertEqual(data["values"][0, 0, 0, 2, 1, 0], 1.0)
        self.assertTrue(np.array_equal(inspect_csv(path, 1), data["values"][1].ravel()))
        again = os.path.join(self.tmp.name, "again.pvp")
        sparsepv.writepvpfile(again, data, use_existing_header=True)
        with open(path, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_nonshared_weights(self):
        # Non-shared weights (filetype 3): one patch per pre neuron of the extended layer (here a 2 x 1 layer with
        # a margin of 1: 4 x 3 patches), each stored whole; the patch header gives the part in use.
        nx, ny, nf, nxp, nyp, nfp = 2, 1, 1, 3, 3, 2
        nx_ext, ny_ext = 4, 3
        patches = nx_ext * ny_ext * nf
        rng = np.random.default_rng(3)
        values = rng.uniform(-1, 1, (patches, nyp, nxp, nfp)).astype(np.float32)
        frame = self.header(3, nx, ny, nf, 1, 0, 4, 3, 1, 1, 0.0,
                            weights=(nxp, nyp, nfp, float(values.min()), float(values.max()), patches),
                            nx_global=nx_ext, ny_global=ny_ext)
        geometry = []
        for p in range(patches):
            shrunk = (1, 2, 4) if p % 2 else (nxp, nyp, 0)
            geometry.append(shrunk)
            frame += struct.pack("<HHI", *shrunk) + values[p].astype("<f4").tobytes()
        path = self.write("local.pvp", frame)
        data = sparsepv.readpvpfile(path)
        h = data["header"]
        self.assertEqual((h.filetype, h.numpatches, h.nxGlobal, h.nyExtended), (3, patches, nx_ext, ny_ext))
        self.assertEqual(data["values"].shape, (1, 1, patches, nyp, nxp, nfp))
        self.assertTrue(np.array_equal(data["values"][0, 0], values))
        g = data["patch_headers"][0, 0]
        self.assertEqual([(int(a), int(b), int(c)) for a, b, c in zip(g["nx"], g["ny"], g["offset"])], geometry)
        again = os.path.join(self.tmp.name, "again.pvp")
        sparsepv.writepvpfile(again, data, use_existing_header=True)
        with open(path, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_malformed_files_name_file_and_offset(self):
        nx, ny, nf = 2, 2, 1
        good = self.header(4, nx, ny, nf, 1, 4, 4, 3, 1, 2, 0.0) + (struct.pack("<d", 0) + b"\0" * 16) * 2
        short = self.write("short.pvp", good[:-4])
        with self.assertRaises(sparsepv.PVPError) as e:
            sparsepv.readpvpfile(short)
        self.assertIn("short.pvp", str(e.exception))
        self.assertIn("truncated", str(e.exception))
        bad = self.write("bad.pvp", good[:8] + struct.pack("<i", 9) + good[12:])
        with self.assertRaises(sparsepv.PVPError) as e:
            sparsepv.readpvpfile(bad)
        self.assertEqual(e.exception.offset, 8)
        sparse = self.header(6, nx, ny, nf, 1, 0, 8, 3, 1, 1, 0.0) + struct.pack("<dIif", 0, 1, 99, 1.0)
        with self.assertRaises(sparsepv.PVPError) as e:
            sparsepv.readpvpfile(self.write("index.pvp", sparse))
        self.assertIn("index 99", str(e.exception))


def main():
    global SPARSEPV, INSPECT
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    SPARSEPV, INSPECT = sys.argv[1], sys.argv[2]
    program = unittest.main(argv=[sys.argv[0]] + sys.argv[3:], exit=False, verbosity=2)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
