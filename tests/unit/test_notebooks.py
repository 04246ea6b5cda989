"""Notebooks are stored normalised, with outputs, in the table of contents, and never need the widget manager."""

from __future__ import annotations

import json

import pytest
import yaml

from coursekit.notebooks import KERNELSPEC, WIDGET_VIEW, notebooks
from helpers import ROOT

NOTEBOOKS = notebooks()


def _toc_files() -> set[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = {toc["root"]}

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                files.add(entry["file"])
            walk(entry.get("sections", []))
            walk(entry.get("chapters", []))

    walk(toc.get("parts", []))
    return files


def test_there_are_notebooks_to_check():
    assert any(p.parts[-3] == "chapters" for p in NOTEBOOKS)


PAGES = NOTEBOOKS + sorted(p for folder in ("chapters", "back") for p in (ROOT / folder).rglob("*.md"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_page_is_in_the_table_of_contents(path):
    assert str(path.relative_to(ROOT).with_suffix("")) in _toc_files(), "an orphan page: add it to _toc.yml"


def test_every_toc_entry_exists():
    for entry in _toc_files():
        assert any((ROOT / f"{entry}{suffix}").is_file() for suffix in (".md", ".ipynb")), entry


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_stored_normalised_with_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"] == KERNELSPEC
    assert "widgets" not in nb["metadata"], "saved widget state would load the 3.6 MB widget manager"
    code = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert code and all(c["execution_count"] == i + 1 for i, c in enumerate(code)), "run python -m coursekit.notebooks"
    for cell in code:
        assert "execution" not in cell["metadata"], "timing metadata is volatile"
        for output in cell["outputs"]:
            assert output["output_type"] != "error"
            assert WIDGET_VIEW not in output.get("data", {})
    ids = [c["id"] for c in nb["cells"]]
    assert len(ids) == len(set(ids))
