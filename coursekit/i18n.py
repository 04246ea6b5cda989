"""The French edition: one translation catalogue per page, and the French book's sources made from them.

Every page of ``_toc.yml`` has a catalogue ``locales/fr/LC_MESSAGES/<docname>.po`` (gettext's format, so
any PO editor opens it). Its entries are the page's Markdown cut into blocks: a paragraph, a heading, a
list, a table, or a whole fenced directive (a box with everything in it), as the English source writes
them, MyST roles and all. A block with no letter (a label, a rule) is not translated. The book's own
words (title, part captions, footer) are in ``locales/fr/LC_MESSAGES/book.po``.

``python -m coursekit.i18n update`` re-reads the English pages and merges their blocks into the
catalogues with Babel: a new block is added untranslated; a changed block keeps its old translation
marked *fuzzy* (to be checked), so a maintainer sees what changed; a block that is gone is dropped.
``python -m coursekit.i18n status`` counts translated, fuzzy and untranslated blocks per page.
``python -m coursekit.i18n sources`` writes the French book (``fr/``): its ``_config.yml`` and
``_toc.yml``, and each page with its blocks translated. A French notebook has the English notebook's
code, after a first cell (hidden in the book) that switches the course's kit to French; its outputs come
from running it (``python -m coursekit.notebooks fr/...``) and are checked by strict nbval like the
English ones. A block with no finished translation (untranslated or fuzzy) stays in English, and the page
says so at its top; ``COMPLETE`` pages must have none (a test holds this).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from coursekit.paths import ROOT

LANGUAGES = ("en", "fr")
SOURCE_LANGUAGE = "en"
LANGUAGE = "fr"  # the one translation so far
LOCALES = ROOT / "locales"
EDITION = ROOT / LANGUAGE  # the French book's sources
BOOK_CATALOGUE = "book"
PREFERENCE_KEY = "coursekit:language"  # the reader's chosen edition, in the browser's localStorage
# Each edition's name, as its readers write it, and the switcher's label in each language.
NAMES = {"en": "English", "fr": "Français"}
SWITCHER_LABEL = {"en": "Language", "fr": "Langue"}  # the book's own words: title, captions, footer, notices
# Fixed dates in the catalogues' headers: a re-run with nothing changed rewrites no file.
CATALOGUE_DATE = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
# A fence opens fenced code (``` or ~~~ with a language name or none, or a code directive) or a directive
# (```{admonition}, :::{note}), whose contents are Markdown.
FENCE = re.compile(r"^\s*(`{3,}|~{3,}|:{3,})(.*)$")
CODE_DIRECTIVE = re.compile(r"\{code(?:-cell|-block)?\}")
LETTER = re.compile(r"[^\W\d_]")
# The first cell of every French notebook: the kit, the charts and the messages speak French.
LANGUAGE_CELL = f'import coursekit.i18n\ncoursekit.i18n.use("{LANGUAGE}")'
LANGUAGE_CELL_TAGS = ["remove-cell"]


# Blocks ------------------------------------------------------------------------------------------------

def blocks(markdown: str) -> list[str]:
    """The Markdown cut at blank lines, except inside fenced code (whose blank lines are kept).

    A directive's fence (``:::{note}``, ```` ```{admonition} Title````) is not code: its contents are cut like
    the rest, the opening line staying with the block that follows it and the closing line being a block of
    its own with nothing to translate, so the pieces put back together with one blank line between them make
    the same Markdown.
    """
    found: list[str] = []
    current: list[str] = []
    fences: list[tuple[str, bool]] = []  # the open fences, innermost last: (its characters, whether it is code)
    for line in markdown.split("\n"):
        in_code = bool(fences) and fences[-1][1]
        if not in_code and not line.strip():
            if current:
                found.append("\n".join(current))
                current = []
            continue
        current.append(line)
        fence = FENCE.match(line)
        if fence:
            chars, info = fence.group(1), fence.group(2).strip()
            if fences and not info and chars[0] == fences[-1][0][0] and len(chars) >= len(fences[-1][0]):
                fences.pop()  # a closing fence: the opening one's character, as long or longer, nothing else
            elif not in_code:
                fences.append((chars, not info.startswith("{") or bool(CODE_DIRECTIVE.match(info))))
    if current:
        found.append("\n".join(current))
    return found


def translatable(block: str) -> bool:
    """A block worth translating: it holds a letter outside a label line such as ``(sec-x)=``."""
    text = "\n".join(line for line in block.split("\n") if not re.fullmatch(r"\s*\([^)]*\)=\s*", line))
    return bool(LETTER.search(text))


# Pages -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    docname: str  # as _toc.yml names it, e.g. chapters/2-contact/2-1-weak-link
    path: Path  # its English source (.ipynb or .md)

    @property
    def catalogue(self) -> Path:
        return LOCALES / LANGUAGE / "LC_MESSAGES" / f"{self.docname}.po"

    def texts(self) -> list[tuple[int, str]]:
        """The page's Markdown as (cell number, text): a notebook's markdown cells, or a .md file as cell 0."""
        if self.path.suffix == ".md":
            return [(0, self.path.read_text(encoding="utf-8"))]
        cells = json.loads(self.path.read_text(encoding="utf-8"))["cells"]
        return [(n, "".join(c["source"])) for n, c in enumerate(cells) if c["cell_type"] == "markdown"]


def _toc_files(entries: Iterable[dict[str, Any]]) -> Iterable[str]:
    for entry in entries:
        if "file" in entry:
            yield entry["file"]
        for key in ("chapters", "sections"):
            yield from _toc_files(entry.get(key, []))


def toc(root: Path = ROOT) -> dict[str, Any]:
    return yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))


def pages(root: Path = ROOT) -> list[Page]:
    """Every page of the table of contents, in its order."""
    tree = toc(root)
    names = [tree["root"], *_toc_files(tree.get("parts", [])), *_toc_files(tree.get("chapters", []))]
    found = []
    for name in names:
        for suffix in (".ipynb", ".md"):
            if (root / f"{name}{suffix}").is_file():
                found.append(Page(name, root / f"{name}{suffix}"))
                break
        else:
            raise FileNotFoundError(f"_toc.yml names {name}, which has no .ipynb or .md file")
    return found


# Catalogues --------------------------------------------------------------------------------------------

HEADER = """French translation of the course page (or the book's words) {domain}.
Each entry is one block of the English Markdown (msgid) and its French (msgstr): keep its fences, roles,
role targets, links and figures (python -m coursekit.i18n check). Figures in French form: 12,5 ; 1 234 ;
47 % (narrow no-break spaces). Merged with the English by python -m coursekit.i18n update."""


def _new_catalogue(domain: str) -> Catalog:
    return Catalog(header_comment="\n".join("# " + line for line in HEADER.format(domain=domain).split("\n")),locale=LANGUAGE, domain=domain, project="Social business in practice", version="1",
                   copyright_holder="The course authors", creation_date=CATALOGUE_DATE, revision_date=CATALOGUE_DATE,
                   language_team="French <fr@li.org>", last_translator="The course authors", fuzzy=False)


def template(page: Page) -> Catalog:
    """The page's blocks as an untranslated catalogue, each with the cell it stands in."""
    catalogue = _new_catalogue(page.docname)
    for cell, text in page.texts():
        for block in blocks(text):
            if translatable(block):
                catalogue.add(block, locations=[(page.path.name, cell + 1)])  # the markdown cell's number, from 1
    return catalogue


def read(path: Path, domain: str) -> Catalog:
    if not path.is_file():
        return _new_catalogue(domain)
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=LANGUAGE, domain=domain)
    for message in catalogue:  # see write(): a fuzzy entry's "#| msgid" lines come back from Babel as comments "| …"
        message.user_comments = [comment for comment in message.user_comments if not comment.startswith("|")]
    return catalogue


