"""Citation forms: how a reader cites each kind of document and paragraph, in the text's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.render.citation_forms import csl, document_name, paragraph_label
from build_scripts.sources import read_source

REAL = Path(__file__).resolve().parent / "fixtures" / "real"


def real(stem: str):
    path = next(REAL.glob(f"*/{stem}.txt"))
    return read_source(path).document


@pytest.mark.parametrize("prefix, name", [
    ("003", "Résolution 74/176 de l’Assemblée générale du 18 décembre 2019"),
    ("004", "Résolution 2015/23 du Conseil économique et social"),
    ("002", "Rapport du Secrétaire général (A/74/127)"),
    ("001", "Projet de résolution présenté par le Bélarus (2013)"),
    ("000", "Projet de résolution présenté par la Colombie (2018)"),
])
def test_french_document_names(seed, prefix, name):
    assert document_name(seed(prefix).document) == name


@pytest.mark.parametrize("stem, name", [
    ("a-res-80-13", "General Assembly resolution 80/13 of 1 December 2025"),
    ("a-res-72-5", "General Assembly resolution 72/5 of 10 November 2017"),
    ("a-c-3-80-l-2", "Draft resolution A/C.3/80/L.2"),
    ("a-c-4-80-l-3", "Draft decision A/C.4/80/L.3"),
    ("a-80-l-19", "Amendment A/80/L.19"),
])
def test_english_document_names(stem, name):
    assert document_name(real(stem)) == name


def test_paragraph_labels_in_each_language(seed):
    doc = seed("003").document
    assert paragraph_label(doc, doc.paragraph("pp-5")) == "alinéa 5 du préambule"
    assert paragraph_label(doc, doc.paragraph("op-3")) == "par. 3"
    en = real("a-res-80-3")
    assert paragraph_label(en, en.paragraph("pp-1")) == "preambular para. 1"
    assert paragraph_label(en, en.paragraph("op-2")) == "para. 2"
    assert paragraph_label(en, en.paragraph("annex-13-a")) == "annex, para. 13 (a)"
    decision = real("a-c-4-80-l-3")
    assert paragraph_label(decision, decision.paragraph("op-b")) == "operative text (b)"


def test_csl_json_holds_what_the_document_states(seed):
    item = csl(seed("003").document, "documents/a-res-74-176/")
    assert item == {"id": "a-res-74-176", "type": "legislation", "number": "A/RES/74/176",
                    "title": seed("003").document.meta.title, "authority": "Assemblée générale",
                    "publisher": "Nations Unies", "language": "fr", "issued": {"date-parts": [[2019, 12, 18]]},
                    "URL": "documents/a-res-74-176/"}
    assert csl(real("a-80-l-19"), "x")["authority"] == "General Assembly"


#: One full citation (document name, paragraph label) per document type, seeds and real English texts,
#: as a reader pastes it in a footnote.
FULL = [
    ("seed:003", "op-6", "Résolution 74/176 de l’Assemblée générale du 18 décembre 2019, par. 6"),
    ("seed:003", "pp-5", "Résolution 74/176 de l’Assemblée générale du 18 décembre 2019, alinéa 5 du préambule"),
    ("seed:004", "pp-5", "Résolution 2015/23 du Conseil économique et social, alinéa 5 du préambule"),
    ("seed:002", "para-12", "Rapport du Secrétaire général (A/74/127), par. 12"),
    ("seed:001", "op-3", "Projet de résolution présenté par le Bélarus (2013), par. 3"),
    ("seed:000", "op-1", "Projet de résolution présenté par la Colombie (2018), par. 1"),
    ("a-res-80-115", "op-3", "General Assembly resolution 80/115 of 12 December 2025, para. 3"),
    ("a-80-l-10", "pp-2", "Draft resolution A/80/L.10, preambular para. 2"),
    ("a-c-1-80-l-35", "op", "Draft decision A/C.1/80/L.35, operative text"),
    ("a-80-l-19", "para-2", "Amendment A/80/L.19, paragraph 2"),
]


@pytest.mark.parametrize("source, pid, expected", FULL)
def test_full_citation_of_every_document_type(seed, source, pid, expected):
    doc = seed(source[5:]).document if source.startswith("seed:") else real(source)
    para = doc.paragraph(pid)
    assert para is not None, f"{source} has no {pid}"
    assert f"{document_name(doc)}, {paragraph_label(doc, para)}" == expected
