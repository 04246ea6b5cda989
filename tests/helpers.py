"""Paths the tests share (imported by the test modules and both conftest files)."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUILD_HTML = ROOT / "_build" / "html"
SHARED = Path(os.environ.get("COURSE_SHARED_DIR", ROOT.parent / "shared"))
NO_BUILD = "(no built book: run bash scripts/build.sh)"
EVERY_TYPE = FIXTURES / "banks" / "every_type.yml"  # one exercise of every type, markup in every text


def every_type_bank() -> dict:
    """The exercises of EVERY_TYPE by id."""
    from coursekit.exercises import load_file

    return {ex.id: ex for ex in load_file(EVERY_TYPE)}


def code_cells(path: Path) -> list[str]:
    """The source of each code cell of a notebook, in order."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def shown_exercises(path: Path) -> list[str]:
    """The ids of the exercises a notebook shows, ``exercise("id")`` in its code cells, in order."""
    return [i for source in code_cells(path) for i in re.findall(r"""exercise\(\s*["']([^"']+)["']\s*\)""", source)]


def built_pages() -> list[str]:
    """Every page of the built book, relative to it; with no build, one name that fails the test
    that opens it (through the ``built_book`` fixture), so a missing build is never a silent skip."""
    pages = sorted(str(p.relative_to(BUILD_HTML)) for p in BUILD_HTML.rglob("*.html")
                   if "_static" not in p.relative_to(BUILD_HTML).parts)
    return pages or [NO_BUILD]


def tricky_inputs(seed: int = 2012, count: int = 4000) -> list[str]:
    """What learners might type into a number or text box, tricky on purpose: the fixture cases,
    digits of other scripts, full-width forms, byte-order marks and control characters, every kind
    of space, exponents, hex, NaN and Infinity, overlong strings, and random strings of all of these."""
    import json
    import random

    fixed = [case[0] for case in json.loads((FIXTURES / "numeric_inputs.json").read_text(encoding="utf-8"))["cases"]]
    special = ["NaN", "nan", "Infinity", "-Infinity", "inf", "1e5", "1E5", "1e-3", "0x10", "0X1f", "0b1", "0o7", "1_0",
               "\u0661\u0662", "\uff11\uff12", "\u0663", "\u0969", "\u0e53", "\u1813", "\U0001d7d1", "\ufeff", "\u200b",
               "\x00", "\x7f", "\x85", "\u2028", "\u00b2", "\u2153", "１,５", "3,5e2", "+-3", "--3", ".", ",", ".,",
               "3..5", "3,,5", "1 000.5", "1\u2007000", "1'000", "1\u2019000", "\u20123", "\u20133", "(3)", "3-"]
    alphabet = ("0123456789" * 4 + " \t\n\r\u00a0\u2009\u202f\u2007\u2003\u3000\ufeff\u200b\x0b\x0c\x1c\x1f\x85\u2028"
                ".,+-\u2212%eExX_'\u2019" + "\u0663\u0969\uff13\u0660\u0967\uff10" + "aNI" + "\x00\x01\x7f")
    rng = random.Random(seed)
    generated = []
    for _ in range(count):
        length = rng.choice([rng.randint(0, 8), rng.randint(0, 16), rng.randint(36, 46)])
        generated.append("".join(rng.choice(alphabet) for _ in range(length)))
    return fixed + special + generated


# Issue 14's limits: a learner who guesses by position or length does no better than chance.
MAX_SHARE_AT_ONE_POSITION = 0.40  # single choice: no position holds the correct answer more often
MAX_SHARE_LONGEST = 0.40  # single choice: the correct option is the longest at most this often
MAX_SHARE_FIRST_CORRECT = 0.60  # multiple choice: the first option shown is correct at most this often


def answer_figures(questions: list[tuple[str, list[tuple[str, bool]]]]) -> dict[str, float]:
    """Figures a position- or length-guesser could exploit, from (type, [(text, correct) in shown order])."""
    singles = [options for kind, options in questions if kind == "single_choice"]
    multiples = [options for kind, options in questions if kind == "multiple_choice"]
    positions = Counter(next(i for i, (_, ok) in enumerate(options) if ok) for options in singles)
    longest = sum(1 for options in singles
                  if len(next(t for t, ok in options if ok)) >= max(len(t) for t, ok in options if not ok))
    return {
        "singles": len(singles),
        "top_position_share": max(positions.values()) / len(singles),
        "longest_share": longest / len(singles),
        "multiples": len(multiples),
        "first_correct_share": sum(options[0][1] for options in multiples) / len(multiples),
    }
