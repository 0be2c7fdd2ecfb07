"""The generated pages' Markdown to HTML without Python-Markdown: the same bytes, faster.

MkDocs renders a page's Markdown with Python-Markdown, which was most of the build's time
(about 30 s of a 90 s build at 300 documents; it walks an element tree through twenty
inline patterns per text). The archive writes its pages' Markdown itself, in a small
regular subset, so a direct renderer of that subset gives the same HTML at a fraction of
the cost. Stages: :mod:`.blocks` (headings, paragraphs with attribute lists, lists,
tables), :mod:`.inline` (escapes, entities, links, strong, inline tags), :mod:`.convert`
(heading ids and table of contents as the ``toc`` extension makes them, anchors, links
resolved by the caller). Anything outside the subset makes :func:`convert` return
``None`` and the page goes to Python-Markdown: tested page by page against it.
"""

from .convert import EXTENSIONS, Rendered, convert

__all__ = ["EXTENSIONS", "Rendered", "convert"]
