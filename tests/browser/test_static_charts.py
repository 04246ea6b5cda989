"""Charts where no script runs, and where the live chart cannot be drawn.

1. Every stored notebook with charts, exported by nbconvert's HTML exporter (what nbviewer shows) and
   opened in Chromium with JavaScript off (as GitHub shows a notebook: scripts stripped): each chart
   output shows its image, loaded and of a readable size, with the chart's description as alternative text.
2. A chart output inside a Jupyter page whose server lacks the course's extension: the stored image stays
   and the output says, in Python's words (``core.fallback_note()``), how to get the live chart; nothing is
   asked of another host.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import nbformat
import pytest
from nbconvert import HTMLExporter

from coursekit import charts, data
from coursekit.charts import core
from helpers import ROOT

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(
    path for folder in ("chapters", "back", "exercises") for path in (ROOT / folder).rglob("*.ipynb")
    if ".ipynb_checkpoints" not in path.parts and f'class=\\"{core.CHART_CLASS}\\"' in path.read_text(encoding="utf-8")
)


def _stored_descriptions(notebook: dict) -> list[str]:
    """The description of every chart output of a notebook, from the spec its script carries."""
    found = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            body = "".join(output.get("data", {}).get("text/html", ""))
            if f'class="{core.CHART_CLASS}"' in body:
                chart, _ = json.JSONDecoder().raw_decode(body, body.rindex("})(") + 3)
                found.append(chart["spec"]["description"])
    return found


def test_the_notebooks_with_charts_are_found():
    assert len(NOTEBOOKS) >= 20
    assert ROOT / "chapters" / "2-contact" / "2-1-weak-link.ipynb" in NOTEBOOKS


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[Path, tuple[Path, list[str]]]:
    """Each notebook as nbconvert's HTML, in a temporary folder, with the descriptions of its charts."""
    folder = tmp_path_factory.mktemp("nbconvert")
    exporter = HTMLExporter()
    pages = {}
    for number, path in enumerate(NOTEBOOKS):
        notebook = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(notebook)
        page = folder / f"{number:02d}-{path.stem}.html"
        page.write_text(body, encoding="utf-8")
        pages[path] = (page, _stored_descriptions(notebook))
    return pages


def test_every_chart_of_every_exported_notebook_shows_its_image_with_no_script(browser, exported):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1024, "height": 800})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page = context.new_page()
    problems = []
    try:
        for source, (exported_page, descriptions) in exported.items():
            where = source.relative_to(ROOT)
            assert descriptions, f"{where}: no chart output found"
            page.goto(exported_page.as_uri(), wait_until="load")
            images = page.eval_on_selector_all(
                f".{core.CHART_CLASS} img",
                "imgs => imgs.map(i => ({alt: i.alt, ok: i.complete && i.naturalWidth > 0, width: i.getBoundingClientRect().width}))")
            if [i["alt"] for i in images] != descriptions:
                problems.append(f"{where}: {len(images)} images for {len(descriptions)} charts, or an alt text that is not the description")
            problems += [f"{where}: image {n} is not drawn or too small ({i['width']:.0f} px)"
                         for n, i in enumerate(images) if not i["ok"] or i["width"] < 400]
            if page.locator(f".{core.CHART_CLASS} svg").count():
                problems.append(f"{where}: a chart was drawn live with scripts off?")
    finally:
        context.close()
    assert problems == []


def test_a_jupyter_without_the_course_extension_keeps_the_image_and_says_how_to_draw_it(visit, server, fixture_site):
    _, origin = server
    output = charts.render(charts.importance_by_horizon(data.load("mitsmr_2012_importance_by_horizon")).to_dict())["text/html"]
    (fixture_site / "jupyter-without-extension.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lab</title><link rel="icon" href="data:,">'
        '<script id="jupyter-config-data" type="application/json">{"baseUrl": "/fixtures/no-such-server/"}</script>'
        f"</head><body><main>{output}</main></body></html>", encoding="utf-8")
    seen = visit(f"{origin}/fixtures/jupyter-without-extension.html")
    note = seen.page.locator(f".{core.CHART_CLASS} p")
    note.wait_for()
    assert note.inner_text() == core.fallback_note()
    image = seen.page.locator(f".{core.CHART_CLASS} img")
    assert image.evaluate("i => i.complete && i.naturalWidth > 0")
    assert html.unescape(re.search(r' alt="([^"]*)"', output).group(1)) == image.get_attribute("alt")
    assert seen.outside_requests == []
    assert [f for f in seen.failed if "no-such-server/coursekit/charts.js" not in f] == []
