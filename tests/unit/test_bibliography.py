"""The French bibliography (coursekit.bibliography): fr/references.bib is the English file with the course's
annotations and the months in French and nothing else changed; the French styles write their own words in French."""

from __future__ import annotations

import re

import pytest
from pybtex.database import parse_string
from pybtex.plugin import find_plugin
from pybtex.richtext import Text

from coursekit import bibliography, i18n

ENGLISH_TEXT = bibliography.SOURCE.read_text(encoding="utf-8")
FRENCH = bibliography.words()


def _parse(text: str):
    return parse_string(text, "bibtex")


def _plain(latex: str) -> str:
    """A field's text as the bibliography shows it (LaTeX decoded)."""
    return Text.from_latex(latex).render_as("text")


def test_the_french_bib_is_up_to_date_byte_for_byte():
    expected = bibliography.french_bib(ENGLISH_TEXT, FRENCH)
    assert bibliography.TARGET.read_text(encoding="utf-8") == expected, "run python -m coursekit.i18n sources"
    assert bibliography.french_bib(ENGLISH_TEXT, FRENCH) == expected  # the same input writes the same bytes


def test_the_text_scanner_finds_every_field_pybtex_reads():
    """The French file is made by replacing values in the English text: the scanner must see what pybtex sees."""
    english = _parse(ENGLISH_TEXT)
    scanned: dict[str, set[str]] = {}
    for item in bibliography.fields(ENGLISH_TEXT):
        scanned.setdefault(item.key, set()).add(item.name)
    assert scanned == {key: {f.lower() for f in entry.fields} | {p.lower() for p in entry.persons}
                       for key, entry in english.entries.items()}


def test_the_french_bib_changes_only_annotations_and_months():
    english, french = _parse(ENGLISH_TEXT), _parse(bibliography.TARGET.read_text(encoding="utf-8"))
    assert list(french.entries) == list(english.entries)
    annotated = {(f.key, f.name): f.value for f in bibliography.fields(ENGLISH_TEXT) if bibliography.annotated(f)}
    assert len(annotated) >= 190
    for key, entry in english.entries.items():
        other = french.entries[key]
        assert entry.type == other.type and entry.persons == other.persons, key
        for name, value in entry.fields.items():
            name = name.lower()
            if (key, name) in annotated:
                translation = FRENCH[(f"{key}:{name}", annotated[(key, name)])]
                assert _plain(other.fields[name]) == _plain(bibliography._latex_safe(translation)), (key, name)
            elif name == "month":
                assert other.fields[name] == FRENCH[("month", value)], key
            else:  # title, author, year, url, journal, volume, pages, doi, institution, publisher…: as published
                assert other.fields[name] == value, (key, name)


def test_every_annotation_and_month_is_in_french():
    """Each English annotation has a finished translation (a removed one makes the entry English again)."""
    english_words = [(f"{f.key}:{f.name}", f.value) for f in bibliography.fields(ENGLISH_TEXT) if bibliography.annotated(f)]
    missing = [context for context, text in english_words if (context, text) not in FRENCH]
    assert missing == [], "translate them in locales/fr/LC_MESSAGES/bibliography.po"
    assert all(FRENCH[("month", name)] != name for name in bibliography.MONTHS.values())
    assert i18n.check(i18n.read(bibliography.catalogue_path(), bibliography.DOMAIN)) == []


def test_a_missing_translation_leaves_its_field_in_english():
    some = next(f for f in bibliography.fields(ENGLISH_TEXT) if bibliography.annotated(f) and f.name == "note")
    fewer = {k: v for k, v in FRENCH.items() if k != (f"{some.key}:note", some.value)}
    entry = _parse(bibliography.french_bib(ENGLISH_TEXT, fewer)).entries[some.key]
    assert entry.fields["note"] == _parse(ENGLISH_TEXT).entries[some.key].fields["note"]


def test_a_percent_sign_in_a_translation_is_kept_not_read_as_a_latex_comment():
    text = "@misc{x,\n  title = {T},\n  year = {2012},\n  note = {Thirty-seven per cent},\n}\n"
    french = bibliography.french_bib(text, {("x:note", "Thirty-seven per cent"): "37\u202f% au total"})
    assert _plain(_parse(french).entries["x"].fields["note"]) == "37\u00a0% au total"  # (a tie: see _latex_safe)


def test_unbalanced_braces_in_a_translation_are_refused():
    text = "@misc{x,\n  title = {T},\n  note = {A note},\n}\n"
    with pytest.raises(ValueError, match="x:note"):
        bibliography.french_bib(text, {("x:note", "A note"): "Une {note"})


BIB = """@article{two,
  author = {Gerber, Alan S. and Green, Donald P.},
  title = {A title},
  journal = {A journal},
  year = {2000},
  month = {septembre},
  url = {https://example.org/two}
}
@misc{dated,
  title = {Another title},
  year = {2022},
  month = {janvier},
  url = {https://example.org/dated}
}
@techreport{report,
  author = {Kane, Gerald and Palmer, Doug and Kiron, David},
  title = {Report},
  institution = {MIT},
  year = {2014}
}
"""


def _rendered(style_name: str) -> dict[str, str]:
    bibliography.register()
    style = find_plugin("pybtex.style.formatting", style_name)()
    return {e.key: e.text.render_as("text") for e in style.format_entries(_parse(BIB).entries.values())}


def test_the_french_style_writes_its_own_words_in_french():
    french, english = _rendered(bibliography.STYLE_NAME), _rendered("alpha")
    assert "Alan S. Gerber et Donald P. Green." in french["two"] and " and " in english["two"]
    assert "Gerald Kane, Doug Palmer et David Kiron." in french["report"]
    assert "URL\u00a0: https://example.org/two" in french["two"] and "URL: " not in french["two"]
    assert "Rapport technique, MIT, 2014." in french["report"] and "Technical Report" in english["report"]
    assert "Janvier 2022." in french["dated"], "a date that opens its sentence has a capital"
    assert "Donald P. Green. A title. " in french["two"] and "Donald P. Green. A title. " in english["two"]


def test_the_french_citations_join_two_authors_with_et():
    import sphinxcontrib.bibtex.plugin

    bibliography.register()
    style = sphinxcontrib.bibtex.plugin.find_plugin("sphinxcontrib.bibtex.style.referencing",
                                                    bibliography.REFERENCE_STYLE_NAME)()
    assert (style.person.sep2, style.person.last_sep) == (" et ", " et ")
    english = sphinxcontrib.bibtex.plugin.find_plugin("sphinxcontrib.bibtex.style.referencing", "author_year")()
    assert english.person.sep2 == " and "


def test_the_french_book_reads_the_french_bibliography_with_the_french_styles():
    config = i18n.french_config(i18n.book_words())
    assert config["bibtex_bibfiles"] == [bibliography.TARGET.name]
    assert (i18n.EDITION / config["bibtex_bibfiles"][0]).resolve() == bibliography.TARGET.resolve()
    sphinx = config["sphinx"]["config"]
    assert (sphinx["bibtex_default_style"], sphinx["bibtex_reference_style"]) == \
        (bibliography.STYLE_NAME, bibliography.REFERENCE_STYLE_NAME)
    assert re.search(r"bibtex_default_style: " + bibliography.STYLE_NAME, (i18n.EDITION / "_config.yml").read_text(encoding="utf-8"))
