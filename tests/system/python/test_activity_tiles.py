"""spv-activity-tiles: frames in a square grid, each frame's nf feature maps in a square grid of their own, and a
size cap that lowers the scale, then refuses. usage: test_activity_tiles.py SPV_ACTIVITY_TILES [unittest options]"""
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import scipy.sparse as sp
from matplotlib import image as mpimg

import sparsepv

TILES = None
NY, NX, NF = 3, 4, 5


class ActivityTiles(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="spv-tiles-")
        self.dir = self.tmp.name
        # Two frames; frame k holds one non-zero per feature f, at y = f % 3, x = f % 4, value (f + 1) * (k + 1),
        # and frame 1 one negative value at (0, 3, 0).
        self.values = np.zeros((2, NY, NX, NF), np.float32)
        for k in range(2):
            for f in range(NF):
                self.values[k, f % NY, f % NX, f] = (f + 1) * (k + 1)
        self.values[1, 0, 3, 0] = -10
        self.path = os.path.join(self.dir, "a.pvp")
        sparsepv.writepvpfile(self.path, {"values": sp.csr_matrix(self.values.reshape(2, -1)), "time": [0, 1]},
                              shape=(NY, NX, NF))

    def tearDown(self):
        self.tmp.cleanup()

    def run_tiles(self, *args):
        out = os.path.join(self.dir, "t.png")
        run = subprocess.run([TILES, "--activity", self.path, "--out", out] + list(args), capture_output=True,
                             text=True)
        return run, out

    def test_layout_and_grey_levels(self):
        run, out = self.run_tiles("--scale", "2")
        self.assertEqual(run.returncode, 0, run.stderr)
        # A frame: 5 features in a 3 x 2 grid of 8 x 6 tiles, 1 pixel apart: 26 x 13; two frames side by side,
        # 3 pixels apart: 55 x 13.
        self.assertEqual(run.stdout.strip(), "%s: 2 frames, 55 x 13 pixels (scale 2)" % out)
        img = mpimg.imread(out)
        grey = img if img.ndim == 2 else img[..., 0]
        self.assertEqual(grey.shape, (13, 55))
        for k in range(2):
            m = np.abs(self.values[k]).max()  # each frame scaled by its own largest |value|
            for f in range(NF):
                for y in range(NY):
                    for x in range(NX):
                        px = k * 29 + (f % 3) * 9 + 2 * x
                        py = (f // 3) * 7 + 2 * y
                        want = 0.5 + 0.5 * self.values[k, y, x, f] / m
                        self.assertAlmostEqual(float(grey[py, px]), want, delta=1.0 / 255 + 1e-6,
                                               msg="frame %d feature %d (%d, %d)" % (k, f, y, x))
        self.assertEqual(float(grey[0, 26]), 1.0)  # the white gap between the frames
        self.assertEqual(float(grey[0, 8]), 0.0)  # the black line between feature tiles

    def test_size_cap_lowers_the_scale_then_refuses(self):
        run, out = self.run_tiles("--scale", "2", "--max-size", "40")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("31 x 7 pixels (scale 1)", run.stdout)
        run, _ = self.run_tiles("--max-size", "20")
        self.assertEqual(run.returncode, 1)
        self.assertIn("a.pvp", run.stderr)
        self.assertIn("--max-size 20", run.stderr)


if __name__ == "__main__":
    TILES = sys.argv[1]
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:])
