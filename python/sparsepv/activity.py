"""Layer activity and weights of a run as spv-plot shows them, as plain arrays (no matplotlib here): each layer's
last frame, the share of active neurons over time, and which weight file stands for each connection.

Activity frames are numbered across batch elements (frame i is batch element i % nbatch, docs/pvp-format.md).
"""

import dataclasses

import numpy as np

__all__ = ["WeightSource", "activity_files", "weight_files", "last_frame", "active_fraction", "MAX_SPARSITY_FRAMES"]

# Dense files longer than this are sampled at evenly spaced records for the share of active neurons.
MAX_SPARSITY_FRAMES = 2000


def activity_files(run):
    """Layer name -> PVPFile of every activity file in the run directory (weight files left out)."""
    return {name: f for name, f in run.pvp.items() if not f.header.is_weights}


@dataclasses.dataclass
class WeightSource:
    """A connection's weights: its PVPFile, and the checkpoint it came from (None: the run's output file)."""

    name: str
    file: object
    checkpoint: object = None


def weight_files(run):
    """Connection name -> WeightSource: the run's output weight file, else the newest checkpoint's <name>_W.pvp."""
    out = {name: WeightSource(name, f) for name, f in run.pvp.items() if f.header.is_weights}
    stepped = [c for c in run.checkpoints if c.step is not None] or run.checkpoints
    if stepped:
        last = stepped[-1]
        for entry, f in sorted(last.pvp.items()):
            if entry.endswith("_W") and entry[:-2] not in out and f.header.is_weights:
                out[entry[:-2]] = WeightSource(entry[:-2], f, last)
    return dict(sorted(out.items()))


def _frames_of(f, batch):
    nb = f.header.batches
    return [i for i in range(len(f)) if i % nb == batch]


def last_frame(f, batch=0):
    """(time, ny x nx x nf values) of batch element ``batch``'s last frame in activity file ``f``, or None when it
    has none."""
    frames = _frames_of(f, batch)
    if not frames:
        return None
    i = frames[-1]
    return f.read(i).time, f.read_dense(i)


def active_fraction(f, batches=None):
    """(time per record, share of neurons with A != 0 per record and batch element) of activity file ``f``:
    arrays of shapes (records,) and (records, len(batches)); ``batches`` None: every batch element. Sparse files
    are counted from their frame index; dense files longer than MAX_SPARSITY_FRAMES records are sampled."""
    h = f.header
    nb = h.batches
    batches = list(range(nb)) if batches is None else [b for b in batches if b < nb]
    records = len(f) // nb
    if records == 0 or not batches:
        return np.zeros(0), np.zeros((0, len(batches)))
    if h.filetype in (2, 6):  # sparse: the active count of each frame is in the index
        picks = np.arange(records)
        counts = np.asarray(f.counts[:records * nb], np.float64).reshape(records, nb)[:, batches]
    else:
        step = max(1, int(np.ceil(records / MAX_SPARSITY_FRAMES)))
        picks = np.arange(0, records, step)
        counts = np.array([[np.count_nonzero(f.read(int(r) * nb + b).values) for b in batches] for r in picks],
                          np.float64)
    return f.times()[picks * nb], counts / max(h.neurons, 1)
