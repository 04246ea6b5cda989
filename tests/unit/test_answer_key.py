"""The answer key (coursekit/exercises/answer_key.py, back/answer-key.ipynb): complete, escaped, self-contained, hidden with the solutions."""

from __future__ import annotations

import json
import subprocess
import sys
import re
from html import escape

import pytest

from coursekit import i18n, lessons
from coursekit.book import present_solutions, prepare_notebook
from coursekit.exercises import answer_key, catalogue, static
from coursekit.exercises.model import default_bank
from helpers import EVERY_TYPE, ROOT, every_type_bank

PAGE = ROOT / "back" / "answer-key.ipynb"


@pytest.fixture(scope="module")
def course_html() -> str:
    return answer_key.key()._repr_html_()


def test_the_key_holds_every_exercise_of_the_bank(course_html):
    bank = default_bank()
    assert sorted(answer_key.key().ids()) == sorted(bank)
    for exercise_id in bank:
        assert f'id="cx-key-{exercise_id}"' in course_html


def test_the_key_gives_every_correct_option_by_its_text(course_html):
    for ex in default_bank().values():
        if ex.type in ("single_choice", "multiple_choice"):
            for choice in ex.choices:
                if choice.correct:
                    assert f"<li>{escape(choice.text)}</li>" in course_html, (ex.id, choice.id)


def test_numeric_answers_come_with_tolerance_and_unit():
    ex = every_type_bank()["kit-numeric"]
    (label, text, _), *_ = answer_key.blocks(ex)
    assert label == "Answer" and answer_key._number(ex.answer) in text and "tolerance" in text
    if ex.unit:
        assert ex.unit in text


def test_orderings_and_categories_are_given_in_full():
    bank = every_type_bank()
    order = dict((label, content) for label, content, _ in answer_key.blocks(bank["kit-ordering"]))
    assert order["Correct order"] == list(bank["kit-ordering"].items)
    sorting = next(ex for ex in bank.values() if ex.type == "categorising")
    categories = dict((label, content) for label, content, _ in answer_key.blocks(sorting))["Categories"]
    assert all(any(item.text in line and line.startswith(item.category) for line in categories) for item in sorting.items)


def test_reflections_give_their_notes_and_rubric(course_html):
    for ex in default_bank().values():
        if ex.type != "reflection":
            continue
        for text in (ex.model_answer, ex.discussion_notes):
            if text:
                assert escape(text.strip().splitlines()[0]) in course_html, ex.id
        rubric = getattr(ex, "rubric", None)
        if rubric is not None:
            assert escape(rubric.strong) in course_html, ex.id


def test_every_bank_text_is_escaped():
    bank = every_type_bank()
    shown = answer_key.html_fragment(answer_key.groups(bank))
    document = answer_key.html_document(bank)
    text = answer_key.markdown(bank)
    for found in (shown, document, text):
        assert "<script" not in found and "<img" not in found and "<b>" not in found and "<i>" not in found
    assert escape('<img src=x onerror=alert(1)>') in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_a_lesson_without_a_notebook_still_has_its_page():
    (caption, pages), = answer_key.groups(every_type_bank())
    assert caption.startswith("Part 4") and pages[0][0].title == "Lesson 4.9"


def test_the_course_key_is_grouped_by_part_and_page(course_html):
    found = answer_key.groups()
    assert found[0][0] == "Start here" and found[0][1][0][0].docname == "chapters/diagnostic"
    part_1 = [page.docname for page, _ in found[1][1]]
    assert part_1[0].startswith("chapters/1-motivation/1-1-") and part_1[-1] == "chapters/1-motivation/check"


def test_the_page_never_loads_the_exercise_script(course_html):
    assert static.MARKER == 'class="cx-exercise"'
    assert static.MARKER not in course_html and catalogue.MARKER not in course_html
    assert static.MARKER not in PAGE.read_text(encoding="utf-8")


