#!/usr/bin/env bash
# E2 end to end (V1-like receptive fields from natural images): fetch scikit-image's photographs (Debian package
# python3-skimage, unpacked, no Python run), whiten them and cut crops, learn a convolutional dictionary of 128
# features of 8x8 at stride 2 with momentum, code held-out crops with it, and report reconstruction PSNR, the share
# of active neurons and the share of elements a 2-D Gabor fits (R^2 >= 0.8) and that are V1-like, with the tiles.
# usage: lua/examples/run_v1.sh [--small] [--crops N] [--threads T] [--quiet] [--out DIR] [--images DIR]
#                               [--size S] [--downsample D] [--build DIR]
# --small: 800 crops of 32x32 instead of 8,000 of 64x64; --crops N: crops learned from; --threads T: OpenMP
# threads (default: sparsepv's choice); --quiet: no progress lines; --images DIR: other PNG files instead;
# --size, --downsample: crop size and the image downsampling before it (default 64 and 2).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build out=$root/output/v1 crops=8000 size=64 downsample=2 threads=() quiet=() images=
while [ $# -gt 0 ]; do
  case $1 in
    --small) crops=800 size=32 ;;
    --crops) crops=$2; shift ;;
    --size) size=$2; shift ;;
    --downsample) downsample=$2; shift ;;
    --threads) threads=(-t "$2"); shift ;;
    --quiet) quiet=(-q) ;;
    --out) out=$2; shift ;;
    --images) images=$2; shift ;;
    --build) build=$2; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
sparsepv=$build/app/sparsepv tools=$build/tools
[ -x "$sparsepv" ] || { echo "no sparsepv at $sparsepv (build first, or --build DIR)" >&2; exit 2; }
if [ -z "$images" ]; then
  images=$root/data-cache/natural
  "$root/scripts/fetch_natural_images.sh" "$images"
fi
mkdir -p "$out"
held_out=200
"$tools/spv-prepare-natural-images" --images "$images" --out "$out/crops.pvp" --count "$crops" --size "$size" \
  --downsample "$downsample" --seed 1 --png "$out/whitened_first_image.png"
"$tools/spv-prepare-natural-images" --images "$images" --out "$out/test_crops.pvp" --count $held_out \
  --size "$size" --downsample "$downsample" --seed 2
params=$root/lua/examples/v1_natural.lua
export SPV_SIZE=$size

start=$(date +%s.%N)
SPV_IMAGES=$out/crops.pvp SPV_CROPS=$crops "$sparsepv" "${quiet[@]}" "${threads[@]}" -p "$params" -o "$out/learn"
learn_seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
SPV_LEARN=0 SPV_IMAGES=$out/test_crops.pvp SPV_CROPS=$held_out SPV_WEIGHTS=$out/learn/V1ToError.pvp \
  "$sparsepv" "${quiet[@]}" "${threads[@]}" -p "$params" -o "$out/infer"

"$tools/spv-weight-tiles" --weights "$out/learn/V1ToError.pvp" --out-prefix "$out/tiles" --columns 16 --scale 4 \
  >/dev/null
echo
echo "E2: $crops crops of ${size}x$size learned in $learn_seconds s; $held_out held-out crops coded:"
"$tools/spv-v1-report" --weights "$out/learn/V1ToError.pvp" --input "$out/infer/Input.pvp" \
  --error "$out/infer/Error.pvp" --code "$out/infer/V1.pvp" --fits "$out/gabor_fits.csv" --summary "$out/summary.txt"
echo "dictionary: $out/tiles_V1ToError.png; fits: $out/gabor_fits.csv; summary: $out/summary.txt"
