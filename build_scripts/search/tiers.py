"""Impact tiers, tier maps and record sets of common terms: several common words without their whole lists.

A query of several common words (``human rights``) needs, to show its first documents
and its true counts, what a common term's whole posting list (its *tail*,
``search/tails/<i>.json``) gives at a high price (all postings with weights and masks):

* **the best-scoring records first**, for the first documents: :func:`tiers` cuts the
  tail *by document*, documents ordered by their *impact* (the highest weight of any of
  their postings of the term, any field; then document number), into tiers of
  :data:`TIER_DOCS` documents, then 4 times more each time:
  ``search/tiers/<i>-<k>.json`` = ``{"p": columns}``, all the postings of the tier's
  documents (the tail's encoding: a document is whole in one tier, so that once its tier
  is in, its matches, scores and exact forms for this term are exact). The term's bucket
  entry has ``"t"``: per tier, per field, the highest weight (×1,000) of its postings;
* **which documents hold it, and in which tier**: :func:`tier_map` writes
  ``search/maps/<i>.json`` = ``{"t": [tier 0, tier 1, ...], "d": [...]}``, per tier the
  documents (delta-coded) holding the term in the ``text`` field (``t``: paragraphs) and in
  the ``title`` or ``symbol`` field (``d``: document records). Documents only, no records:
  a few bytes a document. With the bucket's maxima it bounds what a document not yet
  fetched can score, and says which tier to fetch for it (:mod:`.tiered`);
* **which records match** every word, for the true counts: :func:`record_set` writes
  ``search/sets/<i>.json``, the records holding the term, without weights or masks:
  ``{"t": [docs, counts, locals], "d": [docs, counts, locals]}`` — per document holding it
  (``docs``, delta-coded) the number of its records that do (``counts``), and their numbers
  inside it (``locals``, delta-coded from 0 in each document): about half the gzipped size
  of the tail, and far more than the map; fetched after the first results are shown (or
  when a query would need deep tiers: the records narrow the candidates).

Guarantees (tested against the tail): the tiers partition the tail's postings (every
posting in exactly one tier, in record order inside each); the maxima are exact; a map
lists exactly the documents of each tier, per field group; a set holds exactly the
records of the tail, per field group. Deterministic.
"""

from __future__ import annotations

from typing import Sequence

from build_scripts.search.heads import restrict

TIER_DOCS = 64  # documents in the first tier
TIER_GROWTH = 4  # each tier holds this many times the documents of the previous one


def deltas(values: Sequence[int]) -> list[int]:
    """Sorted numbers as differences from the previous one (the first from 0): the form every
    list of document or record numbers takes in the search files (gzip likes small numbers)."""
    out, last = [], 0
    for v in values:
        out.append(v - last)
        last = v
    return out


def encode_records(pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Sorted ``(doc, local)`` pairs → ``[doc deltas, counts, local deltas]`` (see the docstring)."""
    docs, counts, locals_ = [], [], []
    last_doc, last_local = -1, 0
    for doc, local in pairs:
        if doc != last_doc:
            docs.append(doc - max(last_doc, 0))
            counts.append(0)
            last_doc, last_local = doc, 0
        counts[-1] += 1
        locals_.append(local - last_local)
        last_local = local
    return [docs, counts, locals_]


def decode_records(columns: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    out, doc, k = [], 0, 0
    for delta, count in zip(columns[0], columns[1]):
        doc += delta
        local = 0
        for _ in range(count):
            local += columns[2][k]
            k += 1
            out.append((doc, local))
    return out


def record_set(columns: Sequence) -> dict:
    """``{"t": ..., "d": ...}`` of a term's *columns* (absolute docs): :func:`encode_records`."""
    text = columns[0]
    pairs = sorted({(d, l) for column in columns[1:] if column for d, l in zip(column[0], column[1])})
    return {"t": encode_records(list(zip(text[0], text[1])) if text else []), "d": encode_records(pairs)}


def tier_map(columns: Sequence, tier_of: dict[int, int], count: int) -> dict:
    """``{"t": [docs of each tier], "d": [...]}`` (delta-coded; see the docstring) of a term's
    *columns* (absolute docs), *tier_of* a document's tier, *count* the number of tiers."""
    out = {}
    for name, cols in (("t", columns[:1]), ("d", columns[1:])):
        per_tier: list[list[int]] = [[] for _ in range(count)]
        for d in sorted({d for column in cols if column for d in column[0]}):
            per_tier[tier_of[d]].append(d)
        out[name] = [deltas(docs) for docs in per_tier]
    return out


def decode_map(data: dict) -> tuple[dict[int, int], set[int], set[int]]:
    """``({document: its tier}, documents of ``t``, documents of ``d``)`` of a map file."""
    tier_of: dict[int, int] = {}
    found = []
    for name in ("t", "d"):
        docs = set()
        for k, coded in enumerate(data[name]):
            for d in undelta(coded):
                tier_of[d] = k
                docs.add(d)
        found.append(docs)
    return tier_of, found[0], found[1]


def undelta(values: Sequence[int]) -> list[int]:
    """The numbers :func:`deltas` was given back (used by the Python twins of the browser)."""
    out, last = [], 0
    for v in values:
        last += v
        out.append(last)
    return out


def impact_order(columns: Sequence) -> list[int]:
    """The term's documents, highest impact first (impact: a posting's highest weight, any field)."""
    best: dict[int, int] = {}
    for column in columns:
        if not column:
            continue
        for doc, weight in zip(column[0], column[2]):
            if weight > best.get(doc, -1):
                best[doc] = weight
    return sorted(best, key=lambda d: (-best[d], d))


def tier_sizes(docs: int, first: int = TIER_DOCS, growth: int = TIER_GROWTH) -> list[int]:
    sizes, size, left = [], first, docs
    while left > 0:
        sizes.append(min(size, left))
        left -= size
        size *= growth
    return sizes


def tiers(columns: Sequence, first: int = TIER_DOCS, growth: int = TIER_GROWTH) -> tuple[list, list, dict]:
    """``(columns of each tier, maxima of each tier, {document: its tier})`` (absolute docs,
    integer masks); *maxima*: per tier, per field, the highest weight (0 if none)."""
    ordered = impact_order(columns)
    groups, start, tier_of = [], 0, {}
    for k, size in enumerate(tier_sizes(len(ordered), first, growth)):
        groups.append(set(ordered[start:start + size]))
        tier_of.update((d, k) for d in ordered[start:start + size])
        start += size
    parts = [restrict(columns, docs) for docs in groups]
    maxima = [[max(c[2]) if c else 0 for c in part] for part in parts]
    return parts, maxima, tier_of
