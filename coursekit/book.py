"""Sphinx extension for the course book: serve the vendored chart and exercise assets only where needed.

Listed in ``_config.yml``. A page whose body holds an Altair chart gets vega, vega-lite,
vega-embed and ``vega-offline.js`` (priority 200, before any other page script); a page
with an exercise gets ``exercises.js`` and ``exercises.css``. Other pages load neither.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

CHART_MARKER = 'id="altair-viz-'
EXERCISE_MARKER = 'class="cx-exercise"'
CHART_SCRIPTS = ("vendor/vega.min.js", "vendor/vega-lite.min.js", "vendor/vega-embed.min.js", "vega-offline.js")


def add_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body", "")
    if CHART_MARKER in body:
        for script in CHART_SCRIPTS:
            app.add_js_file(script, priority=200)
    if EXERCISE_MARKER in body:
        app.add_js_file("exercises.js", defer="defer")
        app.add_css_file("exercises.css")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", add_page_assets)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
