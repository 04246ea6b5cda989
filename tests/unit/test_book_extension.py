"""The book extension (coursekit/book.py), called directly: hidden tests never reach the book, and it fails closed."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from coursekit.book import CHART_MARKER, HiddenTestsError, prepare_notebook, present_solutions
from coursekit.charts import core
from coursekit.exercises import static

BALANCED = "assert answer() == 3\n### BEGIN HIDDEN TESTS\nassert answer(secret=True) == 4\n### END HIDDEN TESTS\n"
UNBALANCED = "assert answer() == 3\n### BEGIN HIDDEN TESTS\nassert answer(secret=True) == 4\n"


def _notebook(*sources: str, nbgrader: bool = True) -> dict:
    meta = {"nbgrader": {"grade": True, "solution": False, "locked": True, "points": 1, "grade_id": "t", "schema_version": 3}}
    return {"cells": [{"cell_type": "code", "metadata": meta if nbgrader else {}, "source": s, "outputs": []} for s in sources],
            "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _app(path: str, mode: str = "folded") -> SimpleNamespace:
    return SimpleNamespace(env=SimpleNamespace(doc2path=lambda docname: path), config=SimpleNamespace(coursekit_solutions=mode))


def test_the_chart_marker_is_the_one_the_renderer_writes():
    assert CHART_MARKER == core.HTML_MARKER == f'id="{core.CHART_ID_PREFIX}'
    assert static.MARKER  # the exercise marker comes from the exercise kit


def test_balanced_hidden_tests_are_removed_and_the_rest_kept():
    cell = present_solutions(_notebook("x = 1", BALANCED), "folded")["cells"][1]
    assert cell["source"] == "assert answer() == 3"


@pytest.mark.parametrize("source", [UNBALANCED, "### END HIDDEN TESTS\nassert 1\n", BALANCED + "### BEGIN HIDDEN TESTS\nleak\n"],
                         ids=["no-end", "end-without-begin", "second-block-without-end"])
def test_an_unbalanced_marker_names_the_file_and_the_cell(source):
    with pytest.raises(HiddenTestsError, match=r"exercises/practice-9\.ipynb, cell 2: .*must come in pairs"):
        present_solutions(_notebook("x = 1", source), "folded", "exercises/practice-9.ipynb")


def test_prepare_notebook_stops_the_build_on_an_unbalanced_marker():
    source = [json.dumps(_notebook("x = 1", "y = 2", UNBALANCED))]
    with pytest.raises(HiddenTestsError, match=r"practice-9\.ipynb, cell 3"):
        prepare_notebook(_app("/book/exercises/practice-9.ipynb"), "exercises/practice-9", source)


def test_hidden_tests_are_removed_even_without_nbgrader_metadata():
    source = [json.dumps(_notebook(BALANCED, nbgrader=False))]
    prepare_notebook(_app("/book/chapters/lesson.ipynb"), "chapters/lesson", source)
    assert "secret" not in source[0] and "HIDDEN TESTS" not in source[0]
    unbalanced = [json.dumps(_notebook(UNBALANCED, nbgrader=False))]
    with pytest.raises(HiddenTestsError, match=r"lesson\.ipynb, cell 1"):
        prepare_notebook(_app("/book/chapters/lesson.ipynb"), "chapters/lesson", unbalanced)


def test_a_page_without_markers_is_left_as_it_is():
    text = json.dumps(_notebook("x = 1", nbgrader=False))
    source = [text]
    prepare_notebook(_app("/book/chapters/lesson.ipynb"), "chapters/lesson", source)
    assert source[0] == text
