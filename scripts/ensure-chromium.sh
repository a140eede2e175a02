#!/usr/bin/env bash
# The browser check drives Debian's Chromium (no browser download): install it when missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then command -v chromium; exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "Chromium is missing: run 'sudo apt-get install -y chromium'" >&2; exit 1; fi
echo "Installing Debian's chromium..." >&2
apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
command -v chromium
