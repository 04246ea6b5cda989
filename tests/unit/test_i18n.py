"""The French edition's machinery: blocks, catalogues in step with the English, checks that keep facts, French sources."""

from __future__ import annotations

import json
import re

import pytest

from coursekit import i18n
from coursekit.notebooks import KERNELSPEC
from helpers import ROOT

PAGES = i18n.pages()


def test_every_page_of_the_table_of_contents_has_a_catalogue():
    assert len(PAGES) >= 40
    for page in PAGES:
        assert page.catalogue.is_file(), f"{page.docname}: run python -m coursekit.i18n update"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.docname)
def test_blocks_put_back_together_give_the_same_markdown(page):
    for cell, text in page.texts():
        assert "\n\n".join(i18n.blocks(text)) == re.sub(r"\n{3,}", "\n\n", text.strip("\n")), f"cell {cell}"


def test_fenced_code_stays_whole_and_directive_contents_are_cut():
    text = "Intro.\n\n```python\nx = 1\n\ny = 2\n```\n\n:::{note} Title\nFirst.\n\nSecond.\n:::\n\n(label)=\n## Heading"
    assert i18n.blocks(text) == ["Intro.", "```python\nx = 1\n\ny = 2\n```", ":::{note} Title\nFirst.", "Second.\n:::",
                                 "(label)=\n## Heading"]
    assert [i18n.translatable(b) for b in ["(label)=", "```", "|---|---|", "(x)=\n## Title"]] == [False, False, False, True]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.docname)
def test_each_catalogue_holds_exactly_the_pages_current_blocks(page):
    catalogue = {m.id for m in i18n.read(page.catalogue, page.docname) if m.id}
    current = {m.id for m in i18n.template(page) if m.id}
    assert catalogue == current, f"{page.docname}: run python -m coursekit.i18n update"


def test_a_changed_english_block_keeps_its_translation_marked_fuzzy(tmp_path):
    page = i18n.Page("lesson", tmp_path / "lesson.md")
    page.path.write_text("# Title\n\nFirst paragraph, 12 words.\n", encoding="utf-8")
    catalogue = i18n.template(page)
    catalogue.get("First paragraph, 12 words.").string = "Premier paragraphe, 12 mots."
    path = tmp_path / "lesson.po"
    i18n.write(catalogue, path)
    page.path.write_text("# Title\n\nFirst paragraph, 13 words.\n", encoding="utf-8")
    merged = i18n.read(path, "lesson")
    merged.update(i18n.template(page), no_fuzzy_matching=False)
    entry = merged.get("First paragraph, 13 words.")
    assert entry.fuzzy and entry.string == "Premier paragraphe, 12 mots."
    assert i18n.finished(merged) == {}, "a fuzzy translation is not used"


@pytest.mark.parametrize("english, french, problem", [
    ("In 2012, 47% of 1,234 managers.", "En 2012, 48 % des 1 234 managers.", "figures"),
    ("A mean of 3.5.", "Une moyenne de 3,5 sur 2.", "figures"),
    ("See {doc}`the map </chapters/course-map>`.", "Voir {doc}`la carte </chapters/diagnostic>`.", "roles"),
    ("A {term}`weak tie <Weak tie>`.", "Un {term}`lien faible <Lien faible>`.", "roles"),
    ("As {cite}`kiron2012` says.", "Comme le dit Kiron.", "roles"),
    ("```{admonition} About\nText.", ":::{admonition} À propos\nTexte.", "fences"),
    ("[the report](https://example.org/a)", "[le rapport](https://example.org/b)", "link"),
])
def test_a_translation_that_loses_a_fact_or_a_link_is_caught(english, french, problem):
    assert any(found.startswith(problem) for found in i18n.problems(english, french))


