"""axe-core (pinned in package.json) finds no WCAG 2.1 A or AA violation on any page, light or dark."""

from __future__ import annotations

import pytest

from helpers import ROOT, built_pages

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = built_pages()


def _violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_wcag_a_or_aa_violation(visit, book_url, name, scheme):
    assert AXE.is_file(), "axe-core is missing: run scripts/setup.sh (npm ci)"
    seen = visit(book_url + name, color_scheme=scheme)
    if seen.page.locator("[id^='altair-viz-']").count():
        seen.page.wait_for_function("document.querySelectorAll(\"[id^='altair-viz-'] svg\").length > 0")
    assert _violations(seen.page) == []


def test_axe_would_catch_a_violation(visit, book_url):
    seen = visit(book_url + "intro.html")
    seen.page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"_static/favicon.svg\">')")
    assert any(v.startswith("image-alt") for v in _violations(seen.page))
