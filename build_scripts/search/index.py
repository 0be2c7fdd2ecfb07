"""Build the lunr index and the result store from :class:`SearchRecord` s.

Both functions number the records in the order given: pass them the same
sequence (or use :func:`build`). Record ``i`` has the lunr ref ``str(i)`` and
is row ``i`` of the store's ``records``; short numeric refs keep the index
small (a ref is repeated in every posting and field vector).

Index (:func:`build_index`): lunr.js 2.3.9's serialization, as made by
lunr.py's ``Index.serialize()``::

    {
      "version": "2.3.9",
      "fields": ["text", "title", "symbol"],
      "fieldVectors": [["<row>/<field>", [termIndex, weight, ...]], ...],
      "invertedIndex": [[term, {"_index": n,
                                "text": {"<row>": {}}, "title": {...}, "symbol": {...}}], ...],
      "pipeline": ["archiveTrimmer", "archiveStopWordFilter", "archiveStemmer"]
    }

Fields and boosts are :data:`FIELDS`: ``text`` 1, ``title`` 3, ``symbol`` 10
(the symbol and its short form, see :mod:`build_scripts.search.text`). A
paragraph record (a ref with a fragment) fills ``text`` only, with its own
words; a document record (a ref without fragment) fills ``title`` and
``symbol`` only: a paragraph never matches words that only its document's
title holds, and a query naming a document finds the document. Terms
are what :func:`~build_scripts.search.pipeline.analyze` gives; no metadata
(no positions) is kept: snippets are highlighted from the stored text.

Store (:func:`build_store`)::

    {
      "version": 1,
      "docs":    [[doc_id, title, symbol, type, body, year], ...],
      "records": [[doc, fragment, label, text], ...]
    }

``doc`` is an index into ``docs`` (document fields are stored once per
document); ``fragment`` is the paragraph id (``ref`` is ``doc_id + "#" +
fragment``, or ``doc_id`` when ``fragment`` is ""); ``text`` is the full
paragraph text in NFC (phrase search and snippets need all of it).
"""

from __future__ import annotations

import json
from typing import Callable, Iterable, Iterator, Sequence

from lunr.builder import Builder
from lunr.index import Index

from build_scripts.search.acronyms import acronym_tokens
from build_scripts.search.analysis import RecordTerms, analyze
from build_scripts.search.english import MARK, english_inflections, english_mark
from build_scripts.search.pipeline import FUNCTIONS
from build_scripts.search.postings import Postings
from build_scripts.search.record import SearchRecord
from build_scripts.search.text import nfc, tokenize

#: Indexed fields and their boosts.
FIELDS = (("text", 1), ("title", 3), ("symbol", 10))

STORE_VERSION = 1


def field_tokens(value: str) -> list[str]:
    """A field's tokens as :mod:`.analysis` gives them: its words, then its organizations' acronyms."""
    tokens = tokenize(value)
    return [tok.term for tok in tokens] + acronym_tokens(value, tokens)


def _check_refs(records: Sequence[SearchRecord]) -> None:
    seen: set[str] = set()
    for record in records:
        record.fragment  # validates ref against doc_id
        if record.ref in seen:
            raise ValueError(f"duplicate search ref {record.ref!r}")
        seen.add(record.ref)


def make_builder() -> Builder:
    """A lunr.py builder with the archive's fields and pipelines."""
    builder = Builder()
    builder.ref("id")
    for name, boost in FIELDS:
        builder.field(name, boost=boost, extractor=lambda doc, name=name: doc[name])
    builder.pipeline.add(english_mark, *FUNCTIONS, english_inflections)  # English records: inflections too
    builder.search_pipeline.add(*FUNCTIONS)
    return builder


def record_tokens(records: Sequence[SearchRecord]) -> Iterator[tuple[list[str], list[str], list[str]]]:
    """Per record, the tokens of its ``text``, ``title`` and ``symbol`` fields (see the docstring);
    an English record's tokens carry :data:`~.english.MARK` (the builder's pipeline expands them)."""
    doc_terms: dict[tuple, tuple[list[str], list[str]]] = {}
    for record in records:
        mark = MARK if record.language == "en" else ""
        if record.fragment:  # a paragraph is found by its own words, never by its document's title
            yield [mark + t for t in field_tokens(record.text)], [], []
            continue
        key = (record.title, record.symbol, mark)  # a document record: its title and symbol
        if key not in doc_terms:
            doc_terms[key] = ([mark + t for t in field_tokens(record.title)], [mark + t for t in field_tokens(record.symbol)])
        title, symbol = doc_terms[key]
        yield [], title, symbol


def build_postings(records: Iterable[SearchRecord], keep_order: bool = True, forms: bool = False,
                   analyses: Iterable[RecordTerms] | None = None,
                   observe: Callable[[RecordTerms], None] | None = None) -> Postings:
    """The :class:`Postings` of *records* (row ``i`` is record ``i``), with the records' exact
    forms when *forms*; *analyses*: the records' :func:`~.analysis.analyze` (else computed);
    *observe*: called with each analysis, in record order."""
    records = list(records)
    _check_refs(records)
    postings = Postings(FIELDS, keep_order=keep_order)
    rows = 0
    for analysis in (analyze(records, forms=forms) if analyses is None else analyses):
        postings.add_analyzed(analysis)
        if observe is not None:
            observe(analysis)
        rows += 1
    if rows != len(records):
        raise ValueError(f"{rows} analyses for {len(records)} records")
    return postings


def build_lunr_index(records: Iterable[SearchRecord]) -> Index:
    """The index as lunr.py's own Builder makes it (the reference :func:`build_index` matches)."""
    records = list(records)
    _check_refs(records)
    builder = make_builder()
    for row, (text, title, symbol) in enumerate(record_tokens(records)):
        builder.add({"id": str(row), "text": text, "title": title, "symbol": symbol})
    return builder.build()


def build_index(records: Iterable[SearchRecord]) -> dict:
    """The serialized lunr index (see the module docstring), without lunr.py's Builder."""
    return build_postings(records).serialize()


def build_store(records: Iterable[SearchRecord]) -> dict:
    """The result store (see the module docstring)."""
    records = list(records)
    _check_refs(records)
    docs: list[list[str]] = []
    doc_rows: dict[tuple, int] = {}
    rows: list[list] = []
    for record in records:
        key = (record.doc_id, record.title, record.symbol, record.type, record.body, record.year)
        if key not in doc_rows:
            doc_rows[key] = len(docs)
            docs.append([nfc(v or "") for v in key])
        rows.append([doc_rows[key], record.fragment, nfc(record.label), nfc(record.text)])
    ids = [d[0] for d in docs]
    if len(set(ids)) != len(ids):
        raise ValueError("records of one document disagree on title, symbol, type, body or year")
    return {"version": STORE_VERSION, "docs": docs, "records": rows}


def to_json(data: dict) -> str:
    """Compact JSON for the index or the store (about 15 % smaller than the default)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def build(records: Iterable[SearchRecord]) -> tuple[dict, dict]:
    """``(index, store)`` for *records*."""
    records = list(records)
    return build_index(records), build_store(records)
