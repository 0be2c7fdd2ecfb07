"""The rendered-HTML cache of generated pages: what a page's HTML depends on.

MkDocs renders a page from its Markdown, the existence of the files it links to, the
site's configuration, templates, navigation and date. :func:`page_key` digests the first
two with a *site* digest of the rest (:func:`site_key`, computed by the plugin once per
build); a page whose key was seen in an earlier build gets its HTML, its anchors and its
links to other pages' anchors back from the cache, and MkDocs' anchor check still runs on
them. A page whose rendering logged a warning is never cached (the next build warns again).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .keys import digest

#: Link targets in Markdown (``](target)``) and in HTML attributes (``href="target"``,
#: ``src="target"``): one pattern per form, each starting with a literal, which the regular
#: expression engine finds quickly (one pattern with ``\b(?:href|src)`` as an alternative made it
#: try every position of every page: most of a rebuild's time when nothing changed).
_FORMS = (re.compile(r"\]\(<?([^)\s>]+)"), re.compile(r"href=\"([^\"]+)\""), re.compile(r"src=\"([^\"]+)\""))


@dataclass(frozen=True)
class CachedPage:
    """One page as MkDocs rendered it."""

    html: str  # the final output, after every template and plugin
    anchors: frozenset[str]  # the ids on the page (targets of other pages' links)
    links_to_anchors: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None  # (src_uri, ((anchor, link), …))


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _targets(markdown: str) -> list[str]:
    """The link targets of *markdown*, as one left-to-right scan for any of :data:`_FORMS`
    finds them (a match inside an earlier match is not one; ``href``/``src`` must start a word,
    as ``\b`` would say)."""
    found = sorted((m.start(), m.end(), m.group(1)) for n, form in enumerate(_FORMS) for m in form.finditer(markdown)
                   if n == 0 or m.start() == 0 or not _word(markdown[m.start() - 1]))
    out, end = [], 0
    for start, stop, target in found:
        if start >= end:
            out.append(target)
            end = stop
    return out


def link_targets(markdown: str, src_uri: str) -> list[str]:
    """The local paths *markdown* links to, resolved from the page *src_uri* (sorted, unique)."""
    base = posixpath.dirname(src_uri)
    out = set()
    for target in _targets(markdown):
        target = target.split("#", 1)[0].split("?", 1)[0]
        if not target or "://" in target or target.startswith(("/", "mailto:", "data:")):
            continue
        out.add(posixpath.normpath(posixpath.join(base, target)))
    return sorted(out)


def page_key(site: str, src_uri: str, markdown: str, exists, targets: list[str] | None = None) -> str:
    """The key of one page's HTML: the site digest, its path, its Markdown (or a digest of
    it), and which of the files it links to exist (``exists(path) -> bool``; *targets*: its
    :func:`link_targets`, when known)."""
    targets = link_targets(markdown, src_uri) if targets is None else targets
    links = [f"{'+' if exists(t) else '-'}{t}" for t in targets]
    return digest("page", site, src_uri, markdown, *links)


def site_key(code: str, config_text: str, settings: str, trees: list[str], nav_pages: list[tuple[str, str]],
             epoch: str) -> str:
    """The digest of what every page's HTML shares: code version, ``mkdocs.yml``, the settings
    MkDocs may have changed (``site_url`` under ``mkdocs serve``), the templates and hand-written
    pages, the navigation's pages (path, Markdown) and the build date."""
    return digest("site", code, config_text, settings, *trees, *(p for pair in nav_pages for p in pair), epoch)
