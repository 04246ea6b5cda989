"""The page and Python read learners' input the same way: one corpus of tricky input, both readers, identical results.

The page script receives its rules and messages from Python (``static.page_data``); these tests
check that it receives exactly them and applies them exactly as Python does.
"""

from __future__ import annotations

import json

import pytest

from coursekit.exercises import static
from coursekit.exercises.numbers import outcome
from helpers import every_type_bank, tricky_inputs

pytestmark = pytest.mark.browser

LESSON = "chapters/2-contact/2-1-weak-link.html"
KIT = every_type_bank()
CORPUS = tricky_inputs()


@pytest.fixture(scope="module")
def lesson(browser, book_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(book_url + LESSON, wait_until="networkidle")
    yield page
    context.close()


def test_the_page_receives_pythons_rules_and_messages_unchanged(lesson):
    assert lesson.evaluate("window.coursekitExercises.page()") == json.loads(json.dumps(static.page_data()))


def test_numbers_are_read_identically_on_the_page_and_in_python(lesson):
    page_results = lesson.evaluate(
        "texts => texts.map(t => window.coursekitExercises.parseNumber(t, window.coursekitExercises.page().numbers))",
        CORPUS,
    )
    differ = [(text, page, outcome(text)) for text, page in zip(CORPUS, page_results) if page != outcome(text)]
    assert not differ, f"{len(differ)} of {len(CORPUS)} inputs read differently, e.g. {differ[:5]}"
    assert len({json.dumps(r, sort_keys=True) for r in page_results}) > 20, "the corpus exercises many outcomes"


@pytest.mark.parametrize("exercise_id", ["kit-numeric", "kit-reflection"])
def test_typed_answers_get_the_same_verdict_and_message_on_the_page_and_in_python(lesson, exercise_id):
    ex = KIT[exercise_id]
    texts = CORPUS + [" ".join(["word"] * n) + tail for n in range(8) for tail in ("", "\u00a0", "\u3000x", "\ufeff")]
    page_results = lesson.evaluate(
        "([key, texts]) => texts.map(t => window.coursekitExercises.check({key: key}, t))", [ex.key(), texts]
    )
    differ = []
    for text, shown in zip(texts, page_results):
        result = ex.check(text)
        if shown != {"status": result.status, "message": result.message}:
            differ.append((text, shown, result))
    assert not differ, f"{len(differ)} of {len(texts)} answers judged differently, e.g. {differ[:3]}"
