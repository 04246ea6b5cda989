"""The course map: which lesson builds on which, the course-level outcomes, and reading paths.

The editorial choices live in one file, ``chapters/course-map.yml`` (lessons, links with a reason each,
outcomes with the lessons that build them), checked by a pydantic model that names the field of any
problem. Lesson titles come from the notebooks and part names from ``_toc.yml`` (``coursekit.lessons``);
the reading paths come from the trainer's plans (``back/plans.yml`` through ``coursekit.plans``), never
retyped, so the map, the outcomes table and the paths stay in step with the course.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import altair as alt
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from coursekit import i18n, lessons, plans, yamlfile
from coursekit.charts.core import PALETTE, number, semicolons
from coursekit.exercises.messages import fill, plural
from coursekit.paths import ROOT

MAP_FILE = ROOT / "chapters" / "course-map.yml"
# Every word the map, its chart and its tables show, in the kit's language (i18n.kit_tables: course_map:WORDS and
# course_map:KIND_WORDS); the map's own texts (reasons, outcomes) are translated from chapters/course-map.yml's catalogue.
WORDS = {
    "source_line": ("Source: this course's lesson plan (each lesson's prerequisites and cross-references, "
                    "kept in chapters/course-map.yml); not survey data."),
    "title": "How the {count} lessons build on each other",
    "description": "Map of the course's {lessons} lessons in {columns} columns, one per part, with {links} links.",
    "builds_on": "{lesson} builds on {lessons}.",
    "builds_on_item": "{lesson} ({kind})",
    "needs_nothing": "{lesson} needs no earlier lesson.",
    "link_text": "{start} → {end}: {reason}",
    "link": "Link",
    "lesson": "Lesson",
    "part": "Part",
    "links_caption": ("The map as a table: {links} links, each from the lesson read first to the lesson that builds on it. "
                      "Lessons that need no earlier lesson: {alone}. Source: this course's lesson plan."),
    "builds_on_column": "Builds on",
    "why": "Why",
    "outcomes_caption": ("The course's {outcomes} outcomes and the lessons that build each one (every lesson serves at "
                         "least one). Source: this course's lesson plan."),
    "outcome": "By the end of the course you can…",
    "lessons": "Lessons",
    "number_of_lessons": "Number of lessons",
    "path_caption": "{caption} Reading path generated from the trainer guide's plan: {core}, {optional}.",
    "core_lessons": {"one": "{count} core lesson", "other": "{count} core lessons"},
    "optional_lessons": {"one": "{count} optional", "other": "{count} optional"},
    "session": "Session",
    "core_column": "Core lessons",
    "optional_column": "If time allows",
}
KIND_WORDS = {"prerequisite": "needed first", "background": "useful background"}

__all__ = ["MAP_FILE", "MapError", "CourseMap", "load_map", "map_chart", "links_table", "outcomes_table",
           "reading_paths", "paths_table"]


class MapError(Exception):
    """The course map cannot be read or does not fit the course; the message names the file and the field."""


Lesson = Annotated[str, StringConstraints(pattern=r"^[1-9]\.[1-9]$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=200)]


class Link(BaseModel):
    """One lesson building on another, with the reason a reader would give."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: Lesson = Field(alias="from")
    to: Lesson
    kind: Literal["prerequisite", "background"]
    reason: Text

    @model_validator(mode="after")
    def _not_itself(self) -> "Link":
        if self.from_ == self.to:
            raise ValueError(f"a lesson cannot build on itself ({self.to})")
        return self