def test_a_faithful_translation_passes():
    english = ("In 2012, 47% of 1,234 managers (Lesson 2.1) rated {term}`weak ties <Weak tie>` 3.5; "
               "see {doc}`the map </chapters/course-map>` and {cite}`kiron2012`.")
    french = ("En 2012, 47\u202f% des 1\u202f234 managers (leçon 2.1) notaient les {term}`liens faibles <Weak tie>` 3,5\u202f; "
              "voir {doc}`la carte </chapters/course-map>` et {cite}`kiron2012`.")
    assert i18n.problems(english, french) == []


def test_every_finished_translation_keeps_its_blocks_structure_and_figures():
    problems = [f"{path.relative_to(ROOT)}: {p}" for path in sorted((i18n.LOCALES / i18n.LANGUAGE).rglob("*.po"))
                for p in i18n.check(i18n.read(path, path.stem))]
    assert problems == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.docname)
def test_the_french_sources_are_made_from_the_catalogues(page):
    """fr/ is what `python -m coursekit.i18n sources` writes now: no hand edit, no stale translation."""
    expected, missing = i18n.french_page(page, i18n.book_words())
    stored = i18n.EDITION / page.path.relative_to(ROOT)
    assert stored.is_file(), f"{stored} is missing: run python -m coursekit.i18n sources"
    text = stored.read_text(encoding="utf-8")
    if page.path.suffix == ".md":
        assert text == expected
    else:
        want, have = json.loads(expected), json.loads(text)
        cells = [(c["cell_type"], "".join(c["source"])) for c in want["cells"]]
        assert [(c["cell_type"], "".join(c["source"])) for c in have["cells"]] == cells, "run python -m coursekit.i18n sources"
        assert have["metadata"]["kernelspec"] == KERNELSPEC
        first = have["cells"][0]
        if any(kind == "code" for kind, _ in cells):
            assert "".join(first["source"]) == i18n.LANGUAGE_CELL and first["metadata"]["tags"] == i18n.LANGUAGE_CELL_TAGS
        text = "\n".join(source for _, source in cells)
    assert (i18n.untranslated_notice(i18n.book_words()) in text) == bool(missing), "the notice says when English is left"


def test_the_french_book_has_the_english_books_pages_and_language():
    config = (i18n.EDITION / "_config.yml").read_text(encoding="utf-8")
    # The French bibliography is the book's own (fr/references.bib, coursekit.bibliography); the rest is shared.
    assert "language: fr" in config and "../_assets" in config and "bibtex_bibfiles:\n- references.bib\n" in config
    english_toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    french_toc = (i18n.EDITION / "_toc.yml").read_text(encoding="utf-8")
    assert re.findall(r"file: (\S+)", english_toc) == re.findall(r"file: (\S+)", french_toc)


def test_each_edition_links_to_the_same_page_in_the_other():
    assert i18n.alternates("chapters/2-contact/2-1-weak-link", "en") == {
        "en": "2-1-weak-link.html", "fr": "../../fr/chapters/2-contact/2-1-weak-link.html"}
    assert i18n.alternates("intro", "fr") == {"en": "../intro.html", "fr": "intro.html"}
    assert 'hreflang="fr" lang="fr"' in i18n.switcher("intro", "en") and ">Français<" in i18n.switcher("intro", "en")
    assert 'aria-label="Langue"' in i18n.switcher("intro", "fr") and ">English<" in i18n.switcher("intro", "fr")


def test_hreflang_alternates_are_absolute_and_only_with_the_sites_address():
    assert i18n.alternate_links("intro", "en", "") == ""
    links = i18n.alternate_links("chapters/x", "fr", "https://example.org/course/fr/")
    assert 'hreflang="en" href="https://example.org/course/chapters/x.html"' in links
    assert 'hreflang="fr" href="https://example.org/course/fr/chapters/x.html"' in links
    assert 'hreflang="x-default" href="https://example.org/course/chapters/x.html"' in links


def test_the_kit_speaks_only_the_courses_languages():
    try:
        i18n.use("fr")
        assert i18n.active() == "fr"
        with pytest.raises(ValueError, match="en, fr"):
            i18n.use("de")
    finally:
        i18n.use("en")


