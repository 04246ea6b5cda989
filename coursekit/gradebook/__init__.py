"""A class gradebook from a folder of answers files: ``python -m coursekit.gradebook ANSWERS_DIR --out OUT_DIR``.

The folder may hold, in any sub-folders, the files learners download from the book (one page's answers
or the whole course's) and the progress files of live notebooks, mixed. Every file is read by the
scorer's reader (``score.read_answers``) and every answer checked again by the Python checker: a
status written in a file is ignored. A file that is not a sound answers file is listed with the reason
and never stops the others. A learner is known by the name in their files (``learner``, compared
without case); the files of one learner merge, and for each exercise the latest answer wins (each
answer's own time, else its file's). An anonymous file stands alone, under its path.

Writes ``OUT_DIR/gradebook.csv`` (one row per learner: totals per part and overall, one column per
exercise, reflections' word counts and a column for the trainer's rubric mark) and
``OUT_DIR/report.html`` with its files (``report.py``). With ``--marks gradebook.csv`` (a gradebook in
which the trainer typed weak, adequate or strong), the marks are carried into the new gradebook and
turned into reflection points by the rubric's rule (``Reflection.points``); a mark that is not a
level is listed in the report. With ``--nbgrader`` (nbgrader's ``gradebook.db`` or the CSV of ``nbgrader export``),
each practice set's autograded score is added as a column (``practice.py``), matched to the learner by name.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from coursekit.exercises.kinds import ExerciseBase
from coursekit.exercises.kinds.reflection import count_words
from coursekit.exercises.messages import fill
from coursekit.exercises.score import AnswersFileError, read_answers
from coursekit.gradebook.practice import PracticeScore

CSV_NAME = "gradebook.csv"
ANONYMOUS = "(no name) {path}"  # how a file without a learner's name is listed
DIAGNOSTIC = "diagnostic"
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# What the command prints (``__main__``), in the kit's language like the report (``--language``).
COMMAND = {
    "error": "error: {message}",
    "not_a_folder": "{folder} is not a folder: give the folder that holds the learners' answers files.",
    "roster": "the roster {file} cannot be read as text ({reason}).",
    "cannot_write": "cannot write into {folder} ({reason}).",
    "read": "{files} file(s) read from {learners} learner(s); {bad} could not be read (listed in the report).",
    "marks": "{marks} rubric mark(s) carried over from {file}; {bad} could not be read (listed in the report).",
    "practice": "{scores} practice-set score(s) from nbgrader, {sets} set(s).",
    "wrote": "wrote {path}",
}


@dataclass
class BadFile:
    """A file that is not a sound answers file, and why."""

    path: str
    reason: str


@dataclass
class Learner:
    """One learner's merged answers: by exercise id, the response and when it was given."""

    name: str
    anonymous: bool = False
    files: list[str] = field(default_factory=list)
    responses: dict[str, object] = field(default_factory=dict)
    answered_at: dict[str, str] = field(default_factory=dict)


@dataclass
class ClassAnswers:
    """What a folder of answers files holds: the learners, the files that could not be read, and the bank."""

    learners: list[Learner]
    bad_files: list[BadFile]
    bank: dict[str, ExerciseBase]
    files_read: int = 0
    # The trainer's rubric marks, read back from a marked gradebook (read_marks): by learner name, by reflection id.
    marks: dict[str, dict[str, str]] = field(default_factory=dict)
    mark_problems: list[str] = field(default_factory=list)
    # nbgrader's scores on the practice sets (add_practice): each set's maximum, and by learner name, by set, the
    # score (None: not submitted).
    practice_max: dict[str, float] = field(default_factory=dict)
    practice: dict[str, dict[str, float | None]] = field(default_factory=dict)


def _words() -> dict:
    """The report's table of words (coursekit.gradebook.report.REPORT), in the language the kit speaks now."""
    from coursekit.gradebook.report import REPORT

    return REPORT


