"""Practice sets work with nbgrader as they are; the student edition holds no solution; the book folds them."""

from __future__ import annotations

import csv
import json
import re
import shutil
from html import unescape

import pytest

from coursekit.book import present_solutions
from coursekit.editions import make_course, make_editions, nbgrader, practice_sets

SETS = practice_sets()
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _secret_lines(path) -> set[str]:
    """Every line of a solution or hidden test: none may reach a student."""
    lines = set()
    for cell in _cells(path):
        source = "".join(cell["source"])
        for block in SOLUTION.findall(source) + HIDDEN.findall(source):
            lines |= {line.strip() for line in block.splitlines() if len(line.strip()) > 6}
    return lines


def test_there_is_a_practice_set():
    assert SETS


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_practice_set_cells_carry_nbgrader_metadata(path):
    graded = 0
    for cell in _cells(path):
        meta = cell["metadata"].get("nbgrader")
        assert meta and meta["schema_version"] == 3 and meta["grade_id"], "every cell needs nbgrader metadata"
        source = "".join(cell["source"])
        if meta["solution"]:
            assert "### BEGIN SOLUTION" in source and "### END SOLUTION" in source
        if meta["grade"]:
            graded += 1
            assert meta["locked"] and meta["points"] > 0
    assert graded >= 1


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    return make_editions(tmp_path_factory.mktemp("editions"))


def test_student_edition_contains_no_solution_text(editions):
    for source, student in zip(SETS, editions["student"]):
        text = student.read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
        secrets = _secret_lines(source)
        assert secrets, "the check needs solution lines to look for"
        leaked = [line for line in secrets if line in text]
        assert leaked == [], f"{student.name} leaks {leaked}"
        assert "raise NotImplementedError()" in text


def test_answer_key_is_the_source_with_solutions(editions):
    for source, key in zip(SETS, editions["answer-key"]):
        assert key.read_bytes() == source.read_bytes()


def test_nbgrader_scores_the_solution_fully_and_the_stub_at_zero(tmp_path, editions):
    course = tmp_path / "course"
    course.mkdir()
    make_course(course, SETS)
    for source, student in zip(SETS, editions["student"]):
        nbgrader(course, "generate_assignment", source.stem, "--force")
        for learner, notebook in (("solution", source), ("blank", student)):
            target = course / "submitted" / learner / source.stem
            target.mkdir(parents=True)
            shutil.copyfile(notebook, target / source.name)
        nbgrader(course, "autograde", source.stem, "--force", "--create")
    nbgrader(course, "export", "--to", str(course / "grades.csv"))
    rows = list(csv.DictReader((course / "grades.csv").open(encoding="utf-8")))
    assert rows
    for row in rows:
        score, maximum = float(row["raw_score"]), float(row["max_score"])
        assert maximum > 0
        assert score == (maximum if row["student_id"] == "solution" else 0), row


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_the_book_folds_or_hides_solutions_by_one_switch(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for mode, tags in (("folded", {"hide-input"}), ("hidden", {"remove-input", "remove-output"})):
        shown = present_solutions(json.loads(json.dumps(notebook)), mode)
        for cell in shown["cells"]:
            if cell["metadata"]["nbgrader"]["solution"]:
                assert tags <= set(cell["metadata"]["tags"])
            assert "HIDDEN TESTS" not in "".join(cell["source"])


def test_the_built_book_shows_solutions_folded_and_no_hidden_test(built_book):
    for source in SETS:
        html = (built_book / "exercises" / f"{source.stem}.html").read_text(encoding="utf-8")
        assert html.count("tag_hide-input") == sum(1 for c in _cells(source) if c["metadata"]["nbgrader"]["solution"])
        text = unescape(re.sub(r"<[^>]+>", "", html))
        hidden = {line.strip() for c in _cells(source) for b in HIDDEN.findall("".join(c["source"])) for line in b.splitlines()}
        assert hidden and "HIDDEN TESTS" not in text
        assert [line for line in hidden if line and line in text] == []
