#!/usr/bin/env bash
# The author's live preview: serve the book on http://127.0.0.1:8000/ and rebuild it on every save, the open
# page reloading itself (coursekit/preview.py: sphinx-autobuild around the one build command of coursekit/build.py).
#   bash scripts/preview.sh [--port 8000] [SOURCE]
# Needs the dev tools (bash scripts/setup.sh --dev). Builds into _build/preview/, never into _build/html.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
[ -x "$PYTHON" ] || { echo "preview: $PYTHON not found: run bash scripts/setup.sh --dev first" >&2; exit 2; }
exec "$PYTHON" -m coursekit.preview "$@"
