"""Course plans for trainers (a three-hour workshop, two days, four weeks), timed from the content itself.

The editorial choices live in one file, ``back/plans.yml``: which lessons each session makes core or
optional, which check, practice set or reflection it assigns, which prompt it discusses, and the slot
each session must fit. No time of the course's content is typed there; every one is computed here:

- a lesson: the words of its notebook's markdown cells read at ``WORDS_PER_MINUTE``, rounded up, plus the
  ``minutes`` of its exercises in the bank;
- a part check or the diagnostic: the ``minutes`` of its questions (``exercises/bank/checks/``);
- a practice set: the ``- **Estimated time:** N minutes`` line of its notebook (``exercises/practice-<n>-*.ipynb``);
- a reflection assigned to write: its ``minutes`` in the bank.

Only the trainer's own allowances are typed in the plans file: the length of a class discussion and of
breaks. A session whose contact time (or week's load) passes its limit is an error that names the plan,
the session and the figure, so a change to a lesson or a practice set that no longer fits fails the tests
and the regeneration of the trainer guide (``back/trainer-guide.ipynb``) instead of printing a plan that
cannot be kept. ``python -m coursekit.plans`` prints the plans as Markdown (``--check`` only checks them).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from coursekit import THEMED_OUTPUT, i18n, lessons, yamlfile
from coursekit.charts.core import number, semicolons
from coursekit.exercises.messages import fill, plural
from coursekit.exercises.model import Exercise, default_bank
from coursekit.paths import ROOT

WORDS_PER_MINUTE = 200  # study reading: a careful first read of a lesson, charts and callouts included
PLANS_FILE = ROOT / "back" / "plans.yml"
PRACTICE_DIR = "exercises"
PRACTICE_TIME = re.compile(r"^- \*\*Estimated time:\*\* (\d+) minutes\b", re.M)
PRACTICE_TIME_LINE = "- **Estimated time:** N minutes"
# Every word the plans and the tables of times show, in the kit's language (i18n.kit_tables: plans:WORDS); the
# plans' own texts (titles, summaries, session names, notes) are translated from back/plans.yml's catalogue.
WORDS = {
    "before": "Before",
    "during": "In class",
    "after": "After",
    "summary_before": "before: {minutes} min",
    "summary_during": "in class: {minutes} min of {limit}",
    "summary_clock": "in class: {minutes} min of {limit}, {start} to {end} with breaks",
    "summary_after": "after: {minutes} min",
    "summary_load": "load {minutes} min",
    "summary_load_limit": "load {minutes} min (limit {limit})",
    "session_summary": "{name}: {parts}.",
    "caption": "{title}: {minutes} minutes in class.",
    "caption_extra": "{title}: {minutes} minutes in class, {extra} more before and after.",
    "caption_sessions": "{title}: {minutes} minutes in class over {sessions} sessions.",
    "caption_sessions_extra": "{title}: {minutes} minutes in class over {sessions} sessions, {extra} more before and after.",
    "when": "When",
    "activity": "Activity",
    "minutes": "Minutes",
    "notes": "Notes",
    "core_lesson": "Core lesson {title}",
    "optional_lesson": "Optional lesson {title}",
    "exercises": {"one": "{count} exercise", "other": "{count} exercises"},
    "lesson_detail": "{reading} min to read ({words} words) and {minutes} for its {exercises}.",
    "optional_detail": "{reading} min to read ({words} words) and {minutes} for its {exercises}; not counted.",
    "questions": {"one": "{count} question", "other": "{count} questions"},
    "questions_note": "{questions}.",
    "practice_note": "Questions and data tasks in code.",
    "discussion": "Discussion: the prompt of lesson {lesson}",
    "reflection": "Reflection to write: lesson {lesson}",
    "break": "Break",
    "lesson_caption": ("Minutes per lesson: its markdown read at {rate} words a minute (rounded up), plus the minutes of "
                       "its exercises in the bank."),
    "lesson": "Lesson",
    "words": "Words",
    "reading": "Reading",
    "exercises_column": "Exercises",
    "exercise_minutes": "Exercise minutes",
    "all_lessons": "All lessons",
    "practice_caption": ("Minutes of the checks (their questions' minutes in the bank) and of the practice sets (as each "
                         "set's notebook states)."),
    "check_minutes": "{minutes} ({questions})",
    "part": "Part",
    "check": "Check",
    "check_minutes_column": "Check minutes",
    "practice_minutes": "Practice set minutes",
}

__all__ = ["WORDS_PER_MINUTE", "PLANS_FILE", "PlanError", "Course", "LessonTime", "load_plans", "schedule",
           "lesson_table", "practice_table", "PlansFile"]


class PlanError(Exception):
    """A plan cannot be computed or does not fit its slot; the message names the file and the place."""


# --- the plans file ---------------------------------------------------------------------------------

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
Minutes = Annotated[int, Field(ge=1, le=1440)]
LessonNumber = Annotated[str, StringConstraints(pattern=r"^[1-9]\.[1-9]$")]
ExerciseId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{2,79}$")]
CheckName = Literal["diagnostic", "part-1", "part-2", "part-3", "part-4"]
KINDS = ("lesson", "check", "practice", "discuss", "reflection", "break")


class Step(BaseModel):
    """One thing a session does: exactly one of a lesson, a check, a practice set, a discussion, a
    reflection to write, or a break."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    lesson: LessonNumber | None = None  # a lesson ("2.1"), core unless optional
    optional: bool = False  # a lesson to read if time allows: shown, never counted
    check: CheckName | None = None  # the diagnostic or a part check, taken in class or at home
    practice: Annotated[int, Field(ge=1, le=9)] | None = None  # the practice set of part N
    discuss: ExerciseId | None = None  # a reflection whose prompt the class discusses (plan's discussion_minutes)
    reflection: ExerciseId | None = None  # a reflection learners write (its minutes from the bank)
    break_: Minutes | None = Field(None, alias="break")  # minutes of a break: on the clock, not contact time
    label: Text | None = None  # a break's name ("Lunch")
    note: Text | None = None  # the trainer's note, shown beside the step

    @model_validator(mode="after")
    def _one_thing(self) -> "Step":
        given = [kind for kind in KINDS if getattr(self, "break_" if kind == "break" else kind) is not None]
        if len(given) != 1:
            found = f"found {', '.join(given)}" if given else "found none"
            raise ValueError(f"a step is exactly one of {', '.join(KINDS)} ({found})")
        if self.optional and not self.lesson:
            raise ValueError("'optional' is for a lesson")
        if self.label and self.break_ is None:
            raise ValueError("'label' is for a break")
        return self

    @property
    def kind(self) -> str:
        return next(kind for kind in KINDS if getattr(self, "break_" if kind == "break" else kind) is not None)


