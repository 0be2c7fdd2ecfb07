"""Search parity: Python (index side) and search.js under node (browser side).

One index is built from the seed texts (paragraphs split on blank lines);
then the same words, texts and queries go through the Python pipeline and
query path and through ``search.js`` (with the lunr.js and generated
``search-support.js`` that :func:`write_assets` ships), and the outputs must
be identical: tokens, offsets, index terms, stems, ranked results, scores
(to 1e-6), snippets and URLs.

Needs ``node``: skipped with a message when it is missing, failed in CI.
"""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
import unicodedata
from pathlib import Path

import lunr
import pytest

from build_scripts.search import Searcher, build, write_assets
from build_scripts.search.assets import lunr_js_version
from build_scripts.search.pipeline import analyze, process_term, stem_term
from build_scripts.search.plain import paragraphs, records_from_text
from build_scripts.search.query import parse_query
from build_scripts.search.text import phrase_key, tokenize

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "search"
RUNNER = FIXTURES / "run_search.js"
SEEDS = tuple(sorted((ROOT / "source_docs").glob("*.txt")))

#: Tricky inputs on top of the seeds (no characters beyond the BMP: offsets
#: count code points in Python and UTF-16 units in JavaScript).
TRICKY_TEXTS = [
    "L’Assemblée générale, l'Office, lʼOffice, l‘Office, qu’elle, jusqu’à, aujourd’hui",
    "A/RES/74/176; E/RES/2015/23, S/RES/2388 (2017), A/C.3/74/L.20. 74/176. et/ou U.N.",
    "E\u0301tats-Unis, Œuvre, cæcum, STRASSE, Straße, İstanbul, ΟΔΟΣ Σ, naïve, ﬁnance",
    "n° 3, 1 000 000, 2,5 %, x², Ⅻ, 日本語のテキスト, مرحبا, snake_case, «guillemets»",
    "  \t\n", "", "’'", "l'", "L’A/RES/74/176", "qu'", "...l'office...",
]
TRICKY_WORDS = [
    "L'Office", "«traités»", "(A/74/127)", "d’action,", "œuvres.", "ÉTATS", "İ", "ΣΑΣ",
    "𝐀bc", "emoji😀", "", "'", "-", "l'", "aujourd'hui", "x²", "a/res/74/176.",
]

#: ≥ 20 queries: plain, unaccented, elided, symbols, phrases, English, filters, prefix.
QUERIES = [
    {"q": "traite des personnes"},
    {"q": "etats membres"},
    {"q": "États Membres"},
    {"q": "cooperation internationale"},
    {"q": "coopération"},
    {"q": "traités"},
    {"q": "traité"},
    {"q": "Traite"},
    {"q": "coeur"},
    {"q": "l’Office des Nations Unies contre la drogue et le crime"},
    {"q": "l'Office"},
    {"q": "oeuvre"},
    {"q": "mise en œuvre"},
    {"q": "74/176"},
    {"q": "A/RES/74/176"},
    {"q": "2015/23"},
    {"q": "E/RES/2015/23"},
    {"q": "résolution 64/293"},
    {"q": "A/74/127"},
    {"q": '"plan d’action mondial"'},
    {"q": '"traite des personnes" enfants'},
    {"q": "« Conférence des Parties »"},
    {"q": '"de la traite'},
    {"q": "trafficking in persons"},
    {"q": "victims"},
    {"q": "Secrétaire général rapport"},
    {"q": "criminalité transnationale organisée"},
    {"q": "vingt-cinquième"},
    {"q": "protocole additionnel", "filters": {"type": "report"}},
    {"q": "traite", "filters": {"body": "ECOSOC"}},
    {"q": "traite", "filters": {"year": ["2015", "2019"], "type": ["resolution"]}},
    {"q": "femmes enfants", "filters": {"type": ["resolution", "draft_resolution"]}},
    {"q": "coopé", "options": {"prefix": True}},
    {"q": "74/1", "options": {"prefix": True}},
    {"q": "traite vict", "options": {"prefix": True}},
    {"q": "xyzzy inexistant"},
    {"q": "traite xyzzy"},
    {"q": "de la"},
    {"q": '"de la"'},
    {"q": "personnes", "options": {"limit": None}},
]


def seed_records():
    meta = json.loads((FIXTURES / "seeds.json").read_text(encoding="utf-8"))
    records = []
    for path in SEEDS:
        fields = dict(meta[path.name[:3]])
        doc_id = fields.pop("doc_id")
        records += records_from_text(doc_id, path.read_text(encoding="utf-8"), **fields)
    return records




