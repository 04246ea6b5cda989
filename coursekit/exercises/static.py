"""The static face of an exercise: deterministic HTML the book's page script makes answerable.

Each type draws its own answer area (``answer_html``); this module draws the frame around it
(prompt, buttons, feedback, notes) and the data the page needs. Every text from the bank is
HTML-escaped; an exercise's key travels as JSON in a non-executed
``<script type="application/json" class="cx-data">`` whose ``<``, ``>`` and ``&`` are escaped, so
no bank text or learner input can become markup. The messages, number rules and limits the page
applies come once per page (``page_data_html``, added by ``coursekit/book.py``), from Python.
The same input always gives the same bytes, so stored notebook outputs pass strict nbval.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from coursekit.exercises.assessment import MESSAGES as ASSESSMENT_MESSAGES
from coursekit.exercises.kinds import BY_TYPE, ExerciseBase
from coursekit.exercises.messages import PAGE, PLURAL_ONE, SHARED, fill
from coursekit.exercises.numbers import RULES
from coursekit.exercises.progress import (CHOICE_IDS_SINCE, FORMAT, LEARNER_CONTROL, LEARNER_MAX, LEARNER_SPACES,
                                          READABLE_VERSIONS, VERSION)

# The folder of the page script and style sheet (package data), and the string every exercise's
# HTML holds: the book extension (coursekit/book.py) adds the assets to the pages that hold it.
ASSET_DIR = Path(__file__).with_name("assets")
ASSET_FILES = ("exercises.js", "exercises.css")
MARKER = 'class="cx-exercise"'  # a check's score panel always follows its questions, so it needs no marker of its own
PAGE_DATA_ID = "cx-page-data"
# One stored answer ({type, response, status, saved_at}) has kept its shape since format 2, so the
# browser's keys keep that number; the learner's name is one more key, shared by every page.
STORAGE_VERSION = CHOICE_IDS_SINCE
STORAGE_PREFIX = f"coursekit:answers:v{STORAGE_VERSION}:"
# Where older pages kept answers in the browser: read once, upgraded, then removed.
OLDER_STORAGE_PREFIXES = {str(v): f"coursekit:answers:v{v}:" for v in READABLE_VERSIONS if v < STORAGE_VERSION}
LEARNER_KEY = "coursekit:learner"
FILE_SLUG = "[^A-Za-z0-9_-]+"  # what a downloaded file's name replaces by "-" (from a page's or learner's name)
LEARNER_PANEL = "cx-learner-panel"  # the class of the "my answers" panel (learner.panel); the page script fills it
PANEL_MARKER = f'class="{LEARNER_PANEL}"'
SAVE_DELAY_MS = 800  # typing is saved once it pauses this long (and at once when checked or left)

TYPE_LABELS = {name: kind.LABEL for name, kind in BY_TYPE.items()}


def json_for_html(data: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def page_data(bank: dict[str, ExerciseBase] | None = None) -> dict:
    """Everything the page script applies but must not re-type: messages, rules, limits, format, and
    the bank's exercise ids with their types (the whole-course download leaves out answers to others)."""
    if bank is None:
        from coursekit.exercises.model import default_bank

        bank = default_bank()
    return {
        "messages": {name: kind.MESSAGES for name, kind in BY_TYPE.items()},
        "assessment": ASSESSMENT_MESSAGES,
        "ui": {**SHARED, **PAGE},
        "plural_one": list(PLURAL_ONE),
        "numbers": RULES,
        "answers": {"format": FORMAT, "version": VERSION, "storage_prefix": STORAGE_PREFIX,
                    "older_prefixes": OLDER_STORAGE_PREFIXES, "learner_key": LEARNER_KEY,
                    "learner_max": LEARNER_MAX, "learner_spaces": LEARNER_SPACES, "learner_control": LEARNER_CONTROL,
                    "file_slug": FILE_SLUG, "panel_class": LEARNER_PANEL,
                    "known": {ex_id: ex.type for ex_id, ex in sorted(bank.items())}},
        "save_delay_ms": SAVE_DELAY_MS,
    }


def page_data_html(bank: dict[str, ExerciseBase] | None = None) -> str:
    """The page data as the one ``<script type="application/json">`` a page with exercises carries."""
    return f'<script type="application/json" id="{PAGE_DATA_ID}">{json_for_html(page_data(bank))}</script>'


def render(ex: ExerciseBase) -> str:
    """The exercise as a self-contained HTML fragment."""
    uid = f"cx-{ex.id}"
    e = escape
    lines = [
        f'<div class="cx-exercise" id="{uid}" data-cx-id="{e(ex.id)}" data-cx-type="{ex.type}">',
        f'<form class="cx-form" novalidate aria-labelledby="{uid}-prompt">',
        f'<p class="cx-kicker">{e(fill(SHARED["kicker"], label=ex.LABEL))}</p>',
        f'<p class="cx-prompt" id="{uid}-prompt">{e(ex.prompt)}</p>',
    ]
    source_chart = getattr(ex, "source_chart", None)
    if source_chart:
        lines.append(f'<p class="cx-chart-ref">{e(fill(SHARED["from_chart"], chart=source_chart))}</p>')
    lines.append(ex.answer_html(uid))
    hint = getattr(ex, "hint", None)
    lines += ['<div class="cx-actions">', f'<button type="submit" class="cx-check">{e(ex.CHECK_LABEL)}</button>']
    if hint:
        lines.append(f'<button type="button" class="cx-hint-toggle" aria-expanded="false" aria-controls="{uid}-hint">'
                     f'{e(SHARED["show_hint"])}</button>')
    lines.append("</div>")
    if hint:
        lines.append(f'<p class="cx-hint" id="{uid}-hint" hidden>{e(fill(SHARED["hint"], hint=hint))}</p>')
    lines.append(f'<div class="cx-feedback" id="{uid}-feedback" role="status" aria-live="polite"></div>')
    if ex.notes():
        lines.append(f'<div class="cx-notes" id="{uid}-notes" hidden>')
        lines += [f'<p class="cx-notes-title">{e(title)}</p><p class="cx-notes-text">{e(text)}</p>' for title, text in ex.notes()]
        lines.append("</div>")
    lines += [
        f'<p class="cx-offline-note">{e(SHARED["offline_note"])}</p>',
        "</form>",
        f'<script type="application/json" class="cx-data">{json_for_html({"key": ex.key()})}</script>',
        "</div>",
    ]
    return "\n".join(lines)
