#!/usr/bin/env bash
# A real two-node Slurm 22.05 cluster on one machine, for swift-kfp's tests.
#
#   cluster.sh start  DIR   install missing packages, start everything, wait until ready
#   cluster.sh stop   DIR   stop all it started (by PID), remove namespaces/veths/bridge
#   cluster.sh status DIR   print sinfo and whether slurmrestd answers
#
# Measured on this machine (Debian 12, 2 cores, packages already installed), 8 runs:
#   start  0.75-1.53 s wall (until both nodes are idle in sinfo and slurmrestd answers
#          /slurm/v0.0.38/diag with a token), far under the 3-minute budget
#   stop   1.5-2.5 s wall (with 2 running jobs; most of it is waiting for PID 1 to reap)
#   start that had to apt-get update + install one missing package: 3.65 s; installing all
#   the packages by hand (apt-get update + install) took 8.9 s.
#
# State, all of it under DIR:
#   DIR/etc/{slurm,gres,cgroup,plugstack}.conf  the private SLURM_CONF and companions
#   DIR/munge/        munge.key, munge.socket.2, PRNG seed
#   DIR/ctld/         StateSaveLocation and the JWT HS256 key (0600)
#   DIR/spool/n1,n2   SlurmdSpoolDir of each node
#   DIR/log/          every daemon's log (*.out is the daemon's stderr)
#   DIR/run/          pid files; DIR/run/pids lists "name pid" of every daemon started
#   DIR/gpu/nvidia0   the emulated GPU of n2 (gres File=; a character device 1:3)
#   DIR/shared/       a handy pipeline root. Any path works: the namespaces share the
#                     host's filesystem, so both nodes see every path at the same place.
#   DIR/net.env       names of the bridge/namespaces/veths (written before they exist)
#   DIR/env.sh        SLURM_CONF, SLURM_URL, SLURM_USER, SLURM_JWT, KFP_SLURM_* (source it)
#
# Processes: munged (root, socket in DIR), slurmctld (host side, reached by the nodes on
# the bridge address), slurmd n1 and slurmd n2 (one per network namespace, n2 with gres
# gpu:1), slurmrestd (openapi/v0.0.38, rest_auth/jwt, SLURM_JWT=daemon, on 127.0.0.1:PORT,
# as an unprivileged user).
#
# Changes outside DIR: the packages; a bridge, 2 network namespaces and 2 veth pairs
# (removed by stop); and one system user for slurmrestd, created once and kept (slurmrestd
# refuses root, nobody and SlurmUser; the user owns no file). munged needs nothing in
# /etc/munge or /run/munge: key, socket, pid, log and seed paths are all passed to it, and
# Slurm reaches it through AuthInfo=socket=DIR/munge/munge.socket.2.
#
# Optional environment:
#   KFP_SLURM_PREFIX          prefix of bridge/netns/veth names and ClusterName (default
#                             kfp; 1-8 of [a-z0-9]); clusters running at once need two
#   SLURM_REST_PORT           slurmrestd port (default: a free one)
#   KFP_SLURM_CTLD_PORT       slurmctld port (default: a free one)
#   KFP_SLURM_SUBNET          first 3 octets of the bridge's /24 (default 10.77.N, N from
#                             the prefix, skipping subnets already routed)
#   KFP_SLURM_NODE_CPUS       CPUs per node (default: nproc)
#   KFP_SLURM_NODE_MEM        RealMemory per node in MB (default 4000; DefMemPerCPU=256)
#   KFP_SLURM_MIN_JOB_AGE     seconds a finished job stays visible, no slurmdbd (default 300)
#   KFP_SLURM_TOKEN_USER      user of the JWT in env.sh (default root)
#   KFP_SLURM_TOKEN_LIFESPAN  seconds (default 86400)
#   KFP_SLURM_REST_RUN_USER   user slurmrestd runs as (default kfpslurmrest, created)
#   KFP_SLURM_START_TIMEOUT   seconds to wait for both nodes idle (default 120)
set -euo pipefail

PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
# A SLURM_JWT in the caller's environment (say, from an older env.sh) makes every Slurm CLI
# authenticate with that token instead of munge; this script always uses munge.
unset SLURM_JWT
PACKAGES=(slurm-wlm slurmrestd munge slurm-client slurm-wlm-jwt-plugin iproute2 curl)

log() { echo "[slurm-cluster] $*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    echo "usage: $0 {start|stop|status} DIR" >&2
    exit 2
}

# ---------------------------------------------------------------- helpers

install_packages() {
    local missing=() p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        die "missing packages (${missing[*]}) and cannot install them (needs root and apt-get)"
    fi
    log "installing ${missing[*]}"
    apt-get update -qq
    # policy-rc.d (or the absence of systemd) keeps the packaged services from starting;
    # they would use /etc/slurm, not our private SLURM_CONF, anyway.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A TCP port nobody listens on (checked with ss; the tiny race is acceptable for tests).
free_port() {
    local used port i
    used=$(ss -Htan 2>/dev/null | awk '{print $4}' | sed 's/.*://' | sort -u)
    for i in $(seq 1 200); do
        port=$(( 20000 + RANDOM % 20000 ))
        if ! grep -qx "$port" <<<"$used"; then echo "$port"; return 0; fi
    done
    die "no free port found"
}

# True while PID is alive (not a zombie) and /proc/PID/comm still names the daemon we started.
pid_is() {
    [ -n "$1" ] && [ -r "/proc/$1/comm" ] || return 1
    [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] || return 1
    [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

# kill_wait NAME PID: TERM, wait up to 10 s, then KILL.
kill_wait() {
    local name=$1 pid=$2 i
    pid_is "$pid" "$name" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
        pid_is "$pid" "$name" || return 0
        sleep 0.1
    done
    log "$name ($pid) ignored SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
}

record_pid() { echo "$1 $2" >>"$DIR/run/pids"; }

load_net() {
    # shellcheck disable=SC1091
    [ -r "$DIR/net.env" ] && . "$DIR/net.env"
    return 0
}

# ---------------------------------------------------------------- stop

do_stop() {
    local name pid ns
    [ -d "$DIR" ] || { log "nothing to stop: $DIR does not exist"; return 0; }
    load_net
    export SLURM_CONF="$DIR/etc/slurm.conf"

    # Jobs first, while the controller still runs: cancel them so slurmstepd exits cleanly.
    local ctld_pid=""
    if [ -r "$DIR/run/pids" ]; then
        ctld_pid=$(awk '$1=="slurmctld"{print $2}' "$DIR/run/pids" | tail -n 1)
    fi
    if pid_is "$ctld_pid" slurmctld && [ -r "$SLURM_CONF" ]; then
        if [ -n "$(timeout 5 squeue -h -o %i 2>/dev/null)" ]; then
            timeout 5 scancel --full --quiet --partition=main 2>/dev/null || true
            for _ in $(seq 1 30); do
                [ -z "$(timeout 5 squeue -h -t RUNNING,COMPLETING -o %i 2>/dev/null)" ] && break
                sleep 0.2
            done
        fi
    fi

    # Every PID we stop, to wait until it is gone from /proc (see the end).
    local all_pids=""
    [ -r "$DIR/run/pids" ] && all_pids=$(awk '{print $2}' "$DIR/run/pids")
    for ns in ${NET_NAMESPACES:-}; do
        all_pids="$all_pids $(ip netns pids "$ns" 2>/dev/null || true)"
    done

    # Daemons by PID, newest first (slurmrestd, slurmd, slurmctld, munged).
    if [ -r "$DIR/run/pids" ]; then
        tac "$DIR/run/pids" | while read -r name pid; do
            kill_wait "$name" "$pid"
        done
    fi

    # Whatever is left inside our namespaces (slurmstepd, job processes) was started by
    # our slurmd: `ip netns pids` lists exactly those PIDs.
    for ns in ${NET_NAMESPACES:-}; do
        if ip netns list 2>/dev/null | awk '{print $1}' | grep -qx "$ns"; then
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -TERM "$pid" 2>/dev/null || true; done
            for _ in $(seq 1 30); do
                [ -z "$(ip netns pids "$ns" 2>/dev/null)" ] && break
                sleep 0.1
            done
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
            ip netns delete "$ns" 2>/dev/null || true
        fi
    done
    for link in ${NET_VETHS:-} ${NET_BRIDGE:-}; do
        if ip link show "$link" >/dev/null 2>&1; then ip link delete "$link" 2>/dev/null || true; fi
    done
    rm -f "$DIR/run/pids" "$DIR/munge/munge.socket.2" "$DIR/munge/munge.socket.2.lock"

    # The daemons outlived `start`, so their parent is PID 1. They are dead now, but an init
    # that reaps orphans only now and then (this machine's PID 1 does so every few seconds)
    # leaves them as <defunct> zombies for a moment: wait (bounded) until init reaped them.
    for _ in $(seq 1 100); do
        local left=""
        for pid in $all_pids; do [ -e "/proc/$pid" ] && left="$left $pid"; done
        [ -z "$left" ] && break
        sleep 0.1
    done
    if [ -n "${left:-}" ]; then log "note: PIDs$left are dead but not yet reaped by init"; fi
    log "stopped (${NET_BRIDGE:-no network was created})"
}

# ---------------------------------------------------------------- start

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
    local secs=$1 what=$2 deadline
    shift 2
    deadline=$(( $(date +%s) + secs ))
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s)" -lt "$deadline" ] || { log "timed out waiting for $what"; return 1; }
        daemons_alive || return 1
        sleep 0.2
    done
}

# Fail fast when a daemon we started has died (bad config, port taken, ...).
daemons_alive() {
    local name pid
    while read -r name pid; do
        pid_is "$pid" "$name" || { log "$name (pid $pid) exited; see $DIR/log/"; return 1; }
    done <"$DIR/run/pids"
}

nodes_idle() {
    local out
    out=$(sinfo -h -N -o '%N %t' 2>/dev/null | sort -u)
    grep -qx 'n1 idle' <<<"$out" && grep -qx 'n2 idle' <<<"$out"
}

rest_answers() {
    local out
    out=$(curl -fsS -m 5 -H "X-SLURM-USER-NAME: $TOKEN_USER" -H "X-SLURM-USER-TOKEN: $JWT" \
        "http://127.0.0.1:$REST_PORT/slurm/v0.0.38/diag") && grep -q '"statistics"' <<<"$out"
}

on_start_failure() {
    local rc=$?
    trap - EXIT INT TERM
    if [ "$rc" -ne 0 ]; then
        log "start failed (exit $rc); last log lines:"
        for f in "$DIR"/log/*; do
            [ -s "$f" ] || continue
            # *.out repeats *.log once the daemon has opened its log file
            case $f in *.out) [ -s "${f%.out}.log" ] && continue ;; esac
            echo "--- $f" >&2
            tail -n 5 "$f" >&2
        done
        do_stop || true
    fi
    exit "$rc"
}

do_start() {
    local t0 prefix subnet rest_user cpus mem min_age lifespan timeout_s ctld_port host
    t0=$(date +%s.%N)
    [ "$(id -u)" = 0 ] || die "start needs root (network namespaces, slurmd)"
    install_packages

    prefix=${KFP_SLURM_PREFIX:-kfp}
    [[ $prefix =~ ^[a-z0-9]{1,8}$ ]] || die "KFP_SLURM_PREFIX must be 1-8 of [a-z0-9]"
    rest_user=${KFP_SLURM_REST_RUN_USER:-kfpslurmrest}
    TOKEN_USER=${KFP_SLURM_TOKEN_USER:-root}
    cpus=${KFP_SLURM_NODE_CPUS:-$(nproc)}
    mem=${KFP_SLURM_NODE_MEM:-4000}
    min_age=${KFP_SLURM_MIN_JOB_AGE:-300}
    lifespan=${KFP_SLURM_TOKEN_LIFESPAN:-86400}
    timeout_s=${KFP_SLURM_START_TIMEOUT:-120}
    host=$(hostname -s)

    if [ -r "$DIR/run/pids" ] && [ -s "$DIR/run/pids" ]; then
        die "$DIR/run/pids exists: a cluster may be running there; run '$0 stop $DIR' first"
    fi
    local bridge="${prefix}br0" ns1="${prefix}n1" ns2="${prefix}n2" v1="${prefix}v1" v2="${prefix}v2"
    if ip link show "$bridge" >/dev/null 2>&1 || ip netns list | awk '{print $1}' | grep -qx -e "$ns1" -e "$ns2"; then
        die "bridge $bridge or namespace $ns1/$ns2 already exists: another cluster uses prefix '$prefix' (set KFP_SLURM_PREFIX)"
    fi

    local routes
    routes=$(ip -4 route)
    # A /24 not routed yet, derived from the prefix so two prefixes usually differ.
    if [ -n "${KFP_SLURM_SUBNET:-}" ]; then
        subnet=$KFP_SLURM_SUBNET
    else
        local n i
        n=$(( $(cksum <<<"$prefix" | cut -d' ' -f1) % 200 + 20 ))
        for i in $(seq 0 199); do
            subnet="10.77.$(( (n + i - 20) % 200 + 20 ))"
            grep -q "^$subnet\." <<<"$routes" || break
        done
    fi
    grep -q "^$subnet\." <<<"$routes" && die "subnet $subnet.0/24 is already in use"

    REST_PORT=${SLURM_REST_PORT:-$(free_port)}
    ctld_port=${KFP_SLURM_CTLD_PORT:-$(free_port)}
    while [ "$ctld_port" = "$REST_PORT" ]; do ctld_port=$(free_port); done

    mkdir -p "$DIR"
    DIR=$(cd "$DIR" && pwd -P)
    # Only an empty folder or one this script made before (marker file) is used: a start
    # wipes the cluster's own subfolders (not shared/).
    if [ ! -e "$DIR/.kfp-slurm-cluster" ] && [ -n "$(ls -A "$DIR")" ]; then
        die "$DIR is neither empty nor a folder this script made; give an empty or new DIR"
    fi
    touch "$DIR/.kfp-slurm-cluster"
    rm -rf "${DIR:?}/etc" "${DIR:?}/munge" "${DIR:?}/ctld" "${DIR:?}/spool" "${DIR:?}/log" \
        "${DIR:?}/run" "${DIR:?}/gpu" "${DIR:?}/env.sh"
    mkdir -p "$DIR"/{etc,munge,ctld/state,spool/n1,spool/n2,log,run,gpu,shared}
    : >"$DIR/run/pids"
    # slurmrestd reads slurm.conf as the unprivileged user: DIR must be traversable.
    chmod 755 "$DIR" "$DIR/etc" "$DIR/munge" "$DIR/shared"
    chmod 700 "$DIR/ctld"

    # Recorded before anything is created, so that stop (or the failure trap) removes it.
    cat >"$DIR/net.env" <<EOF
NET_BRIDGE=$bridge
NET_NAMESPACES="$ns1 $ns2"
NET_VETHS="$v1 $v2"
NET_SUBNET=$subnet
EOF
    trap on_start_failure EXIT
    trap 'exit 130' INT TERM

    export SLURM_CONF="$DIR/etc/slurm.conf"

    # ---- network: bridge on the host, one namespace per node
    ip link add "$bridge" type bridge
    ip addr add "$subnet.1/24" dev "$bridge"
    ip link set "$bridge" up
    local i ns v
    for i in 1 2; do
        ns="${prefix}n$i"; v="${prefix}v$i"
        ip netns add "$ns"
        ip link add "$v" type veth peer name eth0 netns "$ns"
        ip link set "$v" master "$bridge" up
        ip -n "$ns" addr add "$subnet.1$i/24" dev eth0
        ip -n "$ns" link set eth0 up
        ip -n "$ns" link set lo up
    done

    # ---- configuration
    # The emulated GPU. A regular file is enough for scheduling (--gres=gpu:1 lands on n2),
    # but slurmd then logs "is not a valid character or block device" and sets no
    # CUDA_VISIBLE_DEVICES; a character device (a twin of /dev/null, 1:3) gets the full
    # treatment. The trailing 0 of the name is the GPU index.
    mknod -m 666 "$DIR/gpu/nvidia0" c 1 3 2>/dev/null || : >"$DIR/gpu/nvidia0"
    cat >"$DIR/etc/slurm.conf" <<EOF
# Generated by scripts/slurm/cluster.sh: a private test cluster. Everything lives in $DIR.
ClusterName=$prefix
SlurmctldHost=$host($subnet.1)
SlurmctldPort=$ctld_port
SlurmdPort=6818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$DIR/munge/munge.socket.2
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$DIR/ctld/jwt_hs256.key
StateSaveLocation=$DIR/ctld/state
SlurmdSpoolDir=$DIR/spool/%n
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd-%n.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd-%n.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig=$DIR/etc/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=256
SlurmdParameters=config_overrides
ReturnToService=2
MinJobAge=$min_age
# Batch jobs start within ~1 s of submission instead of ~3 s (the default delay is 3 s).
SchedulerParameters=batch_sched_delay=0
MailProg=/bin/true
GresTypes=gpu
NodeName=n1 NodeAddr=$subnet.11 CPUs=$cpus RealMemory=$mem State=UNKNOWN
NodeName=n2 NodeAddr=$subnet.12 CPUs=$cpus RealMemory=$mem Gres=gpu:1 State=UNKNOWN
PartitionName=main Nodes=n1,n2 Default=YES MaxTime=INFINITE State=UP
EOF
    cat >"$DIR/etc/gres.conf" <<EOF
AutoDetect=off
NodeName=n2 Name=gpu File=$DIR/gpu/nvidia0
EOF
    # `ip netns exec` remounts /sys, so slurmd sees no /sys/fs/cgroup: cgroup/v1 with no
    # cgroup-based plugins configured lets it start anyway.
    echo "CgroupPlugin=cgroup/v1" >"$DIR/etc/cgroup.conf"
    : >"$DIR/etc/plugstack.conf"
    chmod 644 "$DIR"/etc/*

    # slurmrestd's user must read slurm.conf: check now, before any daemon runs.
    if ! id -u "$rest_user" >/dev/null 2>&1; then
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$rest_user"
    fi
    setpriv --reuid="$rest_user" --regid="$rest_user" --clear-groups -- \
        test -r "$SLURM_CONF" || die "user $rest_user cannot read $SLURM_CONF (a parent of $DIR is not traversable)"

    # ---- munge, with key/socket/pid/log/seed all in DIR
    mungekey --create --keyfile="$DIR/munge/munge.key" --force 2>/dev/null \
        || dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$DIR/munge/munge.key"
    munged --foreground --force \
        --key-file="$DIR/munge/munge.key" --socket="$DIR/munge/munge.socket.2" \
        --pid-file="$DIR/run/munged.pid" --log-file="$DIR/log/munged.log" \
        --seed-file="$DIR/munge/munged.seed" </dev/null >>"$DIR/log/munged.out" 2>&1 &
    record_pid munged $!
    wait_for 20 "munged socket" test -S "$DIR/munge/munge.socket.2"

    # ---- JWT key for slurmctld (auth/jwt)
    dd if=/dev/urandom of="$DIR/ctld/jwt_hs256.key" bs=32 count=1 status=none
    chmod 600 "$DIR/ctld/jwt_hs256.key"

    # ---- slurmctld on the host (listens on every address; nodes reach it via the bridge)
    slurmctld -D -c -i -f "$SLURM_CONF" </dev/null >>"$DIR/log/slurmctld.out" 2>&1 &
    record_pid slurmctld $!
    wait_for 30 "slurmctld" scontrol ping

    # ---- one slurmd per namespace (`ip netns exec` execs slurmd, so $! is slurmd's PID)
    for i in 1 2; do
        ip netns exec "${prefix}n$i" slurmd -D -N "n$i" -f "$SLURM_CONF" \
            </dev/null >>"$DIR/log/slurmd-n$i.out" 2>&1 &
        record_pid slurmd $!
    done

    # ---- slurmrestd as an unprivileged user
    SLURM_JWT=daemon setpriv --reuid="$rest_user" --regid="$rest_user" --clear-groups -- \
        slurmrestd -f "$SLURM_CONF" -s openapi/v0.0.38 -a rest_auth/jwt "127.0.0.1:$REST_PORT" \
        </dev/null >>"$DIR/log/slurmrestd.log" 2>&1 &
    record_pid slurmrestd $!

    # ---- readiness
    wait_for "$timeout_s" "nodes n1 and n2 idle" nodes_idle
    JWT=$(scontrol token username="$TOKEN_USER" lifespan="$lifespan" | sed -n 's/^SLURM_JWT=//p')
    [ -n "$JWT" ] || die "scontrol token returned no token"
    wait_for 30 "slurmrestd /slurm/v0.0.38/diag" rest_answers

    cat >"$DIR/env.sh" <<EOF
# Written by scripts/slurm/cluster.sh start; source it.
export SLURM_CONF='$SLURM_CONF'
export SLURM_URL='http://127.0.0.1:$REST_PORT'
export SLURM_USER='$TOKEN_USER'
# For REST (X-SLURM-USER-TOKEN). Note: with SLURM_JWT set, the Slurm CLI (sbatch, squeue, ...)
# also authenticates with this token instead of munge; that works too while it is valid.
export SLURM_JWT='$JWT'
# Extra facts, prefixed KFP_ so that no Slurm tool takes them for its own input variables.
export KFP_SLURM_DIR='$DIR'
export KFP_SLURM_PIDS_FILE='$DIR/run/pids'
# Both nodes see the host's filesystem, so any path works as a pipeline root; this one is handy.
export KFP_SLURM_SHARED_DIR='$DIR/shared'
export KFP_SLURM_PARTITION=main
export KFP_SLURM_NODES='n1 n2'
export KFP_SLURM_GPU_NODE=n2
EOF
    chmod 600 "$DIR/env.sh"

    trap - EXIT INT TERM
    log "ready in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s: $SLURM_CONF, REST http://127.0.0.1:$REST_PORT, nodes n1 ($subnet.11) n2 ($subnet.12, gpu:1); source $DIR/env.sh"
}

# ---------------------------------------------------------------- status

do_status() {
    [ -r "$DIR/etc/slurm.conf" ] || die "no cluster config in $DIR"
    export SLURM_CONF="$DIR/etc/slurm.conf"
    timeout 10 sinfo -N -o '%N %P %t %c %m %G' || echo "sinfo: controller not answering"
    if [ -r "$DIR/env.sh" ]; then
        # shellcheck disable=SC1091
        . "$DIR/env.sh"
        local out=""
        out=$(curl -fsS -m 5 -H "X-SLURM-USER-NAME: $SLURM_USER" -H "X-SLURM-USER-TOKEN: $SLURM_JWT" \
            "$SLURM_URL/slurm/v0.0.38/diag" 2>/dev/null) || true
        if grep -q '"statistics"' <<<"$out"; then
            echo "slurmrestd: answering at $SLURM_URL"
        else
            echo "slurmrestd: NOT answering at $SLURM_URL"
            return 1
        fi
    else
        echo "slurmrestd: no env.sh (start did not finish)"
        return 1
    fi
}

# ---------------------------------------------------------------- main

[ $# -eq 2 ] || usage
DIR=$2
case "$DIR" in /*) ;; *) DIR="$PWD/$DIR" ;; esac
case "$1" in
    start) do_start ;;
    stop) do_stop ;;
    status) do_status ;;
    *) usage ;;
esac
