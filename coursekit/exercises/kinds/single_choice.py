"""Single choice: the learner picks one option. Response: the chosen option's id, or None."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from coursekit.exercises.kinds._choices import ChoiceBase
from coursekit.exercises.kinds.base import Result
from coursekit.exercises.messages import fill


class SingleChoice(ChoiceBase):
    LABEL = "Single choice"
    INSTRUCTIONS = "Choose one answer."
    RESPONSE_PROBLEM = "the response must be one of the choice ids {ids}, or null"
    MESSAGES = {
        "no_choice": "Please choose an answer first.",
        "correct": "Correct. {feedback} {explanation}",
        "incorrect": "Not quite. {feedback}",
    }

    type: Literal["single_choice"]

    @model_validator(mode="after")
    def _one_correct_choice(self) -> "SingleChoice":
        correct = sum(c.correct for c in self.choices)
        if correct != 1:
            raise ValueError(f"a single_choice exercise needs exactly one correct choice, found {correct}")
        return self

    def check(self, response: object) -> Result:
        choice = self.choice(response)
        if choice is None:
            return Result("invalid", self._message("no_choice"))
        if choice.correct:
            return Result("correct", self._message("correct", feedback=choice.feedback, explanation=self.explanation))
        return Result("incorrect", self._message("incorrect", feedback=choice.feedback))

    def response_problem(self, response: object) -> str | None:
        if response is None or self.choice(response) is not None:
            return None
        return fill(self.RESPONSE_PROBLEM, ids=self.ids())

    def widget_inputs(self):
        import ipywidgets as widgets

        radio = widgets.RadioButtons(options=[(c.text, c.id) for c in self.display_order()], value=None,
                                     layout=widgets.Layout(width="auto"))

        def put(response: object) -> None:
            radio.value = response

        return radio, [radio], lambda: radio.value, put
