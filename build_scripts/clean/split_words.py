"""Rule: words split by a stray space in the PDF extraction (``transnat ionale``).

Guarantee: two fragments are joined only when the joined word is a known
word, at least one fragment is rare on its own, and the joined word is much
more frequent than that fragment — so ordinary word pairs (``sur tout``,
``can not``) are never merged. Capitalised second fragments are never joined.
"""

from __future__ import annotations

import re

from .lexicon import KNOWN, zipf

_WORD = re.compile(r"[^\W\d_]+")
RARE = 4.0  # a fragment rarer than this (about 1 per 100,000 words) may be half of a word
MARGIN = 1.2  # the joined word must be this much (about 16 times) more frequent than the rare fragment


def should_join(head: str, tail: str, lang: str) -> bool:
    """True when ``head tail`` is one word split in two."""
    if not tail[0].islower():
        return False
    joined = zipf(head + tail, lang)
    rare = min(zipf(head, lang), zipf(tail, lang))
    return joined >= KNOWN and rare < RARE and joined >= rare + MARGIN


def repair(text: str, lang: str) -> str:
    """Join every split word of *text*, scanning word pairs left to right."""
    words = list(_WORD.finditer(text))
    out, pos, prev = [], 0, None
    for word in words:
        if prev is not None and _splittable(text, prev, word) and should_join(prev.group(), word.group(), lang):
            out.append(text[pos : prev.end()])  # drop the single space
            pos = word.start()
            prev = None  # a joined word is not joined again in this pass
            continue
        prev = word
    out.append(text[pos:])
    return "".join(out)


def _splittable(text: str, head: re.Match, tail: re.Match) -> bool:
    """The two words are separated by exactly one space and stand alone."""
    if text[head.end() : tail.start()] != " ":
        return False
    before = text[head.start() - 1] if head.start() else " "
    after = text[tail.end()] if tail.end() < len(text) else " "
    return before not in "’'-" and after not in "’'-" and not after.isdigit()
