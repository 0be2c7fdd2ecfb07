"""Masthead rules met in real texts of the checked set (``tests/fixtures/real-checked``): one test
per case, positive and negative, on short texts in PyMuPDF's layout."""

from __future__ import annotations

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
