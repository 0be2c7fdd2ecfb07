"""Several common words (impact tiers and record sets): the first documents and the counts of one lunr index.

* the build: the tiers partition a common term's tail, their bounds are exact, its map lists each tier's
  documents, its set holds its records;
* :class:`ShardedSearcher` (Python) on multi-word common queries, filters, pages past a head: the first
  *N* documents (their matches, scores, order) and the true counts are those of :class:`Searcher` over
  the monolithic index, without any tail fetched;
* ``search-shards.js`` (node) gives the same documents and counts and fetches the same files;
* randomized: small random archives with thresholds so low that every word is common (hypothesis in
  Python; a seeded batch in node), any query of one to four words, any number of documents wanted.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.search import Searcher, build
from build_scripts.search.plain import records_from_text
from build_scripts.search.record import SearchRecord
from build_scripts.search.sharded import ShardedSearcher, undelta
from build_scripts.search.tiered import SETS_AFTER
from build_scripts.search.tiers import decode_map, decode_records, tiers
from tests.support.searchjs import run_search_js
from test_search_shards import files_of, first_groups, monolithic, real_records, reader  # noqa: F401

CASES = [("human rights", None, 4), ("human rights", None, 20), ("droits de l'homme", None, 3),
         ("rights", {"type": "resolution"}, 4), ("rights", None, 10), ("united nations", None, 5),
         ("sustainable development", None, 7), ("promotion protection human rights", None, 4),
         ("Assemblée générale", None, 4), ("traite personnes", None, 2), ("etats membres", None, 3),
         ("États membres", None, 3), ("right development", None, 1), ("Human Rights Council", None, 2),
         ("human rights", {"type": "resolution"}, 3), ("general assembly", None, 50), ("traité", None, 6)]
LOW = {"head_min": 20, "head_docs": 4, "tier_docs": 2}


@pytest.fixture(scope="module")
def tier_files(real_records):  # noqa: F811
    return files_of(real_records, **LOW)


def expected(monolithic, q, filters, n):  # noqa: F811
    full = monolithic.query(q, filters, limit=None)
    return first_groups(full, n), sum(r["label"] != "document" for r in full), len({r["doc_id"] for r in full})


def test_tiers_partition_the_tail_and_bound_the_rest(tier_files):
    entries = {}
    for path, text in tier_files.items():
        if path.startswith("search/terms/"):
            entries.update({str(e["i"]): e for e in json.loads(text).values() if "t" in e})
    tails = [p for p in tier_files if p.startswith("search/tails/")]
    assert len(tails) > 100 and len(tails) == len(entries)
    for path in tails:
        i = path.split("/")[-1][:-5]
        tail = json.loads(tier_files[path])["p"]
        maxima = entries[i]["t"]
        count = sum(p.startswith(f"search/tiers/{i}-") for p in tier_files)
        assert count == len(maxima) > 0
        parts = [json.loads(tier_files[f"search/tiers/{i}-{k}.json"]) for k in range(count)]
        for f, column in enumerate(tail):
            rows = set(zip(undelta(column[0]), column[1], column[2])) if column else set()
            got = [set(zip(undelta(p["p"][f][0]), p["p"][f][1], p["p"][f][2])) if p["p"][f] else set() for p in parts]
            assert set().union(*got) == rows and sum(map(len, got)) == len(rows)  # a partition
            assert [m[f] for m in maxima] == [max((w for _, _, w in g), default=0) for g in got]
        docs = [{d for c in p["p"] if c for d in undelta(c[0])} for p in parts]
        assert sum(map(len, docs)) == len(set().union(*docs))  # a document is whole in one tier
        tier_of = {d: k for k, ds in enumerate(docs) for d in ds}
        sets = json.loads(tier_files[f"search/sets/{i}.json"])
        assert decode_records(sets["t"]) == (list(zip(undelta(tail[0][0]), tail[0][1])) if tail[0] else [])
        assert decode_records(sets["d"]) == sorted({(d, l) for c in tail[1:] if c for d, l in zip(undelta(c[0]), c[1])})
        assert len(sets["t"]) == len(sets["d"]) == 3  # records only: the tiers are in the map
        maps = json.loads(tier_files[f"search/maps/{i}.json"])
        got_tiers, text_docs, title_docs = decode_map(maps)
        assert len(maps["t"]) == len(maps["d"]) == count
        assert text_docs == ({d for d in undelta(tail[0][0])} if tail[0] else set())
        assert title_docs == {d for c in tail[1:] if c for d in undelta(c[0])}
        assert got_tiers == {d: tier_of[d] for d in text_docs | title_docs}


def test_tier_sizes_grow():
    columns = [[list(range(100)), [0] * 100, list(range(1000, 1100)), 0], 0, 0]
    parts, maxima, tier_of = tiers(columns, 3)
    assert [len(part[0][0]) for part in parts] == [3, 12, 48, 37]
    assert [part[0][0][0] for part in parts] == [97, 85, 37, 0]  # highest weights first
    assert maxima == [[1099, 0, 0], [1096, 0, 0], [1084, 0, 0], [1036, 0, 0]] and tier_of[99] == 0


def test_python_several_common_words_give_the_first_documents_and_true_counts(tier_files, monolithic):  # noqa: F811
    for q, filters, n in CASES:
        searcher = ShardedSearcher(reader(tier_files))
        out = searcher.hits(q, filters, groups=n)
        assert not out.complete, q
        assert [p for p in searcher.fetched if p.startswith("search/tiers/")], q
        assert not [p for p in searcher.fetched if p.startswith("search/tails/")], q
        got = searcher.results(out.parsed, out.found)
        groups, paragraphs, docs = expected(monolithic, q, filters, n)
        assert first_groups(got, n) == groups, q  # documents, matches, scores, order
        assert {r["doc_id"] for r in got} == {d for d, _ in groups}  # nothing past the first n
        assert (out.paragraphs, out.docs) == (paragraphs, docs), q


def test_tiers_stop_before_the_whole_list(tier_files):
    searcher = ShardedSearcher(reader(tier_files))
    searcher.hits("united nations", groups=2)
    fetched = [p for p in searcher.fetched if p.startswith("search/tiers/")]
    meta = json.loads(tier_files["search/meta.json"])
    assert meta and 0 < len(fetched) < sum(p.startswith("search/tiers/") for p in tier_files
                                           if p.split("/")[-1].split("-")[0] in {f.split("/")[-1].split("-")[0]
                                                                                for f in fetched})


def _kinds(fetched: list[str]) -> list[str]:
    return [p.split("/")[1] for p in fetched if p.split("/")[1] in ("maps", "tiers", "sets")]


def test_first_documents_before_the_record_sets(tier_files):
    """The first tiers decide `human rights`' first 4 documents from the maps: the record sets
    come after every tier (for the counts); four words that seldom meet in a paragraph need a
    deep tier, so the sets come first and narrow the candidates to the matching records."""
    searcher = ShardedSearcher(reader(tier_files))
    searcher.hits("human rights", groups=4)
    kinds = _kinds(searcher.fetched)
    assert kinds[:2] == ["maps", "maps"] and "tiers" in kinds
    assert kinds.index("sets") > max(i for i, k in enumerate(kinds) if k == "tiers")
    searcher = ShardedSearcher(reader(tier_files))
    searcher.hits("promotion protection human rights", groups=4)
    kinds = _kinds(searcher.fetched)
    assert kinds.index("sets") < max(i for i, k in enumerate(kinds) if k == "tiers")
    before = [p for p in searcher.fetched if p.startswith(("search/tiers/", "search/sets/"))]
    before = before[:next(i for i, p in enumerate(before) if p.startswith("search/sets/"))]
    assert before and all(int(p.split("-")[-1][:-5]) < SETS_AFTER for p in before)


def test_nothing_in_common_falls_back_to_the_whole_lists(tier_files, monolithic):  # noqa: F811
    q = "rights zzzunknownzzz"  # a word outside the index: AND finds nothing, the whole index tries OR
    searcher = ShardedSearcher(reader(tier_files))
    out = searcher.hits(q, groups=4)
    assert out.complete and searcher.results(out.parsed, out.found) == monolithic.query(q, limit=None)


def test_node_several_common_words_match_python(node, tmp_path, tier_files, monolithic):  # noqa: F811
    _node_compare(node, tmp_path, tier_files, monolithic, CASES, require_tiers=True)


def _node_compare(node, tmp_path, files, mono, cases, require_tiers=False):
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    queries = [{"q": q, "filters": f, "groups": n, "options": {"limit": None}} for q, f, n in cases]
    spec = {"shards": str(tmp_path), "queries": queries, "groups": 1}
    out = run_search_js(node, tmp_path, spec, timeout=600)
    used = 0
    for i, (q, filters, n) in enumerate(cases):
        js = out["headResults"][i]
        python = ShardedSearcher(reader(files))
        py = python.hits(q, filters, groups=n)
        python.results(py.parsed, py.found)
        groups, paragraphs, docs = expected(mono, q, filters, n)
        assert [(d, [r for r, _ in hits]) for d, hits in first_groups(js["results"], n)] == [
            (d, [r for r, _ in hits]) for d, hits in groups], (q, filters, n)
        for (_, js_hits), (_, hits) in zip(first_groups(js["results"], n), groups):
            assert [s for _, s in js_hits] == pytest.approx([s for _, s in hits], abs=1e-6)
        assert (js["paragraphs"], js["docs"], js["complete"]) == (py.paragraphs, py.docs, py.complete), q
        if py.complete:
            assert (py.paragraphs, py.docs) == (paragraphs, docs)
        assert set(js["fetched"]) == set(python.fetched), q
        used += any(p.startswith("search/tiers/") for p in python.fetched)
    if require_tiers:
        assert used == len(cases)
    return used


# --- randomized: small archives where every word is common ---------------------------------------

VOCAB = ["droits", "droit", "homme", "hommes", "nations", "unies", "traité", "traite", "paix", "sécurité",
         "securite", "développement", "durable", "femmes", "enfants", "eau"]
TINY = {"head_min": 2, "head_docs": 1, "tier_docs": 1}


def random_archive(rng: random.Random, docs: int) -> list[SearchRecord]:
    out = []
    for d in range(docs):
        title = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(1, 3)))
        common = dict(title=title, symbol=f"A/RES/9/{d}", type=rng.choice(["resolution", "decision"]), body="GA",
                      year=str(2000 + d % 3))
        out.append(SearchRecord(ref=f"d-{d}", doc_id=f"d-{d}", label="document", text=title, **common))
        paragraphs = ["".join(" " + rng.choice(VOCAB) for _ in range(rng.randint(1, 7))).strip()
                      for _ in range(rng.randint(1, 6))]
        out += records_from_text(f"d-{d}", "\n\n".join(paragraphs), **common)
    return out


def random_queries(rng: random.Random, count: int) -> list[tuple]:
    out = []
    for _ in range(count):
        q = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(1, 4)))
        filters = rng.choice([None, None, {"type": "resolution"}, {"year": "2001"}])
        out.append((q, filters, rng.randint(1, 6)))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), docs=st.integers(2, 14))
def test_random_archives_python(seed, docs):
    rng = random.Random(seed)
    records = random_archive(rng, docs)
    files = files_of(records, **TINY)
    mono = Searcher(*build(records))
    for q, filters, n in random_queries(rng, 8):
        searcher = ShardedSearcher(reader(files))
        out = searcher.hits(q, filters, groups=n)
        got = searcher.results(out.parsed, out.found)
        groups, paragraphs, count = expected(mono, q, filters, n)
        assert first_groups(got, n) == groups, (q, filters, n)
        assert (out.paragraphs, out.docs) == (paragraphs, count), (q, filters, n)


def test_random_archives_node(node, tmp_path):
    used = 0
    for seed in range(4):
        rng = random.Random(seed)
        records = random_archive(rng, 10 + 4 * seed)
        files = files_of(records, **TINY)
        target = tmp_path / str(seed)
        target.mkdir()
        used += _node_compare(node, target, files, Searcher(*build(records)), random_queries(rng, 30))
    assert used > 40  # the tiered path, not only the fallbacks
