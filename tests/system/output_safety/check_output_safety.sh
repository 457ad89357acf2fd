#!/usr/bin/env bash
# The output-safety contract (README, "Output safety") on a small network run once into $tmp/out, after which:
# (a) a dry run (-n) changes, creates and touches nothing, and prints every layer with its size, every connection and
#     probe, and the memory the state needs (the byte count worked out by hand below);
# (b) a checkpoint directory that is (also after normalisation) or contains the output directory is refused, naming
#     the params file, the column and both keys;
# (c) a group named "../X" is refused, and nothing appears outside the output directory;
# (d) two probes with one output file are refused naming both (and printParamsFilename against a layer's .pvp);
# (e) a params error (a misspelt key) and a missing input file leave every file byte for byte as it was.
# Every refused or dry run must also leave a fresh output directory uncreated, and no file or directory under the
# test's tree newer than the moment it started (so nothing was created and removed again either).
# usage: check_output_safety.sh SPARSEPV
set -euo pipefail
sparsepv=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
in="$tmp/in"  # params and logs: the only place this script itself writes after the first run
mkdir "$in" "$tmp/cwd"
cd "$tmp/cwd"  # relative paths in the params resolve here

# params [LUA]: 8x8, Input (2 features, constant) -> Output (4 features) through 1x1 weights, two probes on Output.
params() {
  cat >"$in/net.lua" <<LUA
local net = {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, dt = 1, stopTime = 5, outputPath = "$tmp/out" },
  Input = { groupType = "ConstantLayer", nf = 2, phase = 0, InitVType = "ConstantV", valueV = 1, writeStep = 1 },
  Output = { groupType = "HyPerLayer", nf = 4, phase = 1, writeStep = 1 },
  InputToOutput = { groupType = "HyPerConn", preLayerName = "Input", postLayerName = "Output", channelCode = 0,
                    nxp = 1, nyp = 1, weightInitType = "UniformRandomWeight", wMinInit = 0, wMaxInit = 1,
                    normalizeMethod = "none", writeStep = 5 },
  OutputNorm = { groupType = "L2NormProbe", targetLayer = "Output", probeOutputFile = "norm.txt" },
  OutputNnz = { groupType = "L0NormProbe", targetLayer = "Output", probeOutputFile = "nnz.txt" },
}
${1:-}
return net
LUA
}
# Every path under $tmp but $in, with the checksum of each file.
snapshot() {
  (cd "$tmp" && find . -path ./in -prune -o -print | sort && find . -path ./in -prune -o -type f -print0 | sort -z |
    xargs -0 sha256sum)
}
# Anything under $tmp but $in modified after the marker.
touched() { (cd "$tmp" && find . -path ./in -prune -o -newer "$in/marker" -print); }
start_clock() { touch "$in/marker"; sleep 0.05; }  # timestamps are coarse: later writes must read as newer

params; "$sparsepv" -q -t 1 -p "$in/net.lua" >"$in/log" 2>&1 || { cat "$in/log"; fail "the first run"; }
for f in pv.params pv.params.lua timers.txt Input.pvp Output.pvp InputToOutput.pvp norm_batchElement_0.txt \
  nnz_batchElement_0.txt Last/manifest; do
  [ -f "$tmp/out/$f" ] || fail "the first run wrote no $f"
done
before=$(snapshot)
echo "first run: $(find "$tmp/out" -type f | wc -l) files (checkpoint included)"

# (a) The dry run.
start_clock
"$sparsepv" -n -t 1 -p "$in/net.lua" >"$in/dry" 2>&1 || { cat "$in/dry"; fail "the dry run failed"; }
[ "$before" = "$(snapshot)" ] || fail "dry run: files changed: $(diff <(echo "$before") <(snapshot) | head)"
[ -z "$(touched)" ] || fail "dry run: touched $(touched)"
grep -Eq '^ +Input +ConstantLayer +8 x 8 x 2, batch 1$' "$in/dry" || { cat "$in/dry"; fail "dry run: no Input size"; }
grep -Eq '^ +Output +HyPerLayer +8 x 8 x 4, batch 1$' "$in/dry" || fail "dry run: no Output size"
grep -Eq '^ +InputToOutput +HyPerConn +Input -> Output, patch 1 x 1 x 4, 8 weights$' "$in/dry" ||
  fail "dry run: no connection line"
