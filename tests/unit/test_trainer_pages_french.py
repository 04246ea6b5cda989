"""The French trainer guide, course map and capstone rubric: what these pages generate (tables, plans, the map's chart)
speaks French, from the kit's words (plans.WORDS, course_map.WORDS and KIND_WORDS, capstone.WORDS in kit.po) and from
the editorial files' catalogues (editorial/plans.po, editorial/course-map.po, editorial/capstone-rubric.po); no English
word of either is left, numbers are in French form, and the English pages stay as they were."""

from __future__ import annotations

import ast
import html
import json
import re
import shutil

import pytest

from coursekit import course_map, i18n, plans

PAGES = ("back/trainer-guide.ipynb", "chapters/course-map.ipynb", "chapters/capstone.ipynb")
MODULES = ("plans", "course_map", "capstone")  # the modules whose outputs these pages show
TABLES = ("plans:WORDS", "course_map:WORDS", "course_map:KIND_WORDS", "capstone:WORDS")
SLOT = re.compile(r"\{[a-z_]+\}")
LETTER = re.compile(r"[^\W\d_]")
# What a chart shows a reader: its titles (chart, legends, tooltips), description, and its data's texts.
CHART_TEXT_KEYS = {"title", "subtitle", "text", "description"}
CHART_DATA_KEYS = {"kind", "link_text", "title", "part", "name"}


def _cells(page: str) -> list[str]:
    """The French page's code cells, its language cell left out (the tests choose the language)."""
    cells = json.loads((i18n.EDITION / page).read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code" and "".join(c["source"]) != i18n.LANGUAGE_CELL]


def _value(source: str, namespace: dict):
    """The value a notebook cell shows: its last expression, after the statements before it."""
    tree = ast.parse(source)
    *body, last = tree.body
    exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), namespace)
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)


def _chart_texts(spec, key: str = "") -> list[str]:
    if isinstance(spec, dict):
        found = []
        for k, v in spec.items():
            if k == "values" and isinstance(v, list):
                found += [str(x) for row in v for name, x in row.items() if name in CHART_DATA_KEYS]
            else:
                found += _chart_texts(v, k)
        return found
    if isinstance(spec, list):
        return [text for item in spec for text in _chart_texts(item, key)]
    return [spec] if isinstance(spec, str) and key in CHART_TEXT_KEYS else []


def _shown(value) -> str:
    """What a reader sees of an output: the text of its HTML and its Markdown face, or a chart's words."""
    if hasattr(value, "to_dict"):
        return "\n".join(_chart_texts(value.to_dict()))
    page = re.sub(r"<[^>]+>", " ", value._repr_html_())
    return html.unescape(page) + "\n" + value.markdown()


def _outputs(page: str, language: str) -> str:
    """What the page's cells that show a trainer module's output (plans, course_map, capstone) show, in a language."""
    namespace: dict = {}
    with i18n.using(language):  # shown as the notebook shows it: in the language it runs in
        values = [(source, _value(source, namespace)) for source in _cells(page)]
        return "\n".join(_shown(value) for source, value in values
                         if any(re.search(rf"\b{name}\.", source) for name in MODULES))


def _pieces(template: str) -> list[str]:
    """The fixed words of a template: its text between slots, where it holds a letter."""
    return [piece.strip() for piece in SLOT.split(template) if LETTER.search(piece)]


def _forms(value) -> list[str]:
    return list(value.values()) if isinstance(value, dict) else [value]


# Words French writes as English does: left out of the search for English on the French pages (any other English
# word found there is one whose translation is missing).
SAME_IN_FRENCH = {"Minutes", "Notes", "min", "Points", "Total", "question", "questions", "point", "points"}


def _kit_words(language: str) -> dict[tuple[str, str], set[str]]:
    """(table, key) -> the fixed words of its text(s) in this language (English: those French does not share)."""
    with i18n.using(language):
        tables = i18n.kit_tables()
        found = {(place, key): {p for form in _forms(value) for p in _pieces(form)}
                 for place in TABLES for key, value in tables[place].items()}
    return {key: words - SAME_IN_FRENCH for key, words in found.items()} if language == i18n.SOURCE_LANGUAGE else found


def _editorial_texts(language: str) -> dict[tuple[str, str], str]:
    """(file, place) -> the editorial text shown in this language (English: as the file writes it)."""
    found = {}
    for path in i18n.editorial_files():
        words = {} if language == i18n.SOURCE_LANGUAGE else i18n.finished_by_context(
            i18n.read(i18n.editorial_catalogue_path(path), i18n.editorial_domain(path)))
        for message in i18n.editorial_template(path):
            if message.id:
                found[(path.stem, message.context)] = words.get((message.context, message.id), message.id)
    return found


