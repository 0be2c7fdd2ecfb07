"""Postings straight from the analyzed records: lunr's index without lunr.py's Builder.

lunr.py's ``Builder.add`` tokenizes each field again (a list of terms becomes
``Token`` objects, each deep-copying its metadata) and keeps a dict per
posting; :mod:`.index` had already tokenized and analyzed every word. This
module computes what the Builder computes, from the analyzed terms, and
nothing else:

* term numbers (``_index``) in order of first appearance, record by record,
  field by field (:data:`FIELDS` order), as ``Builder.add`` assigns them;
* per (record, field): term frequencies in order of first appearance and the
  field length (number of terms);
* BM25 weights exactly as ``Builder._create_field_vectors`` does, the same
  float operations in the same order (``k1`` 1.2, ``b`` 0.75, lunr's ``idf``
  that counts a record once per field holding the term, rounded to 3
  decimals).

:meth:`Postings.serialize` gives lunr.py's ``Index.serialize()`` output,
byte for byte once written with :func:`~build_scripts.search.index.to_json`
(``tests/test_search_shards.py`` builds both and compares). The sharded
index (:mod:`.shards`) is written from the same object.

Guarantees: deterministic (same records, same object); memory is three integer
arrays per (term, field) (rows: 4 bytes an entry; term frequencies and exact-form masks: the
narrowest integer type that holds them, one byte for most) plus one entry per (record, field)
for the lengths.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from build_scripts.search.pipeline import LABELS, process_term

K1 = 1.2
B = 0.75


def field_terms(raw_terms: Sequence[str]) -> list[str]:
    """Tokens of one field (already tokenized) → index terms, as lunr's Tokenizer + pipeline do.

    lunr.py lower-cases every element of a list field, then runs the pipeline
    token by token: :func:`process_term` is that pipeline (tested).
    """
    out = []
    for raw in raw_terms:
        term = process_term(str(raw).lower())
        if term is not None:
            out.append(term)
    return out


def idf(records_with_term: int, record_count: int) -> float:
    """lunr's idf: ``records_with_term`` counts a record once per field that holds the term."""
    x = (record_count - records_with_term + 0.5) / (records_with_term + 0.5)
    return math.log(1 + abs(x))


@dataclass(slots=True)
class TermPostings:
    """One term: its lunr number and, per field, the rows holding it and their term frequency."""

    index: int
    rows: list = field(default_factory=list)  # per field: array of rows, ascending
    tfs: list = field(default_factory=list)  # per field: array of term frequencies
    masks: list = field(default_factory=list)  # per field: the row's exact forms (bits of ``forms``)
    forms: dict = field(default_factory=dict)  # exact forms (words as written) → bit number


#: The integer arrays a term frequency or a mask is held in, narrowest first (a list past 64 bits).
_WIDER = {"B": "H", "H": "I", "I": "Q"}


def _append(columns: list, f: int, value: int) -> None:
    """Append *value* to ``columns[f]``, an array of the narrowest type that holds every value so
    far (one byte for most term frequencies and masks), widened when *value* does not fit."""
    column = columns[f]
    try:
        column.append(value)
    except OverflowError:
        while isinstance(column, array):
            code = _WIDER.get(column.typecode)
            column = array(code, column) if code else list(column)
            try:
                column.append(value)
                break
            except OverflowError:
                continue
        columns[f] = column


def _zeros(column, count: int):
    return array(column.typecode, bytes(count * column.itemsize)) if isinstance(column, array) else [0] * count


