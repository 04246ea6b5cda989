"""The trainer's plans (coursekit/plans.py, back/plans.yml): times computed from the content, slots kept, clear errors."""

from __future__ import annotations

import json
import math
import shutil

import pytest

from coursekit import lessons, plans
from coursekit.exercises.model import default_bank
from coursekit.plans import Course, PlanError, load_plans, schedule
from helpers import ROOT

PLAN_NAMES = ("three-hour", "two-day", "four-week")


def _bank_with(lesson: str, extra: int) -> dict:
    """The course's bank with ``extra`` minutes added to the first exercise of ``lesson``."""
    bank = dict(default_bank())
    first = next(ex for ex in bank.values() if ex.lesson == lesson and not ex.assessment)
    bank[first.id] = first.model_copy(update={"minutes": first.minutes + extra})
    return bank


def _lesson_row(timed: plans.Schedule, lesson: str) -> plans.Row:
    return next(r for s in timed.sessions for r in s.rows if r.kind == "lesson" and r.activity.split()[2] == lesson)


def _plans_file(tmp_path, text: str):
    path = tmp_path / "plans.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_guide_offers_the_three_plans():
    assert set(PLAN_NAMES) <= set(load_plans().plans)


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_every_session_of_every_plan_fits_its_slot(name):
    timed = schedule(name)  # strict: an overrun raises PlanError naming the session
    assert not timed.problems()


def test_the_three_hour_workshop_fits_in_three_hours():
    timed = schedule("three-hour")
    assert len(timed.sessions) == 1 and timed.contact <= 180


def test_each_day_of_the_two_day_workshop_fits_six_and_a_half_hours_of_contact():
    for day in schedule("two-day").sessions:
        assert day.contact <= 390, day.name


def test_the_four_week_course_states_its_weekly_load_and_names_every_lesson():
    timed = schedule("four-week")
    assert timed.plan.every_lesson and timed.plan.load_limit
    for week in timed.sessions:
        assert week.load <= timed.plan.load_limit and f"load {week.load} min" in timed.session_summary(week)


def test_a_lesson_takes_its_reading_time_plus_its_exercises_minutes():
    t = Course().lesson("2.1")
    path = lessons.lesson_notebook("2.1")
    exercises = [ex.minutes for ex in default_bank().values() if ex.lesson == "2.1" and not ex.assessment]
    assert t.words == lessons.markdown_words(path) > 500
    assert t.minutes == math.ceil(t.words / plans.WORDS_PER_MINUTE) + sum(exercises)


def test_a_plan_follows_the_minutes_of_the_bank():
    before = schedule("three-hour")
    after = schedule("three-hour", course=Course(_bank_with("2.1", 7)))
    assert _lesson_row(after, "2.1").minutes == _lesson_row(before, "2.1").minutes + 7
    assert after.contact == before.contact + 7
    assert after._repr_html_() != before._repr_html_()


def test_a_session_that_overruns_its_slot_fails_with_a_clear_message():
    course = Course(_bank_with("3.3", 60))
    with pytest.raises(PlanError, match=r"back/plans\.yml: plan 'three-hour', session 0 \(The workshop\): \d+ minutes "
                                        r"of contact time, \d+ over its limit of 180 \(session_limit\)"):
        schedule("three-hour", course=course)
    assert schedule("three-hour", course=course, strict=False).problems()


def test_an_optional_lesson_is_shown_but_not_counted():
    timed = schedule("three-hour", course=Course(_bank_with("1.1", 500)))  # 1.1 is optional there: still fits
    assert not _lesson_row(timed, "1.1").counted


@pytest.fixture
def course_copy(tmp_path):
    """A course folder whose practice sets can be edited: lessons from the real one, practice sets copied."""
    (tmp_path / "chapters").symlink_to(ROOT / "chapters")
    shutil.copy(ROOT / "_toc.yml", tmp_path / "_toc.yml")
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises", ignore=shutil.ignore_patterns("bank"))
    return tmp_path


def _set_practice_time(root, text: str) -> None:
    path = next((root / "exercises").glob("practice-1-*.ipynb"))
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        cell["source"] = [plans.PRACTICE_TIME.sub(text, line) for line in cell["source"]]
    path.write_text(json.dumps(nb), encoding="utf-8")


def test_a_practice_set_takes_the_time_its_notebook_states(course_copy):
    _set_practice_time(course_copy, "- **Estimated time:** 77 minutes")
    course = Course(root=course_copy)
    assert course.practice(1) == 77
    week = schedule("four-week", course=course).sessions[0]
    assert [r.minutes for r in week.rows if r.kind == "practice"] == [77]


