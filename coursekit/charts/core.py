"""The shared part of the charts: the theme, the stable-id renderer, source lines and descriptions.

Importing this module registers and enables the ``coursekit`` Altair theme and the
``coursekit`` renderer. The renderer is Altair's own HTML output with one change: the
chart's element id comes from a hash of its spec, so re-running a notebook gives the
same bytes (strict nbval) and the book can draw it with its own vendored vega scripts.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any, Callable, TypeVar

import altair as alt
import pandas as pd

from coursekit import data, i18n

# Okabe & Ito's colour-blind-safe palette (Color Universal Design), darkest first.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# An ordered scale for agreement ratings: strong blue to pale grey, readable with text on top.
RATING_COLOURS = ["#0b4f8a", "#4f97cf", "#c9d3dd"]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
TITLE_SIZE, SUBTITLE_SIZE, LABEL_SIZE = 16, 12, 12
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
            "title": {"anchor": "start", "frame": "bounds", "fontSize": TITLE_SIZE, "subtitleFontSize": SUBTITLE_SIZE,
                      "subtitleColor": "#444444", "offset": 12},
            "axis": {"labelFontSize": LABEL_SIZE, "titleFontSize": 12, "labelColor": "#222222", "titleColor": "#222222"},
            "legend": {"labelFontSize": LABEL_SIZE, "titleFontSize": 12, "orient": "bottom"},
            "range": {"category": PALETTE},
        }
    }


# Fitting the column ------------------------------------------------------------------------------
# A chart function draws at a design width; the renderer's finishing step (``fit``) makes every chart as
# wide as its column instead, with Vega-Lite's own means: ``width="container"`` and ``fit-x`` autosize,
# titles and long labels wrapped to the width they have, label limits and legend columns that follow it.
# Heights stay as designed: a step height (``alt.Step``) becomes the same height in pixels (Vega-Lite
# cannot fit the width of a chart whose height is counted in steps without a warning).
WIDTH_PARAM = "chart_width"  # the container's width in pixels, a signal of every fitted chart
CHAR_EM = 0.6  # a generous average character width, in ems: wrapped lines never run past their room
LABEL_SHARE = 0.4  # long axis labels and legend labels get at most this share of the chart's width
DISCRETE_ROW = 40  # pixels per row of a discrete y axis that has no height of its own
NARROW = 600  # below this width (pixels), legends stack their entries in one column
# The width a chart takes where its container has none (a static image, a page with no layout yet).
DEFAULT_WIDTH = 600
_COMPOSED = ("vconcat", "hconcat", "concat", "facet", "repeat")
_LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "size", "opacity", "fillOpacity", "strokeOpacity", "strokeDash", "strokeWidth")


def wrap_expr(text: str, width: str, font_size: float) -> str:
    """A Vega expression: the string ``text`` (an expression) as an array of lines that fit ``width`` pixels."""
    return f"split({_wrapped(text, width, font_size)}, '\\n')"


# Where a wrapped line may break (a regular expression, as Vega reads it): at any space, except that French keeps its
# no-break spaces whole (40 %, Source : …), which JavaScript's \\s would break.
BREAKS = {"fr": "[^\\\\S\\\\u00a0\\\\u202f]"}


def _wrapped(text: str, width: str, font_size: float) -> str:
    """A Vega expression: the string ``text`` with a line break wherever a line would pass ``width`` pixels."""
    chars = f"max(12, floor(({width}) / {font_size * CHAR_EM:g}))"
    space = BREAKS.get(i18n.active(), "\\\\s")
    return (f"replace(replace(trim({text}), regexp('(.{{1,' + {chars} + '}})' + '({space}+|$)', 'g'), '$1\\n'), "
            f"regexp('\\\\n$'), '')")


AXIS_TITLE_CHARS = 34  # axis titles wrap at this many characters: about 250 px, room on a phone


def _lines(text: str, chars: int) -> str | list[str]:
    """``text`` wrapped in lines of at most ``chars`` characters (a word longer than that keeps its line)."""
    lines = textwrap.wrap(text, chars, break_long_words=False, break_on_hyphens=False)
    return lines[0] if len(lines) == 1 else lines


def _views(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """A spec and all its layers, at any depth."""
    found = [spec]
    for layer in spec.get("layer", []):
        found += _views(layer)
    return found


def _rows(spec: dict[str, Any], datasets: dict[str, list], data: Any = None) -> int:
    """How many rows a step height counts: the most values any discrete y encoding of the chart shows."""
    counts = []
    data = spec.get("data", data)
    y = spec.get("encoding", {}).get("y", {})
    if y.get("type") in ("nominal", "ordinal") and "field" in y:
        domain = y.get("scale", {}).get("domain")
        if isinstance(y.get("sort"), list):
            counts.append(len(y["sort"]))
        elif isinstance(domain, list):
            counts.append(len(domain))
        elif isinstance(data, dict) and data.get("name") in datasets and not any("filter" in t for t in spec.get("transform", [])):
            counts.append(len({str(row.get(y["field"])) for row in datasets[data["name"]]}))
    counts += [_rows(layer, datasets, data) for layer in spec.get("layer", [])]
    return max(counts, default=0)


def _fit_labels(guide: dict[str, Any], room: str) -> None:
    """Wrap a guide's labels to ``room`` pixels (a Vega expression) and limit them to it."""
    guide["labelLimit"] = {"expr": room}
    text = guide.get("labelExpr", "datum.label")
    if "split(" not in text:  # labels already laid out in lines keep their lines
        guide["labelExpr"] = wrap_expr(f"({text})", room, guide.get("labelFontSize", LABEL_SIZE))


