"""Seed-based parser tests: what each seed text states, checked by reading it.

The expected values below were read off the raw texts in ``source_docs/``
(counts of paragraphs and notes, masthead lines, where each footnote marker
stands), not copied from the parser's output.
"""

from __future__ import annotations

import re

import pytest

from conftest import SEEDS
from build_scripts.clean.lines import NOTE_CLOSE, NOTE_OPEN
from build_scripts.parse import parse_text
from build_scripts.symbol import Symbol

NBSP = "\u00a0"
TRAITE = "Amélioration de la coordination de l’action contre la traite des personnes"

#: The public id scheme documented in build_scripts/parse/structure.py.
ID_SCHEME = re.compile(
    r"^(?:summary|intro-\d+|text-\d+|heading-\d+"
    r"|(?:pp|op|para)-\d+(?:-[a-z](?:-[ivx]+)?)?"
    r"|sec-[ivx]+(?:-[a-h](?:-\d+)?)?(?:-sub-\d+)?)"
    r"(?:-\d+)?$"  # a clash gets -2, -3 …
)

SEED_PREFIXES = ("000", "001", "002", "003", "004")


def ids(doc, kind=None):
    return [p.id for p in doc.paragraphs if kind is None or p.kind == kind]


def cited(doc, marker):
    (note,) = [n for n in doc.footnotes if n.marker == marker]
    return note.cited_in


# --- metadata ----------------------------------------------------------------

META = {
    # Colombia's draft: masthead "Colombie : projet de résolution", GA formula, no symbol in the dump.
    "000": dict(type="draft_resolution", symbol=None, body="GA", language="fr",
                title=f"{TRAITE}{NBSP}: appel à l’action", date=None, session=None,
                sponsors=("Colombie",), committee_report=None, meeting=None, agenda_items=()),
    # Belarus's draft.
    "001": dict(type="draft_resolution", symbol=None, body="GA", language="fr", title=TRAITE,
                date=None, session=None, sponsors=("Bélarus",), committee_report=None, meeting=None,
                agenda_items=()),
    # The Secretary-General's report: symbol from the running page headers, title from the sidecar.
    "002": dict(type="report", symbol="A/74/127", body="GA", language="fr",
                title=f"{TRAITE}\u00a0: rapport du Secrétaire général",  # the sidecar's title, French spacing applied
                date=None, session="74", sponsors=(), committee_report=None, meeting=None, agenda_items=()),
    # The adopted resolution, Markdown-ish.
    "003": dict(type="resolution", symbol="A/RES/74/176", body="GA", language="fr", title=TRAITE,
                date="2019-12-18", session="74", sponsors=(), committee_report="A/74/400",
                meeting="50e séance plénière", agenda_items=("106",), distribution_date="2020-01-23"),
    # ECOSOC resolution 2015/23: no date, meeting or session is printed in the dump.
    "004": dict(type="resolution", symbol="E/RES/2015/23", body="ECOSOC", language="fr",
                title="Mise en œuvre du Plan d’action mondial des Nations Unies pour la lutte contre la traite des personnes",
                date=None, session=None, sponsors=(), committee_report=None, meeting=None, agenda_items=()),
}


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_metadata(seed, prefix):
    meta = seed(prefix).document.meta
    for field, expected in META[prefix].items():
        assert getattr(meta, field) == expected, f"{prefix}: {field}"


def test_ids_of_documents(seed):
    assert seed("002").document.meta.id == "a-74-127"
    assert seed("003").document.meta.id == "a-res-74-176"
    assert seed("004").document.meta.id == "e-res-2015-23"
    # drafts have no symbol: a readable slug with the sponsor, stable per file name
    assert re.fullmatch(r"projet-colombie-[0-9a-f]{8}", seed("000").document.meta.id)
    assert re.fullmatch(r"projet-belarus-[0-9a-f]{8}", seed("001").document.meta.id)


def test_provenance(seed):
    prov = dict(seed("002").document.meta.provenance)
    assert prov["title"] == "sidecar" and prov["symbol"] == "text"
    prov = dict(seed("003").document.meta.provenance)
    assert {prov[k] for k in ("symbol", "date", "meeting", "committee_report", "agenda_items")} == {"text"}


