"""Pagination shared by every long list: listings, entity pages, "Cité par", series.

Guarantees: :func:`chunks` cuts a list into pages of at most *size* items
(one empty page for an empty list); :func:`nav` gives the "previous / next"
links of a page as relative Markdown links (empty on a single page);
:func:`front` is a page's YAML front matter, written by the YAML library
(any character survives, C1 controls included) with the title HTML-escaped
because the theme prints it unescaped.
"""

from __future__ import annotations

import functools
import posixpath
from typing import Callable, Sequence, TypeVar

from . import escape

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """*items* in pages of at most *size* (``[[]]`` when there are none)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def nav(path: str, page: int, count: int, page_path: Callable[[int], str]) -> str:
    """``[← Page précédente](…) · [Page suivante →](…)`` for page *page* of *count*, or ""."""
    links = []
    if page > 1:
        links.append(f"[← Page précédente]({rel(path, page_path(page - 1))})")
    if page < count:
        links.append(f"[Page suivante →]({rel(path, page_path(page + 1))})")
    return " · ".join(links) + "\n{: .pagination }\n" if links else ""


def front(title: str, **values) -> str:
    """The front matter block of a page titled *title* (HTML-escaped), with more *values*."""
    from .markdown import front_matter

    return front_matter({"title": escape.html(title), **values})


@functools.lru_cache(maxsize=1 << 16)
def rel(from_path: str, to_path: str) -> str:
    """Relative link between two source paths (MkDocs resolves and validates it): what
    ``posixpath.relpath`` gives, without its two ``abspath`` calls (a site has ~10⁵ links,
    many of them the same: a page names an entity at every mention)."""
    start = posixpath.dirname(from_path)
    here, there = start.split("/") if start else [], to_path.split("/")
    if {"", ".", ".."} & set(here + there):  # not a plain relative path: the library decides
        return posixpath.relpath(to_path, start or ".")
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."
