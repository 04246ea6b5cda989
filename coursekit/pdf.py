"""The print edition: the built book as one PDF in table-of-contents order, and a trainer PDF.

``python -m coursekit.pdf [--html DIR] [--out DIR]``, after ``python -m coursekit.build``, writes
``_build/pdf/`` (or ``--out``):

- ``BOOK_PDF``: a title page, the contents with page numbers, then every page of ``_toc.yml`` in order
  except the trainer pages, each starting on a new sheet, page numbers at the foot, a bookmark per page;
- ``TRAINER_PDF``: the same for ``TRAINER_PAGES`` (the trainer guide and the answer key).

Each built page is served on localhost and printed by Debian's Chromium through Playwright, with the
book's print stylesheet (``_assets/print.css``): no sidebars or buttons, exercises as questions with
room to answer. A page is printed only once all its charts have drawn; every request to another host
is refused, so the edition is built offline. The pages are then merged with pypdf, links between
pages become links inside the PDF, and the page numbers are laid over the pages.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import io
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

from coursekit.charts.core import SCROLL_THROUGH_CHARTS
from coursekit.paths import ROOT

BOOK_PDF = "social-business-in-practice.pdf"
TRAINER_PDF = "trainer-edition.pdf"
# The edition's own words, in English; the French edition's come from locales/fr/LC_MESSAGES/book.po.
WORDS = {"print": "Print edition", "trainer": "Trainer edition: trainer guide and answer key", "contents": "Contents"}
TRAINER_PAGES = ("back/trainer-guide", "back/answer-key")
CHART_DIV = '<div id="altair-viz-'  # one per chart in a built page (coursekit.charts' renderer)
CHART_SVGS = "[id^='altair-viz-'] svg"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PAPER = {"format": "A4", "margin": {"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"}}
CHART_TIMEOUT_MS = 30_000
# Each chart is printed as one vector group (a PDF form XObject): Chromium groups what it draws under an
# opacity below 1, so a reader's tools (and the tests) can find every chart as one drawing. 0.999 looks the same.
CHART_AS_ONE_DRAWING = "[id^='altair-viz-'] svg { opacity: 0.999; }"


class PdfError(Exception):
    """The edition cannot be made: the message says why and what to do."""


@dataclass(frozen=True)
class Entry:
    """One page of an edition: its document name, its part's caption (None before the first part) and title."""

    docname: str
    part: str | None
    title: str


def toc_docnames(root: Path = ROOT) -> list[tuple[str | None, str]]:
    """Every page of ``_toc.yml`` in reading order, with its part's caption: the root page, then each part's files."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages: list[tuple[str | None, str]] = [(None, toc["root"])]

    def walk(entries: list, caption: str | None) -> None:
        for entry in entries:
            if entry.get("file"):
                pages.append((caption, entry["file"]))
            walk(entry.get("sections", []), caption)

    for part in toc.get("parts", []):
        walk(part.get("chapters", []), part.get("caption"))
    walk(toc.get("chapters", []), None)
    return pages


def page_title(page: Path) -> str:
    """The built page's title: the text of its first <h1>, without the heading's link sign."""
    from bs4 import BeautifulSoup

    heading = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("h1")
    if heading is None:
        raise PdfError(f"{page}: the built page has no <h1> title")
    for link in heading.select(".headerlink"):
        link.decompose()
    return " ".join(heading.get_text(" ").split())


def entries(html_dir: Path, docnames: list[tuple[str | None, str]]) -> list[Entry]:
    found = []
    for part, docname in docnames:
        page = html_dir / f"{docname}.html"
        if not page.is_file():
            raise PdfError(f"{page} is missing: build the book first (python -m coursekit.build)")
        found.append(Entry(docname, part, page_title(page)))
    return found


def book_info(root: Path = ROOT) -> tuple[str, str]:
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    return config.get("title", "Course"), config.get("author", "")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _Server:
    """The built book on 127.0.0.1 (any free port), for as long as the edition is being printed."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_Quiet, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _pages_of(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


