"""A whole class on the hub (hub/): real JupyterHub, real accounts, a real browser, nbgrader's exchange.

On localhost, with free ports, the test starts JupyterHub from hub/jupyterhub_config.py (and so
configurable-http-proxy), creates three learner accounts and a trainer account in two fresh Unix groups,
and serves a bare clone of this repository with git daemon (a file:// URL would not do: git refuses to
read a repository another account owns). Then, each in Chromium:

1. every learner signs in with their password and follows the nbgitpuller link of ``coursekit.hub link``:
   the course is cloned into their home and lesson 2.1 opens; they run it and answer one exercise,
   two rightly and one wrongly; each answer is in that learner's own progress file, which no other learner
   can read; after a new commit, the link brings it and keeps a file the learner changed;
2. the trainer lays out the course (``coursekit.hub course``), generates and releases practice set 1 from
   the formgrader; the learners fetch it, complete it (all of it, part of it, none of it) and submit it
   through nbgrader's exchange; the trainer collects and autogrades every submission;
3. the class gradebook (``coursekit.hub progress`` + ``coursekit.gradebook --nbgrader``) shows each
   learner's exercise verdict and practice-set score in one row.

The accounts, groups, processes and files it made are removed afterwards, also when it fails. It needs
root (or passwordless sudo) for the accounts and the hub, and hub/.venv (bash hub/setup.sh); without
them it is skipped, except in CI (CI set), where a missing hub/.venv fails it.
"""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from coursekit.editions import COURSE_ID
from coursekit.exercises import get
from coursekit.hub import PROGRESS, link
from helpers import ROOT

pytestmark = pytest.mark.slow

HUB_DIR = ROOT / "hub"
HUB_BIN = HUB_DIR / ".venv" / "bin"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LESSON = "chapters/2-contact/2-1-weak-link.ipynb"
EXERCISE = get("contact-2-1-platforms-not-enough")
RIGHT = next(c for c in EXERCISE.choices if c.correct)
WRONG = next(c for c in EXERCISE.choices if not c.correct)
PRACTICE = "practice-1-motivation"
SOURCE = ROOT / "exercises" / f"{PRACTICE}.ipynb"
AS_ROOT = [] if os.geteuid() == 0 else ["sudo", "-n"]


