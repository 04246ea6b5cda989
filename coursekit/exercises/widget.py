"""The live face of an exercise: an ipywidgets form that checks answers in Python."""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from coursekit.exercises.model import Exercise, Result
from coursekit.exercises.static import INSTRUCTIONS, TYPE_LABELS

_STYLE = {"correct": "#1a7f37", "incorrect": "#b35900", "invalid": "#8250df"}


def _feedback_html(result: Result) -> str:
    colour = _STYLE[result.status]
    return f'<div role="status" style="color:{colour}">{escape(result.message)}</div>'


def build(ex: Exercise) -> widgets.VBox:
    """A form with the prompt, an input suited to the type, Check and Hint buttons, and feedback."""
    header = widgets.HTML(
        f"<p><small>Exercise · {TYPE_LABELS[ex.type]}</small></p><p><strong>{escape(ex.prompt)}</strong></p>"
        f"<p><em>{escape(INSTRUCTIONS[ex.type])}</em></p>"
    )
    layout = widgets.Layout(width="auto")
    if ex.type == "single_choice":
        answer_box = widgets.RadioButtons(options=[(c.text, i) for i, c in enumerate(ex.choices)], value=None, layout=layout)
        read = lambda: answer_box.value  # noqa: E731
    elif ex.type == "multiple_choice":
        boxes = [widgets.Checkbox(value=False, description=c.text, indent=False, layout=layout) for c in ex.choices]
        answer_box = widgets.VBox(boxes)
        read = lambda: [i for i, b in enumerate(boxes) if b.value]  # noqa: E731
    else:
        answer_box = widgets.Text(placeholder="e.g. 3.5", description=f"Answer{f' ({ex.unit})' if ex.unit else ''}")
        read = lambda: answer_box.value  # noqa: E731
    check = widgets.Button(description="Check my answer", button_style="primary")
    hint_button = widgets.Button(description="Show a hint")
    feedback = widgets.HTML("")

    def on_check(_button: widgets.Button) -> None:
        feedback.value = _feedback_html(ex.check(read()))

    def on_hint(_button: widgets.Button) -> None:
        feedback.value = f"<div>Hint: {escape(ex.hint)}</div>"

    check.on_click(on_check)
    hint_button.on_click(on_hint)
    form = widgets.VBox([header, answer_box, widgets.HBox([check, hint_button]), feedback])
    form.check = on_check  # lets tests press "Check" without a browser
    form.read = read
    return form
