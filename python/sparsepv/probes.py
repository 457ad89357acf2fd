"""Probe text files (docs/probe-format.md): a header line naming the columns, then one record per step written.

Every probe type of sparsepv writes the header line; the data lines keep OpenPV's layouts:

- comma-separated numbers (ColumnEnergyProbe, the norm probes, AdaptiveTimeScaleProbe with
  writeTimeScaleFieldnames = false): ``  1.000000, 0, 1537.510085817``;
- ``key==value`` fields (StatsProbe, RequireAllZeroActivityProbe), after an optional ``message:``;
- ``t=... V=... a=...`` (PointProbe), after an optional ``message:``;
- ``"message",time,index,value`` (QuotientProbe): the message in quotes, then numbers;
- two lines per record, ``sim_time = T`` then ``batch = b, timeScale = ...`` (AdaptiveTimeScaleProbe, default).

Files without a header line (older runs) are read too: the columns are then named from the layout.
"""

import os
import re

import numpy as np

__all__ = ["ProbeTable", "read_probe", "PROBE_COLUMNS"]

# The header line of each probe type (what it writes first), and so its columns.
PROBE_COLUMNS = {
    "ColumnEnergyProbe": ("time", "index", "energy"),
    "L0NormProbe": ("time", "index", "neurons", "norm"),
    "L1NormProbe": ("time", "index", "neurons", "norm"),
    "L1NormLCAProbe": ("time", "index", "neurons", "norm"),
    "L2NormProbe": ("time", "index", "neurons", "norm"),
    "L0NormLCAProbe": ("time", "index", "neurons", "norm"),
    "QuotientProbe": ("message", "time", "index", "quotient"),
    "AdaptiveTimeScaleProbe": ("time", "index", "timeScale", "timeScaleTrue", "timeScaleMax"),
    "KneeTimeScaleProbe": ("time", "index", "timeScale", "timeScaleTrue", "timeScaleMax"),
    "LogTimeScaleProbe": ("time", "index", "timeScale", "timeScaleTrue", "timeScaleMax"),
    "StatsProbe": ("time", "index", "N", "Total", "Min", "Avg", "Max", "sigma", "nnz"),
    "RequireAllZeroActivityProbe": ("time", "index", "N", "Total", "Min", "Avg", "Max", "sigma", "nnz"),
    "PointProbe": ("time", "V", "a"),
}
_INTEGER_COLUMNS = {"index", "neurons", "N", "nnz", "batch"}
# Columns by the number of comma-separated values, for files from before every probe wrote a header line.
_CSV_DEFAULTS = {3: PROBE_COLUMNS["ColumnEnergyProbe"], 4: PROBE_COLUMNS["L2NormProbe"],
                 5: PROBE_COLUMNS["AdaptiveTimeScaleProbe"]}

_NUMBER = r"[-+]?(?:nan|inf(?:inity)?|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"
_HEADER = re.compile(r"^[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*$")
_STATS = re.compile(r"^(?P<message>.*?)t==\s*(?P<time>%(n)s)\s+b==(?P<index>%(n)s)\s+N==(?P<N>%(n)s)\s+"
                    r"Total==(?P<Total>%(n)s)\s+Min==(?P<Min>%(n)s)\s+Avg==(?P<Avg>%(n)s)(?P<hz> Hz \(/dt ms\))?\s+"
                    r"Max==(?P<Max>%(n)s)\s+sigma==(?P<sigma>%(n)s)\s+nnz==(?P<nnz>%(n)s)\s*$" % {"n": _NUMBER},
                    re.IGNORECASE)
_POINT = re.compile(r"^(?P<message>.*?)\bt=\s*(?P<time>%(n)s)\s+V=\s*(?P<V>%(n)s)\s+a=\s*(?P<a>%(n)s)\s*$"
                    % {"n": _NUMBER}, re.IGNORECASE)
_QUOTED = re.compile(r'^\s*"(?P<message>[^"]*)"\s*,(?P<rest>.*)$')
_SIM_TIME = re.compile(r"^\s*sim_time\s*=\s*(?P<time>%s)\s*$" % _NUMBER, re.IGNORECASE)
_FIELD = re.compile(r"(\w+)\s*=\s*(%s)" % _NUMBER, re.IGNORECASE)


class ProbeTable(dict):
    """The columns of a probe file by name (NumPy arrays, one entry per record), with what the file said about them.

    Attributes: ``path``; ``columns`` (names in file order); ``header`` (the header line, or None for files without
    one); ``layout`` ("csv", "stats", "point" or "timescale_fields"); ``message`` (the per-line message prefix of
    stats and point probes, without the colon, or None); ``avg_in_hz`` (stats of a sparse layer's activity, whose
    Avg column is a rate in Hz per dt ms).
    """

    path = None
    columns = ()
    header = None
    layout = None
    message = None
    avg_in_hz = False

    @property
    def rows(self):
        return len(self[self.columns[0]]) if self.columns else 0

    def to_records(self):
        """The table as a NumPy structured array."""
        out = np.empty(self.rows, [(c, self[c].dtype) for c in self.columns])
        for c in self.columns:
            out[c] = self[c]
        return out


