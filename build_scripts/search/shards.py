"""The sharded search index: small files a query fetches on demand, lunr's scores kept exact.

One lunr index over the archive grows with it (23 MB gzipped at 1,000
documents). :func:`shard_files` writes the same index cut *by term*, and the
documents' texts cut *by document*, so that a query fetches the postings of
its own terms and the texts of the results it shows. Every file below is
JSON; ``<k>`` and ``<p>`` are bucket numbers of :func:`bucket`.

``search/meta.json`` (fetched once, its size does not grow with the corpus)
    ``{"version": 3, "lunr": "2.3.9", "fields": [...], "pipeline": [...],
    "records": n, "docs": n, "buckets": K, "prefixBuckets": P, "pairBuckets": Q, "chunk": C, "headDocs": H,
    "facets": {"type": [value, ...], "body": [...], "year": [...]}, "labels": {...}}``.
    ``labels`` are the filters' French labels (what ``facets.json`` held).

``search/terms/<k>.json``: the terms whose :func:`bucket` is ``k``
    ``{key: {"i": lunr term number, "p": [text, title, symbol], "w": [forms], "s": [docs]}}``;
    a common term (see :mod:`.heads`) has ``"h": {form: [text, title, symbol]}`` (its heads),
    ``"n": [paragraphs, documents]`` and ``"t"`` (its tiers' highest weights) instead of ``"p"``, which is in
    ``search/tails/<term number>.json`` (``{"p": [...]}``), and again, cut by document into
    impact tiers, in ``search/tiers/<term number>-<k>.json``; the documents of each tier in
    ``search/maps/<term number>.json``; its records without weights in
    ``search/sets/<term number>.json`` (all three: :mod:`.tiers`).
    Each field is ``0`` or four columns ``[docs, locals, weights, masks]``, one entry per
    record holding the term in that field, in record order: ``docs`` delta-coded (the first
    absolute), ``locals`` the record's number inside its document, ``weights`` the lunr
    field-vector entry times 1,000 (lunr rounds them to 3 decimals: the integer is exact),
    ``masks`` (``0`` when no record has one) which exact forms (``w``: the words as written, lower case, accents kept, that
    give this term) the record holds, as bits (a list of bit numbers past bit 30), ``0`` if
    none — what ranks « traité » above « traite » for the query ``traité``. ``s`` lists the
    documents whose symbol holds the key as a token (symbol queries put them first); a key
    can have ``s`` only.

``search/pairs/<k>.json``: the heads of pairs of common terms (:mod:`.pairs`), for a query
    of two common words.

``search/prefix/<p>.json``: every index term whose first two characters hash to ``p``
    (sorted); only a wildcard query (``prefix=True``) needs them.

``search/docs/<n // 1000>/<n>-<c>.json``: document ``n``'s records ``c·C`` to ``c·C + C - 1``
    ``{"d": [doc_id, title, symbol, type, body, year], "r": [[fragment, label, text], ...]}``.

``search/facets/<name>-<i>.json``: the documents whose filter *name* has value
``meta.facets[name][i]`` (delta-coded); fetched when that filter is set.

Guarantees: records of one document must be consecutive (checked); a record's
number is ``(document, local)``, whose order is the record order; the postings are
those of :func:`~build_scripts.search.index.build_index` over the same records
(same term numbers, same weights), so a lunr index made of the fetched terms
scores every record exactly as the whole index does (:mod:`.sharded`). Output is
deterministic. The records are read one document at a time (:mod:`.ingest`): each
document's text files come as soon as it is read, and its texts are not held past them; the
term files, heads, tiers and pairs are made from the postings alone. Bucket counts are chosen so that a bucket holds about
:data:`BUCKET_CHARS` characters on average: files stay small as the corpus grows; a
common term's heads are bounded (:data:`~.heads.HEAD_DOCS` documents each), its whole
list (a tail file) is not, and is fetched only by the queries that need it (every match
wanted, a phrase, a wildcard, a symbol); several common words fetch tier maps and the first
impact tiers instead, then record sets (about half a tail) for the counts.
"""

