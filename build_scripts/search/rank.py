"""Ranking, shared by the monolithic (:mod:`.query`) and the sharded (:mod:`.sharded`) searchers.

:func:`lunr_hits` asks lunr for the records that match the parsed clauses; :func:`order`
applies the ranking rules of :mod:`.query`'s docstring to the matches, whichever index they
come from: exact words first, then the score rounded to 1e-6, then record order; in AND mode
document records first; documents named by a symbol token first. ``search.js`` has the
same three functions.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from lunr.index import Index
from lunr.query import Query, QueryPresence


def _rounded(score: float) -> int:
    return math.floor(score * 1e6 + 0.5)


def lunr_hits(index: Index, clauses: list, and_mode: bool) -> list[dict]:
    """Raw lunr results of *index* for *clauses*: ``[{ref, score, match_data}]``.

    Every clause searches every field, with the pipeline already applied; in AND mode
    a clause marked required is required; phrase clauses are always required.
    """

    def build(query: Query) -> None:
        for c in clauses:
            required = c.phrase or (and_mode and c.required)
            query.term(
                c.term,
                use_pipeline=False,
                presence=QueryPresence.REQUIRED if required else QueryPresence.OPTIONAL,
                wildcard=Query.WILDCARD_TRAILING if c.wildcard else Query.WILDCARD_NONE,
            )

    return index.query(callback=build)


class Found(NamedTuple):
    """A record that matches: its place in record order, score, matched terms, kind, document."""

    key: Any  # row, or (document, local): sorts in record order
    score: float
    terms: set
    document: bool  # a document record (title and symbol), not a paragraph
    doc: int


def order(found: list[Found], parsed, and_mode: bool, exact: dict, symbol_docs: set) -> list[Found]:
    """*found* ranked (*parsed*: a :class:`.query.ParsedQuery`; *exact*: key → number of query
    words held as typed; *symbol_docs*: documents whose symbol holds a query token)."""
    found = sorted(found, key=lambda f: (-exact.get(f.key, 0), -_rounded(f.score), f.key))
    if and_mode:  # documents whose title or symbol holds every term: the query names them
        found = [f for f in found if f.document] + [f for f in found if not f.document]
    if parsed.symbols:
        pinned, rest, seen = [], [], set()
        for f in found:
            if f.doc in symbol_docs:
                if parsed.symbol_only and f.doc in seen:
                    continue
                seen.add(f.doc)
                pinned.append(f)
            else:
                rest.append(f)
        found = pinned + rest
    return found


def highlighted(f: Found, parsed) -> set:
    """Terms to mark one by one: words of a phrase are highlighted as the phrase."""
    return f.terms & parsed.free_terms if parsed.phrases else f.terms
