#!/usr/bin/env bash
# Publish the book to a static host: build it afresh from a clean working tree, then force-push the
# build as the single commit of a gh-pages branch (GitHub Pages, or any host that serves a branch).
# Usage: bash scripts/publish.sh [remote]   (default: origin; needs network access and push rights)
# The book works under any sub-path (e.g. https://example.org/course/): all its links are relative.
#
# It refuses a working tree with uncommitted or untracked files, so what is published is exactly the
# commit it names; and it builds into a new temporary folder (never _build/html, which may hold pages
# of an older build), with the flags of scripts/build.sh (coursekit/build.py).
set -euo pipefail
cd "$(dirname "$0")/.."
remote=${1:-origin}
url=$(git remote get-url "$remote") || { echo "publish: no git remote named '$remote'" >&2; exit 1; }
if [ -n "$(git status --porcelain --untracked-files=normal)" ]; then
  echo "publish: the working tree has uncommitted or untracked changes; commit or stash them first:" >&2
  git status --short >&2
  exit 1
fi
bash scripts/setup.sh
commit=$(git rev-parse --short HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m coursekit.build --path-output "$work/build" .
site="$work/site"
cp -R "$work/build/_build/html" "$site"
touch "$site/.nojekyll"   # serve _static/ and other underscore folders as they are
git -C "$site" init -q
git -C "$site" checkout -q -b gh-pages
git -C "$site" add -A
git -C "$site" -c user.name="${GIT_AUTHOR_NAME:-course publisher}" -c user.email="${GIT_AUTHOR_EMAIL:-publisher@localhost}" \
  commit -qm "Publish the book built from $commit"
git -C "$site" push -q -f "$url" gh-pages
echo "publish: pushed the book built from $commit to $remote gh-pages"
