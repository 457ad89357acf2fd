#!/usr/bin/env python3
"""spv-plot on a real sparsepv run: a small LCA network of two batch elements with every probe kind, sparse
activity, output and checkpointed weights, run once; then tools/spv-plot on it.

usage: test_plot.py SPARSEPV SOURCE_DIR [unittest options]

Checked against what is known without the code under test: the probe files parsed here line by line (split on
commas, or the field names of the other layouts), the sparse activity file read byte by byte, the PNGs decoded by
the book (png_file.py), the group names of the network written below, and a page Chromium renders.
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "python"))
import numpy as np  # noqa: E402

import sparsepv  # noqa: E402
from png_file import read_png  # noqa: E402
from sparsepv import figures, report, traces  # noqa: E402
from sparsepv.activity import active_fraction  # noqa: E402

SPARSEPV = SRC = None
NX, NY, NBATCH, STEPS = 16, 12, 2, 24

NETWORK = r"""
local d = "%(dir)s/"
return {
  column = { groupType = "HyPerCol", nx = %(nx)d, ny = %(ny)d, dt = 1, stopTime = %(steps)d, nbatch = %(nbatch)d,
             outputPath = d .. "out", randomSeed = 1234567 },
  Input = { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = d .. "input.pvp", displayPeriod = %(steps)d,
            writeStep = -1 },
  Error = { groupType = "HyPerLayer", nf = 1, phase = 1, writeStep = 6, initialWriteTime = 6 },
  V1 = { groupType = "HyPerLCALayer", nxScale = 0.5, nyScale = 0.5, nf = 8, phase = 2, InitVType = "ZeroV",
         VThresh = 0.3, AShift = 0.3, AMin = 0, timeConstantTau = 5, sparseLayer = true,
         adaptiveTimeScaleProbe = "Timescales", writeStep = 1, initialWriteTime = 1 },
  InputToError = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Error", channelCode = 0 },
  V1ToError = { groupType = "HyPerConn", preLayerName = "V1", postLayerName = "Error", channelCode = 1, nxp = 4,
                nyp = 4, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
                normalizeMethod = "normalizeL2", strength = 1, plasticityFlag = false, writeStep = %(steps)d,
                initialWriteTime = 0 },
  ErrorToV1 = { groupType = "TransposeConn", preLayerName = "Error", postLayerName = "V1", channelCode = 0,
                originalConnName = "V1ToError" },
  TotalEnergy = { groupType = "ColumnEnergyProbe", probeOutputFile = "TotalEnergy.txt" },
  ResidualL2 = { groupType = "L2NormProbe", targetLayer = "Error", energyProbe = "TotalEnergy", coefficient = 0.5,
                 exponent = 2, probeOutputFile = "ResidualL2.txt" },
  CodeL1 = { groupType = "L1NormLCAProbe", targetLayer = "V1", energyProbe = "TotalEnergy",
             probeOutputFile = "CodeL1.txt" },
  CodeL0 = { groupType = "L0NormProbe", targetLayer = "V1", probeOutputFile = "CodeL0.txt" },
  Timescales = { groupType = "AdaptiveTimeScaleProbe", targetName = "TotalEnergy", baseMax = 0.5, baseMin = 0.25,
                 tauFactor = 0.1, growthFactor = 0.05, probeOutputFile = "Timescales.txt" },
  ErrorStats = { groupType = "StatsProbe", targetLayer = "Error", message = "err", probeOutputFile = "ErrorStats.txt" },
  OnePoint = { groupType = "PointProbe", targetLayer = "Error", xLoc = 3, yLoc = 2, fLoc = 0, batchLoc = 1,
               probeOutputFile = "OnePoint.txt" },
}
"""
PROBES = ["TotalEnergy", "ResidualL2", "CodeL1", "CodeL0", "Timescales", "ErrorStats", "OnePoint"]
KIND_FILES = ["trace_energy.png", "trace_l0.png", "trace_l1.png", "trace_l2.png", "trace_timescale.png",
              "trace_stats.png", "trace_point.png"]
PICTURES = KIND_FILES + ["sparsity.png", "activity_Error.png", "activity_V1.png", "weights_V1ToError.png"]


def csv_columns(path):
    """A comma-separated probe file parsed here: {header name: [floats]}."""
    with open(path) as f:
        names = f.readline().strip().split(",")
        rows = [[float(x) for x in line.split(",")] for line in f if line.strip()]
    return {n: [r[k] for r in rows] for k, n in enumerate(names)}


def timescale_fields(path):
    """The field-name layout ('sim_time = T', then 'batch = b, timeScale = ...'): [(T, {field: value})]."""
    out = []
    with open(path) as f:
        f.readline()
        for line in f:
            m = re.match(r"\s*sim_time\s*=\s*(\S+)", line)
            if m:
                out.append((float(m.group(1)), {}))
            elif line.strip():
                out[-1][1].update({k: float(v) for k, v in re.findall(r"(\w+) = (\S+?)(?:,|$)", line.strip())})
    return out


def sparse_counts(path):
    """Active count and time of each frame of a sparse-with-values PVP file, from its bytes (docs/pvp-format.md)."""
    with open(path, "rb") as f:
        data = f.read()
    headersize, nx, ny, nf, nbatch = (struct.unpack_from("<i", data, o)[0] for o in (0, 12, 16, 20, 64))
    at, times, counts = headersize, [], []
    while at < len(data):
        t, n = struct.unpack_from("<dI", data, at)
        times.append(t)
        counts.append(sum(1 for k in range(n) if struct.unpack_from("<f", data, at + 12 + 8 * k + 4)[0] != 0))
        at += 12 + 8 * n
    return nx * ny * nf, nbatch, times, counts


def spv_plot(*args):
    return subprocess.run([sys.executable, os.path.join(SRC, "tools", "spv-plot")] + list(args), capture_output=True,
                          text=True)


class SpvPlot(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="spv-plot-")
        d = cls.tmp.name
        rng = np.random.default_rng(7)
        sparsepv.writepvpfile(os.path.join(d, "input.pvp"),
                              {"values": rng.standard_normal((NBATCH, NY, NX, 1)).astype(np.float32), "time": [0, 0]})
        with open(os.path.join(d, "net.lua"), "w") as f:
            f.write(NETWORK % {"dir": d, "nx": NX, "ny": NY, "steps": STEPS, "nbatch": NBATCH})
        run = subprocess.run([SPARSEPV, "-q", "-p", os.path.join(d, "net.lua"), "-t", "1"], capture_output=True,
                             text=True)
        if run.returncode != 0:
            raise RuntimeError("sparsepv failed (%d):\n%s%s" % (run.returncode, run.stdout, run.stderr))
        cls.run_dir, cls.out = os.path.join(d, "out"), os.path.join(d, "report")
        cls.result = spv_plot(cls.run_dir, "-o", cls.out, "--log-energy")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def probe_file(self, name, batch=0):
        return os.path.join(self.run_dir, "%s_batchElement_%d.txt" % (name, batch))

    def test_prints_only_the_paths_it_wrote(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertEqual(self.result.stderr, "")
        lines = self.result.stdout.splitlines()
        self.assertEqual(sorted(lines), sorted(os.path.join(self.out, f) for f in os.listdir(self.out)))
        self.assertEqual(sorted(os.path.basename(p) for p in lines), sorted(PICTURES + ["report.html"]))
        self.assertEqual(os.path.basename(lines[-1]), "report.html")

    def test_pictures_are_whole_pngs_of_sensible_size(self):
        for name in PICTURES:
            width, height, rows = read_png(os.path.join(self.out, name))
            self.assertTrue(400 <= width <= 1200 and 200 <= height <= 2000, "%s is %d x %d" % (name, width, height))
            self.assertGreater(len(set(rows)), 20, "%s looks blank" % name)
        # One panel per probe: the energy figure (one probe) is one panel high.
        self.assertLess(read_png(os.path.join(self.out, "trace_energy.png"))[1], 400)

    def test_page_shows_every_picture_and_names_every_probe(self):
        with open(os.path.join(self.out, "report.html"), encoding="utf-8") as f:
            page = f.read()
        self.assertTrue(page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>"))
        self.assertEqual(sorted(re.findall(r'<img src="([^"]+)"', page)), sorted(PICTURES))
        for probe in PROBES:
            self.assertIn("<td>%s</td>" % probe, page)
            self.assertIn("%s_batchElement_" % probe, page)
        for tag in ("table", "tr", "figure", "h2", "h3", "details", "pre"):
            self.assertEqual(page.count("<%s>" % tag) + page.count("<%s " % tag), page.count("</%s>" % tag), tag)
        self.assertIn("Energy (log scale)", page)
        self.assertIn("HyPerLCALayer &quot;V1&quot; = {", page)  # the effective params, escaped
        self.assertIn("<td>0-1</td>", page)  # the batch elements of a probe
        self.assertNotRegex(page, r"(src|href)=\"(https?:)?//")  # nothing fetched: it opens offline

    def test_energy_trace_is_the_probe_file(self):
        run = sparsepv.load_run(self.run_dir)
        energy = traces.probe_traces(run)["energy"]
        self.assertEqual([t.name for t in energy], ["TotalEnergy"])
        fig = figures.trace_figure(energy, "energy", dt=1, logy=True)
        lines = fig.axes[0].lines
        self.assertEqual(len(lines), NBATCH)
        for b in range(NBATCH):
            want = csv_columns(self.probe_file("TotalEnergy", b))
            self.assertEqual(len(want["energy"]), STEPS)
            self.assertEqual(list(lines[b].get_xdata()), want["time"])
            self.assertEqual(list(lines[b].get_ydata()), want["energy"])
            self.assertEqual(list(energy[0].series[b][1]["energy"]), want["energy"])
        self.assertEqual(fig.axes[0].get_yscale(), "log")
        self.assertIn("dt = 1", fig.axes[0].get_xlabel())
        self.assertEqual(fig.axes[0].get_title(), "TotalEnergy (ColumnEnergyProbe)")

    def test_other_kinds_are_their_files(self):
        run = sparsepv.load_run(self.run_dir)
        found = traces.probe_traces(run)
        self.assertEqual(list(found), ["energy", "l0", "l1", "l2", "timescale", "stats", "point"])
        for kind, name in (("l0", "CodeL0"), ("l1", "CodeL1"), ("l2", "ResidualL2")):
            for b in range(NBATCH):
                want = csv_columns(self.probe_file(name, b))["norm"]
                self.assertEqual(list(found[kind][0].series[b][1]["norm"]), want)
        self.assertEqual(found["l0"][0].target, "V1")
        for b in range(NBATCH):
            fields = timescale_fields(self.probe_file("Timescales", b))
            self.assertEqual(len(fields), STEPS)
            t, v = found["timescale"][0].series[b]
            self.assertEqual(list(t), [f[0] for f in fields])
            self.assertEqual(list(v["timeScale"]), [f[1]["timeScale"] for f in fields])
            self.assertEqual(list(v["timeScaleMax"]), [f[1]["timeScaleMax"] for f in fields])
        with open(self.probe_file("ErrorStats", 1)) as f:
            avg = [float(m) for m in re.findall(r"Avg==(\S+)", f.read())]
        self.assertEqual(list(found["stats"][0].series[1][1]["Avg"]), avg)
        self.assertEqual(list(found["point"][0].series), [1])  # a PointProbe writes only its batchLoc's file
        only_one = traces.probe_traces(run, batches=[1])["energy"][0]
        self.assertEqual(list(only_one.series), [1])
        self.assertEqual(len(figures.trace_figure([only_one], "energy").axes[0].lines), 1)

    def test_sparsity_is_the_l0_probe_share(self):
        run = sparsepv.load_run(self.run_dir)
        neurons, nbatch, times, counts = sparse_counts(os.path.join(self.run_dir, "V1.pvp"))
        self.assertEqual((neurons, nbatch), (NX // 2 * NY // 2 * 8, NBATCH))
        t, frac = active_fraction(run.pvp["V1"])
        self.assertEqual(list(t), times[::NBATCH])
        self.assertTrue(np.array_equal(frac * neurons, np.array(counts, float).reshape(-1, NBATCH)))
        # The L0 probe (nnzThreshold 0) counts the same neurons the activity file lists.
        for b in range(NBATCH):
            self.assertEqual(csv_columns(self.probe_file("CodeL0", b))["norm"], counts[b::NBATCH])
        fractions, dense, sources = report._sparsity(traces.probe_traces(run)["l0"], {}, None)
        self.assertEqual(sources, {"V1": "CodeL0"})
        self.assertTrue(np.allclose(fractions["V1"][1] * neurons, np.array(counts, float).reshape(-1, NBATCH)))

    def test_runs_without_params_are_read_from_the_files(self):
        bare = os.path.join(self.tmp.name, "bare")
        os.makedirs(bare, exist_ok=True)
        for probe in PROBES:
            for b in range(NBATCH):
                if os.path.exists(self.probe_file(probe, b)):
                    shutil.copy(self.probe_file(probe, b), bare)
        run = sparsepv.load_run(bare)
        kinds = {name: traces.probe_kind(run, name)[0] for name in run.probe_files}
        self.assertEqual(kinds, {"TotalEnergy": "energy", "ResidualL2": "l2", "CodeL1": "l1", "CodeL0": "l0",
                                 "Timescales": "timescale", "ErrorStats": "stats", "OnePoint": "point"})

    def test_checkpointed_weights_stand_in_for_a_missing_output_file(self):
        copy = os.path.join(self.tmp.name, "no_weights")
        shutil.copytree(self.run_dir, copy)
        os.remove(os.path.join(copy, "V1ToError.pvp"))
        written = report.build_report(copy, os.path.join(copy, "r"), embed=True)
        self.assertIn(os.path.join(copy, "r", "weights_V1ToError.png"), written)
        with open(written[-1], encoding="utf-8") as f:
            page = f.read()
        self.assertIn("Last/V1ToError_W.pvp (checkpoint Last)", page)
        self.assertEqual(page.count('src="data:image/png;base64,iVBORw0KGgo'), len(written) - 1)
        self.assertEqual(page.count('src="'), len(written) - 1)

    def test_broken_run_directories_fail_naming_the_file(self):
        missing = os.path.join(self.tmp.name, "nowhere")
        r = spv_plot(missing)
        self.assertEqual((r.returncode, r.stdout), (1, ""))
        self.assertIn(missing, r.stderr)
        cases = {}
        garbled = os.path.join(self.tmp.name, "garbled")
        shutil.copytree(self.run_dir, garbled)
        with open(os.path.join(garbled, "CodeL1_batchElement_1.txt"), "a") as f:
            f.write("not, a, number, here\n")
        cases[garbled] = os.path.join(garbled, "CodeL1_batchElement_1.txt") + ":%d" % (STEPS + 2)
        lost = os.path.join(self.tmp.name, "lost")
        shutil.copytree(self.run_dir, lost)
        for b in range(NBATCH):
            os.remove(os.path.join(lost, "CodeL0_batchElement_%d.txt" % b))
        cases[lost] = os.path.join(lost, "CodeL0_batchElement_0.txt")
        cut = os.path.join(self.tmp.name, "cut")
        shutil.copytree(self.run_dir, cut)
        with open(os.path.join(cut, "V1.pvp"), "r+b") as f:
            f.truncate(100)
        cases[cut] = os.path.join(cut, "V1.pvp")
        empty = os.path.join(self.tmp.name, "empty")
        os.makedirs(empty)
        cases[empty] = empty + ": not a sparsepv output directory"
        for run_dir, named in cases.items():
            r = spv_plot(run_dir, "-o", os.path.join(self.tmp.name, "unused"))
            self.assertEqual((r.returncode, r.stdout), (1, ""), run_dir)
            self.assertIn(named, r.stderr)
            self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
        self.assertEqual(spv_plot(self.run_dir, "--batch", "5").returncode, 1)
        self.assertEqual(spv_plot(self.run_dir, "--log", "nonsense").returncode, 2)

    def test_chromium_renders_the_page(self):
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if not browser:
            self.skipTest("chromium is not installed (Debian package chromium; scripts/screenshot_report.sh "
                          "installs it when run by hand)")
        shot = os.path.join(self.tmp.name, "shot.png")
        r = subprocess.run([os.path.join(SRC, "scripts", "screenshot_report.sh"), os.path.join(self.out, "report.html"),
                            shot, "1000", "1600"], capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        width, height, rows = read_png(shot)
        self.assertEqual((width, height), (1000, 1600))
        self.assertGreater(len(set(rows)), 50, "the screenshot looks blank")


def main():
    global SPARSEPV, SRC
    if len(sys.argv) < 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    SPARSEPV, SRC = sys.argv[1], os.path.abspath(sys.argv[2])
    result = unittest.main(argv=[sys.argv[0]] + sys.argv[3:], exit=False).result
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
