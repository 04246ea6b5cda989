"""Reflection: the learner writes freely, then compares with the notes; never graded automatically.
A trainer marks it with its three-level rubric, worth ``weight`` points. Response: the written text."""

from __future__ import annotations

import re
from html import escape
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coursekit.exercises.kinds.base import ExerciseBase, LongText, Result, Text
from coursekit.exercises.messages import SHARED, fill, plural

MAX_TEXT = 5000  # characters (code points) of a written answer
# What separates words, and what is trimmed from the ends of an answer: every character that
# Python's str.split() or JavaScript's \s takes as a space, spelled out so both faces use the same set.
SPACE = "[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_TRIM = re.compile(f"^{SPACE}+|{SPACE}+$")
_SPACES = re.compile(f"{SPACE}+")


def count_words(text: str) -> int:
    """Words in a written answer: runs of characters between spaces."""
    return len([word for word in _SPACES.split(text) if word])


RubricLevel = Literal["weak", "adequate", "strong"]  # what a trainer marks an answer as


class Rubric(BaseModel):
    """What an answer contains at each of the three levels a trainer marks a reflection at."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    weak: Annotated[Text, Field(description="What a weak answer contains (it earns no points).")]
    adequate: Annotated[Text, Field(description="What an adequate answer contains (half the weight).")]
    strong: Annotated[Text, Field(description="What a strong answer contains (the full weight).")]

    @model_validator(mode="after")
    def _levels_differ(self) -> "Rubric":
        if len({self.weak, self.adequate, self.strong}) < 3:
            raise ValueError("the three levels of a rubric (weak, adequate, strong) must each say something different")
        return self


class Reflection(ExerciseBase):
    LABEL = "Reflection"
    INSTRUCTIONS = "Write your own answer: it is not marked automatically. Then compare it with the notes."
    RESPONSE_PROBLEM = "the response must be text"
    INSTRUCTIONS_MIN_WORDS: ClassVar[str] = "Write your own answer (at least {min_words} words): it is not marked automatically. Then compare it with the notes."
    CHECK_LABEL = "Compare with notes"
    AUTO_GRADED = False
    MESSAGES = {
        "no_text": "Please write your answer first.",
        "too_few_words": "Please write at least {min_words} words first.",
        "too_long_text": f"That is longer than this box takes ({MAX_TEXT} characters): please shorten it.",
        "ungraded": "Not marked automatically: compare your answer with the notes below.",
    }
    NOTE_TITLES: ClassVar[dict[str, str]] = {"model_answer": "Model answer", "discussion_notes": "Notes for discussion"}
    # The share of the weight a trainer's mark earns, by rubric level: the one rule the gradebook applies.
    RUBRIC_POINTS: ClassVar[dict[RubricLevel, float]] = {"weak": 0.0, "adequate": 0.5, "strong": 1.0}
    RUBRIC_TITLE: ClassVar[str] = "How a trainer marks this"
    RUBRIC_LEVELS: ClassVar[dict[str, str]] = {"weak": "Weak", "adequate": "Adequate", "strong": "Strong"}
    RUBRIC_LINE: ClassVar[dict[str, str]] = {"one": "{level} ({points} of {count} point): {text}",
                                             "other": "{level} ({points} of {count} points): {text}"}

    type: Literal["reflection"]
    hint: Text | None = None
    model_answer: LongText | None = None
    discussion_notes: LongText | None = None
    min_words: Annotated[int, Field(ge=1, le=500)] | None = None
    rubric: Annotated[Rubric, Field(description="What a weak, an adequate and a strong answer contain; shown to the "
                                                 "learner after writing, used by the trainer to mark.")]
    weight: Annotated[int, Field(strict=True, ge=1, le=10, description=(
        "Points (1 to 10) the trainer's rubric mark is worth: a weak answer earns 0, an adequate one half the "
        "weight, a strong one the full weight (Reflection.RUBRIC_POINTS)."))]

    @model_validator(mode="after")
    def _has_notes(self) -> "Reflection":
        if not (self.model_answer or self.discussion_notes):
            raise ValueError("a reflection needs 'model_answer' or 'discussion_notes' (or both)")
        return self

    def instructions(self) -> str:
        if self.min_words:
            return fill(self.INSTRUCTIONS_MIN_WORDS, min_words=self.min_words)
        return self.INSTRUCTIONS

    def points(self, level: RubricLevel) -> float:
        """The points an answer marked at this rubric level earns: its share (RUBRIC_POINTS) of the weight."""
        if level not in self.RUBRIC_POINTS:
            raise ValueError(f"unknown rubric level {level!r}: one of {', '.join(self.RUBRIC_POINTS)}")
        return self.RUBRIC_POINTS[level] * self.weight

    def rubric_text(self) -> str:
        """The rubric as the learner reads it: one line per level, with the points it earns."""
        return "\n".join(plural(self.RUBRIC_LINE, self.weight, level=name, points=f"{self.points(level):g}",
                                 text=getattr(self.rubric, level))
                         for level, name in self.RUBRIC_LEVELS.items())

    def notes(self) -> list[tuple[str, str]]:
        """The (title, text) notes, revealed once the learner has written an answer: the rubric comes last."""
        found = [(title, getattr(self, field)) for field, title in self.NOTE_TITLES.items()]
        return [(title, text) for title, text in found if text] + [(self.RUBRIC_TITLE, self.rubric_text())]

    def check(self, response: object) -> Result:
        text = _TRIM.sub("", response) if isinstance(response, str) else ""
        if not text:
            return Result("invalid", self._message("no_text"))
        if len(text) > MAX_TEXT:
            return Result("invalid", self._message("too_long_text"))
        if count_words(text) < (self.min_words or 0):
            return Result("invalid", self._message("too_few_words", min_words=self.min_words))
        return Result("ungraded", self._message("ungraded"))

    def key(self) -> dict:
        return {**super().key(), "min_words": self.min_words or 0, "max_text": MAX_TEXT, "space": SPACE}

    def response_problem(self, response: object) -> str | None:
        return None if isinstance(response, str) else self.RESPONSE_PROBLEM

    def answer_html(self, uid: str) -> str:
        return (
            f'<div class="cx-reflection"><label for="{uid}-text">{SHARED["your_answer"]}</label>'
            f'<textarea id="{uid}-text" name="{uid}" rows="6" maxlength="{MAX_TEXT}" aria-describedby="{uid}-help"></textarea>'
            f'<span class="cx-help" id="{uid}-help">{escape(self.instructions())}</span></div>'
        )

    def widget_inputs(self):
        import ipywidgets as widgets

        text = widgets.Textarea(placeholder="Write your answer here.", description=SHARED["your_answer"],
                                style={"description_width": "initial"}, layout=widgets.Layout(width="100%", height="9em"))

        def put(response: object) -> None:
            text.value = response  # type: ignore[assignment]

        return text, [text], lambda: text.value, put
