"""UN document symbols (build_scripts/symbol.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from build_scripts.symbol import Symbol

CANONICAL = ["A/RES/74/176", "E/RES/2015/23", "S/RES/2388 (2017)", "A/74/127", "A/RES/1514 (XV)", "A/RES/62/236 B",
             "E/CN.15/2018/1", "A/HRC/RES/32/3", "A/74/50/Add.1", "A/C.3/73/L.10", "CTOC/COP/2018/13"]


@pytest.mark.parametrize("text", CANONICAL)
def test_round_trip(text):
    symbol = Symbol.parse(text)
    assert str(symbol) == text
    assert Symbol.parse(str(symbol)) == symbol
    assert hash(symbol) == hash(Symbol.parse(text))


@pytest.mark.parametrize("text, canonical", [
    ("S/RES/2388(2017)", "S/RES/2388 (2017)"),
    ("s/RES/2395(2017)", "S/RES/2395 (2017)"),
    ("  A/RES/74/176  ", "A/RES/74/176"),
    ("a/res/74/176", "A/RES/74/176"),
    ("A/RES/1514(XV)", "A/RES/1514 (XV)"),
    ("A/74/50/ADD.1", "A/74/50/Add.1"),
    ("e/2002/68/add.1", "E/2002/68/Add.1"),
])
def test_non_canonical_spellings_normalise(text, canonical):
    assert str(Symbol.parse(text)) == canonical
    assert Symbol.parse(text) == Symbol.parse(canonical)


@pytest.mark.parametrize("text, parts, year, part", [
    ("S/RES/2388 (2017)", ("S", "RES", "2388"), "2017", None),
    ("A/RES/1514 (XV)", ("A", "RES", "1514"), "XV", None),
    ("A/RES/62/236 B", ("A", "RES", "62", "236"), None, "B"),
])
def test_components(text, parts, year, part):
    symbol = Symbol.parse(text)
    assert (symbol.parts, symbol.year, symbol.part) == (parts, year, part)


@pytest.mark.parametrize("text, slug", [
    ("A/RES/74/176", "a-res-74-176"), ("E/RES/2015/23", "e-res-2015-23"), ("S/RES/2388 (2017)", "s-res-2388-2017"),
    ("A/74/127", "a-74-127"), ("A/RES/1514 (XV)", "a-res-1514-xv"), ("A/RES/62/236 B", "a-res-62-236-b"),
    ("E/CN.15/2018/1", "e-cn-15-2018-1"), ("A/HRC/RES/32/3", "a-hrc-res-32-3"),
])
def test_slug(text, slug):
    assert Symbol.parse(text).slug == slug


@pytest.mark.parametrize("text, body", [
    ("A/RES/74/176", "GA"), ("A/74/127", "GA"), ("E/RES/2015/23", "ECOSOC"), ("S/RES/2388 (2017)", "SC"),
    ("A/HRC/RES/32/3", "HRC"), ("E/CN.15/2018/1", "CCPCJ"), ("CTOC/COP/2018/13", "CTOC-COP"), ("X/RES/1/2", None),
])
def test_body(text, body):
    assert Symbol.parse(text).body == body


@pytest.mark.parametrize("text, short, is_resolution", [
    ("A/RES/74/176", "74/176", True), ("E/RES/2015/23", "2015/23", True), ("S/RES/2388 (2017)", "2388 (2017)", True),
    ("A/RES/62/236 B", "62/236 B", True), ("A/HRC/RES/32/3", "32/3", True), ("A/74/127", "A/74/127", False),
])
def test_short(text, short, is_resolution):
    symbol = Symbol.parse(text)
    assert symbol.short == short and symbol.is_resolution is is_resolution


def test_url():
    assert Symbol.parse("A/RES/74/176").url() == "https://undocs.org/fr/A/RES/74/176"
    assert Symbol.parse("E/CN.15/2018/1").url("en") == "https://undocs.org/en/E/CN.15/2018/1"
    url = Symbol.parse("S/RES/2388(2017)").url()
    assert " " not in url and url == "https://undocs.org/fr/S/RES/2388%20(2017)"


@pytest.mark.parametrize("text", ["hello", "2015-2018", "../etc/passwd", "", "   ", "A", "A/", "/A/RES", "A//RES",
                                  "A/RES/74/176/", "A/..", "A/./RES", "A/RES/<script>", "A / RES / 74", "A/RES/74 176",
                                  "74/176", "A\\RES\\74"])
def test_rejects_non_symbols(text):
    assert Symbol.try_parse(text) is None
    with pytest.raises(ValueError, match="not a UN document symbol"):
        Symbol.parse(text)


def test_none_is_not_a_symbol():
    assert Symbol.try_parse(None) is None


def test_ordering_is_total_and_stable():
    symbols = sorted(Symbol.parse(s) for s in CANONICAL)
    assert sorted(symbols) == symbols and len(set(symbols)) == len(CANONICAL)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_parses_to_a_safe_symbol_or_none(text):
    symbol = Symbol.try_parse(text)
    if symbol is None:
        return
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", symbol.slug)
    assert ".." not in symbol.slug and "/" not in symbol.slug
    assert Symbol.parse(str(symbol)) == symbol  # canonical form is a fixed point
    assert all(any(c.isalnum() for c in part) for part in symbol.parts)
    assert " " not in symbol.url()


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[A-Z]{1,4}", fullmatch=True),
       st.lists(st.from_regex(r"[A-Z]{1,4}|[0-9]{1,4}|[A-Z]\.[0-9]{1,2}", fullmatch=True), min_size=1, max_size=4),
       st.one_of(st.none(), st.from_regex(r"(19|20)[0-9]{2}", fullmatch=True)))
def test_generated_symbols_round_trip(series, parts, year):
    text = "/".join([series, *parts]) + (f" ({year})" if year else "")
    symbol = Symbol.parse(text)
    assert str(symbol) == text
    assert symbol.slug == re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
