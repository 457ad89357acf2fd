"""Plots of a run (matplotlib, imported only here, drawn on the Agg canvas: no display is needed and pyplot's
global state is left alone). Each function returns a matplotlib Figure and, given ``path``, saves it there."""

import numpy as np

__all__ = ["energy", "dictionary_tiles", "tile_image"]


def _figure(figsize):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize)
    FigureCanvasAgg(fig)
    return fig


def _save(fig, path, dpi=100):
    if path is not None:
        fig.savefig(path, dpi=dpi)
    return fig


def energy(run, probe=None, batch=0, path=None, ax=None, logy=False):
    """The energy per step of a run's ColumnEnergyProbe (``probe``: its name; default: every energy probe).

    ``run`` is a Run (load_run) or an output directory."""
    from .run import Run, load_run

    if not isinstance(run, Run):
        run = load_run(run)
    names = [probe] if probe else run.energy_probes
    if not names:
        raise ValueError("%s has no energy probe files" % run.path)
    fig = ax.figure if ax is not None else _figure((6, 4))
    ax = ax if ax is not None else fig.add_subplot(1, 1, 1)
    for name in names:
        table = run.probe(name, batch)
        ax.plot(table["time"], table["energy"], label=name)
    ax.set_xlabel("time")
    ax.set_ylabel("energy")
    if logy:
        ax.set_yscale("log")
    ax.legend()
    fig.tight_layout()
    return _save(fig, path)


def _patches(weights, frame, arbor):
    if isinstance(weights, dict):  # readpvpfile's result
        weights = weights["values"]
    elif hasattr(weights, "read") and hasattr(weights, "header"):  # a PVPFile
        weights = weights.read(frame).values[None]
        frame = 0
    w = np.asarray(weights, np.float32)
    if w.ndim == 6:
        w = w[frame]
    if w.ndim == 5:
        w = w[arbor]
    if w.ndim != 4:
        raise ValueError("weights must be patches x nyp x nxp x nfp (or a weight file's frames / arbors of them)")
    return w


def tile_image(weights, frame=-1, arbor=0, columns=None, pad=1, normalize="each"):
    """The patches of a dictionary as one image: a grid of nyp x nxp tiles (nfp 3: RGB; otherwise the feature mean),
    each scaled to [0, 1] (``normalize="each"``) or all by one range (``"all"``). Returns rows x cols (x 3)."""
    w = _patches(weights, frame, arbor)
    patches, nyp, nxp, nfp = w.shape
    if nfp != 3:
        w = w.mean(axis=3, keepdims=True)
    channels = w.shape[3]

    def scaled(x):
        lo, hi = float(x.min()), float(x.max())
        return (x - lo) / (hi - lo) if hi > lo else np.full_like(x, 0.5)

    w = np.stack([scaled(p) for p in w]) if normalize == "each" else scaled(w)
    columns = columns or int(np.ceil(np.sqrt(patches)))
    rows = int(np.ceil(patches / columns))
    image = np.ones((rows * (nyp + pad) + pad, columns * (nxp + pad) + pad, channels), np.float32)
    for k in range(patches):
        r, c = divmod(k, columns)
        y, x = pad + r * (nyp + pad), pad + c * (nxp + pad)
        image[y:y + nyp, x:x + nxp] = w[k]
    return image if channels == 3 else image[:, :, 0]


def dictionary_tiles(weights, frame=-1, arbor=0, columns=None, path=None, normalize="each", scale=4):
    """A dictionary (a weight PVPFile, readpvpfile's result, or an array of patches) drawn as tiles."""
    image = tile_image(weights, frame, arbor, columns, normalize=normalize)
    height, width = image.shape[:2]
    fig = _figure((max(width * scale / 100.0, 1.0), max(height * scale / 100.0, 1.0)))
    ax = fig.add_axes([0, 0, 1, 1])
    ax.imshow(image, cmap=None if image.ndim == 3 else "gray", interpolation="nearest", vmin=0, vmax=1)
    ax.set_axis_off()
    return _save(fig, path)
