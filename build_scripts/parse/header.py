"""Parse step 4: the header (everything before the enacting formula).

Guarantees of :func:`read`: every header line ends up exactly once in the
masthead, the title or the intro blocks; the metadata found (sponsors, type,
dates, session, committee, agenda items, committee report, the draft a
resolution was adopted from, original language, symbol number) comes from
the language table's patterns, never from words hard-coded here.

A statement may run over several lines: a masthead line that opens one
(``Resolution adopted by the General Assembly`` / ``on 1 December 2025``,
``Draft resolution submitted by the Chair … following`` / ``informal
consultations``, a bracket ``[on the report of …`` not yet closed, an
agenda item followed by its title) takes the lines that follow it without a
blank line, and the joined statement is read again; a sponsor list ending in
``: draft resolution`` is read over all its lines, from blank line to blank line.
In the ``blank`` layout the rest is cut into blocks at blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean import hyphenation
from ..clean.lines import Line
from ..lang import Language
from . import blocks as blocks_mod
from .blocks import Block
from .sponsors import split as split_sponsors

NUMBER_TITLE = re.compile(r"^\s*(?P<number>\d{1,4}/\d{1,4}(?:\s+[A-Z])?|\d{1,4}\s*\(\d{4}\))\.\s+(?P<title>\S.*)$")
_DRAFTED = ("draft_resolution", "draft_decision", "revised_draft_resolution", "revised_draft_decision", "amendment")
_BODY_NAMES = {"assemblée générale", "conseil économique et social", "conseil de sécurité",
               "conseil des droits de l’homme", "general assembly", "economic and social council",
               "security council", "human rights council", "nations unies", "united nations"}


@dataclass
class Header:
    """What the header says."""

    masthead: list[str] = field(default_factory=list)
    title: str | None = None
    title_line: str | None = None
    number: str | None = None
    intro: list[Block] = field(default_factory=list)
    found: dict[str, object] = field(default_factory=dict)


def agenda_items(agenda, lang: Language) -> tuple[str, ...]:
    """``18 (l) and 20*`` -> ``("18 (l)", "20")``: each item as printed, note asterisks aside."""
    if not isinstance(agenda, dict):
        return ()
    parts = [agenda["items"]]
    for sep in lang["agenda_separators"]:
        parts = [p for part in parts for p in part.split(sep)]
    return tuple(p.strip(" *") for p in parts if p.strip(" *"))


def _plain(text: str) -> str:
    return " ".join(text.replace("*", " ").replace("'", "’").split())


def read(lines: list[Line], layout: str, lang: Language) -> Header:
    """Split header *lines* into masthead, title and intro, collecting metadata."""
    header, rest = Header(), []
    follow, statement, skip = None, "", 0
    titles, before = 0, _last_statement(lines, lang)  # agenda items' titles still to come, each after a blank line
    for i, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        if line.gap > 0 or i == 0:
            run = _sponsor_run(lines, i, lang) or _bracket_run(lines, i, lang)
            if run:
                header.masthead.append(run[1])
                _masthead(run[1], lang, header.found)
                _sponsor_marker(lines[i : i + run[0]], header.found)
                skip, follow = run[0] - 1, None
                continue
        text = _plain(line.text)
        dated = line.gap == 0 and _dated(follow, text, lang)
        hit = None if dated else _masthead(text, lang, header.found)
        if hit is None and _names_organ(lines, i, text, lang):
            hit = "body"  # "Human Rights Council" under the General Assembly's masthead, above its session
        if hit is None and titles and line.gap > 0 and i < before and len(text) < 80:
            hit, titles = "agenda", titles - 1  # "Agenda items 13 and 75" / … / "Oceans and the law of the sea"
            header.masthead.append(text)
            follow, statement = hit, text
            continue
        if hit == "agenda":  # its items' titles may each stand after a blank line, before the masthead's
            apart = i + 1 < len(lines) and lines[i + 1].gap > 0  # statement; not when the first runs on below it
            titles = len(agenda_items(header.found.get("agenda"), lang)) if apart else 0
        if hit is None and follow and line.gap == 0 and (dated or _continues(follow, statement, text)):
            header.masthead.append(text)
            statement = f"{statement} {text}"
            if follow not in ("agenda", "distribution"):  # not an item's title: the joined statement, read again
                _masthead(statement, lang, header.found)
            continue
        if hit == "sponsor":
            _sponsor_marker([line], header.found)
        if hit:
            header.masthead.append(text)
            follow, statement = hit, text
        else:
            rest.append(line)
            follow = None
    blocks = _blocks(rest, layout, lang)
    title_block = None
    for block in blocks:
        if (match := NUMBER_TITLE.match(block.text)) and header.title is None:
            header.number, header.title, header.title_line = match["number"], match["title"].strip(), block.printed
            title_block = block
    header.number = header.number or header.found.get("number")  # "Resolution 2719 (2023)": no title line
    if header.title is None:
        title_block = _pick_title(blocks, header, lang)
    header.intro = [b for b in blocks if b is not title_block]
    return header


def masthead_end(lines: list[Line], lang: Language, reach: int = 80) -> int:
    """Where the body of a text without enacting formula starts: after its masthead's last
    statement of type or sponsors (``…: amendment to draft resolution A/80/L.18``,
    ``Draft decision submitted by the Chair``) and the title block after it; 0 when it has none."""
    last = None
    for i, line in enumerate(lines[:reach]):
        if line.gap > 0 or i == 0:
            run = _sponsor_run(lines, i, lang)
            if run:
                last = i + run[0] - 1
                continue
        found: dict = {}
        if _masthead(_plain(line.text), lang, found) in ("sponsor", "type") and found.get("type") in _DRAFTED:
            last = i  # "Draft decision submitted by the Chair" (a letter's or note's opening line is its title)
    if last is None:
        return 0
    k = last + 1
    while k < len(lines) and (k == last + 1 or lines[k].gap == 0):  # the title: the next run of lines
        k += 1
    return k


def _last_statement(lines: list[Line], lang: Language, reach: int = 80) -> int:
    """The index of the masthead's last statement of sponsors or type (``…: draft resolution``,
    ``Resolution adopted by …``) among the first *reach* lines, or -1: what comes before it is
    masthead, what comes after may be the title."""
    last = -1
    for i, line in enumerate(lines[:reach]):
        if (line.gap > 0 or i == 0) and _sponsor_run(lines, i, lang):
            last = i
        elif _masthead(_plain(line.text), lang, {}) in ("sponsor", "type"):
            last = i
    return last


def _dated(kind: str | None, text: str, lang: Language) -> bool:
    """Is *text* the dates that end the statement above it: an adoption line's date (``Adopted by the
    Security Council at its 9518th meeting, on`` / ``21 December 2023``) or a session's
    (``Fifty-fifth session`` / ``26 February–5 April 2024``)?"""
    return bool((kind == "type" and lang.regex("date").match(text))
                or (kind == "session" and lang.regex("session_dates").match(text)))


def _names_organ(lines: list[Line], i: int, text: str, lang: Language) -> bool:
    """A body's name right above a session line (no blank line between) names the organ whose
    session it is, under the masthead of the body it reports to (``General Assembly`` … ``Human
    Rights Council`` / ``Fifty-fifth session``); elsewhere below ``Distr.`` a body's name may end a title."""
    if text.lower() not in _BODY_NAMES or i + 1 >= len(lines) or lines[i + 1].gap > 0:
        return False
    return _session(lang.regex("session").search(_plain(lines[i + 1].text)), lang)


