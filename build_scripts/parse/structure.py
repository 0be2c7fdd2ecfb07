"""Parse step 5: blocks -> typed paragraphs with their public ids.

Id scheme (part of the public URL contract):

* resolutions and drafts: ``pp-5`` (5th preambular paragraph), ``pp-5-a``
  (its item a), ``op-3``, ``op-3-a``, ``op-3-a-i``;
* reports: ``sec-iii`` (section III), ``sec-iii-a``, ``sec-iii-a-1`` for
  headings (an unnumbered sub-heading: ``sec-iii-c-sub-1``), ``summary`` for
  the summary's title, ``para-12``, ``para-139-a``, ``para-139-d-i``;
* text before the body (a summary, a recommendation): ``intro-1`` …;
* a resolution or decision whose operative part is one unnumbered sentence:
  ``op`` (its items ``op-a`` …);
* an annex (``mode="annex"``, ids prefixed later): as a report, and its
  opening unnumbered text, before any numbered paragraph, is ``intro-1`` …;
* a subject heading of a resolution, or of a report or note without numbered sections
  (``Mandate of UNMISS``, ``Reporting``, ``Programme of work``: one short capitalised line
  without final punctuation, right above a numbered paragraph; ``Part I`` / its title):
  ``heading-1`` …;
* unnumbered text where a number was expected: ``text-1`` … (with a warning);
* a document with no recognisable structure: ``para-1`` … in reading order.

Guarantees of :func:`assign`: every block becomes exactly one paragraph; ids
are unique (a clash gets ``-2``, ``-3`` and a warning); an item's ``parent``
is the id of the paragraph it belongs to; a skipped paragraph number and a
resolution without an operative part are warned about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Block


@dataclass
class Draft:
    """A paragraph before its text is finalised."""

    id: str
    kind: str
    number: str | None
    parent: str | None
    level: int
    text: str
    line: int


class _Ids:
    def __init__(self, warnings: list) -> None:
        self.used: set[str] = set()
        self.warnings = warnings

    def unique(self, pid: str, line: int) -> str:
        if pid not in self.used:
            self.used.add(pid)
            return pid
        n = 2
        while f"{pid}-{n}" in self.used:
            n += 1
        self.warnings.append((line, f"duplicate paragraph id {pid!r}, published as {pid}-{n}"))
        self.used.add(f"{pid}-{n}")
        return f"{pid}-{n}"


def intro(blocks: list[Block], titles: set[str]) -> list[Draft]:
    """Header text that is not masthead or title: ``intro-1`` …; a summary title is heading ``summary``."""
    out, n = [], 0
    for block in blocks:
        if block.text.strip().lower() in titles:
            out.append(Draft("summary", "heading", None, None, 1, block.text, block.line))
            continue
        n += 1
        out.append(Draft(f"intro-{n}", "intro", None, None, 0, block.printed, block.line))
    return out


def assign(blocks: list[Block], mode: str, warnings: list, adopting: bool = False,
           parts: re.Pattern[str] | None = None) -> list[Draft]:
    """Give every body block its kind, number, parent and id (see module docstring; *parts*: the
    language's ``Part I`` / ``Section 29C`` heading, see :func:`_subject_headings`)."""
    if mode in ("plain", "amendment"):  # an amendment's instructions are not numbered in print
        return [Draft(f"para-{i}", "paragraph", str(i) if mode == "plain" else None, None, 0, b.text, b.line)
                for i, b in enumerate(blocks, 1)]
    ids, out = _Ids(warnings), []
    ctx = {"para": None, "item": None, "sec": [], "pp": 0, "text": 0, "ops": False}
    unnumbered = _unnumbered_operative(blocks, adopting) if mode == "resolution" else None
    headings = _subject_headings(blocks, parts) if mode in ("resolution", "report", "annex") else set()
    for k, block in enumerate(blocks):
        if (mode == "resolution" or (mode in ("report", "annex") and not ctx["sec"])) and k != unnumbered \
                and k in headings:
            ctx["heading"] = ctx.get("heading", 0) + 1
            ctx["para"] = ctx["item"] = None
            label = parts.match(block.text.strip()) if parts is not None else None
            top = bool(label and label.groupdict().get("top"))
            level = 2 if label and not top and ctx.get("top") else 1  # "Section 1" under "Part I"
            ctx["top"] = ctx.get("top") or top
            out.append(Draft(ids.unique(f"heading-{ctx['heading']}", block.line), "heading", None, None, level,
                             block.printed, block.line))
            continue
        if k == unnumbered:
            ctx["ops"] = True
            ctx["para"], ctx["item"] = ids.unique("op", block.line), None
            out.append(Draft(ctx["para"], "operative", None, None, 0, block.text, block.line))
            continue
        out.append(_one(block, mode, ctx, ids, warnings))
    if mode == "resolution" and not ctx["ops"]:
        warnings.append((blocks[-1].line if blocks else 0, "no operative paragraph found: check the end of the text"))
    return out


def _subject_headings(blocks: list[Block], parts: re.Pattern[str] | None = None) -> set[int]:
    """The indexes of the blocks that are subject headings, right above a numbered paragraph or
    another heading: one line of at most 12 words, capitalised, without final punctuation (the
    Security Council's ``Mandate of UNMISS``, ``Reporting``), or a labelled heading and its title
    over at most six lines (*parts*: ``Part I`` / ``Overall policymaking, direction and
    coordination``, ``Section 29C`` / …, a budget resolution's). A preambular paragraph ends with a
    comma (or its note's marker). One pass from the end (a run of headings above a paragraph)."""
    out: set[int] = set()
    above_numbered = False  # is the block after this one numbered, or a heading above one?
    for k in range(len(blocks) - 1, -1, -1):
        block = blocks[k]
        if above_numbered and _heading_shaped(block, parts):
            out.add(k)
        else:
            above_numbered = block.kind == "numbered"
    return out


def _heading_shaped(block: Block, parts: re.Pattern[str] | None) -> bool:
    text = block.text.strip()
    if block.kind != "text" or not text[:1].isupper() or re.search(r"[.;:,]\s*$", text):
        return False
    labelled = parts is not None and parts.match(text) is not None and len(block.lines) <= 6
    return labelled or (len(block.lines) == 1 and len(text.split()) <= 12 and not re.search(r"\d\s*$", text))


def _unnumbered_operative(blocks: list[Block], adopting: bool = False) -> int | None:
    """A resolution or decision whose operative part is one unnumbered sentence: its block's index.

    With no numbered paragraph at all, the operative part opens at the first
    text block that does not end like a preambular paragraph (with a comma,
    a footnote marker allowed after it): ``Adopts the political declaration
    … annexed to the present resolution.``, ``recalling its decision …:``.
    After a formula printed without its comma (*adopting*: ``The General
    Assembly`` / ``Adopts the following political declaration:``) there is no
    preamble: the first text block is the operative text even when numbered
    paragraphs (the adopted text's own) follow.
    """
    if adopting:
        return next((k for k, b in enumerate(blocks) if b.kind == "text"), None)
    if any(b.kind == "numbered" for b in blocks):
        return None
    for k, block in enumerate(blocks):
        if block.kind == "text" and not re.search(r",(?:\s?\d{1,3})?\s*$", block.text):
            return k
    return None


def _one(block: Block, mode: str, ctx: dict, ids: _Ids, warnings: list) -> Draft:
    label = block.label
    if block.kind in ("roman", "letter", "subheading"):
        level = {"roman": 1, "letter": 2, "subheading": 3}[block.kind]
        ctx["sec"] = ctx["sec"][: level - 1] + [label.lower()]
        ctx["para"] = ctx["item"] = None
        ctx["sub"] = 0
        return Draft(ids.unique("sec-" + "-".join(ctx["sec"]), block.line), "heading", label, None, level, block.text, block.line)
    if block.kind == "numbered":
        kind, prefix = ("operative", "op") if mode == "resolution" else ("paragraph", "para")
        if int(label) != ctx.get("number", 0) + 1:
            warnings.append((block.line, f"numbering gap: paragraph {label} follows paragraph {ctx.get('number', 0)}"))
        ctx["ops"], ctx["number"] = True, int(label)
        pid = ids.unique(f"{prefix}-{label}", block.line)
        ctx["para"], ctx["item"] = pid, None
        return Draft(pid, kind, label, None, 0, block.text, block.line)
    if block.kind in ("item", "subitem") and ctx["para"]:
        parent = ctx["item"] if block.kind == "subitem" and ctx["item"] else ctx["para"]
        pid = ids.unique(f"{parent}-{label}", block.line)
        if block.kind == "item":
            ctx["item"] = pid
        return Draft(pid, "item", label, parent, 0, block.text, block.line)
    if mode == "resolution" and not ctx["ops"] and block.kind == "text":
        ctx["pp"] += 1
        pid = ids.unique(f"pp-{ctx['pp']}", block.line)
        ctx["para"], ctx["item"] = pid, None
        return Draft(pid, "preambular", str(ctx["pp"]), None, 0, block.text, block.line)
    # from here on the block is published without a number: an item label
    # with no paragraph to hang from stays in the text (block.printed)
    if mode == "annex" and block.kind == "text" and not ctx["ops"] and not ctx["sec"]:
        ctx["intro"] = ctx.get("intro", 0) + 1  # an annex's opening words, before any numbered paragraph
        pid = ids.unique(f"intro-{ctx['intro']}", block.line)
        ctx["para"], ctx["item"] = pid, None
        return Draft(pid, "paragraph", None, None, 0, block.printed, block.line)
    if mode in ("report", "annex") and _untitled_heading(block, ctx):
        ctx["sub"] = ctx.get("sub", 0) + 1
        pid = ids.unique("sec-" + "-".join(ctx["sec"] + [f"sub-{ctx['sub']}"]), block.line)
        return Draft(pid, "heading", None, None, len(ctx["sec"]) + 1, block.printed, block.line)
    ctx["text"] += 1
    warnings.append((block.line, "unnumbered paragraph where a numbered one was expected"))
    pid = ids.unique(f"text-{ctx['text']}", block.line)
    ctx["para"], ctx["item"] = pid, None
    return Draft(pid, "paragraph", None, None, 0, block.printed, block.line)


def _untitled_heading(block: Block, ctx: dict) -> bool:
    """An unnumbered, short, unpunctuated line under a section heading: right under it, or a
    one-line capitalised title between the section's paragraphs (``Partnerships and support mechanisms``)."""
    if not ctx["sec"] or len(block.text) >= 150 or re.search(r"[.;:,]\s*$", block.text):
        return False
    return ctx["para"] is None or (block.kind == "text" and block.text[:1].isupper() and len(block.lines) == 1)
