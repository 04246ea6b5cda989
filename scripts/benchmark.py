"""Measure build, test and page-load performance against the course's budgets; write a Markdown report.

Usage:  .venv/bin/python scripts/benchmark.py [--report benchmark-report.md] [--skip-tests] [--tests-before SECONDS]

Measured on this machine, in one run, for the course book and for the same content built with a
default Jupyter Book 1 configuration (CDN assets, default execution, no course extension):
clean build time, rebuild time after touching one lesson, and for every page the bytes and requests
of a cold load and the time until all its charts have drawn (headless Chromium, pages served on
localhost, outside hosts blocked as offline). Then the test suite's wall time (course only): the
whole of ``bash scripts/test.sh`` (build and every test, two pytest workers) from a clean state (no
_build/, no pytest cache), pinned to two CPUs; ``--tests-before`` adds an earlier figure beside it.

Budgets (exit status 1 when one is missed):
  1. no page loads the ipywidgets HTML manager (embed-amd.js) or require.js;
  2. a lesson page's cold load is at most 1.3 x (the bare theme page's bytes + the vega libraries);
  3. a rebuild after touching one lesson takes at most a quarter of a clean build;
  4. every chart of a page has drawn within 1 s of load.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from coursekit.build import command as build_command

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
JB = str(VENV_BIN / "jupyter-book")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LESSON = Path("chapters/2-contact/2-1-weak-link.ipynb")
TEST_CPUS = 2  # the test suite is timed on this many CPUs (scripts/test.sh runs two pytest workers)
BARE_PAGE = "genindex.html"
COPY_IGNORE = shutil.ignore_patterns("_build", ".venv", "node_modules", ".git", "drafts", "__pycache__", ".pytest_cache", "tests")
DEFAULT_CONFIG = """\
title: Social business in practice (default Jupyter Book 1 configuration)
only_build_toc_files: true
bibtex_bibfiles: [references.bib]
exclude_patterns: [_build, "**.ipynb_checkpoints"]
"""


@dataclass
class PageLoad:
    name: str
    bytes: int
    requests: int
    outside_requests: int
    charts: int
    drawn_ms: float | None  # ms from navigation start until every chart drew; None: not all drew
    widget_manager: bool


def share(part: float, whole: float) -> str:
    """part / whole as a percentage; n/a when the whole is not positive (timing noise on a tiny build)."""
    return f"{100 * part / whole:.0f} %" if whole > 0 else "n/a"


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


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def offline_route(outside: list[str]):
    """A route handler that lets localhost through and blocks (and records) every other host."""

    def route(r) -> None:
        if urlparse(r.request.url).hostname in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    return route


# Records, in the page itself, the moment each chart drew (its SVG or canvas appeared), so the
# figure does not include the time this script takes to notice it. The page's figure is the
# latest of these, read once every chart of the page has drawn.
DRAW_CLOCK = """
window.__chartDrawnAt = {};
new MutationObserver(() => {
  for (const el of document.querySelectorAll("[id^='altair-viz-']")) {
    if (!(el.id in window.__chartDrawnAt) && el.querySelector("svg, canvas")) {
      window.__chartDrawnAt[el.id] = performance.now();
    }
  }
}).observe(document, {subtree: true, childList: true});
"""
ALL_DRAWN = """() => {
  const ids = [...document.querySelectorAll("[id^='altair-viz-']")].map(el => el.id);
  return ids.every(id => id in window.__chartDrawnAt) && Math.max(...ids.map(id => window.__chartDrawnAt[id]));
}"""


def page_loads(html: Path) -> list[PageLoad]:
    from playwright.sync_api import sync_playwright

    names = sorted(str(p.relative_to(html)) for p in html.rglob("*.html") if "_static" not in p.relative_to(html).parts)
    server, base = serve(html)
    loads = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for name in names:
                context = browser.new_context()  # a fresh context: a cold cache
                page = context.new_page()
                sizes: list[int] = []
                outside: list[str] = []
                urls: list[str] = []

                context.route("**/*", offline_route(outside))
                context.add_init_script(DRAW_CLOCK)
                page.on("requestfinished", lambda req, sizes=sizes, urls=urls: (sizes.append(req.sizes()["responseBodySize"]), urls.append(req.url)))
                page.goto(base + name, wait_until="load")
                charts = page.locator("[id^='altair-viz-']").count()
                drawn = None
                if charts:
                    try:
                        handle = page.wait_for_function(ALL_DRAWN, timeout=5000)
                        drawn = float(handle.json_value())
                    except Exception:  # noqa: BLE001 - a chart that never draws is a result, not an error
                        drawn = None
                page.wait_for_load_state("networkidle")
                loads.append(PageLoad(
                    name, sum(sizes), len(sizes) + len(outside), len(outside), charts,
                    drawn, any("embed-amd" in u or "require" in u.rsplit("/", 1)[-1] for u in urls + outside),
                ))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return loads


def vega_bytes() -> int:
    return sum((ROOT / "_assets" / "vendor" / f).stat().st_size for f in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"))


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a is not None and b else "n/a"


def suite_rows(suite: SuiteTime | None, before: float | None) -> list[str]:
    """The test suite's rows of the build table: this run, and the earlier figure when given."""
    if suite is None:
        return ["| test suite: bash scripts/test.sh, clean (s) | skipped | n/a | n/a |"]
    what = f"test suite: bash scripts/test.sh, clean, 2 pytest workers, {suite.cpus} CPUs (s)"
    rows = [f"| {what} | {suite.seconds:.1f}{'' if suite.passed else ' (tests FAILED)'} | n/a | n/a |"]
    if before is not None:
        rows.append(f"| same, before this run's changes (given with --tests-before) (s) | {before:.1f} | n/a | "
                    f"{ratio(suite.seconds, before)} (now / before) |")
    return rows


