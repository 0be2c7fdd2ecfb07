"""What an MkDocs build holds of the pages' HTML, and the rendered-HTML page cache.

The plugin's helpers for MkDocs' page loops. They import nothing of MkDocs (only
:mod:`.mkdocs_plugin` does): they read and set the attributes MkDocs' pages and files have
(``page.file.src_uri``, ``page.meta``, ``page.present_anchor_ids``,
``page.links_to_anchors``, ``files.src_uris``) and are tested with stand-ins. Guarantees,
each keeping the site byte for byte what MkDocs alone would write:

* :class:`HtmlSpool`: between MkDocs' render loop (every page's Markdown to HTML) and its
  template loop (every page's HTML into the theme), a page's HTML is held compressed while
  MkDocs holds a small placeholder (``page.content``), which :meth:`HtmlSpool.restore`
  replaces in the page's output; the page's Markdown is dropped once rendered;
* :class:`PageCache`: a generated page outside the navigation whose Markdown, links,
  templates and settings are those of an earlier build is not rendered again: its HTML,
  anchors and anchor links come back from the cache (:mod:`build_scripts.cache.pages`), so
  MkDocs still checks every link; the HTML is read when the page is written, not held
  from the render loop on;
* :class:`SourceMemo`: under ``mkdocs serve``, a generated page's front matter is parsed
  once, not at every rebuild.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import secrets
import sys
import zlib

from .cache import pages

CACHED_TEMPLATE = "un-archive/cached.html"  # what MkDocs renders for a cached page (its HTML replaces it)


class PageError(RuntimeError):
    """A page's HTML cannot be given back as MkDocs would have written it (the plugin
    reports it as MkDocs' ``PluginError``)."""


class HtmlSpool:
    """Pages' HTML, compressed, from MkDocs' render loop to its template loop."""

    def __init__(self):
        self.nonce = secrets.token_hex(8)  # no text of a page can contain a placeholder
        self.held: dict[str, tuple[str, bytes]] = {}  # src_uri -> (placeholder, compressed HTML)

    def hold(self, page, html: str) -> str:
        """What MkDocs keeps as ``page.content`` instead of *html* (a placeholder that
        contains ``<h1`` when the HTML does: Material's content template asks)."""
        page.markdown = ""  # rendered: MkDocs does not read it again (the title comes from the render or meta)
        if not html:
            return html
        placeholder = f"<!--un-archive {self.nonce} {len(self.held)}{' <h1' if '<h1' in html else ''}-->"
        self.held[page.file.src_uri] = (placeholder, zlib.compress(html.encode("utf-8"), 1))
        return placeholder

    def restore(self, page, output: str) -> str:
        """*output* with the page's placeholder replaced by its HTML."""
        held = self.held.pop(page.file.src_uri, None)
        if held is None:
            return output
        placeholder, data = held
        if output.count(placeholder) != 1:
            raise PageError(f"the template of {page.file.src_uri} does not show page.content once")
        return output.replace(placeholder, zlib.decompress(data).decode("utf-8"))


class SourceMemo:
    """Under ``mkdocs serve``: each generated page's text split into Markdown and front
    matter by MkDocs' own *get_data* once, not at every rebuild (a YAML parse a page).

    Keyed by a digest of the text; gives the Markdown *get_data* gave (the text past the
    part it took off) and a fresh copy of its meta (plugins and templates may change a
    page's meta). A text *get_data* did not cut a suffix from is not kept. Only the entries
    of the current and the last build are held (:meth:`next_build`)."""

    def __init__(self, get_data):
        self.get_data = get_data
        self.last: dict[bytes, tuple[int, bytes]] = {}
        self.now: dict[bytes, tuple[int, bytes]] = {}

    def next_build(self) -> None:
        """A build starts: what the one before last used is let go."""
        self.last, self.now = self.now, {}

    def split(self, text: str) -> tuple[str, dict]:
        """``get_data(text)``."""
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        hit = self.now.get(key) or self.last.get(key)
        if hit is None:
            markdown, meta = self.get_data(text)
            if not text.endswith(markdown):
                return markdown, meta
            hit = (len(text) - len(markdown), pickle.dumps(meta, protocol=5))
        self.now[key] = hit
        return text[hit[0]:], pickle.loads(hit[1])


