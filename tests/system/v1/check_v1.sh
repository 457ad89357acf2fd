#!/usr/bin/env bash
# E2 pipeline on generated images (32x32 bar images as PNG, so no download): run_v1.sh --images learns the
# dictionary, codes held-out crops and reports; checks the files and their shapes, that the held-out crops are
# reconstructed (PSNR well above that of coding nothing) by a sparse code, that every element was fitted, and that
# bad inputs are refused naming the path.
# usage: check_v1.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
. "$src/tests/system/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inspect() { "$build/tools/spv-pvp-inspect" "$1" | awk -v k="$2" '$1 == k { print $2 }'; }
value() { awk -F= -v k="$2" '$1 == k { print $2 }' "$1"; }

"$build/tools/spv-make-bars" --count 6 --size 32 --prob 0.1 --seed 3 --out "$tmp/bars.pvp" --png-dir "$tmp/png" \
  >/dev/null
"$src/lua/examples/run_v1.sh" --images "$tmp/png" --size 32 --downsample 1 --crops 200 --threads 1 --quiet \
  --build "$build" --out "$tmp/run" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "run_v1.sh"; }
for f in crops.pvp test_crops.pvp learn/V1ToError.pvp infer/Input.pvp infer/Error.pvp infer/V1.pvp \
  tiles_V1ToError.png gabor_fits.csv summary.txt whitened_first_image.png; do
  [ -s "$tmp/run/$f" ] || fail "no $f"
done
[ "$(inspect "$tmp/run/crops.pvp" frames)" = 200 ] || fail "crops.pvp: expected 200 frames"
[ "$(inspect "$tmp/run/crops.pvp" nx)" = 32 ] || fail "crops.pvp: expected 32x32 crops"
[ "$(inspect "$tmp/run/infer/V1.pvp" frames)" = 200 ] || fail "V1.pvp: expected one code per held-out crop"
[ "$(inspect "$tmp/run/infer/V1.pvp" nf)" = 128 ] || fail "V1.pvp: expected 128 features"
[ "$(inspect "$tmp/run/learn/V1ToError.pvp" nxp)" = 8 ] || fail "V1ToError.pvp: expected 8x8 elements"
[ "$(wc -l <"$tmp/run/gabor_fits.csv")" = 129 ] || fail "gabor_fits.csv: expected a row per element"
s=$tmp/run/summary.txt
[ "$(value "$s" elements)" = 128 ] || fail "summary: elements"
# Crops are at unit s.d., so coding nothing (residual = input) gives PSNR = 20 log10(range), about 17 dB for
# these crops; a working code must do clearly better, with few neurons active.
psnr=$(value "$s" psnr_db) active=$(value "$s" active_share)
floor=$("$build/tools/spv-pvp-inspect" "$tmp/run/infer/Input.pvp" --frames |
  awk '$1 == "frame" { r = $12 - $10; s += 20 * log(r) / log(10); n++ } END { if (n) printf "%.3f", s / n }')
[ -n "$floor" ] || fail "could not read the held-out crops' ranges"
awk -v p="$psnr" -v f="$floor" 'BEGIN { exit !(p > f + 6) }' ||
  fail "PSNR $psnr dB is not 6 dB above coding nothing ($floor dB)"
awk -v a="$active" 'BEGIN { exit !(a > 0 && a < 0.1) }' || fail "active share $active not in (0, 0.1)"
echo "ok: held-out PSNR $psnr dB (coding nothing: $floor dB), active share $active"

mkdir -p "$tmp/empty"
if "$build/tools/spv-prepare-natural-images" --images "$tmp/empty" --out "$tmp/x.pvp" --count 3 2>"$tmp/err"; then
  fail "a folder without PNG files was accepted"
fi
grep -q "empty" "$tmp/err" || fail "the refusal does not name the folder: $(cat "$tmp/err")"
if "$build/tools/spv-prepare-natural-images" --images "$tmp/png" --out "$tmp/x.pvp" --count 3 --size 64 2>"$tmp/err"
then fail "crops larger than the images were accepted"; fi
grep -q "smaller than a 64-pixel crop" "$tmp/err" || fail "no size refusal: $(cat "$tmp/err")"
[ ! -e "$tmp/x.pvp" ] && [ ! -e "$tmp/x.pvp.part" ] || fail "a refused preparation left a file"
echo "ok: bad image folders refused"
