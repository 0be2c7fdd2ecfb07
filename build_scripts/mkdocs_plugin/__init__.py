"""The thin MkDocs plugin: the only package that imports MkDocs (its generated files in
:mod:`.files`, its page rendering in :mod:`.rendering`).

Events, each small:

* ``on_startup``: under ``mkdocs serve`` the plugin then lives across rebuilds, and its
  cache stays in memory as well as on disk; so does one process for the search stage (shut
  down in ``on_shutdown``), which keeps the search analyses it read;
* ``on_config``: resolve the raw corpus folder and the cache folder (relative to ``mkdocs.yml``);
* ``on_files``: build the corpus (:func:`build_scripts.site.start`, normalizing in
  ``workers`` processes and reading back from the cache whatever did not change) and
  inject every generated page and data file, its text kept compressed until MkDocs reads
  it (:class:`GeneratedFile`; nothing is written into
  ``docs_dir``), then give the memory the corpus held back to the system; in a dirty build
  (``--dirty``) only the files whose content changed are written again, and the pages in
  ``on_nav`` (:mod:`build_scripts.mkdocs_dirty`);
* ``on_nav``, ``on_page_markdown``, ``on_page_content``, ``on_post_page``: a generated page
  outside the navigation whose Markdown, links, templates and settings are those of an
  earlier build is not rendered again: its HTML, anchors and anchor links come back from
  the cache (:class:`build_scripts.mkdocs_pages.PageCache`), so MkDocs still checks every
  link; between MkDocs' render loop and its template loop every page's HTML is held
  compressed, MkDocs holding a placeholder (:class:`build_scripts.mkdocs_pages.HtmlSpool`);
* ``on_pre_page``: under ``mkdocs serve``, a generated page's front matter is parsed once,
  not at every rebuild (:class:`build_scripts.mkdocs_pages.SourceMemo`);
* ``on_page_markdown``: a generated page that is not cached is rendered by
  :mod:`build_scripts.pagehtml` (the HTML, table of contents and anchors Python-Markdown
  would give, links resolved by MkDocs' own link processor; a page outside its subset goes
  to Python-Markdown); ``fast_html: false`` leaves every page to Python-Markdown;
* ``on_page_context``: give the home template the corpus summary;
* ``on_post_template``: make ``404.html`` work under any sub-path
  (:mod:`build_scripts.render.notfound`); beyond ``sitemap_urls`` pages, make
  ``sitemap.xml`` an index of parts (:mod:`build_scripts.render.sitemap`), written in
  ``on_post_build``;
* ``on_post_build``: the build's tail (:mod:`build_scripts.mkdocs_tail`): write the search
  stage's files (made in a process of their own while MkDocs rendered the pages:
  :class:`build_scripts.site.Started`), delete what a dirty build no longer makes, forget
  cache entries this build did not use; under ``mkdocs serve`` in a thread, so that the
  rebuilt pages are served at once (a rebuild started before it is done supersedes it);
  MkDocs empties the folder before a plain ``mkdocs serve`` build: ``on_pre_build`` moves its
  entries aside first (:func:`mkdocs_tail.set_aside`) and, with a cache, ``on_files`` puts
  them back, after which only what changed is written, as in a dirty build (pages left as
  they are get no output; :class:`mkdocs_dirty.Quiet` drops MkDocs' line for each); without
  a cache the tail deletes them and writes the generated data files (JSON) too
  (:attr:`GeneratedFile.later`);
* under ``mkdocs build`` a generated file's text is let go once MkDocs has used it
  (:meth:`GeneratedFile.used`);
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
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data

from .. import mkdocs_dirty, mkdocs_tail, site
from ..cache import keys, pages
from ..cache.store import Store
from ..mkdocs_pages import CACHED_TEMPLATE, HtmlSpool, PageCache, PageError, SourceMemo
from ..render import notfound, sitemap
from ..search import stage as search_stage
from .files import GeneratedFile, files_sources
from .rendering import fast_html_applies, read_source, render_fast, render_nothing

log = logging.getLogger("mkdocs.plugins.un_archive")
_EPOCH = "SOURCE_DATE_EPOCH"
LOCAL_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default site_url: not a published address
_epoch_set: list[str] = []  # the value this plugin set (a rebuild under `mkdocs serve` may update it)


def published_url(config) -> str | None:
    """``site_url`` when it is the address the site is published at (not unset, not the local default)."""
    return None if config.site_url in (None, "", LOCAL_SITE_URL) else config.site_url


class ArchiveConfig(base.Config):
    """``plugins: - un-archive: {sources: source_docs, workers: 0, cache: true}``."""

    sources = c.Type(str, default="source_docs")
    latest = c.Type(int, default=8)
    workers = c.Type(int, default=0)  # processes normalizing the texts; 0: one per core
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default="build/cache")
    sitemap_urls = c.Type(int, default=sitemap.MAX_URLS)  # beyond: a sitemap index and its parts
    fast_html = c.Type(bool, default=True)  # generated pages rendered by build_scripts.pagehtml


class _Warnings(logging.Handler):
    """Counts MkDocs' warnings (a page that warned is not cached)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Injects the archive's generated pages into the MkDocs build."""

    serving = dirty = warm = False

    search_pool = tail = None

    def on_startup(self, *, command, dirty):
        self.serving, self.dirty = command == "serve", dirty
        self.aside: list = []  # plain serve: the emptied folder's entries, deleted by a tail (mkdocs_tail.set_aside)
        if self.serving:  # one search process for every rebuild: no interpreter to start, its analyses in memory
            self.search_pool = site.new_search_pool()
            self.sources_memo = SourceMemo(get_data)

    def on_shutdown(self):
        self.supersede_tail()  # the served folder is deleted next
        mkdocs_tail.discard(self.aside)
        if self.search_pool is not None:
            self.search_pool.shutdown(cancel_futures=True)
            self.search_pool = None

    def on_config(self, config):
        self.supersede_tail()  # mkdocs serve: the last build's search files are not waited for
        root = Path(config.config_file_path).parent
        self.sources = root / self.config.sources
        self.store = Store(root / self.config.cache_dir, memory=self.serving) if self.config.cache else None
        self.output = self.started = self.manifest = self.later = self.emptied = None
        self.reuse = False
        self.skipped: dict = {}
        build_log = logging.getLogger("mkdocs.commands.build")
        if self.dirty and self.store is not None:  # the plugin decides what a dirty build writes: a notice
            build_log.addFilter(mkdocs_dirty.notice)
        else:
            build_log.removeFilter(mkdocs_dirty.notice)
        self.sitemap_parts: dict[str, str] = {}
        self.warnings = _Warnings()
        pages_kind = "pages-serve" if self.serving else "pages"  # each keeps its own (other site_url)
        self.page_cache = PageCache(self.store, pages_kind, self.warnings)
        self.spool = HtmlSpool()
        self.fast_html = self.config.fast_html and fast_html_applies(config)
        self.fast_counts = [0, 0]  # generated pages rendered by Python-Markdown, by build_scripts.pagehtml
        return config

    def on_pre_build(self, config):
        # a plain serve: MkDocs empties the folder next; one rename an entry instead (put back in on_files)
        self.emptied = mkdocs_tail.set_aside(config.site_dir) if self.serving and not self.dirty else None

    def on_files(self, files: Files, config) -> Files:
        # a plain serve with a cache: the last build's files back, only what changed written (as --dirty)
        self.reuse = bool(self.emptied) and self.store is not None and mkdocs_tail.put_back(self.emptied, config.site_dir)
        if self.emptied is not None and not self.reuse:
            self.aside.append(self.emptied)  # deleted by the tail
        self.started = site.start(self.sources, self.config.latest, self.config.workers or None, self.store,
                                  self.search_pool, whole=not self.serving or self.warm,
                                  base_url=published_url(config))
        self.warm = True  # serve: the stages ran once, what they keep in memory is there
        if self.serving:
            self.sources_memo.next_build()
        self.output = self.started.output
        if not os.environ.get(_EPOCH) or os.environ[_EPOCH] in _epoch_set:
            _epoch_set.append(str(self.output.epoch))
            os.environ[_EPOCH] = _epoch_set[-1]
        for message in self.output.messages:
            log.info("un-archive: %s", message)
        generated = set()
        GeneratedFile.made, GeneratedFile.keep_unchanged = set(), self.reuse  # the folder may be new
        # a plain `mkdocs serve` that writes every file again: the data files (JSON) after the pages are served
        self.later = [] if self.serving and not self.dirty and not self.reuse else None
        for item in self.output.files:
            if files.get_file_from_path(item.path) is not None:
                log.warning("un-archive: %s exists in docs_dir; the generated page is not used", item.path)
                continue
            files.append(file := GeneratedFile(config, item))
            file.later = self.later
            generated.add(item.path)
        self.generated, self.files = generated, files
        copied = files_sources(files, self.sources, self.output.sources, config)
        folders = {f.dest_uri.split("/")[0] for f in files if "/" in f.dest_uri} | set(search_stage.FOLDERS)
        self.top_folders = sorted(folders)  # the search stage's come late (on_post_build)
        if self.store is not None:  # what this build writes, for a later dirty one (see mkdocs_dirty)
            self.manifest = mkdocs_dirty.Manifest(self.store, config.site_dir)
            self.manifest.invalidate()
            mkdocs_dirty.mark_files(self.manifest, files, copied, self.reuse)
        GeneratedFile.let_go = not self.serving  # serve: its cache holds them anyway
        if not self.serving:  # the corpus is gone: MkDocs' pages can have its memory (serve keeps it in its cache)
            self.started.release_files()  # each generated file's text is held by its file only, until used
            self.output = self.started.output
            site.release_memory()
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
        self.page_cache.site_key = pages.site_key(keys.code_version(), config_text, settings, trees, in_nav,
                                                  os.environ.get(_EPOCH, ""))
        self.page_cache.cacheable = self.generated - {path for path, _ in in_nav}
        logging.getLogger("mkdocs").addHandler(self.warnings)
        if (self.dirty or self.reuse) and self.manifest is not None:
            self.skipped = mkdocs_dirty.mark_pages(self.manifest, self.page_cache, files.documentation_pages(), files)
        if self.reuse:  # MkDocs reads and renders them (from the cache), then writes nothing: no log line each
            self.quiet = mkdocs_dirty.Quiet({file.src_uri for file in self.skipped})
            logging.getLogger("mkdocs.commands.build").addFilter(self.quiet)
        return nav

    def on_pre_page(self, page, config, files):
        if self.serving and page.file.src_uri in self.generated:
            page.read_source = functools.partial(read_source, page, self.sources_memo)
        return page

    def on_page_markdown(self, markdown, page, config, files):
        if self.store is not None:
            markdown = self.page_cache.markdown(markdown, page, files)
            if self.page_cache.cached(page):
                page.render = functools.partial(render_nothing, page)  # no Markdown converter for an empty page
                return markdown
        if self.fast_html and page.file.src_uri in self.generated and "title" in page.meta:
            page.render = functools.partial(render_fast, page, page.render, self.fast_counts)
        return markdown

    def on_page_content(self, html, page, config, files):
        if self.store is not None:
            self.page_cache.content(page, files)
        if isinstance(page.file, GeneratedFile):
            page.file.used()
        return self.spool.hold(page, html)

    def on_env(self, env, config, files):
        if self.dirty:
            mkdocs_dirty.restore_anchors(self.skipped, files)  # pages a dirty build did not read
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({CACHED_TEMPLATE: "{{ page.content }}"}), env.loader])
        if self.store is not None and self.store.folder is not None:  # compiled templates, keyed by their source
            (self.store.folder / "jinja").mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.store.folder / "jinja"))
        return env

    def on_page_context(self, context, page, config, nav):
        if self.output is not None and page.meta.get("template") == "home.html":  # only the home page shows it
            context["archive_home"] = site.home_context(self.output.home, page.file.src_uri)
        return context

    def on_post_page(self, output, page, config):
        try:
            output = self.spool.restore(page, output)
            if self.store is None:
                return output
            if self.reuse and page.file in self.skipped:  # in the folder as the last build wrote it
                self.page_cache.hits.pop(page.file.src_uri, None)
                return ""
            output = self.page_cache.output(page, output)
            if self.manifest is not None:
                self.manifest.record(page.file.dest_uri, self.page_cache.written.get(page.file.src_uri))
            return output
        except PageError as error:
            raise PluginError(f"un-archive: {error}") from error

    def on_post_template(self, output: str, template_name: str, config) -> str:
        if template_name == "sitemap.xml":
            output, self.sitemap_parts = sitemap.split(output, config.site_url or "/", self.config.sitemap_urls)
            return output
        if template_name != "404.html":
            return output
        published = published_url(config)
        root = urlsplit(published or "/").path or "/"
        return notfound.relocatable(output, root, None if published else getattr(self, "top_folders", []))

    def on_post_build(self, config):
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        logging.getLogger("mkdocs.commands.build").removeFilter(getattr(self, "quiet", None))
        if self.fast_html:
            log.info("un-archive: %d generated pages rendered by build_scripts.pagehtml, %d by Python-Markdown",
                     self.fast_counts[1], self.fast_counts[0])
        for path, text in sorted(self.sitemap_parts.items()):
            if self.manifest is not None:
                self.manifest.record(path, None)
            target = Path(config.site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        if self.store is not None:
            self.page_cache.report(log)
        self.tail = mkdocs_tail.Tail(self.started, self.files, self.manifest, self.store, config.site_dir,
                                     self.dirty or self.reuse,
                                     self.later or [], getattr(self, "aside", None))
        if self.serving and self.tail.pending:  # the pages are served now, the search index follows
            self.tail.start()
        else:
            self.tail.run()

    def supersede_tail(self) -> None:
        """Under ``mkdocs serve``, when a rebuild starts: the last build's search files are
        written if they are being written, else never (this build's will be); a dead search
        process is replaced."""
        tail, self.tail = self.tail, None
        if tail is None:
            return
        tail.supersede()
        error = tail.error if tail.done else None
        if isinstance(error, BrokenProcessPool):
            self.replace_search_pool()
        elif error is not None and self.search_pool is not None:  # what its process kept is not known
            self.search_pool.kept = frozenset()

    def replace_search_pool(self) -> None:
        """The search process died (memory?): the next rebuild of ``mkdocs serve`` gets a new one."""
        if self.search_pool is not None:
            self.search_pool.shutdown(cancel_futures=True)
            self.search_pool = site.new_search_pool()

    def on_build_error(self, error):
        logging.getLogger("mkdocs").removeHandler(getattr(self, "warnings", None))
        logging.getLogger("mkdocs.commands.build").removeFilter(getattr(self, "quiet", None))
        if self.tail is None and getattr(self, "started", None) is not None:  # not handed to a tail
            self.started.abandon()
        if isinstance(error, BrokenProcessPool):
            self.replace_search_pool()
        elif self.search_pool is not None:  # the stage may not have run: send every document next time
            self.search_pool.kept = frozenset()

    def on_serve(self, server, config, builder):
        server.watch(str(self.sources))
        return server
