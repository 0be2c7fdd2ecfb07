"""Text normalisation shared by the index (here) and the query (``search.js``).

Every rule below has a line-for-line twin in ``search.js``; the parity tests
run both on every word of the seed corpus and compare the output.

Tokenization (:func:`tokenize`)
    1. The text is put in Unicode NFC and every apostrophe look-alike
       (``’ ʼ ‘ ` ´``) becomes ``'``; both steps keep offsets valid for the
       NFC text, which is what the search store keeps.
    2. A *word* is a maximal run of letters and digits (Unicode categories
       L* and N*; Python's ``[^\\W_]``, JavaScript's ``[\\p{L}\\p{N}]``).
       Everything else separates words: spaces, punctuation, hyphens
       (``États-Unis`` gives ``états`` and ``unis``), underscores.
    3. *Document symbols* stay whole: words joined by ``/`` or ``.`` (no space)
       form one token when the run holds at least one ``/`` and one ASCII
       digit: ``74/176``, ``2015/23``, ``A/RES/74/176``, ``A/C.3/74/L.20``.
       A trailing full stop is not part of it (``74/176.`` gives ``74/176``).
       A symbol with a ``RES/`` part also yields its short form as an *alias*
       token at the same offsets: ``A/RES/74/176`` gives ``a/res/74/176`` and
       ``74/176``; ``E/RES/2015/23`` gives ``2015/23``; ``S/RES/2388`` gives
       ``2388``. Plain numbers (``2388``) are ordinary words. Runs without a
       digit or without a slash split as usual (``et/ou``, ``U.N.``).
    4. *Elision*: a word of :data:`ELISIONS` directly followed by ``'`` and a
       letter is dropped (``l’Office`` → ``office``, ``qu’elle`` → ``elle``,
       ``jusqu’à`` → ``à``). Other apostrophes separate words
       (``aujourd’hui`` → ``aujourd``, ``hui``; ``Secretary-General's`` →
       ``secretary``, ``general``, ``s``; single letters are stop words).
    5. Tokens are lower-cased (``str.lower`` / ``toLowerCase``), accents kept:
       the French stemmer needs them. Accents are folded after stemming
       (see :mod:`build_scripts.search.pipeline`).

Folding (:func:`fold`): ligatures and a few letters without a decomposition
are spelled out (``œ``→``oe``, ``æ``→``ae``, ``ß``→``ss``, ``ø``→``o``, ``ł``→``l``,
``đ``/``ð``→``d``, ``þ``→``th``), then NFD, non-spacing marks (category Mn)
removed, NFC again.

Unicode data: Python uses its own tables (3.11: Unicode 14), JavaScript the
engine's ICU tables; the two only differ on characters assigned after
Unicode 14, which do not occur in UN documents.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

#: Elided French words: ``l’``, ``d’``, ``qu’``, ``jusqu’``… dropped before a word.
ELISIONS = frozenset(
    "l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu quelqu".split()
)

#: Characters read as an apostrophe (each becomes ``'``).
APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"

#: Letters that folding spells out (NFD gives them no base letter).
LIGATURES = {
    "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ẞ": "SS",
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
    "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
}

_APOSTROPHE_RE = re.compile("[" + re.escape(APOSTROPHES[1:]) + "]")
_WORD_RE = re.compile(r"[^\W_]+")
DIGIT_RE = re.compile(r"[0-9]")  # a token holding a digit: a number or a symbol part (74/176)
_ALIAS_RE = re.compile(r"(?:^|/)res/(.+)$")
_LIGATURE_TABLE = str.maketrans(LIGATURES)
_JOINERS = "/."


class Token(NamedTuple):
    """A token: ``term`` (lower case, accents kept) at ``[start, end)`` of the NFC text."""

    term: str
    start: int
    end: int
    alias: bool = False  # a symbol's short form, at the same offsets as the symbol


def prepare(text: str) -> str:
    """NFC, apostrophes unified: the string :func:`tokenize` offsets refer to.

    Apostrophe replacement keeps lengths, so offsets are valid for ``nfc(text)``
    as well (which is what the store keeps for display).
    """
    return _APOSTROPHE_RE.sub("'", unicodedata.normalize("NFC", text))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def symbol_alias(term: str) -> str | None:
    """The short form of a lower-case symbol token: ``a/res/74/176`` → ``74/176``."""
    match = _ALIAS_RE.search(term)
    if match is None or match.group(1) == term:
        return None
    return match.group(1)


def tokenize(text: str) -> list[Token]:
    """Split *text* into tokens (see the module docstring for the rules)."""
    s = prepare(text)
    n = len(s)
    tokens: list[Token] = []
    pos = 0
    while True:
        match = _WORD_RE.search(s, pos)
        if match is None:
            break
        start, end = match.span()
        # A run of words joined by "/" or "." is a symbol candidate.
        k = end
        slash = False
        while k + 1 < n and s[k] in _JOINERS:
            nxt = _WORD_RE.match(s, k + 1)
            if nxt is None:
                break
            if s[k] == "/":
                slash = True
            k = nxt.end()
        if k > end and slash and DIGIT_RE.search(s, start, k):
            term = s[start:k].lower()
            tokens.append(Token(term, start, k))
            alias = symbol_alias(term)
            if alias:
                tokens.append(Token(alias, start, k, True))
            pos = k
            continue
        word = s[start:end].lower()
        if (
            end + 1 < n
            and s[end] == "'"
            and word in ELISIONS
            and _WORD_RE.match(s, end + 1)
        ):
            pos = end + 1
            continue
        tokens.append(Token(word, start, end))
        pos = end
    return tokens


def fold(term: str) -> str:
    """Accent folding: ``états`` → ``etats``, ``œuvre`` → ``oeuvre``."""
    if term.isascii():
        return term
    term = unicodedata.normalize("NFD", term.translate(_LIGATURE_TABLE))
    term = "".join(ch for ch in term if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", term)


def expand_ligatures(term: str) -> str:
    """Ligatures only (accents kept), for the stemmer: ``œuvre`` → ``oeuvre``."""
    return term.translate(_LIGATURE_TABLE)


def phrase_key(text: str) -> str:
    """Folded words of *text* joined by single spaces, stop words kept.

    Phrase search checks ``" " + phrase_key(phrase) + " "`` inside
    ``" " + phrase_key(paragraph) + " "``; symbol aliases are left out so the
    word sequence is the printed one.
    """
    return " ".join(fold(tok.term) for tok in tokenize(text) if not tok.alias)
