"""Masthead rules met in real texts of the checked set (``tests/fixtures/real-checked``): one test
per case, positive and negative, on short texts in PyMuPDF's layout."""

from __future__ import annotations

import pytest

from build_scripts.normalize import normalize
from tests.test_organs import pymupdf

TOP = ["United Nations", "A/80/L.99", "", "General Assembly", "Distr.: Limited", "18 November 2025",
       "Original: English", "", "25-18000 (E)    261125", "*2518000*", "", "Eightieth session"]
BODY = ["", "", "The General Assembly,", "", "Recalling its resolutions,", "", "1. Decides to act.", ""]


def parsed(*lines: str):
    return normalize(pymupdf(*TOP, *lines, *BODY), "a-80-l-99.txt").document


def test_the_titles_of_several_agenda_items_each_after_a_blank_line_are_masthead():
    d = parsed("Agenda items 13 and 75", "", "Integrated and coordinated implementation of and",
               "follow-up to the outcomes of the major conferences", "", "Oceans and the law of the sea", "", "",
               "Austria and Brazil:* draft resolution", "", "", "A conference on oceans")
    assert d.meta.agenda_items == ("13", "75") and d.meta.title == "A conference on oceans"
    assert "Oceans and the law of the sea" in d.masthead and "follow-up to the outcomes of the major conferences" in d.masthead
    assert [p.id for p in d.paragraphs] == ["pp-1", "op-1"] and not d.issues


def test_a_block_after_a_blank_line_is_no_agenda_title_when_no_statement_follows():
    """Two items, their titles in one block, then the document's title with no sponsor or type
    statement between: the title is not taken for the second item's."""
    d = parsed("Agenda items 13 and 75", "", "Integrated and coordinated implementation",
               "Oceans and the law of the sea", "", "", "A conference on oceans")
    assert d.meta.title == "A conference on oceans" and "A conference on oceans" not in d.masthead


def test_contiguous_titles_take_no_block_after_a_blank_line():
    d = parsed("Agenda items 13 and 75", "Integrated and coordinated implementation", "Oceans and the law of the sea",
               "", "", "Austria and Brazil:* draft resolution", "", "", "A conference on oceans")
    assert d.meta.title == "A conference on oceans"
    assert "Oceans and the law of the sea" in d.masthead and [p.id for p in d.paragraphs] == ["pp-1", "op-1"]


def test_text_after_an_agenda_item_and_its_title_stays_text():
    """The real A/C.6/80/L.20: the item's title right under its line, then a sentence before the
    "Draft decision" statement: the sentence is not taken for a title."""
    d = parsed("Agenda item 121", "Revitalization of the work of the General Assembly", "", "", "",
               "Under agenda item 121, “Revitalization of the work of the General Assembly”,",
               "each Main Committee shall adopt a provisional programme of work.", "", "", "Draft decision", "", "",
               "Provisional programme of work")
    assert "Revitalization of the work of the General Assembly" in d.masthead
    assert not [line for line in d.masthead if line.startswith("Under agenda item")]


@pytest.mark.parametrize("gap", [[], [""]])
def test_a_titles_last_line_naming_the_assembly_is_no_formula(gap):
    """The real A/C.6/80/L.6: its title ends on a line "the General Assembly" (here also after a blank line)."""
    d = normalize(pymupdf(*TOP, "Agenda item 172", "", "Austria and Brazil: draft resolution", "", "",
                          "Observer status for the Organization in", *gap, "the General Assembly", *BODY), "x.txt").document
    assert d.formula == "The General Assembly," and [p.id for p in d.paragraphs if p.kind != "intro"] == ["pp-1", "op-1"]
    if not gap:
        assert d.meta.title == "Observer status for the Organization in the General Assembly" and not d.issues


def test_a_formula_without_its_comma_still_opens_an_adopting_text():
    d = normalize(pymupdf(*TOP, "", "Resolution adopted by the General Assembly on 1 December 2025", "", "",
                          "80/99. A declaration", "", "The General Assembly", "",
                          "Adopts the following declaration:", "", "1. We reaffirm our commitment.", ""), "x.txt").document
    assert d.formula == "The General Assembly" and d.paragraphs[0].id == "op"


def test_an_amendment_to_a_draft_recommended_in_a_committee_report():
    """The real A/80/L.40: what it amends is the committee's report (the draft has no symbol of its own)."""
    text = pymupdf(*TOP, "Agenda item 71 (a)", "", "Algeria and Bahrain:* amendment to draft resolution 23",
                   "recommended by the Third Committee in its report contained in", "document A/80/545", "", "",
                   "Implementation of the Convention", "", "", "In the eleventh preambular paragraph, delete “words”.", "")
    d = normalize(text, "x.txt").document
    assert (d.meta.type, d.meta.amends, d.meta.sponsors) == ("amendment", "A/80/545", ("Algeria", "Bahrain"))
    assert [p.id for p in d.paragraphs] == ["para-1"] and not d.issues


def test_a_french_amendment_to_a_draft_recommended_in_a_committee_report():
    from build_scripts import lang
    from build_scripts.parse import masthead

    found: dict = {}
    line = ("Algérie et Bahreïn : amendement au projet de résolution 23 recommandé par la Troisième Commission "
            "dans son rapport publié sous la cote A/80/545")
    assert masthead.statement(line, lang.language("fr"), found) == "sponsor"
    assert (found["type"], found["amends"]) == ("amendment", "A/80/545")


