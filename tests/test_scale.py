"""No page grows with the corpus: long lists are paginated.

Builds synthetic corpora (copies of the seeds with their own symbols, as the
benchmarks do) of 10 and 20 documents with tiny page limits, and checks that
doubling the corpus leaves every page's size flat: listings, entity pages and
"Cité par" lists move to further pages instead of growing.
"""

from __future__ import annotations

import json
import re

import pytest

from bench.synth import make_corpus
from build_scripts import site
from build_scripts.render import citation_pages, entity_pages, listings, pages as site_pages, series_pages

DOCUMENT_PAGE = re.compile(r"documents/[a-z0-9-]+\.md")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    patch = pytest.MonkeyPatch()
    patch.setattr(entity_pages, "DOCS_PER_PAGE", 2)
    patch.setattr(citation_pages, "CITED_BY_ON_PAGE", 1)
    patch.setattr(citation_pages, "CITED_BY_PAGE_SIZE", 2)
    patch.setattr(listings, "PAGE_SIZE", 2)
    patch.setattr(series_pages, "WINDOW", 3)
    patch.setattr(series_pages, "PAGE_SIZE", 4)
    patch.setattr(site_pages, "API_PER_PAGE", 3)
    patch.setattr(citation_pages, "API_CITED_BY", 4)
    out = {}
    try:
        for n in (10, 20):
            folder = make_corpus(n, tmp_path_factory.mktemp(f"corpus-{n}"))
            out[n] = {f.path: f.content for f in site.build(folder).files
                      if f.path.endswith(".md") or f.path.startswith(("api/documents", "api/cited-by/"))}
    finally:
        patch.undo()
    return out


def test_pages_other_than_documents_stay_flat(builds):
    def largest(pages):
        return max(len(text) for path, text in pages.items() if not DOCUMENT_PAGE.fullmatch(path))

    assert largest(builds[20]) <= 1.1 * largest(builds[10])


def test_api_list_is_paged_and_flat(builds):
    """``api/documents.json`` starts a chain of pages (``next``) that lists every document once."""
    for n, files in builds.items():
        path, seen, sizes = "api/documents.json", [], []
        while path is not None:
            page = json.loads(files[path])
            assert page["count"] == n and page["per_page"] == 3 and len(page["documents"]) <= 3
            seen += [d["id"] for d in page["documents"]]
            sizes.append(len(files[path]))
            assert page["previous"] == (None if page["page"] == 1 else site_pages.list_path(page["page"] - 1))
            path = page["next"]
        assert len(seen) == len(set(seen)) == n and page["page"] == page["pages"] == -(-n // 3)
    assert max(len(t) for p, t in builds[20].items() if p.startswith("api/")) <= 1.1 * max(
        len(t) for p, t in builds[10].items() if p.startswith("api/"))


def test_api_cited_by_is_paged_and_flat(builds):
    """A record lists its first citations and the path of the next file; the chain holds every
    citation once, and no file of it grows when the corpus doubles."""
    for n, files in builds.items():
        first = json.loads(files["api/documents/a-res-72-195.json"])
        seen, path, k = list(first["cited_by"]), first["cited_by_next"], 1
        assert len(first["cited_by"]) == 4 and path == "api/cited-by/a-res-72-195/2.json"
        while path is not None:
            part = json.loads(files[path])
            k += 1
            assert part["page"] == k and part["count"] == first["cited_by_count"] and len(part["cited_by"]) <= 4
            assert part["previous"] == ("api/documents/a-res-72-195.json" if k == 2 else f"api/cited-by/a-res-72-195/{k - 1}.json")
            seen += part["cited_by"]
            path = part["next"]
        assert len(seen) == first["cited_by_count"] and k == part["pages"] and first["cited_by_count"] > 8
    def largest(files):
        return max(len(t) for p, t in files.items() if p.startswith("api/cited-by/"))
    assert largest(builds[20]) <= 1.1 * largest(builds[10])


def test_document_pages_stay_flat(builds):
    small, large = builds[10], builds[20]
    for path, text in small.items():
        if DOCUMENT_PAGE.fullmatch(path) and path in large:
            assert len(large[path]) <= 1.1 * len(text), path


def test_entity_mentions_paginated(builds):
    pages = builds[20]
    first, second = pages["organisations/onudc.md"], pages["organisations/onudc/page-2.md"]
    assert first.count("\n### [") == 2 and second.count("\n### [") == 2, "two documents a page"
    assert "[Page suivante →](onudc/page-2.md)" in first
    assert "[← Page précédente](../onudc.md)" in second and "[Page suivante →](page-3.md)" in second
    assert "page 2 sur" in second


def test_cited_by_paginated(builds):
    pages = builds[20]
    stub = pages["documents/a-res-68-192.md"]
    listed = re.findall(r"^- \[", stub.split("## Cité par", 1)[1], flags=re.M)
    assert len(listed) == 1, "the page keeps one citing document and links to the full list"
    match = re.search(r"\[Les (\d+) documents qui le citent →\]\(a-res-68-192/cite-par/index\.md\)", stub)
    assert match and int(match.group(1)) >= 10
    full = pages["documents/a-res-68-192/cite-par/index.md"]
    assert len(re.findall(r"^- \[", full, flags=re.M)) == 2 and "[Page suivante →](page-2.md)" in full
    total = sum(len(re.findall(r"^- \[", text, flags=re.M)) for path, text in pages.items()
                if path.startswith("documents/a-res-68-192/cite-par/"))
    assert total == int(match.group(1)), "every citing document is on one of the pages"


def test_series_listed_in_a_window_with_paginated_series_pages(builds):
    pages = builds[20]
    doc = pages["documents/a-res-74-176.md"] if "documents/a-res-74-176.md" in pages else next(
        text for path, text in pages.items() if DOCUMENT_PAGE.fullmatch(path) and "## Série de textes" in text)
    section = doc.split("## Série de textes", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^\d+\. \[", section, flags=re.M)) == 3, "three members around the document"
    link = re.search(r"\]\((\.\./series/[a-z0-9-]+/index\.md)\)", section)
    assert link and "textes" in section
    series_id = link.group(1).split("/")[2]
    series_files = sorted(p for p in pages if p.startswith(f"series/{series_id}/"))
    members = int(re.search(r"\((\d+) textes\)", section).group(1))
    assert members > 4 and len(series_files) == -(-members // 4), "four members a page"
    rows = sum(len(re.findall(r"^\| \d+ \|", pages[p], flags=re.M)) for p in series_files)
    assert rows == members, "every member on one of the pages"


def test_rel_gives_what_posixpath_relpath_gives():
    import itertools
    import posixpath

    from build_scripts.render.paging import rel

    paths = ["index.md", "documents/a-res-74-176.md", "documents/a-res-74-176/cite-par/index.md",
             "documents/a-res-74-176/cite-par/page-2.md", "organisations/onudc.md", "organisations/onudc/page-2.md",
             "series/s.md", "comparaisons/a/b.md", "documents/./x.md", "a//b.md"]
    for a, b in itertools.product(paths, repeat=2):
        assert rel(a, b) == posixpath.relpath(b, posixpath.dirname(a) or "."), (a, b)
