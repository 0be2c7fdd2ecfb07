"""Reader: PDF text dumps that mark a paragraph start by an indent (the bundled seeds).

Such dumps keep the page's left margin: a paragraph's first line is
indented, its other lines are not; blank lines are unreliable (some dumps
double every line) and page boundaries are not marked. Guarantee: lines
are returned as read, ``opens`` set from the indent, ``page`` 0.
"""

from __future__ import annotations

from ..clean.lines import Line, split_lines

NAME = "dump"
FLAVOUR = "pdf"


def recognises(text: str) -> bool:
    """The fallback reader: any text."""
    return True


def lines(text: str) -> list[Line]:
    return split_lines(text)