def _fit_title(title: Any) -> Any:
    if isinstance(title, (str, list)):
        title = {"text": title}
    room = f"{WIDTH_PARAM} - 10"
    for key, size in (("text", TITLE_SIZE), ("subtitle", SUBTITLE_SIZE)):
        text = title.get(key)
        if isinstance(text, (str, list)) and text:
            whole = " ".join(text) if isinstance(text, list) else text
            wrapped = wrap_expr(json.dumps(whole), room, title.get("fontSize" if key == "text" else "subtitleFontSize", size))
            # Vega-Lite passes a subtitle's signal on to Vega as it is (its schema has no expression there).
            title[key] = {"expr": wrapped} if key == "text" else {"signal": wrapped}
    return title


SUMMARY_KEY = "coursekit_summary"  # usermeta: lines (Vega expressions) written under a chart's x-axis title
SUMMARY_SHARE = 0.55  # the share of the chart's width those lines wrap to (the plot's room beside the y axis)


def summary(*lines: str) -> dict[str, Any]:
    """A chart's ``usermeta``: fixed lines of text written under its x axis's title (see ``_fit_summary``)."""
    return {SUMMARY_KEY: [json.dumps(line) for line in lines]}


def _fit_summary(spec: dict[str, Any], views: list[dict[str, Any]]) -> None:
    """Lines computed from a chart's sliders, written under its x-axis title and wrapped to the width.

    They belong to the axis's title so that Vega counts them when it fits the chart (it does not count marks),
    and they wrap to the container's width, known before the layout, so the layout is done once.
    """
    lines = spec.get("usermeta", {}).pop(SUMMARY_KEY, None)
    if not spec.get("usermeta"):
        spec.pop("usermeta", None)
    if not lines:
        return
    room = f"{WIDTH_PARAM} * {SUMMARY_SHARE}"
    for view in views:
        x = view.get("encoding", {}).get("x")
        if not isinstance(x, dict) or not isinstance(x.get("title"), (str, list)):
            continue
        title = x["title"] if isinstance(x["title"], list) else [x["title"]]
        parts = [json.dumps("\n".join(title + [""]))] + [_wrapped(f"({line})", room, LABEL_SIZE) for line in lines]
        joined = " + '\\n' + ".join(parts)
        x["title"] = {"signal": f"split({joined}, '\\n')"}
        axis = x.setdefault("axis", {}) if x.get("axis", {}) is not None else {}
        axis.update({"titleFontWeight": "normal", "titleAnchor": "start", "titleAlign": "left"})


TEXT_CHARS = 16  # text marks placed beside the data wrap at this many characters


