"""The figures of spv-plot's report (matplotlib on the Agg canvas, as sparsepv.plot): one per probe kind, the share
of active neurons per layer, a layer's last frame, and a dictionary. Each returns a Figure; the data come from
sparsepv.traces and sparsepv.activity."""

import numpy as np

from .plot import _figure, tile_image
from .traces import KINDS

__all__ = ["trace_figure", "sparsity_figure", "activity_figure", "weights_figure", "MAX_LINES", "MAX_TILES"]

MAX_LINES = 8     # batch elements drawn one line each; more are drawn as their mean and min-max band
MAX_TILES = 1024  # feature maps or dictionary elements drawn at most
_WIDTH = 7.5      # inches (750 pixels at the report's 100 dpi)


def time_label(dt):
    return "time t (simulation time units%s)" % ("" if dt is None else ", dt = %g" % dt)


def log_y(ax, values):
    """A log y axis with every label a plain number: for data spanning under a factor 5, evenly spaced round ticks
    (the log locator would label one or two); under three decades, 1, 2 and 5 of each decade."""
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter, NullLocator

    ax.set_yscale("log")
    positive = np.concatenate([np.ravel(v) for v in values])
    positive = positive[np.isfinite(positive) & (positive > 0)]
    plain = FuncFormatter(lambda v, _: "%g" % v)
    if not len(positive):
        return
    ratio = positive.max() / positive.min()
    if ratio < 5:
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
        ax.yaxis.set_minor_locator(NullLocator())
    elif ratio < 1000:
        ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1, 2, 5)))
        ax.yaxis.set_minor_locator(LogLocator(base=10, subs=(3, 4, 6, 7, 8, 9)))
    ax.yaxis.set_major_formatter(plain)
    ax.yaxis.set_minor_formatter(NullFormatter())


def _stack(series, column):
    """The batch elements' values of one column as a (batch, records) array, or None if their times differ."""
    times = [t for t, _ in series.values()]
    if any(len(t) != len(times[0]) or not np.array_equal(t, times[0]) for t in times):
        return None
    return times[0], np.stack([v[column] for _, v in series.values()])


def _draw_column(ax, series, column, color=None, style="-", label=None, max_lines=MAX_LINES):
    """One column of every batch element: a line each (coloured by batch element when there are several, else
    ``color``), or, more than max_lines with the same times, their mean and min-max band."""
    prefix = label + ": " if label else ""
    stacked = _stack(series, column) if len(series) > max_lines else None
    if stacked is not None:
        t, values = stacked
        line, = ax.plot(t, values.mean(axis=0), style, color=color,
                        label="%smean of %d batch elements" % (prefix, len(series)))
        ax.fill_between(t, values.min(axis=0), values.max(axis=0), color=line.get_color(), alpha=0.2, lw=0,
                        label="%smin to max" % prefix)
        return
    many = len(series) > max_lines
    for k, (b, (t, values)) in enumerate(series.items()):
        name = prefix + "batch %d" % b if len(series) > 1 else label
        ax.plot(t, values[column], style, color=color if len(series) == 1 else "C%d" % (k % 10),
                lw=0.8 if many else 1.4, alpha=0.6 if many else 1, label=None if many else name)


def _y_label(trace, kind):
    exponent = trace.group.get("exponent", 2) if kind == "l2" and trace.group is not None else None
    if exponent is None:
        return KINDS[kind][1]
    return {2: "sum of A\u00b2", 1: "sqrt(sum of A\u00b2)"}.get(exponent, "(sum of A\u00b2)^(%g/2)" % exponent)


