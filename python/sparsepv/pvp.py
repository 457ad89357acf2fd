"""PVP files (OpenPV's binary format, docs/pvp-format.md): reading whole files or frame by frame, and writing.

Shapes follow OpenPV's pvtools:

- dense activity (filetype 4): ``values`` is frames x ny x nx x nf float32;
- sparse activity, indices only (2) or with values (6): a frames x (ny*nx*nf) ``scipy.sparse.csr_matrix``
  (column k = (y*nx + x)*nf + f);
- shared (5) and non-shared (3) weights: frames x arbors x patches x nyp x nxp x nfp float32 (compressed
  one-byte weights, datatype 1, are expanded to float32 as OpenPV and sparsepv expand them).

Activity frames are numbered across batch elements: frame i belongs to batch element i % nbatch.
"""

import dataclasses
import os
import sys
from collections import namedtuple

import numpy as np

__all__ = [
    "PVPError", "PVPHeader", "PVPFile", "Frame", "readpvpfile", "readpvpheader", "writepvpfile",
    "compress_weights", "decompress_weights", "DENSE", "SPARSE", "SPARSE_VALUES", "SHARED_WEIGHTS",
    "NONSHARED_WEIGHTS",
]

SPARSE, NONSHARED_WEIGHTS, DENSE, SHARED_WEIGHTS, SPARSE_VALUES = 2, 3, 4, 5, 6
ACTIVITY_HEADER_BYTES, WEIGHT_HEADER_BYTES = 80, 104

_TYPE_NAMES = {
    SPARSE: "sparse activity (indices)", NONSHARED_WEIGHTS: "non-shared weights", DENSE: "dense activity",
    SHARED_WEIGHTS: "shared weights", SPARSE_VALUES: "sparse activity with values",
}

# The header as stored: 18 int32 and a float64 (80 bytes); weight files add 3 int32, 2 float32 and an int32.
_ACTIVITY_FIELDS = [
    ("headersize", "<i4"), ("numparams", "<i4"), ("filetype", "<i4"), ("nx", "<i4"), ("ny", "<i4"), ("nf", "<i4"),
    ("numrecords", "<i4"), ("recordsize", "<i4"), ("datasize", "<i4"), ("datatype", "<i4"), ("nxprocs", "<i4"),
    ("nyprocs", "<i4"), ("nxGlobal", "<i4"), ("nyGlobal", "<i4"), ("kx0", "<i4"), ("ky0", "<i4"),
    ("nbatch", "<i4"), ("nbands", "<i4"), ("time", "<f8"),
]
_WEIGHT_FIELDS = _ACTIVITY_FIELDS + [
    ("nxp", "<i4"), ("nyp", "<i4"), ("nfp", "<i4"), ("wMin", "<f4"), ("wMax", "<f4"), ("numpatches", "<i4"),
]
_ACTIVITY_DTYPE = np.dtype(_ACTIVITY_FIELDS)
_WEIGHT_DTYPE = np.dtype(_WEIGHT_FIELDS)
assert _ACTIVITY_DTYPE.itemsize == ACTIVITY_HEADER_BYTES and _WEIGHT_DTYPE.itemsize == WEIGHT_HEADER_BYTES
_OFFSETS = {name: _WEIGHT_DTYPE.fields[name][1] for name in _WEIGHT_DTYPE.names}
# Other spellings of fields: OpenPV's C++ and older pvtools call nxGlobal, nyGlobal nxExtended, nyExtended.
_ALIASES = {"nxExtended": "nxGlobal", "nyExtended": "nyGlobal", "nb": "nbatch"}
_PATCH_HEADER = [("nx", "<u2"), ("ny", "<u2"), ("offset", "<u4")]


class PVPError(ValueError):
    """A malformed or unsupported PVP file; names the file and, where known, the byte offset."""

    def __init__(self, path, message, offset=None):
        self.path, self.offset = str(path), offset
        where = "" if offset is None else " (at byte %d)" % offset
        super().__init__("%s: %s%s" % (path, message, where))