def test_the_book_page_shows_the_key_as_generated_in_a_cell_hidden_with_solutions(course_html):
    nb = json.loads(PAGE.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(code) == 1 and {"remove-input", answer_key.CELL_TAG} <= set(code[0]["metadata"]["tags"])
    assert "".join(code[0]["outputs"][0]["data"]["text/html"]) == course_html, \
        "regenerate: python -m coursekit.notebooks back/answer-key.ipynb"


def _page_notebook() -> dict:
    return json.loads(PAGE.read_text(encoding="utf-8"))


def test_hidden_solutions_hide_the_answer_key_and_folded_ones_leave_it():
    hidden = present_solutions(_page_notebook(), "hidden")
    tags = [c["metadata"].get("tags", []) for c in hidden["cells"] if c["cell_type"] == "code"]
    assert all("remove-output" in t for t in tags)
    folded = present_solutions(_page_notebook(), "folded")
    assert [c["metadata"] for c in folded["cells"]] == [c["metadata"] for c in _page_notebook()["cells"]]


def test_the_book_extension_reaches_the_answer_key_page():
    from types import SimpleNamespace

    app = SimpleNamespace(env=SimpleNamespace(doc2path=lambda docname: str(PAGE)),
                          config=SimpleNamespace(coursekit_solutions="hidden"))
    source = [PAGE.read_text(encoding="utf-8")]
    prepare_notebook(app, "back/answer-key", source)
    assert "remove-output" in source[0]


URL_IN_ATTRIBUTE = re.compile(r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def test_the_printable_file_is_self_contained(tmp_path):
    out = tmp_path / "answer-key.html"
    assert answer_key.main(["--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and "@media print" in html
    assert "break-before: page" in html
    assert not URL_IN_ATTRIBUTE.search(html), "the printable key must not request anything"
    assert not re.search(r"<(link|script|img|iframe)\b", html, re.I) and "@import" not in html and "url(" not in html
    assert all(f'id="cx-key-{i}"' in html for i in default_bank())


def test_the_markdown_format_holds_every_exercise(tmp_path):
    out = tmp_path / "answer-key.md"
    assert answer_key.main(["--out", str(out), "--format", "markdown"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Answer key") and all(f"`{i}`" in text for i in default_bank())


def test_another_bank_can_be_keyed(tmp_path, capsys):
    (tmp_path / "kit.yml").write_text(EVERY_TYPE.read_text(encoding="utf-8"), encoding="utf-8")
    assert answer_key.main(["--bank", str(tmp_path), "--format", "markdown"]) == 0
    assert "`kit-single`" in capsys.readouterr().out


def test_the_french_key_is_in_french():
    """In French (the French book's answer key, and ``--language fr`` if a trainer prints it): the key's words, the
    lessons' and parts' titles as the French book has them, the French bank's texts and numbers in French form."""
    english_html = answer_key.key()._repr_html_()
    with i18n.using("fr"):
        words = {key: (value if isinstance(value, str) else value["other"]) for key, value in answer_key.WORDS.items()}
        page = answer_key.key()._repr_html_()
        document = answer_key.html_document()
        title = lessons.lesson_page("1.2").title
        caption = lessons.part_captions()["1"]
        bank = default_bank()
    assert title != lessons.lesson_page("1.2").title and f"<h3>{escape(title)} " in page, "the French book's lesson titles"
    assert f"<h2>{escape(caption)}</h2>" in page and caption.startswith("Partie 1")
    for key in ("answer", "wrong_options", "explanation", "rubric"):
        assert f"<dt>{escape(words[key])}" in page, key
        assert f"<dt>{escape(answer_key.WORDS[key])}" not in page, key
    assert "tolérance ± " in page and "tolerance" not in page and "(correspond à\u00a0: " in page
    decimal = next(ex for ex in bank.values() if ex.type == "numeric" and not float(ex.answer).is_integer())
    with i18n.using("fr"):
        shown = answer_key._number(decimal.answer)
    assert "," in shown and f"<dd>{escape(shown)}" in page, (decimal.id, shown)
    assert re.search(r"\d,\d", page) and not re.search(r"tolérance ± \d+\.\d", page), "decimal commas"
    assert '<html lang="fr">' in document and "<title>Corrigé\u00a0: " in document
    assert escape(next(iter(bank.values())).prompt) in page and "Answer key" not in document
    assert english_html == answer_key.key()._repr_html_(), "English again after the French key"


def test_the_command_writes_the_french_key(tmp_path):
    """Run as a command (its module is __main__, not the one the kit translates), ``--language fr`` is French."""
    out = tmp_path / "corrige.md"
    run = subprocess.run([sys.executable, "-m", "coursekit.exercises.answer_key", "--language", "fr", "--format", "markdown",
                          "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Corrigé\n\nCorrigé\u00a0: ") and "## Pour commencer" in text and "Answer" not in text
    assert run.stdout == f"écrit\u00a0: {out} ({len(default_bank())} exercices)\n", run.stdout
