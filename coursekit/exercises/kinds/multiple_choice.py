"""Multiple choice: the learner selects every option that applies. Response: a list of the chosen ids."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import model_validator

from coursekit.exercises.kinds._choices import ChoiceBase
from coursekit.exercises.kinds.base import Result
from coursekit.exercises.messages import fill, plural


class MultipleChoice(ChoiceBase):
    LABEL = "Multiple choice"
    INSTRUCTIONS = "Select all answers that apply."
    RESPONSE_PROBLEM = "the response must be a list of choice ids from {ids}"
    INPUT: ClassVar[str] = "checkbox"
    MESSAGES = {
        "no_choices": "Please select at least one answer first.",
        "correct": "Correct. {explanation}",
        "incorrect": "Not quite.",  # followed by the feedback of each wrong choice, then "missed"
        "missed": {"one": "{count} correct answer is not selected yet.",
                   "other": "{count} correct answers are not selected yet."},
    }

    type: Literal["multiple_choice"]

    @model_validator(mode="after")
    def _some_correct_choice(self) -> "MultipleChoice":
        if not any(c.correct for c in self.choices):
            raise ValueError("a multiple_choice exercise needs at least one correct choice")
        return self

    def check(self, response: object) -> Result:
        picked = list(response) if isinstance(response, (list, tuple)) else []
        chosen = {c.id for c in (self.choice(r) for r in picked) if c is not None}
        if not chosen:
            return Result("invalid", self._message("no_choices"))
        wrong = [c.feedback for c in self.choices if c.id in chosen and not c.correct]
        missed = sum(1 for c in self.choices if c.correct and c.id not in chosen)
        if not wrong and not missed:
            return Result("correct", self._message("correct", explanation=self.explanation))
        parts = [self._message("incorrect"), *wrong]
        if missed:
            parts.append(plural(self.MESSAGES["missed"], missed))
        return Result("incorrect", " ".join(parts))

    def response_problem(self, response: object) -> str | None:
        if isinstance(response, list) and all(self.choice(r) is not None for r in response):
            return None
        return fill(self.RESPONSE_PROBLEM, ids=self.ids())

    def widget_inputs(self):
        import ipywidgets as widgets

        shown = self.display_order()
        boxes = [widgets.Checkbox(value=False, description=c.text, indent=False, layout=widgets.Layout(width="auto"))
                 for c in shown]

        def put(response: object) -> None:
            for choice, box in zip(shown, boxes):
                box.value = choice.id in response  # type: ignore[operator]

        return widgets.VBox(boxes), boxes, lambda: [c.id for c, b in zip(shown, boxes) if b.value], put
