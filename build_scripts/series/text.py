"""Text keys and word diffs for comparing paragraphs across documents.

Two normalisations, both pure and idempotent:

* :func:`clean` is *light*: Unicode compatibility forms (NBSP, narrow NBSP,
  ligatures), every apostrophe variant turned into the archive's ``’`` (and the PDF artefact
  ``l ’Office`` glued back), runs of whitespace collapsed, ends stripped.
  Two paragraphs whose cleaned texts are equal are *unchanged*.
* :func:`fold` is *aggressive*, for fuzzy matching only: :func:`clean`, then
  accents removed, case folded, ``œ``/``æ`` spelt out, punctuation dropped,
  words joined by single spaces.

:func:`word_diff` gives word-level operations between two texts.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_APOSTROPHES = re.compile("['\u2018\u02bc\u02b9\u0060\u00b4\u2032]")
_GLUED_APOSTROPHE = re.compile(r"(?<=\w) ?’ ?(?=\w)")
_SPACES = re.compile(r"\s{2,}|[^\S ]")
_WORDS = re.compile(r"\w+")
#: A token is a word (with inner apostrophes/hyphens) or one punctuation
#: sign, with the whitespace that precedes it.
_TOKEN = re.compile(r"\s*(?:\w+(?:[’\-]\w+)*|[^\w\s])")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def clean(text: str) -> str:
    """Whitespace- and apostrophe-normalised *text*; the key of ``unchanged``."""
    text = _APOSTROPHES.sub("’", unicodedata.normalize("NFKC", text))
    text = _SPACES.sub(" ", text).strip()
    if " ’" in text or "’ " in text:
        text = _GLUED_APOSTROPHE.sub("’", text)
    return text


def fold(text: str) -> str:
    """Accent-free, lower-case words of *text* separated by single spaces."""
    return fold_clean(clean(text))


def fold_clean(text: str) -> str:
    """:func:`fold` of a text that is already ``clean`` (skips that step)."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(_WORDS.findall(text))


def tokens(text: str) -> list[str]:
    """Tokens of ``clean(text)``, each with its leading whitespace.

    Guarantee: ``"".join(tokens(t)) == clean(t)``.
    """
    return _TOKEN.findall(clean(text))


def word_diff(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """Word-level operations turning *a* into *b*.

    Each op is ``(kind, words)`` with kind ``"equal"``, ``"delete"`` or
    ``"insert"``; *words* keeps the whitespace before each word, so that
    joining the ``equal`` and ``insert`` parts gives ``clean(b)`` exactly and
    joining the ``equal`` and ``delete`` parts gives ``clean(a)`` up to
    spacing (equal runs are quoted from *b*). A replacement is a ``delete``
    followed by an ``insert``. Identical texts give one ``equal`` op (none if
    both are empty).
    """
    ta, tb = tokens(a), tokens(b)
    matcher = SequenceMatcher(None, [t.strip() for t in ta], [t.strip() for t in tb], autojunk=False)
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("equal", "".join(tb[j1:j2])))
            continue
        if i2 > i1:
            ops.append(("delete", "".join(ta[i1:i2])))
        if j2 > j1:
            ops.append(("insert", "".join(tb[j1:j2])))
    return tuple(ops)


def slug(text: str) -> str:
    """ASCII ``[a-z0-9-]`` slug of *text* (may be empty)."""
    return "-".join(fold(text).encode("ascii", "ignore").decode().replace("_", " ").split())
