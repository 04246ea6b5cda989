"""What single- and multiple-choice exercises share: their choices and how both faces show them.

A choice is known by its ``id``, never by its place: the learner sees the choices in a fixed
shuffled order (``display_order``, drawn from the exercise's and the choices' ids, so a page is
the same at every build and an author may reorder the bank freely), and a response names the
chosen ids. Answers saved in version 1 named choices by their index in the bank; ``from_v1``
turns them into ids.
"""

from __future__ import annotations

import hashlib
from html import escape
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from coursekit.exercises.kinds.base import GradedBase, Text

ChoiceId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,39}$")]
SHUFFLE_SALT = "choices-2026"  # changing it reshuffles every choice exercise of the book


class Choice(BaseModel):
    """One option: a stable id, its text, whether it is right, the feedback that says why, and for a
    wrong option the misconception it stands for (a mistake a thoughtful learner could make)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: ChoiceId
    text: Text
    correct: bool
    feedback: Text
    misconception: Text | None = None


class ChoiceBase(GradedBase):
    choices: Annotated[tuple[Choice, ...], Field(min_length=2, max_length=8)]
    INPUT: ClassVar[str] = "radio"  # the kind of <input> each choice is

    @model_validator(mode="after")
    def _distinct_ids_and_named_mistakes(self) -> "ChoiceBase":
        ids = [c.id for c in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError(f"two choices have the same id: {ids}")
        for c in self.choices:
            if c.correct and c.misconception:
                raise ValueError(f"choice '{c.id}' is correct: it has no misconception")
        return self

    def ids(self) -> list[str]:
        return [c.id for c in self.choices]

    def choice(self, choice_id: object) -> Choice | None:
        """The choice with this id, or None (for anything that is not one of its ids)."""
        return next((c for c in self.choices if isinstance(choice_id, str) and c.id == choice_id), None)

    def display_order(self) -> list[Choice]:
        """The choices in the fixed shuffled order the learner sees."""
        return sorted(self.choices, key=lambda c: hashlib.sha256(f"{SHUFFLE_SALT}:{self.id}:{c.id}".encode()).hexdigest())

    def from_v1(self, response: object) -> object:
        """A version-1 response (indices into the bank's choices) as ids; anything else is left as it is."""
        def one(value: object) -> object:
            ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(self.choices)
            return self.choices[value].id if ok else value  # type: ignore[index]

        return [one(v) for v in response] if isinstance(response, list) else one(response)

    def key(self) -> dict:
        return {**super().key(),
                "choices": [{"id": c.id, "correct": c.correct, "feedback": c.feedback} for c in self.choices]}

    def answer_html(self, uid: str) -> str:
        rows = [f'<fieldset class="cx-choices"><legend>{escape(self.instructions())}</legend>']
        for choice in self.display_order():
            rows.append(
                f'<div class="cx-choice"><input type="{self.INPUT}" name="{uid}" id="{uid}-{choice.id}" value="{choice.id}">'
                f'<label for="{uid}-{choice.id}">{escape(choice.text)}</label></div>'
            )
        rows.append("</fieldset>")
        return "\n".join(rows)
