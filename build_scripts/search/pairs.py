"""Heads of common pairs: the first documents of a two-word query of common words, from one small file.

Two common words (``human rights``, ``united nations``, ``general assembly``) are what
readers of UN texts type most, and the costliest query for the sharded index: each word's
list holds tens of thousands of records at 50,000 documents, and the impact tiers of
:mod:`.tiered` rank documents by one word at a time, so that the documents where *both*
words weigh most can lie deep in each word's tiers. Like a common term's heads
(:mod:`.heads`), a pair's head holds what the box needs, precomputed:

* for each combination of the typed words' exact forms (each term's :data:`PAIR_FORMS`
  forms held by most records, and ``""``: a typed word that is not one of them), the first
  :data:`~.heads.HEAD_DOCS` documents of the two-word query's ranking;
* the postings of both terms in those documents (all of each document's, so that its
  best paragraphs and its count are exact);
* the counts: the paragraphs holding both words and the documents with a record that does
  (lunr's AND: every term in some field of the record).

The ranking is :func:`~.rank.order`'s for two required clauses: document records first,
then the number of query words held as typed, then the score, then record order. lunr
scores a record field by field: the query vector holds 1 at each of the two terms, so a
field adds ``(w_a + w_b) / √2`` (a term missing from the field adds nothing); a record has
at most two fields (a paragraph its text; a document record its title and symbol), so the
sums do not depend on the order lunr adds them in: computed here with the same float
operations (tested: the heads give the documents, matches, order and counts of the whole
index).

**Which pairs.** :class:`Adjacent` counts, record by record, the pairs of distinct words
that follow one another in a record's text (each word's first term, :func:`words`, in
order of first appearance, as the analysis gives them), once both have been seen in
:data:`SEEN` records, so that
it holds the pairs of frequent terms only; a pair of common terms (with heads) counted
:data:`PAIR_MIN` times or more gets a head, the :data:`PAIR_MAX` most counted. The choice
only decides which queries take this path: any other is answered exactly by the tiers.

**Files.** ``search/pairs/<k>.json`` for ``k`` below ``meta.pairBuckets``, the number of
pairs (so about one pair a file; ``{}`` for none; no file, and no fetch, without pairs): the pairs whose key (the two terms, sorted, joined by a space) has
:func:`~.shards.bucket` ``k``, each ``{"p": [columns of the first term, of the second],
"h": {"<form a> <form b>": [documents, delta-coded]}, "n": [paragraphs, documents]}``
(columns as in a term bucket). A query of two required words, no phrase, wildcard or
symbol, wanting at most ``headDocs`` documents, fetches its pair's file together with its
term buckets (before it knows whether its words are common: a small file more); without a
filter, with its pair and its combination of forms there, it is answered from them
(:mod:`.paired`, and ``search-shards.js``).
Deterministic.
"""

from __future__ import annotations

import heapq
import itertools
import math
from array import array
from collections import Counter
from typing import Callable, Iterator, NamedTuple, Sequence

from build_scripts.search.heads import HEAD_DOCS, restrict
from build_scripts.search.rank import _rounded
from build_scripts.search.text import DIGIT_RE
from build_scripts.search.tiers import deltas

PAIR_MIN = 1000  # times two common terms follow one another (as Adjacent counts) for a head
PAIR_MAX = 500  # pairs with heads at most: the most counted
PAIR_FORMS = 2  # exact forms per term with heads of their own, besides ""
SEEN = 200  # records a term must have been seen in before its pairs are counted
COUNTED = 1_000_000  # pairs counted at most (see Adjacent)
KEPT_POSTINGS = 2_000_000  # postings of the terms kept in memory while the pairs' heads are made
_ROOT2 = math.sqrt(2.0)


class Adjacent:
    """Counts the pairs of distinct terms that follow one another in the records' texts (see the
    docstring). Past *most* pairs counted, the least counted are forgotten (those counted at most
    once, then twice, …, until half are left): memory stays bounded in an archive of any
    vocabulary, and a pair frequent enough for a head is counted many times before."""

    def __init__(self, seen: int = SEEN, most: int = COUNTED):
        self.seen, self.most = seen, most
        self.df: Counter = Counter()
        self.pairs: Counter = Counter()

    def add(self, analysis) -> None:
        """One record's :class:`~.analysis.RecordTerms` (its ``text`` field's terms, in order)."""
        terms = analysis.fields[0].terms
        df = self.df
        df.update(terms)
        seen, last = self.seen, None
        for term in words(terms):
            if last is not None and last != term and df[last] >= seen and df[term] >= seen:
                self.pairs[(last, term) if last < term else (term, last)] += 1
            last = term
        if len(self.pairs) > self.most:
            floor = 1
            while len(self.pairs) > self.most // 2:
                self.pairs = Counter({pair: n for pair, n in self.pairs.items() if n > floor})
                floor += 1

    def frequent(self, common: set[str], minimum: int = PAIR_MIN, most: int = PAIR_MAX) -> list[tuple[str, str]]:
        """The pairs of *common* terms counted *minimum* times or more, the *most* most counted, sorted;
        not terms with a digit (a query of them is a symbol query, which never takes a head)."""
        found = [(n, pair) for pair, n in self.pairs.items()
                 if n >= minimum and pair[0] in common and pair[1] in common and not DIGIT_RE.search(pair[0] + pair[1])]
        found.sort(key=lambda item: (-item[0], item[1]))
        return sorted(pair for _, pair in found[:most])


