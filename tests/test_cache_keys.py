"""What stands for a document in cache keys, and how the model pickles (``build_scripts.pickling``,
``build_scripts.cache.keys.document_digests``, the search process's kept documents)."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.cache.keys import document_digests
from build_scripts.entities.catalog import Entity, Mention
from build_scripts.entities.stage import Hit
from build_scripts.model import Document, Footnote, Issue, Metadata, NoteRef, Paragraph
from build_scripts.pickling import by_fields
from build_scripts.search.analysis import FieldTerms, RecordTerms
from conftest import SEEDS, normalize_file

text = st.text(max_size=30)


@pytest.fixture(scope="module")
def documents():
    return [normalize_file(path).document for path in SEEDS]


def test_every_model_class_pickles_by_its_fields_and_back(documents):
    for cls in (NoteRef, Paragraph, Footnote, Issue, Metadata, Document, Mention, Hit, FieldTerms, RecordTerms):
        assert "__reduce__" in vars(cls), cls
    assert pickle.loads(pickle.dumps(documents)) == documents
    entity = Entity("state", "colombie", "Colombie", "Colombia", ("Colombia",))
    for value in (Mention(entity, 3, 11, "Colombia"), Hit("d", "op-1", 0, 3, "abc"),
                  RecordTerms((FieldTerms(2, ("a",), (2,)),), (("a", ("A",)),))):
        assert pickle.loads(pickle.dumps(value)) == value


@settings(max_examples=60, deadline=None)
@given(st.builds(Paragraph, id=text, kind=st.sampled_from(["operative", "preambular"]), text=text,
                 number=st.none() | text, lead=st.none() | text, level=st.integers(0, 3),
                 notes=st.lists(st.builds(NoteRef, text, st.integers()), max_size=2).map(tuple),
                 line=st.integers(0, 10**6)))
def test_a_paragraph_pickles_to_the_same_bytes_in_another_process(paragraph):
    """The memoized pages are keyed by the pickle of their inputs: the same bytes in every process."""
    data = pickle.dumps(paragraph, protocol=5)
    assert pickle.loads(data) == paragraph
    code = "import pickle, sys; sys.stdout.buffer.write(pickle.dumps(pickle.loads(sys.stdin.buffer.read()), protocol=5))"
    again = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True).stdout
    assert again == data


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_pickling_leaves_a_texts_memory_as_it_was(words):
    """CPython keeps the UTF-8 form of a ``str`` pickled by the C pickler inside the string: a
    paragraph's or a note's text is pickled as its bytes instead, so that the documents the main
    process pickles (into the cache, to the search process) do not hold their texts twice; any
    text comes back as it was (lone surrogates included)."""
    for value in (Paragraph("op-1", "operative", "Prie l’Office " + words), Footnote("fn-1", "1", "é " + words)):
        size = sys.getsizeof(value.text)
        assert pickle.loads(pickle.dumps(value, protocol=5)) == value
        assert sys.getsizeof(value.text) == size
    plain = "Prie l’Office " + words
    size = sys.getsizeof(plain)
    pickle.dumps(plain, protocol=5)
    assert sys.getsizeof(plain) > size, "the C pickler keeps a UTF-8 copy in a plain string (what this avoids)"


def test_a_class_with_a_field_outside_the_constructor_is_refused():
    @dataclasses.dataclass(frozen=True)
    class Odd:
        a: int
        b: int = dataclasses.field(init=False, default=0)

    with pytest.raises(TypeError):
        by_fields(Odd)


def test_document_digests_change_with_every_field_and_come_back_by_identity(documents):
    before = document_digests(documents)
    assert len(set(before.values())) == len(documents)
    again = document_digests(documents)  # the paragraphs' digests taken back by identity: the same values
    assert again == before
    copies = pickle.loads(pickle.dumps(documents))  # equal, not identical: computed again, the same values
    assert document_digests(copies) == before
    from build_scripts.cache import keys

    assert keys._BODIES and document_digests(documents, remember=False) == before
    assert keys._BODIES == {}  # mkdocs build: no document's paragraphs held past the stages
    doc = max(documents, key=lambda d: len(d.paragraphs))
    changed = {
        "meta": dataclasses.replace(doc.meta, title=(doc.meta.title or "") + "!"),
        "masthead": doc.masthead + ("x",), "title_line": "x", "formula": "x",
        "paragraphs": doc.paragraphs[:-1] + (dataclasses.replace(doc.paragraphs[-1], text=doc.paragraphs[-1].text + "!"),),
        "footnotes": doc.footnotes + (Footnote("fn-99", "99", "x"),), "closing": doc.closing + ("x",),
        "structured": not doc.structured, "extraction": "x", "issues": doc.issues + (Issue(1, "x"),),
        "furniture": doc.furniture + ((1, "x"),),
    }
    assert set(changed) == {f.name for f in dataclasses.fields(Document)}, "a new field: add it here"
    for name, value in changed.items():
        other = dataclasses.replace(doc, **{name: value})
        assert document_digests([other])[doc.meta.id] != before[doc.meta.id], name


def test_a_json_record_is_keyed_without_a_utf8_copy_of_its_texts(tmp_path):
    """A document's JSON record holds its paragraphs' texts (the very strings of the document):
    keying it by its pickle kept a UTF-8 copy inside each of them for the rest of the build; it
    is keyed by its ``repr``. The same value is read back from the cache, another value is not."""
    from build_scripts.cache.store import Store
    from build_scripts.render.pages import json_file

    text = "".join(["Prie l’Office des Nations Unies ", str(tmp_path)])  # a string made here, not a constant
    size = sys.getsizeof(text)
    store = Store(tmp_path / "cache", memory=False)
    first = json_file(store, "api/documents/x.json", {"paragraphs": [{"text": text}]})
    assert sys.getsizeof(text) == size
    again = Store(tmp_path / "cache", memory=False)
    assert json_file(again, "api/documents/x.json", {"paragraphs": [{"text": text}]}) == first and again.misses == 0
    json_file(again, "api/documents/x.json", {"paragraphs": [{"text": text + "."}]})
    assert again.misses == 1