@dataclasses.dataclass(frozen=True)
class PVPHeader:
    """Every field of a PVP header, by OpenPV's names; the weight fields are None in activity headers.

    ``header["nx"]`` works too (OpenPV's pvtools return a dict), as do the spellings nxExtended / nyExtended.
    ``nbatch`` is the stored value; ``batches`` reads 0 (old OpenPV headers) as 1.
    """

    headersize: int
    numparams: int
    filetype: int
    nx: int
    ny: int
    nf: int
    numrecords: int
    recordsize: int
    datasize: int
    datatype: int
    nxprocs: int
    nyprocs: int
    nxGlobal: int
    nyGlobal: int
    kx0: int
    ky0: int
    nbatch: int
    nbands: int
    time: float
    nxp: int = None
    nyp: int = None
    nfp: int = None
    wMin: float = None
    wMax: float = None
    numpatches: int = None

    @property
    def is_weights(self):
        return self.filetype in (SHARED_WEIGHTS, NONSHARED_WEIGHTS)

    @property
    def batches(self):
        """Batch elements: nbatch, where 0 (headers from before OpenPV had batches) means 1."""
        return self.nbatch if self.nbatch > 0 else 1

    @property
    def nxExtended(self):
        return self.nxGlobal

    @property
    def nyExtended(self):
        return self.nyGlobal

    @property
    def neurons(self):
        return self.nx * self.ny * self.nf

    @property
    def type_name(self):
        return _TYPE_NAMES.get(self.filetype, "unknown")

    def __getitem__(self, key):
        key = _ALIASES.get(key, key)
        if key not in _OFFSETS:
            raise KeyError(key)
        return getattr(self, key)

    def __contains__(self, key):
        key = _ALIASES.get(key, key)
        return key in _OFFSETS and getattr(self, key) is not None

    def keys(self):
        return [k for k in _WEIGHT_DTYPE.names if getattr(self, k) is not None]

    def items(self):
        return [(k, getattr(self, k)) for k in self.keys()]

    def as_dict(self):
        return dict(self.items())

    def replace(self, **changes):
        return dataclasses.replace(self, **{_ALIASES.get(k, k): v for k, v in changes.items()})

    def to_bytes(self):
        """The header as stored (80 or 104 bytes, little-endian)."""
        weights = self.headersize == WEIGHT_HEADER_BYTES
        dtype = _WEIGHT_DTYPE if weights else _ACTIVITY_DTYPE
        record = np.zeros(1, dtype)
        for name in dtype.names:
            value = getattr(self, name)
            record[name] = 0 if value is None else value
        return record.tobytes()

    @classmethod
    def from_bytes(cls, data, path="<bytes>", offset=0):
        """Parses (and checks) a header at the start of ``data``; ``offset`` is where it starts in the file."""
        if len(data) < 4:
            raise PVPError(path, "truncated: a header needs 80 bytes but the file ends at %d" % (offset + len(data)),
                           offset)
        size = int(np.frombuffer(data, "<i4", 1)[0])
        if size not in (ACTIVITY_HEADER_BYTES, WEIGHT_HEADER_BYTES):
            raise PVPError(path, "headersize is %d; a PVP header is 80 (activity) or 104 (weights) bytes" % size,
                           offset)
        if len(data) < size:
            raise PVPError(path, "truncated: the header needs %d bytes but the file ends at %d"
                           % (size, offset + len(data)), offset)
        dtype = _WEIGHT_DTYPE if size == WEIGHT_HEADER_BYTES else _ACTIVITY_DTYPE
        record = np.frombuffer(data, dtype, 1)[0]
        fields = {}
        for name in dtype.names:
            value = record[name]
            fields[name] = float(value) if name in ("time", "wMin", "wMax") else int(value)
        header = cls(**fields)
        _check_header(header, path, offset)
        return header


