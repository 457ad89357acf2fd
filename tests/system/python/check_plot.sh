#!/usr/bin/env bash
# spv-plot (tools/spv-plot, python/sparsepv/report.py) on a small real run: test_plot.py, on the first Python 3 that
# has NumPy, SciPy and matplotlib ($SPV_PYTHON, else python3 on PATH, else the system's /usr/bin/python3). Exit 77
# (ctest: skipped, with the reason printed) when none has them. The headless-Chromium part skips itself, saying so,
# when no chromium is installed.
# usage: check_plot.sh SPARSEPV SOURCE_DIR
set -u
sparsepv=$1 src=$2
python=
for candidate in "${SPV_PYTHON:-}" python3 /usr/bin/python3; do
  [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 || continue
  if "$candidate" -c 'import numpy, scipy.sparse, matplotlib' >/dev/null 2>&1; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "SKIP: no Python 3 with NumPy, SciPy and matplotlib (tried \$SPV_PYTHON, python3, /usr/bin/python3); scripts/install-deps.sh installs python3-numpy, python3-scipy and python3-matplotlib"
  exit 77
fi
echo "python: $(command -v "$python") ($("$python" -c 'import sys, numpy, matplotlib; print(sys.version.split()[0], "numpy", numpy.__version__, "matplotlib", matplotlib.__version__)'))"
browser=$(command -v chromium || command -v chromium-browser || true)
echo "chromium: ${browser:-not installed: the rendering check skips (Debian package chromium)}"
export PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$src/python${PYTHONPATH:+:$PYTHONPATH}" SPV_PYTHON=$(command -v "$python")
exec "$python" -W error::ResourceWarning "$src/tests/system/python/test_plot.py" "$sparsepv" "$src" -v
