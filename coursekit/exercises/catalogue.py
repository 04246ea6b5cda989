"""The exercise catalogue for trainers: every exercise of the bank in one table, made from the bank so it never drifts.

``back/exercise-catalogue.ipynb`` shows ``catalogue.table()``; strict nbval fails when the bank has
changed and the page has not been regenerated (``python -m coursekit.notebooks back/exercise-catalogue.ipynb``).
"""

from __future__ import annotations

from html import escape

from coursekit.exercises.model import Exercise, load_bank
from coursekit.exercises.static import TYPE_LABELS

COLUMNS = ("Exercise", "Lesson", "Type", "Objective", "Difficulty", "Minutes")


class Catalogue:
    """A table of exercises, shown as HTML in notebooks and the book, as plain text elsewhere."""

    def __init__(self, exercises: list[Exercise]) -> None:
        self.exercises = exercises

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """One row of text per exercise, in the order of COLUMNS."""
        return [(ex.id, ex.lesson, TYPE_LABELS[ex.type], ex.objective or "—", ex.difficulty, str(ex.minutes))
                for ex in self.exercises]

    def summary(self) -> str:
        minutes = sum(ex.minutes for ex in self.exercises)
        return f"{len(self.exercises)} exercises, about {minutes} minutes in all."

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{name}</th>' for name in COLUMNS)
        body = "\n".join(
            f"<tr><td><code>{escape(row[0])}</code></td>" + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:]) + "</tr>"
            for row in self.rows()
        )
        return (f'<table class="table dataframe cx-catalogue">\n<caption>{escape(self.summary())}</caption>\n'
                f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>")

    def __repr__(self) -> str:
        lines = [" | ".join(COLUMNS)] + [" | ".join(row) for row in self.rows()]
        return "\n".join(lines + [self.summary()])


def table(bank: dict[str, Exercise] | None = None) -> Catalogue:
    """Every exercise of the bank (the course's by default), by lesson, in the bank's order within a lesson."""
    exercises = list((bank if bank is not None else load_bank()).values())
    by_lesson = sorted(exercises, key=lambda ex: tuple(int(part) for part in ex.lesson.split(".")))
    return Catalogue(by_lesson)
