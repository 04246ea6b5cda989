"""Exercises defined once in ``exercises/bank/*.yml``, shown live in Jupyter and answerable in the book.

``exercise("some-id")`` returns an object whose display carries both faces: the
ipywidgets form (Jupyter shows it when the cell runs) and a deterministic ``text/html``
self-check (the book prefers it, so pages never need the ipywidgets manager).
"""

from __future__ import annotations

from coursekit.exercises import static
from coursekit.exercises.model import BankError, Exercise, Result, get, load_bank, load_file
from coursekit.exercises.numbers import AnswerError, parse_number

__all__ = ["exercise", "summary", "learner_panel", "ExerciseView", "Exercise", "Result", "BankError", "AnswerError",
           "get", "load_bank", "load_file", "parse_number"]


class ExerciseView:
    """An exercise ready to display in a notebook (live widget + static HTML)."""

    def __init__(self, ex: Exercise) -> None:
        self.exercise = ex
        self._widget = None

    @property
    def widget(self):
        """The live ipywidgets form, built on first use."""
        if self._widget is None:
            from coursekit.exercises.widget import build

            self._widget = build(self.exercise)
        return self._widget

    def check(self, response: object) -> Result:
        return self.exercise.check(response)

    def __repr__(self) -> str:
        return f"Exercise {self.exercise.id} ({static.TYPE_LABELS[self.exercise.type].lower()}): {self.exercise.prompt}"

    def _repr_html_(self) -> str:
        return static.render(self.exercise)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = repr(self)
        bundle["text/html"] = static.render(self.exercise)
        return bundle


def summary(check: str):
    """The "See my score" panel of a check (diagnostic, part-1 … part-4), shown after its questions."""
    from coursekit.exercises.assessment import summary as make

    return make(check)


def learner_panel():
    """The "my answers" panel: the learner's name once, and all their answers of the course in one file."""
    from coursekit.exercises.learner import panel

    return panel()


def exercise(exercise_id: str) -> ExerciseView:
    """The exercise with this id from the bank, for display in a notebook cell."""
    return ExerciseView(get(exercise_id))
