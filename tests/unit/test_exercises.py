"""Exercises: the bank validates, answers are checked right, and both faces are safe and stable."""

from __future__ import annotations

import json
import re
from html import escape
from html.parser import HTMLParser

import pytest

from coursekit.exercises import BankError, exercise, load_bank, load_file, static
from coursekit.exercises.kinds import BY_TYPE, TYPES
from coursekit.exercises.numbers import MESSAGES

from helpers import FIXTURES, ROOT, code_cells, shown_exercises

BANKS = FIXTURES / "banks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_the_course_bank_loads_and_every_id_is_unique():
    bank = load_bank()
    assert bank, "the course bank is empty"
    for ex in bank.values():
        assert ex.prompt and ex.objective, ex.id
        if ex.type == "reflection":  # never auto-graded: notes to compare with, and a trainer's rubric and weight
            assert (ex.model_answer or ex.discussion_notes) and ex.rubric and ex.weight, ex.id
        else:
            assert ex.hint and ex.explanation, ex.id


@pytest.mark.parametrize(
    "name, message",
    [
        ("not_yaml.yml", r"not_yaml\.yml: line \d+ is not valid YAML"),
        ("missing_prompt.yml", r"missing_prompt\.yml: at exercises/0 \(no-prompt-here\): 'prompt' is required"),
        ("no_level.yml", r"no_level\.yml: at exercises/0 \(no-level-given\): 'level' is required"),
        ("unknown_type.yml", r"unknown_type\.yml: at exercises/0 \(essay-question\)/type: 'essay' is not one of the exercise types"),
        ("two_correct_single_choice.yml", r"exercises/0 \(two-right-answers\): a single_choice exercise needs exactly one correct choice, found 2"),
        ("numeric_without_answer.yml", r"numeric_without_answer\.yml: at exercises/0 \(how-many\): 'answer' is required"),
        ("bad_id.yml", r"bad_id\.yml: at exercises/0 \(Bad Id <script>\)/id: String should match pattern"),
        ("no_such_file.yml", r"no_such_file\.yml: cannot read the file"),
        ("ordering_with_repeated_items.yml", r"ordering_with_repeated_items\.yml: at exercises/0 \(steps-in-order\): two items have the same text"),
        ("ordering_without_explanation.yml", r"ordering_without_explanation\.yml: at exercises/0 \(steps-unexplained\): 'explanation' is required"),
        ("category_not_listed.yml", r"category_not_listed\.yml: at exercises/0 \(sort-the-channels\): items/1: category 'Elsewhere' is not one of"),
        ("item_without_category.yml", r"item_without_category\.yml: at exercises/0 \(sort-without-category\)/items/0: 'category' is required"),
        ("reflection_without_notes.yml", r"reflection_without_notes\.yml: at exercises/0 \(think-about-it\): a reflection needs 'model_answer' or 'discussion_notes'"),
        ("reflection_without_rubric.yml", r"reflection_without_rubric\.yml: at exercises/0 \(unmarked-thoughts\): 'rubric' is required"),
        ("reflection_with_one_rubric_level_twice.yml", r"at exercises/0 \(same-bar-twice\)/rubric: the three levels of a rubric \(weak, adequate, strong\) must each say something different"),
        ("field_of_another_type.yml", r"field_of_another_type\.yml: at exercises/0 \(how-many-items\): 'items' is not used by a numeric exercise"),
        ("unknown_difficulty.yml", r"unknown_difficulty\.yml: at exercises/0 \(too-hard\)/difficulty: Input should be 'intro', 'core' or 'stretch' \(found \"hard\"\)"),
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


def _shown_ids() -> dict[str, set[str]]:
    """Exercise id -> the notebooks (lessons, practice sets) whose code cells show it."""
    shown: dict[str, set[str]] = {}
    for path in sorted([*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("chapters/*/*.ipynb"), *ROOT.glob("exercises/*.ipynb")]):
        for ex_id in shown_exercises(path):
            shown.setdefault(ex_id, set()).add(str(path.relative_to(ROOT)))
    return shown


def test_every_exercise_of_the_bank_is_reachable_from_a_lesson_or_practice_set():
    shown, bank = _shown_ids(), load_bank()
    assert not set(bank) - set(shown), f"in the bank but shown by no lesson or practice set: {sorted(set(bank) - set(shown))}"
    assert not set(shown) - set(bank), f"shown by a notebook but not in the bank: {sorted(set(shown) - set(bank))}"


def test_every_check_is_shown_whole_on_its_page_followed_by_its_score():
    from coursekit.exercises.assessment import PAGES
    from coursekit.exercises.model import checks

    for name, questions in checks(load_bank()).items():
        assert shown_exercises(ROOT / PAGES[name]) == [ex.id for ex in questions], name
        assert f'summary("{name}")' in code_cells(ROOT / PAGES[name])[-1], f"{name}: the score panel comes last"


def test_every_lesson_has_a_checked_exercise_and_a_reflection():
    bank, shown = load_bank(), _shown_ids()
    for lesson in sorted(ROOT.glob("chapters/*/[1-4]-[1-9]-*.ipynb")):
        kinds = {bank[i].type for i, where in shown.items() if str(lesson.relative_to(ROOT)) in where}
        assert kinds - {"reflection"}, f"{lesson.name}: no auto-checked exercise"
        assert "reflection" in kinds, f"{lesson.name}: no reflection prompt"


def test_an_unknown_id_in_a_notebook_names_the_known_ids():
    with pytest.raises(BankError, match=r"No exercise 'no-such-exercise'.*known ids: "):
        exercise("no-such-exercise")


@pytest.fixture(scope="module")
def fixture_bank():
    return {ex.id: ex for ex in load_file(BANKS / "markup.yml")}


def test_multiple_choice_verdicts(fixture_bank):
    ex = fixture_bank["markup-in-text"]
    assert ex.check(["image-tag", "ampersand"]).status == "correct"
    assert ex.check(["ampersand", "image-tag"]).status == "correct"
    wrong = ex.check(["image-tag", "quotes"])
    assert wrong.status == "incorrect" and "Not a tag." in wrong.message and "1 correct answer is not selected yet." in wrong.message
    assert ex.check(["image-tag"]).message.endswith("1 correct answer is not selected yet.")
    for nothing in (None, [], "", [7], [True], [0, 1], "image-tag", ["no-such-choice"]):
        assert ex.check(nothing).message == BY_TYPE["multiple_choice"].MESSAGES["no_choices"]


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
        right = next(c.id for c in ex.choices if c.correct)
        wrong = next(c.id for c in ex.choices if not c.correct)
        assert ex.check(right).correct
        assert ex.check(wrong).status == "incorrect"
        for bad in (None, "", -1, 0, len(ex.choices), "1.0", "x", True, [right]):
            assert ex.check(bad).status == "invalid"


def test_choices_are_known_by_id_and_shown_in_a_fixed_shuffled_order(fixture_bank, every_type):
    ex = every_type["kit-multiple"]
    shown = re.findall(r'<input type="checkbox" name="cx-kit-multiple" id="cx-kit-multiple-([a-z-]+)" value="\1">',
                       static.render(ex))
    assert shown == [c.id for c in ex.display_order()] and sorted(shown) == sorted(ex.ids())
    reordered = ex.model_copy(update={"choices": ex.choices[::-1]})
    assert reordered.display_order() == ex.display_order(), "the author's order does not change what learners see"
    assert reordered.check(["apple", "pear"]) == ex.check(["apple", "pear"])


def test_a_version_1_response_becomes_ids(every_type):
    assert every_type["kit-single"].from_v1(0) == "image-tag"
    assert every_type["kit-multiple"].from_v1([0, 2]) == ["apple", "chair"]
    assert every_type["kit-multiple"].from_v1([0, 9, "x"]) == ["apple", 9, "x"], "what cannot be read is left for the checks"
    assert every_type["kit-numeric"].from_v1("3,5") == "3,5"


def test_choice_ids_are_unique_and_only_wrong_choices_name_a_misconception(tmp_path):
    text = (BANKS / "markup.yml").read_text(encoding="utf-8")
    (tmp_path / "twice.yml").write_text(text.replace("id: ampersand", "id: image-tag"), encoding="utf-8")
    with pytest.raises(BankError, match=r"two choices have the same id"):
        load_file(tmp_path / "twice.yml")
    (tmp_path / "named.yml").write_text(text.replace("feedback: Right.}", "feedback: Right., misconception: none}"), encoding="utf-8")
    with pytest.raises(BankError, match=r"choice 'ampersand' is correct: it has no misconception"):
        load_file(tmp_path / "named.yml")


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
        assert json.loads(parsed.scripts[0]) == {"key": ex.key()}, "messages come once per page, not per exercise"


def test_every_exercise_of_the_course_is_labelled():
    bank = load_bank()
    for ex in bank.values():
        html = static.render(ex)
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
    feedback = form.feedback
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
    boxes = {box.description: box for box in choice_form.children[1].children}
    boxes["<img src=x onerror=alert(1)>"].value = True
    choice_form.check(None)
    assert "not selected yet" in choice_form.feedback.value
    assert "<img" not in choice_form.children[0].value


# The newer types: ordering, categorising, reflection, and a numeric answer read from a chart.


def test_the_fixture_bank_has_every_type(every_type):
    assert sorted(ex.type for ex in every_type.values()) == sorted(TYPES)


def test_ordering_verdicts_count_the_items_in_place(every_type):
    ex = every_type["kit-ordering"]
    assert ex.check([1, 2, 3, 4]) == ex.check(["1", "2", "3", "4"])
    assert ex.check([1, 2, 3, 4]).message == "Correct. Invite, agree, meet, then write it up."
    assert ex.check([2, 1, 3, 4]).message == "Not quite. 2 of 4 items are in the right place."
    assert ex.check([4, 1, 2, 3]).message == "Not quite. 0 of 4 items are in the right place."
    assert ex.check([1, 3, 4, 2]).message == "Not quite. 1 of 4 items is in the right place."
    for incomplete in (None, "1234", [], [1, 2, 3], [1, 2, 3, None], [0, 1, 2, 3], [1, 2, 3, 5], [1, 2, 3, True], [1, 2, 3, 4, 5]):
        assert ex.check(incomplete).message == BY_TYPE["ordering"].MESSAGES["no_position"], incomplete
    assert ex.check([1, 1, 3, 4]).message == BY_TYPE["ordering"].MESSAGES["same_position"]


def test_ordering_is_shown_in_a_fixed_shuffled_order(every_type):
    ex = every_type["kit-ordering"]
    order = ex.display_order()
    assert sorted(order) == [0, 1, 2, 3] and order != [0, 1, 2, 3]
    assert order == ex.display_order()
    html = static.render(ex)
    shown = [int(i) for i in re.findall(r'data-cx-item="(\d+)"', html)]
    assert shown == order
    two = ex.model_copy(update={"items": ex.items[:2]})
    assert two.display_order() == [1, 0], "two items are never shown in the answer's order"


def test_categorising_verdicts_give_the_feedback_of_misplaced_items(every_type):
    ex = every_type["kit-categorising"]
    assert ex.check([0, 1, 0, 1]).status == "correct"
    assert ex.check([0, 0, 0, 0]).message == (
        "Not quite. 2 of 4 items are in the right category. A post <b>reaches</b> many, talks to no one."
    )
    assert ex.check([1, 0, 1, 0]).message == (
        "Not quite. 0 of 4 items are in the right category. A post <b>reaches</b> many, talks to no one. A visit is a conversation."
    )
    assert ex.check([1, 1, 0, 1]).message == "Not quite. 3 of 4 items are in the right category."
    for incomplete in (None, [], [0, 1, 0], [0, 1, 0, None], [0, 1, 0, 2], [0, 1, 0, -1], "0101"):
        assert ex.check(incomplete).message == BY_TYPE["categorising"].MESSAGES["no_category"], incomplete


def test_a_reflection_is_never_graded_but_asks_for_enough_words(every_type):
    ex = every_type["kit-reflection"]
    messages = BY_TYPE["reflection"].MESSAGES
    assert not ex.auto_graded
    for nothing in (None, "", "   \n ", 42, ["a list"]):
        assert ex.check(nothing).message == messages["no_text"]
    assert ex.check("only four words here").message == "Please write at least 5 words first."
    written = ex.check("I would ask my team <b>why</b> first.")
    assert written.status == "ungraded" and not written.correct and written.message == messages["ungraded"]
    assert ex.check("word " * 2000).message == messages["too_long_text"]


def test_a_reflection_s_rubric_mark_earns_a_share_of_its_weight(every_type):
    ex = every_type["kit-reflection"]
    assert set(ex.RUBRIC_POINTS) == set(type(ex.rubric).model_fields) == {"weak", "adequate", "strong"}
    assert ex.weight == 3
    assert [ex.points(level) for level in ("weak", "adequate", "strong")] == [0, 1.5, 3]
    with pytest.raises(ValueError, match="unknown rubric level 'excellent'"):
        ex.points("excellent")


@pytest.mark.parametrize("weight", [0, 11, 2.5, "3", True, None])
def test_a_reflection_s_weight_is_a_whole_number_of_points_from_1_to_10(every_type, weight):
    fields = every_type["kit-reflection"].model_dump(exclude={"lesson", "assessment"})
    with pytest.raises(ValueError, match="weight"):
        BY_TYPE["reflection"].model_validate({**fields, "weight": weight})


def test_every_auto_checked_type_keeps_hint_and_explanation(every_type):
    for ex in every_type.values():
        if ex.auto_graded:
            assert ex.hint and ex.explanation, ex.id


def test_a_numeric_exercise_names_its_chart(every_type):
    html = static.render(every_type["kit-numeric"])
    assert '<p class="cx-chart-ref">From the chart: The &lt;b&gt;importance&lt;/b&gt; chart of lesson 2.1</p>' in html
    assert "cx-chart-ref" not in static.render(every_type["kit-single"])


def _texts(node, skip=("id", "type", "lesson", "difficulty", "level", "objective", "misconception")) -> list[str]:
    """Every text of a definition, whatever its type's fields are called (objectives and misconceptions are for trainers)."""
    if isinstance(node, dict):
        return [t for key, value in node.items() if key not in skip for t in _texts(value)]
    if isinstance(node, (list, tuple)):
        return [t for value in node for t in _texts(value)]
    return [node] if isinstance(node, str) and node else []


def test_every_text_field_of_every_type_is_shown_escaped(every_type):
    for ex in every_type.values():
        html = static.render(ex)
        parsed = _Collector()
        parsed.feed(html)
        assert not {"img", "b", "i", "u"} & set(parsed.tags), ex.id
        assert parsed.tags.count("script") == 1, ex.id
        assert not any(name.startswith("on") for name, _ in parsed.attrs), ex.id
        key_texts = _texts(ex.key())
        for text in _texts(ex.model_dump()):  # shown escaped in the form, or carried in the key for the checker
            assert escape(text) in html or text in key_texts, f"{ex.id}: {text!r} is neither shown as text nor in the key"
        assert json.loads(parsed.scripts[0]) == {"key": ex.key()}
        assert "<" not in parsed.scripts[0] and ">" not in parsed.scripts[0]


def test_every_control_of_every_type_is_labelled(every_type):
    for ex in every_type.values():
        html = static.render(ex)
        assert 'role="status" aria-live="polite"' in html
        controls = re.findall(r'<(?:input|select|textarea) [^>]*id="([^"]+)"', html)
        assert controls, ex.id
        for control in controls:
            assert f'<label for="{control}"' in html, f"{ex.id}: {control} has no label"


def test_a_reflection_keeps_its_notes_hidden_until_compared(every_type):
    html = static.render(every_type["kit-reflection"])
    assert '<div class="cx-notes" id="cx-kit-reflection-notes" hidden>' in html
    # the rubric is the last note: the learner sees how a trainer marks the answer, level by level
    assert ('<p class="cx-notes-title">How a trainer marks this</p><p class="cx-notes-text">'
            "Weak (0 of 3 points): Names a change with no &lt;b&gt;reason&lt;/b&gt;.\n"
            "Adequate (1.5 of 3 points): Names a change &amp; a reason &lt;img src=x onerror=alert(3)&gt;.\n"
            "Strong (3 of 3 points): Names a change, a reason and how to &lt;script&gt;alert(&quot;strong&quot;)&lt;/script&gt; test it.</p>"
            "\n</div>") in html
    assert '<button type="submit" class="cx-check">Compare with notes</button>' in html
    assert "at least 5 words" in html


def test_the_live_widgets_of_the_new_types_check_in_python(every_type):
    from coursekit.exercises.widget import build

    form = build(every_type["kit-ordering"])
    menus = {menu.description: menu for menu in form.children[1].children}
    for position, item in enumerate(every_type["kit-ordering"].items, start=1):
        menus[item].value = position
    form.check(None)
    assert "Correct." in form.feedback.value

    form = build(every_type["kit-categorising"])
    for menu in form.children[1].children:
        menu.value = 0
    form.check(None)
    assert "2 of 4 items are in the right category." in form.feedback.value
    assert "&lt;b&gt;reaches" in form.feedback.value and "<b>" not in form.feedback.value

    form = build(every_type["kit-reflection"])
    assert form.notes.layout.display == "none"
    form.children[1].value = "too short"
    form.check(None)
    assert "at least 5 words" in form.feedback.value and form.notes.layout.display == "none"
    form.children[1].value = "I would meet my team every week."
    form.check(None)
    assert "Not marked automatically" in form.feedback.value and form.notes.layout.display is None
    assert "&lt;script&gt;" in form.notes.value and "<script>" not in form.notes.value
    assert "How a trainer marks this" in form.notes.value and "Adequate (1.5 of 3 points): Names a change &amp; a reason" in form.notes.value
    assert "<b>" not in form.children[0].value


def test_the_live_widget_keeps_the_answer_and_restores_it(every_type, progress_dir):
    from coursekit.exercises import progress
    from coursekit.exercises.widget import build

    numeric = every_type["kit-numeric"]
    form = build(numeric)
    form.children[1].value = "3"
    form.flush()
    saved = progress.load_answers()[numeric.id]
    assert saved.pop("saved_at").endswith("+00:00") and saved == {"type": "numeric", "response": "3"}
    form.check(None)
    saved = progress.load_answers()[numeric.id]
    assert saved.pop("saved_at") and saved == {"type": "numeric", "response": "3", "status": "incorrect"}
    again = build(numeric)
    assert again.children[1].value == "3"
    assert "Higher &lt;b&gt;than that&lt;/b&gt;." in again.feedback.value

    ordering = every_type["kit-ordering"]
    form = build(ordering)
    for menu, position in zip(form.children[1].children, [3, 1, 2, 4]):
        menu.value = position
    again = build(ordering)
    assert [m.value for m in again.children[1].children] == [3, 1, 2, 4]
    assert again.feedback.value == "", "an answer never checked shows no verdict"
    assert (progress_dir / "progress.json").is_file()


def test_a_saved_answer_that_no_longer_fits_is_not_restored(every_type):
    from coursekit.exercises import progress
    from coursekit.exercises.widget import build

    for ex_id, response in (("kit-single", 7), ("kit-ordering", [9, 9]), ("kit-multiple", "0"), ("kit-numeric", 3)):
        progress.save_answer(ex_id, {"type": every_type[ex_id].type, "response": response, "status": "correct"})
        form = build(every_type[ex_id])
        assert "Correct." not in form.feedback.value
    progress.save_answer("kit-single", {"type": "numeric", "response": 0})
    assert build(every_type["kit-single"]).children[1].value is None


def test_the_live_widget_still_checks_when_answers_cannot_be_saved(every_type, tmp_path, monkeypatch):
    from coursekit.exercises.widget import build

    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("COURSEKIT_PROGRESS_DIR", str(blocker / "inside"))
    form = build(every_type["kit-numeric"])
    form.children[1].value = "3,5"
    form.check(None)
    assert "Correct." in form.feedback.value
    assert "could not be saved" in form.saving.value and "checking still works" in form.saving.value


def _strings(node) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return [node] if isinstance(node, str) else []


def test_the_page_script_types_no_message_of_its_own():
    script = (static.ASSET_DIR / "exercises.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)  # comments may quote messages
    messages = [s for s in _strings({"messages": static.page_data()["messages"], "ui": static.page_data()["ui"]}) if len(s) > 12]
    assert messages, "the page data holds the messages"
    assert [m for m in messages if m in code] == []
    sentences = re.findall(r"""["']([A-Z][a-z]+ [a-z]+ [a-z]+[^"']*)["']""", code)
    assert sentences == [], f"words for the learner belong in coursekit/exercises/messages.py or the type's MESSAGES: {sentences}"


def test_live_typing_is_saved_once_it_pauses_not_at_every_keystroke(every_type, monkeypatch):
    import time

    from coursekit.exercises import progress
    from coursekit.exercises.static import SAVE_DELAY_MS
    from coursekit.exercises.widget import build

    writes = []
    real = progress.write_atomically
    monkeypatch.setattr(progress, "write_atomically", lambda path, text: (writes.append(text), real(path, text)))
    form = build(every_type["kit-reflection"])
    box = form.children[1]
    assert box.continuous_update, "the kernel sees what the box shows when Check is pressed"
    for n in range(1, 12):
        box.value = "We would meet every week"[: n * 2]
    assert writes == [], "nothing is written while the learner types"
    time.sleep(SAVE_DELAY_MS / 1000 + 0.5)
    assert len(writes) == 1 and progress.load_answers()["kit-reflection"]["response"] == box.value
    box.value = "Changed and checked at once."
    form.check(None)
    assert len(writes) == 2 and progress.load_answers()["kit-reflection"]["status"] == "ungraded"
    time.sleep(SAVE_DELAY_MS / 1000 + 0.3)
    assert len(writes) == 2, "a check cancels the pending save: it has saved the answer already"


def test_the_page_script_has_a_renderer_for_every_type():
    script = (static.ASSET_DIR / "exercises.js").read_text(encoding="utf-8")
    block = script[script.index("var KINDS = {"):script.index("\n  };", script.index("var KINDS = {"))]
    assert re.findall(r"^    ([a-z_]+): \{", block, flags=re.M) == list(TYPES)


def test_a_checks_live_score_reads_the_saved_answers_and_names_lessons_to_review(progress_dir):
    from coursekit.exercises import progress, summary
    from coursekit.exercises.assessment import report, report_lines
    from coursekit.exercises.model import checks

    questions = checks()["part-1"]
    first, second = questions[0], questions[-1]
    right = {"single_choice": lambda ex: next(c.id for c in ex.choices if c.correct),
             "multiple_choice": lambda ex: [c.id for c in ex.choices if c.correct],
             "numeric": lambda ex: f"{ex.answer:g}"}
    progress.save_answer(first.id, {"type": first.type, "response": right[first.type](first)})
    view = summary("part-1").widget()
    view.score(None)
    responses = {first.id: right[first.type](first)}
    expected = report("part-1", responses)
    assert expected.correct == 1 and second.lesson in expected.review
    for line in report_lines("part-1", expected):
        assert escape(line) in view.result.value
    with pytest.raises(BankError, match="No check 'part-9'"):
        summary("part-9")