def _session(m: re.Match | None, lang: Language) -> bool:
    """A session line: an ordinal (``Eightieth session``) or a year (``2023 session``, ECOSOC's)."""
    return bool(m and (m["year"] or lang.number_words(m["ordinal"] or "")))


def _continues(kind: str, statement: str, text: str) -> bool:
    """Does *text* (the next line, no blank line between) carry on the statement?"""
    if kind in ("agenda", "distribution"):
        return len(text) < 80  # an agenda item's title; a distribution line's date
    if statement.startswith("[") and "]" not in statement:
        return True
    return kind == "type" and text[:1].islower()  # "on 1 December 2025", "informal consultations"


def _sponsor_run(lines: list[Line], i: int, lang: Language) -> tuple[int, str] | None:
    """A sponsor statement over the lines from *i* to the next blank line (``… Uzbekistan:*`` /
    ``draft resolution``): its length in lines and its text, or None."""
    j = i + 1
    while j < len(lines) and lines[j].gap == 0 and j - i < 40:
        j += 1
    if j - i < 2:
        return None
    text = " ".join(_plain(l.text) for l in lines[i:j])
    match = lang.regex("amendment").search(text) or lang.regex("draft_sponsor").search(text)
    return (j - i, text) if match and not text[match.end():].strip(" .") else None


