"""Integration: build the whole site from the seeds with `mkdocs build --strict`."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest


pytestmark = pytest.mark.site

SEED_IDS = ["a-74-127", "a-res-74-176", "e-res-2015-23", "projet-belarus-f33632ee", "projet-colombie-c5c9048f"]


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.scripts = set(), [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse_html(path):
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(built_site):
    return built_site


def test_every_seed_has_a_page_with_its_paragraph_ids(site):
    expected = {"a-res-74-176": ["pp-1", "pp-8-a", "op-3", "op-26", "fn-1", "fn-23"],
                "a-74-127": ["summary", "sec-iii-a-1", "para-1", "para-139", "para-139-d-i", "fn-star"],
                "e-res-2015-23": ["pp-2-f", "op-11", "fn-3"],
                "projet-colombie-c5c9048f": ["pp-16", "op-18", "fn-6"],
                "projet-belarus-f33632ee": ["pp-5-f", "op-19", "fn-1"]}
    for doc_id, ids in expected.items():
        page = site / "documents" / doc_id / "index.html"
        assert page.exists(), doc_id
        found = parse_html(page).ids
        missing = [i for i in ids if i not in found]
        assert not missing, f"{doc_id}: missing ids {missing}"


def test_internal_links_and_anchors_resolve(site):
    """Every relative link of every generated page lands on an existing file and id."""
    pages = list((site / "documents").glob("*/index.html")) + list((site / "parcourir").rglob("index.html"))
    assert len(pages) >= 10
    for page in pages:
        for href in parse_html(page).hrefs:
            if re.match(r"^(https?:|mailto:|javascript:)", href):
                assert not href.startswith("javascript:"), f"{page}: {href}"
                continue
            target, _, anchor = href.partition("#")
            dest = (page.parent / target).resolve() if target else page
            if dest.is_dir():
                dest = dest / "index.html"
            assert dest.exists(), f"{page.relative_to(site)} links to missing {href}"
            if anchor and dest.suffix == ".html":
                assert anchor in parse_html(dest).ids, f"{page.relative_to(site)}: no #{anchor} in {dest.relative_to(site)}"


def test_json_api(site):
    index = json.loads((site / "api" / "documents.json").read_text(encoding="utf-8"))
    assert sorted(d["id"] for d in index["documents"]) == sorted(SEED_IDS)
    for entry in index["documents"]:
        record = json.loads((site / entry["json"]).read_text(encoding="utf-8"))
        assert record["id"] == entry["id"] and record["symbol"] == entry["symbol"]
        assert record["paragraphs"] and all({"id", "kind", "number", "parent", "text"} <= set(p) for p in record["paragraphs"])
        assert (site / entry["url"] / "index.html").exists()
    resolution = json.loads((site / "api/documents/a-res-74-176.json").read_text(encoding="utf-8"))
    assert resolution["date"] == "2019-12-18" and resolution["session"] == "74"
    op3 = next(p for p in resolution["paragraphs"] if p["id"] == "op-3")
    assert op3["kind"] == "operative" and op3["number"] == "3" and op3["text"].startswith("Rappelle la tenue")


def test_listings_and_home(site):
    listing = (site / "parcourir/type/resolutions/index.html").read_text(encoding="utf-8")
    assert "A/RES/74/176" in listing and "E/RES/2015/23" in listing
    assert listing.index("A/RES/74/176") < listing.index("E/RES/2015/23"), "newest first"
    for path in ["parcourir/organe/assemblee-generale", "parcourir/annee/2019", "parcourir/session/74",
                 "parcourir/type/projets-de-resolution", "parcourir/type/rapports"]:
        assert (site / path / "index.html").exists(), path
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Derniers documents" in home and "A/RES/74/176" in home
    assert 'lang="fr"' in home


def test_documents_are_not_in_the_navigation(site):
    """No page embeds the list of every document: the nav holds hand-written pages only."""
    page = (site / "a-propos/index.html").read_text(encoding="utf-8")
    for doc_id in SEED_IDS:
        assert f"documents/{doc_id}/" not in page


def test_french_ui(site):
    page = (site / "documents/a-res-74-176/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page
    assert "18 décembre 2019" in page and "Assemblée générale" in page


def test_series_comparisons_and_lineage(site):
    """The seeds form one series; comparison pages, lineage notes and the series API exist."""
    series = json.loads((site / "api/series/coordination-de-l-action-contre-la-traite-des-personnes.json").read_text(encoding="utf-8"))
    order = [d["id"] for d in series["documents"]]
    assert order == ["projet-belarus-f33632ee", "e-res-2015-23", "projet-colombie-c5c9048f", "a-74-127", "a-res-74-176"]
    assert series["reports"] == ["a-74-127"]
    entry = next(a for a in series["alignments"] if a["a"] == "projet-colombie-c5c9048f" and a["b"] == "a-res-74-176")
    assert "pairs" not in entry and entry["json"] == "api/comparisons/projet-colombie-c5c9048f/a-res-74-176.json"
    pair = json.loads((site / entry["json"]).read_text(encoding="utf-8"))  # one file per alignment
    assert pair["counts"] == entry["counts"] and pair["url"] == "comparaisons/projet-colombie-c5c9048f/a-res-74-176/"
    assert pair["counts"]["changed"] >= 5 and sum(pair["counts"].values()) == len(pair["pairs"])
    page = site / "comparaisons/projet-colombie-c5c9048f/a-res-74-176/index.html"
    html = page.read_text(encoding="utf-8")
    assert "<del>" in html and "<ins>" in html and "[supprimé : " in html
    ids = parse_html(site / "documents/a-res-74-176/index.html")
    record = json.loads((site / "api/documents/a-res-74-176.json").read_text(encoding="utf-8"))
    assert record["series"] == series["id"]
    assert record["lineage"]["pp-1"]["doc"] == "projet-colombie-c5c9048f"
    # the Global Report: the Bélarus draft's op. 16 is op. 25 of 74/176; 2015/23 op. 5 is the Colombia draft's op. 4
    assert (record["lineage"]["op-25"]["doc"], record["lineage"]["op-25"]["paragraphs"]) == ("projet-belarus-f33632ee", ["op-16"])
    colombia = json.loads((site / "api/documents/projet-colombie-c5c9048f.json").read_text(encoding="utf-8"))
    assert (colombia["lineage"]["op-4"]["doc"], colombia["lineage"]["op-4"]["paragraphs"]) == ("e-res-2015-23", ["op-5"])
    # the trust fund: 2015/23 pp. 8 is 74/176 pp. 36
    assert (record["lineage"]["pp-36"]["doc"], record["lineage"]["pp-36"]["paragraphs"]) == ("e-res-2015-23", ["pp-8"])
    # the World Day paragraph crossed from the Colombia draft's preamble to the operative part
    assert record["lineage"]["op-6"] | {"similarity": 0} == {"doc": "projet-colombie-c5c9048f", "paragraphs": ["pp-8"],
                                                            "status": "moved", "edited": True, "similarity": 0}
    # the Global Plan's aims a)-f) are not in the Colombia draft: traced back to 2015/23
    assert record["lineage"]["pp-8-a"] | {"similarity": 0} == {"doc": "e-res-2015-23", "paragraphs": ["pp-2-a"], "status": "changed",
                                                              "edited": False, "similarity": 0}
    doc_html = (site / "documents/a-res-74-176/index.html").read_text(encoding="utf-8")
    assert "Version précédente" in doc_html and 'class="lineage"' in doc_html
    series_page = site / "series" / series["id"] / "index.html"
    assert f'href="../../series/{series["id"]}/"' in doc_html, "the document links to its series page"
    series_links = parse_html(series_page).hrefs
    assert "../../documents/a-res-74-176/" in series_links and "../../documents/a-74-127/" in series_links
    assert "../../comparaisons/projet-colombie-c5c9048f/a-res-74-176/" in series_links
    assert "18 décembre 2019" in series_page.read_text(encoding="utf-8")
    assert "serie" in ids.ids


def test_entity_pages_list_the_right_paragraphs(site):
    colombie = parse_html(site / "etats/colombie/index.html").hrefs
    assert "../../documents/a-74-127/#para-6" in colombie
    assert "../../documents/projet-colombie-c5c9048f/" in colombie, "the draft it presents"
    onudc = parse_html(site / "organisations/onudc/index.html").hrefs
    for target in ["a-res-74-176/#op-9", "a-74-127/#para-36", "e-res-2015-23/#pp-5", "projet-belarus-f33632ee/#op-5"]:
        assert f"../../documents/{target}" in onudc, target
    plan = parse_html(site / "instruments/plan-d-action-mondial/index.html").hrefs
    for target in ["e-res-2015-23/#pp-1", "a-res-74-176/#pp-7", "projet-colombie-c5c9048f/#pp-9"]:
        assert f"../../documents/{target}" in plan, target
    assert "../../documents/a-res-74-176/#fn-2" in parse_html(site / "odd/5-2/index.html").hrefs
    draft = (site / "documents/projet-colombie-c5c9048f/index.html").read_text(encoding="utf-8")
    assert 'href="../../etats/colombie/"' in draft, "sponsor linked to its State page"
    record = json.loads((site / "api/documents/a-74-127.json").read_text(encoding="utf-8"))
    palestine = next(e for e in record["entities"] if e["slug"] == "etat-de-palestine")
    assert palestine["paragraphs"] == ["para-3"] and palestine["kind"] == "state"
    for kind in ("etats", "organisations", "instruments", "odd"):
        assert (site / kind / "index.html").exists()


def test_references_cited_by_and_stub_pages(site):
    page = site / "documents/a-res-74-176/index.html"
    hrefs = parse_html(page).hrefs
    assert "../a-res-68-192/" in hrefs, "a cited resolution outside the archive has a page at the same URL scheme"
    assert "../a-74-127/" in hrefs, "footnote 18 (A/74/127) links to the report in the archive"
    assert "../a-hrc-res-32-3/" in hrefs and "../e-res-2017-18/" in hrefs
    html = page.read_text(encoding="utf-8")
    assert 'id="cite"' in html and 'id="cite-par"' in html
    stub = (site / "documents/a-res-68-192/index.html").read_text(encoding="utf-8")
    assert "https://undocs.org/fr/A/RES/68/192" in stub and "hors de l’archive" in stub
    stub_links = parse_html(site / "documents/a-res-68-192/index.html").hrefs
    for citing in ["../a-res-74-176/#op-4", "../e-res-2015-23/#pp-10", "../projet-colombie-c5c9048f/#pp-8"]:
        assert citing in stub_links, citing
    report = parse_html(site / "documents/a-74-127/index.html").hrefs
    assert "../a-res-74-176/#fn-18" in report, "the report lists who cites it"
    record = json.loads((site / "api/documents/a-res-74-176.json").read_text(encoding="utf-8"))
    targets = {r["target"] for r in record["references"]}
    assert {"A/HRC/RES/32/3", "E/RES/2017/18", "E/CN.15/RES/27/2", "CTOC/COP/RES/9/1", "A/RES/64/293"} <= targets
    assert not any(t.startswith("E/RES/2015/18") for t in targets), "2015-2018 is a period, not a resolution"
    assert all(not r["text"].lower().startswith("cible") for r in record["references"])
    stub_record = json.loads((site / "api/documents/a-res-68-192.json").read_text(encoding="utf-8"))
    assert stub_record["in_archive"] is False and len(stub_record["cited_by"]) >= 5
    # a title the citing texts give ("… intitulée « … »") is shown on the stub
    ecosoc = json.loads((site / "api/documents/e-res-2013-41.json").read_text(encoding="utf-8"))
    assert ecosoc["title"].startswith("Mise en œuvre du Plan d’action mondial des Nations Unies")
    assert "Mise en œuvre du Plan d’action mondial" in (site / "documents/e-res-2013-41/index.html").read_text(encoding="utf-8")


def test_french_words_on_home_and_document_pages(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "</strong> rapport</a>" in home and "</strong> rapports</a>" not in home  # one report: singular
    page = (site / "documents/a-res-74-176/index.html").read_text(encoding="utf-8")
    assert 'id="cite">Textes cités' in page and ">Cite<" not in page


def test_footer_is_french_only(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in home and "Textes : Organisation des Nations Unies" in home


def test_a_draft_without_symbol_is_named_as_a_draft(site):
    """Not by the title it shares with the resolution: « Projet de résolution (Bélarus, 2013) »."""
    page = (site / "documents/projet-belarus-f33632ee/index.html").read_text(encoding="utf-8")
    assert "<title>Projet de résolution (Bélarus, 2013) — Amélioration" in page
    assert '<span class="doc-head__symbol">Projet de résolution (Bélarus, 2013)</span>' in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Projet de résolution (Colombie, 2018)</span>" in home
    belarus = (site / "etats/belarus/index.html").read_text(encoding="utf-8")
    assert ">Projet de résolution (Bélarus, 2013)</a> — Amélioration" in belarus, "the sponsor's page names its draft"


def test_every_document_named_in_a_footnote_is_a_link(site):
    """Each reference the citation stage finds in a footnote of a seed (``Résolution 70/1.``,
    ``Résolutions 55/67, 58/137 …``, ``A/74/127.``, ``E/2002/68/Add.1.``) is a link in that footnote."""
    from build_scripts.citations import references_of
    from tests.conftest import SEEDS, normalize_file

    checked = 0
    for doc in (normalize_file(p).document for p in SEEDS):
        html = (site / "documents" / doc.meta.id / "index.html").read_text(encoding="utf-8")
        for pid, ref in references_of(doc):
            if not pid.startswith("fn-"):
                continue
            found = re.search(rf'<p[^>]*id="{pid}"[^>]*>(.*?)</p>', html, re.S)
            assert found, f"{doc.meta.id}: footnote {pid} is not on the page"
            hrefs = re.findall(r'href="\.\./([^"#]+)/', found.group(1))
            assert ref.target.slug in hrefs, f"{doc.meta.id} {pid}: {ref.target} is not linked in « {found.group(1)[:160]} »"
            checked += 1
    assert checked >= 25, checked


def test_texts_of_another_body_are_related_texts_and_new_paragraphs_say_so_quietly(site):
    series = (site / "series/coordination-de-l-action-contre-la-traite-des-personnes/index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr>.*?E/RES/2015/23.*?</tr>", series, re.S).group(0)
    assert "texte apparenté : Conseil économique et social" in row
    assert "avec le texte précédent" in row and "avec la version précédente" not in row
    draft = (site / "documents/projet-colombie-c5c9048f/index.html").read_text(encoding="utf-8")
    assert "Texte apparenté précédent" in draft and "Version précédente" not in draft
    assert "proche du texte apparenté 2015/23 (Conseil économique et social)" in draft
    resolution = (site / "documents/a-res-74-176/index.html").read_text(encoding="utf-8")
    assert "Version précédente" in resolution, "two General Assembly texts are versions of one another"
    news = re.findall(r'<span class="lineage lineage--new"[^>]*>(.*?)</span></span>', resolution, re.S)
    assert news and all(re.sub(r"<[^>]+>", "", n).startswith("↳ nouveau") for n in news)
    compared = (site / "comparaisons/e-res-2015-23/projet-colombie-c5c9048f/index.html").read_text(encoding="utf-8")
    assert "Deux textes apparentés de deux organes" in compared
    assert "<h1" in compared and "E/RES/2015/23 →" in compared


def test_site_url_gives_canonical_links_and_a_full_sitemap(site):
    page = (site / "documents/a-res-74-176/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="http://127.0.0.1:8000/documents/a-res-74-176/">' in page
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "http://127.0.0.1:8000/documents/a-res-74-176/" in urls
    assert all(u.startswith("http://127.0.0.1:8000/") for u in urls)
    assert len([u for u in urls if "/documents/" in u]) >= len(SEED_IDS)


def test_csl_items_are_site_relative_unless_the_site_is_published(site):
    item = json.loads((site / "api/csl/a-res-74-176.json").read_text(encoding="utf-8"))[0]
    assert item["URL"] == "documents/a-res-74-176/"  # the local default address is no published one


def test_a_published_site_gives_its_address_to_what_is_read_outside_it(tmp_path, site):
    """With ``ARCHIVE_SITE_URL`` set, the CSL-JSON items (imported into reference managers, far from
    the site) carry the page's full address, as do the canonical links and the sitemap; the 404 page
    takes the sub-path as its root. Built first with the local default in the same folder, so that the
    build cache is warm: the address is part of what the cached build is keyed by."""
    from tests.support.sitebuild import build_site

    _, proc = build_site(tmp_path)
    assert proc.returncode == 0, proc.stderr
    out, proc = build_site(tmp_path, env={"ARCHIVE_SITE_URL": "https://example.org/archive/"})
    assert proc.returncode == 0, proc.stderr
    for doc_id in SEED_IDS:
        item = json.loads((out / f"api/csl/{doc_id}.json").read_text(encoding="utf-8"))[0]
        assert item["URL"] == f"https://example.org/archive/documents/{doc_id}/"
        assert (out / f"api/documents/{doc_id}.json").read_bytes() == (site / f"api/documents/{doc_id}.json").read_bytes()
    page = (out / "documents/a-res-74-176/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/archive/documents/a-res-74-176/">' in page
    urls = re.findall(r"<loc>([^<]+)</loc>", (out / "sitemap.xml").read_text(encoding="utf-8"))
    assert urls and all(u.startswith("https://example.org/archive/") for u in urls)
    assert '<base href="/archive/">' in (out / "404.html").read_text(encoding="utf-8")


def test_site_url_is_set_by_archive_site_url(monkeypatch):
    from mkdocs.config import load_config

    from tests.conftest import ROOT

    monkeypatch.setenv("ARCHIVE_SITE_URL", "https://example.org/archive/")
    assert load_config(str(ROOT / "mkdocs.yml")).site_url == "https://example.org/archive/"
    monkeypatch.delenv("ARCHIVE_SITE_URL")
    assert load_config(str(ROOT / "mkdocs.yml")).site_url == "http://127.0.0.1:8000/"


def test_the_fiche_offers_the_source_text_for_download(site):
    from tests.conftest import SEEDS, normalize_file

    for path in SEEDS:
        doc = normalize_file(path).document
        copy = site / "sources" / f"{doc.meta.id}.txt"
        assert copy.read_bytes() == path.read_bytes(), f"{copy} is not the raw text as received"
        page = (site / "documents" / doc.meta.id / "index.html").read_text(encoding="utf-8")
        assert f'href="../../sources/{doc.meta.id}.txt" download="{path.name}"' in page


def test_a_footnote_marked_with_an_asterisk_is_named_by_its_marker(site):
    """« note * », not the id's « note star », wherever a footnote is named (« Textes cités »,
    entity pages)."""
    page = (site / "documents/a-74-127/index.html").read_text(encoding="utf-8")
    assert 'href="#fn-star">note *</a>' in page and "note star" not in page