def _why_not() -> str | None:
    """Why this machine cannot run the test, or None."""
    if AS_ROOT and (not shutil.which("sudo") or subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode != 0):
        return "needs root or passwordless sudo: it creates Unix accounts and runs JupyterHub as root"
    for tool in ("useradd", "userdel", "groupadd", "groupdel", "chpasswd", "runuser", "git"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            return f"needs {tool} (Debian's passwd, util-linux and git packages)"
    closed = next((folder for folder in [ROOT, *ROOT.parents] if not os.stat(folder).st_mode & 0o001), None)
    if closed is not None:
        return (f"the learners' accounts cannot enter {closed} (no o+x), above the course and hub/.venv: "
                "run the test from a clone in an open folder, e.g. under /srv or /tmp")
    if not (HUB_BIN / "jupyterhub").exists() or not (HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        if os.environ.get("CI"):
            pytest.fail("hub/.venv or hub/node_modules is missing: .ci/run runs 'bash hub/setup.sh' before the tests")
        return "hub/.venv is not set up: run 'bash hub/setup.sh' first (.ci/run does)"
    return None


def run(command: list[str], *, root: bool = False, user: str | None = None, **kwargs) -> subprocess.CompletedProcess:
    """Run a command (as root, or as one of the test's accounts); fail with its output if it fails."""
    if user:
        command = [*AS_ROOT, "runuser", "-u", user, "--", *command]
    elif root:
        command = [*AS_ROOT, *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=kwargs.pop("timeout", 300), **kwargs)
    if result.returncode != 0 and kwargs.get("check", True) is not False:
        pytest.fail(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, log: Path, what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{what} did not start:\n{log.read_text(errors='replace')[-4000:]}")
            time.sleep(0.3)


def _processes_of(user: str) -> list[int]:
    listed = subprocess.run(["ps", "-o", "pid=", "-u", user], capture_output=True, text=True).stdout
    return [int(pid) for pid in listed.split()]


def _memory_of(user: str) -> float:
    """The resident memory of an account's processes (its server and kernel), in MB, for the README's sizing."""
    listed = subprocess.run(["ps", "-o", "rss=", "-u", user], capture_output=True, text=True).stdout
    return sum(int(kb) for kb in listed.split()) / 1024


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    subprocess.run([*AS_ROOT, "kill", "-TERM", str(process.pid)], capture_output=True)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        subprocess.run([*AS_ROOT, "kill", "-KILL", str(process.pid)], capture_output=True)
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def hub():
    """A running hub with three learners and a trainer; yields what the test needs; removes everything after."""
    reason = _why_not()
    if reason:
        pytest.skip(reason)
    tag = secrets.token_hex(3)
    learners = [f"cx{tag}{n}" for n in ("ana", "ben", "eva")]
    trainer = f"cx{tag}tom"
    groups = {"learners": f"cx{tag}-learners", "trainers": f"cx{tag}-trainers"}
    passwords = {name: secrets.token_urlsafe(12) for name in [*learners, trainer]}
    work = Path(tempfile.mkdtemp(prefix="coursekit-hub-", dir="/tmp"))
    os.chmod(work, 0o755)  # the accounts reach the exchange through it
    made_users: list[str] = []
    made_groups: list[str] = []
    daemon = server = None
    hub_log = work / "jupyterhub.log"
    try:
        # The course, as learners' servers clone it: a bare copy of this commit, served by git daemon.
        commit = run(["git", "-C", str(ROOT), "rev-parse", "HEAD"]).stdout.strip()
        run(["git", "clone", "--quiet", "--bare", str(ROOT), str(work / "repos" / "social-business.git")])
        run(["git", "-C", str(work / "repos" / "social-business.git"), "update-ref", "refs/heads/course", commit])
        git_port = _free_port()
        daemon_log = work / "git-daemon.log"
        daemon = subprocess.Popen(["git", "daemon", "--export-all", "--reuseaddr", "--listen=127.0.0.1", f"--port={git_port}",
                                   f"--base-path={work / 'repos'}", str(work / "repos")],
                                  stdout=daemon_log.open("w"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while subprocess.run(["git", "ls-remote", f"git://127.0.0.1:{git_port}/social-business.git"],
                             capture_output=True).returncode != 0:
            if daemon.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"git daemon did not start:\n{daemon_log.read_text()[-2000:]}")
            time.sleep(0.2)

        for group in groups.values():
            run(["groupadd", group], root=True)
            made_groups.append(group)
        for name in [*learners, trainer]:
            group = groups["trainers"] if name == trainer else groups["learners"]
            run(["useradd", "--create-home", "--shell", "/bin/bash", "--groups", group, name], root=True)
            made_users.append(name)
        run(["chpasswd"], root=True, input="".join(f"{n}:{p}\n" for n, p in passwords.items()))

        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        settings = {
            "COURSEKIT_HUB_URL": url, "COURSEKIT_HUB_HUB_PORT": str(_free_port()),
            "COURSEKIT_HUB_PROXY_API_PORT": str(_free_port()), "COURSEKIT_HUB_STATE_DIR": str(work / "state"),
            "COURSEKIT_HUB_EXCHANGE": str(work / "exchange"), "COURSEKIT_HUB_LEARNERS_GROUP": groups["learners"],
            "COURSEKIT_HUB_TRAINERS_GROUP": groups["trainers"],
            "PATH": f"{Path(shutil.which('node') or '/usr/bin/node').parent}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
        }
        server = subprocess.Popen([*AS_ROOT, "env", *(f"{k}={v}" for k, v in settings.items()),
                                   str(HUB_BIN / "jupyterhub"), "-f", str(HUB_DIR / "jupyterhub_config.py")],
                                  cwd=work, stdout=hub_log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
        _wait_for(f"{url}/hub/api", server, hub_log, "JupyterHub")
        yield {
            "url": url, "work": work, "learners": learners, "trainer": trainer, "passwords": passwords,
            "repo": f"git://127.0.0.1:{git_port}/social-business.git", "log": hub_log,
            "bare": work / "repos" / "social-business.git",
        }
    finally:
        _stop(server)  # the hub stops the learners' servers and its proxy as it shuts down
        proxy_pid = work / "state" / "proxy.pid"
        if proxy_pid.exists():
            subprocess.run([*AS_ROOT, "kill", "-TERM", proxy_pid.read_text().strip()], capture_output=True)
        _stop(daemon)
        for name in made_users:
            for pid in _processes_of(name):  # anything left of this account's server or kernels
                subprocess.run([*AS_ROOT, "kill", "-KILL", str(pid)], capture_output=True)
            subprocess.run([*AS_ROOT, "userdel", "--remove", name], capture_output=True)
        for group in made_groups:
            subprocess.run([*AS_ROOT, "groupdel", group], capture_output=True)
        if os.environ.get("COURSEKIT_KEEP_HUB_LOG") and hub_log.exists():
            shutil.copy(hub_log, os.environ["COURSEKIT_KEEP_HUB_LOG"])
        subprocess.run([*AS_ROOT, "rm", "-rf", str(work)], capture_output=True)


def _in_own_thread(scenario) -> None:
    """Run the browser part in a thread of its own: the sync Playwright API refuses a thread where another
    Playwright (the browser tests' session browser, in the same worker) runs an event loop."""
    failure: list[BaseException] = []

    def target():
        try:
            scenario()
        except BaseException as err:  # re-raised in the test's thread
            failure.append(err)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def _sign_in(browser, hub: dict, name: str):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    host = urlparse(hub["url"]).hostname

    def route(r):  # the hub and its servers only; a chart's CDN request is refused
        r.continue_() if r.request.url.startswith(("data:", "blob:")) or urlparse(r.request.url).hostname == host else r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(f"{hub['url']}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", hub["passwords"][name])
    page.click("#login_submit")
    page.wait_for_url(re.compile(r"/(hub/spawn|hub/home|hub/spawn-pending|user/).*"))
    return page


def _api(page, hub: dict, name: str, method: str, path: str, **kwargs):
    """A request from the signed-in browser to this person's server (with Jupyter's XSRF token)."""
    xsrf = next((c["value"] for c in page.context.cookies(hub["url"] + f"/user/{name}/") if c["name"] == "_xsrf"), "")
    response = page.request.fetch(f"{hub['url']}/user/{name}/{path}", method=method,
                                  headers={"X-XSRFToken": xsrf, "Referer": f"{hub['url']}/user/{name}/lab"},
                                  timeout=240_000, **kwargs)
    assert response.ok, f"{method} {path} as {name}: {response.status} {response.text()[:1000]}"
    if method == "POST":  # nbgrader's handlers answer 200 with success false and its log when a step fails
        answer = response.json()
        assert answer.get("success", True), f"{path} as {name} failed: {answer.get('log') or answer}"
    return response


def _run_lesson_and_answer(page, choice) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.locator(".jp-Notebook").first.wait_for()
    page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle$")).first.wait_for()
    for attempt in range(2):  # Run ▸ Run All Cells, once more if a busy machine dropped the first request
        page.locator("#jp-MainMenu").get_by_text("Run", exact=True).click()
        page.locator("li[data-command='runmenu:run-all']").click()
        try:
            page.locator(".jp-InputPrompt", has_text=re.compile(r"\[(\d+|\*)\]")).first.wait_for(timeout=30_000)
            break
        except PlaywrightTimeout:
            if attempt:
                raise
    page.locator(".jupyter-widgets.jupyter-button", has_text="Check my answer").nth(2).wait_for()
    form = page.locator(".widget-vbox", has=page.locator(".widget-html", has_text=EXERCISE.prompt[:60])).last
    form.get_by_text(choice.text[:40], exact=False).click()
    form.get_by_role("button", name="Check my answer").click()
    form.locator("[role=status]").first.wait_for()
    assert form.locator("[role=status]").first.inner_text() == EXERCISE.check(choice.id).message


def _add_commit(bare: Path, clone: Path, name: str, text: str) -> None:
    """A new commit on the course's branch, as a trainer pushes one after the link went out."""
    run(["git", "clone", "--quiet", "--branch", "course", str(bare), str(clone)])
    (clone / name).write_text(text, encoding="utf-8")
    run(["git", "-C", str(clone), "add", name])
    run(["git", "-C", str(clone), "-c", "user.name=Trainer", "-c", "user.email=trainer@example.org",
         "commit", "--quiet", "-m", f"Add {name}"])
    run(["git", "-C", str(clone), "push", "--quiet", "origin", "course"])


def _completed(fetched: dict, tasks: int) -> dict:
    """The fetched notebook with the source's solutions typed into its first ``tasks`` solution cells."""
    solutions = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in json.loads(SOURCE.read_text())["cells"]
                 if c["metadata"].get("nbgrader", {}).get("solution")}
    done = 0
    for cell in fetched["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in solutions and done < tasks:
            cell["source"] = solutions[grade_id]
            done += 1
    return fetched


def test_a_class_on_the_hub_pulls_the_course_answers_alone_and_submits_a_practice_set_to_the_gradebook(hub):
    learners, trainer, work = hub["learners"], hub["trainer"], hub["work"]
    address = link(hub["url"], hub["repo"], "course", LESSON)
    choices = dict(zip(learners, (RIGHT, WRONG, RIGHT)))
    tasks = json.loads(SOURCE.read_text())
    solution_count = sum(bool(c["metadata"].get("nbgrader", {}).get("solution")) for c in tasks["cells"])
    completed = dict(zip(learners, (solution_count, 2, 0)))  # all of it, two tasks, nothing
    max_score = sum(c["metadata"]["nbgrader"].get("points", 0) for c in tasks["cells"]
                    if c["metadata"].get("nbgrader", {}).get("grade"))
    started = time.monotonic()
    memory: dict[str, float] = {}

    def scenario():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                pages = {}
                for name in learners:  # each signs in and follows the link; their servers start side by side
                    pages[name] = _sign_in(browser, hub, name)
                    pages[name].goto(address, wait_until="commit")
                for name in learners:
                    pages[name].wait_for_url(re.compile(rf"/user/{name}/lab/tree/social-business/"), timeout=180_000)
                    _run_lesson_and_answer(pages[name], choices[name])
                memory.update({name: _memory_of(name) for name in learners})

                # A second click brings the course's new commits and keeps what the learner changed.
                first, mine = learners[0], "social-business/intro.md"
                edited = _api(pages[first], hub, first, "GET", f"api/contents/{mine}").json()["content"] + "\nMy own note.\n"
                _api(pages[first], hub, first, "PUT", f"api/contents/{mine}",
                     data={"type": "file", "format": "text", "content": edited})
                _add_commit(hub["bare"], work / "upstream", "hub-news.md", "A new page the trainer added.\n")
                pages[first].goto(address)
                pages[first].wait_for_url(re.compile(rf"/user/{first}/lab/tree/social-business/"), timeout=120_000)
                assert _api(pages[first], hub, first, "GET", f"api/contents/{mine}").json()["content"] == edited
                news = _api(pages[first], hub, first, "GET", "api/contents/social-business/hub-news.md").json()
                assert news["content"] == "A new page the trainer added.\n"

                # The trainer: the course folder, then generate and release the practice set from the formgrader.
                teacher = _sign_in(browser, hub, trainer)
                teacher.goto(f"{hub['url']}/hub/spawn")
                teacher.wait_for_url(re.compile(rf"/user/{trainer}/lab"), timeout=180_000)
                home = Path(f"~{trainer}").expanduser()
                run([str(HUB_BIN / "python"), "-m", "coursekit.hub", "course", str(home / "course")], user=trainer, cwd="/")
                # nbgrader's formgrader is the trainer's alone.
                learner_view = pages[learners[0]].request.get(f"{hub['url']}/user/{learners[0]}/formgrader/api/status")
                assert learner_view.status == 404, f"a learner reached the formgrader ({learner_view.status})"
                _api(teacher, hub, trainer, "GET", "formgrader/api/status")
                _api(teacher, hub, trainer, "POST", f"formgrader/api/assignment/{PRACTICE}/assign")
                _api(teacher, hub, trainer, "POST", f"formgrader/api/assignment/{PRACTICE}/release")

                # The learners fetch it, complete it (or not) in their copy and submit it.
                form = {"assignment_id": PRACTICE, "course_id": COURSE_ID}
                for name in learners:
                    _api(pages[name], hub, name, "POST", "assignments/fetch", form=form)
                    notebook = f"api/contents/{PRACTICE}/{PRACTICE}.ipynb"
                    fetched = _api(pages[name], hub, name, "GET", notebook).json()["content"]
                    _api(pages[name], hub, name, "PUT", notebook,
                         data={"type": "notebook", "format": "json", "content": _completed(fetched, completed[name])})
                    _api(pages[name], hub, name, "POST", "assignments/submit", form=form)

                # The trainer collects and autogrades every submission.
                _api(teacher, hub, trainer, "POST", f"formgrader/api/assignment/{PRACTICE}/collect")
                for name in learners:
                    _api(teacher, hub, trainer, "POST", f"formgrader/api/submission/{PRACTICE}/{name}/autograde")
            except BaseException:
                for name, page in [*locals().get("pages", {}).items(), (trainer, locals().get("teacher"))]:
                    if page is not None:
                        page.screenshot(path=str(Path(tempfile.gettempdir()) / f"hub-failure-{name}.png"))
                raise
            finally:
                browser.close()

    try:
        _in_own_thread(scenario)
    except BaseException:
        print(f"hub log (last lines):\n{hub['log'].read_text(errors='replace')[-5000:]}")
        raise

    # Each learner's answer is in their own progress file, in their own home, out of the others' reach.
    for name in learners:
        saved = json.loads(run(["cat", str(Path(f"~{name}").expanduser() / PROGRESS)], root=True).stdout)
        assert saved["answers"][EXERCISE.id]["response"] == choices[name].id
    other = run(["cat", str(Path(f"~{learners[0]}").expanduser() / PROGRESS)], user=learners[1], check=False)
    assert other.returncode != 0 and "Permission denied" in other.stderr

    # One gradebook: the lesson's answers (progress files, copied as root) and nbgrader's scores.
    answers, out = work / "answers", work / "gradebook"
    run([sys.executable, "-m", "coursekit.hub", "progress", "--out", str(answers), *learners], root=True)
    db = Path(f"~{trainer}").expanduser() / "course" / "gradebook.db"
    run([sys.executable, "-m", "coursekit.gradebook", str(answers), "--out", str(out), "--nbgrader", str(db)],
        root=True, cwd=str(ROOT))
    table = list(csv.DictReader(run(["cat", str(out / "gradebook.csv")], root=True).stdout.splitlines()))
    rows = {row["learner"]: row for row in table}
    assert sorted(rows) == sorted(learners)
    column = next(c for c in table[0] if c.startswith(f"{PRACTICE} (nbgrader"))
    assert column == f"{PRACTICE} (nbgrader, of {max_score:g})"
    for name in learners:
        assert rows[name][EXERCISE.id] == str(int(choices[name] is RIGHT))
    scores = {name: float(rows[name][column]) for name in learners}
    assert scores[learners[0]] == max_score
    assert 0 < scores[learners[1]] < max_score
    assert scores[learners[2]] == 0
    print(f"hub end to end: {time.monotonic() - started:.0f} s after the hub started; scores {scores} of {max_score:g}; "
          f"memory per learner after lesson 2.1 (server and kernel): {', '.join(f'{m:.0f} MB' for m in memory.values())}")
