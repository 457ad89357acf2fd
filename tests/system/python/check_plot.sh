#!/usr/bin/env bash
# spv-plot (tools/spv-plot, python/sparsepv/report.py) on a small real run: test_plot.py, on the first Python 3 that
# has NumPy, SciPy and matplotlib ($SPV_PYTHON, else python3 on PATH, else the system's /usr/bin/python3). Exit 77
# (ctest: skipped, with the reason printed) when none has them. The headless-Chromium part skips itself, saying so,
# when no chromium is installed.
# usage: check_plot.sh SPARSEPV SOURCE_DIR
set -u
sparsepv=$1 src=$2
. "$(dirname "$0")/find_python.sh"
find_python "numpy, scipy.sparse, matplotlib" "python3-numpy, python3-scipy and python3-matplotlib"
browser=$(command -v chromium || command -v chromium-browser || true)
echo "chromium: ${browser:-not installed: the rendering check skips (Debian package chromium)}"
export SPV_PYTHON=$python
exec "$python" -W error::ResourceWarning "$src/tests/system/python/test_plot.py" "$sparsepv" "$src" -v
