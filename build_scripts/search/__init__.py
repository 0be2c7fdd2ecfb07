"""Paragraph-level, French-aware client-side search.

Built with lunr.py, queried in the browser with lunr.js; both sides share
one tokenizer, one pipeline and one stemmer (see each module):

* :mod:`.text`: tokenization (symbols, elision), accent folding;
* :mod:`.stopwords`: French and English stop words (data);
* :mod:`.pipeline`: the lunr pipeline functions (trimmer, stop words, stemmer);
* :mod:`.record`: :class:`SearchRecord`, one per paragraph;
* :mod:`.index`: :func:`build_index` and :func:`build_store` (JSON shapes there);
* :mod:`.query`: the Python query path, twin of ``search.js``;
* :mod:`.snowball_js`: the French Snowball stemmer translated to JavaScript;
* :mod:`.assets`: :func:`write_assets`, the browser files.
"""

from build_scripts.search.assets import SCRIPTS, write_assets
from build_scripts.search.index import FIELDS, build, build_index, build_store, to_json
from build_scripts.search.pipeline import analyze, process_term
from build_scripts.search.query import Searcher
from build_scripts.search.record import SearchRecord
from build_scripts.search.text import fold, tokenize

__all__ = [
    "FIELDS",
    "SCRIPTS",
    "SearchRecord",
    "Searcher",
    "analyze",
    "build",
    "build_index",
    "build_store",
    "fold",
    "process_term",
    "tokenize",
    "to_json",
    "write_assets",
]