class Postings:
    """The inverted index and the field statistics of a sequence of records (rows 0, 1, …).

    *fields* is ``[(name, boost), ...]``; feed each record's analyzed terms with :meth:`add`
    (rows in order), then read weights with :meth:`weight` or the lunr serialization.
    """

    def __init__(self, fields: Sequence[tuple[str, int]], keep_order: bool = True):
        self.fields = [name for name, _ in fields]
        self.boosts = [boost for _, boost in fields]
        self.terms: dict[str, TermPostings] = {}
        self.lengths = [array("l") for _ in fields]  # per field: length of each row's field
        self._order: list[list[list[str]]] | None = [] if keep_order else None  # per row, per field: terms
        self.count = 0

    def add(self, per_field: Sequence[Sequence[str]], forms: dict[str, Sequence[str]] | None = None) -> None:
        """The analyzed terms of the next row, one list per field (in :attr:`fields` order).

        *forms* (optional): ``{term: [words of the row, as written, that give this term]}``;
        each becomes a bit of the row's mask in every field posting of the term (bits are
        numbered per term in order of first appearance). A term of *forms* that the row
        does not hold in any field is an error.
        """
        counted = []
        for terms in per_field:
            counts: dict[str, int] = {}
            for term in terms:
                counts[term] = counts.get(term, 0) + 1
            counted.append((len(terms), tuple(counts), tuple(counts.values())))
        self.add_counted(counted, forms.items() if forms else ())

    def add_analyzed(self, record) -> None:
        """The next row from its :class:`~.analysis.RecordTerms`: the same as :meth:`add` of its terms."""
        self.add_counted([(f.length, f.terms, f.tfs) for f in record.fields], record.forms)

    def add_counted(self, per_field: Sequence[tuple[int, Sequence[str], Sequence[int]]],
                    forms: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        """The next row as ``(length, distinct terms in order of first appearance, their
        frequencies)`` per field, and its exact forms as ``(term, words)`` pairs."""
        row = self.count
        self.count += 1
        order = []
        nfields = len(self.fields)
        postings = self.terms
        for f, (length, terms, tfs) in enumerate(per_field):
            self.lengths[f].append(length)
            for term, tf in zip(terms, tfs):
                posting = postings.get(term)
                if posting is None:
                    posting = TermPostings(len(postings), [array("i") for _ in range(nfields)],
                                           [array("B") for _ in range(nfields)], [array("B") for _ in range(nfields)])
                    postings[term] = posting
                posting.rows[f].append(row)
                tfs = posting.tfs[f]
                try:
                    tfs.append(tf)
                except OverflowError:  # past its array's type: widened (rare)
                    _append(posting.tfs, f, tf)
            if self._order is not None:
                order.append(list(terms))
        if forms:
            self._add_forms(row, forms)
        if self._order is not None:
            self._order.append(order)

    def _add_forms(self, row: int, forms: Iterable[tuple[str, Sequence[str]]]) -> None:
        postings, nfields = self.terms, len(self.fields)
        for term, words in forms:
            posting = postings.get(term)
            placed = False
            if posting is not None:
                numbers, mask = posting.forms, 0
                for word in words:  # bits numbered in order of first appearance
                    bit = numbers.get(word)
                    if bit is None:
                        bit = numbers[word] = len(numbers)
                    mask |= 1 << bit
                for f in range(nfields):
                    rows = posting.rows[f]
                    if not rows or rows[-1] != row:
                        continue
                    masks = posting.masks[f]
                    if len(masks) < len(rows) - 1:
                        masks.extend(_zeros(masks, len(rows) - 1 - len(masks)))
                    try:
                        masks.append(mask)
                    except OverflowError:
                        _append(posting.masks, f, mask)
                    placed = True
            if not placed:
                raise ValueError(f"row {row}: exact form {sorted(words)} of term {term!r} is in no field of the row")

    def averages(self) -> list[float]:
        return [sum(lengths) / self.count if self.count else 0.0 for lengths in self.lengths]

    def idfs(self) -> dict[str, float]:
        return {term: idf(sum(len(r) for r in p.rows), self.count) for term, p in self.terms.items()}

    def weight(self, idf_value: float, tf: int, length: int, average: float, boost: int) -> float:
        """The field-vector entry, as ``Builder._create_field_vectors`` computes it."""
        score = idf_value * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average)) + tf)
        score *= boost
        score *= 1  # the document boost lunr.py multiplies by (always 1 here)
        return round(score, 3)

    def weights(self, term: str, f: int, idfs: dict[str, float], averages: list[float]) -> list[float]:
        """The weights of *term* in field *f*, in the order of its rows."""
        p = self.terms[term]
        lengths, average, boost, value = self.lengths[f], averages[f], self.boosts[f], idfs[term]
        return [self.weight(value, tf, lengths[row], average, boost) for row, tf in zip(p.rows[f], p.tfs[f])]

    def masks_of(self, term: str, f: int) -> list[int]:
        """The exact-form masks of *term*'s rows in field *f*, in the order of its rows (0: none)."""
        p = self.terms[term]
        masks = p.masks[f]
        return list(masks) + [0] * (len(p.rows[f]) - len(masks))

    def serialize(self, refs: Iterable[str] | None = None) -> dict:
        """lunr.py's ``Index.serialize()`` of the same records (refs: ``str(row)`` unless given)."""
        if self._order is None:
            raise ValueError("Postings(keep_order=False) cannot give lunr's serialization")
        refs = [str(i) for i in range(self.count)] if refs is None else list(refs)
        idfs, averages = self.idfs(), self.averages()
        tf_of: dict[tuple[str, int], dict[int, int]] = {}
        vectors = []
        for row in range(self.count):
            for f, name in enumerate(self.fields):
                elements: list[tuple[int, float]] = []
                for term in self._order[row][f]:
                    key = (term, f)
                    if key not in tf_of:
                        p = self.terms[term]
                        tf_of[key] = dict(zip(p.rows[f], p.tfs[f]))
                    tf = tf_of[key][row]
                    w = self.weight(idfs[term], tf, self.lengths[f][row], averages[f], self.boosts[f])
                    elements.append((self.terms[term].index, w))
                elements.sort()
                vectors.append([f"{name}/{refs[row]}", [x for pair in elements for x in pair]])
        inverted = []
        for term in sorted(self.terms):
            p = self.terms[term]
            entry: dict = {name: {refs[r]: {} for r in p.rows[f]} for f, name in enumerate(self.fields)}
            entry["_index"] = p.index
            inverted.append([term, entry])
        from lunr import __TARGET_JS_VERSION__

        return {"version": __TARGET_JS_VERSION__, "fields": list(self.fields), "fieldVectors": vectors,
                "invertedIndex": inverted, "pipeline": list(LABELS)}
