"""The trainers' exercise catalogue is made from the bank: every exercise, in a stable, escaped table."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from coursekit.exercises import catalogue, load_bank

from helpers import ROOT, every_type_bank


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _table(bank) -> _Cells:
    parsed = _Cells()
    parsed.feed(catalogue.table(bank)._repr_html_())
    return parsed


def test_every_exercise_of_the_bank_has_a_row_with_its_facts():
    bank = every_type_bank()
    parsed = _table(bank)
    assert parsed.rows[0] == ["Exercise", "Lesson", "Type", "Objective", "Level", "Difficulty", "Minutes"]
    rows = {row[0]: row for row in parsed.rows[1:]}
    assert set(rows) == set(bank)
    assert rows["kit-multiple"] == ["kit-multiple", "4.9", "Multiple choice", "—", "analyse", "stretch", "7"]
    assert rows["kit-ordering"][2:] == ["Ordering", "Order <b>steps</b>.", "apply", "core", "4"]
    assert rows["kit-reflection"][4:] == ["evaluate", "stretch", "10"]
    assert "b" not in parsed.tags and "caption" in parsed.tags
    assert "6 exercises, about 31 minutes in all." in repr(catalogue.table(bank))


def test_trainers_can_filter_by_level_difficulty_type_and_time():
    bank = load_bank()
    applied = catalogue.table(bank, level="apply")
    assert applied.exercises and all(ex.level == "apply" for ex in applied.exercises)
    quick = catalogue.table(bank, difficulty="intro", max_minutes=3, type="single_choice")
    assert all(ex.difficulty == "intro" and ex.minutes <= 3 and ex.type == "single_choice" for ex in quick.exercises)
    assert len(catalogue.table(bank, level="evaluate").exercises) < len(bank)
    html = catalogue.table(bank)._repr_html_()
    assert html.count("<tr data-type=") == len(bank) and 'data-cx-filter="level"' in html


def test_the_table_is_sorted_by_lesson():
    bank = load_bank()
    lessons = [row[1] for row in _table(bank).rows[1:]]
    assert lessons == sorted(lessons, key=lambda s: tuple(map(int, s.split("."))))
    assert len(lessons) == len(bank)


def test_the_catalogue_page_shows_the_current_bank():
    nb = json.loads((ROOT / "back" / "exercise-catalogue.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(code) == 1 and "catalogue.table()" in "".join(code[0]["source"])
    stored = "".join(code[0]["outputs"][0]["data"]["text/html"])
    assert stored == catalogue.table()._repr_html_(), "run python -m coursekit.notebooks back/exercise-catalogue.ipynb"
    assert not (ROOT / "back" / "exercise-catalogue.md").exists()
