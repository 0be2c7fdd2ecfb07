"""The readers and the rules that bring every extraction to one canonical line stream,
and the parse steps real UN documents need (one group per module, small hand-made texts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts import readers
from build_scripts.clean import clean, hyphenation, labels, running_heads
from build_scripts.clean.lines import Line
from build_scripts.lang import language
from build_scripts.parse import footnotes, parse_text, sponsors
from build_scripts.parse.blocks import segment
from build_scripts.parse.metadata import drafts_of
from build_scripts.render.labels import label
from build_scripts.symbol import Symbol
from conftest import SEEDS

EN = language("en")

# A two-page PyMuPDF extraction: trailing spaces, blank lines holding a space, one empty line
# between pages, the running header of page 2 (symbol, short title, job number, page number),
# a paragraph broken by the page break, numbers and letters alone on their lines.
PYMUPDF = "\n".join([
    "United Nations ", "A/RES/80/99", " ", "General Assembly ", "Distr.: General ", "3 December 2025 ",
    "25-19806 (E) ", "*2519806* ", " ", "Eightieth session ", "Agenda item 18 (l) ", "Some agenda title ", " ",
    " Resolution adopted by the General Assembly ", "on 1 December 2025 ", " ",
    "[on the report of the Special Political and Decolonization Committee ",
    "(Fourth Committee) (A/80/537, para. 15)] ", " ",
    "80/99. A short title ", "for testing ", " ", "The General Assembly, ", " ",
    "Recalling its resolution 79/1,1 ", " ",
    "Noting the efforts of the ", "_______________ ", " ", "1 Resolution 79/1 of ", "1 January 2024. ", "",
    "A/RES/80/99 ", "A short title for testing", " ", "25-19806", "2/2 ", " ",
    "States concerned, ", " ", "1. ", "Decides to act; ", " ", "(a) ", "urgently; ", " ",
    "3 ", "Requests a report. ", " ", "48th plenary meeting ", "1 December 2025 ", ""])


def test_readers_recognise_each_extraction():
    assert readers.reader_for(PYMUPDF).NAME == "pymupdf"
    assert readers.reader_for("Line one\n\fLine two\n").NAME == "pdftotext"
    assert readers.reader_for("# Assemblée générale\n\ntexte").NAME == "markdown"
    for seed in SEEDS:
        if seed.name.startswith(("000", "001", "002", "004")):
            assert readers.reader_for(seed.read_text(encoding="utf-8")).NAME == "dump", seed.name


def test_pymupdf_reader_numbers_pages_and_treats_space_lines_as_blank():
    lines = readers.read(PYMUPDF).lines
    assert all(l.stripped for l in lines)
    assert {l.page for l in lines} == {1, 2}
    states = next(l for l in lines if l.text.startswith("States"))
    assert states.page == 2 and states.opens  # a page top may open a paragraph (the parser decides)
    decides = next(l for l in lines if l.text.startswith("Decides"))
    assert decides.gap == 0 and not decides.opens


def test_pdftotext_reader_splits_pages_at_form_feeds():
    lines = readers.read("Text one\n\n\fA/80/L.1\n2/2\nText two\n").lines
    assert [(l.text, l.page) for l in lines] == [("Text one", 1), ("A/80/L.1", 2), ("2/2", 2), ("Text two", 2)]


def test_running_header_of_a_later_page_goes_with_its_repeated_title():
    removed: list = []
    lines = running_heads.remove(list(readers.read(PYMUPDF).lines), removed)
    gone = [text.strip() for _, text, rule in removed if rule == "running header"]
    assert gone == ["A/RES/80/99", "A short title for testing", "25-19806", "2/2"]
    assert any(l.text.startswith("States concerned") for l in lines)


def test_running_header_needs_a_job_or_page_number_and_leaves_page_one():
    page = [Line(1, "Some text", page=1), Line(2, "A/80/L.1", page=2), Line(3, "Recalling its resolution", page=2)]
    assert running_heads.remove(page, []) == page  # a symbol alone, no job or page number: not a header


def test_running_footer_is_found_at_the_bottom_when_the_top_has_none():
    page = [Line(1, "x", page=1), Line(2, "Text of page two,", page=2), Line(3, "the end of it.", page=2),
            Line(4, "A/80/L.1", page=2), Line(5, "25-12345", page=2), Line(6, "2/3", page=2)]
    kept = running_heads.remove(page, [])
    assert [l.text for l in kept] == ["x", "Text of page two,", "the end of it."]
    no_symbol = [Line(1, "x", page=1), Line(2, "Text of page two,", page=2), Line(3, "A short title", page=2),
                 Line(4, "25-12345", page=2), Line(5, "2/3", page=2)]
    assert [l.text for l in running_heads.remove(no_symbol, [])] == ["x", "Text of page two,", "A short title"]


@pytest.mark.parametrize("label_line, text, joined", [
    ("1. ", "Decides to act;", "1. Decides to act;"),
    ("(a) ", "urgently;", "(a) urgently;"),
    ("(ii) ", "Calls upon", "(ii) Calls upon"),
    ("25 ", "Condemns", "25 Condemns"),
    ("12.  ", "“Welcomes", "12. “Welcomes"),
])
def test_a_lone_label_opens_the_paragraph_that_follows(label_line, text, joined):
    out = labels.join([Line(1, label_line.rstrip(), gap=1), Line(2, text)])
    assert len(out) == 1 and " ".join(out[0].text.split()) == joined and out[0].label_alone and out[0].no == 1


def test_a_lone_label_without_text_after_it_stays():
    lines = [Line(1, "Some text"), Line(2, "3.")]
    assert labels.join(lines) == lines


def test_a_bare_number_is_a_paragraph_number_only_where_it_stood_alone():
    inline = [Line(1, "1. Decides that", opens=True), Line(2, "2 December 1948 is a date;")]
    assert [b.kind for b in segment(inline, "blank", "en")] == ["numbered"]
    alone = [Line(1, "1. Decides that;", opens=True), Line(2, "2 Requests", gap=1, opens=True, label_alone=True)]
    assert [(b.kind, b.label) for b in segment(alone, "blank", "en")] == [("numbered", "1"), ("numbered", "2")]


def test_paged_footnotes_run_to_the_page_end_and_on_to_the_next_page():
    lines = [Line(1, "Text,", page=1), Line(2, "_______", page=1), Line(3, "1 A note that goes", page=1),
             Line(4, "on here", page=1), Line(5, "More text", page=2), Line(6, "_______", page=2),
             Line(7, "and ends here.", page=2), Line(8, "2 Second note.", page=2)]
    body, notes, _ = footnotes.extract(lines, "pdf")
    assert [l.text for l in body] == ["Text,", "More text"]
    assert [(n.marker, n.text) for n in notes] == [("1", "A note that goes on here and ends here."), ("2", "Second note.")]


def test_an_asterisk_note_without_separator_is_a_note_in_paged_text():
    lines = [Line(1, "Palau:* draft resolution", page=1), Line(2, "* On behalf of the Alliance", page=1),
             Line(3, "of Small Island States.", page=1), Line(4, "The General Assembly,", page=2)]
    body, notes, _ = footnotes.extract(lines, "pdf")
    assert [n.text for n in notes] == ["On behalf of the Alliance of Small Island States."]
    assert [l.text for l in body] == ["Palau:* draft resolution", "The General Assembly,"]


def test_sponsor_lists_keep_state_names_that_hold_and():
    names = sponsors.split("Antigua and Barbuda, Bosnia and Herzegovina, Cuba, United Kingdom of Great Britain "
                           "and Northern Ireland and Saint Vincent and the Grenadines", EN)
    assert names == ("Antigua and Barbuda", "Bosnia and Herzegovina", "Cuba",
                     "United Kingdom of Great Britain and Northern Ireland", "Saint Vincent and the Grenadines")
    assert sponsors.split("Allemagne, France et Italie", language("fr")) == ("Allemagne", "France", "Italie")


def test_a_number_range_broken_at_its_dash_is_joined_whole():
    assert hyphenation.join("Framework 2015–", "2030,", "en") == "Framework 2015–2030,"


def test_drafts_named_by_a_plenary_resolution():
    assert drafts_of({"without_reference": {"symbols": "A/72/L.6 and Add.1"}}) == ("A/72/L.6", "A/72/L.6/Add.1")
    assert drafts_of({"without_reference": {"symbols": "A/80/L.11"}}) == ("A/80/L.11",)


@pytest.mark.parametrize("symbol, committee", [("A/C.3/80/L.2", "Third Committee"), ("A/C.1/80/L.7/Rev.1", "First Committee"),
                                               ("A/80/L.24", "plenary"), ("A/RES/80/3", None), ("E/2019/L.5", None)])
def test_committee_from_the_symbol(symbol, committee):
    assert Symbol.parse(symbol).committee == committee


def test_the_whole_pymupdf_document():
    doc = parse_text(PYMUPDF, "x.txt", "en")
    m = doc.meta
    assert (m.symbol, m.type, m.date, m.distribution_date, m.committee, m.committee_report) == \
        ("A/RES/80/99", "resolution", "2025-12-01", "2025-12-03", "Fourth Committee", "A/80/537")
    assert m.title == "A short title for testing" and m.agenda_items == ("18 (l)",)
    assert [(p.id, p.text) for p in doc.paragraphs] == [
        ("pp-1", "Recalling its resolution 79/1,"), ("pp-2", "Noting the efforts of the States concerned,"),
        ("op-1", "Decides to act;"), ("op-1-a", "urgently;"), ("op-3", "Requests a report.")]
    assert doc.paragraph("pp-1").notes[0].marker == "1"
    assert doc.footnotes[0].text == "Resolution 79/1 of 1 January 2024."
    assert doc.closing == ("48th plenary meeting", "1 December 2025")
    assert any("numbering gap: paragraph 3 follows paragraph 1" in i.message for i in doc.issues)
    far = parse_text(PYMUPDF.replace("\n3 \n", "\n25 \n"), "x.txt", "en")
    assert far.paragraph("op-1-a").text == "urgently; 25 Requests a report."  # out of sequence: text, not a number
    assert any("'25' alone on its line was not taken as a label" in i.message for i in far.issues)


ANNEXES = "\n".join([
    "The General Assembly, ", " ", "Recalling its resolution 1/1, ", " ", "1. ", "Adopts the two annexed texts. ", " ",
    "Annex I ", "First text ", " ", "1. ", "We agree. ", " ", "I. ", "Context ", " ", "2. ", "We act: ", " ",
    "(a) ", "Now; ", " ", "Annex II ", "Second text ", " ", "1. ", "We also agree. ", ""])


def test_several_annexes_keep_their_own_numbering_under_their_own_ids():
    doc = parse_text(ANNEXES, "x.txt", "en")
    ids = [p.id for p in doc.paragraphs]
    assert ids == ["pp-1", "op-1", "annex-i", "annex-i-1", "annex-i-sec-i", "annex-i-2", "annex-i-2-a",
                   "annex-ii", "annex-ii-1"]
    assert doc.paragraph("annex-i").text == "First text" and doc.paragraph("annex-i").number == "Annex I"
    assert label(doc, doc.paragraph("annex-ii-1")) == "annexe II, par. 1"
    assert label(doc, doc.paragraph("annex-i-2-a")) == "annexe I, par. 2 a)"


def test_an_unnumbered_operative_sentence_is_the_operative_text():
    doc = parse_text("The General Assembly \n \nAdopts the declaration annexed to the present resolution. \n \n"
                     "Annex \nA declaration \n \n1. \nWe declare. \n", "x.txt", "en")
    assert [(p.id, p.kind) for p in doc.paragraphs][:1] == [("op", "operative")]
    assert label(doc, doc.paragraph("op")) == "dispositif"
    assert not any("operative" in i.message for i in doc.issues)


def test_a_decision_running_on_after_its_formula():
    text = ("Draft decision submitted by the Chair \n \nQuestion of X \n \n"
            "The General Assembly, recalling its decision 79/521:  \n \n(a) \nUrges the parties; \n \n(b) \nWelcomes the talks. \n")
    doc = parse_text(text, "x.txt", "en")
    assert doc.formula == "The General Assembly,"
    assert [(p.id, p.text) for p in doc.paragraphs] == [("op", "recalling its decision 79/521:"),
                                                       ("op-a", "Urges the parties;"), ("op-b", "Welcomes the talks.")]
    assert doc.meta.type == "draft_decision" and doc.meta.title == "Question of X"


def test_a_resolution_without_operative_part_is_warned_about():
    doc = parse_text("The General Assembly, \n \nRecalling its resolution 1/1, \n \nNoting its resolution 2/2, \n", "x.txt", "en")
    assert any("no operative paragraph" in i.message for i in doc.issues)


def test_a_job_number_left_in_a_paragraph_is_warned_about():
    doc = parse_text("The General Assembly, \n \n1. \nDecides to act 25-16006 and to go on; \n", "x.txt", "en")
    assert any("page furniture left in paragraph op-1" in i.message for i in doc.issues)


def test_a_revised_draft_keeps_its_revision_in_symbol_and_type():
    text = PYMUPDF_DRAFT.replace("A/C.3/80/L.9", "A/C.3/80/L.9/Rev.1").replace(": draft resolution", ": revised draft resolution")
    doc = parse_text(text, "x.txt", "en")
    assert (doc.meta.symbol, doc.meta.type, doc.meta.committee) == ("A/C.3/80/L.9/Rev.1", "revised_draft_resolution",
                                                                  "Third Committee")
    assert doc.meta.sponsors == ("Bosnia and Herzegovina", "Trinidad and Tobago") and doc.meta.title == "A draft"


PYMUPDF_DRAFT = "\n".join([
    "United Nations ", "A/C.3/80/L.9", " ", "General Assembly ", "Distr.: Limited ", "2 October 2025 ",
    "Original: English ", " ", "25-11111 (E) ", "*2511111* ", " ", "Eightieth session ", "Third Committee ",
    "Agenda item 69 (a) ", "Elimination of racism ", " ", "Bosnia and Herzegovina and Trinidad ", "and Tobago: draft resolution ",
    " ", " A draft ", " ", "The General Assembly, ", " ", "Recalling its resolution 1/1, ", " ", "1. ", "Decides to act. ", ""])


def test_a_draft_masthead_gives_date_original_committee_and_sponsors_over_lines():
    doc = parse_text(PYMUPDF_DRAFT, "x.txt", "en")
    m = doc.meta
    assert (m.type, m.date, m.distribution_date, m.original_language, m.committee, m.agenda_items) == \
        ("draft_resolution", "2025-10-02", "2025-10-02", "English", "Third Committee", ("69 (a)",))
    assert m.sponsors == ("Bosnia and Herzegovina", "Trinidad and Tobago")


def test_a_letter_is_typed_as_one():
    doc = parse_text("Letter dated 5 May 2025 from the Permanent Representative of Chile addressed to the "
                     "Secretary-General \n \nI have the honour to transmit the attached text. \n", "x.txt", "en")
    assert doc.meta.type == "letter"


def test_an_amendment_names_its_sponsors_and_the_draft_it_amends():
    text = PYMUPDF_DRAFT.replace("Bosnia and Herzegovina and Trinidad ", "Belarus and Russian Federation: amendment to revised ") \
        .replace("and Tobago: draft resolution ", "draft resolution A/C.3/80/L.20/Rev.1") \
        .replace("The General Assembly, ", "After the fourteenth preambular paragraph, insert: ") \
        .replace("1. ", "").replace("Decides to act. ", "Delete operative paragraph 9. ")
    doc = parse_text(text, "x.txt", "en")
    assert (doc.meta.type, doc.meta.amends, doc.meta.sponsors) == ("amendment", "A/C.3/80/L.20/Rev.1",
                                                                   ("Belarus", "Russian Federation"))
    assert doc.structured and [p.id for p in doc.paragraphs] == ["para-1", "para-2", "para-3"]
    assert all(p.number is None for p in doc.paragraphs) and not doc.issues


def test_sections_of_an_operative_part_are_headings_and_the_numbering_runs_on():
    text = ("The General Assembly, \n \nRecalling its resolution 1/1, \n \n1. \nTakes note of the report; \n \n"
            "I \n \n \nLegislative activities \n \n2. \nCommends the Commission; \n \nII \n \nTravel assistance \n \n"
            "3. \nDecides to act. \n")
    doc = parse_text(text, "x.txt", "en")
    assert [(p.id, p.kind) for p in doc.paragraphs] == [("pp-1", "preambular"), ("op-1", "operative"), ("sec-i", "heading"),
                                                       ("op-2", "operative"), ("sec-ii", "heading"), ("op-3", "operative")]
    assert doc.paragraph("sec-i").text == "Legislative activities" and not doc.issues


def test_an_annex_opening_sentence_carries_its_items():
    text = ("The General Assembly, \n \n1. \nDecides to act as set out in the annex. \n \nAnnex \n \n"
            "The rights shall be given effect as follows: \n \n(a) \nThe right to speak; \n \n(b) \nThe right to reply. \n")
    doc = parse_text(text, "x.txt", "en")
    assert [p.id for p in doc.paragraphs] == ["op-1", "annex", "annex-intro-1", "annex-intro-1-a", "annex-intro-1-b"]
    assert label(doc, doc.paragraph("annex-intro-1-b")) == "annexe, texte liminaire b)" and not doc.issues


def test_the_agenda_item_of_a_provisional_agenda():
    text = PYMUPDF_DRAFT.replace("Agenda item 69 (a) ", "Item 35 of the provisional agenda* ")
    assert parse_text(text, "x.txt", "en").meta.agenda_items == ("35",)


def test_a_french_pymupdf_draft():
    """A French draft as PyMuPDF extracts it (hand-made on the French masthead's model)."""
    path = Path(__file__).resolve().parent / "fixtures" / "readers" / "pymupdf_fr_draft.txt"
    doc = parse_text(path.read_text(encoding="utf-8"), path.name)
    m = doc.meta
    assert (m.language, m.symbol, m.type, m.committee, m.date, m.original_language, m.agenda_items, m.session) == \
        ("fr", "A/C.3/80/L.9", "draft_resolution", "Third Committee", "2025-10-02", "anglais", ("69 a)",), "80")
    assert m.sponsors == ("Bélarus", "Bosnie-Herzégovine", "Trinité-et-Tobago", "Fédération de Russie")
    assert m.title == "Lutte contre la glorification du nazisme"
    assert [p.id for p in doc.paragraphs] == ["pp-1", "pp-2", "op-1", "op-2", "op-2-a", "op-2-b"]
    assert doc.paragraph("pp-1").notes[0].marker == "1" and not doc.issues
