#!/usr/bin/env bash
# The CPU back-end in one table: the LCA tutorial network (E6, 400 steps) in ms per step, loop (timers.txt) and whole
# process (/usr/bin/time), at 1 and 2 threads, for each delivery choice (auto; all dense gathers; all sparse
# scatters; oneDNN for the dense one), with the multiply-adds it did per second and its share of this CPU's FMA peak,
# and peak RSS against the float32 state the network must hold; then one dense convolution alone
# (build/bench/spv-conv-bench). With OPENPV_RUNNER (and PVMODULE_DIR) set, OpenPV on the same params beside it.
# Each figure is the best of REPS runs (default 3): on a shared machine the best is the least disturbed.
# usage: bench/backend_bench.sh [BUILD_DIR] [REPS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
reps=${2:-3}
sparsepv=$build/app/sparsepv
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
steps=400

# Peak: cores x GHz x FMA units x SIMD lanes x 2 flops. lscpu gives the cores and flags; the clock is lscpu's
# "CPU max MHz" where it reports one, else the nominal "cpu MHz" of /proc/cpuinfo (a VM hides boost: the cores may
# run faster, so shares near or above 100% mean boost). Two FMA units per core is an assumption (AMD Zen 4/5, Intel
# server cores); lanes are 16 floats with AVX-512, 8 with AVX2.
cores=$(lscpu | awk -F: '/^CPU\(s\):/ { gsub(/ /, "", $2); print $2 }')
mhz=$(lscpu | awk -F: '/CPU max MHz/ { gsub(/ /, "", $2); print $2 }')
[ -n "$mhz" ] || mhz=$(awk -F: '/cpu MHz/ { gsub(/ /, "", $2); print $2; exit }' /proc/cpuinfo)
if grep -qw avx512f /proc/cpuinfo; then lanes=16; elif grep -qw avx2 /proc/cpuinfo; then lanes=8; else lanes=4; fi
fma_units=2
peak_core=$(awk -v m="$mhz" -v l=$lanes -v u=$fma_units 'BEGIN { printf "%.1f", m / 1000 * u * l }')  # GMAC/s
echo "CPU: $(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2 }'), $cores cores at $mhz MHz (assumed), $fma_units FMA units x $lanes lanes"
echo "FMA peak: $peak_core GMAC/s per core = $(awk -v p="$peak_core" 'BEGIN { printf "%.1f", 2 * p }') GFLOP/s per core"
echo

# Float32 state of the tutorial: V, A and two GSyn channels of every layer (restricted sizes; halos add a few %),
# and the one dictionary (128 kernels of 8x8x3).
state_floats=$(( 4 * (3 * 32 * 32 * 3 + 16 * 16 * 128) + 128 * 8 * 8 * 3 ))
dense_macs=$(( 16 * 16 * 128 * 8 * 8 * 3 ))  # ErrorToV1: every code neuron from its 8x8x3 window

variant() {  # name -> a params file
  local name=$1 file=$tmp/$1.lua
  {
    echo "local net = dofile(\"$root/lua/examples/lca_tutorial.lua\")"
    case $name in
      auto) ;;
      dense) echo 'for _, c in ipairs({"ErrorToV1", "V1ToRecon"}) do net[c].deliveryMethod = "perspective"; net[c].updateGSynFromPostPerspective = true end' ;;
      sparse) echo 'for _, c in ipairs({"ErrorToV1", "V1ToRecon"}) do net[c].deliveryMethod = "perspective"; net[c].updateGSynFromPostPerspective = false end' ;;
      library) echo 'net.ErrorToV1.deliveryMethod = "library"' ;;
    esac
    echo "return net"
  } >"$file"
  echo "$file"
}

