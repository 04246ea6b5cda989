"""The data page (back/data-and-sources) in French: the package's texts, the statuses, the sources' lines and the shown
cells come from charts.po; what is data (URLs, file names, bibliography keys) stays as it is, and a source's line keeps
its publication's title; the English page does not change."""

from __future__ import annotations

import html
import json
import re

import pytest

from coursekit import data, i18n
from coursekit.charts import core, datapage
from coursekit.paths import ROOT

ENGLISH_PAGE = ROOT / "back" / "data-and-sources.ipynb"
FRENCH_PAGE = i18n.EDITION / "back" / "data-and-sources.ipynb"
WORDS = i18n.finished_by_context(i18n.read(i18n.charts_catalogue_path(), i18n.CHARTS_CATALOGUE))
NAMES = data.names()


def _outputs(path) -> list[str]:
    """Each displayed output of the page (Markdown or HTML), in order."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(o["data"].get("text/markdown") or o["data"].get("text/html") or "")
            for c in cells if c["cell_type"] == "code" for o in c.get("outputs", []) if "data" in o]


def _entries(path) -> dict[str, tuple[str, str]]:
    """Each table's (Markdown block, preview HTML) on the stored page, by the table's name."""
    outputs = _outputs(path)
    found = {}
    for markdown, preview in zip(outputs[1::2], outputs[2::2]):
        name = next(n for n in re.findall(r"`([A-Za-z0-9_]+)`", markdown) if n in NAMES)
        found[name] = (markdown, preview)
    return found


def _rows(preview: str) -> list[list[str]]:
    """The preview table's body, row by row, each cell's text unescaped."""
    body = preview.split("<tbody>", 1)[1]
    return [[html.unescape(cell) for cell in re.findall(r"<td>(.*?)</td>", row, flags=re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)]


def _french(context: str, english: str) -> str:
    assert (context, english) in WORDS, f"charts.po has no finished French for {context} {english!r}"
    return WORDS[(context, english)]


FRENCH = _entries(FRENCH_PAGE)
ENGLISH = _entries(ENGLISH_PAGE)


def test_every_table_has_its_entry_on_both_pages():
    assert sorted(FRENCH) == sorted(NAMES) and sorted(ENGLISH) == sorted(NAMES)


def test_the_statuses_are_in_french_and_none_in_english():
    statuses = _outputs(FRENCH_PAGE)[0]
    for status, meaning in data.package_info().statuses.items():
        name, french = _french("package:statuses", status), _french(f"package:statuses:{status}", meaning)
        assert f"**{name}**" in statuses and french in statuses
        assert f"**{status}**" not in statuses and meaning not in statuses


@pytest.mark.parametrize("name", NAMES)
def test_the_package_texts_of_each_table_are_in_french_and_none_in_english(name):
    markdown, _ = FRENCH[name]
    table = data.info(name)
    for field, english in (("title", table.title), ("description", table.description),
                           ("verification_note", table.note), ("sample", table.sample)):
        french = _french(f"package:{name}:{field}", english)
        assert french in markdown, f"{field}: the French is not on the page"
        assert french == english or english not in markdown, f"{field}: the English is on the French page"
    assert f"**Statut\u00a0: {_french('package:statuses', table.verification)}.**" in markdown
    words = "\n".join(line for line in markdown.split("\n") if not line.lstrip().startswith("- ["))  # not the sources
    for english in ("Survey fielded", "Published:", "Status:", "Sources:", "Sample:", "Cite:", "bibliography key",
                    "Not applicable", "not recorded", "rows", "are shown", "file `"):
        assert english not in words


@pytest.mark.parametrize("name", NAMES)
def test_what_is_data_stays_as_it_is_on_the_french_page(name):
    markdown, _ = FRENCH[name]
    table = data.info(name)
    for title, url in table.sources:  # each source's line in French (its publication's title as published), same link
        french = _french("package:sources", title)
        assert f"[{french}]({url})" in markdown
        assert french == title or f"[{title}]" not in markdown, "the English line is on the French page"
    assert f"`{table.bibkey}`" in markdown and f"`data/{table.path.rsplit('/', 1)[-1]}`" in markdown


@pytest.mark.parametrize("name", NAMES)
def test_every_shown_cell_is_in_french_and_the_data_cells_as_they_are(name):
    _, preview = FRENCH[name]
    _, english_preview = ENGLISH[name]
    frame = data.load(name).head(datapage.PREVIEW_ROWS)
    rows, english_rows = _rows(preview), _rows(english_preview)
    assert len(rows) == len(frame)
    checked = 0
    for n, (column, values) in enumerate(frame.items()):
        for row, english_row, value in zip(rows, english_rows, values):
            if not isinstance(value, str) or not i18n.LETTER.search(value):
                continue
            if datapage.worded(name, column):
                assert row[n] == _french(f"{name}:{column}", value), f"{column}: {value!r}"
                checked += value != row[n]
            else:  # a URL, an identifier, bibliography keys, the French post's own words
                assert row[n] == english_row[n] == value
    words = [c for c in frame.columns if datapage.worded(name, c) and frame[c].map(lambda v: isinstance(v, str) and bool(i18n.LETTER.search(v))).any()]
    assert checked or all(_french(f"{name}:{c}", v) == v for c in words for v in frame[c] if isinstance(v, str) and v)


def test_yes_no_and_numbers_are_written_the_french_way():
    _, preview = FRENCH["nielsen_2006_participation"]
    assert "<td>vrai</td>" in preview and "<td>faux</td>" in preview and "True" not in preview
    _, preview = FRENCH["mitsmr_2012_important_by_company_size"]
    assert "<td>21,2</td>" in preview and "<td>1\u202f000-5\u202f000</td>" in preview
    markdown, _ = FRENCH["simulated_esn_2000_employees"]
    assert "2\u202f000 lignes\u202f; les 12 premières sont affichées." in markdown


def test_the_english_page_is_what_the_module_writes_in_english_before_and_after_french():
    def page() -> list[str]:
        return [part for name in NAMES for part in (datapage.description(name), datapage.preview(name))]

    stored = [part for name in NAMES for part in ENGLISH[name]]
    assert page() == stored
    assert datapage.statuses().data == _outputs(ENGLISH_PAGE)[0]
    with i18n.using("fr"):
        french = page()
    assert page() == stored and french != stored
    assert "1 row." in ENGLISH["chancellery_2025_popular_initiatives"][0]


def test_a_text_whose_translation_is_removed_comes_back_in_english(monkeypatch):
    """The page takes its French from charts.po at run time: remove one note's translation and the English shows."""
    name = "mitsmr_2013_barriers"
    english = data.info(name).note
    words = dict(core._words("fr"))
    assert ("package:" + name + ":verification_note", english) in words
    del words[("package:" + name + ":verification_note", english)]
    monkeypatch.setattr(core, "_words", lambda language: words)
    with i18n.using("fr"):
        markdown = datapage.description(name)
    assert english in markdown and "**Statut\u00a0:" in markdown


def test_the_catalogue_holds_no_data_that_is_not_words():
    contexts = {context for context, _ in datapage.texts()}
    assert "course_2026_prediction_verdicts:sources" not in contexts  # bibliography keys
    assert "mitsmr_2012_expected_gains_blog_reported:blog_wording" not in contexts  # the French post's own words
    assert not any(c.endswith((":source_url", ":employee_id", ":instance_id", ":lesson")) for c in contexts)