def write(catalogue: Catalog, path: Path) -> bool:
    """Write the catalogue when its text changed; True if it did."""
    catalogue.creation_date = catalogue.revision_date = CATALOGUE_DATE
    catalogue.header_comment = _new_catalogue(catalogue.domain or "").header_comment
    catalogue.fuzzy = False
    # A fuzzy entry's earlier English ("#| msgid", set by merge) is written for the translator; Babel 2.18 reads it
    # back as a comment, which read() drops, so it never outlives the entry's fuzziness as a stale comment.
    for message in catalogue:
        if not message.fuzzy:
            message.previous_id = ()
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=0, omit_header=False, include_previous=True)
    body = buffer.getvalue()
    if path.is_file() and path.read_bytes() == body:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return True


def update(page: Page) -> bool:
    """Merge the page's current blocks into its catalogue (Babel: changed blocks become fuzzy); True if written."""
    return merge(template(page), page.catalogue)


def book_template(root: Path = ROOT) -> Catalog:
    """The book's own words: its title, the parts' captions, the footer and the untranslated-page notice."""
    catalogue = _new_catalogue(BOOK_CATALOGUE)
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    catalogue.add(config["title"], locations=[("_config.yml", 0)])
    catalogue.add(config["author"], locations=[("_config.yml", 0)])
    catalogue.add(config["html"]["extra_footer"].strip(), locations=[("_config.yml", 0)])
    for part in toc(root).get("parts", []):
        catalogue.add(part["caption"], locations=[("_toc.yml", 0)])
    catalogue.add(UNTRANSLATED, locations=[("coursekit/i18n.py", 0)])
    for text in THEME_WORDS:
        catalogue.add(text, locations=[("coursekit/i18n.py", 0)])
    from coursekit.pdf import WORDS as PDF_WORDS  # the print edition's own words

    for text in PDF_WORDS.values():
        catalogue.add(text, locations=[("coursekit/pdf.py", 0)])
    return catalogue


# The exercise bank and the kit's words -----------------------------------------------------------------
# Catalogues bank/<file>.po (one per bank file) and kit.po. Each entry's context says where the text is
# (msgctxt "<exercise id>:<path>"), so the same English in two places can be translated apart. A category
# of a categorising exercise has one context for all its uses, so its name is translated once.
NOT_TEXT = {"id", "type", "difficulty", "level", "lesson", "uses_tables", "check", "correct", "answer", "tolerance",
            "minutes", "weight", "assessment", "order"}
CATEGORY_KEYS = {"category", "categories"}


def _texts(value: Any, place: str, owner: str) -> Iterable[tuple[str, str]]:
    """(context, text) for every string of a bank entry worth translating."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in NOT_TEXT:
                continue
            where = f"{owner}:category" if key in CATEGORY_KEYS else f"{place}.{key}"
            yield from _texts(item, where, owner)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            label = item.get("id", n) if isinstance(item, dict) else n
            yield from _texts(item, place if place.endswith(":category") else f"{place}.{label}", owner)
    elif isinstance(value, str) and LETTER.search(value):
        yield place, value


def bank_files(root: Path = ROOT) -> list[Path]:
    bank = root / "exercises" / "bank"
    return [*sorted(bank.glob("*.yml")), *sorted((bank / "checks").glob("*.yml"))]


def bank_catalogue_path(path: Path) -> Path:
    relative = path.relative_to(ROOT / "exercises" / "bank").with_suffix(".po")
    return LOCALES / LANGUAGE / "LC_MESSAGES" / "bank" / relative


def bank_domain(path: Path) -> str:
    """A bank file's catalogue name: bank/contact-2-1, bank/checks/part-1."""
    return f"bank/{path.relative_to(ROOT / 'exercises' / 'bank').with_suffix('')}"