class Session(BaseModel):
    """A meeting (a workshop, a day, a week's class) with what learners do before, during and after it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text
    starts: Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")] | None = None  # "09:00"
    before: list[Step] = []
    during: Annotated[list[Step], Field(min_length=1)]
    after: list[Step] = []


class Plan(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text
    summary: Text
    session_limit: Minutes  # the most contact time one session may take (breaks not counted)
    load_limit: Minutes | None = None  # the most a session's before + during + after may take
    discussion_minutes: Minutes  # the trainer's allowance for one class discussion
    every_lesson: bool = False  # every lesson of the course must appear, core or optional
    sessions: Annotated[list[Session], Field(min_length=1)]


class PlansFile(BaseModel):
    """``back/plans.yml``: the plans by name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    plans: dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")], Plan]


def _where(loc: tuple) -> str:
    return "/".join(str(step) for step in loc) or "(top level)"


def _describe(error: dict) -> str:
    loc = tuple(error["loc"])
    if error["type"] == "missing":
        return f"at {_where(loc[:-1])}: '{loc[-1]}' is required"
    if error["type"] == "extra_forbidden":
        return f"at {_where(loc[:-1])}: '{loc[-1]}' is not a field here"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] != "value_error" and not isinstance(error.get("input"), (dict, list)) and "input" in error:
        message += f" (found {json.dumps(error['input'], ensure_ascii=False, default=str)[:60]})"
    return f"at {_where(loc)}: {message}"


def load_plans(path: Path = PLANS_FILE) -> PlansFile:
    """Read and validate the plans file; any problem raises PlanError naming the file and the field."""
    raw = i18n.localise_editorial(yamlfile.read(path, PlanError), path)
    try:
        return PlansFile.model_validate(raw)
    except ValidationError as err:
        raise PlanError(f"{path}: {_describe(err.errors()[0])}") from None