from __future__ import annotations

import json
import math
from typing import Callable, Iterable, Iterator

from build_scripts.search.analysis import RecordTerms
from build_scripts.search.heads import HEAD_DOCS, HEAD_MIN, heads
from build_scripts.search.pairs import PAIR_MIN, SEEN, Adjacent, pair_files
from build_scripts.search.tiers import TIER_DOCS, deltas, record_set, tier_map, tiers as impact_tiers
from build_scripts.search.index import FIELDS
from build_scripts.search.ingest import CHUNK, Group, Ingested, by_document, doc_path, ingest
from build_scripts.search.pipeline import LABELS
from build_scripts.search.record import SearchRecord
from build_scripts.search.text import DIGIT_RE, fold, tokenize

VERSION = 3
BUCKET_CHARS = 24_000
PREFIX_CHARS = 24_000
FACETS = ("type", "body", "year")
MASK_BITS = 31


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes (``search.js`` has the twin)."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def bucket(key: str, count: int) -> int:
    return fnv1a(key) % count


def prefix_key(term: str) -> str:
    """The first two characters (code points) of a term: a wildcard's bucket."""
    return term[:2]


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _mask(mask: int) -> int | list[int]:
    if mask < (1 << MASK_BITS):
        return mask
    return [b for b in range(mask.bit_length()) if mask >> b & 1]


def _buckets(entries: dict[str, str], target: int, key=lambda k: k) -> tuple[int, dict[int, list[str]]]:
    total = sum(len(k) + len(v) + 4 for k, v in entries.items())
    count = max(1, math.ceil(total / target))
    out: dict[int, list[str]] = {}
    for k in sorted(entries):
        out.setdefault(bucket(key(k), count), []).append(k)
    return count, out


def _encode(columns: list) -> list:
    """Columns with absolute documents and integer masks → their file form (deltas, list masks)."""
    return [[deltas(c[0]), c[1], c[2], [_mask(m) for m in c[3]] if c[3] else 0] if c else 0 for c in columns]


def shard_files(records: Iterable[SearchRecord], labels: dict | None = None, *, head_min: int = HEAD_MIN,
                head_docs: int = HEAD_DOCS, analyses: Iterable[RecordTerms] | None = None,
                tier_docs: int = TIER_DOCS, pair_min: int = PAIR_MIN, pair_seen: int = SEEN) -> Iterator[tuple[str, str]]:
    """``(path, JSON text)`` of every file of the sharded index of *records* (see the docstring;
    *head_min* and *head_docs*: see :mod:`.heads`; *analyses*: the records' analyses with their
    exact forms, as :func:`~.analysis.analyze` gives them, e.g. read back from the build cache;
    *tier_docs*: see :mod:`.tiers`; *pair_min*, *pair_seen*: see :mod:`.pairs`)."""
    yield from index_files(by_document(records, analyses), lambda: labels, head_min=head_min, head_docs=head_docs,
                           tier_docs=tier_docs, pair_min=pair_min, pair_seen=pair_seen)


