"""Resolutions of the Security Council, the Economic and Social Council and the Human Rights Council,
in PyMuPDF's layout (``tests/fixtures/organs``, hand-made: see its README), and one unit test per
rule they brought in.

Expected values are read off the texts (what the masthead, the adoption line and the closing lines
state), not copied from the parser's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.clean.furniture import SYMBOL_LINE
from build_scripts.normalize import normalize

ORGANS = Path(__file__).resolve().parent / "fixtures" / "organs"


def doc(name: str):
    path = ORGANS / name
    return normalize(path.read_bytes(), path.name).document


def pymupdf(*lines: str | None) -> bytes:
    """Lines as PyMuPDF writes them (a trailing space, blank lines of one space, None: a page break)."""
    return ("\n".join("" if l is None else f"{l} " for l in lines) + "\n").encode()


def kinds(d) -> list[tuple[str, str]]:
    return [(p.id, p.kind) for p in d.paragraphs]


@pytest.mark.parametrize("name, language, meeting, formula", [
    ("sc-en.txt", "en", "9518th meeting", "The Security Council,"),
    ("sc-fr.txt", "fr", "9518e séance", "Le Conseil de sécurité,"),
])
def test_security_council_resolution(name, language, meeting, formula):
    d = doc(name)
    m = d.meta
    assert (m.symbol, m.id, m.type, m.body, m.language) == ("S/RES/2719 (2023)", "s-res-2719-2023", "resolution", "SC",
                                                          language)
    assert (m.date, m.year, m.meeting, m.distribution_date) == ("2023-12-21", "2023", meeting, "2023-12-21")
    assert m.title is None  # a Security Council resolution has no title: its number names it
    assert d.formula == formula and not d.issues
    assert [p.id for p in d.paragraphs if p.kind == "operative"] == ["op-1", "op-2", "op-3"]
    assert [p.id for p in d.paragraphs if p.kind == "item"] == ["op-2-a", "op-2-b"]
    assert not [p for p in d.paragraphs if p.kind in ("intro", "paragraph")]
    assert not any("S/RES/2719" in p.text or "23-26120" in p.text for p in d.paragraphs)  # running header gone
    assert d.paragraphs[-1].text.rstrip(" .").endswith("question" if language == "fr" else "matter")


def test_security_council_resolution_cites_its_own_footnote_and_masthead():
    d = doc("sc-en.txt")
    assert d.masthead[-3:] == ("Resolution 2719 (2023)", "Adopted by the Security Council at its 9518th meeting, on",
                               "21 December 2023")
    assert [n.text.strip() for n in d.footnotes] == ["S/PRST/2009/26."]
    assert d.footnotes[0].cited_in == ("pp-2",)


def test_human_rights_council_resolution():
    d = doc("hrc-en.txt")
    m = d.meta
    assert (m.symbol, m.type, m.body, m.session, m.agenda_items) == ("A/HRC/RES/55/1", "resolution", "HRC", "55", ("2",))
    assert (m.date, m.meeting, m.distribution_date, m.original_language) == ("2024-04-03", "56th meeting", "2024-04-09",
                                                                             "English")
    assert m.title == "Promotion and protection of human rights in Nicaragua"
    assert "Human Rights Council" in d.masthead and "26 February–5 April 2024" in d.masthead
    assert kinds(d) == [("pp-1", "preambular"), ("pp-2", "preambular"), ("op-1", "operative"), ("op-2", "operative"),
                        ("op-3", "operative")]
    assert d.paragraphs[-1].text.strip() == "Decides to remain seized of the matter."
    assert d.closing == (
        "56th meeting", "3 April 2024",
        "[Adopted by a recorded vote of 28 to 1, with 18 abstentions. The voting was as follows:",
        "In favour: Argentina, Belgium, Chile, Costa Rica, Finland, France, Germany, Japan, Luxembourg, "
        "Netherlands (Kingdom of the), Paraguay, Romania",
        "Against: China",
        "Abstaining: Bangladesh, Burundi, Cameroon, India, Indonesia]")
    assert not d.issues


def test_economic_and_social_council_resolution():
    d = doc("ecosoc-en.txt")
    m = d.meta
    assert (m.symbol, m.type, m.body, m.date, m.meeting) == ("E/RES/2023/5", "resolution", "ECOSOC", "2023-06-06",
                                                             "21st plenary meeting")
    assert m.session is None  # "2023 session": a year, not a session number (the site says « 74e session »)
    assert m.committee_report == "E/2023/24" and m.agenda_items == ("18 (c)",)
    assert m.title == "Work of the Statistical Commission pertaining to the 2030 Agenda for Sustainable Development"
    assert "2023 session" in d.masthead and "25 July 2022–26 July 2023" in d.masthead
    assert "[on the recommendation of the Statistical Commission (E/2023/24)]" in d.masthead
    assert kinds(d) == [("pp-1", "preambular"), ("op-1", "operative"), ("op-2", "operative")]
    assert d.closing == ("21st plenary meeting", "6 June 2023") and not d.issues


# --- one test per rule ---------------------------------------------------------------------------

@pytest.mark.parametrize("line, furniture", [
    ("S/RES/2719 (2023)", True), ("S/RES/2719(2023)", True), ("A/RES/80/95", True),
    ("S/RES/2719 (2023) of 21 December", False), ("(2023)", False),
])
def test_symbol_line_may_carry_its_year(line, furniture):
    assert bool(SYMBOL_LINE.match(line)) is furniture


def test_a_resolution_number_alone_needs_its_capital():
    """``Resolution 2719 (2023)`` on its own line is a Security Council resolution's number; a title
    whose second line reads ``resolution 2719 (2023)`` keeps it (see the real A/C.5/80/L.3)."""
    text = pymupdf("United Nations", "A/C.5/80/L.3", "", "General Assembly", "Distr.: Limited", "4 November 2025", "",
                   "25-17779 (E)", "*2517779*", "", "Eightieth session", "Fifth Committee", "Agenda item 148",
                   "Financing of peacekeeping", "", "Draft resolution submitted by the Chair of the Committee", "",
                   "Financial arrangements for the implementation of", "resolution 2719 (2023)", "",
                   "The General Assembly,", "", "1. Takes note of the report;", "")
    m = normalize(text, "a-c-5-80-l-3.txt").document.meta
    assert m.symbol == "A/C.5/80/L.3" and m.title == "Financial arrangements for the implementation of resolution 2719 (2023)"


def test_an_adoption_line_broken_before_its_date_is_read_whole():
    head = ["United Nations", "S/RES/2720 (2023)", "", "Security Council", "Distr.: General", "22 December 2023",
            "23-26300 (E)", "*2326300*", "", "Resolution 2720 (2023)", ""]
    body = ["", "The Security Council,", "", "Recalling its resolutions,", "", "1. Decides to remain seized of the matter.", ""]
    d = normalize(pymupdf(*head, "Adopted by the Security Council at its 9520th meeting, on", "22 December 2023", *body),
                  "s.txt").document
    assert (d.meta.date, d.meta.meeting) == ("2023-12-22", "9520th meeting")
    apart = normalize(pymupdf(*head, "Adopted by the Security Council at its 9520th meeting, on", "", "22 December 2023",
                              *body), "s.txt").document  # a blank line between: the date does not finish the line
    assert apart.meta.meeting is None and apart.masthead[-1] == "22 December 2023" and apart.meta.title is None


def test_an_organ_named_above_its_session_is_masthead_but_a_title_ending_on_it_is_not():
    top = ["United Nations", "A/HRC/55/L.1", "", "General Assembly", "Distr.: Limited", "1 April 2024", "",
           "24-05000 (E)", "*2405000*", ""]
    tail = ["", "", "The Human Rights Council,", "", "1. Decides to remain seized of the matter.", ""]
    d = normalize(pymupdf(*top, "Human Rights Council", "Fifty-fifth session", "Agenda item 4", "", "",
                          "Report of the Working Group", *tail), "x.txt").document
    assert "Human Rights Council" in d.masthead and d.meta.session == "55"
    titled = normalize(pymupdf(*top, "Fifty-fifth session", "Agenda item 4", "", "",
                               "Cooperation with the", "Human Rights Council", *tail), "x.txt").document
    assert titled.meta.title == "Cooperation with the Human Rights Council"


def test_a_vote_record_closes_only_after_the_meeting_lines():
    top = ["United Nations", "A/HRC/RES/55/2", "", "General Assembly", "Distr.: General", "9 April 2024", "",
           "24-06413 (E)", "*2406413*", "", "Resolution adopted by the Human Rights Council on 3 April 2024", "",
           "55/2. Something", "", "The Human Rights Council,", "", "1. Decides to act;", ""]
    d = normalize(pymupdf(*top, "56th meeting", "3 April 2024", "", "[Adopted without a vote.]", ""), "h.txt").document
    assert d.closing == ("56th meeting", "3 April 2024", "[Adopted without a vote.]")
    loose = normalize(pymupdf(*top, "2. Notes the following:", "", "[Adopted without a vote.]", ""), "h.txt").document
    assert loose.closing == () and "[Adopted without a vote.]" in loose.paragraphs[-1].text  # not after a meeting line


def test_the_vote_record_is_set_apart_from_the_meeting_lines_on_the_page():
    from build_scripts.render.markdown import body_blocks

    closing = [b for b in body_blocks(doc("hrc-en.txt")) if ".closing" in b]
    assert [b.rsplit("{:", 1)[1].strip() for b in closing] == ([".closing }"] * 2 + [".closing .vote-record }"] * 4)
    assert closing[3].startswith("In favour: Argentina, Belgium")


def test_a_session_of_the_human_rights_council_is_not_the_general_assemblys():
    import dataclasses

    from build_scripts.corpus import build
    from build_scripts.render.listings import facet_path, facet_title

    hrc = doc("hrc-en.txt")
    ga = normalize((ORGANS.parent / "real" / "en" / "a-res-80-13.txt").read_bytes(), "a-res-80-13.txt").document
    ga = dataclasses.replace(ga, meta=dataclasses.replace(ga.meta, session="55"))
    sessions = build([hrc, ga]).facet("session")
    assert {k: [d.meta.id for d in v] for k, v in sessions.items()} == {"55": ["a-res-80-13"],
                                                                         "HRC:55": ["a-hrc-res-55-1"]}
    assert facet_title("session", "HRC:55") == "55e session — Conseil des droits de l’homme"
    assert facet_title("session", "55") == "55e session"
    assert facet_path("session", "HRC:55") == "parcourir/session/conseil-des-droits-de-l-homme-55/index.md"
    assert facet_path("session", "55") == "parcourir/session/55/index.md"


def test_a_mandate_resolution_has_subject_headings():
    d = doc("sc-mandate-en.txt")
    assert kinds(d)[:5] == [("pp-1", "preambular"), ("pp-2", "preambular"), ("pp-3", "preambular"),
                            ("heading-1", "heading"), ("op-1", "operative")]
    assert [(p.id, p.text) for p in d.paragraphs if p.kind == "heading"] == [("heading-1", "Mandate of UNMISS"),
                                                                            ("heading-2", "Reporting")]
    assert [p.id for p in d.paragraphs if p.kind == "operative"] == ["op-1", "op-2", "op-3", "op-4"]
    assert d.paragraph("op-2-a-ii").parent == "op-2-a" and not d.issues


SC_HEAD = ["United Nations", "S/RES/2730 (2024)", "", "Security Council", "Distr.: General", "1 May 2024",
           "24-07900 (E)", "*2407900*", "", "Resolution 2730 (2024)", "",
           "Adopted by the Security Council at its 9616th meeting, on", "1 May 2024", "", "The Security Council,", ""]


@pytest.mark.parametrize("line, kind", [
    ("Mandate of the Mission", "heading"),
    ("Acting under Chapter VII of the Charter of the United Nations,", "preambular"),  # its comma: a paragraph
    ("Recalling the Charter of the United Nations1", "preambular"),                     # a footnote marker ends it
    ("mandate of the Mission", "preambular"),                   # not capitalised: the paragraph above goes on
    ("Mandate of the Mission and of the other United Nations entities in the region of the Great Lakes", "preambular"),
])
def test_what_a_subject_heading_is(line, kind):
    text = pymupdf(*SC_HEAD, "Recalling its resolutions,", "", line, "", "1. Decides to act;", "",
                   "2. Decides to remain seized of the matter.", "")
    d = normalize(text, "s.txt").document
    (made,) = [p for p in d.paragraphs if line.rstrip(",1") in p.text]
    assert made.kind == kind and [p.kind for p in d.paragraphs].count("heading") == (kind == "heading")


def test_a_capitalised_line_not_above_a_numbered_paragraph_is_no_heading():
    text = pymupdf(*SC_HEAD, "Recalling its resolutions,", "", "1. Decides to act;", "", "Further steps", "",
                   "(a) To report;", "")
    d = normalize(text, "s.txt").document
    assert not [p for p in d.paragraphs if p.kind == "heading"]


def test_the_french_texts_of_the_other_organs():
    hrc, eco = doc("hrc-fr.txt"), doc("ecosoc-fr.txt")
    assert (hrc.meta.symbol, hrc.meta.body, hrc.meta.language, hrc.meta.session, hrc.meta.meeting, hrc.meta.date) == (
        "A/HRC/RES/55/1", "HRC", "fr", "55", "56e séance", "2024-04-03")
    assert {"Conseil des droits de l’homme", "26 février-5 avril 2024"} <= set(hrc.masthead)
    assert hrc.closing[:3] == ("56e séance", "3 avril 2024", "[Adoptée à l’issue d’un vote enregistré par 28 voix contre 1, "
                               "avec 18 abstentions. Les voix se sont réparties comme suit :")
    assert hrc.closing[-1] == "Se sont abstenus : Bangladesh, Burundi, Cameroun, Inde, Indonésie]"
    assert [p.id for p in hrc.paragraphs] == ["pp-1", "pp-2", "op-1", "op-2", "op-3"] and not hrc.issues
    assert (eco.meta.symbol, eco.meta.session, eco.meta.committee_report, eco.meta.agenda_items, eco.meta.meeting) == (
        "E/RES/2023/5", None, "E/2023/24", ("18 c)",), "21e séance plénière")
    assert {"Session de 2023", "25 juillet 2022-26 juillet 2023"} <= set(eco.masthead)
    assert [p.id for p in eco.paragraphs] == ["pp-1", "op-1", "op-2"] and not eco.issues
