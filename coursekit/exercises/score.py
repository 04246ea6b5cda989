"""Score a learner's answers file: ``python -m coursekit.exercises.score answers.json``.

Reads a file from the book's "Download my answers" button (or a live notebook's progress file),
checks every answer again with the Python checker (``Exercise.check``; a status stored in the file
is ignored), and prints one line per exercise and a total. Reflections are listed with their text,
not graded. A file that is not a sound answers file gets one line saying why, and exit status 1.
With ``--language fr`` the report, its verdicts and messages and that line are in French.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import NamedTuple

from coursekit import i18n
from coursekit.exercises.messages import fill, plural
from coursekit.exercises.model import BankError, Exercise, load_bank
from coursekit.exercises.progress import FORMAT, LEARNER_MAX, READABLE_VERSIONS, clean_learner, upgrade
from coursekit.paths import EXERCISE_BANK_DIR

MAX_BYTES = 1_000_000
VERDICTS = {"correct": "correct", "incorrect": "not correct", "invalid": "incomplete", "ungraded": "not auto-graded"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Why a file is not a sound answers file, one line each (AnswersFileError), in the kit's language: the class
# report lists these reasons beside each file it could not read.
FILE_ERRORS = {
    "unreadable": "cannot read the file ({reason})",
    "too_large": "the file is larger than {limit} MB, far too large for an answers file",
    "not_text": "the file is not text (UTF-8), so it is not an answers file",
    "not_json": "the file is not valid JSON (line {line}, column {column}: {reason})",
    "not_usable": "the file is not usable JSON ({reason})",
    "too_deep": "the file's JSON is nested too deeply to be an answers file",
    "not_answers": "this is not a coursekit answers file (its \"format\" should be \"{format}\")",
    "version": "this answers file has version {version}; this scorer reads versions {readable}",
    "versions": "{first} and {last}",  # the versions it reads: "1, 2 and 3"
    "no_answers": "the file has no \"answers\" object",
    "saved_at": "\"saved_at\" must be a date and time as text",
    "learner": "\"learner\" must be a name or id on one line, at most {limit} characters",
    "unknown_id": "unknown exercise id {id}: it is not in the course's exercise bank",
    "entry": "exercise {id}: the entry must be an object with a \"response\"",
    "type": "exercise {id}: its type should be \"{type}\", not {given}",
    "response": "exercise {id} ({type}): {problem}",
    "answer_saved_at": "exercise {id}: \"saved_at\" must be a date and time as text",
}
# The words of the scorer's report (``report``) and of its one-line error.
WORDS = {
    "heading": "Answers in {file}{who}{saved}: {count} exercise(s)",
    "from": " from {learner}",
    "no_name": " (no learner name)",
    "saved": ", saved {saved_at}",
    "columns": {"exercise": "exercise", "lesson": "lesson", "type": "type", "verdict": "verdict"},
    "nothing_written": "(nothing written)",
    "reflections": {"one": "; {count} reflection not auto-graded", "other": "; {count} reflections not auto-graded"},
    "total": {"one": "Total: {correct} of {count} auto-graded exercise correct{reflected}.",
              "other": "Total: {correct} of {count} auto-graded exercises correct{reflected}."},
    "error": "error: {file}: {reason}",
}


class AnswersFileError(Exception):
    """The file is not a sound answers file; the message says why, in one line."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(fill(FILE_ERRORS[key], **values))


class Answers(NamedTuple):
    """A sound answers file: who, when, and each response with the time it was given."""

    learner: str  # "" for an anonymous file
    saved_at: str  # when the file was written ("" if it does not say)
    responses: dict[str, object]  # by exercise id, in today's shape
    answered_at: dict[str, str]  # by exercise id: the answer's own time, else the file's


