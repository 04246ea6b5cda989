"""Exercise definitions: read from the YAML bank, validated, and able to check an answer.

Definitions are data; the two renderers (``widget.py`` for live notebooks, ``static.py``
for the book) only present them and ask ``Exercise.check`` for the verdict.

The shape of a response, by type (the same in Python, on the page and in a downloaded answers file):

- ``single_choice``: the index of the chosen choice, or ``None``;
- ``multiple_choice``: a list of chosen indices;
- ``numeric``: the typed text;
- ``ordering``: for each item in the bank's (correct) order, the position 1..n the learner gave it, or ``None``;
- ``categorising``: for each item in the bank's order, the index of the chosen category, or ``None``;
- ``reflection``: the written text (never auto-graded: a written answer is "ungraded" and the notes are shown).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import jsonschema
import yaml

from coursekit.exercises.numbers import MESSAGES, AnswerError, parse_number
from coursekit.paths import EXERCISE_BANK_DIR

Status = Literal["correct", "incorrect", "invalid", "ungraded"]
_SCHEMA = json.loads((Path(__file__).with_name("schema.json")).read_text(encoding="utf-8"))

TYPES = ("single_choice", "multiple_choice", "numeric", "ordering", "categorising", "reflection")
# Fields each type may use besides id, type, prompt, hint, explanation, objective, difficulty and minutes.
TYPE_FIELDS = {
    "single_choice": {"choices"},
    "multiple_choice": {"choices"},
    "numeric": {"answer", "tolerance", "unit", "feedback", "source_chart"},
    "ordering": {"items"},
    "categorising": {"categories", "items"},
    "reflection": {"model_answer", "discussion_notes", "min_words"},
}
# Catalogue defaults, when a definition gives no difficulty or minutes.
DEFAULT_DIFFICULTY = {"single_choice": "intro", "multiple_choice": "core", "numeric": "intro",
                      "ordering": "core", "categorising": "core", "reflection": "stretch"}
DEFAULT_MINUTES = {"single_choice": 2, "multiple_choice": 3, "numeric": 3,
                   "ordering": 4, "categorising": 5, "reflection": 10}
MAX_TEXT = 5000  # characters of a written reflection
# Messages of the newer types; kept apart from MESSAGES so that the page data of the first three
# types, and with it the lessons' stored outputs, stay byte-identical.
TYPE_MESSAGES = {
    "ordering": {
        "no_position": "Please give every item a position first.",
        "same_position": "Please give each item a different position.",
    },
    "categorising": {"no_category": "Please choose a category for every item first."},
    "reflection": {
        "no_text": "Please write your answer first.",
        "too_few_words": "Please write at least {min_words} words first.",
        "too_long_text": f"That is longer than this box takes ({MAX_TEXT} characters): please shorten it.",
        "ungraded": "Not marked automatically: compare your answer with the notes below.",
    },
}


class BankError(Exception):
    """The exercise bank cannot be used; the message names the file and the place."""


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Item:
    """Something to put in order or in a category; ``category`` is an index into the categories."""

    text: str
    category: int = -1
    feedback: str = ""


@dataclass(frozen=True)
class Result:
    """The verdict on one answer: ``status`` and the message to show the learner."""

    status: Status
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"


def messages_for(exercise_type: str) -> dict[str, str]:
    """Every message an exercise of this type can show, by key."""
    return {**MESSAGES, **TYPE_MESSAGES.get(exercise_type, {})}


def count_words(text: str) -> int:
    """Words in a written answer: runs of non-space characters (the page counts the same way)."""
    return len(text.split())


def _are(count: int) -> str:
    return "is" if count == 1 else "are"


@dataclass(frozen=True)
class Exercise:
    id: str
    type: str
    lesson: str
    prompt: str
    hint: str = ""
    explanation: str = ""
    objective: str = ""
    choices: tuple[Choice, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    feedback: dict[str, str] = field(default_factory=dict)
    source_chart: str = ""
    items: tuple[Item, ...] = ()
    categories: tuple[str, ...] = ()
    model_answer: str = ""
    discussion_notes: str = ""
    min_words: int = 0
    difficulty: str = ""
    minutes: int = 0

    @property
    def auto_graded(self) -> bool:
        return self.type != "reflection"

    def check(self, response: object) -> Result:
        """Check a response of the shape its type takes (see the module docstring)."""
        checker = {
            "single_choice": self._check_single,
            "multiple_choice": self._check_multiple,
            "numeric": self._check_numeric,
            "ordering": self._check_ordering,
            "categorising": self._check_categorising,
            "reflection": self._check_reflection,
        }[self.type]
        return checker(response)

    def _check_single(self, response: object) -> Result:
        if response is None or response == "":
            return Result("invalid", MESSAGES["no_choice"])
        index = _index(response, len(self.choices))
        if index is None:
            return Result("invalid", MESSAGES["no_choice"])
        choice = self.choices[index]
        if choice.correct:
            return Result("correct", f"Correct. {choice.feedback} {self.explanation}")
        return Result("incorrect", f"Not quite. {choice.feedback}")

    def _check_multiple(self, response: object) -> Result:
        picked = list(response) if isinstance(response, (list, tuple, set, frozenset)) else []
        indices = sorted({i for i in (_index(r, len(self.choices)) for r in picked) if i is not None})
        if not indices:
            return Result("invalid", MESSAGES["no_choices"])
        wrong = [self.choices[i] for i in indices if not self.choices[i].correct]
        missed = sum(1 for i, c in enumerate(self.choices) if c.correct and i not in indices)
        if not wrong and not missed:
            return Result("correct", f"Correct. {self.explanation}")
        parts = ["Not quite."] + [c.feedback for c in wrong]
        if missed:
            parts.append(f"{missed} correct answer{'s are' if missed > 1 else ' is'} not selected yet.")
        return Result("incorrect", " ".join(parts))

    def _check_numeric(self, response: object) -> Result:
        try:
            value = parse_number(response)
        except AnswerError as err:
            return Result("invalid", str(err))
        assert self.answer is not None
        if abs(value - self.answer) <= self.tolerance + 1e-9:
            return Result("correct", f"Correct. {self.explanation}")
        side = "too_low" if value < self.answer else "too_high"
        return Result("incorrect", f"Not quite. {self.feedback[side]}")

    def _check_ordering(self, response: object) -> Result:
        n = len(self.items)
        positions = [_index(r, n + 1) for r in _as_list(response)]
        if len(positions) != n or any(p is None or p == 0 for p in positions):
            return Result("invalid", TYPE_MESSAGES["ordering"]["no_position"])
        if len(set(positions)) != n:
            return Result("invalid", TYPE_MESSAGES["ordering"]["same_position"])
        placed = sum(1 for i, p in enumerate(positions) if p == i + 1)
        if placed == n:
            return Result("correct", f"Correct. {self.explanation}")
        return Result("incorrect", f"Not quite. {placed} of {n} items {_are(placed)} in the right place.")

    def _check_categorising(self, response: object) -> Result:
        chosen = [_index(r, len(self.categories)) for r in _as_list(response)]
        if len(chosen) != len(self.items) or None in chosen:
            return Result("invalid", TYPE_MESSAGES["categorising"]["no_category"])
        wrong = [item for item, c in zip(self.items, chosen) if c != item.category]
        if not wrong:
            return Result("correct", f"Correct. {self.explanation}")
        right = len(self.items) - len(wrong)
        parts = [f"Not quite. {right} of {len(self.items)} items {_are(right)} in the right category."]
        parts += [item.feedback for item in wrong if item.feedback]
        return Result("incorrect", " ".join(parts))

    def _check_reflection(self, response: object) -> Result:
        messages = TYPE_MESSAGES["reflection"]
        text = response.strip() if isinstance(response, str) else ""
        if not text:
            return Result("invalid", messages["no_text"])
        if len(text) > MAX_TEXT:
            return Result("invalid", messages["too_long_text"])
        if count_words(text) < self.min_words:
            return Result("invalid", messages["too_few_words"].replace("{min_words}", str(self.min_words)))
        return Result("ungraded", messages["ungraded"])

    def display_order(self) -> list[int]:
        """The items' indices in the fixed shuffled order the learner sees (never the answer, when n > 1)."""
        order = sorted(range(len(self.items)), key=lambda i: hashlib.sha256(f"{self.id}:{i}".encode()).hexdigest())
        if order == sorted(order):
            order = order[1:] + order[:1]
        return order

    def key(self) -> dict:
        """What the book's JavaScript needs to check answers on the page."""
        out: dict = {"id": self.id, "type": self.type}
        if self.auto_graded:
            out["explanation"] = self.explanation
        if self.choices:
            out["choices"] = [{"correct": c.correct, "feedback": c.feedback} for c in self.choices]
        elif self.type == "numeric":
            out.update(answer=self.answer, tolerance=self.tolerance, feedback=dict(self.feedback))
        elif self.type == "ordering":
            out["size"] = len(self.items)
        elif self.type == "categorising":
            out.update(answers=[i.category for i in self.items], feedback=[i.feedback for i in self.items],
                       categories=len(self.categories))
        else:
            out.update(min_words=self.min_words, max_text=MAX_TEXT)
        return out