class Outcome(BaseModel):
    """What a learner can do after the course, and the lessons that build it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,30}$")]
    text: Text
    lessons: Annotated[list[Lesson], Field(min_length=2)]


class CourseMap(BaseModel):
    """``chapters/course-map.yml``: the lessons, the links between them and the course's outcomes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lessons: Annotated[list[Lesson], Field(min_length=1)]
    links: list[Link]
    outcomes: Annotated[list[Outcome], Field(min_length=5, max_length=7)]

    @model_validator(mode="after")
    def _consistent(self) -> "CourseMap":
        known = set(self.lessons)
        if len(known) != len(self.lessons):
            raise ValueError("a lesson is listed twice in 'lessons'")
        for i, link in enumerate(self.links):
            for end, lesson in (("from", link.from_), ("to", link.to)):
                if lesson not in known:
                    raise ValueError(f"links/{i}: '{end}' names lesson {lesson}, which is not in 'lessons'")
            if sorted((link.from_, link.to), key=_number) != [link.from_, link.to] and link.from_[0] == link.to[0]:
                raise ValueError(f"links/{i}: within a part a link runs forward ({link.to} cannot build on the later {link.from_})")
        pairs = [(link.from_, link.to) for link in self.links]
        if len(set(pairs)) != len(pairs):
            raise ValueError("two links join the same pair of lessons")
        ids = [outcome.id for outcome in self.outcomes]
        if len(set(ids)) != len(ids):
            raise ValueError("two outcomes have the same id")
        for outcome in self.outcomes:
            unknown = [n for n in outcome.lessons if n not in known]
            if unknown:
                raise ValueError(f"outcome '{outcome.id}' names lessons not in 'lessons': {', '.join(unknown)}")
            if len(set(outcome.lessons)) < 2:
                raise ValueError(f"outcome '{outcome.id}' needs at least two different lessons")
        served = {n for outcome in self.outcomes for n in outcome.lessons}
        missing = [n for n in self.lessons if n not in served]
        if missing:
            raise ValueError(f"every lesson serves at least one outcome, but not {', '.join(missing)}")
        return self

    def outcomes_of(self, lesson: str) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if lesson in outcome.lessons]


def _number(lesson: str) -> tuple[int, ...]:
    return tuple(int(n) for n in lesson.split("."))


def load_map(path: Path = MAP_FILE) -> CourseMap:
    """Read and validate the course map; any problem raises MapError naming the file and the field."""
    raw = i18n.localise_editorial(yamlfile.read(path, MapError), path)
    try:
        return CourseMap.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        where = "/".join(str(p) for p in first["loc"]) or "(top level)"
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "missing":
            message = "is required"
        elif first["type"] == "extra_forbidden":
            message = "is not a field here"
        raise MapError(f"{path}: at {where}: {message}") from None


# --- the chart ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Node:
    lesson: str
    part: int
    row: int
    title: str
    part_name: str


def _nodes(course_map: CourseMap, root: Path = ROOT) -> list[Node]:
    captions = lessons.part_captions(root)
    found = []
    for n in course_map.lessons:
        part, row = _number(n)
        name = lessons.part_caption(str(part), captions)
        found.append(Node(n, part, row, lessons.lesson_page(n, root).title, name))
    return found


def _link_points(course_map: CourseMap, nodes: dict[str, Node]) -> list[dict]:
    """Three points per link (start, bend, end): a link that skips lessons in its own column bends to the right,
    one that crosses a column bends upwards."""
    points = []
    for i, link in enumerate(course_map.links):
        a, b = nodes[link.from_], nodes[link.to]
        bend = 0.32 * (abs(b.row - a.row) - 1) if a.part == b.part else 0.0
        lift = 0.45 * (abs(b.part - a.part) - 1)  # a link across a column passes above it, not through its dots
        middle = ((a.part + b.part) / 2 + bend, (a.row + b.row) / 2 - lift)
        for order, (x, y) in enumerate([(a.part, a.row), middle, (b.part, b.row)]):
            points.append({"link": i, "order": order, "x": x, "y": y, "kind": KIND_WORDS[link.kind],
                           "link_text": fill(WORDS["link_text"], start=link.from_, end=link.to, reason=link.reason)})
    return points