def _check_header(h, path, offset):
    def fail(message, field):
        raise PVPError(path, message, offset + _OFFSETS[field])

    if h.numparams * 4 != h.headersize:
        fail("numparams is %d but headersize is %d (numparams must be headersize / 4)"
             % (h.numparams, h.headersize), "numparams")
    if h.filetype not in _TYPE_NAMES:
        fail("filetype is %d; known types are 2, 3, 4, 5 and 6" % h.filetype, "filetype")
    expected = WEIGHT_HEADER_BYTES if h.is_weights else ACTIVITY_HEADER_BYTES
    if h.headersize != expected:
        fail("headersize is %d but filetype %d (%s) has a %d-byte header"
             % (h.headersize, h.filetype, h.type_name, expected), "headersize")
    for name in ("nx", "ny", "nf"):
        if getattr(h, name) <= 0:
            fail("%s is %d; it must be positive" % (name, getattr(h, name)), name)
    if h.nbatch < 0:
        fail("nbatch is %d; it must not be negative (0, in old headers, means 1)" % h.nbatch, "nbatch")
    if h.is_weights:
        for name in ("nxp", "nyp", "nfp", "numpatches", "numrecords"):
            if getattr(h, name) <= 0:
                fail("%s is %d; it must be positive" % (name, getattr(h, name)), name)
        if (h.datatype, h.datasize) not in ((1, 1), (3, 4)):
            fail("datatype %d with datasize %d; weights are datatype 1 (bytes, datasize 1) or 3 (float32, datasize 4)"
                 % (h.datatype, h.datasize), "datatype")
        if h.filetype == SHARED_WEIGHTS and h.numpatches != h.neurons:
            fail("numpatches is %d but nx*ny*nf (the kernels) is %d" % (h.numpatches, h.neurons), "numpatches")
    elif h.filetype == DENSE:
        if h.numrecords != 1:
            fail("numrecords is %d; only gathered files (numrecords 1) are supported" % h.numrecords, "numrecords")
        if h.recordsize != h.neurons:
            fail("recordsize is %d but nx*ny*nf is %d" % (h.recordsize, h.neurons), "recordsize")
        if h.datasize != 4 or h.datatype not in (2, 3):
            fail("datasize %d, datatype %d; dense files hold 4-byte float32 (3) or int32 (2)"
                 % (h.datasize, h.datatype), "datasize")
    elif h.filetype == SPARSE and h.datasize != 4:
        fail("datasize is %d; sparse index files hold 4-byte indices" % h.datasize, "datasize")
    elif h.filetype == SPARSE_VALUES and h.datasize != 8:
        fail("datasize is %d; sparse-with-values files hold 8-byte (index, value) pairs" % h.datasize, "datasize")
    if h.nbands < 0:
        fail("nbands is %d; it must not be negative" % h.nbands, "nbands")


def readpvpheader(path_or_stream):
    """The header of a PVP file (a path or a binary stream positioned at the header)."""
    if hasattr(path_or_stream, "read"):
        start = path_or_stream.tell()
        data = path_or_stream.read(WEIGHT_HEADER_BYTES)
        header = PVPHeader.from_bytes(data, getattr(path_or_stream, "name", "<stream>"), start)
        path_or_stream.seek(start + header.headersize)
        return header
    with open(path_or_stream, "rb") as f:
        return PVPHeader.from_bytes(f.read(WEIGHT_HEADER_BYTES), path_or_stream)


# Weight compression (datatype 1), as OpenPV and sparsepv do it, in float32 arithmetic.
def compress_weights(values, w_min, w_max):
    """Bytes of weights in [w_min, w_max]: 255 * (w - w_min) / (w_max - w_min) + 1/2, truncated (clamped to 0..255)."""
    values = np.asarray(values, np.float32)
    lo, hi = np.float32(w_min), np.float32(w_max)
    if not hi > lo:
        return np.zeros(values.shape, np.uint8)
    scaled = np.float32(255) * ((values - lo) / (hi - lo)) + np.float32(0.5)
    return np.clip(scaled, np.float32(0), np.float32(255)).astype(np.uint8)


def decompress_weights(data, w_min, w_max):
    """Weights of compressed bytes: w_min + (w_max - w_min) * (b / 255), in float32."""
    lo, hi = np.float32(w_min), np.float32(w_max)
    return lo + (hi - lo) * (np.asarray(data).astype(np.float32) / np.float32(255))


Frame = namedtuple("Frame", ["time", "values", "header"])
Frame.__doc__ = """One frame: its time, its values (see PVPFile.read) and, for weights, that frame's own header."""


