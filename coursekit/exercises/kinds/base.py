"""What every exercise type shares: the common fields, the verdict, and the contract a type fulfils.

A type is one class (one module in this package) that declares, in one place:

- its fields and their validation (pydantic; the bank's JSON Schema is generated from them);
- ``check(response)``: the verdict on a response, with the type's own ``MESSAGES``;
- ``key()``: what the page script needs to check answers offline;
- ``response_problem(response)``: whether a response in an answers file has the type's shape;
- ``answer_html(uid)`` and ``widget_inputs()``: its answer area in the book and in Jupyter.

The page script (``assets/exercises.js``) has one renderer per type, keyed by the type's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Callable, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from coursekit.exercises.messages import SHARED, fill

Status = Literal["correct", "incorrect", "invalid", "ungraded"]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=6000)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{2,79}$")]
Difficulty = Literal["intro", "core", "stretch"]
# Bloom's levels, as the course plan names them: what the learner has to do to answer.
Level = Literal["remember", "understand", "apply", "analyse", "evaluate"]
TableName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]+$")]
Minutes = Annotated[int, Field(ge=1, le=120)]


@dataclass(frozen=True)
class Result:
    """The verdict on one answer: ``status`` and the message to show the learner."""

    status: Status
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"


class ExerciseBase(BaseModel):
    """Fields every exercise has. ``lesson`` comes from the bank file, not from the exercise."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    LABEL: ClassVar[str] = ""  # "Single choice": shown above the prompt and in the catalogue
    INSTRUCTIONS: ClassVar[str] = ""  # what the learner is asked to do
    RESPONSE_PROBLEM: ClassVar[str] = ""  # why a stored response cannot be scored ({n}, {top}, {ids}: the type's own)
    CHECK_LABEL: ClassVar[str] = SHARED["check"]
    MESSAGES: ClassVar[dict[str, Any]] = {}  # every message its verdicts can show, by key
    AUTO_GRADED: ClassVar[bool] = True

    id: Id
    type: str
    prompt: Text
    objective: Text | None = None
    # The author's judgement, never defaulted: what the learner must do, how hard, how long.
    level: Level
    difficulty: Difficulty
    minutes: Minutes
    uses_tables: tuple[TableName, ...] = ()  # tables of data/ the learner reads or computes from
    lesson: SkipJsonSchema[str] = ""
    assessment: SkipJsonSchema[str] = ""  # the check it belongs to ("diagnostic", "part-2"), from a checks/ file

    @property
    def auto_graded(self) -> bool:
        return self.AUTO_GRADED

    def instructions(self) -> str:
        return self.INSTRUCTIONS

    def notes(self) -> list[tuple[str, str]]:
        """(title, text) notes revealed once the learner's answer is compared (reflections have some)."""
        return []

    def check(self, response: object) -> Result:  # pragma: no cover - every type defines it
        raise NotImplementedError

    def key(self) -> dict:
        """What the page needs besides the messages; every type adds its own part."""
        return {"id": self.id, "type": self.type, "lesson": self.lesson}

    def response_problem(self, response: object) -> str | None:  # pragma: no cover
        raise NotImplementedError

    def from_v1(self, response: object) -> object:
        """A response saved in version 1 of the answers format, in today's shape (most types: unchanged)."""
        return response

    def answer_html(self, uid: str) -> str:  # pragma: no cover
        raise NotImplementedError

    def widget_inputs(self) -> tuple[Any, list[Any], Callable[[], object], Callable[[object], None]]:  # pragma: no cover
        """The answer area, the widgets whose value is the answer, and how to read and restore it."""
        raise NotImplementedError

    def _message(self, key: str, **values: object) -> str:
        return fill(self.MESSAGES[key], **values)


class GradedBase(ExerciseBase):
    """An exercise checked automatically: it always has a hint and an explanation of the answer."""

    hint: Text
    explanation: Text

    def key(self) -> dict:
        return {**super().key(), "explanation": self.explanation}


def as_index(response: object, size: int) -> int | None:
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


def as_list(response: object) -> list:
    """A response that should be a list, as a list (anything else counts as no answer)."""
    return list(response) if isinstance(response, (list, tuple)) else []


def is_int_in(value: object, low: int, high: int) -> bool:
    """True for an int (not a bool) with low <= value <= high: the shape check of answers files."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
