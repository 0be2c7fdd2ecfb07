"""The sharded index: same ranked results as one lunr index, fetching only what a query needs.

* ``build_index`` (postings from the analyzed terms) gives lunr.py's Builder output byte for byte;
* :class:`ShardedSearcher` (Python) gives :class:`Searcher`'s results over the monolithic index,
  to the last bit of every score, on the parity queries and on the relevance set (real corpus);
* ``search-shards.js`` under node gives ``search.js``'s results over the monolithic index and
  fetches the same files as the Python twin;
* a query reads the buckets of its own terms and the chunks of the results it returns, nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from build_scripts import corpus as corpus_mod
from build_scripts.search import Searcher, build
from build_scripts.search.index import build_index, build_lunr_index, to_json
from build_scripts.search.pipeline import process_term
from build_scripts.search.plain import records_from_text
from build_scripts.search.query import parse_query
from build_scripts.search.record import SearchRecord
from build_scripts.search.shards import BUCKET_CHARS, _mask, bucket, fnv1a, shard_files
from build_scripts.search.sharded import ShardedSearcher, mask_bits
from build_scripts.search.stage import records as stage_records
from build_scripts.sources import read_source
from conftest import SEEDS, normalize_file
from test_search_parity import QUERIES, TRICKY_TEXTS, seed_records
from tests.support.searchjs import run_search_js

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RELEVANCE = yaml.safe_load((FIXTURES / "search" / "relevance.yml").read_text(encoding="utf-8"))
REAL = sorted((FIXTURES / "real").glob("*/*.txt"))


def files_of(records, **kw) -> dict[str, str]:
    return dict(shard_files(records, **kw))


def reader(files: dict[str, str]):
    return lambda path: json.loads(files[path])


@pytest.fixture(scope="module")
def real_records():
    docs = [normalize_file(p).document for p in SEEDS] + [read_source(p).document for p in REAL]
    return stage_records(corpus_mod.build(docs))


def tricky_records() -> list[SearchRecord]:
    out = []
    for i, text in enumerate(TRICKY_TEXTS):
        out += [SearchRecord(ref=f"t-{i}", doc_id=f"t-{i}", title=text or "vide", symbol=f"A/RES/9/{i}",
                             label="document", text=text or "vide", type="resolution", body="GA", year="2020")]
        out += records_from_text(f"t-{i}", text + "\n\n" + text.upper(), title=text or "vide", symbol=f"A/RES/9/{i}",
                                 type="resolution", body="GA", year="2020")
    return out


# --- the index build: no second tokenization, the same bytes -----------------------------------


@pytest.mark.parametrize("name", ["seeds", "real", "tricky"])
def test_postings_give_lunr_builders_index_byte_for_byte(name, real_records):
    records = {"seeds": seed_records, "real": lambda: real_records, "tricky": tricky_records}[name]()
    ours = to_json(build_index(records))
    assert ours == to_json(build_lunr_index(records).serialize())
    assert '"fieldVectors"' in ours and len(ours) > 1000


# --- parity: sharded and monolithic, Python ----------------------------------------------------


def _compare(records, queries):
    index, store = build(records)
    mono = Searcher(index, store)
    files = files_of(records)
    checked = 0
    for spec in queries:
        options = {"limit": None, **spec.get("options", {})}
        expected = mono.query(spec["q"], spec.get("filters"), **options)
        got = ShardedSearcher(reader(files)).query(spec["q"], spec.get("filters"), **options)
        assert got == expected, spec  # refs, order, snippets, and every score to the last bit
        checked += bool(expected)
    return checked


def test_python_sharded_equals_monolithic_on_the_parity_queries():
    assert _compare(seed_records(), QUERIES) >= 30


def test_python_sharded_equals_monolithic_on_the_relevance_set(real_records):
    queries = [{"q": c["query"]} for c in RELEVANCE]
    queries += [{"q": c["query"], "options": {"prefix": True}} for c in RELEVANCE[::4]]
    queries += [{"q": "traite", "filters": {"type": "draft_resolution"}}, {"q": "human rights", "filters": {"body": "GA"}}]
    assert _compare(real_records, queries) >= len(RELEVANCE) - 3


def test_a_query_reads_only_its_terms_and_its_results(real_records):
    files = files_of(real_records)
    meta = json.loads(files["search/meta.json"])
    for q in ("Khartoum", "trafficking in persons", "A/RES/74/176", "États Membres"):
        searcher = ShardedSearcher(reader(files))
        results = searcher.query(q, limit=20)
        parsed = parse_query(q)
        keys = {c.term for c in parsed.clauses} | parsed.symbols | {process_term(w) for w in parsed.exact} - {None}
        buckets = {f"search/terms/{bucket(k, meta['buckets'])}.json" for k in keys}
        assert results
        assert {p for p in searcher.fetched if p.startswith("search/terms/")} == buckets
        chunks = {p for p in searcher.fetched if p.startswith("search/docs/")}
        assert 0 < len(chunks) <= len(results)
        assert set(searcher.fetched) == buckets | chunks, q
        assert len(buckets) * 4 < meta["buckets"]


def test_files_are_deterministic_and_buckets_small(real_records):
    first, second = files_of(real_records), files_of(real_records)
    assert first == second
    terms = [len(text) for path, text in first.items() if path.startswith("search/terms/")]
    assert len(terms) == json.loads(first["search/meta.json"])["buckets"] > 10
    assert sum(terms) / len(terms) < 1.5 * BUCKET_CHARS


def test_meta_does_not_grow_with_the_corpus(real_records):
    small = json.loads(files_of(real_records[:150])["search/meta.json"])
    large = json.loads(files_of(real_records)["search/meta.json"])
    assert large["records"] > 10 * small["records"] and large["buckets"] > small["buckets"]
    for meta in (small, large):
        for key in ("records", "docs", "buckets", "prefixBuckets"):
            meta.pop(key)
        meta.pop("facets")
    assert small == large


def test_records_of_a_document_must_be_consecutive():
    records = seed_records()
    moved = records[1:] + records[:1]
    with pytest.raises(ValueError, match="not consecutive"):
        files_of(moved)


def test_masks_past_bit_30_are_lists():
    for mask in (0, 1, 5, (1 << 30) | 3, 1 << 31, (1 << 40) | (1 << 2)):
        assert mask_bits(_mask(mask)) == mask
    assert _mask(1 << 31) == [31]
    assert fnv1a("") == 0x811C9DC5 and fnv1a("a") == 0xE40C292C  # the published FNV-1a test vectors


# --- parity: sharded and monolithic, JavaScript (node) -----------------------------------------




def test_node_sharded_equals_monolithic_and_fetches_what_python_fetches(node, tmp_path, real_records):
    index, store = build(real_records)
    files = files_of(real_records)
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    (tmp_path / "index.json").write_text(json.dumps(index), encoding="utf-8")
    (tmp_path / "store.json").write_text(json.dumps(store, ensure_ascii=False), encoding="utf-8")
    queries = [{"q": c["query"], "options": {"limit": None}} for c in RELEVANCE]
    queries += [{**q, "options": {"limit": None, **q.get("options", {})}} for q in QUERIES]
    spec = {"index": str(tmp_path / "index.json"), "store": str(tmp_path / "store.json"),
            "shards": str(tmp_path), "queries": queries}
    out = run_search_js(node, tmp_path, spec, timeout=600)
    nonempty = 0
    for i, spec in enumerate(queries):
        assert out["shardResults"][i] == out["results"][i], spec  # lunr.js, whole index vs fetched terms
        python = ShardedSearcher(reader(files))
        py = python.query(spec["q"], spec.get("filters"), **spec["options"])
        assert [r["ref"] for r in out["shardResults"][i]] == [r["ref"] for r in py], spec
        for js, p in zip(out["shardResults"][i], py):
            assert js["score"] == pytest.approx(p["score"], abs=1e-6)
        assert set(out["shardFetched"][i]) == set(python.fetched), spec
        nonempty += bool(py)
    assert nonempty > len(RELEVANCE) - 3


# --- heads: a one-word query on a common term, without its whole list ---------------------------

HEAD_WORDS = ["rights", "right", "human", "Human", "traite", "traité", "États", "etats", "development", "nations",
              "assembly", "Assemblée", "international", "résolution", "personnes", "Office", "coopération",
              "commit comm", "nations nation"]  # one term, two typed words: one form, two forms
HEAD_DOCS = 4


def first_groups(results: list[dict], n: int) -> list:
    """The first *n* documents of *results*, each with its matches (ref, score) in order."""
    out, by_doc = [], {}
    for r in results:
        if r["doc_id"] not in by_doc:
            if len(out) == n:
                continue
            by_doc[r["doc_id"]] = []
            out.append((r["doc_id"], by_doc[r["doc_id"]]))
        by_doc[r["doc_id"]].append((r["ref"], r["score"]))
    return out


@pytest.fixture(scope="module")
def head_files(real_records):
    """Heads made from 20 postings on, four documents each: every common word of the small corpus has one."""
    return files_of(real_records, head_min=20, head_docs=HEAD_DOCS)


@pytest.fixture(scope="module")
def monolithic(real_records):
    return Searcher(*build(real_records))


def test_heads_give_the_first_documents_and_true_counts(head_files, monolithic):
    assert sum(p.startswith("search/tails/") for p in head_files) > 100
    for word in HEAD_WORDS:
        full = monolithic.query(word, limit=None)
        searcher = ShardedSearcher(reader(head_files))
        out = searcher.hits(word, groups=HEAD_DOCS)
        assert not out.complete, word  # answered by the head
        assert not [p for p in searcher.fetched if p.startswith("search/tails/")]
        got = searcher.results(out.parsed, out.found)
        assert first_groups(got, HEAD_DOCS) == first_groups(full, HEAD_DOCS), word
        assert out.paragraphs == sum(r["label"] != "document" for r in full)
        assert out.docs == len({r["doc_id"] for r in full}) > HEAD_DOCS


def test_without_a_head_the_whole_list_is_fetched(head_files, monolithic):
    """Every match wanted (no ``groups``), or a phrase: whole lists. (A filter or more documents than a
    head holds now go through the impact tiers: ``tests/test_search_tiers.py``.)"""
    cases = [("human rights", None, None), ("rights", {"type": "resolution"}, None), ("rights", None, None),
             ('"human rights"', None, HEAD_DOCS), ("right", None, None)]
    for q, filters, groups in cases:
        searcher = ShardedSearcher(reader(head_files))
        out = searcher.hits(q, filters, groups=groups)
        assert out.complete and [p for p in searcher.fetched if p.startswith("search/tails/")], q
        assert searcher.results(out.parsed, out.found) == monolithic.query(q, filters, limit=None), q


def test_node_heads_and_tails_match_python(node, tmp_path, head_files, monolithic):
    for path, text in head_files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    queries = [{"q": w, "options": {"limit": None}} for w in HEAD_WORDS + ["human rights", '"human rights"']]
    spec = {"shards": str(tmp_path), "queries": queries, "groups": HEAD_DOCS}
    out = run_search_js(node, tmp_path, spec, timeout=600)
    for i, spec in enumerate(queries):
        full = monolithic.query(spec["q"], limit=None)
        assert [r["ref"] for r in out["shardResults"][i]] == [r["ref"] for r in full], spec  # tails, in node
        head = out["headResults"][i]
        python = ShardedSearcher(reader(head_files))
        py = python.hits(spec["q"], groups=HEAD_DOCS)
        python.results(py.parsed, py.found)
        assert head["complete"] == py.complete and (head["paragraphs"], head["docs"]) == (py.paragraphs, py.docs)
        assert [(d, [r for r, _ in hits]) for d, hits in first_groups(head["results"], HEAD_DOCS)] == [
            (d, [r for r, _ in hits]) for d, hits in first_groups(full, HEAD_DOCS)], spec
        assert set(head["fetched"]) == set(python.fetched), spec
