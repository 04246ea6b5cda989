"""A light page (issue 18): no all-icons script, no blocking script, the search index only where a search runs,
the icons the pages show present in the book's font subset, and a description for search engines."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coursekit import pagespeed
from helpers import built_pages

PAGES = built_pages()
SEARCH_FILES = ("searchindex.js", "searchtools.js", "language_data.js")


class Scripts(HTMLParser):
    """Every <script> of a page: its attributes, its inline text, and whether it sits in <head>."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.icons: list[str] = []
        self.meta: dict[str, str] = {}
        self._in_script: dict | None = None
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif tag == "script":
            self._in_script = {**attrs, "_text": "", "_head": self._in_head}
            self.scripts.append(self._in_script)
        elif "fa-" in (attrs.get("class") or ""):  # an icon: <i class="fa-solid fa-bars"> or <span ...>
            self.icons.append(attrs["class"])
        elif tag == "meta" and attrs.get("name"):
            self.meta[attrs["name"]] = attrs.get("content", "")

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        elif tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self._in_script["_text"] += data


def parsed(book: Path, name: str) -> Scripts:
    parser = Scripts()
    parser.feed((book / name).read_text(encoding="utf-8"))
    return parser


def blocking(script: dict) -> bool:
    """A script file that stops the parser: not deferred, not async, not a module."""
    return "src" in script and not ({"defer", "async"} & script.keys()) and script.get("type") != "module"


def test_blocking_is_recognised():
    assert blocking({"src": "a.js"}) and not blocking({"src": "a.js", "defer": "defer"})
    assert not blocking({"src": "a.js", "type": "module"}) and not blocking({"_text": "let a = 1;"})


@pytest.mark.parametrize("name", PAGES)
def test_no_page_loads_the_all_icons_script_or_a_blocking_script(built_book, name):
    page = parsed(built_book, name)
    sources = [s["src"] for s in page.scripts if "src" in s]
    assert not [s for s in sources if "fontawesome" in s], f"{name} loads the theme's fontawesome.js again"
    assert [s["src"] for s in page.scripts if blocking(s)] == [], f"{name} has render-blocking scripts"
    # A classic inline script runs at once: it may not use what a deferred file defines.
    early = [s["_text"][:80] for s in page.scripts if "src" not in s and s.get("type") in (None, "text/javascript")
             and "DOCUMENTATION_OPTIONS" in s["_text"]]
    assert early == [], f"{name}: inline scripts run before documentation_options.js: {early}"


@pytest.mark.parametrize("name", PAGES)
def test_only_the_search_page_loads_the_search_index(built_book, name):
    sources = [s["src"].split("?")[0].rsplit("/", 1)[-1] for s in parsed(built_book, name).scripts if "src" in s]
    loaded = [f for f in SEARCH_FILES if f in sources]
    search_page = name.rsplit("/", 1)[-1] == "search.html"  # the book's, or a translation's
    assert loaded == (list(SEARCH_FILES) if search_page else []), f"{name} loads {loaded}"


def test_the_icons_the_pages_show_are_in_the_font_subset(built_book):
    from fontTools.ttLib import TTFont

    codes = pagespeed.icon_codepoints(pagespeed.theme_css())
    shown = {name for page in PAGES for classes in parsed(built_book, page).icons
             for name in re.findall(r"\bfa-([a-z0-9-]+)", classes) if name in codes}
    assert {"magnifying-glass", "bars", "chevron-down", "sun", "moon", "download"} <= shown  # the header and sidebar
    kept = set()
    for font in pagespeed.FONTS:
        kept |= set(TTFont(built_book / "_static" / "icons" / f"{font}.woff").getBestCmap())
    css = (built_book / "_static" / pagespeed.THEME_CSS).read_text(encoding="utf-8")
    without_rule = sorted(name for name in shown if f".fa-{name}:before" not in css)
    assert without_rule == [], f"icons shown but their rule is not in {pagespeed.THEME_CSS}: {without_rule}"
    missing = sorted(name for name in shown if codes[name] not in kept)
    assert missing == [], f"icons shown but missing from _assets/icons: {missing} (python -m coursekit.pagespeed)"


@pytest.mark.parametrize("name", PAGES)
def test_every_page_links_the_theme_subset_and_its_font_and_has_a_description(built_book, name):
    html = (built_book / name).read_text(encoding="utf-8")
    if "data-content_root=" not in html:  # not a page of the theme (a redirect or the language chooser)
        return
    assert re.search(r'href="(\.\./)*_static/styles/pydata-sphinx-theme\.subset\.css\?v=[0-9a-f]{8}"', html)
    assert re.search(r'rel="preload" as="font" type="font/woff" crossorigin href="(\.\./)*_static/icons/fa-solid-900\.woff\?v=', html)
    assert "styles/pydata-sphinx-theme.css" not in html and "styles/theme.css" not in html
    description = parsed(built_book, name).meta.get("description", "")
    assert 20 <= len(description) <= pagespeed.DESCRIPTION_CHARS, f"{name}: meta description {description!r}"


@pytest.mark.parametrize("name", PAGES)
def test_no_page_loads_extension_assets_it_does_not_use(built_book, name):
    html = (built_book / name).read_text(encoding="utf-8")
    css, js, inline = pagespeed.unneeded_assets(html)
    linked = set(re.findall(r'(?:href|src)="[^"]*/([^"/?]+)(?:\?[^"]*)?"', html))
    assert linked & (css | js) == set(), f"{name} loads {sorted(linked & (css | js))} but shows none of their elements"
    assert not [n for n in inline if n in html], f"{name} keeps inline settings of a script it does not load"
