"""Sphinx extension: every page loads only what it needs and no script holds up its first paint (issue 18).

Listed in ``_config.yml`` after ``coursekit.book``; ``_templates/layout.html`` does the template half.

- **Icons.** The theme loads ``fontawesome.js`` (1.49 MB, every icon of Font Awesome) on every page, and
  its style sheet names the 157 kB solid web font. The book's layout drops the script, and
  ``_assets/icons/`` holds a subset of the theme's own Font Awesome fonts with only the icons the two
  themes can put in a page (``icon_sources``) and those their style sheets draw (admonitions,
  breadcrumbs, external links…). Pages link ``_static/styles/pydata-sphinx-theme.subset.css``, the
  theme's style sheet less the rules of icons no page can show, its font faces pointing at the subsets
  (written after each build from the installed theme): every icon and rule keeps the theme's look.
  ``python -m coursekit.pagespeed`` regenerates the subsets (a unit test fails while they are stale).
  The theme's ``theme.css`` only imports ``basic.css``: pages link ``basic.css`` itself (one request less
  in a row before the first paint).
- **Search.** The theme puts the whole search index (``searchindex.js``) and Sphinx's search code on every
  page for a search-as-you-type the book does not turn on; the layout leaves them to the search page,
  which loads them when a search is made (the search field sends the reader there).
- **No blocking script.** Every script file a page lists is deferred (they keep their order); an inline
  script that reads ``DOCUMENTATION_OPTIONS`` becomes a module script, which runs deferred, in the same
  order, after the file that defines it. The chart scripts of ``coursekit.book`` are left as that module
  adds them.
- **Only the assets a page uses.** sphinx-design, sphinx-togglebutton and sphinx-copybutton (with the code
  colours) put their files on every page; a page whose body has none of their elements goes without
  (``OPTIONAL_ASSETS``).
- **SEO.** Each page gets a ``<meta name="description">``: the page's first paragraph, cut at a word
  within ``DESCRIPTION_CHARS``.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import re
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript

from coursekit.paths import ROOT

ICON_DIR = ROOT / "_assets" / "icons"
DESCRIPTION_CHARS = 155
# The theme's font faces and the files of their subsets (fa-regular: no template of either theme uses it).
FONTS = {"fa-solid-900": ("Font Awesome 6 Free", 900), "fa-brands-400": ("Font Awesome 6 Brands", 400)}
# Icon names a theme writes in a page: "fa-solid fa-bars", "fas fa-file", "fa-brands fa-github" ...
ICON_CLASS = re.compile(r"\bfa(?:-solid|-brands|-regular|[sbr])\s+fa-([a-z0-9-]+)")
# The theme's icon rules: ".fa-search:before,.fa-magnifying-glass:before{content:"\f002"}".
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:{1,2}before,?)+)\{content:"\\([0-9a-f]{2,5})"\}')
# Glyphs a theme's style sheet draws itself: content:"\f107", or a private-use character written as it is
# (--pst-icon-info-circle:"\uf05a", --pst-breadcrumb-divider:"\uf105").
CSS_GLYPH = re.compile(r'(?:content|--pst-[a-z-]+):\s*"(\\[0-9a-f]{4}|[\ue000-\uf8ff])"')
DEFERRABLE_INLINE = "DOCUMENTATION_OPTIONS"
FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
FONT_SRC = re.compile(r"src:[^;}]*")
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
THEME_CSS = "styles/pydata-sphinx-theme.subset.css"  # under _static/, beside the theme's own


def _package_dir(name: str) -> Path:
    module = __import__(name)
    return Path(module.__file__).parent


def _theme_paths() -> tuple[Path, Path]:
    return (_package_dir("pydata_sphinx_theme") / "theme" / "pydata_sphinx_theme",
            _package_dir("sphinx_book_theme") / "theme" / "sphinx_book_theme")


def icon_sources() -> list[Path]:
    """The two themes' templates, Python and page scripts (not fontawesome.js itself): every icon they can write."""
    files = []
    for package in ("pydata_sphinx_theme", "sphinx_book_theme"):
        for path in sorted(_package_dir(package).rglob("*")):
            if path.suffix in (".html", ".py") or (path.suffix == ".js" and path.parent.name == "scripts" and path.name != "fontawesome.js"):
                files.append(path)
    return files


def theme_css() -> str:
    pydata, book = _theme_paths()
    return (pydata / "static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8") + \
        (book / "static" / "styles" / "sphinx-book-theme.css").read_text(encoding="utf-8")


