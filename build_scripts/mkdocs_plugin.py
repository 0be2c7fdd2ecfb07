"""The thin MkDocs plugin: the only module that imports MkDocs.

Events, each small:

* ``on_startup``: under ``mkdocs serve`` the plugin then lives across rebuilds, and its
  cache stays in memory as well as on disk;
* ``on_config``: resolve the raw corpus folder and the cache folder (relative to ``mkdocs.yml``);
* ``on_files``: build the corpus (:func:`build_scripts.site.output`, normalizing in
  ``workers`` processes and reading back from the cache whatever did not change) and
  inject every generated page and data file with ``File.generated`` (nothing is written
  into ``docs_dir``);
* ``on_nav``, ``on_page_markdown``, ``on_page_content``, ``on_post_page``: a generated page
  outside the navigation whose Markdown, links, templates and settings are those of an
  earlier build is not rendered again: its HTML, anchors and anchor links come back from
  the cache (:mod:`build_scripts.cache.pages`), so MkDocs still checks every link;
* ``on_page_context``: give the home template the corpus summary;
* ``on_post_template``: make ``404.html`` work under any sub-path
  (:mod:`build_scripts.render.notfound`);
* ``on_post_build``: forget cache entries this build did not use;
* ``on_serve``: make ``mkdocs serve`` rebuild when ``source_docs/`` changes.

Without ``SOURCE_DATE_EPOCH`` the plugin sets it to the newest document's
date (:func:`build_scripts.site.epoch`), so that MkDocs' page dates and
``sitemap.xml.gz`` come from the sources, not the clock: the same sources give
the same site, byte for byte, with or without the cache. A ``SOURCE_DATE_EPOCH``
set by the user wins.

Per-document warnings are logged at INFO level with the file and line, in corpus order,
so one bad file never stops the build of the others (even with ``--strict``).
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from . import site
from .cache import keys, pages
from .cache.store import Store
from .render import notfound

log = logging.getLogger("mkdocs.plugins.un_archive")
_EPOCH = "SOURCE_DATE_EPOCH"
LOCAL_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default site_url: not a published address
_epoch_set: list[str] = []  # the value this plugin set (a rebuild under `mkdocs serve` may update it)
_CACHED_TEMPLATE = "un-archive/cached.html"  # what MkDocs renders for a cached page (its HTML replaces it)


class ArchiveConfig(base.Config):
    """``plugins: - un-archive: {sources: source_docs, workers: 0, cache: true}``."""

    sources = c.Type(str, default="source_docs")
    latest = c.Type(int, default=8)
    workers = c.Type(int, default=0)  # processes normalizing the texts; 0: one per core
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default="build/cache")


class _Warnings(logging.Handler):
    """Counts MkDocs' warnings (a page that warned is not cached)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def files_sources(files: Files, sources: Path, published, config) -> None:
    """Each published document's raw text, copied as it was received to ``sources/<id>.txt``
    (the fiche offers it for download; the name is the id's slug, never the file's own name)."""
    for doc_id, name in published:
        raw = sources / name
        if raw.is_file() and not raw.is_symlink():
            files.append(File(name, src_dir=str(sources), dest_dir=config.site_dir,
                              use_directory_urls=False, dest_uri=f"sources/{doc_id}.txt"))


