"""The static face of an exercise: deterministic HTML the book's JavaScript makes answerable.

Every text from the bank is HTML-escaped; the answer key travels as JSON in a
non-executed ``<script type="application/json">`` whose ``<``, ``>`` and ``&`` are
escaped, so no bank text or learner input can become markup. The same input always
gives the same bytes, so stored notebook outputs pass strict nbval.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from coursekit.exercises.model import MAX_TEXT, Exercise, messages_for
from coursekit.exercises.numbers import MAX_ABS, MAX_CHARS

# The folder of the page script and style sheet (package data), and the string every exercise's
# HTML holds: the book extension (coursekit/book.py) adds the assets to the pages that hold it.
ASSET_DIR = Path(__file__).with_name("assets")
ASSET_FILES = ("exercises.js", "exercises.css")
MARKER = 'class="cx-exercise"'

TYPE_LABELS = {
    "single_choice": "Single choice",
    "multiple_choice": "Multiple choice",
    "numeric": "Numeric answer",
    "ordering": "Ordering",
    "categorising": "Categorising",
    "reflection": "Reflection",
}
INSTRUCTIONS = {
    "single_choice": "Choose one answer.",
    "multiple_choice": "Select all answers that apply.",
    "numeric": "Type a number; a decimal point or a French decimal comma both work.",
    "ordering": "Give each item a different position, from 1 (first) to {n} (last).",
    "categorising": "Choose a category for each item.",
    "reflection": "Write your own answer: it is not marked automatically. Then compare it with the notes.",
}
OFFLINE_NOTE = "To check your answer, run this cell in Jupyter or open this page in the course book."
CHECK_LABEL = {"reflection": "Compare with notes"}
PLACEHOLDER = {"ordering": "Position…", "categorising": "Choose…"}


def instructions(ex: Exercise) -> str:
    """What the learner is asked to do, in words that fit this exercise."""
    text = INSTRUCTIONS[ex.type].replace("{n}", str(len(ex.items)))
    if ex.type == "reflection" and ex.min_words:
        text = text.replace(". Then", f" (at least {ex.min_words} words). Then")
    return text


def options(ex: Exercise) -> list[tuple[str, str]]:
    """The (value, text) options of each item's select: positions for ordering, categories for categorising."""
    if ex.type == "ordering":
        return [(str(p), str(p)) for p in range(1, len(ex.items) + 1)]
    return [(str(k), name) for k, name in enumerate(ex.categories)]


def notes(ex: Exercise) -> list[tuple[str, str]]:
    """A reflection's (title, text) notes, revealed once the learner has written an answer."""
    found = [("Model answer", ex.model_answer), ("Notes for discussion", ex.discussion_notes)]
    return [(title, text) for title, text in found if text]


def _json_for_html(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def page_data(ex: Exercise) -> dict:
    """Key, messages and limits the page script needs; one source for both faces."""
    return {"key": ex.key(), "messages": messages_for(ex.type), "limits": {"max_chars": MAX_CHARS, "max_abs": MAX_ABS}}


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
    if ex.source_chart:
        lines.append(f'<p class="cx-chart-ref">From the chart: {e(ex.source_chart)}</p>')
    if ex.choices:
        kind = "radio" if ex.type == "single_choice" else "checkbox"
        lines.append(f'<fieldset class="cx-choices"><legend>{INSTRUCTIONS[ex.type]}</legend>')
        for i, choice in enumerate(ex.choices):
            lines.append(
                f'<div class="cx-choice"><input type="{kind}" name="{uid}" id="{uid}-{i}" value="{i}">'
                f'<label for="{uid}-{i}">{e(choice.text)}</label></div>'
            )
        lines.append("</fieldset>")
    elif ex.type == "numeric":
        unit = f" ({e(ex.unit)})" if ex.unit else ""
        lines.append(
            f'<div class="cx-numeric"><label for="{uid}-input">Your answer{unit}</label>'
            f'<input type="text" id="{uid}-input" name="{uid}" inputmode="decimal" autocomplete="off"'
            f' maxlength="{MAX_CHARS}" aria-describedby="{uid}-help">'
            f'<span class="cx-help" id="{uid}-help">{INSTRUCTIONS["numeric"]}</span></div>'
        )
    elif ex.type == "reflection":
        lines.append(
            f'<div class="cx-reflection"><label for="{uid}-text">Your answer</label>'
            f'<textarea id="{uid}-text" name="{uid}" rows="6" maxlength="{MAX_TEXT}" aria-describedby="{uid}-help"></textarea>'
            f'<span class="cx-help" id="{uid}-help">{e(instructions(ex))}</span></div>'
        )
    else:
        choices = "".join(f'<option value="{value}">{e(text)}</option>' for value, text in options(ex))
        lines.append(f'<fieldset class="cx-items cx-{ex.type}"><legend>{e(instructions(ex))}</legend>')
        for i in ex.display_order():
            lines.append(
                f'<div class="cx-item"><label for="{uid}-item-{i}">{e(ex.items[i].text)}</label>'
                f'<select id="{uid}-item-{i}" name="{uid}-item-{i}" data-cx-item="{i}">'
                f'<option value="">{PLACEHOLDER[ex.type]}</option>{choices}</select></div>'
            )
        lines.append("</fieldset>")
    lines += [
        '<div class="cx-actions">',
        f'<button type="submit" class="cx-check">{CHECK_LABEL.get(ex.type, "Check my answer")}</button>',
    ]
    if ex.hint:
        lines.append(
            f'<button type="button" class="cx-hint-toggle" aria-expanded="false" aria-controls="{uid}-hint">Show a hint</button>'
        )
    lines.append("</div>")
    if ex.hint:
        lines.append(f'<p class="cx-hint" id="{uid}-hint" hidden>Hint: {e(ex.hint)}</p>')
    lines.append(f'<div class="cx-feedback" id="{uid}-feedback" role="status" aria-live="polite"></div>')
    if ex.type == "reflection":
        lines.append(f'<div class="cx-notes" id="{uid}-notes" hidden>')
        lines += [f'<p class="cx-notes-title">{title}</p><p class="cx-notes-text">{e(text)}</p>' for title, text in notes(ex)]
        lines.append("</div>")
    lines += [
        f'<p class="cx-offline-note">{OFFLINE_NOTE}</p>',
        "</form>",
        f'<script type="application/json" class="cx-data">{_json_for_html(page_data(ex))}</script>',
        "</div>",
    ]
    return "\n".join(lines)
