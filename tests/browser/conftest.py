"""A real browser on the built book: Debian's Chromium driven by Playwright, the book served on localhost.

The book is served under /course/ (as it would be on a sub-path host); pages the tests make
themselves (``fixture_page``) are served under /fixtures/ from a temporary folder, never written
into the build. Every request to a host other than localhost is blocked and recorded, so a test
can assert there were none.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from coursekit.exercises import static

PREFIX = "/course/"
FIXTURE_PREFIX = "/fixtures/"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parents[2] / "_build" / "test-artefacts"  # screenshots of failed browser tests
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _Handler(http.server.SimpleHTTPRequestHandler):
    roots: dict[str, str] = {}  # URL prefix -> folder served under it

    def translate_path(self, path: str) -> str:
        parsed = urlparse(path).path
        for prefix, folder in self.roots.items():
            if parsed.startswith(prefix):
                self.directory = folder
                return super().translate_path("/" + path[len(prefix):])
        return str(Path(self.directory) / "__outside_the_book__")

    def log_message(self, *args) -> None:  # keep test output readable
        pass


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Mark a test whose body failed (item.failed), so a fixture can leave a screenshot behind."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        item.failed = True


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """A folder for pages the tests make, with the package's exercise script and style beside them."""
    folder = tmp_path_factory.mktemp("fixture-site")
    for name in static.ASSET_FILES:
        shutil.copyfile(static.ASSET_DIR / name, folder / name)
    return folder


@pytest.fixture(scope="session")
def server(tmp_path_factory, fixture_site):
    """One localhost server for the session: the built book (when there is one) and the fixture pages."""
    roots = type("Roots", (_Handler,), {"roots": {FIXTURE_PREFIX: str(fixture_site)}})
    handler = functools.partial(roots, directory=str(fixture_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield roots, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def book_url(server, built_book):
    roots, origin = server
    roots.roots[PREFIX] = str(built_book)
    return origin + PREFIX


@pytest.fixture(scope="session")
def fixture_page(server, fixture_site):
    """make(name, exercises, title): a page with these exercises and the page data, served on localhost; its URL."""
    _, origin = server

    def make(name: str, exercises: list, title: str = "Exercises") -> str:
        body = "\n".join(static.render(ex) for ex in exercises)
        (fixture_site / f"{name}.html").write_text(
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><link rel="icon" href="data:,">'
            f'{static.page_data_html({ex.id: ex for ex in exercises})}<link rel="stylesheet" href="exercises.css"><script src="exercises.js" defer></script>'
            f"</head><body><main>{body}<p>After the exercises.</p></main></body></html>",
            encoding="utf-8",
        )
        return f"{origin}{FIXTURE_PREFIX}{name}.html"

    return make


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package (sudo apt-get install chromium) or run .ci/run.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """One opened page and what happened while it loaded and was used."""

    page: object
    outside_requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser, request):
    contexts = []
    opened = []  # (page, colour scheme), for screenshots if the test fails

    def open_page(url: str, color_scheme: str = "light", wait_until: str = "networkidle") -> Visit:
        """Open a page; wait_until="load" for tests that only use the page's own script (it runs before "load")."""
        context = browser.new_context(color_scheme=color_scheme)
        contexts.append(context)
        page = context.new_page()
        opened.append((page, color_scheme))
        seen = Visit(page)

        def route(r):
            host = urlparse(r.request.url).hostname
            if r.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
                r.continue_()
            else:
                seen.outside_requests.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("console", lambda m: seen.errors.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: seen.errors.append(f"page error: {e}"))
        page.on("response", lambda r: seen.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
        page.goto(url, wait_until=wait_until)
        return seen

    yield open_page
    if getattr(request.node, "failed", False):  # what the reader saw, in each scheme, kept beside the build
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)[:120]
        for n, (page, scheme) in enumerate(opened):
            try:
                page.screenshot(path=str(ARTEFACTS / f"{name}-{n}-{scheme}.png"), full_page=True)
            except Exception as err:  # a page that crashed still lets the others be saved
                print(f"no screenshot of {page.url}: {err}")
    for context in contexts:
        context.close()
