"""The JavaScript the book serves itself, and the check that it matches what Altair emits.

``python -m coursekit.assets`` copies the pinned npm builds of vega, vega-lite and
vega-embed (installed by ``npm ci`` from ``package-lock.json``) into ``_assets/vendor/``,
after checking that their versions are the ones the installed Altair writes specs for. The
course's chart loader (``coursekit/charts/assets/charts.js``) loads them from there.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import altair as alt

from coursekit.paths import ROOT

NODE_MODULES = ROOT / "node_modules"
ASSETS = ROOT / "_assets"
VENDOR = ASSETS / "vendor"
MANIFEST = VENDOR / "manifest.json"
# npm package -> (file in the package, global it defines, the version prefix Altair asks for)
LIBRARIES = {
    "vega": ("build/vega.min.js", "vega", alt.VEGA_VERSION),
    "vega-lite": ("build/vega-lite.min.js", "vegaLite", alt.VEGALITE_VERSION),
    "vega-embed": ("build/vega-embed.min.js", "vegaEmbed", alt.VEGAEMBED_VERSION),
}


class AssetError(Exception):
    """The vendored JavaScript is missing or does not match Altair."""


def satisfies(version: str, wanted: str) -> bool:
    """True when ``version`` (e.g. 6.4.0) matches Altair's request (e.g. '6' or '6.4.1')."""
    return version == wanted or version.startswith(wanted + ".")


def installed_versions() -> dict[str, str]:
    """Versions of the npm packages in node_modules."""
    versions = {}
    for package in LIBRARIES:
        meta = NODE_MODULES / package / "package.json"
        if not meta.is_file():
            raise AssetError(f"{meta} is missing: run 'npm ci' in {ROOT} first (scripts/setup.sh does).")
        versions[package] = json.loads(meta.read_text(encoding="utf-8"))["version"]
    return versions


def mismatches(versions: dict[str, str]) -> list[str]:
    """Each library whose version differs from what the installed Altair emits."""
    return [
        f"{package} {versions[package]} does not match Altair {alt.__version__}'s {wanted!r}"
        for package, (_, _, wanted) in LIBRARIES.items()
        if not satisfies(versions[package], wanted)
    ]


def vendor() -> dict[str, dict[str, str]]:
    """Copy the pinned builds into _assets/vendor/ and write their manifest."""
    versions = installed_versions()
    problems = mismatches(versions)
    if problems:
        raise AssetError("; ".join(problems) + ". Update package.json and package-lock.json.")
    VENDOR.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for package, (path, global_name, _) in LIBRARIES.items():
        source = NODE_MODULES / package / path
        target = VENDOR / source.name
        shutil.copyfile(source, target)
        licence = NODE_MODULES / package / "LICENSE"
        if licence.is_file():
            shutil.copyfile(licence, VENDOR / f"{package}.LICENSE.txt")
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        manifest[package] = {"version": versions[package], "file": target.name, "global": global_name, "sha256": digest}
    MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (ASSETS / "vega-offline.js").unlink(missing_ok=True)  # written by earlier versions; nothing loads it now
    return manifest


def main() -> int:
    try:
        manifest = vendor()
    except AssetError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for package, entry in manifest.items():
        print(f"vendored {package} {entry['version']} -> _assets/vendor/{entry['file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
