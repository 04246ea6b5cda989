"""The exercise catalogue for trainers: every exercise of the bank in one table, made from the bank so it never drifts.

Each row shows the exercise's lesson, type, objective and the author's judgement: cognitive level,
difficulty and minutes. Filter it in Python (``catalogue.table(level="apply", difficulty="core")``)
or on the page: the table carries a filter form whose words come from here; the page script only
shows and hides rows by the values written on them.

``back/exercise-catalogue.ipynb`` shows ``catalogue.table()``; strict nbval fails when the bank has
changed and the page has not been regenerated (``python -m coursekit.notebooks back/exercise-catalogue.ipynb``).
"""

from __future__ import annotations

from html import escape

from coursekit.exercises.messages import fill
from coursekit.exercises.model import Exercise, load_bank
from coursekit.exercises.static import TYPE_LABELS

COLUMNS = ("Exercise", "Lesson", "Type", "Objective", "Level", "Difficulty", "Minutes")
LEVELS = ("remember", "understand", "apply", "analyse", "evaluate")
DIFFICULTIES = ("intro", "core", "stretch")
FILTERS = {"type": "Type", "level": "Level", "difficulty": "Difficulty"}
WORDS = {
    "any": "Any",
    "legend": "Show only",
    "summary": "{count} exercises, about {minutes} minutes in all.",
}
MARKER = 'class="cx-catalogue-box"'  # the book extension loads the page script where it finds this


def _order(ex: Exercise) -> tuple:
    return tuple(int(part) for part in ex.lesson.split(".")), bool(ex.assessment)


class Catalogue:
    """A table of exercises, shown as HTML (with a filter form) in notebooks and the book, as plain text elsewhere."""

    def __init__(self, exercises: list[Exercise]) -> None:
        self.exercises = exercises

    def rows(self) -> list[tuple[str, ...]]:
        """One row of text per exercise, in the order of COLUMNS."""
        return [(ex.id, ex.lesson, TYPE_LABELS[ex.type], ex.objective or "—", ex.level or "—", ex.difficulty,
                 str(ex.minutes)) for ex in self.exercises]

    def summary(self) -> str:
        return fill(WORDS["summary"], count=len(self.exercises), minutes=sum(ex.minutes for ex in self.exercises))

    def _filters(self) -> str:
        choices = {"type": [(t, TYPE_LABELS[t]) for t in TYPE_LABELS if any(ex.type == t for ex in self.exercises)],
                   "level": [(v, v) for v in LEVELS], "difficulty": [(v, v) for v in DIFFICULTIES]}
        parts = [f'<form class="cx-catalogue-filter" hidden><fieldset><legend>{WORDS["legend"]}</legend>']
        for name, label in FILTERS.items():
            options = "".join(f'<option value="{escape(v)}">{escape(text)}</option>' for v, text in choices[name])
            parts.append(f'<label>{label} <select data-cx-filter="{name}"><option value="">{WORDS["any"]}</option>'
                         f"{options}</select></label>")
        parts.append("</fieldset></form>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{name}</th>' for name in COLUMNS)
        body = "\n".join(
            f'<tr data-type="{ex.type}" data-level="{escape(ex.level or "")}" data-difficulty="{ex.difficulty}"'
            f' data-minutes="{ex.minutes}"><td><code>{escape(row[0])}</code></td>'
            + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:]) + "</tr>"
            for ex, row in zip(self.exercises, self.rows())
        )
        summary = escape(self.summary())
        template = escape(WORDS["summary"])
        return (f'<div class="cx-catalogue-box">{self._filters()}\n'
                f'<table class="table dataframe cx-catalogue">\n<caption data-cx-template="{template}">{summary}</caption>\n'
                f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table></div>")

    def __repr__(self) -> str:
        lines = [" | ".join(COLUMNS)] + [" | ".join(row) for row in self.rows()]
        return "\n".join(lines + [self.summary()])


def table(bank: dict[str, Exercise] | None = None, *, type: str | None = None, level: str | None = None,
          difficulty: str | None = None, max_minutes: int | None = None) -> Catalogue:
    """The exercises of the bank (the course's by default), by lesson, optionally only those that match."""
    exercises = sorted((bank if bank is not None else load_bank()).values(), key=_order)
    wanted = [ex for ex in exercises
              if (type is None or ex.type == type) and (level is None or ex.level == level)
              and (difficulty is None or ex.difficulty == difficulty) and (max_minutes is None or ex.minutes <= max_minutes)]
    return Catalogue(wanted)