class Printer:
    """Chromium through Playwright, offline: prints built pages and generated HTML to PDF bytes."""

    def __init__(self, html_dir: Path, chromium: str = CHROMIUM) -> None:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as err:
            raise PdfError("Playwright is not installed: bash scripts/setup.sh --dev "
                           "(or pip install -r requirements-dev.txt)") from err
        if not Path(chromium).exists():
            raise PdfError(f"Chromium not found at {chromium}: sudo apt-get install chromium (or set CHROMIUM)")
        self.server = _Server(html_dir)
        self.html_dir = html_dir
        self._playwright = sync_playwright().start()
        try:
            self.browser = self._playwright.chromium.launch(executable_path=chromium, args=ARGS)
        except Exception:
            self.close()
            raise
        self.context = self.browser.new_context(color_scheme="light", viewport={"width": 800, "height": 1100})
        self.context.route("**/*", self._local_only)

    def _local_only(self, route) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:", "about:")) or urlparse(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    def page(self, docname: str) -> bytes:
        """A built page as PDF, once every chart on it has drawn."""
        charts = (self.html_dir / f"{docname}.html").read_text(encoding="utf-8").count(CHART_DIV)
        page = self.context.new_page()
        try:
            page.goto(f"{self.server.origin}/{docname}.html", wait_until="load")
            if charts:
                page.evaluate(SCROLL_THROUGH_CHARTS)  # charts are drawn as they come near the viewport
                try:
                    page.wait_for_function(f'document.querySelectorAll("{CHART_SVGS}").length >= {charts}',
                                           timeout=CHART_TIMEOUT_MS)
                except Exception as err:
                    drawn = page.locator(CHART_SVGS).count()
                    raise PdfError(f"{docname}: {drawn} of its {charts} charts drew within "
                                   f"{CHART_TIMEOUT_MS // 1000} s; nothing was written") from err
                page.add_style_tag(content=CHART_AS_ONE_DRAWING)
            page.evaluate("document.fonts.ready")
            return page.pdf(print_background=True, **PAPER)
        finally:
            page.close()

    def html(self, markup: str, **options) -> bytes:
        """Generated HTML (the title page, contents, page numbers) as PDF."""
        page = self.context.new_page()
        try:
            page.set_content(markup, wait_until="load")
            return page.pdf(print_background=True, **{**PAPER, **options})
        finally:
            page.close()

    def close(self) -> None:
        for step in (getattr(self, "context", None) and self.context.close,
                     getattr(self, "browser", None) and self.browser.close, self._playwright.stop, self.server.close):
            if step:
                step()


STYLE = """
body { font-family: "Helvetica Neue", Arial, sans-serif; color: #000; margin: 0; }
.title { padding-top: 80mm; }
.title h1 { font-size: 30pt; margin: 0 0 8mm; }
.title p { font-size: 14pt; margin: 0 0 4mm; }
.contents { break-before: page; }
.contents h2 { font-size: 18pt; margin: 0 0 6mm; }
.contents h3 { font-size: 12pt; margin: 5mm 0 2mm; }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents li { display: flex; font-size: 11pt; line-height: 1.5; }
.contents .name { flex: 0 1 auto; }
.contents .dots { flex: 1 1 auto; border-bottom: 1px dotted #555; margin: 0 2mm 1.2mm; }
.contents .number { flex: 0 0 auto; font-variant-numeric: tabular-nums; }
"""


def front_matter(title: str, subtitle: str, author: str, pages: list[Entry], starts: list[int],
                 words: dict[str, str] = WORDS, language: str = "en") -> str:
    """The title page and the contents, each page title with the number of the sheet it starts on."""
    e = html.escape
    rows, part = [], object()
    for entry, start in zip(pages, starts):
        if entry.part != part:
            part = entry.part
            if part:
                rows.append(f"</ol><h3>{e(part)}</h3><ol>")
        rows.append(f'<li><span class="name">{e(entry.title)}</span><span class="dots"></span>'
                    f'<span class="number">{start}</span></li>')
    return (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>{e(title)}</title>'
            f"<style>{STYLE}</style></head><body>"
            f'<section class="title"><h1>{e(title)}</h1><p>{e(subtitle)}</p><p>{e(author)}</p></section>'
            f'<section class="contents"><h2>{e(words["contents"])}</h2><ol>{"".join(rows)}</ol></section></body></html>')


def numbers_overlay(count: int) -> str:
    """One A4 sheet per page, blank but for its number at the foot (none on the title page)."""
    sheets = "".join(f'<div class="sheet"><span>{n if n > 1 else ""}</span></div>' for n in range(1, count + 1))
    return ('<!doctype html><html><head><meta charset="utf-8"><style>'
            "@page { size: A4; margin: 0; } body { margin: 0; font: 9pt Arial, sans-serif; color: #333; }"
            ".sheet { height: 297mm; position: relative; break-after: page; overflow: hidden; }"
            ".sheet:last-child { break-after: auto; }"
            ".sheet span { position: absolute; bottom: 9mm; left: 0; right: 0; text-align: center; }"
            f"</style></head><body>{sheets}</body></html>")