def bank_template(path: Path) -> Catalog:
    """A bank file's texts: prompts, choices, feedback, hints, explanations, rubrics, titles."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    catalogue = _new_catalogue(bank_domain(path))
    if raw.get("title"):
        catalogue.add(raw["title"], context=f"{path.stem}:title", locations=[(path.name, 1)])
    for exercise in raw.get("exercises", []):
        for context, text in _texts(exercise, exercise["id"], exercise["id"]):
            catalogue.add(text, context=context,
                          locations=[(path.name, 1)])
    return catalogue


KIT_CATALOGUE = "kit"


def kit_tables() -> dict[str, dict[str, Any]]:
    """Every table of words the kit shows, by its place (module:NAME or module:Class.MESSAGES)."""
    from coursekit.exercises import answer_key, assessment, catalogue, messages, score
    from coursekit.exercises.kinds import BY_TYPE
    from coursekit import capstone, course_map, gradebook, lessons, plans
    from coursekit.gradebook import practice, report

    tables: dict[str, dict[str, Any]] = {
        "messages:NUMBER_MESSAGES": messages.NUMBER_MESSAGES, "messages:SHARED": messages.SHARED,
        "messages:PAGE": messages.PAGE, "messages:LIVE": messages.LIVE,
        "assessment:PAGES": assessment.PAGES, "assessment:MESSAGES": assessment.MESSAGES,
        "catalogue:FILTERS": catalogue.FILTERS, "catalogue:WORDS": catalogue.WORDS, "score:VERDICTS": score.VERDICTS,
        "score:FILE_ERRORS": score.FILE_ERRORS, "score:WORDS": score.WORDS, "report:REPORT": report.REPORT,
        "gradebook:COMMAND": gradebook.COMMAND, "practice:ERRORS": practice.ERRORS, "answer_key:WORDS": answer_key.WORDS,
        "plans:WORDS": plans.WORDS, "course_map:WORDS": course_map.WORDS, "course_map:KIND_WORDS": course_map.KIND_WORDS,
        "capstone:WORDS": capstone.WORDS, "lessons:WORDS": lessons.WORDS,
    }
    for name, kind in sorted(BY_TYPE.items()):
        tables[f"kinds:{name}.MESSAGES"] = kind.MESSAGES
        tables[f"kinds:{name}.LABEL"] = {"label": kind.LABEL}
        if "CHECK_LABEL" in vars(kind):  # a type with its own button (the others say messages.SHARED["check"])
            tables[f"kinds:{name}.CHECK_LABEL"] = {"check_label": kind.CHECK_LABEL}
        texts = {attr: getattr(kind, attr) for attr in KIND_TEXTS if attr in vars(kind)}
        if texts:
            tables[f"kinds:{name}.TEXTS"] = texts
    return tables


# A type's own words besides LABEL, CHECK_LABEL and MESSAGES: class attributes (a text, or a table of texts).
KIND_TEXTS = ("INSTRUCTIONS", "INSTRUCTIONS_MIN_WORDS", "PLACEHOLDER", "NOTE_TITLES", "RUBRIC_TITLE", "RUBRIC_LEVELS",
              "RUBRIC_LINE", "RESPONSE_PROBLEM")


def kit_template() -> Catalog:
    catalogue = _new_catalogue(KIT_CATALOGUE)
    for place, table in kit_tables().items():
        for key, value in table.items():
            if key.endswith("file_name"):
                continue  # the names of downloaded files stay as they are
            forms = value.items() if isinstance(value, dict) else [("", value)]
            for form, text in forms:
                if isinstance(text, str) and LETTER.search(text):
                    catalogue.add(text, context=f"{place}:{key}" + (f":{form}" if form else ""), locations=[("coursekit/exercises", 1)])
    return catalogue


def merge(template_catalogue: Catalog, path: Path) -> bool:
    """Merge a template into the catalogue at path (changed entries become fuzzy); True if written."""
    catalogue = read(path, template_catalogue.domain or "")
    catalogue.update(template_catalogue, no_fuzzy_matching=False, update_header_comment=False)
    catalogue.obsolete.clear()  # a text that is gone is gone: the English history is in git
    return write(catalogue, path)


# The charts' words ---------------------------------------------------------------------------------
# One catalogue, charts.po: every fixed text of the chart functions as an English template with named slots
# (context: the function, or "status", "source_line"…), and the category labels the charts draw from their
# tables (context "table:column"). coursekit.charts.core.tr reads it.
CHARTS_CATALOGUE = "charts"
CHART_CALLS = {"tr", "expr_text"}  # the functions of coursekit.charts.core whose (context, template) are extracted


def charts_catalogue_path(language: str = LANGUAGE) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{CHARTS_CATALOGUE}.po"


def _chart_literals(path: Path) -> Iterable[tuple[str, str, int]]:
    """(context, template, line) of every tr/expr_text call with a literal context and template in a module."""
    import ast

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        context, text = node.args[:2]
        if name in CHART_CALLS and isinstance(context, ast.Constant) and isinstance(text, ast.Constant) \
                and isinstance(context.value, str) and isinstance(text.value, str):
            yield context.value, text.value, node.lineno


def charts_template() -> Catalog:
    """Every chart text: the templates written in the chart modules (each branch, read from the code), then the
    labels and texts each chart function uses when it draws its own table in English (recorded as it runs), then
    the data page's: the package's texts and every text cell of every table (``datapage.texts``)."""
    import coursekit.charts as charts
    from coursekit import data
    from coursekit.charts import core

    catalogue = _new_catalogue(CHARTS_CATALOGUE)
    folder = Path(core.__file__).parent
    for module in sorted(folder.glob("*.py")):
        for context, text, line in sorted(_chart_literals(module), key=lambda found: found[2]):
            if LETTER.search(text):
                catalogue.add(text, context=context, locations=[(f"coursekit/charts/{module.name}", line)])
    for context, table in core.WORD_TABLES.items():
        for text in table.values():
            catalogue.add(text, context=context, locations=[("coursekit/charts", 1)])
    recorded: list[tuple[str, str]] = []
    core._recorded, before = recorded, _active
    try:
        if before != SOURCE_LANGUAGE:
            use(SOURCE_LANGUAGE)
        for name in sorted(n for m in charts.MODULES for n in m.__all__):
            function = getattr(charts, name)
            function(data.load(function.table))
    finally:
        core._recorded = None
        if before != SOURCE_LANGUAGE:
            use(before)
    known = {(m.context, m.id) for m in catalogue if m.id}
    for context, text in recorded:
        if LETTER.search(text) and (context, text) not in known:
            catalogue.add(text, context=context, locations=[("data", 1)])
            known.add((context, text))
    from coursekit.charts import datapage  # the data page: the package's texts and every text cell of the tables

    for context, text in datapage.texts():
        if (context, text) not in known:
            where = "data/datapackage.json" if context.startswith(f"{datapage.PACKAGE}:") else "data"
            catalogue.add(text, context=context, locations=[(where, 1)])
            known.add((context, text))
    return catalogue


# The editorial files' texts ---------------------------------------------------------------------------
# Catalogues editorial/<stem>.po, one per YAML file of editorial choices the trainer pages read (the plans, the
# course map, the capstone's rubric). Each entry's context is the text's place in its file, written as the files'
# error messages write it: its keys, and a list item by its id, its name or its lessons (from-to) where it has one,
# else its number ("plans/two-day/title", "links/1.1-1.2/reason", "criteria/trace/rubric/weak"). Data (lessons,
# ids, kinds, minutes, limits, times) is not text.
EDITORIAL_DATA = {"lessons", "lesson", "id", "step", "weight", "from", "to", "kind", "session_limit", "load_limit",
                  "discussion_minutes", "every_lesson", "starts", "optional", "check", "practice", "discuss",
                  "reflection", "break"}


def editorial_files() -> list[Path]:
    """The editorial YAML files whose texts the pages show, as the modules that read them name them."""
    from coursekit import capstone, course_map, plans

    return [plans.PLANS_FILE, course_map.MAP_FILE, capstone.RUBRIC_FILE]


def editorial_domain(path: Path) -> str:
    return f"editorial/{path.stem}"


def editorial_catalogue_path(path: Path) -> Path:
    return LOCALES / LANGUAGE / "LC_MESSAGES" / f"{editorial_domain(path)}.po"


def _editorial_label(item: Any, n: int) -> str:
    if isinstance(item, dict):
        if isinstance(item.get("id"), str) or isinstance(item.get("name"), str):
            return item.get("id") or item["name"]
        if "from" in item and "to" in item:
            return f"{item['from']}-{item['to']}"
    return str(n)


def _editorial_texts(value: Any, place: str) -> Iterable[tuple[str, str]]:
    """(context, text) for every string of an editorial file worth translating."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in EDITORIAL_DATA:
                yield from _editorial_texts(item, f"{place}/{key}" if place else str(key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _editorial_texts(item, f"{place}/{_editorial_label(item, n)}")
    elif isinstance(value, str) and LETTER.search(value):
        yield place, value


def _editorial_translated(value: Any, place: str, words: dict[tuple[str, str], str]) -> Any:
    """The file's data with each text replaced by its translation at the same place (as ``_editorial_texts`` names it)."""
    if isinstance(value, dict):
        return {key: item if key in EDITORIAL_DATA else
                _editorial_translated(item, f"{place}/{key}" if place else str(key), words) for key, item in value.items()}
    if isinstance(value, list):
        return [_editorial_translated(item, f"{place}/{_editorial_label(item, n)}", words) for n, item in enumerate(value)]
    if isinstance(value, str) and LETTER.search(value):
        return words.get((place, value), value)
    return value


def editorial_template(path: Path) -> Catalog:
    """An editorial file's texts: titles, summaries, names, notes, reasons, outcomes, criteria."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    catalogue = _new_catalogue(editorial_domain(path))
    for context, text in _editorial_texts(raw, ""):
        catalogue.add(text, context=context, locations=[(str(path.relative_to(ROOT)), 1)])
    return catalogue


def localise_editorial(raw: Any, path: Path) -> Any:
    """An editorial file's data (as read from its YAML) in the active language; a file that is not one of the
    course's (a test's copy) as it is."""
    if _active == SOURCE_LANGUAGE or not isinstance(raw, dict):
        return raw
    resolved = Path(path).resolve()
    known = next((p for p in editorial_files() if p.resolve() == resolved), None)
    if known is None:
        return raw
    return _editorial_translated(raw, "", finished_by_context(read(editorial_catalogue_path(known), editorial_domain(known))))


def other_catalogues() -> list[tuple[str, Path, Any]]:
    """(name, catalogue, template maker) for the book's words, every bank file, the kit and the editorial files."""
    found = [(BOOK_CATALOGUE, LOCALES / LANGUAGE / "LC_MESSAGES" / f"{BOOK_CATALOGUE}.po", book_template)]
    found += [(bank_domain(p), bank_catalogue_path(p),
               (lambda p=p: bank_template(p))) for p in bank_files()]
    found.append((KIT_CATALOGUE, LOCALES / LANGUAGE / "LC_MESSAGES" / f"{KIT_CATALOGUE}.po", kit_template))
    found += [(editorial_domain(p), editorial_catalogue_path(p), (lambda p=p: editorial_template(p))) for p in editorial_files()]
    found.append((CHARTS_CATALOGUE, charts_catalogue_path(), charts_template))
    from coursekit import bibliography  # (it reads this module)
    found.append((bibliography.DOMAIN, bibliography.catalogue_path(), bibliography.template))
    return found


def finished(catalogue: Catalog) -> dict[str, str]:
    """English block -> French block, for every entry translated and not fuzzy."""
    return {m.id: m.string for m in catalogue if m.id and m.string and not m.fuzzy}


# What a translation must keep of its English block: the Markdown's structure and every fact in it.
ROLE = re.compile(r"\{(\w[\w:-]*)\}`([^`]*)`")
ROLE_TARGET = re.compile(r"<([^<>]+)>\s*$")
LINK_URL = re.compile(r"\]\(([^)\s]+)\)")
# Figures as each language writes them: English 1,234.5 (and numberings such as 2.1); French 1 234,5 with a
# narrow no-break space (or a no-break space) between thousands, and numberings kept with their points.
FIGURE = {
    # (a comma before one or two digits is a decimal comma shown as an example, "3.5 or 3,5")
    SOURCE_LANGUAGE: re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)*"),
    LANGUAGE: re.compile(r"\d{1,3}(?:[\u202f\u00a0 ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?(?:\.\d+)*"),
}


