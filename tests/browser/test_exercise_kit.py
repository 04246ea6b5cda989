"""Every exercise type on a page, in Chromium: verdicts like the Python checker, answers that survive a
reload, a reset that clears them, a download the scorer accepts, and ordering and sorting by keyboard alone.

The page is made from tests/fixtures/banks/every_type.yml (markup in every text) and served from a
temporary folder (the ``fixture_page`` fixture), beside the package's own exercises.js and exercises.css.
"""

from __future__ import annotations

import json
import random

import pytest

from coursekit.exercises import load_bank, static
from coursekit.exercises.score import report
from helpers import every_type_bank
from answering import answer, expected_statuses, right_and_wrong, random_response

pytestmark = pytest.mark.browser

KIT = every_type_bank()
STORE = static.STORAGE_PREFIX


@pytest.fixture(scope="module")
def kit_url(fixture_page):
    """A page with one exercise of every type, beside the package's own exercise script and style."""
    return fixture_page("every-type", list(KIT.values()), title="Every exercise type")


def _clean(seen) -> None:
    assert seen.dialogs == [] and seen.errors == [] and seen.outside_requests == [] and seen.failed == []
    # No markup from the bank became HTML; the theme's own icons (<i class="fa-…">, drawn from the icon font) are not text.
    assert seen.page.locator("main :is(b, i, u, img):not([class*='fa-'])").count() == 0


def _feedback(page, ex_id: str) -> str:
    return page.locator(f"#cx-{ex_id} .cx-feedback").inner_text()


def test_each_type_answered_right_or_wrong_shows_the_python_checkers_message(visit, kit_url):
    seen = visit(kit_url)
    for ex in KIT.values():
        statuses = set()
        for response in right_and_wrong(ex):
            assert answer(seen.page, ex, response) == ex.check(response).message, f"{ex.id} answered {response!r}"
            statuses.add(ex.check(response).status)
        assert expected_statuses(ex) <= statuses, ex.id
    _clean(seen)


def test_a_reflection_reveals_its_notes_only_after_enough_words(visit, kit_url):
    seen = visit(kit_url)
    ex = KIT["kit-reflection"]
    notes = seen.page.locator("#cx-kit-reflection-notes")
    assert notes.is_hidden()
    answer(seen.page, ex, "too short")
    assert notes.is_hidden()
    answer(seen.page, ex, "I would ask my team what they need.")
    assert notes.is_visible()
    assert 'A <script>alert("model")</script> good answer' in notes.inner_text()
    assert seen.page.locator("#cx-kit-reflection button.cx-check").inner_text() == "Compare with notes"
    _clean(seen)


ANSWERS = {
    "kit-single": "plain-text",
    "kit-multiple": ["apple", "pear"],
    "kit-numeric": "3,5",
    "kit-ordering": [2, 1, 3, 4],
    "kit-categorising": [0, 1, 0, 1],
    "kit-reflection": "We would <b>meet</b> every week & listen.",
}


def _inputs(page) -> dict:
    """What every form shows, read from the page."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.cx-exercise')].map(root => [root.dataset.cxId,
              [...root.querySelectorAll('input, select, textarea')].map(el =>
                 el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value)]))"""
    )


