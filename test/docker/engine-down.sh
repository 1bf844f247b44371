#!/usr/bin/env bash
# Stops the engine test/docker/engine-up.sh started (containerd exits with it). No-op when none runs.
set -euo pipefail
ENGINE_ROOT=${ENGINE_ROOT:-/tmp/stacklens-engine}
pidfile=$ENGINE_ROOT/docker.pid
[[ -f $pidfile ]] || exit 0
pid=$(cat "$pidfile")
kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; exit 0; }
kill -TERM "$pid"
# dockerd stops its containers first (up to its 15 s shutdown timeout), then removes its pidfile.
for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.25; done
echo "engine-down: dockerd $pid still running after 30 s" >&2
exit 1