@pytest.fixture(scope="module")
def built(tmp_path_factory):
    index, store = build(seed_records())
    folder = tmp_path_factory.mktemp("search")
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    (folder / "store.json").write_text(json.dumps(store, ensure_ascii=False), encoding="utf-8")
    write_assets(folder / "assets")
    return {"index": index, "store": store, "folder": folder}


@pytest.fixture(scope="module")
def searcher(built):
    return Searcher(built["index"], built["store"])


@pytest.fixture(scope="module")
def run_js(node, built):
    def run(spec: dict) -> dict:
        path = built["folder"] / "spec.json"
        path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        proc = subprocess.run(
            [node, str(RUNNER), str(built["folder"] / "assets"), str(path)],
            capture_output=True, text=True, timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    return run


@pytest.fixture(scope="module")
def js_queries(run_js, built):
    folder = built["folder"]
    spec = {
        "index": str(folder / "index.json"),
        "store": str(folder / "store.json"),
        "queries": [{**q, "options": {"limit": 50, **q.get("options", {})}} for q in QUERIES],
    }
    return run_js(spec)


def seed_texts() -> list[str]:
    texts = []
    for path in SEEDS:
        raw = path.read_text(encoding="utf-8")
        texts.append(raw)
        texts += paragraphs(raw)
    return texts


def test_lunr_versions(run_js):
    assert lunr.__TARGET_JS_VERSION__ == "2.3.9"
    assert lunr_js_version() == lunr.__TARGET_JS_VERSION__
    assert run_js({})["lunrVersion"] == lunr.__TARGET_JS_VERSION__


def test_token_parity_on_seed_texts(run_js):
    texts = seed_texts() + TRICKY_TEXTS
    out = run_js({"texts": texts})
    for i, text in enumerate(texts):
        expected = [[t.term, t.start, t.end, t.alias] for t in tokenize(text)]
        assert out["tokens"][i] == expected, text[:80]
        assert out["analyzed"][i] == analyze(text), text[:80]
        assert out["phraseKeys"][i] == phrase_key(text), text[:80]


def test_term_parity_on_every_seed_word(run_js):
    words = set(TRICKY_WORDS)
    for text in seed_texts():
        words.update(text.split())  # raw chunks: punctuation, apostrophes, symbols
        words.update(t.term for t in tokenize(text))
    words = sorted(words)
    assert len(words) > 3000
    out = run_js({"words": words})
    mismatches = [(w, process_term(w), js) for w, js in zip(words, out["terms"]) if process_term(w) != js]
    assert mismatches == []


def test_parity_on_random_text(run_js):
    """Random strings of assigned BMP characters, biased to apostrophes, symbols, accents."""
    rng = random.Random(20240501)
    pool = [chr(c) for c in range(0x20, 0x3000) if unicodedata.category(chr(c)) not in ("Cn", "Cs", "Co")]
    pool += list("l'’ʼ/.-0123456789 ") * 30 + list("aeéèàçœuioqs") * 50
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 30))) for _ in range(4000)]
    out = run_js({"texts": texts, "words": texts})
    for i, text in enumerate(texts):
        assert out["tokens"][i] == [[t.term, t.start, t.end, t.alias] for t in tokenize(text)], text
        assert out["analyzed"][i] == analyze(text), text
        assert out["terms"][i] == process_term(text), text


def test_stemmer_parity_beyond_the_seeds(run_js):
    """Seed words with French endings swapped in: exercises every suffix table."""
    endings = (
        "ation ations ement ements issement ique iques euse euses eux oux aux eaux ité "
        "ités ière ier ières iers ant ante ants amment emment ions erions assiez èrent ée "
        "ées és é er ir irait issaient aient ais ait ance ences logie logies usion ution "
        "ateur atrice if ive ives ifs able ables isme iste e es s x"
    ).split()
    stems = sorted({t.term for text in seed_texts() for t in tokenize(text) if t.term.isalpha()})
    # Every 8th seed word with each ending (the pure-Python stemmer takes ~0.2 ms a word).
    words = sorted({w[: max(2, len(w) - 2)] + e for w in stems[::8] for e in endings} | set(stems))
    assert len(words) > 10000
    out = run_js({"stems": words})
    mismatches = [(w, stem_term(w), js) for w, js in zip(words, out["stems"]) if stem_term(w) != js]
    assert mismatches == []


