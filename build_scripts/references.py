"""Find the UN documents a text cites ("résolution 68/192", "A/74/127", …).

:func:`find_references` is pure (no I/O) and guarantees, for any input string:

* it never raises, and returns :class:`Reference` objects in text order whose spans do
  not overlap, with ``text[r.start:r.end] == r.text``;
* a number is taken only after a resolution keyword ("résolution(s)", "resolution(s)"),
  possibly as the n-th member of a list ("résolutions 55/67, 58/137 et 64/178"), or as
  part of an explicit symbol ("A/74/127", "E/CN.15/2018/1", "S/RES/2388(2017)") outside
  URLs; decisions, SDG targets ("cible 5.2"), periods ("2015-2018", "2016/17"), page
  numbers and dates are never references;
* a number is linked to a body only when its shape fits that body ("2013/41" can be
  ECOSOC, never the General Assembly); when no body fits, it is left out (a missed
  link is better than a false one).

Which body issued a cited resolution, in order of precedence:

1. a body named next to it ("Security Council resolution …", "… du Conseil économique et
   social", "… adoptée le 30 juin 2016 par le Conseil des droits de l'homme"); a bare
   "du Conseil" refers back to the last council named, and if none can be found the
   number is left out;
2. a body named after the last number of the list or, after its title, in an "adoptée
   par …" clause at most ~120 characters ahead (stopping at ";", a sentence end or the
   next number);
3. for "sa/ses/its résolution", the body that is the subject of the clause
   ("l'Assemblée générale a adopté dans sa résolution …"), else *issuing_body*;
4. the shape of the number: "N (YYYY)" Security Council, "N (XV)" General Assembly,
   "YYYY/N" ECOSOC, "S/N" with a General Assembly session (31–90) General Assembly;
5. *issuing_body*, when the number fits it ("résolution 27/2" in a CCPCJ text).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass

from .references_forms import ITEM, URL, Forms, forms, norm, table
from .symbol import Symbol

#: A body named next to a number that cannot be told ("du Conseil" with no council in sight).
_UNKNOWN = "?"
_LOOK_BACK = 2000     # characters searched for the council a bare "du Conseil" refers to
_SUBJECT_BACK = 100   # characters searched for the subject of "sa résolution"
_LOOSE_AHEAD = 120    # characters searched for "…, adoptée par …" after a list


@dataclass(frozen=True)
class Reference:
    """One citation of a UN document in a text.

    The span covers the number and, for the first number of a list, the keyword before
    it ("résolutions 55/67", then "58/137"); the body, date and title around it are not
    part of the span.  An explicit symbol's span is the symbol as written.
    """

    target: Symbol
    start: int
    end: int
    text: str
    paragraph: str | None = None
    date: str | None = None
    title: str | None = None   # the quoted title that follows it ("intitulée « … »")


@dataclass(frozen=True)
class _Number:
    """A resolution number as cited, before its body is known."""

    shape: str                 # "slash" (68/192), "year_paren" (2388 (2017)), "roman" (1514 (XV))
    tail: tuple[str, ...]      # components after the body prefix
    first: int                 # the first number (session, year or serial)
    year: str | None = None    # "2017" or "XV"
    part: str | None = None    # "B" of "62/236 B"
    special: str | None = None  # "S" of "S-10/2", "ES" of "ES-10/23": a special session's resolution


def find_references(text: str, *, issuing_body: str | None, language: str = "fr") -> list[Reference]:
    """All references to UN documents in *text*, in order, non-overlapping."""
    if not isinstance(text, str) or not text:
        return []
    found = [*_keyword_references(text, forms(language), issuing_body), *_symbol_references(text)]
    found.sort(key=lambda r: (r.start, -r.end))
    kept: list[Reference] = []
    for ref in found:
        if not kept or ref.start >= kept[-1].end:
            kept.append(ref)
    return kept


# --- "résolution(s) …" -------------------------------------------------------------------

def _keyword_references(text: str, f: Forms, issuing: str | None):
    """References introduced by a resolution keyword, list members included."""
    for head in f.head.finditer(text):
        yield from _group(text, head, f, issuing)


def _group(text: str, head: re.Match, f: Forms, issuing: str | None):
    """The references of one keyword and the list of numbers that follows it."""
    plural = head.group("kw").lower().endswith("s")
    items, pos = [], head.end()
    while item := ITEM.match(text, pos):
        parts, after = _more_parts(text, item, f)
        date, body, title, end = _tail(text, after, f, issuing)
        items.append((item, date, body, title))
        items += [(part, date, body, None) for part in parts]
        sep = f.sep.match(text, end) if plural else None
        if not sep:
            break
        pos = sep.end()
    if not items:
        return
    pre = _body_named(text, head.group("pre"), head.start(), f, issuing) if head.group("pre") else None
    owner = _owner(text, head.start(), f, issuing) if head.group("poss") else None
    shared = items[-1][2] or _loose_body(text, end, f, issuing)
    for index, (item, date, body, title) in enumerate(items):
        if item.re is f.part:  # "… A et B": part B of the number before it
            number = dataclasses.replace(number, part=item.group("part"))
            if target := _resolve(number, pre or body, shared, owner, issuing):
                yield Reference(target, item.start("part"), item.end("part"), item.group("part"), None, date)
            continue
        number = _number(item)
        target = _resolve(number, pre or body, shared, owner, issuing)
        if target is None:
            continue
        start = head.start("kw") if index == 0 else item.start("num")
        paragraph = _paragraph(text, head.start(), f) if index == 0 else None
        yield Reference(target, start, item.end("num"), text[start:item.end("num")], paragraph, date, title)


def _more_parts(text: str, item: re.Match, f: Forms) -> tuple[list[re.Match], int]:
    """Further lettered parts after a lettered number ("62/236 A et B"), and where they end."""
    parts, pos = [], item.end()
    if not (item.group("p1") or item.group("p2") or item.group("p3")):
        return parts, pos
    while match := f.part.match(text, pos):
        parts.append(match)
        pos = match.end()
    return parts, pos


def _tail(text: str, pos: int, f: Forms, issuing: str | None) -> tuple[str | None, str | None, str | None, int]:
    """(ISO date, body code, title, end) of the words right after a number: its date, its
    body ("du Conseil économique et social"), its quoted title and footnote calls, in any order."""
    date = body = title = None
    while match := f.tail.match(text, pos):
        quoted = match.group("title") or match.group("title2")
        if quoted and title is None:
            title = " ".join(quoted.split())
        if (match.group("day") or match.groupdict().get("mday")) and date is None:
            date = _iso(match, f)
        if match.group("name") and body is None:
            body = _body_named(text, match.group("name"), match.start("name"), f, issuing)
        pos = match.end()
    return date, body, title, pos


def _loose_body(text: str, pos: int, f: Forms, issuing: str | None) -> str | None:
    """The body of an "adoptée … par <body>" clause a bounded distance after *pos*."""
    window = re.sub(r"«[^«»]{0,600}»|“[^“”]{0,600}”", "«»", text[pos:pos + 800])
    stop = f.stop.search(window)
    window = window[: stop.start() if stop else len(window)][:_LOOSE_AHEAD]
    match = f.loose.search(window)
    return _body_named(text, match.group("name"), pos, f, issuing) if match else None


def _owner(text: str, pos: int, f: Forms, issuing: str | None) -> str | None:
    """Whose "sa résolution" this is: the subject of the clause if one is named, else *issuing*."""
    window = re.split(r"[;.](?:\s|$)", text[max(0, pos - _SUBJECT_BACK):pos])[-1]
    subjects = [m for m in f.subject.finditer(window) if (m.group("before") or "").lower() not in f.genitive]
    if not subjects:
        return issuing
    return _body_named(text, subjects[-1].group("name"), pos, f, issuing)


def _body_named(text: str, name: str, pos: int, f: Forms, issuing: str | None) -> str:
    """The body code of a matched *name*; a bare "Conseil" is the last council named before
    *pos* (or *issuing* when it is a council), else :data:`_UNKNOWN`."""
    key = norm(name)
    if key in f.kinds:
        return f.kinds[key]
    kinds = f.back.get(key, ())
    named = [f.kinds.get(norm(m.group())) for m in f.names.finditer(text, max(0, pos - _LOOK_BACK), pos)]
    named = [code for code in named if code in kinds]
    if named:
        return named[-1]
    return issuing if issuing in kinds else _UNKNOWN


def _paragraph(text: str, pos: int, f: Forms) -> str | None:
    """"5" when the text just before *pos* reads "paragraphe 5 de sa "."""
    match = f.paragraph.search(text, max(0, pos - 80), pos)
    return match.group("n") if match else None


def _iso(match: re.Match, f: Forms) -> str | None:
    """The ISO date of a matched "30 juillet 2010" (None for an impossible date)."""
    first = bool(match.groupdict().get("mday"))
    day = match.group("mday" if first else "day")
    day = int(day) if day.isdigit() else 1
    month = f.months.get(" ".join(match.group("mmonth" if first else "month").lower().split()))
    try:
        return datetime.date(int(match.group("myear" if first else "year")), month or 0, day).isoformat()
    except ValueError:
        return None


# --- numbers and bodies -------------------------------------------------------------------

def _number(item: re.Match) -> _Number:
    """The :class:`_Number` of an :data:`ITEM` match."""
    if item.group("a"):
        a, b = str(int(item.group("a"))), str(int(item.group("b")))
        if special := item.group("special"):
            return _Number("slash", (f"{special}{a}", b), int(a), None, item.group("p3"), special.rstrip("-"))
        return _Number("slash", (a, b), int(a), None, item.group("p3"))
    n, paren = str(int(item.group("n"))), item.group("paren")
    shape = "year_paren" if paren.isdigit() else "roman"
    return _Number(shape, (n,), int(paren) if paren.isdigit() else 0, paren, item.group("p1") or item.group("p2"))


def _resolve(number: _Number, direct, shared, owner, issuing) -> Symbol | None:
    """The symbol of *number*: a directly named body decides alone; otherwise the first
    of (shared, owner, shape default, issuing) that the number fits."""
    if direct is not None:
        return _symbol(direct, number)
    for body in (shared, owner, _default_body(number), issuing):
        if body and (symbol := _symbol(body, number)):
            return symbol
    return None


def _symbol(body: str, number: _Number) -> Symbol | None:
    """The resolution symbol of *number* issued by *body*, or None if it does not fit."""
    rules = table()["bodies"].get(body)
    if not rules or not _fits(rules, number):
        return None
    return Symbol(tuple(rules["prefix"]) + number.tail, number.year, number.part)


def _fits(rules, number: _Number) -> bool:
    """True when *number* has a shape the body with *rules* uses."""
    if number.special:
        return number.special in rules.get("special", ()) and int(number.tail[1]) > 0
    if number.shape == "slash":
        low, high = rules.get("slash") or (1, 0)
        return low <= number.first <= high and int(number.tail[1]) > 0
    if number.shape == "year_paren":
        return bool(rules.get("year_paren")) and 1946 <= number.first <= 2100
    return bool(rules.get("roman"))


def _default_body(number: _Number) -> str | None:
    """The body a number's shape alone designates (see ``defaults`` in the YAML table)."""
    defaults = table()["defaults"]
    if number.shape != "slash":
        return defaults[number.shape]
    return next((b for b in defaults["slash"] if _fits(table()["bodies"][b], number)), None)


