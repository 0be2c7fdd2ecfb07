"""Series on the site: comparison pages, a document's place in its series, lineage notes.

Guarantees: every comparison page lives at ``comparaisons/<id-a>/<id-b>/``
(ids are slugs); every paragraph shown links to its own permalink; insertions
and deletions are ``<ins>``/``<del>`` with underline/strike-through and a
spoken label, so they read without colour; all text is escaped.
"""

from __future__ import annotations

import functools

from ..cache.memo import memo
from ..series.lineage import describe, main_body, paragraph_label, related, short_name, texts
from .french import body_label
from . import escape, paging, record, series_pages
from .pages import SiteFile, display_name, doc_link, doc_path, json_file, rel

STATUS_FR = {"unchanged": "inchangé", "changed": "modifié", "moved": "déplacé", "added": "ajouté",
             "dropped": "supprimé", "split": "divisé", "merged": "fusionné"}


def cmp_path(a: str, b: str) -> str:
    return f"comparaisons/{a}/{b}.md"


def register(corpus) -> None:
    """Add this module's contributions to ``corpus.extras``."""
    corpus.extras.setdefault("suffixes", []).append(lambda d, p, path: lineage_note(corpus, d, p, path))
    corpus.extras.setdefault("tails", []).append(series_section)
    corpus.extras.setdefault("record_extras", []).append(record_extra)
    data = corpus.extras["series_data"]
    pages = corpus.extras.setdefault("pages", [])
    digests, store = corpus.extras.get("digests", {}), corpus.extras.get("cache")
    pages += [memo(store, "comparison-page", (digests.get(al.a), digests.get(al.b), al),
                   functools.partial(comparison_page, corpus, al))
              for al in data["alignments"].values()]  # the same two texts and alignment: an earlier build's page
    pages += [json_file(store, f"api/series/{s.id}.json", series_record(corpus, s)) for s in data["series"]]
    pages += [json_file(store, alignment_path(al.a, al.b), alignment_record(al)) for al in data["alignments"].values()]
    docs = _docs(corpus)
    pages += [f for s in data["series"] for f in series_pages.pages(corpus, s, docs, cmp_path)]


def _docs(corpus) -> dict:
    """Documents' entries (metadata) by id; the corpus builds it once (it was rebuilt for every
    paragraph with a lineage note)."""
    return corpus.entries()


def lineage_note(corpus, doc, para, path: str) -> str:
    """`` ↳ repris de 2015/23, op. 4, modifié`` after a paragraph that has a predecessor."""
    origin = corpus.extras["series_data"]["lineage"].get(doc.meta.id, {}).get(para.id)
    if origin is None:
        return ""
    docs = corpus.by_id()  # the source's paragraphs are named: its text is read (the last few are kept)
    if origin.status == "added":  # traced back through every earlier version (series.stage.look_back): one quiet word
        return (' <span class="lineage lineage--new" title="Absent des textes précédents de la série">'
                '<span aria-hidden="true">↳ </span>nouveau<span class="archive-visually-hidden"> : absent des textes '
                'précédents de la série</span></span>')
    text = escape.text(describe(origin, docs, doc))
    if origin.paragraph and origin.doc in docs:
        target = rel(path, doc_path(origin.doc)) + f"#{origin.paragraph}"
        text = f"[{text}]({target})"
    return f' <span class="lineage"><span aria-hidden="true">↳ </span>{text}</span>'


