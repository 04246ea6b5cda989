#!/usr/bin/env bash
# Set up what the book needs, idempotently: a Python virtual environment in .venv with the pinned
# requirements (and the test tools with --dev), the pinned JavaScript from package-lock.json, and
# the vendored copies the book serves. Needs Python 3.11+ with venv, and Node.js with npm.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "setup: $*" >&2; exit 1; }

PYTHON=${PYTHON:-python3}
command -v "$PYTHON" >/dev/null || die "$PYTHON not found: install Python 3.11 or newer (Debian: sudo apt-get install python3 python3-venv)."
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "Python 3.11 or newer is needed; $PYTHON is $("$PYTHON" --version 2>&1)."
command -v npm >/dev/null || die "npm not found: install Node.js and npm (Debian: sudo apt-get install nodejs npm)."

requirements=(requirements.txt)
[ "${1:-}" = "--dev" ] && requirements+=(requirements-dev.txt)

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv || die "could not create .venv (Debian: sudo apt-get install python3-venv)."
fi
rm -f .venv/.installed-*  # the stamp of the combined set, before stamps were kept per file

# One stamp per requirements file, named after the file and the hash of what it installs, so that
# build.sh (requirements.txt) and test.sh (--dev: both files) never reinstall each other's set, and a
# re-run with nothing changed installs nothing and makes no network request.
for file in "${requirements[@]}"; do
  hashed=("$file")
  # requirements.txt installs the course package itself (-e .); the dev tools are installed beside its pins.
  [ "$file" = requirements.txt ] && hashed+=(pyproject.toml jupyter-config/pyproject.toml) || hashed+=(requirements.txt)
  stamp=".venv/.installed.$file.$(cat "${hashed[@]}" | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    echo "setup: installing pinned Python packages ($file)"
    # The dev tools are installed with the book's pins beside them, so pip refuses any conflict.
    args=(-r "$file")
    [ "$file" != requirements.txt ] && args=(-r requirements.txt "${args[@]}")
    .venv/bin/python -m pip install --quiet --disable-pip-version-check "${args[@]}"
    rm -f ".venv/.installed.$file".*
    touch "$stamp"
  fi
done

lock_stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)"
if [ ! -f "$lock_stamp" ]; then
  echo "setup: installing pinned JavaScript packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$lock_stamp"
fi
.venv/bin/python -m coursekit.assets
