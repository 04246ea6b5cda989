"""The light-page extension's rules (issue 18): which scripts it defers, the description it writes, and the
icon font subset kept in _assets/icons/ (generated from the installed themes)."""

from __future__ import annotations

from docutils import nodes
from sphinx.builders.html._assets import _JavaScript

from coursekit import pagespeed


def test_the_committed_icon_files_are_what_the_installed_themes_need():
    fresh = pagespeed.icon_files()
    stale = [name for name, data in fresh.items() if (pagespeed.ICON_DIR / name).read_bytes() != data]
    assert stale == [], f"_assets/icons/ is stale ({stale}): run python -m coursekit.pagespeed"


def test_the_subset_holds_the_header_icons_and_the_style_sheets_glyphs():
    codes = pagespeed.icon_codepoints(pagespeed.theme_css())
    needed = set(pagespeed.needed_codepoints())
    for icon in ("magnifying-glass", "bars", "sun", "moon", "circle-half-stroke", "chevron-down", "xmark", "square-github"):
        assert codes[icon] in needed, icon
    assert 0xF05A in needed  # the note admonition's icon, drawn by the theme's style sheet
    assert len(needed) < 80  # a subset, not the whole set (about 2,000 icons)


def test_a_script_file_is_deferred_and_an_inline_script_that_needs_one_becomes_a_module():
    keep = ("vendor/vega.min.js",)
    assert pagespeed.deferred(_JavaScript("doctools.js"), keep).attributes == {"defer": "defer"}
    assert pagespeed.deferred(_JavaScript("a.js", **{"async": "async"}), keep).attributes == {"async": "async"}
    assert pagespeed.deferred(_JavaScript("vendor/vega.min.js"), keep).attributes == {}
    inline = _JavaScript(None, body="DOCUMENTATION_OPTIONS.pagename = 'x';")
    assert pagespeed.deferred(inline, keep).attributes["type"] == "module"
    alone = _JavaScript(None, body="let toggleHintShow = 'Click to show';")  # a global: must stay classic
    assert pagespeed.deferred(alone, keep) is alone
    data = _JavaScript(None, body="{}", type="application/json", id="cx-page-data")
    assert pagespeed.deferred(data, keep) is data
    assert pagespeed.deferred(_JavaScript("b.js", priority=200), keep).priority == 200


def test_the_description_is_the_first_real_paragraph_cut_at_a_word():
    doc = nodes.document(None, None)
    note = nodes.note()
    note += nodes.paragraph(text="A note that is long enough to be taken for the page's first paragraph, but is not.")
    doc += note
    doc += nodes.paragraph(text="Short.")
    doc += nodes.paragraph(text="Students read on phones, " + "often on slow networks, " * 10)
    text = pagespeed.description(doc, "fallback")
    assert text.startswith("Students read on phones") and text.endswith("…")
    assert len(text) <= pagespeed.DESCRIPTION_CHARS and not text[:-1].endswith(" ")
    assert pagespeed.description(None, "Glossary: Social business in practice") == "Glossary: Social business in practice"


def test_the_theme_css_subset_drops_only_the_rules_of_icons_no_page_shows():
    import re

    full = (pagespeed._theme_paths()[0] / "static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    subset = pagespeed.theme_css_subset()
    assert ".fa-magnifying-glass:before" in subset and ".fa-bars:before" in subset and ".fa-square-github:before" in subset
    assert ".fa-mug-hot:before" in full and ".fa-mug-hot:before" not in subset
    assert len(subset) < 0.8 * len(full)  # a real cut: about 2,000 icon rules go
    # Every rule that is not an icon's glyph rule is kept.
    assert pagespeed.ICON_RULE.sub("", subset).count("{") == pagespeed.ICON_RULE.sub("", full).count("{")
    faces = re.findall(r"@font-face\{[^}]*\}", subset)
    assert any("../icons/fa-solid-900.woff?v=" in f for f in faces) and any("../icons/fa-brands-400.woff?v=" in f for f in faces)
    assert not any("fa-solid-900.woff2" in f or "fa-brands-400.woff2" in f for f in faces)


def test_a_page_goes_without_the_extension_assets_its_body_does_not_use():
    css, js, inline = pagespeed.unneeded_assets('<p class="x">Text</p><button class="btn dropdown-toggle"></button>')
    assert {"sphinx-design.min.css", "togglebutton.css", "copybutton.css", "pygments.css"} <= css
    assert {"design-tabs.js", "togglebutton.js", "clipboard.min.js", "copybutton.js"} <= js and "toggleHintShow" in inline
    css, js, _ = pagespeed.unneeded_assets('<div class="sd-card sd-shadow-sm"></div><div class="admonition dropdown note">'
                                           '</div><div class="highlight-python notranslate"><div class="highlight"></div></div>')
    assert css == set() and js == set()
    assert "togglebutton.js" not in pagespeed.unneeded_assets('<details class="toggle-details"></details>')[1]
