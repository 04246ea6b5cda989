#!/usr/bin/env bash
# Set up with the test tools, build the book, then run every test: unit tests, strict nbval on
# every notebook (stored outputs must equal a fresh run), and the real-browser tests in Debian's
# Chromium. Extra arguments go to pytest (e.g. -k exercises).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh --dev
# The hub's own environment (hub/.venv, hub/node_modules) for tests/hub: if it cannot be made here, the rest
# still runs and the hub's test says why (in CI, where .ci/run has installed what it needs, it fails).
bash hub/setup.sh || echo "test.sh: hub/setup.sh failed (above); tests/hub will say so" >&2
export PATH="$PWD/.venv/bin:$PATH"
# Answers saved by live exercises (nbval runs them) go to a temporary folder, never to the real home.
COURSEKIT_PROGRESS_DIR=$(mktemp -d)
export COURSEKIT_PROGRESS_DIR
trap 'rm -rf "$COURSEKIT_PROGRESS_DIR"' EXIT

.venv/bin/python -m pytest -n 2 --dist loadscope \
  --nbval --nbval-current-env --nbval-kernel-startup-timeout 120 \
  tests chapters exercises back fr "$@"
