"""Exercise definitions: read from the YAML bank, validated, and able to check an answer.

Definitions are data; the two renderers (``widget.py`` for live notebooks, ``static.py``
for the book) only present them and ask ``Exercise.check`` for the verdict.
"""

from __future__ import annotations

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

Status = Literal["correct", "incorrect", "invalid"]
_SCHEMA = json.loads((Path(__file__).with_name("schema.json")).read_text(encoding="utf-8"))


class BankError(Exception):
    """The exercise bank cannot be used; the message names the file and the place."""


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Result:
    """The verdict on one answer: ``status`` and the message to show the learner."""

    status: Status
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"


@dataclass(frozen=True)
class Exercise:
    id: str
    type: str
    lesson: str
    prompt: str
    hint: str
    explanation: str
    objective: str = ""
    choices: tuple[Choice, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    feedback: dict[str, str] = field(default_factory=dict)

    def check(self, response: object) -> Result:
        """Check a response: a choice index, a collection of indices, or typed text."""
        if self.type == "single_choice":
            return self._check_single(response)
        if self.type == "multiple_choice":
            return self._check_multiple(response)
        return self._check_numeric(response)

    def _check_single(self, response: object) -> Result:
        if response is None or response == "":
            return Result("invalid", MESSAGES["no_choice"])
        index = self._index(response)
        if index is None:
            return Result("invalid", MESSAGES["no_choice"])
        choice = self.choices[index]
        if choice.correct:
            return Result("correct", f"Correct. {choice.feedback} {self.explanation}")
        return Result("incorrect", f"Not quite. {choice.feedback}")

    def _check_multiple(self, response: object) -> Result:
        items = [] if response is None or isinstance(response, str) else list(response)  # type: ignore[call-overload]
        indices = sorted({i for i in (self._index(r) for r in items) if i is not None})
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

    def _index(self, response: object) -> int | None:
        if isinstance(response, bool):
            return None
        try:
            index = int(response)  # type: ignore[call-overload]
        except (TypeError, ValueError, OverflowError):
            return None
        if str(index) != str(response).strip() or not 0 <= index < len(self.choices):
            return None
        return index

    def key(self) -> dict:
        """What the book's JavaScript needs to check answers on the page."""
        out: dict = {"id": self.id, "type": self.type, "explanation": self.explanation}
        if self.choices:
            out["choices"] = [{"correct": c.correct, "feedback": c.feedback} for c in self.choices]
        else:
            out.update(answer=self.answer, tolerance=self.tolerance, feedback=dict(self.feedback))
        return out


def _from_dict(raw: dict, lesson: str) -> Exercise:
    choices = tuple(Choice(**c) for c in raw.get("choices", ()))
    answer = raw.get("answer")
    return Exercise(
        id=raw["id"],
        type=raw["type"],
        lesson=lesson,
        prompt=raw["prompt"].strip(),
        hint=raw["hint"].strip(),
        explanation=raw["explanation"].strip(),
        objective=raw.get("objective", "").strip(),
        choices=choices,
        answer=None if answer is None else float(answer),
        tolerance=float(raw.get("tolerance", 0.0)),
        unit=raw.get("unit", ""),
        feedback=dict(raw.get("feedback", {})),
    )


def _semantic_problems(raw: dict) -> list[str]:
    """Rules the schema cannot say: how many choices are correct, finite numbers."""
    problems = []
    correct = sum(1 for c in raw.get("choices", ()) if c["correct"])
    if raw["type"] == "single_choice" and correct != 1:
        problems.append(f"a single_choice exercise needs exactly one correct choice, found {correct}")
    if raw["type"] == "multiple_choice" and correct < 1:
        problems.append("a multiple_choice exercise needs at least one correct choice")
    for key in ("answer", "tolerance"):
        if key in raw and not math.isfinite(float(raw[key])):
            problems.append(f"'{key}' must be a finite number")
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