def test_answers_survive_a_reload_and_reset_clears_them(visit, kit_url):
    seen = visit(kit_url)
    page = seen.page
    for ex_id, response in ANSWERS.items():
        answer(page, KIT[ex_id], response)
    page.locator("#cx-kit-numeric input").fill("4")  # changed after checking: kept, but not yet checked
    before = _inputs(page)
    page.reload(wait_until="networkidle")
    assert _inputs(page) == before
    for ex_id, response in ANSWERS.items():
        if ex_id != "kit-numeric":
            assert _feedback(page, ex_id) == KIT[ex_id].check(response).message, ex_id
    assert _feedback(page, "kit-numeric") == ""
    assert page.locator("#cx-kit-reflection-notes").is_visible()
    stored = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{STORE}')).sort()")
    assert stored == sorted(STORE + ex_id for ex_id in ANSWERS)

    assert page.locator(".cx-toolbar").count() == 1
    reset = page.get_by_role("button", name="Reset my answers")
    reset.click()
    assert page.locator(".cx-toolbar-status").inner_text().startswith("This erases every answer")
    assert _inputs(page) == before, "one press only asks for confirmation"
    page.get_by_role("button", name="Yes, erase my answers").click()
    assert page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{STORE}')).length") == 0
    page.reload(wait_until="networkidle")
    for ex_id, values in _inputs(page).items():
        assert all(v in (False, "") for v in values), ex_id
        assert _feedback(page, ex_id) == ""
    _clean(seen)


def test_answers_kept_by_an_older_page_come_back_upgraded(visit, kit_url):
    seen = visit(kit_url)
    page = seen.page
    older = static.OLDER_STORAGE_PREFIXES["1"]
    page.evaluate(
        """([older]) => {
            localStorage.setItem(older + 'kit-single', JSON.stringify({type: 'single_choice', response: 1, status: 'incorrect'}));
            localStorage.setItem(older + 'kit-multiple', JSON.stringify({type: 'multiple_choice', response: [0, 1]}));
        }""",
        [older],
    )
    page.reload(wait_until="networkidle")
    assert page.locator("#cx-kit-single-plain-text").is_checked()
    assert page.locator("#cx-kit-multiple-apple").is_checked() and page.locator("#cx-kit-multiple-pear").is_checked()
    assert _feedback(page, "kit-single") == KIT["kit-single"].check("plain-text").message
    stored = page.evaluate("Object.keys(localStorage).sort()")
    assert stored == [STORE + "kit-multiple", STORE + "kit-single"], "the old entries are replaced by upgraded ones"
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{STORE}kit-multiple')).response") == ["apple", "pear"]
    _clean(seen)


def test_the_download_is_an_answers_file_the_scorer_accepts(visit, kit_url, tmp_path, every_type_dir):
    seen = visit(kit_url)
    page = seen.page
    for ex_id, response in ANSWERS.items():
        answer(page, KIT[ex_id], response)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my answers").click()
    download = info.value
    assert download.suggested_filename == "answers-every-type.json"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == "coursekit-answers" and saved["version"] == 3 and saved["saved_at"].endswith("Z")
    assert saved["learner"] == "" and all(a["saved_at"].endswith("Z") for a in saved["answers"].values())
    assert {ex_id: a["response"] for ex_id, a in saved["answers"].items()} == ANSWERS
    assert {ex_id: a["status"] for ex_id, a in saved["answers"].items()} == {
        ex_id: KIT[ex_id].check(r).status for ex_id, r in ANSWERS.items()
    }
    scored = report(path, load_bank(every_type_dir))
    assert "Total: 3 of 5 auto-graded exercises correct; 1 reflection not auto-graded." in scored
    assert "| We would <b>meet</b> every week & listen." in scored

    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Markdown").click()
    markdown_path = tmp_path / "answers.md"
    info.value.save_as(markdown_path)
    text = markdown_path.read_text(encoding="utf-8")
    assert info.value.suggested_filename == "answers-every-type.md"
    assert text.startswith("# My answers: Every exercise type")
    assert "Exercise `kit-ordering` (Exercise · Ordering)" in text
    assert "- 1. Agree an agenda\n- 2. Invite <b>people</b>\n" in text
    assert "- A brand page post: Broadcast & reach" in text
    assert "> We would <b>meet</b> every week & listen." in text
    assert "Result: Not quite" in text and "Result: Compared with the notes (not marked)" in text
    _clean(seen)


