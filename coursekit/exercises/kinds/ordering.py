"""Ordering: the learner gives each item its position. Items are listed in the bank in the correct
order and shown in a fixed shuffled order. Response: for each item in the bank's order, the
position 1..n the learner gave it, or None."""

from __future__ import annotations

from typing import ClassVar, Annotated, Literal

from pydantic import Field, model_validator

from coursekit.exercises.kinds._menus import menus_html, menus_widget, shuffled
from coursekit.exercises.kinds.base import GradedBase, Result, Text, as_index, as_list, is_int_in
from coursekit.exercises.messages import fill, plural



class Ordering(GradedBase):
    LABEL = "Ordering"
    PLACEHOLDER: ClassVar[str] = "Position…"  # the empty choice of each menu
    INSTRUCTIONS = "Give each item a different position, from 1 (first) to {n} (last)."
    RESPONSE_PROBLEM = "the response must be a list of {n} positions from 1 to {n} (or null)"
    MESSAGES = {
        "no_position": "Please give every item a position first.",
        "same_position": "Please give each item a different position.",
        "correct": "Correct. {explanation}",
        "incorrect": {"one": "Not quite. {count} of {n} items is in the right place.",
                      "other": "Not quite. {count} of {n} items are in the right place."},
    }

    type: Literal["ordering"]
    items: Annotated[tuple[Text, ...], Field(min_length=2, max_length=8)]

    @model_validator(mode="after")
    def _distinct_items(self) -> "Ordering":
        if len(set(self.items)) != len(self.items):
            raise ValueError("two items have the same text")
        return self

    def instructions(self) -> str:
        return self.INSTRUCTIONS.replace("{n}", str(len(self.items)))

    def display_order(self) -> list[int]:
        return shuffled(self.id, len(self.items))

    def check(self, response: object) -> Result:
        n = len(self.items)
        positions = [as_index(r, n + 1) for r in as_list(response)]
        if len(positions) != n or any(p is None or p == 0 for p in positions):
            return Result("invalid", self._message("no_position"))
        if len(set(positions)) != n:
            return Result("invalid", self._message("same_position"))
        placed = sum(1 for i, p in enumerate(positions) if p == i + 1)
        if placed == n:
            return Result("correct", self._message("correct", explanation=self.explanation))
        return Result("incorrect", plural(self.MESSAGES["incorrect"], placed, n=n))

    def key(self) -> dict:
        return {**super().key(), "size": len(self.items)}

    def response_problem(self, response: object) -> str | None:
        n = len(self.items)
        if isinstance(response, list) and len(response) == n and all(r is None or is_int_in(r, 1, n) for r in response):
            return None
        return fill(self.RESPONSE_PROBLEM, n=n)

    def answer_html(self, uid: str) -> str:
        positions = [(str(p), str(p)) for p in range(1, len(self.items) + 1)]
        return menus_html(uid, "cx-ordering", self.instructions(), list(self.items), self.display_order(), positions,
                          self.PLACEHOLDER)

    def widget_inputs(self):
        positions = [(str(p), p) for p in range(1, len(self.items) + 1)]
        return menus_widget(list(self.items), self.display_order(), positions, self.PLACEHOLDER)
