"""Heads of common terms: the first documents of a one-word query, without the whole posting list.

The postings of a common word hold every record that has it: at 50,000 documents,
tens of thousands. A query of that one word shows its first 20 documents (50 on the
results page) and two counts; :func:`heads` precomputes, for a term with more than
:data:`HEAD_MIN` postings, what that needs, so that only a small part is fetched:

* for each exact form ``f`` of the term (and for ``""``: a typed word that is not one of
  them), the postings of the term *in the first* :data:`HEAD_DOCS` *documents* of the
  ranking of the one-word query, all of that document's postings (so that each document's
  best paragraphs and its count are exact);
* the counts: records of the ``text`` field (paragraphs) and documents.

The ranking is :func:`~build_scripts.search.rank.order`'s for one required clause: document
records first (AND mode), then the records holding the word as typed, then the score, then
record order. For one clause, lunr's score of a record is the sum of its field weights for
the term, field by field in index order (the query vector is the unit vector of the term):
computed here with the same float operations as lunr (tested: the heads' documents and
hits are those of the whole index, in the same order). Documents are grouped in order of
their first record, as the search box groups them.

A query uses a head only when it is one word with no filter, no phrase, no wildcard and no
symbol token, and asks for at most :data:`HEAD_DOCS` documents; several words, a filter or
more documents go through the impact tiers (:mod:`.tiered`), and a phrase, a wildcard, a
symbol or every match (no ``groups``) fetch the whole list (``search/tails/<term number>.json``).
"""

from __future__ import annotations

import bisect
import itertools
from typing import Sequence

from build_scripts.search.rank import _rounded

HEAD_MIN = 2000  # postings from which a term gets heads (and its list its own file)
HEAD_DOCS = 50  # documents in a head: a page of the results page


def _records(columns: Sequence) -> dict[tuple[int, int], list]:
    """Per record (doc, local): ``[score, document, mask]``, its weights summed field by field,
    whether a field past the text holds it, its exact forms (columns with absolute docs)."""
    out: dict[tuple[int, int], list] = {}
    for f, column in enumerate(columns):
        if not column:
            continue
        docs, locals_, weights, masks = column
        for key, weight, mask in zip(zip(docs, locals_), weights, masks or itertools.repeat(0)):
            rec = out.get(key)
            value = weight / 1000  # as the searcher loads it
            if rec is None:
                out[key] = [value, f > 0, mask]
            else:
                rec[0] += value
                rec[1] = rec[1] or f > 0
                rec[2] |= mask
    return out


def heads(columns: Sequence, forms: Sequence[str], head_docs: int = HEAD_DOCS) -> tuple[dict, list[int]]:
    """``({form: columns restricted to the head}, [paragraphs, documents])`` for one term.

    *columns*: per field ``0`` or ``[docs, locals, weights, masks]`` with absolute document
    numbers and integer masks (``0`` for none).

    The ranking key of a record for form *f* is ``(not document, not holds f, -score, doc,
    local)``: the records are sorted once without the form's part, and each form's order is
    read off that one order, group by group (document records holding *f*, the other document
    records, then the same for the rest), until :data:`HEAD_DOCS` documents are found.
    """
    records = _records(columns)
    base = sorted(((not document, -_rounded(score), doc, local, mask)
                   for (doc, local), (score, document, mask) in records.items()))
    split = next((i for i, row in enumerate(base) if row[0]), len(base))  # document records first
    held_by_bit: dict[int, list[int]] = {}
    for i, row in enumerate(base):
        mask, bit = row[4], 0
        while mask:
            if mask & 1:
                held_by_bit.setdefault(bit, []).append(i)
            mask >>= 1
            bit += 1
    out = {}
    for bit, form in [(None, "")] + list(enumerate(forms)):
        held = held_by_bit.get(bit, []) if bit is not None else []
        held_set = set(held)
        groups = ([i for i in held if i < split], (i for i in range(split) if i not in held_set),
                  [i for i in held if i >= split], (i for i in range(split, len(base)) if i not in held_set))
        docs: set[int] = set()
        for i in itertools.chain(*groups):
            docs.add(base[i][2])
            if len(docs) == head_docs:
                break
        out[form] = restrict(columns, docs)
    paragraphs = len(columns[0][0]) if columns[0] else 0
    return out, [paragraphs, len({doc for doc, _ in records})]


def restrict(columns: Sequence, docs: set[int]) -> list:
    """*columns* with only the postings of *docs* (a column's documents are sorted: each document's
    postings are found by bisection, so a head of a few documents costs little in a long list)."""
    out = []
    for column in columns:
        if not column:
            out.append(0)
            continue
        keep: list[int] = []
        for doc in sorted(docs):
            keep.extend(range(bisect.bisect_left(column[0], doc), bisect.bisect_right(column[0], doc)))
        masks = [column[3][k] for k in keep] if column[3] else 0
        out.append([[column[0][k] for k in keep], [column[1][k] for k in keep], [column[2][k] for k in keep],
                    masks if masks and any(masks) else 0] if keep else 0)
    return out
