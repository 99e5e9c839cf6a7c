# Sourced by the scripts that start a daemon and record its PID (dockerd.sh, registry.sh).
# stop_pid_file FILE: stops the process whose PID FILE holds (SIGTERM, then SIGKILL after 10 s),
# waits until it is gone, and removes FILE. Nothing happens when FILE is missing.
stop_pid_file() {
    [ -f "$1" ] || return 0
    local pid
    pid="$(cat "$1")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        # Reaped here when it is this shell's child; otherwise its parent (or init) reaps it.
        wait "$pid" 2>/dev/null || true
    fi
    rm -f "$1"
}
