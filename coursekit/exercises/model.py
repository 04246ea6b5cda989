"""The exercise bank: YAML files read and validated against the type registry (``kinds/``).

Each file of ``exercises/bank/`` holds one lesson's exercises. Every problem is reported as a
``BankError`` naming the file and the place (``at exercises/2 (its-id)/choices: …``). The bank's
JSON Schema, for editors, is generated from the same definitions:
``python -m coursekit.exercises.schema``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import re

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from coursekit import i18n, yamlfile
from coursekit.exercises.kinds import BY_TYPE, TYPES, AnyExercise, ExerciseBase, Result
from coursekit.paths import EXERCISE_BANK_DIR

Exercise = ExerciseBase  # every exercise is an instance of one of the registry's classes
LESSON = re.compile(r"[1-4]\.[1-9]")
CHECKS = "checks"  # the sub-folder of the bank that holds the checks

__all__ = ["Exercise", "Result", "BankError", "BankFile", "CheckFile", "TYPES", "load_file", "load_bank", "get", "checks",
           "json_schema"]


class BankError(Exception):
    """The exercise bank cannot be used; the message names the file and the place."""


class BankFile(BaseModel):
    """One YAML file of the bank: the lesson number and its exercises."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="Exercise bank file")

    lesson: Annotated[str, Field(pattern=r"^[1-4]\.[1-9]$")]
    exercises: Annotated[list[AnyExercise], Field(min_length=1)]

    @model_validator(mode="before")
    @classmethod
    def _lesson_into_each_exercise(cls, raw: Any) -> Any:
        """Every exercise learns its lesson from the file (an exercise may not set one of its own)."""
        if isinstance(raw, dict) and isinstance(raw.get("exercises"), list):
            lesson = raw.get("lesson")
            if any(isinstance(ex, dict) and "lesson" in ex for ex in raw["exercises"]):
                raise ValueError("'lesson' is given once, at the top of the file, not in an exercise")
            exercises = [{**ex, "lesson": lesson} if isinstance(ex, dict) else ex for ex in raw["exercises"]]
            return {**raw, "exercises": exercises}
        return raw


class CheckFile(BaseModel):
    """One YAML file of ``exercises/bank/checks/``: a short check (the diagnostic, or a part's check)
    whose questions each name the lesson they test, so the learner's advice can say what to review."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="Check file")

    check: Annotated[str, Field(pattern=r"^(diagnostic|part-[1-4])$")]
    title: Annotated[str, Field(min_length=1, max_length=200)]
    exercises: Annotated[list[AnyExercise], Field(min_length=3, max_length=12)]

    @model_validator(mode="before")
    @classmethod
    def _every_question_names_its_lesson(cls, raw: Any) -> Any:
        if isinstance(raw, dict) and isinstance(raw.get("exercises"), list):
            for i, ex in enumerate(raw["exercises"]):
                if isinstance(ex, dict) and not (isinstance(ex.get("lesson"), str) and LESSON.fullmatch(ex["lesson"])):
                    raise ValueError(f"exercises/{i}: each question of a check names the lesson it tests, e.g. lesson: \"2.3\"")
            exercises = [{**ex, "assessment": raw.get("check")} if isinstance(ex, dict) else ex for ex in raw["exercises"]]
            return {**raw, "exercises": exercises}
        return raw


def json_schema() -> dict:
    """The JSON Schema of a bank file (a lesson's, or a check's), generated from the type definitions."""
    schema = TypeAdapter(BankFile | CheckFile).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _place(loc: tuple, raw: Any) -> str:
    """``exercises/0 (its-id)/choices/1`` from pydantic's location, without the type tag it inserts."""
    parts: list[str] = []
    node = raw
    for step in loc:
        if isinstance(node, dict) and isinstance(step, str) and step in BY_TYPE and step not in node:
            continue  # the discriminated union's tag, not a place in the file
        parts.append(str(step))
        if isinstance(node, dict):
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            if len(parts) == 2 and parts[0] == "exercises" and isinstance(node, dict) and isinstance(node.get("id"), str):
                parts[-1] += f" ({node['id']})"
        else:
            node = None
    return "/".join(parts) or "(top level)"


def _kind_at(loc: tuple, raw: Any) -> str:
    if len(loc) >= 2 and loc[0] == "exercises" and isinstance(raw, dict):
        try:
            return str(raw["exercises"][loc[1]]["type"])
        except (KeyError, IndexError, TypeError):
            pass
    return "this"


def _describe(error: dict, raw: Any) -> str:
    """One pydantic error as a sentence for the person editing the bank file."""
    loc, kind = tuple(error["loc"]), error["type"]
    if kind == "missing":
        return f"at {_place(loc[:-1], raw)}: '{loc[-1]}' is required"
    if kind == "extra_forbidden":
        return f"at {_place(loc[:-1], raw)}: '{loc[-1]}' is not used by a {_kind_at(loc, raw)} exercise"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        found = error.get("input", {}).get("type") if isinstance(error.get("input"), dict) else None
        what = f"'{found}' is not" if found is not None else "'type' is missing: it must be"
        return f"at {_place(loc, raw)}/type: {what} one of the exercise types {list(TYPES)}"
    message = error["msg"].removeprefix("Value error, ")
    if kind not in ("value_error", "assertion_error") and "input" in error and not isinstance(error["input"], (dict, list)):
        message += f" (found {json.dumps(error['input'], ensure_ascii=False, default=str)[:60]})"
    return f"at {_place(loc, raw)}: {message}"


def load_file(path: Path) -> list[ExerciseBase]:
    """Read and validate one bank file (a lesson's, or a check's in ``checks/``); any problem raises
    BankError naming file and place."""
    raw = i18n.localise_bank_file(yamlfile.read(path, BankError), path)
    model = CheckFile if path.parent.name == CHECKS else BankFile
    try:
        bank_file = model.model_validate(raw)
    except ValidationError as err:
        raise BankError(f"{path}: {_describe(err.errors()[0], raw)}") from None
    return list(bank_file.exercises)


def load_bank(directory: Path = EXERCISE_BANK_DIR) -> dict[str, ExerciseBase]:
    """Every exercise of the bank (lessons, then checks) by id; ids must be unique across files."""
    bank: dict[str, ExerciseBase] = {}
    for path in [*sorted(directory.glob("*.yml")), *sorted((directory / CHECKS).glob("*.yml"))]:
        for ex in load_file(path):
            if ex.id in bank:
                raise BankError(f"{path}: exercise id '{ex.id}' is already used in lesson {bank[ex.id].lesson}.")
            bank[ex.id] = ex
    return bank


def checks(bank: dict[str, ExerciseBase] | None = None) -> dict[str, list[ExerciseBase]]:
    """The questions of each check (diagnostic, part-1 …), in their file's order."""
    found: dict[str, list[ExerciseBase]] = {}
    for ex in (bank if bank is not None else default_bank()).values():
        if ex.assessment:
            found.setdefault(ex.assessment, []).append(ex)
    return found


@lru_cache(maxsize=1)
def default_bank() -> dict[str, ExerciseBase]:
    """The course's bank, read once per process."""
    return load_bank()


def get(exercise_id: str) -> ExerciseBase:
    """The exercise with this id from the course's bank."""
    bank = default_bank()
    if exercise_id not in bank:
        raise BankError(f"No exercise '{exercise_id}' in {EXERCISE_BANK_DIR}; known ids: {', '.join(sorted(bank))}")
    return bank[exercise_id]