def figures(text: str, language: str) -> list[str]:
    """The figures of a text in one spelling: English 1,234.5 and French 1 234,5 both give 1234.5."""
    found = []
    for raw in FIGURE[language].findall(ROLE.sub(" ", text)):
        if language == SOURCE_LANGUAGE:
            found.append(raw.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", raw) else raw.replace(",", ""))
        else:
            found.append(re.sub(r"[\u202f\u00a0 ]", "", raw).replace(",", "."))
    return sorted(found)


def _roles(text: str) -> list[tuple[str, str]]:
    """Each MyST role with what it points at: a {doc}, {ref} or {term} target, a {cite} key; other roles' names."""
    found = []
    for name, body in ROLE.findall(text):
        target = ROLE_TARGET.search(body)
        pointed = (target.group(1) if target else body).strip()
        if name == "term":
            found.append((name, pointed.lower()))
        elif name in ("doc", "ref", "numref", "download"):
            found.append((name, pointed))
        elif name.startswith("cite"):
            found.append(("cite", ",".join(sorted(k.strip() for k in body.split(",")))))
        else:
            found.append((name, ""))
    return sorted(found)


def _fences(text: str) -> list[str]:
    """Each fence line's characters and directive name (a directive's title may be translated)."""
    found = []
    for line in text.split("\n"):
        fence = FENCE.match(line)
        if fence:
            name = re.match(r"\{[\w-]+\}", fence.group(2).strip())
            found.append(fence.group(1) + (name.group(0) if name else ""))
    return found


SLOT = re.compile(r"\{([a-z_]+)\}(?!`)")  # a message's {name} slot (not a MyST role, which a backtick follows)


# French spacing: the no-break spaces French puts between thousands, before %, ; ! ? and :, and inside « ».
# french_spacing() puts them where a translation has an ordinary space; check() reports any it would change.
# Code (inline, and fenced code blocks) and link targets are left as they are; a directive's box is prose.
NNBSP, NBSP = "\u202f", "\u00a0"
_KEPT = re.compile(r"`[^`\n]*`|\]\([^)\s]*\)")
_SPACING = [
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NNBSP),  # 12 000
    (re.compile(r"(?<=\d) (?=%)"), NNBSP),  # 47 %
    (re.compile(r"(?<=\S) (?=[;!?](?:\s|$|\*|\)|»|\"))"), NNBSP),  # mot ; mot ? mot !
    (re.compile(r"(?<=\S) (?=:(?:\s|$))"), NBSP),  # mot : suite
    (re.compile(r"« "), "«" + NNBSP),
    (re.compile(r" »"), NNBSP + "»"),
]
_ALIGNMENT_ROW = re.compile(r"\s*\|?[\s:|-]+\|?\s*")


