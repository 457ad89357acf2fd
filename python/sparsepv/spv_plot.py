"""spv-plot's command line: ``spv-plot RUN_DIR [-o OUT_DIR] [options]`` (tools/spv-plot, or
``python3 -m sparsepv.spv_plot``). Prints each path written, one a line, and nothing else; on an error, one line
naming the file on stderr and exit status 1 (2 for a wrong command line)."""

import argparse
import sys
import warnings

__all__ = ["main", "parser"]

_KIND_NAMES = ("energy", "l0", "l1", "l2", "timescale", "stats", "point")


def parser():
    p = argparse.ArgumentParser(
        prog="spv-plot",
        description="Draws a sparsepv output directory: one PNG per probe kind (energy, L0/L1/L2 norms, adaptive "
                    "timescales, statistics, point probes), the share of active neurons per layer, each layer's "
                    "last activity frame and each connection's dictionary; and report.html, a page that shows "
                    "them with the run's effective params (pv.params). Prints the paths written.")
    p.add_argument("run_dir", metavar="RUN_DIR", help="the run's output directory (sparsepv -o, or outputPath)")
    p.add_argument("-o", "--out", metavar="OUT_DIR", help="where the PNGs and report.html go (default RUN_DIR/report)")
    p.add_argument("--log", metavar="KINDS", action="append", default=[],
                   help="draw these probe kinds on a log y axis, comma-separated: %s (repeatable)"
                   % ", ".join(_KIND_NAMES))
    p.add_argument("--log-energy", action="store_true", help="the energy on a log y axis (= --log energy)")
    p.add_argument("--batch", metavar="B", action="append", default=[],
                   help="only these batch elements' traces, comma-separated (repeatable; default: all); the "
                        "first is the one whose activity frames are drawn (default 0)")
    p.add_argument("--embed", action="store_true",
                   help="hold the images in report.html as base64, so that the page alone is the report")
    p.add_argument("--dpi", type=int, default=100, help="pixels per inch of the PNGs (default 100: 750 wide)")
    return p


def _split(values, what, convert, p):
    out = []
    for v in values:
        for item in v.split(","):
            item = item.strip()
            if not item:
                continue
            try:
                out.append(convert(item))
            except ValueError:
                p.error("%s: %r is not one of them" % (what, item))
    return out


def _kind(name):
    if name.lower() not in _KIND_NAMES:
        raise ValueError(name)
    return name.lower()


def _batch(text):
    b = int(text)
    if b < 0:
        raise ValueError(text)
    return b


def main(argv=None):
    p = parser()
    args = p.parse_args(argv)
    log_kinds = set(_split(args.log, "--log (kinds: %s)" % ", ".join(_KIND_NAMES), _kind, p))
    if args.log_energy:
        log_kinds.add("energy")
    batches = _split(args.batch, "--batch (batch elements: 0, 1, ...)", _batch, p) or None
    if args.dpi < 10 or args.dpi > 600:
        p.error("--dpi must be between 10 and 600")
    try:
        import matplotlib  # noqa: F401
        import numpy  # noqa: F401
        import scipy.sparse  # noqa: F401
    except ImportError as e:
        print("spv-plot: error: %s (Debian: python3-matplotlib, python3-numpy, python3-scipy; "
              "scripts/install-deps.sh installs them)" % e, file=sys.stderr)
        return 1
    from .pvp import PVPError
    from .report import RunError, build_report

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # stdout holds the paths written; matplotlib's layout notes are noise
            written = build_report(args.run_dir, args.out, log_kinds, batches, args.embed, args.dpi)
    except (RunError, PVPError, ValueError, OSError) as e:
        print("spv-plot: error: %s" % e, file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