def test_a_named_whole_course_download_holds_every_saved_answer_and_leaves_out_stale_ones(visit, kit_url, tmp_path, every_type_dir):
    seen = visit(kit_url)
    page = seen.page
    page.evaluate(f"""() => {{
        localStorage.setItem('{STORE}kit-from-another-page', JSON.stringify({{type: 'numeric', response: '1'}}));
        localStorage.setItem('{STORE}kit-numeric', JSON.stringify({{type: 'numeric', response: '3,5', saved_at: '2026-01-01T00:00:00Z'}}));
        localStorage.setItem('{STORE}kit-single', JSON.stringify({{type: 'numeric', response: '2'}}));
    }}""")
    page.reload(wait_until="networkidle")
    answer(page, KIT["kit-reflection"], ANSWERS["kit-reflection"])
    name = page.get_by_label("Your name or learner id (optional)")
    name.fill("  Ana \u00a0 Silva ")
    name.press("Tab")
    assert page.locator(".cx-learner-status").inner_text() == "Saved: your answers files now carry \u201cAna Silva\u201d."
    with page.expect_download() as info:
        page.get_by_role("button", name="Download all my answers (whole course)").click()
    assert info.value.suggested_filename == "answers-course-Ana-Silva.json"
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 3 and saved["learner"] == "Ana Silva"
    assert sorted(saved["answers"]) == ["kit-numeric", "kit-reflection"], "unknown ids and changed types are left out"
    assert saved["answers"]["kit-numeric"]["saved_at"] == "2026-01-01T00:00:00Z", "each answer keeps its own time"
    status = page.locator(".cx-learner-status").inner_text()
    assert "Your 2 answers from the whole course are downloading as answers-course-Ana-Silva.json." in status
    assert "2 saved answers to exercises that are no longer in the course were left out." in status
    scored = report(path, load_bank(every_type_dir))
    assert scored.startswith("Answers in answers-course-Ana-Silva.json from Ana Silva")

    page.reload(wait_until="networkidle")
    assert name.input_value() == "Ana Silva", "the name is kept in the browser"
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my answers", exact=True).click()
    assert json.loads(open(info.value.path(), encoding="utf-8").read())["learner"] == "Ana Silva", "page files carry it too"
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Markdown").click()
    assert "\n\nLearner: Ana Silva\n" in open(info.value.path(), encoding="utf-8").read()
    name.fill("A" * 81)
    assert name.input_value() == "A" * 80, "the field takes no more than the format keeps"
    name.evaluate("(el) => { el.value = 'A'.repeat(81); el.dispatchEvent(new Event('change')); }")  # past maxlength
    assert "at most 80 characters" in page.locator(".cx-learner-status").inner_text()
    assert page.evaluate("localStorage.getItem('coursekit:learner')") == "Ana Silva", "the old name is kept"
    name.fill("")
    name.press("Tab")
    assert page.locator(".cx-learner-status").inner_text() == "Saved: your answers files are now anonymous."
    assert page.evaluate("localStorage.getItem('coursekit:learner')") is None
    _clean(seen)


