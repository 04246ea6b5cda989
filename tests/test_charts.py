"""Charts: the course theme, a title, a source line with status, a text description, stable output."""

from __future__ import annotations

import subprocess
import sys

import altair as alt

from coursekit import charts, data

TABLE = "mitsmr_2012_importance_by_horizon"


def _chart() -> alt.TopLevelMixin:
    return charts.importance_by_horizon(data.load(TABLE))


def test_importing_charts_enables_the_course_theme_and_renderer():
    assert alt.theme.active == "coursekit"
    assert alt.renderers.active == "coursekit"


def test_chart_has_title_source_line_and_description_from_the_data():
    spec = _chart().to_dict()
    assert spec["title"]["text"]
    source = " ".join(spec["title"]["subtitle"])
    assert source.startswith("Source: Kiron et al. (2012)") and "Status: secondary source, not cross-checked." in source
    description = spec["description"]
    for number in ("18%", "34%", "22%", "40%", "35%", "13%", "63%", "23%", "8%"):
        assert number in description


def test_palette_is_the_colour_blind_safe_one():
    assert charts.PALETTE[:3] == ["#0072B2", "#E69F00", "#009E73"]


def test_rendered_html_uses_a_content_hash_id_and_no_uuid():
    html = charts.render(_chart().to_dict())["text/html"]
    assert 'id="altair-viz-' in html
    div_id = html.split('<div id="')[1].split('"')[0]
    assert len(div_id) == len("altair-viz-") + 16
    again = charts.render(_chart().to_dict())["text/html"]
    assert f'<div id="{div_id}-2"' in again, "a second display of the same chart needs its own id"


SCRIPT = (
    "from coursekit import charts, data;"
    f"print(charts.importance_by_horizon(data.load('{TABLE}'))._repr_mimebundle_()['text/html'])"
)


def test_a_fresh_process_renders_identical_bytes():
    runs = [subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout for _ in range(2)]
    assert runs[0] == runs[1]
    assert '"actions": false' in runs[0]