def read_answers(path: Path, bank: dict[str, Exercise]) -> Answers:
    """The file's learner, times and responses by exercise id; AnswersFileError if it is not sound."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise AnswersFileError("unreadable", reason=err.strerror or err) from None
    if len(raw) > MAX_BYTES:
        raise AnswersFileError("too_large", limit=MAX_BYTES // 1_000_000)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise AnswersFileError("not_text") from None
    except json.JSONDecodeError as err:
        raise AnswersFileError("not_json", line=err.lineno, column=err.colno, reason=err.msg) from None
    except ValueError as err:  # e.g. a number with thousands of digits
        raise AnswersFileError("not_usable", reason=str(err)[:80]) from None
    except RecursionError:
        raise AnswersFileError("too_deep") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnswersFileError("not_answers", format=FORMAT)
    if data.get("version") not in READABLE_VERSIONS:
        readable = fill(FILE_ERRORS["versions"], first=", ".join(str(v) for v in READABLE_VERSIONS[:-1]), last=READABLE_VERSIONS[-1])
        raise AnswersFileError("version", version=json.dumps(data.get("version"))[:20], readable=readable)
    answers, saved_at = data.get("answers"), data.get("saved_at", "")
    if not isinstance(answers, dict):
        raise AnswersFileError("no_answers")
    answers = upgrade(answers, data["version"], bank)  # an older file scores as it did when it was saved
    if not isinstance(saved_at, str):
        raise AnswersFileError("saved_at")
    saved_at = _CONTROL.sub("?", saved_at)[:40]
    learner = clean_learner(data.get("learner", ""))
    if learner is None:
        raise AnswersFileError("learner", limit=LEARNER_MAX)
    responses: dict[str, object] = {}
    answered_at: dict[str, str] = {}
    for exercise_id, entry in answers.items():
        shown_id = json.dumps(exercise_id)[:60]
        if exercise_id not in bank:
            raise AnswersFileError("unknown_id", id=shown_id)
        ex = bank[exercise_id]
        if not isinstance(entry, dict) or "response" not in entry:
            raise AnswersFileError("entry", id=shown_id)
        if entry.get("type") != ex.type:
            raise AnswersFileError("type", id=shown_id, type=ex.type, given=json.dumps(entry.get("type"))[:40])
        problem = ex.response_problem(entry["response"])
        if problem:
            raise AnswersFileError("response", id=shown_id, type=ex.type, problem=problem)
        when = entry.get("saved_at", saved_at)
        if not isinstance(when, str):
            raise AnswersFileError("answer_saved_at", id=shown_id)
        responses[exercise_id] = entry["response"]
        answered_at[exercise_id] = _CONTROL.sub("?", when)[:40]
    return Answers(learner, saved_at, responses, answered_at)


def _printable(text: str) -> str:
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n"))


def report(path: Path, bank: dict[str, Exercise]) -> str:
    """The per-exercise report and the total, as text (in the kit's language: WORDS)."""
    learner, saved_at, responses, _ = read_answers(path, bank)
    lines = [fill(WORDS["heading"], file=path.name, count=len(responses),
                  who=fill(WORDS["from"], learner=learner) if learner else WORDS["no_name"],
                  saved=fill(WORDS["saved"], saved_at=saved_at) if saved_at else ""), ""]
    ordered = [ex for ex in bank.values() if ex.id in responses]
    heads = WORDS["columns"]
    widths = [max([len(ex.id) for ex in ordered] + [len(heads["exercise"])]),
              max(6, len(heads["lesson"])), max(15, len(heads["type"]))]
    row = "{:<%d}  {:<%d}  {:<%d}  {}" % tuple(widths)
    lines.append(row.format(heads["exercise"], heads["lesson"], heads["type"], heads["verdict"]))
    correct = graded = reflections = 0
    for ex in ordered:
        result = ex.check(responses[ex.id])
        lines.append(row.format(ex.id, ex.lesson, ex.type, VERDICTS[result.status]))
        if ex.auto_graded:
            graded += 1
            correct += result.correct
            if not result.correct:
                lines.append(f"    {result.message}")
        else:
            reflections += 1
            text = _printable(str(responses[ex.id]).strip()) or WORDS["nothing_written"]
            lines += [f"    | {line}" for line in text.splitlines()]
    reflected = plural(WORDS["reflections"], reflections) if reflections else ""
    lines += ["", plural(WORDS["total"], graded, correct=correct, reflected=reflected)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("answers", type=Path, help="an answers file (answers-<page>.json, or progress.json)")
    parser.add_argument("--bank", type=Path, default=EXERCISE_BANK_DIR, help="the exercise bank folder (default: the course's)")
    parser.add_argument("--language", choices=i18n.LANGUAGES, default=i18n.SOURCE_LANGUAGE,
                        help=f"the report's language: its words and the exercises' messages (default: {i18n.SOURCE_LANGUAGE})")
    args = parser.parse_args(argv)
    with i18n.using(args.language):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        print(report(args.answers, load_bank(args.bank)))
    except AnswersFileError as err:
        print(fill(WORDS["error"], file=args.answers, reason=err), file=sys.stderr)
        return 1
    except BankError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    # Run the imported module's main, whose tables are the ones the kit translates (this copy, __main__, is another).
    from coursekit.exercises.score import main as imported_main

    sys.exit(imported_main())
