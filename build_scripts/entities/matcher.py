"""Mention detection: where a text names a State, organization, instrument or SDG target.

Guarantees of :func:`find_mentions`, for any string:

* it never raises (except ValueError for a language other than ``fr``/``en``);
  the mentions come sorted by start, never overlap, and each has
  ``text == input[start:end]``;
* whole words only: the text is cut into tokens (runs of letters and digits,
  ``5.2``-style numbers, single punctuation marks), and a name starts and
  ends on a token; ``ONUDC`` never matches inside ``XONUDC``;
* leftmost, then longest: scanning left to right, the longest known form
  starting at a token wins, so ``Conseil de l’Europe`` is one mention and
  ``Organisation des États américains`` hides no State;
* spelling tolerance: whitespace of any kind (line breaks, non-breaking
  spaces, none) between tokens is ignored, hyphens are separators
  (``Haut Commissariat`` = ``Haut-Commissariat``), the apostrophes ’ ' ‘ ʼ
  are one; an elided or contracted article (``l’``, ``d’``, ``du``) stays out
  of the mention;
* case: acronyms and one-word names are case-sensitive (``OIT``, ``Maroc``,
  never ``oit``, ``grenade``); in names of several words each word's first
  letter may change case (``fonds de contributions volontaires``), nothing
  else, and all-capital words (``ONU`` in ``ONU-Femmes``) never;
* only the forms of *language* are used, plus acronyms (language-neutral);
* decoys (``Irlande du Nord``) are consumed without producing a mention;
* weak back-references (``l’Office``, ``le Protocole``, ``le Plan d’action``)
  count only after their entity was mentioned earlier in the text or is in
  *context_slugs* (taken as mentioned before the text, in order); they go to
  the most recently mentioned candidate, and are dropped when followed by a
  complement (``l’Office de secours``) or preceded by a capitalized word
  that is not an article (``International Labour Office``);
* SDG targets are found by number after ``cible(s)``/``target(s)`` (see
  :mod:`.targets`) where no other mention covers them.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from dataclasses import dataclass
from typing import Iterable

from .catalog import Catalog, CatalogError, Entity, Mention, load_catalog
from .targets import target_mentions

_TOKEN = re.compile(r"\d+(?:\.\d+)+|\w+|[^\w\s]")
_HYPHENS = frozenset("-\u2010\u2011")
_APOSTROPHES = str.maketrans({c: "\u2019" for c in "'\u2018\u02bc`\u00b4"})
_END = ""  # trie key of the forms ending at a node (no token is empty)
# Words after which a weak back-reference is a different thing ("l'Office de secours").
_COMPLEMENTS = frozenset(
    "de des du d pour sur contre relatif relative relatifs relatives national nationale nationaux "
    "nationales régional régionale régionaux régionales conjoint conjointe facultatif additionnel "
    "spécial spéciale commun commune international internationale".split()
)
# Capitalized words that may stand before a weak back-reference ("Le Haut-Commissariat").
_ARTICLES = frozenset("le la les l du des de d au aux à ce cet cette son sa ses leur leurs et ou".split())


@dataclass(frozen=True)
class _Form:
    entity: Entity | None
    words: tuple[str, ...]
    tolerant: tuple[bool, ...]  # per word: may its first letter change case?


@dataclass(frozen=True)
class _Tokens:
    words: list[str]
    keys: list[str]
    starts: list[int]
    ends: list[int]


def find_mentions(
    text: str,
    language: str = "fr",
    catalog: Catalog | None = None,
    context_slugs: Iterable[str] = (),
) -> list[Mention]:
    """Every mention of a catalog entity in *text* (see module docstring)."""
    catalog = catalog or load_catalog()
    main, weak = _tries(catalog, language)
    toks = tokenize(text)
    found = [
        Mention(e, toks.starts[i], toks.ends[j - 1], sys.intern(text[toks.starts[i]:toks.ends[j - 1]]))  # one string a form
        for e, i, j in _scan(toks, main, weak, list(context_slugs))
    ]
    return _merge(found, target_mentions(text, catalog))


def tokenize(text: str) -> _Tokens:
    """Tokens of *text* without whitespace and hyphens, apostrophes unified."""
    toks = _Tokens([], [], [], [])
    for m in _TOKEN.finditer(text):
        word = m.group().translate(_APOSTROPHES)
        if word in _HYPHENS:
            continue
        toks.words.append(word)
        toks.keys.append(word.casefold())
        toks.starts.append(m.start())
        toks.ends.append(m.end())
    return toks


@functools.lru_cache(maxsize=8)
def _tries(catalog: Catalog, language: str) -> tuple[dict, dict]:
    """Token tries of the strong and weak forms; raises CatalogError on a form
    that names two different entities."""
    main: dict = {}
    weak: dict = {}
    seen: dict[tuple[str, ...], Entity | None] = {}
    for surface in catalog.surfaces(language):
        words = tuple(tokenize(surface.text).words)
        if not surface.weak:
            if seen.setdefault(words, surface.entity) != surface.entity:
                raise CatalogError(f"{language} form {surface.text!r} names two entities")
        form = _Form(surface.entity, words, _tolerance(words, surface.weak))
        node = weak if surface.weak else main
        for word in words:
            node = node.setdefault(word.casefold(), {})
        node.setdefault(_END, []).append(form)
    return main, weak


def _tolerance(words: tuple[str, ...], weak: bool) -> tuple[bool, ...]:
    if weak or sum(w[0].isalnum() for w in words) < 2:
        return (False,) * len(words)
    return tuple(w[0].isalpha() and not (len(w) > 1 and w.isupper()) for w in words)


def _scan(toks: _Tokens, main: dict, weak: dict, context: list[str]) -> list[tuple[Entity, int, int]]:
    """(entity, first token, end token) of each mention, left to right."""
    recency = {slug: n for n, slug in enumerate(context)}
    out: list[tuple[Entity, int, int]] = []
    i = 0
    while i < len(toks.keys):
        end, entity = _strong(toks, i, main)
        if not end:
            end, entity = _weak(toks, i, weak, recency)
        if not end:
            i += 1
            continue
        if entity is not None:
            out.append((entity, i, end))
            recency[entity.slug] = len(context) + len(out)
        i = end
    return out


def _walk(trie: dict, keys: list[str], i: int) -> list[tuple[int, list[_Form]]]:
    """(end, forms) of every form whose keys start at token *i*, shortest first."""
    node, found = trie, []
    for j in range(i, len(keys)):
        node = node.get(keys[j])
        if node is None:
            break
        if _END in node:
            found.append((j + 1, node[_END]))
    return found


def _fits(form: _Form, words: list[str]) -> bool:
    return all(
        w == f or (tol and w[1:] == f[1:] and w[:1].lower() == f[:1].lower())
        for w, f, tol in zip(words, form.words, form.tolerant)
    )


def _strong(toks: _Tokens, i: int, trie: dict) -> tuple[int, Entity | None]:
    """Longest strong form at token *i*: (end, entity or None for a decoy), or (0, None)."""
    for end, forms in reversed(_walk(trie, toks.keys, i)):
        for form in forms:
            if _fits(form, toks.words[i:end]):
                return end, form.entity
    return 0, None


def _weak(toks: _Tokens, i: int, trie: dict, recency: dict[str, int]) -> tuple[int, Entity | None]:
    """Longest acceptable weak form at token *i*, resolved to the most recent candidate."""
    for end, forms in reversed(_walk(trie, toks.keys, i)):
        candidates = [f.entity for f in forms if f.entity.slug in recency and _fits(f, toks.words[i:end])]
        if candidates and _weak_fits(toks, i, end):
            return end, max(candidates, key=lambda e: recency[e.slug])
    return 0, None


def _weak_fits(toks: _Tokens, i: int, end: int) -> bool:
    if end < len(toks.keys) and toks.keys[end] in _COMPLEMENTS:
        return False
    before = toks.words[i - 1] if i else ""
    return not (before[:1].isupper() and before.casefold() not in _ARTICLES)


def _merge(found: list[Mention], targets: list[Mention]) -> list[Mention]:
    """*found* plus the target mentions that overlap none of them, sorted by start."""
    starts = [m.start for m in found]
    kept = []
    for t in targets:
        k = bisect.bisect_left(starts, t.end)  # mentions starting before t ends: found[:k]
        if not (k and found[k - 1].end > t.start):
            kept.append(t)
    return sorted(found + kept, key=lambda m: m.start)