class PVPFile:
    """A PVP file opened for reading frame by frame (nothing but the frame index is read up front).

    ``len(f)`` frames; ``f.read(i)`` (or ``f[i]``, negative counting from the end) returns a Frame whose values are
    ny x nx x nf float32 (dense), a 1 x N csr_matrix (sparse), or arbors x patches x nyp x nxp x nfp float32
    (weights); ``f.read_dense(i)`` gives any activity frame as ny x nx x nf. Iterating yields every frame.
    """

    def __init__(self, path):
        self.path = os.fspath(path)
        self._file = open(self.path, "rb")
        try:
            self.size = os.fstat(self._file.fileno()).st_size
            self.header = PVPHeader.from_bytes(self._file.read(WEIGHT_HEADER_BYTES), self.path)
            self._index()
        except BaseException:
            self._file.close()
            raise

    # -- layout --------------------------------------------------------------------------------------------------

    def _index(self):
        h = self.header
        if h.filetype == DENSE:
            self._frame_bytes = 8 + h.neurons * 4
            end = h.headersize + h.nbands * self._frame_bytes
            self._check_length(end, h.nbands)
            self.offsets = h.headersize + self._frame_bytes * np.arange(h.nbands, dtype=np.int64)
        elif h.filetype in (SPARSE, SPARSE_VALUES):
            entry = 4 if h.filetype == SPARSE else 8
            offsets = np.empty(h.nbands, np.int64)
            counts = np.empty(h.nbands, np.int64)
            at = h.headersize
            for i in range(h.nbands):
                self._file.seek(at + 8)
                raw = self._file.read(4)
                if len(raw) < 4:
                    raise PVPError(self.path, "truncated: frame %d needs 12 bytes (time and count) at offset %d but "
                                   "the file ends at %d" % (i, at, self.size), at)
                count = int(np.frombuffer(raw, "<u4")[0])
                offsets[i], counts[i] = at, count
                at += 12 + count * entry
                if at > self.size:
                    raise PVPError(self.path, "truncated: frame %d (count %d) needs %d bytes at offset %d but the "
                                   "file ends at %d" % (i, count, 12 + count * entry, offsets[i], self.size),
                                   offsets[i])
            self._check_length(at, h.nbands)
            self.offsets, self.counts = offsets, counts
        else:
            patch = 8 + h.nxp * h.nyp * h.nfp * h.datasize
            self._frame_bytes = h.headersize + h.numrecords * h.numpatches * patch
            frames = self.size // self._frame_bytes
            if frames * self._frame_bytes != self.size:
                end = frames * self._frame_bytes
                raise PVPError(self.path, "truncated: weight frame %d needs %d bytes at offset %d but the file ends "
                               "at %d" % (frames, self._frame_bytes, end, self.size), end)
            self.offsets = self._frame_bytes * np.arange(frames, dtype=np.int64)

    def _check_length(self, end, frames):
        if end > self.size:
            raise PVPError(self.path, "truncated: the %d frames that nbands announces need %d bytes but the file ends "
                           "at %d" % (frames, end, self.size), self.size)
        if end < self.size:
            raise PVPError(self.path, "%d bytes follow the last of the %d frames that nbands announces"
                           % (self.size - end, frames), end)

    @property
    def kind(self):
        return {DENSE: "dense", SPARSE: "sparse", SPARSE_VALUES: "sparse_values", SHARED_WEIGHTS: "shared_weights",
                NONSHARED_WEIGHTS: "nonshared_weights"}[self.header.filetype]

    @property
    def shape(self):
        """(ny, nx, nf) of an activity frame; (arbors, patches, nyp, nxp, nfp) of a weight frame."""
        h = self.header
        if h.is_weights:
            return (h.numrecords, h.numpatches, h.nyp, h.nxp, h.nfp)
        return (h.ny, h.nx, h.nf)

    def __len__(self):
        return len(self.offsets)

    def _frame_number(self, frame):
        n = len(self)
        i = frame + n if frame < 0 else frame
        if not 0 <= i < n:
            raise IndexError("%s has %d frames; frame %d does not exist" % (self.path, n, frame))
        return i

    def _read_at(self, offset, count, what):
        self._file.seek(offset)
        data = self._file.read(count)
        if len(data) != count:
            raise PVPError(self.path, "truncated: %s needs %d bytes at offset %d" % (what, count, offset), offset)
        return data

    # -- frames --------------------------------------------------------------------------------------------------

    def read(self, frame):
        """Frame ``frame`` (0-based; negative counts from the end)."""
        i = self._frame_number(frame)
        h = self.header
        if h.filetype == DENSE:
            times, values = self._dense_range(i, i + 1)
            return Frame(float(times[0]), values[0], None)
        if h.filetype in (SPARSE, SPARSE_VALUES):
            times, matrix = self._sparse_range([i])
            return Frame(float(times[0]), matrix, None)
        header, values, _ = self._weight_frame(i)
        return Frame(header.time, values, header)

    __getitem__ = read

    def __iter__(self):
        for i in range(len(self)):
            yield self.read(i)

    def read_dense(self, frame):
        """An activity frame as a dense ny x nx x nf float32 array, whatever the file's type."""
        h = self.header
        if h.is_weights:
            raise PVPError(self.path, "read_dense: a %s file has no activity frames" % h.type_name)
        f = self.read(frame)
        if h.filetype == DENSE:
            return f.values
        return np.asarray(f.values.toarray(), np.float32).reshape(h.ny, h.nx, h.nf)

    def times(self):
        """The time of every frame, without reading the values."""
        out = np.empty(len(self), np.float64)
        for k, offset in enumerate(self.offsets):
            at = offset + (_OFFSETS["time"] if self.header.is_weights else 0)
            out[k] = np.frombuffer(self._read_at(int(at), 8, "the time of frame %d" % k), "<f8")[0]
        return out

    def _dense_range(self, start, stop):
        h = self.header
        kind = "<f4" if h.datatype == 3 else "<i4"
        dtype = np.dtype([("time", "<f8"), ("values", kind, (h.ny, h.nx, h.nf))])
        count = stop - start
        data = self._read_at(int(self.offsets[start]) if count else h.headersize, count * dtype.itemsize,
                             "frames %d to %d" % (start, stop - 1))
        frames = np.frombuffer(data, dtype, count)
        return frames["time"].copy(), frames["values"].astype(np.float32)

    def _sparse_range(self, frames):
        import scipy.sparse as sp

        h = self.header
        with_values = h.filetype == SPARSE_VALUES
        entry = np.dtype([("index", "<i4"), ("value", "<f4")]) if with_values else np.dtype("<i4")
        times = np.empty(len(frames), np.float64)
        indptr = np.zeros(len(frames) + 1, np.int64)
        indices, values = [], []
        for row, i in enumerate(frames):
            count = int(self.counts[i])
            data = self._read_at(int(self.offsets[i]), 12 + count * entry.itemsize, "frame %d" % i)
            times[row] = np.frombuffer(data, "<f8", 1)[0]
            entries = np.frombuffer(data, entry, count, 12)
            index = entries["index"] if with_values else entries
            bad = (index < 0) | (index >= h.neurons)
            if bad.any():
                k = int(np.argmax(bad))
                raise PVPError(self.path, "frame %d holds index %d, outside the layer's %d neurons"
                               % (i, int(index[k]), h.neurons), int(self.offsets[i]) + 12 + k * entry.itemsize)
            indices.append(index.astype(np.int32))
            values.append(entries["value"].astype(np.float32) if with_values else np.ones(count, np.float32))
            indptr[row + 1] = indptr[row] + count
        index = np.concatenate(indices) if indices else np.zeros(0, np.int32)
        value = np.concatenate(values) if values else np.zeros(0, np.float32)
        matrix = sp.csr_matrix((value, index, indptr), shape=(len(frames), h.neurons))
        matrix.sum_duplicates()  # sorts each row's indices; a frame lists a neuron at most once
        return times, matrix

    def _weight_frame(self, i):
        first = self.header
        base = int(self.offsets[i])
        data = self._read_at(base, self._frame_bytes, "weight frame %d" % i)
        h = PVPHeader.from_bytes(data, self.path, base) if i else first
        for name in ("filetype", "nx", "ny", "nf", "numrecords", "datatype", "nxp", "nyp", "nfp", "numpatches"):
            if getattr(h, name) != getattr(first, name):
                raise PVPError(self.path, "weight frame %d has %s %d but the first frame has %d"
                               % (i, name, getattr(h, name), getattr(first, name)), base + _OFFSETS[name])
        kind = "u1" if h.datatype == 1 else "<f4"
        dtype = np.dtype(_PATCH_HEADER + [("values", kind, (h.nyp, h.nxp, h.nfp))])
        patches = np.frombuffer(data, dtype, h.numrecords * h.numpatches, h.headersize)
        patches = patches.reshape(h.numrecords, h.numpatches)
        geometry = np.empty(patches.shape, np.dtype(_PATCH_HEADER))
        for name in ("nx", "ny", "offset"):
            geometry[name] = patches[name]
        if h.filetype == SHARED_WEIGHTS:
            bad = (geometry["nx"] != h.nxp) | (geometry["ny"] != h.nyp) | (geometry["offset"] != 0)
            if bad.any():
                a, p = np.argwhere(bad)[0]
                raise PVPError(self.path, "weight frame %d, arbor %d, kernel %d: patch header says %dx%d at offset "
                               "%d; shared-weight patches are %dx%d at offset 0"
                               % (i, a, p, geometry["nx"][a, p], geometry["ny"][a, p], geometry["offset"][a, p],
                                  h.nxp, h.nyp), base + h.headersize + (a * h.numpatches + p) * dtype.itemsize)
        values = patches["values"]
        if h.datatype == 1:
            values = decompress_weights(values, h.wMin, h.wMax)
        return h, np.ascontiguousarray(values, np.float32), geometry

    def close(self):
        self._file.close()

    def __del__(self):
        f = getattr(self, "_file", None)
        if f is not None:
            f.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        h = self.header
        return "PVPFile(%r: %s, %dx%dx%d, %d frames)" % (self.path, h.type_name, h.nx, h.ny, h.nf, len(self))


