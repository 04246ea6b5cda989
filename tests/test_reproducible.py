"""Reproducible output: two clean builds give the same HTML; regenerating a notebook gives the stored bytes."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.notebooks import notebooks, regenerate
from helpers import ROOT

pytestmark = pytest.mark.slow
JB = str(Path(sys.executable).parent / "jupyter-book")
# Files that may legitimately differ between two builds of one commit, with the reason: none so far.
MAY_DIFFER: dict[str, str] = {}


def _differences(a: Path, b: Path) -> list[str]:
    found = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b))
    return sorted(f for f in found if f not in MAY_DIFFER)


def test_two_clean_builds_give_identical_html(tmp_path):
    outputs = []
    for name in ("first", "second"):
        out = tmp_path / name
        result = subprocess.run([JB, "build", str(ROOT), "--path-output", str(out), "--warningiserror", "--nitpick", "--keep-going"],
                                capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout[-3000:]
        outputs.append(out / "_build" / "html")
    assert _differences(*outputs) == []


def test_the_comparison_would_see_a_difference(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a" / "page.html").write_text("one")
    (tmp_path / "b" / "page.html").write_text("two")
    assert _differences(tmp_path / "a", tmp_path / "b") == ["page.html"]


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: str(p.relative_to(ROOT)))
def test_regenerating_a_notebook_reproduces_its_stored_bytes(tmp_path, path):
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    regenerate(copy)
    first = copy.read_bytes()
    regenerate(copy)
    assert copy.read_bytes() == first, "two regenerations differ"
    assert first == path.read_bytes(), f"stored outputs are stale: run python -m coursekit.notebooks {path.relative_to(ROOT)}"
