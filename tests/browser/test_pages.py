"""Every page of the built book, opened in Chromium like a reader: it loads cleanly and offline,
its charts draw, axe-core finds no WCAG 2.1 A/AA violation (light and dark), and its exercises
answer back with the same verdicts as the Python checker."""

from __future__ import annotations

import json

import pytest

from coursekit import i18n
from coursekit.assets import MANIFEST
from coursekit.charts.core import SCROLL_THROUGH_CHARTS
from coursekit.exercises import load_bank, load_file, static
from coursekit.exercises.numbers import MESSAGES
from axe import violations
from answering import answer, expected_statuses, right_and_wrong
from helpers import BUILD_HTML, FIXTURES, built_pages

pytestmark = pytest.mark.browser

PAGES = built_pages()
BANK = load_bank()
CHART_SVGS = "[id^='altair-viz-'] svg"


def _wait_for_charts(page, expected: int) -> None:
    """Scroll through the page as a reader would (charts draw as they come near), then wait for every one."""
    page.evaluate(SCROLL_THROUGH_CHARTS)
    page.wait_for_function(
        f"document.querySelectorAll(\"{CHART_SVGS}\").length >= {expected}", timeout=15_000
    )


def test_the_book_has_pages():
    assert "intro.html" in PAGES and "chapters/2-contact/2-1-weak-link.html" in PAGES


def _loads_cleanly(visit, book_url, name: str, scheme: str) -> None:
    """Offline, no error, every chart drawn, the colour scheme applied, and no WCAG 2.1 A/AA violation."""
    # "load", not "networkidle": the page's scripts have run; the charts are awaited below, and any
    # request still to come (a font, an image) is made before axe has finished and is checked after it.
    html = (BUILD_HTML / name).read_text(encoding="utf-8")
    redirects = 'http-equiv="refresh"' in html.lower()  # index.html sends the reader on: wait for the page it opens
    seen = visit(book_url + name, color_scheme=scheme, wait_until="networkidle" if redirects else "load")
    charts = html.count('<div id="altair-viz-')
    if charts:
        _wait_for_charts(seen.page, charts)
    assert seen.page.locator(CHART_SVGS).count() == charts
    assert seen.page.locator(".vega-embed .error, [id^='altair-viz-'] .error").count() == 0
    assert seen.page.evaluate("document.documentElement.dataset.theme") == scheme
    assert violations(seen.page) == [], "axe-core: WCAG 2.1 A or AA violations"
    assert seen.outside_requests == []
    assert seen.failed == []
    assert seen.errors == []


# One class per colour scheme: the test command spreads classes over its workers (--dist loadscope).
class TestEveryPageInLightMode:
    @pytest.mark.parametrize("name", PAGES)
    def test_page_loads_offline_cleanly_and_draws_every_chart(self, visit, book_url, name):
        _loads_cleanly(visit, book_url, name, "light")


class TestEveryPageInDarkMode:
    @pytest.mark.parametrize("name", PAGES)
    def test_page_loads_offline_cleanly_and_draws_every_chart(self, visit, book_url, name):
        _loads_cleanly(visit, book_url, name, "dark")


def test_charts_use_the_vendored_libraries_that_altair_expects(visit, book_url):
    seen = visit(book_url + "chapters/2-contact/2-1-weak-link.html")
    _wait_for_charts(seen.page, 1)
    versions = seen.page.evaluate("[vega.version, vegaLite.version, vegaEmbed.version]")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert versions == [manifest[name]["version"] for name in ("vega", "vega-lite", "vega-embed")]


def test_each_chart_is_described_for_screen_readers(visit, book_url):
    seen = visit(book_url + "chapters/2-contact/2-1-weak-link.html")
    _wait_for_charts(seen.page, 1)
    labels = seen.page.eval_on_selector_all("[id^='altair-viz-']", "els => els.map(e => e.getAttribute('aria-label'))")
    assert labels and all(label and "%" in label for label in labels)


EXERCISE_PAGES = [name for name in PAGES if static.MARKER in (BUILD_HTML / name).read_text(encoding="utf-8")]


def test_lesson_pages_have_exercises():
    assert "chapters/2-contact/2-1-weak-link.html" in EXERCISE_PAGES


class TestEveryExercisePage:
    @pytest.mark.parametrize("name", EXERCISE_PAGES)
    def test_every_exercise_answers_back_like_the_python_checker(self, visit, book_url, name):
        seen = visit(book_url + name, wait_until="load")
        ids = seen.page.eval_on_selector_all(".cx-exercise", "els => els.map(e => e.dataset.cxId)")
        assert ids
        # A French page answers in French: the bank and the kit's messages in the page's language.
        with i18n.using(i18n.LANGUAGE if name.startswith(f"{i18n.LANGUAGE}/") else i18n.SOURCE_LANGUAGE):
            bank = load_bank()
            for exercise_id in ids:
                ex = bank[exercise_id]
                statuses = set()
                for response in right_and_wrong(ex, lean=True):
                    shown = answer(seen.page, ex, response)
                    expected = ex.check(response)
                    assert shown == expected.message, f"{exercise_id} answered {response!r}"
                    statuses.add(expected.status)
                assert expected_statuses(ex) <= statuses
        assert seen.dialogs == [] and seen.errors == [] and seen.outside_requests == []


def test_hint_toggles_and_keyboard_alone_can_answer(visit, book_url):
    seen = visit(book_url + "chapters/2-contact/2-1-weak-link.html")
    numeric = next(ex for ex in BANK.values() if ex.type == "numeric")
    root = seen.page.locator(f"#cx-{numeric.id}")
    toggle = root.locator(".cx-hint-toggle")
    assert root.locator(".cx-hint").is_hidden()
    toggle.focus()
    seen.page.keyboard.press("Enter")
    assert root.locator(".cx-hint").is_visible() and toggle.get_attribute("aria-expanded") == "true"
    root.locator("input[type=text]").focus()
    seen.page.keyboard.type(f"{numeric.answer:g}")
    seen.page.keyboard.press("Enter")
    assert root.locator(".cx-feedback").inner_text().startswith("Correct.")
    assert root.locator(".cx-offline-note").is_hidden()


def test_markup_in_the_bank_or_in_answers_never_runs(visit, fixture_page):
    """A page built from a bank full of markup: nothing executes, everything shows as text."""
    exercises = load_file(FIXTURES / "banks" / "markup.yml")
    seen = visit(fixture_page("markup", exercises))
    multi, numeric = exercises
    assert seen.page.locator("img").count() == 0
    assert "<script>" in seen.page.locator(f"#cx-{multi.id} .cx-prompt").inner_text()
    assert answer(seen.page, multi, ["image-tag", "quotes"]) == multi.check(["image-tag", "quotes"]).message
    assert answer(seen.page, numeric, "<img src=x onerror=alert(1)>") == MESSAGES["not_a_number"]
    assert answer(seen.page, numeric, "3") == "Not quite. Higher <b>than that</b>."
    assert seen.page.locator("b, img, u, i").count() == 0
    assert seen.dialogs == []