def give_anchors(page, anchors, links, files) -> None:
    """A page's anchors and its links to other pages' anchors, as the page cache keeps them
    (:class:`~build_scripts.cache.pages.CachedPage`), set back on the page for MkDocs' checks
    (a link to a file no longer in *files* is left out, as MkDocs would not have it). MkDocs
    holds every page's anchors to the end of the build (its anchor check): each id is one
    interned string for the whole site (``op-1`` is on every document page)."""
    page.present_anchor_ids = set(map(sys.intern, anchors))
    if links is not None:
        known = files.src_uris  # the paths kept are files' src_uri: one dictionary lookup each
        page.links_to_anchors = {known[path]: {sys.intern(a): url for a, url in found} for path, found in links
                                 if path in known}


class PageCache:
    """The rendered-HTML cache of the generated pages of one build (see module docstring)."""

    def __init__(self, store, kind: str, warnings):
        self.store, self.kind, self.warnings = store, kind, warnings
        self.site_key = ""
        self.cacheable: set[str] = set()
        self.keys: dict[str, str] = {}  # src_uri -> key of a page rendered in this build
        self.hits: dict[str, tuple] = {}  # src_uri -> (key, anchors, links to anchors) of a cached page
        self.written: dict[str, str] = {}  # src_uri -> key of a page written from or into the cache
        self.reused = self.rendered = 0
        self.warnings_before = 0

    def key(self, file, files) -> str:
        """The key of a cacheable page's HTML (see :mod:`build_scripts.cache.pages`)."""
        src = file.src_uri
        # the whole file: the front matter (title, fiche, template) shapes the HTML as much as the Markdown
        existing = files.src_uris  # link targets are normalized paths: a dictionary lookup each
        held = getattr(file, "compressed", None)  # a generated file's bytes as held: no need to decompress them
        content_key = (pages.digest("page-links", src, file.content_string) if held is None
                       else pages.digest("page-links-zlib", src, held))
        targets = self.store.get("page-links", content_key)  # the page's links, found once per content
        if targets is None:
            targets = pages.link_targets(file.content_string, src)
            self.store.put("page-links", content_key, targets)
        return pages.page_key(self.site_key, src, content_key, lambda p: p in existing, targets)

    def skip(self, key: str):
        """The cached page under *key*, which a dirty build does not write again (its entry is
        this build's: not pruned), or ``None``."""
        return self.store.get(self.kind, key)

    def markdown(self, markdown: str, page, files) -> str:
        """The Markdown MkDocs renders: the page's own, or nothing for a cached page."""
        src = page.file.src_uri
        if src not in self.cacheable:
            return markdown
        key = self.key(page.file, files)
        hit = self.store.get(self.kind, key)
        if hit is None:
            self.keys[src] = key
            self.warnings_before = self.warnings.count
            return markdown
        self.hits[src] = (key, hit.anchors, hit.links_to_anchors)
        self.reused += 1
        page.meta["template"] = CACHED_TEMPLATE
        return ""  # nothing left for MkDocs to render (the plugin skips its Markdown converter too)

    def cached(self, page) -> bool:
        """Whether *page*'s HTML comes from the cache in this build."""
        return page.file.src_uri in self.hits

    def content(self, page, files) -> None:
        """A cached page's anchors and anchor links, for MkDocs' checks; a page that warned
        is not cached."""
        src = page.file.src_uri
        if (hit := self.hits.get(src)) is not None:
            give_anchors(page, hit[1], hit[2], files)
            self.hits[src] = (hit[0], None, None)  # the page has them now
        elif src in self.keys and self.warnings.count != self.warnings_before:
            del self.keys[src]  # it warned: render it again next time, so that it warns again

    def output(self, page, output: str) -> str:
        """The page's final HTML: a cached page's from the cache; a rendered one is cached."""
        src = page.file.src_uri
        if (hit := self.hits.pop(src, None)) is not None:
            cached = self.store.get(self.kind, hit[0])
            if cached is None:  # removed since the render loop: cannot happen in one build
                raise PageError(f"the cached page {src} disappeared during the build")
            self.written[src] = hit[0]
            return cached.html
        if (key := self.keys.pop(src, None)) is not None:
            self.rendered += 1
            self.written[src] = key
            links = page.links_to_anchors
            self.store.put(self.kind, key, pages.CachedPage(
                output, frozenset(page.present_anchor_ids or ()),
                None if links is None else tuple(sorted((f.src_uri, tuple(sorted(a.items()))) for f, a in links.items()))))
        return output

    def report(self, log: logging.Logger) -> None:
        log.info("un-archive: %d generated pages from the cache, %d rendered", self.reused, self.rendered)
