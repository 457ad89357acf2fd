#!/usr/bin/env bash
# Runs one malformed input and checks: the exit status, every expected stderr substring (file, group, key), that a
# new output directory is not created, and that an existing one is left byte-for-byte as it was.
# usage: run_error_case.sh SPARSEPV PARAMS EXPECT   (EXPECT: first line "exit N", then one substring per line)
set -u
sparsepv=$1 params=$2 expect=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
want_exit=$(head -n1 "$expect" | awk '{print $2}')
fail() { echo "FAIL: $*"; echo "--- stderr:"; cat "$tmp/stderr"; exit 1; }

"$sparsepv" -p "$params" -o "$tmp/new" -q >"$tmp/stdout" 2>"$tmp/stderr"
status=$?
[ "$status" = "$want_exit" ] || fail "exit status $status, expected $want_exit"
tail -n +2 "$expect" | while IFS= read -r part; do
  [ -z "$part" ] && continue
  grep -qF -- "$part" "$tmp/stderr" || { echo "FAIL: stderr lacks \"$part\""; cat "$tmp/stderr"; exit 1; }
done || exit 1
[ "$(wc -l <"$tmp/stderr")" -le 3 ] || fail "expected one clear message, got $(wc -l <"$tmp/stderr") lines"
[ ! -e "$tmp/new" ] || fail "the output directory was created: $(ls -A "$tmp/new")"

mkdir -p "$tmp/existing/sub"
echo "earlier run" >"$tmp/existing/pv.params"
echo "earlier energy" >"$tmp/existing/Energy_batchElement_0.txt"
echo "keep" >"$tmp/existing/sub/keep.txt"
before=$(cd "$tmp/existing" && find . -type f -exec sha256sum {} + | sort)
"$sparsepv" -p "$params" -o "$tmp/existing" -q >/dev/null 2>"$tmp/stderr2"
status=$?
[ "$status" = "$want_exit" ] || fail "second run: exit status $status, expected $want_exit"
after=$(cd "$tmp/existing" && find . -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || fail "an existing output directory changed: $(diff <(echo "$before") <(echo "$after"))"
echo "ok: $(basename "$params")"
