#!/usr/bin/env bash
# Types OpenPV removed (Movie, MoviePvp, ANNNormalizedErrorLayer) read as their successors: the dry run accepts
# old_types.params with one warning per group, naming file:line, and its summary lists them; the real run writes for
# Movie and ANNNormalizedErrorLayer the same files byte for byte as the ImageLayer and ANNErrorLayer beside them, on
# one rank and on two (the same files again). triggerFlag = true without a triggerLayerName is refused.
# usage: check_old_types.sh SPARSEPV MAKE_BARS SOURCE_DIR [MPIEXEC]
set -u
spv=$1 bars=$2 src=$3 mpiexec=${4:-}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$work" || exit 1
cp "$src/tests/system/openpv/old_types.params" .
"$bars" --count 3 --size 8 --seed 4 --out bars.pvp --png-dir pngs >/dev/null || fail "spv-make-bars"
ls pngs/*.png >list.txt
report=$("$spv" -n -p old_types.params 2>err) || { cat err; fail "dry run refused the old types"; }
grep -qF 'old_types.params:9: group "Left": group type Movie: OpenPV removed Movie; read as its successor ImageLayer' err &&
  grep -qF 'old_types.params:18: group "Right": group type MoviePvp: OpenPV removed MoviePvp; read as its successor PvpLayer' err &&
  grep -qF 'group "Error": group type ANNNormalizedErrorLayer: OpenPV removed ANNNormalizedErrorLayer; read as ANNErrorLayer' err ||
  { cat err; fail "successor warnings"; }
grep -qF 'group "Left": key skip_frame_index has no effect' err || { cat err; fail "skip_frame_index warning"; }
grep -qxF 'read as successors: 3 groups of types OpenPV removed (each warned above): Left, Right, Error' <<<"$report" ||
  { echo "$report"; fail "dry-run summary"; }
[ ! -e out ] || fail "the dry run wrote its output directory"
"$spv" -q -p old_types.params -o one >log 2>&1 || { cat log; fail "run"; }
for pair in Left:LeftImage Error:PlainError; do
  cmp -s "one/${pair%:*}.pvp" "one/${pair#*:}.pvp" || fail "${pair%:*} wrote other numbers than its successor ${pair#*:}"
done
[ -s one/Error.pvp ] && [ -s one/Right.pvp ] || fail "missing outputs"
if [ -n "$mpiexec" ]; then
  OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 timeout 120 \
    "$mpiexec" -np 2 --oversubscribe "$spv" -q -rows 2 -p old_types.params -o two >log 2>&1 || { cat log; fail "2 ranks"; }
  for f in Left Right Error; do cmp -s "one/$f.pvp" "two/$f.pvp" || fail "$f.pvp differs on 2 ranks"; done
fi
sed 's|triggerFlag = true; triggerLayerName = "Right";|triggerFlag = true;|' old_types.params >no_trigger.params
"$spv" -n -p no_trigger.params >/dev/null 2>err && fail "triggerFlag = true without triggerLayerName was accepted"
grep -qF 'no_trigger.params:20' err && grep -qF 'group "Error"' err && grep -qF 'triggerFlag' err ||
  { cat err; fail "triggerFlag refusal text"; }
echo ok