def test_a_practice_set_without_its_time_line_is_named(course_copy):
    _set_practice_time(course_copy, "- **Time:** a while")
    with pytest.raises(PlanError, match=r"exercises/practice-1-motivation\.ipynb: no line "
                                        r"'- \*\*Estimated time:\*\* N minutes'"):
        Course(root=course_copy).practice(1)


GOOD_PLAN = """
plans:
  short:
    title: A short one
    summary: Just one lesson.
    session_limit: {limit}
    discussion_minutes: 10
    sessions:
      - name: Only session
        during:
          - {step}
"""


@pytest.mark.parametrize("limit, step, message", [
    ("three hours", 'lesson: "2.1"', r"at plans/short/session_limit: Input should be a valid integer.*\(found \"three hours\"\)"),
    ("60", 'lesson: "21"', r"at plans/short/sessions/0/during/0/lesson: String should match pattern"),
    ("60", '{lesson: "2.1", check: part-2}', r"at plans/short/sessions/0/during/0: a step is exactly one of .*found lesson, check"),
    ("60", '{lesson: "2.1", colour: red}', r"at plans/short/sessions/0/during/0: 'colour' is not a field here"),
    ("60", "check: part-7", r"at plans/short/sessions/0/during/0/check: Input should be 'diagnostic'"),
], ids=["limit-not-a-number", "bad-lesson-number", "two-things-in-a-step", "unknown-field", "unknown-check"])
def test_a_bad_plans_file_names_the_file_and_the_field(tmp_path, limit, step, message):
    path = _plans_file(tmp_path, GOOD_PLAN.format(limit=limit, step=step))
    with pytest.raises(PlanError, match=rf"plans\.yml: {message}"):
        load_plans(path)


@pytest.mark.parametrize("step, message", [
    ('lesson: "5.1"', r"at plans/short/sessions/0/during/0/lesson: no notebook for lesson 5\.1"),
    ("discuss: contact-2-1-read-the-chart", r"at plans/short/sessions/0/during/0/discuss: 'contact-2-1-read-the-chart' "
                                            r"(is a \w+ exercise, not a reflection|is not an exercise of the bank)"),
    ("practice: 8", r"at plans/short/sessions/0/during/0/practice: no practice set for part 8"),
], ids=["lesson-without-notebook", "discussing-a-graded-exercise", "practice-set-that-does-not-exist"])
def test_a_step_the_course_cannot_time_is_named(tmp_path, step, message):
    path = _plans_file(tmp_path, GOOD_PLAN.format(limit=60, step=step))
    with pytest.raises(PlanError, match=message):
        schedule("short", load_plans(path), source=path)


def test_a_plan_that_must_name_every_lesson_says_which_are_missing(tmp_path):
    path = _plans_file(tmp_path, GOOD_PLAN.format(limit=60, step='lesson: "2.1"').replace("session_limit", "every_lesson: true\n    session_limit"))
    with pytest.raises(PlanError, match=r"plan 'short' must name every lesson \(every_lesson\), but not 1\.1, 1\.2"):
        schedule("short", load_plans(path), source=path)


def test_plans_and_tables_render_the_same_at_every_run():
    for name in PLAN_NAMES:
        assert schedule(name)._repr_html_() == schedule(name)._repr_html_()
        assert repr(schedule(name)) == schedule(name).markdown()
    assert plans.lesson_table()._repr_html_() == plans.lesson_table()._repr_html_()


def test_the_lesson_table_adds_up():
    times = Course().lessons()
    assert [t.lesson for t in times][:2] == ["1.1", "1.2"] and len(times) >= 18
    table = plans.lesson_table()
    assert table.footer[-1] == str(sum(t.minutes for t in times))


def test_the_trainer_guide_shows_the_plans_as_generated():
    """The guide's stored outputs are the current plans (strict nbval checks the same after a fresh run)."""
    nb = json.loads((ROOT / "back" / "trainer-guide.ipynb").read_text(encoding="utf-8"))
    shown = ["".join(o["data"]["text/html"]) for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    expected = [plans.lesson_table()._repr_html_(), plans.practice_table()._repr_html_(),
                *(schedule(name)._repr_html_() for name in PLAN_NAMES)]
    assert shown == expected, "regenerate: python -m coursekit.notebooks back/trainer-guide.ipynb"
    assert all("remove-input" in c["metadata"].get("tags", []) for c in nb["cells"] if c["cell_type"] == "code")
