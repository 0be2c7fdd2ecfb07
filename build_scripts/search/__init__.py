"""Paragraph-level, French-aware client-side search.

Built with lunr.py, queried in the browser with lunr.js; both sides share
one tokenizer, one pipeline and one stemmer (see each module):

* :mod:`.text`: tokenization (symbols, elision), accent folding;
* :mod:`.stopwords`: French and English stop words (data);
* :mod:`.pipeline`: the lunr pipeline functions (trimmer, stop words, stemmer);
* :mod:`.record`: :class:`SearchRecord`, one per paragraph;
* :mod:`.postings`: the inverted index and BM25 weights from the analyzed terms (lunr.py's
  Builder output, without its second tokenization);
* :mod:`.index`: :func:`build_index` and :func:`build_store` (JSON shapes there): one index;
* :mod:`.shards`: the sharded index the site ships (terms by bucket, texts by document);
* :mod:`.heads`, :mod:`.tiers`: what a common term ships besides its whole list (heads for one
  word; impact tiers and record sets for several);
* :mod:`.query`: the Python query path over one index, twin of ``search.js``;
* :mod:`.sharded`: the Python query path over the shards, twin of ``search-shards.js``;
* :mod:`.tiered`: its path for several common words (threshold algorithm), twin of ``search-tiers.js``;
* :mod:`.snowball_js`: the French Snowball stemmer translated to JavaScript;
* :mod:`.assets`: :func:`write_assets`, the browser files.
"""

from build_scripts.search.assets import SCRIPTS, write_assets
from build_scripts.search.index import FIELDS, build, build_index, build_store, to_json
from build_scripts.search.pipeline import analyze, process_term
from build_scripts.search.query import Searcher
from build_scripts.search.record import SearchRecord
from build_scripts.search.sharded import ShardedSearcher
from build_scripts.search.shards import shard_files
from build_scripts.search.text import fold, tokenize

__all__ = [
    "FIELDS",
    "SCRIPTS",
    "SearchRecord",
    "Searcher",
    "ShardedSearcher",
    "analyze",
    "build",
    "build_index",
    "build_store",
    "fold",
    "process_term",
    "shard_files",
    "tokenize",
    "to_json",
    "write_assets",
]
