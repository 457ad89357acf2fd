#!/usr/bin/env bash
# Damaged checkpoints and changed sizes are refused with a clear error naming the file (or group and key), and the
# refused restart changes nothing: the output directory and the checkpoint stay byte for byte as they were.
# usage: check_checkpoint_errors.sh SPARSEPV SPV_MAKE_BARS SOURCE_DIR
set -euo pipefail
sparsepv=$1 make_bars=$2 src=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
"$make_bars" --count 4 --size 16 --prob 0.125 --seed 1 --out "$tmp/bars.pvp" >/dev/null
params() {
  cat >"$tmp/run.lua" <<LUA
local net = dofile("$src/lua/examples/bars.lua")
net.Input.inputPath = "$tmp/bars.pvp"
net.column.stopTime = $1
net.V1ToError.writeStep = 40
${2:-}
return net
LUA
}
params 80; "$sparsepv" -q -t 1 -p "$tmp/run.lua" -o "$tmp/out" >/dev/null 2>&1 || fail "first run"
cp -a "$tmp/out" "$tmp/pristine"
# expect CASE SUBSTRING...: a restart from $tmp/out/Last fails naming each substring, and changes nothing.
expect() {
  local name=$1; shift
  params 160 "${EXTRA:-}"
  snapshot=$(cd "$tmp/out" && find . -type f -exec sha256sum {} + | sort)
  if "$sparsepv" -q -t 1 -p "$tmp/run.lua" -o "$tmp/out" -c "$tmp/out/Last" >"$tmp/log" 2>&1; then
    fail "$name: the restart succeeded"
  fi
  for s in "$@"; do grep -qF -- "$s" "$tmp/log" || { cat "$tmp/log"; fail "$name: no \"$s\" in the error"; }; done
  [ "$snapshot" = "$(cd "$tmp/out" && find . -type f -exec sha256sum {} + | sort)" ] || fail "$name: files changed"
  echo "$name: $(head -c 300 "$tmp/log")"
  rm -rf "$tmp/out"; cp -a "$tmp/pristine" "$tmp/out"
}
w="$tmp/out/Last/V1ToError_W.pvp"
truncate -s 1000 "$w"; expect "truncated weight file" "V1ToError_W.pvp" "truncated"
printf '\x01' | dd of="$w" bs=1 seek=2000 conv=notrunc 2>/dev/null; expect "checksum mismatch" "V1ToError_W.pvp" "checksum"
rm "$tmp/out/Last/manifest"; expect "missing manifest" "manifest" "missing manifest"
EXTRA='net.V1.nf = 32' expect "changed layer size" "V1" "nf" "cannot change"
# The checkpoint's time must be where this run's clock puts its step (startTime + step * dt), and before stopTime.
EXTRA='net.column.dt = 0.5' expect "changed dt" "timeinfo" "is not startTime + step * dt = 40" "dt or startTime"
EXTRA='net.column.stopTime = 40' expect "stopTime before the checkpoint" "timeinfo" "past stopTime 40" \
  "nothing left to run"
echo ok
