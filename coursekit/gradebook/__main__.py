"""Command line: ``python -m coursekit.gradebook ANSWERS_DIR --out OUT_DIR [--roster FILE] [--nbgrader gradebook.db]
[--language fr]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coursekit import i18n
from coursekit.exercises.model import BankError, load_bank
from coursekit.exercises.messages import fill
from coursekit.gradebook import COMMAND, add_practice, read_class, read_marks, write
from coursekit.gradebook.practice import ScoresError, read_scores
from coursekit.gradebook.report import ReportError
from coursekit.paths import EXERCISE_BANK_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.gradebook",
                                     description="A class gradebook (CSV) and report (HTML) from a folder of answers files.")
    parser.add_argument("answers", type=Path, help="a folder of answers files (book downloads and progress files, mixed)")
    parser.add_argument("--out", type=Path, required=True, help="where to write gradebook.csv and report.html")
    parser.add_argument("--marks", type=Path, help="a gradebook.csv in which you typed rubric marks: carried into the new one")
    parser.add_argument("--roster", type=Path, help="a text file with one expected learner per line (to see who sent nothing)")
    parser.add_argument("--nbgrader", type=Path, action="append", default=[], metavar="FILE",
                        help="nbgrader's gradebook.db, or the grades.csv of 'nbgrader export': the practice sets' scores "
                             "(may be given more than once)")
    parser.add_argument("--bank", type=Path, default=EXERCISE_BANK_DIR, help="the exercise bank folder (default: the course's)")
    parser.add_argument("--language", choices=i18n.LANGUAGES, default=i18n.SOURCE_LANGUAGE,
                        help="the report's language: its words, the exercises' texts and its numbers (default: "
                             f"{i18n.SOURCE_LANGUAGE}); the CSV's column names stay as they are")
    args = parser.parse_args(argv)
    with i18n.using(args.language):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Read the class, write the gradebook and the report (in the language the kit speaks now)."""
    if not args.answers.is_dir():
        return _error(fill(COMMAND["not_a_folder"], folder=args.answers))
    roster: list[str] = []
    if args.roster:
        try:
            roster = [line.strip() for line in args.roster.read_text(encoding="utf-8").splitlines() if line.strip()]
        except (OSError, UnicodeDecodeError) as err:
            return _error(fill(COMMAND["roster"], file=args.roster, reason=getattr(err, "strerror", None) or err))
    try:
        bank = load_bank(args.bank)
        answers = read_class(args.answers, bank)
        if args.marks:
            answers.marks, answers.mark_problems = read_marks(args.marks, bank)
        for source in args.nbgrader:
            add_practice(answers, read_scores(source))
        written = write(answers, args.out, roster)
    except (BankError, ReportError, ScoresError) as err:
        return _error(str(err))
    except OSError as err:
        return _error(fill(COMMAND["cannot_write"], folder=args.out, reason=err.strerror or err))
    print(fill(COMMAND["read"], files=answers.files_read, learners=len(answers.learners), bad=len(answers.bad_files)))
    if args.marks:
        marked = sum(len(m) for m in answers.marks.values())
        print(fill(COMMAND["marks"], marks=marked, file=args.marks, bad=len(answers.mark_problems)))
    if args.nbgrader:
        submitted = sum(score is not None for given in answers.practice.values() for score in given.values())
        print(fill(COMMAND["practice"], scores=submitted, sets=len(answers.practice_max)))
    for path in written[:2]:
        print(fill(COMMAND["wrote"], path=path))
    return 0


def _error(message: str) -> int:
    print(fill(COMMAND["error"], message=message), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