def report(args, times, loads, suite) -> tuple[str, bool]:
    course, default = loads["course"], {p.name: p for p in loads["default"]}
    bare = next(p for p in course if p.name == BARE_PAGE)
    lesson_limit = 1.3 * (bare.bytes + vega_bytes())
    checks = []
    checks.append(("No page loads the ipywidgets manager or require.js", not any(p.widget_manager for p in course)))
    lessons = [p for p in course if p.name.startswith("chapters/") and not p.name.endswith("index.html")]
    heaviest = max(lessons, key=lambda p: p.bytes)
    checks.append((f"Lesson cold load <= 1.3 x (bare page {bare.bytes:,} B + vega {vega_bytes():,} B) = {lesson_limit:,.0f} B "
                   f"(heaviest: {heaviest.name}, {heaviest.bytes:,} B)", heaviest.bytes <= lesson_limit))
    clean, rebuild, unchanged = times["course"]
    checks.append((f"Rebuild after touching one lesson <= 1/4 of a clean build ({rebuild:.1f} s vs {clean:.1f} s)", rebuild <= clean / 4))
    chart_pages = [p for p in course if p.charts]
    slowest = max((p.drawn_ms if p.drawn_ms is not None else float("inf")) for p in chart_pages) if chart_pages else 0
    checks.append((f"All charts of a page drawn within 1 s of navigation start (slowest: {slowest:.0f} ms)", slowest <= 1000))
    ok = all(passed for _, passed in checks)
    d_clean, d_rebuild, d_unchanged = times["default"]
    lines = [
        "# Benchmark report", "",
        f"Machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M')}. "
        "Default = the same content built with a default Jupyter Book 1 configuration (CDN assets, default execution).", "",
        "## Budgets", "",
        *[f"- [{'x' if passed else ' '}] {text}" for text, passed in checks], "",
        "## Build and tests", "",
        "| measure | course | default | ratio |", "|---|---:|---:|---:|",
        f"| clean build (s) | {clean:.1f} | {d_clean:.1f} | {ratio(clean, d_clean)} |",
        f"| rebuild after touching {LESSON.name} (s) | {rebuild:.1f} | {d_rebuild:.1f} | {ratio(rebuild, d_rebuild)} |",
        f"| build with nothing changed: start-up cost (s) | {unchanged:.1f} | {d_unchanged:.1f} | {ratio(unchanged, d_unchanged)} |",
        f"| rebuild beyond start-up, as a share of the clean build beyond start-up | "
        f"{share(rebuild - unchanged, clean - unchanged)} | {share(d_rebuild - d_unchanged, d_clean - d_unchanged)} | n/a |",
        *suite_rows(suite, args.tests_before),
        "", "## Pages (cold load, offline: outside hosts blocked)", "",
        "| page | bytes | requests (outside) | charts | drawn (ms after navigation start) | default bytes | default requests (outside) | default drawn | bytes ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for p in course:
        d = default.get(p.name)
        drawn = "" if not p.charts else ("not drawn" if p.drawn_ms is None else f"{p.drawn_ms:.0f}")
        d_drawn = "" if not d or not d.charts else ("not drawn" if d.drawn_ms is None else f"{d.drawn_ms:.0f}")
        lines.append(
            f"| {p.name} | {p.bytes:,} | {p.requests} ({p.outside_requests}) | {p.charts} | {drawn} | "
            + (f"{d.bytes:,} | {d.requests} ({d.outside_requests}) | {d_drawn} | {ratio(p.bytes, d.bytes)} |" if d else "n/a | n/a | n/a | n/a |")
        )
    return "\n".join(lines) + "\n", ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=ROOT / "benchmark-report.md")
    parser.add_argument("--skip-tests", action="store_true", help="do not time the test suite")
    parser.add_argument("--tests-before", type=float, metavar="SECONDS",
                        help="an earlier wall time of the same suite, shown beside this run's (e.g. before a change)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"benchmark: Chromium not found at {CHROMIUM} (sudo apt-get install chromium)", file=sys.stderr)
        return 2
    times, loads = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("course", "default"):
            book = book_copy(Path(tmp), default=kind == "default")
            print(f"benchmark: building the {kind} configuration", flush=True)
            times[kind] = build_times(book, strict=kind == "course")
            print(f"benchmark: loading every page of the {kind} build", flush=True)
            loads[kind] = page_loads(book / "_build" / "html")
    suite = None
    if not args.skip_tests:
        print("benchmark: timing the test suite (bash scripts/test.sh from a clean state)", flush=True)
        suite = suite_time()
    text, ok = report(args, times, loads, suite)
    args.report.write_text(text, encoding="utf-8")
    print(text)
    print(f"benchmark: report written to {args.report}; budgets {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
