"""Categorising: the learner puts each item in one of the categories. Response: for each item in
the bank's order, the index of the chosen category, or None."""

from __future__ import annotations

from typing import ClassVar, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coursekit.exercises.kinds.base import GradedBase, Result, Text, as_index, as_list, is_int_in
from coursekit.exercises.kinds._menus import menus_html, menus_widget, shuffled
from coursekit.exercises.messages import fill, plural



class SortItem(BaseModel):
    """An item to sort: its text, the name of its category, and feedback for a learner who misplaces it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text
    category: Text
    feedback: Text | None = None


class Categorising(GradedBase):
    LABEL = "Categorising"
    PLACEHOLDER: ClassVar[str] = "Choose…"  # the empty choice of each menu
    INSTRUCTIONS = "Choose a category for each item."
    RESPONSE_PROBLEM = "the response must be a list of {n} category numbers from 0 to {top} (or null)"
    MESSAGES = {
        "no_category": "Please choose a category for every item first.",
        "correct": "Correct. {explanation}",
        # followed by the feedback of each misplaced item
        "incorrect": {"one": "Not quite. {count} of {n} items is in the right category.",
                      "other": "Not quite. {count} of {n} items are in the right category."},
    }

    type: Literal["categorising"]
    categories: Annotated[tuple[Text, ...], Field(min_length=2, max_length=6)]
    items: Annotated[tuple[SortItem, ...], Field(min_length=2, max_length=12)]

    @model_validator(mode="after")
    def _items_fit_the_categories(self) -> "Categorising":
        if len(set(self.categories)) != len(self.categories):
            raise ValueError("two categories have the same name")
        for i, item in enumerate(self.items):
            if item.category not in self.categories:
                raise ValueError(f"items/{i}: category '{item.category}' is not one of the categories {list(self.categories)}")
        if len({item.text for item in self.items}) != len(self.items):
            raise ValueError("two items have the same text")
        return self

    def answers(self) -> list[int]:
        """Each item's category, as an index into the categories."""
        return [self.categories.index(item.category) for item in self.items]

    def display_order(self) -> list[int]:
        return shuffled(self.id, len(self.items))

    def check(self, response: object) -> Result:
        chosen = [as_index(r, len(self.categories)) for r in as_list(response)]
        if len(chosen) != len(self.items) or None in chosen:
            return Result("invalid", self._message("no_category"))
        misplaced = [item for item, c, right in zip(self.items, chosen, self.answers()) if c != right]
        if not misplaced:
            return Result("correct", self._message("correct", explanation=self.explanation))
        right = len(self.items) - len(misplaced)
        parts = [plural(self.MESSAGES["incorrect"], right, n=len(self.items))]
        parts += [item.feedback for item in misplaced if item.feedback]
        return Result("incorrect", " ".join(parts))

    def key(self) -> dict:
        return {**super().key(), "answers": self.answers(), "feedback": [item.feedback or "" for item in self.items],
                "categories": len(self.categories)}

    def response_problem(self, response: object) -> str | None:
        n, top = len(self.items), len(self.categories) - 1
        if isinstance(response, list) and len(response) == n and all(r is None or is_int_in(r, 0, top) for r in response):
            return None
        return fill(self.RESPONSE_PROBLEM, n=n, top=top)

    def answer_html(self, uid: str) -> str:
        categories = [(str(k), name) for k, name in enumerate(self.categories)]
        return menus_html(uid, "cx-categorising", self.instructions(), [item.text for item in self.items],
                          self.display_order(), categories, self.PLACEHOLDER)

    def widget_inputs(self):
        categories = [(name, k) for k, name in enumerate(self.categories)]
        return menus_widget([item.text for item in self.items], self.display_order(), categories, self.PLACEHOLDER)