def _panel(ax, trace, kind, logy, dt):
    if kind == "stats":
        for b, (t, v) in trace.series.items():
            line, = ax.plot(t, v["Avg"], label=("batch %d Avg" % b) if len(trace.series) > 1 else "Avg")
            ax.fill_between(t, v["Min"], v["Max"], color=line.get_color(), alpha=0.2, lw=0,
                            label="Min to Max" if len(trace.series) == 1 else None)
    elif kind == "point":
        _draw_column(ax, trace.series, "V", color="C0", label="V")
        _draw_column(ax, trace.series, "a", color="C1", style="--", label="A")
    elif kind == "timescale":
        _draw_column(ax, trace.series, "timeScale", color="C0", label="timeScale")
        _draw_column(ax, trace.series, "timeScaleMax", color="C3", style="--", label="timeScaleMax")
    else:
        _draw_column(ax, trace.series, KINDS[kind][2][0])
    title = "%s (%s" % (trace.name, trace.probe_type)
    if trace.target:
        title += " of %s" % trace.target
    first = next(iter(trace.series.values()))[1]
    if "neurons" in first and len(first["neurons"]):
        title += ", %d neurons" % first["neurons"][0]
    ax.set_title(title + ")", fontsize=10)
    ax.set_ylabel(_y_label(trace, kind), fontsize=9)
    ax.grid(True, alpha=0.3)
    if logy:
        drawn = [v[c] for _, v in trace.series.values() for c in KINDS[kind][2] if c in v]
        if any(np.any(d > 0) for d in drawn):
            log_y(ax, drawn)
        else:
            ax.set_title(ax.get_title() + " \u2014 no positive values: linear scale", fontsize=10)
    handles, _ = ax.get_legend_handles_labels()
    if len(handles) > 1:
        points = sum(len(t) for t, _ in trace.series.values())
        ax.legend(fontsize=8, loc="best" if points < 20000 else "upper right", ncol=2 if len(handles) > 4 else 1)


def trace_figure(traces, kind, dt=None, logy=False, title=None):
    """One panel per probe of ``kind`` (a list of sparsepv.traces.Trace), time on a shared x axis."""
    fig = _figure((_WIDTH, 0.9 + 2.4 * len(traces)))
    if hasattr(fig, "set_layout_engine"):  # constrained layout keeps the suptitle clear of the panels
        fig.set_layout_engine("constrained")
    else:
        fig.set_constrained_layout(True)
    axes = fig.subplots(len(traces), 1, sharex=True, squeeze=False)[:, 0]
    for ax, trace in zip(axes, traces):
        _panel(ax, trace, kind, logy, dt)
    axes[-1].set_xlabel(time_label(dt))
    heading = title or KINDS[kind][0]
    fig.suptitle(heading + (" (log scale)" if logy else ""), fontsize=12)
    return fig


def sparsity_figure(layers, dt=None, logy=True):
    """The share of active neurons (A != 0) per layer over time: ``layers`` maps name -> (times, fractions of
    shape (records, batch elements)); several batch elements are drawn as their mean."""
    fig = _figure((_WIDTH, 4.2))
    ax = fig.add_subplot(1, 1, 1)
    batches = 1
    for name, (t, frac) in layers.items():
        batches = max(batches, frac.shape[1])
        ax.plot(t, 100 * frac.mean(axis=1), "o-" if len(t) <= 30 else "-", ms=3, label=name)
    if logy and any(np.any(f > 0) for _, f in layers.values()):
        log_y(ax, [100 * f.mean(axis=1) for _, f in layers.values()])
    ax.set_xlabel(time_label(dt))
    ax.set_ylabel("active neurons (% of layer, A \u2260 0)")
    ax.set_title("Share of active neurons per layer" +
                 (" (mean of %d batch elements)" % batches if batches > 1 else ""), fontsize=12)
    ax.grid(True, alpha=0.3, which="both")
    ax.legend(fontsize=8, loc="best", ncol=2 if len(layers) > 6 else 1)
    fig.tight_layout()
    return fig


def _grid(maps, pad=1):
    """(n, h, w) maps as one image, NaN between them (drawn as the background)."""
    n, h, w = maps.shape
    columns = int(np.ceil(np.sqrt(n * h / float(w))))
    columns = max(1, min(n, columns))
    rows = int(np.ceil(n / columns))
    image = np.full((rows * (h + pad) + pad, columns * (w + pad) + pad), np.nan, np.float32)
    for k in range(n):
        r, c = divmod(k, columns)
        image[pad + r * (h + pad):pad + r * (h + pad) + h, pad + c * (w + pad):pad + c * (w + pad) + w] = maps[k]
    return image


