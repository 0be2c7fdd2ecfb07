"""Reader: Markdown-ish published text (``# Assemblée générale``, ``<sup>12</sup>``).

Guarantee: lines as read; a paragraph opens after a blank line
(``opens`` = a blank line before); pages are not marked.
"""

from __future__ import annotations

import dataclasses

from ..clean import markup
from ..clean.lines import Line, split_lines

NAME = "markdown"
FLAVOUR = "markdown"


def recognises(text: str) -> bool:
    return markup.flavour(split_lines(text[:200_000])) == "markdown"


def lines(text: str) -> list[Line]:
    return [dataclasses.replace(l, opens=l.gap > 0) for l in split_lines(text)]
