# Shared by the GPU parity scripts (source it): skip (exit 77, ctest's SKIP_RETURN_CODE) unless a GPU is usable.
fail() { echo "FAIL: $*"; exit 1; }

# require_gpu DEVICE_TEST: the CUDA device test exits 77 without a CUDA build or a GPU.
require_gpu() {
  local status=0
  "$1" >/dev/null 2>&1 || status=$?
  if [ "$status" = 77 ]; then echo "skipped: no GPU (or a build without CUDA)"; exit 77; fi
  [ "$status" = 0 ] || fail "the CUDA device test failed (status $status)"
}

# same_within FILE_A FILE_B COLUMN REL LABEL: the numbers in COLUMN of two comma-separated probe files agree line by
# line within REL relative (header skipped), and the files have the same number of lines.
same_within() {
  local a=$1 b=$2 col=$3 rel=$4 label=$5
  [ "$(wc -l <"$a")" = "$(wc -l <"$b")" ] || fail "$label: $(wc -l <"$a") vs $(wc -l <"$b") lines"
  paste -d, "$a" "$b" | awk -F, -v c="$col" -v r="$rel" -v n="$(head -n1 "$a" | awk -F, '{ print NF }')" '
    NR > 1 { x = $c; y = $(c + n); d = x - y; if (d < 0) d = -d; m = x < 0 ? -x : x;
             if (d > r * m) { printf "line %d: %.9g vs %.9g\n", NR, x, y; bad++ }
             if (m > 0 && d / m > worst) worst = d / m }
    END { printf "worst relative difference %.3g over %d lines\n", worst, NR - 1; exit bad > 0 }' ||
    fail "$label: values differ by more than $rel relative"
}
