"""Sphinx extension for the course book: assets only where needed, and accessible theme output.

Listed in ``_config.yml``. A page whose body holds an Altair chart gets the course's chart loader
(``coursekit/charts/assets/charts.js``, deferred), which loads the vendored vega, vega-lite and vega-embed
builds when a chart needs them, and ``charts.css``; a page
with an exercise gets ``exercises.js`` and ``exercises.css``. Other pages load neither. Every page gets
``print.css`` for print only (``media="print"``).

Practice-set solutions (cells with nbgrader ``solution`` metadata) are shown folded or not at all,
by one switch in ``_config.yml``: ``coursekit_solutions: folded`` (default) or ``hidden``; in ``hidden``
mode the answer key's output (a cell tagged ``answer-key``, ``back/answer-key.ipynb``) goes too; hidden
tests (``### BEGIN HIDDEN TESTS`` … ``### END HIDDEN TESTS``) never reach the book: they are removed from
every notebook that has them (nbgrader metadata or not), and an unbalanced marker stops the build with
the file and cell. Chart and exercise outputs are found by the markers their modules export.

It also mends three accessibility faults of the generated HTML (axe-core, WCAG 2.1 A/AA): the
sidebar's expand/collapse ``<summary>`` elements have no name, bibliography entries use the
deprecated ``doc-biblioentry`` role inside a ``role="list"``, and folded cells' toggles carry a
name that differs from their visible text.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path
from typing import Any, Callable

from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.errors import ConfigError, ExtensionError

from coursekit import THEMED_OUTPUT, bibliography, i18n
from coursekit.charts import core as charts
from coursekit.charts.core import HTML_MARKER as CHART_MARKER
from coursekit.exercises import answer_key, catalogue
from coursekit.exercises import static as exercise_html

# The vendored builds (coursekit.assets), in load order, as the loader's data-vega: paths relative to the loader.
CHART_LIBRARIES = ("vendor/vega.min.js", "vendor/vega-lite.min.js", "vendor/vega-embed.min.js")
# A chart is drawn (and vega first loaded) when it comes within this margin of the viewport (a share of its
# height): a phone reader scrolling down finds it drawn; a page whose charts are far down loads no vega at first.
CHART_NEAR = "50%"


# A chart's stored image, inline in the notebook (a data: URL, for JupyterLab, GitHub and nbviewer).
STORED_IMAGE = re.compile(r'<img class="' + re.escape(charts.IMAGE_CLASS) + r'" src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"')
CHART_IMAGES = "_images"  # where the book writes them as files, named by their content


def chart_images_as_files(app: Sphinx, pagename: str, body: str) -> str:
    """The page's stored chart images as SVG files beside it, loaded lazily: the page's HTML stays small
    (no base64), an image downloads only when its chart comes near, and compresses far better as a file."""
    def as_file(match: re.Match[str]) -> str:
        svg = base64.b64decode(match.group(1))
        name = f"chart-{hashlib.sha256(svg).hexdigest()[:16]}.svg"
        target = Path(app.outdir) / CHART_IMAGES / name
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(svg)
        href = "../" * pagename.count("/") + f"{CHART_IMAGES}/{name}"
        return f'<img class="{charts.IMAGE_CLASS}" loading="lazy" decoding="async" src="{href}"'

    return STORED_IMAGE.sub(as_file, body)


def add_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body", "")
    if CHART_MARKER in body:
        context["body"] = body = chart_images_as_files(app, pagename, body)
        app.add_js_file(charts.LOADER, defer="defer", **{"data-vega": " ".join(CHART_LIBRARIES), "data-near": CHART_NEAR})
        app.add_css_file("charts.css")
    if THEMED_OUTPUT in body:
        app.add_css_file("themed-outputs.css")
    if any(marker in body for marker in (exercise_html.MARKER, exercise_html.PANEL_MARKER, catalogue.MARKER)):
        # The messages, number rules and limits the script applies, from Python, once per page.
        app.add_js_file(None, body=exercise_html.json_for_html(exercise_html.page_data()), type="application/json",
                        id=exercise_html.PAGE_DATA_ID)
        app.add_js_file("exercises.js", defer="defer")
        app.add_css_file("exercises.css")


def add_language_links(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Every page links to itself in the other edition (English, French); with the site's address set
    (html.baseurl), hreflang alternates tell search engines about both."""
    language = app.config.language or i18n.SOURCE_LANGUAGE
    if "body" in context:
        context["body"] = i18n.switcher(pagename, language) + context["body"]
    context["metatags"] = context.get("metatags", "") + i18n.alternate_links(pagename, language, app.config.html_baseurl)


def add_package_assets(app: Sphinx, config: Any) -> None:
    """Serve the exercise script and style sheet, and the chart loader, from the package (its package data);
    in the French edition, the kit's words on the pages (page data) are French."""
    if config.language == i18n.LANGUAGE:
        i18n.use(i18n.LANGUAGE)
    # The frame's words the themes leave in English, in the edition's language: for the templates (_templates/),
    # the theme's search field and the sidebar's section toggles (mend_accessibility).
    words = i18n.theme_words(config.language or i18n.SOURCE_LANGUAGE)
    config.html_context["coursekit_words"] = words
    config.html_theme_options["search_bar_text"] = words["Search this book..."]
    config.html_static_path.extend([str(exercise_html.ASSET_DIR), str(charts.SCRIPT_DIR)])