def test_masthead_title_formula_closing(seed):
    doc = seed("003").document
    assert doc.masthead == ("Assemblée générale", "Distr. générale", "23 janvier 2020", "Soixante-quatorzième session",
                            "Point 106 de l’ordre du jour", "Prévention du crime et justice pénale",
                            "Résolution adoptée par l’Assemblée générale le 18 décembre 2019",
                            "[sur la base du rapport de la Troisième Commission (A/74/400)]")
    assert doc.title_line == "74/176. Amélioration de la coordination de l'action contre la traite des personnes"  # as printed
    assert doc.formula == "L’Assemblée générale,"
    assert doc.closing == ("50e séance plénière", "18 décembre 2019")
    assert seed("004").document.formula == "Le Conseil économique et social,"
    assert seed("004").document.title_line.startswith("2015/23. Mise en œuvre")
    assert seed("000").document.masthead == ("Colombie : projet de résolution",)
    assert seed("002").document.formula is None


# --- counts --------------------------------------------------------------------

COUNTS = {  # preambular, operative, items, paragraphs, headings, footnotes
    "000": (16, 18, 0, 0, 0, 7),
    "001": (17, 19, 6, 0, 0, 1),
    "002": (0, 0, 38, 139, 28, 1),
    "003": (40, 26, 6, 0, 0, 23),
    "004": (12, 11, 6, 0, 0, 3),
}


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_counts(seed, prefix):
    c = seed(prefix).document.counts()
    got = (c["preambular"], c["operative"], c["item"], c["paragraph"], c["heading"], c["footnotes"])
    assert got == COUNTS[prefix]


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_structured_and_no_warnings(seed, prefix):
    result = seed(prefix)
    assert result.document.structured
    assert result.document.issues == ()


# --- A/RES/74/176 --------------------------------------------------------------------


def test_a_res_74_176(seed):
    doc = seed("003").document
    assert ids(doc, "preambular") == [f"pp-{n}" for n in range(1, 41)]
    assert ids(doc, "operative") == [f"op-{n}" for n in range(1, 27)]
    assert ids(doc, "item") == [f"pp-8-{x}" for x in "abcdef"]
    assert all(doc.paragraph(f"pp-8-{x}").parent == "pp-8" for x in "abcdef")
    assert doc.paragraph("pp-8").text == f"Réaffirmant que le Plan d’action mondial a vocation à{NBSP}:"
    assert [n.marker for n in doc.footnotes] == [str(n) for n in range(1, 24)]
    assert cited(doc, "5") == ("pp-5", "op-1")
    assert cited(doc, "6") == ("pp-5", "op-1")
    assert cited(doc, "1") == cited(doc, "4") == ("pp-4",)  # "l’horizon 2030<sup>1</sup>" … "les enfants<sup>4</sup>"
    assert cited(doc, "23") == ("op-2",)
    assert all(n.cited_in for n in doc.footnotes)
    # the marker stands right after "2030" in pp-4
    pp4 = doc.paragraph("pp-4")
    offset = next(r.offset for r in pp4.notes if r.marker == "1")
    assert pp4.text[:offset].endswith("Programme de développement durable à l’horizon 2030")
    assert doc.footnotes[0].text == "Résolution 70/1."
    # emphasis is the lead, not part of the text's markup
    assert doc.paragraph("pp-1").lead == "Condamnant de nouveau énergiquement"
    assert doc.paragraph("op-7").lead == "Exprime sa solidarité et sa compassion"
    assert "*" not in "".join(p.text for p in doc.paragraphs)


# --- A/74/127 --------------------------------------------------------------------------


def test_a_74_127_numbered_paragraphs(seed):
    doc = seed("002").document
    numbered = [p for p in doc.paragraphs if p.kind == "paragraph"]
    assert [p.id for p in numbered] == [f"para-{n}" for n in range(1, 140)]
    assert [p.number for p in numbered] == [str(n) for n in range(1, 140)]


def test_a_74_127_year_decoys_are_not_paragraphs(seed):
    doc = seed("002").document
    # "… ainsi qu’il le fait depuis\n2012. Chaque document …" and "… en\n2016. La part des hommes …"
    assert doc.paragraph("para-2012") is None and doc.paragraph("para-2016") is None
    assert "le fait depuis 2012. Chaque document d’orientation" in doc.paragraph("para-109").text
    assert "recensées en 2016. La part des hommes" in doc.paragraph("para-116").text
    assert doc.paragraph("para-105").text.endswith("conjointement par l’OSCE et ONU-Femmes en 2019.")


