"""The corpus's documents on a shelf (``build_scripts/shelf.py``): read back equal, in corpus
order, and never all held at once — the corpus-wide stages and the pages take them one at a
time (the main process's memory does not grow with the texts of the corpus)."""

from __future__ import annotations

import dataclasses
import gc
import os
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts import corpus as corpus_mod
from build_scripts import shelf as shelf_mod
from build_scripts import site
from build_scripts.model import Document, Issue, Paragraph
from build_scripts.render import pages
from build_scripts.shelf import Documents, Listed, Shelf, shelve
from tests.conftest import SEEDS, normalize_file


def _alive() -> int:
    """How many documents this process holds (the model's objects are tracked by the collector)."""
    gc.collect()
    return sum(1 for o in gc.get_objects() if type(o) is Document)


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.text(max_size=80), min_size=1, max_size=6), issue=st.text(max_size=20))
def test_a_shelved_document_reads_back_equal_with_its_entry(texts, issue):
    base = normalize_file(SEEDS[0]).document
    doc = dataclasses.replace(base, paragraphs=tuple(Paragraph(f"p-{n}", "paragraph", t) for n, t in enumerate(texts)))
    shelf = Shelf()
    entry = shelve(doc, shelf)
    assert shelf.take(entry.number) == doc
    # the corpus may change an entry after shelving (final id, a warning): the document read back has it
    changed = dataclasses.replace(entry, meta=dataclasses.replace(entry.meta, id="autre"),
                                  issues=entry.issues + (Issue(3, issue),))
    (back,) = Documents(shelf, [changed])
    assert back.meta.id == "autre" and back.issues == changed.issues and back.paragraphs == doc.paragraphs


def test_documents_in_corpus_order_and_an_entry_is_not_a_document():
    corpus = corpus_mod.build([normalize_file(p).document for p in SEEDS])
    assert isinstance(corpus.documents, Documents)
    ids = [d.meta.id for d in corpus.documents]
    assert ids == [e.meta.id for e in corpus.listed] == sorted(ids, key=lambda i: corpus.rank()[i])
    assert corpus.documents[-1].meta.id == ids[-1] and [d.meta.id for d in corpus.documents[1:3]] == ids[1:3]
    entry = corpus.entry(ids[0])
    assert isinstance(entry, Listed) and entry.meta == corpus.get(ids[0]).meta
    with pytest.raises(AttributeError):
        entry.paragraphs  # code that wants the text fails loudly on an entry  # noqa: B018
    assert corpus.get("absent") is None and corpus.entry("absent") is None and "absent" not in corpus.by_id()
    assert corpus.by_id()[ids[1]] == corpus.documents[1]


def test_a_shelf_is_never_pickled():
    import pickle

    with pytest.raises(TypeError, match="process that wrote it"):
        pickle.dumps(Shelf())


def test_the_stages_and_pages_hold_a_few_documents_whatever_the_corpus(tmp_path, monkeypatch):
    """At every document page made, and once every file is made, the main process holds at most
    the few documents it is working on and the last few looked up by id (:data:`RECENT`) — not the
    corpus: 30 documents here (six copies of each seed, their texts made distinct)."""
    monkeypatch.setattr(shelf_mod, "RECENT", 2)
    folder = tmp_path / "source_docs"
    folder.mkdir()
    for copy in range(6):
        for path in SEEDS:
            text = path.read_text(encoding="utf-8").replace("Assemblée générale", f"Assemblée générale ({copy})", 1)
            (folder / f"{copy}-{path.name}").write_text(text, encoding="utf-8")
    before = _alive()  # held by earlier tests (the seeds' cached normalizations)
    seen: list[int] = []
    page = pages.document_page

    def counted(corpus, doc):
        seen.append(_alive() - before)
        return page(corpus, doc)

    monkeypatch.setattr(pages, "document_page", counted)
    from build_scripts.sources import normalize_all, scan

    built = site._build(normalize_all(scan(folder), 1, None, Shelf()), 1)  # as site.start reads a folder
    assert len(built.corpus.listed) == 30 and len(seen) == 30
    assert max(seen) <= 2 + 2, seen  # the page's document (and the iteration's), the last two looked up
    assert _alive() - before <= 2  # once every file is made: those looked up last
    del built
    assert _alive() == before