def _frame_range(n, start_frame, last_frame, skip_frames):
    if start_frame < 0 or skip_frames < 1:
        raise ValueError("start_frame must be >= 0 and skip_frames >= 1")
    stop = n if last_frame is None else min(int(last_frame), n)
    return range(start_frame, max(stop, start_frame), skip_frames)


def readpvpfile(path, progress_interval=None, start_frame=0, last_frame=None, skip_frames=1):
    """Reads the frames range(start_frame, last_frame, skip_frames) of a PVP file (last_frame None: to the end).

    Returns a dict: ``header`` (PVPHeader of the file; of the first frame for weights), ``time`` (float64, one per
    frame read) and ``values`` (see the module docstring). Weight files also give ``frame_headers`` (each frame's
    header) and ``patch_headers`` (frames x arbors x patches of (nx, ny, offset): the patch geometry, which for
    non-shared weights marks the part of each stored patch that is in use). ``progress_interval`` N prints a line to
    stderr every N frames.
    """
    with PVPFile(path) as f:
        h = f.header
        frames = _frame_range(len(f), start_frame, last_frame, skip_frames)

        def progress(k, frame):
            if progress_interval and k % progress_interval == 0:
                print("%s: frame %d of %d" % (f.path, frame, len(f)), file=sys.stderr)

        out = {"header": h}
        if h.filetype == DENSE:
            if skip_frames == 1:
                out["time"], out["values"] = f._dense_range(frames.start, frames.stop if len(frames) else frames.start)
                for k, frame in enumerate(frames):
                    progress(k, frame)
            else:
                times = np.empty(len(frames))
                values = np.empty((len(frames), h.ny, h.nx, h.nf), np.float32)
                for k, frame in enumerate(frames):
                    t, v = f._dense_range(frame, frame + 1)
                    times[k], values[k] = t[0], v[0]
                    progress(k, frame)
                out["time"], out["values"] = times, values
        elif h.filetype in (SPARSE, SPARSE_VALUES):
            for k, frame in enumerate(frames):
                progress(k, frame)
            out["time"], out["values"] = f._sparse_range(list(frames))
        else:
            times = np.empty(len(frames))
            values = np.empty((len(frames), h.numrecords, h.numpatches, h.nyp, h.nxp, h.nfp), np.float32)
            geometry = np.empty((len(frames), h.numrecords, h.numpatches), np.dtype(_PATCH_HEADER))
            headers = []
            for k, frame in enumerate(frames):
                fh, values[k], geometry[k] = f._weight_frame(frame)
                times[k] = fh.time
                headers.append(fh)
                progress(k, frame)
            out.update(time=times, values=values, frame_headers=headers, patch_headers=geometry)
        return out


