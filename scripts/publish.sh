#!/usr/bin/env bash
# Publish the built book to a static host: build it (scripts/build.sh), then force-push _build/html
# as the single commit of a gh-pages branch (GitHub Pages, or any host that serves a branch).
# Usage: bash scripts/publish.sh [remote]   (default: origin; needs network access and push rights)
# The book works under any sub-path (e.g. https://example.org/course/): all its links are relative.
set -euo pipefail
cd "$(dirname "$0")/.."
remote=${1:-origin}
url=$(git remote get-url "$remote") || { echo "publish: no git remote named '$remote'" >&2; exit 1; }
bash scripts/build.sh
commit=$(git rev-parse --short HEAD)
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
cp -R _build/html/. "$site"
touch "$site/.nojekyll"   # serve _static/ and other underscore folders as they are
git -C "$site" init -q
git -C "$site" checkout -q -b gh-pages
git -C "$site" add -A
git -C "$site" -c user.name="${GIT_AUTHOR_NAME:-course publisher}" -c user.email="${GIT_AUTHOR_EMAIL:-publisher@localhost}" \
  commit -qm "Publish the book built from $commit"
git -C "$site" push -q -f "$url" gh-pages
echo "publish: pushed the book built from $commit to $remote gh-pages"