def describe(course_map: CourseMap, root: Path = ROOT) -> str:
    """The map in words, for screen readers: each lesson and the lessons it builds on."""
    sentences = []
    for n in course_map.lessons:
        before = [fill(WORDS["builds_on_item"], lesson=link.from_, kind=KIND_WORDS[link.kind])
                  for link in course_map.links if link.to == n]
        sentences.append(fill(WORDS["builds_on"], lesson=n, lessons=", ".join(before)) if before
                         else fill(WORDS["needs_nothing"], lesson=n))
    columns = len({_number(n)[0] for n in course_map.lessons})
    return " ".join([fill(WORDS["description"], lessons=number(len(course_map.lessons), ","), columns=number(columns, ","),
                          links=number(len(course_map.links), ",")), *sentences])


def map_chart(course_map: CourseMap | None = None, root: Path = ROOT) -> alt.LayerChart:
    """The lessons as dots in one column per part, and the links between them as lines."""
    course_map = course_map if course_map is not None else load_map()
    nodes = _nodes(course_map, root)
    by_lesson = {node.lesson: node for node in nodes}
    parts = sorted({node.part for node in nodes})
    rows = max(node.row for node in nodes)
    x_scale = alt.Scale(domain=[min(parts) - 0.5, max(parts) + 0.5], nice=False)
    y_scale = alt.Scale(domain=[0.1, rows + 0.5], reverse=True, nice=False)
    kinds = list(KIND_WORDS.values())
    links = (
        alt.Chart(alt.Data(values=_link_points(course_map, by_lesson)))
        .mark_line(interpolate="basis", strokeWidth=2, color="#555555")
        .encode(
            x=alt.X("x:Q", scale=x_scale, axis=None),
            y=alt.Y("y:Q", scale=y_scale, axis=None),
            detail="link:N",
            order="order:Q",
            strokeDash=alt.StrokeDash("kind:N", title=WORDS["link"], scale=alt.Scale(domain=kinds, range=[[1, 0], [4, 3]]),
                                      legend=alt.Legend(orient="bottom", direction="horizontal")),
            tooltip=alt.Tooltip("link_text:N", title=WORDS["link"]),
        )
    )
    values = [{"lesson": node.lesson, "x": node.part, "y": node.row, "title": node.title, "part": node.part_name}
              for node in nodes]
    names = [next(node.part_name for node in nodes if node.part == p) for p in parts]
    base = alt.Chart(alt.Data(values=values)).encode(
        x=alt.X("x:Q", scale=x_scale, axis=None), y=alt.Y("y:Q", scale=y_scale, axis=None),
        tooltip=[alt.Tooltip("title:N", title=WORDS["lesson"]), alt.Tooltip("part:N", title=WORDS["part"])])
    dots = base.mark_point(shape="circle", size=900, filled=False, fill="#ffffff", fillOpacity=1, strokeWidth=3, opacity=1).encode(
        color=alt.Color("part:N", title=WORDS["part"], sort=names, scale=alt.Scale(domain=names, range=PALETTE[:len(names)]),
                        legend=None))
    labels = base.mark_text(fontSize=12, fontWeight="bold", color="#000000").encode(text="lesson:N")
    heads = alt.Chart(alt.Data(values=[{"x": p, "y": 0.45, "name": n.split(": ", 1)[-1]} for p, n in zip(parts, names)])).mark_text(
        fontSize=12, fontWeight="bold", color="#222222", baseline="bottom").encode(
        x=alt.X("x:Q", scale=x_scale, axis=None), y=alt.Y("y:Q", scale=y_scale, axis=None), text="name:N")
    return alt.layer(links, dots, labels, heads).properties(
        width=290,
        height=rows * 62,
        title=alt.Title(textwrap.wrap(fill(WORDS["title"], count=number(len(nodes), ",")), 30),
                        subtitle=textwrap.wrap(WORDS["source_line"], 46, break_on_hyphens=False)),
        description=describe(course_map, root),
    )


# --- tables ------------------------------------------------------------------------------------------