def test_part_and_section_headings_of_a_budget_resolution():
    """The real A/C.5/80/L.4: ``Part I`` / its title, ``Section 29C`` / its title, between numbered paragraphs."""
    d = normalize(pymupdf(
        *TOP, "Agenda item 140", "", "Draft resolution submitted by the Chair", "", "", "Questions relating to the budget",
        "", "", "The General Assembly,", "", "Recalling its resolutions,", "", "1. Decides to act;", "",
        "Part I", "Overall policymaking, direction and coordination", "", "2. Requests a report;", "",
        "Section 29C", "Office of Information and Communications Technology", "", "3. Decides to go on.", ""),
        "x.txt").document
    heads = [(p.id, p.text) for p in d.paragraphs if p.kind == "heading"]
    assert heads == [("heading-1", "Part I Overall policymaking, direction and coordination"),
                     ("heading-2", "Section 29C Office of Information and Communications Technology")]
    assert [p.id for p in d.paragraphs if p.kind == "operative"] == ["op-1", "op-2", "op-3"] and not d.issues


def test_a_part_and_its_first_section_are_two_headings():
    """The real A/C.5/80/L.4: ``Part I`` / its title, a blank line, ``Section 1`` / its title, then paragraph 47;
    the part's title has no final punctuation, so without the rule the two blocks ran together."""
    d = normalize(pymupdf(
        *TOP, "Agenda item 140", "", "Draft resolution submitted by the Chair", "", "", "Questions relating to the budget",
        "", "", "The General Assembly,", "", "Recalling its resolutions,", "", "1. Decides to act;", "",
        "Part I", "Overall policymaking, direction and coordination", "", "Section 1",
        "Overall policymaking, direction and coordination", "", "", "2. Requests a report.", ""), "x.txt").document
    assert [(p.text, p.level) for p in d.paragraphs if p.kind == "heading"] == [
        ("Part I Overall policymaking, direction and coordination", 1),
        ("Section 1 Overall policymaking, direction and coordination", 2)]  # a Section under a Part


def test_headings_of_a_note_without_sections():
    """The real A/C.2/80/L.1 (a note by the Secretariat): ``Programme of work`` above paragraph 2."""
    text = pymupdf(*TOP, "Second Committee", "", "", "Organization of work", "", "Note by the Secretariat", "", "",
                   "Allocation of items", "", "1.", "The items are listed in the note.", "", "", "Programme of work", "",
                   "2.", "The draft programme of work has been prepared.", "")
    d = normalize(text, "x.txt").document
    assert [(p.id, p.kind) for p in d.paragraphs] == [("intro-1", "intro"), ("para-1", "paragraph"),  # before the 1st
                                                     ("heading-1", "heading"), ("para-2", "paragraph")]
    assert not d.issues


def test_a_numbered_paragraph_ending_on_a_comma_goes_on_at_the_next_pages_top():
    """The real A/80/L.8: paragraph 4 ends its page on "the Protocol to Prevent," and goes on with
    "Suppress and Punish …" under the next page's running header (no blank line there)."""
    page_top = [None, "A/80/L.99", "", "25-18000", "2/2", ""]
    d = normalize(pymupdf(*TOP, "Agenda item 1", "", "Austria and Brazil: draft resolution", "", "", "A title", "", "",
                          "The General Assembly,", "", "Recalling its resolutions,", "",
                          "1. Urges States to ratify the Convention and the Protocol to Prevent,", *page_top,
                          "Suppress and Punish Trafficking in Persons, as a matter of priority;", "",
                          "2. Decides to remain seized of the matter.", ""), "x.txt").document
    assert [p.id for p in d.paragraphs] == ["pp-1", "op-1", "op-2"] and not d.issues
    assert d.paragraph("op-1").text.endswith("Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
                                             "as a matter of priority;")


def test_a_preambular_paragraph_at_a_pages_top_still_opens():
    page_top = [None, "A/80/L.99", "", "25-18000", "2/2", ""]
    d = normalize(pymupdf(*TOP, "Agenda item 1", "", "Austria and Brazil: draft resolution", "", "", "A title", "", "",
                          "The General Assembly,", "", "Recalling its resolutions,", *page_top,
                          "Noting the report,", "", "1. Decides to remain seized of the matter.", ""), "x.txt").document
    assert [p.id for p in d.paragraphs] == ["pp-1", "pp-2", "op-1"]


def test_headings_of_an_annexed_declaration_without_sections():
    """The real A/RES/80/5: "A call to action", "Follow-up" between the declaration's numbered paragraphs."""
    d = normalize(pymupdf(*TOP, "Agenda item 1", "", "", "Resolution adopted by the General Assembly on 4 November 2025",
                          "", "", "80/5. A declaration", "", "", "The General Assembly", "",
                          "Adopts the declaration annexed to the present resolution.", "", "", "Annex", "", "",
                          "A declaration", "", "1. We commit ourselves to act.", "", "", "A call to action", "",
                          "2. We recommit ourselves to social development.", ""), "x.txt").document
    assert [(p.id, p.kind) for p in d.paragraphs if p.id.startswith("annex")] == [
        ("annex", "heading"), ("annex-1", "paragraph"), ("annex-heading-1", "heading"), ("annex-2", "paragraph")]
    assert not d.issues


def test_a_long_run_of_heading_shaped_lines_is_read_in_one_pass():
    """Hostile input: 3,000 short capitalised lines, each after a blank line, above a numbered paragraph
    (a recursive look-ahead hit Python's recursion limit here)."""
    from build_scripts.parse.blocks import Block
    from build_scripts.parse.structure import _subject_headings

    blocks = [Block("text", None, f"Heading number {n} of the run", n, [n]) for n in range(3000)]
    blocks.append(Block("numbered", "1", "Decides to act.", 3000, [3000]))
    assert _subject_headings(blocks) == set(range(3000))
    blocks.insert(1500, Block("text", None, "Recalling its resolutions,", 1500, [1500]))
    assert _subject_headings(blocks) == set(range(1501, 3001))