@pytest.mark.parametrize("number", range(len(QUERIES)))
def test_query_parity(searcher, js_queries, number):
    spec = QUERIES[number]
    options = {"limit": 50, **spec.get("options", {})}
    expected = searcher.query(spec["q"], spec.get("filters"), **options)
    got = js_queries["results"][number]
    assert [r["ref"] for r in got] == [r["ref"] for r in expected]
    for js, py in zip(got, expected):
        assert js["score"] == pytest.approx(py["score"], abs=1e-6)
        assert {**js, "score": 0} == {**py, "score": 0}
    # Raw lunr hits (before phrase check, filters, pinning): same refs and scores.
    parsed = parse_query(spec["q"], options.get("prefix", False))
    raw = searcher.lunr(parsed.clauses, True) if parsed.clauses else []
    py_raw = {hit["ref"]: hit["score"] for hit in raw}
    js_raw = dict(js_queries["raw"][number])
    assert js_raw.keys() == py_raw.keys()
    for ref, score in py_raw.items():
        assert js_raw[ref] == pytest.approx(score, abs=1e-6)


def test_queries_find_what_they_should(searcher, js_queries):
    """The parity above would also hold for a broken search: check the outcomes."""
    results = {q["q"]: r for q, r in zip(QUERIES, js_queries["results"])}
    docs = {q: [r["doc_id"] for r in res] for q, res in results.items()}
    assert docs["A/RES/74/176"][0] == "a-res-74-176"
    assert docs["74/176"][0] == "a-res-74-176"
    assert docs["2015/23"][0] == docs["E/RES/2015/23"][0] == "e-res-2015-23"
    assert docs["A/74/127"][0] == "a-74-127"
    assert docs["A/RES/74/176"].count("a-res-74-176") == 1
    assert results["etats membres"] and [r["ref"] for r in results["etats membres"]] == [
        r["ref"] for r in results["États Membres"]]
    assert [r["ref"] for r in results["l'Office"]] == [
        r["ref"] for r in searcher.query("office")]
    assert results["cooperation internationale"] and results["traités"] and results["victims"]
    assert all(r["doc_id"] == "a-74-127" for r in results["protocole additionnel"])
    filtered = {(q["q"], json.dumps(q.get("filters"))): r for q, r in zip(QUERIES, js_queries["results"])}
    assert filtered[("traite", '{"body": "ECOSOC"}')]
    assert all(r["body"] == "ECOSOC" for r in filtered[("traite", '{"body": "ECOSOC"}')])
    year_type = filtered[("traite", '{"year": ["2015", "2019"], "type": ["resolution"]}')]
    assert {(r["year"], r["type"]) for r in year_type} == {("2015", "resolution"), ("2019", "resolution")}
    assert results['"plan d’action mondial"']
    for r in results['"plan d’action mondial"']:
        assert re.search(r"<mark>plan d['’]action mondial</mark>", html.unescape(r["snippet"]), re.I)
    assert results["xyzzy inexistant"] == [] and results["de la"] == [] and results['"de la"'] == []
    assert results["traite xyzzy"]  # AND found nothing: OR
    assert results["coopé"] and results["74/1"]
    assert len(results["personnes"]) > 50  # limit None


BROWSER_LOAD = r"""
const fs = require("fs"), path = require("path"), vm = require("vm");
const [assets, indexPath, storePath] = process.argv.slice(1);
const window = {};
window.self = window; window.window = window;
const context = vm.createContext(window);
for (const name of ["lunr.js", "search-support.js", "search.js"]) {
  vm.runInContext(fs.readFileSync(path.join(assets, name), "utf8"), context, { filename: name });
}
window.ArchiveSearch.load(fs.readFileSync(indexPath, "utf8"), fs.readFileSync(storePath, "utf8"));
const hits = window.ArchiveSearch.query("A/RES/74/176");
process.stdout.write(JSON.stringify({ globals: Object.keys(window).sort(), first: hits[0].ref }));
"""


def test_scripts_load_as_plain_browser_scripts(node, built):
    """No CommonJS: the three files define window.lunr, ArchiveSearchSupport, ArchiveSearch."""
    folder = built["folder"]
    proc = subprocess.run(
        [node, "-e", BROWSER_LOAD, str(folder / "assets"), str(folder / "index.json"),
         str(folder / "store.json")],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert {"lunr", "ArchiveSearchSupport", "ArchiveSearch"} <= set(out["globals"])
    assert out["first"].startswith("a-res-74-176#")
