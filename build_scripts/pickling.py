"""Pickling the model's slotted frozen dataclasses by their fields, quickly.

A slotted dataclass pickles through ``dataclasses``' own ``__getstate__``, which calls
``fields()`` for every object: at 1,000 documents, a third of the time spent handing the
documents to the search process and keying the memoized pages went there.
:func:`by_fields` gives a class a ``__reduce__`` that returns the class and its field values
in declaration order (read with one ``operator.attrgetter``), so unpickling calls the
constructor with them. Guarantees: the same object pickles to the same bytes in every
process (what :mod:`build_scripts.cache.memo` keys on); it unpickles equal to itself; only
classes whose fields are all constructor arguments are accepted.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter


def by_fields(cls):
    """Class decorator (above ``@dataclass``): pickle *cls* as ``(cls, field values)``."""
    names = [f.name for f in fields(cls)]
    if not all(f.init for f in fields(cls)):
        raise TypeError(f"{cls.__name__}: every field must be a constructor argument")
    get = attrgetter(*names)
    if len(names) == 1:
        def __reduce__(self):
            return cls, (get(self),)
    else:
        def __reduce__(self):
            return cls, get(self)
    cls.__reduce__ = __reduce__
    return cls