def _when(text: str) -> datetime:
    """An answer's time as a date; anything unreadable counts as the earliest."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return _EPOCH
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def files_in(folder: Path) -> list[Path]:
    """Every file under ``folder`` that is not hidden, in a fixed order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def read_class(folder: Path, bank: dict[str, ExerciseBase]) -> ClassAnswers:
    """Read and merge every answers file under ``folder``; bad files are listed, never fatal."""
    by_key: dict[str, Learner] = {}
    bad: list[BadFile] = []
    read = 0
    for path in files_in(folder):
        shown = path.relative_to(folder).as_posix()
        if path.suffix.lower() != ".json":
            bad.append(BadFile(shown, _words()["not_json"]))
            continue
        try:
            answers = read_answers(path, bank)
        except AnswersFileError as err:
            bad.append(BadFile(shown, str(err)))
            continue
        read += 1
        key = answers.learner.casefold() if answers.learner else f"\0{shown}"
        learner = by_key.setdefault(key, Learner(answers.learner or ANONYMOUS.format(path=shown),
                                                 anonymous=not answers.learner))
        learner.files.append(shown)
        for exercise_id, response in answers.responses.items():
            when = answers.answered_at[exercise_id]
            # Files are read in a fixed order, so a tie goes to the later file, the same on every run.
            if exercise_id not in learner.responses or _when(when) >= _when(learner.answered_at[exercise_id]):
                learner.responses[exercise_id] = response
                learner.answered_at[exercise_id] = when
    learners = sorted(by_key.values(), key=lambda l: (l.anonymous, l.name.casefold(), l.name))
    return ClassAnswers(learners, bad, bank, read)


def add_practice(answers: ClassAnswers, scores: list[PracticeScore]) -> None:
    """Add nbgrader's practice-set scores: to the learner of the same name (without case), else to a new learner."""
    by_key = {l.name.casefold(): l for l in answers.learners if not l.anonymous}
    for item in scores:
        learner = by_key.get(item.student.casefold())
        if learner is None:
            learner = by_key[item.student.casefold()] = Learner(item.student)
            answers.learners.append(learner)
        answers.practice_max[item.assignment] = item.max_score
        given = answers.practice.setdefault(learner.name, {})
        if item.score is not None or item.assignment not in given:  # a score beats "not submitted" from another file
            given[item.assignment] = item.score
    answers.learners.sort(key=lambda l: (l.anonymous, l.name.casefold(), l.name))
    answers.practice_max = dict(sorted(answers.practice_max.items()))


def group_of(ex: ExerciseBase) -> str:
    """The column group an exercise counts in: "diagnostic", or its part ("part 1" …)."""
    if ex.assessment == DIAGNOSTIC:
        return DIAGNOSTIC
    return f"part {ex.lesson.split('.')[0]}"


def groups(bank: dict[str, ExerciseBase]) -> list[str]:
    """The groups in course order: the diagnostic, then the parts."""
    found = {group_of(ex) for ex in bank.values()}
    return sorted(found, key=lambda g: (g != DIAGNOSTIC, g))


def in_course_order(bank: dict[str, ExerciseBase]) -> list[ExerciseBase]:
    """The exercises as a learner meets them: the diagnostic, then lesson by lesson, each lesson's check last."""
    def place(item: tuple[int, ExerciseBase]) -> tuple:
        n, ex = item
        if ex.assessment == DIAGNOSTIC:  # in the order of its page
            return (False, (), False, (), n)
        lesson = tuple(int(x) if x.isdigit() else 0 for x in ex.lesson.split("."))
        return (ex.assessment != DIAGNOSTIC, lesson[:1], bool(ex.assessment), lesson, n)

    return [ex for _, ex in sorted(enumerate(bank.values()), key=place)]


def graded(bank: dict[str, ExerciseBase]) -> list[ExerciseBase]:
    return [ex for ex in in_course_order(bank) if ex.auto_graded]


def reflections(bank: dict[str, ExerciseBase]) -> list[ExerciseBase]:
    return [ex for ex in in_course_order(bank) if not ex.auto_graded]


def verdicts(learner: Learner, bank: dict[str, ExerciseBase]) -> dict[str, str]:
    """The checker's verdict on each answered exercise ("correct", "incorrect", "invalid", "ungraded")."""
    return {ex_id: bank[ex_id].check(response).status for ex_id, response in learner.responses.items()}


def totals(learner: Learner, bank: dict[str, ExerciseBase]) -> dict[str, tuple[int, int, int]]:
    """By group: (correct, answered, possible) auto-graded exercises."""
    found = verdicts(learner, bank)
    result = {}
    for group in groups(bank):
        members = [ex for ex in graded(bank) if group_of(ex) == group]
        correct = sum(found.get(ex.id) == "correct" for ex in members)
        answered = sum(ex.id in found for ex in members)
        result[group] = (correct, answered, len(members))
    return result


