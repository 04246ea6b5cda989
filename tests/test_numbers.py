"""Typed numeric answers are read generously (French comma, %, spaces) and refused clearly."""

from __future__ import annotations

import pytest

from coursekit.exercises.numbers import MESSAGES, AnswerError, parse_number


def test_every_fixture_case_is_read_as_expected(numeric_cases):
    for text, expected in numeric_cases:
        if isinstance(expected, str):
            with pytest.raises(AnswerError) as err:
                parse_number(text)
            assert str(err.value) == MESSAGES[expected], text
        else:
            assert parse_number(text) == pytest.approx(expected), text


@pytest.mark.parametrize("value", [None, float("nan"), float("inf"), 10**400])
def test_non_string_inputs_get_a_message_not_a_traceback(value):
    with pytest.raises(AnswerError):
        parse_number(value)


def test_messages_tell_the_learner_what_to_type():
    with pytest.raises(AnswerError, match=r"e\.g\. 3\.5"):
        parse_number("three and a half")
