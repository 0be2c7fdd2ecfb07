"""Footnote markers set apart after a closing quote and its comma (``parse/notes.py``, English PDF
habit): one test per case of the rule, positive and negative."""

from __future__ import annotations

import pytest

from build_scripts.clean.lines import NOTE_CLOSE, NOTE_OPEN
from build_scripts.parse.notes import mark_pdf


def marked(text: str, marker: str = "17") -> str:
    (out,) = mark_pdf([(text, 1)], [(marker, 5)], after_punctuation=True, months=frozenset({"december"}))
    return out.replace(NOTE_OPEN, "[").replace(NOTE_CLOSE, "]")


@pytest.mark.parametrize("text, expected", [
    # the next resolution of a list follows the marker (A/RES/80/190: the marker ended its line)
    ("entitled “Rights of the child”, 17 56/5 of 10 July 2024, entitled",
     "entitled “Rights of the child”,[17] 56/5 of 10 July 2024, entitled"),
    ("entitled “Rights of the child”, 17 and 56/5", "entitled “Rights of the child”,[17] and 56/5"),
    ("entitled “Rights of the child”,17", "entitled “Rights of the child”,[17]"),
])
def test_a_marker_after_a_quote_and_its_comma(text, expected):
    assert marked(text) == expected


@pytest.mark.parametrize("text", [
    "entitled “Rights of the child”, 17 5 of them",        # a number, not a symbol, follows: a count
    "entitled “Rights of the child”, 17 December 2024",     # a date
    "the reports of 2024, 17 56/5",                         # no quote before the comma
])
def test_a_number_after_a_quote_and_its_comma_that_is_no_marker(text):
    assert "[" not in marked(text)
