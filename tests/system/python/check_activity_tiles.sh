#!/usr/bin/env bash
# spv-activity-tiles on files written by the Python package: test_activity_tiles.py (the grid layout and the
# size cap, with every expected pixel position and grey level worked out in the test).
# usage: check_activity_tiles.sh SPV_ACTIVITY_TILES SOURCE_DIR
set -u
tiles=$1 src=$2
. "$(dirname "$0")/find_python.sh"
find_python "numpy, scipy.sparse, matplotlib" "python3-numpy, python3-scipy and python3-matplotlib"
exec "$python" -W error::ResourceWarning "$src/tests/system/python/test_activity_tiles.py" "$tiles" -v
