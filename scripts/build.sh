#!/usr/bin/env bash
# Set up (scripts/setup.sh) and build the HTML book into _build/html from the notebooks' stored
# outputs, with warnings as errors and nitpicky references: any broken link fails the build.
# The build's flags live in one place, coursekit/build.py, which the tests use too.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "$@"
.venv/bin/python -m coursekit.build
echo "build: open _build/html/index.html, or serve it: .venv/bin/python -m http.server -d _build/html"
