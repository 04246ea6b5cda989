"""Exercises: the bank validates, answers are checked right, and both faces are safe and stable."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coursekit.exercises import BankError, exercise, load_bank, load_file, static
from coursekit.exercises.numbers import MESSAGES

from helpers import FIXTURES

BANKS = FIXTURES / "banks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_the_course_bank_loads_and_every_id_is_unique():
    bank = load_bank()
    assert bank, "the course bank is empty"
    for ex in bank.values():
        assert ex.prompt and ex.hint and ex.explanation


@pytest.mark.parametrize(
    "name, message",
    [
        ("not_yaml.yml", r"not_yaml\.yml: line \d+ is not valid YAML"),
        ("missing_prompt.yml", r"missing_prompt\.yml: at exercises/0: 'prompt' is a required property"),
        ("unknown_type.yml", r"unknown_type\.yml: at exercises/0/type: 'essay' is not one of"),
        ("two_correct_single_choice.yml", r"exercises/0 \(two-right-answers\): a single_choice exercise needs exactly one correct choice, found 2"),
        ("numeric_without_answer.yml", r"numeric_without_answer\.yml: at exercises/0: 'answer' is a required property"),
        ("bad_id.yml", r"bad_id\.yml: at exercises/0/id: 'Bad Id <script>' does not match"),
        ("no_such_file.yml", r"no_such_file\.yml: cannot read the file"),
    ],
)
def test_a_broken_bank_file_is_refused_with_file_and_place(name, message):
    with pytest.raises(BankError, match=message):
        load_file(BANKS / name)


def test_a_duplicate_id_across_files_is_refused(tmp_path):
    text = (BANKS / "markup.yml").read_text(encoding="utf-8")
    (tmp_path / "a.yml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yml").write_text(text.replace('"2.1"', '"2.2"'), encoding="utf-8")
    with pytest.raises(BankError, match=r"b\.yml: exercise id 'markup-in-text' is already used in lesson 2\.1"):
        load_bank(tmp_path)


def test_an_unknown_id_in_a_notebook_names_the_known_ids():
    with pytest.raises(BankError, match=r"No exercise 'no-such-exercise'.*known ids: "):
        exercise("no-such-exercise")


@pytest.fixture(scope="module")
def fixture_bank():
    return {ex.id: ex for ex in load_file(BANKS / "markup.yml")}


def test_multiple_choice_verdicts(fixture_bank):
    ex = fixture_bank["markup-in-text"]
    assert ex.check([0, 1]).status == "correct"
    assert ex.check(["1", "0"]).status == "correct"
    wrong = ex.check([0, 2])
    assert wrong.status == "incorrect" and "Not a tag." in wrong.message and "1 correct answer is not selected yet." in wrong.message
    assert ex.check([0]).message.endswith("1 correct answer is not selected yet.")
    for nothing in (None, [], "", [7], [True]):
        assert ex.check(nothing).message == MESSAGES["no_choices"]


def test_numeric_verdicts_accept_a_french_comma(fixture_bank):
    ex = fixture_bank["markup-numeric"]
    assert ex.check("3,5").status == "correct"
    assert ex.check("3.5 %").status == "correct"
    assert ex.check("3").message == "Not quite. Higher <b>than that</b>."
    assert ex.check("4").message == "Not quite. Lower."
    assert ex.check("<script>").message == MESSAGES["not_a_number"]
    assert ex.check("").status == "invalid"


def test_single_choice_verdicts_on_the_course_bank():
    bank = load_bank()
    singles = [ex for ex in bank.values() if ex.type == "single_choice"]
    assert singles, "the course needs at least one single-choice exercise"
    for ex in singles:
        right = next(i for i, c in enumerate(ex.choices) if c.correct)
        wrong = next(i for i, c in enumerate(ex.choices) if not c.correct)
        assert ex.check(right).correct and ex.check(str(right)).correct
        assert ex.check(wrong).status == "incorrect"
        for bad in (None, "", -1, len(ex.choices), "1.0", "x", True):
            assert ex.check(bad).status == "invalid"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.scripts: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self._in_json = tag == "script" and ("type", "application/json") in attrs

    def handle_data(self, data):
        if self._in_json:
            self.scripts.append(data)
            self._in_json = False


def test_static_face_escapes_every_text_and_keeps_the_key_readable(fixture_bank):
    for ex in fixture_bank.values():
        html = static.render(ex)
        parsed = _Collector()
        parsed.feed(html)
        assert "img" not in parsed.tags and "b" not in parsed.tags and "i" not in parsed.tags and "u" not in parsed.tags
        assert parsed.tags.count("script") == 1, "only the JSON data block may be a script"
        assert not any(name.startswith("on") for name, _ in parsed.attrs)
        assert "</script><script>" not in html
        data = json.loads(parsed.scripts[0])
        assert data["key"] == ex.key()
        assert data["messages"] == MESSAGES


def test_static_face_is_byte_stable_and_labelled():
    bank = load_bank()
    for ex in bank.values():
        html = static.render(ex)
        assert html == static.render(ex)
        assert 'role="status"' in html and 'aria-live="polite"' in html
        for input_id in re.findall(r'<input [^>]*id="([^"]+)"', html):
            assert f'<label for="{input_id}"' in html, f"{ex.id}: input {input_id} has no label"


def test_notebook_display_carries_the_widget_and_the_html_face():
    view = exercise(next(iter(load_bank())))
    bundle = view._repr_mimebundle_()
    assert WIDGET_VIEW in bundle
    assert bundle["text/html"] == static.render(view.exercise)
    assert bundle["text/plain"].startswith(f"Exercise {view.exercise.id}")


def test_the_live_widget_checks_answers_in_python(fixture_bank):
    from coursekit.exercises.widget import build

    form = build(fixture_bank["markup-numeric"])
    text_box = form.children[1]
    feedback = form.children[-1]
    text_box.value = "3,5"
    form.check(None)
    assert "Correct." in feedback.value
    text_box.value = "<img src=x onerror=alert(1)>"
    form.check(None)
    assert "<img" not in feedback.value and "&lt;img" not in feedback.value
    assert "Please enter a number" in feedback.value
    form.children[2].children[1].click()  # Show a hint
    assert "Three and a half." in feedback.value

    choice_form = build(fixture_bank["markup-in-text"])
    boxes = choice_form.children[1].children
    boxes[0].value = True
    choice_form.check(None)
    assert "not selected yet" in choice_form.children[-1].value
    assert "<img" not in choice_form.children[0].value
