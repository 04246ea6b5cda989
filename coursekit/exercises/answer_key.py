"""The answer key for trainers: every exercise of the bank with its answer, grouped by part and page.

For each exercise: the correct options by their text (and what each wrong one stands for), a numeric
answer with its tolerance and unit, the correct order, the items of each category, the explanation;
for a reflection, the model answer, the notes for discussion and the rubric when it has one. The
diagnostic and the part checks come with their pages. Every bank text is escaped: it is shown as text,
never as markup.

- In the book: ``back/answer-key.ipynb`` shows ``answer_key.key()``; its cell is tagged ``answer-key``, so
  ``coursekit_solutions: hidden`` in ``_config.yml`` removes its output with the practice sets' solutions.
- For print: ``python -m coursekit.exercises.answer_key --out answer-key.html`` writes one self-contained
  HTML file (its style sheet inline, no request to any other file or host, a page break before each part);
  ``--format markdown`` writes Markdown instead; ``--language fr`` writes the French key.
"""

from __future__ import annotations

import argparse
import sys
from html import escape
from pathlib import Path
from typing import Any, Iterable

import yaml

from coursekit import THEMED_OUTPUT
from coursekit import i18n, lessons
from coursekit.charts.core import number
from coursekit.exercises.kinds.reflection import Reflection
from coursekit.exercises.messages import fill, plural
from coursekit.exercises.model import Exercise, default_bank, load_bank
from coursekit.exercises.static import TYPE_LABELS
from coursekit.paths import EXERCISE_BANK_DIR, ROOT

CELL_TAG = "answer-key"  # the book hides the output of a cell with this tag when solutions are hidden
# Every word of the key, in the kit's language (i18n.kit_tables: answer_key:WORDS); the rubric levels' names are
# the reflection type's (Reflection.RUBRIC_LEVELS).
WORDS = {
    "correct_answer": {"one": "Correct answer", "other": "Correct answers"},
    "stands_for": "{text} (stands for: {misconception})",
    "wrong_options": "Wrong options",
    "answer": "Answer",
    "tolerance": "tolerance ± {tolerance}{unit}: accepted from {low} to {high}",
    "exact": "tolerance 0: exactly this number",
    "read_from": "Read from",
    "correct_order": "Correct order",
    "categories": "Categories",
    "minimum_length": "Minimum length",
    "words": {"one": "{count} word", "other": "{count} words"},
    "key": "Key",
    "rubric": "Rubric",
    "points": {"one": "{count} point", "other": "{count} points"},
    "earned": "{points} of {total}",
    "explanation": "Explanation",
    "summary": "Answer key: {count} exercises on {pages} pages, made from the exercise bank.",
    "title": "Answer key",
    "title_of": "Answer key: {course}",
    "keep_away": "For trainers: keep it away from learners.",
    "wrote": "wrote {path} ({count} exercises)",
}
FORMATS = ("html", "markdown")

# One block of an exercise's answer: a label, and a text or a list of texts (numbered when ordered).
Block = tuple[str, "str | list[str]", bool]
Group = tuple[str, list[tuple[lessons.Page, list[Exercise]]]]


def _number(value: float) -> str:
    """A number as a trainer would write it: 200, 3.5, 0.25 (no float noise such as 3.4000000000000004), in the
    kit's language's form (3,5 in French)."""
    value = float(f"{value:.10g}")
    return number(int(value), "d") if value.is_integer() else number(value, "")


