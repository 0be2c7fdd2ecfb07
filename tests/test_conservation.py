"""The conservation check: no word lost, none added — and the check itself can fail."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import FIXTURES, SEEDS, normalize_file
from build_scripts import conservation
from build_scripts.model import Footnote, NoteRef

ENGLISH = FIXTURES / "english" / "a_res_70_179.txt"


def raw_text(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("path", SEEDS + (ENGLISH,), ids=[p.stem for p in SEEDS + (ENGLISH,)])
def test_every_word_is_conserved(path):
    result = normalize_file(path)
    report = result.conservation
    assert report.lost == () and report.added == ()
    assert report.ok
    assert report.raw_words > 500 and report.output_words > 500
    # a few words may differ in count (split words joined), never many
    assert abs(report.raw_words - report.output_words) < report.raw_words * 0.02
    assert not [i for i in result.document.issues if "conservation" in i.message]


def test_seeds_are_long_enough_to_mean_something():
    words = {p.name[:3]: normalize_file(p).conservation.raw_words for p in SEEDS}
    assert all(n > 1000 for n in words.values()), words
    assert words["002"] > 10_000  # the report


def test_check_matches_normalize(seed):
    path = SEEDS[0]
    doc = seed("000").document
    again = conservation.check(raw_text(path), doc)
    assert again == seed("000").conservation


def test_a_removed_paragraph_is_reported_lost(seed):
    path = SEEDS[3]  # A/RES/74/176
    doc = seed("003").document
    victim = doc.paragraph("op-25")
    shorter = dataclasses.replace(doc, paragraphs=tuple(p for p in doc.paragraphs if p.id != "op-25"))
    report = conservation.check(raw_text(path), shorter)
    assert not report.ok
    lost = dict(report.lost)
    for word in ("bisannuelle", "accueille"):  # words of op-25 that occur nowhere else in the resolution
        assert lost.get(word) == 1, word
    assert lost.get("25") == 1  # its number is a word of the raw text too
    assert report.added == ()
    assert sum(lost.values()) >= len(conservation.tokens(victim.text))


def test_a_duplicated_paragraph_is_reported_added(seed):
    path = SEEDS[4]  # E/RES/2015/23
    doc = seed("004").document
    paras = list(doc.paragraphs)
    i = next(n for n, p in enumerate(paras) if p.id == "op-5")
    copy = dataclasses.replace(paras[i], id="op-5-copy")
    longer = dataclasses.replace(doc, paragraphs=tuple(paras[: i + 1] + [copy] + paras[i + 1 :]))
    report = conservation.check(raw_text(path), longer)
    assert not report.ok and report.lost == ()
    added = dict(report.added)
    assert added.get("publication") == 1 and added.get("flux") == 1
    assert sum(added.values()) >= len(conservation.tokens(copy.text)) - 2


def test_a_changed_word_is_reported_both_ways(seed):
    path = SEEDS[1]  # Belarus
    doc = seed("001").document
    paras = [dataclasses.replace(p, text=p.text.replace("condamnation", "approbation"))
             if p.id == "pp-1" else p for p in doc.paragraphs]
    report = conservation.check(raw_text(path), dataclasses.replace(doc, paragraphs=tuple(paras)))
    assert dict(report.lost) == {"condamnation": 1}
    assert dict(report.added) == {"approbation": 1}


def test_a_lost_footnote_is_reported(seed):
    path = SEEDS[0]
    doc = seed("000").document
    report = conservation.check(raw_text(path), dataclasses.replace(doc, footnotes=doc.footnotes[:-1]))
    assert not report.ok
    assert {"publication", "vente"} <= set(dict(report.lost))


def test_an_invented_note_marker_is_reported(seed):
    path = SEEDS[4]
    doc = seed("004").document
    paras = tuple(dataclasses.replace(p, notes=p.notes + (NoteRef("7", 0),)) if p.id == "pp-3" else p
                  for p in doc.paragraphs)
    report = conservation.check(raw_text(path), dataclasses.replace(doc, paragraphs=paras))
    assert dict(report.added) == {"7": 1}


def test_moved_text_counts_as_kept(seed):
    """Footnotes move from mid-page to the end: moving a whole footnote is not a loss."""
    path = SEEDS[4]
    doc = seed("004").document
    notes = doc.footnotes[::-1]
    report = conservation.check(raw_text(path), dataclasses.replace(doc, footnotes=notes))
    assert report.ok


def test_joined_fragments_count_as_kept():
    """``transnat ionale`` -> ``transnationale`` is a repair, not a loss plus an addition."""
    from build_scripts.model import Document, Metadata, Paragraph
    raw = "Texte sur la criminalité transnat ionale organisée et les volonta ires."
    doc = Document(meta=Metadata(id="x", source="x.txt"),
                   paragraphs=(Paragraph("para-1", "paragraph", "Texte sur la criminalité transnationale organisée "
                                                                "et les volontaires."),),
                   structured=False)
    assert conservation.check(raw, doc).ok
    bad = dataclasses.replace(doc, paragraphs=(dataclasses.replace(doc.paragraphs[0], text="Texte sur la criminalité "
                                                                   "transnationale et les volontaires."),))
    assert dict(conservation.check(raw, bad).lost) == {"organisée": 1}


def test_footnote_model_is_what_the_check_reads():
    note = Footnote("fn-1", "1", "Résolution 70/1.")
    assert conservation.tokens(f"{note.marker} {note.text}") == ["1", "résolution", "70", "1"]
