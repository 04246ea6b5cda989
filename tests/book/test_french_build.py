"""The built book has both editions: every page in English and in French, each with its language and a link
to itself in the other; the front page chooses the reader's language (tests/browser/test_languages.py)."""

from __future__ import annotations

import html
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


FRAME_WORDS = re.compile(r'(?:placeholder|title|aria-label)="([^"]*)"')


@pytest.mark.parametrize("docname", ["intro", "chapters/3-roi/3-1-carpe-diem", "back/glossary"])
def test_the_page_frame_speaks_the_edition_s_language(built_book: Path, docname: str):
    """The words the themes write in English whatever the language (search field, sidebar toggles, the
    navigation's name, the section toggles) are the edition's own, from book.po (i18n.THEME_WORDS)."""
    french_words = i18n.theme_words(i18n.LANGUAGE)
    assert all(french_words[text] != text for text in i18n.THEME_WORDS), "every frame word has its French"
    for language, words in (("en", i18n.theme_words("en")), (i18n.LANGUAGE, french_words)):
        page = built_book / ("" if language == "en" else language) / f"{docname}.html"
        text = page.read_text(encoding="utf-8")
        shown = {html.unescape(word) for word in FRAME_WORDS.findall(text)}
        # The in-page contents' toggle shows only on a page with contents (not the glossary).
        expected = {word for key, word in words.items() if key != "Toggle secondary sidebar" or "secondary-toggle" in text}
        assert expected <= shown, (language, expected - shown)
        other = i18n.theme_words("en" if language != "en" else i18n.LANGUAGE)
        assert not set(other.values()) & shown, language
    french = (built_book / i18n.LANGUAGE / f"{docname}.html").read_text(encoding="utf-8")
    author = i18n.book_words()["The course authors"]
    assert author != "The course authors" and author in french and "The course authors" not in french
