"""Practice sets work with nbgrader as they are; the student edition holds no solution; the book folds them."""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import shutil
import textwrap
import tokenize
from decimal import Decimal
from functools import lru_cache
from html import unescape

import pytest

from coursekit.book import present_solutions
from coursekit.editions import make_course, make_editions, nbgrader, practice_sets
from coursekit.paths import ROOT

SETS = practice_sets()
LESSONS = sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)
ESTIMATED_TIME = re.compile(r"^- \*\*Estimated time:\*\* (\d+) minutes$", re.M)
MIN_POINTS, MINUTES = 10, (45, 90)


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


COMPARING = {"abs", "float", "int", "round", "isclose", "allclose", "approx", "array", "Series", "set", "list", "tuple", "sorted"}


def _called(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


def _answers(code: str) -> list[str]:
    """The numeric literals a hidden test compares against, as written.

    Inputs are not answers: keys (``x[2011]``) and the arguments of a function under test (``slope_between(1996, 2005)``);
    the arguments of comparison helpers (``abs``, ``np.isclose``, ...) are.
    """
    code = textwrap.dedent(code)
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return [t.string for t in tokenize.generate_tokens(io.StringIO(code).readline) if t.type == tokenize.NUMBER]
    inputs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript):
            inputs |= {id(n) for n in ast.walk(node.slice)}
        elif isinstance(node, ast.Call) and _called(node) not in COMPARING:
            inputs |= {id(n) for arg in (*node.args, *node.keywords) for n in ast.walk(arg)}
    return [
        ast.get_source_segment(code, node) for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and type(node.value) in (int, float) and id(node) not in inputs
    ]


def _significant_digits(literal: str) -> int:
    """3 for 0.807, 4 for 0.8100 and for 2953, 2 for 380; exponents (tolerances such as 1e-6) do not count."""
    mantissa = re.split(r"[eEjJ]", literal.replace("_", ""))[0]
    if mantissa[:2].lower() in ("0x", "0o", "0b"):
        return 0
    digits = mantissa.replace(".", "").lstrip("0")
    return len(digits if "." in mantissa else digits.rstrip("0"))


NUMBER = re.compile(r"(?:(?<![\w.,])|(?<=\\n))(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w])")


def _printed_numbers(text: str) -> set[tuple[int, str]]:
    """Every number written in a text, as (whole part, decimals); 2,953 and 2953 alike."""
    return {(int(whole.replace(",", "")), decimals) for whole, decimals in NUMBER.findall(text)}


def _is_printed(literal: str, printed: set[tuple[int, str]]) -> bool:
    """Whether a text shows the number: as written, with more decimals, or rounded to 4+ significant digits."""
    literal = literal.replace("_", "")
    if re.search(r"[a-zA-Z]", literal):  # 1.25e-3, 0x1F: compare the plain decimal
        literal = str(int(literal, 0)) if literal[:2].lower() in ("0x", "0o", "0b") else format(Decimal(literal), "f")
    if "." not in literal:
        return (int(literal), "") in printed
    whole, decimals = literal.split(".")
    value, places = float(literal), len(decimals)

    def shows(number: int, digits: str) -> bool:
        shown = float(f"{number}.{digits}")
        if len(digits) >= places:  # as written, or with more decimals that round or cut to it
            return abs(shown - value) <= 0.5 * 10**-places * (1 + 1e-9)
        # rounded to fewer decimals, still 4+ significant digits (76.63 for 76.633931...): the answer, all but the noise
        return len(digits) > 0 and len(f"{number}{digits}".lstrip("0")) >= 4 and abs(round(value, len(digits)) - shown) < 1e-9

    return any(shows(number, digits) for number, digits in printed if number == int(whole or 0))


CX_DATA = re.compile(r'<script type="application/json" class="cx-data">(.*?)</script>', re.S)


@lru_cache(maxsize=None)
def _lesson_exercise_answers() -> tuple[tuple[str, float, str], ...]:
    """(page, answer, exercise id) of every numeric exercise whose answer key a lesson or check page carries."""
    answers = []
    for lesson in LESSONS:
        for cell in _cells(lesson):
            for output in cell.get("outputs", []):
                for blob in CX_DATA.findall("".join(output.get("data", {}).get("text/html", ""))):
                    key = json.loads(blob).get("key", {})
                    if type(key.get("answer")) in (int, float):
                        answers.append((str(lesson.relative_to(ROOT)), float(key["answer"]), key.get("id", "?")))
    return tuple(answers)


def _rounds_to(value: float, answer: float) -> bool:
    """Whether a value, rounded as the answer is written (29.88 as 29.9, 1323.4 as 1323), gives the answer."""
    written = repr(answer).removesuffix(".0")
    places = len(written.partition(".")[2])
    return _significant_digits(written) >= 3 and abs(round(value, places) - answer) < 1e-9