# --- explicit symbols ---------------------------------------------------------------------

def _symbol_pattern() -> re.Pattern:
    """Explicit symbols: a known series, two or more components, optional "(2017)"/" B"."""
    series = "|".join(sorted(map(re.escape, table()["series"]), key=len, reverse=True))
    comp = r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+|-\d+)*"
    return re.compile(
        rf"(?<![\w/.\-])(?P<sym>(?:{series}|[aes](?=/(?i:res)/))(?:/{comp}){{2,}})"
        rf"(?P<paren>\s?\((?:\d{{4}}|[IVXLC]{{1,7}})\))?(?P<part>\s[A-K](?![\w'’/-]|\.\w))?")


_SYMBOL = _symbol_pattern()


def _symbol_references(text: str):
    """Explicit symbols outside URLs; "(2017)" and " B" are kept only on resolutions."""
    urls = [m.span() for m in URL.finditer(text)]
    for match in _SYMBOL.finditer(text):
        if any(a <= match.start() < b for a, b in urls) or not re.search(r"\d", match.group("sym")):
            continue
        end = match.end("sym")
        if "/RES/" in match.group("sym").upper():
            end = max(end, match.end("paren") if match.group("paren") else end)
            end = max(end, match.end("part") if match.group("part") else end)
        if (target := Symbol.try_parse(text[match.start():end])) is not None:
            yield Reference(target, match.start(), end, text[match.start():end])
