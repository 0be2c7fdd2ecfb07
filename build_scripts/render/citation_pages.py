"""Citations on the site: reference links, "Cite" / "Cité par" sections, stub pages.

Guarantees: every reference in a paragraph or footnote becomes a link to the
cited document's page (to the paragraph when the text names it); every
stub page shows its symbol, body, what is known, a link to the official text
(undocs.org, French) and its citations; all links are relative Markdown
links that MkDocs validates. "Cité par" lists the citing documents newest
first; past :data:`CITED_BY_ON_PAGE` documents the page shows that many and
links to ``documents/<id>/cite-par/`` pages of :data:`CITED_BY_PAGE_SIZE`
documents each, so no page grows with the corpus. The JSON records do the same: a record
lists its first :data:`API_CITED_BY` citations, their count, and the path of the next
``api/cited-by/<id>/<n>.json`` file of as many.
"""

from __future__ import annotations

from ..symbol import Symbol
from . import escape, french, paging, record
from .inline import Link
from .pages import SiteFile, doc_path, rel

CITED_BY_ON_PAGE = 50
CITED_BY_PAGE_SIZE = 100
API_CITED_BY = 500  # citations in a JSON record, then in each api/cited-by/<id>/<n>.json


def register(corpus) -> None:
    data = corpus.extras["citation_data"]
    by_paragraph: dict[str, dict[str, list]] = {}  # a document's citations by paragraph, grouped once

    def links(doc, para, path: str) -> list[Link]:
        if (grouped := by_paragraph.get(doc.meta.id)) is None:
            grouped = by_paragraph[doc.meta.id] = _grouped(data["cites"].get(doc.meta.id, []), lambda c: c.paragraph)
        return reference_links(corpus, grouped.get(para.id, []), path)

    corpus.extras.setdefault("link_finders", []).append(links)
    corpus.extras.setdefault("tails", []).append(lambda c, d, path: sections(c, data, d, path))
    corpus.extras.setdefault("record_extras", []).append(lambda c, d: record_extra(c, data, d))
    corpus.extras.setdefault("front_extras", []).append(lambda c, d, path: related_drafts(c, data, d))
    pages = corpus.extras.setdefault("pages", [])
    for stub in data["stubs"].values():
        pages.append(stub_page(corpus, data, stub))
        pages.append(SiteFile(f"api/documents/{stub.id}.json", record.dumps(stub_record(data, stub))))
    for target_id, citations in data["cited_by"].items():
        pages += cited_by_pages(corpus, target_id, citations)
        pages += cited_by_api_files(target_id, citations)


def related_drafts(corpus, data, doc) -> dict:
    """The drafts a resolution names and the draft an amendment amends, for the fiche: their page
    when the archive has one (the document or its stub), else the official text."""
    def link(symbol: str) -> dict:
        parsed = Symbol.parse(symbol)
        known = corpus.entry(parsed.slug) is not None or parsed.slug in data["stubs"]
        return {"symbol": symbol, "url": f"documents/{parsed.slug}/" if known else parsed.url("fr")}

    return {"drafts": [link(s) for s in doc.meta.drafts], "amends": link(doc.meta.amends) if doc.meta.amends else None}


def reference_links(corpus, cites, path: str) -> list[Link]:
    """The links of a paragraph's citations (*cites*, in the order found) on the page at *path*."""
    out = []
    for c in cites:
        anchor = c.anchor  # found by the citation stage
        href = rel(path, doc_path(c.target_id)) + (f"#{anchor}" if anchor else "")
        out.append(Link(c.start, c.end, href, c.target))
    return out


def _grouped(citations, key):
    groups: dict[str, list] = {}
    for c in citations:
        groups.setdefault(key(c), []).append(c)
    return groups


