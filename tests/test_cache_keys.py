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
