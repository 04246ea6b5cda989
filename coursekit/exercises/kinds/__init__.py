"""The registry of exercise types: one module per type, each holding the type's whole definition.

To add a type, write its module (see ``base.py`` for the contract and ``numeric.py`` for an
example), add its class to ``KINDS`` below, and give the page script a renderer of the same name
(``KINDS`` in ``coursekit/exercises/assets/exercises.js``). The README's "Adding an exercise type"
walks through it.
"""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from coursekit.exercises.kinds.base import ExerciseBase, Result
from coursekit.exercises.kinds.categorising import Categorising
from coursekit.exercises.kinds.multiple_choice import MultipleChoice
from coursekit.exercises.kinds.numeric import Numeric
from coursekit.exercises.kinds.ordering import Ordering
from coursekit.exercises.kinds.reflection import Reflection
from coursekit.exercises.kinds.single_choice import SingleChoice

KINDS: tuple[type[ExerciseBase], ...] = (SingleChoice, MultipleChoice, Numeric, Ordering, Categorising, Reflection)


def type_name(kind: type[ExerciseBase]) -> str:
    """The name a type's ``type: Literal["name"]`` field declares."""
    names = getattr(kind.model_fields["type"].annotation, "__args__", ())
    if len(names) != 1 or not isinstance(names[0], str):
        raise TypeError(f"{kind.__name__} must declare its name as type: Literal[\"its_name\"]")
    return names[0]


BY_TYPE: dict[str, type[ExerciseBase]] = {type_name(kind): kind for kind in KINDS}
TYPES = tuple(BY_TYPE)

# Any exercise of the bank: pydantic picks the class by the "type" field.
AnyExercise = Annotated[Union[KINDS], Field(discriminator="type")]  # type: ignore[valid-type]

__all__ = ["KINDS", "BY_TYPE", "TYPES", "AnyExercise", "ExerciseBase", "Result"]
