#!/usr/bin/env bash
# Installs every Debian 12 package sparsepv builds and tests with (skips apt when all are present).
set -euo pipefail
packages=(cmake make g++ pkg-config lua5.4 liblua5.4-dev libpng-dev catch2 libopenmpi-dev openmpi-bin liblinear-dev libsvm-dev libfreetype-dev fonts-liberation nlohmann-json3-dev libdnnl-dev python3-numpy python3-scipy python3-matplotlib graphviz chromium clang-14 libomp-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
