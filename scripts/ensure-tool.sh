#!/usr/bin/env bash
# End-to-end checks use a few of Debian's programs (Chromium for the editor, pdftotext to open the
# labels n8n produced): install the package when its command is missing, and print the command's path.
#   scripts/ensure-tool.sh chromium chromium
#   scripts/ensure-tool.sh pdftotext poppler-utils
#   scripts/ensure-tool.sh initdb postgresql
set -euo pipefail
command_name=$1
package=$2
# Debian keeps PostgreSQL's server programs (initdb, pg_ctl) out of PATH, under their version.
postgres_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
PATH="$PATH${postgres_bin:+:$postgres_bin}"
if command -v "$command_name" >/dev/null 2>&1; then command -v "$command_name"; exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "$command_name is missing: run 'sudo apt-get install -y $package'" >&2; exit 1; fi
echo "Installing Debian's $package..." >&2
apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2
postgres_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
PATH="$PATH${postgres_bin:+:$postgres_bin}"
command -v "$command_name"
