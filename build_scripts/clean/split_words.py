"""Rule: words split by a stray space in the PDF extraction (``transnat ionale``).

Guarantee: two fragments are joined only when the joined word is a known
word, at least one fragment is rare on its own, and the joined word is much
more frequent than that fragment — so ordinary word pairs (``sur tout``,
``can not``) are never merged. Capitalised second fragments are never joined.
A single letter that cannot stand alone in the language (``qu i``, ``trait e``,
``su r``; the table's ``standalone_letters`` can) counts as a fragment whatever
its frequency, since wordfreq counts letters as words; item labels (``b)``)
are never joined.
"""

from __future__ import annotations

import re

from ..lang import language
from .lexicon import KNOWN, zipf

_WORD = re.compile(r"[^\W\d_]+")
RARE = 4.0  # a fragment rarer than this (about 1 per 100,000 words) may be half of a word
MARGIN = 1.2  # the joined word must be this much (about 16 times) more frequent than the rare fragment


def should_join(head: str, tail: str, lang: str) -> bool:
    """True when ``head tail`` is one word split in two."""
    if not tail[0].islower():
        return False
    joined = zipf(head + tail, lang)
    rare = min(_frequency(head, lang), _frequency(tail, lang))
    return joined >= KNOWN and rare < RARE and joined >= rare + MARGIN


def _frequency(fragment: str, lang: str) -> float:
    """A fragment's Zipf frequency; 0 for a letter that is not a word on its own."""
    if len(fragment) == 1 and fragment.lower() not in language(lang)["standalone_letters"]:
        return 0.0
    return zipf(fragment, lang)


def repair(text: str, lang: str) -> str:
    """Join every split word of *text*, scanning word pairs left to right.

    When a fragment could join either neighbour (``la t raite``), it joins the
    one giving the more frequent word (``traite``, not ``lat``).
    """
    words = list(_WORD.finditer(text))
    out, pos, prev = [], 0, None
    for k, word in enumerate(words):
        following = words[k + 1] if k + 1 < len(words) else None
        if prev is not None and _join(text, prev, word, lang) and not _better_ahead(text, prev, word, following, lang):
            out.append(text[pos : prev.end()])  # drop the single space
            pos = word.start()
            prev = None  # a joined word is not joined again in this pass
            continue
        prev = word
    out.append(text[pos:])
    return "".join(out)


def _join(text: str, head: re.Match, tail: re.Match, lang: str) -> bool:
    return _splittable(text, head, tail) and should_join(head.group(), tail.group(), lang)


def _better_ahead(text: str, head: re.Match, tail: re.Match, following: re.Match | None, lang: str) -> bool:
    """*tail* makes a more frequent word with the *following* fragment than with *head*."""
    if following is None or not _join(text, tail, following, lang):
        return False
    return zipf(tail.group() + following.group(), lang) > zipf(head.group() + tail.group(), lang)


def _splittable(text: str, head: re.Match, tail: re.Match) -> bool:
    """The two words are separated by exactly one space and stand alone."""
    if text[head.end() : tail.start()] != " ":
        return False
    before = text[max(0, head.start() - 8) : head.start()].rstrip(" ")[-1:] or " "  # a bounded look: linear time
    after = text[tail.end() : tail.end() + 8].lstrip(" ")[:1] or " "  # "l ’infraction": l belongs to the apostrophe
    return before not in "’'-(" and after not in "’'-)" and not after.isdigit()
