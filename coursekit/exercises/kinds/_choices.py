"""What single- and multiple-choice exercises share: their choices and how both faces show them."""

from __future__ import annotations

from html import escape
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from coursekit.exercises.kinds.base import GradedBase, Text

ChoiceId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,39}$")]


class Choice(BaseModel):
    """One option: a stable id, its text, whether it is right, the feedback that says why, and for a
    wrong option the misconception it stands for (a mistake a thoughtful learner could make)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: ChoiceId | None = None
    text: Text
    correct: bool
    feedback: Text
    misconception: Text | None = None


class ChoiceBase(GradedBase):
    choices: Annotated[tuple[Choice, ...], Field(min_length=2, max_length=8)]
    INPUT: ClassVar[str] = "radio"  # the kind of <input> each choice is

    def key(self) -> dict:
        return {**super().key(), "choices": [{"correct": c.correct, "feedback": c.feedback} for c in self.choices]}

    def answer_html(self, uid: str) -> str:
        rows = [f'<fieldset class="cx-choices"><legend>{escape(self.instructions())}</legend>']
        for i, choice in enumerate(self.choices):
            rows.append(
                f'<div class="cx-choice"><input type="{self.INPUT}" name="{uid}" id="{uid}-{i}" value="{i}">'
                f'<label for="{uid}-{i}">{escape(choice.text)}</label></div>'
            )
        rows.append("</fieldset>")
        return "\n".join(rows)
