"""Typed numeric answers are read by stated rules (French comma, %, thin spaces, −) and refused clearly."""

from __future__ import annotations

import pytest

from coursekit.exercises.numbers import MESSAGES, AnswerError, outcome, read_number


def test_every_fixture_case_is_read_as_the_rules_say(numeric_cases):
    for text, expected in numeric_cases:
        got = outcome(text)
        if isinstance(expected, str):
            assert got == {"error": expected}, repr(text)
        else:
            assert got["value"] == pytest.approx(expected), repr(text)


@pytest.mark.parametrize("value", [None, float("nan"), float("inf"), 10**400, ["3"]])
def test_non_string_inputs_get_a_message_not_a_traceback(value):
    with pytest.raises(AnswerError) as err:
        read_number(value)
    assert str(err.value) in MESSAGES.values()


def test_messages_tell_the_learner_what_to_type():
    with pytest.raises(AnswerError, match=r"digits 0 to 9, e\.g\. 3\.5"):
        read_number("three and a half")
