"""The site built strictly with the real documents added to the seeds, as a user adding a batch would.

A temporary ``source_docs/`` holds the five seeds (with their sidecars) and
the 61 real documents of ``fixtures/real/en`` and ``en-more``; ``mkdocs build --strict``
must pass, every real document gets its page and JSON, and the
draft -> resolution pairs of the corpus get their comparison pages.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.support.sitebuild import ROOT, build_site

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "en"
MORE = REAL.parent / "en-more"
pytestmark = pytest.mark.site

#: Draft -> adopted resolution, as the corpus README confirms them (mastheads and paragraphs).
PAIRS = [("a-80-l-4", "a-res-80-3"), ("a-80-l-10", "a-res-80-8"), ("a-80-l-11", "a-res-80-10"),
         ("a-80-l-24", "a-res-80-115"), ("a-c-1-80-l-7", "a-res-80-27"), ("a-c-1-80-l-8", "a-res-80-29"),
         ("a-c-4-80-l-2", "a-res-80-88")]


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("real-site")
    sources = work / "sources"
    sources.mkdir()
    for path in list((ROOT / "source_docs").iterdir()) + list(REAL.glob("*.txt")) + list(MORE.glob("*.txt")):
        shutil.copy(path, sources / path.name)
    site, proc = build_site(work / "build", sources)
    assert proc.returncode == 0, f"strict build failed:\n{proc.stdout}\n{proc.stderr}"
    return site


def test_every_real_document_is_published_with_its_paragraphs(real_site):
    for path in REAL.glob("*.txt"):
        page = (real_site / "documents" / path.stem / "index.html").read_text(encoding="utf-8")
        record = json.loads((real_site / "api/documents" / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert record["extraction"] == "pymupdf" and not record["warnings"], path.name
        for para in record["paragraphs"]:
            assert f'id="{para["id"]}"' in page, (path.name, para["id"])
    annex = (real_site / "documents/a-res-80-3/index.html").read_text(encoding="utf-8")
    assert 'id="annex"' in annex and 'id="annex-13-a"' in annex and 'data-label="annexe, par. 13 a)"' in annex
    for path in MORE.glob("*.txt"):
        assert (real_site / "documents" / path.stem / "index.html").exists(), path.name


def test_an_amendment_links_to_the_draft_it_amends(real_site):
    page = (real_site / "documents/a-80-l-19/index.html").read_text(encoding="utf-8")
    # A/80/L.18 is neither in the archive nor cited: the fiche links to the official text
    assert "<dt>Projet amendé</dt>" in page and 'href="https://undocs.org/fr/A/80/L.18"' in page
    assert "Amendement" in page
    page = (real_site / "documents/a-res-72-5/index.html").read_text(encoding="utf-8")
    assert 'href="https://undocs.org/fr/A/72/L.6"' in page and 'href="https://undocs.org/fr/A/72/L.6/Add.1"' in page


@pytest.mark.parametrize("draft, adopted", PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_each_draft_and_its_resolution_are_compared(real_site, draft, adopted):
    record = json.loads((real_site / "api/documents" / f"{adopted}.json").read_text(encoding="utf-8"))
    series = json.loads((real_site / "api/series" / f"{record['series']}.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in series["documents"]] == [draft, adopted]
    page = real_site / "comparaisons" / draft / adopted / "index.html"
    assert page.exists()
    entry = next(a for a in series["alignments"] if (a["a"], a["b"]) == (draft, adopted))
    pair = json.loads((real_site / entry["json"]).read_text(encoding="utf-8"))
    assert pair["counts"] == entry["counts"] and len(pair["pairs"]) == sum(pair["counts"].values())
    assert pair["counts"]["unchanged"] >= 3 and pair["counts"]["added"] + pair["counts"]["dropped"] <= 2


def test_the_fiche_names_committee_draft_and_original(real_site):
    page = (real_site / "documents/a-res-80-10/index.html").read_text(encoding="utf-8")
    assert "séance plénière" in page and 'href="../a-80-l-11/"' in page
    page = (real_site / "documents/a-c-3-80-l-2/index.html").read_text(encoding="utf-8")
    assert "Troisième Commission" in page and "<dt>Original</dt><dd>English</dd>" in page


def test_a_long_sponsor_list_is_cut_on_top_and_whole_in_the_fiche(real_site):
    page = (real_site / "documents/a-80-l-13/index.html").read_text(encoding="utf-8")
    eyebrow = page.split('class="doc-head__eyebrow"')[1].split("</p>")[0]
    assert "et 111 autres" in eyebrow and "Zambia" not in eyebrow
    fiche = page.split('class="doc-meta__list"')[1].split("</dl>")[0]
    assert "Albania" in fiche and "Zambia" in fiche


def test_internal_links_and_anchors_of_real_documents_resolve(real_site):
    """Every relative link of every real document's page (fiche, references, series, notes) lands."""
    from tests.test_site_build import parse_html

    pages = [real_site / "documents" / p.stem / "index.html" for p in list(REAL.glob("*.txt")) + list(MORE.glob("*.txt"))]
    for page in pages:
        for href in parse_html(page).hrefs:
            if re.match(r"^(https?:|mailto:)", href):
                continue
            target, _, anchor = href.partition("#")
            dest = (page.parent / target).resolve() if target else page
            dest = dest / "index.html" if dest.is_dir() else dest
            assert dest.exists(), f"{page.relative_to(real_site)} links to missing {href}"
            if anchor and dest.suffix == ".html":
                assert anchor in parse_html(dest).ids, f"{page.relative_to(real_site)}: no #{anchor} in {dest.name}"