def _tab_to(page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector({json.dumps(selector)})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("ex_id", ["kit-ordering", "kit-categorising"])
def test_keyboard_alone_can_order_and_categorise(visit, kit_url, ex_id):
    seen = visit(kit_url)
    page = seen.page
    ex = KIT[ex_id]
    right = list(range(1, len(ex.items) + 1)) if ex.type == "ordering" else ex.answers()
    shown = [int(i) for i in page.eval_on_selector_all(f"#cx-{ex_id} select", "els => els.map(e => e.dataset.cxItem)")]
    _tab_to(page, f"#cx-{ex_id}-item-{shown[0]}")
    for n, item in enumerate(shown):
        steps = right[item] if ex.type == "ordering" else right[item] + 1
        for _ in range(steps):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
        if n + 1 < len(shown):
            assert page.evaluate("document.activeElement.id") == f"cx-{ex_id}-item-{shown[n + 1]}"
    assert page.evaluate("document.activeElement.className") == "cx-check"
    page.keyboard.press("Enter")
    assert _feedback(page, ex_id) == ex.check(right).message and _feedback(page, ex_id).startswith("Correct.")
    _clean(seen)


def test_typing_is_saved_when_it_pauses_not_on_every_keystroke(visit, kit_url):
    seen = visit(kit_url)
    page = seen.page
    writes = page.evaluate("""() => {
        window.__writes = [];
        const real = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { window.__writes.push(v); return real.call(this, k, v); };
        return window.__writes.length; }""")
    assert writes == 0
    page.locator("#cx-kit-reflection textarea").press_sequentially("We would meet every week", delay=20)
    assert page.evaluate("window.__writes.length") == 0, "nothing is written while the learner types"
    page.wait_for_function("window.__writes.length === 1", timeout=5_000)
    page.wait_for_timeout(static.SAVE_DELAY_MS + 200)
    assert page.evaluate("window.__writes.map(w => JSON.parse(w).response)") == ["We would meet every week"]
    page.locator("#cx-kit-single input").first.check()
    assert page.evaluate("window.__writes.length") == 2, "a choice is saved at once"
    _clean(seen)


def test_without_storage_checking_still_works_and_warns_once(browser, kit_url):
    context = browser.new_context()
    context.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
        "Storage.prototype.removeItem = Storage.prototype.setItem;"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(kit_url, wait_until="networkidle")
        for ex_id, response in ANSWERS.items():
            assert answer(page, KIT[ex_id], response) == KIT[ex_id].check(response).message
        warnings = page.locator(".cx-storage-warning")
        assert warnings.count() == 1 and "Download my answers" in warnings.inner_text()
        with page.expect_download() as info:
            page.get_by_role("button", name="Download my answers").click()
        assert json.loads(open(info.value.path(), encoding="utf-8").read())["answers"].keys() == ANSWERS.keys()
        assert errors == []
    finally:
        context.close()


def test_damaged_or_tampered_saved_answers_are_ignored_safely(browser, kit_url):
    context = browser.new_context()
    entries = {
        "kit-single": '{"type": "single_choice", "response": 99, "status": "correct"}',
        "kit-ordering": '{"type": "ordering", "response": "<img src=x onerror=alert(1)>", "status": "correct"}',
        "kit-numeric": "{not json",
        "kit-categorising": '{"type": "numeric", "response": "1"}',
        "kit-reflection": '{"type": "reflection", "response": "<img src=x onerror=alert(2)>", "status": "correct"}',
    }
    context.add_init_script(
        f"for (const [id, v] of Object.entries({json.dumps(entries)})) localStorage.setItem({json.dumps(STORE)} + id, v);"
    )
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append(d.message), d.dismiss()))
    try:
        page.goto(kit_url, wait_until="networkidle")
        assert page.locator("img").count() == 0 and problems == []
        assert page.locator("#cx-kit-reflection textarea").input_value() == "<img src=x onerror=alert(2)>"
        assert _feedback(page, "kit-reflection") == KIT["kit-reflection"].check("<img src=x onerror=alert(2)>").message
        for ex_id in ("kit-single", "kit-ordering", "kit-numeric", "kit-categorising"):
            assert _feedback(page, ex_id) == "", ex_id
        assert not page.locator("#cx-kit-single input:checked").count()
    finally:
        context.close()


def test_lesson_pages_get_one_answers_toolbar(visit, book_url):
    seen = visit(book_url + "chapters/2-contact/2-1-weak-link.html")
    assert seen.page.locator(".cx-toolbar").count() == 1
    last = seen.page.evaluate("[...document.querySelectorAll('.cx-exercise')].pop().nextElementSibling.className")
    assert last == "cx-toolbar"
    seen_plain = visit(book_url + "intro.html")
    assert seen_plain.page.locator(".cx-toolbar").count() == 0