# --- the computed times ----------------------------------------------------------------------------

@dataclass(frozen=True)
class LessonTime:
    """A lesson's time: its reading, computed from its words, and its exercises' minutes."""

    lesson: str
    title: str
    docname: str
    words: int
    exercises: int
    exercise_minutes: int

    @property
    def reading(self) -> int:
        return math.ceil(self.words / WORDS_PER_MINUTE)

    @property
    def minutes(self) -> int:
        return self.reading + self.exercise_minutes


def _number(lesson: str) -> tuple[int, ...]:
    return tuple(int(n) for n in lesson.split("."))


class Course:
    """The times of the course's pieces, from its notebooks (under ``root``) and an exercise bank."""

    def __init__(self, bank: dict[str, Exercise] | None = None, root: Path = ROOT) -> None:
        self.bank = bank if bank is not None else default_bank()
        self.root = root

    def lesson(self, lesson: str) -> LessonTime:
        path = lessons.lesson_notebook(lesson, self.root)
        if path is None:
            raise PlanError(f"no notebook for lesson {lesson} (chapters/{lesson[0]}-*/{lesson.replace('.', '-')}-*.ipynb)")
        exercises = [ex for ex in self.bank.values() if ex.lesson == lesson and not ex.assessment]
        return LessonTime(lesson, lessons.title(path), str(path.relative_to(self.root).with_suffix("")),
                          lessons.markdown_words(path), len(exercises), sum(ex.minutes for ex in exercises))

    def lessons(self) -> list[LessonTime]:
        """Every lesson that has a notebook, in course order."""
        found = {f"{m[1]}.{m[2]}" for p in (self.root / lessons.CHAPTERS).glob("*/*.ipynb")
                 if (m := re.match(r"(\d)-(\d)-", p.name))}
        return [self.lesson(n) for n in sorted(found, key=_number)]

    def practice_path(self, part: int) -> Path:
        found = sorted((self.root / PRACTICE_DIR).glob(f"practice-{part}-*.ipynb"))
        if not found:
            raise PlanError(f"no practice set for part {part} ({PRACTICE_DIR}/practice-{part}-*.ipynb)")
        return found[0]

    def practice(self, part: int) -> int:
        """A practice set's minutes, as its notebook states them (never typed here: the set's authors own it)."""
        path = self.practice_path(part)
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        found = PRACTICE_TIME.search(text)
        if not found:
            raise PlanError(f"{path.relative_to(self.root)}: no line '{PRACTICE_TIME_LINE}' in its markdown, so the "
                            "plans cannot time this practice set; state its time in its opening admonition")
        return int(found[1])

    def check(self, name: str) -> tuple[int, int]:
        """A check's (questions, minutes), from the bank."""
        questions = [ex for ex in self.bank.values() if ex.assessment == name]
        if not questions:
            raise PlanError(f"the bank has no questions for the check '{name}' (exercises/bank/checks/{name}.yml)")
        return len(questions), sum(ex.minutes for ex in questions)

    def reflection(self, exercise_id: str) -> Exercise:
        ex = self.bank.get(exercise_id)
        if ex is None or ex.type != "reflection":
            what = "is not an exercise of the bank" if ex is None else f"is a {ex.type} exercise, not a reflection"
            raise PlanError(f"'{exercise_id}' {what}")
        return ex


# --- schedules -------------------------------------------------------------------------------------

PHASES = ("before", "during", "after")  # their names: WORDS["before"], WORDS["during"], WORDS["after"]


@dataclass(frozen=True)
class Row:
    phase: str  # before, during, after
    start: int | None  # minutes from the session's start (in class only)
    minutes: int
    activity: str
    notes: str
    counted: bool  # counts towards contact time (in class) or the load (before, after)
    kind: str


@dataclass
class SessionTimes:
    name: str
    starts: str | None
    rows: list[Row] = field(default_factory=list)

    def total(self, phase: str) -> int:
        return sum(r.minutes for r in self.rows if r.phase == phase and r.counted)

    @property
    def contact(self) -> int:
        return self.total("during")

    @property
    def load(self) -> int:
        return sum(self.total(phase) for phase in PHASES)

    @property
    def elapsed(self) -> int:
        """Minutes from the start to the end of the class, breaks included."""
        return max((r.start + r.minutes for r in self.rows if r.start is not None), default=0)


