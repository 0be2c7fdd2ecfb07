"""English inflections: ``country`` finds « countries », ``implementing`` finds « implemented ».

The index has one analyzer for every text (:mod:`.pipeline`: French stemming, then
folding): it merges French inflections, but leaves most English ones apart (``countries``
→ ``countr``, ``country`` → ``country``; ``elected`` stays whole while ``elections`` →
``elect``). The records of an English document are therefore indexed, for each word, under
the terms of its regular inflections too (the word's *lemma* and the lemma's plural, ``-ed``
and ``-ing`` forms): a synonym expansion at index time, as a lunr pipeline function
returning several tokens would make. Queries are analyzed as before (the same terms on both
sides of the index, in Python and in the browser); a query word finds every inflection of
its lemma in English texts, French texts are indexed as before.

Guarantees:

* :func:`lemma` is the word's base form: an irregular form's (:data:`IRREGULAR`:
  ``women`` → ``woman``, ``held`` → ``hold``), else by the regular rules of English
  inflection (``-ies`` → ``-y``, ``-es``/``-s``, ``-ied``, ``-ed``/``-d``, ``-ing``, doubled
  consonants), the first candidate that is a common English word (wordfreq's Zipf frequency
  of at least :data:`LEMMA_ZIPF`), else the word itself; a few words that only look
  inflected (``news``, ``series``) are their own lemma;
* :func:`index_terms` is a pure function of the word: its own term first, then the terms of
  the lemma's inflections that are English words, each once;
* no expansion term is *ambiguous* (:data:`AMBIGUOUS`: the term of common English words of
  different lemmas, as the French stemmer merges ``unit``, ``units`` and ``unite``, so that
  ``units`` would find every « United Nations »): a word keeps its own term, and gains only
  terms that belong to its lemma alone;
* :func:`related_terms` is what a snippet highlights: the terms of the inflections of *every*
  candidate lemma, without the word list (the browser has none), so that it holds
  :func:`index_terms`: a paragraph found through an inflection always shows the word.
"""

from __future__ import annotations

import functools
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

from lunr.pipeline import Pipeline
from lunr.token import Token

from build_scripts.search.pipeline import process_term, trim_term

LEMMA_ZIPF = 3.0  # a candidate lemma must be this common in English (wordfreq's scale, 0–8)
FORM_ZIPF = 1.0  # an inflection must be an attested English word
#: Words that end like an inflection but are not one (their own lemma).
NOT_INFLECTED = frozenset("""
news series species means always perhaps whereas thus various previous serious numerous status basis
crisis analysis thesis emphasis hypothesis physics politics economics mathematics ethics statistics
during nothing something anything everything thing morning evening ceiling
""".split())
#: Irregular forms common in UN texts (form -> lemma): ``woman`` finds « women ».
IRREGULAR = {
    "women": "woman", "men": "man", "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "made": "make", "taken": "take", "took": "take", "given": "give", "gave": "give", "held": "hold",
    "brought": "bring", "sought": "seek", "led": "lead", "met": "meet", "paid": "pay", "laid": "lay",
    "chosen": "choose", "undertaken": "undertake", "undertook": "undertake", "began": "begin",
    "begun": "begin", "written": "write", "wrote": "write", "known": "know", "knew": "know",
    "shown": "show", "spoken": "speak", "spoke": "speak", "fought": "fight", "fled": "flee",
    "forgone": "forgo", "arisen": "arise", "arose": "arise", "built": "build", "kept": "keep",
    "lost": "lose", "sent": "send", "spent": "spend", "understood": "understand",
}
_IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {}
for _form, _base in sorted(IRREGULAR.items()):
    _IRREGULAR_FORMS[_base] = _IRREGULAR_FORMS.get(_base, ()) + (_form,)
_VOWELS = set("aeiou")
VOCABULARY = 50_000  # wordfreq's most common English words, from which AMBIGUOUS is made
AMBIGUOUS_FILE = Path(__file__).resolve().parent.parent / "data" / "lang" / "en_ambiguous_terms.txt"


def _english(word: str) -> bool:
    return len(word) >= 3 and word.isascii() and word.isalpha()


def candidates(word: str) -> tuple[str, ...]:
    """The base forms *word* may be an inflection of, most likely first (not checked)."""
    out: list[str] = [IRREGULAR[word]] if word in IRREGULAR else []
    w = word
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("ied") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 4:
        out += [w[:-1], w[:-2]]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        out.append(w[:-1])
    if w.endswith("ed") and len(w) >= 5:
        out += [w[:-1], w[:-2]]
        if w[-3] == w[-4] and w[-3] not in _VOWELS:
            out.append(w[:-3])
    if w.endswith("ing") and len(w) >= 6:
        out += [w[:-3] + "e", w[:-3]]
        if w[-4] == w[-5] and w[-4] not in _VOWELS:
            out.append(w[:-4])
    out += [IRREGULAR[c] for c in out if c in IRREGULAR]  # ``womens`` -> ``women`` -> ``woman``
    return tuple(dict.fromkeys(c for c in out if len(c) >= 3))


