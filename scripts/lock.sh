#!/usr/bin/env bash
# Writes requirements.lock, requirements-test.lock and requirements-train.lock from the .in files,
# each by installing into a throw-away venv and freezing it. The test and train locks are taken
# with requirements.lock as constraints, so every package they share has the same pin.
# Usage: bash scripts/lock.sh [runtime|test|train ...]   (default: all three)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
# The Makefile installs claimdesk itself with `pip install --no-build-isolation -e .`, so the venv's
# own setuptools builds it: the one Python 3.11's venv brings (65) lacks bdist_wheel.
BUILD_TOOLS=(setuptools==80.9.0)

freeze() {  # freeze LOCKFILE REQUIREMENT-ARGS...
    local lock=$1; shift
    local venv
    venv=$(mktemp -d)
    "$PYTHON" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "${BUILD_TOOLS[@]}" "$@"
    {
        echo "# Written by scripts/lock.sh from $(for a in "$@"; do [[ $a == *.in ]] && printf '%s ' "$a"; done)— do not edit by hand."
        # A local build label (torch's +cpu) is dropped: `==2.13.0` still takes the CPU build where an
        # index serves it, and installs from plain PyPI elsewhere.
        "$venv/bin/pip" freeze --all --disable-pip-version-check --exclude-editable | grep -v '^pip==' | sed -E 's/^([^=]+==[^+]+)\+.*$/\1/' | LC_ALL=C sort -f
    } > "$lock"
    rm -rf "$venv"
    echo "wrote $lock ($(grep -vc '^#' "$lock") packages)"
}

targets=("${@:-runtime test train}")
for target in ${targets[@]}; do
    case $target in
        runtime) freeze requirements.lock -r requirements.in ;;
        test) freeze requirements-test.lock -c requirements.lock -r requirements.in -r requirements-test.in ;;
        train) freeze requirements-train.lock -c requirements.lock -r requirements.in -r requirements-train.in ;;
        *) echo "unknown lock: $target" >&2; exit 2 ;;
    esac
done