def icon_codepoints(css: str) -> dict[str, int]:
    """Icon name -> its code point in the theme's font, from the theme's own rules."""
    found = {}
    for selectors, code in ICON_RULE.findall(css):
        for name in re.findall(r"\.fa-([a-z0-9-]+):", selectors):
            found[name] = int(code, 16)
    return found


def used_icons() -> list[str]:
    """The icon names the themes can write into a page, sorted."""
    names = set()
    for path in icon_sources():
        names.update(ICON_CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    return sorted(names)


def needed_codepoints() -> list[int]:
    """Every code point the book's pages can show: the themes' icons and the glyphs their style sheets draw."""
    css = theme_css()
    codes = icon_codepoints(css)
    wanted = {codes[name] for name in used_icons() if name in codes}
    for glyph in CSS_GLYPH.findall(ICON_RULE.sub("", css)):  # not the icon rules themselves
        wanted.add(int(glyph[1:], 16) if glyph.startswith("\\") else ord(glyph))
    return sorted(wanted)


def subset_font(source: Path, codepoints: list[int]) -> bytes:
    """A WOFF font with only ``codepoints`` of ``source`` (its names and licence kept), the same bytes every time."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff"
    options.name_IDs = ["*"]  # keep the copyright and licence names (SIL OFL 1.1)
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff"
    font.save(out, reorderTables=True)
    return out.getvalue()


def icon_files() -> dict[str, bytes]:
    """The files of _assets/icons/, as the installed themes make them: the font subsets."""
    pydata, _ = _theme_paths()
    codepoints = needed_codepoints()
    return {f"{name}.woff": subset_font(pydata / "static" / "vendor" / "fontawesome" / "webfonts" / f"{name}.ttf", codepoints)
            for name in FONTS}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:8]


def font_url(name: str) -> str:
    """A font subset's address under _static/, with its digest (the style sheet and the preload name it alike)."""
    return f"_static/icons/{name}.woff?v={digest((ICON_DIR / f'{name}.woff').read_bytes())}"


def theme_css_subset() -> str:
    """The theme's style sheet without the icon rules no page can use, its Font Awesome faces pointing at the subsets.

    Every other rule is kept as it is: the look does not change. About 20 kB less, compressed, on every page.
    """
    pydata, _ = _theme_paths()
    css = (pydata / "static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    used = set(used_icons())

    def keep_used(rule: re.Match) -> str:
        names = [n for n in re.findall(r"\.fa-([a-z0-9-]+):", rule[1]) if n in used]
        return ",".join(f".fa-{n}:before" for n in names) + f'{{content:"\\{rule[2]}"}}' if names else ""

    def subset_face(face: re.Match) -> str:
        for name in FONTS:
            if f"/{name}." in face[0]:
                return FONT_SRC.sub(f'src:url(../{font_url(name).removeprefix("_static/")}) format("woff")', face[0])
        return face[0]

    css = FONT_FACE.sub(subset_face, ICON_RULE.sub(keep_used, css))
    return SOURCE_MAP.sub("", css)


def write_icon_files(folder: Path = ICON_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in icon_files().items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written


# --- scripts ---------------------------------------------------------------------------------------------

def _chart_scripts() -> tuple[str, ...]:
    """The chart scripts coursekit.book adds (it decides how they load), if it still lists them."""
    from coursekit import book

    return tuple(getattr(book, "CHART_SCRIPTS", ()))


def deferred(script: _JavaScript, keep: tuple[str, ...]) -> _JavaScript:
    """The same script, made not to block rendering: a file is deferred, an inline script that needs a
    deferred file's names becomes a (deferred, ordered) module script."""
    attrs = dict(script.attributes)
    if attrs.get("type") not in (None, "text/javascript", "module"):  # data, e.g. application/json
        return script
    if script.filename:
        if any(k in attrs for k in ("defer", "async")) or attrs.get("type") == "module" or str(script.filename) in keep:
            return script
        attrs["defer"] = "defer"
    elif DEFERRABLE_INLINE in attrs.get("body", "") and attrs.get("type") != "module":
        attrs["type"] = "module"
    else:
        return script
    return _JavaScript(script.filename, priority=script.priority, **attrs)


def defer_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        keep = _chart_scripts()
        scripts[:] = [deferred(s, keep) if isinstance(s, _JavaScript) else s for s in scripts]


# --- extension assets a page does not use ----------------------------------------------------------------

CLASS_ATTR = re.compile(r'class="([^"]*)"')


def _needs_design(classes: list[set[str]]) -> bool:
    """sphinx-design: every card, grid, tab set and dropdown it writes carries an "sd-" class."""
    return any(c.startswith("sd-") for tokens in classes for c in tokens)


def _needs_toggles(classes: list[set[str]]) -> bool:
    """sphinx-togglebutton: its selector ".toggle, .admonition.dropdown", and the {toggle} directive's details."""
    return any("toggle" in t or "toggle-details" in t or {"admonition", "dropdown"} <= t for t in classes)


def _needs_copy(classes: list[set[str]]) -> bool:
    """sphinx-copybutton and the code colours: a code block (div.highlight)."""
    return any("highlight" in t for t in classes)


# What Sphinx and its extensions put on every page, and when a page needs it: (style sheets, scripts, the
# names an inline script of theirs sets, the test on the classes of the page's body).
OPTIONAL_ASSETS = (
    (("sphinx-design.min.css",), ("design-tabs.js",), (), _needs_design),
    (("togglebutton.css",), ("togglebutton.js",), ("toggleHintShow", "toggleHintHide", "toggleOpenOnPrint", "togglebuttonSelector"), _needs_toggles),
    (("copybutton.css", "pygments.css"), ("clipboard.min.js", "copybutton.js"), (), _needs_copy),
)


def unneeded_assets(body: str) -> tuple[set[str], set[str], tuple[str, ...]]:
    """The style sheets, scripts and inline-script names a page with this body does not need."""
    classes = [set(value.split()) for value in CLASS_ATTR.findall(body)]
    css, js, inline = set(), set(), ()
    for sheets, scripts, names, needed in OPTIONAL_ASSETS:
        if not needed(classes):
            css.update(sheets)
            js.update(scripts)
            inline += names
    return css, js, inline


def _name(asset: Any) -> str:
    return str(getattr(asset, "filename", "") or "").rsplit("/", 1)[-1]


def drop_unneeded_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Leave out of the page the extension assets its body does not use (they load on every page otherwise)."""
    css, js, inline = unneeded_assets(context.get("body", ""))
    if isinstance(context.get("css_files"), list):
        context["css_files"][:] = [c for c in context["css_files"] if _name(c) not in css]
    if isinstance(context.get("script_files"), list):
        context["script_files"][:] = [
            s for s in context["script_files"]
            if _name(s) not in js and not (isinstance(s, _JavaScript) and not s.filename
                                           and any(n in s.attributes.get("body", "") for n in inline))]


# --- meta description ------------------------------------------------------------------------------------

def description(doctree: nodes.Node | None, fallback: str) -> str:
    """The page's first paragraph of some length (not in a table, note or output), cut at a word."""
    if doctree is not None:
        for paragraph in doctree.findall(nodes.paragraph):
            if any(isinstance(a, (nodes.table, nodes.Admonition, nodes.footnote, nodes.citation, nodes.field_list))
                   for a in _ancestors(paragraph)):
                continue
            text = " ".join(paragraph.astext().split())
            if len(text) >= 50:
                return shorten(text)
    return shorten(fallback)


def _ancestors(node: nodes.Node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def add_description(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    metatags = context.get("metatags", "")
    if 'name="description"' in metatags:
        return
    title = re.sub(r"<[^>]+>", "", context.get("title", "") or "")
    book = html.unescape(re.sub(r"<[^>]+>", "", context.get("docstitle", "") or ""))
    fallback = f"{html.unescape(title)}: {book}" if title and book else (title or book)
    text = description(doctree, fallback)
    context["metatags"] = metatags + f'\n<meta name="description" content="{html.escape(text, quote=True)}" />'


def add_theme_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The addresses the layout needs: the theme's style sheet subset and the solid icon font (preloaded)."""
    if "pathto" in context:
        pathto = context["pathto"]
        path, _, version = font_url("fa-solid-900").partition("?")
        context["icon_font_preload"] = f"{pathto(path, 1)}?{version}"
        context["theme_css_subset"] = f"{pathto('_static/' + THEME_CSS, 1)}?v={theme_css_digest()}"


@functools.cache
def theme_css_digest() -> str:
    return digest(theme_css_subset().encode("utf-8"))


def write_theme_css(app: Sphinx, exception: Exception | None) -> None:
    """Write the theme's style sheet subset next to the theme's own, once the static files are in place."""
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / THEME_CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(theme_css_subset(), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", add_theme_assets)
    app.connect("build-finished", write_theme_css)
    app.connect("html-page-context", drop_unneeded_assets, priority=980)  # after every extension has added its assets
    app.connect("html-page-context", defer_scripts, priority=990)
    app.connect("html-page-context", add_description)
    env_version = int(hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8], 16)
    return {"version": "0.1", "env_version": env_version, "parallel_read_safe": True, "parallel_write_safe": True}


def main(argv: list[str] | None = None) -> int:
    """Regenerate _assets/icons/ from the installed themes."""
    for path in write_icon_files():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
