"""spv-plot's run report: every picture of a run directory drawn to PNG, and one HTML page that shows them with the
effective params (``python3 -m sparsepv.report RUN_DIR`` or tools/spv-plot; options: sparsepv.spv_plot).

    written = build_report("output/lca_tutorial", "output/lca_tutorial/report", log_kinds={"energy"})

The pictures: one PNG per probe kind (sparsepv.traces), the share of active neurons per layer over time, each
activity file's last frame, and each connection's dictionary (its output weight file, else the newest checkpoint's).
"""

import dataclasses
import os
import re

import numpy as np

from .activity import active_fraction, activity_files, last_frame, weight_files
from .run import Run
from .traces import KINDS, missing_probe_files, probe_traces

__all__ = ["RunError", "open_run", "build_report", "Picture", "DENSE_SHARE"]


DENSE_SHARE = 0.99  # layers at least this active at every record are left out of the sparsity picture


class RunError(ValueError):
    """A run directory spv-plot cannot report on; the message names the file or directory."""


@dataclasses.dataclass
class Picture:
    """One PNG of the report: its section, file name, heading, and what it shows (rows of the table beside it)."""

    section: str
    file: str
    heading: str
    caption: str = ""
    rows: list = dataclasses.field(default_factory=list)


def open_run(run_dir):
    """The Run of ``run_dir``, checked: a directory, with pv.params, probe files or PVP files, its params readable
    and every probe file they promise present (RunError otherwise; the files themselves are read later)."""
    if not os.path.exists(run_dir):
        raise RunError("%s: no such run directory" % run_dir)
    if not os.path.isdir(run_dir):
        raise RunError("%s: not a directory (give a sparsepv output directory)" % run_dir)
    try:
        run = Run(run_dir)
    except (OSError, ValueError) as e:
        raise RunError(str(e)) from e
    if run.params is None and not run.probe_files and not len(run.pvp):
        raise RunError("%s: not a sparsepv output directory (no pv.params, probe files or PVP files)" % run_dir)
    for name, path in missing_probe_files(run):
        partial = path + ".part"
        hint = (" (only %s: the run is still going or was stopped)" % os.path.basename(partial)
                if os.path.exists(partial) else "")
        raise RunError("%s: missing probe file of %s (named in %s)%s" % (path, name, run.params_path, hint))
    return run


def _file_name(*parts):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", "_".join(parts)) + ".png"


def _save(fig, out_dir, name, dpi):
    path = os.path.join(out_dir, name)
    fig.savefig(path, dpi=dpi)
    return path


def _column_value(run, key):
    column = run.params.column if run.params else None
    return column.get(key) if column else None


def batch_ranges(batches):
    """Batch elements as ranges: [0, 1, 2, 3, 7] -> "0-3, 7"."""
    out, run = [], []
    for b in sorted(batches):
        if run and b == run[-1] + 1:
            run.append(b)
            continue
        if run:
            out.append(str(run[0]) if len(run) == 1 else "%d-%d" % (run[0], run[-1]))
        run = [b]
    if run:
        out.append(str(run[0]) if len(run) == 1 else "%d-%d" % (run[0], run[-1]))
    return ", ".join(out)


def _trace_rows(traces):
    rows = []
    for t in traces:
        last = {b: (v[KINDS[t.kind][2][0]][-1] if len(v[KINDS[t.kind][2][0]]) else None)
                for b, (_, v) in t.series.items()}
        first_b = min(last)
        rows.append([t.name, t.target or "", batch_ranges(t.series),
                     str(t.rows[first_b]), "" if last[first_b] is None else "%.6g" % last[first_b],
                     os.path.basename(t.paths[first_b])])
    return rows