def _spaced_line(line: str) -> str:
    if _ALIGNMENT_ROW.fullmatch(line):  # a table's alignment row, | :--- |
        return line
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x01"

    text = _KEPT.sub(keep, line)
    for pattern, space in _SPACING:
        text = pattern.sub(space, text)
    return re.sub(r"\x00(\d+)\x01", lambda m: kept[int(m.group(1))], text)


def french_spacing(text: str) -> str:
    """The text with French no-break spaces where it has ordinary ones, outside code (```python or a bare ```
    fence; a bare ``` closes the innermost open fence, and a directive fence such as ```{note} holds prose)."""
    out, fences = [], []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("```"):
            info = stripped.lstrip("`").strip()
            if info:
                fences.append("directive" if info.startswith("{") else "code")
            elif fences:
                fences.pop()
            else:
                fences.append("code")
            out.append(line)
        else:
            out.append(line if fences and fences[-1] == "code" else _spaced_line(line))
    return "\n".join(out)


def problems(english: str, french: str, compare_figures: bool = True) -> list[str]:
    """Why a translation does not keep its English block's structure or facts (empty when it does).

    The kit's messages are not compared for figures: their examples show both decimal marks on purpose."""
    found = []
    if sorted(SLOT.findall(english)) != sorted(SLOT.findall(french)):
        found.append(f"slots differ: {sorted(SLOT.findall(english))} in English, {sorted(SLOT.findall(french))} in French")
    if _fences(english) != _fences(french):
        found.append(f"fences and directives differ: {_fences(english)} in English, {_fences(french)} in French")
    if _roles(english) != _roles(french):
        found.append(f"roles or their targets differ: {_roles(english)} in English, {_roles(french)} in French")
    if sorted(LINK_URL.findall(english)) != sorted(LINK_URL.findall(french)):
        found.append("link addresses differ")
    if compare_figures and figures(english, SOURCE_LANGUAGE) != figures(french, LANGUAGE):
        found.append(f"figures differ: {figures(english, SOURCE_LANGUAGE)} in English, {figures(french, LANGUAGE)} in French")
    spaced = french_spacing(french)
    if spaced != french:
        where = next(n for n, (a, b) in enumerate(zip(french, spaced)) if a != b)
        found.append(f"French spacing: an ordinary space where French puts a no-break one, at {french[max(0, where - 20):where + 3]!r}")
    return found


def check(catalogue: Catalog) -> list[str]:
    """Every finished entry's problems, each with its context (if any) and the start of its English text."""
    figures_too = catalogue.domain != KIT_CATALOGUE
    return [f"{(m.context + ' ') if m.context else ''}{m.id[:70]!r}: {problem}" for m in catalogue
            if m.id and m.string and not m.fuzzy for problem in problems(m.id, m.string, figures_too)]