def _as_list(response: object) -> list:
    """A response that should be a list, as a list (anything else counts as no answer)."""
    return list(response) if isinstance(response, (list, tuple)) else []


def _index(response: object, size: int) -> int | None:
    """An integer 0 <= i < size given as an int or its digits, else None."""
    if isinstance(response, bool) or response is None:
        return None
    try:
        index = int(response)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return None
    if str(index) != str(response).strip() or not 0 <= index < size:
        return None
    return index


def _text(raw: dict, key: str) -> str:
    return str(raw.get(key, "")).strip()


def _from_dict(raw: dict, lesson: str) -> Exercise:
    kind = raw["type"]
    answer = raw.get("answer")
    categories = tuple(str(c).strip() for c in raw.get("categories", ()))
    if kind == "categorising":
        items = tuple(Item(str(i["text"]).strip(), categories.index(str(i["category"]).strip()), _text(i, "feedback"))
                      for i in raw["items"])
    else:
        items = tuple(Item(str(text).strip()) for text in raw.get("items", ()))
    return Exercise(
        id=raw["id"],
        type=kind,
        lesson=lesson,
        prompt=_text(raw, "prompt"),
        hint=_text(raw, "hint"),
        explanation=_text(raw, "explanation"),
        objective=_text(raw, "objective"),
        choices=tuple(Choice(**c) for c in raw.get("choices", ())),
        answer=None if answer is None else float(answer),
        tolerance=float(raw.get("tolerance", 0.0)),
        unit=raw.get("unit", ""),
        feedback=dict(raw.get("feedback", {})),
        source_chart=_text(raw, "source_chart"),
        items=items,
        categories=categories,
        model_answer=_text(raw, "model_answer"),
        discussion_notes=_text(raw, "discussion_notes"),
        min_words=int(raw.get("min_words", 0)),
        difficulty=raw.get("difficulty", DEFAULT_DIFFICULTY[kind]),
        minutes=int(raw.get("minutes", DEFAULT_MINUTES[kind])),
    )


