#!/usr/bin/env bash
# E5 end to end (Ba, spike sorting as convolutional dictionary learning): simulate a recording (3 units, 30 Hz
# Poisson firing, 10 kHz, Gaussian noise), learn 3 filters with a 1-D LCA network, code the recording with them,
# and score the filters (error at the best shift, target < 0.1) and the detected spikes (F1 within 0.5 ms, target
# >= 0.9) against the truth.
# usage: lua/examples/run_spikes.sh [--small] [--seed S] [--epochs N] [--coarse-epochs N] [--threads T] [--quiet]
#                                   [--out DIR] [--recording FILE.pvp [--truth FILE.csv]] [--build DIR]
# --small: a 12 s recording instead of 30 s; --seed: of the simulated recording and the starting filters (default
# 1); --coarse-epochs, --epochs: passes over the recording in the two learning stages (lambda 0.3, then 0.8;
# default 3 and 8); --threads T: OpenMP threads (default: sparsepv's choice);
# --quiet: no progress lines. --recording: learn on that file instead (a dense PVP of 1-D frames, nf = 1, as
# spv-make-spikes writes); the truth is optional (--truth scores against it).
# Writes DIR/filters.pvp (the learned dictionary's weight PVP), DIR/spike_times.csv ("frame,unit,sample", the
# sample of the filter's first tap in the frame), and with a truth DIR/summary.txt and DIR/filters.png.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build out=$root/output/spikes seconds=30 seed=1 epochs=8 coarse_epochs=3 threads=() quiet=() recording= truth=
while [ $# -gt 0 ]; do
  case $1 in
    --small) seconds=12 ;;
    --seed) seed=$2; shift ;;
    --epochs) epochs=$2; shift ;;
    --coarse-epochs) coarse_epochs=$2; shift ;;
    --threads) threads=(-t "$2"); shift ;;
    --quiet) quiet=(-q) ;;
    --out) out=$2; shift ;;
    --recording) recording=$2; shift ;;
    --truth) truth=$2; shift ;;
    --build) build=$2; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
sparsepv=$build/app/sparsepv tools=$build/tools
[ -x "$sparsepv" ] || { echo "no sparsepv at $sparsepv (build first, or --build DIR)" >&2; exit 2; }
mkdir -p "$out"

if [ -z "$recording" ]; then
  recording=$out/recording.pvp truth=$out/truth.csv
  "$tools/spv-make-spikes" --seconds "$seconds" --seed "$seed" --out "$recording" --truth "$truth"
fi
[ -f "$recording" ] || { echo "no recording $recording" >&2; exit 2; }
header=$("$tools/spv-pvp-inspect" "$recording")
field() { awk -v k="$1" '$1 == k || $1 == k ":" { print $2; exit }' <<<"$header"; }
frames=$(field frames) nx=$(field nx)
[ "$(field ny)" = 1 ] && [ "$(field nf)" = 1 ] || { echo "$recording: expected 1-D frames (ny = nf = 1)" >&2; exit 2; }
export SPV_RECORDING=$recording SPV_FRAMES=$frames SPV_FRAME_SAMPLES=$nx
params=$root/lua/examples/spike_sorting.lua

start=$(date +%s.%N)
"$tools/spv-init-spike-filters" --out "$out/initial_filters.pvp" --taps 61 --count 3 --seed "$seed" >/dev/null
# Two stages: a coarse one at a low threshold, where every filter takes part, then the fine one from its filters.
SPV_STAGE=coarse SPV_EPOCHS=$coarse_epochs SPV_INITIAL_FILTERS=$out/initial_filters.pvp \
  "$sparsepv" "${quiet[@]}" "${threads[@]}" -p "$params" -o "$out/learn_coarse"
SPV_STAGE=fine SPV_EPOCHS=$epochs SPV_INITIAL_FILTERS=$out/learn_coarse/CodeToResidual.pvp \
  "$sparsepv" "${quiet[@]}" "${threads[@]}" -p "$params" -o "$out/learn"
learn_seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
cp "$out/learn/CodeToResidual.pvp" "$out/filters.pvp"
SPV_LEARN=0 SPV_WEIGHTS=$out/filters.pvp "$sparsepv" "${quiet[@]}" "${threads[@]}" -p "$params" -o "$out/infer"
total_seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')

report=(--filters "$out/filters.pvp" --codes "$out/infer/Code.pvp" --spikes-out "$out/spike_times.csv")
[ -n "$truth" ] && report+=(--truth "$truth" --summary "$out/summary.txt" --figure "$out/filters.png")
"$tools/spv-spike-report" "${report[@]}" --min-amplitude 0.2
echo
echo "E5: $frames frames of $nx samples ($(awk -v f="$frames" -v n="$nx" 'BEGIN { printf "%.1f", f * n / 1e4 }') s" \
  "at 10 kHz), $coarse_epochs + $epochs epochs: filters learned in $learn_seconds s, learned and sorted in $total_seconds s" \
  "(the talk: CRsAE 69 s, SPORCO 320 s to learn the shapes)"
echo "filters: $out/filters.pvp; spikes: $out/spike_times.csv$([ -n "$truth" ] && echo "; figure: $out/filters.png")"
