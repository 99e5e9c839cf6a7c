#!/usr/bin/env bash
# A private Docker daemon for the container tests, started and stopped by PID:
#   scripts/containers/dockerd.sh start DIR   # prints `export DOCKER_HOST=unix://DIR/docker.sock`
#   scripts/containers/dockerd.sh stop DIR
# Everything it makes is under DIR (socket, pid file, exec root, log) except the image store,
# kept under ${XDG_CACHE_HOME:-~/.cache}/swift-kfp-tests/docker between runs. No iptables rules,
# no bridge (containers use the host's network), nothing global changed. `start` also loads the
# test images that setup.sh built with podman (the corpus image names) into it, once.
# Needs root and Debian's docker.io (installed when missing); otherwise exits 3 with a notice.
set -euo pipefail
action="${1:?usage: dockerd.sh start|stop DIR}"
dir="${2:?usage: dockerd.sh start|stop DIR}"
log() { echo "dockerd: $*" >&2; }

. "$(dirname "$0")/pid-file.sh"
stop() {
    [ -f "$dir/dockerd.pid" ] || return 0
    stop_pid_file "$dir/dockerd.pid"
    # dockerd starts its own containerd; it stops with dockerd, or is stopped here by its pid file.
    for file in "$dir"/exec/containerd/containerd.pid "$dir"/containerd.pid; do
        [ -f "$file" ] && kill "$(cat "$file")" 2>/dev/null || true
    done
    # dockerd leaves its network namespace mounted under the exec root (nsfs), which keeps DIR
    # from being removed.
    for namespace in "$dir"/exec/netns/*; do
        [ -e "$namespace" ] && umount "$namespace" 2>/dev/null || true
    done
}

case "$action" in
stop) stop; exit 0 ;;
start) ;;
*) echo "usage: dockerd.sh start|stop DIR" >&2; exit 2 ;;
esac

if ! command -v dockerd >/dev/null; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        log "notice: dockerd missing and cannot be installed here (needs root and apt-get); docker tests are skipped"
        exit 3
    fi
    log "installing docker.io..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >&2
fi
if [ "$(id -u)" != 0 ]; then
    log "notice: a private dockerd needs root; docker tests are skipped"
    exit 3
fi
store="${XDG_CACHE_HOME:-$HOME/.cache}/swift-kfp-tests/docker"
mkdir -p "$dir/exec" "$store"
socket="$dir/docker.sock"
dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=overlay2 \
    --data-root "$store" --exec-root "$dir/exec" --pidfile "$dir/exec/docker.pid" \
    -H "unix://$socket" >"$dir/dockerd.log" 2>&1 &
echo $! >"$dir/dockerd.pid"
export DOCKER_HOST="unix://$socket"
for _ in $(seq 150); do
    docker version >/dev/null 2>&1 && break
    kill -0 "$(cat "$dir/dockerd.pid")" 2>/dev/null || { tail -n 5 "$dir/dockerd.log" >&2; stop; exit 1; }
    sleep 0.2
done
docker version >/dev/null 2>&1 || { log "dockerd did not answer in 30 s"; tail -n 5 "$dir/dockerd.log" >&2; stop; exit 1; }

# The test images, from podman's store, under the same names.
if [ -n "${KFP_TEST_PYTHON_IMAGE:-}" ] && command -v podman >/dev/null; then
    names=(python:3.11 python:3.12 python:3.7 alpine alpine:latest curlimages/curl:8.11.1 jetbrainsinfra/jq
        registry.access.redhat.com/ubi9/python-311:latest
        gcr.io/my-image kfp-image)
    missing=()
    for name in "${names[@]}"; do
        want="$(podman image inspect --format '{{.Id}}' "$name" 2>/dev/null || true)"
        have="$(docker image inspect --format '{{.Id}}' "$name" 2>/dev/null || true)"
        [ -n "$want" ] && [ "$have" != "sha256:$want" ] && missing+=("$name")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "loading ${missing[*]} from podman..."
        podman save --format docker-archive -m -o "$dir/images.tar" "${missing[@]}" >/dev/null
        docker load -i "$dir/images.tar" >/dev/null
        rm -f "$dir/images.tar"
    fi
    # podman saves short names as localhost/NAME; docker resolves NAME as docker.io/library/NAME.
    for name in "${names[@]}"; do
        docker image inspect "$name" >/dev/null 2>&1 || docker tag "localhost/$name" "$name"
    done
fi
log "ready: $(docker version --format '{{.Server.Version}}') at $socket"
echo "export DOCKER_HOST='$DOCKER_HOST'"
