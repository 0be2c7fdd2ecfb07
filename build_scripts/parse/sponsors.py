"""Parse helper: a sponsor list (``Belarus, Bosnia and Herzegovina and Cuba``) -> names.

UN drafts name their sponsors in one sentence ending in ``: draft
resolution``, separated by commas and a final ``and`` (``et``). Several
States' names hold that word themselves (``Antigua and Barbuda``,
``United Kingdom of Great Britain and Northern Ireland``, ``Trinité-et-Tobago``
is safe, ``Saint-Vincent-et-les Grenadines`` too).

Guarantee of :func:`split`: a name of the States catalog
(``data/entities/states.yml``, official names and aliases, both languages)
is never cut; names are returned in the printed order, stripped, with the
asterisk of a note (``Palau:*``) removed.
"""

from __future__ import annotations

import functools

from ..entities.catalog import load_catalog
from ..lang import Language


@functools.lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """Every State name of the catalog, lower-cased."""
    names = set()
    for entity in load_catalog().by_kind("state"):
        names.update(n.lower() for n in (entity.name_fr, entity.name_en, *entity.aliases))
    return frozenset(names)


def split(text: str, lang: Language) -> tuple[str, ...]:
    """``Allemagne, France et Italie`` -> three names (see module docstring)."""
    separators = lang["sponsor_separators"]
    comma, words = separators[0], list(separators[1:])
    names: list[str] = []
    for part in text.replace("*", " ").split(comma):
        names += _split_words(" ".join(part.split()), words)
    return tuple(n for n in names if n)


def _split_words(part: str, words: list[str]) -> list[str]:
    """Cut *part* at the list word (`` and ``), keeping catalogue names whole."""
    pieces = [part]
    for word in words:
        pieces = [p for piece in pieces for p in piece.split(word)]
    out: list[str] = []
    i = 0
    while i < len(pieces):
        best = i  # the longest run of pieces, joined back with the word, that is a known name
        for j in range(i + 1, len(pieces)):
            joined = words[0].join(pieces[i : j + 1])
            if joined.lower() in _known():
                best = j
        out.append(words[0].join(pieces[i : best + 1]).strip())
        i = best + 1
    return out