def _semantic_problems(raw: dict) -> list[str]:
    """Rules the schema cannot say clearly: fields of other types, correct answers, categories in use."""
    kind = raw["type"]
    problems = []
    common = {"id", "type", "prompt", "hint", "explanation", "objective", "difficulty", "minutes"}
    for key in sorted(set(raw) - common - TYPE_FIELDS[kind]):
        problems.append(f"'{key}' is not used by a {kind} exercise")
    if kind == "reflection" and "explanation" in raw:
        problems.append("a reflection has no 'explanation': put it in 'model_answer' or 'discussion_notes'")
    if kind == "reflection" and not ("model_answer" in raw or "discussion_notes" in raw):
        problems.append("a reflection needs 'model_answer' or 'discussion_notes' (or both)")
    correct = sum(1 for c in raw.get("choices", ()) if c["correct"])
    if kind == "single_choice" and correct != 1:
        problems.append(f"a single_choice exercise needs exactly one correct choice, found {correct}")
    if kind == "multiple_choice" and correct < 1:
        problems.append("a multiple_choice exercise needs at least one correct choice")
    for key in ("answer", "tolerance"):
        if key in raw and not math.isfinite(float(raw[key])):
            problems.append(f"'{key}' must be a finite number")
    if kind == "categorising":
        categories = [str(c).strip() for c in raw["categories"]]
        for i, item in enumerate(raw["items"]):
            if str(item["category"]).strip() not in categories:
                problems.append(f"items/{i}: category '{item['category']}' is not one of the categories {categories}")
        texts = [str(item["text"]).strip() for item in raw["items"]]
        if len(set(texts)) != len(texts):
            problems.append("two items have the same text")
    return problems


def load_file(path: Path) -> list[Exercise]:
    """Read and validate one bank file; any problem raises BankError naming file and place."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise BankError(f"{path}: cannot read the file ({err.strerror}).") from None
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f" line {where.line + 1}" if where else ""
        raise BankError(f"{path}:{line} is not valid YAML ({getattr(err, 'problem', err)}).") from None
    # The deepest error first: it names the exact field (e.g. exercises/0/type), not a consequence of it.
    errors = sorted(jsonschema.Draft202012Validator(_SCHEMA).iter_errors(raw), key=lambda e: (-len(e.path), e.message))
    if errors:
        err = errors[0]
        place = "/".join(str(p) for p in err.path) or "(top level)"
        raise BankError(f"{path}: at {place}: {err.message}")
    exercises = []
    for i, item in enumerate(raw["exercises"]):
        problems = _semantic_problems(item)
        if problems:
            raise BankError(f"{path}: at exercises/{i} ({item['id']}): {problems[0]}")
        exercises.append(_from_dict(item, raw["lesson"]))
    return exercises


def load_bank(directory: Path = EXERCISE_BANK_DIR) -> dict[str, Exercise]:
    """Every exercise of the bank by id; ids must be unique across files."""
    bank: dict[str, Exercise] = {}
    for path in sorted(directory.glob("*.yml")):
        for ex in load_file(path):
            if ex.id in bank:
                raise BankError(f"{path}: exercise id '{ex.id}' is already used in lesson {bank[ex.id].lesson}.")
            bank[ex.id] = ex
    return bank


@lru_cache(maxsize=1)
def _default_bank() -> dict[str, Exercise]:
    return load_bank()


def get(exercise_id: str) -> Exercise:
    """The exercise with this id from the course's bank."""
    bank = _default_bank()
    if exercise_id not in bank:
        raise BankError(f"No exercise '{exercise_id}' in {EXERCISE_BANK_DIR}; known ids: {', '.join(sorted(bank))}")
    return bank[exercise_id]