def test_reading_a_folder_onto_a_shelf_holds_no_document(tmp_path):
    from build_scripts.sources import normalize_all, scan

    for path in SEEDS:
        shutil.copy(path, tmp_path / path.name)
    shelf, before = Shelf(tmp_path / "cache"), _alive()
    read = normalize_all(scan(tmp_path), 1, None, shelf)
    assert [type(r) for r in read.results] == [Listed] * len(SEEDS) and read.shelf is shelf
    assert _alive() == before
    assert os.listdir(tmp_path / "cache") == []  # the shelf's file has no name: nothing left behind


def test_under_serve_the_shelf_keeps_the_documents_themselves():
    """``mkdocs serve``'s build cache holds every document in memory anyway: its shelf keeps them
    as they are (the same objects, which the stages' caches of the last build recognise)."""
    doc = normalize_file(SEEDS[0]).document
    kept = Shelf(remember=True)
    entry = shelve(doc, kept)
    assert kept.take(entry.number) is doc and kept._file is None
    written = Shelf()  # a file: read back, a copy
    copy = written.take(shelve(doc, written).number)
    assert copy == doc and copy is not doc


def test_entity_pages_quote_passages_taken_in_the_stage_pass(monkeypatch):
    """The entity pages quote each mention from the passages the entity stage shelved in its one
    pass over the texts: making them reads no document (a document read per entity it mentions
    made the stage three times slower)."""
    from build_scripts.entities.stage import attach as entity_stage

    corpus = corpus_mod.build([normalize_file(p).document for p in SEEDS])
    reads: list[int] = []
    take = corpus.documents.shelf.take
    monkeypatch.setattr(corpus.documents.shelf, "take", lambda n: reads.append(n) or take(n))
    entity_stage(corpus)
    assert len(reads) == len(SEEDS), "each document read once, in the stage's pass"
    pages = [f for f in corpus.extras["pages"] if f.path.startswith("etats/")]
    assert pages and any("**" in f.content for f in pages), "mentions quoted in bold in their context"
    # a document's mentions are read back from the shelf when its page is made, as they were found
    from build_scripts.entities import load_catalog
    from build_scripts.entities.stage import mentions_of

    shelved = corpus.extras["entity_data"]["per_doc"]
    for doc in corpus.documents:
        found = {pid: ms for pid, ms in mentions_of(doc, load_catalog()).items() if ms}
        assert (shelved.get(doc.meta.id) or {}) == found and found


@settings(max_examples=30, deadline=None)
@given(text=st.text(max_size=300))
def test_a_generated_file_on_the_shelf_is_the_same_file(text):
    import pickle

    from build_scripts.render.pages import SiteFile

    made, shelf = SiteFile("a/b.md", text), Shelf()
    shelved = made.shelved(shelf)
    assert shelved._data is None and shelved == made and hash(shelved) == hash(made) and shelved.content == text
    assert pickle.loads(pickle.dumps(shelved)) == made  # pickled with its bytes (the build cache, other processes)
    assert made.shelved(Shelf(remember=True)) is made  # mkdocs serve: held as it is
    with pytest.raises(AttributeError):
        shelved.path = "c.md"


def test_a_build_holds_its_generated_files_on_the_shelf(tmp_path):
    """Every file the main process makes (document pages and data, listings, the stages' pages)
    has its bytes on the shelf, not in memory, until MkDocs uses it."""
    from build_scripts.sources import normalize_all, scan

    for path in SEEDS:
        shutil.copy(path, tmp_path / path.name)
    built = site._build(normalize_all(scan(tmp_path), 1, None, Shelf()), 1)
    assert len(built.files) > 100 and all(f._data is None for f in built.files)
    whole = site.output(tmp_path, workers=1)
    assert sorted(built.complete().files, key=lambda f: f.path) == list(whole.files)


def test_a_folder_is_scanned_without_holding_its_texts_and_a_file_changed_meanwhile_is_refused(tmp_path):
    """Scanning digests each text and lets its bytes go (they are read again, one at a time, by
    the process that normalizes it); a file changed between the two reads is refused, with an
    error naming it, and the others build."""
    from build_scripts.sources import normalize_all, scan

    for path in SEEDS:
        shutil.copy(path, tmp_path / path.name)
    scanned = scan(tmp_path)
    assert all(raw.data is None and raw.source for _, raw in scanned)
    changed = tmp_path / SEEDS[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nUn mot de plus.\n", encoding="utf-8")
    read = normalize_all(scanned, 1, None, Shelf())
    assert len(read.results) == len(SEEDS) - 1
    ((name, message),) = read.failures
    assert name == SEEDS[0].name and message.startswith(f"{SEEDS[0].name}: changed while the archive was being built")
