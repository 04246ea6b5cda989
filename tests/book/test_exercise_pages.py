"""What a reader of the built book sees: choices in an order that gives nothing away, and numeric
questions whose answer is not printed just above them."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from coursekit.exercises import load_bank
from helpers import MAX_SHARE_AT_ONE_POSITION, MAX_SHARE_FIRST_CORRECT, MAX_SHARE_LONGEST, answer_figures

BANK = load_bank()
MAX_SHARE_NUMERIC_NEARBY = 0.20  # at most 1 numeric answer in 5 may appear in the text just before its question
NEARBY_CHARS = 1500  # "just before": this much text before the question, back to the previous exercise at most


def _pages(book):
    for path in sorted(book.rglob("*.html")):
        if "_static" not in path.parts:
            html = path.read_text(encoding="utf-8")
            if 'class="cx-exercise"' in html:
                yield path, BeautifulSoup(html, "html.parser")


def _key(div) -> dict:
    return json.loads(div.find("script", class_="cx-data").string)["key"]


def test_choices_on_the_pages_give_nothing_away_by_position_or_length(built_book):
    questions, seen = [], set()
    for _, soup in _pages(built_book):
        for div in soup.select("div.cx-exercise[data-cx-type$='_choice']"):
            key = _key(div)
            if key["id"] in seen:
                continue
            seen.add(key["id"])
            correct = {c["id"]: c["correct"] for c in key["choices"]}
            shown = [(div.find("label", attrs={"for": box["id"]}).get_text(), correct[box["value"]])
                     for box in div.select("input[type=radio], input[type=checkbox]")]
            questions.append((key["type"], shown))
    figures = answer_figures(questions)
    assert figures["singles"] >= 20 and figures["multiples"] >= 10, figures
    assert figures["top_position_share"] <= MAX_SHARE_AT_ONE_POSITION, figures
    assert figures["longest_share"] <= MAX_SHARE_LONGEST, figures
    assert figures["first_correct_share"] <= MAX_SHARE_FIRST_CORRECT, figures


def _spellings(value: float) -> list[str]:
    text = f"{value:g}"
    return [text, text.replace(".", ",")] if "." in text else [text]


def printed_nearby(answer: float, text: str) -> bool:
    """True when the answer, as a number of its own (not part of a longer one), is in the text."""
    return any(re.search(rf"(?<![\d.,]){re.escape(s)}(?![\d]|[.,]\d)", text) for s in _spellings(answer))


def _text_before(div) -> str:
    parts = []
    for node in div.find_all_previous(string=True):
        if node.find_parent(class_="cx-exercise") is not None:
            if parts:  # the previous exercise ends the stretch of text that leads to this one
                break
            continue
        if node.parent.name in ("script", "style"):
            continue
        parts.append(str(node))
        if sum(map(len, parts)) > NEARBY_CHARS:
            break
    return " ".join(reversed(parts))[-NEARBY_CHARS:]


def test_numeric_answers_are_rarely_printed_just_above_their_question(built_book):
    nearby, total = [], 0
    for path, soup in _pages(built_book):
        for div in soup.select("div.cx-exercise[data-cx-type='numeric']"):
            total += 1
            key = _key(div)
            if printed_nearby(key["answer"], _text_before(div)):
                nearby.append(f"{path.name}: {key['id']} ({key['answer']:g})")
    assert total >= 15
    assert len(nearby) <= MAX_SHARE_NUMERIC_NEARBY * total, nearby


def test_the_nearby_search_finds_a_printed_answer_and_not_a_longer_number():
    assert printed_nearby(52, "In all, 52% of managers") and printed_nearby(3.5, "about 3,5 hours")
    assert not printed_nearby(52, "in 1952, 152 firms, 5.2 or 52.5") and not printed_nearby(34.6, "34.61")
