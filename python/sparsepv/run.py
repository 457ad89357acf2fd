"""A sparsepv output directory as one object: its effective params, probe files, PVP files and checkpoints."""

import collections.abc
import glob
import os
import re

from .params import read_params
from .probes import read_probe
from .pvp import PVPFile

__all__ = ["Run", "Checkpoint", "load_run"]

_BATCH_FILE = re.compile(r"^(?P<stem>.*)_batchElement_(?P<batch>\d+)(?P<ext>\.[^.]*)?$")
_PROBE_TYPES = ("ColumnEnergyProbe", "L0NormProbe", "L1NormProbe", "L1NormLCAProbe", "L2NormProbe",
                "AdaptiveTimeScaleProbe", "KneeTimeScaleProbe", "StatsProbe", "PointProbe",
                "RequireAllZeroActivityProbe")


class LazyFiles(collections.abc.Mapping):
    """A mapping whose values are opened (and kept) on first access."""

    def __init__(self, paths, opener):
        self.paths, self._opener, self._open = dict(paths), opener, {}

    def __getitem__(self, key):
        if key not in self._open:
            self._open[key] = self._opener(self.paths[key])
        return self._open[key]

    def __iter__(self):
        return iter(self.paths)

    def __len__(self):
        return len(self.paths)

    def __repr__(self):
        return "{%s}" % ", ".join("%r: %r" % (k, self.paths[k]) for k in self.paths)


