"""The shared part of the charts: the theme, the stable-id renderer, source lines and descriptions.

Importing this module registers and enables the ``coursekit`` Altair theme and the
``coursekit`` renderer. The renderer is Altair's own HTML output with one change: the
chart's element id comes from a hash of its spec, so re-running a notebook gives the
same bytes (strict nbval) and the book can draw it with its own vendored vega scripts.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import Counter
from typing import Any, Callable, TypeVar

import altair as alt
import pandas as pd
from altair.utils.mimebundle import spec_to_mimebundle

from coursekit import data

# Okabe & Ito's colour-blind-safe palette (Color Universal Design), darkest first.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# An ordered scale for agreement ratings: strong blue to pale grey, readable with text on top.
RATING_COLOURS = ["#0b4f8a", "#4f97cf", "#c9d3dd"]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}
STATUS_WORDS = {
    "verified": "verified (primary source, or two independent reports)",
    "secondary": "secondary source, not cross-checked",
    "blog-only": "reported by the blog only, not verified",
    "mixed": "mixed: each row's status is in the data page",
    "derived": "derived by the course from published figures",
    "simulated": "SIMULATED teaching data, not evidence",
}


@alt.theme.register("coursekit", enable=True)
def theme() -> alt.theme.ThemeConfig:
    """Readable type, left-aligned titles, a colour-blind-safe palette."""
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": 520, "continuousHeight": 300, "stroke": None},
            "title": {"anchor": "start", "fontSize": 16, "subtitleFontSize": 12, "subtitleColor": "#444444", "offset": 12},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": "#222222", "titleColor": "#222222"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
            "range": {"category": PALETTE},
        }
    }


# Every chart's element id starts with this; HTML_MARKER finds a chart in a page (coursekit.book uses it).
CHART_ID_PREFIX = "altair-viz-"
HTML_MARKER = f'id="{CHART_ID_PREFIX}'

_seen: Counter[str] = Counter()


def _stable_div(spec: dict[str, Any]) -> str:
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    _seen[digest] += 1
    suffix = f"-{_seen[digest]}" if _seen[digest] > 1 else ""
    return f"{CHART_ID_PREFIX}{digest}{suffix}"


_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class ScriptSafeJSON(json.JSONEncoder):
    """JSON that cannot end or break the ``<script>`` it sits in: ``<``, ``>`` and ``&`` become \\u escapes.

    Outside strings JSON has none of these characters, so the text parses back to the same value;
    with ``ensure_ascii`` (the default) U+2028 and U+2029 are escaped too.
    """

    def encode(self, o: Any) -> str:
        return super().encode(o).translate(_SCRIPT_SAFE)


def render(spec: dict[str, Any], **metadata: Any) -> dict[str, str]:
    """Altair's universal HTML template with a content-derived element id and script-safe JSON."""
    return spec_to_mimebundle(  # type: ignore[return-value]
        spec,
        format="html",
        mode="vega-lite",
        vega_version=alt.VEGA_VERSION,
        vegalite_version=alt.VEGALITE_VERSION,
        vegaembed_version=alt.VEGAEMBED_VERSION,
        template="universal",
        output_div=_stable_div(spec),
        embed_options=EMBED_OPTIONS,
        json_kwds={"cls": ScriptSafeJSON},
        **metadata,
    )


alt.renderers.register("coursekit", render)
alt.renderers.enable("coursekit")


ChartFunction = TypeVar("ChartFunction", bound=Callable[..., Any])


def table_of(frame: pd.DataFrame) -> str:
    """The name of the data-package table a frame was loaded from (``data.load`` records it)."""
    name = frame.attrs.get(data.TABLE_ATTR)
    if not isinstance(name, str):
        raise TypeError(
            "This frame does not say which table it comes from: pass a table from coursekit.data.load(name), "
            "filtered or sorted if you like, not a frame built by hand or read from a CSV."
        )
    return name


def draws(table: str) -> Callable[[ChartFunction], ChartFunction]:
    """Declare the table a chart function draws; the call checks that its frame is that table from ``data.load``."""

    def declare(function: ChartFunction) -> ChartFunction:
        @functools.wraps(function)
        def checked(frame: pd.DataFrame, *args: Any, **kwargs: Any) -> Any:
            given = table_of(frame)
            if given != table:
                raise ValueError(f"charts.{function.__name__} draws the table '{table}', not '{given}': "
                                 f"pass data.load({table!r}).")
            return function(frame, *args, **kwargs)

        checked.table = table  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return declare


def source_line(name: str) -> str:
    """'Source: …. Status: …' for the table, from the data package."""
    table = data.info(name)
    return f"Source: {table.short_source}. Status: {STATUS_WORDS[table.verification]}."


def quoted(text: str) -> str:
    """``text`` as a string literal for a Vega expression: JSON-escaped, so no quote or backslash can break it."""
    return json.dumps(text)


def label_expr(labels: dict[str, str]) -> str:
    """A ``labelExpr`` that shows each value's label (and any other value as it is)."""
    cases = "".join(f"datum.label == {quoted(value)} ? {quoted(label)} : " for value, label in labels.items())
    return f"{cases}datum.label"


def describe_shares(frame: pd.DataFrame, group: str, category: str, order: str) -> str:
    """A sentence per group listing each category's share: the chart's text for screen readers."""
    parts = []
    for name, rows in frame.sort_values(order).groupby(group, sort=False):
        shares = ", ".join(f"{row[category]} {row['pct']:g}%" for _, row in rows.iterrows())
        parts.append(f"{str(name).capitalize()}: {shares}.")
    return "Stacked bars. " + " ".join(parts)