def _clock(starts: str | None, offset: int) -> str:
    if starts is None:
        return f"{offset // 60}:{offset % 60:02d}"
    hours, minutes = map(int, starts.split(":"))
    total = hours * 60 + minutes + offset
    return f"{total // 60 % 24:02d}:{total % 60:02d}"


def _count(value: int) -> str:
    """A whole number as the kit's language writes it (2,281 in English, 2 281 in French)."""
    return number(value, ",")


class Schedule:
    """One plan, timed: a table per session, with its contact time, load and limits."""

    def __init__(self, name: str, plan: Plan, sessions: list[SessionTimes], source: str) -> None:
        self.name, self.plan, self.sessions, self.source = name, plan, sessions, source

    @property
    def contact(self) -> int:
        return sum(s.contact for s in self.sessions)

    @property
    def load(self) -> int:
        return sum(s.load for s in self.sessions)

    def problems(self) -> list[str]:
        """Each session that would overrun its slot (or its week's load), in words a maintainer can act on."""
        found = []
        for i, s in enumerate(self.sessions):
            if s.contact > self.plan.session_limit:
                found.append(f"{self.source}: plan '{self.name}', session {i} ({s.name}): {s.contact} minutes of "
                             f"contact time, {s.contact - self.plan.session_limit} over its limit of "
                             f"{self.plan.session_limit} (session_limit); make a lesson optional or move it before or after")
            if self.plan.load_limit is not None and s.load > self.plan.load_limit:
                found.append(f"{self.source}: plan '{self.name}', session {i} ({s.name}): a load of {s.load} minutes "
                             f"(before, in class and after), {s.load - self.plan.load_limit} over its limit of "
                             f"{self.plan.load_limit} (load_limit)")
        return found

    def check(self) -> "Schedule":
        problems = self.problems()
        if problems:
            raise PlanError("\n".join(problems))
        return self

    def session_summary(self, s: SessionTimes) -> str:
        parts = []
        if s.total("before"):
            parts.append(fill(WORDS["summary_before"], minutes=_count(s.total("before"))))
        clock = "summary_clock" if s.elapsed != s.contact else "summary_during"
        parts.append(fill(WORDS[clock], minutes=_count(s.contact), limit=_count(self.plan.session_limit),
                          start=_clock(s.starts, 0), end=_clock(s.starts, s.elapsed)))
        if s.total("after"):
            parts.append(fill(WORDS["summary_after"], minutes=_count(s.total("after"))))
        if s.total("before") or s.total("after"):
            load = "summary_load_limit" if self.plan.load_limit else "summary_load"
            parts.append(fill(WORDS[load], minutes=_count(s.load), limit=_count(self.plan.load_limit or 0)))
        return fill(WORDS["session_summary"], name=s.name, parts=semicolons(parts))

    def caption(self) -> str:
        extra = self.load - self.contact
        key = ("caption" if len(self.sessions) == 1 else "caption_sessions") + ("_extra" if extra else "")
        return fill(WORDS[key], title=self.plan.title, minutes=_count(self.contact), sessions=_count(len(self.sessions)),
                    extra=_count(extra))

    def _when(self, s: SessionTimes, row: Row) -> str:
        if row.start is None:
            return WORDS[row.phase]
        return f"{_clock(s.starts, row.start)}–{_clock(s.starts, row.start + row.minutes)}"

    def _minutes(self, row: Row) -> str:
        return _count(row.minutes) if row.counted or row.kind == "break" else f"({_count(row.minutes)})"

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{escape(WORDS[name])}</th>' for name in ("when", "activity", "minutes", "notes"))
        groups = []
        for s in self.sessions:
            rows = [f'<tr class="cx-plan-session"><th scope="rowgroup" colspan="4">{escape(self.session_summary(s))}</th></tr>']
            rows += [f'<tr class="cx-plan-{r.kind}{"" if r.counted or r.kind == "break" else " cx-plan-optional"}">'
                     f"<td>{escape(self._when(s, r))}</td><td>{escape(r.activity)}</td>"
                     f'<td class="cx-number">{escape(self._minutes(r))}</td><td>{escape(r.notes)}</td></tr>'
                     for r in s.rows]
            groups.append("<tbody>\n" + "\n".join(rows) + "\n</tbody>")
        return (f'<div class="cx-plan {THEMED_OUTPUT}"><p>{escape(self.plan.summary)}</p>\n'
                f'<table class="table cx-plan-table">\n<caption>{escape(self.caption())}</caption>\n'
                f"<thead><tr>{head}</tr></thead>\n" + "\n".join(groups) + "\n</table></div>")

    def markdown(self) -> str:
        lines = [f"**{self.caption()}** {self.plan.summary}", ""]
        for s in self.sessions:
            head = " | ".join(_md(WORDS[name]) for name in ("when", "activity", "minutes", "notes"))
            lines += [f"*{self.session_summary(s)}*", "", f"| {head} |", "|---|---|---:|---|"]
            lines += [f"| {_md(self._when(s, r))} | {_md(r.activity)} | {self._minutes(r)} | {_md(r.notes)} |" for r in s.rows]
            lines.append("")
        return "\n".join(lines).rstrip("\n")

    def __repr__(self) -> str:
        return self.markdown()


