"""Rule: Markdown-ish published text (``# Assemblée générale``, ``<sup>12</sup>``, links).

Guarantees of :func:`convert`: heading markers and link syntax (``#…`` and
web targets only; a ``javascript:`` link stays literal text) are removed
but their text is kept; ``<sup>N</sup>`` footnote markers become note
brackets (``\\ue000N\\ue001``); superscript ordinals (``50<sup>e</sup>``)
become plain text (``50e``). Emphasis (``*Rappelant*``) is left for the parser.
"""

from __future__ import annotations

import dataclasses
import re

from .lines import NOTE_CLOSE, NOTE_OPEN, Line

_HEADING = re.compile(r"^\s*#{1,6}\s+")
_SUP_NOTE = re.compile(r"<sup>\s*(\d{1,3}|\*{1,3})\s*</sup>", re.IGNORECASE)
_SUP_TEXT = re.compile(r"<sup>\s*([^<\d*][^<]{0,4}?)\s*</sup>", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]*)\]\((?:#[^)\s]*|https?://[^)\s]*)\)")  # only page-local or web links


def flavour(lines: list[Line]) -> str:
    """``"markdown"`` when the text uses Markdown-ish markup, else ``"pdf"``."""
    for line in lines[:400]:
        text = line.text
        if _HEADING.match(text) or "<sup>" in text.lower() or _LINK.search(text):
            return "markdown"
    return "pdf"


def convert_text(text: str) -> str:
    """Apply the markup rules to one line of text."""
    text = _HEADING.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _SUP_NOTE.sub(lambda m: f"{NOTE_OPEN}{m.group(1)}{NOTE_CLOSE}", text)
    text = _SUP_TEXT.sub(r"\1", text)
    return text


def convert(lines: list[Line]) -> list[Line]:
    """Convert every line; a line left empty by the conversion is kept as is."""
    out = []
    for line in lines:
        text = convert_text(line.text)
        out.append(dataclasses.replace(line, text=text if text.strip() else line.text))
    return out
