"""Charts: every chart function draws its table with a title, a source line with status and a description;
output is stable and cannot break out of its script; labels cannot break a Vega expression."""

from __future__ import annotations

import base64
import html as html_module
import inspect
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import altair as alt
import pandas as pd
import pytest

from coursekit import charts, data
from coursekit.charts import contact, core, identity, motivation, roi
from helpers import ROOT

PART_MODULES = (motivation, contact, roi, identity)
HOSTILE = "</script><script>alert(1)</script> <!-- ]]> & 'quote' \"double\" back\\slash"


def _chart_functions() -> list:
    """Every public function defined in a part's chart module: a new chart is covered without editing this file."""
    return [
        function
        for module in PART_MODULES
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__ and not name.startswith("_")
    ]


CHART_FUNCTIONS = _chart_functions()


@pytest.fixture(autouse=True)
def fresh_ids(monkeypatch):
    """Each test starts with no chart displayed yet, whatever ran before it (ids count repeated displays)."""
    monkeypatch.setattr(core, "_seen", type(core._seen)())


def _embedded_chart(html: str) -> dict:
    """The chart as the page's script reads it: the JSON argument of the output's queueing function."""
    start = html.rindex("})(") + len("})(")
    chart, _ = json.JSONDecoder().raw_decode(html, start)
    return chart


def _embedded_spec(html: str) -> dict:
    return _embedded_chart(html)["spec"]


