"""The built book: no outside references in what pages load, assets only where needed, strict builds."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from coursekit import THEMED_OUTPUT

from coursekit.build import build
from coursekit.charts.core import HTML_MARKER as CHART_MARKER
from coursekit.exercises import catalogue, static
from coursekit.notebooks import KERNELSPEC
from helpers import ROOT

LOADED = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)="([^"]+)"', re.I)


def _pages(book: Path) -> list[Path]:
    return sorted(p for p in book.rglob("*.html") if "_static" not in p.parts)


def test_no_page_loads_anything_from_another_host(built_book):
    for page in _pages(built_book):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html, re.I):
            if re.search(r'\brel="(?:canonical|alternate)"', tag):
                continue
            for url in LOADED.findall(tag):
                assert not re.match(r"(https?:)?//", url), f"{page.relative_to(built_book)} loads {url}"


def test_no_page_ships_the_ipywidgets_manager_or_requirejs(built_book):
    for page in _pages(built_book):
        html = page.read_text(encoding="utf-8")
        assert "embed-amd" not in html and "require.min.js" not in html and "require.js" not in html
        assert "application/vnd.jupyter.widget-state+json" not in html


def test_chart_scripts_only_on_pages_with_charts(built_book):
    with_charts = 0
    for page in _pages(built_book):
        html = page.read_text(encoding="utf-8")
        has_chart = CHART_MARKER in html
        with_charts += has_chart
        assert ("vendor/vega.min.js" in html) == has_chart, page.name
        markers = (static.MARKER, static.PANEL_MARKER, catalogue.MARKER)
        assert any(marker in html for marker in markers) == ("exercises.js" in html), page.name
        assert (f'class="{THEMED_OUTPUT}' in html or f' {THEMED_OUTPUT}"' in html) == ("themed-outputs.css" in html), page.name
    assert with_charts >= 1


def test_lesson_2_1_shows_its_chart_and_exercises(built_book):
    html = (built_book / "chapters" / "2-contact" / "2-1-weak-link.html").read_text(encoding="utf-8")
    assert html.count(CHART_MARKER) >= 1
    assert html.count(static.MARKER) >= 2


# Small books: the course's own configuration, theme templates and assets, with one or two pages of
# their own, built by coursekit.build (the flags scripts/build.sh uses), so a failure is cheap to provoke.


def _small_book(folder: Path, pages: dict[str, str]) -> Path:
    folder.mkdir()
    for name in ("_config.yml", "references.bib"):
        shutil.copyfile(ROOT / name, folder / name)
    for name in ("_assets", "_templates"):
        shutil.copytree(ROOT / name, folder / name)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    chapters = "".join(f"- file: {Path(name).stem}\n" for name in pages if name != "intro.md")
    (folder / "_toc.yml").write_text(f"format: jb-book\nroot: intro\nchapters:\n{chapters}", encoding="utf-8")
    return folder


INTRO = "# A small book\n\nOne page, and {doc}`lesson`.\n"


def _notebook(*sources: str) -> str:
    cells = [nbformat.v4.new_markdown_cell("# A lesson")] + [nbformat.v4.new_code_cell(s) for s in sources]
    for number, cell in enumerate(cells):
        cell.id = f"cell{number}"
    return nbformat.writes(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC}))


def _output(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


@pytest.mark.slow
def test_the_small_book_builds_cleanly(tmp_path):
    """The control for the two tests below: without its defect, the small book builds."""
    book = _small_book(tmp_path / "book", {"intro.md": INTRO, "lesson.ipynb": _notebook("x = 1")})
    result = build(book)
    assert result.returncode == 0, _output(result)[-3000:]
    assert (book / "_build" / "html" / "lesson.html").is_file()


@pytest.mark.slow
def test_a_broken_internal_reference_fails_the_build(tmp_path):
    intro = INTRO + "\nSee {doc}`chapters/2-contact/no-such-lesson`.\n"
    book = _small_book(tmp_path / "book", {"intro.md": intro, "lesson.ipynb": _notebook("x = 1")})
    result = build(book)
    assert result.returncode != 0
    assert "no-such-lesson" in _output(result)


@pytest.mark.slow
def test_an_unbalanced_hidden_test_marker_fails_the_build_naming_file_and_cell(tmp_path):
    hidden = "assert x == 1\n### BEGIN HIDDEN TESTS\nassert secret == 2\n"
    book = _small_book(tmp_path / "book", {"intro.md": INTRO, "lesson.ipynb": _notebook("x = 1", hidden)})
    result = build(book)
    assert result.returncode != 0
    assert re.search(r"lesson\.ipynb, cell 3: .*must come in pairs", _output(result)), _output(result)[-3000:]
    assert not (book / "_build" / "html" / "lesson.html").is_file()
