"""How a typed number is read: one set of rules, applied by Python here and by the page script.

The rules are decided on purpose and are data (``RULES``): the page receives them, with the
messages, through the page data (``static.page_data``) and applies them step for step in
``parse_number`` of ``assets/exercises.js``; it never re-types a character class or a message.

- Digits: ASCII ``0``-``9`` only. Digits of other scripts (``٣``, ``३``) and full-width forms
  (``３``) are refused with a message that says which digits to use: reading them would depend on
  each face's Unicode tables, and a learner typing them is told at once.
- Spaces: the ends are trimmed of ordinary spaces, tabs, line breaks, the no-break space
  (U+00A0), the thin space (U+2009), the narrow no-break space French uses (U+202F) and a
  byte-order mark (U+FEFF, invisible, often pasted). Between digit groups of three, a space
  of any of those four widths separates thousands: ``3 478``, ``1 000 000``.
- Signs: ``+``, ``-`` or the typographic minus ``−`` (U+2212), at the start.
- Decimal mark: one point or one French comma (``3.5``, ``3,5``); a number using both is refused.
- A trailing ``%`` (with or without a space before it) is allowed and ignored.
- No exponents, hex, ``NaN`` or ``Infinity``; at most ``MAX_CHARS`` characters (code points)
  after trimming; at most ``MAX_ABS`` in size.
"""

from __future__ import annotations

import re

from coursekit.exercises.messages import NUMBER_MESSAGES as MESSAGES

MAX_CHARS = 40
MAX_ABS = 1e12

_EDGE = " \t\n\r\u00a0\u2009\u202f\ufeff"
_GROUP = " \u00a0\u2009\u202f"
# Regular expressions in the syntax Python's re and JavaScript's RegExp read alike
# (no \d, \s or \Z, whose meaning differs between the two). Applied in this order:
RULES = {
    "trim": f"^[{_EDGE}]+|[{_EDGE}]+$",  # removed, everywhere it matches
    "group": f"(?<=[0-9])[{_GROUP}](?=[0-9]{{3}}(?![0-9]))",  # removed, everywhere
    "percent": f"[{_GROUP}]*%$",  # removed, once
    "minus": "^\u2212",  # replaced by "-", once
    "number": "^[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)$",  # must match what is left
    "max_chars": MAX_CHARS,
    "max_abs": MAX_ABS,
}
_TRIM, _GROUP_RE, _PERCENT, _MINUS, _NUMBER = (re.compile(RULES[k]) for k in ("trim", "group", "percent", "minus", "number"))


class AnswerError(ValueError):
    """A learner's answer that cannot be read; ``str(err)`` is the message to show them."""

    def __init__(self, key: str) -> None:
        super().__init__(MESSAGES[key])
        self.key = key


def read_number(text: object) -> float:
    """Read a typed answer such as ``63``, ``3,5``, ``−2.25`` or ``3 478 %``; AnswerError says why not."""
    if text is None:
        raise AnswerError("empty")
    s = _TRIM.sub("", str(text))
    if not s:
        raise AnswerError("empty")
    if len(s) > MAX_CHARS:
        raise AnswerError("too_long")
    s = _MINUS.sub("-", _PERCENT.sub("", _GROUP_RE.sub("", s), count=1), count=1)
    if "." in s and "," in s:
        raise AnswerError("two_marks")
    if not _NUMBER.fullmatch(s):  # fullmatch: Python's $ would also match before a final line break
        raise AnswerError("not_a_number")
    value = float(s.replace(",", "."))
    if abs(value) > MAX_ABS:
        raise AnswerError("too_large")
    return value


parse_number = read_number  # the name the notebooks and older code use


def outcome(text: object) -> dict:
    """``{"value": v}`` or ``{"error": key}``: what the page's parser returns, for the parity test."""
    try:
        return {"value": read_number(text)}
    except AnswerError as err:
        return {"error": err.key}
