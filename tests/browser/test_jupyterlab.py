"""A learner's live notebook: a real JupyterLab on localhost, driven in Chromium.

The test copies one lesson notebook into a temporary folder, starts JupyterLab there (its own
config, settings, workspace and progress folders, so nothing of the real home is touched), opens
the notebook and checks, in order:

1. before running: each exercise shows its saved output, the question and its choices as static
   text, with no "Error displaying widget" (stored outputs keep no widget view, see
   coursekit/notebooks.py); the README tells learners to run the notebook to check answers;
2. after Run All: each exercise is a live form; a wrong answer and then a right one get the
   bank's feedback, and the answer is written to the learner's progress file;
3. after a reload and a second run: the form starts from the saved answer (work is not lost).

Charts, offline (every request to another host is blocked and recorded; none may be made): before a
lesson is run, each chart output shows its stored image with the chart's description as alternative text
(JupyterLab strips the scripts of outputs it does not trust); after Run All, each chart is drawn live by
vega, which the course's Jupyter server extension (coursekit/server.py) serves from the learner's machine.
"""

from __future__ import annotations

import html
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from coursekit.exercises import get
from helpers import ROOT

pytestmark = pytest.mark.browser

LESSON = ROOT / "chapters" / "2-contact" / "2-1-weak-link.ipynb"
MY_ANSWERS = ROOT / "back" / "my-answers.ipynb"
CHART_LESSON = ROOT / "chapters" / "2-contact" / "2-5-french-users-fatigue.ipynb"  # three charts
SHOWN = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook on show (another's tab may stay in the page, hidden)
# The questions, options and answers come from the bank, so the test follows any rewrite of them.
SINGLE_EX = get("contact-2-1-platforms-not-enough")
NUMERIC_EX = get("contact-2-1-read-the-chart")
SINGLE = SINGLE_EX.prompt[:60]
NUMERIC = NUMERIC_EX.prompt[:60]
RIGHT = next(c for c in SINGLE_EX.choices if c.correct)
WRONG = next(c for c in SINGLE_EX.choices if not c.correct)
ANSWER = f"{NUMERIC_EX.answer:g}"
TOO_LOW = f"{NUMERIC_EX.answer - NUMERIC_EX.tolerance - 5:g}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on localhost serving a copy of one lesson; yields (url, token, progress folder, home)."""
    home = tmp_path_factory.mktemp("lab")
    work = home / "work"
    work.mkdir()
    shutil.copy(LESSON, work / LESSON.name)
    shutil.copy(MY_ANSWERS, work / MY_ANSWERS.name)
    shutil.copy(CHART_LESSON, work / CHART_LESSON.name)
    progress = home / "progress"
    # Start a notebook's own kernel without asking: with kernels of other notebooks running, JupyterLab may
    # otherwise ask "Select Kernel" (a dialog that covered the Run menu under load).
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"autoStartDefaultKernel": True}), encoding="utf-8")
    # No "Would you like to get notified about official Jupyter news?" toast over the notebook (nor a request for it).
    news = home / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "COURSEKIT_PROGRESS_DIR": str(progress),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "IPYTHONDIR": str(home / "ipython"),
    }
    log = (home / "lab.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
         f"--ServerApp.root_dir={work}", f"--IdentityProvider.token={token}",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}api/status?token={token}", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{(home / 'lab.log').read_text()[-3000:]}")
                time.sleep(0.5)
        yield url, token, progress, home
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture
def lab_page(browser, lab, request):
    url, token, progress, home = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.outside = []

    def route(r):
        request_url = r.request.url
        if request_url.startswith(("data:", "blob:")) or urlparse(request_url).hostname in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            page.outside.append(request_url)
            r.abort()

    context.route("**/*", route)
    page.set_default_timeout(60_000)
    yield page, f"{url}lab/tree/{LESSON.name}?token={token}", progress
    if getattr(request.node, "failed", False):  # leave what the learner saw, and the server's log, for diagnosis
        page.screenshot(path=str(home / "failure.png"), full_page=True)
        print(f"JupyterLab test failed: screenshot {home / 'failure.png'}; server log:\n{(home / 'lab.log').read_text()[-3000:]}")
    context.close()


def _open(page, address: str) -> None:
    page.goto(address)
    page.locator(f"{SHOWN} .jp-Notebook").first.wait_for()
    page.get_by_text(SINGLE).first.wait_for()
    # The kernel is connected and idle: the status bar says so (cells run before that are dropped).
    page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle$")).first.wait_for()


def _run_all(page) -> None:
    """Run ▸ Run All Cells, as a learner would; once more if a busy machine dropped the first request."""
    for attempt in range(2):
        page.locator("#jp-MainMenu").get_by_text("Run", exact=True).click()
        page.locator("li[data-command='runmenu:run-all']").click()
        try:  # the first code cell gets an execution count
            page.locator(f"{SHOWN} .jp-InputPrompt", has_text=re.compile(r"\[(\d+|\*)\]")).first.wait_for(timeout=30_000)
            break
        except PlaywrightTimeout:
            if attempt:
                raise
    # every exercise becomes a live form: its Check button is an ipywidgets button
    page.locator(".jupyter-widgets.jupyter-button", has_text="Check my answer").nth(2).wait_for()


