"""Memoized rendering: a value made from plain inputs, read back from the build cache.

A page of the archive depends on its document and on what the corpus-wide stages say of
it (links, « Cité par », series, entities); a one-word change in one text changes few of
them. :func:`memo` keys a made value by a digest of its inputs, pickled (tuples, lists,
dicts, strings, numbers and frozen dataclasses pickle to the same bytes in every process;
sets do not, so inputs never hold one), with the code version: the same inputs give the
value of an earlier build without making it again; any other inputs make it anew. Without
a store (no cache) the value is simply made. With one, the corpus also holds every
document's digest (``corpus.extras["digests"]``, set with the store by
:func:`build_scripts.site._build`): a document's digest stands for the document in inputs.
"""

from __future__ import annotations

import hashlib
import pickle
from typing import Any, Callable, TypeVar

from .keys import code_version

T = TypeVar("T")


def memo(store, kind: str, inputs: Any, make: Callable[[], T], plain: bool = False) -> T:
    """``make()``, or the value an earlier build made from the same *inputs*. *plain*: the
    inputs are JSON-like data only (dicts, lists, strings, numbers, booleans, None), keyed by
    their ``repr`` rather than their pickle: the C pickler leaves the UTF-8 form of every
    string it writes inside that string, so that keying a document's JSON record by its
    pickle made every paragraph's text held twice for the rest of the build."""
    if store is None:
        return make()
    if plain:
        key = hashlib.sha256(repr((code_version(), kind, inputs)).encode("utf-8", "surrogatepass")).hexdigest()
    else:
        key = hashlib.sha256(pickle.dumps((code_version(), kind, inputs), protocol=5)).hexdigest()
    value = store.get(kind, key)
    if value is None:
        value = make()
        store.put(kind, key, value)
    return value
