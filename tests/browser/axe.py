"""axe-core (pinned in package.json), injected into a page to list its WCAG 2.1 A and AA violations."""

from __future__ import annotations

from helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page) -> list[str]:
    """Every violation axe finds on the page once its transitions have ended, one line each.

    The theme fades colours when it applies the reader's scheme; on a busy machine axe could measure
    a colour half-way through that fade and report a contrast the reader never sees for more than a moment."""
    assert AXE.is_file(), "axe-core is missing: run scripts/setup.sh (npm ci)"
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
