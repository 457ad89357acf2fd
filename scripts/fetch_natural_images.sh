#!/usr/bin/env bash
# Puts scikit-image's natural photographs (Debian package python3-skimage, CC0 or public domain: see
# skimage/data/_fetchers.py in the package) into DEST as PNG files; does nothing when they are already there.
# Only the package file is fetched and unpacked (apt-get download, dpkg -x): nothing is installed, no Python runs.
set -euo pipefail
if [ $# -ne 1 ] || [ "$1" = "--help" ] || [ "$1" = "-h" ]; then
  echo "usage: scripts/fetch_natural_images.sh DEST" >&2
  [ $# -eq 1 ] && exit 0 || exit 1
fi
dest=$1
names="astronaut brick camera chelsea coffee coins grass gravel moon motorcycle_left"
have_all() { for n in $names; do [ -s "$dest/$n.png" ] || return 1; done; }
if have_all; then
  echo "natural images already in $dest"
  exit 0
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && apt-get download python3-skimage >/dev/null 2>&1) ||
  { apt-get update -qq >/dev/null 2>&1 && (cd "$scratch" && apt-get download python3-skimage >/dev/null); } ||
  { echo "fetch_natural_images.sh: apt-get download python3-skimage failed" >&2; exit 1; }
dpkg -x "$scratch"/python3-skimage_*.deb "$scratch/x"
data=$(find "$scratch/x" -type d -path '*skimage/data' | head -n1)
[ -n "$data" ] || { echo "fetch_natural_images.sh: no skimage/data in the package" >&2; exit 1; }
mkdir -p "$dest"
for n in $names; do cp "$data/$n.png" "$scratch/$n.png" && mv "$scratch/$n.png" "$dest/$n.png"; done
echo "natural images: $(echo $names | wc -w) PNG files in $dest"
