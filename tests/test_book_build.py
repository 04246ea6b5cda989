"""The built book: no outside references in what pages load, assets only where needed, strict builds."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import BUILD_HTML, ROOT

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
        has_chart = 'id="altair-viz-' in html
        with_charts += has_chart
        assert ("vendor/vega.min.js" in html) == has_chart, page.name
        assert ('class="cx-exercise"' in html) == ("exercises.js" in html), page.name
    assert with_charts >= 1


def test_lesson_2_1_shows_its_chart_and_exercises(built_book):
    html = (built_book / "chapters" / "2-contact" / "2-1-weak-link.html").read_text(encoding="utf-8")
    assert html.count('id="altair-viz-') >= 1
    assert html.count('class="cx-exercise"') >= 2


def _book_copy(tmp_path: Path) -> Path:
    target = tmp_path / "book"
    ignore = shutil.ignore_patterns("_build", ".venv", "node_modules", ".git", "tests", "drafts", "__pycache__", ".pytest_cache")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def _build(book: Path) -> subprocess.CompletedProcess:
    jb = shutil.which("jupyter-book") or str(Path(__import__("sys").executable).parent / "jupyter-book")
    return subprocess.run(
        [jb, "build", str(book), "--warningiserror", "--nitpick", "--keep-going"],
        capture_output=True, text=True, timeout=600,
    )


@pytest.mark.slow
def test_a_broken_internal_reference_fails_the_build(tmp_path):
    book = _book_copy(tmp_path)
    intro = book / "intro.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\n\nSee {doc}`chapters/2-contact/no-such-lesson`.\n", encoding="utf-8")
    result = _build(book)
    assert result.returncode != 0
    assert "no-such-lesson" in result.stdout + result.stderr
