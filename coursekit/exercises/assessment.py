"""Short checks: a diagnostic before the course and one check at the end of each part.

A check is a file of ``exercises/bank/checks/`` whose questions each name the lesson they test.
Its page shows the questions with ``exercise(id)`` like any lesson, then ``summary(name)``: a
"See my score" panel that counts the correct answers and names the lessons to review (or, for the
diagnostic, to read first). The rule lives here (``report``); the page script applies the same
rule to the answers on the page, with the words and the lessons' titles and links handed over in
the panel's data. Answers are ordinary exercise answers: saved, restored and downloadable.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from coursekit.exercises.messages import fill, plural
from coursekit.exercises.model import BankError, checks, default_bank
from coursekit.paths import ROOT

# Where each check's page is, so its links to the lessons can be relative (the book works under any path).
PAGES = {
    "diagnostic": "chapters/diagnostic.ipynb",
    "part-1": "chapters/1-motivation/check.ipynb",
    "part-2": "chapters/2-contact/check.ipynb",
    "part-3": "chapters/3-roi/check.ipynb",
    "part-4": "chapters/4-identity/check.ipynb",
}
MESSAGES = {
    "title": "Your score",
    "button": "See my score",
    "score": {"one": "{count} of {total} answer is correct.", "other": "{count} of {total} answers are correct."},
    "review": "To strengthen what you missed, review:",
    "read_first": "Start with these lessons, where the diagnostic found gaps:",
    "all_right": "Every answer is correct: move on with confidence.",
    "all_right_diagnostic": "Every answer is correct: you can read the course in any order.",
    "lesson": "{lesson} {title}",
}


@dataclass(frozen=True)
class Report:
    correct: int
    total: int
    review: tuple[str, ...]  # lesson numbers, in course order, with at least one answer not correct


@lru_cache(maxsize=1)
def lessons() -> dict[str, tuple[str, Path]]:
    """Each lesson's number -> (title, notebook path), read from the lesson notebooks' first heading (in the
    French edition's notebooks when the kit speaks French; ``i18n.use`` clears this cache)."""
    from coursekit import i18n

    found = {}
    root = ROOT if i18n.active() == i18n.SOURCE_LANGUAGE else i18n.EDITION
    for path in sorted(root.glob("chapters/*/[1-4]-[1-9]-*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        heading = "".join(next(c for c in cells if c["cell_type"] == "markdown")["source"]).splitlines()[0]
        number, _, title = heading.lstrip("# ").partition(" ")
        found[number] = (title.strip(), path)
    return found


def report(name: str, responses: dict[str, object], bank: dict | None = None) -> Report:
    """The score of a check: each of its questions answered correctly or not (no answer is not correct)."""
    questions = checks(bank).get(name)
    if not questions:
        raise BankError(f"No check '{name}' in the bank's checks/ folder; known: {', '.join(sorted(checks(bank)))}")
    right = [ex.check(responses.get(ex.id)).correct for ex in questions]
    missed = {ex.lesson for ex, ok in zip(questions, right) if not ok}
    order = sorted(missed, key=lambda n: tuple(int(p) for p in n.split(".")))
    return Report(sum(right), len(questions), tuple(order))


def report_lines(name: str, result: Report) -> list[str]:
    """The report in words, one line each, as the page shows it."""
    lines = [plural(MESSAGES["score"], result.correct, total=result.total)]
    if not result.review:
        lines.append(MESSAGES["all_right_diagnostic" if name == "diagnostic" else "all_right"])
        return lines
    lines.append(MESSAGES["read_first" if name == "diagnostic" else "review"])
    titles = lessons()
    return lines + [fill(MESSAGES["lesson"], lesson=n, title=titles[n][0]) for n in result.review]


def summary_data(name: str) -> dict:
    """What the page needs to score the check: its questions, and each lesson's title and link."""
    page = ROOT / PAGES[name]
    questions = checks().get(name, [])
    links = {}
    for number, (title, path) in lessons().items():
        target = os.path.relpath(path.with_suffix(".html"), page.parent)
        links[number] = {"title": title, "href": Path(target).as_posix()}
    return {"check": name, "ids": [ex.id for ex in questions], "lessons": links}


class SummaryView:
    """The "See my score" panel of a check, for a notebook cell: HTML for the book, a button in Jupyter."""

    def __init__(self, name: str) -> None:
        if name not in PAGES:
            raise BankError(f"No check '{name}'; known: {', '.join(PAGES)}")
        self.name = name

    def _repr_html_(self) -> str:
        from coursekit.exercises.static import json_for_html

        uid = f"cx-summary-{self.name}"
        return "\n".join([
            f'<div class="cx-summary" id="{uid}" data-cx-check="{escape(self.name)}">',
            f'<p class="cx-kicker">{escape(MESSAGES["title"])}</p>',
            f'<button type="button" class="cx-score">{escape(MESSAGES["button"])}</button>',
            f'<div class="cx-summary-result" id="{uid}-result" role="status" aria-live="polite"></div>',
            f'<script type="application/json" class="cx-summary-data">{json_for_html(summary_data(self.name))}</script>',
            "</div>",
        ])

    def widget(self):
        """A button that scores the answers saved by this notebook's forms."""
        import ipywidgets as widgets

        from coursekit.exercises import progress

        button = widgets.Button(description=MESSAGES["button"], button_style="primary")
        result = widgets.HTML("")

        def on_click(_button) -> None:
            saved = progress.load_answers()
            responses = {ex_id: record.get("response") for ex_id, record in saved.items() if isinstance(record, dict)}
            lines = report_lines(self.name, report(self.name, responses))
            result.value = '<div role="status">' + "".join(f"<p>{escape(line)}</p>" for line in lines) + "</div>"

        button.on_click(on_click)
        box = widgets.VBox([widgets.HTML(f"<p><strong>{escape(MESSAGES['title'])}</strong></p>"), button, result])
        box.score = on_click  # lets tests press the button without a browser
        box.result = result
        return box

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = dict(self.widget()._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = f"{MESSAGES['title']}: {self.name}"
        bundle["text/html"] = self._repr_html_()
        return bundle


def summary(name: str) -> SummaryView:
    """The score panel of a check (``diagnostic``, ``part-1`` … ``part-4``), shown after its questions."""
    default_bank()  # fail early, with the bank's message, if the bank cannot be read
    return SummaryView(name)
