#!/usr/bin/env bash
# Runs every test on a fresh machine: builds the package, sets up the Python oracle
# (a virtual environment with kfp==2.17.3 and selenium in .venv-oracle) and Debian's chromium
# with chromedriver for the web UI's browser test, then runs `swift test`.
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

swift build --build-tests
swift test --skip-build "$@"
