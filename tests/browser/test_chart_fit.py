"""Every chart of the book fits its column at a phone's, a tablet's and a laptop's width (issue 17).

For each width, one browser context opens every page with charts in turn and measures, once
the charts have drawn (at that width), that:
- no chart's SVG is wider than its container (the notebook cell's output area);
- the page does not scroll sideways;
- no text of a chart (title, subtitle, axis and legend labels, marks' text) lies outside its SVG,
  so nothing is cut;
- no two lines of a chart's title or subtitle overlap.
Failures name the page, the width and the chart, with the measured numbers.
"""

from __future__ import annotations

import pytest

from coursekit.charts.core import SCROLL_THROUGH_CHARTS
from helpers import BUILD_HTML, built_pages

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "tablet": 768, "laptop": 1280}
HEIGHT = 844
CHART = "[id^='altair-viz-']"
CHART_PAGES = [name for name in built_pages() if (BUILD_HTML / name).is_file()
               and 'id="altair-viz-' in (BUILD_HTML / name).read_text(encoding="utf-8")]

# For each chart: its id, the widths of its SVG and of its container, every text that falls outside
# the SVG (with the part of the chart it belongs to), and title lines that overlap.
MEASURE = """
() => {
  const out = {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, charts: []};
  for (const el of document.querySelectorAll("[id^='altair-viz-']")) {
    const svg = el.querySelector("svg");
    const box = svg.getBoundingClientRect();
    const container = el.closest(".cell_output") || el.parentElement;
    const outside = [];
    for (const t of svg.querySelectorAll("text")) {
      const r = t.getBoundingClientRect();
      if (!t.textContent.trim() || r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        const group = t.closest("[class*='role-']");
        outside.push(`${group ? group.getAttribute("class") : "?"}: "${t.textContent.slice(0, 60)}" ` +
                     `(${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} of ${Math.round(box.width)})`);
      }
    }
    const lines = [...svg.querySelectorAll(".role-title text tspan, .role-title text")]
      .filter(t => t.tagName === "tspan" || !t.querySelector("tspan"))
      .map(t => t.getBoundingClientRect()).filter(r => r.height > 0).sort((a, b) => a.top - b.top);
    let overlaps = 0;
    for (let i = 1; i < lines.length; i++) if (lines[i].top < lines[i - 1].bottom - 2) overlaps++;
    out.charts.push({id: el.id, svg: box.width, container: container.clientWidth, outside, overlaps});
  }
  return out;
}
"""


def _measure_every_page(browser, book_url, width: int) -> dict[str, dict]:
    """Open each page with charts at this width (one context, one page reused) and measure it."""
    context = browser.new_context(viewport={"width": width, "height": HEIGHT})
    outside: list[str] = []
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(book_url) else (outside.append(r.request.url), r.abort()))
    page = context.new_page()
    found = {}
    try:
        for name in CHART_PAGES:
            page.goto(book_url + name, wait_until="load")
            count = (BUILD_HTML / name).read_text(encoding="utf-8").count('<div id="altair-viz-')
            page.evaluate(SCROLL_THROUGH_CHARTS)  # charts draw as they come near the viewport
            page.wait_for_function(f'document.querySelectorAll("{CHART} svg").length >= {count}', timeout=15_000)
            # Container-wide charts draw once more after the first layout: wait until two frames agree.
            page.wait_for_function("""() => new Promise(done => {
                const sizes = () => [...document.querySelectorAll("[id^='altair-viz-'] svg")].map(s => s.getAttribute("width")).join();
                const before = sizes(); requestAnimationFrame(() => requestAnimationFrame(() => done(sizes() === before)));
            })""", timeout=15_000)
            found[name] = page.evaluate(MEASURE)
    finally:
        context.close()
    assert outside == [], f"requests to other hosts: {outside}"
    return found


@pytest.mark.parametrize("device", list(WIDTHS))
def test_every_chart_fits_its_column_and_shows_all_its_text(browser, book_url, device):
    assert CHART_PAGES, "no page with charts in the built book"
    width = WIDTHS[device]
    problems = []
    charts = 0
    for name, seen in _measure_every_page(browser, book_url, width).items():
        if seen["scroll"] > seen["inner"]:
            problems.append(f"{name}: the page scrolls sideways ({seen['scroll']} > {seen['inner']} px)")
        for chart in seen["charts"]:
            charts += 1
            where = f"{name} {chart['id']}"
            if chart["svg"] > chart["container"] + 0.5:
                problems.append(f"{where}: the chart is {chart['svg']:.0f} px wide in a {chart['container']} px column")
            problems += [f"{where}: text outside the chart, {text}" for text in chart["outside"]]
            if chart["overlaps"]:
                problems.append(f"{where}: {chart['overlaps']} title lines overlap")
    assert charts >= len(CHART_PAGES)
    assert problems == [], f"at {width} px:\n" + "\n".join(problems)