@dataclass(frozen=True)
class Status:
    docname: str
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def complete(self) -> bool:
        return self.fuzzy == 0 and self.untranslated == 0


def catalogue_status(name: str, path: Path, make: Any) -> Status:
    entries = {(m.context, m.id): m for m in read(path, name) if m.id}
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for message in make():
        if message.id:
            entry = entries.get((message.context, message.id))
            counts["untranslated" if entry is None or not entry.string else "fuzzy" if entry.fuzzy else "translated"] += 1
    return Status(name, counts["translated"], counts["fuzzy"], counts["untranslated"])


def status(page: Page) -> Status:
    """How far the page's catalogue covers its current English blocks."""
    catalogue = read(page.catalogue, page.docname)
    entries = {m.id: m for m in catalogue if m.id}
    translated = fuzzy = untranslated = 0
    for message in template(page):
        if not message.id:
            continue
        entry = entries.get(message.id)
        if entry is None or not entry.string:
            untranslated += 1
        elif entry.fuzzy:
            fuzzy += 1
        else:
            translated += 1
    return Status(page.docname, translated, fuzzy, untranslated)


# The French sources ------------------------------------------------------------------------------------

def translate(markdown: str, translations: dict[str, str]) -> tuple[str, int]:
    """The Markdown with each block replaced by its finished translation; and how many blocks had none."""
    out, missing = [], 0
    for block in blocks(markdown):
        if not translatable(block):
            out.append(block)
        elif block in translations:
            out.append(translations[block])
        else:
            out.append(block)
            missing += 1
    return "\n\n".join(out), missing


def book_words() -> dict[str, str]:
    return finished(read(LOCALES / LANGUAGE / "LC_MESSAGES" / f"{BOOK_CATALOGUE}.po", BOOK_CATALOGUE))


# Words of the page frame that the themes write in English whatever the book's language (their templates do
# not translate them): coursekit.book hands theme_words() to the book's templates (_templates/) as coursekit_words.
THEME_WORDS = ("Search this book...", "Toggle primary sidebar", "Toggle secondary sidebar", "Main",
               "Show or hide the pages of this section")


def theme_words(language: str) -> dict[str, str]:
    """THEME_WORDS in the edition's language, by their English (the English edition: as they are)."""
    words = book_words() if language != SOURCE_LANGUAGE else {}
    return {text: words.get(text, text) for text in THEME_WORDS}


UNTRANSLATED = "This page is not fully translated yet: the passages still in English are shown in English."


def untranslated_notice(words: dict[str, str]) -> str:
    """The note at the top of a French page that still has English blocks."""
    return f":::{{note}}\n{words.get(UNTRANSLATED, UNTRANSLATED)}\n:::"


def french_page(page: Page, words: dict[str, str]) -> tuple[str, int]:
    """The French page's file contents and how many blocks are still English."""
    translations = finished(read(page.catalogue, page.docname))
    if page.path.suffix == ".md":
        text, missing = translate(page.path.read_text(encoding="utf-8"), translations)
        if missing:
            text = _after_title(text, untranslated_notice(words))
        return text.rstrip("\n") + "\n", missing
    notebook = json.loads(page.path.read_text(encoding="utf-8"))
    missing = 0
    cells = []
    for cell in notebook["cells"]:
        cell = copy.deepcopy(cell)
        if cell["cell_type"] == "markdown":
            text, gaps = translate("".join(cell["source"]), translations)
            missing += gaps
            cell["source"] = _lines(text)
        cells.append(cell)
    if any(c["cell_type"] == "code" for c in cells):
        cells.insert(0, {"cell_type": "code", "execution_count": None, "id": "language",
                         "metadata": {"tags": LANGUAGE_CELL_TAGS}, "outputs": [], "source": _lines(LANGUAGE_CELL)})
    if missing:
        first = next(c for c in cells if c["cell_type"] == "markdown")
        first["source"] = _lines(_after_title("".join(first["source"]), untranslated_notice(words)))
    notebook["cells"] = cells
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", missing


