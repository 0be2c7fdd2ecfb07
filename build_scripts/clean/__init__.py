"""Stage 1, clean: raw text -> numbered lines with page furniture removed.

Guarantees of :func:`clean`:

* the raw text is first read by the reader that recognises its extraction
  (:mod:`build_scripts.readers`), so every later rule sees canonical lines;
* every raw line is accounted for: it is either returned as a :class:`Line`
  (with its 1-based raw line number; a lone label carries the line it labels)
  or listed in ``furniture`` with the rule that removed it — nothing
  disappears silently;
* returned lines carry no page headers or footers, job numbers, barcodes, page numbers,
  link-only lines, dot-leader tables of contents or page-break rules;
* a label alone on its line is joined with the text it labels (:mod:`.labels`);
* the words of the returned lines are the raw words (repairs of split words,
  hyphenation, apostrophes and spacing happen when lines are joined, in
  :mod:`build_scripts.clean.words`).

One rule per module: :mod:`.running_heads` (a page's running header, found
where the page starts), :mod:`.furniture` (page furniture), :mod:`.toc` (tables
of contents), :mod:`.markup` (Markdown-ish markup), :mod:`.hyphenation`,
:mod:`.split_words`, :mod:`.apostrophes`, :mod:`.spacing`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import furniture, labels, markup, running_heads, toc
from .lines import Line


@dataclass(frozen=True)
class Cleaned:
    """The clean stage's output."""

    lines: tuple[Line, ...]
    furniture: tuple[tuple[int, str, str], ...]  # (line number, text, rule)
    flavour: str  # "pdf" or "markdown"
    reader: str = "dump"  # the extraction recognised (see build_scripts.readers)

    @property
    def layout(self) -> str:
        """How paragraph starts show: ``indent`` (the seed dumps) or ``blank`` (a blank line before)."""
        return "indent" if self.reader == "dump" else "blank"


def clean(text: str) -> Cleaned:
    """Read *text* into canonical lines and remove page furniture (see module docstring)."""
    from ..readers import read

    extraction = read(text)
    flavour = extraction.flavour
    removed: list[tuple[int, str, str]] = []
    lines = toc.remove(list(extraction.lines), removed)
    lines = running_heads.remove(lines, removed)
    lines = furniture.remove(lines, removed, flavour)
    if flavour == "markdown":
        lines = markup.convert(lines)
    lines = labels.join(lines)
    removed.sort()
    return Cleaned(tuple(lines), tuple(removed), flavour, extraction.reader)