def _number(text):
    return float(text)


def _columns_for(names, rows, path):
    table = ProbeTable()
    for k, name in enumerate(names):
        column = np.array([r[k] for r in rows], np.float64)
        if name in _INTEGER_COLUMNS and np.all(np.isfinite(column)) and np.all(column == np.round(column)):
            column = column.astype(np.int64)
        table[name] = column
    table.path, table.columns = path, tuple(names)
    return table


def read_probe(path):
    """Reads a probe text file into a ProbeTable (a dict of column name -> NumPy array)."""
    path = os.fspath(path)
    with open(path, "r", encoding="utf-8", errors="replace") as f:
        lines = [line.rstrip("\r\n") for line in f]
    while lines and not lines[-1].strip():
        lines.pop()
    header = None
    if lines and _HEADER.match(lines[0].strip()) and not _SIM_TIME.match(lines[0]):
        header = [name.strip() for name in lines[0].split(",")]
        lines = lines[1:]
    body = [(n + (2 if header else 1), line) for n, line in enumerate(lines) if line.strip()]

    def fail(line_number, message):
        raise ValueError("%s:%d: %s" % (path, line_number, message))

    layout, rows, message, hz, messages = "csv", [], None, False, None
    first = body[0][1] if body else ""
    if _SIM_TIME.match(first) or first.lstrip().startswith("batch ="):
        layout = "timescale_fields"
        names = header or list(PROBE_COLUMNS["AdaptiveTimeScaleProbe"])
        time = None
        for n, line in body:
            m = _SIM_TIME.match(line)
            if m:
                time = _number(m.group("time"))
                continue
            fields = _FIELD.findall(line)
            if time is None or not fields:
                fail(n, "expected 'sim_time = T' then 'batch = b, timeScale = ...' lines")
            rows.append((n, [time] + [_number(v) for _, v in fields]))
    elif _STATS.match(first):
        layout = "stats"
        names = header or list(PROBE_COLUMNS["StatsProbe"])
        for n, line in body:
            m = _STATS.match(line)
            if not m:
                fail(n, "not a StatsProbe line (t==... b==... N==... Total==... Min==... Avg==... Max==... sigma==... "
                     "nnz==...)")
            message, hz = m.group("message"), hz or bool(m.group("hz"))
            rows.append((n, [_number(m.group(k)) for k in ("time", "index", "N", "Total", "Min", "Avg", "Max",
                                                           "sigma", "nnz")]))
    elif _POINT.match(first):
        layout = "point"
        names = header or list(PROBE_COLUMNS["PointProbe"])
        for n, line in body:
            m = _POINT.match(line)
            if not m:
                fail(n, "not a PointProbe line (t=... V=... a=...)")
            message = m.group("message")
            rows.append((n, [_number(m.group(k)) for k in ("time", "V", "a")]))
    elif _QUOTED.match(first):
        layout = "quoted"
        names = header or list(PROBE_COLUMNS["QuotientProbe"])
        if not names or names[0] != "message":
            fail(2, "a quoted first field needs a header whose first column is message")
        messages = []
        for n, line in body:
            m = _QUOTED.match(line)
            try:
                row = [_number(p) for p in m.group("rest").split(",")] if m else None
            except ValueError:
                row = None
            if row is None:
                fail(n, 'not a line of a quoted message and numbers ("message",time,index,value): %r' % line)
            messages.append(m.group("message"))
            rows.append((n, [0.0] + row))  # the message's place, filled in below
        message = messages[0] if messages else None
    else:
        names = header
        for n, line in body:
            parts = [p.strip() for p in line.split(",")]
            try:
                row = [_number(p) for p in parts]
            except ValueError:
                fail(n, "not a line of comma-separated numbers: %r" % line)
            if names is None:
                names = list(_CSV_DEFAULTS.get(len(row), ["c%d" % i for i in range(len(row))]))
            rows.append((n, row))
        if names is None:
            names = []
    for n, row in rows:
        if len(row) != len(names):
            fail(n, "%d values but the header names %d columns (%s)" % (len(row), len(names), ", ".join(names)))
    table = _columns_for(names, [row for _, row in rows], path)
    if messages is not None:
        table["message"] = np.array(messages, dtype=str)
    table.header = ",".join(header) if header else None
    table.layout = layout
    if message:
        message = message.strip()
        table.message = message[:-1] if message.endswith(":") else message
    table.avg_in_hz = hz
    return table
