"""The class report opens offline in Chromium, straight from the trainer's folder, with every chart drawn."""

from __future__ import annotations

import pytest

from coursekit.exercises.model import default_bank
from coursekit.gradebook import groups
from coursekit.gradebook.__main__ import main
from coursekit.gradebook.report import REPORT_NAME
from helpers import HOSTILE_FILES, class_folder

pytestmark = pytest.mark.browser


def _class_report(tmp_path_factory, *options: str):
    """The report of a generated class of learners plus the hostile files, written by the trainer's command."""
    folder = tmp_path_factory.mktemp("answers")
    class_folder(folder, default_bank())
    for name, (content, _) in HOSTILE_FILES.items():
        (folder / name).write_bytes(content)
    out = tmp_path_factory.mktemp("report")
    assert main([str(folder), "--out", str(out), *options]) == 0
    return out / REPORT_NAME


def _offline(browser, **options):
    """A page that may open local files only: (context, page, outside requests, console and page errors)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    page = context.new_page()
    outside, errors = [], []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, outside, errors


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return _class_report(tmp_path_factory)


def test_the_report_opens_from_its_folder_offline_with_every_chart_drawn(browser, report):
    context, page, outside, errors = _offline(browser)
    page.goto(report.as_uri(), wait_until="load")
    boxes = page.locator(".chart-box")
    assert boxes.count() == 1 + len(groups(default_bank())), "the score distribution, and success rates per part"
    page.wait_for_function("[...document.querySelectorAll('.chart-box')].every(b => b.querySelector('svg'))", timeout=10_000)
    for n in range(boxes.count()):
        box = boxes.nth(n)
        marks = box.locator("svg path.mark-rect, svg g.mark-rect path").count()
        assert marks > 0, f"chart {n} has no bars"
        assert box.get_attribute("aria-label"), "each chart carries its text description"
        caption = box.locator("xpath=following-sibling::figcaption").inner_text()
        assert caption == box.get_attribute("aria-label")
    assert outside == [] and errors == []
    assert page.locator("#bad-files + p").inner_text().startswith(f"{len(HOSTILE_FILES)} file(s) could not be read")
    page.screenshot(path=str(report.with_name("report.png")), full_page=True)  # left beside the report, to look at
    context.close()


@pytest.fixture(scope="module")
def french_report(tmp_path_factory):
    return _class_report(tmp_path_factory, "--language", "fr")


def test_the_french_report_opens_offline_with_every_chart_drawn_in_french(browser, french_report):
    context, page, outside, errors = _offline(browser, locale="fr-FR")
    page.goto(french_report.as_uri(), wait_until="load")
    assert page.locator("html").get_attribute("lang") == "fr"
    boxes = page.locator(".chart-box")
    assert boxes.count() == 1 + len(groups(default_bank()))
    page.wait_for_function("[...document.querySelectorAll('.chart-box')].every(b => b.querySelector('svg'))", timeout=10_000)
    for n in range(boxes.count()):
        box = boxes.nth(n)
        assert box.locator("svg path.mark-rect, svg g.mark-rect path").count() > 0, f"chart {n} has no bars"
        drawn = box.text_content()
        assert "pas pu être dessiné" not in box.inner_text()
        assert ("Distribution des scores par partie" in drawn) if n == 0 else ("taux de réussite par question" in drawn), drawn[:200]
        assert "\u202f%" in drawn or n > 0, "the score bands in French form"
    assert outside == [] and errors == []
    assert page.locator("#bad-files + p").inner_text().startswith(f"{len(HOSTILE_FILES)} fichiers n'ont pas pu être lus")
    page.screenshot(path=str(french_report.with_name("report.png")), full_page=True)
    context.close()