def _left(shown: str, english: set[str]) -> set[str]:
    """The English words that an output shows, as whole words."""
    return {piece for piece in english if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", shown)}


@pytest.fixture(scope="module")
def outputs():
    return {page: {language: _outputs(page, language) for language in ("en", "fr")} for page in PAGES}


# The tables of words each page shows (the map's reading paths have the plans' captions).
KIT_TABLES = {PAGES[0]: {"plans:WORDS"}, PAGES[1]: {"course_map:WORDS", "course_map:KIND_WORDS", "plans:WORDS"},
              PAGES[2]: {"capstone:WORDS"}}


@pytest.mark.parametrize("page", PAGES)
def test_no_english_word_of_the_kits_tables_is_left_on_the_french_page(outputs, page):
    english = {key: words for key, words in _kit_words("en").items() if key[0] in KIT_TABLES[page]}
    left = {key: _left(outputs[page]["fr"], words) for key, words in english.items()}
    assert {key: found for key, found in left.items() if found} == {}
    assert any(_left(outputs[page]["en"], words) for words in english.values()), \
        "the English page shows words of these tables (the check looks where they are shown)"


# The editorial files each page shows texts of: the map's reading paths are the plans'.
EDITORIAL = {PAGES[0]: {"plans"}, PAGES[1]: {"course-map", "plans"}, PAGES[2]: {"capstone-rubric"}}


@pytest.mark.parametrize("page", PAGES)
def test_no_english_text_of_the_editorial_files_is_left_on_the_french_page(outputs, page):
    english, french = _editorial_texts("en"), _editorial_texts("fr")
    shown = [key for key, text in english.items() if key[0] in EDITORIAL[page] and text in outputs[page]["en"]]
    assert shown, "the English page shows texts of the editorial files"
    assert [key for key in shown if english[key] in outputs[page]["fr"]] == []
    assert [key for key in shown if french[key] not in outputs[page]["fr"]] == [], "each French text is shown"


def test_every_editorial_text_and_kit_word_has_a_french_translation():
    english, french = _editorial_texts("en"), _editorial_texts("fr")
    assert [key for key in english if english[key] == french[key]] == []
    kit_en, kit_fr = _kit_words("en"), _kit_words("fr")
    assert {key: kit_en[key] & kit_fr[key] for key in kit_en if kit_en[key] & kit_fr[key]} == {}


def test_numbers_on_the_french_pages_are_in_french_form():
    with i18n.using("fr"):
        table = plans.lesson_table()
        guide = plans.schedule("three-hour")._repr_html_()
    words = [row[1] for row in table.rows] + [table.footer[1]]
    assert all(re.fullmatch(r"\d{1,3}(\u202f\d{3})*", w) for w in words), words
    assert any("\u202f" in w for w in words), "thousands separated by a narrow no-break space"
    assert not re.search(r"\d,\d{3}", guide) and re.search(r"\(\d\u202f\d{3} mots\)", guide)


def test_the_english_pages_are_unchanged_by_the_french_ones(outputs):
    """English after French: the kit's tables and the editorial texts come back whole."""
    before = {page: outputs[page]["en"] for page in PAGES}
    _outputs(PAGES[0], "fr")
    assert {page: _outputs(page, "en") for page in PAGES} == before
    assert plans.load_plans().plans["two-day"].title == "A two-day workshop"


def test_a_copy_of_an_editorial_file_is_read_as_it_is_in_french(tmp_path):
    """Only the course's own files are translated: a copy elsewhere (a test's fixture) stays in its words."""
    copy = tmp_path / "course-map.yml"
    shutil.copy(course_map.MAP_FILE, copy)
    with i18n.using("fr"):
        assert course_map.load_map(copy).outcomes[0].text.startswith("Explain")
        assert not course_map.load_map().outcomes[0].text.startswith("Explain")
        other_path = course_map.MAP_FILE.parent / ".." / "chapters" / course_map.MAP_FILE.name
        assert course_map.load_map(other_path) == course_map.load_map(), "the course's file by another path is the course's"


@pytest.mark.parametrize("catalogue, context", [
    ("kit.po", "plans:WORDS:lesson_detail"),
    ("kit.po", "course_map:KIND_WORDS:prerequisite"),
    ("editorial/capstone-rubric.po", "criteria/grade/title"),
    ("editorial/plans.po", "plans/two-day/sessions/Day 1, Motivation and Contact/during/7/label"),
])
def test_a_removed_translation_is_caught(tmp_path, monkeypatch, catalogue, context):
    """The checks above fail when one translation goes: its English comes back on the French page."""
    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, locales)
    path = locales / i18n.LANGUAGE / "LC_MESSAGES" / catalogue
    domain = catalogue.removesuffix(".po")
    entries = i18n.read(path, domain)
    entry = next(m for m in entries if m.context == context)
    entry.string = ""
    i18n.write(entries, path)
    page = {"plans:": PAGES[0], "course_map:": PAGES[1], "criteria/": PAGES[2], "plans/": PAGES[0]}
    page = next(p for prefix, p in page.items() if context.startswith(prefix))
    monkeypatch.setattr(i18n, "LOCALES", locales)
    shown = _outputs(page, "fr")
    if catalogue == "kit.po":
        assert _left(shown, set(_pieces(entry.id)) - SAME_IN_FRENCH)
    else:
        assert entry.id in shown
