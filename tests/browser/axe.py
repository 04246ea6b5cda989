"""axe-core (pinned in package.json), injected into a page to list its WCAG 2.1 A and AA violations."""

from __future__ import annotations

from helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page) -> list[str]:
    """Every violation axe finds on the page as it is now, one line each."""
    assert AXE.is_file(), "axe-core is missing: run scripts/setup.sh (npm ci)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
