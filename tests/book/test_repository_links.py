"""One setting, repository.url, turns on the repository, issue, edit and launch links; the default build has none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit.build import build
from test_book_build import INTRO, LOADED, _notebook, _output, _pages, _small_book

SAMPLE = "https://github.com/example-org/social-business-course"
HUB = "https://hub.example.edu"
# What the theme writes for each button (sphinx-book-theme 1.3): the link or the button's label.
LESSON_LINKS = (
    SAMPLE,
    f"{SAMPLE}/edit/main/lesson.ipynb",
    f"{SAMPLE}/issues/new?title=Issue%20on%20page%20%2Flesson.html",
    "https://mybinder.org/v2/gh/example-org/social-business-course/main?urlpath=lab/tree/lesson.ipynb",
    f"{HUB}/hub/user-redirect/git-pull?repo=https%3A//github.com/example-org/social-business-course"
    "&urlpath=lab/tree/social-business-course/lesson.ipynb&branch=main",
)
MARKS = ("source-repository-button", "source-issues-button", "source-edit-button", "launch-buttons",
         "mybinder.org", "git-pull", "/edit/", "/issues/new")


def _links(html: str) -> set[str]:
    return set(re.findall(r'<a\b[^>]*\bhref="([^"]+)"', html))


@pytest.mark.slow
def test_a_repository_url_gives_repository_issue_edit_and_launch_links(tmp_path):
    book = _small_book(tmp_path / "book", {"intro.md": INTRO, "lesson.ipynb": _notebook("x = 1")})
    config = book / "_config.yml"
    text = config.read_text(encoding="utf-8")
    assert '  url: ""' in text and 'jupyterhub_url: ""' in text
    config.write_text(text.replace('  url: ""', f'  url: "{SAMPLE}"').replace('jupyterhub_url: ""', f'jupyterhub_url: "{HUB}"'),
                      encoding="utf-8")
    result = build(book)
    assert result.returncode == 0, _output(result)[-3000:]
    html = book / "_build" / "html"
    lesson = _links((html / "lesson.html").read_text(encoding="utf-8"))
    for link in LESSON_LINKS:
        assert any(found.startswith(link) for found in lesson), f"lesson.html has no link {link}"
    # A Markdown page has the repository's buttons but nothing to launch.
    intro = (html / "intro.html").read_text(encoding="utf-8")
    assert f'href="{SAMPLE}/edit/main/intro.md"' in intro and "launch-buttons" not in intro
    # Links only: the pages still load nothing from another host.
    for page in _pages(html):
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", page.read_text(encoding="utf-8"), re.I):
            if not re.search(r'\brel="(?:canonical|alternate)"', tag):
                assert not any(re.match(r"(https?:)?//", url) for url in LOADED.findall(tag)), f"{page.name}: {tag}"


def test_the_default_build_has_no_repository_or_launch_links(built_book: Path):
    for page in _pages(built_book):
        html = page.read_text(encoding="utf-8")
        found = [mark for mark in MARKS if mark in html]
        assert found == [], f"{page.relative_to(built_book)} shows {found}"


def test_every_page_states_the_licences_in_its_footer(built_book: Path):
    for page in _pages(built_book):
        html = page.read_text(encoding="utf-8")
        if "<body" not in html:  # index.html only redirects to the front page
            continue
        footer = html.rpartition('class="bd-footer-content')[2]
        assert 'href="https://creativecommons.org/licenses/by/4.0/"' in footer, page.relative_to(built_book)
        assert 'href="https://opensource.org/license/mit"' in footer, page.relative_to(built_book)
