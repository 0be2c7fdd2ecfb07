"""The site's search stage: records from the parsed corpus, and results as the UI shows them."""

from __future__ import annotations

import re

import pytest

from build_scripts import corpus as corpus_mod
from build_scripts.search.index import build
from build_scripts.search.query import Searcher
from build_scripts.search.stage import facets, records
from tests.conftest import SEEDS, normalize_file


@pytest.fixture(scope="module")
def corpus():
    return corpus_mod.build([normalize_file(p).document for p in SEEDS])


@pytest.fixture(scope="module")
def searcher(corpus):
    index, store = build(records(corpus))
    return Searcher(index, store)


def test_one_record_per_document_paragraph_and_footnote(corpus):
    recs = records(corpus)
    expected = sum(1 + len(d.paragraphs) + len(d.footnotes) for d in corpus.documents)
    assert len(recs) == expected
    assert [r.ref for r in recs if not r.fragment] == [d.meta.id for d in corpus.documents]
    refs = {r.ref for r in recs}
    assert {"a-res-74-176#op-3", "a-res-74-176#fn-23", "a-74-127#para-139-d-i", "e-res-2015-23#pp-2-a"} <= refs
    labels = {r.ref: r.label for r in recs}
    assert labels["a-res-74-176#pp-5"] == "alinéa 5 du préambule"
    assert labels["a-74-127#para-139-d-i"] == "par. 139 d) i)"
    assert labels["a-res-74-176#fn-23"] == "note 23"


def test_phrase_highlights_the_phrase_only(searcher):
    results = searcher.query('"Journée mondiale de la lutte contre la traite"', limit=None)
    assert len(results) >= 5
    for r in results:
        marked = re.findall(r"<mark>(.*?)</mark>", r["snippet"])
        assert marked and all(m.startswith("Journée") for m in marked), r["snippet"]


def test_symbol_and_filters(searcher):
    first = searcher.query("2015/23")[0]
    assert (first["doc_id"], first["url"], first["label"]) == ("e-res-2015-23", "documents/e-res-2015-23/", "document")
    assert searcher.query("A/RES/74/176")[0]["ref"] == "a-res-74-176"  # the document, opened at its top
    reports = searcher.query("Office", {"type": "report"})
    assert reports and {r["doc_id"] for r in reports} == {"a-74-127"}
    old = searcher.query("traite", {"year": "2013"})
    assert old and {r["doc_id"] for r in old} == {"projet-belarus-f33632ee"}


def test_a_paragraph_is_found_by_its_own_words_only(searcher, corpus):
    """A word of a document's title finds the document once, and only the paragraphs that hold it."""
    from build_scripts.search.query import phrase_key

    results = searcher.query("mondial", limit=None)
    paragraphs = [r for r in results if r["label"] != "document"]
    assert paragraphs and all("<mark>" in r["snippet"] for r in paragraphs)  # the word is in its own text
    titled = [d.meta.id for d in corpus.documents if "mondial" in phrase_key(d.meta.title or "")]
    assert sorted(r["doc_id"] for r in results if r["label"] == "document") == sorted(titled)


def test_facets_have_french_labels(corpus):
    f = facets(corpus)
    assert f["types"]["draft_resolution"] == "Projet de résolution"
    assert f["bodies"]["ECOSOC"] == "Conseil économique et social"
    assert f["years"] == ["2019", "2018", "2015", "2013"]


def test_a_query_naming_a_document_finds_the_document_first(searcher):
    first = searcher.query("coordination de l’action contre la traite")[0]
    assert first["label"] == "document" and first["url"].endswith("/") and "#" not in first["url"]
    assert searcher.query("plan d’action mondial")[0]["ref"] == "e-res-2015-23"


def test_a_draft_is_named_in_results_as_on_the_site(searcher, corpus):
    """A draft without symbol shows « Projet de résolution (Bélarus, 2013) — title », never the bare title
    it shares with the resolution; a document with a symbol keeps its title."""
    titles = {r.doc_id: r.title for r in records(corpus) if r.label == "document"}
    assert titles["projet-belarus-f33632ee"].startswith("Projet de résolution (Bélarus, 2013) — Amélioration")
    assert titles["a-res-74-176"].startswith("Amélioration")
    hits = [r for r in searcher.query("Bélarus") if r["label"] == "document"]
    assert hits and hits[0]["title"].startswith("Projet de résolution (Bélarus, 2013)")


def test_the_search_process_lets_each_document_go_once_its_records_are_indexed(monkeypatch):
    """In the search stage's own process the documents come one at a time (from its spool file):
    each document, its records and their texts are let go once its records are in the postings
    and its text files made, so that the process never holds the corpus; the term files, heads,
    tiers and pairs are made without any text in memory. The files are those of the whole corpus."""
    import gc
    import pickle

    from build_scripts.model import Document
    from build_scripts.search import ingest, shards, stage
    from build_scripts.search.record import SearchRecord
    from build_scripts.search_process import _once

    whole = corpus_mod.build([normalize_file(p).document for p in SEEDS])
    expected = {f.path: f.data for f in stage.index(whole.documents)}
    documents = pickle.loads(pickle.dumps(list(whole.documents)))  # copies only this test holds
    watched = {id(d) for d in documents}  # (documents are slotted: no weak reference; none is made meanwhile)
    alive: list[tuple[int, int]] = []  # at each document's first text file: documents alive, records alive
    original = ingest.ingest

    def ingesting(groups, into, dumps):
        def count() -> None:
            gc.collect()
            alive.append((sum(isinstance(o, Document) and id(o) in watched for o in gc.get_objects()),
                          sum(isinstance(o, SearchRecord) for o in gc.get_objects())))

        for path, text in original(groups, into, dumps):
            if path.endswith("-0.json"):
                count()
            yield path, text
        count()  # every document read

    monkeypatch.setattr(shards, "ingest", ingesting)
    gc.collect()
    others = sum(isinstance(o, SearchRecord) for o in gc.get_objects())  # other tests' records
    files = stage.index(_once(documents))
    assert {f.path: f.data for f in files} == expected
    assert len(alive) == len(watched) + 1
    # at the k-th document's first text file: the documents still to come, and the one being read
    assert [docs for docs, _ in alive] == list(range(len(watched), -1, -1)), alive
    assert alive[-1] == (0, others), "no document and no record once every text file is made"
