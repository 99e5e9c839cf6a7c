#!/usr/bin/env bash
# Runs every test on a fresh machine: builds the package, sets up the Python oracle
# (a virtual environment with kfp==2.17.3 in .venv-oracle), then runs `swift test`.
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

swift build --build-tests
swift test --skip-build "$@"