def _parts_practised(path) -> set[str]:
    """The chapter folders whose lessons a practice set names ({doc}`/chapters/1-motivation/...`)."""
    text = "".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "markdown")
    return set(re.findall(r"\{doc\}`/(chapters/[^/`]+)/", text))


@lru_cache(maxsize=None)
def _lesson_numbers() -> dict[str, set[tuple[int, str]]]:
    return {str(p.relative_to(ROOT)): _printed_numbers(p.read_text(encoding="utf-8")) for p in LESSONS}


def test_there_is_a_practice_set():
    assert SETS


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_practice_set_is_real_work_worth_ten_points(path):
    """At least ten autograded points over several tasks, each with visible and hidden checks, and 45 to 90 minutes."""
    cells = _cells(path)
    graded = [(c["metadata"]["nbgrader"], "".join(c["source"])) for c in cells if c["metadata"]["nbgrader"]["grade"]]
    assert sum(meta["points"] for meta, _ in graded) >= MIN_POINTS, f"{path.name}: fewer than {MIN_POINTS} autograded points"
    assert len(graded) >= 3, f"{path.name}: the points should come from several graded tasks, not one"
    for meta, source in graded:
        assert HIDDEN.search(source), f"{path.name}, {meta['grade_id']}: no hidden exact check"
        assert "assert" in HIDDEN.sub("", source), f"{path.name}, {meta['grade_id']}: no visible sanity check"
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    minutes = ESTIMATED_TIME.findall(text)
    assert len(minutes) == 1, f"{path.name}: state the time once, as '- **Estimated time:** N minutes'"
    assert MINUTES[0] <= int(minutes[0]) <= MINUTES[1], f"{path.name}: {minutes[0]} minutes, not {MINUTES[0]} to {MINUTES[1]}"


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_practice_set_reads_data_through_the_course_package(path):
    code = "\n".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "code")
    assert "data.load(" in code, f"{path.name}: the data tasks should load a table with data.load"
    assert not re.search(r"read_csv|\.csv\b|open\(", code), f"{path.name}: read tables with data.load, never a CSV directly"


def test_the_answer_check_finds_numbers_as_written():
    code = "assert abs(x[2011] - 0.8074) < 1e-3 and f(1996) == 1_500 and s == 'id 2953' and y == -4.50"
    assert sorted(_answers(code)) == sorted(["0.8074", "1e-3", "1_500", "4.50"])
    assert [_significant_digits(n) for n in ("0.8074", "0.8100", "1e-3", "2953", "380", "62.0", "0x1F")] == [4, 4, 1, 4, 2, 3, 0]
    printed = _printed_numbers('the 2,953 posts; a score of 0.80737; 76.6% of them; cell "7660abcd"; 1.5; share 12.34')
    found = {n: _is_printed(n, printed) for n in
             ("2953", "0.8074", "0.8073", "76.60", "76.6", "7660", "766", "1.500", "12.3449", "12.3349", "76.633")}
    assert found == {"2953": True, "0.8074": True, "0.8073": False, "76.60": False, "76.6": True, "7660": False, "766": False,
                     "1.500": False, "12.3449": True, "12.3349": False, "76.633": False}
    assert [_rounds_to(v, a) for v, a in ((29.88, 29.9), (29.8, 29.9), (1323.4, 1323.0), (4.0298, 4.0))] == [True, False, True, False]


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_no_hidden_answer_is_printed_in_a_lesson(path):
    """A number of 3+ significant digits that a hidden test expects is printed in no lesson or part check (text or stored
    output, to its precision or more), nor is it, rounded, the answer of an exercise on the pages of the part it practises."""
    lessons, parts = _lesson_numbers(), _parts_practised(path)
    keys = [(page, answer, exercise) for page, answer, exercise in _lesson_exercise_answers() if page.rpartition("/")[0] in parts]
    assert lessons and keys, f"{path.name}: the check needs the lessons it practises ({parts})"
    printed = []
    for cell in _cells(path):
        for block in HIDDEN.findall("".join(cell["source"])):
            for literal in _answers(block):
                if _significant_digits(literal) < 3:
                    continue
                printed += [f"{literal} ({lesson})" for lesson, numbers in lessons.items() if _is_printed(literal, numbers)]
                value = float(literal.replace("_", ""))
                printed += [f"{literal} (the answer, {answer}, of {page}'s exercise {exercise})" for page, answer, exercise in keys
                            if _rounds_to(abs(value), abs(answer))]
    assert printed == [], f"{path.name}: hidden answers printed in a lesson: {printed}"


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
