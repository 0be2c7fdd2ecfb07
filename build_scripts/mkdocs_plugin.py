"""The thin MkDocs plugin: the only module that imports MkDocs.

Events, each small:

* ``on_config``: resolve the raw corpus folder (relative to ``mkdocs.yml``);
* ``on_files``: build the corpus once and inject every generated page and
  data file with ``File.generated`` (nothing is written into ``docs_dir``);
* ``on_page_context``: give the home template the corpus summary;
* ``on_post_template``: make ``404.html`` work under any sub-path
  (:mod:`build_scripts.render.notfound`);
* ``on_serve``: make ``mkdocs serve`` rebuild when ``source_docs/`` changes.

Without ``SOURCE_DATE_EPOCH`` the plugin sets it to the newest document's
date (:func:`build_scripts.site.epoch`), so that MkDocs' page dates and
``sitemap.xml.gz`` come from the sources, not the clock: the same sources give
the same site, byte for byte. A ``SOURCE_DATE_EPOCH`` set by the user wins.

Per-document warnings are logged at INFO level with the file and line, so
one bad file never stops the build of the others (even with ``--strict``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import site
from .render import notfound

log = logging.getLogger("mkdocs.plugins.un_archive")
_EPOCH = "SOURCE_DATE_EPOCH"
LOCAL_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default site_url: not a published address
_epoch_set: list[str] = []  # the value this plugin set (a rebuild under `mkdocs serve` may update it)


class ArchiveConfig(base.Config):
    """``plugins: - un-archive: {sources: source_docs}``."""

    sources = c.Type(str, default="source_docs")
    latest = c.Type(int, default=8)


def files_sources(files: Files, sources: Path, documents, config) -> None:
    """Each published document's raw text, copied as it was received to ``sources/<id>.txt``
    (the fiche offers it for download; the name is the id's slug, never the file's own name)."""
    for doc in documents:
        raw = sources / doc.meta.source
        if raw.is_file() and not raw.is_symlink():
            files.append(File(doc.meta.source, src_dir=str(sources), dest_dir=config.site_dir,
                              use_directory_urls=False, dest_uri=f"sources/{doc.meta.id}.txt"))


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Injects the archive's generated pages into the MkDocs build."""

    def on_config(self, config):
        self.sources = Path(config.config_file_path).parent / self.config.sources
        self.built = None
        return config

    def on_files(self, files: Files, config) -> Files:
        self.built = site.build(self.sources)
        if not os.environ.get(_EPOCH) or os.environ[_EPOCH] in _epoch_set:
            _epoch_set.append(str(site.epoch(self.built.corpus)))
            os.environ[_EPOCH] = _epoch_set[-1]
        for name, message in self.built.corpus.failures:
            log.info("un-archive: %s (not published)", message)
        for doc in self.built.corpus.documents:
            for issue in doc.issues:
                log.info("un-archive: %s", issue.format(doc.meta.source))
        for generated in self.built.files:
            if files.get_file_from_path(generated.path) is not None:
                log.warning("un-archive: %s exists in docs_dir; the generated page is not used", generated.path)
                continue
            files.append(File.generated(config, generated.path, content=generated.content))
        files_sources(files, self.sources, self.built.corpus.documents, config)
        self.top_folders = sorted({f.dest_uri.split("/")[0] for f in files if "/" in f.dest_uri})
        return files

    def on_page_context(self, context, page, config, nav):
        if self.built is not None and page.meta.get("template") == "home.html":  # only the home page shows it
            context["archive_home"] = self.built.home(self.config.latest, page.file.src_uri)
        return context

    def on_post_template(self, output: str, template_name: str, config) -> str:
        if template_name != "404.html":
            return output
        published = config.site_url not in (None, "", LOCAL_SITE_URL)  # the local default says nothing of a sub-path
        root = urlsplit(config.site_url if published else "/").path or "/"
        return notfound.relocatable(output, root, None if published else getattr(self, "top_folders", []))

    def on_serve(self, server, config, builder):
        server.watch(str(self.sources))
        return server