def _md(text: str) -> str:
    """Text for a Markdown table cell: pipes and markup characters escaped, one line."""
    return escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def _row(course: Course, plan: Plan, step: Step, phase: str, start: int | None) -> Row:
    note = step.note or ""
    kind = step.kind
    if kind == "lesson":
        t = course.lesson(step.lesson)
        activity = fill(WORDS["optional_lesson" if step.optional else "core_lesson"], title=t.title)
        detail = fill(WORDS["optional_detail" if step.optional else "lesson_detail"], reading=_count(t.reading),
                      words=_count(t.words), minutes=_count(t.exercise_minutes), exercises=plural(WORDS["exercises"], t.exercises))
        return Row(phase, None if step.optional else start, t.minutes, activity, _join(detail, note), not step.optional, kind)
    if kind == "check":
        questions, minutes = course.check(step.check)
        page = lessons.check_page(step.check, course.root)
        counted = fill(WORDS["questions_note"], questions=plural(WORDS["questions"], questions))
        return Row(phase, start, minutes, page.title, _join(counted, note), True, kind)
    if kind == "practice":
        path = course.practice_path(step.practice)
        return Row(phase, start, course.practice(step.practice), lessons.title(path),
                   _join(WORDS["practice_note"], note), True, kind)
    if kind in ("discuss", "reflection"):
        ex = course.reflection(step.discuss or step.reflection)
        if kind == "discuss":
            return Row(phase, start, plan.discussion_minutes, fill(WORDS["discussion"], lesson=ex.lesson),
                       _join(ex.prompt, note), True, kind)
        return Row(phase, start, ex.minutes, fill(WORDS["reflection"], lesson=ex.lesson), _join(ex.prompt, note), True, kind)
    return Row(phase, start, step.break_, step.label or WORDS["break"], note, False, kind)


def _join(*texts: str) -> str:
    return " ".join(t.strip() for t in texts if t and t.strip())


def schedule(name: str, plans: PlansFile | None = None, course: Course | None = None, *,
             source: Path | str = PLANS_FILE, strict: bool = True) -> Schedule:
    """The plan ``name`` of the plans file, timed; with ``strict`` (the default), a session that overruns is a PlanError."""
    plans = plans if plans is not None else load_plans(Path(source))
    course = course if course is not None else Course()
    source = str(Path(source).relative_to(ROOT)) if Path(source).is_relative_to(ROOT) else str(source)
    if name not in plans.plans:
        raise PlanError(f"{source}: no plan '{name}'; the plans are {', '.join(plans.plans)}")
    plan = plans.plans[name]
    sessions = []
    for i, session in enumerate(plan.sessions):
        times = SessionTimes(session.name, session.starts)
        for phase in PHASES:
            clock = 0
            for j, step in enumerate(getattr(session, phase)):
                try:
                    row = _row(course, plan, step, phase, clock if phase == "during" else None)
                except PlanError as err:
                    raise PlanError(f"{source}: at plans/{name}/sessions/{i}/{phase}/{j}/{step.kind}: {err}") from None
                if row.start is not None:
                    clock += row.minutes
                times.rows.append(row)
        sessions.append(times)
    if plan.every_lesson:
        named = {step.lesson for s in plan.sessions for phase in PHASES for step in getattr(s, phase) if step.lesson}
        missing = [t.lesson for t in course.lessons() if t.lesson not in named]
        if missing:
            raise PlanError(f"{source}: plan '{name}' must name every lesson (every_lesson), but not {', '.join(missing)}")
    result = Schedule(name, plan, sessions, source)
    return result.check() if strict else result


