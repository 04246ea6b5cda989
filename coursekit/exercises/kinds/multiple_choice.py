"""Multiple choice: the learner selects every option that applies. Response: a list of chosen indices."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import model_validator

from coursekit.exercises.kinds._choices import ChoiceBase
from coursekit.exercises.kinds.base import Difficulty, Minutes, Result, as_index, is_int_in
from coursekit.exercises.messages import plural


class MultipleChoice(ChoiceBase):
    LABEL = "Multiple choice"
    INSTRUCTIONS = "Select all answers that apply."
    INPUT: ClassVar[str] = "checkbox"
    MESSAGES = {
        "no_choices": "Please select at least one answer first.",
        "correct": "Correct. {explanation}",
        "incorrect": "Not quite.",  # followed by the feedback of each wrong choice, then "missed"
        "missed": {"one": "{count} correct answer is not selected yet.",
                   "other": "{count} correct answers are not selected yet."},
    }

    type: Literal["multiple_choice"]
    difficulty: Difficulty = "core"
    minutes: Minutes = 3

    @model_validator(mode="after")
    def _some_correct_choice(self) -> "MultipleChoice":
        if not any(c.correct for c in self.choices):
            raise ValueError("a multiple_choice exercise needs at least one correct choice")
        return self

    def check(self, response: object) -> Result:
        picked = list(response) if isinstance(response, (list, tuple, set, frozenset)) else []
        indices = {i for i in (as_index(r, len(self.choices)) for r in picked) if i is not None}
        if not indices:
            return Result("invalid", self._message("no_choices"))
        wrong = [c.feedback for i, c in enumerate(self.choices) if i in indices and not c.correct]
        missed = sum(1 for i, c in enumerate(self.choices) if c.correct and i not in indices)
        if not wrong and not missed:
            return Result("correct", self._message("correct", explanation=self.explanation))
        parts = [self._message("incorrect"), *wrong]
        if missed:
            parts.append(plural(self.MESSAGES["missed"], missed))
        return Result("incorrect", " ".join(parts))

    def response_problem(self, response: object) -> str | None:
        top = len(self.choices) - 1
        if isinstance(response, list) and all(is_int_in(r, 0, top) for r in response):
            return None
        return f"the response must be a list of choice numbers from 0 to {top}"

    def widget_inputs(self):
        import ipywidgets as widgets

        boxes = [widgets.Checkbox(value=False, description=c.text, indent=False, layout=widgets.Layout(width="auto"))
                 for c in self.choices]

        def put(response: object) -> None:
            for i, box in enumerate(boxes):
                box.value = i in response  # type: ignore[operator]

        return widgets.VBox(boxes), boxes, lambda: [i for i, b in enumerate(boxes) if b.value], put
