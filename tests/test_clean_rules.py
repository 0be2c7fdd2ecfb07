"""One group of tests per clean-up rule module (build_scripts/clean/*.py).

Most cases live in ``tests/fixtures/clean/<rule>.txt`` (markdown-it-py style:
a title line ``LANG: what it shows``, then ``.``, the input, ``.``, the
expected output, ``.``). The tests below check each module's stated
guarantee on those cases, plus a few properties that read better in code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.clean import apostrophes, clean, furniture, hyphenation, markup, spacing, split_words, toc, words
from build_scripts.clean.lines import NOTE_CLOSE, NOTE_OPEN, split_lines

CASES = Path(__file__).resolve().parent / "fixtures" / "clean"
NBSP = "\u00a0"


def read_cases(name: str) -> list:
    """``(title, lang, input, expected)`` of every case in ``fixtures/clean/<name>.txt``."""
    lines = (CASES / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    cases, i = [], 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.startswith("#"):
            i += 1
            continue
        assert lines[i + 1] == ".", f"{name}.txt:{i + 2}: expected '.' after the title {line!r}"
        middle = lines.index(".", i + 2)
        end = lines.index(".", middle + 1)
        lang = line.split(":", 1)[0].strip()
        assert lang in ("fr", "en"), f"{name}.txt:{i + 1}: title must start with 'fr:' or 'en:'"
        cases.append(pytest.param(line, lang, "\n".join(lines[i + 2 : middle]), "\n".join(lines[middle + 1 : end]),
                                  id=f"{name}:{i + 1}"))
        i = end + 1
    assert cases, f"no cases in {name}.txt"
    return cases


# --- furniture -------------------------------------------------------------


@pytest.mark.parametrize("title, lang, raw, expected", read_cases("furniture"))
def test_furniture_cases(title, lang, raw, expected):
    lines = split_lines(raw)
    removed: list = []
    kept = furniture.remove(lines, removed, "pdf")
    assert "\n".join(l.text for l in kept) == expected, title
    # every line is either kept or recorded with the rule that removed it
    assert sorted([l.no for l in kept] + [no for no, _, _ in removed]) == [l.no for l in lines]
    assert all(rule for _, _, rule in removed)


def test_furniture_records_rule_names():
    raw = "texte,\nV.19-04876 2/27\nhttp://undocs.org/fr/A/74/50\n*1922153*\nA/74/127\nsuite"
    removed: list = []
    furniture.remove(split_lines(raw), removed, "pdf")
    assert {(no, rule) for no, _, rule in removed} == {
        (2, "job number"), (3, "link line"), (4, "barcode"), (5, "page header")}


def test_markdown_page_break_is_furniture_but_pdf_rule_is_not():
    lines = split_lines("texte\n---\nsuite\n______\nnote")
    removed: list = []
    kept = furniture.remove(lines, removed, "markdown")
    assert [l.text for l in kept] == ["texte", "suite", "______", "note"]
    assert removed == [(2, "---", "page break")]
    removed = []
    assert len(furniture.remove(split_lines("texte\n---\nsuite"), removed, "pdf")) == 3


# --- tables of contents ----------------------------------------------------


@pytest.mark.parametrize("title, lang, raw, expected", read_cases("toc"))
def test_toc_cases(title, lang, raw, expected):
    lines = split_lines(raw)
    removed: list = []
    kept = toc.remove(lines, removed)
    assert "\n".join(l.text for l in kept) == expected, title
    assert all(rule == "table of contents" for _, _, rule in removed)
    assert len(kept) + len(removed) == len(lines)


def test_toc_of_the_report_seed_is_gone():
    raw = (Path(__file__).resolve().parent.parent / "source_docs" / "002_7d27ba8198e84543.txt").read_text("utf-8")
    cleaned = clean(raw)
    assert not any(toc.LEADER.search(l.text) for l in cleaned.lines)
    toc_lines = [no for no, _, rule in cleaned.furniture if rule == "table of contents"]
    # "Table des matières" (line 61) to the "IX. Recommandations . . . 25" entry (line 106)
    assert min(toc_lines) == 61 and max(toc_lines) == 106
    assert any(l.stripped == "I. Introduction" for l in cleaned.lines)


# --- markup ----------------------------------------------------------------


@pytest.mark.parametrize("title, lang, raw, expected", read_cases("markup"))
def test_markup_cases(title, lang, raw, expected):
    got = markup.convert_text(raw).replace(NOTE_OPEN, "⟦").replace(NOTE_CLOSE, "⟧")
    assert got == expected, title


def test_markup_flavour():
    assert markup.flavour(split_lines("# Assemblée générale\ntexte")) == "markdown"
    assert markup.flavour(split_lines("texte<sup>1</sup>")) == "markdown"
    assert markup.flavour(split_lines(" L’Assemblée générale,\n Rappelant")) == "pdf"


def test_markup_convert_keeps_a_line_the_rules_would_empty():
    out = markup.convert(split_lines("[](#)"))
    assert [l.text for l in out] == ["[](#)"]  # nothing left: kept as read, not dropped


# --- hyphenation -----------------------------------------------------------


@pytest.mark.parametrize("title, lang, raw, expected", read_cases("hyphenation"))
def test_hyphenation_cases(title, lang, raw, expected):
    left, right = raw.split("\n")
    assert hyphenation.join(left, right, lang) == expected, title


@pytest.mark.parametrize("head, tail, lang, expected", [
    ("sous", "régionaux", "fr", False),
    ("soixante", "septième", "fr", False),
    ("self", "employment", "en", False),
    ("organi", "sation", "fr", True),
    ("traf", "ficking", "en", True),
])
def test_dehyphenate(head, tail, lang, expected):
    assert hyphenation.dehyphenate(head, tail, lang) is expected


# --- split words -----------------------------------------------------------


@pytest.mark.parametrize("title, lang, raw, expected", read_cases("split_words"))
def test_split_words_cases(title, lang, raw, expected):
    assert split_words.repair(raw, lang) == expected, title


@pytest.mark.parametrize("head, tail", [("sur", "tout"), ("de", "la"), ("en", "cours"), ("par", "ce")])
def test_split_words_never_joins_two_common_words(head, tail):
    assert not split_words.should_join(head, tail, "fr")


@pytest.mark.parametrize("head, tail", [("can", "not"), ("on", "to"), ("in", "to"), ("some", "times")])
def test_split_words_never_joins_two_common_english_words(head, tail):
    assert not split_words.should_join(head, tail, "en")


def test_split_words_only_removes_spaces():
    text = "la criminalité transnat ionale organisée et les volonta ires"
    out = split_words.repair(text, "fr")
    assert out.replace(" ", "") == text.replace(" ", "")
    assert out != text


# --- apostrophes -----------------------------------------------------------


@pytest.mark.parametrize("title, lang, raw, expected", read_cases("apostrophes"))
def test_apostrophe_cases(title, lang, raw, expected):
    assert apostrophes.repair(raw, lang) == expected, title


def test_apostrophes_leave_english_spacing_alone():
    # the elision rule is French: an English "l ’" (a letter, then a quote) is not touched
    assert apostrophes.repair("item l ’quoted’", "en") == "item l ’quoted’"


# --- spacing ---------------------------------------------------------------


@pytest.mark.parametrize("title, lang, raw, expected", read_cases("spacing"))
def test_spacing_cases(title, lang, raw, expected):
    assert spacing.repair(raw, lang) == expected.replace("⍽", NBSP), title


def test_spacing_changes_only_spaces():
    text = "les domaines suivants: prévention; protection! «texte» , fin ."
    for lang in ("fr", "en"):
        out = spacing.repair(text, lang)
        assert out.replace(NBSP, "").replace(" ", "") == text.replace(" ", "")


def test_french_spacing_is_idempotent():
    once = spacing.repair("domaine ; « texte » : fin ?", "fr")
    assert spacing.repair(once, "fr") == once
    assert f"domaine{NBSP};" in once and f"«{NBSP}texte{NBSP}»" in once


# --- the word rules together -------------------------------------------------


def test_word_repairs_never_remove_a_letter_or_digit():
    text = "l ’infraction transnat ionale, prévue en 2016 ; « me ttre » a insi"
    out = words.repair(text, "fr")
    keep = lambda s: sorted(c for c in s if c.isalnum())  # noqa: E731
    assert keep(out) == keep(text)
    assert out == f"l’infraction transnationale, prévue en 2016{NBSP}; «{NBSP}mettre{NBSP}» ainsi"


# --- lines -------------------------------------------------------------------


def test_split_lines_numbers_tabs_and_private_brackets():
    lines = split_lines("a\n\n\tb\ue000x\ue001\n   \nc\u00a0d")
    assert [(l.no, l.text, l.indent, l.gap) for l in lines] == [
        (1, "a", 0, 0), (3, "    bx", 4, 1), (5, "c d", 0, 1)]
