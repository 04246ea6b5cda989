"""The print edition (python -m coursekit.pdf): the built book printed by Chromium, read back with pdftotext.

The two PDFs are made once for the module (about a minute): every lesson in table-of-contents order,
the contents' page numbers true, every chart drawn (one vector drawing per chart), exercises printed
as questions without their controls, and the answer key in the trainer PDF only.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit import pdf
from coursekit.exercises import load_bank
from helpers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _sheets(path: Path) -> list[str]:
    """The text of each sheet of a PDF, whitespace folded to single spaces (pdftotext, Debian's poppler-utils)."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext not found: sudo apt-get install poppler-utils (.ci/run installs it)")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [" ".join(sheet.split()) for sheet in text.split("\f")][: _count(path)]


def _count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def _drawings(path: Path) -> int:
    """Vector drawings that stand as one group (PDF form XObjects): the PDF edition prints each chart as one."""
    from pypdf import PdfReader

    return sum(1 for sheet in PdfReader(path).pages
               for xobject in (sheet["/Resources"].get("/XObject") or {}).values()
               if xobject.get_object().get("/Subtype") == "/Form")


@pytest.fixture(scope="module")
def editions(built_book, tmp_path_factory) -> dict[str, Path]:
    """The README's command, run as a reader runs it, in its own process (its Playwright is then its own, never
    nested in the session browser's event loop)."""
    out = tmp_path_factory.mktemp("pdf")
    done = subprocess.run([sys.executable, "-m", "coursekit.pdf", "--html", str(built_book), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    return {"book": out / pdf.BOOK_PDF, "trainer": out / pdf.TRAINER_PDF,
            "book-fr": out / pdf.BOOK_PDF.replace(".pdf", "-fr.pdf"), "trainer-fr": out / pdf.TRAINER_PDF.replace(".pdf", "-fr.pdf")}


@pytest.fixture(scope="module")
def book_text(editions) -> list[str]:
    return _sheets(editions["book"])


def _lesson_titles(built_book: Path) -> list[str]:
    """The lessons' titles as the built pages show them (their <h1>), in _toc.yml order."""
    lesson = re.compile(r"chapters/\d-[^/]+/\d-\d-[^/]+$")
    return [pdf.page_title(built_book / f"{d}.html") for _, d in pdf.toc_docnames() if lesson.match(d)]


def test_title_page_then_contents_then_every_lesson_in_order(book_text, built_book):
    titles = _lesson_titles(built_book)
    assert len(titles) >= 18
    assert book_text[0].startswith("Social business in practice")
    assert book_text[1].startswith("Contents")
    after_contents = " ".join(book_text[2:])
    place = after_contents.index(titles[0])
    for title in titles[1:]:
        found = after_contents.find(title, place + 1)
        assert found > place, f"'{title}' is not printed after the lesson before it"
        place = found


def test_the_contents_page_numbers_lead_to_each_lesson(book_text, built_book):
    contents = " ".join(book_text[1:4])
    for title in _lesson_titles(built_book):
        number = re.search(re.escape(title) + r" (\d+)", contents)
        assert number, f"'{title}' has no page number in the contents"
        sheet = book_text[int(number.group(1)) - 1]
        assert sheet.startswith(title), f"page {number.group(1)} does not open with '{title}'"
        assert re.search(rf"\b{number.group(1)}$", sheet), f"page {number.group(1)} does not carry its number"


def test_every_chart_of_the_book_is_drawn_in_the_pdf(editions, built_book):
    def charts(keep) -> int:
        return sum((built_book / f"{d}.html").read_text(encoding="utf-8").count(pdf.CHART_DIV)
                   for _, d in pdf.toc_docnames() if keep(d))

    in_book = charts(lambda d: d not in pdf.TRAINER_PAGES)
    assert in_book >= 20
    assert _drawings(editions["book"]) == in_book
    assert _drawings(editions["trainer"]) == charts(lambda d: d in pdf.TRAINER_PAGES)


def _prose(built_book: Path) -> str:
    """The book's pages' text without their buttons, scripts and folded cells: what a reader can print."""
    from bs4 import BeautifulSoup

    texts = []
    for _, docname in pdf.toc_docnames():
        soup = BeautifulSoup((built_book / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("button, script, details, summary"):
            element.decompose()
        texts.append(" ".join(soup.get_text(" ").split()))
    return " ".join(texts)


def test_exercises_print_as_questions_without_controls(book_text, built_book):
    text = " ".join(book_text)
    prompt = " ".join(load_bank()["contact-2-1-platforms-not-enough"].prompt.split())
    assert prompt in text
    assert "Your answer" in text
    prose = _prose(built_book)  # the introduction tells readers to press "Check my answer": that sentence stays
    for control in ("Check my answer", "Show a hint", "Download my answers", "Reset my answers", "See my score",
                    "Show code cell source"):
        assert text.count(control) <= prose.count(control), f"the printed book shows the control '{control}'"


def test_the_trainer_pdf_holds_the_answer_key_and_the_book_does_not(editions, book_text, built_book):
    trainer = _sheets(editions["trainer"])
    key_title = pdf.page_title(built_book / "back" / "answer-key.html")
    guide_title = pdf.page_title(built_book / "back" / "trainer-guide.html")
    assert trainer[1].startswith("Contents") and key_title in trainer[1] and guide_title in trainer[1]
    text = " ".join(trainer[2:])
    assert guide_title in text and key_title in text
    right = next(c for c in load_bank()["contact-2-1-platforms-not-enough"].choices if c.correct)
    assert " ".join(right.text.split()) in text[text.index(key_title):]
    assert key_title not in book_text[1] and guide_title not in book_text[1]


def test_links_stay_inside_the_pdf(editions):
    from pypdf import PdfReader

    for path in editions.values():
        for sheet in PdfReader(path).pages:
            for annot in sheet.get("/Annots") or []:
                uri = str(annot.get_object().get("/A", {}).get("/URI", ""))
                assert "127.0.0.1" not in uri and "localhost" not in uri, f"{path.name} links to {uri}"


def test_a_missing_build_gets_a_clear_message(tmp_path, capsys):
    assert pdf.main(["--html", str(tmp_path / "nothing"), "--out", str(tmp_path / "pdf")]) == 1
    assert "No built book" in capsys.readouterr().err
    assert not (tmp_path / "pdf").exists()


def test_the_french_edition_prints_too_in_french_with_every_lesson_and_chart(editions, built_book):
    from coursekit import i18n

    french_html, french_root = built_book / i18n.LANGUAGE, ROOT / i18n.LANGUAGE
    sheets = _sheets(editions["book-fr"])
    words = i18n.book_words()
    assert sheets[0].startswith(words["Social business in practice"]) and words["Print edition"] in sheets[0]
    assert sheets[1].startswith(words["Contents"])
    lesson = re.compile(r"chapters/\d-[^/]+/\d-\d-[^/]+$")
    titles = [pdf.page_title(french_html / f"{d}.html") for _, d in pdf.toc_docnames(french_root) if lesson.match(d)]
    assert len(titles) >= 18 and titles != _lesson_titles(built_book), "French titles, not the English ones"
    after_contents, place = " ".join(sheets[2:]), -1
    for title in titles:
        found = after_contents.find(title, place + 1)
        assert found > place, f"'{title}' is not printed after the lesson before it"
        place = found
    charts = sum((french_html / f"{d}.html").read_text(encoding="utf-8").count(pdf.CHART_DIV)
                 for _, d in pdf.toc_docnames(french_root) if d not in pdf.TRAINER_PAGES)
    assert charts >= 20 and _drawings(editions["book-fr"]) == charts
    assert "Corrigé" in " ".join(_sheets(editions["trainer-fr"])[:2])
