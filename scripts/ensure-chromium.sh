#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser). On a fresh machine
# where it is missing, install it from Debian's packages when we may; otherwise say how.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests (apt-get install chromium)..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $browser: run 'sudo apt-get install chromium'," >&2
echo "or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