def _stored_image(html: str) -> tuple[str, str, ET.Element]:
    """The output's <img>: its tag, its alternative text (unescaped) and its SVG, parsed."""
    tags = re.findall(r"<img [^>]*>", html)
    assert len(tags) == 1, "one stored image per chart"
    source = re.search(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', tags[0]).group(1)
    alt_text = re.search(r' alt="([^"]*)"', tags[0]).group(1)
    return tags[0], html_module.unescape(alt_text), ET.fromstring(base64.b64decode(source).decode("utf-8"))


def test_importing_charts_enables_the_course_theme_and_renderer():
    assert alt.theme.active == "coursekit"
    assert alt.renderers.active == "coursekit"


def test_there_is_a_chart_function_per_lesson_chart():
    assert len(CHART_FUNCTIONS) >= 20
    exported = {name for module in PART_MODULES for name in module.__all__}
    assert exported == {f.__name__ for f in CHART_FUNCTIONS}, "a chart function missing from its module's __all__"


@pytest.mark.parametrize("function", CHART_FUNCTIONS, ids=lambda f: f.__name__)
def test_every_chart_has_a_title_source_line_status_and_description(function):
    table = getattr(function, "table", None)
    assert table, f"declare the table it draws: @draws('<table>') above def {function.__name__}"
    spec = function(data.load(table)).to_dict()
    title = spec["title"]
    text = " ".join(title["text"]) if isinstance(title["text"], list) else title["text"]
    assert text.strip()
    subtitle = " ".join(title["subtitle"])
    info = data.info(table)
    assert info.short_source.split()[0] in subtitle, "the source line names the table's source"
    # The table's status in words; a table whose rows differ may name its rows' statuses instead.
    statuses = {info.verification} | (set(data.load(table)["verification"]) if info.verification == "mixed" else set())
    assert "Status" in subtitle and any(core.STATUS_WORDS[status] in subtitle for status in statuses), subtitle
    if info.verification == "simulated":
        assert "SIMULATED" in text and "SIMULATED" in spec["description"]
    assert len(spec["description"]) > 40, "a text description for screen readers"


@pytest.mark.parametrize("function", CHART_FUNCTIONS, ids=lambda f: f.__name__)
def test_every_chart_refuses_a_frame_not_from_the_loader(function):
    frame = data.load(function.table)
    with pytest.raises(TypeError, match=r"coursekit\.data\.load"):
        function(pd.DataFrame(frame.to_dict("list")))


def test_a_chart_refuses_another_table():
    with pytest.raises(ValueError, match=r"draws the table 'mitsmr_2012_importance_by_horizon', not 'mitsmr_2013_barriers'"):
        charts.importance_by_horizon(data.load("mitsmr_2013_barriers"))


def test_a_filtered_frame_still_names_its_table():
    frame = data.load("mitsmr_2012_importance_by_horizon")
    assert core.table_of(frame[frame["pct"] > 0].sort_values("pct").assign(x=1)) == "mitsmr_2012_importance_by_horizon"


def test_the_description_carries_the_figures_of_the_data():
    frame = data.load("mitsmr_2012_importance_by_horizon")
    description = charts.importance_by_horizon(frame).to_dict()["description"]
    for pct in frame["pct"]:
        assert f"{pct:g}%" in description


COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@pytest.mark.parametrize("function", CHART_FUNCTIONS, ids=lambda f: f.__name__)
def test_chart_colour_scales_use_the_course_palette_or_greys(function):
    """Colours that tell categories apart come from the colour-blind-safe palette (or are neutral greys)."""
    spec = function(data.load(function.table)).to_dict()

    def ranges(value):
        if isinstance(value, dict):
            if "scale" in value and isinstance(value["scale"], dict) and isinstance(value["scale"].get("range"), list):
                yield from (c for c in value["scale"]["range"] if isinstance(c, str) and COLOUR.match(c))
            for item in value.values():
                yield from ranges(item)
        elif isinstance(value, list):
            for item in value:
                yield from ranges(item)

    allowed = {c.lower() for c in core.PALETTE + core.RATING_COLOURS}
    for colour in ranges(spec):
        grey = colour[1:3] == colour[3:5] == colour[5:7]
        assert colour.lower() in allowed or grey, f"{function.__name__} uses {colour}, not a palette colour"


def test_rendered_html_uses_a_content_hash_id_and_a_new_id_for_a_second_display():
    spec = charts.importance_by_horizon(data.load("mitsmr_2012_importance_by_horizon")).to_dict()
    html = charts.render(spec)["text/html"]
    assert charts.HTML_MARKER in html
    div_id = html.split('<div id="')[1].split('"')[0]
    assert re.fullmatch(re.escape(core.CHART_ID_PREFIX) + r"[0-9a-f]{16}", div_id)
    again = charts.render(spec)["text/html"]
    assert f'<div id="{div_id}-2"' in again, "a second display of the same chart needs its own id"


def test_text_in_a_chart_cannot_end_or_break_its_script():
    frame = pd.DataFrame({"label": [HOSTILE, "plain"], "value": [1, 2]})
    chart = alt.Chart(frame).mark_bar().encode(x="value:Q", y=alt.Y("label:N", title=HOSTILE)).properties(
        title=HOSTILE, description=HOSTILE)
    html = charts.render(chart.to_dict())["text/html"]
    assert html.count("</script>") == 1 and html.count("<script") == 1
    assert "<!--" not in html and "]]>" not in html
    script = html[html.index("<script"):]
    assert "&" not in script.replace("&&", ""), "a bare & in the JSON"
    assert _embedded_spec(html) == charts.fit(chart.to_dict()), "the escaped JSON parses back to the same (fitted) spec"


def test_a_label_with_quotes_and_backslashes_stays_one_string_in_a_vega_expression(tmp_path):
    node = shutil.which("node")
    parser = ROOT / "node_modules" / "vega-expression" / "build" / "vega-expression.js"
    if not node or not parser.is_file():
        pytest.fail("node and node_modules/vega-expression are needed (scripts/setup.sh installs them)")
    labels = {"it's": HOSTILE, 'say "hi"\\': "a\nb"}
    expression = charts.label_expr(labels)
    script = tmp_path / "parse.mjs"
    script.write_text(
        f"import {{parseExpression}} from {json.dumps(parser.as_uri())};\n"
        "console.log(JSON.stringify(parseExpression(process.argv[2])));\n", encoding="utf-8")
    result = subprocess.run([node, str(script), expression], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    literals = []

    def walk(node_):
        if isinstance(node_, dict):
            if node_.get("type") == "Literal":
                literals.append(node_["value"])
            for item in node_.values():
                walk(item)
        elif isinstance(node_, list):
            for item in node_:
                walk(item)

    walk(json.loads(result.stdout))
    assert literals == [value for pair in labels.items() for value in pair]


def test_a_fresh_process_renders_identical_bytes():
    script = (
        "from coursekit import charts, data;"
        "print(charts.importance_by_horizon(data.load('mitsmr_2012_importance_by_horizon'))._repr_mimebundle_()['text/html'])"
    )
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout for _ in range(2)]
    assert runs[0] == runs[1]
    assert '"actions": false' in runs[0]


# The stored image ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("function", CHART_FUNCTIONS, ids=lambda f: f.__name__)
def test_every_chart_output_stores_an_svg_image_described_by_the_chart(function):
    chart = function(data.load(function.table))
    html = charts.render(chart.to_dict())["text/html"]
    tag, alt_text, svg = _stored_image(html)
    spec = _embedded_spec(html)
    assert alt_text == spec["description"], "the image's alternative text is the chart's description"
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("width") == str(core.DEFAULT_WIDTH)
    assert f'width="{core.DEFAULT_WIDTH}"' in tag and f'height="{svg.get("height")}"' in tag, "the image reserves its box"
    texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert spec["description"] and texts.strip(), "the image draws the chart's text (title, labels)"
    links = [value for element in svg.iter() for key, value in element.attrib.items() if key.endswith("href")]
    assert not [link for link in links if not link.startswith("#")], "the image refers to nothing outside itself"
    # The image sits inside the chart's box, before the script that draws the live chart over it.
    assert html.index("<img") < html.index("</div>") < html.index("<script")


def test_the_image_is_drawn_at_the_fallback_width_of_a_fitted_chart():
    spec = charts.fit(charts.importance_by_horizon(data.load("mitsmr_2012_importance_by_horizon")).to_dict())
    width = next(p for p in spec["params"] if p["name"] == core.WIDTH_PARAM)
    assert width["expr"].endswith(f": {core.DEFAULT_WIDTH}"), "live chart and image fall back to one width"
    assert spec["width"] == "container"


def test_without_vl_convert_a_chart_has_no_image_but_still_draws(monkeypatch):
    monkeypatch.setitem(sys.modules, "vl_convert", None)  # import vl_convert raises ImportError
    html = charts.render(charts.importance_by_horizon(data.load("mitsmr_2012_importance_by_horizon")).to_dict())["text/html"]
    assert "<img" not in html
    assert charts.HTML_MARKER in html and _embedded_chart(html)["spec"]["width"] == "container"


def test_the_output_asks_only_its_own_jupyter_server_for_the_loader_and_says_what_to_do_when_it_cannot():
    html = charts.render(charts.importance_by_horizon(data.load("mitsmr_2012_importance_by_horizon")).to_dict())["text/html"]
    script = html[html.index("<script"):html.rindex("})(")]  # the code, without the chart's JSON (its $schema is a name, never loaded)
    assert "http" not in script and "//" not in script, "no address of another host"
    assert f'"coursekit/{core.LOADER}"' in script and "jupyter-config-data" in script
    chart = _embedded_chart(html)
    assert chart["fallback"] == core.fallback_note() and "requirements.txt" in chart["fallback"]
    assert chart["options"] == core.EMBED_OPTIONS
