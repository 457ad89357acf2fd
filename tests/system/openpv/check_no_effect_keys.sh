#!/usr/bin/env bash
# OpenPV-only keys without effect: accepted, one warning line per key naming file:line, group and key, with the count
# of further groups; the dry run exits 0.
# usage: check_no_effect_keys.sh SPARSEPV PARAMS
set -u
out=$("$1" -n -p "$2" 2>&1 >/dev/null); status=$?
[ "$status" = 0 ] || { echo "FAIL: exit $status"; echo "$out"; exit 1; }
n=$(grep -c 'key restart has no effect' <<<"$out")
[ "$n" = 1 ] || { echo "FAIL: expected one warning for restart, got $n"; echo "$out"; exit 1; }
grep -qF 'no_effect_keys.params:13: group "A": key restart has no effect' <<<"$out" &&
  grep -qF '(and in 1 more group)' <<<"$out" || { echo "FAIL: warning text"; echo "$out"; exit 1; }
# The dry run's report ends with the migration summary: the ignored keys, once each.
report=$("$1" -n -p "$2" 2>/dev/null)
grep -qxF 'ignored: 1 OpenPV key without effect in sparsepv (each warned above, with why): restart' <<<"$report" ||
  { echo "FAIL: migration summary"; echo "$report"; exit 1; }
echo "ok"
