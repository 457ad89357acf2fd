"""Probe traces of a run, grouped by kind: what spv-plot draws, as plain arrays (no matplotlib here).

    traces = probe_traces(load_run("output/lca_tutorial"))
    traces["energy"][0].series[0]          # (time, {"energy": values}) of batch element 0

A kind is one picture: ``energy`` (ColumnEnergyProbe), ``l0``, ``l1``, ``l2`` (the norm probes), ``timescale``
(AdaptiveTimeScaleProbe, KneeTimeScaleProbe), ``stats`` (StatsProbe, RequireAllZeroActivityProbe) and ``point``
(PointProbe). Probe files are found by the run (sparsepv.run); probe types come from the params, or, for a run
without them, from each file's columns and name.
"""

import dataclasses
import os

import numpy as np

__all__ = ["KINDS", "Trace", "probe_kind", "probe_trace", "probe_traces", "missing_probe_files"]

# kind -> (title, y label, the columns drawn), in the order the report shows them.
KINDS = {
    "energy": ("Energy", "energy", ("energy",)),
    "l0": ("L0 norm", "active neurons (|A| > threshold)", ("norm",)),
    "l1": ("L1 norm", "sum of |A|", ("norm",)),
    "l2": ("L2 norm", "(sum of A\u00b2)^(exponent/2)", ("norm",)),
    "timescale": ("Adaptive timescale", "timescale (multiple of dt)", ("timeScale", "timeScaleMax")),
    "stats": ("Activity statistics", "A (Avg, band: Min to Max)", ("Avg", "Min", "Max")),
    "point": ("Point probes", "V and A of one neuron", ("V", "a")),
}
_EXTRA = ("neurons",)  # kept beside the drawn columns when a file has them (the captions use it)
_TYPE_KINDS = {
    "ColumnEnergyProbe": "energy", "L0NormProbe": "l0", "L1NormProbe": "l1", "L1NormLCAProbe": "l1",
    "L2NormProbe": "l2", "AdaptiveTimeScaleProbe": "timescale", "KneeTimeScaleProbe": "timescale",
    "StatsProbe": "stats", "RequireAllZeroActivityProbe": "stats", "PointProbe": "point",
}


@dataclasses.dataclass
class Trace:
    """One probe's records: ``series`` maps batch element -> (time, {column: values}) for the columns of its kind;
    ``paths`` batch element -> file; ``group`` its params group (or None); ``rows`` records per batch element."""

    name: str
    kind: str
    probe_type: str
    paths: dict
    series: dict
    group: object = None

    @property
    def rows(self):
        return {b: len(t) for b, (t, _) in self.series.items()}

    @property
    def target(self):
        if self.group is None:
            return None
        return self.group.get("targetLayer") or self.group.get("targetName")


def _kind_from_file(name, table):
    columns = set(table.columns)
    if "energy" in columns:
        return "energy", "ColumnEnergyProbe"
    if "timeScale" in columns:
        return "timescale", "AdaptiveTimeScaleProbe"
    if table.layout == "stats" or {"Avg", "nnz"} <= columns:
        return "stats", "StatsProbe"
    if table.layout == "point" or {"V", "a"} <= columns:
        return "point", "PointProbe"
    if "norm" in columns:
        for p in ("l0", "l1", "l2"):
            if p in name.lower():
                return p, "%sNormProbe" % p.upper()
        return "l2", "L2NormProbe"
    return None, None


def probe_kind(run, name):
    """(kind, probe type) of probe ``name``: from its params group, else from its file. (None, type) when the
    type is not one spv-plot draws."""
    group = run.params.get(name) if run.params else None
    if group is not None and group.type in _TYPE_KINDS:
        return _TYPE_KINDS[group.type], group.type
    kind, type_ = _kind_from_file(name, run.probes[name])
    return kind, (group.type if group is not None else type_)


def _check_table(table, kind, path):
    if not table.columns:
        raise ValueError("%s: empty probe file (no header line and no records)" % path)
    wanted = KINDS[kind][2]
    lacking = [c for c in ("time",) + wanted if c not in table.columns]
    if lacking:
        raise ValueError("%s: no column %s (the header names %s)" % (path, ", ".join(lacking),
                                                                     ", ".join(table.columns)))


def probe_trace(run, name, batches=None):
    """The Trace of probe ``name``: every batch element's file, or those in ``batches``."""
    kind, type_ = probe_kind(run, name)
    if kind is None:
        raise ValueError("%s: probe type %s is not one spv-plot draws" % (name, type_))
    files = run.probe_files[name]
    chosen = sorted(files) if batches is None else [b for b in sorted(files) if b in batches]
    series, paths = {}, {}
    for b in chosen:
        table = run.probe(name, b)
        _check_table(table, kind, files[b])
        columns = KINDS[kind][2] + tuple(c for c in _EXTRA if c in table.columns)
        series[b] = (np.asarray(table["time"], np.float64), {c: np.asarray(table[c], np.float64) for c in columns})
        paths[b] = files[b]
    group = run.params.get(name) if run.params else None
    return Trace(name, kind, type_, paths, series, group)


def probe_traces(run, batches=None):
    """kind -> [Trace, ...] for every probe file of the run that spv-plot draws, kinds in KINDS' order and
    probes by name. ``batches``: only these batch elements (None: all)."""
    out = {}
    for name in sorted(run.probe_files):
        if probe_kind(run, name)[0] is None:
            continue
        trace = probe_trace(run, name, batches)
        if trace.series:
            out.setdefault(trace.kind, []).append(trace)
    return {k: out[k] for k in KINDS if k in out}


def missing_probe_files(run):
    """(probe name, expected file) for each probe group of the params that should have written a file but has
    none in the run directory."""
    missing = []
    if not run.params:
        return missing
    for g in run.params:
        out = g.get("probeOutputFile")
        if g.type not in _TYPE_KINDS or not out or g.get("textOutputFlag") is False:
            continue
        if g.name not in run.probe_files:
            stem, ext = os.path.splitext(out)
            batch = g.get("batchLoc", 0) if g.type == "PointProbe" else 0
            missing.append((g.name, os.path.join(run.path, "%s_batchElement_%d%s" % (stem, batch or 0, ext))))
    return missing
