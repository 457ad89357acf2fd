#!/usr/bin/env bash
# Screenshot of an HTML report in headless Chromium (Debian package chromium, installed when missing), to look at
# the page as a reader sees it.
# usage: scripts/screenshot_report.sh REPORT.html [SHOT.png] [WIDTH] [HEIGHT]   (defaults: REPORT.png, 1400 x 3000)
set -euo pipefail
[ $# -ge 1 ] && [ "$1" != -h ] && [ "$1" != --help ] || { sed -n '2,4p' "$0"; exit 2; }
report=$(realpath "$1")
shot=${2:-${report%.html}.png}
width=${3:-1400} height=${4:-3000}
[ -f "$report" ] || { echo "no such report: $report" >&2; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  apt-get install -y chromium >&2
  browser=$(command -v chromium)
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars --screenshot="$(realpath -m "$shot")" \
  --window-size="$width,$height" "file://$report" 2> "$profile/chromium.log" || { cat "$profile/chromium.log" >&2; exit 1; }
[ -s "$shot" ] || { echo "chromium wrote no screenshot" >&2; cat "$profile/chromium.log" >&2; exit 1; }
echo "screenshot: $shot"