def test_answers_from_several_book_pages_reach_the_trainer_in_one_named_file(visit, book_url, tmp_path):
    from coursekit.exercises import get
    from coursekit.gradebook import read_class
    from coursekit.exercises.model import default_bank

    seen = visit(book_url + "chapters/2-contact/2-1-weak-link.html")
    page = seen.page
    first, second = get("contact-2-1-platforms-not-enough"), get("roi-3-1-why-a-comparison-group")
    right = next(c.id for c in first.choices if c.correct)
    answer(page, first, right)
    page.goto(book_url + "chapters/3-roi/3-1-carpe-diem.html", wait_until="networkidle")
    wrong = next(c.id for c in second.choices if not c.correct)
    answer(page, second, wrong)
    page.goto(book_url + "back/my-answers.html", wait_until="networkidle")
    panel = page.locator(".cx-learner-panel")
    assert panel.locator(".cx-course-count").inner_text() == "This browser holds 2 answers from this course."
    assert page.locator(".cx-toolbar").count() == 0 and page.locator("#cx-learner-name").count() == 1
    panel.get_by_label("Your name or learner id (optional)").fill("Learner 07")
    with page.expect_download() as info:
        panel.get_by_role("button", name="Download all my answers (whole course)").click()
    folder = tmp_path / "class"
    folder.mkdir()
    info.value.save_as(folder / info.value.suggested_filename)
    assert info.value.suggested_filename == "answers-course-Learner-07.json"
    found = read_class(folder, default_bank())
    assert found.bad_files == [] and [l.name for l in found.learners] == ["Learner 07"]
    assert found.learners[0].responses == {first.id: right, second.id: wrong}
    page.goto(book_url + "chapters/diagnostic.html", wait_until="networkidle")
    assert page.locator(".cx-learner-panel #cx-learner-name").input_value() == "Learner 07"
    assert page.locator(".cx-toolbar #cx-learner-name").count() == 0, "one name field per page"
    assert seen.outside_requests == [] and seen.errors == []


def test_the_page_checker_agrees_with_python_on_many_responses(visit, kit_url):
    seen = visit(kit_url)
    rng = random.Random(4)
    for ex in KIT.values():
        data = {"key": ex.key()}
        for _ in range(60):
            response = random_response(ex, rng)
            shown = seen.page.evaluate("([d, r]) => window.coursekitExercises.check(d, r)", [data, response])
            expected = ex.check(response)
            assert shown == {"status": expected.status, "message": expected.message}, f"{ex.id}: {response!r}"


@pytest.mark.parametrize("check", ["diagnostic", "part-2"])
def test_a_check_page_scores_like_python_and_names_the_lessons_to_review(visit, book_url, check):
    from coursekit.exercises.assessment import PAGES, report, report_lines
    from coursekit.exercises.model import checks

    seen = visit(book_url + PAGES[check].replace(".ipynb", ".html"))
    page = seen.page
    questions = checks()[check]
    rng = random.Random(check)
    for attempt in range(3):  # all right, then two random mixes
        responses = {}
        for ex in questions:
            options = right_and_wrong(ex)
            responses[ex.id] = options[0] if attempt == 0 else rng.choice(options)
            answer(page, ex, responses[ex.id])
        page.locator(f"#cx-summary-{check} button.cx-score").click()
        result = page.locator(f"#cx-summary-{check} .cx-summary-result")
        shown = [line.strip() for line in result.inner_text().splitlines() if line.strip()]
        expected = report_lines(check, report(check, responses))
        assert shown == expected, (attempt, responses)
        hrefs = result.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        for href in hrefs:  # every advice links to its lesson, which exists in the book
            target = (book_url + PAGES[check]).rsplit("/", 1)[0] + "/" + href
            assert page.request.get(target).ok, href
    assert report(check, {ex.id: right_and_wrong(ex)[0] for ex in questions}).review == ()
    _clean(seen)
