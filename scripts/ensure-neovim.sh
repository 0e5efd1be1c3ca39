#!/bin/sh
# Installs Neovim (Debian's package) for the editor end-to-end test when it is missing.
# Exits non-zero when it cannot; the test is then skipped with the reason.
set -eu
if command -v nvim >/dev/null 2>&1; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "no apt-get on this machine" >&2; exit 1; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else echo "not root and no password-less sudo" >&2; exit 1; fi
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends neovim >/dev/null
command -v nvim >/dev/null 2>&1