def test_document_pages_carry_citation_metadata_for_reference_managers(real_site):
    """Highwire Press and Dublin Core tags, as Zotero reads them."""
    from html.parser import HTMLParser

    class Metas(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found: dict[str, str] = {}

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "meta" and a.get("name", "").startswith(("citation_", "DC.")):
                self.found[a["name"]] = a.get("content", "")

    metas = Metas()
    metas.feed((real_site / "documents/a-res-80-13/index.html").read_text(encoding="utf-8"))
    m = metas.found
    assert m["citation_title"] == "Implementation of the Declaration of the Indian Ocean as a Zone of Peace"
    assert (m["citation_author"], m["citation_publication_date"], m["citation_technical_report_number"]) == \
        ("Assemblée générale", "2025/12/01", "A/RES/80/13")
    assert m["citation_language"] == "en" and m["citation_fulltext_html_url"] == "https://undocs.org/fr/A/RES/80/13"
    assert (m["DC.identifier"], m["DC.date"], m["DC.type"]) == ("A/RES/80/13", "2025-12-01", "Résolution")


def test_csl_json_and_citation_labels_in_the_text_language(real_site):
    item = json.loads((real_site / "api/csl/a-res-80-13.json").read_text(encoding="utf-8"))
    assert item == [{"id": "a-res-80-13", "type": "legislation", "number": "A/RES/80/13", "authority": "General Assembly",
                     "title": "Implementation of the Declaration of the Indian Ocean as a Zone of Peace",
                     "publisher": "United Nations", "language": "en", "issued": {"date-parts": [[2025, 12, 1]]},
                     "URL": "documents/a-res-80-13/"}]
    page = (real_site / "documents/a-res-80-13/index.html").read_text(encoding="utf-8")
    assert 'data-cite-name="General Assembly resolution 80/13 of 1 December 2025"' in page
    assert 'data-cite-label="preambular para. 2" data-depth="0" data-label="alinéa 2 du préambule" id="pp-2"' in page
    assert '../../api/csl/a-res-80-13.json' in page


def test_the_official_text_in_six_languages_and_the_committee_report_are_linked_on_top(real_site):
    page = (real_site / "documents/a-res-80-13/index.html").read_text(encoding="utf-8")
    top = page.split('class="doc-head__official"')[1].split("</p>")[0]
    for code in ("ar", "zh", "en", "fr", "ru", "es"):
        assert f'href="https://undocs.org/{code}/A/RES/80/13" hreflang="{code}"' in top
    assert '<a href="https://undocs.org/fr/A/80/534">A/80/534</a>' in page
    assert "<dt>Année</dt>" not in page and "year :" not in page  # the fiche speaks French
