"""The course's Jupyter server extension: live charts in JupyterLab with no network.

A chart output (``coursekit.charts.core.render``) carries its stored image and a script that, inside
Jupyter, loads ``{base_url}coursekit/charts.js``. This extension serves that loader (the same file the book
serves) and ``{base_url}coursekit/vega.js``: vega, vega-lite and vega-embed in one script, the bundle
vl-convert carries for the Vega-Lite version Altair writes, so nothing is fetched from a CDN.

``pip install -r requirements.txt`` (which installs the course package) enables it for every Jupyter
server of that environment, through ``jupyter-config/coursekit.json`` (installed as
``etc/jupyter/jupyter_server_config.d/coursekit.json``). ``jupyter server extension list`` shows it.
"""

from __future__ import annotations

import functools
from typing import Any

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

ROUTE = "coursekit"
VEGA_BUNDLE = "vega.js"  # the name the chart outputs ask for (core._QUEUE's data-vega)
# coursekit.charts (Altair, pandas) is imported on the first request, not when the server starts.


@functools.cache
def vega_bundle() -> bytes:
    """vega, vega-lite and vega-embed as one script defining window.vega, window.vegaLite and window.vegaEmbed."""
    import vl_convert  # in requirements.txt; imported here so that the server starts without it

    from coursekit.charts import core

    return vl_convert.javascript_bundle(vl_version=core.vegalite_version()).encode("utf-8")


def script(name: str) -> bytes | None:
    """The body of a served script, or None for a name this extension does not serve."""
    from coursekit.charts import core

    if name == core.LOADER:
        return (core.SCRIPT_DIR / core.LOADER).read_bytes()
    if name == VEGA_BUNDLE:
        try:
            return vega_bundle()
        except ImportError:
            return None
    return None


class ScriptHandler(JupyterHandler):
    """GET {base_url}coursekit/<name>: the chart loader or the vega bundle, to a logged-in user."""

    @web.authenticated
    def get(self, name: str) -> None:
        body = script(name)
        if body is None:
            raise web.HTTPError(404, f"coursekit serves the chart loader and {VEGA_BUNDLE}; {name} is neither, "
                                     "or vl-convert-python is not installed (python -m pip install -r requirements.txt)")
        self.set_header("Content-Type", "text/javascript; charset=utf-8")
        self.set_header("Cache-Control", "no-cache")  # a re-installed course serves its new loader at once
        self.finish(body)


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "coursekit.server"}]


def _load_jupyter_server_extension(server_app: Any) -> None:
    web_app = server_app.web_app
    pattern = url_path_join(web_app.settings["base_url"], ROUTE, r"([A-Za-z0-9_.-]+\.js)")
    web_app.add_handlers(".*$", [(pattern, ScriptHandler)])
    server_app.log.info("coursekit: serving the chart loader and vega at %s", url_path_join(web_app.settings["base_url"], ROUTE))
