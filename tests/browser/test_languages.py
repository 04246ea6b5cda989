"""The reader's language: the front page picks the edition from the browser's languages or the reader's last
choice, and each page's switch leads to the same page in the other edition and remembers the choice."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from coursekit import i18n

pytestmark = pytest.mark.browser


def _front(browser, book_url: str, locale: str, preference: str | None = None) -> str:
    context = browser.new_context(locale=locale)
    context.route("**/*", lambda r: r.continue_() if urlparse(r.request.url).hostname == "127.0.0.1" else r.abort())
    try:
        page = context.new_page()
        if preference:
            page.goto(book_url + "genindex.html")
            page.evaluate("([key, value]) => localStorage.setItem(key, value)", [i18n.PREFERENCE_KEY, preference])
        page.goto(book_url + "index.html")
        page.wait_for_url("**/intro.html")
        return page.url.removeprefix(book_url)
    finally:
        context.close()


@pytest.mark.parametrize("locale, preference, lands", [
    ("fr-FR", None, "fr/intro.html"),
    ("fr-CH", None, "fr/intro.html"),
    ("en-GB", None, "intro.html"),
    ("de-DE", None, "intro.html"),
    ("en-US", "fr", "fr/intro.html"),
    ("fr-FR", "en", "intro.html"),
])
def test_the_front_page_opens_the_readers_edition(browser, book_url, built_book, locale, preference, lands):
    assert _front(browser, book_url, locale, preference) == lands


def test_the_switch_leads_to_the_same_page_in_the_other_edition_and_is_remembered(visit, book_url, built_book):
    lesson = "chapters/2-contact/2-1-weak-link.html"
    seen = visit(book_url + lesson, wait_until="load")
    seen.page.get_by_role("navigation", name=i18n.SWITCHER_LABEL["en"]).get_by_role("link", name=i18n.NAMES["fr"]).click()
    seen.page.wait_for_url(f"**/fr/{lesson}")
    assert seen.page.evaluate("document.documentElement.lang") == "fr"
    assert seen.page.evaluate(f"localStorage.getItem('{i18n.PREFERENCE_KEY}')") == "fr"
    seen.page.get_by_role("navigation", name=i18n.SWITCHER_LABEL["fr"]).get_by_role("link", name=i18n.NAMES["en"]).click()
    seen.page.wait_for_url(book_url + lesson)
    assert seen.page.evaluate(f"localStorage.getItem('{i18n.PREFERENCE_KEY}')") == "en"
    assert seen.outside_requests == [] and seen.errors == []
