#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver), which the dashboard's
# browser tests (cli/src/test/.../Dashboard*IT.java) drive through Selenium. Test tools never download a browser here.
# Idempotent: does nothing when both are installed. Needs apt-get, as root (or sudo). Called by install-emulators.sh.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
sudo=""
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-browser: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
log="$(mktemp)"
if ! { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends \
    chromium chromium-driver; } >"$log" 2>&1; then
  echo "install-browser: apt-get failed; last lines:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
rm -f "$log"
