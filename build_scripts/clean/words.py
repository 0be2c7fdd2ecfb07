"""The word-level repairs applied to a paragraph's joined text, in order.

Guarantee: :func:`repair` only joins fragments, drops stray spaces and
normalises apostrophes and spacing; it never removes a letter or a digit.
"""

from __future__ import annotations

from . import apostrophes, spacing, split_words

RULES = (split_words.repair, apostrophes.repair, spacing.repair)


def repair(text: str, lang: str) -> str:
    """Apply every word rule to *text*."""
    for rule in RULES:
        text = rule(text, lang)
    return text
