"""Real browser (Playwright + Debian's Chromium): the header search box."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.site]


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(base_url + "citer/")
    yield pg
    assert not errors, errors
    context.close()


def search(page, query: str, kind: str = "para", typed: bool = True) -> list[dict]:
    """Type *query* into the header box like a reader (or, ``typed=False``, paste it: one input
    event, so that no partial query — ``Kh``, ``human r`` — runs on a slow machine, where
    keystrokes come further apart than the box's 60 ms pause); return the results shown: the
    paragraph links (*kind* ``para``) or the document lines (``doc``), each with its group's document."""
    box = page.locator("#archive-search-input")
    box.click()
    box.fill("")
    if typed:
        page.keyboard.type(query)
    else:
        box.fill(query)
    page.wait_for_function("q => document.querySelector('[data-search-status]').textContent.includes('« ' + q + ' »')", arg=query)
    return page.eval_on_selector_all(f".archive-search__result--{kind}", """els => els.map(a => ({
        href: a.getAttribute('href'), doc: a.closest('li').querySelector('.archive-search__doc').textContent,
        where: a.querySelector('.archive-search__where').textContent,
        marks: Array.from(a.querySelectorAll('mark')).map(m => m.textContent)}))""")


def test_index_is_loaded_lazily(page):
    loaded = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    assert not any("/search/" in name for name in loaded), "no search file on a plain page view"
    assert page.locator(".md-search").count() == 0, "Material's own search is replaced, not doubled"
    search(page, "traite")
    loaded = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    assert any("search/meta.json" in name for name in loaded) and any("search/terms/" in name for name in loaded)


def _bucket_paths(site, words):
    """The term buckets a query of *words* needs, computed here from the built site's meta.json."""
    import json

    from build_scripts.search.pipeline import process_term
    from build_scripts.search.shards import bucket

    meta = json.loads((site / "search" / "meta.json").read_text(encoding="utf-8"))
    keys = {process_term(w) for w in words} - {None}
    return {f"search/terms/{bucket(k, meta['buckets'])}.json" for k in keys}, meta


@pytest.mark.parametrize("query", ["Khartoum", "traite des personnes", "États Membres"])
def test_a_query_fetches_only_the_parts_it_needs(browser, base_url, built_site, query):
    """Network requests observed: the query's own term buckets, then the texts of the results shown;
    no other bucket, no prefix table, no filter list, and nothing of the monolithic kind."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.goto(base_url + "citer/")
    requests = []
    pg.on("request", lambda r: requests.append(r.url.split(base_url, 1)[-1]))
    search(pg, query, typed=False)  # the requests of this query alone
    wanted, meta = _bucket_paths(built_site, query.lower().split())
    terms = {r for r in requests if r.startswith("search/terms/")}
    assert terms == wanted, (terms, wanted)
    assert len(terms) < meta["buckets"] / 3, "a query fetches a small part of the index"
    assert not [r for r in requests if r.startswith(("search/prefix/", "search/facets/"))]
    docs = [r for r in requests if r.startswith("search/docs/")]
    groups = pg.locator(".archive-search__group").count()
    assert groups and 0 < len(docs) <= groups * 4, "the texts of the results shown, not of every match"
    assert {r for r in requests if r.startswith("search/")} == terms | set(docs) | {"search/meta.json"}
    context.close()


def test_plain_word_with_stemming(page):
    results = search(page, "traites")
    assert len(results) >= 5
    assert int(page.text_content("[data-search-status]").split(", ")[1].split()[0]) >= 20
    assert any("traite" in m.lower() for r in results for m in r["marks"])


def test_unaccented_query_finds_accented_text(page):
    results = search(page, "etats membres cooperation")
    assert results, "no result"
    marks = {m for r in results for m in r["marks"]}
    assert "États" in marks and any(m.startswith("coopér") for m in marks)


def test_phrase_search(page):
    results = search(page, '"Journée mondiale de la lutte contre la traite"')
    assert results
    for r in results:
        assert any("Journée" in m for m in r["marks"]), r
    status = page.text_content("[data-search-status]")
    docs = {r["doc"] for r in results}
    shown_all = page.locator(".archive-search__more").count() == 0  # at most three paragraphs per document shown
    assert status.startswith(f"{len(docs)} document")
    if shown_all:
        assert f", {len(results)} paragraphe" in status


def test_results_are_grouped_by_document_with_true_counts(page):
    """Each document once, its best paragraphs under it, the true numbers in the status."""
    search(page, "traite")
    groups = page.eval_on_selector_all(".archive-search__group", """els => els.map(li => ({
        doc: li.querySelector('.archive-search__doc').textContent,
        paras: li.querySelectorAll('.archive-search__result--para').length,
        more: (li.querySelector('.archive-search__more') || {}).textContent || ''}))""")
    assert len({g["doc"] for g in groups}) == len(groups) >= 4
    assert all(g["paras"] <= 3 for g in groups) and any("autres paragraphes dans ce document" in g["more"] for g in groups)
    status = page.text_content("[data-search-status]")
    counted = sum(g["paras"] + int(g["more"].split()[0]) if g["more"] else g["paras"] for g in groups)
    assert status.startswith(f"{len(groups)} documents, {counted} paragraphes")
    assert int(status.split(", ")[1].split()[0]) > 50, "not capped at the display limit"


def test_symbol_puts_the_document_first(page):
    for query, doc in [("74/176", "A/RES/74/176"), ("A/RES/74/176", "A/RES/74/176"), ("2015/23", "E/RES/2015/23")]:
        results = search(page, query, kind="doc")
        assert results[0]["doc"].startswith(doc), (query, results[0])
        assert "#" not in results[0]["href"], "the document opens at its top, no paragraph marked as cited"


def test_filter_by_type(page):
    search(page, "Office")
    page.select_option("select[data-filter='type']", "report")
    page.wait_for_timeout(200)
    docs = page.eval_on_selector_all(".archive-search__doc", "els => els.map(e => e.textContent)")
    assert docs and all(d.startswith("A/74/127") for d in docs)


def test_nothing_found_says_so(page):
    results = search(page, "zzzxqw")
    assert results == []
    assert "Aucun résultat" in page.text_content("[data-search-status]")


def test_keyboard_to_result_and_highlighted_paragraph(page, base_url):
    results = search(page, "Khartoum")
    assert results
    page.keyboard.press("ArrowDown")  # the first document's line, then its first paragraph
    assert page.evaluate("document.activeElement.getAttribute('href')") == results[0]["href"].split("#")[0]
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == results[0]["href"]
    page.keyboard.press("Enter")
    anchor = focused.split("#", 1)[1]
    page.wait_for_function(f"document.getElementById('{anchor}') && document.getElementById('{anchor}').classList.contains('is-target')")
    assert "Khartoum" in page.text_content(f"#{anchor}")
    assert page.evaluate("document.activeElement.id") == anchor


def test_search_page_without_header_box_interaction(browser, base_url):
    pg = browser.new_page()
    pg.goto(base_url + "recherche/?q=Bangkok")
    pg.wait_for_function("document.querySelector('[data-search-status]').textContent.includes('Bangkok')")
    assert pg.locator("[data-archive-search-page] .archive-search__result--para").count() >= 1
    pg.close()


def test_enter_opens_the_results_page_which_can_be_shared(browser, base_url):
    pg = browser.new_page()
    pg.goto(base_url)
    box = pg.locator("#archive-search-input")
    box.click()
    pg.keyboard.type("traite")
    pg.wait_for_function("document.querySelector('[data-search-status]').textContent.includes('traite')")
    pg.keyboard.press("Enter")
    pg.wait_for_url("**/recherche/?q=traite")
    pg.wait_for_function("document.querySelector('[data-search-status]').textContent.includes('« traite »')")
    shown = pg.locator("[data-archive-search-page] .archive-search__group").count()
    assert shown >= 4
    # the address holds the filters too, and opening it again gives the same results
    pg.select_option("[data-archive-search-page] select[data-filter='type'], select[data-filter='type']", "report")
    pg.wait_for_function("location.search.includes('type=report')")
    shared = pg.url
    other = browser.new_page()
    other.goto(shared)
    other.wait_for_function("document.querySelector('[data-search-status]').textContent.includes('« traite »')")
    docs = other.eval_on_selector_all(".archive-search__doc", "els => els.map(e => e.textContent)")
    assert docs and all(d.startswith("A/74/127") for d in docs)
    other.close()
    pg.close()


@pytest.fixture(scope="module")
def head_site(built_site, tmp_path_factory):
    """The built site with the search files of the 66 texts at hand, common words given heads of 20
    documents and frequent pairs of them theirs (what a large archive's common words get): served,
    with the monolithic searcher."""
    from build_scripts import corpus as corpus_mod
    from build_scripts.search import Searcher, build
    from build_scripts.search.shards import shard_files
    from build_scripts.search.stage import facets, records
    from build_scripts.sources import read_source
    from tests.conftest import FIXTURES, SEEDS, normalize_file
    from tests.support.browser import serve

    docs = [normalize_file(p).document for p in SEEDS] + [read_source(p).document
                                                         for p in sorted((FIXTURES / "real").glob("*/*.txt"))]
    corpus = corpus_mod.build(docs)
    recs = records(corpus)
    root = tmp_path_factory.mktemp("head-site")
    for entry in built_site.iterdir():
        if entry.name != "search":
            (root / entry.name).symlink_to(entry)
    for path, text in shard_files(recs, labels=facets(corpus), head_min=20, head_docs=20, pair_min=5, pair_seen=3):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    url, server = serve(root)
    yield url, Searcher(*build(recs))
    server.shutdown()


@pytest.mark.parametrize("query", ["rights", "human rights", "human rights council"])
def test_a_common_word_is_answered_by_its_head(browser, head_site, query):
    """One common word: its head (no whole list fetched), the same first documents and the true counts
    as the whole index; two: the same, from their pair's head; three: from tier maps, impact tiers and
    record sets (no whole list either)."""
    url, monolithic = head_site
    pg = browser.new_page()
    pg.goto(url + "citer/")
    requests = []
    pg.on("request", lambda r: requests.append(r.url.split(url, 1)[-1]))
    search(pg, query, typed=False)  # the requests of this query alone
    full = monolithic.query(query, limit=None)
    docs = []
    for r in full:
        line = (r["symbol"] + " — " if r["symbol"] else "") + r["title"]
        if line not in docs:
            docs.append(line)
    paragraphs = sum(r["label"] != "document" for r in full)
    status = pg.text_content("[data-search-status]")
    assert status.startswith(f"{len(docs)} documents, {paragraphs} paragraphes"), status
    assert len(docs) > (20 if " " not in query else 5)
    shown = pg.eval_on_selector_all(".archive-search__doc", "els => els.map(e => e.textContent)")
    assert shown == docs[:20]
    assert not [r for r in requests if r.startswith("search/tails/")]
    tiers = {r.split("/")[1] for r in requests if r.startswith(("search/tiers/", "search/sets/", "search/maps/"))}
    if query.count(" ") == 2:  # the maps and tiers for the first documents, the record sets for the counts
        assert tiers == {"tiers", "sets", "maps"}
    else:
        assert not tiers
    assert any(r.startswith("search/pairs/") for r in requests) == (query.count(" ") == 1)
    pg.close()
