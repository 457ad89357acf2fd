# Sourced by the Python system tests: find_python "MODULES" "PACKAGES" sets $python to the first Python 3 that imports
# MODULES ($SPV_PYTHON, else python3 on PATH, else the system's /usr/bin/python3), or exits 77 (ctest: skipped) with
# the reason and the Debian PACKAGES that would provide them.
find_python() {
  local modules=$1 packages=$2 candidate
  python=
  for candidate in "${SPV_PYTHON:-}" python3 /usr/bin/python3; do
    [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c "import $modules" >/dev/null 2>&1; then
      python=$(command -v "$candidate")
      break
    fi
  done
  if [ -z "$python" ]; then
    echo "SKIP: no Python 3 with $modules (tried \$SPV_PYTHON, python3, /usr/bin/python3); scripts/install-deps.sh installs $packages"
    exit 77
  fi
  echo "python: $python ($("$python" -c 'import sys; print(sys.version.split()[0])'))"
  export PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$src/python${PYTHONPATH:+:$PYTHONPATH}"
}
