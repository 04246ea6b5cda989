"""The static face of an exercise: deterministic HTML the book's JavaScript makes answerable.

Every text from the bank is HTML-escaped; the answer key travels as JSON in a
non-executed ``<script type="application/json">`` whose ``<``, ``>`` and ``&`` are
escaped, so no bank text or learner input can become markup. The same input always
gives the same bytes, so stored notebook outputs pass strict nbval.
"""

from __future__ import annotations

import json
from html import escape

from coursekit.exercises.model import Exercise
from coursekit.exercises.numbers import MAX_ABS, MAX_CHARS, MESSAGES

TYPE_LABELS = {
    "single_choice": "Single choice",
    "multiple_choice": "Multiple choice",
    "numeric": "Numeric answer",
}
INSTRUCTIONS = {
    "single_choice": "Choose one answer.",
    "multiple_choice": "Select all answers that apply.",
    "numeric": "Type a number; a decimal point or a French decimal comma both work.",
}
OFFLINE_NOTE = "To check your answer, run this cell in Jupyter or open this page in the course book."


def _json_for_html(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def page_data(ex: Exercise) -> dict:
    """Key, messages and limits the page script needs; one source for both faces."""
    return {"key": ex.key(), "messages": MESSAGES, "limits": {"max_chars": MAX_CHARS, "max_abs": MAX_ABS}}


def render(ex: Exercise) -> str:
    """The exercise as a self-contained HTML fragment."""
    uid = f"cx-{ex.id}"
    e = escape
    lines = [
        f'<div class="cx-exercise" id="{uid}" data-cx-id="{e(ex.id)}" data-cx-type="{ex.type}">',
        f'<form class="cx-form" novalidate aria-labelledby="{uid}-prompt">',
        f'<p class="cx-kicker">Exercise · {TYPE_LABELS[ex.type]}</p>',
        f'<p class="cx-prompt" id="{uid}-prompt">{e(ex.prompt)}</p>',
    ]
    if ex.choices:
        kind = "radio" if ex.type == "single_choice" else "checkbox"
        lines.append(f'<fieldset class="cx-choices"><legend>{INSTRUCTIONS[ex.type]}</legend>')
        for i, choice in enumerate(ex.choices):
            lines.append(
                f'<div class="cx-choice"><input type="{kind}" name="{uid}" id="{uid}-{i}" value="{i}">'
                f'<label for="{uid}-{i}">{e(choice.text)}</label></div>'
            )
        lines.append("</fieldset>")
    else:
        unit = f" ({e(ex.unit)})" if ex.unit else ""
        lines.append(
            f'<div class="cx-numeric"><label for="{uid}-input">Your answer{unit}</label>'
            f'<input type="text" id="{uid}-input" name="{uid}" inputmode="decimal" autocomplete="off"'
            f' maxlength="{MAX_CHARS}" aria-describedby="{uid}-help">'
            f'<span class="cx-help" id="{uid}-help">{INSTRUCTIONS["numeric"]}</span></div>'
        )
    lines += [
        '<div class="cx-actions">',
        '<button type="submit" class="cx-check">Check my answer</button>',
        f'<button type="button" class="cx-hint-toggle" aria-expanded="false" aria-controls="{uid}-hint">Show a hint</button>',
        "</div>",
        f'<p class="cx-hint" id="{uid}-hint" hidden>Hint: {e(ex.hint)}</p>',
        f'<div class="cx-feedback" id="{uid}-feedback" role="status" aria-live="polite"></div>',
        f'<p class="cx-offline-note">{OFFLINE_NOTE}</p>',
        "</form>",
        f'<script type="application/json" class="cx-data">{_json_for_html(page_data(ex))}</script>',
        "</div>",
    ]
    return "\n".join(lines)
