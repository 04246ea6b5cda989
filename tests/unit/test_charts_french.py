"""The charts speak French in the French edition: texts from charts.po, French numbers, English output unchanged."""

from __future__ import annotations

import json
import re

import pytest

from coursekit import charts, data, i18n
from coursekit.charts import core

FUNCTIONS = [getattr(charts, name) for module in charts.MODULES for name in module.__all__]
CATALOGUE = i18n.read(i18n.charts_catalogue_path(), i18n.CHARTS_CATALOGUE)


def _spec(function, language: str) -> dict:
    with i18n.using(language):
        return function(data.load(function.table)).to_dict()


def _render(function) -> str:
    core._seen.clear()
    return core.render(function(data.load(function.table)).to_dict())["text/html"]


def _fragments(template: str) -> list[str]:
    """The fixed pieces of a template (between its slots and line breaks) that hold two words or more."""
    return [piece.strip(" .;:,()") for piece in re.split(r"\{[a-z_]+\}|\n", template) if len(re.findall(r"[^\W\d_]{2,}", piece)) >= 2]


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_no_english_text_of_the_catalogue_is_left_in_the_french_chart(function):
    drawn: list[tuple[str, str]] = []  # (context, text) of every text the chart writes through tr, labels included
    core._recorded = drawn
    try:
        english = _spec(function, "en")
    finally:
        core._recorded = None
    french = _spec(function, "fr")
    english_text, french_text = json.dumps(english, ensure_ascii=False), json.dumps(french, ensure_ascii=False)
    checked = 0
    for message in CATALOGUE:
        if not message.id or message.string == message.id:
            continue
        if ":" in (message.context or ""):  # a category label drawn from a table: no row of the French data keeps it
            table, column = message.context.split(":", 1)
            cell = f'"{column}": {json.dumps(message.id, ensure_ascii=False)}'
            # only the labels this chart draws: the catalogue also holds every text cell of the tables (the data page's)
            if table == function.table and (message.context, message.id) in drawn and cell in english_text:
                assert cell not in french_text, cell
                checked += 1
            continue
        for fragment in _fragments(message.id):
            if fragment in english_text:
                assert fragment not in french_text, f"{message.context}: {fragment!r} left in English"
                checked += 1
    assert checked >= 5, "the English chart shows the catalogue's texts"


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_french_descriptions_and_titles_write_numbers_in_french(function):
    spec = _spec(function, "fr")
    title = spec["title"]["text"]
    texts = [spec["description"], " ".join(title) if isinstance(title, list) else title]
    for text in texts:
        text = re.sub(r"\b[1-4]\.[1-5]\b", "", text) if function is charts.prediction_verdicts else text  # lesson numbers
        assert not re.search(r"\d%", text), text  # 47 % with a narrow no-break space
        assert not re.search(r"\d\.\d", text), text  # 12,5
        assert not re.search(r"\d,\d{3}", text), text  # 1 234
        assert not re.search(r"\S[;:](\s|$)", text), text  # French sets a space before ; and :
    assert "\u202f%" in spec["description"] or "%" not in spec["description"]


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_english_output_is_the_same_after_a_pass_through_french(function):
    before = _render(function)
    with i18n.using("fr"):
        french = _render(function)
    after = _render(function)
    assert after == before
    assert french != before
    assert '"locale"' in french and '"locale"' not in before  # Vega's numbers in French only in French


@pytest.mark.parametrize("function", [f for f in FUNCTIONS if f.table.startswith("simulated_")], ids=lambda f: f.__name__)
def test_simulated_data_still_says_simulated_in_french(function):
    spec = _spec(function, "fr")
    title = " ".join(spec["title"]["text"]) if isinstance(spec["title"]["text"], list) else spec["title"]["text"]
    for text in (title, spec["description"]):
        assert "SIMULATED" in text and "SIMUL" in text.replace("SIMULATED", ""), text


def test_numbers_in_text_follow_the_language():
    assert (core.number(1234.5, ",.1f"), core.percent(47), core.percent(12.25, ".1f")) == ("1,234.5", "47%", "12.2%")
    with i18n.using("fr"):
        assert (core.number(1234.5, ",.1f"), core.percent(47), core.percent(12.25, ".1f")) == ("1\u202f234,5", "47\u202f%", "12,2\u202f%")
        assert core.source_line("edenred_ipsos_2011_motivation").startswith("Source\u00a0: ")
        assert "vérifié (source primaire ou deux sources indépendantes)" == core.status_word("verified")


def test_a_vega_text_expression_is_quoted_safely_and_fills_its_slots():
    expression = core.expr_text("test", "It's {share}% of\nall", share="format(x, '.1f')")
    assert expression == "'It\\'s ' + format(x, '.1f') + '% of\\nall'"


def test_the_charts_catalogue_is_complete_current_and_keeps_its_slots():
    status = i18n.catalogue_status(i18n.CHARTS_CATALOGUE, i18n.charts_catalogue_path(), i18n.charts_template)
    assert status.complete, f"{status}: run the charts' catalogue update and translate"
    current = {(m.context, m.id) for m in i18n.charts_template() if m.id}
    assert {(m.context, m.id) for m in CATALOGUE if m.id} == current, "charts.po is not in step with the chart functions"
    assert i18n.check(CATALOGUE) == []


def _wrap_like_vega(text: str, chars: int) -> list[str]:
    """The line breaks the fitted chart's wrap expression makes, run with Python's re (same pattern syntax here)."""
    expression = core._wrapped("x", "w", 10)
    space = re.search(r"'\(([^()']*)\+\|\$\)'", expression).group(1).replace("\\\\", "\\")
    return re.sub(f"(.{{1,{chars}}})({space}+|$)", "\\1\n", text.strip()).rstrip("\n").split("\n")


def test_french_lines_never_break_at_a_no_break_space():
    text = "Statut\u00a0: 40\u202f% des salariés, contre 19\u202f% en 2007"
    assert any(line.endswith("40") for line in _wrap_like_vega(text, 11))  # English rules break anywhere a space is
    with i18n.using("fr"):
        lines = _wrap_like_vega(text, 11)
    assert all("\u202f%" in line or "%" not in line for line in lines), lines
    assert not any(line.startswith(("%", ":")) for line in lines), lines
