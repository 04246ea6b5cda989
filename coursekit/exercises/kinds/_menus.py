"""What ordering and categorising exercises share: one menu per item, shown in a fixed shuffled order.

The response lists each item's chosen value in the bank's order (``None`` for no choice yet).
"""

from __future__ import annotations

import hashlib
from html import escape


def shuffled(exercise_id: str, size: int) -> list[int]:
    """Indices 0..size-1 in a fixed order drawn from the id; never the identity when size > 1."""
    order = sorted(range(size), key=lambda i: hashlib.sha256(f"{exercise_id}:{i}".encode()).hexdigest())
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def menus_html(uid: str, css: str, legend: str, labels: list[str], order: list[int],
               options: list[tuple[str, str]], placeholder: str) -> str:
    """A fieldset with one labelled <select> per item, in ``order``; ``options`` are (value, text)."""
    choices = "".join(f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options)
    rows = [f'<fieldset class="cx-items {css}"><legend>{escape(legend)}</legend>']
    for i in order:
        rows.append(
            f'<div class="cx-item"><label for="{uid}-item-{i}">{escape(labels[i])}</label>'
            f'<select id="{uid}-item-{i}" name="{uid}-item-{i}" data-cx-item="{i}">'
            f'<option value="">{escape(placeholder)}</option>{choices}</select></div>'
        )
    rows.append("</fieldset>")
    return "\n".join(rows)


def menus_widget(labels: list[str], order: list[int], values: list[tuple[str, object]], placeholder: str):
    """The live form's menus: (box, widgets, read, put), as ``ExerciseBase.widget_inputs`` returns."""
    import ipywidgets as widgets

    options = [(placeholder, None), *values]
    menus = {i: widgets.Dropdown(options=options, value=None, description=labels[i],
                                 style={"description_width": "initial"}) for i in order}

    def put(response: object) -> None:
        for i, value in enumerate(response):  # type: ignore[arg-type]
            menus[i].value = value

    def read() -> list[object]:
        return [menus[i].value for i in range(len(labels))]

    return widgets.VBox(list(menus.values())), list(menus.values()), read, put