def _after_title(text: str, insert: str) -> str:
    parts = blocks(text)
    at = 1 if parts and parts[0].startswith("# ") else 0
    return "\n\n".join(parts[:at] + [insert] + parts[at:])


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def french_config(words: dict[str, str], root: Path = ROOT) -> dict[str, Any]:
    """The French book's _config.yml: the English one, in French, reading the shared files from the course's root."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = words.get(config["title"], config["title"])
    config["author"] = words.get(config["author"], config["author"])
    footer = config["html"]["extra_footer"].strip()
    config["html"]["extra_footer"] = words.get(footer, footer)
    from coursekit import bibliography

    # The French bibliography (coursekit.bibliography): its annotations and months in French, its style's words too.
    config["bibtex_bibfiles"] = [bibliography.TARGET.name if name == bibliography.SOURCE.name else f"../{name}"
                                 for name in config["bibtex_bibfiles"]]
    config["sphinx"]["config"]["bibtex_default_style"] = bibliography.STYLE_NAME
    config["sphinx"]["config"]["bibtex_reference_style"] = bibliography.REFERENCE_STYLE_NAME
    config["exclude_patterns"] = [*config["exclude_patterns"], "locales"]
    sphinx = config["sphinx"]["config"]
    sphinx["language"] = LANGUAGE
    sphinx["html_static_path"] = [f"../{folder}" for folder in sphinx["html_static_path"]]
    sphinx["templates_path"] = [f"../{folder}" for folder in sphinx["templates_path"]]
    sphinx["html_favicon"] = f"../{sphinx['html_favicon']}"
    if config.get("repository", {}).get("url"):
        config["repository"]["path_to_book"] = LANGUAGE
    if config["html"].get("baseurl"):  # the site's address: the French pages' own is under fr/
        config["html"]["baseurl"] = config["html"]["baseurl"].rstrip("/") + f"/{LANGUAGE}/"
    return config


def french_toc(words: dict[str, str], root: Path = ROOT) -> dict[str, Any]:
    tree = toc(root)
    for part in tree.get("parts", []):
        part["caption"] = words.get(part["caption"], part["caption"])
    return tree


GENERATED = "# Generated by python -m coursekit.i18n sources from the English book's file and locales/fr: do not edit.\n"


def _code(cells: list[dict[str, Any]]) -> list[str]:
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def _keep_outputs(new: dict[str, Any], old_path: Path) -> bool:
    """Give the new French notebook the outputs of the stored one when their code is the same; True if it could."""
    if not old_path.is_file():
        return False
    old = json.loads(old_path.read_text(encoding="utf-8"))
    if _code(old["cells"]) != _code(new["cells"]):
        return False
    stored = iter(c for c in old["cells"] if c["cell_type"] == "code")
    for cell in new["cells"]:
        if cell["cell_type"] == "code":
            previous = next(stored)
            cell["outputs"], cell["execution_count"] = previous.get("outputs", []), previous.get("execution_count")
    return True


def sources(run: bool = True, run_all: bool = False) -> int:
    """Write fr/ (config, table of contents, every page); run the French notebooks whose code changed (all of
    them with ``run_all``: after a change to the kit's or the bank's French, which their outputs show)."""
    from coursekit import notebooks

    words = book_words()
    EDITION.mkdir(exist_ok=True)
    (EDITION / "_config.yml").write_text(GENERATED + yaml.safe_dump(french_config(words), allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    (EDITION / "_toc.yml").write_text(GENERATED + yaml.safe_dump(french_toc(words), allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    from coursekit import bibliography

    bibliography.write_french_bib()
    written, to_run, incomplete = set(), [], []
    for page in pages():
        text, missing = french_page(page, words)
        target = EDITION / page.path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        if page.path.suffix == ".ipynb":
            notebook = json.loads(text)
            if not _keep_outputs(notebook, target) or run_all:
                to_run.append(target)
            body = notebooks.serialised(notebooks.normalise(nbformat_from(notebook)))
        else:
            body = text.encode("utf-8")
        if not target.is_file() or target.read_bytes() != body:
            target.write_bytes(body)
        written.add(target)
        if missing:
            incomplete.append(f"{page.docname} ({missing} block(s) in English)")
    for stale in sorted(EDITION.rglob("*")):
        if stale.suffix in (".ipynb", ".md") and stale not in written and "_build" not in stale.parts:
            stale.unlink()
    print(f"wrote {len(written)} French pages in {EDITION.relative_to(ROOT)}/; {len(incomplete)} not fully translated")
    for path in to_run if run else []:
        notebooks.regenerate(path)
        print(f"ran {path.relative_to(ROOT)}")
    if to_run and not run:
        print("to run: " + " ".join(str(p.relative_to(ROOT)) for p in to_run))
    return 0


def nbformat_from(notebook: dict[str, Any]) -> Any:
    import nbformat

    return nbformat.reads(json.dumps(notebook), as_version=4)


def alternates(pagename: str, language: str, baseurl: str = "") -> dict[str, str]:
    """Each edition's address of a page, from a page of the given edition: relative links, or absolute ones
    from the site's address (``html.baseurl``, the French build's ending in fr/)."""
    if baseurl:
        root = baseurl.rstrip("/") + "/"
        if language != SOURCE_LANGUAGE:
            root = root.removesuffix(f"{language}/")
        return {SOURCE_LANGUAGE: f"{root}{pagename}.html", LANGUAGE: f"{root}{LANGUAGE}/{pagename}.html"}
    up = "../" * pagename.count("/")
    if language == SOURCE_LANGUAGE:
        return {SOURCE_LANGUAGE: f"{pagename.rsplit('/', 1)[-1]}.html", LANGUAGE: f"{up}{LANGUAGE}/{pagename}.html"}
    return {SOURCE_LANGUAGE: f"{up}../{pagename}.html", LANGUAGE: f"{pagename.rsplit('/', 1)[-1]}.html"}


def switcher(pagename: str, language: str) -> str:
    """The link to the same page in the other edition, at the top of every page; a click records the choice."""
    other = LANGUAGE if language == SOURCE_LANGUAGE else SOURCE_LANGUAGE
    href = alternates(pagename, language)[other]
    remember = f"try{{localStorage.setItem('{PREFERENCE_KEY}','{other}')}}catch(e){{}}"
    return (f'<nav class="coursekit-language" aria-label="{SWITCHER_LABEL[language]}" '
            f'style="text-align: right; font-size: 0.9rem; margin: 0 0 0.5rem;">'
            f'<a href="{href}" hreflang="{other}" lang="{other}" onclick="{remember}">{NAMES[other]}</a></nav>')


def alternate_links(pagename: str, language: str, baseurl: str) -> str:
    """hreflang alternates for search engines: only with the site's address (they must be absolute)."""
    if not baseurl:
        return ""
    urls = alternates(pagename, language, baseurl)
    links = [f'<link rel="alternate" hreflang="{code}" href="{url}" />' for code, url in urls.items()]
    links.append(f'<link rel="alternate" hreflang="x-default" href="{urls[SOURCE_LANGUAGE]}" />')
    return "\n".join(links) + "\n"


# The kit's language ------------------------------------------------------------------------------------

_active = SOURCE_LANGUAGE
_english: dict[str, dict[str, Any]] = {}  # the kit's tables as written, kept the first time the language changes
# The counts that take a message's "one" form: English says "1 answer", French "0 réponse" and "1 réponse".
PLURAL_ONE = {SOURCE_LANGUAGE: [1], LANGUAGE: [0, 1]}


