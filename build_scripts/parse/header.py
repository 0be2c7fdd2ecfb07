"""Parse step 4: the header (everything before the enacting formula).

Guarantees of :func:`read`: every header line ends up exactly once in the
masthead, the title or the intro blocks; the metadata found (sponsors, type,
dates, session, agenda items, committee report, symbol number) comes from
the language table's patterns, never from words hard-coded here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean.lines import Line
from ..lang import Language
from . import blocks as blocks_mod
from .blocks import Block

NUMBER_TITLE = re.compile(r"^\s*(?P<number>\d{1,4}/\d{1,4}(?:\s+[A-Z])?|\d{1,4}\s*\(\d{4}\))\.\s+(?P<title>\S.*)$")
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


def read(lines: list[Line], flavour: str, lang: Language) -> Header:
    """Split header *lines* into masthead, title and intro, collecting metadata."""
    header, rest, follow = Header(), [], False
    for line in lines:
        text = " ".join(line.text.replace("*", " ").replace("'", "’").split())
        hit = _masthead(text, lang, header.found)
        if hit or (follow and line.gap == 0 and len(text) < 80):
            header.masthead.append(text)
            follow = hit in ("agenda", "distribution") or (follow and line.gap == 0)
        else:
            rest.append(line)
            follow = False
    blocks = blocks_mod.segment(rest, flavour, lang.code)
    title_block = None
    for block in blocks:
        if (match := NUMBER_TITLE.match(block.text)) and header.title is None:
            header.number, header.title, header.title_line = match["number"], match["title"].strip(), block.printed
            title_block = block
    if header.title is None:
        title_block = _pick_title(blocks, header, lang)
    header.intro = [b for b in blocks if b is not title_block]
    return header


def _pick_title(blocks: list[Block], header: Header, lang: Language) -> Block | None:
    """The last short, unpunctuated block is the title (drafts state it so); return that block."""
    summaries = {t.lower() for t in lang["summary_titles"]}
    for block in reversed(blocks):
        text = block.text.strip("* ")
        if len(text) <= 300 and not re.search(r"[:.,;]\s*$", text) and text.lower() not in summaries:
            header.title, header.title_line = text, block.printed
            return block
    return None


def _masthead(text: str, lang: Language, found: dict) -> str | None:
    """The kind of masthead line *text* is (None for other text); records what it states."""
    lowered = text.lower().strip(" ,[]")
    if m := lang.regex("draft_sponsor").search(text):
        found["sponsors"] = split_sponsors(m["sponsors"], lang)
        found.setdefault("type", "draft_resolution" if "sol" in text.lower() else "draft_decision")
        return "sponsor"
    for key in ("distribution", "session", "agenda", "committee_report", "meeting"):
        if m := lang.regex(key).search(text):
            found[key] = m.groupdict() or text
            return key
    for phrase, kind in lang["types"].items():
        if lowered.startswith(phrase):
            found.setdefault("type", kind)
            if m := lang.regex("adopted_on").search(text):
                found["date"] = m["date"]
            return "type"
    if lowered in _BODY_NAMES:
        return "body"
    if lang.regex("date").match(text) and len(text) < 40:
        found.setdefault("header_date", text)
        return "date"
    return None


def split_sponsors(text: str, lang: Language) -> tuple[str, ...]:
    """``Allemagne, France et Italie`` -> three names."""
    parts = [text]
    for sep in lang["sponsor_separators"]:
        parts = [p for part in parts for p in part.split(sep)]
    return tuple(p.strip() for p in parts if p.strip())
