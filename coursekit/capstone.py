"""The capstone project's marking criteria: a three-level rubric per step, in the reflections' format.

The criteria live in ``chapters/capstone-rubric.yml``. The capstone is not a lesson, so it is not in the exercise
bank (a bank file belongs to a lesson); this module checks each criterion's rubric with the reflections' own
``Rubric`` model and scores a level with ``Reflection.RUBRIC_POINTS``, so a trainer marks the capstone the way the
course's reflections are marked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from coursekit import i18n, plans, yamlfile
from coursekit.charts.core import number
from coursekit.exercises.kinds.reflection import Reflection, Rubric, RubricLevel
from coursekit.exercises.messages import fill, plural
from coursekit.paths import ROOT

RUBRIC_FILE = ROOT / "chapters" / "capstone-rubric.yml"
# Every word the rubric's table shows, in the kit's language (i18n.kit_tables: capstone:WORDS); the levels' names are
# the reflections' (Reflection.RUBRIC_LEVELS), the criteria's texts come from chapters/capstone-rubric.yml's catalogue.
WORDS = {
    "caption": ("How a trainer marks the capstone: {criteria}, {points}. A weak answer earns 0, an adequate one half the "
                "criterion's points, a strong one all of them, as for the course's reflections."),
    "criteria": {"one": "{count} criterion", "other": "{count} criteria"},
    "points": {"one": "{count} point", "other": "{count} points"},
    "step": "Step",
    "asks": "What it asks",
    "points_column": "Points",
    "total": "Total",
}

__all__ = ["RUBRIC_FILE", "RubricError", "Criterion", "load_rubric", "points", "rubric_table"]


class RubricError(Exception):
    """The capstone's rubric file cannot be read or is not sound; the message names the file and the field."""


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=400)]


class Criterion(BaseModel):
    """One step of the capstone, what it asks, and what a weak, an adequate and a strong answer contain."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,30}$")]
    step: Annotated[int, Field(ge=1, le=9)]
    title: Text
    asks: Text
    rubric: Rubric
    weight: Annotated[int, Field(strict=True, ge=1, le=10)]


class RubricFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    criteria: Annotated[list[Criterion], Field(min_length=1)]

    @model_validator(mode="after")
    def _steps_in_order(self) -> "RubricFile":
        if [c.step for c in self.criteria] != list(range(1, len(self.criteria) + 1)):
            raise ValueError("the criteria's steps must run 1, 2, 3… in the file's order")
        if len({c.id for c in self.criteria}) != len(self.criteria):
            raise ValueError("two criteria have the same id")
        return self


def load_rubric(path: Path = RUBRIC_FILE) -> list[Criterion]:
    """Read and validate the rubric; any problem raises RubricError naming the file and the field."""
    raw = i18n.localise_editorial(yamlfile.read(path, RubricError), path)
    try:
        return list(RubricFile.model_validate(raw).criteria)
    except ValidationError as err:
        first = err.errors()[0]
        where = "/".join(str(p) for p in first["loc"]) or "(top level)"
        raise RubricError(f"{path}: at {where}: {first['msg'].removeprefix('Value error, ')}") from None


def points(criterion: Criterion, level: RubricLevel) -> float:
    """The points a trainer's mark earns, by the reflections' rule (weak 0, adequate half, strong all)."""
    return Reflection.RUBRIC_POINTS[level] * criterion.weight


def rubric_table(criteria: list[Criterion] | None = None) -> plans.Table:
    """The rubric as a table: one row per step, the three levels side by side, and the points."""
    criteria = criteria if criteria is not None else load_rubric()
    rows = [(f"{c.step}. {c.title}", c.asks, c.rubric.weak, c.rubric.adequate, c.rubric.strong, number(c.weight, ","))
            for c in criteria]
    total = sum(c.weight for c in criteria)
    levels = Reflection.RUBRIC_LEVELS
    caption = fill(WORDS["caption"], criteria=plural(WORDS["criteria"], len(rows)), points=plural(WORDS["points"], total))
    return plans.Table(caption, (WORDS["step"], WORDS["asks"], levels["weak"], levels["adequate"], levels["strong"],
                                 WORDS["points_column"]), rows, {5}, (WORDS["total"], "", "", "", "", number(total, ",")))
