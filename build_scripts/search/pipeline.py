"""The lunr pipeline: trimmer, stop-word filter, French stemmer + folding.

The three functions are registered with lunr.py under the labels below;
``search.js`` registers its twins with lunr.js under the same labels, so a
serialized index (whose ``pipeline`` lists these labels) loads on both sides.

* ``archiveTrimmer``: strips non-word characters (not L*/N*) at both ends,
  then an elided prefix (``l'office`` → ``office``) for tokens that did not
  come from :func:`~build_scripts.search.text.tokenize` (which already drops
  them). An empty result drops the token.
* ``archiveStopWordFilter``: drops stop words (folded comparison, see
  :mod:`build_scripts.search.stopwords`) and empty tokens.
* ``archiveStemmer``: *stem, then fold*. Snowball's French algorithm needs
  the accents (``traité``/``traités``/``traite``/``traites`` → ``trait``),
  folding afterwards makes unaccented queries meet accented text
  (``coopération`` → ``coopér`` → ``cooper``, ``cooperation`` → ``cooper``).
  Ligatures are spelled out before stemming (``œuvre`` → ``oeuvr``). Tokens
  with a digit, ``/`` or ``.`` (numbers, symbols) and tokens with characters
  outside the BMP are folded but not stemmed.

The stemmer is ``snowballstemmer.french_stemmer.FrenchStemmer``, the pure
Python class itself (``snowballstemmer.stemmer()`` would pick PyStemmer when
installed, another build of the algorithm); ``search-support.js`` is a
translation of that very class (see :mod:`build_scripts.search.snowball_js`).
"""

from __future__ import annotations

import functools
import re

from lunr.pipeline import Pipeline
from snowballstemmer.french_stemmer import FrenchStemmer

from build_scripts.search.stopwords import is_stop_word
from build_scripts.search.text import ELISIONS, expand_ligatures, fold, tokenize

TRIMMER = "archiveTrimmer"
STOP_WORD_FILTER = "archiveStopWordFilter"
STEMMER = "archiveStemmer"
#: Labels in pipeline order, as serialized in the index.
LABELS = (TRIMMER, STOP_WORD_FILTER, STEMMER)

_LEADING_RE = re.compile(r"^[\W_]+")
_TRAILING_RE = re.compile(r"[\W_]+$")
_ELIDED_RE = re.compile(r"^([^\W_]+)['\u2019\u02bc\u2018`\u00b4](?=[^\W_])")
_NO_STEM_RE = re.compile(r"[0-9/.]|[\U00010000-\U0010FFFF]")

_FRENCH = FrenchStemmer()


def trim_term(term: str) -> str:
    """Non-word characters off both ends, then an elided prefix off the front."""
    term = _TRAILING_RE.sub("", _LEADING_RE.sub("", term))
    match = _ELIDED_RE.match(term)
    if match is not None and match.group(1).lower() in ELISIONS:
        term = term[match.end():]
    return term


@functools.lru_cache(maxsize=65536)
def stem_term(term: str) -> str:
    """Stem (French Snowball), then fold; numbers and symbols are only folded."""
    term = term.lower()
    if not term or _NO_STEM_RE.search(term):
        return fold(term)
    return fold(_FRENCH.stemWord(expand_ligatures(term)))


def archive_trimmer(token, i=None, tokens=None):
    token.update(lambda s, metadata=None: trim_term(s))
    return token if str(token) else None


def archive_stop_word_filter(token, i=None, tokens=None):
    term = str(token)
    if not term or is_stop_word(term):
        return None
    return token


def archive_stemmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: stem_term(s))


Pipeline.register_function(archive_trimmer, TRIMMER)
Pipeline.register_function(archive_stop_word_filter, STOP_WORD_FILTER)
Pipeline.register_function(archive_stemmer, STEMMER)

FUNCTIONS = (archive_trimmer, archive_stop_word_filter, archive_stemmer)


def make_pipeline() -> Pipeline:
    """A fresh lunr.py pipeline with the three functions, in order."""
    pipeline = Pipeline()
    pipeline.add(*FUNCTIONS)
    return pipeline


@functools.lru_cache(maxsize=65536)
def process_term(term: str) -> str | None:
    """One token through the pipeline: its index term, or None if dropped.

    Same result as running a lunr.py :class:`Pipeline` from :func:`make_pipeline`
    on a one-token list (tested), without the Token objects.
    """
    term = trim_term(term)
    if not term or is_stop_word(term):
        return None
    return stem_term(term)


def analyze(text: str) -> list[str]:
    """Text → index terms, in order (tokenize + pipeline)."""
    terms = []
    for token in tokenize(text):
        term = process_term(token.term)
        if term is not None:
            terms.append(term)
    return terms
