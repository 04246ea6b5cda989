"""The vendored vega builds are the pinned ones and match what the installed Altair emits."""

from __future__ import annotations

import hashlib
import json

import altair as alt

from coursekit import assets
from helpers import ROOT


def test_package_json_pins_exact_versions_and_the_lock_agrees():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in package["dependencies"].items():
        assert version[0].isdigit(), f"{name} is not pinned to an exact version: {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
        assert lock["packages"][f"node_modules/{name}"]["integrity"].startswith("sha512-")


def test_pinned_versions_match_what_altair_emits():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert assets.mismatches(package) == []
    assert assets.mismatches({**package, "vega-lite": "5.20.1"}), "a wrong vega-lite must be caught"


def test_vendored_files_are_the_manifest_ones():
    manifest = json.loads(assets.MANIFEST.read_text(encoding="utf-8"))
    assert set(manifest) == set(assets.LIBRARIES)
    assert assets.mismatches({name: entry["version"] for name, entry in manifest.items()}) == []
    for entry in manifest.values():
        body = (assets.VENDOR / entry["file"]).read_bytes()
        assert hashlib.sha256(body).hexdigest() == entry["sha256"]
        assert f'"{entry["version"]}"'.encode() in body, "the file does not carry its declared version"


def test_version_prefixes_follow_component_boundaries():
    assert assets.satisfies("6.4.0", "6")
    assert assets.satisfies("6.4.1", "6.4.1")
    assert not assets.satisfies("16.0.0", "6")
    assert not assets.satisfies("6.4.10", "6.4.1")
