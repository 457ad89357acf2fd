#!/usr/bin/env bash
# E4 pipeline on tiny fake MNIST: spv-prepare-dsc-digits, then run_dsc_digits.sh --small (learn, three inference
# modes, flip) with and without feedback; checks the run directory's output contract (files, frame counts, sizes)
# and that switching the feedback off changes the codes.
# usage: check_dsc.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
. "$src/tests/system/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 10 classes x 12 images of 784 pixels: a class-dependent pattern (a real digit is not needed here).
mkdir -p "$tmp/mnist"
for c in 0 1 2 3 4 5 6 7 8 9; do
  awk -v c=$c 'BEGIN { printf "{\"data\": ["; for (i = 0; i < 12 * 784; i++) printf "%s%.3f", (i ? "," : ""),
    ((i * 7 + c * 131) % 97) / 97.0 * (((i % 784) % 28 > 6 && (i % 784) % 28 < 20) ? 1 : 0); printf "]}" }' \
    > "$tmp/mnist/$c.json"
done
"$build/tools/spv-prepare-dsc-digits" --mnist "$tmp/mnist" --out "$tmp/data" --train 96 --test 24 \
  --text-width 64 --flip-cases 3 > /dev/null || fail "spv-prepare-dsc-digits"

# sparsepv --graph draws the small network: the joint layer of 256 neurons fed by both streams' top error layers.
(cd "$tmp" && SPV_DSC_SMALL=1 SPV_DSC_DATA="$tmp/data" "$build/app/sparsepv" --graph "$src/lua/examples/dsc_digits.lua" \
  -o graph > graph.log 2>&1) || { cat "$tmp/graph.log"; fail "--graph on the DSC network"; }
grep -q '"Joint" \[.*label="Joint\\nHyPerLCALayer\\n1 x 1 x 256' "$tmp/graph/network.dot" || fail "--graph: no Joint node"
for e in '"JointVisionError" -> "Joint"' '"JointTextError" -> "Joint"' '"Joint" -> "JointVisionError"'; do
  grep -q "$e" "$tmp/graph/network.dot" || fail "--graph: no edge $e"
done

inspect() { "$build/tools/spv-pvp-inspect" "$1" | awk -v k="$2" '$1 == k { print $2 }'; }
nonblank() { "$build/tools/spv-pvp-inspect" "$1" --frames | awk '$1 == "frame" && $8 > 0 { n++ } END { print n + 0 }'; }
for fb in 1 0; do
  run=$tmp/run$fb
  "$src/lua/examples/run_dsc_digits.sh" --small $([ $fb = 0 ] && echo --no-feedback) --data "$tmp/data" \
    --pairs 32 --test-pairs 20 --flip-cases 3 --train-codes 16 --steps 20 --threads 1 --build "$build" \
    --out "$run" > "$tmp/log$fb" 2>&1 || { cat "$tmp/log$fb"; fail "run_dsc_digits.sh (feedback $fb)"; }
  for d in Vision1Dict Vision2Dict Text1Dict Text2Dict JointVisionDict JointTextDict; do
    [ -s "$run/learn/$d.pvp" ] || fail "learn/$d.pvp missing"
  done
  for mode in both vision text; do
    for f in Joint Vision1 TextRecon VisionRecon; do
      n=$(inspect "$run/infer_$mode/$f.pvp" nbands)
      [ "$n" = 16 ] || fail "infer_$mode/$f.pvp has $n frames, not 16 (20 test pairs rounded down to 16)"
    done
    [ "$(inspect "$run/infer_$mode/Joint.pvp" nf)" = 256 ] || fail "infer_$mode/Joint.pvp is not 256 neurons"
    [ "$(inspect "$run/infer_$mode/TextRecon.pvp" nx)" = 64 ] || fail "infer_$mode/TextRecon.pvp is not 64 wide"
    [ "$(inspect "$run/infer_$mode/VisionRecon.pvp" nx)" = 32 ] || fail "infer_$mode/VisionRecon.pvp is not 32 wide"
  done
  for f in Joint Vision1; do
    [ "$(inspect "$run/flip/$f.pvp" nbands)" = 6 ] || fail "flip/$f.pvp does not hold 2 frames for each of 3 cases"
  done
  [ "$(wc -l < "$run/flip/cases.txt")" = 3 ] || fail "flip/cases.txt is not 3 lines"
  [ "$(inspect "$run/infer_train/Joint.pvp" nbands)" = 16 ] || fail "infer_train/Joint.pvp is not 16 frames"
  cmp -s "$run/labels_train.txt" <(head -n 16 "$tmp/data/labels_train.txt") || fail "labels_train.txt is not the data's"
  [ "$(wc -l < "$run/labels_test.txt")" = 16 ] || fail "labels_test.txt is not 16 lines"
  [ "$(inspect "$run/text_clean.pvp" nbands)" = 10 ] || fail "text_clean.pvp is not 10 frames"
  [ "$(inspect "$run/text_clean_variants.pvp" nbands)" = 90 ] || fail "text_clean_variants.pvp is not 90 frames"
  # Text generated from vision alone is the joint code's reconstruction down the text stream: never blank where the
  # joint code is not (thresholding it as the LCA layers are left it blank after short training).
  active=$(nonblank "$run/infer_vision/Joint.pvp") drawn=$(nonblank "$run/infer_vision/TextRecon.pvp")
  [ "$active" -gt 0 ] && [ "$drawn" = "$active" ] \
    || fail "generated text: $drawn non-blank frames, but the joint code is active in $active (feedback $fb)"
  cmp -s "$run/labels_test.txt" <(head -n 16 "$tmp/data/labels_test.txt") || fail "labels_test.txt is not the data's"
done
echo "ok: output contract (learn, infer_both/vision/text/train, flip, labels, clean text), with and without feedback"
# The joint dictionaries are normalised as one group (normalizeGroup): each joint neuron's vision and text elements
# together have unit L2 norm, neither alone.
norms=$(for d in JointVisionDict JointTextDict; do "$build/tools/spv-pvp-inspect" "$tmp/run1/learn/$d.pvp" --csv \
  | awk -F, -v d=$d 'NR > 1 { s[$3] += $7 * $7 } END { for (k in s) print d, k, s[k] }'; done \
  | awk '{ t[$2] += $3; if ($1 == "JointTextDict") x[$2] = $3 }
         END { for (k in t) { n++; if (t[k] < 0.9999 || t[k] > 1.0001) bad++; if (x[k] < 0.99) part++ }
               print n, bad + 0, part + 0 }')
read -r kernels bad part <<< "$norms"
[ "$kernels" = 256 ] && [ "$bad" = 0 ] && [ "$part" -gt 0 ] \
  || fail "joint dictionaries: $kernels kernels, $bad without unit group norm, $part with a text part below 1"
echo "ok: the joint dictionaries share one unit norm per joint neuron"
cmp -s "$tmp/run1/infer_both/Joint.pvp" "$tmp/run0/infer_both/Joint.pvp" && fail "feedback off changed nothing"
cmp -s "$tmp/run1/learn/Vision1Dict.pvp" "$tmp/run0/learn/Vision1Dict.pvp" && fail "feedback off learned the same"
echo "ok: switching the feedback off changes the learned dictionaries and the joint codes"
