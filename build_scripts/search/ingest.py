"""The records read into the index one document at a time: postings, document rows, text files.

The search stage's own process used to hold every record (every paragraph's text) until the
index was written, beside the documents they came from: at 10,000 documents about a gigabyte
on top of the main process's own copy of the corpus. :func:`ingest` takes the records document
by document, with their analyses (:mod:`.analysis`), and keeps of each document only what the
rest of the index needs: its postings (integer arrays, :mod:`.postings`), its row (id, title,
symbol, type, body, year) and its records' numbers; its texts leave at once as the document's
text files (``search/docs/``, yielded as soon as the document is read).

Guarantees: the result (:class:`Ingested` and the text files) is what reading every record at
once gives (the same postings, in the same record order, the same files: the caller's order);
a document's records must be consecutive (``not consecutive`` otherwise), agree on the
document's fields (``disagree``), have unique refs; a document id holds no ``#`` (so that refs
are unique across documents, without a set of every ref); nothing of a group is held once the
next one is read but the above (the caller's iterator decides what else is).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from build_scripts.search.analysis import Analyzer, RecordTerms, analyze
from build_scripts.search.index import FIELDS
from build_scripts.search.pairs import Adjacent
from build_scripts.search.postings import Postings
from build_scripts.search.record import SearchRecord
from build_scripts.search.text import nfc

CHUNK = 32  # records per text file: most resolutions are one file, a long report a few
DOCS_PER_FOLDER = 1000

Group = tuple[Sequence[SearchRecord], "Sequence[RecordTerms] | None"]


def doc_path(doc: int, chunk: int) -> str:
    return f"search/docs/{doc // DOCS_PER_FOLDER}/{doc}-{chunk}.json"


@dataclass
class Ingested:
    """What the index keeps of the records: postings, document rows, per record its document and
    its number inside it (rows of :attr:`postings` are records, in order)."""

    adjacent: Adjacent
    postings: Postings = field(default_factory=lambda: Postings(FIELDS, keep_order=False))
    docs: list[list[str]] = field(default_factory=list)
    doc_of: array = field(default_factory=lambda: array("i"))
    local_of: array = field(default_factory=lambda: array("i"))

    @property
    def count(self) -> int:
        return len(self.doc_of)


def by_document(records: Iterable[SearchRecord],
                analyses: Iterable[RecordTerms] | None = None) -> Iterator[Group]:
    """*records* (and their *analyses*, in the same order) cut into consecutive runs of one
    document each."""
    analyses = iter(analyses) if analyses is not None else None
    run: list[SearchRecord] = []

    def group() -> Group:
        found = [next(analyses, None) for _ in run] if analyses is not None else None
        if found is not None and any(a is None for a in found):
            raise ValueError("fewer analyses than records")
        return run, found

    for record in records:
        if run and record.doc_id != run[-1].doc_id:
            yield group()
            run = []
        run.append(record)
    if run:
        yield group()
    if analyses is not None and next(analyses, None) is not None:
        raise ValueError("more analyses than records")


def ingest(groups: Iterable[Group], into: Ingested, dumps) -> Iterator[tuple[str, str]]:
    """Read *groups* (one document's records and their analyses, None: computed here) into
    *into*; yield each document's text files (``(path, JSON)``, *dumps* writes the JSON) as soon as
    it is read."""
    seen: set[str] = set()
    analyzer = None
    postings, adjacent = into.postings, into.adjacent
    for records, analyses in groups:
        row = _row(records[0])
        if "#" in row[0]:
            raise ValueError(f"document id {row[0]!r} holds '#'")
        if row[0] in seen:
            raise ValueError(f"records of {row[0]!r} are not consecutive")
        seen.add(row[0])
        if analyses is None:
            analyzer = analyzer or Analyzer(True)
            analyses = analyze(records, analyzer=analyzer)
        elif len(analyses) != len(records):
            raise ValueError(f"{len(analyses)} analyses for the {len(records)} records of {row[0]!r}")
        n, refs = len(into.docs), set()
        into.docs.append(row)
        for local, (record, analysis) in enumerate(zip(records, analyses)):
            record.fragment  # validates ref against doc_id
            if record.ref in refs:
                raise ValueError(f"duplicate search ref {record.ref!r}")
            refs.add(record.ref)
            if local and _row(record) != row:
                raise ValueError("records of one document disagree on title, symbol, type, body or year")
            postings.add_analyzed(analysis)
            adjacent.add(analysis)
            into.doc_of.append(n)
            into.local_of.append(local)
        for c in range(0, len(records), CHUNK):
            chunk = [[r.fragment, nfc(r.label), nfc(r.text)] for r in records[c:c + CHUNK]]
            yield doc_path(n, c // CHUNK), dumps({"d": row, "r": chunk})


def _row(record: SearchRecord) -> list[str]:
    return [nfc(v or "") for v in (record.doc_id, record.title, record.symbol, record.type, record.body, record.year)]
