"""The site build's pure core: corpus folder -> corpus -> generated files.

:func:`build` is what the MkDocs plugin calls; it reads the raw folder
(through :mod:`.sources`), runs the corpus-wide stages, and returns every
generated file. Guarantees: nothing here imports MkDocs; the result depends
only on the folder's contents.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from . import corpus as corpus_mod
from .render import french
from .render.pages import SiteFile, display_name, doc_path, site_files
from .citations import attach as citation_stage
from .entities.stage import attach as entity_stage
from .search.stage import attach as search_stage
from .series.stage import attach as series_stage
from .sidecar import is_date
from .sources import read_folder

#: Corpus-wide stages, run in order once every document is parsed.
STAGES = (citation_stage, entity_stage, series_stage, search_stage)


@dataclass(frozen=True)
class Built:
    """A built corpus and its generated files."""

    corpus: corpus_mod.Corpus
    files: tuple[SiteFile, ...]

    def home(self, latest: int, from_path: str) -> dict:
        """Counts per type and the latest documents, for the home template."""
        docs = self.corpus.documents
        types = self.corpus.facet("type")
        base = posixpath.dirname(from_path)
        def url(path: str) -> str:
            target = path[:-len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
            return posixpath.relpath(target, base or ".") + "/"
        from .render.listings import facet_path
        return {
            "total": len(docs),
            "types": [{"label": french.type_label(t, many=len(d) > 1), "count": len(d), "url": url(facet_path("type", t))}
                      for t, d in types.items()],
            "bodies": len(self.corpus.facet("body")),
            "latest": [{"symbol": display_name(d), "title": d.meta.title, "date": french.date(d.meta.date),
                        "type": french.type_label(d.meta.type), "url": url(doc_path(d.meta.id))}
                       for d in docs[:latest]],
        }


def epoch(corpus: corpus_mod.Corpus) -> int:
    """The newest document date (or year) as seconds since 1970 (0 for an undated corpus):
    the archive's date, for reproducible builds."""
    import calendar

    days = [d.meta.date or f"{corpus_mod.year(d)}-01-01" for d in corpus.documents if corpus_mod.year(d)]
    valid = [tuple(int(x) for x in day.split("-")) for day in days if is_date(day)]
    return calendar.timegm(max(valid) + (0, 0, 0)) if valid else 0


def build(folder: Path) -> Built:
    """Read *folder*, build the corpus and every generated file."""
    read = read_folder(folder)
    corpus = corpus_mod.build([r.document for r in read.results], read.failures)
    for stage in STAGES:
        stage(corpus)
    return Built(corpus, tuple(site_files(corpus)))