def _link_inside(writer, origin: str, starts: dict[str, int]) -> None:
    """Links to the served book become links to the page's first sheet; links to pages not in this edition go."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    for sheet in writer.pages:
        if "/Annots" not in sheet:
            continue
        kept = ArrayObject()
        for ref in sheet["/Annots"]:
            annot = ref.get_object()
            uri = str(annot.get("/A", {}).get("/URI", ""))
            if not uri.startswith(origin):
                kept.append(ref)
                continue
            docname = urlparse(uri).path.lstrip("/").removesuffix(".html")
            if docname in starts:
                annot[NameObject("/A")] = DictionaryObject({
                    NameObject("/S"): NameObject("/GoTo"),
                    NameObject("/D"): ArrayObject([writer.pages[starts[docname]].indirect_reference, NameObject("/Fit")]),
                })
                kept.append(ref)
        sheet[NameObject("/Annots")] = kept


def edition(printer: Printer, pages: list[Entry], title: str, subtitle: str, author: str, out: Path,
            words: dict[str, str] = WORDS, language: str = "en") -> list[int]:
    """Print ``pages`` with a title page and contents into ``out``; the first sheet of each page (from 1)."""
    from pypdf import PdfReader, PdfWriter

    printed = [printer.page(entry.docname) for entry in pages]
    counts = [_pages_of(pdf) for pdf in printed]
    front_pages, front = 2, b""
    for _ in range(5):  # the contents' length depends on nothing but the titles: this settles at once
        starts = [front_pages + 1 + sum(counts[:i]) for i in range(len(pages))]
        front = printer.html(front_matter(title, subtitle, author, pages, starts, words, language))
        if _pages_of(front) == front_pages:
            break
        front_pages = _pages_of(front)
    else:
        raise PdfError("the contents' page numbers did not settle")
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front)), import_outline=False)
    for pdf in printed:
        writer.append(PdfReader(io.BytesIO(pdf)), import_outline=False)
    overlay = PdfReader(io.BytesIO(printer.html(numbers_overlay(len(writer.pages)), margin={})))
    if len(overlay.pages) != len(writer.pages):
        raise PdfError(f"the page numbers took {len(overlay.pages)} sheets for {len(writer.pages)} pages")
    for sheet, number in zip(writer.pages, overlay.pages):
        sheet.merge_page(number)
    _link_inside(writer, printer.server.origin, {e.docname: s - 1 for e, s in zip(pages, starts)})
    writer.add_outline_item(title=words["contents"], page_number=1)
    parents: dict[str, object] = {}
    for entry, start in zip(pages, starts):
        parent = None
        if entry.part:
            if entry.part not in parents:
                parents[entry.part] = writer.add_outline_item(title=entry.part, page_number=start - 1)
            parent = parents[entry.part]
        writer.add_outline_item(title=entry.title, page_number=start - 1, parent=parent)
    writer.add_metadata({"/Title": f"{title}: {subtitle}", "/Author": author})
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as stream:
        writer.write(stream)
    return starts


def make(html_dir: Path = ROOT / "_build" / "html", out_dir: Path = ROOT / "_build" / "pdf",
         root: Path = ROOT, chromium: str = CHROMIUM) -> dict[str, Path]:
    """Write the book's PDF and the trainer PDF into ``out_dir``, and the French edition's two (``-fr``) when the
    book has one (``fr/``, built into ``fr/`` of the HTML); their paths by name."""
    from coursekit import i18n

    if not (html_dir / "index.html").is_file():
        raise PdfError(f"No built book in {html_dir}: run python -m coursekit.build first")
    paths = _editions(html_dir, out_dir, root, chromium, "", WORDS, i18n.SOURCE_LANGUAGE)
    french_html, french_root = html_dir / i18n.LANGUAGE, root / i18n.LANGUAGE
    if (french_html / "index.html").is_file() and (french_root / "_toc.yml").is_file():
        book = i18n.book_words()
        words = {key: book.get(text, text) for key, text in WORDS.items()}
        paths.update(_editions(french_html, out_dir, french_root, chromium, f"-{i18n.LANGUAGE}", words, i18n.LANGUAGE))
    return paths


def _editions(html_dir: Path, out_dir: Path, root: Path, chromium: str, suffix: str, words: dict[str, str],
              language: str) -> dict[str, Path]:
    """One language's book and trainer PDFs."""
    docnames = toc_docnames(root)
    missing = [name for name in TRAINER_PAGES if name not in {d for _, d in docnames}]
    if missing:
        raise PdfError(f"{root / '_toc.yml'} has no {', '.join(missing)}: the trainer edition would be empty")
    book = entries(html_dir, [(part, d) for part, d in docnames if d not in TRAINER_PAGES])
    trainer = entries(html_dir, [(part, d) for part, d in docnames if d in TRAINER_PAGES])
    title, author = book_info(root)
    printer = Printer(html_dir, chromium)
    paths = {f"book{suffix}": out_dir / BOOK_PDF.replace(".pdf", f"{suffix}.pdf"),
             f"trainer{suffix}": out_dir / TRAINER_PDF.replace(".pdf", f"{suffix}.pdf")}
    try:
        edition(printer, book, title, words["print"], author, paths[f"book{suffix}"], words, language)
        edition(printer, trainer, title, words["trainer"], author, paths[f"trainer{suffix}"], words, language)
    finally:
        printer.close()
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the built book (default: _build/html)")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "pdf", help="where to write (default: _build/pdf)")
    args = parser.parse_args(argv)
    try:
        paths = make(args.html, args.out)
    except PdfError as err:
        print(f"coursekit.pdf: {err}", file=sys.stderr)
        return 1
    for path in paths.values():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
