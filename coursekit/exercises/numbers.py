"""Reading a learner's typed number the same way in Python and in the book's JavaScript.

Accepted: an optional sign, digits, one decimal mark (point or French comma), spaces
between digit groups (``3 478``) and a trailing ``%``. Everything else gets a message
that tells the learner what to type. ``_assets/exercises.js`` implements the same rules;
the browser tests compare the two on ``tests/fixtures/numeric_inputs.json``.
"""

from __future__ import annotations

import re

MAX_CHARS = 40
MAX_ABS = 1e12

MESSAGES = {
    "empty": "Please enter a number, e.g. 3.5 or 3,5.",
    "not_a_number": "Please enter a number, e.g. 3.5 or 3,5 (digits only, no words).",
    "two_marks": "Please use one decimal mark only: a point (3.5) or a comma (3,5).",
    "too_long": "That is too long for an answer here: please enter a short number, e.g. 3.5.",
    "too_large": "That number is too large to be an answer here: please check it.",
    "no_choice": "Please choose an answer first.",
    "no_choices": "Please select at least one answer first.",
}

_SPACES = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(\D|$))")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


class AnswerError(ValueError):
    """A learner's answer that cannot be read; ``str(err)`` is the message to show them."""


def parse_number(text: object) -> float:
    """Read a typed answer such as ``63``, ``3,5``, ``-2.25`` or ``3 478 %`` as a float."""
    if text is None:
        raise AnswerError(MESSAGES["empty"])
    raw = str(text).strip()
    if not raw:
        raise AnswerError(MESSAGES["empty"])
    if len(raw) > MAX_CHARS:
        raise AnswerError(MESSAGES["too_long"])
    s = _SPACES.sub("", raw)
    if s.endswith("%"):
        s = s[:-1].rstrip()
    if "." in s and "," in s:
        raise AnswerError(MESSAGES["two_marks"])
    if not _NUMBER.fullmatch(s):
        raise AnswerError(MESSAGES["not_a_number"])
    value = float(s.replace(",", "."))
    if abs(value) > MAX_ABS:
        raise AnswerError(MESSAGES["too_large"])
    return value
