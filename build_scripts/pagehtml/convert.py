"""A generated page's Markdown to what MkDocs' rendering gives: HTML, table of contents,
anchors and links.

Guarantee of :func:`convert`: for a page in the subset of :mod:`.blocks` and
:mod:`.inline`, the HTML, the ``toc`` tokens and the anchor ids are those of MkDocs 1.6's
``Page.render`` with the archive's Markdown extensions (:data:`EXTENSIONS`), each link
target passed, in document order, to *resolve* (the plugin gives MkDocs' own link
processor: the same URLs, warnings and anchor checks); *resolve* is called only once the
whole page is known to be in the subset. Outside it, ``None``: the caller renders the
page with Python-Markdown, so nothing is ever rendered differently.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique

from .blocks import blocks
from .inline import Href, Unsupported, escape_attr, start_tag

#: the ``markdown_extensions`` (and their settings) this renderer reproduces
EXTENSIONS = (["toc", "tables", "fenced_code", "attr_list", "md_in_html", "sane_lists", "admonition"],
              {"toc": {"permalink": False}})  # as MkDocs lists them (its built-ins first)


@dataclass(frozen=True)
class Rendered:
    html: str
    toc_tokens: list
    anchors: frozenset


def _text(parts: list) -> str:
    """Parts with link targets as written (the ``toc`` extension sees them before MkDocs)."""
    return "".join(escape_attr(p.value) if isinstance(p, Href) else p for p in parts)


def convert(markdown: str, resolve: Callable[[str], str]) -> Rendered | None:
    """The page's rendering, or ``None`` when it is outside the subset (see module)."""
    if "\t" in markdown or "\r" in markdown or "\x02" in markdown or "\x03" in markdown:
        return None
    try:
        page = blocks(markdown)
    except Unsupported:
        return None
    used = set(page.tree_ids)
    counters: dict[str, int] = {}
    tokens = []
    for heading in page.headings:
        inner = _text(heading.parts).strip()
        name = strip_tags(inner)
        if "id" not in heading.attrs:
            heading.attrs["id"] = unique(slugify(html.unescape(name), "-"), used, counters)
        page.parts[heading.index] = start_tag(f"h{heading.level}", heading.attrs)
        tokens.append({"level": heading.level, "id": heading.attrs["id"], "name": name, "html": inner,
                       "data-toc-label": ""})
    anchors = frozenset(page.tree_ids) | {h.attrs["id"] for h in page.headings} | set(page.tag_ids)
    out = "".join(escape_attr(resolve(p.value)) if isinstance(p, Href) else p for p in page.parts)
    return Rendered(out.strip(), nest_toc_tokens(tokens), anchors)