def index_files(groups: Iterable[Group], labels: Callable[[], dict | None], *, head_min: int = HEAD_MIN,
                head_docs: int = HEAD_DOCS, tier_docs: int = TIER_DOCS, pair_min: int = PAIR_MIN,
                pair_seen: int = SEEN) -> Iterator[tuple[str, str]]:
    """:func:`shard_files` of the records given one document at a time, with their analyses or
    None (:func:`~.ingest.by_document`): each document's text files come as soon as it is read,
    and nothing else of its records is held (:mod:`.ingest`); *labels()* is asked for once every
    document is read (the filters' labels of ``meta.json``)."""
    ingested = Ingested(Adjacent(pair_seen))
    yield from ingest(groups, ingested, dumps)
    postings, docs, doc_of, local_of, adjacent = (ingested.postings, ingested.docs, ingested.doc_of,
                                                  ingested.local_of, ingested.adjacent)
    count = ingested.count
    del ingested
    idfs, averages = postings.idfs(), postings.averages()

    def columns_of(term: str) -> list:
        """Per field ``0`` or ``[docs, locals, weights ×1,000, masks]`` (absolute docs, integer masks)."""
        p, out = postings.terms[term], []
        for f in range(len(FIELDS)):
            rows = p.rows[f]
            if not rows:
                out.append(0)
                continue
            weights = postings.weights(term, f, idfs, averages)
            masks = postings.masks_of(term, f)
            out.append([[doc_of[r] for r in rows], [local_of[r] for r in rows],
                        [round(w * 1000) for w in weights], masks if any(masks) else 0])
        return out

    def forms_of(term: str) -> list[str]:
        forms = postings.terms[term].forms
        return sorted(forms, key=forms.get) if forms else []

    symbol_docs: dict[str, list[int]] = {}
    for n, doc in enumerate(docs):
        for key in sorted({fold(t.term) for t in tokenize(doc[2]) if DIGIT_RE.search(t.term)}):
            symbol_docs.setdefault(key, []).append(n)
    texts: dict[str, str] = {}  # each term's entry, as JSON at once: no term's lists are held past its turn
    common: set[str] = set()
    for term, p in postings.terms.items():
        columns = columns_of(term)
        entry: dict = {"i": p.index}
        if p.forms:
            entry["w"] = forms_of(term)
        if sum(len(r) for r in p.rows) > head_min and len({d for c in columns if c for d in c[0]}) > head_docs:
            common.add(term)
            found, entry["n"] = heads(columns, entry.get("w", []), head_docs)
            entry["h"] = {form: _encode(cols) for form, cols in found.items()}
            yield f"search/tails/{p.index}.json", dumps({"p": _encode(columns)})
            parts, entry["t"], tier_of = impact_tiers(columns, tier_docs)
            for k, cols in enumerate(parts):
                yield f"search/tiers/{p.index}-{k}.json", dumps({"p": _encode(cols)})
            yield f"search/maps/{p.index}.json", dumps(tier_map(columns, tier_of, len(parts)))
            yield f"search/sets/{p.index}.json", dumps(record_set(columns))
        else:
            entry["p"] = _encode(columns)
        if term in symbol_docs:
            entry["s"] = deltas(symbol_docs.pop(term))
        texts[term] = dumps(entry)
    for key, numbers in symbol_docs.items():
        texts[key] = dumps({"s": deltas(numbers)})
    pairs = adjacent.frequent(common, pair_min)
    del adjacent
    yield from pair_files(pairs, lambda t: (columns_of(t), forms_of(t)), _encode, dumps, bucket, head_docs)
    buckets, by_bucket = _buckets(texts, BUCKET_CHARS)
    for k in sorted(by_bucket):
        yield f"search/terms/{k}.json", "{" + ",".join(f"{dumps(t)}:{texts[t]}" for t in by_bucket[k]) + "}"
    terms = sorted(postings.terms)
    prefix_buckets, by_prefix = _buckets({t: "" for t in terms}, PREFIX_CHARS, prefix_key)
    for k in sorted(by_prefix):
        yield f"search/prefix/{k}.json", dumps(by_prefix[k])
    facets = {name: sorted({d[col] for d in docs}) for name, col in zip(FACETS, (3, 4, 5))}
    for name, col in zip(FACETS, (3, 4, 5)):
        for i, value in enumerate(facets[name]):
            yield f"search/facets/{name}-{i}.json", dumps(deltas([n for n, d in enumerate(docs) if d[col] == value]))
    meta = {"version": VERSION, "lunr": postings_version(), "fields": [name for name, _ in FIELDS],
            "pipeline": list(LABELS), "records": count, "docs": len(docs), "buckets": buckets,
            "prefixBuckets": prefix_buckets, "pairBuckets": len(pairs), "chunk": CHUNK, "headDocs": head_docs,
            "facets": facets, "labels": labels() or {}}
    yield "search/meta.json", dumps(meta)


def postings_version() -> str:
    from lunr import __TARGET_JS_VERSION__

    return __TARGET_JS_VERSION__