def _fit_text_marks(spec: dict[str, Any], views: list[dict[str, Any]]) -> None:
    """Text marks beside the data wrap in short lines, and the chart keeps room for them on its right.

    Vega fits a chart's axes, legends and title to its width, not its marks: a label written to the right
    of a bar or a line would run off the chart's right edge.
    """
    room = 0
    datasets = spec.get("datasets", {})
    for view in views:
        mark = view.get("mark")
        mark = {"type": mark} if isinstance(mark, str) else mark
        if not isinstance(mark, dict) or mark.get("type") != "text":
            continue
        encoding = view.get("encoding", {})
        text = encoding.get("text", {})
        size = mark.get("fontSize", 11)
        if isinstance(text, dict) and "field" in text and text.get("type", "nominal") == "nominal" and "format" not in text:
            wrapped = f"{text['field']}__lines"
            view.setdefault("transform", []).append(
                {"calculate": wrap_expr(f"'' + datum[{json.dumps(text['field'])}]", f"{TEXT_CHARS * size * CHAR_EM:g}", size)
                              .replace("max(12, ", "max(1, "), "as": wrapped})
            encoding["text"] = {"field": wrapped, "type": "nominal"}
        x = encoding.get("x", {})
        placed_by_data = isinstance(x, dict) and x.get("type") in ("quantitative", "temporal") or "x" not in encoding
        dx = mark.get("dx", 0) if isinstance(mark.get("dx", 0), (int, float)) else 0
        if placed_by_data and mark.get("align") == "left":  # Vega-Lite centres text by default
            chars = TEXT_CHARS
            rows = datasets.get((view.get("data") or spec.get("data") or {}).get("name"), [])
            if isinstance(text, dict) and text.get("field", "").endswith("__lines") and rows:
                field = text["field"][: -len("__lines")]
                if all(field in row for row in rows):
                    chars = min(TEXT_CHARS, max(len(str(row[field])) for row in rows))
            room = max(room, chars * size * CHAR_EM + max(0, dx))
        if isinstance(x, dict) and isinstance(x.get("value"), (int, float)):  # a note at a fixed place stays inside
            x["value"] = {"expr": "width" if mark.get("align") == "right" else f"min({x['value']}, width)"}
    if room:
        padding = spec.get("padding", 5)
        padding = padding if isinstance(padding, dict) else {side: padding for side in ("top", "bottom", "left", "right")}
        padding["right"] = max(padding.get("right", 5), round(room))
        spec["padding"] = padding