def test_in_french_the_bank_and_the_kit_speak_french_and_english_comes_back_whole():
    from coursekit.exercises import kinds, load_bank, messages, static

    english_tables = {place: {k: (dict(v) if isinstance(v, dict) else v) for k, v in table.items()}
                      for place, table in i18n.kit_tables().items()}
    english_bank = load_bank()
    kit = i18n.finished_by_context(i18n.read(i18n.LOCALES / i18n.LANGUAGE / "LC_MESSAGES" / "kit.po", "kit"))
    with i18n.using(i18n.LANGUAGE):
        french_bank = load_bank()
        assert messages.PLURAL_ONE == [0, 1]
        assert static.page_data()["plural_one"] == [0, 1]
        for place, table in i18n.kit_tables().items():
            for key, value in table.items():
                english = english_tables[place][key]
                if isinstance(english, str) and (f"{place}:{key}", english) in kit:
                    assert value == kit[(f"{place}:{key}", english)]
        translated = 0
        for exercise_id, english in english_bank.items():
            french = french_bank[exercise_id]
            # Only words change: ids, types, right answers and tolerances stay.
            assert (french.type, french.lesson) == (english.type, english.lesson)
            for name in ("choices", "items"):
                if hasattr(english, name):
                    assert [getattr(c, "id", None) for c in getattr(french, name)] == [getattr(c, "id", None) for c in getattr(english, name)]
            if hasattr(english, "choices"):
                assert [c.correct for c in french.choices] == [c.correct for c in english.choices]
            if hasattr(english, "answer"):
                assert french.answer == english.answer
            translated += french.prompt != english.prompt
        assert translated > 0, "some prompts have a French translation"
    assert messages.PLURAL_ONE == [1]
    assert {place: {k: (dict(v) if isinstance(v, dict) else v) for k, v in table.items()}
            for place, table in i18n.kit_tables().items()} == english_tables
    assert load_bank()["contact-2-1-platforms-not-enough"].prompt == english_bank["contact-2-1-platforms-not-enough"].prompt


OTHERS = i18n.other_catalogues()


@pytest.mark.parametrize("name, path, make", OTHERS, ids=[name for name, _, _ in OTHERS])
def test_the_bank_kit_book_and_chart_catalogues_are_in_step_with_the_english(name, path, make):
    stored = {(m.context, m.id) for m in i18n.read(path, name) if m.id}
    assert stored == {(m.context, m.id) for m in make() if m.id}, f"{name}: run python -m coursekit.i18n update"


def test_every_english_text_has_a_current_french_translation():
    """The French edition is whole: no page, bank file, kit word, chart text or book word is untranslated or fuzzy
    (a changed English text makes its translation fuzzy, and this test fails until someone checks it)."""
    statuses = [*map(i18n.status, PAGES), *(i18n.catalogue_status(n, p, m) for n, p, m in OTHERS)]
    unfinished = [f"{s.docname}: {s.untranslated} untranslated, {s.fuzzy} fuzzy" for s in statuses if not s.complete]
    assert len(statuses) >= 69 and unfinished == []  # 43 pages, 23 bank files, the kit, the charts, the book


def test_french_spacing_puts_no_break_spaces_outside_code():
    nn, nb = "\u202f", "\u00a0"
    assert i18n.french_spacing("47 % de 1 000 : « oui » ; non ? si !") == \
        f"47{nn}% de 1{nn}000{nb}: «{nn}oui{nn}»{nn}; non{nn}? si{nn}!"
    kept = "```python\nshare = a ; b = 1 000\n```\n`x : y` [lien](page.html) | :--- |"
    assert i18n.french_spacing(kept) == kept, "code, link targets and a table's alignment row are left as they are"
    boxed = "```{note} Titre\nUn texte ; suite\n```"
    assert i18n.french_spacing(boxed) == f"```{{note}} Titre\nUn texte{nn}; suite\n```", "a directive's box is prose"
    assert any(p.startswith("French spacing") for p in i18n.problems("47% of users", "47 % des utilisateurs"))
    assert not i18n.problems("47% of users", f"47{nn}% des utilisateurs")
