"""The practice sets' scores from nbgrader, for the class gradebook: ``--nbgrader gradebook.db`` or ``grades.csv``.

A trainer who runs the practice sets through nbgrader (on the hub: release, collect, autograde) has their
scores in nbgrader's gradebook database (``gradebook.db`` in the course folder) or in the CSV that
``nbgrader export`` writes from it. Either is read here, one score per learner and practice set, and added
to the same class gradebook as the answers from the book and from live notebooks. nbgrader knows a learner
by their student id (on the hub, their account name); the gradebook matches it to the name in their
answers files without regard to case, and lists a learner who only submitted practice sets too.
"""

from __future__ import annotations

import csv
import io
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from coursekit.exercises.messages import fill

EXPORT_COLUMNS = ("assignment", "student_id", "timestamp", "score", "max_score")  # what is read of `nbgrader export`
MAX_BYTES = 10_000_000
# Why nbgrader's scores cannot be read (ScoresError), in the kit's language like the report.
ERRORS = {
    "not_a_number": "{where}: \"{text}\" is not a number",
    "not_a_score": "{where}: \"{text}\" is not a score",
    "where": "{file}, line {line}",
    "too_large": "{file}: larger than {limit} MB, not an nbgrader export",
    "not_text": "{file}: cannot be read as UTF-8 text ({reason})",
    "columns": "{file}: no {columns} column(s) in its first line: give the CSV that 'nbgrader export' writes (grades.csv)",
    "no_student": "{where}: no student_id or assignment",
    "needs_nbgrader": "{file}: reading nbgrader's database needs nbgrader (bash scripts/setup.sh --dev, or the hub's "
                      "environment); or run 'nbgrader export' and give its grades.csv",
    "no_file": "{file}: no such file",
    "not_a_database": "{file}: not an nbgrader gradebook database ({reason})",
    "which_file": "{file}: give nbgrader's gradebook.db or the grades.csv of 'nbgrader export'",
}


class ScoresError(Exception):
    """nbgrader's scores cannot be read; the message names the file and what to do."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(fill(ERRORS[key], **values))


@dataclass(frozen=True)
class PracticeScore:
    """One learner's autograded score on one practice set (``score`` is None when nothing was submitted)."""

    student: str
    assignment: str
    score: float | None
    max_score: float


def _number(text: str, where: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ScoresError("not_a_number", where=where, text=text[:40]) from None
    if not math.isfinite(value) or value < 0:
        raise ScoresError("not_a_score", where=where, text=text[:40])
    return value


def read_export(path: Path) -> list[PracticeScore]:
    """The scores in a CSV written by ``nbgrader export`` (a row without a timestamp: nothing submitted)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ScoresError("too_large", file=path, limit=MAX_BYTES // 1_000_000)
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ScoresError("not_text", file=path, reason=getattr(err, "strerror", None) or err) from None
    table = csv.DictReader(io.StringIO(text))
    missing = [name for name in EXPORT_COLUMNS if name not in (table.fieldnames or [])]
    if missing:
        raise ScoresError("columns", file=path, columns=", ".join(missing))
    scores = []
    for line, row in enumerate(table, start=2):
        where = fill(ERRORS["where"], file=path.name, line=line)
        student, assignment = (row["student_id"] or "").strip(), (row["assignment"] or "").strip()
        if not student or not assignment:
            raise ScoresError("no_student", where=where)
        submitted = bool((row["timestamp"] or "").strip())
        scores.append(PracticeScore(student, assignment, _number(row["score"] or "", where) if submitted else None,
                                    _number(row["max_score"] or "", where)))
    return scores


def read_database(path: Path) -> list[PracticeScore]:
    """The scores in nbgrader's gradebook database (read with nbgrader's own API)."""
    try:
        from nbgrader.api import Gradebook, MissingEntry
    except ImportError:
        raise ScoresError("needs_nbgrader", file=path) from None
    if not path.is_file():
        raise ScoresError("no_file", file=path)
    scores = []
    # nbgrader runs the alembic command, which lives beside this Python (in its environment's bin folder).
    here = str(Path(sys.executable).parent)
    if here not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([here, os.environ.get("PATH", "")])
    try:
        with Gradebook(f"sqlite:///{path.resolve()}") as book:
            for assignment in book.assignments:
                for student in book.students:
                    try:
                        score = book.find_submission(assignment.name, student.id).score
                    except MissingEntry:
                        score = None
                    scores.append(PracticeScore(student.id, assignment.name, score, float(assignment.max_score)))
    except Exception as err:  # SQLAlchemy's errors for a file that is not nbgrader's database
        if isinstance(err, ScoresError):
            raise
        raise ScoresError("not_a_database", file=path, reason=type(err).__name__) from None
    return scores


def read_scores(path: Path) -> list[PracticeScore]:
    """nbgrader's scores from its database (``.db``, ``.sqlite``) or its export (``.csv``)."""
    if path.suffix.lower() == ".csv":
        return read_export(path)
    if path.suffix.lower() in (".db", ".sqlite", ".sqlite3"):
        return read_database(path)
    raise ScoresError("which_file", file=path)