def series_section(corpus, doc, path: str) -> list[str]:
    """The "Série" section of a document page: members, previous/next, comparisons."""
    data = corpus.extras["series_data"]
    series = data["series_of"].get(doc.meta.id)
    if series is None or len(series.members) < 2:
        return []
    docs = _docs(corpus)
    versions = texts(series, docs)
    start, end = series_pages.window(series.members, doc.meta.id)
    whole = f"[{escape.text(series.title)}]({rel(path, series_pages.series_path(series.id))})"
    out = ['## Série de textes {: #serie }\n',
           f"Ce document fait partie de la série « {whole} » ({len(series.members)} textes)"
           + (f" ; textes {start + 1} à {end} :" if end - start < len(series.members) else " :") + "\n"]
    main = main_body(series, docs)
    out += [series_pages.member_line(path, docs[m], series, k, doc.meta.id, main)
            for k, m in enumerate(series.members[start:end], start + 1)]
    out.append("")
    if doc.meta.id in versions:
        i = versions.index(doc.meta.id)
        links = []
        if i > 0:
            prev = docs[versions[i - 1]]
            links.append(f"{_neighbour(doc, prev, 'précédent')} : {doc_link(path, prev)}{_of_body(doc, prev)} — "
                         f"[comparer]({rel(path, cmp_path(prev.meta.id, doc.meta.id))})")
        if i + 1 < len(versions):
            nxt = docs[versions[i + 1]]
            links.append(f"{_neighbour(doc, nxt, 'suivant')} : {doc_link(path, nxt)}{_of_body(doc, nxt)} — "
                         f"[comparer]({rel(path, cmp_path(doc.meta.id, nxt.meta.id))})")
        out += [f"- {link}" for link in links] + [""]
    return out


def _neighbour(doc, other, which: str) -> str:
    """« Version précédente », or « Texte apparenté précédent » for a text of another body."""
    if related(doc, other):
        return f"Texte apparenté {which}"
    return "Version " + ("précédente" if which == "précédent" else "suivante")


def _of_body(doc, other) -> str:
    return f" ({escape.text(body_label(other.meta.body))})" if related(doc, other) else ""


def record_extra(corpus, doc) -> dict:
    data = corpus.extras["series_data"]
    series = data["series_of"].get(doc.meta.id)
    origins = data["lineage"].get(doc.meta.id, {})
    return {"series": series.id if series else None,
            "lineage": {pid: {"doc": o.doc, "paragraphs": list(o.paragraphs), "status": o.status,
                              "similarity": o.similarity, "edited": o.edited} for pid, o in sorted(origins.items())}}


def alignment_path(a: str, b: str) -> str:
    """The JSON of one alignment, beside its comparison page ``comparaisons/<a>/<b>/``."""
    return f"api/comparisons/{a}/{b}.json"


def alignment_record(al) -> dict:
    """One alignment: its two texts, its counts and its pairs (``status``, the paragraphs of each side)."""
    return {"a": al.a, "b": al.b, "counts": al.counts(), "url": cmp_path(al.a, al.b)[:-3] + "/",
            "pairs": [{"status": p.status, "a": list(p.a), "b": list(p.b), "similarity": p.similarity,
                       "edited": p.edited} for p in al.pairs]}


def series_record(corpus, series) -> dict:
    """The series: its documents in order and, per alignment, its counts and the path of its
    pairs (one file per alignment, so that the record does not grow with every version's
    paragraphs)."""
    data = corpus.extras["series_data"]
    docs = _docs(corpus)
    alignments = [al for (a, b), al in sorted(data["alignments"].items()) if a in series.members]
    return {
        "id": series.id, "title": series.title, "reports": list(series.reports),
        "documents": [record.summary(docs[m]) for m in series.members],
        "alignments": [{"a": al.a, "b": al.b, "counts": al.counts(), "json": alignment_path(al.a, al.b)}
                       for al in alignments],
    }


