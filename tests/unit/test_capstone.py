"""The capstone's rubric (chapters/capstone-rubric.yml): the reflections' three levels and weights, steps in order."""

from __future__ import annotations

import pytest

from coursekit import capstone
from coursekit.capstone import RubricError, load_rubric


def test_every_criterion_has_three_different_levels_and_an_integer_weight():
    criteria = load_rubric()
    assert [c.step for c in criteria] == list(range(1, len(criteria) + 1))
    for c in criteria:
        assert len({c.rubric.weak, c.rubric.adequate, c.rubric.strong}) == 3
        assert isinstance(c.weight, int) and 1 <= c.weight <= 10


def test_the_steps_are_trace_grade_design_chart():
    assert [c.id for c in load_rubric()] == ["trace", "grade", "design", "chart"]


def test_a_level_earns_points_by_the_reflections_rule():
    criterion = load_rubric()[1]
    assert [capstone.points(criterion, level) for level in ("weak", "adequate", "strong")] == [0, criterion.weight / 2, criterion.weight]


def test_the_table_lists_every_criterion_and_the_total():
    table = capstone.rubric_table()
    assert len(table.rows) == len(load_rubric())
    assert table.footer[-1] == str(sum(c.weight for c in load_rubric()))


def test_a_rubric_with_a_repeated_level_is_refused_with_its_place(tmp_path):
    text = capstone.RUBRIC_FILE.read_text(encoding="utf-8").replace(
        "adequate: Names the claim's publisher", "adequate: Gives the claim without its publisher", 1)
    weak = next(line for line in text.splitlines() if "weak: Gives the claim" in line).split("weak: ", 1)[1]
    text = text.replace(next(line for line in text.splitlines() if "adequate: Gives the claim" in line),
                        "      adequate: " + weak)
    path = tmp_path / "rubric.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RubricError, match=r"criteria/0/rubric: .*must each say something different"):
        load_rubric(path)
