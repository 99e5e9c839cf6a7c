#!/usr/bin/env bash
# A private image registry for the `kfp component build` tests, started and stopped by PID:
#   scripts/containers/registry.sh start DIR [ADDR [read-only]]   # prints `export KFP_TEST_REGISTRY=ADDR`
#   scripts/containers/registry.sh stop DIR
# Debian's `docker-registry serve` (the CNCF distribution registry) over plain HTTP on ADDR
# (127.0.0.1:5000 by default, which setup.sh's registries.conf marks insecure), storing blobs
# under DIR/data; its configuration, log and pid file are in DIR too. Nothing global changes.
# `read-only` starts it in maintenance mode, refusing every push (for the refused-push test).
# Needs docker-registry (installed by setup.sh as root); otherwise exits 3 with a notice.
# Measured on a 2-core machine: ready in about 0.3 s.
set -euo pipefail
usage="usage: registry.sh start|stop DIR [ADDR [read-only]]"
action="${1:?$usage}"
dir="${2:?$usage}"
addr="${3:-127.0.0.1:5000}"
mode="${4:-}"
log() { echo "registry: $*" >&2; }

. "$(dirname "$0")/pid-file.sh"
stop() { stop_pid_file "$dir/registry.pid"; }

case "$action" in
stop) stop; exit 0 ;;
start) ;;
*) echo "$usage" >&2; exit 2 ;;
esac

if ! command -v docker-registry >/dev/null; then
    log "notice: docker-registry missing (scripts/containers/setup.sh installs it as root); registry tests are skipped"
    exit 3
fi
if [ -f "$dir/registry.pid" ] && kill -0 "$(cat "$dir/registry.pid")" 2>/dev/null; then
    log "already running (pid $(cat "$dir/registry.pid"))"
    echo "export KFP_TEST_REGISTRY='$addr'"
    exit 0
fi
if curl -s -o /dev/null --max-time 1 "http://$addr/v2/"; then
    log "notice: something already answers on $addr; registry tests are skipped"
    exit 3
fi
mkdir -p "$dir/data"
cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
  maintenance:
    readonly:
      enabled: $([ "$mode" = read-only ] && echo true || echo false)
http:
  addr: $addr
EOF
# The registry leads its own session (setsid), so it outlives this script and no terminal signal
# reaches it, and holds none of the descriptors this script inherited above 2 (a caller such as
# Foundation's Process waits for one of them to close before it sees the script end).
(
    for fd in /proc/self/fd/*; do
        fd="${fd##*/}"
        [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null || true
    done
    exec setsid docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 </dev/null
) &
echo $! >"$dir/registry.pid"
for _ in $(seq 100); do
    curl -s -o /dev/null --max-time 1 "http://$addr/v2/" && break
    kill -0 "$(cat "$dir/registry.pid")" 2>/dev/null || { log "it stopped:"; tail -n 5 "$dir/registry.log" >&2; stop; exit 3; }
    sleep 0.1
done
if ! curl -s -o /dev/null --max-time 1 "http://$addr/v2/"; then
    log "did not answer on $addr in 10 s"; tail -n 5 "$dir/registry.log" >&2; stop; exit 3
fi
log "ready at $addr (pid $(cat "$dir/registry.pid")), storage $dir/data"
echo "export KFP_TEST_REGISTRY='$addr'"