def _render_nothing(page, config, files) -> None:
    """What ``Page.render`` leaves on a page whose HTML comes from the cache: MkDocs' rendering
    of its empty Markdown, without building a Markdown converter for it (its anchors and links
    are set by ``on_page_content``; its template shows ``page.content`` only)."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Injects the archive's generated pages into the MkDocs build."""

    serving = False

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.sources = root / self.config.sources
        self.store = Store(root / self.config.cache_dir, memory=self.serving) if self.config.cache else None
        self.output = None
        self.cacheable: set[str] = set()
        self.pages_kind = "pages-serve" if self.serving else "pages"  # each keeps its own (other site_url)
        self.page_keys: dict[str, str] = {}
        self.cached: dict[str, pages.CachedPage] = {}
        self.reused = self.rendered = 0
        self.warnings = _Warnings()
        return config

    def on_files(self, files: Files, config) -> Files:
        self.output = site.output(self.sources, self.config.latest, self.config.workers or None, self.store)
        if not os.environ.get(_EPOCH) or os.environ[_EPOCH] in _epoch_set:
            _epoch_set.append(str(self.output.epoch))
            os.environ[_EPOCH] = _epoch_set[-1]
        for message in self.output.messages:
            log.info("un-archive: %s", message)
        generated = set()
        for item in self.output.files:
            if files.get_file_from_path(item.path) is not None:
                log.warning("un-archive: %s exists in docs_dir; the generated page is not used", item.path)
                continue
            files.append(File.generated(config, item.path, content=item.content))
            generated.add(item.path)
        self.generated = generated
        files_sources(files, self.sources, self.output.sources, config)
        self.top_folders = sorted({f.dest_uri.split("/")[0] for f in files if "/" in f.dest_uri})
        return files

    def on_nav(self, nav, config, files):
        if self.store is None:
            return nav
        in_nav = sorted((p.file.src_uri, p.file.content_string) for p in nav.pages)
        settings = repr((config.site_url, config.use_directory_urls, config.docs_dir, config.theme.name,
                         dict(config.theme), config.extra, config.extra_css, config.extra_javascript,
                         config.markdown_extensions, config.mdx_configs, config.validation))
        trees = [keys.tree_digest(Path(config.docs_dir))]
        if config.theme.custom_dir:
            trees.append(keys.tree_digest(Path(config.theme.custom_dir)))
        config_text = Path(config.config_file_path).read_text(encoding="utf-8")
        self.site_key = pages.site_key(keys.code_version(), config_text, settings, trees, in_nav,
                                       os.environ.get(_EPOCH, ""))
        self.cacheable = self.generated - {path for path, _ in in_nav}
        logging.getLogger("mkdocs").addHandler(self.warnings)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        src = page.file.src_uri
        if src not in self.cacheable:
            return markdown
        # the whole file: the front matter (title, fiche, template) shapes the HTML as much as the Markdown
        existing = files.src_uris  # link targets are normalized paths: a dictionary lookup each
        key = pages.page_key(self.site_key, src, page.file.content_string, lambda p: p in existing)
        hit = self.store.get(self.pages_kind, key)
        if hit is None:
            self.page_keys[src] = key
            self.warnings_before = self.warnings.count
            return markdown
        self.cached[src] = hit
        self.reused += 1
        page.meta["template"] = _CACHED_TEMPLATE
        page.render = functools.partial(_render_nothing, page)  # no Markdown instance for an empty page
        return ""  # nothing left for MkDocs to render

    def on_page_content(self, html, page, config, files):
        src = page.file.src_uri
        if (hit := self.cached.get(src)) is not None:
            page.present_anchor_ids = set(hit.anchors)
            if hit.links_to_anchors is not None:
                page.links_to_anchors = {files.get_file_from_path(path): dict(links)
                                         for path, links in hit.links_to_anchors if files.get_file_from_path(path)}
        elif src in self.page_keys and self.warnings.count != self.warnings_before:
            del self.page_keys[src]  # it warned: render it again next time, so that it warns again
        return html

    def on_env(self, env, config, files):
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({_CACHED_TEMPLATE: "{{ page.content }}"}), env.loader])
        if self.store is not None and self.store.folder is not None:  # compiled templates, keyed by their source
            (self.store.folder / "jinja").mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.store.folder / "jinja"))
        return env

    def on_page_context(self, context, page, config, nav):
        if self.output is not None and page.meta.get("template") == "home.html":  # only the home page shows it
            context["archive_home"] = site.home_context(self.output.home, page.file.src_uri)
        return context

    def on_post_page(self, output, page, config):
        src = page.file.src_uri
        if (hit := self.cached.pop(src, None)) is not None:
            return hit.html
        if (key := self.page_keys.pop(src, None)) is not None:
            self.rendered += 1
            links = page.links_to_anchors
            self.store.put(self.pages_kind, key, pages.CachedPage(
                output, frozenset(page.present_anchor_ids or ()),
                None if links is None else tuple(sorted((f.src_uri, tuple(sorted(a.items()))) for f, a in links.items()))))
        return output

    def on_post_template(self, output: str, template_name: str, config) -> str:
        if template_name != "404.html":
            return output
        published = config.site_url not in (None, "", LOCAL_SITE_URL)  # the local default says nothing of a sub-path
        root = urlsplit(config.site_url if published else "/").path or "/"
        return notfound.relocatable(output, root, None if published else getattr(self, "top_folders", []))

    def on_post_build(self, config):
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.store is not None:
            log.info("un-archive: %d generated pages from the cache, %d rendered", self.reused, self.rendered)
            for kind in sorted(self.store.used):  # a kind this build did not use at all is kept
                self.store.prune(kind)

    def on_build_error(self, error):
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def on_serve(self, server, config, builder):
        server.watch(str(self.sources))
        return server
