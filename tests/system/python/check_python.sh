#!/usr/bin/env bash
# The Python package (python/sparsepv) against real runs: test_python_package.py, on the first Python 3 that has NumPy
# and SciPy ($SPV_PYTHON, else python3 on PATH, else the system's /usr/bin/python3). Exit 77 (ctest: skipped, with
# the reason printed) when none has them.
# usage: check_python.sh SPARSEPV SPV_PVP_INSPECT SOURCE_DIR
set -u
sparsepv=$1 inspect=$2 src=$3
python=
for candidate in "${SPV_PYTHON:-}" python3 /usr/bin/python3; do
  [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 || continue
  if "$candidate" -c 'import numpy, scipy.sparse' >/dev/null 2>&1; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "SKIP: no Python 3 with NumPy and SciPy (tried \$SPV_PYTHON, python3, /usr/bin/python3); scripts/install-deps.sh installs python3-numpy and python3-scipy"
  exit 77
fi
echo "python: $(command -v "$python") ($("$python" -c 'import sys, numpy, scipy; print(sys.version.split()[0], "numpy", numpy.__version__, "scipy", scipy.__version__)'))"
export PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$src/python${PYTHONPATH:+:$PYTHONPATH}"
exec "$python" -W error::ResourceWarning "$src/tests/system/python/test_python_package.py" "$sparsepv" "$inspect"
