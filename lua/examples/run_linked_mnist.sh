#!/usr/bin/env bash
# E3 end to end (Barari and Kim, linked dictionaries): fetch and prepare MNIST, learn the linked dictionaries
# (handwritten + printed digits sharing one 256-neuron LCA code), infer codes from the handwritten digit alone for
# the train and test splits, classify them (LR, linear SVM, RBF SVM) next to raw pixels and the paper's Table I,
# and draw the dictionaries and the printed digits reconstructed from handwritten input.
# usage: lua/examples/run_linked_mnist.sh [--ordinal] [--epochs N] [--threads T] [--quiet] [--out DIR] [--build DIR]
# --threads T: OpenMP threads (default: sparsepv's own choice, the machine's cores); --quiet: no progress lines.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build out=$root/output/linked_mnist epochs=1 variant=linked threads=() quiet=()
while [ $# -gt 0 ]; do
  case $1 in
    --ordinal) variant=ordinal ;;
    --epochs) epochs=$2; shift ;;
    --threads) threads=(-t "$2"); shift ;;
    --quiet) quiet=(-q) ;;
    --out) out=$2; shift ;;
    --build) build=$2; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
sparsepv=$build/app/sparsepv tools=$build/tools
data=$root/data-cache/mnist-prepared
export SPV_MNIST_DIR=$data
mkdir -p "$out"

if [ ! -f "$data/test_labels.txt" ]; then
  "$root/scripts/fetch_mnist.sh" "$root/data-cache/mnist"
  "$tools/spv-prepare-mnist" --mnist "$root/data-cache/mnist" --out "$data"
fi

params=$root/lua/examples/linked_mnist.lua
[ $variant = ordinal ] && params=$root/lua/examples/linked_mnist_ordinal.lua
learn=$out/learn_$variant
start=$(date +%s.%N)
SPV_EPOCHS=$epochs "$sparsepv" "${quiet[@]}" "${threads[@]}" -p "$params" -o "$learn"
learn_seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')

for set in train test; do
  SPV_SET=$set SPV_WEIGHTS=$learn "$sparsepv" "${quiet[@]}" "${threads[@]}" \
    -p "$root/lua/examples/linked_mnist_infer.lua" -o "$out/infer_${variant}_$set"
done

"$tools/spv-weight-tiles" --weights "$learn/HandwrittenDict.pvp" --weights "$learn/PrintedDict.pvp" \
  --out-prefix "$out/${variant}_tiles" --columns $([ $variant = linked ] && echo 16 || echo 25) --scale 2 \
  $([ $variant = linked ] && echo --activity "$out/infer_${variant}_train/Code.pvp" --sort-by-frequency)
"$tools/spv-activity-tiles" --activity "$data/test_images.pvp" --out "$out/test_handwritten.png" --count 30
"$tools/spv-activity-tiles" --activity "$out/infer_${variant}_test/PrintedRecon.pvp" \
  --out "$out/${variant}_printed_from_handwritten.png" --count 30

echo
echo "E3 $variant dictionaries: $epochs epoch(s) of 8,000 digits learned in ${learn_seconds} s"
"$tools/spv-classify" --name "$variant codes (handwritten only)" \
  --train-features "$out/infer_${variant}_train/Code.pvp" --train-labels "$data/train_labels.txt" \
  --test-features "$out/infer_${variant}_test/Code.pvp" --test-labels "$data/test_labels.txt" \
  --raw-baseline --train-pixels "$data/train_images.pvp" --test-pixels "$data/test_images.pvp"
if [ $variant = ordinal ]; then
  "$tools/spv-block-share" --codes "$out/infer_${variant}_test/Code.pvp" --labels "$data/test_labels.txt"
fi
echo "paper, Table I: raw pixels 0.9167 / 0.8522 / 0.9250; linked 0.9633 / 0.9619 / 0.981;" \
  "ordinal-linked 0.9541 / 0.9542 / 0.9738 (LR / linear SVM / RBF SVM)"
echo "images: $out/${variant}_tiles_*.png, $out/${variant}_printed_from_handwritten.png" \
  "(inputs: $out/test_handwritten.png)"
