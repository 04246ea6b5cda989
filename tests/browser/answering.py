"""Answering exercises through a page's forms, as a learner would: shared by the browser tests."""

from __future__ import annotations

import random

from coursekit.exercises.model import Exercise


_UNKNOWN = "no answers for type {type} here: teach this module to answer it (README, 'Adding an exercise type')"


# The answers of right_and_wrong that a course page is given: right, wrong, and one incomplete or
# mistyped (the thorough set, with every kind of bad input, is for the kit's page of every type;
# the page's and Python's reading of bad input are compared on 4,000 inputs by test_parity.py).
LEAN = {"numeric": (0, 1, 2, 4), "ordering": (0, 1, 3), "categorising": (0, 1, 3), "reflection": (0, 3),
        "single_choice": (0, 1, 2), "multiple_choice": (0, 1, 2)}


def right_and_wrong(ex: Exercise, lean: bool = False) -> list[object]:
    """Answers to try: right, wrong, and incomplete or mistyped ones a learner might give (lean: fewer)."""
    answers = _right_and_wrong(ex)
    if lean and ex.type not in LEAN:
        raise AssertionError(_UNKNOWN.format(type=ex.type))
    return [answers[i] for i in LEAN[ex.type]] if lean else answers


def _right_and_wrong(ex: Exercise) -> list[object]:
    if ex.type == "numeric":
        assert ex.answer is not None
        right = f"{ex.answer:g}".replace(".", ",")
        return [right, f"{ex.answer - ex.tolerance - 5:g}", f"{ex.answer + ex.tolerance + 5:g}", "", "abc",
                "<script>alert(1)</script>", "1e999", "99999999999999"]
    if ex.type == "ordering":
        n = len(ex.items)
        right = list(range(1, n + 1))
        return [right, [2, 1] + right[2:], right[::-1], [None] * n, [1] * n, right[:-1] + [None]]
    if ex.type == "categorising":
        right = ex.answers()
        k = len(ex.categories)
        return [right, [(c + 1) % k for c in right], right[:-1] + [(right[-1] + 1) % k], [None] * len(right), right[:-1] + [None]]
    if ex.type == "reflection":
        enough = " ".join(["word"] * max(ex.min_words or 0, 1))
        return ["", "   ", "one", f"My <b>own</b> view: {enough} <script>alert(1)</script>", enough]
    if ex.type in ("single_choice", "multiple_choice"):
        correct = [c.id for c in ex.choices if c.correct]
        wrong = [c.id for c in ex.choices if not c.correct]
        if ex.type == "single_choice":
            return [correct[0], wrong[0], None]
        return [correct, correct[:1] + wrong[:1], [], wrong[:1]]
    raise AssertionError(_UNKNOWN.format(type=ex.type))


def expected_statuses(ex: Exercise) -> set[str]:
    return {"ungraded", "invalid"} if ex.type == "reflection" else {"correct", "incorrect", "invalid"}


def answer(page, ex: Exercise, response) -> str:
    """Give a response through the page's form, press its check button, and read the feedback."""
    root = page.locator(f"#cx-{ex.id}")
    if ex.type == "numeric":
        root.locator("input[type=text]").fill(str(response))
    elif ex.type == "reflection":
        root.locator("textarea").fill(response or "")
    elif ex.type in ("ordering", "categorising"):
        values = response if isinstance(response, list) else [None] * len(ex.items)
        for i, value in enumerate(values):
            root.locator(f"#cx-{ex.id}-item-{i}").select_option("" if value is None else str(value))
    elif ex.type in ("single_choice", "multiple_choice"):
        chosen = [] if response is None else ([response] if isinstance(response, str) else response)
        for choice in ex.choices:
            box = root.locator(f"#cx-{ex.id}-{choice.id}")
            if ex.type == "single_choice":
                if choice.id in chosen:
                    box.check()
            else:
                box.set_checked(choice.id in chosen)
        if response is None:
            page.evaluate(f"document.querySelectorAll('#cx-{ex.id} input').forEach(b => b.checked = false)")
    else:
        raise AssertionError(_UNKNOWN.format(type=ex.type))
    root.locator("button.cx-check").click()
    return root.locator(".cx-feedback").inner_text()


def random_response(ex: Exercise, rng: random.Random) -> object:
    """A response of the shape the page's form can give for this type, right, wrong or incomplete."""
    if ex.type in ("ordering", "categorising"):
        top = len(ex.items) if ex.type == "ordering" else len(ex.categories) - 1
        low = 1 if ex.type == "ordering" else 0
        return [rng.choice([None] + list(range(low, top + 1))) for _ in ex.items]
    if ex.type == "reflection":
        return " ".join(rng.choice(["a", "word", " ", "\n", "<b>", "é"]) for _ in range(rng.randint(0, 12)))
    if ex.type == "numeric":
        return rng.choice(["3,5", "3.5", "", "4", "-1", "3 500", "x", "3.5 %", "1,2,3"])
    if ex.type == "single_choice":
        return rng.choice([None] + ex.ids())
    if ex.type == "multiple_choice":
        return sorted(rng.sample(ex.ids(), rng.randint(0, len(ex.choices))))
    raise AssertionError(_UNKNOWN.format(type=ex.type))
