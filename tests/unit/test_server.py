"""The course's Jupyter server extension serves the chart loader and vega, and is enabled by installing the course."""

from __future__ import annotations

import json
import re

from coursekit import server
from coursekit.charts import core
from helpers import ROOT


def test_it_serves_the_books_chart_loader_and_a_vega_bundle_for_altairs_vega_lite():
    assert server.script(core.LOADER) == (core.SCRIPT_DIR / core.LOADER).read_bytes()
    bundle = server.script(server.VEGA_BUNDLE).decode("utf-8")
    for name in ("window.vegaEmbed=", "window.vega=", "window.vegaLite="):
        assert name in bundle
    assert not re.search(r"https?://(cdn|unpkg|esm)", bundle), "the bundle reaches for no CDN"


def test_it_serves_nothing_else():
    for name in ("../server.py", "vega.min.js", "charts.css", "", "index.html"):
        assert server.script(name) is None


def test_installing_the_course_enables_it():
    config = json.loads((ROOT / "jupyter-config" / "coursekit.json").read_text(encoding="utf-8"))
    assert config == {"ServerApp": {"jpserver_extensions": {"coursekit.server": True}}}
    assert server._jupyter_server_extension_points() == [{"module": "coursekit.server"}]
    pyproject = (ROOT / "jupyter-config" / "pyproject.toml").read_text(encoding="utf-8")
    assert '"etc/jupyter/jupyter_server_config.d" = ["coursekit.json"]' in pyproject
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8").split()
    assert "./jupyter-config" in requirements and "-e" in requirements
    assert any(line.startswith("vl-convert-python==") for line in requirements)