def links_table(course_map: CourseMap | None = None, root: Path = ROOT) -> plans.Table:
    """The map as a table: each link, with its kind and reason (the chart's accessible twin)."""
    course_map = course_map if course_map is not None else load_map()
    nodes = {node.lesson: node for node in _nodes(course_map, root)}
    ordered = sorted(course_map.links, key=lambda link: (_number(link.to), _number(link.from_)))
    rows = [(nodes[link.to].title, nodes[link.from_].title, KIND_WORDS[link.kind], link.reason) for link in ordered]
    alone = [n for n in course_map.lessons if not any(link.to == n for link in course_map.links)]
    caption = fill(WORDS["links_caption"], links=number(len(rows), ","), alone=", ".join(alone))
    return plans.Table(caption, tuple(WORDS[name] for name in ("lesson", "builds_on_column", "link", "why")), rows, set())


def outcomes_table(course_map: CourseMap | None = None) -> plans.Table:
    """Each course-level outcome with the lessons that build it, from the same file as the map."""
    course_map = course_map if course_map is not None else load_map()
    rows = [(f"{i}. {outcome.text}", ", ".join(sorted(outcome.lessons, key=_number)), number(len(outcome.lessons), ","))
            for i, outcome in enumerate(course_map.outcomes, 1)]
    caption = fill(WORDS["outcomes_caption"], outcomes=number(len(rows), ","))
    return plans.Table(caption, tuple(WORDS[name] for name in ("outcome", "lessons", "number_of_lessons")), rows, {2})


@dataclass(frozen=True)
class ReadingPath:
    """One trainer plan read as a path: per session, its core and optional lessons in plan order."""

    name: str
    title: str
    caption: str  # the plan's timing, as the trainer guide states it
    sessions: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # (session name, core, optional)

    @property
    def core(self) -> list[str]:
        return [n for _, core, _ in self.sessions for n in core]

    @property
    def optional(self) -> list[str]:
        return [n for _, _, optional in self.sessions for n in optional]


def reading_paths(plans_file: plans.PlansFile | None = None, course: plans.Course | None = None) -> list[ReadingPath]:
    """Every plan of ``back/plans.yml`` as a reading path, in the file's order (lessons never retyped here)."""
    plans_file = plans_file if plans_file is not None else plans.load_plans()
    course = course if course is not None else plans.Course()
    found = []
    for name, plan in plans_file.plans.items():
        sessions = []
        for session in plan.sessions:
            steps = [step for phase in plans.PHASES for step in getattr(session, phase) if step.lesson]
            sessions.append((session.name, tuple(s.lesson for s in steps if not s.optional),
                             tuple(s.lesson for s in steps if s.optional)))
        found.append(ReadingPath(name, plan.title, plans.schedule(name, plans_file, course).caption(), tuple(sessions)))
    return found


def paths_table(name: str, paths: list[ReadingPath] | None = None, root: Path = ROOT) -> plans.Table:
    """One reading path as a table: each session's core lessons, then those to read if time allows."""
    paths = paths if paths is not None else reading_paths()
    path = next((p for p in paths if p.name == name), None)
    if path is None:
        raise MapError(f"no plan '{name}' in {plans.PLANS_FILE.relative_to(ROOT)}; the plans are {', '.join(p.name for p in paths)}")

    def titles(numbers: tuple[str, ...]) -> str:
        return semicolons(lessons.lesson_page(n, root).title for n in numbers) or "—"

    rows = [(session, titles(core), titles(optional)) for session, core, optional in path.sessions]
    caption = fill(WORDS["path_caption"], caption=path.caption, core=plural(WORDS["core_lessons"], len(path.core)),
                   optional=plural(WORDS["optional_lessons"], len(path.optional)))
    return plans.Table(caption, tuple(WORDS[name] for name in ("session", "core_column", "optional_column")), rows, set())


def main() -> int:
    """Check the map against the course and print it as Markdown (``python -m coursekit.course_map``)."""
    try:
        course_map = load_map()
    except MapError as err:
        print(f"error: {err}")
        return 1
    print(links_table(course_map).markdown(), "", outcomes_table(course_map).markdown(), sep="\n")
    print(json.dumps([p.name for p in reading_paths()]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