def _sparsity(l0_traces, layers, batches):
    """Layer -> (times, active share per record and batch element) from L0 probes (per step) and, for layers
    without one, activity files; also the layers left out as fully active throughout, and each one's source."""
    fractions, sources, dense = {}, {}, []
    for t in l0_traces:
        first = next(iter(t.series.values()))[1]
        if not t.target or t.target in fractions or "neurons" not in first or not len(first["neurons"]):
            continue
        times = [s[0] for s in t.series.values()]
        n = min(len(x) for x in times)
        frac = np.stack([v["norm"][:n] / np.maximum(v["neurons"][:n], 1) for _, v in t.series.values()], axis=1)
        fractions[t.target], sources[t.target] = (times[0][:n], frac), t.name
    for name, f in layers.items():
        if name in fractions:
            continue
        times, frac = active_fraction(f, batches)
        if not len(times):
            continue
        if np.all(frac >= DENSE_SHARE):
            dense.append(name)
            continue
        fractions[name], sources[name] = (times, frac), os.path.basename(f.path)
    return fractions, dense, sources


def build_report(run_dir, out_dir=None, log_kinds=(), batches=None, embed=False, dpi=100):
    """Draws every picture of ``run_dir`` into ``out_dir`` (default RUN_DIR/report) and writes report.html there;
    returns the paths written, PNGs first. ``log_kinds``: probe kinds (KINDS) drawn on a log y axis; ``batches``:
    the batch elements whose traces are drawn (None: all), the first of them (default 0) for the activity frames;
    ``embed``: the page holds the images as base64 (it then stands alone; the PNGs are still written)."""
    from . import figures
    from .report_html import render

    run = open_run(run_dir)
    nbatch = _column_value(run, "nbatch") or 1
    if batches and max(batches) >= nbatch:
        raise RunError("%s: no batch element %d; the run has %d (nbatch in %s)"
                       % (run.path, max(batches), nbatch, os.path.basename(run.params_path or "pv.params")))
    out_dir = out_dir or os.path.join(run.path, "report")
    os.makedirs(out_dir, exist_ok=True)
    dt = _column_value(run, "dt")
    pictures, written = [], []

    def add(fig, picture):
        written.append(_save(fig, out_dir, picture.file, dpi))
        pictures.append(picture)

    traces = probe_traces(run, batches)
    for kind, group in traces.items():
        fig = figures.trace_figure(group, kind, dt, logy=kind in log_kinds)
        heading = KINDS[kind][0] + (" (log scale)" if kind in log_kinds else "")
        add(fig, Picture("traces", _file_name("trace", kind), heading, rows=_trace_rows(group)))

    layers = activity_files(run)
    batch = batches[0] if batches else 0
    fractions, dense, sources = _sparsity(traces.get("l0", []), layers, batches)
    if fractions:
        fig = figures.sparsity_figure(fractions, dt)
        rows = [[name, sources[name], str(len(t)), "%.3g%%" % (100 * frac[-1].mean())]
                for name, (t, frac) in fractions.items()]
        caption = "Log scale; from the layer's L0NormProbe where it has one, else its activity file (A \u2260 0)."
        if dense:
            caption += " Left out as dense (%d%% or more active at every record): %s." % (100 * DENSE_SHARE,
                                                                                       ", ".join(dense))
        add(fig, Picture("sparsity", "sparsity.png", "Share of active neurons per layer", caption, rows))
    for name, f in layers.items():
        b = batch if batch < f.header.batches else 0
        frame = last_frame(f, b)
        if frame is None:
            continue
        fig = figures.activity_figure(name, frame[0], frame[1], b)
        add(fig, Picture("activity", _file_name("activity", name), name,
                         "%s, %s, %d frames (%d batch elements); batch element %d's last drawn"
                         % (os.path.basename(f.path), f.header.type_name, len(f), f.header.batches, b)))

    for name, source in weight_files(run).items():
        where = ("checkpoint %s" % source.checkpoint.name) if source.checkpoint else "output file"
        fig = figures.weights_figure(name, source.file)
        rel = os.path.relpath(source.file.path, run.path)
        add(fig, Picture("weights", _file_name("weights", name), name, "%s (%s), %s, %d frames; the last drawn"
                         % (rel, where, source.file.header.type_name, len(source.file))))

    page = os.path.join(out_dir, "report.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(render(run, pictures, out_dir, embed=embed, shown_path=run_dir))
    written.append(page)
    return written


if __name__ == "__main__":
    import sys

    from .spv_plot import main

    sys.exit(main())
