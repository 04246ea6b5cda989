"""Numeric: the learner types a number, read by the rules of ``numbers.py``. Response: the typed text."""

from __future__ import annotations

from html import escape
from typing import ClassVar, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from coursekit.exercises.kinds.base import GradedBase, Result, Text
from coursekit.exercises.messages import SHARED
from coursekit.exercises.numbers import MAX_CHARS, MESSAGES as NUMBER_MESSAGES, AnswerError, read_number

Finite = Annotated[float, Field(allow_inf_nan=False)]


class TooLowTooHigh(BaseModel):
    """What to tell a learner whose number is below, or above, the answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    too_low: Text
    too_high: Text


class Numeric(GradedBase):
    LABEL = "Numeric answer"
    PLACEHOLDER: ClassVar[str] = "e.g. 3.5"  # the live form's empty box
    INSTRUCTIONS = "Type a number; a decimal point or a French decimal comma both work."
    RESPONSE_PROBLEM = "the response must be text"
    MESSAGES = {
        **NUMBER_MESSAGES,
        "correct": "Correct. {explanation}",
        "incorrect": "Not quite. {feedback}",
    }

    type: Literal["numeric"]
    answer: Finite
    tolerance: Annotated[Finite, Field(ge=0)]
    unit: Annotated[str, Field(max_length=30)] = ""  # room for a French unit ("points de pourcentage")
    feedback: TooLowTooHigh
    source_chart: Text | None = None  # which chart to read the answer from

    def check(self, response: object) -> Result:
        try:
            value = read_number(response)
        except AnswerError as err:
            return Result("invalid", str(err))
        if abs(value - self.answer) <= self.tolerance + 1e-9:
            return Result("correct", self._message("correct", explanation=self.explanation))
        side = self.feedback.too_low if value < self.answer else self.feedback.too_high
        return Result("incorrect", self._message("incorrect", feedback=side))

    def key(self) -> dict:
        return {**super().key(), "answer": self.answer, "tolerance": self.tolerance,
                "feedback": self.feedback.model_dump()}

    def response_problem(self, response: object) -> str | None:
        return None if isinstance(response, str) else self.RESPONSE_PROBLEM

    def answer_html(self, uid: str) -> str:
        unit = f" ({escape(self.unit)})" if self.unit else ""
        return (
            f'<div class="cx-numeric"><label for="{uid}-input">{SHARED["your_answer"]}{unit}</label>'
            f'<input type="text" id="{uid}-input" name="{uid}" inputmode="decimal" autocomplete="off"'
            f' maxlength="{MAX_CHARS}" aria-describedby="{uid}-help">'
            f'<span class="cx-help" id="{uid}-help">{escape(self.instructions())}</span></div>'
        )

    def widget_inputs(self):
        import ipywidgets as widgets

        unit = f" ({self.unit})" if self.unit else ""
        text = widgets.Text(placeholder=self.PLACEHOLDER, description=f"{SHARED['your_answer']}{unit}")

        def put(response: object) -> None:
            text.value = response  # type: ignore[assignment]

        return text, [text], lambda: text.value, put
