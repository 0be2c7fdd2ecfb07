"""Organizations' acronyms in the index (``build_scripts/search/acronyms.py``): a field that
names an organization gets its acronyms, in both languages; a snippet marks the name the
acronym found, in Python and in ``search.js`` alike."""

from __future__ import annotations

from build_scripts.search.acronyms import acronym_tokens, names_of
from build_scripts.search.pipeline import process_term
from build_scripts.search.query import marks, snippet
from tests.support.searchjs import run_search_js
FR = "Prie l’Office des Nations Unies contre la drogue et le crime de faire rapport au Conseil économique et social."
EN = "Requests the United Nations Office on Drugs and Crime to report to the Economic and Social Council."


def test_a_named_organization_brings_its_acronyms_in_both_languages():
    for text in (FR, EN):
        tokens = acronym_tokens(text)
        assert {"onudc", "unodc", "ecosoc"} <= set(tokens)
    assert acronym_tokens("Le crime et la drogue, selon l’Office.") == []  # a name, not its words


def test_once_per_mention_in_text_order():
    tokens = acronym_tokens(EN + " " + EN)
    assert tokens.count("unodc") == 2 and tokens.index("unodc") < tokens.index("ecosoc")


def test_names_of_an_acronym_term():
    keys = names_of(process_term("UNODC"))
    assert "united nations office on drugs and crime" in keys
    assert "office des nations unies contre la drogue et le crime" in keys
    assert names_of(process_term("drogue")) == ()


def test_snippet_marks_the_name_the_acronym_found():
    shown = snippet(EN, marks(EN, {process_term("unodc")}, []))
    assert "<mark>United Nations Office on Drugs and Crime</mark>" in shown


def test_browser_marks_the_same(node, tmp_path):
    cases = [{"text": t, "terms": sorted({process_term(a) for a in ("unodc", "ecosoc", "crime")}), "phrases": []}
             for t in (FR, EN, FR + " " + EN)]
    got = run_search_js(node, tmp_path, {"marks": cases})["marks"]
    assert got == [marks(c["text"], set(c["terms"]), c["phrases"]) for c in cases]
    assert all(len(m) >= 2 for m in got)
