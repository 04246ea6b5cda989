"""The live face of an exercise: an ipywidgets form that checks answers in Python and keeps them.

Every answer is saved to the learner's progress file as it changes (``progress.py``), and a
form built again (the cell run again, the notebook reopened) starts from the saved answer.
"""

from __future__ import annotations

from html import escape
from typing import Callable

import ipywidgets as widgets
from traitlets import TraitError

from coursekit.exercises import progress
from coursekit.exercises.model import Exercise, Result
from coursekit.exercises.static import CHECK_LABEL, PLACEHOLDER, TYPE_LABELS, instructions, notes, options

_STYLE = {"correct": "#1a7f37", "incorrect": "#b35900", "invalid": "#8250df", "ungraded": "#0b4f8a"}
_WIDE = {"description_width": "initial"}


def _feedback_html(result: Result) -> str:
    colour = _STYLE[result.status]
    return f'<div role="status" style="color:{colour}">{escape(result.message)}</div>'


def _inputs(ex: Exercise) -> tuple[widgets.Widget, list[widgets.Widget], Callable[[], object], Callable[[object], None]]:
    """The answer area, the widgets whose value is the answer, and how to read and restore it."""
    layout = widgets.Layout(width="auto")
    if ex.type == "single_choice":
        radio = widgets.RadioButtons(options=[(c.text, i) for i, c in enumerate(ex.choices)], value=None, layout=layout)

        def put_choice(response: object) -> None:
            radio.value = response

        return radio, [radio], lambda: radio.value, put_choice
    if ex.type == "multiple_choice":
        boxes = [widgets.Checkbox(value=False, description=c.text, indent=False, layout=layout) for c in ex.choices]

        def put_choices(response: object) -> None:
            for i, box in enumerate(boxes):
                box.value = i in response  # type: ignore[operator]

        return widgets.VBox(boxes), boxes, lambda: [i for i, b in enumerate(boxes) if b.value], put_choices
    if ex.type in ("numeric", "reflection"):
        if ex.type == "numeric":
            text = widgets.Text(placeholder="e.g. 3.5", description=f"Answer{f' ({ex.unit})' if ex.unit else ''}")
        else:
            text = widgets.Textarea(placeholder="Write your answer here.", description="Your answer", style=_WIDE,
                                    layout=widgets.Layout(width="100%", height="9em"))

        def put_text(response: object) -> None:
            text.value = response  # type: ignore[assignment]

        return text, [text], lambda: text.value, put_text
    values = [(PLACEHOLDER[ex.type], None)] + [(label, int(value)) for value, label in options(ex)]
    menus = {i: widgets.Dropdown(options=values, value=None, description=ex.items[i].text, style=_WIDE) for i in ex.display_order()}

    def put_menus(response: object) -> None:
        for i, value in enumerate(response):  # type: ignore[arg-type]
            menus[i].value = value

    return widgets.VBox(list(menus.values())), list(menus.values()), lambda: [menus[i].value for i in range(len(ex.items))], put_menus


def build(ex: Exercise) -> widgets.VBox:
    """A form with the prompt, an input suited to the type, Check and Hint buttons, and feedback."""
    chart = f"<p>From the chart: {escape(ex.source_chart)}</p>" if ex.source_chart else ""
    header = widgets.HTML(
        f"<p><small>Exercise · {TYPE_LABELS[ex.type]}</small></p><p><strong>{escape(ex.prompt)}</strong></p>{chart}"
        f"<p><em>{escape(instructions(ex))}</em></p>"
    )
    answer_box, fields, read, put = _inputs(ex)
    check = widgets.Button(description=CHECK_LABEL.get(ex.type, "Check my answer"), button_style="primary")
    hint_button = widgets.Button(description="Show a hint")
    buttons = widgets.HBox([check, hint_button] if ex.hint else [check])
    feedback = widgets.HTML("")
    saving = widgets.HTML("")
    revealed = "".join(f"<p><strong>{title}</strong></p><p style='white-space:pre-line'>{escape(text)}</p>" for title, text in notes(ex))
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
        result = ex.check(read())
        show(result)
        last_status["status"] = result.status
        save()

    def on_change(_change: dict) -> None:
        last_status.clear()
        save()

    def on_hint(_button: widgets.Button) -> None:
        feedback.value = f"<div>Hint: {escape(ex.hint)}</div>"

    saved = progress.load_answers().get(ex.id)
    if isinstance(saved, dict) and saved.get("type") == ex.type:
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
    extra = [notes_box] if ex.type == "reflection" else []
    form = widgets.VBox([header, answer_box, buttons, feedback, *extra, saving])
    form.check = on_check  # lets tests press "Check" without a browser
    form.read = read
    form.feedback = feedback
    form.notes = notes_box
    form.saving = saving
    return form