# -- writing ---------------------------------------------------------------------------------------------------------

def _as_header(h):
    if h is None or isinstance(h, PVPHeader):
        return h
    fields = {_ALIASES.get(k, k): v for k, v in dict(h).items()}
    fields = {k: v for k, v in fields.items() if k in _OFFSETS}
    for k in ("nxp", "nyp", "nfp", "wMin", "wMax", "numpatches"):
        fields.setdefault(k, None)
    return PVPHeader(**{k: (float(v) if k in ("time", "wMin", "wMax") and v is not None else
                            (None if v is None else int(v))) for k, v in fields.items()})


def _activity_header(filetype, ny, nx, nf, nbatch, frames, time):
    neurons = nx * ny * nf
    return PVPHeader(headersize=80, numparams=20, filetype=filetype, nx=nx, ny=ny, nf=nf, numrecords=1,
                     recordsize=neurons if filetype == DENSE else 0, datasize=8 if filetype == SPARSE_VALUES else 4,
                     datatype=2 if filetype == SPARSE else 3, nxprocs=1, nyprocs=1, nxGlobal=nx, nyGlobal=ny, kx0=0,
                     ky0=0, nbatch=nbatch, nbands=frames, time=time)


def _weight_header(filetype, grid, arbors, patches, nyp, nxp, nfp, compressed, time, w_min, w_max):
    ny, nx, nf = grid
    datasize = 1 if compressed else 4
    arbor_bytes = patches * (8 + nxp * nyp * nfp * datasize)
    recordsize = arbor_bytes if filetype == SHARED_WEIGHTS and arbor_bytes <= 2**31 - 1 else 0
    return PVPHeader(headersize=104, numparams=26, filetype=filetype, nx=nx, ny=ny, nf=nf, numrecords=arbors,
                     recordsize=recordsize, datasize=datasize, datatype=1 if compressed else 3, nxprocs=1, nyprocs=1,
                     nxGlobal=nx, nyGlobal=ny, kx0=0, ky0=0, nbatch=1, nbands=arbors, time=time, nxp=nxp, nyp=nyp,
                     nfp=nfp, wMin=w_min, wMax=w_max, numpatches=patches)