def words(terms: Sequence[str]) -> Iterator[str]:
    """The first term of each word of a record's terms: an English word's terms are its own, then its
    inflections' (:mod:`.english`: ``united`` → ``united``, ``uniting``), which would stand between
    it and the next word; a term that starts with the first four letters of the word's first term
    (all of them if it is shorter) is taken for one of them (a heuristic: it only decides which
    pairs are counted)."""
    head = None
    for term in terms:
        if head is None or not term.startswith(head[:4]):
            head = term
            yield term


def held_forms(columns: Sequence, forms: Sequence[str], count: int = PAIR_FORMS) -> list[int]:
    """The bit numbers of the *count* forms held by most postings (ties: the earlier form)."""
    held: Counter = Counter()
    for column in columns:
        if column and column[3]:
            for mask in column[3]:
                while mask:
                    low = mask & -mask
                    held[low.bit_length() - 1] += 1
                    mask ^= low
    ranked = sorted((b for b in held if b < len(forms)), key=lambda b: (-held[b], b))
    return ranked[:count]


class TermData(NamedTuple):
    """What :func:`pair_head` needs of a term, compact (it is kept while the pairs' heads are
    made: at 10,000 documents a common term has hundreds of thousands of postings): its columns
    (absolute docs, integer masks) as arrays, its exact forms, the keys of its ``text``
    column's records (:func:`record_key`, ascending), each document record's ``[title weight,
    symbol weight, mask]`` (None: absent), and the bits of its most held forms."""

    columns: Sequence
    forms: Sequence[str]
    text: Sequence[int]
    titles: dict
    bits: list[int]

    def places(self) -> dict[int, int]:
        """Each paragraph record's place in the ``text`` column, by :func:`record_key` (made on
        demand: a dictionary costs about four times the arrays)."""
        return dict(zip(self.text, range(len(self.text))))


def record_key(doc: int, local: int) -> int:
    """One integer for a record ``(doc, local)``, in record order."""
    return doc << 32 | local


def _compact(column):
    """A column as arrays of machine integers (its masks too, unless one needs more than 63 bits)."""
    if not column:
        return 0
    masks = column[3]
    if masks and max(masks) < 1 << 63:
        masks = array("q", masks)
    return [array("i", column[0]), array("i", column[1]), array("i", column[2]), masks or 0]


def term_data(columns: Sequence, forms: Sequence[str]) -> TermData:
    columns = [_compact(c) for c in columns]
    text = columns[0]
    keys = array("q", [doc << 32 | local for doc, local in zip(text[0], text[1])]) if text else array("q")
    titles: dict[tuple[int, int], list] = {}
    for f in (1, 2):
        column = columns[f]
        if column:
            for k, key in enumerate(zip(column[0], column[1])):
                rec = titles.setdefault(key, [None, None, 0])
                rec[f - 1] = column[2][k] / 1000  # as the searcher loads it
                rec[2] |= column[3][k] if column[3] else 0
    return TermData(columns, forms, keys, titles, held_forms(columns, forms))


def _size(data: TermData) -> int:
    return sum(len(c[0]) for c in data.columns if c)


def _held(bits: list[int], mask: int) -> int:
    """Which of the forms numbered *bits* a record's *mask* holds, as bits 0, 1, …"""
    code = 0
    for i, bit in enumerate(bits):
        code |= (mask >> bit & 1) << i
    return code