def _field(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def blocks(ex: Exercise) -> list[Block]:
    """What the key says about one exercise, whatever its type, as labelled blocks of text."""
    found: list[Block] = []
    if ex.type in ("single_choice", "multiple_choice"):
        right = [c.text for c in ex.display_order() if c.correct]
        found.append((WORDS["correct_answer"]["one" if len(right) == 1 else "other"], right, False))
        wrong = [fill(WORDS["stands_for"], text=c.text, misconception=c.misconception) if c.misconception else c.text
                 for c in ex.display_order() if not c.correct]
        if wrong:
            found.append((WORDS["wrong_options"], wrong, False))
    elif ex.type == "numeric":
        unit = f" {ex.unit}" if ex.unit else ""
        accepted = fill(WORDS["tolerance"], tolerance=_number(ex.tolerance), unit=unit, low=_number(ex.answer - ex.tolerance),
                        high=_number(ex.answer + ex.tolerance)) if ex.tolerance else WORDS["exact"]
        found.append((WORDS["answer"], f"{_number(ex.answer)}{unit} ({accepted})", False))
        if ex.source_chart:
            found.append((WORDS["read_from"], ex.source_chart, False))
    elif ex.type == "ordering":
        found.append((WORDS["correct_order"], list(ex.items), True))
    elif ex.type == "categorising":
        found.append((WORDS["categories"], [f"{category}: " + "; ".join(i.text for i in ex.items if i.category == category)
                                     for category in ex.categories], False))
    elif ex.type == "reflection":
        for name, title in ex.NOTE_TITLES.items():  # the model answer and notes (the rubric follows, below)
            if getattr(ex, name, None):
                found.append((title, getattr(ex, name), False))
        if ex.min_words:
            found.append((WORDS["minimum_length"], plural(WORDS["words"], ex.min_words), False))
    else:  # a type added later: its key, as data, rather than nothing
        found.append((WORDS["key"], repr({k: v for k, v in ex.key().items() if k not in ("id", "type", "lesson")}), False))
    rubric = getattr(ex, "rubric", None)
    if rubric is not None:
        weight = _field(rubric, "weight") or getattr(ex, "weight", None)
        label = WORDS["rubric"] + (f" ({plural(WORDS['points'], weight)})" if weight is not None else "")
        points = getattr(ex, "points", None)  # a level's points, where the type states the rule

        def level(name: str, title: str) -> str:
            earned = (" (" + fill(WORDS["earned"], points=_number(points(name)), total=plural(WORDS["points"], weight)) + ")"
                      if callable(points) and weight is not None else "")
            return f"{title}{earned}: {_field(rubric, name)}"

        found.append((label, [level(name, title) for name, title in Reflection.RUBRIC_LEVELS.items() if _field(rubric, name)],
                      False))
    explanation = getattr(ex, "explanation", None)
    if explanation:
        found.append((WORDS["explanation"], explanation, False))
    return found


def groups(bank: dict[str, Exercise] | None = None, root: Path = ROOT) -> list[Group]:
    """The exercises by part (the diagnostic first) and, within a part, by page: lessons, then the part's check."""
    bank = bank if bank is not None else default_bank()
    captions = lessons.part_captions(root)
    by_page: dict[tuple, list[Exercise]] = {}
    for ex in bank.values():
        if ex.assessment == lessons.DIAGNOSTIC:
            place = (0, 0, lessons.DIAGNOSTIC)
        elif ex.assessment:
            place = (int(ex.assessment.removeprefix("part-")), 99, ex.assessment)
        else:
            place = (int(ex.lesson.split(".")[0]), int(ex.lesson.split(".")[1]), ex.lesson)
        by_page.setdefault(place, []).append(ex)
    parts: dict[int, Group] = {}
    for place in sorted(by_page):
        part, order, name = place
        page = lessons.lesson_page(name, root) if order not in (0, 99) else lessons.check_page(name, root)
        caption = lessons.part_caption(lessons.DIAGNOSTIC if part == 0 else str(part), captions)
        parts.setdefault(part, (caption, []))[1].append((page, by_page[place]))
    return [parts[p] for p in sorted(parts)]


def _heading(ex: Exercise) -> str:
    return f"{TYPE_LABELS.get(ex.type, ex.type)}, {ex.minutes} min"


def _html_block(label: str, content: str | list[str], ordered: bool) -> str:
    if isinstance(content, str):
        value = "<br>\n".join(escape(line) for line in content.strip().splitlines())
    else:
        tag = "ol" if ordered else "ul"
        value = f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in content) + f"</{tag}>"
    return f"<dt>{escape(label)}</dt><dd>{value}</dd>"


def html_fragment(found: list[Group]) -> str:
    """The key as HTML for a page: a section per part, a heading per page, an entry per exercise."""
    out = []
    for caption, pages in found:
        out.append(f'<section class="cx-key-part">\n<h2>{escape(caption)}</h2>')
        for page, exercises in pages:
            where = f' <span class="cx-key-where">({escape(page.docname)})</span>' if page.path else ""
            out.append(f'<section class="cx-key-page">\n<h3>{escape(page.title)}{where}</h3>')
            for ex in exercises:
                answer = "".join(_html_block(*b) for b in blocks(ex))
                out.append(f'<div class="cx-key-item" id="cx-key-{escape(ex.id)}">'
                           f'<p class="cx-key-title"><code>{escape(ex.id)}</code> · {escape(_heading(ex))}</p>'
                           f'<p class="cx-key-prompt">{escape(ex.prompt)}</p><dl>{answer}</dl></div>')
            out.append("</section>")
        out.append("</section>")
    return "\n".join(out)


PRINT_CSS = """
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.4; margin: 2em auto; max-width: 48em; padding: 0 1em; color: #111; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
h2 { border-bottom: 2px solid #333; padding-bottom: .2em; margin-top: 2em; }
h3 { margin-top: 1.5em; }
.cx-key-where { font-weight: normal; font-size: .8em; color: #444; }
.cx-key-item { border-top: 1px solid #bbb; padding: .5em 0; }
.cx-key-title { font-family: Helvetica, Arial, sans-serif; font-size: .9em; margin: 0; }
.cx-key-prompt { font-style: italic; }
dt { font-weight: bold; }
dd { margin: 0 0 .4em 1.5em; }
dd ul, dd ol { margin: 0; padding-left: 1.2em; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  .cx-key-part { break-before: page; page-break-before: always; }
  .cx-key-part:first-of-type { break-before: auto; page-break-before: auto; }
  h2, h3, .cx-key-title { break-after: avoid; page-break-after: avoid; }
  .cx-key-item { break-inside: avoid; page-break-inside: avoid; }
}
""".strip()