grep -Eq '^ +OutputNnz +L0NormProbe +layer Output; nnz_batchElement_0.txt$' "$in/dry" || fail "dry run: no probe line"
# By hand: Input 128 neurons x (V, A, 2 GSyn) + Output 256 x 4 floats = 6144 bytes (no halo: a 1x1 patch between
# equal sizes); weights 2 kernels x 1x1x4 = 8 floats = 32 bytes.
grep -q '^memory: 0.01 MiB (6176 bytes: layer buffers 6144, weights 32)$' "$in/dry" ||
  fail "dry run: memory line: $(grep memory "$in/dry")"
start_clock
"$sparsepv" -n -q -t 1 -p "$in/net.lua" -o "$tmp/fresh" >/dev/null 2>&1 || fail "dry run into a fresh directory"
[ ! -e "$tmp/fresh" ] && [ -z "$(touched)" ] || fail "dry run: created $tmp/fresh or touched $(touched)"
echo "a: the dry run wrote nothing and printed $(grep -c ', batch ' "$in/dry") layers and '$(grep memory "$in/dry")'"

# refused NAME LUA SUBSTRING...: the run with LUA fails naming each substring and changes nothing; into a fresh
# output directory (-o) it creates none, unless SAME_OUTPUT_ONLY is set (the case is about $tmp/out itself).
refused() {
  local name=$1 lua=$2; shift 2
  params "$lua"
  start_clock
  if "$sparsepv" -q -t 1 -p "$in/net.lua" >"$in/log" 2>&1; then fail "$name: the run succeeded"; fi
  for s in "$@"; do grep -qF -- "$s" "$in/log" || { cat "$in/log"; fail "$name: no \"$s\" in the error"; }; done
  [ "$before" = "$(snapshot)" ] || fail "$name: files changed: $(diff <(echo "$before") <(snapshot) | head)"
  [ -z "$(touched)" ] || fail "$name: touched $(touched)"
  if [ -z "${SAME_OUTPUT_ONLY:-}" ]; then
    if "$sparsepv" -q -t 1 -p "$in/net.lua" -o "$tmp/fresh" >/dev/null 2>&1; then fail "$name: the run into fresh succeeded"; fi
    [ ! -e "$tmp/fresh" ] || fail "$name: created $tmp/fresh"
  fi
  echo "$name: $(grep -m1 'error' "$in/log" | cut -c 1-240)"
}

# (b) Checkpoint directories against the output directory.
for dir in '"$tmp/out"' '"$tmp/out/"' '"$tmp/out/."' '"$tmp/cwd/../out"' '"../out"' '"$tmp/out/sub/.."'; do
  eval "value=$dir"
  SAME_OUTPUT_ONLY=1 refused "b: lastCheckpointDir $value" "net.column.lastCheckpointDir = \"$value\"" \
    net.lua 'group "column"' lastCheckpointDir outputPath
done
refused "b: checkpointWriteDir containing the output" "net.column.checkpointWriteDir = \"$tmp\"" \
  net.lua checkpointWriteDir outputPath
refused "b: checkpointWriteDir = lastCheckpointDir" \
  "net.column.checkpointWriteDir = \"$tmp/ck\"; net.column.lastCheckpointDir = \"$tmp/ck/\"" \
  checkpointWriteDir lastCheckpointDir

# (c) A group name that leaves the output directory.
refused "c: group ../X" 'net["../X"] = { groupType = "HyPerLayer", nf = 1, phase = 1, writeStep = 1 }' \
  net.lua '"../X"'
[ ! -e "$tmp/X.pvp" ] || fail "c: X.pvp was written outside the output directory"

# (d) Two writers of one file.
refused "d: two probes, one file" 'net.OutputNnz.probeOutputFile = "norm.txt"' \
  OutputNorm OutputNnz probeOutputFile norm_batchElement_0.txt
refused "d: params echo over a layer's file" 'net.column.printParamsFilename = "Output.pvp"' \
  printParamsFilename '"Output"' writeStep
refused "d: probe file escaping" 'net.OutputNnz.probeOutputFile = "../nnz.txt"' OutputNnz probeOutputFile '..'

# (e) Errors found while building or initialising.
refused "e: misspelt key" 'net.Output.writeStepp = 2' net.lua Output writeStepp writeStep
refused "e: missing weights file" \
  "net.InputToOutput.weightInitType = \"FileWeight\"; net.InputToOutput.initWeightsFile = \"$in/missing.pvp\"" \
  missing.pvp
echo "ok: output safety"
