"""The learner's name and the whole-course answers file, in the book and in Jupyter.

``learner.panel()`` in a notebook cell shows the "my answers" panel. In the book, the page script
fills it: the name or id a learner gives once (kept in the browser, editable, optional) and one
button that downloads every answer the browser keeps for the course. In Jupyter, the live face
keeps the name in the progress file and saves a copy of that file, named after the learner, in the
notebook's folder, where JupyterLab's file browser can download it. Both files are answers files
(``progress.FORMAT``, version 3), so ``coursekit.gradebook`` and ``coursekit.exercises.score`` read both.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from coursekit.exercises import progress
from coursekit.exercises.messages import LIVE, PAGE, SHARED, fill, plural
from coursekit.exercises.static import FILE_SLUG, LEARNER_PANEL


def file_name(learner: str) -> str:
    """The whole-course file's name: ``answers-course-<learner>.json`` (the page makes the same)."""
    slug = re.sub(FILE_SLUG, "-", learner).strip("-")
    return PAGE["course_file_name"] + (f"-{slug}" if slug else "") + ".json"


def export(folder: Path, source: Path | None = None) -> Path:
    """Copy the progress file's answers, with its learner, to ``folder``; returns the file written."""
    source = source or progress.progress_file()
    learner = progress.load_learner(source)
    answers = progress.load_answers(source)
    target = folder / file_name(learner)
    text = json.dumps(progress.document(answers, learner), ensure_ascii=False, indent=1, sort_keys=True)
    progress.write_atomically(target, text + "\n")
    return target


def panel_html() -> str:
    """The book's face: a frame the page script fills (until then, a note on where it works)."""
    return (f'<div class="{LEARNER_PANEL}" role="group" aria-label="{escape(PAGE["course_title"])}">'
            f'<p class="cx-offline-note">{escape(PAGE["panel_offline"])}</p></div>')


class PanelView:
    """The panel ready to display in a notebook (live widget + the book's frame)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path.cwd()
        self._widget = None

    @property
    def widget(self):
        if self._widget is None:
            self._widget = _build(self.folder)
        return self._widget

    def __repr__(self) -> str:
        return PAGE["course_title"]

    def _repr_html_(self) -> str:
        return panel_html()

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = repr(self)
        bundle["text/html"] = panel_html()
        return bundle


def panel(folder: Path | None = None) -> PanelView:
    """The "my answers" panel: the learner's name and all their answers in one file."""
    return PanelView(folder)


def _build(folder: Path):
    import ipywidgets as widgets

    path = progress.progress_file()
    title = widgets.HTML(f"<p><strong>{escape(PAGE['course_title'])}</strong></p>")
    count = widgets.HTML()
    name = widgets.Text(value=progress.load_learner(), description=SHARED["learner_label"], continuous_update=False,
                        style={"description_width": "initial"}, layout=widgets.Layout(width="100%"))
    help_text = widgets.HTML(f"<p><em>{escape(SHARED['learner_help'])}</em></p>")
    save = widgets.Button(description=LIVE["export"], button_style="primary", layout=widgets.Layout(width="auto"))
    status = widgets.HTML()

    def show_count() -> None:
        answers = progress.load_answers()
        count.value = f"<p>{escape(plural(LIVE['progress_count'], len(answers), path=path))}</p>"

    def on_name(change: dict) -> None:
        problem = progress.save_learner(change["new"])
        learner = progress.load_learner()
        if problem:
            status.value = f"<div role='status'>{escape(problem)}</div>"
        else:
            message = fill(SHARED["learner_saved"], learner=learner) if learner else SHARED["learner_cleared"]
            status.value = f"<div role='status'>{escape(message)}</div>"

    def on_save(_button) -> None:
        target = folder / file_name(progress.load_learner())
        try:
            written = export(folder)
        except OSError as err:
            message = fill(LIVE["not_exported"], name=target.name, reason=err.strerror or err)
        else:
            message = fill(LIVE["exported"], name=written.name, folder=folder)
        show_count()
        status.value = f"<div role='status'>{escape(message)}</div>"

    show_count()
    name.observe(on_name, names="value")
    save.on_click(on_save)
    box = widgets.VBox([title, count, name, help_text, save, status])
    box.add_class("cx-live")
    box.save = on_save  # lets tests press the button without a browser
    box.name = name
    box.status = status
    return box