def _sponsor_marker(lines: list[Line], found: dict) -> None:
    """The note marker after a sponsor list (``Palau:* draft resolution``): its note qualifies the sponsors."""
    if "sponsors" in found and (m := re.search(r"(\*{1,3})\s*:|:\s*(\*{1,3})", " ".join(l.text for l in lines))):
        found["sponsor_marker"] = m.group(1) or m.group(2)


def _bracket_run(lines: list[Line], i: int, lang: Language) -> tuple[int, str] | None:
    """A bracketed masthead statement over several lines (``[on the report of the …`` /
    ``(Fourth Committee) (A/80/537, para. 15)]``): its length in lines and its text, or None."""
    if not lines[i].stripped.startswith("[") or "]" in lines[i].text:
        return None
    j = i + 1
    while j < len(lines) and lines[j].gap == 0 and j - i < 6:
        j += 1
        if "]" in lines[j - 1].text:
            text = " ".join(_plain(l.text) for l in lines[i:j])
            return (j - i, text) if _masthead(text, lang, {}) else None
    return None


def _blocks(lines: list[Line], layout: str, lang: Language) -> list[Block]:
    """Header text cut into blocks: at blank lines (``blank`` layout) or as the body is (``indent``)."""
    if layout != "blank":
        return blocks_mod.segment(lines, layout, lang.code)
    out: list[Block] = []
    for line in lines:
        if out and line.gap == 0:
            out[-1].text = hyphenation.join(out[-1].text, line.text, lang.code)
            out[-1].lines.append(line.no)
        else:
            out.append(Block("text", None, line.stripped, line.no, [line.no]))
    return out


def _pick_title(blocks: list[Block], header: Header, lang: Language) -> Block | None:
    """The last short, unpunctuated block is the title (drafts state it so); return that block."""
    summaries = {t.lower() for t in lang["summary_titles"]}
    for block in reversed(blocks):
        text = block.text.strip("* ")
        if len(text) <= 300 and not re.search(r"[:.,;]\s*$", text) and text.lower() not in summaries:
            header.title, header.title_line = text, block.printed
            return block
    return None


def stated_type(text: str, lang: Language) -> str | None:
    """The type a line states by its opening words (``Resolution adopted by``, ``Letter dated``), or None."""
    lowered = " ".join(text.split()).lower().strip(" ,[]")
    return next((kind for phrase, kind in lang["types"].items() if lowered.startswith(phrase)), None)


def _masthead(text: str, lang: Language, found: dict) -> str | None:
    """The kind of masthead line *text* is (None for other text); records what it states."""
    lowered = text.lower().strip(" ,[]")
    if m := lang.regex("amendment").search(text):
        found["sponsors"] = split_sponsors(m["sponsors"], lang)
        found["type"], found["amends"] = "amendment", m["target"]
        return "sponsor"
    if m := lang.regex("draft_sponsor").search(text):
        found["sponsors"] = split_sponsors(m["sponsors"], lang)
        kind = "draft_resolution" if "sol" in m.group().lower() else "draft_decision"  # resolution, résolution
        found.setdefault("type", ("revised_" + kind) if lang.regex("revised").search(m.group()) else kind)
        return "sponsor"
    if "session" in found and "agenda" not in found and (m := lang.regex("committee").match(text)):
        if m["ordinal"]:
            found["committee"] = m["ordinal"]
        return "committee"
    if m := lang.regex("number_line").match(text):  # a Security Council resolution states its number alone
        found["number"] = m["number"]
        found.setdefault("type", "resolution")
        return "number"
    for key in ("distribution", "session", "agenda", "committee_report", "recommendation", "without_reference",
                "meeting", "original"):
        if (m := lang.regex(key).search(text)) and (key != "session" or _session(m, lang)):
            found[key] = m.groupdict() or text
            return key
    if kind := stated_type(text, lang):
        found.setdefault("type", kind)
        if m := lang.regex("adopted_on").search(text):
            found["date"] = m["date"]
            if m.groupdict().get("meeting"):  # "Adopted by the Security Council at its 9518th meeting, on …"
                found["adopted_meeting"] = m["meeting"]
        return "type"
    if lowered in _BODY_NAMES and "distribution" not in found:  # above "Distr.:"; below it, a title's last words
        return "body"
    if lang.regex("language_line").match(text):
        return "language"
    if lang.regex("date").match(text) and len(text) < 40:
        found.setdefault("header_date", text)
        return "date"
    return None