def writepvpfile(path, data, shape=None, filetype=None, nbatch=None, compressed=None, use_existing_header=False):
    """Writes ``data`` (a dict with ``values`` and ``time``, as readpvpfile returns) as a PVP file.

    The kind follows the values, as in OpenPV's pvtools: a 4-d array (frames x ny x nx x nf) is dense activity, a
    scipy sparse matrix (frames x ny*nx*nf, with ``shape`` = (ny, nx, nf)) sparse activity with values, a 6-d array
    (frames x arbors x patches x nyp x nxp x nfp) shared weights. ``filetype`` chooses another kind for the same
    values: 2 (sparse, indices of the non-zero values only), 6 (sparse with values) from a dense or sparse array,
    3 (non-shared weights). ``shape`` is (ny, nx, nf) of the layer (sparse) or of the kernel / patch grid (weights;
    default 1 x 1 x patches). ``nbatch`` (default 1) is the header's batch size. ``compressed`` stores weights as
    one byte each in [wMin, wMax] of their frame (datatype 1).

    The header is what sparsepv writes for such values. With ``use_existing_header``, ``data["header"]`` supplies
    every field instead (and ``data["frame_headers"]``, when given, each weight frame's header, its wMin and wMax
    included, so that a file read by readpvpfile is written back byte for byte); nbands and the time of an activity
    file are always its frame count and first time.
    """
    import scipy.sparse as sp

    values, times = data["values"], np.asarray(data["time"], np.float64).reshape(-1)
    given = _as_header(data.get("header")) if use_existing_header else None
    if use_existing_header and given is None:
        raise ValueError("use_existing_header needs data['header']")
    if given is not None and filetype is None:
        filetype = given.filetype
    if sp.issparse(values) or (np.ndim(values) == 4 and filetype in (SPARSE, SPARSE_VALUES)):
        filetype = SPARSE_VALUES if filetype is None else filetype
        if filetype not in (SPARSE, SPARSE_VALUES):
            raise ValueError("sparse values are written as filetype 2 or 6, not %d" % filetype)
        if not sp.issparse(values):
            shape = shape or np.shape(values)[1:]
            values = sp.csr_matrix(np.asarray(values, np.float32).reshape(np.shape(values)[0], -1))
        if shape is None and given is not None:
            shape = (given.ny, given.nx, given.nf)
        if shape is None or len(shape) != 3:
            raise ValueError("sparse values need shape = (ny, nx, nf)")
        ny, nx, nf = (int(s) for s in shape)
        if values.shape[1] != nx * ny * nf:
            raise ValueError("shape %dx%dx%d does not match the %d columns of the values" % (ny, nx, nf,
                                                                                            values.shape[1]))
        header = _activity_header(filetype, ny, nx, nf, nbatch or 1, values.shape[0], 0.0)
        body = _sparse_body(values, times, filetype)
    elif np.ndim(values) == 4:
        filetype = DENSE if filetype is None else filetype
        if filetype != DENSE:
            raise ValueError("4-d values are written as filetype 4 (or 2, 6), not %d" % filetype)
        values = np.ascontiguousarray(values, np.float32)
        frames, ny, nx, nf = values.shape
        header = _activity_header(DENSE, ny, nx, nf, nbatch or 1, frames, 0.0)
        record = np.empty(frames, np.dtype([("time", "<f8"), ("values", "<f4", (ny, nx, nf))]))
        _check_times(times, frames)
        record["time"], record["values"] = times, values
        body = record.tobytes()
    elif np.ndim(values) == 6:
        filetype = SHARED_WEIGHTS if filetype is None else filetype
        if filetype not in (SHARED_WEIGHTS, NONSHARED_WEIGHTS):
            raise ValueError("6-d values are written as filetype 5 or 3, not %d" % filetype)
        _write_weights(path, data, np.asarray(values, np.float32), times, filetype, shape, compressed, given)
        return
    else:
        raise ValueError("values must be 4-d (dense), 6-d (weights) or a scipy sparse matrix, not %r"
                         % (np.shape(values),))

    _check_times(times, values.shape[0])
    if given is not None:
        for name in ("nx", "ny", "nf"):
            if getattr(given, name) != getattr(header, name):
                raise ValueError("data['header'] has %s %d but the values have %d"
                                 % (name, getattr(given, name), getattr(header, name)))
        header = given.replace(filetype=filetype)
        if nbatch is not None:
            header = header.replace(nbatch=nbatch)
    header = header.replace(nbands=values.shape[0], time=float(times[0]) if len(times) else 0.0)
    with open(path, "wb") as f:
        f.write(header.to_bytes())
        f.write(body)


