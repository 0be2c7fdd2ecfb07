"""Series of documents and paragraph alignment between their versions.

Pure modules (no I/O, no MkDocs), depending only on :mod:`build_scripts.model`:

* :mod:`.grouping` — :func:`group_series` partitions documents into series;
* :mod:`.align` — :func:`align` pairs the paragraphs of two documents;
* :mod:`.lineage` — :func:`compare_series` and :func:`lineage` say where each
  paragraph comes from in the previous version;
* :mod:`.match`, :mod:`.text` — scoring, assignment and normalisation helpers.
"""

from .align import Alignment, Pair, align
from .grouping import Series, group_series
from .lineage import Origin, compare_series, corpus_lineage, describe, lineage

__all__ = ["Alignment", "Origin", "Pair", "Series", "align", "compare_series", "corpus_lineage",
           "describe", "group_series", "lineage"]
