"""How MkDocs renders a generated page: its front matter parsed once, a cached page not
rendered, the others by :mod:`build_scripts.pagehtml`.

Guarantees: each function stands in for MkDocs 1.6's ``Page.read_source`` or ``Page.render``
and leaves on the page what MkDocs' own would (Markdown and meta; HTML, table of contents,
anchors and links to anchors, so that ``--strict``'s anchor check covers the page), or hands
the page to MkDocs' own rendering when :mod:`~build_scripts.pagehtml` does not cover it.
"""

from __future__ import annotations

import logging
import sys

from mkdocs.structure.toc import get_toc

try:  # MkDocs 1.6's own link processor and logger of Page.render (without them: Python-Markdown for every page)
    from mkdocs.structure.pages import _RelativePathTreeprocessor, log as pages_log
except ImportError:  # pragma: no cover - another MkDocs
    _RelativePathTreeprocessor = None

from .. import pagehtml
from ..mkdocs_pages import SourceMemo


def read_source(page, memo: SourceMemo, config) -> None:
    """``Page.read_source`` (MkDocs 1.6's) for a generated page under ``mkdocs serve``: its
    front matter parsed once across rebuilds (:class:`SourceMemo`)."""
    source = config.plugins.on_page_read_source(page=page, config=config)
    if source is None:
        source = page.file.content_string
    page.markdown, page.meta = memo.split(source)


def render_nothing(page, config, files) -> None:
    """What ``Page.render`` leaves on a page whose HTML comes from the cache: MkDocs' rendering
    of its empty Markdown, without building a Markdown converter for it (its anchors and links
    are set by :meth:`PageCache.content`; its template shows ``page.content`` only)."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


def render_fast(page, render, counts, config, files) -> None:
    """``Page.render`` for a generated page: :func:`build_scripts.pagehtml.convert`, which
    gives the HTML, table of contents and anchors Python-Markdown would, links resolved by
    MkDocs' own link processor (same URLs, warnings and anchor checks); a page outside its
    subset goes to *render*, MkDocs' own."""
    links = _RelativePathTreeprocessor(page.file, files, config)
    result = pagehtml.convert(page.markdown, links.path_to_url)
    counts[result is not None] += 1
    if result is None:
        return render(config, files)
    page.content = result.html
    page.toc = get_toc(result.toc_tokens)
    page.present_anchor_ids = set(map(sys.intern, result.anchors))  # held to the end: one string an id
    if pages_log.getEffectiveLevel() > logging.DEBUG:  # as Page.render
        page.links_to_anchors = links.links_to_anchors


def fast_html_applies(config) -> bool:
    """Whether the Markdown settings are those :mod:`build_scripts.pagehtml` reproduces."""
    names, settings = pagehtml.EXTENSIONS
    return (_RelativePathTreeprocessor is not None and list(config.markdown_extensions) == names
            and dict(config.mdx_configs or {}) == settings)
