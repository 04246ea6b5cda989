"""The live face of an exercise: an ipywidgets form that checks answers in Python and keeps them.

Each type draws its own answer area (``widget_inputs``); this module adds the prompt, buttons and
feedback. An answer is saved to the learner's progress file (``progress.py``) when it is
committed: checked, chosen, or typed and then paused (``static.SAVE_DELAY_MS``, the page's delay
too). Text boxes keep the kernel up to date as the learner types, so "Check" always checks what
the box shows (a value sent only when the box is left can reach the kernel after the click). A form
built again (the cell run again, the notebook reopened) starts from the saved answer.
"""

from __future__ import annotations

import threading
from html import escape

import ipywidgets as widgets
from traitlets import TraitError

from coursekit.exercises import progress
from coursekit.exercises.kinds import ExerciseBase, Result
from coursekit.exercises.messages import SHARED, fill
from coursekit.exercises.static import SAVE_DELAY_MS

_STYLE = {"correct": "#1a7f37", "incorrect": "#b35900", "invalid": "#8250df", "ungraded": "#0b4f8a"}
# ipywidgets keeps an option's text on one line, so a long option pushes its radio button or checkbox
# out of view: in the course's forms, long options wrap beside their button, which stays visible.
_CSS = (
    "<style>"
    ".cx-live .widget-radio-box{overflow:visible;flex-shrink:1;min-width:0}"
    ".cx-live .widget-radio-box label{white-space:normal;display:flex;align-items:baseline;gap:.4em;line-height:1.35;"
    "margin:.2em 0;height:auto}"
    ".cx-live .widget-radio-box input{flex:none;margin:0}"
    ".cx-live .widget-checkbox{height:auto;min-width:0;width:100%}"
    ".cx-live .widget-checkbox label{white-space:normal;display:flex;align-items:baseline;gap:.4em;line-height:1.35;"
    "height:auto;overflow:visible}"
    ".cx-live .widget-checkbox input{flex:none;margin:0}"
    ".cx-live .widget-label-basic{white-space:normal}"
    ".cx-live .widget-dropdown{flex-wrap:wrap;height:auto;width:100%}"
    ".cx-live .widget-dropdown>.widget-label{white-space:normal;max-width:100%;width:auto;flex:1 1 16em}"
    "</style>"
)


def _feedback_html(result: Result) -> str:
    colour = _STYLE[result.status]
    return f'<div role="status" style="color:{colour}">{escape(result.message)}</div>'


def build(ex: ExerciseBase) -> widgets.VBox:
    """A form with the prompt, an input suited to the type, Check and Hint buttons, and feedback."""
    source_chart = getattr(ex, "source_chart", None)
    chart = f"<p>{escape(fill(SHARED['from_chart'], chart=source_chart))}</p>" if source_chart else ""
    header = widgets.HTML(
        f"<p><small>{escape(fill(SHARED['kicker'], label=ex.LABEL))}</small></p><p><strong>{escape(ex.prompt)}</strong></p>{chart}"
        f"<p><em>{escape(ex.instructions())}</em></p>"
    )
    answer_box, fields, read, put = ex.widget_inputs()
    hint = getattr(ex, "hint", None)
    check = widgets.Button(description=ex.CHECK_LABEL, button_style="primary")
    hint_button = widgets.Button(description=SHARED["show_hint"])
    buttons = widgets.HBox([check, hint_button] if hint else [check])
    feedback = widgets.HTML("")
    saving = widgets.HTML("")
    revealed = "".join(f"<p><strong>{escape(title)}</strong></p><p style='white-space:pre-line'>{escape(text)}</p>"
                       for title, text in ex.notes())
    notes_box = widgets.HTML(revealed, layout=widgets.Layout(display="none"))
    last_status: dict[str, str] = {}

    def show(result: Result) -> None:
        feedback.value = _feedback_html(result)
        if result.status == "ungraded":
            notes_box.layout.display = None

    def save() -> None:
        response = read()
        record = None if progress.is_blank(response) else {"type": ex.type, "response": response, **last_status}
        problem = progress.save_answer(ex.id, record)
        if problem and not saving.value:
            saving.value = f"<div role='status'>{escape(problem)}</div>"

    def on_check(_button: widgets.Button | None) -> None:
        for timer in pending:
            timer.cancel()
        result = ex.check(read())
        show(result)
        last_status["status"] = result.status
        save()

    pending: list[threading.Timer] = []

    def save_later() -> None:
        """Typing is saved once it pauses, in one write, not at every keystroke."""
        for timer in pending:
            timer.cancel()
        pending[:] = [threading.Timer(SAVE_DELAY_MS / 1000, save)]
        pending[0].daemon = True
        pending[0].start()

    def flush() -> None:
        if pending and pending[0].is_alive():
            pending[0].cancel()
            save()

    def on_change(change: dict) -> None:
        last_status.clear()
        if isinstance(change.get("owner"), (widgets.Text, widgets.Textarea)):
            save_later()
        else:
            save()

    def on_hint(_button: widgets.Button) -> None:
        feedback.value = f"<div>{escape(fill(SHARED['hint'], hint=hint))}</div>"

    saved = progress.load_answers().get(ex.id)
    if isinstance(saved, dict) and saved.get("type") == ex.type and ex.response_problem(saved.get("response")) is None:
        try:
            put(saved.get("response"))
            if saved.get("status"):
                last_status["status"] = str(saved["status"])
                show(ex.check(read()))
        except (TraitError, TypeError, ValueError, KeyError):
            pass  # a saved answer that no longer fits the exercise is simply not restored
    for field in fields:
        field.observe(on_change, names="value")
    check.on_click(on_check)
    hint_button.on_click(on_hint)
    extra = [notes_box] if ex.notes() else []
    form = widgets.VBox([header, answer_box, buttons, feedback, *extra, saving, widgets.HTML(_CSS)])
    form.add_class("cx-live")
    form.check = on_check  # lets tests press "Check" without a browser
    form.read = read
    form.feedback = feedback
    form.notes = notes_box
    form.saving = saving
    form.flush = flush  # saves pending typing at once (tests; a notebook's kernel does it after the pause)
    return form
