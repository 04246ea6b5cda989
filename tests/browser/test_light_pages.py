"""A light page still works (issue 18): icons drawn from the book's font subset, the search index fetched only
when a search is made and the search finding pages, and the deferred scripts doing their work."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LESSON = "chapters/2-contact/2-1-weak-link.html"


def _requested(seen) -> list[str]:
    return seen.page.evaluate("performance.getEntriesByType('resource').map(e => e.name.split('?')[0].split('/').pop())")


def test_icons_are_drawn_from_the_font_subset_without_the_all_icons_script(visit, book_url, built_book):
    seen = visit(book_url + LESSON, wait_until="networkidle")
    page = seen.page
    page.evaluate("document.fonts.ready")
    requested = _requested(seen)
    assert "fa-solid-900.woff" in requested
    assert not {"fontawesome.js", "fa-solid-900.woff2", "fa-brands-400.woff2", "fa-regular-400.woff2"} & set(requested)
    icon = page.locator(".theme-switch-button .theme-switch").first  # a header icon every page shows
    assert page.evaluate("""el => { const s = getComputedStyle(el, '::before');
                                    return [s.content !== 'none' && s.content !== 'normal', s.fontFamily]; }""",
                         icon.element_handle()) == [True, '"Font Awesome 6 Free"']
    # The glyphs drawn are the subset's: each is as wide as the subset font says (moon is narrower than sun).
    from fontTools.ttLib import TTFont

    font = TTFont(built_book / "_static" / "icons" / "fa-solid-900.woff")
    glyphs = [0xF002, 0xF185, 0xF186, 0xF078]  # magnifying glass, sun, moon, chevron-down
    expected = [round(16 * font["hmtx"][font.getBestCmap()[g]][0] / font["head"].unitsPerEm) for g in glyphs]
    widths = page.evaluate("""codes => { const c = document.createElement('canvas').getContext('2d');
        c.font = '900 16px "Font Awesome 6 Free"';
        return codes.map(g => Math.round(c.measureText(String.fromCodePoint(g)).width)); }""", glyphs)
    assert widths == expected and len(set(widths)) > 1
    assert seen.errors == [] and seen.outside_requests == []


def test_the_search_index_loads_only_when_a_search_is_made(visit, book_url):
    seen = visit(book_url + LESSON, wait_until="networkidle")
    assert not {"searchindex.js", "searchtools.js"} & set(_requested(seen))
    page = seen.page
    page.keyboard.press("Control+k")  # the theme's search dialog
    field = page.locator("#pst-search-dialog input[type='search']")
    field.wait_for(state="visible")
    field.fill("weak link")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=weak*")
    page.locator("#search-results li").first.wait_for(timeout=15_000)
    assert page.locator("#search-results li a", has_text="weak link").count() >= 1
    assert "searchindex.js" in _requested(seen)
    assert seen.errors == [] and seen.outside_requests == []


def test_deferred_scripts_still_run_in_order(visit, book_url):
    seen = visit(book_url + LESSON, wait_until="load")
    page = seen.page
    # The inline module script set the page name after documentation_options.js defined the options.
    assert page.evaluate("DOCUMENTATION_OPTIONS.pagename") == LESSON.removesuffix(".html")
    before = page.evaluate("document.documentElement.dataset.mode")
    page.locator(".theme-switch-button").first.click()  # the theme's script (deferred) switches the mode
    assert page.evaluate("document.documentElement.dataset.mode") != before
    assert page.locator("button.copybtn").count() >= 1 or page.locator("div.highlight").count() == 0  # copybutton.js ran
    assert seen.errors == []