def use(language: str) -> None:
    """Make the course's kit (exercise texts, messages, labels) speak this language in this process.

    The bank is read again in that language (each text from its catalogue's finished translation, the English
    where there is none) and every table of the kit's words is refilled in place, so every module that holds
    one sees the change."""
    global _active
    if language not in LANGUAGES:
        raise ValueError(f"the course speaks {', '.join(LANGUAGES)}; {language!r} is not one of them")
    from coursekit.exercises import assessment, messages, model, static
    from coursekit.exercises.kinds import BY_TYPE
    from coursekit.exercises.kinds.base import ExerciseBase

    tables = kit_tables()
    if not _english:
        _english.update(copy.deepcopy(tables))
    words = finished_by_context(read(LOCALES / LANGUAGE / "LC_MESSAGES" / f"{KIT_CATALOGUE}.po", KIT_CATALOGUE)) \
        if language != SOURCE_LANGUAGE else {}
    for place, table in tables.items():
        english = _english[place]
        for key, value in english.items():
            if isinstance(value, dict):
                table[key] = {form: words.get((f"{place}:{key}:{form}", text), text) for form, text in value.items()}
            else:
                table[key] = words.get((f"{place}:{key}", value), value)
    for name, kind in BY_TYPE.items():
        kind.LABEL = tables[f"kinds:{name}.LABEL"]["label"]
        if f"kinds:{name}.CHECK_LABEL" in tables:
            kind.CHECK_LABEL = tables[f"kinds:{name}.CHECK_LABEL"]["check_label"]
        for attr, value in tables.get(f"kinds:{name}.TEXTS", {}).items():
            setattr(kind, attr, value)
    ExerciseBase.CHECK_LABEL = messages.SHARED["check"]
    static.TYPE_LABELS.update({name: kind.LABEL for name, kind in BY_TYPE.items()})
    messages.PLURAL_ONE[:] = PLURAL_ONE[language]
    _active = language
    model.default_bank.cache_clear()
    assessment.lessons.cache_clear()


def active() -> str:
    return _active


class using:
    """``with i18n.using("fr"):`` the kit speaks French inside the block, and its language before after it."""

    def __init__(self, language: str) -> None:
        self.language, self.before = language, _active

    def __enter__(self) -> None:
        self.before = _active
        use(self.language)

    def __exit__(self, *exc: object) -> None:
        use(self.before)


def finished_by_context(catalogue: Catalog) -> dict[tuple[str, str], str]:
    """(context, English) -> French, for every entry translated and not fuzzy (the bank's and the kit's
    catalogues; a category's context is shared by the exercise's categories, so the English is part of the key)."""
    return {(m.context, m.id): m.string for m in catalogue if m.id and m.context and m.string and not m.fuzzy}


def _translated(value: Any, place: str, owner: str, words: dict[tuple[str, str], str]) -> Any:
    """The bank entry with each text replaced by its translation at the same place (as ``_texts`` names it)."""
    if isinstance(value, dict):
        return {key: item if key in NOT_TEXT else
                _translated(item, f"{owner}:category" if key in CATEGORY_KEYS else f"{place}.{key}", owner, words)
                for key, item in value.items()}
    if isinstance(value, list):
        return [_translated(item, place if place.endswith(":category")
                            else f"{place}.{item.get('id', n) if isinstance(item, dict) else n}", owner, words)
                for n, item in enumerate(value)]
    if isinstance(value, str) and LETTER.search(value):
        return words.get((place, value), value)
    return value


def localise_bank_file(raw: Any, path: Path) -> Any:
    """A bank file's data (as read from its YAML) in the active language."""
    if _active == SOURCE_LANGUAGE or not isinstance(raw, dict):
        return raw
    try:
        catalogue_path = bank_catalogue_path(path)
    except ValueError:  # a bank outside the course's (a test's fixture): nothing to translate
        return raw
    words = finished_by_context(read(catalogue_path, bank_domain(path)))
    raw = dict(raw)
    if raw.get("title"):
        raw["title"] = words.get((f"{path.stem}:title", raw["title"]), raw["title"])
    if isinstance(raw.get("exercises"), list):
        raw["exercises"] = [_translated(ex, ex["id"], ex["id"], words) if isinstance(ex, dict) and "id" in ex else ex
                            for ex in raw["exercises"]]
    return raw


# Command line ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="merge every page's current English blocks into its catalogue")
    commands.add_parser("status", help="translated, fuzzy and untranslated blocks per page")
    making = commands.add_parser("sources", help="write the French book's sources (fr/) from the catalogues")
    making.add_argument("--run-all", action="store_true", help="run every French notebook (after the bank's or the kit's French changed)")
    checking = commands.add_parser("check", help="every translation keeps its block's fences, roles, links and figures")
    checking.add_argument("catalogues", nargs="*", type=Path, help="catalogue files (default: all)")
    args = parser.parse_args(argv)
    if args.command == "update":
        changed = [page.docname for page in pages() if update(page)]
        changed += [name for name, path, make in other_catalogues() if merge(make(), path)]
        print(f"{len(changed)} catalogue(s) written" + (": " + ", ".join(changed) if changed else ""))
        return 0
    if args.command == "status":
        total = Status("all", 0, 0, 0)
        for s in [*map(status, pages()), *(catalogue_status(n, p, m) for n, p, m in other_catalogues())]:
            total = Status("all", total.translated + s.translated, total.fuzzy + s.fuzzy, total.untranslated + s.untranslated)
            print(f"{'complete' if s.complete else 'to do':8}  {s.translated:4} translated  {s.fuzzy:3} fuzzy  "
                  f"{s.untranslated:4} untranslated  {s.docname}")
        print(f"all pages: {total.translated} translated, {total.fuzzy} fuzzy, {total.untranslated} untranslated")
        return 0
    if args.command == "check":
        paths = args.catalogues or sorted((LOCALES / LANGUAGE / "LC_MESSAGES").rglob("*.po"))
        bad = 0
        for path in (p.resolve() for p in paths):
            domain = str(path.relative_to(LOCALES / LANGUAGE / "LC_MESSAGES").with_suffix(""))
            for problem in check(read(path, domain)):
                print(f"{path}: {problem}")
                bad += 1
        print(f"{bad} problem(s) in {len(paths)} catalogue(s)")
        return 1 if bad else 0
    return sources(run_all=args.run_all)


if __name__ == "__main__":
    sys.exit(main())
