"""An English resolution in the shape of a UN PDF dump (tests/fixtures/english/a_res_70_179.txt).

The fixture is written for these tests (not an official text): page-1 footer
with job number, date stamp and barcode, running page headers, two footnote
blocks that interrupt paragraphs, English item labels ``(a)`` / ``(i)`` and
English footnote markers placed after the punctuation (``Development, 1 and``,
``Crime,3 which``).
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, normalize_file
from build_scripts.render import markdown

PATH = FIXTURES / "english" / "a_res_70_179.txt"
TITLE = "Improving the coordination of efforts against trafficking in persons"


@pytest.fixture(scope="module")
def result():
    return normalize_file(PATH)


@pytest.fixture(scope="module")
def doc(result):
    return result.document


def test_metadata(doc):
    m = doc.meta
    assert (m.language, m.symbol, m.body, m.type) == ("en", "A/RES/70/179", "GA", "resolution")
    assert (m.date, m.session, m.agenda_items) == ("2015-12-17", "70", ("106",))
    assert (m.committee_report, m.meeting, m.distribution_date) == ("A/70/490", "80th plenary meeting", "2016-02-08")
    assert m.title == TITLE  # the title line is broken across two lines in the dump
    assert m.id == "a-res-70-179"
    assert doc.title_line == f"70/179. {TITLE}"
    assert doc.formula == "The General Assembly,"
    assert doc.closing == ("80th plenary meeting", "17 December 2015")
    assert doc.masthead[:4] == ("United Nations", "General Assembly", "Distr.: General", "8 February 2016")
    assert "[on the report of the Third Committee (A/70/490)]" in doc.masthead


def test_counts_and_ids(doc):
    c = doc.counts()
    assert (c["preambular"], c["operative"], c["item"], c["footnotes"]) == (7, 4, 8, 5)
    assert [p.id for p in doc.paragraphs if p.kind == "preambular"] == [f"pp-{n}" for n in range(1, 8)]
    assert [p.id for p in doc.paragraphs if p.kind == "operative"] == [f"op-{n}" for n in range(1, 5)]
    assert [p.id for p in doc.paragraphs if p.kind == "item"] == [
        "pp-4-a", "pp-4-b", "pp-4-c", "op-1-a", "op-1-b", "op-1-b-i", "op-1-b-ii", "op-1-c"]
    assert doc.paragraph("op-1-b-ii").parent == "op-1-b" and doc.paragraph("op-1-c").parent == "op-1"
    assert doc.paragraph("pp-4").text == "Reaffirming that the Global Plan of Action was developed:"
    assert doc.paragraph("pp-4-a").text.startswith("To promote universal ratification")
    assert doc.paragraph("op-1-b-i").text == "By providing shelter, medical care and legal assistance;"
    assert doc.issues == ()


def test_year_at_line_start_is_not_a_paragraph(doc):
    assert "welcoming the events held on that day in 2015. Many Member States" in doc.paragraph("pp-6").text


def test_footnotes_attached(doc):
    cited = {n.marker: n.cited_in for n in doc.footnotes}
    assert cited == {"1": ("pp-2",), "2": ("pp-3", "op-1"), "3": ("pp-3", "op-1"), "4": ("op-2",), "5": ("op-4",)}
    pp2 = doc.paragraph("pp-2")
    (ref,) = pp2.notes
    assert pp2.text[: ref.offset].endswith("the 2030 Agenda for Sustainable Development,")  # marker after the comma
    assert "Development, and recalling also" in pp2.text
    assert [n.text for n in doc.footnotes][:2] == ["Resolution 70/1.", "United Nations, Treaty Series, vol. 2225, No. 39574."]


def test_paragraph_interrupted_by_footnotes_and_page_break_joins_up(doc):
    pp3 = doc.paragraph("pp-3").text
    assert "which provides the first internationally agreed definition of the crime" in pp3
    op3 = doc.paragraph("op-3").text
    assert "Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children" in op3


def test_no_furniture_left(doc):
    text = " ".join(p.text for p in doc.paragraphs)
    for furniture in ("15-22153", "080216", "1522153", "A/RES/70/179", "2/6", "3/6", "___"):
        assert furniture not in text
    rules = {rule for _, _, rule in doc.furniture}
    assert {"job number", "barcode", "page header", "footnote separator"} <= rules


def test_english_word_repairs(doc):
    assert "vocational training and self-employment, so as to prevent" in doc.paragraph("op-1-b-ii").text
    assert doc.paragraph("op-1-c").text.endswith("punish traffickers and intermediaries;")
    assert "Secretary-General, and requests the Secretary-General" in doc.paragraph("op-4").text
    assert "\u00a0" not in " ".join(p.text for p in doc.paragraphs)  # no French no-break spaces in English


def test_conservation(result):
    assert result.conservation.ok
    assert result.conservation.raw_words > 500


def test_markdown_renders_english_items(doc):
    md = markdown.render(doc)
    assert '<span class="num">(a)</span> To criminalize' in md, "English texts print items as (a)"
    assert '<span class="num">(ii)</span>' in md
    assert "{: #op-1-b-ii" in md


def test_the_language_is_that_of_the_un_furniture_whatever_the_body_quotes():
    """A French resolution whose body is English words (a quoted title, a list of instruments)
    is French: its adoption line, formula and meeting line say so (found by hypothesis: a body
    of « Abuse abolition and » made the stop words vote English)."""
    from build_scripts import lang

    french = ("Résolution adoptée par l’Assemblée générale le 18 décembre 2019\n\n74/176. Abuse abolition\n\n"
              " L’Assemblée générale,\n\n 1. Abuse and the abolition of the and ;\n\n50e séance plénière\n")
    english = ("Resolution adopted by the General Assembly on 18 December 2019\n\nThe General Assembly,\n\n"
               "1. Prend note de la résolution et de la décision du Conseil et de la Commission ;\n")
    assert lang.detect(french) == "fr" and lang.detect(english) == "en"
    assert lang.detect("the and of the and of la") == "en"  # no furniture: the stop words decide
