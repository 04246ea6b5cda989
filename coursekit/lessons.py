"""The course's pages as the table of contents lays them out: each part's caption, each lesson's
notebook, title and words, each check's page. Trainer pages (plans, answer key) read them here.

A lesson ``2.3`` lives in ``chapters/2-<part>/2-3-<name>.ipynb``; a part's check in
``chapters/<n>-<part>/check.ipynb``; the diagnostic in ``chapters/diagnostic.ipynb``. A page's title
is the first ``# `` heading of its first markdown cell.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from coursekit import i18n
from coursekit.paths import ROOT

CHAPTERS = "chapters"
DIAGNOSTIC = "diagnostic"  # the check that opens the course, and its page chapters/diagnostic.ipynb
# A part's name where _toc.yml gives it no caption, in the kit's language (i18n.kit_tables: lessons:WORDS).
WORDS = {"start_here": "Start here", "part": "Part {part}"}
WORD = re.compile(r"\w")  # a token counts as a word when it holds a letter or a digit (not "|", "-", "```")


@dataclass(frozen=True)
class Page:
    """One page of the book that holds exercises: where it is and what it is called."""

    docname: str  # e.g. "chapters/2-contact/2-1-weak-link", as _toc.yml names it
    title: str
    path: Path | None  # None when the bank names a lesson that has no notebook (a test fixture)


def lesson_notebook(lesson: str, root: Path = ROOT) -> Path | None:
    """The notebook of lesson ``n.m``: chapters/<n>-*/<n>-<m>-*.ipynb (None if there is none)."""
    part, number = lesson.split(".")
    found = sorted((root / CHAPTERS).glob(f"{part}-*/{part}-{number}-*.ipynb"))
    if len(found) > 1:
        raise ValueError(f"lesson {lesson} has two notebooks: {', '.join(str(p.relative_to(root)) for p in found)}")
    return found[0] if found else None


def check_notebook(check: str, root: Path = ROOT) -> Path | None:
    """The page of a check: ``diagnostic`` or ``part-<n>`` (None if there is none)."""
    if check == DIAGNOSTIC:
        path = root / CHAPTERS / f"{DIAGNOSTIC}.ipynb"
        return path if path.is_file() else None
    found = sorted((root / CHAPTERS).glob(f"{check.removeprefix('part-')}-*/check.ipynb"))
    return found[0] if found else None


def in_edition(path: Path) -> Path:
    """The page as the edition of the language the kit speaks has it: ``fr/<path>`` in French (where the French
    edition has the page), else the page itself. Titles, words and captions are read there, so the French trainer
    pages name the lessons as the French book does."""
    if i18n.active() == i18n.SOURCE_LANGUAGE:
        return path
    try:
        edition = i18n.EDITION / path.resolve().relative_to(ROOT)
    except ValueError:  # a page outside the course (a test's fixture)
        return path
    return edition if edition.is_file() else path


def _markdown(path: Path) -> list[str]:
    cells = json.loads(in_edition(path).read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def title(path: Path) -> str:
    """The page's title: the first level-1 heading of its markdown."""
    for text in _markdown(path):
        for line in text.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    raise ValueError(f"{path}: no '# ' heading, so the page has no title")


def markdown_words(path: Path) -> int:
    """The words of a notebook's markdown cells (what a learner reads; code cells and exercises not counted)."""
    return sum(1 for text in _markdown(path) for token in text.split() if WORD.search(token))


def lesson_page(lesson: str, root: Path = ROOT) -> Page:
    path = lesson_notebook(lesson, root)
    docname = str(path.relative_to(root).with_suffix("")) if path else f"lesson {lesson}"
    return Page(docname, title(path) if path else f"Lesson {lesson}", path)


def check_page(check: str, root: Path = ROOT) -> Page:
    path = check_notebook(check, root)
    fallback = "Diagnostic" if check == DIAGNOSTIC else f"Part {check.removeprefix('part-')} check"
    docname = str(path.relative_to(root).with_suffix("")) if path else check
    return Page(docname, title(path) if path else fallback, path)


def part_caption(part: str, captions: dict[str, str]) -> str:
    """The caption of part ``part`` ("1", or DIAGNOSTIC) among ``part_captions()``, else its name in WORDS."""
    if part in captions:
        return captions[part]
    return WORDS["start_here"] if part == DIAGNOSTIC else WORDS["part"].replace("{part}", part)


def part_captions(root: Path = ROOT) -> dict[str, str]:
    """Each part's caption in _toc.yml by its number ("1": "Part 1: Motivation"), and the diagnostic's ("Start here")."""
    toc = yaml.safe_load(in_edition(root / "_toc.yml").read_text(encoding="utf-8"))
    captions: dict[str, str] = {}

    def files(entries: list) -> list[str]:
        return [f for e in entries for f in [e.get("file", ""), *files(e.get("sections", []))] if f]

    for part in toc.get("parts", []):
        for file in files(part.get("chapters", [])):
            folder = file.split("/")
            if folder[0] == CHAPTERS and folder[-1] == DIAGNOSTIC:
                captions.setdefault(DIAGNOSTIC, part["caption"])
            elif folder[0] == CHAPTERS and len(folder) > 2 and re.match(r"\d-", folder[1]):
                captions.setdefault(folder[1][0], part["caption"])
    return captions
