"""Listing pages: by type, body, year and session, paginated; and the browse index.

Guarantees: each listing is sorted newest first (then symbol, id); a page
holds at most :data:`PAGE_SIZE` rows, so no page grows with the corpus
beyond that; every row shows symbol, date and title, linked; two values never
share a page (:func:`facet_slug` is one-to-one).
"""

from __future__ import annotations

import re

from .. import slug
from ..corpus import Corpus
from ..model import Document
from . import escape, french, paging

PAGE_SIZE = 100
FACETS = {"type": "Par type", "body": "Par organe", "year": "Par année", "session": "Par session"}
_DIRS = {"type": "type", "body": "organe", "year": "annee", "session": "session"}


def facet_slug(facet: str, value: str) -> str:
    """A value's slug, distinct for distinct values: known types and bodies keep their names,
    years and session numbers their digits, anything else ends with its hash."""
    if facet == "type":
        return french.type_slug(value)
    if facet == "body":
        return french.body_slug(value)
    value = str(value)
    body, _, number = value.rpartition(":")  # another body's session (see Corpus.facet)
    if facet == "session" and body and re.fullmatch(r"\d{1,4}", number) and french.body_label(body) != body:
        return f"{french.body_slug(body)}-{number}"
    return value if re.fullmatch(r"\d{1,4}", value) else slug.hashed(value)


def facet_path(facet: str, value: str, page: int = 1) -> str:
    """``parcourir/type/resolutions/index.md`` (page 2: ``…/page-2.md``)."""
    name = "index.md" if page == 1 else f"page-{page}.md"
    return f"parcourir/{_DIRS[facet]}/{facet_slug(facet, value)}/{name}"


def facet_url(facet: str, value: str) -> str:
    """Site-root-relative URL of a facet's first page (``parcourir/type/resolutions/``)."""
    return facet_path(facet, value)[: -len("index.md")]


def facet_title(facet: str, value: str) -> str:
    if facet == "type":
        return french.type_label(value, many=True)
    if facet == "body":
        return french.body_label(value)
    if facet == "session":
        body, _, number = str(value).rpartition(":")
        return f"{number}e session — {french.body_label(body)}" if body else f"{value}e session"
    return f"Année {value}"


def pages(corpus: Corpus) -> list:
    """Every listing page plus ``parcourir/index.md``."""
    from .pages import SiteFile

    files = [SiteFile("parcourir/index.md", browse_index(corpus))]
    for facet in FACETS:
        for value, docs in corpus.facet(facet).items():
            pages_of = paging.chunks(docs, PAGE_SIZE)
            for n, chunk in enumerate(pages_of, 1):
                path = facet_path(facet, value, n)
                files.append(SiteFile(path, listing_page(facet, value, chunk, n, len(pages_of), len(docs))))
    return files


def browse_index(corpus: Corpus) -> str:
    """The "Parcourir" page: every facet value with its count."""
    out = ["---\ntemplate: listing.html\ntitle: Parcourir l’archive\n---\n", "# Parcourir l’archive\n",
           f"L’archive contient {len(corpus.documents)} documents. Choisissez un classement.\n"]
    for facet, heading in FACETS.items():
        out.append(f"## {heading} {{ #{_DIRS[facet]} }}\n")
        for value, docs in corpus.facet(facet).items():
            target = facet_path(facet, value)[len("parcourir/"):]
            out.append(f"- [{escape.text(facet_title(facet, value))}]({target}) — {len(docs)} document{'s' if len(docs) > 1 else ''}")
        out.append("")
    return "\n".join(out)


def listing_page(facet: str, value: str, docs: list[Document], page: int, pages_count: int, total: int) -> str:
    """One page of a listing table."""
    from .pages import doc_link

    path = facet_path(facet, value, page)
    title = facet_title(facet, value)
    head = paging.front(title, template="listing.html")
    out = [head, f"# {escape.text(title)}\n",
           f"{total} document{'s' if total > 1 else ''}, du plus récent au plus ancien"
           + (f" — page {page} sur {pages_count}" if pages_count > 1 else "") + ".\n",
           "| Cote | Date | Titre |", "|---|---|---|"]
    for doc in docs:
        title_md = escape.text(doc.meta.title or "(sans titre)").replace("|", "\\|")
        out.append(f"| {doc_link(path, doc)} | {french.date(doc.meta.date) or '—'} | {title_md} |")
    out.append("")
    nav = paging.nav(path, page, pages_count, lambda n: facet_path(facet, value, n))
    if nav:
        out.append(nav)
    out.append("[Tous les classements](" + "../" * 2 + "index.md)\n")
    return "\n".join(out)

