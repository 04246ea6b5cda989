#!/usr/bin/env bash
# Set up the hub, idempotently: hub/.venv (JupyterHub, nbgrader and the course's environment, which every
# learner's server runs in; hub/requirements.txt) and hub/node_modules (configurable-http-proxy, package-lock.json).
# Every learner account runs hub/.venv's Python, so it is made from a Python they can all reach: HUB_PYTHON if
# set, else python3 when no folder above it is closed to other users, else Debian's /usr/bin/python3.
# A second run with nothing changed installs nothing and makes no network request.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "hub/setup: $*" >&2; exit 1; }

# Can every account run this Python: is every folder from / down to its installation open to others (o+x)?
reachable() {
  "$1" - <<'PY' 2>/dev/null
import os, stat, sys
from pathlib import Path
places = {Path(sys.base_prefix).resolve(), Path(sys.executable).resolve().parent}
for place in places:
    for folder in [place, *place.parents]:
        if not os.stat(folder).st_mode & stat.S_IXOTH:
            sys.exit(f"{folder} is closed to other users")
sys.exit(sys.version_info < (3, 11))
PY
}

if [ -n "${HUB_PYTHON:-}" ]; then
  PYTHON=$HUB_PYTHON
  reachable "$PYTHON" || die "HUB_PYTHON=$PYTHON is not a Python 3.11+ that every account can run (a folder above it is closed to others?)."
elif command -v python3 >/dev/null && reachable python3; then
  PYTHON=python3
elif [ -x /usr/bin/python3 ] && reachable /usr/bin/python3; then
  PYTHON=/usr/bin/python3
else
  die "no Python 3.11+ that every account can run: install Debian's (sudo apt-get install python3 python3-venv) or set HUB_PYTHON."
fi
command -v npm >/dev/null || die "npm not found: install Node.js and npm (Debian: sudo apt-get install nodejs npm)."

if [ ! -x hub/.venv/bin/python ]; then
  echo "hub/setup: creating hub/.venv with $PYTHON ($("$PYTHON" --version 2>&1))"
  "$PYTHON" -m venv hub/.venv || die "could not create hub/.venv (Debian: sudo apt-get install python3-venv)."
fi
stamp="hub/.venv/.installed.$(cat requirements.txt hub/requirements.txt pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "hub/setup: installing the course's pins and the hub's (requirements.txt, hub/requirements.txt)"
  # The course's freeze, where hub/requirements.txt pins the same package its pin instead (paths stay relative
  # to the repository, where pip runs), then the hub's own packages.
  hub/.venv/bin/python - requirements.txt hub/requirements.txt > hub/.venv/requirements-course.txt <<'PY'
import re, sys
name = lambda line: re.split(r"[=<>!~\[ ;]", line.strip(), maxsplit=1)[0].lower().replace("_", "-")
hub = {name(l) for l in open(sys.argv[2]) if l.strip() and not l.startswith("#")}
for line in open(sys.argv[1]):
    if not (line.strip() and not line.startswith(("#", "-", ".")) and name(line) in hub):
        sys.stdout.write(line)
PY
  hub/.venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -r hub/.venv/requirements-course.txt -r hub/requirements.txt
  rm -f hub/.venv/.installed.*
  touch "$stamp"
fi

lock_stamp="hub/node_modules/.installed-$(sha256sum hub/package-lock.json | cut -c1-16)"
if [ ! -f "$lock_stamp" ]; then
  echo "hub/setup: installing configurable-http-proxy (npm ci in hub/)"
  (cd hub && npm ci --no-audit --no-fund --loglevel=error)
  touch "$lock_stamp"
fi
echo "hub/setup: ready: hub/.venv/bin/jupyterhub, hub/node_modules/.bin/configurable-http-proxy"
