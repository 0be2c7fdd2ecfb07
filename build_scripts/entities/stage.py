"""The entity stage of the corpus: every mention of a State, body, instrument or SDG target.

:func:`compute` runs once over the whole parsed corpus (paragraphs and
footnotes). Guarantees: mentions are found per paragraph in reading order,
with the entities already named earlier in the same document as context
(so "l’Office" after "Office des Nations Unies contre la drogue et le
crime" resolves); draft sponsors are resolved to their State; the result
is sorted (deterministic). A document's mentions depend only on its own
paragraphs, language and the code (catalog included): with a build cache
(``corpus.extras["cache"]``) they are found once per version of the text and
read back afterwards.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass

from ..cache.keys import code_version, digest
from ..model import Document
from ..pickling import by_fields
from . import find_mentions, find_state, load_catalog
from .catalog import Entity, Mention


@by_fields
@dataclass(frozen=True, slots=True)
class Hit:
    """One mention: where it stands. The words around it are cut from the document's text
    when its entity's page is written (:func:`context`), not held: at 10,000 documents the
    contexts of every mention were about half a gigabyte."""

    doc: str
    paragraph: str  # a paragraph id or a footnote id (fn-3)
    start: int
    end: int
    text: str


def context(text: str, start: int, end: int, width: int = 80) -> tuple[str, str]:
    """Up to *width* characters each side of a span, cut at word boundaries."""
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    if start > width and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if end + width < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return before, after


def units(doc: Document) -> list[tuple[str, str]]:
    """``(id, text)`` of every paragraph and footnote, in reading order."""
    return [(p.id, p.text) for p in doc.paragraphs] + [(n.id, n.text) for n in doc.footnotes]


#: The last build's mentions and hits of each document, by (mentions key, document id), kept
#: when the build cache keeps its values in memory (``mkdocs serve``): an unchanged text's are
#: taken back as they were, not decoded and cut again (a plain build keeps nothing past itself).
_LAST: dict[tuple[str, str], tuple[dict[str, list[Mention]], list[tuple[Entity, Hit]]]] = {}


def compute(corpus) -> dict:
    """Mentions per document and per entity, plus sponsors."""
    global _LAST
    catalog = load_catalog()
    per_entity: dict[Entity, list[Hit]] = defaultdict(list)
    sponsors: dict[str, list[tuple[str, Entity | None]]] = {}
    store = corpus.extras.get("cache")
    done = {}
    passages = Passages(corpus, catalog)
    for doc in corpus.documents:
        key = (mentions_key(doc), doc.meta.id) if store else None
        if key in _LAST:
            found, hits = done[key] = _LAST[key]
            store.keep("mentions", [key[0]])  # still this build's (not pruned)
        else:
            found = mentions_of(doc, catalog, store, key[0] if key else None)
            hits = doc_hits(doc, found)
            if key and store.memory is not None:
                done[key] = (found, hits)
        for entity, hit in hits:
            per_entity[entity].append(hit)
        if hits:
            passages.put(doc, found)
        sponsors[doc.meta.id] = [(name, find_state(name, catalog)) for name in doc.meta.sponsors]
    _LAST = done
    sponsored: dict[Entity, list[str]] = defaultdict(list)
    for doc_id, pairs in sponsors.items():
        for _, state in pairs:
            if state:
                sponsored[state].append(doc_id)
    return {"catalog": catalog, "per_doc": passages, "per_entity": dict(per_entity),
            "sponsors": sponsors, "sponsored": dict(sponsored), "passages": passages}


class Passages:
    """A document's mentions and what the entity pages quote of it, shelved in the stage's one
    pass over the texts beside the documents (kept as they are for a corpus held in memory):
    its mentions by unit (:meth:`get`: what its page links and its record lists, read back when
    its page is made, not all held through the build) and the label and text of each of its
    paragraphs and notes that has a mention (:meth:`passages`: an entity page quotes these few
    texts, not the whole document — reading every document once per entity it mentions made
    the stage three times slower)."""

    def __init__(self, corpus, catalog):
        from ..shelf import Documents, Shelf

        shelved = corpus.documents.shelf if isinstance(corpus.documents, Documents) else None
        # not compressed: a document's passages are read once per entity it mentions
        self._shelf = Shelf(shelved.folder, shelved.remember, compress=False) if shelved is not None else Shelf(remember=True)
        self._catalog, self._numbers = catalog, {}  # document id -> (passages, mentions) on the shelf
        self._last: tuple[str, dict] | None = None  # the last document's mentions (asked for once per paragraph)

    def put(self, doc: Document, found: dict[str, list[Mention]]) -> None:
        """Shelve the passages and mentions of *doc* (*found*: its mentions by unit)."""
        from ..render.labels import place_label

        passages = {pid: (place_label(doc, pid), text) for pid, text in units(doc) if found.get(pid)}
        mentions = found if self._shelf.remember else tuple(
            (pid, tuple((m.entity.kind, m.entity.slug, m.start, m.end, m.text) for m in ms)) for pid, ms in found.items() if ms)
        # two values: a document page reads its mentions, an entity page its passages
        self._numbers[doc.meta.id] = (self._shelf.put(passages), self._shelf.put(mentions))

    def passages(self, doc_id: str) -> dict[str, tuple[str, str]]:
        """``{unit id: (label, text)}`` of *doc_id*'s units that have a mention."""
        numbers = self._numbers.get(doc_id)
        return {} if numbers is None else self._shelf.take(numbers[0])

    def get(self, doc_id: str, default=None) -> dict[str, list[Mention]] | None:
        """*doc_id*'s mentions by unit (*default* for a document without a mention)."""
        numbers = self._numbers.get(doc_id)
        if numbers is None:
            return default
        if self._last is None or self._last[0] != doc_id:
            mentions = self._shelf.take(numbers[1])
            if not isinstance(mentions, dict):
                get = self._catalog.get
                mentions = {pid: [Mention(get(kind, slug), start, end, sys.intern(text)) for kind, slug, start, end, text in ms]
                            for pid, ms in mentions}
            self._last = (doc_id, mentions)
        return self._last[1]


