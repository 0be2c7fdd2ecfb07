"""A paragraph's inline Markdown: escaped text, links and footnote references.

Guarantees of :func:`paragraph_markdown`: every character of the text appears
exactly once, escaped; links never overlap (a span that overlaps an earlier
one is dropped) and never cut a footnote marker; each footnote reference
gets a unique id ``fnref-<note>-<paragraph id>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Paragraph
from . import escape


@dataclass(frozen=True)
class Link:
    """A span of a paragraph's text to turn into a link."""

    start: int
    end: int
    href: str
    title: str = ""


def note_id(marker: str) -> str:
    """``3`` -> ``fn-3``; ``*`` -> ``fn-star``."""
    return "fn-" + (marker if marker.isdigit() else "star" + ("" if len(marker) == 1 else f"-{len(marker)}"))


def note_ref(marker: str, pid: str) -> str:
    """The superscript reference to a footnote, as inline Markdown."""
    fid = note_id(marker)
    return f'<sup class="fnref" id="fnref-{fid[3:]}-{pid}">[{escape.text(marker)}](#{fid} "Note {escape.attr(marker)}")</sup>'


def _span(text: str, link: Link | None) -> str:
    if link is None:
        return escape.text(text)
    title = f' "{escape.attr(link.title)}"' if link.title else ""
    return f"[{escape.text(text)}]({link.href}{title})"


def paragraph_markdown(para: Paragraph, links: list[Link] = ()) -> str:
    """The text of *para* with its links and footnote references."""
    text = para.text
    cuts = sorted({0, len(text)} | {r.offset for r in para.notes})
    accepted, last_end = [], -1
    for link in sorted(links, key=lambda l: (l.start, -l.end)):
        if link.start >= last_end and not any(link.start < c < link.end for c in cuts) and link.end <= len(text):
            accepted.append(link)
            last_end = link.end
    events = sorted([(r.offset, 1, r) for r in para.notes] + [(l.start, 0, l) for l in accepted], key=lambda e: (e[0], e[1]))
    out, pos = [], 0
    for offset, kind, item in events:
        if kind == 0:
            out.append(escape.text(text[pos:item.start]))
            out.append(_span(text[item.start:item.end], item))
            pos = item.end
        else:
            out.append(escape.text(text[pos:offset]))
            out.append(note_ref(item.marker, para.id))
            pos = offset
    out.append(escape.text(text[pos:]))
    return "".join(out)
