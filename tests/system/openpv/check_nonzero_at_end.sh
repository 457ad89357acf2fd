#!/usr/bin/env bash
# RequireAllZeroActivityProbe with exitOnFailure = false: all 3 steps run, the outputs are kept (the activity file
# with its 4 frames, the final checkpoint), and the run exits 1 naming the probe.
# usage: check_nonzero_at_end.sh SPARSEPV PARAMS
set -u
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp "$2" "$work/"
err=$(cd "$work" && "$1" -q -p "$(basename "$2")" 2>&1 >/dev/null); status=$?
[ "$status" = 1 ] || { echo "FAIL: exit $status, want 1"; echo "$err"; exit 1; }
grep -q 'probe "Probe": layer "Input" has non-zero activity at step 1' <<<"$err" || { echo "FAIL: message"; echo "$err"; exit 1; }
[ -f "$work/out/Last/manifest" ] || { echo "FAIL: final checkpoint missing"; ls -R "$work"; exit 1; }
frames=$(python3 -c "import struct,sys; print(struct.unpack('<20i', open(sys.argv[1],'rb').read(80))[17])" \
  "$work/out/Input.pvp" 2>/dev/null)
[ "$frames" = 4 ] || { echo "FAIL: Input.pvp has ${frames:-no} frames, want 4 (t = 0..3)"; exit 1; }
echo ok