def _by_source(corpus, citations) -> list[tuple[str, list]]:
    """Citations grouped by citing document, in corpus order (newest first)."""
    order = corpus.rank()
    return sorted(_grouped(citations, lambda c: c.source).items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


def cited_by_lines(corpus, groups, path: str) -> list[str]:
    """One line per citing document, with links to each citing paragraph."""
    lines = []
    for source, cs in groups:
        doc = corpus.entry(source)
        name = escape.text(doc.meta.symbol or doc.meta.title or source)
        places = []
        for c in cs:
            text = escape.text(c.place or c.paragraph)
            link = f"[{text}]({rel(path, doc_path(source))}#{c.paragraph})"
            if link not in places:
                places.append(link)
        lines.append(f"- [{name}]({rel(path, doc_path(source))}) : " + ", ".join(places))
    return lines


def cited_by_section(corpus, target_id: str, citations, path: str) -> list[str]:
    """The "Cité par" list of a page, cut at :data:`CITED_BY_ON_PAGE` documents."""
    groups = _by_source(corpus, citations)
    if not groups:
        return ["Aucun document de l’archive ne cite ce texte."]
    lines = cited_by_lines(corpus, groups[:CITED_BY_ON_PAGE], path)
    if len(groups) > CITED_BY_ON_PAGE:
        lines.append(f"\n[Les {len(groups)} documents qui le citent →]({rel(path, cited_by_path(target_id))})")
    return lines


def cited_by_path(target_id: str, page: int = 1) -> str:
    return f"documents/{target_id}/cite-par/" + ("index.md" if page == 1 else f"page-{page}.md")


def cited_by_pages(corpus, target_id: str, citations) -> list[SiteFile]:
    """``documents/<id>/cite-par/`` pages, when the list is too long for the document page."""
    groups = _by_source(corpus, citations)
    if len(groups) <= CITED_BY_ON_PAGE:
        return []
    doc = corpus.entry(target_id)
    name = (doc.meta.symbol or doc.meta.title) if doc else citations[0].target
    chunks = paging.chunks(groups, CITED_BY_PAGE_SIZE)
    files = []
    for n, chunk in enumerate(chunks, 1):
        path = cited_by_path(target_id, n)
        out = [paging.front('Cité par — ' + name), f"# Documents qui citent {escape.text(name)}\n",
               f"[{escape.text(name)}]({rel(path, doc_path(target_id))}) est cité par {len(groups)} documents de "
               f"l’archive, du plus récent au plus ancien — page {n} sur {len(chunks)}.\n"]
        out += cited_by_lines(corpus, chunk, path) + [""]
        nav = paging.nav(path, n, len(chunks), lambda k: cited_by_path(target_id, k))
        out += [nav] if nav else []
        files.append(SiteFile(path, "\n".join(out)))
    return files


def sections(corpus, data, doc, path: str) -> list[str]:
    out = []
    cites = data["cites"].get(doc.meta.id, [])
    if cites:
        out.append("## Textes cités {: #cite }\n")
        for target_id, cs in sorted(_grouped(cites, lambda c: c.target_id).items(), key=lambda kv: kv[1][0].target):
            places = []
            for c in cs:
                link = f"[{escape.text(c.place or c.paragraph)}](#{c.paragraph})"
                if link not in places:
                    places.append(link)
            absent = "" if corpus.entry(target_id) is not None else " *(hors de l’archive)*"
            out.append(f"- [{escape.text(cs[0].target)}]({rel(path, doc_path(target_id))}){absent} — " + ", ".join(places))
        out.append("")
    out.append("## Cité par {: #cite-par }\n")
    out += cited_by_section(corpus, doc.meta.id, data["cited_by"].get(doc.meta.id, []), path)
    out.append("")
    return out


def record_extra(corpus, data, doc) -> dict:
    return {
        "references": [{"target": c.target, "target_id": c.target_id, "paragraph": c.paragraph, "text": c.text,
                        "target_paragraph": c.anchor, "date": c.date, "title": c.title}
                       for c in data["cites"].get(doc.meta.id, [])],
        **cited_by_fields(doc.meta.id, data["cited_by"].get(doc.meta.id, [])),
    }


def _citation(c) -> dict:
    return {"source": c.source, "paragraph": c.paragraph, "text": c.text}


def cited_by_api_path(target_id: str, page: int) -> str:
    """Page *page* of a document's citations in the API (page 1: the document's record)."""
    return f"api/documents/{target_id}.json" if page == 1 else f"api/cited-by/{target_id}/{page}.json"


def cited_by_fields(target_id: str, citations) -> dict:
    """A record's ``cited_by`` (the first :data:`API_CITED_BY`), ``cited_by_count`` and
    ``cited_by_next`` (the path of the next ones, or null)."""
    return {"cited_by": [_citation(c) for c in citations[:API_CITED_BY]], "cited_by_count": len(citations),
            "cited_by_next": cited_by_api_path(target_id, 2) if len(citations) > API_CITED_BY else None}


def cited_by_api_files(target_id: str, citations) -> list[SiteFile]:
    """``api/cited-by/<id>/<n>.json`` (n ≥ 2): the citations past the record's, as many a file,
    each with the total, its number, and the paths of the previous and next files."""
    parts = paging.chunks(citations, API_CITED_BY)
    return [SiteFile(cited_by_api_path(target_id, k), record.dumps({
        "id": target_id, "count": len(citations), "page": k, "pages": len(parts),
        "previous": cited_by_api_path(target_id, k - 1), "next": cited_by_api_path(target_id, k + 1) if k < len(parts) else None,
        "cited_by": [_citation(c) for c in part]})) for k, part in enumerate(parts, 1) if k > 1]


def stub_record(data, stub) -> dict:
    return {"id": stub.id, "symbol": stub.symbol, "in_archive": False, "body": stub.body, "date": stub.date,
            "title": stub.title,
            "official_url": Symbol.parse(stub.symbol).url("fr"),
            **cited_by_fields(stub.id, data["cited_by"].get(stub.id, []))}


def stub_page(corpus, data, stub) -> SiteFile:
    path = doc_path(stub.id)
    symbol = Symbol.parse(stub.symbol)
    kind = "Résolution" if symbol.is_resolution else "Document"
    front = {"template": "stub.html", "title": escape.html(f"{stub.symbol} — {stub.title}" if stub.title else stub.symbol),
             "archive": {"kind": "stub", "symbol": stub.symbol, "type_label": kind,
                         "body_label": french.body_label(stub.body) if stub.body else None,
                         "date_label": french.date(stub.date), "official_url": symbol.url("fr")}}
    from .markdown import front_matter

    out = [front_matter(front), f"# {escape.text(stub.symbol)}\n",
           *([f"*{escape.text(stub.title)}* — titre donné par les textes qui le citent.\n"] if stub.title else []),
           "Ce document n’est pas encore versé à l’archive. Cette page restera à cette adresse quand son texte le sera ; "
           "elle rassemble ce que les textes de l’archive en disent.\n",
           f"[Lire le texte officiel sur undocs.org]({symbol.url('fr')}){{: hreflang=fr }}\n",
           "## Cité par {: #cite-par }\n"]
    out += cited_by_section(corpus, stub.id, data["cited_by"].get(stub.id, []), path)
    return SiteFile(path, "\n".join(out) + "\n")
