"""The course brought up to today: every lesson says what happened next, sourced and graded; the survey
that carried too many lessons is charted in at most four; no chart is shown twice; each discussion is
introduced in its own words."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from helpers import ROOT, code_cells

LESSONS = sorted((ROOT / "chapters").glob("[1-4]-*/[1-4]-[0-9]-*.ipynb"))
VERDICTS = ("held", "partly held", "failed", "too early to say")
SURVEY_TABLES = re.compile(r"""data\.load\(\s*["'](mitsmr_[^"']+)["']""")
CHART_CALL = re.compile(r"\bcharts\.([a-z_]+)\(")
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def _markdown(path: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown"]


def _section(path: Path, heading: str) -> str:
    """The text under a level-2 heading, up to the next level-2 heading (across cells)."""
    text = "\n".join(_markdown(path))
    found = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    return found.group(1) if found else ""


def test_there_are_eighteen_lessons():
    assert len(LESSONS) == 18


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_lesson_says_what_happened_next_sourced_and_graded(path):
    section = _section(path, "What happened next")
    assert section, f"{path.name} has no '## What happened next' section"
    words = len(re.findall(r"[\w’'-]+", re.sub(r"\{cite(?::[a-z]+)?\}`[^`]+`", "", section)))
    assert 150 <= words <= 400, f"{path.name}: {words} words (150 to 400)"
    keys = {key.strip() for group in CITE.findall(section) for key in group.split(",")}
    assert keys, f"{path.name}: the section cites no source"
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    missing = [key for key in keys if not re.search(rf"@\w+\{{{re.escape(key)},", bib)]
    assert missing == [], f"{path.name} cites keys not in references.bib: {missing}"
    graded = [v for v in VERDICTS if re.search(rf"\*\*{v}\*\*", section, re.I)]
    assert graded, f"{path.name}: the section grades the prediction in bold: one of {VERDICTS}"


def test_the_survey_is_charted_in_at_most_four_lessons_with_lesson_3_3_among_them():
    charting = {path.stem[:3]: set(SURVEY_TABLES.findall("\n".join(code_cells(path)))) for path in LESSONS}
    lessons = sorted(lesson for lesson, tables in charting.items() if tables)
    assert len(lessons) <= 4 and "3-3" in lessons, lessons


def test_no_chart_appears_in_two_lessons():
    shown = Counter(name for path in LESSONS for name in set(CHART_CALL.findall("\n".join(code_cells(path)))))
    assert [name for name, n in shown.items() if n > 1] == []


def test_each_discussion_is_introduced_in_its_own_words():
    leads = []
    for path in LESSONS:
        found = [t for t in _markdown(path) if t.lstrip().startswith("**For discussion.**")]
        assert len(found) == 1, f"{path.name}: one 'For discussion' lead-in"
        leads.append(found[0].strip())
    repeated = [lead for lead, n in Counter(leads).items() if n > 1]
    assert repeated == []
    assert not any("This question has no single right answer" in lead for lead in leads)


FORMATS = re.compile(r"^## (A debate|A case study|A close reading|A design studio)\b", re.M)


def test_at_least_four_lessons_break_the_templates_rhythm():
    other = [path.stem for path in LESSONS if FORMATS.search("\n".join(_markdown(path)))]
    assert len(other) >= 4, other
    parts = {stem[0] for stem in other}
    assert parts == {"1", "2", "3", "4"}, "one in each part"


def test_the_closing_chapter_grades_every_lesson_from_its_own_section():
    import csv

    rows = {row["lesson"]: row for row in csv.DictReader((ROOT / "data" / "course_2026_prediction_verdicts.csv").open(encoding="utf-8"))}
    assert sorted(rows) == sorted(f"{p.stem[0]}.{p.stem[2]}" for p in LESSONS)
    for path in LESSONS:
        row = rows[f"{path.stem[0]}.{path.stem[2]}"]
        section = _section(path, "What happened next")
        assert re.search(rf"\*\*{re.escape(row['verdict'])}\*\*", section, re.I), f"{path.name}: the table says {row['verdict']}"
        cited = {key.strip() for group in CITE.findall(section) for key in group.split(",")}
        assert set(row["sources"].split()) & cited, f"{path.name}: the table's sources are not the section's"
