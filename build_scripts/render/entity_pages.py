"""Entities on the site: links in the text, entity pages and their index pages.

Guarantees: an entity page exists for every entity mentioned or sponsoring
(``etats/<slug>/``, ``organisations/<slug>/``, ``instruments/<slug>/``,
``odd/<target>/``), so every mention link lands; mentions on a page are
grouped by document (newest first) with a paragraph link and escaped
context, :data:`DOCS_PER_PAGE` documents a page (``…/<slug>/page-2/``); the document record lists its entities with paragraph ids.
"""

from __future__ import annotations

import functools

from ..cache.memo import memo
from ..entities.catalog import FOLDERS, Entity
from ..entities.stage import context
from . import escape, paging
from .inline import Link
from .pages import SiteFile, display_name, doc_path, rel

KIND_FR = {"state": ("États", "État"), "organization": ("Organisations et organes", "Organisation"),
           "instrument": ("Instruments et plans", "Instrument"), "sdg": ("Cibles des objectifs de développement durable", "Cible ODD")}
DOCS_PER_PAGE = 20  # documents per entity page: a page's size does not grow with the corpus


def entity_path(entity: Entity) -> str:
    return f"{FOLDERS[entity.kind]}/{entity.slug}.md"


def register(corpus) -> None:
    """Add this module's contributions to ``corpus.extras``."""
    data = corpus.extras["entity_data"]
    corpus.extras.setdefault("link_finders", []).append(lambda d, p, path: mention_links(data, d, p, path))
    corpus.extras.setdefault("record_extras", []).append(lambda c, d: record_extra(data, d))
    corpus.extras.setdefault("front_extras", []).append(lambda c, d, path: sponsor_front(data, d, path))
    entities = sorted(set(data["per_entity"]) | set(data["sponsored"]), key=lambda e: (e.kind, e.slug))
    pages = corpus.extras.setdefault("pages", [])
    pages += [f for e in entities for f in entity_pages(corpus, data, e)]
    pages += [index_page(data, kind, [e for e in entities if e.kind == kind]) for kind in FOLDERS]
    pages.append(SiteFile("entites/index.md", overview(data, entities)))


def mention_links(data, doc, para, path: str) -> list[Link]:
    mentions = data["per_doc"].get(doc.meta.id, {}).get(para.id, [])
    return [Link(m.start, m.end, rel(path, entity_path(m.entity)), m.entity.name_fr) for m in mentions]


def sponsor_front(data, doc, path: str) -> dict:
    pairs = data["sponsors"].get(doc.meta.id, [])
    return {"sponsor_links": [{"name": name, "url": entity_path(state)[:-3] + "/" if state else None}
                              for name, state in pairs]}


def record_extra(data, doc) -> dict:
    grouped: dict[Entity, list[str]] = {}
    for pid, mentions in data["per_doc"].get(doc.meta.id, {}).items():
        for m in mentions:
            ids = grouped.setdefault(m.entity, [])
            if pid not in ids:
                ids.append(pid)
    return {"entities": [{"kind": e.kind, "slug": e.slug, "name": e.name_fr, "url": e.path, "paragraphs": ids}
                         for e, ids in sorted(grouped.items(), key=lambda kv: (kv[0].kind, kv[0].slug))]}


def page_path(entity: Entity, page: int = 1) -> str:
    """``organisations/onudc.md``; page 2: ``organisations/onudc/page-2.md``."""
    base = entity_path(entity)
    return base if page == 1 else f"{base[:-3]}/page-{page}.md"


def entity_pages(corpus, data, entity: Entity) -> list[SiteFile]:
    """The entity's pages: its mentions grouped by document, :data:`DOCS_PER_PAGE` documents a page."""
    hits = data["per_entity"].get(entity, [])
    per_doc: dict[str, list] = {}
    for hit in hits:  # one pass over this entity's mentions: linear in the corpus, whatever the entity count
        per_doc.setdefault(hit.doc, []).append(hit)
    rank = corpus.rank()
    by_doc = [(corpus.entry(doc_id), per_doc[doc_id]) for doc_id in sorted(per_doc, key=rank.__getitem__)]
    pages_of = paging.chunks(by_doc, DOCS_PER_PAGE)
    digests, store = corpus.extras.get("digests", {}), corpus.extras.get("cache")
    out = []
    for n, chunk in enumerate(pages_of, 1):
        counts = (n, len(pages_of), len(hits), len(by_doc))
        make = functools.partial(lambda c, k: SiteFile(page_path(entity, k[0]), _entity_page(corpus, data, entity, c, k)),
                                 chunk, counts)
        sponsored = [digests.get(i) for i in data["sponsored"].get(entity, [])] if n == 1 else []
        named = [(doc.meta.id, digests.get(doc.meta.id), len(doc_hits)) for doc, doc_hits in chunk]
        # the same entity and documents as an earlier build: its page (a document's hits come
        # from the document alone, its digest stands for them)
        out.append(memo(store, "entity-page", (entity, sponsored, named, counts), make))
    return out


