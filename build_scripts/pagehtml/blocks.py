"""The generated pages' blocks to HTML, as Python-Markdown renders them.

Blocks are separated by blank lines. The subset: ATX headings (``## Text {: #id .class }``),
one-line paragraphs with an optional attribute-list line (``{: #op-3 .para }``), tight
lists of one-line items (``- …``; ``3. …`` keeping its start number, as ``sane_lists``
does), pipe tables without alignment, and ``<div … markdown="1">`` … ``</div>`` containers
of such blocks (``md_in_html``; each line a block of its own). Guarantee of :func:`blocks`: each block's HTML
is what Python-Markdown (``attr_list``, ``tables``, ``sane_lists``) makes of it; a block it
would read otherwise — indented, quoted, fenced, raw HTML, a rule, an admonition, a list
continued after a blank line, a paragraph that could start a list — raises
:class:`~.inline.Unsupported`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .inline import Unsupported, attrs_of, inline, start_tag

_HEADING = re.compile(r"^(#{1,6})((?:\\.|[^\\])*?)#*$")  # Python-Markdown's: an escaped # is text
_HEADING_ATTRS = re.compile(r"[ ]+\{:?[ ]*([^\}\n ][^\n]*)\}[ ]*$")
_BLOCK_ATTRS = re.compile(r"^[ ]*\{:?[ ]*([^\}\n ][^\n]*)\}[ ]*$")
_UL = re.compile(r"^- +(.*)$")
_OL = re.compile(r"^(\d+)\. +(.*)$")
_SEPARATOR = re.compile(r"^\|(?: *-+ *\|)+$")
_RULE = re.compile(r"^ {0,3}([-*_])(?: {0,2}\1){2,} *$")
#: what makes a line something other than a paragraph's first line for Python-Markdown
_NOT_PARAGRAPH = re.compile(r"^(?:[ \t>|=+-]|\*[ ]|\*$|\*\*\*|#|\d+\.(?: |$)|!!!|~~~|<(?![a-zA-Z]))")
_BLOCK_TAG = re.compile(r"^</?([a-zA-Z][a-zA-Z0-9]*)")
#: a ``<div>`` whose content is Markdown (``md_in_html``), alone in its block, closed by a ``</div>`` block
_CONTAINER = re.compile(r'^<div((?:\s+[a-zA-Z-]+="[^"<>]*")*?)\s+markdown="1">$')
_HTML_ATTR = re.compile(r'\s+([a-zA-Z-]+)="([^"<>]*)"')


@dataclass
class Heading:
    level: int
    attrs: dict
    parts: list
    index: int  # its place among the output parts


@dataclass
class Page:
    """What the blocks make: HTML parts (strings and hrefs), headings, ids."""

    parts: list = field(default_factory=list)
    headings: list = field(default_factory=list)
    tree_ids: list = field(default_factory=list)  # ids set by attribute lists, in order
    tag_ids: list = field(default_factory=list)  # ids written in inline HTML


def blocks(markdown: str) -> Page:
    page = Page()
    # per open container (the page first): whether it has a child yet, and its last child's kind
    levels: list[list] = [[False, None]]
    for block in re.split(r"\n\n+", markdown.strip("\n")):
        if not block.strip():
            continue
        lines = block.split("\n")
        if any(line != line.rstrip() and line.endswith("  ") for line in lines) or any(_RULE.match(l) for l in lines):
            raise Unsupported("line break or rule")
        if block == "</div>" and len(levels) > 1:
            page.parts.append("\n</div>" if levels.pop()[0] else "</div>")
            levels[-1][1] = "div"
            continue
        if len(levels) > 1 or levels[-1][0]:
            page.parts.append("\n")
        levels[-1][0] = True
        previous = levels[-1][1]
        first = lines[0]
        if (container := _CONTAINER.match(block)) is not None:
            page.parts.append(start_tag("div", _container_attrs(page, container.group(1))))
            levels.append([False, None])
            continue
        if first.startswith("#"):
            kind = _heading(page, lines)
        elif first.startswith("|"):
            kind = _table(page, lines)
        elif first.startswith("- ") or _OL.match(first):
            kind = _list(page, lines, previous)
        else:
            kind = _paragraph(page, lines)
        levels[-1][1] = kind
    if len(levels) > 1:
        raise Unsupported("unclosed container")
    return page


def _container_attrs(page: Page, source: str) -> dict[str, str]:
    """A ``<div … markdown="1">``'s attributes (``md_in_html`` makes it an element)."""
    attrs = dict(_HTML_ATTR.findall(source))
    if _HTML_ATTR.sub("", source).strip() or "&" in source or "markdown" in attrs:
        raise Unsupported("container attributes")
    if "id" in attrs:
        page.tree_ids.append(attrs["id"])
    return attrs