def _form(page, question: str):
    """The live form (an ipywidgets VBox) whose header holds this question."""
    return page.locator(".widget-vbox", has=page.locator(".widget-html", has_text=question)).last


def test_a_learner_opens_a_lesson_runs_it_and_the_exercises_answer_back(lab_page):
    page, address, progress = lab_page
    _open(page, address)

    # Before running: the saved static face, readable, never a broken widget.
    assert page.get_by_text("Error displaying widget").count() == 0
    assert page.locator(".jp-OutputArea-output", has_text=WRONG.text[:40]).count() >= 1
    assert page.locator(".jupyter-widgets").count() == 0

    _run_all(page)
    assert page.get_by_text("Error displaying widget").count() == 0

    single = _form(page, SINGLE)
    single.get_by_text(WRONG.text[:40], exact=False).click()
    single.get_by_role("button", name="Check my answer").click()
    feedback = single.locator("[role=status]").first
    feedback.wait_for()
    assert feedback.inner_text() == SINGLE_EX.check(WRONG.id).message

    single.get_by_text(RIGHT.text[:40], exact=False).click()
    single.get_by_role("button", name="Check my answer").click()
    page.wait_for_function(
        "q => [...document.querySelectorAll('.widget-vbox')].some(f => f.textContent.includes(q)"
        " && (f.querySelector('[role=status]') || {}).textContent?.startsWith('Correct'))",
        arg=SINGLE,
    )

    numeric = _form(page, NUMERIC)
    field = numeric.locator("input[type=text]")
    field.fill(TOO_LOW)
    numeric.get_by_role("button", name="Check my answer").click()
    numeric.get_by_text(NUMERIC_EX.feedback.too_low[:50]).wait_for()
    field.fill("abc")
    numeric.get_by_role("button", name="Check my answer").click()
    numeric.locator("[role=status]").first.wait_for()
    assert not numeric.locator("[role=status]").first.inner_text().startswith("Correct")
    field.fill(ANSWER)
    numeric.get_by_role("button", name="Check my answer").click()
    numeric.get_by_text(NUMERIC_EX.check(ANSWER).message[:50], exact=False).wait_for()

    # The answers are in the learner's progress file (the kernel wrote it).
    deadline = time.monotonic() + 20
    saved: dict = {}
    while time.monotonic() < deadline:
        files = list(progress.rglob("*.json"))
        if files:
            saved = json.loads(files[0].read_text(encoding="utf-8"))
            text = json.dumps(saved)
            if "contact-2-1-read-the-chart" in text and "contact-2-1-platforms-not-enough" in text:
                break
        time.sleep(0.5)
    text = json.dumps(saved)
    assert "contact-2-1-read-the-chart" in text and json.dumps(ANSWER) in text, saved

    # Reopen and run again: the forms start from the saved answers, with their verdict.
    page.reload()
    _open(page, page.url)
    _run_all(page)
    numeric = _form(page, NUMERIC)
    assert numeric.locator("input[type=text]").input_value() == ANSWER
    numeric.get_by_text(NUMERIC_EX.check(ANSWER).message[:50], exact=False).wait_for()

    # Charts included, nothing came from another host.
    assert page.outside == []


# The charts of the notebook on show (another notebook's tab stays in the page, hidden).
CHARTS_SEEN = """() => [...document.querySelectorAll('SHOWN .jp-OutputArea-output .coursekit-chart')].map(c => {
  const img = c.querySelector('img');
  return {image: !!img && img.complete && img.naturalWidth > 0, alt: img ? img.alt : null,
          drawn: !!c.querySelector('svg.marks'), width: c.getBoundingClientRect().width, note: c.textContent.trim()};
})""".replace("SHOWN", SHOWN)


