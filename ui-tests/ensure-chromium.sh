#!/bin/sh
# Installs Debian's chromium when /usr/bin/chromium is absent (the browser test runs this before starting).
# Exit 0 when /usr/bin/chromium exists afterwards; non-zero (with the reason on stderr) when it cannot be installed.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "apt-get is not available: cannot install chromium" >&2
  exit 2
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "not root and no password-less sudo: cannot install chromium" >&2
    exit 3
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >&2 || { echo "apt-get update failed" >&2; exit 4; }
$SUDO apt-get install -y -q --no-install-recommends chromium >&2 || { echo "apt-get install chromium failed" >&2; exit 5; }
[ -x /usr/bin/chromium ] || { echo "chromium installed but /usr/bin/chromium is missing" >&2; exit 6; }
