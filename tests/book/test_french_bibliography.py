"""The French book's bibliography shows the course's annotations and the style's words in French, and each work
as published: the same titles, authors, years and addresses as the English bibliography (coursekit.bibliography)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from pybtex.database import parse_file
from pybtex.plugin import find_plugin
from pybtex.richtext import Text

from coursekit import bibliography, i18n

PAGE = "back/bibliography.html"
CITATION = re.compile(r'<div class="citation"[^>]*>\s*<span class="label">(.*?)</span>\s*<p>(.*?)</p>\s*</div>', re.S)


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).replace("\u00a0", " ").strip()


def _entries(page: Path) -> dict[str, tuple[str, list[str]]]:
    """label -> (the entry's text, its link addresses)."""
    found = {}
    for label, body in CITATION.findall(page.read_text(encoding="utf-8")):
        found[_text(label)] = (_text(body), re.findall(r'href="([^"]+)"', body))
    return found


def _plain(latex: str) -> str:
    return Text.from_latex(latex).render_as("text").replace("\u00a0", " ")


def _annotations() -> list[tuple[str, str]]:
    """(English, French) as the page shows them, for every annotation whose French differs from its English."""
    text = bibliography.SOURCE.read_text(encoding="utf-8")
    words = bibliography.words()
    pairs = []
    for item in bibliography.fields(text):
        if bibliography.annotated(item) and item.name != "year":
            french = words.get((f"{item.key}:{item.name}", item.value))
            english = _plain(item.value)
            pairs.append((english, _plain(bibliography._latex_safe(french)) if french else None))
    return [(en, fr) for en, fr in pairs if en != fr]  # (a name such as "Quartz" is its own French)


def test_the_french_bibliography_shows_the_french_annotations_and_none_of_the_english(built_book: Path):
    french = " ".join(text for text, _ in _entries(built_book / i18n.LANGUAGE / PAGE).values())
    english = " ".join(text for text, _ in _entries(built_book / PAGE).values())
    pairs = _annotations()
    assert len(pairs) >= 150
    shown = [(en, fr) for en, fr in pairs if en in english]  # the entries the book cites
    assert len(shown) >= 140
    assert [en for en, fr in shown if fr is None] == [], "untranslated (locales/fr/LC_MESSAGES/bibliography.po)"
    assert [fr for en, fr in shown if fr not in french] == [], "a French annotation is missing"
    assert [en for en, fr in shown if en in french] == [], "an English annotation is left"


def test_the_style_s_own_words_and_the_months_are_french(built_book: Path):
    entries = _entries(built_book / i18n.LANGUAGE / PAGE)
    french = " ".join(text for text, _ in entries.values())
    assert "URL : " in french and "URL: " not in french
    for month in bibliography.MONTHS.values():
        assert not re.search(rf"\b{month}\b \d{{4}}", french), month
    assert re.search(r"\b(?:janvier|avril|juin|juillet) \d{4}\b", french)
    english = " ".join(text for text, _ in _entries(built_book / PAGE).values())
    style = find_plugin("pybtex.style.formatting", "alpha")()
    joined = 0
    for entry in parse_file(str(bibliography.SOURCE)).entries.values():
        names = [_text(style.format_name(p, style.abbreviate_names).format_data({}).render_as("html"))
                 for p in entry.persons.get("author", [])]
        if len(names) < 2:
            continue
        in_english = (" and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + ", and " + names[-1]) + "."
        if in_english in english:  # cited
            joined += 1
            assert ", ".join(names[:-1]) + " et " + names[-1] + "." in french and in_english not in french, entry.key
    assert joined >= 10
    assert "Research Report" not in french and "Rapport de recherche" in french


def test_titles_authors_years_and_addresses_equal_the_english_bibliography(built_book: Path):
    english, french = _entries(built_book / PAGE), _entries(built_book / i18n.LANGUAGE / PAGE)
    assert len(english) >= 100 and set(french) == set(english), "the same works, with the same labels"
    assert {label: links for label, (_, links) in french.items()} == {label: links for label, (_, links) in english.items()}
    style = find_plugin("pybtex.style.formatting", "alpha")()
    english_text = " ".join(text for text, _ in english.values())
    french_text = " ".join(text for text, _ in french.values())
    checked = 0
    for entry in parse_file(str(bibliography.SOURCE)).entries.values():
        title = style.format_title(entry, "title", as_sentence=False).format_data({"entry": entry, "style": style})
        names = [style.format_name(person, style.abbreviate_names).format_data({"entry": entry, "style": style})
                 for person in entry.persons.get("author", [])]
        shown = [_text(t.render_as("html")) for t in [title, *names]]
        if shown[0] not in english_text:
            continue  # not cited, so not listed (or a book's title, which the style writes differently)
        checked += 1
        assert all(text in french_text for text in shown), entry.key
        if re.fullmatch(r"\d{4}", entry.fields.get("year", "")):
            assert entry.fields["year"] in french_text, entry.key
    assert checked >= 100


def test_the_english_bibliography_is_unchanged(built_book: Path):
    english = " ".join(text for text, _ in _entries(built_book / PAGE).values())
    assert "URL: " in english and "URL : " not in english and "Research Report" in english
    assert [fr for en, fr in _annotations() if en in english and fr and fr in english] == []


def test_a_french_lesson_cites_in_french(built_book: Path):
    page = (built_book / i18n.LANGUAGE / "chapters" / "1-motivation" / "1-4-who-is-to-blame.html").read_text(encoding="utf-8")
    citations = [_text(c) for c in re.findall(r'<a class="reference internal" href="[^"]*bibliography\.html#[^"]*"[^>]*>(.*?)</a>', page, re.S)]
    assert citations and not [c for c in citations if " and " in c and "Council" not in c]