def _entity_page(corpus, data, entity: Entity, chunk: list, counts: tuple[int, int, int, int]) -> str:
    page, pages_count, hit_count, doc_count = counts
    path = page_path(entity, page)
    _, singular = KIND_FR[entity.kind]
    suffix = f" (page {page})" if page > 1 else ""
    out = [paging.front(entity.name_fr + suffix, template="entity.html"), f"# {escape.text(entity.name_fr)}\n",
           f"{singular} · nom anglais : {escape.text(entity.name_en)}"
           + "".join(f" · {escape.text(k.upper())} {escape.text(v)}" for k, v in entity.codes) + "\n"]
    if entity.aliases:
        out.append("Autres formes : " + ", ".join(escape.text(a) for a in entity.aliases) + "\n")
    sponsored = data["sponsored"].get(entity, []) if page == 1 else []
    if sponsored:
        out.append("## Projets présentés {: #projets }\n")
        out += [_named_link(path, corpus.entry(i)) for i in sponsored] + [""]
    out.append(f"## Mentions {{: #mentions }}\n\n{hit_count} mention{'s' if hit_count != 1 else ''} dans "
               f"{doc_count} document{'s' if doc_count != 1 else ''}"
               + (f", du plus récent au plus ancien — page {page} sur {pages_count}" if pages_count > 1 else "") + ".\n")
    for entry, doc_hits in chunk:
        name = escape.text(display_name(entry))
        out.append(f"### [{name}]({rel(path, doc_path(entry.meta.id))}) {{: #doc-{entry.meta.id} }}\n")
        passages = data["passages"].passages(entry.meta.id)  # the words around each mention, cut from the text here
        out += [_hit_line(path, entry, h, *passages[h.paragraph]) for h in doc_hits] + [""]
    out.append(paging.nav(path, page, pages_count, lambda n: page_path(entity, n)))
    return "\n".join(out)



def _hit_line(path: str, doc, hit, where: str, text: str) -> str:
    before, after = context(text, hit.start, hit.end)
    quote = f"{escape.text(before)}**{escape.text(hit.text)}**{escape.text(after)}"
    return f"- [{escape.text(where)}]({rel(path, doc_path(doc.meta.id))}#{hit.paragraph}) — « {quote} »"


def index_page(data, kind: str, entities: list[Entity]) -> SiteFile:
    path = f"{FOLDERS[kind]}/index.md"
    plural, _ = KIND_FR[kind]
    out = [paging.front(plural), f"# {plural}\n",
           f"{len(entities)} entrée{'s' if len(entities) != 1 else ''} citée{'s' if len(entities) != 1 else ''} dans l’archive.\n",
           "| Nom | Mentions | Documents |", "|---|---|---|"]
    for e in sorted(entities, key=lambda e: _sort_name(e.name_fr)):
        hits = data["per_entity"].get(e, [])
        out.append(f"| [{escape.text(e.name_fr)}]({e.slug}.md) | {len(hits)} | {len({h.doc for h in hits})} |")
    return SiteFile(path, "\n".join(out) + "\n")


def overview(data, entities: list[Entity]) -> str:
    out = ["---\ntitle: États, organisations et instruments\n---\n", "# États, organisations et instruments\n",
           "Chaque État, organe, instrument ou cible cité a sa page, qui rassemble ses mentions paragraphe par paragraphe.\n"]
    for kind, folder in FOLDERS.items():
        count = sum(1 for e in entities if e.kind == kind)
        out.append(f"- [{KIND_FR[kind][0]}](../{folder}/index.md) — {count}")
    return "\n".join(out) + "\n"


def _sort_name(name: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def _named_link(path: str, doc) -> str:
    """``- [Projet de résolution (Bélarus, 2013)](…) — title``: a draft is named as everywhere else."""
    title = f" — {escape.text(doc.meta.title)}" if doc.meta.title else ""
    return f"- [{escape.text(display_name(doc))}]({rel(path, doc_path(doc.meta.id))}){title}"
