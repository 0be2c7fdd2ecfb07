"""Pickling the model's slotted frozen dataclasses by their fields, quickly.

A slotted dataclass pickles through ``dataclasses``' own ``__getstate__``, which calls
``fields()`` for every object: at 1,000 documents, a third of the time spent handing the
documents to the search process and keying the memoized pages went there.
:func:`by_fields` gives a class a ``__reduce__`` that returns the class and its field values
in declaration order (read with one ``operator.attrgetter``), so unpickling calls the
constructor with them. Guarantees: the same object pickles to the same bytes in every
process (what :mod:`build_scripts.cache.memo` keys on); it unpickles equal to itself; only
classes whose fields are all constructor arguments are accepted; pickling leaves the text
fields it is told of as they were (no UTF-8 copy kept in them).
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter


def by_fields(cls=None, *, texts: tuple[str, ...] = ()):
    """Class decorator (above ``@dataclass``): pickle *cls* as ``(cls, field values)``.

    *texts*: fields holding long strings (a paragraph's text), pickled as their UTF-8 bytes
    (``str.encode``) and decoded when unpickled. Pickling a ``str`` with the C pickler keeps
    its UTF-8 form inside the string object for as long as the string lives (CPython caches
    it): every paragraph pickled in the main process (into the build cache, or to the search
    process) would hold its text twice, a third of a gigabyte at 10,000 documents."""
    if cls is None:
        return lambda c: by_fields(c, texts=texts)
    names = [f.name for f in fields(cls)]
    if not all(f.init for f in fields(cls)):
        raise TypeError(f"{cls.__name__}: every field must be a constructor argument")
    get = attrgetter(*names)
    if texts:
        places = tuple(names.index(name) for name in texts)

        def __reduce__(self):
            values = list(get(self))
            for i in places:
                if type(values[i]) is str:
                    values[i] = values[i].encode("utf-8", "surrogatepass")
            return _decoded, (cls, places, *values)
    elif len(names) == 1:
        def __reduce__(self):
            return cls, (get(self),)
    else:
        def __reduce__(self):
            return cls, get(self)
    cls.__reduce__ = __reduce__
    return cls


def _decoded(cls, places: tuple[int, ...], *values):
    """An object pickled with its *places* fields encoded (see :func:`by_fields`)."""
    values = list(values)
    for i in places:
        if type(values[i]) is bytes:
            values[i] = values[i].decode("utf-8", "surrogatepass")
    return cls(*values)
