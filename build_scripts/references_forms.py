"""Compiled patterns for :mod:`build_scripts.references`, built from ``data/reference_words.yml``.

Guarantees:

* :func:`forms` returns one immutable, cached :class:`Forms` bundle per language
  (``"fr"`` or ``"en"``; any other code falls back to French);
* every pattern is linear-time on arbitrary input (no nested unbounded repeats);
* the words of a language live in the YAML table, never in this module.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

_DATA = Path(__file__).with_name("data") / "reference_words.yml"

#: A number as cited: "2388 (2017)", "1514 (XV)", "2200 A (XXI)", "68/192", "62/236 B", "45/58 P" (a
#: disarmament omnibus resolution's parts run past K), "S-10/2" and "ES-10/23" (special sessions).
#: Optional "[" … "](#)" around it is the markdown link the seeds carry.
ITEM = re.compile(
    r"""\[?(?P<num>
        (?P<n>\d{1,4})(?:\s(?P<p1>[A-H]))?\s?\((?P<paren>\d{4}|[IVXLC]{1,7})\)
            (?:\s(?P<p2>[A-H])(?![\w'’/-]|\.\w))?
      | (?P<special>E?S-)?(?P<a>\d{1,4})\s?/\s?(?P<b>\d{1,4})(?:\s(?P<p3>[A-Z])(?![\w'’/-]|\.\w))?
    )(?![\w/]|[.,-]\d)(?:\]\([^)\s]{0,200}\))?""",
    re.VERBOSE,
)
#: Where a number starts, after a keyword or a list separator (a special session's "S-10/2" too).
_AT_NUMBER = r"(?=\[?(?:E?S-)?\d)"
#: Links: no reference is taken from inside a URL.
URL = re.compile(r"(?:https?://|www\.)\S+")
#: A footnote call in markdown dumps.
_SUP = r"<sup>\d{1,3}</sup>"


@functools.lru_cache(maxsize=None)
def table() -> Mapping:
    """The whole YAML table (loaded once)."""
    return MappingProxyType(yaml.safe_load(_DATA.read_text(encoding="utf-8")))


def phrase(text: str) -> str:
    """Regex for a phrase of the table: any run of spaces for " ", either apostrophe for "'"."""
    out = []
    for char in text:
        if char == " ":
            out.append(r"\s+")
        elif char in "'’":
            out.append(r"['’]\s*")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _alt(words) -> str:
    """Alternation of phrases, longest first so that a name never stops at its prefix."""
    return "(?:" + "|".join(phrase(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _intro(words) -> str:
    """Alternation of introducers ("du", "de l'"), each followed by its separator."""
    parts = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(phrase(w) + ("" if w[-1] in "'’" else r"\s+") for w in parts) + ")"


def _names(names, follow: str) -> str:
    """Alternation of body names, longest first, with two guards.

    A one-word name ("Conseil") must be followed as *follow* says; a name that begins a
    longer one ("Conférence des Parties") must not go on like another body's name
    ("… à la Convention-cadre …" is not the Organized Crime Convention).
    """
    names = sorted(set(names), key=len, reverse=True)
    out = []
    for name in names:
        if " " not in name:
            out.append(phrase(name) + follow)
            continue
        longer = [n[len(name):].split()[:2] for n in names if n.startswith(name + " ")]
        guard = "".join(rf"(?!\s+{phrase(' '.join(w))}\b)" for w in longer)
        out.append(phrase(name) + guard)
    return "(?:" + "|".join(out) + ")"


def norm(name: str) -> str:
    """A matched name in the spelling of the table (spaces collapsed, straight apostrophe)."""
    return re.sub(r"'\s*", "'", " ".join(name.replace("’", "'").split()))


@dataclass(frozen=True)
class Forms:
    """Everything :mod:`references` needs for one language."""

    head: re.Pattern           # [possessive | body name] keyword, before a number
    sep: re.Pattern            # list separator before the next number
    part: re.Pattern           # a further lettered part after a separator: "62/236 A et B"
    tail: re.Pattern           # one element after a number: date, body, title, footnote call
    loose: re.Pattern          # "…, adoptée … par la Conférence des Parties"
    stop: re.Pattern           # where the loose look-ahead stops
    subject: re.Pattern        # "l'Assemblée générale" as subject of "sa résolution"
    names: re.Pattern          # any full body name (for "du Conseil" back-references)
    paragraph: re.Pattern      # "paragraphe 5 de sa " just before a reference
    kinds: Mapping[str, str]               # normalised body name -> body code
    back: Mapping[str, tuple[str, ...]]    # bare word ("Conseil") -> the codes it may refer back to
    months: Mapping[str, int]
    genitive: frozenset[str]


@functools.lru_cache(maxsize=None)
def forms(language: str) -> Forms:
    """The compiled :class:`Forms` of *language* (French for an unknown code)."""
    words = table()["languages"].get(language) or table()["languages"]["fr"]
    kinds = {norm(n): code for code, names in words["names"].items() for n in names}
    back = {norm(w): tuple(codes) for w, codes in words["back_references"].items()}
    follow = rf"(?=\s*(?:[,;.:)\]»<]|$)|\s+{_alt(words['bare_follow'])}\b)"
    name = _names([*kinds, *back], follow)
    keyword = rf"\b(?i:{words['keyword']})\b"
    months = "(?i:" + _alt(words["months"]) + ")"
    day = rf"(?P<day>{phrase(words['first_of_month'])}|\d{{1,2}})"
    date = rf"{day}\s+(?P<month>{months})\s+(?P<year>\d{{4}})\b"
    if words.get("month_first"):  # "December 18, 2013"
        date = rf"(?:{date}|(?P<mmonth>{months})\s+(?P<mday>\d{{1,2}}),?\s+(?P<myear>\d{{4}})\b)"
    date = _intro(words["date_intro"]) + date
    title = rf"\(?(?:{_alt(words['title'])}\s*)?(?:«(?P<title>[^«»]{{1,600}})»|“(?P<title2>[^“”]{{1,600}})”)\)?"
    adopted = _alt(words["adopted"])
    # a part of the resolution named between its number and its date: "45/248 B, section VI, of 21 December 1990"
    section = rf"|(?i:{_alt(words['section'])})\s+(?:[IVXL]{{1,6}}|[A-Z])\b(?!\.\w)" if words.get("section") else ""
    if words.get("paragraph_after"):  # "59/39, para. 9," "58/101 B, sect. V, paras. 61–76;"
        section += rf"|(?i:{_alt(words['paragraph_after'])})\s+\d{{1,3}}(?:\s*[–-]\s*\d{{1,3}})?(?![\d/])"
    return Forms(
        head=re.compile(
            rf"(?:(?P<poss>\b(?i:{_alt(words['possessive'])}))\s+"
            rf"|(?P<pre>\b{_alt([*kinds, *back])}),?\s+)?(?P<kw>{keyword})\s+{_AT_NUMBER}"),
        sep=re.compile(rf"(?:\s*[,;]\s*(?:{_alt(words['list_and'])}\s+)?|\s+{_alt(words['list_and'])}\s+){_AT_NUMBER}"),
        part=re.compile(rf"(?:\s*,\s*(?:{_alt(words['list_and'])}\s+)?|\s+{_alt(words['list_and'])}\s+)"
                        rf"(?P<part>[A-K])(?![\w'’/-]|\.\w)"),
        tail=re.compile(
            rf"(?:\s*,)?\s*(?:{date}|(?:{adopted}\s+)?{_intro(words['body_intro'])}(?P<name>{name})"
            rf"|{title}|{_SUP}{section})"),
        loose=re.compile(rf"\b{adopted}\b[^;]{{0,80}}?{_intro(words['agent'])}(?P<name>{name})"),
        stop=re.compile(rf";|\.(?:\s|$)|\d\s?/\s?\d|\d\s?\(\d{{4}}\)|{keyword}"),
        subject=re.compile(rf"(?:(?P<before>\w+)\s+)?{_intro(words['articles'])}(?P<name>{name})"),
        names=re.compile(_names(kinds, follow)),
        paragraph=re.compile(
            rf"\b(?i:{words['paragraph']})\s+(?P<n>\d{{1,3}})\s+(?:{_alt(words['paragraph_link'])})\s+$"),
        kinds=MappingProxyType(kinds),
        back=MappingProxyType(back),
        months=MappingProxyType({m.lower(): i for i, m in enumerate(words["months"], 1)}),
        genitive=frozenset(words["genitive"]),
    )