def doc_hits(doc: Document, found: dict[str, list[Mention]]) -> list[tuple[Entity, Hit]]:
    """The hits of one document's mentions, in reading order."""
    doc_id = doc.meta.id
    return [(m.entity, Hit(doc_id, pid, m.start, m.end, m.text)) for pid, mentions in found.items() for m in mentions]


def _language(doc: Document) -> str:
    """The language its mentions are looked for in (French for any other)."""
    return doc.meta.language if doc.meta.language in ("fr", "en") else "fr"


def mentions_key(doc: Document) -> str:
    """What a document's mentions depend on: the code, its language, its paragraphs' and notes' texts."""
    return digest("mentions", code_version(), _language(doc), *(x for unit in units(doc) for x in unit))


def mentions_of(doc: Document, catalog, store=None, key: str | None = None) -> dict[str, list[Mention]]:
    """``{unit id: mentions}`` of one document, in reading order (from *store* when known)."""
    lang = _language(doc)
    parts = units(doc)
    key = key or (mentions_key(doc) if store else None)
    compact = store.get("mentions", key) if store else None
    if compact is not None:
        # a mention's words are one string however often they occur (« Assemblée générale »: thousands)
        return {pid: [Mention(catalog.get(kind, slug), start, end, sys.intern(text)) for kind, slug, start, end, text in found]
                for pid, found in compact}
    seen: list[str] = []
    out: dict[str, list[Mention]] = {}
    for pid, text in parts:
        out[pid] = mentions = find_mentions(text, lang, catalog, context_slugs=seen)
        for m in mentions:
            if m.entity.slug not in seen:
                seen.append(m.entity.slug)
    if store:
        store.put("mentions", key, tuple((pid, tuple((m.entity.kind, m.entity.slug, m.start, m.end, m.text)
                                                     for m in ms)) for pid, ms in out.items()))
    return out


def attach(corpus) -> None:
    """Compute the stage and register its page contributions on *corpus*."""
    from ..render import entity_pages

    corpus.extras["entity_data"] = compute(corpus)
    entity_pages.register(corpus)