def test_charts_show_their_image_before_running_and_draw_live_after_with_no_network(lab_page):
    from coursekit.charts.core import CHART_CLASS

    page, address, progress = lab_page
    notebook = json.loads(CHART_LESSON.read_text(encoding="utf-8"))
    stored = [re.search(r'alt="([^"]*)"', "".join(o["data"]["text/html"])).group(1)
              for cell in notebook["cells"] for o in cell.get("outputs", [])
              if f'class="{CHART_CLASS}"' in "".join(o.get("data", {}).get("text/html", ""))]
    assert len(stored) == 3, "the lesson's notebook stores three charts"
    # A workspace of its own: the other tests' workspace never holds this notebook's tab.
    page.goto(address.replace(f"lab/tree/{LESSON.name}", f"lab/workspaces/charts/tree/{CHART_LESSON.name}"))
    page.locator(f"{SHOWN} .jp-Notebook").first.wait_for()
    page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle$")).first.wait_for()

    # Before running: every chart is its stored image, described; nothing is drawn yet.
    page.wait_for_function(f"({CHARTS_SEEN})().filter(c => c.image).length === {len(stored)}")
    before = page.evaluate(CHARTS_SEEN)
    assert [c["alt"] for c in before] == [html.unescape(a) for a in stored]
    assert all(c["alt"] and len(c["alt"]) > 40 and not c["drawn"] for c in before)

    # Run ▸ Run All Cells (again if a busy machine dropped the request): every chart draws live (vega from the
    # course's server extension), in its image's place.
    _run_all(page)
    page.wait_for_function(f"({CHARTS_SEEN})().filter(c => c.drawn).length === {len(stored)}", timeout=60_000)
    after = page.evaluate(CHARTS_SEEN)
    assert all(c["drawn"] and c["width"] > 300 and not c["image"] for c in after), after
    assert page.outside == [], "a chart reached for another host"


def test_every_option_of_every_choice_exercise_is_visible_and_selectable(browser, lab):
    """Long options wrap beside their button: at a notebook at most 1,000 pixels wide, every radio
    button and checkbox of the lesson's choice exercises lies inside its output and can be chosen."""
    url, token, progress, home = lab
    context = browser.new_context(viewport={"width": 1040, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    context.route("**/*", lambda r: r.continue_() if urlparse(r.request.url).hostname in ("127.0.0.1", "localhost")
                  or r.request.url.startswith(("data:", "blob:")) else r.abort())
    try:
        _open(page, f"{url}lab/tree/{LESSON.name}?token={token}")
        _run_all(page)
        notebook = page.locator(".jp-NotebookPanel-notebook").first.bounding_box()
        assert notebook["width"] <= 1000
        choice_outputs = page.locator(".jp-OutputArea-output", has=page.locator(".widget-radio-box, .widget-checkbox"))
        choice_outputs.first.wait_for()
        assert choice_outputs.count() >= 2
        for n in range(choice_outputs.count()):
            output = choice_outputs.nth(n)
            output.scroll_into_view_if_needed()
            area = output.bounding_box()
            boxes = output.locator("input[type=radio], input[type=checkbox]")
            assert boxes.count() >= 3
            for k in range(boxes.count()):
                box = boxes.nth(k)
                box.scroll_into_view_if_needed()
                edges = box.bounding_box()
                assert box.is_visible() and edges and edges["width"] > 0
                assert area["x"] <= edges["x"] and edges["x"] + edges["width"] <= area["x"] + area["width"], f"option {k} of output {n}"
                on_top = box.evaluate("b => { const r = b.getBoundingClientRect();"
                                      " return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === b; }")
                assert on_top, f"option {k} of output {n}: its button is hidden (clipped or covered)"
                box.click(timeout=5_000)
                assert box.is_checked()
                if box.get_attribute("type") == "checkbox":
                    box.click()
                    assert not box.is_checked()
    finally:
        if not getattr(page, "closed", False):
            page.screenshot(path=str(home / "options.png"), full_page=False)
        context.close()


def test_a_learner_names_their_work_and_saves_all_of_it_next_to_the_notebook(browser, lab):
    from coursekit.exercises.messages import SHARED

    url, token, progress, home = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{url}lab/tree/{MY_ANSWERS.name}?token={token}")
        page.locator(f"{SHOWN} .jp-Notebook").first.wait_for()
        page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle$")).first.wait_for()
        save = page.locator(".jupyter-widgets.jupyter-button", has_text="Save all my answers in this folder")
        for attempt in range(2):  # Run ▸ Run All Cells, once more if a busy machine dropped the first request
            page.locator("#jp-MainMenu").get_by_text("Run", exact=True).click()
            page.locator("li[data-command='runmenu:run-all']").click()
            try:
                save.wait_for(timeout=30_000)
                break
            except PlaywrightTimeout:
                if attempt:
                    raise
        name = page.locator(".widget-text", has_text=SHARED["learner_label"]).locator("input")
        name.fill("Ana Silva")
        name.press("Enter")  # the box sends its value when committed
        page.get_by_text("Saved: your answers files now carry").wait_for()
        save.click()
        page.get_by_text("Saved as answers-course-Ana-Silva.json").wait_for()
        written = json.loads((home / "work" / "answers-course-Ana-Silva.json").read_text(encoding="utf-8"))
        kept = json.loads((progress / "progress.json").read_text(encoding="utf-8"))
        assert written["learner"] == kept["learner"] == "Ana Silva" and written["version"] == 3
        assert written["answers"] == kept["answers"], "the copy holds every answer of the progress file"
    except Exception:
        page.screenshot(path=str(home / "failure-my-answers.png"), full_page=True)
        print(f"screenshot: {home / 'failure-my-answers.png'}; dialogs: {page.locator('.jp-Dialog').all_inner_texts()}")
        raise
    finally:
        context.close()
