"""Rule: joining two lines, with line-end hyphenation versus real hyphens.

Guarantee: a hyphen at the end of a line is dropped only when the joined word
is a known word of the language and the hyphenated form is not a compound the
language uses (``sous-régionaux``, ``soixante-septième``, ``self-employment``
keep their hyphen; ``organi-`` + ``sation`` becomes ``organisation``); a
kept hyphen is never followed by a space (``Haut-`` + ``Commissariat``,
``Secretary-`` + ``General`` give ``Haut-Commissariat``, ``Secretary-General``);
a range of numbers broken at its dash is joined whole (``2015–`` + ``2030``).
"""

from __future__ import annotations

import re

from .lexicon import known, zipf

_END = re.compile(r"([^\W\d_]+)-$")
_START = re.compile(r"^([^\W\d_]+)")
_RANGE_END = re.compile(r"\d[–-]$")


def join(left: str, right: str, lang: str) -> str:
    """Join two consecutive lines of one paragraph into one string."""
    left, right = left.rstrip(), right.strip()
    if not left:
        return right
    if not right:
        return left
    if _RANGE_END.search(left[-2:]) and right[0].isdigit():
        return left + right  # "2015–" + "2030": a range of numbers broken at its dash
    end, start = _END.search(left[-80:]), _START.match(right)  # only the tail: joins stay linear
    if end and right[0].isalnum():
        if start and right[0].islower() and dehyphenate(end.group(1), start.group(1), lang):
            return left[:-1] + right
        return left + right
    return f"{left} {right}"


def dehyphenate(head: str, tail: str, lang: str) -> bool:
    """True when ``head-`` / ``tail`` is a word broken at the line end."""
    joined = head + tail
    if not known(joined, lang):
        return False
    return zipf(joined, lang) > zipf(f"{head}-{tail}", lang)
