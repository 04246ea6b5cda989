"""Single choice: the learner picks one option. Response: the chosen option's index, or None."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from coursekit.exercises.kinds._choices import ChoiceBase
from coursekit.exercises.kinds.base import Difficulty, Minutes, Result, as_index, is_int_in


class SingleChoice(ChoiceBase):
    LABEL = "Single choice"
    INSTRUCTIONS = "Choose one answer."
    MESSAGES = {
        "no_choice": "Please choose an answer first.",
        "correct": "Correct. {feedback} {explanation}",
        "incorrect": "Not quite. {feedback}",
    }

    type: Literal["single_choice"]
    difficulty: Difficulty = "intro"
    minutes: Minutes = 2

    @model_validator(mode="after")
    def _one_correct_choice(self) -> "SingleChoice":
        correct = sum(c.correct for c in self.choices)
        if correct != 1:
            raise ValueError(f"a single_choice exercise needs exactly one correct choice, found {correct}")
        return self

    def check(self, response: object) -> Result:
        index = None if response == "" else as_index(response, len(self.choices))
        if index is None:
            return Result("invalid", self._message("no_choice"))
        choice = self.choices[index]
        if choice.correct:
            return Result("correct", self._message("correct", feedback=choice.feedback, explanation=self.explanation))
        return Result("incorrect", self._message("incorrect", feedback=choice.feedback))

    def response_problem(self, response: object) -> str | None:
        if response is None or is_int_in(response, 0, len(self.choices) - 1):
            return None
        return f"the response must be a choice number from 0 to {len(self.choices) - 1}, or null"

    def widget_inputs(self):
        import ipywidgets as widgets

        radio = widgets.RadioButtons(options=[(c.text, i) for i, c in enumerate(self.choices)], value=None,
                                     layout=widgets.Layout(width="auto"))

        def put(response: object) -> None:
            radio.value = response

        return radio, [radio], lambda: radio.value, put
