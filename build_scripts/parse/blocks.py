"""Parse step 2: body lines -> blocks (one paragraph, item or heading each).

A line opens a new block when it carries the next label of a sequence
(``12.``, ``IV.``, ``B.``, ``c)``, ``ii)``; English texts write items
``(c)``, ``(ii)``), or when it looks like the start
of an unnumbered paragraph: a line the layout opens (``Line.opens``: an
indent in the ``indent`` layout of the seed dumps, a blank line in the
``blank`` layout of PyMuPDF, pdftotext and Markdown-ish text) that starts
with a capital or emphasis after a finished clause, or with the language's
labelled heading (``Part II``, ``Section 3``: :mod:`build_scripts.lang`'s
``part_heading``) after a blank line. A number printed
without its period (``25``) is a label only where it stood alone on its
line (``Line.label_alone``), and there an item may start in lower case.
Every other line continues the current block.

Guarantees of :func:`segment`: every body line lands in exactly one block, in
order; line joins go through :func:`build_scripts.clean.hyphenation.join`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean import hyphenation
from ..clean.lines import Line
from ..lang import language
from .numbering import Counter, letter_value, roman_value

NUMBERED = re.compile(r"^\s*(\d{1,3})\.\s+(?=\S)")
ROMAN_BARE = re.compile(r"^\s*([IVX]{1,5})\.?\s+(?=[A-ZÀ-ÖØ-Þ“])")  # "I" above a section title, label alone only
NUMBERED_BARE = re.compile(r"^\s*(\d{1,3})\.?\s+(?=[*_“\"]?[A-ZÀ-ÖØ-Þ])")  # "25 Condemns", label alone only
ROMAN = re.compile(r"^\s*([IVX]{1,5})\.\s+(?=\S)")
LETTER = re.compile(r"^\s*([A-H])\.\s+(?=\S)")
ITEM = re.compile(r"^\s*\(?([a-z])\)\s+(?=[*_]?[A-ZÀ-ÖØ-Þ])")  # "a)" (French) or "(a)" (English)
SUBITEM = re.compile(r"^\s*\(?([ivx]{1,5})\)\s+(?=[*_]?[A-ZÀ-ÖØ-Þ])")
ITEM_ALONE = re.compile(r"^\s*\(?([a-z])\)\s+(?=\S)")  # "(a)" alone on its line: any text follows
SUBITEM_ALONE = re.compile(r"^\s*\(?([ivx]{1,5})\)\s+(?=\S)")
_CLAUSE_END = re.compile(r"[,;:.»)\]*”](?:\s{0,2}\d{1,3})?\s*$")  # a footnote marker may follow: "1979,1"
_COMMA_END = re.compile(r",(?:\s{0,2}\d{1,3})?\s*$")  # a clause that goes on: "to Prevent," "Crime,6"
_CAPITAL = re.compile(r"^\s*(?:\*{1,2}|_)?[A-ZÀ-ÖØ-Þ«]")


@dataclass
class Block:
    """A paragraph-sized run of lines: label kind, label, joined text (without the label)."""

    kind: str  # "numbered", "roman", "letter", "subheading", "item", "subitem", "text"
    label: str | None
    text: str
    line: int
    lines: list[int] = field(default_factory=list)
    mark: str = ""  # the label as printed ("12.", "a)", "(a)"); empty for unlabelled text

    @property
    def printed(self) -> str:
        """The block as printed, label included (for text that is not published as a labelled unit)."""
        return f"{self.mark} {self.text}" if self.mark else self.text


class _State:
    def __init__(self) -> None:
        self.numbers, self.romans, self.letters = Counter(), Counter(), Counter()
        self.subheads, self.items, self.subitems = Counter(), Counter(), Counter()


def segment(lines: list[Line], layout: str, lang: str) -> list[Block]:
    """Group *lines* into blocks (see module docstring); *layout* is ``indent`` or ``blank``."""
    state, blocks = _State(), []
    parts = language(lang).regex("part_heading")
    for line in lines:
        start = _start(line, blocks[-1] if blocks else None, state, layout, parts)
        if start is None and blocks:
            last = blocks[-1]
            last.text = hyphenation.join(last.text, line.text, lang)
            last.lines.append(line.no)
            continue
        kind, label, rest = start or ("text", None, line.stripped)
        if kind == "text":
            state.items.reset(); state.subitems.reset()  # a new paragraph may open its own list a), b) …
        mark = line.text[: len(line.text) - len(rest)].strip() if label is not None else ""
        blocks.append(Block(kind, label, rest.strip(), line.no, [line.no], mark))
    return blocks


def _start(line: Line, prev: Block | None, state: _State, layout: str, parts: re.Pattern[str] | None = None):
    """``(kind, label, text after the label)`` when *line* opens a block, else None."""
    text = line.text
    labelled = _labelled(line, prev, state)
    if labelled:
        return labelled
    if prev is None:
        return ("text", None, text)
    fresh = line.opens
    if _CAPITAL.match(text) and _short_heading(prev) and fresh and not state.romans.last \
            and (layout == "indent" or line.gap > 0):  # a page top is no sign of a heading
        return ("text", None, text)
    if fresh and prev.kind in ("roman", "letter", "subheading") and _heading_like(text.strip()) and _CAPITAL.match(text):
        return ("text", None, text)  # an unnumbered sub-heading under a report heading
    if fresh and line.gap > 0 and parts is not None and parts.match(text.strip()):
        return ("text", None, text)  # "Part I" / its title, then "Section 1" / its title: two headings
    if not _CLAUSE_END.search(prev.text[-12:]) or not _CAPITAL.match(text):
        return None
    if fresh and line.gap == 0 and prev.kind in ("numbered", "item", "subitem") and _COMMA_END.search(prev.text[-12:]):
        return None  # a numbered paragraph ending on a comma goes on at the next page's top ("…Protocol to Prevent," / "Suppress and Punish …")
    if fresh and (layout == "blank" or not state.romans.last):
        return ("text", None, text)
    return None


def _patterns(line: Line):
    if line.label_alone:
        return ((ROMAN_BARE, "roman"), (LETTER, "letter"), (NUMBERED_BARE, "numbered"),
                (ITEM_ALONE, "item"), (SUBITEM_ALONE, "subitem"))
    return ((ROMAN, "roman"), (LETTER, "letter"), (NUMBERED, "numbered"), (ITEM, "item"), (SUBITEM, "subitem"))


def _labelled(line: Line, prev: Block | None, state: _State):
    """A labelled start that fits its sequence, updating the counters."""
    text = line.text
    for pattern, kind in _patterns(line):
        match = pattern.match(text)
        if match:
            found = _fits(kind, match.group(1), text[match.end():], prev, state)
            if found:
                return found, match.group(1), text[match.end():]
    return None


def _fits(kind: str, label: str, rest: str, prev: Block | None, state: _State) -> str | None:
    """The block kind when *label* is next in its sequence (None otherwise)."""
    if kind == "roman" and state.romans.accepts(roman_value(label)) and (prev is None or _CLAUSE_END.search(prev.text[-12:]) or prev.kind == "text"):
        state.romans.take(roman_value(label)); state.letters.reset(); state.subheads.reset()
        return "roman"
    if kind == "letter" and state.romans.last and state.letters.accepts(letter_value(label)):
        state.letters.take(letter_value(label)); state.subheads.reset()
        return "letter"
    if kind == "numbered":
        value = int(label)
        if state.numbers.accepts(value, slack=1):
            state.numbers.take(value); state.items.reset(); state.subitems.reset()
            return "numbered"
        if state.romans.last and state.subheads.accepts(value) and _heading_like(rest):
            state.subheads.take(value)
            return "subheading"
        return None
    if kind == "item" and state.items.accepts(letter_value(label)):
        state.items.take(letter_value(label)); state.subitems.reset()
        return "item"
    if kind == "subitem" and state.items.last and state.subitems.accepts(roman_value(label)):
        state.subitems.take(roman_value(label))
        return "subitem"
    if kind == "item" and state.items.last and state.subitems.accepts(roman_value(label)):
        state.subitems.take(roman_value(label))  # "i)" after "h)" is a letter; after "d)" a roman sub-item
        return "subitem"
    return None


def _short_heading(block: Block) -> bool:
    """A one-line block with no final punctuation (a masthead or summary title)."""
    return len(block.lines) == 1 and block.kind == "text" and _heading_like(block.text) and len(block.text) < 80


def _heading_like(rest: str) -> bool:
    """A short line with no final punctuation: a numbered sub-heading."""
    return len(rest) < 120 and not re.search(r"[.;:,]\s*$", rest)