def comparison_page(corpus, al) -> SiteFile:
    """Side-by-side comparison of two versions (older *a*, newer *b*)."""
    a, b = corpus.get(al.a), corpus.get(al.b)
    path = cmp_path(al.a, al.b)
    full_a, full_b = display_name(a), display_name(b)
    name_a, name_b = escape.text(short_name(a)), escape.text(short_name(b))
    out = [paging.front(f"Comparaison : {full_a} → {full_b}", template="comparison.html",
                       hide=["navigation", "toc"]),
           f"# Comparaison : {escape.text(full_a)} → {escape.text(full_b)}\n",
           _intro(path, a, b),
           "| " + " | ".join(STATUS_FR[k] for k in al.counts()) + " |",
           "|" + "---|" * len(al.counts()),
           "| " + " | ".join(str(v) for v in al.counts().values()) + " |",
           '\n<div class="cmp" markdown="1">\n',
           f'<div class="cmp-row cmp-head" aria-hidden="true" markdown="1">\n\n{name_a}\n{{: .cmp-side }}\n\n'
           f'{name_b}\n{{: .cmp-side }}\n\n</div>\n']
    sides = ((f"texte apparenté le plus ancien ({name_a})", f"texte apparenté le plus récent ({name_b})") if related(a, b)
             else (f"version ancienne ({name_a})", f"version récente ({name_b})"))
    out += [_row(path, a, b, pair, sides) for pair in al.pairs]
    out.append("</div>\n")
    return SiteFile(path, "\n".join(out))


def _intro(path, a, b) -> str:
    """What is compared: two versions of one text, or two related texts of different bodies."""
    if related(a, b):
        return (f"Deux textes apparentés de deux organes, qui se reprennent (non deux versions d’un même texte) : "
                f"le plus ancien, {doc_link(path, a)} ({escape.text(body_label(a.meta.body))}) · le plus récent, "
                f"{doc_link(path, b)} ({escape.text(body_label(b.meta.body))}). "
                "Les paragraphes sont appariés par leur texte, non par leur numéro.\n")
    return (f"Version ancienne : {doc_link(path, a)} · version récente : {doc_link(path, b)}. "
            "Les paragraphes sont appariés par leur texte, non par leur numéro.\n")


def _row(path, a, b, pair, sides) -> str:
    """One aligned pair. Each side names its version in a label that the column heads make
    redundant on a wide screen (there it is only spoken) and that phones show, where the
    two columns stack."""
    status = STATUS_FR[pair.status] + (" et modifié" if pair.edited else "")
    score = f" · similarité {pair.similarity:.0f} %" if pair.a and pair.b else ""
    left = _side(path, a, pair.a, pair.diff, "delete")
    right = _side(path, b, pair.b, pair.diff, "insert")
    return (f'<div class="cmp-row cmp-{pair.status}" markdown="1">\n\n'
            f'**{status}**{score}\n{{: .cmp-status }}\n\n'
            f'<div class="cmp-side cmp-a" markdown="1">\n\n<span class="cmp-which">{sides[0]} :</span> {left}\n\n</div>\n\n'
            f'<div class="cmp-side cmp-b" markdown="1">\n\n<span class="cmp-which">{sides[1]} :</span> {right}\n\n</div>\n\n</div>\n')


def _side(path, doc, ids, diff, keep: str) -> str:
    if not ids:
        return '<span class="cmp-empty">—</span>'
    refs = " + ".join(f"[{escape.text(paragraph_label(doc, pid))}]({rel(path, doc_path(doc.meta.id))}#{pid})" for pid in ids)
    if diff:
        text = "".join(_op(kind, words) for kind, words in diff if kind in ("equal", keep))
    else:
        text = " ".join(escape.text(doc.paragraph(pid).text) for pid in ids if doc.paragraph(pid))
    return f"{refs} — {text}"


def _op(kind: str, words: str) -> str:
    if kind == "equal":
        return escape.text(words)
    tag, spoken = ("del", "supprimé") if kind == "delete" else ("ins", "ajouté")
    lead = " " if words[:1].isspace() else ""
    return (f'{lead}<{tag}><span class="archive-visually-hidden">{escape.text("[" + spoken)} : </span>{escape.text(words.strip())}'
            f'<span class="archive-visually-hidden">{escape.text("]")}</span></{tag}>')
