"""The course map (chapters/course-map.yml, coursekit/course_map.py): every lesson on it, links and outcomes
that name real lessons, reading paths equal to the trainer's plans, and clear messages for a broken file."""

from __future__ import annotations

import pytest
import yaml

from coursekit import course_map, lessons, plans
from coursekit.course_map import MapError, load_map

COURSE_MAP = load_map()
PLAN_LESSONS = {
    name: [step for s in plan.sessions for phase in plans.PHASES for step in getattr(s, phase) if step.lesson]
    for name, plan in plans.load_plans().plans.items()
}


def _lessons_with_notebooks() -> list[str]:
    return [t.lesson for t in plans.Course().lessons()]


def test_every_lesson_of_the_course_is_on_the_map_once():
    assert COURSE_MAP.lessons == _lessons_with_notebooks()
    assert len(COURSE_MAP.lessons) == 18


def test_every_link_names_existing_lessons_and_has_a_reason():
    for link in COURSE_MAP.links:
        assert lessons.lesson_notebook(link.from_) and lessons.lesson_notebook(link.to)
        assert link.reason.strip()


def test_every_prerequisite_a_lesson_links_to_is_on_the_map():
    """Every lesson a header box links to (as needed first, as background, or as a lesson that returns to it) is joined to it on the map."""
    pairs = {(link.from_, link.to) for link in COURSE_MAP.links}
    for lesson in COURSE_MAP.lessons:
        text = "".join(lessons._markdown(lessons.lesson_notebook(lesson))[0:1])
        box = text.split("**Prerequisites:**", 1)[1].split("\n", 1)[0] if "**Prerequisites:**" in text else ""
        for other in COURSE_MAP.lessons:
            if str(lessons.lesson_notebook(other).relative_to(lessons.ROOT).with_suffix("")) in box:
                assert (other, lesson) in pairs or (lesson, other) in pairs, f"lesson {lesson} names {other} in its header box but the map has no link"


def test_every_outcome_maps_to_at_least_two_lessons_and_every_lesson_serves_one():
    assert 5 <= len(COURSE_MAP.outcomes) <= 7
    assert all(len(set(o.lessons)) >= 2 for o in COURSE_MAP.outcomes)
    for lesson in COURSE_MAP.lessons:
        assert COURSE_MAP.outcomes_of(lesson), f"lesson {lesson} serves no outcome"


def test_outcomes_start_with_a_measurable_verb():
    verbs = {"Explain", "Compare", "Trace", "Calculate", "Design", "Critique", "Identify", "Estimate", "Evaluate"}
    for outcome in COURSE_MAP.outcomes:
        assert outcome.text.split()[0] in verbs, outcome.text


def test_the_outcomes_table_is_generated_from_the_same_file():
    table = course_map.outcomes_table(COURSE_MAP)
    assert len(table.rows) == len(COURSE_MAP.outcomes)
    for row, outcome in zip(table.rows, COURSE_MAP.outcomes):
        assert outcome.text in row[0] and row[1].split(", ") == sorted(outcome.lessons, key=course_map._number)


@pytest.mark.parametrize("name", list(PLAN_LESSONS))
def test_reading_paths_equal_the_plans_lessons(name):
    path = next(p for p in course_map.reading_paths() if p.name == name)
    steps = PLAN_LESSONS[name]
    assert path.core == [s.lesson for s in steps if not s.optional]
    assert path.optional == [s.lesson for s in steps if s.optional]
    table = course_map.paths_table(name)
    assert len(table.rows) == len(plans.load_plans().plans[name].sessions)


def test_the_three_reading_paths_are_offered():
    assert {"three-hour", "two-day", "four-week"} <= {p.name for p in course_map.reading_paths()}


def test_the_chart_has_a_title_a_source_line_and_a_description_naming_every_lesson():
    spec = course_map.map_chart(COURSE_MAP).to_dict()
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "this course's lesson plan" in subtitle and "not survey data" in subtitle
    for lesson in COURSE_MAP.lessons:
        assert f"{lesson} " in spec["description"]
    assert spec["width"] <= 340, "readable on a 390 px phone screen"


def test_the_links_table_is_the_chart_in_rows():
    table = course_map.links_table(COURSE_MAP)
    assert len(table.rows) == len(COURSE_MAP.links)
    assert "<th scope=\"col\">Builds on</th>" in table._repr_html_()


def _write(tmp_path, change) -> str:
    raw = yaml.safe_load(course_map.MAP_FILE.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "course-map.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, message", [
    (lambda raw: raw["links"].append({"from": "1.1", "to": "9.9", "kind": "background", "reason": "A lesson that does not exist."}),
     r"links/20: 'to' names lesson 9\.9, which is not in 'lessons'"),
    (lambda raw: raw["outcomes"][0].update(lessons=["1.1"]), r"outcomes/0/lessons: List should have at least 2 items"),
    (lambda raw: raw["outcomes"][4].update(lessons=["3.1", "3.2"]), r"every lesson serves at least one outcome, but not 3\.4"),
    (lambda raw: raw["links"][0].update(kind="maybe"), r"links/0/kind"),
    (lambda raw: raw["links"][0].pop("reason"), r"links/0/reason: is required"),
    (lambda raw: raw.update(colour="red"), r"colour: is not a field here"),
])
def test_a_broken_map_gets_a_message_naming_the_field(tmp_path, change, message):
    with pytest.raises(MapError, match=message):
        load_map(_write(tmp_path, change))


def test_a_map_that_is_not_yaml_is_named(tmp_path):
    path = tmp_path / "course-map.yml"
    path.write_text("lessons: [1.1\n", encoding="utf-8")
    with pytest.raises(MapError, match="is not valid YAML"):
        load_map(path)