def _check_times(times, frames):
    if len(times) != frames:
        raise ValueError("%d times for %d frames" % (len(times), frames))


def _sparse_body(values, times, filetype):
    csr = values.tocsr().astype(np.float32)
    csr.sum_duplicates()
    csr.eliminate_zeros()  # a sparse frame lists the non-zero values, as the C++ writer does
    parts = []
    entry = np.dtype([("index", "<i4"), ("value", "<f4")])
    for row in range(csr.shape[0]):
        lo, hi = csr.indptr[row], csr.indptr[row + 1]
        parts.append(np.array([times[row]], "<f8").tobytes())
        parts.append(np.array([hi - lo], "<u4").tobytes())
        if filetype == SPARSE:
            parts.append(csr.indices[lo:hi].astype("<i4").tobytes())
        else:
            pairs = np.empty(hi - lo, entry)
            pairs["index"], pairs["value"] = csr.indices[lo:hi], csr.data[lo:hi]
            parts.append(pairs.tobytes())
    return b"".join(parts)


def _write_weights(path, data, values, times, filetype, shape, compressed, given):
    frames, arbors, patches, nyp, nxp, nfp = values.shape
    _check_times(times, frames)
    if compressed is None:
        compressed = given is not None and given.datatype == 1
    frame_headers = [_as_header(h) for h in data.get("frame_headers") or []] if given is not None else []
    if frame_headers and len(frame_headers) != frames:
        raise ValueError("%d frame_headers for %d frames" % (len(frame_headers), frames))
    if shape is not None:
        grid = tuple(int(s) for s in shape)
    elif given is not None:
        grid = (given.ny, given.nx, given.nf)
    else:
        grid = (1, 1, patches)
    if filetype == SHARED_WEIGHTS and grid[0] * grid[1] * grid[2] != patches:
        raise ValueError("a kernel grid of %dx%dx%d does not hold %d patches" % (grid + (patches,)))
    geometry = data.get("patch_headers")
    with open(path, "wb") as f:
        for k in range(frames):
            v = values[k]
            if frame_headers:
                h = frame_headers[k].replace(time=float(times[k]))
            else:
                w_min = float(v.min()) if v.size else 0.0
                w_max = float(v.max()) if v.size else 0.0
                h = _weight_header(filetype, grid, arbors, patches, nyp, nxp, nfp, compressed, float(times[k]),
                                   w_min, w_max)
                if given is not None:
                    # The given header's fields, with this frame's time and range and the chosen storage.
                    h = given.replace(filetype=filetype, time=float(times[k]), wMin=w_min, wMax=w_max,
                                      datatype=h.datatype, datasize=h.datasize,
                                      recordsize=h.recordsize if given.recordsize else 0)
            if (h.numrecords, h.numpatches, h.nyp, h.nxp, h.nfp) != (arbors, patches, nyp, nxp, nfp):
                raise ValueError("the header describes %d arbors x %d patches of %dx%dx%d but the values are %r"
                                 % (h.numrecords, h.numpatches, h.nxp, h.nyp, h.nfp, values.shape[1:]))
            packed = h.datatype == 1
            if packed and not (np.isfinite(h.wMin) and np.isfinite(h.wMax)):
                raise ValueError("cannot compress non-finite weights")
            patch = np.dtype(_PATCH_HEADER + [("values", "u1" if packed else "<f4", (nyp, nxp, nfp))])
            record = np.empty((arbors, patches), patch)
            if geometry is not None:
                g = np.asarray(geometry)[k] if np.ndim(geometry) == 3 else np.asarray(geometry)
                for name in ("nx", "ny", "offset"):
                    record[name] = g[name]
            else:
                record["nx"], record["ny"], record["offset"] = nxp, nyp, 0
            record["values"] = compress_weights(v, h.wMin, h.wMax) if packed else v
            f.write(h.to_bytes())
            f.write(record.tobytes())