def _cell(value: object) -> object:
    """A value a spreadsheet shows as text: one that starts like a formula is quoted (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


MARK = " rubric mark"  # after a reflection's id: the column of the trainer's mark


def _mark_column(ex: ExerciseBase) -> str:
    return f"{ex.id}{MARK} ({', '.join(ex.RUBRIC_POINTS)}; worth {ex.weight})"


def practice_column(assignment: str, max_score: float) -> str:
    return f"{assignment} (nbgrader, of {max_score:g})"


def columns(bank: dict[str, ExerciseBase], practice_max: dict[str, float] | None = None) -> list[str]:
    """The CSV's header: who, totals, then each exercise, then each reflection's words and mark, then the practice
    sets' nbgrader scores (when there are any)."""
    head = ["learner", "files", "last answer"]
    for group in groups(bank):
        possible = sum(group_of(ex) == group for ex in graded(bank))
        head.append(f"{group} (of {possible})")
    head += [f"total (of {len(graded(bank))})", "total %"]
    head.append(f"reflection points (of {sum(ex.weight for ex in reflections(bank))})")
    head += [ex.id for ex in graded(bank)]
    for ex in reflections(bank):
        head += [f"{ex.id} words", _mark_column(ex)]
    head += [practice_column(name, top) for name, top in (practice_max or {}).items()]
    return head


def read_marks(path: Path, bank: dict[str, ExerciseBase]) -> tuple[dict[str, dict[str, str]], list[str]]:
    """The rubric marks a trainer typed into a gradebook.csv (saved again by a spreadsheet: comma, semicolon or
    tab, with or without a byte-order mark): by learner, by reflection id; and what could not be read, by line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return {}, [fill(_words()["marks_not_text"], file=path.name, reason=getattr(err, "strerror", None) or err)]
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    table = list(csv.reader(io.StringIO(text), dialect))
    if not table or "learner" not in table[0]:
        return {}, [fill(_words()["marks_no_learner"], file=path.name)]
    head = table[0]
    where = {ex.id: n for ex in reflections(bank) for n, name in enumerate(head) if name.startswith(f"{ex.id}{MARK}")}
    marks: dict[str, dict[str, str]] = {}
    problems = []
    for line, row in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        learner = row[head.index("learner")] if len(row) > head.index("learner") else ""
        for ex_id, n in where.items():
            level = row[n].strip().casefold() if n < len(row) else ""
            if not level:
                continue
            if level not in bank[ex_id].RUBRIC_POINTS:
                problems.append(fill(_words()["marks_not_level"], file=path.name, line=line, learner=learner, exercise=ex_id,
                                     mark=row[n][:40], levels=", ".join(bank[ex_id].RUBRIC_POINTS)))
                continue
            marks.setdefault(learner, {})[ex_id] = level
    return marks, problems


def rows(answers: ClassAnswers) -> list[list[object]]:
    """One row per learner, in the order of ``columns``: 1 or 0 per graded exercise, blank if not answered."""
    bank = answers.bank
    table = []
    for learner in answers.learners:
        found = verdicts(learner, bank)
        sums = totals(learner, bank)
        last = max(learner.answered_at.values(), key=_when, default="")
        row: list[object] = [_cell(learner.name), len(learner.files), _cell(last)]
        row += [sums[group][0] for group in groups(bank)]
        correct = sum(c for c, _, _ in sums.values())
        possible = sum(p for _, _, p in sums.values())
        row += [correct, round(100 * correct / possible, 1) if possible else 0]
        marked = answers.marks.get(row[0], {})  # the name as the CSV wrote it (a formula-like one is quoted)
        row.append(f"{sum(ex.points(marked[ex.id]) for ex in reflections(bank) if ex.id in marked):g}" if marked else "")
        row += ["" if ex.id not in found else int(found[ex.id] == "correct") for ex in graded(bank)]
        for ex in reflections(bank):
            text = learner.responses.get(ex.id)
            row += ["" if text is None else count_words(str(text)), marked.get(ex.id, "")]
        given = answers.practice.get(learner.name, {})
        row += ["" if given.get(name) is None else f"{given[name]:g}" for name in answers.practice_max]
        table.append(row)
    return table


def csv_text(answers: ClassAnswers) -> str:
    """The gradebook as CSV text (UTF-8, comma-separated, one header row), as spreadsheets and LMS imports take it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns(answers.bank, answers.practice_max))
    writer.writerows(rows(answers))
    return out.getvalue()


def write(answers: ClassAnswers, out: Path, roster: list[str] | None = None) -> list[Path]:
    """Write gradebook.csv and the report (report.html and its files) into ``out``; returns the files written."""
    from coursekit.gradebook import report

    out.mkdir(parents=True, exist_ok=True)
    written = [out / CSV_NAME]
    (out / CSV_NAME).write_text(csv_text(answers), encoding="utf-8")
    written += report.write(answers, out, roster or [])
    return written
