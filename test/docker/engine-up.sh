#!/usr/bin/env bash
# Starts StackLens's private Docker engine for the tests and benches (Debian docker.io 20.10, no registry:
# the busybox image is imported from busybox-static) and prints `DOCKER_HOST=...` as its last stdout line.
# Idempotent: reuses a running engine (about 2 s), installs and starts one when needed (about 16 s cold).
#
#   eval "$(bash test/docker/engine-up.sh | tail -1)"; export DOCKER_HOST   # or: source it
#   bash test/docker/engine-down.sh
#
# ENGINE_ROOT (default /tmp/stacklens-engine) holds the socket, data and logs. Adapted from the shared
# recipe docker-up.sh / docker-engine.md; kept here so CI does not depend on files outside the repo.
set -euo pipefail

ENGINE_ROOT=${ENGINE_ROOT:-/tmp/stacklens-engine}
IMAGE=stacklens-test/busybox:1
export DEBIAN_FRONTEND=noninteractive
SUDO=; [[ $(id -u) == 0 ]] || SUDO=sudo
mkdir -p "$ENGINE_ROOT/data" "$ENGINE_ROOT/exec"
export DOCKER_HOST="unix://$ENGINE_ROOT/docker.sock"

# Test files run in parallel and each calls this script: one starts the engine, the others wait for it.
exec 9>"$ENGINE_ROOT/up.lock"
flock 9

need=()
for p in docker.io busybox-static docker-compose; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ((${#need[@]})); then
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q >&2
  fi
  # The image's policy-rc.d keeps the package from starting a system dockerd.
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >&2
fi

if ! docker version >/dev/null 2>&1; then
  # A pidfile left by a killed run makes dockerd refuse to start.
  if [[ -f $ENGINE_ROOT/docker.pid ]] && ! kill -0 "$(cat "$ENGINE_ROOT/docker.pid")" 2>/dev/null; then
    rm -f "$ENGINE_ROOT/docker.pid"
  fi
  # No iptables and no docker0: the host firewall stays untouched and containers get no network unless
  # compose creates one. setsid: the engine outlives the test process that started it (the next reuses it).
  $SUDO setsid nohup dockerd \
    --iptables=false --ip6tables=false --bridge=none \
    --storage-driver=overlay2 \
    --host "$DOCKER_HOST" \
    --data-root "$ENGINE_ROOT/data" \
    --exec-root "$ENGINE_ROOT/exec" \
    --pidfile "$ENGINE_ROOT/docker.pid" \
    >"$ENGINE_ROOT/dockerd.log" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 120); do docker version >/dev/null 2>&1 && break; sleep 0.25; done
  docker version >/dev/null 2>&1 || { tail -50 "$ENGINE_ROOT/dockerd.log" >&2; exit 1; }
fi

if ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
  rootfs="$ENGINE_ROOT/rootfs"
  rm -rf "$rootfs"
  mkdir -p "$rootfs"/{bin,tmp,etc,proc,sys,dev,root}
  chmod 1777 "$rootfs/tmp"
  cp /bin/busybox "$rootfs/bin/busybox"
  for a in $(/bin/busybox --list); do [[ $a == busybox ]] || ln -sf busybox "$rootfs/bin/$a"; done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$rootfs/etc/passwd"
  echo 'root:x:0:' >"$rootfs/etc/group"
  tar -C "$rootfs" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$IMAGE" >/dev/null
fi

echo "DOCKER_HOST=$DOCKER_HOST"