def pair_head(a: TermData, b: TermData, head_docs: int = HEAD_DOCS, places=TermData.places) -> dict | None:
    """The head of the pair of terms *a* and *b* in the file's form but for the columns (absolute;
    see the docstring); None when no record holds both. *places* gives a term's
    :meth:`TermData.places` (a caller may keep the last one: pairs come sorted)."""
    rows = []  # (not document, -rounded score, doc, local, code: the held forms' bits, a's then b's)
    if a.text and b.text:  # paragraphs: the text field only, (w_a + w_b) / √2
        wa, wb = a.columns[0][2], b.columns[0][2]
        masks_a, masks_b = a.columns[0][3], b.columns[0][3]
        held_a: dict[int, int] = {}
        held_b: dict[int, int] = {}
        places_a, places_b = places(a), places(b)
        for key in places_a.keys() & places_b.keys():
            i, j = places_a[key], places_b[key]
            score = (0.0 + wa[i] / 1000 + wb[j] / 1000) / _ROOT2
            ma, mb = masks_a[i] if masks_a else 0, masks_b[j] if masks_b else 0
            code_a = held_a[ma] if ma in held_a else held_a.setdefault(ma, _held(a.bits, ma))
            code_b = held_b[mb] if mb in held_b else held_b.setdefault(mb, _held(b.bits, mb))
            rows.append((True, -_rounded(score), key >> 32, key & 0xFFFFFFFF, code_a | code_b << PAIR_FORMS))
        del places_a, places_b
    for key in a.titles.keys() & b.titles.keys():  # document records: title and symbol, field by field
        (xa, ya, ma), (xb, yb, mb) = a.titles[key], b.titles[key]
        score = None
        for x, y in ((xa, xb), (ya, yb)):
            if x is None and y is None:
                continue
            dot = (0.0 + x if x is not None else 0.0)
            dot = dot + y if y is not None else dot
            score = dot / _ROOT2 if score is None else score + dot / _ROOT2
        rows.append((False, -_rounded(score), key[0], key[1], _held(a.bits, ma) | _held(b.bits, mb) << PAIR_FORMS))
    if not rows:
        return None
    rows.sort()
    by_code: dict[tuple[bool, int], list[int]] = {}
    for i, row in enumerate(rows):
        by_code.setdefault((row[0], row[4]), []).append(i)
    heads, union = {}, set()
    for ia, ib in itertools.product([None] + list(range(len(a.bits))), [None] + list(range(len(b.bits)))):
        want = [1 << ia if ia is not None else 0, 1 << (PAIR_FORMS + ib) if ib is not None else 0]
        docs = _first_docs(rows, by_code, want, head_docs)
        form_a = a.forms[a.bits[ia]] if ia is not None else ""
        form_b = b.forms[b.bits[ib]] if ib is not None else ""
        heads[f"{form_a} {form_b}"] = sorted(docs)
        union.update(docs)
    paragraphs = sum(row[0] for row in rows)
    return {"p": [restrict(a.columns, union), restrict(b.columns, union)], "h": heads,
            "n": [paragraphs, len({row[2] for row in rows})]}


def _first_docs(rows: list, by_code: dict, want: list[int], head_docs: int) -> list[int]:
    """The first *head_docs* documents of the ranking for the typed forms *want* (their bits)."""
    docs: list[int] = []
    seen: set[int] = set()
    for kind in (False, True):  # document records first
        for exact in (2, 1, 0):
            codes = sorted(c for (k, c) in by_code if k == kind and sum(bool(c & w) for w in want) == exact)
            for i in heapq.merge(*(by_code[(kind, c)] for c in codes)):
                if rows[i][2] not in seen:
                    seen.add(rows[i][2])
                    docs.append(rows[i][2])
                    if len(docs) == head_docs:
                        return docs
    return docs


def pair_files(pairs: Sequence[tuple[str, str]], columns_of: Callable[[str], tuple[Sequence, Sequence[str]]],
               encode: Callable, dumps: Callable, bucket: Callable, head_docs: int = HEAD_DOCS,
               keep: int = KEPT_POSTINGS) -> Iterator[tuple[str, str]]:
    """``(path, JSON)`` of the ``len(pairs)`` pair files (see the docstring);
    *columns_of(term)*: ``(columns with absolute docs and integer masks, forms)``, computed on
    demand; the terms last used are kept while their postings number *keep* at most (memory
    bounded; an archive of a few thousand documents keeps every term of its pairs)."""
    count = len(pairs)
    cache: dict[str, TermData] = {}
    held = [0]

    def get(term: str) -> TermData:
        if term in cache:
            cache[term] = cache.pop(term)  # most recent last
        else:
            cache[term] = term_data(*columns_of(term))
            held[0] += _size(cache[term])
            while held[0] > keep and len(cache) > 2:
                held[0] -= _size(cache.pop(next(iter(cache))))
        return cache[term]

    recent: list[tuple[TermData, dict]] = []  # the two terms last used and their places (pairs come
    # sorted: the first term repeats)

    def places(data: TermData) -> dict[int, int]:
        for k, (held_data, found) in enumerate(recent):
            if held_data is data:
                recent.append(recent.pop(k))
                return found
        if len(recent) == 2:
            del recent[0]  # before the new places are made
        recent.append((data, data.places()))
        return recent[-1][1]

    by_bucket: dict[int, list[str]] = {}
    texts: dict[str, str] = {}
    for a, b in pairs:
        head = pair_head(get(a), get(b), head_docs, places)
        if head is None:
            continue
        key = f"{a} {b}"
        head["p"] = [encode(head["p"][0]), encode(head["p"][1])]
        head["h"] = {combo: deltas(docs) for combo, docs in head["h"].items()}
        texts[key] = dumps(head)
        by_bucket.setdefault(bucket(key, count), []).append(key)
    for k in range(count):
        yield f"search/pairs/{k}.json", "{" + ",".join(f"{dumps(key)}:{texts[key]}" for key in sorted(by_bucket.get(k, []))) + "}"

