"""A document's versions in other languages: the texts of one symbol in another language.

:func:`build_scripts.corpus.unique_ids` gives the text in the archive's language the symbol's
address (``documents/s-res-2719-2023/``) and another language's text ``<slug>-<language>``
(``s-res-2719-2023-en``). Guarantees of :func:`register`: each such document's page names and
links its versions, each in its language's own name (``English``, ``Français``) with ``lang``
and ``hreflang`` set, and its JSON record lists their ids under ``versions``; a document
without one gets nothing (its page and record are as they were). One pass over the entries.
"""

from __future__ import annotations

from ..corpus import language_versions
from .pages import OFFICIAL_LANGUAGES

_OWN_NAMES = dict(OFFICIAL_LANGUAGES)


def register(corpus) -> None:
    """Add the versions to the pages and records of the documents that have any."""
    versions = language_versions(corpus.listed)
    if not versions:
        return

    def links(doc) -> list[dict]:
        out = []
        for doc_id in versions.get(doc.meta.id, ()):
            language = corpus.entry(doc_id).meta.language
            out.append({"lang": language, "label": _OWN_NAMES.get(language, language), "url": f"documents/{doc_id}/"})
        return out

    corpus.extras.setdefault("front_extras", []).append(
        lambda c, doc, path: {"versions": found} if (found := links(doc)) else {})
    corpus.extras.setdefault("record_extras", []).append(
        lambda c, doc: {"versions": list(ids)} if (ids := versions.get(doc.meta.id)) else {})
