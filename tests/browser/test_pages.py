"""Every page of the built book, opened in Chromium like a reader: it loads cleanly and offline,
its charts draw, and its exercises answer back with the same verdicts as the Python checker."""

from __future__ import annotations

import json
import math

import pytest

from coursekit.assets import MANIFEST
from coursekit.exercises import load_bank, load_file, static
from coursekit.exercises.model import Exercise
from coursekit.exercises.numbers import MESSAGES
from coursekit.exercises.static import page_data_html
from helpers import BUILD_HTML, FIXTURES, ROOT

pytestmark = pytest.mark.browser

PAGES = sorted(
    str(p.relative_to(BUILD_HTML)) for p in BUILD_HTML.rglob("*.html") if "_static" not in p.relative_to(BUILD_HTML).parts
)
BANK = load_bank()
CHART_SVGS = "[id^='altair-viz-'] svg"


def _wait_for_charts(page, expected: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll(\"{CHART_SVGS}\").length >= {expected}", timeout=15_000
    )


def test_the_book_has_pages():
    assert "intro.html" in PAGES and "chapters/2-contact/2-1-weak-link.html" in PAGES


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_page_loads_offline_cleanly_and_draws_every_chart(visit, book_url, name, scheme):
    seen = visit(book_url + name, color_scheme=scheme)
    html = (BUILD_HTML / name).read_text(encoding="utf-8")
    charts = html.count('<div id="altair-viz-')
    if charts:
        _wait_for_charts(seen.page, charts)
    assert seen.page.locator(CHART_SVGS).count() == charts
    assert seen.page.locator(".vega-embed .error, [id^='altair-viz-'] .error").count() == 0
    assert seen.outside_requests == []
    assert seen.failed == []
    assert seen.errors == []
    assert seen.page.evaluate("document.documentElement.dataset.theme") == scheme


def test_charts_use_the_vendored_libraries_that_altair_expects(visit, book_url):
    seen = visit(book_url + "chapters/2-contact/2-1-weak-link.html")
    versions = seen.page.evaluate("[vega.version, vegaLite.version, vegaEmbed.version]")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert versions == [manifest[name]["version"] for name in ("vega", "vega-lite", "vega-embed")]


def test_each_chart_is_described_for_screen_readers(visit, book_url):
    seen = visit(book_url + "chapters/2-contact/2-1-weak-link.html")
    _wait_for_charts(seen.page, 1)
    labels = seen.page.eval_on_selector_all("[id^='altair-viz-']", "els => els.map(e => e.getAttribute('aria-label'))")
    assert labels and all(label and "%" in label for label in labels)


def _right_and_wrong(ex: Exercise) -> list[object]:
    """Answers to try: right, wrong, and incomplete or mistyped ones a learner might give."""
    if ex.type == "numeric":
        assert ex.answer is not None
        right = f"{ex.answer:g}".replace(".", ",")
        return [right, f"{ex.answer - ex.tolerance - 5:g}", f"{ex.answer + ex.tolerance + 5:g}", "", "abc",
                "<script>alert(1)</script>", "1e999", "99999999999999"]
    if ex.type == "ordering":
        n = len(ex.items)
        right = list(range(1, n + 1))
        return [right, [2, 1] + right[2:], right[::-1], [None] * n, [1] * n, right[:-1] + [None]]
    if ex.type == "categorising":
        right = ex.answers()
        k = len(ex.categories)
        return [right, [(c + 1) % k for c in right], right[:-1] + [(right[-1] + 1) % k], [None] * len(right), right[:-1] + [None]]
    if ex.type == "reflection":
        enough = " ".join(["word"] * max(ex.min_words, 1))
        return ["", "   ", "one", f"My <b>own</b> view: {enough} <script>alert(1)</script>", enough]
    correct = [i for i, c in enumerate(ex.choices) if c.correct]
    wrong = [i for i, c in enumerate(ex.choices) if not c.correct]
    if ex.type == "single_choice":
        return [correct[0], wrong[0], None]
    return [correct, correct[:1] + wrong[:1], [], wrong[:1]]


def _expected_statuses(ex: Exercise) -> set[str]:
    return {"ungraded", "invalid"} if ex.type == "reflection" else {"correct", "incorrect", "invalid"}


def _answer(page, ex: Exercise, response) -> str:
    """Give a response through the page's form, press its check button, and read the feedback."""
    root = page.locator(f"#cx-{ex.id}")
    if ex.type == "numeric":
        root.locator("input[type=text]").fill(str(response))
    elif ex.type == "reflection":
        root.locator("textarea").fill(response or "")
    elif ex.type in ("ordering", "categorising"):
        values = response if isinstance(response, list) else [None] * len(ex.items)
        for i, value in enumerate(values):
            root.locator(f"#cx-{ex.id}-item-{i}").select_option("" if value is None else str(value))
    else:
        chosen = [] if response is None else ([response] if isinstance(response, int) else response)
        for i in range(len(ex.choices)):
            box = root.locator(f"#cx-{ex.id}-{i}")
            if ex.type == "single_choice":
                if i in chosen:
                    box.check()
            else:
                box.set_checked(i in chosen)
        if response is None:
            page.evaluate(f"document.querySelectorAll('#cx-{ex.id} input').forEach(b => b.checked = false)")
    root.locator("button.cx-check").click()
    return root.locator(".cx-feedback").inner_text()


EXERCISE_PAGES = [name for name in PAGES if 'class="cx-exercise"' in (BUILD_HTML / name).read_text(encoding="utf-8")]


def test_lesson_pages_have_exercises():
    assert "chapters/2-contact/2-1-weak-link.html" in EXERCISE_PAGES


@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_every_exercise_answers_back_like_the_python_checker(visit, book_url, name):
    seen = visit(book_url + name)
    ids = seen.page.eval_on_selector_all(".cx-exercise", "els => els.map(e => e.dataset.cxId)")
    assert ids
    for exercise_id in ids:
        ex = BANK[exercise_id]
        statuses = set()
        for response in _right_and_wrong(ex):
            shown = _answer(seen.page, ex, response)
            expected = ex.check(response)
            assert shown == expected.message, f"{exercise_id} answered {response!r}"
            statuses.add(expected.status)
        assert _expected_statuses(ex) <= statuses
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


def test_markup_in_the_bank_or_in_answers_never_runs(visit, book_url, tmp_path_factory):
    """A page built from a bank full of markup: nothing executes, everything shows as text."""
    exercises = load_file(FIXTURES / "banks" / "markup.yml")
    body = "\n".join(static.render(ex) for ex in exercises)
    page_dir = BUILD_HTML / "_static" / "_test_markup"
    page_dir.mkdir(exist_ok=True)
    (page_dir / "index.html").write_text(
        f'<!doctype html><html lang="en"><head><title>markup</title>{page_data_html()}'
        f'<script src="../exercises.js"></script></head><body>{body}</body></html>',
        encoding="utf-8",
    )
    try:
        seen = visit(book_url + "_static/_test_markup/index.html")
        multi, numeric = exercises
        assert seen.page.locator("img").count() == 0
        assert "<script>" in seen.page.locator(f"#cx-{multi.id} .cx-prompt").inner_text()
        assert _answer(seen.page, multi, [0, 2]) == multi.check([0, 2]).message
        assert _answer(seen.page, numeric, "<img src=x onerror=alert(1)>") == MESSAGES["not_a_number"]
        assert _answer(seen.page, numeric, "3") == "Not quite. Higher <b>than that</b>."
        assert seen.page.locator("b, img, u, i").count() == 0
        assert seen.dialogs == []
    finally:
        (page_dir / "index.html").unlink()
        page_dir.rmdir()
