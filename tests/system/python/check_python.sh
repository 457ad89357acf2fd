#!/usr/bin/env bash
# The Python package (python/sparsepv) against real runs: test_python_package.py, on the first Python 3 that has NumPy
# and SciPy ($SPV_PYTHON, else python3 on PATH, else the system's /usr/bin/python3). Exit 77 (ctest: skipped, with
# the reason printed) when none has them.
# usage: check_python.sh SPARSEPV SPV_PVP_INSPECT SOURCE_DIR
set -u
sparsepv=$1 inspect=$2 src=$3
. "$(dirname "$0")/find_python.sh"
find_python "numpy, scipy.sparse" "python3-numpy and python3-scipy"
exec "$python" -W error::ResourceWarning "$src/tests/system/python/test_python_package.py" "$sparsepv" "$inspect"
