"""Paths the tests share (imported by the test modules and both conftest files)."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The built book the tests read; COURSEKIT_BUILD_HTML points them at another build (e.g. one made with --path-output).
BUILD_HTML = Path(os.environ.get("COURSEKIT_BUILD_HTML", ROOT / "_build" / "html"))
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


def response(ex, right: bool, rng) -> object:
    """A response of the shape the answers format stores: right, or wrong in a way the type allows."""
    kind = ex.type
    if kind in ("single_choice", "multiple_choice"):
        correct = [c.id for c in ex.choices if c.correct]
        wrong = [c.id for c in ex.choices if not c.correct]
        if kind == "single_choice":
            return correct[0] if right else rng.choice(wrong)
        return correct if right else sorted(set(correct[1:] + [rng.choice(wrong)]))
    if kind == "numeric":
        return f"{ex.answer:g}".replace(".", ",") if right else f"{ex.answer + 10 * ex.tolerance + 7:g}"
    if kind == "ordering":
        n = len(ex.items)
        return list(range(1, n + 1)) if right else [2, 1, *range(3, n + 1)]
    if kind == "categorising":
        answers = ex.answers()
        return answers if right else [(answers[0] + 1) % len(ex.categories), *answers[1:]]
    if kind == "reflection":
        return " ".join(rng.choice(["contact", "trust", "data", "evidence", "claim", "<b>bold</b>"]) for _ in range(rng.randint(5, 60)))
    raise AssertionError(f"no response generator for the type {kind!r}: add one to tests/helpers.py")


def class_folder(folder: Path, bank: dict, learners: int = 30, seed: int = 15) -> dict:
    """A folder of answers files from ``learners`` generated learners, as a class would send them: whole-course
    downloads, page downloads and progress files, some learners in several files, some anonymous. Returns what
    the gradebook must find: {learner name: {exercise id: right?}} (the latest answer of each)."""
    import random

    rng = random.Random(seed)
    ids = [ex_id for ex_id in bank]
    truth: dict[str, dict[str, bool]] = {}
    for n in range(learners):
        name = f"Learner {n:02d}" if n % 10 != 9 else ""  # every tenth learner sends an anonymous file
        skill = rng.random()
        chosen = rng.sample(ids, rng.randint(0, len(ids)))
        answers = {}
        for ex_id in chosen:
            right = rng.random() < skill
            answers[ex_id] = {"type": bank[ex_id].type, "response": response(bank[ex_id], right, rng),
                              "status": "correct", "saved_at": f"2026-11-{10 + n % 10:02d}T09:00:00Z"}
        key = name or f"(no name) learner-{n:02d}/answers-course.json"
        truth[key] = {ex_id: rng_right for ex_id, rng_right in ((e, bank[e].check(a["response"]).status == "correct") for e, a in answers.items())}
        document = {"format": "coursekit-answers", "version": 3, "saved_at": "2026-11-20T10:00:00Z", "learner": name, "answers": answers}
        target = folder / f"learner-{n:02d}"
        target.mkdir(parents=True, exist_ok=True)
        if n % 3 == 1 and chosen and name:  # a later page download changes one answer: the latest wins
            changed = chosen[0]
            later = {changed: {"type": bank[changed].type, "response": response(bank[changed], True, rng),
                               "saved_at": "2026-11-25T09:00:00.000Z"}}
            (target / "answers-a-page.json").write_text(json.dumps({**document, "answers": later}), encoding="utf-8")
            earlier = {changed: {**later[changed], "response": response(bank[changed], False, rng), "saved_at": "2026-11-01T09:00:00Z"}}
            (target / "zz-older-page.json").write_text(json.dumps({**document, "version": 3, "answers": earlier}), encoding="utf-8")
            truth[key][changed] = bank[changed].check(later[changed]["response"]).status == "correct"
        name_of_file = "progress.json" if n % 4 == 0 else "answers-course.json"
        (target / name_of_file).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return truth


# Files a class sends that are not sound answers files, with words the gradebook's reason must hold.
HOSTILE_FILES = {
    "not-json.json": (b"{'format': ", "not valid JSON"),
    "not-text.json": (b"\xff\xfe\x00{", "not text"),
    "quiz.json": (json.dumps({"format": "quiz", "version": 3, "answers": {}}).encode(), "not a coursekit answers file"),
    "future.json": (json.dumps({"format": "coursekit-answers", "version": 9, "answers": {}}).encode(), "has version 9"),
    "unknown-id.json": (json.dumps({"format": "coursekit-answers", "version": 3, "learner": "Learner 00",
                                    "answers": {"no-such-exercise": {"type": "numeric", "response": "1"}}}).encode(), "unknown exercise id"),
    "wrong-shape.json": (json.dumps({"format": "coursekit-answers", "version": 3, "learner": "Learner 01",
                                     "answers": {"contact-2-1-platforms-not-enough": {"type": "single_choice", "response": [1, 2]}}}).encode(),
                         "one of the choice ids"),
    "huge.json": (json.dumps({"format": "coursekit-answers", "version": 3, "answers": {},
                              "padding": "x" * 1_100_000}).encode(), "larger than 1 MB"),
    "bad-learner.json": (json.dumps({"format": "coursekit-answers", "version": 3, "learner": "a\nb\u0000",
                                     "answers": {}}).encode(), "\"learner\" must be"),
    "answers-page.md": (b"# My answers\n", "only .json answers files"),
}
