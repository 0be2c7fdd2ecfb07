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
The titles of several agenda items (``Agenda items 13 and 75``), each after a blank line, are
masthead too when the masthead's statement of sponsors or type comes after them. In the
``blank`` layout the rest is cut into blocks at blank lines. What one line states is
:mod:`.masthead`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean import hyphenation
from ..clean.lines import Line
from ..lang import Language
from . import blocks as blocks_mod
from .blocks import Block
from . import masthead

NUMBER_TITLE = re.compile(r"^\s*(?P<number>\d{1,4}/\d{1,4}(?:\s+[A-Z])?|\d{1,4}\s*\(\d{4}\))\.\s+(?P<title>\S.*)$")


@dataclass
class Header:
    """What the header says."""

    masthead: list[str] = field(default_factory=list)
    title: str | None = None
    title_line: str | None = None
    number: str | None = None
    intro: list[Block] = field(default_factory=list)
    found: dict[str, object] = field(default_factory=dict)


def read(lines: list[Line], layout: str, lang: Language) -> Header:
    """Split header *lines* into masthead, title and intro, collecting metadata."""
    header, rest = Header(), []
    follow, statement, skip = None, "", 0
    titles, before = 0, -1  # agenda items' titles still to come, each after a blank line, before line *before*
    for i, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        if line.gap > 0 or i == 0:
            run = masthead.sponsor_run(lines, i, lang) or masthead.bracket_run(lines, i, lang)
            if run:
                header.masthead.append(run[1])
                masthead.statement(run[1], lang, header.found)
                masthead.sponsor_marker(lines[i : i + run[0]], header.found)
                skip, follow = run[0] - 1, None
                continue
        text = masthead.plain(line.text)
        dated = line.gap == 0 and masthead.dated(follow, text, lang)
        hit = None if dated else masthead.statement(text, lang, header.found)
        if hit is None and masthead.names_organ(lines, i, text, lang):
            hit = "body"  # "Human Rights Council" under the General Assembly's masthead, above its session
        if hit is None and titles and line.gap > 0 and i < before and len(text) < 80:
            hit, titles = "agenda", titles - 1  # "Agenda items 13 and 75" / … / "Oceans and the law of the sea"
            header.masthead.append(text)
            follow, statement = hit, text
            continue
        if hit == "agenda":  # its items' titles may each stand after a blank line, before the masthead's
            apart = i + 1 < len(lines) and lines[i + 1].gap > 0  # statement; not when the first runs on below it
            titles = len(masthead.agenda_items(header.found.get("agenda"), lang)) if apart else 0
            before = _last_statement(lines, lang) if titles else -1
        if hit is None and follow and line.gap == 0 and (dated or masthead.continues(follow, statement, text)):
            header.masthead.append(text)
            statement = f"{statement} {text}"
            if follow not in ("agenda", "distribution"):  # not an item's title: the joined statement, read again
                masthead.statement(statement, lang, header.found)
            continue
        if hit == "sponsor":
            masthead.sponsor_marker([line], header.found)
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
    for _, end, kind, run in _statements(lines, lang, reach):
        if run or kind in masthead.DRAFTED:  # a letter's or note's opening line is its title
            last = end
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
    return max((start for start, _, _, _ in _statements(lines, lang, reach)), default=-1)


def _statements(lines: list[Line], lang: Language, reach: int):
    """Each statement of sponsors or type among the first *reach* lines, in order: its first and
    last line, the type it states and whether it is a sponsor list over several lines (``… Uzbekistan:*``
    / ``draft resolution``, read from blank line to blank line)."""
    for i, line in enumerate(lines[:reach]):
        if (line.gap > 0 or i == 0) and (run := masthead.sponsor_run(lines, i, lang)):
            yield i, i + run[0] - 1, None, True
            continue
        found: dict = {}
        if masthead.statement(masthead.plain(line.text), lang, found) in ("sponsor", "type"):
            yield i, i, found.get("type"), False


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
