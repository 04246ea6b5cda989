"""The built book has both editions: every page in English and in French, each with its language and a link
to itself in the other; the front page chooses the reader's language (tests/browser/test_languages.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit import i18n
from helpers import BUILD_HTML

PAGES = [page.docname for page in i18n.pages()]
SWITCH = re.compile(r'<nav class="coursekit-language" aria-label="([^"]+)"[^>]*><a href="([^"]+)" hreflang="(\w+)" lang="\w+"')


def _switch(path: Path) -> tuple[str, str, str]:
    found = SWITCH.search(path.read_text(encoding="utf-8"))
    assert found, f"{path}: no language switch"
    return found.groups()


@pytest.mark.parametrize("docname", PAGES)
def test_each_page_is_in_both_editions_in_its_language_and_links_to_the_other(built_book: Path, docname: str):
    english, french = built_book / f"{docname}.html", built_book / i18n.LANGUAGE / f"{docname}.html"
    assert '<html lang="en"' in english.read_text(encoding="utf-8")
    assert '<html lang="fr"' in french.read_text(encoding="utf-8")
    label, href, language = _switch(english)
    assert (label, language) == (i18n.SWITCHER_LABEL["en"], "fr") and (english.parent / href).resolve() == french.resolve()
    label, href, language = _switch(french)
    assert (label, language) == (i18n.SWITCHER_LABEL["fr"], "en") and (french.parent / href).resolve() == english.resolve()


def test_the_front_page_chooses_a_language_and_offers_both(built_book: Path):
    front = (built_book / "index.html").read_text(encoding="utf-8")
    assert 'href="intro.html"' in front and f'href="{i18n.LANGUAGE}/intro.html"' in front
    assert i18n.PREFERENCE_KEY in front and "navigator.languages" in front
    assert '<meta http-equiv="refresh" content="0; url=intro.html">' in front, "with scripts off: English"


def test_the_french_edition_uses_the_books_shared_files_and_no_other_host(built_book: Path):
    page = (built_book / i18n.LANGUAGE / "chapters" / "2-contact" / "2-1-weak-link.html").read_text(encoding="utf-8")
    assert "_static/charts.js" in page and "_static/exercises.js" in page
    for tag in re.findall(r"<(?:script|link|img)\b[^>]*>", page):
        assert not re.search(r'(?:src|href)="(?:https?:)?//', tag) or 'rel="alternate"' in tag, tag
