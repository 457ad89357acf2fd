"""sparsepv's outputs from Python: PVP files, probe text files and whole runs.

    import sparsepv
    data = sparsepv.readpvpfile("output/V1.pvp")     # {'header', 'time', 'values'}, as OpenPV's pvtools
    energy = sparsepv.read_probe("output/V1EnergyProbe_batchElement_0.txt")["energy"]
    run = sparsepv.load_run("output/lca_tutorial")

From a clone: ``PYTHONPATH=python python3 ...`` (NumPy and SciPy needed; matplotlib only for sparsepv.plot and
spv-plot's report: sparsepv.report, drawn by sparsepv.figures from sparsepv.traces and sparsepv.activity).
"""

from .params import ParamGroup, Params, parse_params, read_params
from .probes import PROBE_COLUMNS, ProbeTable, read_probe
from .pvp import (DENSE, NONSHARED_WEIGHTS, SHARED_WEIGHTS, SPARSE, SPARSE_VALUES, Frame, PVPError, PVPFile, PVPHeader,
                  compress_weights, decompress_weights, readpvpfile, readpvpheader, writepvpfile)
from .run import Checkpoint, Run, load_run

__version__ = "0.1.0"

__all__ = [
    "readpvpfile", "writepvpfile", "readpvpheader", "PVPFile", "PVPHeader", "PVPError", "Frame", "compress_weights",
    "decompress_weights", "DENSE", "SPARSE", "SPARSE_VALUES", "SHARED_WEIGHTS", "NONSHARED_WEIGHTS", "read_probe",
    "ProbeTable", "PROBE_COLUMNS", "load_run", "Run", "Checkpoint", "read_params", "parse_params", "Params",
    "ParamGroup",
]
