"""The bank's exercises measure understanding: no position or length gives the answer away, every
question states its authored judgement, and every lesson has applied work on its data.

The same figures are checked on the built pages by tests/book/test_exercise_pages.py.
"""

from __future__ import annotations

import json

import pytest

from coursekit import i18n
from coursekit.exercises import load_bank
from coursekit.exercises.model import checks
from helpers import MAX_SHARE_AT_ONE_POSITION, MAX_SHARE_FIRST_CORRECT, MAX_SHARE_LONGEST, ROOT, answer_figures, shown_exercises

BANK = load_bank()
with i18n.using(i18n.LANGUAGE):  # the French edition's bank: translation must not give answers away either
    BANKS = {i18n.SOURCE_LANGUAGE: BANK, i18n.LANGUAGE: load_bank()}
APPLIED = {"apply", "analyse", "evaluate"}
def _shown(ex) -> list[tuple[str, bool]]:
    return [(c.text, c.correct) for c in ex.display_order()]


@pytest.mark.parametrize("language", sorted(BANKS))
def test_no_position_or_length_gives_the_answer_away(language):
    figures = answer_figures([(ex.type, _shown(ex)) for ex in BANKS[language].values() if ex.type in ("single_choice", "multiple_choice")])
    assert figures["singles"] >= 20 and figures["multiples"] >= 10
    assert figures["top_position_share"] <= MAX_SHARE_AT_ONE_POSITION, figures
    assert figures["longest_share"] <= MAX_SHARE_LONGEST, figures
    assert figures["first_correct_share"] <= MAX_SHARE_FIRST_CORRECT, figures


def test_the_figures_would_catch_a_first_and_longest_bank():
    rigged = [("single_choice", [("the long right answer", True), ("short", False), ("wrong", False)])] * 5
    rigged += [("multiple_choice", [("right", True), ("wrong", False)])] * 5
    figures = answer_figures(rigged)
    assert figures["top_position_share"] == figures["longest_share"] == figures["first_correct_share"] == 1.0


@pytest.mark.parametrize("ex", list(BANK.values()), ids=lambda ex: ex.id)
def test_every_exercise_states_its_authored_judgement(ex):
    assert ex.level in ("remember", "understand", "apply", "analyse", "evaluate"), ex.id
    assert ex.model_fields_set >= {"difficulty", "minutes", "level"}, f"{ex.id}: difficulty, minutes and level are authored, not defaulted"
    if ex.type in ("single_choice", "multiple_choice"):
        assert 3 <= len(ex.choices) <= 5, f"{ex.id}: 3 to 5 options"
        for choice in ex.choices:
            assert choice.correct or choice.misconception, f"{ex.id}/{choice.id}: a wrong option names the misconception it stands for"


def test_the_tables_an_exercise_uses_are_in_the_data_package():
    tables = {r["name"] for r in json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
    for ex in BANK.values():
        assert set(ex.uses_tables) <= tables, f"{ex.id}: {set(ex.uses_tables) - tables}"


def _shown_by_lesson() -> dict[str, list[str]]:
    shown = {}
    for path in sorted(ROOT.glob("chapters/*/[1-4]-[1-9]-*.ipynb")):
        shown[path.stem] = shown_exercises(path)
    return shown


@pytest.mark.parametrize("lesson", sorted(_shown_by_lesson()))
def test_every_lesson_has_applied_work_on_its_data_and_a_reflection(lesson):
    exercises = [BANK[i] for i in _shown_by_lesson()[lesson]]
    assert any(ex.level in APPLIED for ex in exercises), f"{lesson}: no exercise at apply level or above"
    assert any(ex.uses_tables for ex in exercises), f"{lesson}: no exercise uses the lesson's data"
    assert any(ex.type == "reflection" for ex in exercises), f"{lesson}: no reflection"


REFLECTIONS = [ex for ex in BANK.values() if ex.type == "reflection"]


@pytest.mark.parametrize("ex", REFLECTIONS, ids=lambda ex: ex.id)
def test_every_reflection_is_marked_by_a_rubric_of_three_distinct_levels_and_a_weight(ex):
    levels = [ex.rubric.weak, ex.rubric.adequate, ex.rubric.strong]
    assert len(set(levels)) == 3 and all(len(level.split()) >= 8 for level in levels), f"{ex.id}: three different, written levels"
    assert isinstance(ex.weight, int) and 1 <= ex.weight <= 10, ex.id
    assert ex.points("weak") == 0 < ex.points("adequate") < ex.points("strong") == ex.weight, ex.id
    for field in ("discussion_notes", "model_answer"):  # the marking guide lives in the rubric only, once
        text = getattr(ex, field) or ""
        assert "Marking guide" not in text and "Rubric." not in text and "Weak:" not in text, f"{ex.id}: {field} still holds a marking guide"


def test_lessons_do_not_all_follow_one_exercise_pattern():
    patterns = {tuple(BANK[i].type for i in ids) for ids in _shown_by_lesson().values()}
    assert len(patterns) >= 6, patterns


def test_the_diagnostic_and_every_part_have_a_check_that_covers_their_lessons():
    found = checks(BANK)
    assert set(found) == {"diagnostic", "part-1", "part-2", "part-3", "part-4"}
    for part in "1234":
        questions = found[f"part-{part}"]
        lessons = {stem.split("-")[0] + "." + stem.split("-")[1] for stem in _shown_by_lesson() if stem.startswith(part)}
        assert len(questions) == 10 and {ex.lesson for ex in questions} == lessons, part
        assert sum(ex.level in APPLIED for ex in questions) >= 3, part
    diagnostic = found["diagnostic"]
    assert {ex.lesson[0] for ex in diagnostic} == set("1234")
    assert sum(ex.minutes for ex in diagnostic) <= 12, "the diagnostic takes about 10 minutes"


@pytest.mark.parametrize("language", sorted(BANKS))
def test_a_learner_who_always_picks_the_first_or_the_longest_option_scores_about_chance(language):
    singles = [ex for ex in BANKS[language].values() if ex.type == "single_choice"]
    chance = sum(1 / len(ex.choices) for ex in singles) / len(singles)
    first = sum(ex.display_order()[0].correct for ex in singles) / len(singles)
    longest = sum(max(ex.choices, key=lambda c: len(c.text)).correct for ex in singles) / len(singles)
    # a margin of one standard error of a guesser's score over this many questions
    margin = (chance * (1 - chance) / len(singles)) ** 0.5
    assert first <= chance + margin and longest <= chance + margin, (first, longest, chance)
