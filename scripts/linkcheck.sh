#!/usr/bin/env bash
# For maintainers with network access (never run in CI): check every external link of the book with
# Sphinx's linkcheck builder. Internal links and references are already checked by every build,
# which fails on any broken one. Report: _build/linkcheck/output.txt
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/jupyter-book build . --builder linkcheck
