#!/usr/bin/env bash
# Checkpoint crash safety under many kills: runs the fault test (tests/system/restart/check_faults.sh) with TRIALS
# SIGKILLs (default 50) at random moments of a run whose checkpoint writes are slowed, and prints what it found.
# usage: bench/checkpoint_kills.sh BUILD_DIR [TRIALS]
set -euo pipefail
build=${1:?usage: checkpoint_kills.sh BUILD_DIR [TRIALS]} trials=${2:-50}
src=$(cd "$(dirname "$0")/.." && pwd)
time "$src/tests/system/restart/check_faults.sh" "$build/app/sparsepv" "$build/tools/spv-make-bars" "$src" "$trials"
