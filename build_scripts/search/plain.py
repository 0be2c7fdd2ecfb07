"""Search records from plain text: paragraphs split on blank lines.

For text that has not been through the parser (and for tests and
benchmarks): each run of lines between blank lines is one record, its
whitespace collapsed; ids are ``p-1``, ``p-2``… and labels ``par. 1``…
"""

from __future__ import annotations

import re

from build_scripts.search.record import SearchRecord

_BLANK_LINES_RE = re.compile(r"\n[ \t\f\v\r\xa0]*\n")


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs of *text*, whitespace collapsed."""
    parts = (" ".join(part.split()) for part in _BLANK_LINES_RE.split(text))
    return [part for part in parts if part]


def records_from_text(
    doc_id: str,
    text: str,
    *,
    title: str,
    symbol: str = "",
    type: str = "document",
    body: str = "",
    year: str = "",
) -> list[SearchRecord]:
    """One :class:`SearchRecord` per paragraph of *text*."""
    return [
        SearchRecord(
            ref=f"{doc_id}#p-{number}",
            doc_id=doc_id,
            title=title,
            symbol=symbol,
            label=f"par. {number}",
            text=para,
            type=type,
            body=body,
            year=year,
        )
        for number, para in enumerate(paragraphs(text), start=1)
    ]
