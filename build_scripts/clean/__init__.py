"""Stage 1, clean: raw text -> numbered lines with page furniture removed.

Guarantees of :func:`clean`:

* every raw line is accounted for: it is either returned as a :class:`Line`
  (with its 1-based raw line number) or listed in ``furniture`` with the rule
  that removed it — nothing disappears silently;
* returned lines carry no page headers or footers, job numbers, barcodes, page numbers,
  link-only lines, dot-leader tables of contents or page-break rules;
* the words of the returned lines are the raw words (repairs of split words,
  hyphenation, apostrophes and spacing happen when lines are joined, in
  :mod:`build_scripts.clean.words`).

One rule per module: :mod:`.furniture` (page furniture), :mod:`.toc` (tables
of contents), :mod:`.markup` (Markdown-ish markup), :mod:`.hyphenation`,
:mod:`.split_words`, :mod:`.apostrophes`, :mod:`.spacing`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import furniture, markup, toc
from .lines import Line, split_lines


@dataclass(frozen=True)
class Cleaned:
    """The clean stage's output."""

    lines: tuple[Line, ...]
    furniture: tuple[tuple[int, str, str], ...]  # (line number, text, rule)
    flavour: str  # "pdf" or "markdown"


def clean(text: str) -> Cleaned:
    """Split *text* into lines and remove page furniture (see module docstring)."""
    lines = split_lines(text)
    flavour = markup.flavour(lines)
    removed: list[tuple[int, str, str]] = []
    lines = toc.remove(lines, removed)
    lines = furniture.remove(lines, removed, flavour)
    if flavour == "markdown":
        lines = markup.convert(lines)
    removed.sort()
    return Cleaned(tuple(lines), tuple(removed), flavour)
