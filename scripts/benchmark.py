"""Measure the book's pages, its build, the author's preview and the test suite against the course's budgets.

Usage:  .venv/bin/python scripts/benchmark.py [--report benchmark-report.md] [--skip-tests] [--skip-preview]
                                               [--tests-before SECONDS] [--html DIR]

Measured on this machine, in one run, for the course book and for the same content built with a
default Jupyter Book 1 configuration (CDN assets, default execution, no course extension), both
served with gzip compression on localhost (outside hosts blocked, as offline):

- Lighthouse 12.2.3 (npm, package.json) with Debian's Chromium, mobile preset (simulated slow 4G, a
  mid-range phone), on one page of each type (``PAGE_TYPES``): performance, accessibility, best
  practices and SEO scores, first and largest contentful paint, total blocking time, the compressed
  transfer and the five heaviest requests, and the page's parser-blocking scripts (read from its HTML);
- every page in headless Chromium (Playwright), scrolled through so that every chart comes into view:
  compressed bytes and requests, whether it loads the ipywidgets manager, and the time each chart takes
  to draw once it has entered the viewport;
- clean build, rebuild after touching one lesson, a build with nothing changed (information only);
- the author's preview (``bash scripts/preview.sh``): the time from saving a lesson to the refreshed page;
- the test suite's wall time: the whole of ``bash scripts/test.sh`` from a clean state on two CPUs
  (``--tests-before`` adds an earlier figure beside it).

Budgets (exit status 1 when one is missed) are ``BUDGETS``' figures, checked by ``budget_checks``.
``--html DIR`` measures an already built book (no builds, no default book, no preview or test timing).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import mimetypes
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from coursekit.build import command as build_command
from coursekit.charts.core import CHART_ID_PREFIX

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
JB = str(VENV_BIN / "jupyter-book")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
LESSON = Path("chapters/2-contact/2-1-weak-link.ipynb")
TEST_CPUS = 2  # the test suite is timed on this many CPUs (scripts/test.sh runs two pytest workers)
COPY_IGNORE = shutil.ignore_patterns("_build", ".venv", "node_modules", ".git", "drafts", "__pycache__", ".pytest_cache", "tests", "hub")
DEFAULT_CONFIG = """\
title: Social business in practice (default Jupyter Book 1 configuration)
only_build_toc_files: true
bibtex_bibfiles: [references.bib]
exclude_patterns: [_build, "**.ipynb_checkpoints"]
"""

# One page of each type the issue names (path in the built book): Lighthouse measures these.
PAGE_TYPES = {
    "introduction": "intro.html",
    "lesson with charts": "chapters/2-contact/2-1-weak-link.html",
    "lesson with sliders": "chapters/3-roi/3-1-carpe-diem.html",
    "part page": "chapters/2-contact/index.html",
    "glossary": "back/glossary.html",
    "data and sources": "back/data-and-sources.html",
    "exercise catalogue": "back/exercise-catalogue.html",
    "practice set": "exercises/practice-2-contact.html",
}
SEARCH_PAGE = "search.html"  # the one page that loads the search index (the search runs there)
KB = 1000  # the budgets are in kB (Lighthouse prints KiB; 1 KiB = 1.024 kB)
BUDGETS = {
    "performance": 90,            # Lighthouse mobile performance score, every page type
    "accessibility": 95,          # Lighthouse scores, every page type
    "best-practices": 95,
    "seo": 95,
    "tbt_ms": 200,                # total blocking time, mobile preset
    "chart_page_bytes": 450 * KB,  # compressed transfer of a page with charts, every chart drawn
    "page_bytes": 200 * KB,       # compressed transfer of a page without charts
    "chart_draw_ms": 1000,        # every chart drawn within 1 s of entering the viewport
    "preview_s": 3.0,             # preview: save a lesson -> refreshed page
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Chromium, as the tests run it: no background requests of its own; every host but localhost is sent to a
# closed proxy port (Chromium never proxies loopback), so a page cannot reach another host.
CHROME_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-quic",
    "--proxy-server=http://127.0.0.1:9",
)
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


# --- a static server with gzip, as a real host would serve the book ------------------------------------

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve a folder, gzip-compressing text files for clients that accept it (compressed once, then cached)."""

    cache: dict[Path, tuple[bytes, float]] = {}
    lock = threading.Lock()

    def log_message(self, *args) -> None:
        pass

    def send_head(self):  # noqa: ANN201 - the base class's contract: a file-like object or None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlparse(self.path).path.endswith("/"):
                return super().send_head()  # the base class redirects to the folder's URL
            path = path / "index.html"
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not ctype.startswith(COMPRESSIBLE) or not path.is_file():
            return super().send_head()
        with self.lock:
            cached = self.cache.get(path)
            mtime = path.stat().st_mtime
            if cached is None or cached[1] != mtime:
                cached = self.cache[path] = (gzip.compress(path.read_bytes(), compresslevel=6, mtime=0), mtime)
        body = cached[0]
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") or "javascript" in ctype else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` with gzip on a free localhost port; returns the server and its base URL."""
    handler = type("Handler", (GzipHandler,), {"cache": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# --- Lighthouse -----------------------------------------------------------------------------------------

@dataclass
class Lighthouse:
    page: str
    scores: dict[str, int | None]
    fcp_ms: float
    lcp_ms: float
    tbt_ms: float
    bytes: int
    blocking_scripts: list[str]
    heaviest: list[tuple[str, int]]  # (path, compressed bytes)
    outside: list[str]
    error: str = ""


def lighthouse(url: str, page: str, workdir: Path) -> Lighthouse:
    """One Lighthouse run (mobile preset, the default) of ``url`` with Debian's Chromium, offline."""
    out = workdir / f"lh-{time.time_ns()}.json"
    cmd = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
           f"--chrome-flags={' '.join(CHROME_FLAGS)}", "--only-categories=" + ",".join(CATEGORIES),
           "--max-wait-for-load=60000"]
    result = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    if result.returncode != 0 or not out.exists():
        return Lighthouse(page, {c: None for c in CATEGORIES}, 0, 0, 0, 0, [], [], [], error=result.stderr[-500:] or "no report")
    data = json.loads(out.read_text(encoding="utf-8"))
    audits = data["audits"]
    requests = audits["network-requests"]["details"]["items"]
    local = [r for r in requests if urlparse(r["url"]).hostname in ("127.0.0.1", "localhost")]
    outside = [r["url"] for r in requests if urlparse(r["url"]).scheme in ("http", "https") and r not in local]
    heaviest = sorted(local, key=lambda r: -r.get("transferSize", 0))[:5]
    return Lighthouse(
        page,
        {c: round(100 * data["categories"][c]["score"]) if data["categories"][c]["score"] is not None else None for c in CATEGORIES},
        audits["first-contentful-paint"]["numericValue"], audits["largest-contentful-paint"]["numericValue"],
        audits["total-blocking-time"]["numericValue"], int(audits["total-byte-weight"]["numericValue"]),
        [], [(urlparse(r["url"]).path, r.get("transferSize", 0)) for r in heaviest],
        outside, error=(data.get("runtimeError") or {}).get("message", ""),
    )


class _Scripts(HTMLParser):
    """The script files of a page that stop the parser: neither deferred nor async nor modules."""

    def __init__(self) -> None:
        super().__init__()
        self.blocking: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src") and not {"defer", "async"} & attrs.keys() and attrs.get("type") != "module":
            self.blocking.append(attrs["src"].split("?")[0])


def blocking_scripts(page_html: str) -> list[str]:
    """Parser-blocking scripts, read from the page itself: Lighthouse 12.2.3's render-blocking audit fails with
    Debian's Chromium ("Cannot read properties of undefined (reading 'frame_sequence')")."""
    parser = _Scripts()
    parser.feed(page_html)
    return parser.blocking


def median_run(runs: list[Lighthouse]) -> Lighthouse:
    """The run with the median performance score (Lighthouse's advice: one run varies with the machine's load)."""
    ranked = sorted(runs, key=lambda x: (x.scores["performance"] is not None, x.scores["performance"] or 0, -x.tbt_ms))
    return ranked[len(ranked) // 2]


def lighthouse_pages(html: Path, workdir: Path, runs: int) -> dict[str, Lighthouse]:
    server, base = serve(html)
    try:
        found = {}
        for kind, page in PAGE_TYPES.items():
            found[kind] = median_run([lighthouse(base + page, page, workdir) for _ in range(runs)])
            found[kind].blocking_scripts = blocking_scripts((html / page).read_text(encoding="utf-8"))
        return found
    finally:
        server.shutdown()


# --- every page in Chromium: compressed bytes, requests, charts drawn after entering the viewport --------

@dataclass
class PageLoad:
    name: str
    bytes: int  # compressed, every chart scrolled into view
    requests: int
    outside_requests: int
    charts: int
    draw_ms: float | None  # the slowest chart: ms from entering the viewport to drawn; None: not all drew
    widget_manager: bool


# Records, in the page itself, when each chart first entered the viewport and when it drew (its SVG or
# canvas appeared), so the figure does not include the time this script takes to notice it.
DRAW_CLOCK = """
window.__chartDrawnAt = {}; window.__chartSeenAt = {};
const __seen = new IntersectionObserver(entries => {
  for (const e of entries) if (e.isIntersecting && !(e.target.id in window.__chartSeenAt)) window.__chartSeenAt[e.target.id] = e.time;
});
const __watched = new Set();
new MutationObserver(() => {
  for (const el of document.querySelectorAll("[id^='PREFIX']")) {
    if (!__watched.has(el)) { __watched.add(el); __seen.observe(el); }
    if (!(el.id in window.__chartDrawnAt) && el.querySelector("svg, canvas")) window.__chartDrawnAt[el.id] = performance.now();
  }
}).observe(document, {subtree: true, childList: true});
""".replace("PREFIX", CHART_ID_PREFIX)
REDIRECT = re.compile(r'<meta http-equiv="refresh"', re.I)  # index.html only sends the reader to the root page
DRAWN = "id => id in window.__chartDrawnAt"
DRAW_TIME = "id => window.__chartDrawnAt[id] - Math.min(window.__chartDrawnAt[id], window.__chartSeenAt[id] ?? 0)"


def page_loads(html: Path) -> list[PageLoad]:
    from playwright.sync_api import sync_playwright

    names = sorted(str(p.relative_to(html)) for p in html.rglob("*.html")
                   if p.relative_to(html).parts[0] not in ("_static", "_sources") and not REDIRECT.search(p.read_text(encoding="utf-8")[:2000]))
    server, base = serve(html)
    loads = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[f for f in CHROME_FLAGS if not f.startswith("--headless")])
            for name in names:
                context = browser.new_context(viewport={"width": 412, "height": 823})  # a fresh context: a cold cache
                page = context.new_page()
                sizes: list[int] = []
                urls: list[str] = []
                failed: list[str] = []
                context.add_init_script(DRAW_CLOCK)
                page.on("requestfinished", lambda req, sizes=sizes, urls=urls: (sizes.append(req.sizes()["responseBodySize"] + req.sizes()["responseHeadersSize"]), urls.append(req.url)))
                page.on("requestfailed", lambda req, failed=failed: failed.append(req.url))
                page.goto(base + name, wait_until="load")
                ids = page.eval_on_selector_all(f"[id^='{CHART_ID_PREFIX}']", "els => els.map(e => e.id)")
                times: list[float] | None = []
                for chart in ids:  # scroll each chart into view, as a reader would, and wait for it to draw
                    page.locator(f"#{chart}").scroll_into_view_if_needed()
                    try:
                        page.wait_for_function(f"({DRAWN})({json.dumps(chart)})", timeout=5000)
                        times.append(page.evaluate(f"({DRAW_TIME})({json.dumps(chart)})"))
                    except Exception:  # noqa: BLE001 - a chart that never draws is a result, not an error
                        times = None
                        break
                page.wait_for_load_state("networkidle")
                outside = [u for u in urls + failed if urlparse(u).hostname not in ("127.0.0.1", "localhost") and urlparse(u).scheme.startswith("http")]
                loads.append(PageLoad(
                    name, sum(sizes), len(sizes) + len(failed), len(outside), len(ids),
                    (max(times) if times else 0.0) if times is not None else None,
                    any("embed-amd" in u or "require" in u.rsplit("/", 1)[-1] for u in urls + failed),
                ))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return loads


# --- builds, preview, test suite -------------------------------------------------------------------------

def timed(cmd: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"benchmark: '{' '.join(cmd)}' failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def book_copy(workdir: Path, default: bool) -> Path:
    target = workdir / ("default" if default else "course")
    shutil.copytree(ROOT, target, ignore=COPY_IGNORE)
    if default:
        (target / "_config.yml").write_text(DEFAULT_CONFIG, encoding="utf-8")
        shutil.rmtree(target / "_templates", ignore_errors=True)
    return target


def build_times(book: Path, strict: bool) -> tuple[float, float, float]:
    """Clean build, rebuild after touching one lesson, and a build with nothing changed (start-up cost)."""
    cmd = build_command(book) if strict else [JB, "build", str(book)]  # strict: the course's own flags
    clean = timed(cmd)
    os.utime(book / LESSON)
    rebuild = timed(cmd)
    unchanged = timed(cmd)
    return clean, rebuild, unchanged


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def preview_refresh(book: Path) -> list[float]:
    """Seconds from saving a lesson to the page refreshed in Chromium, under ``bash scripts/preview.sh``, three saves."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    lesson = book / LESSON
    page_path = LESSON.with_suffix(".html").as_posix()
    proc = subprocess.Popen(["bash", str(book / "scripts" / "preview.sh"), "--port", str(port), str(book)], cwd=book,
                            env={**os.environ, "PYTHON": sys.executable}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    times = []
    try:
        deadline = time.time() + 300
        while time.time() < deadline:  # the first build, then the server
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/{page_path}", timeout=2)
                break
            except OSError:
                if proc.poll() is not None:
                    sys.exit(f"benchmark: the preview stopped:\n{proc.stdout.read()[-2000:]}")
                time.sleep(0.5)
        else:
            sys.exit("benchmark: the preview did not serve the book within 300 s")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[f for f in CHROME_FLAGS if not f.startswith(("--headless", "--proxy"))])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/{page_path}", wait_until="load")
            time.sleep(2)  # the live-reload socket connects
            original = lesson.read_text(encoding="utf-8")
            try:
                for n in range(3):
                    marker = f"Preview check {n} {time.time_ns()}"
                    notebook = json.loads(original)  # the lesson's title becomes the marker: a visible change
                    cell = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
                    cell["source"] = ["# " + marker + "\n"] + cell["source"][1:]
                    start = time.perf_counter()
                    lesson.write_text(json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
                    page.wait_for_function(f"document.body && document.body.innerText.includes({json.dumps(marker)})", timeout=60000, polling=50)
                    times.append(time.perf_counter() - start)
                    time.sleep(1)
            finally:
                lesson.write_text(original, encoding="utf-8")
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    return times


@dataclass
class SuiteTime:
    seconds: float
    passed: bool
    cpus: int


def suite_time() -> SuiteTime:
    """Wall time of 'bash scripts/test.sh' from a clean state (no _build/, no pytest cache), on TEST_CPUS CPUs."""
    for folder in ("_build", ".pytest_cache"):
        shutil.rmtree(ROOT / folder, ignore_errors=True)
    cmd = ["bash", "scripts/test.sh", "-q"]
    cpus = os.cpu_count() or 1
    if cpus > TEST_CPUS and shutil.which("taskset"):
        cmd, cpus = ["taskset", "-c", f"0-{TEST_CPUS - 1}", *cmd], TEST_CPUS
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        print(f"benchmark: the test suite failed (exit {result.returncode}); its time is reported as such:\n"
              f"{result.stdout[-2000:]}", file=sys.stderr)
    return SuiteTime(seconds, result.returncode == 0, cpus)


# --- the report ------------------------------------------------------------------------------------------

@dataclass
class Results:
    lighthouse: dict[str, dict[str, Lighthouse]] = field(default_factory=dict)  # build -> page type -> run
    loads: dict[str, list[PageLoad]] = field(default_factory=dict)               # build -> every page
    times: dict[str, tuple[float, float, float]] = field(default_factory=dict)   # build -> build times
    preview: list[float] | None = None
    suite: SuiteTime | None = None


def kb(n: float) -> str:
    return f"{n / KB:,.0f} kB"


def budget_checks(r: Results) -> list[tuple[str, bool]]:
    """Each budget of the issue, as (what was measured, met?), for the course build."""
    checks = []
    lh = r.lighthouse["course"]
    for category in CATEGORIES:
        low = min(lh.values(), key=lambda x: x.scores[category] if x.scores[category] is not None else -1)
        checks.append((f"Lighthouse {category} >= {BUDGETS[category]} on every page type (lowest: {low.scores[category]}, {low.page})",
                       all(x.scores[category] is not None and x.scores[category] >= BUDGETS[category] for x in lh.values())))
    worst = max(lh.values(), key=lambda x: x.tbt_ms)
    checks.append((f"Total blocking time <= {BUDGETS['tbt_ms']} ms on every page type (highest: {worst.tbt_ms:.0f} ms, {worst.page})",
                   worst.tbt_ms <= BUDGETS["tbt_ms"]))
    blocking = sorted({s for x in lh.values() for s in x.blocking_scripts})
    checks.append((f"No render-blocking script on any page type ({', '.join(blocking) or 'none found'})", not blocking))
    loads = r.loads["course"]
    outside = sum(p.outside_requests for p in loads) + sum(len(x.outside) for x in lh.values())
    checks.append((f"No request to another host from any page ({outside} found)", outside == 0))
    checks.append(("No page loads the ipywidgets manager or require.js", not any(p.widget_manager for p in loads)))
    searches = [p for p in loads if p.name.rsplit("/", 1)[-1] == SEARCH_PAGE]  # the book's, and a translation's
    for charts, limit, what in ((True, BUDGETS["chart_page_bytes"], "a page with charts"), (False, BUDGETS["page_bytes"], "a page without charts")):
        pages = [p for p in loads if bool(p.charts) == charts and p not in searches]
        if not charts and searches:
            what += (f" (not counting the search pages, which load the search index by design: "
                     f"{', '.join(f'{p.name} {kb(p.bytes)}' for p in searches)})")
        if pages:
            heaviest = max(pages, key=lambda p: p.bytes)
            checks.append((f"Compressed transfer of {what}, every chart drawn, <= {kb(limit)} (heaviest: {heaviest.name}, {kb(heaviest.bytes)})",
                           heaviest.bytes <= limit))
    chart_pages = [p for p in loads if p.charts]
    slowest = max((p.draw_ms if p.draw_ms is not None else float("inf")) for p in chart_pages) if chart_pages else 0
    checks.append((f"Every chart drawn within {BUDGETS['chart_draw_ms']} ms of entering the viewport (slowest: {slowest:.0f} ms)",
                   slowest <= BUDGETS["chart_draw_ms"]))
    if r.preview is not None:
        checks.append((f"Preview: save a lesson to refreshed page <= {BUDGETS['preview_s']:.0f} s (slowest of {len(r.preview)}: {max(r.preview):.1f} s)",
                       max(r.preview) <= BUDGETS["preview_s"]))
    return checks


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a is not None and b else "n/a"


def lighthouse_rows(r: Results) -> list[str]:
    rows = ["| page type (page) | build | perf. | access. | best pr. | SEO | FCP (s) | LCP (s) | TBT (ms) | transfer | blocking scripts |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for kind, page in PAGE_TYPES.items():
        for build in r.lighthouse:
            x = r.lighthouse[build][kind]
            if x.error and x.scores["performance"] is None:
                rows.append(f"| {kind} ({page}) | {build} | failed: {x.error.splitlines()[-1] if x.error else ''} |||||||||")
                continue
            s = x.scores
            rows.append(f"| {kind} ({page}) | {build} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} | "
                        f"{x.fcp_ms / 1000:.1f} | {x.lcp_ms / 1000:.1f} | {x.tbt_ms:.0f} | {kb(x.bytes)} | {len(x.blocking_scripts)} |")
    rows += ["", "Five heaviest requests (compressed bytes):", ""]
    for kind in PAGE_TYPES:
        for build in r.lighthouse:
            heavy = ", ".join(f"`{path.rsplit('/', 1)[-1]}` {kb(size)}" for path, size in r.lighthouse[build][kind].heaviest)
            rows.append(f"- {kind}, {build}: {heavy}")
    return rows


def report(args, r: Results) -> tuple[str, bool]:
    checks = budget_checks(r)
    ok = all(passed for _, passed in checks)
    lines = [
        "# Benchmark report", "",
        f"Machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, Lighthouse 12.2.3 (mobile preset, median of {args.runs} runs) with {CHROMIUM}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}. Pages served with gzip on localhost, every other host blocked. "
        "Default = the same content built with a default Jupyter Book 1 configuration (CDN assets, default execution).", "",
        "## Budgets", "",
        *[f"- [{'x' if passed else ' '}] {text}" for text, passed in checks], "",
        "## Lighthouse, one page of each type", "",
        *lighthouse_rows(r), "",
    ]
    if r.times or r.suite or r.preview:
        lines += ["## Build, preview and tests", "", "| measure | course | default | ratio |", "|---|---:|---:|---:|"]
    if r.times:
        (clean, rebuild, unchanged), (d_clean, d_rebuild, d_unchanged) = r.times["course"], r.times["default"]
        lines += [
            f"| clean build (s) | {clean:.1f} | {d_clean:.1f} | {ratio(clean, d_clean)} |",
            f"| rebuild after touching {LESSON.name} (s) | {rebuild:.1f} | {d_rebuild:.1f} | {ratio(rebuild, d_rebuild)} |",
            f"| build with nothing changed: start-up cost (s) | {unchanged:.1f} | {d_unchanged:.1f} | {ratio(unchanged, d_unchanged)} |",
        ]
    if r.preview:
        lines.append(f"| preview: save {LESSON.name}, page refreshed (s; {len(r.preview)} saves) | "
                     f"{' / '.join(f'{t:.1f}' for t in r.preview)} | n/a | n/a |")
    if r.suite:
        what = f"test suite: bash scripts/test.sh, clean, 2 pytest workers, {r.suite.cpus} CPUs (s)"
        lines.append(f"| {what} | {r.suite.seconds:.1f}{'' if r.suite.passed else ' (tests FAILED)'} | n/a | n/a |")
        if args.tests_before is not None:
            lines.append(f"| same, before this run's changes (given with --tests-before) (s) | {args.tests_before:.1f} | n/a | "
                         f"{ratio(r.suite.seconds, args.tests_before)} (now / before) |")
    default = {p.name: p for p in r.loads.get("default", [])}
    lines += [
        "", "## Every page (Chromium, 412 px wide, scrolled through every chart; compressed bytes)", "",
        "| page | bytes | requests (outside) | charts | slowest chart: drawn after entering view (ms) | default bytes | default requests (outside) | bytes ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for p in r.loads["course"]:
        d = default.get(p.name)
        drawn = "" if not p.charts else ("not drawn" if p.draw_ms is None else f"{p.draw_ms:.0f}")
        lines.append(f"| {p.name} | {p.bytes:,} | {p.requests} ({p.outside_requests}) | {p.charts} | {drawn} | "
                     + (f"{d.bytes:,} | {d.requests} ({d.outside_requests}) | {ratio(p.bytes, d.bytes)} |" if d else "n/a | n/a | n/a |"))
    return "\n".join(lines) + "\n", ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=ROOT / "benchmark-report.md")
    parser.add_argument("--skip-tests", action="store_true", help="do not time the test suite")
    parser.add_argument("--skip-preview", action="store_true", help="do not time the preview's refresh")
    parser.add_argument("--tests-before", type=float, metavar="SECONDS",
                        help="an earlier wall time of the same suite, shown beside this run's (e.g. before a change)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median run is reported (default 3)")
    parser.add_argument("--html", type=Path, help="measure this built book only (no builds, no default book, no preview or tests)")
    args = parser.parse_args()
    for needed, hint in ((Path(CHROMIUM), "sudo apt-get install chromium"), (LIGHTHOUSE, "npm ci")):
        if not needed.exists():
            print(f"benchmark: {needed} not found ({hint})", file=sys.stderr)
            return 2
    r = Results()
    with tempfile.TemporaryDirectory() as tmp:
        builds = {"course": args.html} if args.html else {}
        if not args.html:
            for kind in ("course", "default"):
                book = book_copy(Path(tmp), default=kind == "default")
                print(f"benchmark: building the {kind} configuration", flush=True)
                r.times[kind] = build_times(book, strict=kind == "course")
                builds[kind] = book / "_build" / "html"
        for kind, html in builds.items():
            print(f"benchmark: Lighthouse on each page type of the {kind} build", flush=True)
            r.lighthouse[kind] = lighthouse_pages(html, Path(tmp), args.runs)
            print(f"benchmark: loading every page of the {kind} build", flush=True)
            r.loads[kind] = page_loads(html)
        if not args.html and not args.skip_preview:
            print("benchmark: timing the preview (save a lesson, wait for the refreshed page)", flush=True)
            r.preview = preview_refresh(Path(tmp) / "course")
    if not args.html and not args.skip_tests:
        print("benchmark: timing the test suite (bash scripts/test.sh from a clean state)", flush=True)
        r.suite = suite_time()
    text, ok = report(args, r)
    args.report.write_text(text, encoding="utf-8")
    print(text)
    print(f"benchmark: report written to {args.report}; budgets {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
