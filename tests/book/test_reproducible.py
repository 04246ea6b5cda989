"""Reproducible output: a clean build gives the same HTML as the main build; notebooks are stored normalised.

The main build (_build/html, made by scripts/test.sh through coursekit.build) is compared with ONE
clean build into a temporary folder, made by the same function. That every stored output equals a
fresh run is strict nbval's job (it runs each notebook once); here, without executing anything,
each stored notebook must already be in the normalised form ``python -m coursekit.notebooks`` writes.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import nbformat
import pytest

from coursekit.build import build
from coursekit.notebooks import normalised_bytes, notebooks, serialised
from helpers import ROOT

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


@pytest.mark.slow
def test_a_clean_build_gives_the_main_builds_html(built_book, tmp_path):
    result = build(ROOT, path_output=tmp_path)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    differences = _differences(built_book, tmp_path / "_build" / "html")
    assert differences == [], (
        "a clean build differs from _build/html (if you changed the book since building it, run bash scripts/build.sh): "
        + ", ".join(differences[:20]))


def test_the_comparison_would_see_a_difference(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a" / "page.html").write_text("one")
    (tmp_path / "b" / "page.html").write_text("two")
    (tmp_path / "a" / "only-here.html").write_text("three")
    assert _differences(tmp_path / "a", tmp_path / "b") == ["only-here.html", "page.html"]


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: str(p.relative_to(ROOT)))
def test_each_notebook_is_stored_in_normalised_form(path):
    stored = path.read_bytes()
    assert normalised_bytes(stored) == stored, f"not normalised: run python -m coursekit.notebooks {path.relative_to(ROOT)}"


def test_normalising_would_see_volatile_fields():
    stored = notebooks()[0].read_bytes()
    nb = nbformat.reads(stored.decode("utf-8"), as_version=4)
    nb.metadata["widgets"] = {"state": {}}
    nb.cells[0].metadata["collapsed"] = True
    volatile = serialised(nb)
    assert volatile != stored and normalised_bytes(volatile) == stored