SOLUTION_MODES = {"folded": ["hide-input"], "hidden": ["remove-input", "remove-output"]}
# A cell whose output is answers (the answer key page): shown as it is, or removed with the solutions.
ANSWER_KEY_MODES = {"folded": [], "hidden": ["remove-input", "remove-output"]}
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
HIDDEN_TESTS = re.compile(rf"^[ \t]*{BEGIN_HIDDEN}.*?{END_HIDDEN}[ \t]*\n?", re.S | re.M)


class HiddenTestsError(ExtensionError):
    """A notebook's hidden tests cannot be removed safely: the build stops rather than publish them."""


def _without_hidden_tests(source: str, where: str) -> str:
    """The cell's source with every BEGIN/END HIDDEN TESTS block removed; an unbalanced marker is an error."""
    kept = HIDDEN_TESTS.sub("", source)
    if BEGIN_HIDDEN in kept or END_HIDDEN in kept:
        raise HiddenTestsError(f"{where}: '{BEGIN_HIDDEN}' and '{END_HIDDEN}' must come in pairs; "
                               "the hidden tests would be published in the book")
    return kept.rstrip("\n")


def present_solutions(notebook: dict[str, Any], mode: str, path: str = "notebook") -> dict[str, Any]:
    """Fold or remove solution cells and drop hidden tests, for the published book.

    Raises HiddenTestsError, naming ``path`` and the cell (numbered from 1), for an unbalanced marker.
    """
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        grading = cell.get("metadata", {}).get("nbgrader", {})
        source = "".join(cell.get("source", []))
        if grading.get("solution"):
            tags = cell["metadata"].setdefault("tags", [])
            tags.extend(t for t in SOLUTION_MODES[mode] if t not in tags)
        if answer_key.CELL_TAG in cell.get("metadata", {}).get("tags", []):
            tags = cell["metadata"]["tags"]
            tags.extend(t for t in ANSWER_KEY_MODES[mode] if t not in tags)
        if BEGIN_HIDDEN in source or END_HIDDEN in source:
            cell["source"] = _without_hidden_tests(source, f"{path}, cell {number}")
    return notebook


def prepare_notebook(app: Sphinx, docname: str, source: list[str]) -> None:
    """Present solutions and drop hidden tests in every notebook that has nbgrader cells, a hidden-test marker
    or an answer-key cell."""
    path = str(app.env.doc2path(docname))
    if not path.endswith(".ipynb") or not any(mark in source[0] for mark in ("nbgrader", "HIDDEN TESTS", answer_key.CELL_TAG)):
        return
    mode = app.config.coursekit_solutions
    if mode not in SOLUTION_MODES:
        raise ConfigError(f"coursekit_solutions must be one of {sorted(SOLUTION_MODES)}, not {mode!r} (_config.yml)")
    source[0] = json.dumps(present_solutions(json.loads(source[0]), mode, path), ensure_ascii=False)


SUMMARY = '<summary><span class="toctree-toggle" role="presentation">'
NAMED_SUMMARY = '<summary aria-label="{name}"><span class="toctree-toggle" role="presentation">'


def _named_summaries(generate: Callable[..., Any], name: str) -> Callable[..., Markup]:
    named = NAMED_SUMMARY.format(name=html.escape(name))

    def wrapped(*args: Any, **kwargs: Any) -> str:
        return Markup(str(generate(*args, **kwargs)).replace(SUMMARY, named))

    return wrapped


def mend_accessibility(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if "generate_toctree_html" in context:
        name = app.config.html_context["coursekit_words"]["Show or hide the pages of this section"]
        context["generate_toctree_html"] = _named_summaries(context["generate_toctree_html"], name)
    if "body" in context:
        body = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')
        # myst-nb's folded cells name their toggle "Toggle hidden content" while it shows
        # "Show code cell source": let the visible text be the name (WCAG 2.5.3).
        context["body"] = body.replace('<summary aria-label="Toggle hidden content">', "<summary>")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("coursekit_solutions", "folded", "env", [str])
    app.connect("config-inited", add_package_assets)
    # Every page prints cleanly (no frame, no controls, charts whole, exercises as questions): _assets/print.css.
    app.add_css_file("print.css", media="print")
    app.connect("source-read", prepare_notebook)
    app.connect("html-page-context", add_page_assets)
    app.connect("html-page-context", add_language_links)
    # After the theme (priority 500) has put its toctree function in the context.
    app.connect("html-page-context", mend_accessibility, priority=900)
    # The French book's bibliography and citation styles (its _config.yml names them): coursekit.bibliography.
    bibliography.register()
    # A change to this file changes what every page looks like: make Sphinx rebuild them all.
    # So does a change to the exercises' page data (messages, rules), which this extension puts on pages.
    fingerprint = Path(__file__).read_bytes() + exercise_html.page_data_html().encode("utf-8")
    env_version = int(hashlib.sha256(fingerprint).hexdigest()[:8], 16)
    return {"version": "0.1", "env_version": env_version, "parallel_read_safe": True, "parallel_write_safe": True}