def test_a_74_127_sections_and_items(seed):
    doc = seed("002").document
    romans = [p.id for p in doc.paragraphs if p.kind == "heading" and p.level == 1 and p.id != "summary"]
    assert romans == [f"sec-{r}" for r in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")]
    assert [p.id for p in doc.paragraphs if p.kind == "heading" and p.level == 2] == ["sec-iii-a", "sec-iii-b", "sec-iii-c"]
    assert [f"sec-iii-a-{n}" for n in range(1, 6)] == [i for i in ids(doc) if i.startswith("sec-iii-a-")]
    assert [f"sec-iii-b-{n}" for n in range(1, 10)] == [i for i in ids(doc) if i.startswith("sec-iii-b-")]
    assert doc.paragraph("sec-iii-c-sub-1").text == "Évaluation du Plan d’action mondial pour la lutte contre la traite des personnes"
    assert doc.paragraph("sec-ix").text == "Recommandations"
    assert doc.paragraph("sec-ii").text.startswith("État des ratifications du Protocole visant à prévenir, réprimer")
    items = [i for i in ids(doc) if i.startswith("para-139-")]
    assert items == (["para-139-a", "para-139-b", "para-139-c", "para-139-d"]
                     + [f"para-139-d-{r}" for r in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")]
                     + ["para-139-e", "para-139-f", "para-139-g", "para-139-h", "para-139-i"])
    assert doc.paragraph("para-139-d-iv").parent == "para-139-d"
    assert doc.paragraph("para-139-i").parent == "para-139"  # "i)" after "h)" is a letter
    assert [i for i in ids(doc) if i.startswith("para-37-")] == ["para-37-a", "para-37-b", "para-37-c"]
    assert [i for i in ids(doc) if i.startswith("para-81-")] == ["para-81-a", "para-81-b"]
    # "a) renforcer …" inside a sentence of para. 89 is not an item
    assert doc.paragraph("para-89-a") is None and " a) renforcer les mesures" in doc.paragraph("para-89").text


def test_a_74_127_summary_and_split_words(seed):
    doc = seed("002").document
    assert doc.paragraphs[0].id == "summary" and doc.paragraphs[1].id == "intro-1"
    summary = doc.paragraph("intro-1").text
    assert "criminalité transnationale organisée" in summary
    assert "fonds de contributions volontaires des Nations Unies" in summary
    assert "la rendant ainsi pleinement" in doc.paragraph("para-4").text
    (star,) = doc.footnotes
    assert (star.marker, star.text) == ("*", "A/74/50.")


# --- Colombia's draft --------------------------------------------------------------------


def test_colombia_draft_notes(seed):
    doc = seed("000").document
    assert [n.marker for n in doc.footnotes] == ["*", "1", "2", "3", "4", "5", "6"]
    assert cited(doc, "*") == ()  # the asterisk note belongs to the cover page, not to a paragraph
    assert cited(doc, "1") == ("pp-4", "op-1")  # "organisée 1, ou ont" … "organisée1, ou d’y adhérer"
    assert cited(doc, "2") == ("pp-5", "op-10")  # "l’horizon\n2030 2 et" … "l ’horizon 20302 qui"
    assert cited(doc, "3") == ("pp-11", "op-2")  # "des personnes3 , qui" … "des personnes3 ;"
    assert cited(doc, "4") == ("pp-13",)
    assert cited(doc, "5") == ("op-1",)
    assert cited(doc, "6") == ("op-4",)
    pp13 = doc.paragraph("pp-13")
    offset = next(r.offset for r in pp13.notes if r.marker == "4")
    assert pp13.text[:offset].endswith("adoptée par consensus le 19 septembre 2016")  # the year is 2016, the note 4
    assert "2016," in pp13.text and "20164" not in pp13.text
    assert "(Global Report on Trafficking in Persons 2016)," in doc.paragraph("op-4").text
    assert "cibles 5.2, 8.7 et 16.2" in doc.paragraph("pp-5").text  # not notes
    assert doc.paragraph("intro-1").text.startswith("La Commission pour la prévention du crime")


def test_colombia_draft_word_repairs(seed):
    doc = seed("000").document
    text = " ".join(p.text for p in doc.paragraphs)
    assert "à la gravité de l’infraction" in doc.paragraph("pp-1").text
    assert "à continuer de mettre en œuvre" in doc.paragraph("pp-10").text
    assert "sous-régionale" in doc.paragraph("pp-7").text and "sous-régionaux" in doc.paragraph("op-17").text
    assert " ’" not in text and "  " not in text
    assert doc.paragraph("op-1").text.endswith(f"de les appliquer effectivement{NBSP};")


# --- Belarus's draft ---------------------------------------------------------------------


def test_belarus_draft(seed):
    doc = seed("001").document
    assert ids(doc, "item") == [f"pp-5-{x}" for x in "abcdef"]
    assert cited(doc, "1") == ("pp-6",)
    assert "la soixante-septième session" in doc.paragraph("op-2").text
    assert "elles-mêmes alimenter" in doc.paragraph("pp-12").text
    assert "sous-régionaux compétents" in doc.paragraph("op-1").text
    assert doc.paragraph("op-19").text.endswith("de la présente résolution.")


# --- ECOSOC 2015/23 ----------------------------------------------------------------------


def test_ecosoc_2015_23(seed):
    doc = seed("004").document
    assert ids(doc, "preambular") == [f"pp-{n}" for n in range(1, 13)]
    assert ids(doc, "operative") == [f"op-{n}" for n in range(1, 12)]
    assert ids(doc, "item") == [f"pp-2-{x}" for x in "abcdef"]
    assert [r.marker for r in doc.paragraph("pp-2-a").notes] == ["1", "2"]
    assert cited(doc, "1") == ("pp-2-a", "op-1") and cited(doc, "2") == ("pp-2-a", "op-1")
    assert cited(doc, "3") == ("op-3",)
    # the footnote block interrupts item e) / f): item f) is whole and in order
    assert doc.paragraph("pp-2-f").text.startswith("Pour renforcer la coopération")
    assert doc.paragraph("pp-2-e").text.endswith("et le public en général,")
    assert "soixante-neuvième session" in doc.paragraph("op-8").text


# --- every seed ------------------------------------------------------------------------------

FURNITURE = re.compile(r"V\.19-04876|https?://|undocs\.org|(?:\s?\.){4,}|\b\d{1,2}/27\b|_{3,}|<sup|\]\(#")


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_no_furniture_left(seed, prefix):
    doc = seed(prefix).document
    texts = [p.text for p in doc.paragraphs] + [n.text for n in doc.footnotes] + list(doc.masthead)
    for text in texts:
        assert not FURNITURE.search(text), text[:120]
        assert NOTE_OPEN not in text and NOTE_CLOSE not in text


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_ids_unique_and_in_scheme(seed, prefix):
    doc = seed(prefix).document
    pids = ids(doc)
    assert len(pids) == len(set(pids))
    bad = [p for p in pids if not ID_SCHEME.match(p)]
    assert not bad
    fids = [n.id for n in doc.footnotes]
    assert len(fids) == len(set(fids)) and all(re.fullmatch(r"fn-(?:\d+|star(?:-\d)?)", f) for f in fids)


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_parents_and_note_offsets(seed, prefix):
    doc = seed(prefix).document
    known = set(ids(doc))
    for para in doc.paragraphs:
        if para.kind == "item":
            assert para.parent in known and para.id.startswith(para.parent + "-")
        for ref in para.notes:
            assert 0 <= ref.offset <= len(para.text)
    markers = {n.marker for n in doc.footnotes}
    assert all(r.marker in markers for p in doc.paragraphs for r in p.notes)


def test_parse_never_raises_on_odd_text():
    for text in ("", "\n\n", "1.", "a)", "I.", "______\n1 note", "L’Assemblée générale,", "<sup>1</sup>"):
        doc = parse_text(text, "odd.txt")
        assert isinstance(doc.paragraphs, tuple)


def test_seed_list_is_complete():
    assert [p.name[:3] for p in SEEDS] == list(SEED_PREFIXES)
    assert Symbol.parse("A/74/127")  # the report's symbol parses
