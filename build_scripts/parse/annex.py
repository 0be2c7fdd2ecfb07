"""Parse step: annexes — a declaration, a programme of action, a table annexed to a resolution.

An annex opens at a line that is only the language's word for it
(``Annex``, ``Annex II``; ``Annexe``) once the body has begun. Its title is
the first block after that line when it is short and unpunctuated
(``Awaza Political Declaration``); its paragraphs keep their own numbering,
from 1, with their own headings (``I.``) and items.

Guarantees: :func:`split` returns every body line exactly once, either
before the first annex or in one annex, in order; :func:`drafts` gives each
annex a heading with id ``annex`` (``annex-ii`` when the document has
several) and prefixes every id of its paragraphs with it: ``annex-3``,
``annex-3-a``, ``annex-sec-i``, ``annex-ii-3`` — unique in the document and
never clashing with the resolution's own ``pp-``/``op-`` ids.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..clean.lines import Line
from ..lang import Language
from . import blocks as blocks_mod
from . import structure
from .numbering import roman, roman_value


@dataclass(frozen=True)
class Annex:
    """An annex as read: its heading line, its number as printed (``II``) and its lines."""

    heading: Line
    number: str | None
    lines: tuple[Line, ...]


def split(lines: list[Line], lang: Language) -> tuple[list[Line], list[Annex]]:
    """Body lines before the first annex, and the annexes."""
    pattern = lang.regex("annex")
    starts = [i for i, l in enumerate(lines) if pattern.match(" ".join(l.text.split()))]
    if not starts:
        return lines, []
    annexes = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        number = pattern.match(" ".join(lines[start].text.split()))["number"]
        annexes.append(Annex(lines[start], number, tuple(lines[start + 1 : end])))
    return lines[: starts[0]], annexes


def drafts(annexes: list[Annex], layout: str, code: str, warnings: list) -> list[structure.Draft]:
    """The annexes' headings and paragraphs, ids prefixed (see module docstring)."""
    out: list[structure.Draft] = []
    for k, annex in enumerate(annexes, start=1):
        prefix = "annex" if len(annexes) == 1 else f"annex-{_key(annex.number, k)}"
        blocks = blocks_mod.segment(list(annex.lines), layout, code)
        title = blocks.pop(0) if blocks and _is_title(blocks[0]) else None
        printed = " ".join(annex.heading.text.split())
        out.append(structure.Draft(prefix, "heading", printed, None, 1, title.text if title else "", annex.heading.no))
        for draft in structure.assign(blocks, "annex", warnings):
            out.append(dataclasses.replace(draft, id=_prefixed(draft.id, prefix),
                                           parent=_prefixed(draft.parent, prefix) if draft.parent else None,
                                           level=draft.level + 1 if draft.kind == "heading" else draft.level))
    return out


def _key(number: str | None, k: int) -> str:
    """``II`` -> ``ii``; ``2`` -> ``ii``; no number -> the annex's rank."""
    if number and number.isdigit():
        return roman(int(number))
    if number and roman_value(number):
        return number.lower()
    return roman(k)


def _is_title(block: blocks_mod.Block) -> bool:
    return block.kind == "text" and len(block.text) <= 500 and not re.search(r"[.;:,]\s*$", block.text)


def _prefixed(pid: str, prefix: str) -> str:
    """``para-3-a`` -> ``annex-3-a``; ``sec-i`` -> ``annex-sec-i``."""
    return prefix + "-" + (pid[len("para-"):] if pid.startswith("para-") else pid)
