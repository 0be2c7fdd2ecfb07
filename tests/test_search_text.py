"""Search: tokenizer, folding, stop words, stemmer, pipeline, index and store, Python query path."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lunr.index import Index

from build_scripts.search import SearchRecord, Searcher, build, build_index, build_store
from build_scripts.search.index import FIELDS
from build_scripts.search.pipeline import LABELS, analyze, make_pipeline, process_term, stem_term
from build_scripts.search.query import escape, parse_query, url
from build_scripts.search.snowball_js import TranslationError, translate
from build_scripts.search.stopwords import STOP_WORDS, is_stop_word
from build_scripts.search.text import fold, phrase_key, tokenize


def terms(text: str) -> list[str]:
    return [t.term for t in tokenize(text)]


# ------------------------------------------------------------------ folding


@pytest.mark.parametrize(
    "word, folded",
    [
        ("états", "etats"),
        ("coopération", "cooperation"),
        ("œuvre", "oeuvre"),
        ("cæcum", "caecum"),
        ("straße", "strasse"),
        ("naïve", "naive"),
        ("ça", "ca"),
        ("e\u0301tat", "etat"),  # decomposed input
        ("plain", "plain"),
    ],
)
def test_fold(word, folded):
    assert fold(word) == folded


# ------------------------------------------------------------- tokenization


@pytest.mark.parametrize(
    "text, expected",
    [
        ("l’Office", ["office"]),
        ("d’action", ["action"]),
        ("qu’elle", ["elle"]),
        ("L'Assemblée", ["assemblée"]),
        ("jusqu’à lorsqu’il puisqu’on", ["à", "il", "on"]),
        ("lʼOffice l‘Office l`Office", ["office", "office", "office"]),
        ("aujourd’hui", ["aujourd", "hui"]),
        ("l’ Office", ["l", "office"]),  # no word right after the apostrophe
        ("États-Unis", ["états", "unis"]),
        ("Secretary-General's report", ["secretary", "general", "s", "report"]),
    ],
)
def test_tokenize_words_and_elision(text, expected):
    assert terms(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("résolution 74/176.", ["résolution", "74/176"]),
        ("(2015/23)", ["2015/23"]),
        ("A/RES/74/176", ["a/res/74/176", "74/176"]),
        ("E/RES/2015/23", ["e/res/2015/23", "2015/23"]),
        ("S/RES/2388 (2017)", ["s/res/2388", "2388", "2017"]),
        ("A/HRC/RES/40/1", ["a/hrc/res/40/1", "40/1"]),
        ("A/C.3/74/L.20.", ["a/c.3/74/l.20"]),
        ("A/74/127", ["a/74/127"]),
        ("2388", ["2388"]),
        ("et/ou", ["et", "ou"]),
        ("U.N.", ["u", "n"]),
        ("1.5", ["1", "5"]),
    ],
)
def test_tokenize_symbols(text, expected):
    assert terms(text) == expected


def test_symbol_alias_shares_offsets():
    toks = tokenize("voir A/RES/74/176.")
    assert [(t.term, t.start, t.end, t.alias) for t in toks] == [
        ("voir", 0, 4, False),
        ("a/res/74/176", 5, 17, False),
        ("74/176", 5, 17, True),
    ]


def test_offsets_point_into_nfc_text():
    text = "Les E\u0301tats l’Office"  # decomposed É: NFC shortens the text
    toks = tokenize(text)
    from build_scripts.search.text import nfc

    assert [nfc(text)[t.start:t.end] for t in toks] == ["Les", "États", "Office"]


def test_phrase_key():
    assert phrase_key("de l’Office des Nations Unies") == "de office des nations unies"
    assert phrase_key("voir A/RES/74/176 et") == "voir a/res/74/176 et"  # no alias


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_tokenize_total_and_within_bounds(text):
    from build_scripts.search.text import prepare

    s = prepare(text)
    for tok in tokenize(text):
        assert 0 <= tok.start < tok.end <= len(s)
        assert tok.term  # never empty
        assert tok.term == tok.term.lower()


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_analyze_never_fails_nor_yields_empty_terms(text):
    assert all(analyze(text))
    term = process_term(text)
    assert term is None or term


# --------------------------------------------------------------- stop words


@pytest.mark.parametrize("word", ["de", "la", "les", "été", "ete", "était", "the", "and", "of", "à", "a", "s"])
def test_stop_words(word):
    assert is_stop_word(word)
    assert process_term(word) is None


@pytest.mark.parametrize("word", ["an", "sommes", "traite", "office", "trafficking"])
def test_not_stop_words(word):
    assert not is_stop_word(word)


def test_stop_words_are_folded():
    assert all(w == fold(w) for w in STOP_WORDS)


# ------------------------------------------------------------------ stemmer


@pytest.mark.parametrize(
    "words",
    [
        ("traite", "traites", "traité", "traités"),
        ("coopération", "cooperation", "coopérations"),
        ("États", "etats", "état"),
        ("membres", "membre", "Membres"),
        ("œuvre", "oeuvre", "Œuvre"),
        ("générale", "generale", "général"),
    ],
)
def test_stemming_groups(words):
    assert len({stem_term(w) for w in words}) == 1


def test_numbers_and_symbols_are_not_stemmed():
    assert stem_term("2019") == "2019"
    assert stem_term("a/res/74/176") == "a/res/74/176"
    assert stem_term("74/176") == "74/176"


def test_stem_then_fold():
    assert stem_term("coopération") == "cooper"
    assert stem_term("États") == "etat"


# ----------------------------------------------------------------- pipeline


def test_process_term_matches_lunr_pipeline():
    pipeline = make_pipeline()
    for word in ["L'Office", "«traités»", "États", "de", "", "...", "74/176", "d’action", "œuvres"]:
        expected = pipeline.run_string(word)
        got = process_term(word)
        assert expected == ([] if got is None else [got]), word


def test_analyze():
    assert analyze("Les États Membres et l’Office") == ["etat", "membr", "offic"]
    assert analyze("etats membres") == analyze("États Membres")


# ----------------------------------------------------------- index / store


def record(ref: str, text: str, **kw) -> SearchRecord:
    doc_id = ref.split("#")[0]
    fields = dict(
        ref=ref, doc_id=doc_id, title="Titre", symbol="", label="par. 1", text=text,
        type="resolution", body="GA", year="2019",
    )
    fields.update(kw)
    return SearchRecord(**fields)


CORPUS = [
    record("a-res-74-176#pp-1", "Les États Membres condamnent la traite des personnes.",
           title="Amélioration de la coordination", symbol="A/RES/74/176"),
    record("a-res-74-176#op-1", "Prie l’Office des Nations Unies contre la drogue et le crime <b>d’agir</b>.",
           title="Amélioration de la coordination", symbol="A/RES/74/176", label="par. 1"),
    record("e-res-2015-23#op-1", "La coopération internationale contre les traités et la traite.",
           title="Plan d’action mondial", symbol="E/RES/2015/23", body="ECOSOC", year="2015"),
    record("a-74-127#p-1", "Le rapport rappelle la résolution 74/176 et la coopération entre États.",
           title="Rapport du Secrétaire général", symbol="A/74/127", type="report"),
    record("projet#p-1", "Conférence des Parties à la Convention, trafficking in persons.",
           title="Projet de résolution", symbol="", type="draft_resolution"),
]
# one document record per document (ref without fragment: its title and symbol), as the search stage makes them
CORPUS += [record(r.doc_id, r.title, label="document", title=r.title, symbol=r.symbol, type=r.type, body=r.body,
                  year=r.year) for r in {r.doc_id: r for r in CORPUS}.values()]


def test_index_shape():
    index = build_index(CORPUS)
    assert index["version"] == "2.3.9"
    assert index["fields"] == [name for name, _ in FIELDS]
    assert index["pipeline"] == list(LABELS)
    refs = {ref.split("/", 1)[1] for ref, _ in index["fieldVectors"]}  # "field/ref"
    assert refs == {str(i) for i in range(len(CORPUS))}
    terms_ = {term for term, _ in index["invertedIndex"]}
    assert {"etat", "membr", "trait", "offic", "74/176", "a/res/74/176", "2015/23"} <= terms_
    assert not terms_ & {"de", "la", "des"}
    assert all(set(p) == {"_index", "text", "title", "symbol"} for _, p in index["invertedIndex"])
    assert json.loads(json.dumps(index)) == index
    Index.load(index)  # loads with the registered pipeline


def test_store_shape():
    store = build_store(CORPUS)
    assert store["version"] == 1
    assert store["docs"][0] == ["a-res-74-176", "Amélioration de la coordination", "A/RES/74/176",
                                "resolution", "GA", "2019"]
    assert len(store["docs"]) == 4
    assert store["records"][1][:3] == [0, "op-1", "par. 1"]
    assert store["records"][1][3].startswith("Prie l’Office")


def test_duplicate_and_bad_refs():
    with pytest.raises(ValueError, match="duplicate"):
        build_store([CORPUS[0], CORPUS[0]])
    with pytest.raises(ValueError):
        build_index([record("x#1", "a", doc_id="y")])
    with pytest.raises(ValueError, match="disagree"):
        build_store([CORPUS[0], record("a-res-74-176#pp-2", "x", title="Autre")])


# --------------------------------------------------------------- query path


@pytest.fixture(scope="module")
def searcher():
    index, store = build(CORPUS)
    return Searcher(index, store)


def refs(results):
    return [r["ref"] for r in results]


def test_unaccented_and_elided_queries(searcher):
    assert "a-res-74-176#pp-1" in refs(searcher.query("etats membres"))
    assert refs(searcher.query("etats membres")) == refs(searcher.query("États Membres"))
    assert "e-res-2015-23#op-1" in refs(searcher.query("cooperation"))
    assert "a-res-74-176#pp-1" in refs(searcher.query("traites"))
    assert refs(searcher.query("office")) == refs(searcher.query("l’Office")) == ["a-res-74-176#op-1"]


def test_english_words(searcher):
    assert refs(searcher.query("trafficking in persons")) == ["projet#p-1"]


def test_symbol_queries_put_the_document_first(searcher):
    for q in ("74/176", "A/RES/74/176", "a/res/74/176"):
        got = searcher.query(q)
        assert got[0]["doc_id"] == "a-res-74-176", q
        assert [r["doc_id"] for r in got].count("a-res-74-176") == 1  # collapsed
        assert "a-74-127#p-1" in refs(got)  # the mention comes after
    assert searcher.query("2015/23")[0]["doc_id"] == "e-res-2015-23"


def test_and_then_or(searcher):
    assert refs(searcher.query("traite coopération")) == ["e-res-2015-23#op-1"]
    assert searcher.query("traite zzzinconnu")  # falls back to OR
    assert searcher.query("zzzinconnu") == []
    assert searcher.query("de la") == []


def test_phrase(searcher):
    assert refs(searcher.query('"Conférence des Parties"')) == ["projet#p-1"]
    assert refs(searcher.query("« conference des parties »")) == ["projet#p-1"]
    assert searcher.query('"parties des conférence"') == []
    got = searcher.query('"l’Office des Nations Unies"')
    assert refs(got) == ["a-res-74-176#op-1"]
    assert "<mark>Office des Nations Unies</mark>" in got[0]["snippet"]


def test_filters(searcher):
    assert refs(searcher.query("coopération", {"type": "report"})) == ["a-74-127#p-1"]
    assert refs(searcher.query("coopération", {"body": ["ECOSOC"]})) == ["e-res-2015-23#op-1"]
    assert refs(searcher.query("coopération", {"year": "2015"})) == ["e-res-2015-23#op-1"]
    assert searcher.query("coopération", {"year": ["1999"]}) == []
    assert len(searcher.query("coopération", {"type": [], "body": ""})) == 2


def test_prefix(searcher):
    assert searcher.query("coopé") == []
    assert {r["ref"] for r in searcher.query("coopé", prefix=True)} == {
        "e-res-2015-23#op-1", "a-74-127#p-1"}
    assert parse_query("coop ", prefix=True).clauses[0].wildcard is False


def test_result_object_and_escaping(searcher):
    (got,) = searcher.query("agir")
    assert got == {
        "ref": "a-res-74-176#op-1",
        "doc_id": "a-res-74-176",
        "title": "Amélioration de la coordination",
        "symbol": "A/RES/74/176",
        "label": "par. 1",
        "snippet": "Prie l’Office des Nations Unies contre la drogue et le crime "
        "&lt;b&gt;d’<mark>agir</mark>&lt;/b&gt;.",
        "url": "documents/a-res-74-176/#op-1",
        "score": got["score"],
        "type": "resolution",
        "body": "GA",
        "year": "2019",
    }


def test_long_text_snippet_window():
    text = ("mot " * 200) + "cible " + ("fin " * 200)
    index, store = build([record("d#p", text)])
    (got,) = Searcher(index, store).query("cible")
    assert got["snippet"].startswith("… ") and got["snippet"].endswith(" …")
    assert "<mark>cible</mark>" in got["snippet"]
    assert len(got["snippet"]) < 330


def test_url_and_escape():
    assert url("a-res-74-176", "op-3") == "documents/a-res-74-176/#op-3"
    assert url("doc é", "") == "documents/doc%20%C3%A9/"
    assert escape("<a href='x'>&\"") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&quot;"


# -------------------------------------------------------- snowball translator


def test_translator_refuses_unknown_constructs():
    source = "class S:\n    def _stem(self):\n        for x in y:\n            pass\n"
    with pytest.raises(TranslationError):
        translate(source, "S")
    source = "class S:\n    def _stem(self):\n        raise lab0()\n"
    with pytest.raises(TranslationError, match="outside"):
        translate(source, "S")


def test_translator_labels_and_statics():
    source = (
        "class S:\n"
        "    g = {'a', 'b'}\n"
        "    I_p = 0\n"
        "    def __r_x(self):\n"
        "        try:\n"
        "            try:\n"
        "                raise lab0()\n"
        "            except lab0: pass\n"
        "            raise lab0()\n"
        "        except lab0: pass\n"
        "        return self.I_p <= self.cursor\n"
    )
    js = translate(source, "S")
    assert "this.I_p = 0;" in js
    assert "S.g = new Set([" in js
    assert "S.prototype.r_x = function () {" in js
    assert js.count("break lab0_") == 2 and "lab0_1: {" in js and "lab0_2: {" in js


def test_the_exact_accented_form_comes_first():
    """``traité`` (treaty) and ``traite`` (trafficking) meet in the index; each prefers its own form."""
    corpus = [record("d#p-1", "La traite des personnes et la coopération."),
              record("d#p-2", "Le traité sur la coopération et la traite."),
              record("d#p-3", "Un traité de paix.")]
    s = Searcher(*build(corpus))
    assert refs(s.query("traité"))[:2] == ["d#p-2", "d#p-3"]
    assert refs(s.query("traite"))[:2] in (["d#p-1", "d#p-2"], ["d#p-2", "d#p-1"])
    assert refs(s.query("traite"))[-1] == "d#p-3"
    assert set(refs(s.query("cooperation"))) == {"d#p-1", "d#p-2"}  # unaccented still finds the accented


def test_snippet_window_shows_the_most_distinct_matched_words():
    from build_scripts.search.query import SNIPPET_CHARS, marks, snippet

    text = ("Notes the situation of migrants " + "in many regions of the world " * 12
            + "and protects women and girls who are migrants and refugees " + "and their families " * 10)
    assert len(text) > SNIPPET_CHARS
    shown = snippet(text, marks(text, {"women", "migr"}, []))
    assert "<mark>women</mark>" in shown and "<mark>migrants</mark>" in shown
    assert shown.startswith("… ")  # the window moved past the first mark, which has one word only
    short = "migrants and women"
    assert snippet(short, marks(short, {"women", "migr"}, [])) == "<mark>migrants</mark> and <mark>women</mark>"