def inflections(base: str) -> tuple[str, ...]:
    """The regular inflections of *base* (itself first; not checked against a word list)."""
    out = [base, base + "s"]
    if base.endswith(("s", "x", "z", "ch", "sh")):
        out.append(base + "es")
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        out += [base[:-1] + "ies", base[:-1] + "ied"]
    if base.endswith("e"):
        out += [base + "d", base[:-1] + "ing"]
    else:
        out += [base + "ed", base + "ing", base + base[-1] + "ed", base + base[-1] + "ing"]
    return tuple(dict.fromkeys(out + list(_IRREGULAR_FORMS.get(base, ()))))


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The base form of the English *word* (lower case), or *word* itself."""
    if not _english(word) or word in NOT_INFLECTED:
        return word
    if word in IRREGULAR:
        return IRREGULAR[word]
    for base in candidates(word):
        if zipf_frequency(base, "en") >= LEMMA_ZIPF:
            return IRREGULAR.get(base, base)
    return word


def ambiguous_terms() -> list[str]:
    """The index terms that common English words of different lemmas share (sorted): what
    ``en_ambiguous_terms.txt`` holds (:func:`write_ambiguous` writes it; a test checks it is
    up to date)."""
    lemmas: dict[str, set[str]] = {}
    for word in top_n_list("en", VOCABULARY):
        if _english(word) and (term := process_term(word)) is not None:
            lemmas.setdefault(term, set()).add(lemma(word))
    return sorted(t for t, found in lemmas.items() if len(found) > 1)


def write_ambiguous() -> None:
    """Write :func:`ambiguous_terms` into :data:`AMBIGUOUS_FILE` (after a change of the rules,
    the stemmer or wordfreq): ``python -c "from build_scripts.search.english import
    write_ambiguous; write_ambiguous()"``."""
    AMBIGUOUS_FILE.write_text(f"# {made_with()}\n" + "\n".join(ambiguous_terms()) + "\n", encoding="utf-8")


def made_with() -> str:
    """The versions :func:`ambiguous_terms` depends on (the first line of the file)."""
    from importlib.metadata import version

    return f"wordfreq {version('wordfreq')}, snowballstemmer {version('snowballstemmer')}"


def _read(path: Path) -> tuple[str, frozenset[str]]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    header = lines[0][2:] if lines and lines[0].startswith("# ") else ""
    return header, frozenset(line for line in lines if line and not line.startswith("#"))


AMBIGUOUS_MADE_WITH, AMBIGUOUS = _read(AMBIGUOUS_FILE)


@functools.lru_cache(maxsize=200_000)
def index_terms(word: str) -> tuple[str, ...]:
    """The index terms of the token *word* (lower case) in an English text: its own, then
    its lemma's inflections' (English words only). Empty for a stop word."""
    own = process_term(word)
    if own is None:
        return ()
    word = trim_term(word)
    if not _english(word):
        return (own,)
    base = lemma(word)
    forms = [base] + [f for f in inflections(base)[1:] if f == word or zipf_frequency(f, "en") >= FORM_ZIPF]
    terms = [own] + [t for f in forms if (t := process_term(f)) is not None and t not in AMBIGUOUS]
    return tuple(dict.fromkeys(terms))


@functools.lru_cache(maxsize=200_000)
def related_terms(word: str) -> frozenset[str]:
    """Every term an inflection of a candidate lemma of *word* may be indexed under (what a
    snippet marks; holds :func:`index_terms`)."""
    own = process_term(word)
    if own is None:
        return frozenset()
    word = trim_term(word)
    if not _english(word):
        return frozenset((own,))
    terms = {own}
    for base in (word, *candidates(word)):
        terms.update(t for f in inflections(base) if (t := process_term(f)) is not None and t not in AMBIGUOUS)
    return frozenset(terms)


# --- the same expansion as lunr pipeline functions (the reference index of the tests) ---------

MARK = "\u2063"  # prefixed to each token of an English record given to lunr.py's Builder
ENGLISH_MARK = "archiveEnglishMark"
ENGLISH_INFLECTIONS = "archiveEnglishInflections"


def english_mark(token, i=None, tokens=None):
    """First in the index pipeline: a marked token is English; keep its word, drop the mark."""
    text = str(token)
    if text.startswith(MARK):
        token.metadata["english"] = text[len(MARK):]
        token.update(lambda s, metadata=None: s[len(MARK):])
    return token


def english_inflections(token, i=None, tokens=None):
    """Last in the index pipeline: an English token, then its lemma's inflections' terms."""
    word = token.metadata.get("english")
    if word is None:
        return token
    return [token] + [Token(term, dict(token.metadata)) for term in index_terms(word)[1:]]


Pipeline.register_function(english_mark, ENGLISH_MARK)
Pipeline.register_function(english_inflections, ENGLISH_INFLECTIONS)