def _inline(page: Page, text: str, out: list) -> None:
    inline(text, out, page.tag_ids, page.tree_ids)


def _unescaped(text: str) -> str:
    """*text* without its backslash escapes (what Python-Markdown's block patterns see)."""
    return re.sub(r"\\.", "", text)


def _heading(page: Page, lines: list[str]) -> str:
    m = _HEADING.match(lines[0]) if len(lines) == 1 else None
    if m is None:
        raise Unsupported("heading")
    text, attrs = m.group(2).strip(), {}
    a = _HEADING_ATTRS.search(text)
    if a is not None:
        attrs = attrs_of(a.group(1))
        text = text[:a.start()]
        if "{" in _unescaped(text):
            raise Unsupported("heading")
        while text.endswith("#") and (len(text) - 1 - len(text[:-1].rstrip("\\"))) % 2 == 0:
            text = text[:-1]  # attr_list strips the unescaped trailing #s (an even run of \ before one)
        text = text.rstrip()
    elif "{" in _unescaped(text):
        raise Unsupported("heading")
    if "data-toc-label" in attrs:
        raise Unsupported("data-toc-label")
    if "id" in attrs:
        page.tree_ids.append(attrs["id"])
    parts: list = []
    _inline(page, text, parts)
    level = len(m.group(1))
    page.headings.append(Heading(level, attrs, parts, len(page.parts)))
    page.parts.append(None)  # the start tag, once every id is known (see .convert)
    page.parts += parts
    page.parts.append(f"</h{level}>")
    return "heading"


def _paragraph(page: Page, lines: list[str]) -> str:
    first = lines[0]
    tag = _BLOCK_TAG.match(first)
    if _NOT_PARAGRAPH.match(first) or (tag and tag.group(1).lower() not in _INLINE_START) or len(lines) > 2:
        raise Unsupported("paragraph")
    attrs = {}
    if len(lines) == 2:
        a = _BLOCK_ATTRS.match(lines[1])
        if a is None:
            raise Unsupported("paragraph of several lines")
        attrs = attrs_of(a.group(1))
        if "id" in attrs:
            page.tree_ids.append(attrs["id"])
    page.parts.append(start_tag("p", attrs))
    _inline(page, first, page.parts)
    page.parts.append("</p>")
    return "paragraph"


_INLINE_START = frozenset("span em sup sub strong del ins a b i small mark".split())


def _list(page: Page, lines: list[str], previous: str | None) -> str:
    ordered = not lines[0].startswith("- ")
    if previous == ("ol" if ordered else "ul"):
        raise Unsupported("list continued after a blank line")
    items = [(_OL if ordered else _UL).match(line) for line in lines]
    if not all(items):
        raise Unsupported("list")
    start = int(items[0].group(1)) if ordered else 1
    tag = "ol" if ordered else "ul"
    page.parts.append(f'<{tag} start="{start}">\n' if start != 1 else f"<{tag}>\n")
    for m in items:
        text = m.group(m.lastindex)
        if _NOT_PARAGRAPH.match(text) or _BLOCK_TAG.match(text) or text != text.rstrip():
            raise Unsupported("list item")
        page.parts.append("<li>")
        _inline(page, text, page.parts)
        page.parts.append("</li>\n")
    page.parts.append(f"</{tag}>")
    return tag


def _cells(line: str) -> list[str]:
    if "\\|" in line or "`" in line or not line.endswith("|"):
        raise Unsupported("table row")
    return [cell.strip() for cell in line.strip()[1:-1].split("|")]


def _table(page: Page, lines: list[str]) -> str:
    if len(lines) < 3 or not _SEPARATOR.match(lines[1]):
        raise Unsupported("table")
    head = _cells(lines[0])
    if len(_cells(lines[1])) != len(head):
        raise Unsupported("table")
    rows = [_cells(line) for line in lines[2:]]
    if any(len(row) != len(head) for row in rows):
        raise Unsupported("table row")
    page.parts.append("<table>\n<thead>\n")
    _row(page, head, "th")
    page.parts.append("</thead>\n<tbody>\n")
    for row in rows:
        _row(page, row, "td")
    page.parts.append("</tbody>\n</table>")
    return "table"


def _row(page: Page, cells: list[str], tag: str) -> None:
    page.parts.append("<tr>\n")
    for cell in cells:
        page.parts.append(f"<{tag}>")
        _inline(page, cell, page.parts)
        page.parts.append(f"</{tag}>\n")
    page.parts.append("</tr>\n")