printf '%-24s %7s %10s %10s %9s %7s %9s %9s\n' "sparsepv tutorial" threads "loop ms" "process ms" "GMAC/s" "% peak" "RSS MB" "x state"
for name in auto dense sparse library; do
  if [ $name = library ] && ! "$sparsepv" -n -q -p "$(variant library)" -o "$tmp/out" >/dev/null 2>&1; then
    echo "library: not built (install libdnnl-dev and re-run cmake)"; continue
  fi
  params=$(variant $name)
  for threads in 1 2; do
    best_loop=; best_wall=; rss=
    for rep in $(seq "$reps"); do
      /usr/bin/time -v -o "$tmp/time" "$sparsepv" -q -p "$params" -o "$tmp/out" -t "$threads" >/dev/null
      wall=$(awk -F': ' '/Elapsed/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tmp/time")
      loop=$(awk -F'  +' 'NR > 1 { s += $2 } END { print s }' "$tmp/out/timers.txt")
      rss=$(awk -F': ' '/Maximum resident/ { print $2 }' "$tmp/time")
      if [ -z "$best_loop" ] || awk -v a="$loop" -v b="$best_loop" 'BEGIN { exit !(a < b) }'; then best_loop=$loop; fi
      if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
    done
    # Multiply-adds done per step: the error-to-code convolution in full (gathered, or scattered from an error layer
    # that is all active), plus the reconstruction: 192 per active code neuron scattered (the L0 probe's mean nnz;
    # edge patches are clipped, so a little less), or the whole convolution gathered.
    nnz=$(awk -F', *' '$1 + 0 > 0 { s += $4; n++ } END { print s / n }' "$tmp/out/V1L0NormProbe_batchElement_0.txt")
    if [ $name = dense ]; then macs=$(( 2 * dense_macs ))
    else macs=$(awk -v d=$dense_macs -v z="$nnz" 'BEGIN { print d + z * 192 }'); fi
    awk -v n="$name" -v t="$threads" -v l="$best_loop" -v w="$best_wall" -v s=$steps -v m="$macs" -v p="$peak_core" \
        -v r="$rss" -v f=$state_floats 'BEGIN {
      gmacs = m * s / l / 1e9
      printf "%-24s %7d %10.3f %10.3f %9.2f %6.1f%% %9.1f %9.0f\n", n, t, 1000 * l / s, 1000 * w / s, gmacs,
             100 * gmacs / (p * t), r / 1024, r * 1024 / (4 * f) }'
  done
done
echo "(float32 state: $state_floats floats = $(awk -v f=$state_floats 'BEGIN { printf "%.2f", 4 * f / 1048576 }') MB;"\
     "the RSS is mostly the executable, its libraries and oneDNN's code)"

if [ -n "${OPENPV_RUNNER:-}" ]; then
  PVMODULE_DIR=${PVMODULE_DIR:?set PVMODULE_DIR to the parameterWrapper directory of OpenPV} \
    lua5.4 "$root/../shared/tools/openpv-params.lua" "$root/lua/examples/lca_tutorial.lua" >"$tmp/tutorial.params"
  for threads in 1 2; do
    best_loop=; best_wall=; rss=
    for rep in $(seq "$reps"); do
      rm -rf "$tmp/openpv" && mkdir "$tmp/openpv" && cp "$tmp/tutorial.params" "$tmp/openpv/"
      (cd "$tmp/openpv" && /usr/bin/time -v -o time "$OPENPV_RUNNER" -p tutorial.params -t "$threads" >log 2>&1)
      wall=$(awk -F': ' '/Elapsed/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tmp/openpv/time")
      # OpenPV's own loop timer: "column: total time in column run : processor cycle time == MS".
      loop=$(awk '/total time in column +run / { print $NF / 1000 }' "$tmp/openpv/log")
      rss=$(awk -F': ' '/Maximum resident/ { print $2 }' "$tmp/openpv/time")
      if [ -z "$best_loop" ] || awk -v a="$loop" -v b="$best_loop" 'BEGIN { exit !(a < b) }'; then best_loop=$loop; fi
      if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
    done
    awk -v t="$threads" -v l="$best_loop" -v w="$best_wall" -v s=$steps -v r="$rss" -v f=$state_floats 'BEGIN {
      printf "%-24s %7d %10.3f %10.3f %9s %7s %9.1f %9.0f\n", "OpenPV (same params)", t, 1000 * l / s, 1000 * w / s, "-", "-",
             r / 1024, r * 1024 / (4 * f) }'
  done
fi

echo
echo "one dense convolution (spv-conv-bench; scatter rows: the reverse direction from a 7%-active code)"
for threads in 1 2; do
  echo "threads $threads"
  "$build/bench/spv-conv-bench" "$threads" | awk -v p="$peak_core" -v t="$threads" '
    NR == 1 { printf "%s %8s\n", $0, "% peak"; next }
    { printf "%s %7.1f%%\n", $0, 100 * $NF / (p * t) }'
done
