#!/usr/bin/env bash
# Warm starts from OpenPV's checkpoints, and dry runs before a pipeline's earlier stage has written its files.
# 1. An OpenPV-layout checkpoint (NAME_W.pvp beside OpenPV's timeinfo.bin, no sparsepv manifest) made from a weight
#    file sparsepv wrote with weight 2.5: a warm start reads it (Output = 2.5 x 1, where its own initialiser says 1),
#    with one warning naming it; -c from it is refused with the reason.
# 2. A dry run whose initializeFromCheckpointDir, inputPath or initWeightsFile does not exist yet exits 0 and lists the missing files;
#    a real run of the same file refuses each.
# With MPIEXEC, the warm start is also run on 2 ranks (2 rows), with the same probe file byte for byte.
# usage: check_warm_start.sh SPARSEPV SOURCE_DIR [MPIEXEC]
set -u
spv=$1 src=$2 mpiexec=${3:-}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
make_params() {  # OUT WARM_DIR WEIGHT WRITE_STEP
  sed -e "s|WARM_DIR|$2|" -e "s|WEIGHT|$3|" -e "s|WRITE_STEP|$4|" "$src/tests/system/openpv/warm_start.params" >"$1"
}
cd "$work" || exit 1
# The weight file: the same network with no warm start and weight 2.5, its weights written at t = 0.
make_params first.params "" 2.5 1
sed -i '/initializeFromCheckpointDir/d' first.params
"$spv" -q -p first.params -o first >log 2>&1 || { cat log; fail "first run"; }
mkdir openpv_checkpoint
cp first/W.pvp openpv_checkpoint/W_W.pvp
printf '\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' >openpv_checkpoint/timeinfo.bin  # OpenPV's time and step, 16 bytes
make_params warm.params openpv_checkpoint 1 -1
"$spv" -q -p warm.params -o warm >log 2>&1 || { cat log; fail "warm start from the OpenPV checkpoint"; }
grep -q 'openpv_checkpoint (initializeFromCheckpointDir at warm.params:5) is an OpenPV checkpoint' log ||
  { cat log; fail "no warning naming the OpenPV checkpoint"; }
# StatsProbe rows: "t==   2.0 b==0 N==4 Total==... Min==... Avg==A ..."; every Output value is 2.5 from t = 1 on.
stats=warm/OutputStats_batchElement_0.txt
avg=$(grep '^t== *2.0 ' "$stats" | grep -o 'Avg==[-0-9.e+]*')
[ "$avg" = Avg==2.500000 ] || { cat "$stats"; fail "Output at t = 2: '$avg', want Avg==2.500000"; }
if [ -n "$mpiexec" ]; then
  OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 timeout 120 \
    "$mpiexec" -np 2 --oversubscribe "$spv" -q -rows 2 -p warm.params -o warm2 >log 2>&1 || { cat log; fail "2 ranks"; }
  cmp -s "$stats" warm2/OutputStats_batchElement_0.txt || fail "the warm start on 2 ranks wrote another probe file"
fi
"$spv" -q -p warm.params -o again -c openpv_checkpoint >log 2>&1 && fail "-c from an OpenPV checkpoint was accepted"
grep -q 'is an OpenPV checkpoint: sparsepv continues a run (-c, -r) only from its own checkpoints' log ||
  { cat log; fail "-c refusal text"; }
[ ! -e again ] || fail "the refused run created its output directory"

# Dry runs before the files exist.
make_params later.params not_yet_written 1 -1
sed -i 's|ConstantLayer "Input" = { nf = 1; InitVType = "ConstantV"; valueV = 1;|PvpLayer "Input" = { nf = 1; inputPath = "frames_not_yet.pvp"; displayPeriod = 1;|' later.params
sed -i 's|weightInitType = "UniformWeight"; weightInit = 1;|weightInitType = "FileWeight"; initWeightsFile = "weights_not_yet.pvp";|' later.params
report=$("$spv" -n -p later.params 2>err) || { cat err; fail "dry run with files not yet written"; }
grep -qxF 'not found: 3 files the run will read (checked without them here; a real run needs them):' <<<"$report" &&
  grep -qF 'frames_not_yet.pvp (inputPath of layer "Input" at later.params:' <<<"$report" &&
  grep -qF 'weights_not_yet.pvp (initWeightsFile of connection "W" at later.params:' <<<"$report" &&
  grep -qF 'not_yet_written (initializeFromCheckpointDir at later.params:5)' <<<"$report" || { echo "$report"; fail "dry-run report"; }
[ -z "$(find . -newer later.params ! -name err ! -name . )" ] || fail "the dry run wrote files: $(find . -newer later.params)"
"$spv" -q -p later.params -o late >log 2>&1 && fail "a real run without its files was accepted"
grep -q 'frames_not_yet.pvp: no such file (inputPath of layer "Input" at later.params:' log || { cat log; fail "missing input error"; }
make_params later2.params not_yet_written 1 -1
"$spv" -q -p later2.params -o late >log 2>&1 && fail "a real run without its warm-start checkpoint was accepted"
grep -q 'not_yet_written: no such checkpoint directory' log || { cat log; fail "missing checkpoint error"; }
[ ! -e late ] || fail "a refused run created its output directory"
echo ok
