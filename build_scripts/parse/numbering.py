"""Sequences of paragraph and item labels: 1, 2, 3; I, II; A, B; a), b); i), ii).

Guarantee: each counter accepts only the label that comes next, so a year at
the start of a line (``2012. Chaque document``) is never taken for paragraph
2012, nor a letter for an item out of turn.
"""

from __future__ import annotations

import string

_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
          "xvi", "xvii", "xviii", "xix", "xx"]


def roman(n: int) -> str:
    """1 -> ``i`` (lower case; n ≤ 20)."""
    return _ROMAN[n - 1] if 0 < n <= len(_ROMAN) else str(n)


def roman_value(label: str) -> int | None:
    """``iv`` -> 4, ``IV`` -> 4; None when not a roman numeral we use."""
    label = label.lower()
    return _ROMAN.index(label) + 1 if label in _ROMAN else None


def letter_value(label: str) -> int | None:
    """``a`` -> 1, ``C`` -> 3; None for anything else."""
    if len(label) == 1 and label.lower() in string.ascii_lowercase:
        return string.ascii_lowercase.index(label.lower()) + 1
    return None


class Counter:
    """The next expected value of one label sequence (1-based)."""

    def __init__(self) -> None:
        self.last = 0

    def accepts(self, value: int | None, slack: int = 0) -> bool:
        return value is not None and self.last < value <= self.last + 1 + slack

    def take(self, value: int) -> None:
        self.last = value

    def reset(self) -> None:
        self.last = 0