# --- tables of the times ---------------------------------------------------------------------------

class Table:
    """A small table of computed times, shown as HTML in notebooks and the book, as Markdown elsewhere."""

    def __init__(self, caption: str, columns: tuple[str, ...], rows: list[tuple[str, ...]], numeric: set[int],
                 footer: tuple[str, ...] | None = None) -> None:
        self.caption, self.columns, self.rows, self.numeric, self.footer = caption, columns, rows, numeric, footer

    def _cells(self, row: tuple[str, ...], tag: str = "td") -> str:
        number = ' class="cx-number"'
        return "".join(f"<{tag}{number if i in self.numeric else ''}>{escape(c)}</{tag}>" for i, c in enumerate(row))

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in self.columns)
        body = "\n".join(f"<tr>{self._cells(r)}</tr>" for r in self.rows)
        foot = f"\n<tfoot><tr>{self._cells(self.footer)}</tr></tfoot>" if self.footer else ""
        return (f'<table class="table cx-times {THEMED_OUTPUT}">\n<caption>{escape(self.caption)}</caption>\n<thead><tr>{head}</tr></thead>\n'
                f"<tbody>\n{body}\n</tbody>{foot}\n</table>")

    def markdown(self) -> str:
        align = "|" + "|".join("---:" if i in self.numeric else "---" for i in range(len(self.columns))) + "|"
        rows = [*self.rows, *([self.footer] if self.footer else [])]
        return "\n".join([f"*{self.caption}*", "", "| " + " | ".join(self.columns) + " |", align]
                         + ["| " + " | ".join(_md(c) for c in r) + " |" for r in rows])

    def __repr__(self) -> str:
        return self.markdown()


def lesson_table(course: Course | None = None) -> Table:
    """Every lesson's time: reading (from its words) plus its exercises."""
    course = course if course is not None else Course()
    times = course.lessons()
    rows = [(t.title, *map(_count, (t.words, t.reading, t.exercises, t.exercise_minutes, t.minutes))) for t in times]
    footer = (WORDS["all_lessons"], *(_count(sum(getattr(t, name) for t in times))
                                      for name in ("words", "reading", "exercises", "exercise_minutes", "minutes")))
    caption = fill(WORDS["lesson_caption"], rate=_count(WORDS_PER_MINUTE))
    columns = tuple(WORDS[name] for name in ("lesson", "words", "reading", "exercises_column", "exercise_minutes", "minutes"))
    return Table(caption, columns, rows, {1, 2, 3, 4, 5}, footer)


def practice_table(course: Course | None = None) -> Table:
    """The diagnostic, and each part's check and practice set, with their minutes."""
    course = course if course is not None else Course()
    captions = lessons.part_captions(course.root)
    questions, minutes = course.check(lessons.DIAGNOSTIC)

    def timed(minutes: int, questions: int) -> str:
        return fill(WORDS["check_minutes"], minutes=_count(minutes), questions=plural(WORDS["questions"], questions))

    rows = [(lessons.part_caption(lessons.DIAGNOSTIC, captions), lessons.check_page(lessons.DIAGNOSTIC, course.root).title,
             timed(minutes, questions), "—")]
    parts = sorted({t.lesson.split(".")[0] for t in course.lessons()}, key=int)
    for part in parts:
        questions, minutes = course.check(f"part-{part}")
        rows.append((lessons.part_caption(part, captions), lessons.check_page(f"part-{part}", course.root).title,
                     timed(minutes, questions), _count(course.practice(int(part)))))
    columns = tuple(WORDS[name] for name in ("part", "check", "check_minutes_column", "practice_minutes"))
    return Table(WORDS["practice_caption"], columns, rows, {2, 3})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="plans to print (default: all)")
    parser.add_argument("--check", action="store_true", help="only check that every plan fits its slots")
    parser.add_argument("--plans", type=Path, default=PLANS_FILE, help="the plans file (default: back/plans.yml)")
    args = parser.parse_args(argv)
    try:
        plans = load_plans(args.plans)
        course = Course()
        for name in args.names or list(plans.plans):
            timed = schedule(name, plans, course, source=args.plans)
            if not args.check:
                print(f"## {timed.plan.title}\n\n{timed.markdown()}\n")
    except PlanError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
