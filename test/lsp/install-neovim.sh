#!/usr/bin/env bash
# Installs the real LSP client the Neovim test drives: Debian's neovim. A second run is a no-op.
# Only apt is used (the machines reach Debian's packages and the npm registry, nothing else).
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  echo "install-neovim.sh: ready ($(nvim --version | head -1))"
  exit 0
fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
# A fresh machine has no package lists yet; an install without them finds nothing.
if ! apt-cache policy neovim 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  $SUDO apt-get update -qq
fi
echo "install-neovim.sh: apt-get install neovim"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq neovim >/dev/null
echo "install-neovim.sh: ready ($(nvim --version | head -1))"