def _course_title(root: Path) -> str:
    try:
        return str(yaml.safe_load(lessons.in_edition(root / "_config.yml").read_text(encoding="utf-8")).get("title") or "")
    except (OSError, AttributeError, yaml.YAMLError):
        return ""


def _count(found: list[Group]) -> int:
    return sum(len(exercises) for _, pages in found for _, exercises in pages)


def summary(found: list[Group]) -> str:
    pages = sum(len(pages) for _, pages in found)
    return fill(WORDS["summary"], count=_count(found), pages=pages)


def html_document(bank: dict[str, Exercise] | None = None, root: Path = ROOT) -> str:
    """A self-contained, printable HTML file: the style sheet inline, nothing loaded from elsewhere."""
    found = groups(bank, root)
    course = _course_title(root)
    title = fill(WORDS["title_of"], course=course) if course else WORDS["title"]
    return (f'<!DOCTYPE html>\n<html lang="{i18n.active()}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>\n{PRINT_CSS}\n</style>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n"
            f"<p>{escape(summary(found))} {escape(WORDS['keep_away'])}</p>\n"
            f"{html_fragment(found)}\n</body>\n</html>\n")


def _md(text: str) -> str:
    """Bank text for Markdown: one line, with markup characters escaped so nothing renders as HTML."""
    return escape(" ".join(text.split()), quote=False)


def markdown(bank: dict[str, Exercise] | None = None, root: Path = ROOT) -> str:
    """The key as Markdown, in the same order as the HTML."""
    found = groups(bank, root)
    out = [f"# {WORDS['title']}", "", summary(found)]
    for caption, pages in found:
        out += ["", f"## {_md(caption)}"]
        for page, exercises in pages:
            out += ["", f"### {_md(page.title)}" + (f" ({_md(page.docname)})" if page.path else "")]
            for ex in exercises:
                out += ["", f"#### `{ex.id}` ({_md(_heading(ex))})", "", f"*{_md(ex.prompt)}*", ""]
                for label, content, ordered in blocks(ex):
                    if isinstance(content, str) and "\n" in content.strip():
                        out.append(f"- **{_md(label)}:**")
                        out += [f"  {_md(line)}" for line in content.strip().splitlines() if line.strip()]
                    elif isinstance(content, str):
                        out.append(f"- **{_md(label)}:** {_md(content)}")
                    else:
                        out.append(f"- **{_md(label)}:**")
                        out += [f"  {f'{i}.' if ordered else '-'} {_md(item)}" for i, item in enumerate(content, 1)]
    return "\n".join(out) + "\n"


class AnswerKey:
    """The answer key of a bank, shown as HTML in notebooks and the book."""

    def __init__(self, bank: dict[str, Exercise] | None = None, root: Path = ROOT) -> None:
        self.groups = groups(bank, root)

    def ids(self) -> list[str]:
        return [ex.id for _, pages in self.groups for _, exercises in pages for ex in exercises]

    def _repr_html_(self) -> str:
        return f'<div class="cx-answer-key {THEMED_OUTPUT}">\n{html_fragment(self.groups)}\n</div>'

    def __repr__(self) -> str:
        return summary(self.groups)


def key(bank: dict[str, Exercise] | None = None) -> AnswerKey:
    """The answer key of the course's bank (or of ``bank``)."""
    return AnswerKey(bank)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="the file to write (default: print)")
    parser.add_argument("--format", choices=FORMATS, default="html", help="html (printable, self-contained) or markdown")
    parser.add_argument("--bank", type=Path, default=EXERCISE_BANK_DIR, help="the bank folder (default: exercises/bank)")
    parser.add_argument("--language", choices=i18n.LANGUAGES, default=i18n.SOURCE_LANGUAGE,
                        help=f"the key's language: its words, the bank's texts, the lessons' titles (default: {i18n.SOURCE_LANGUAGE})")
    args = parser.parse_args(list(argv) if argv is not None else None)
    with i18n.using(args.language):
        return _write(args)


def _write(args: argparse.Namespace) -> int:
    bank = load_bank(args.bank) if args.bank != EXERCISE_BANK_DIR else None
    text = html_document(bank) if args.format == "html" else markdown(bank)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(fill(WORDS["wrote"], path=args.out, count=_count(groups(bank))))
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    # Run the imported module's main, whose words are the ones the kit translates (this copy, __main__, is another).
    from coursekit.exercises.answer_key import main as imported_main

    sys.exit(imported_main())