def _image_figure(image, title, colorbar=False):
    """A figure sized to the image (at most _WIDTH wide, 6 inches of image high), its axes without ticks."""
    height, width = image.shape[:2]
    aspect = height / float(width)
    image_h = min(max(_WIDTH * 0.8 * aspect, 1.6), 5.0)
    image_w = min(_WIDTH * 0.8, image_h / aspect)
    fig = _figure((min(max(image_w / 0.8 + (1.0 if colorbar else 0.0), 4.5), _WIDTH + 0.5), image_h + 0.8))
    ax = fig.add_subplot(1, 1, 1)
    ax.set_title(title, fontsize=10, wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])
    return fig, ax


def activity_figure(name, time, values, batch=0):
    """A layer's frame (ny x nx x nf): nf 3 as a colour image, one neuron per position (1 x 1 x nf) as a stem plot
    over the features, otherwise each feature's ny x nx map in a grid (the first MAX_TILES), on one colour scale."""
    ny, nx, nf = values.shape
    active = np.count_nonzero(values)
    title = "%s, t = %g, batch element %d: %d x %d x %d, %d active (%.2f%%)" % (
        name, time, batch, nx, ny, nf, active, 100.0 * active / max(values.size, 1))
    lo, hi = float(values.min()), float(values.max())
    signed = lo < 0
    if nx * ny == 1:
        fig = _figure((_WIDTH, 3.2))
        ax = fig.add_subplot(1, 1, 1)
        v = values.reshape(-1)
        nz = np.flatnonzero(v)
        ax.vlines(nz, 0, v[nz], color="C0", lw=1)
        ax.plot(nz, v[nz], "o", ms=3, color="C0")
        ax.axhline(0, color="0.5", lw=0.6)
        ax.set_xlim(-0.5, nf - 0.5)
        ax.set_xlabel("feature index")
        ax.set_ylabel("activity A")
        ax.set_title(title, fontsize=10)
        fig.tight_layout()
        return fig
    if nf == 3:
        if signed:
            m = max(abs(lo), abs(hi)) or 1.0
            rgb = values / (2 * m) + 0.5
        else:
            rgb = (values - lo) / (hi - lo) if hi > lo else np.zeros_like(values)
        fig, ax = _image_figure(rgb, title + ("; RGB, 0 = grey" if signed else "; RGB, min to max"))
        ax.imshow(np.clip(rgb, 0, 1), interpolation="nearest")
        fig.tight_layout()
        return fig
    maps = np.transpose(values, (2, 0, 1))
    shown = min(nf, MAX_TILES)
    image = _grid(maps[:shown]) if nf > 1 else maps[0]
    if shown < nf:
        title += "; first %d features" % shown
    fig, ax = _image_figure(image, title + ("" if nf == 1 else "; one tile per feature"), colorbar=True)
    import matplotlib

    cmap = matplotlib.colormaps["RdBu_r" if signed else "viridis"].copy()
    cmap.set_bad("white")
    m = max(abs(lo), abs(hi)) or 1.0
    im = ax.imshow(image, cmap=cmap, interpolation="nearest", vmin=-m if signed else min(lo, 0),
                   vmax=m if signed else (hi if hi > lo else lo + 1))
    fig.colorbar(im, ax=ax, fraction=0.035, pad=0.02, label="activity A")
    fig.tight_layout()
    return fig


def weights_figure(name, pvpfile, arbor=0):
    """A connection's dictionary (its weight file's last frame, arbor ``arbor``) as tiles, each element scaled to
    its own range: nfp 3 as colour, otherwise the mean over the post features."""
    frame = pvpfile.read(-1)
    w = frame.values[arbor]
    patches, nyp, nxp, nfp = w.shape
    shown = min(patches, MAX_TILES)
    image = tile_image(w[:shown], normalize="each")
    title = "%s, t = %g: %d elements of %d x %d x %d" % (name, frame.time, patches, nxp, nyp, nfp)
    if shown < patches:
        title += " (first %d)" % shown
    if nfp not in (1, 3):
        title += " (mean over the post features)"
    if pvpfile.header.numrecords > 1:
        title += "; arbor %d of %d" % (arbor, pvpfile.header.numrecords)
    fig, ax = _image_figure(image, title)
    ax.imshow(image, cmap=None if image.ndim == 3 else "gray", interpolation="nearest", vmin=0, vmax=1)
    fig.tight_layout()
    return fig