def fit(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec made as wide as its container, its titles and long labels wrapped to the width they have.

    A composed chart (concat, facet, repeat) is returned as it is: Vega-Lite cannot fit it to its container.
    """
    if any(key in spec for key in _COMPOSED):
        return spec  # Vega-Lite fits only one view or layers to the width of the page; the rest keep their width
    spec = json.loads(json.dumps(spec))  # a deep copy
    views = _views(spec)
    for view in views[1:]:
        view.pop("width", None)
    spec["width"] = "container"
    spec["autosize"] = {"type": "fit-x", "contains": "padding", "resize": True}  # re-laid out as titles wrap
    if isinstance(spec.get("height"), dict) and "step" in spec["height"]:
        rows = _rows(spec, spec.get("datasets", {}))
        if not rows:
            raise ValueError("A chart with a step height needs a discrete y encoding whose values can be counted "
                             "(a sort list, a scale domain, or a field of unfiltered data).")
        spec["height"] = rows * spec["height"]["step"]
    elif "height" not in spec and any(view.get("encoding", {}).get("y", {}).get("type") in ("nominal", "ordinal") for view in views):
        # A discrete y without a height: rows tall enough for labels wrapped in two or three lines on a phone.
        rows = _rows(spec, spec.get("datasets", {}))
        spec["height"] = max(rows, 1) * DISCRETE_ROW
    spec.setdefault("params", []).append(
        {"name": WIDTH_PARAM, "expr": f"isFinite(width) && containerSize()[0] > 0 ? containerSize()[0] : {DEFAULT_WIDTH}"})
    # Several legends below a chart stack, each starting at the left edge.
    spec.setdefault("config", {}).setdefault("legend", {})["layout"] = {"expr": "{bottom: {direction: 'vertical', anchor: 'start'}}"}
    room = f"min(%s, max(90, round({WIDTH_PARAM} * {LABEL_SHARE})))"
    stacked = {definition.get("field") for view in views for definition in view.get("encoding", {}).values()
               if isinstance(definition, dict) and isinstance(definition.get("legend"), dict) and "columns" in definition["legend"]}
    for view in views:
        if "title" in view and view is spec:
            spec["title"] = _fit_title(spec["title"])
        mark = view.get("mark")
        encoding = view.get("encoding", {})
        x = encoding.get("x", {})
        if isinstance(mark, dict) and mark.get("type") == "bar" and x.get("type") in ("nominal", "ordinal"):
            for key in ("width", "size"):  # a fixed bar width never wider than its band
                if isinstance(mark.get(key), (int, float)):
                    mark[key] = {"expr": f"min({mark[key]}, bandwidth('x') * 0.8)"}
        for channel, length in (("x", "width"), ("y", "height")):
            definition = encoding.get(channel, {})
            axis = definition.get("axis")
            for holder in (definition, axis if isinstance(axis, dict) else {}):  # axis titles wrap along their axis
                if isinstance(holder.get("title"), (str, list)) and holder["title"]:
                    whole = " ".join(holder["title"]) if isinstance(holder["title"], list) else holder["title"]
                    # Wrapped once, here: a title that followed the width would change the axis's bounds after
                    # Vega has laid the chart out, and its second line would spill onto the legend below.
                    holder["title"] = _lines(whole, AXIS_TITLE_CHARS)
            if (channel == "x" and definition.get("type") in ("nominal", "ordinal") and isinstance(axis, dict)
                    and axis.get("labelAngle") == 0 and "labelExpr" not in axis):  # level labels: a word a line on a phone
                axis["labelExpr"] = f"{WIDTH_PARAM} < {NARROW} ? split(datum.label, ' ') : datum.label"
            if channel == "x" and definition.get("type") == "temporal" and axis is not None:  # end labels stay inside
                definition.setdefault("axis", {}).setdefault("labelFlush", True)
                axis = definition["axis"]
            if isinstance(axis, dict) and isinstance(axis.get("labelLimit"), (int, float)):
                _fit_labels(axis, room % (axis["labelLimit"] or 10_000))
        for channel in _LEGEND_CHANNELS:
            definition = encoding.get(channel)
            if not isinstance(definition, dict) or "field" not in definition or definition.get("legend", {}) is None:
                continue
            legend = definition.setdefault("legend", {})
            # Every legend's labels wrap to the room a stacked legend has (the width less its symbol and title).
            _fit_labels(legend, room.replace(f"* {LABEL_SHARE}", "- 200") % 400)  # one limit: layers agree
            if definition["field"] not in stacked and legend.get("direction") != "vertical":
                legend["columns"] = {"expr": f"{WIDTH_PARAM} < {NARROW} ? 1 : 0"}
    _fit_text_marks(spec, views)
    _fit_summary(spec, views)
    return spec


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


def _script_json(value: Any) -> str:
    return json.dumps(value, cls=ScriptSafeJSON, sort_keys=True)


# The stored image ---------------------------------------------------------------------------------
# Every chart output carries a static SVG of the chart, drawn by vl-convert when the cell runs, as an
# <img> inside the chart's box with the chart's description as its alternative text. JupyterLab (before
# a notebook is run, when it strips scripts), GitHub, nbviewer and nbconvert's HTML show it; where scripts
# run, the live chart replaces it once drawn. vl-convert measures text with the fonts it carries (the same
# image on any machine: strict nbval compares it); the faces below share Arial's metrics, so labels measured
# then fit where the image is shown.
IMAGE_FONT = "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif"
IMAGE_CLASS = "coursekit-chart-image"
CHART_CLASS = "coursekit-chart"
# The chart's box fills its column (Vega-Lite's width="container" follows it) and stacks the chart over its
# sliders; inline, because JupyterLab, GitHub and nbviewer show the output without the book's style sheets.
CHART_STYLE = "width: 100%; display: flex; flex-direction: column; align-items: flex-start;"
# The script every chart page (and the Jupyter server extension, coursekit.server) serves: it loads vega
# when a chart needs it and draws every chart queued in window.coursekitCharts.
SCRIPT_DIR = Path(__file__).with_name("assets")
LOADER = "charts.js"
# A reader's scroll through a page, for tools that drive a browser (the PDF edition, the tests): each chart
# in turn is brought into view long enough for the book's loader to notice it, then the page returns to its top.
SCROLL_THROUGH_CHARTS = f"""async () => {{
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (const chart of document.querySelectorAll(".{CHART_CLASS}")) {{ chart.scrollIntoView({{block: "center"}}); await frame(); }}
  window.scrollTo(0, 0);
}}"""


def fallback_note() -> str:
    """Shown under the stored image when the live chart cannot be drawn (a Jupyter without the course's server
    extension, or vega missing); the image stays."""
    return tr("chart:fallback", "This is the chart's stored image: the live chart could not be drawn here. Install the "
              "course (python -m pip install -r requirements.txt) and restart Jupyter to draw it live, with no network.")


def vegalite_version() -> str:
    """The Vega-Lite version vl-convert draws with: Altair's, as major.minor."""
    return ".".join(alt.VEGALITE_VERSION.split(".")[:2])


def static_svg(spec: dict[str, Any]) -> str | None:
    """The fitted chart drawn as SVG at ``DEFAULT_WIDTH`` by vl-convert; None where vl-convert is not installed."""
    try:
        import vl_convert
    except ImportError:  # a learner's own environment without it: the live chart still draws
        return None
    spec = json.loads(json.dumps(spec))
    if spec.get("width") == "container":
        spec["width"] = DEFAULT_WIDTH
    spec.setdefault("config", {})["font"] = IMAGE_FONT
    return vl_convert.vegalite_to_svg(spec, vl_version=vegalite_version())


def image_html(svg: str, description: str) -> str:
    """An <img> of the SVG, as a data: URL (kept by JupyterLab's sanitiser, GitHub and nbconvert), scaled to its box."""
    width, height = (re.search(f' {name}="([0-9.]+)"', svg[:400]).group(1) for name in ("width", "height"))  # type: ignore[union-attr]
    source = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (f'<img class="{IMAGE_CLASS}" src="data:image/svg+xml;base64,{source}" alt="{html.escape(description)}" '
            f'width="{width}" height="{height}" style="max-width: 100%; height: auto;">')


# The inline script of every chart output: queue the chart for the page's loader; inside Jupyter (which has
# no loader of its own) also fetch the loader from the course's server extension, once per page. Nothing
# random, nothing from another host: re-running a cell gives the same bytes.
_QUEUE = """(function (chart) {
  chart.element = document.currentScript.previousElementSibling;
  var charts = window.coursekitCharts = window.coursekitCharts || [];
  charts.push(chart);
  var config = document.getElementById("jupyter-config-data");
  if (charts.loader || !config) return;
  var script = charts.loader = document.createElement("script");
  script.src = (JSON.parse(config.textContent).baseUrl || "/") + "coursekit/%(loader)s";
  script.dataset.vega = "vega.js";
  script.onerror = function () {
    charts.splice(0).forEach(function (queued) {
      var note = document.createElement("p");
      note.textContent = queued.fallback;
      queued.element.appendChild(note);
    });
  };
  document.head.appendChild(script);
})(%(chart)s);"""


def render(spec: dict[str, Any], **metadata: Any) -> dict[str, str]:
    """The chart fitted to its container (``fit``) with a content-derived element id: its stored SVG image,
    and a script that hands it to the course's loader (``assets/charts.js``) to be drawn live."""
    spec = fit(spec)
    numbers = NUMBER_LOCALES.get(i18n.active())
    if numbers:  # Vega's own numbers (axes, format() in expressions) in the language's form; English keeps Vega's
        spec.setdefault("config", {})["locale"] = {"number": numbers}
    element = _stable_div(spec)
    svg = static_svg(spec)
    image = image_html(svg, spec.get("description", "")) if svg else ""
    chart = {"spec": spec, "options": EMBED_OPTIONS, "fallback": fallback_note()}
    script = _QUEUE % {"loader": LOADER, "chart": _script_json(chart)}
    return {"text/html": f'<div id="{element}" class="{CHART_CLASS}" style="{CHART_STYLE}">{image}</div>\n<script type="text/javascript">\n{script}\n</script>'}


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
    return tr("source_line", "Source: {source}. Status: {status}.", source=short_source(name),
              status=status_word(data.info(name).verification))


def short_source(name: str) -> str:
    """The table's short source (``datapackage.json``) in the active language: its publications' names stay as they are."""
    return label(name, "short_source", data.info(name).short_source)


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
        shares = ", ".join(f"{row[category]} {percent(row['pct'])}" for _, row in rows.iterrows())
        parts.append(tr("describe_shares", "{group}: {shares}.", group=str(name).capitalize(), shares=shares))
    return tr("describe_shares", "Stacked bars. {groups}", groups=" ".join(parts))


# The charts' words in the active language ----------------------------------------------------------
# A chart function writes each fixed text as an English template with named slots, through ``tr`` with a
# context naming the function (or ``table:column`` for the category labels it draws from a table). In French
# (``i18n.use("fr")``) the template comes from ``locales/fr/LC_MESSAGES/charts.po`` (``i18n.charts_template``
# extracts it); a text with no finished translation stays English. Numbers written into text go through
# ``number`` and ``percent``; Vega's own numbers follow ``NUMBER_LOCALES`` (set by ``render``).
# d3-format locales, by language; English keeps Vega's default (1,234.5), so its output does not change.
NUMBER_LOCALES = {"fr": {"decimal": ",", "thousands": "\u202f", "grouping": [3], "currency": ["", "\u00a0€"]}}
PERCENT_SPACE = {"fr": "\u202f"}  # between a number and its % sign: French writes 47 % (narrow no-break space)
_recorded: list[tuple[str, str]] | None = None  # (context, template) of every tr call, while i18n extracts them


@functools.lru_cache(maxsize=4)
def _catalogue(language: str, stamp: int) -> dict[tuple[str, str], str]:
    path = i18n.charts_catalogue_path(language)
    return i18n.finished_by_context(i18n.read(path, i18n.CHARTS_CATALOGUE)) if stamp else {}


def _words(language: str) -> dict[tuple[str, str], str]:
    """(context, English template) -> template in the language, read again when its catalogue changes."""
    path = i18n.charts_catalogue_path(language)
    return _catalogue(language, path.stat().st_mtime_ns if path.is_file() else 0)


def tr(context: str, text: str, **slots: Any) -> str:
    """The chart text ``text`` (an English template) in the active language, its ``{slots}`` filled."""
    if _recorded is not None:
        _recorded.append((context, text))
    language = i18n.active()
    if language != i18n.SOURCE_LANGUAGE:
        text = _words(language).get((context, text), text)
    return text.format(**slots) if slots else text


def label(table: str, column: str, value: Any) -> Any:
    """A category label drawn from a table (context ``table:column``) in the active language; other values as they are.

    A label with no letter (``1,000-5,000``) is not in the catalogue: its figures are written in the language's form."""
    if not isinstance(value, str) or not value:
        return value
    if not i18n.LETTER.search(value):
        return _figures(value)
    return tr(f"{table}:{column}", value)


def labelled(frame: pd.DataFrame, table: str, *columns: str) -> pd.DataFrame:
    """The frame with the labels of these columns in the active language (sorts and colour domains follow them)."""
    return frame.assign(**{column: frame[column].map(lambda value, c=column: label(table, c, value)) for column in columns})


def _figures(text: str) -> str:
    """Figures written in English (1,234.5) in the active language's form (1 234,5 in French)."""
    marks = NUMBER_LOCALES.get(i18n.active())
    return text.translate(str.maketrans({",": marks["thousands"], ".": marks["decimal"]})) if marks else text


def number(value: float, spec: str = "g") -> str:
    """``value`` formatted by a Python format spec ("g", ".1f", ",") in the active language's form: 1 234,5 in French."""
    return _figures(format(value, spec))


def percent(value: float, spec: str = "g") -> str:
    """``value`` with its % sign, as the active language writes it: 47.5% in English, 47,5 % in French."""
    return number(value, spec) + PERCENT_SPACE.get(i18n.active(), "") + "%"


# Tables of words the charts pick from by key, by their context in the catalogue (a module adds its own).
WORD_TABLES: dict[str, dict[str, str]] = {"status": STATUS_WORDS}


def word(table: str, key: str) -> str:
    """The word ``key`` of the table of words ``table`` (``WORD_TABLES``), in the active language."""
    return tr(table, WORD_TABLES[table][key])


LIST_SEPARATORS = {"fr": " ; "}  # between the items of a list in a sentence: French sets a space before the semicolon


def semicolons(items: Any) -> str:
    """The items (texts) as one list in a sentence, separated by semicolons as the active language writes them."""
    return LIST_SEPARATORS.get(i18n.active(), "; ").join(items)


def status_word(verification: str) -> str:
    """A table's or a row's verification status in words, in the active language."""
    return word("status", verification)


def expr_text(context: str, text: str, **expressions: str) -> str:
    """A Vega expression writing the template ``text`` in the active language, each slot filled by an expression.

    Literal pieces are single-quoted JavaScript strings joined by ``+`` (a line break written as ``\\n``), so
    numbers the expression formats with ``format()`` follow the spec's number locale.
    """
    if _recorded is not None:
        _recorded.append((context, text))
    language = i18n.active()
    if language != i18n.SOURCE_LANGUAGE:
        text = _words(language).get((context, text), text)
    parts = []
    for n, piece in enumerate(re.split(r"\{([a-z_]+)\}", text)):
        if n % 2:
            parts.append(expressions[piece])
        elif piece:
            parts.append("'" + piece.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'")
    return " + ".join(parts)
