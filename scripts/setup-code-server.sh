#!/usr/bin/env bash
# Installs what the in-editor and UI suites need on a machine that reaches only the npm registry
# and Debian's archive: Debian packages (chromium for the browser, ripgrep in place of the GitHub
# download code-server's ripgrep package attempts, libkrb5-dev for a native module), then
# code-server 4.100.3 (VS Code 1.100.3) into test/vscode/code-server. Idempotent: a stamp file
# skips the ~1 min native build when nothing changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CS_DIR="$ROOT/test/vscode/code-server"
log() { printf '[setup-code-server %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

apt_packages=(chromium ripgrep libkrb5-dev python3 make g++ pkg-config)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]; then
  echo "code-server 4.100.3 needs Node 20 (found $(node -v))." >&2
  exit 1
fi

# Three install-time workarounds (all from ../shared/vscode-e2e, proven on these machines):
#  1. code-server's postinstall refuses to run as root unless npm_config_unsafe_perm=true is set.
#  2. @vscode/ripgrep downloads rg from GitHub; it first looks for a cached tarball under
#     $TMPDIR/vscode-ripgrep-cache-<pkg version>/, so we place Debian's rg 13.0.0 there.
#  3. node-pty's postinstall runs `npx node-gyp`; npx must be allowed to fetch it.
RG_PKG_VER=1.15.11
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
stamp="$CS_DIR/node_modules/.setup-stamp"
want="$(cat "$CS_DIR/package.json" "$CS_DIR/package-lock.json" 2>/dev/null | sha256sum | cut -c1-16)-$(node -v)"
rg_bin="$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$rg_bin" ]; then
  log "code-server is installed"
  exit 0
fi
log "installing code-server (native modules build: about 1-2 min on 2 cores)"
export TMPDIR="$CS_DIR/.tmp"
mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VER"
if [ ! -s "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VER/$RG_ASSET" ]; then
  d="$(mktemp -d)"; cp "$(command -v rg)" "$d/rg"
  tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VER/$RG_ASSET" -C "$d" rg; rm -rf "$d"
fi
(
  cd "$CS_DIR"
  export npm_config_unsafe_perm=true npm_config_yes=true
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
)
if [ ! -x "$rg_bin" ]; then mkdir -p "$(dirname "$rg_bin")"; cp "$(command -v rg)" "$rg_bin"; fi
unset TMPDIR
want="$(cat "$CS_DIR/package.json" "$CS_DIR/package-lock.json" | sha256sum | cut -c1-16)-$(node -v)"
echo "$want" > "$stamp"
log "code-server $(node -p "require('$CS_DIR/node_modules/code-server/package.json').version") ready"
