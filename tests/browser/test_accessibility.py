"""axe-core finds no WCAG 2.1 A or AA violation: on every page of the book, in light and dark mode
(checked in the same visit as the page's loading, by test_pages.py), on the kit's page of every
exercise type, and it would catch one."""

from __future__ import annotations

import pytest

from axe import violations
from helpers import every_type_bank

pytestmark = pytest.mark.browser


def test_axe_would_catch_a_violation(visit, book_url):
    seen = visit(book_url + "intro.html")
    seen.page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"_static/favicon.svg\">')")
    assert any(v.startswith("image-alt") for v in violations(seen.page))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_exercise_type_answered_has_no_violation(visit, fixture_page, scheme):
    from answering import answer, right_and_wrong

    kit = every_type_bank()
    seen = visit(fixture_page("every-type-a11y", list(kit.values()), title="Every exercise type"), color_scheme=scheme)
    for ex in kit.values():  # with feedback, hints and notes showing
        answer(seen.page, ex, right_and_wrong(ex)[1])
    assert violations(seen.page) == []
