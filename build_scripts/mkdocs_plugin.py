"""The thin MkDocs plugin: the only module that imports MkDocs.

Events, each small:

* ``on_config``: resolve the raw corpus folder (relative to ``mkdocs.yml``);
* ``on_files``: build the corpus once and inject every generated page and
  data file with ``File.generated`` (nothing is written into ``docs_dir``);
* ``on_page_context``: give the home template the corpus summary;
* ``on_serve``: make ``mkdocs serve`` rebuild when ``source_docs/`` changes.

Per-document warnings are logged at INFO level with the file and line, so
one bad file never stops the build of the others (even with ``--strict``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import site

log = logging.getLogger("mkdocs.plugins.un_archive")


class ArchiveConfig(base.Config):
    """``plugins: - un-archive: {sources: source_docs}``."""

    sources = c.Type(str, default="source_docs")
    latest = c.Type(int, default=8)


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Injects the archive's generated pages into the MkDocs build."""

    def on_config(self, config):
        self.sources = Path(config.config_file_path).parent / self.config.sources
        self.built = None
        return config

    def on_files(self, files: Files, config) -> Files:
        self.built = site.build(self.sources)
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
        return files

    def on_page_context(self, context, page, config, nav):
        if self.built is not None:
            context["archive_home"] = self.built.home(self.config.latest, page.file.src_uri)
        return context

    def on_serve(self, server, config, builder):
        server.watch(str(self.sources))
        return server
