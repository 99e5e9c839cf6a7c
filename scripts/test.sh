#!/usr/bin/env bash
# Runs every test on a fresh machine: builds the package, sets up the Python oracle
# (a virtual environment with kfp==2.17.3 and selenium in .venv-oracle), Debian's chromium
# with chromedriver for the web UI's browser test, podman with the test images
# (scripts/containers/setup.sh, cached under ~/.cache/swift-kfp-tests) and a private Docker daemon
# (scripts/containers/dockerd.sh), a private image registry on 127.0.0.1:5000 for
# `kfp component build` (scripts/containers/registry.sh) and a real two-node Slurm cluster
# (scripts/slurm/cluster.sh), each stopped by PID when the tests end, then runs `swift test`.
# Container and Slurm setup need root (apt-get, a private dockerd, network namespaces); elsewhere
# those tests are skipped with a notice.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-oracle
KFP_VERSION=2.17.3
if ! "$VENV/bin/python" -c "import kfp, sys; sys.exit(kfp.__version__ != '$KFP_VERSION')" 2>/dev/null; then
    echo "Setting up the Python oracle in $VENV (kfp==$KFP_VERSION)..."
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "kfp==$KFP_VERSION"
fi
export KFP_ORACLE_PYTHON="$PWD/$VENV/bin/python"

# The web UI's browser test drives Debian's chromium through chromedriver with selenium.
if ! "$VENV/bin/python" -c "import selenium" 2>/dev/null; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check selenium \
        || echo "notice: installing selenium failed; the browser test is skipped"
fi
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing chromium and chromium-driver for the web UI browser test..."
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; } \
            || echo "notice: installing chromium failed; the browser test is skipped"
    else
        echo "notice: chromium/chromedriver missing and cannot be installed here (needs root and apt-get); the browser test is skipped"
    fi
fi
if command -v chromium >/dev/null && command -v chromedriver >/dev/null && "$VENV/bin/python" -c "import selenium" 2>/dev/null; then
    export KFP_UI_E2E_REQUIRED=1
fi

# Real container engines: podman (daemonless, private configuration) and a private dockerd.
if engine_env="$(scripts/containers/setup.sh)"; then
    eval "$engine_env"
else
    echo "notice: podman setup failed or is not possible here; podman tests are skipped"
fi
daemons="$(mktemp -d "${TMPDIR:-/tmp}/kfp-test-daemons.XXXXXX")"
stop_daemons() {
    scripts/containers/registry.sh stop "$daemons/registry" || true
    scripts/containers/dockerd.sh stop "$daemons/docker" || true
    if [ -n "${slurm_dir:-}" ]; then scripts/slurm/cluster.sh stop "$slurm_dir/cluster" || true; rm -rf "$slurm_dir"; fi
    rm -rf "$daemons"
}
trap stop_daemons EXIT
mkdir -p "$daemons/docker"
if docker_env="$(scripts/containers/dockerd.sh start "$daemons/docker")"; then
    eval "$docker_env"
    export KFP_TEST_DOCKER=1
else
    echo "notice: no private dockerd; docker tests are skipped"
fi
mkdir -p "$daemons/registry"
if registry_env="$(scripts/containers/registry.sh start "$daemons/registry")"; then
    eval "$registry_env"
else
    echo "notice: no private image registry; kfp component build tests are skipped"
fi

# A real Slurm cluster: two compute nodes in network namespaces (n2 with an emulated GPU),
# slurmctld, munged and slurmrestd with JWT, all under a folder in /tmp (slurmrestd's own user must
# reach it, so not under /root).
if [ "$(id -u)" = 0 ]; then
    slurm_dir="$(mktemp -d /tmp/kfp-test-slurm.XXXXXX)"
    chmod 755 "$slurm_dir"
    if scripts/slurm/cluster.sh start "$slurm_dir/cluster"; then
        # shellcheck disable=SC1091
        . "$slurm_dir/cluster/env.sh"
        export KFP_TEST_SLURM=1
    else
        echo "notice: the Slurm test cluster did not start; Slurm tests are skipped"
    fi
else
    echo "notice: starting the Slurm test cluster needs root; Slurm tests are skipped"
fi

swift build --build-tests
status=0
swift test --skip-build "$@" || status=$?

# The DocC documentation builds and its links resolve (its code blocks are type-checked by the tests).
scripts/docs.sh || status=$?

# A short fuzzing pass over every libFuzzer harness (Fuzz/): 20 s per target, the sanitizer build
# cached under ~/.cache/swift-kfp-tests (scripts/fuzz.sh). Only on a full run (no test filter
# given); KFP_FUZZ_SECONDS=0 turns it off. What it finds is reported loudly but does not fail the
# run (a fuzzer may find a new input any day); the inputs found so far are regression tests above.
fuzz_seconds="${KFP_FUZZ_SECONDS:-20}"
if [ $# -eq 0 ] && [ "$fuzz_seconds" != 0 ]; then
    fuzz_status=0
    scripts/fuzz.sh --seconds "$fuzz_seconds" || fuzz_status=$?
    case "$fuzz_status" in
    0) ;;
    2) echo "THE FUZZING BUILD FAILED (above): the harnesses in Fuzz/ no longer compile" ;;
    *) echo "FUZZING FOUND SOMETHING (above): make the input a regression test and fix it" ;;
    esac
fi
exit $status