class Checkpoint:
    """A checkpoint directory: ``path``, ``step`` and ``time`` (from its timeinfo), its PVP files by entry name
    (``pvp["V1_A"]``, lazily opened), and ``params`` (its effective params) when it holds pv.params."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path.rstrip(os.sep))
        self.step, self.time = None, None
        info = os.path.join(path, "timeinfo")
        if os.path.exists(info):
            with open(info) as f:
                for line in f:
                    key, _, value = line.partition("=")
                    key, value = key.strip(), value.strip()
                    if key == "step":
                        self.step = int(value)
                    elif key == "time" and self.time is None:
                        self.time = float(value)
                    elif key == "exact":  # the time to the bit, in C's hexadecimal notation
                        self.time = float.fromhex(value)
        self.pvp = LazyFiles({os.path.splitext(os.path.basename(p))[0]: p
                              for p in sorted(glob.glob(os.path.join(path, "*.pvp")))}, PVPFile)
        self.complete = os.path.exists(os.path.join(path, "manifest"))

    @property
    def params(self):
        p = os.path.join(self.path, "pv.params")
        return read_params(p) if os.path.exists(p) else None

    def __repr__(self):
        return "Checkpoint(%r, step=%s, time=%s)" % (self.path, self.step, self.time)


class Run:
    """See load_run."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        if not os.path.isdir(self.path):
            raise FileNotFoundError("%s is not a directory" % path)
        self.params_path = self._find_params()
        self.params = read_params(self.params_path) if self.params_path else None
        self.params_text = self.params.text if self.params else None
        self.pvp = LazyFiles({os.path.splitext(os.path.basename(p))[0]: p
                              for p in sorted(glob.glob(os.path.join(self.path, "*.pvp")))}, PVPFile)
        self.probe_files = self._find_probe_files()
        self.probes = LazyFiles({name: files[min(files)] for name, files in self.probe_files.items()}, read_probe)
        self.checkpoints = self._find_checkpoints()

    # -- params --------------------------------------------------------------------------------------------------

    def _find_params(self):
        # The column's printParamsFilename is pv.params unless changed; any other .params file is the fallback.
        candidate = os.path.join(self.path, "pv.params")
        if os.path.exists(candidate):
            return candidate
        others = sorted(glob.glob(os.path.join(self.path, "*.params")))
        return others[0] if others else None

    @property
    def groups(self):
        """(name, groupType) of every group, in the params file's order."""
        return [(g.name, g.type) for g in self.params] if self.params else []

    def group(self, name):
        return self.params[name]

    # -- probes --------------------------------------------------------------------------------------------------

    def _find_probe_files(self):
        """Probe name -> {batch element: path}: from the params' probe groups, else every *_batchElement_N file."""
        found = collections.defaultdict(dict)
        if self.params:
            for g in self.params:
                out = g.get("probeOutputFile")
                if g.type not in _PROBE_TYPES and out is None:
                    continue
                if not out or g.get("textOutputFlag") is False:
                    continue
                stem, ext = os.path.splitext(out)
                for p in glob.glob(os.path.join(self.path, glob.escape(stem) + "_batchElement_*" + glob.escape(ext))):
                    m = _BATCH_FILE.match(os.path.basename(p))
                    if m and os.path.join(os.path.dirname(out), m.group("stem")) == stem:
                        found[g.name][int(m.group("batch"))] = p
        named = {p for files in found.values() for p in files.values()}
        for p in sorted(glob.glob(os.path.join(self.path, "*_batchElement_*"))):
            m = _BATCH_FILE.match(os.path.basename(p))
            if m and p not in named and os.path.isfile(p):
                found[m.group("stem")][int(m.group("batch"))] = p
        return dict(found)

    def probe(self, name, batch=0):
        """The ProbeTable of probe ``name`` for one batch element (``run.probes[name]`` is batch element 0's, or the
        lowest one written)."""
        return read_probe(self.probe_files[name][batch])

    @property
    def energy_probes(self):
        """Names of the ColumnEnergyProbe groups that wrote files."""
        if not self.params:
            return [n for n in self.probe_files if "energy" in n.lower()]
        return [g.name for g in self.params.of_type("ColumnEnergyProbe") if g.name in self.probe_files]

    # -- checkpoints ---------------------------------------------------------------------------------------------

    def _find_checkpoints(self):
        dirs = set()
        column = self.params.column if self.params else None
        if column:
            for key, default in (("checkpointWriteDir", None), ("lastCheckpointDir", "Last")):
                value = column.get(key) or default
                if not value:
                    continue
                candidates = [value] if os.path.isabs(value) else [os.path.join(self.path, value), value]
                if key == "lastCheckpointDir" and value == "Last":
                    candidates = [os.path.join(self.path, "Last")]
                for c in candidates:
                    if os.path.isdir(c):
                        dirs |= self._checkpoint_dirs(c)
                        break
        # Anything below the run directory that looks like a checkpoint (a timeinfo file), two levels deep.
        for pattern in ("*/timeinfo", "*/*/timeinfo"):
            for info in glob.glob(os.path.join(self.path, pattern)):
                dirs.add(os.path.dirname(info))
        checkpoints = [Checkpoint(os.path.abspath(d)) for d in {os.path.abspath(d) for d in dirs}]
        return sorted(checkpoints, key=lambda c: (c.step is None, c.step or 0, c.path))

    @staticmethod
    def _checkpoint_dirs(directory):
        if os.path.exists(os.path.join(directory, "timeinfo")):
            return {directory}
        return {os.path.dirname(p) for p in glob.glob(os.path.join(directory, "*", "timeinfo"))}

    def __repr__(self):
        return "Run(%r: %d groups, %d PVP files, %d probes, %d checkpoints)" % (
            self.path, len(self.groups), len(self.pvp), len(self.probe_files), len(self.checkpoints))


def load_run(run_dir):
    """Opens a sparsepv output directory.

    The result has ``params`` (the effective params, pv.params, parsed: ``run.params["V1"]["nf"]``, group names
    and types in ``run.groups``) and ``params_text``; ``probes`` (probe name -> ProbeTable of batch element 0, read
    on first access; ``run.probe(name, batch)`` for others; ``probe_files`` lists them); ``pvp`` (file stem ->
    PVPFile, opened on first access); ``checkpoints`` (Checkpoint objects ordered by step: the checkpointWriteDir
    ones and the final one).
    """
    return Run(run_dir)
