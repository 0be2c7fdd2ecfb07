"""The sitemap beyond the protocol's limits: an index and its parts (``render/sitemap.py``)."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET

from hypothesis import given, strategies as st

from build_scripts.render import sitemap

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _mkdocs_like(urls: list[tuple[str, str]]) -> str:
    """A sitemap as MkDocs' template writes it."""
    body = "".join(f"\n    <url>\n         <loc>{loc}</loc>\n         <lastmod>{date}</lastmod>\n    </url>"
                   for loc, date in urls)
    return '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' \
        + body + "\n</urlset>"


def _locs(xml: str) -> list[str]:
    return [e.text for e in ET.fromstring(xml.encode("utf-8")).findall("s:url/s:loc", NS)]


def test_small_sitemap_is_kept_as_it_is():
    xml = _mkdocs_like([("https://ex.org/a/", "2020-01-01")])
    assert sitemap.split(xml, "https://ex.org/") == (xml, {})


def test_large_sitemap_becomes_an_index_of_parts():
    urls = [(f"https://ex.org/documents/d-{k}/", f"2020-01-{k % 28 + 1:02d}") for k in range(7)]
    index, parts = sitemap.split(_mkdocs_like(urls), "https://ex.org/archive", max_urls=3)
    assert sorted(parts) == ["sitemaps/sitemap-1.xml", "sitemaps/sitemap-2.xml", "sitemaps/sitemap-3.xml"]
    assert [len(_locs(parts[p])) for p in sorted(parts)] == [3, 3, 1]
    assert sum((_locs(parts[p]) for p in sorted(parts)), []) == [u for u, _ in urls]  # order kept, none lost
    root = ET.fromstring(index.encode("utf-8"))
    assert root.tag == "{%s}sitemapindex" % NS["s"]
    locs = [e.text for e in root.findall("s:sitemap/s:loc", NS)]
    assert locs == [f"https://ex.org/archive/sitemaps/sitemap-{k}.xml" for k in (1, 2, 3)]
    assert [e.text for e in root.findall("s:sitemap/s:lastmod", NS)] == ["2020-01-03", "2020-01-06", "2020-01-07"]


def test_parts_also_respect_the_byte_limit():
    urls = [(f"https://ex.org/{'x' * 200}/{k}/", "2020-01-01") for k in range(10)]
    _, parts = sitemap.split(_mkdocs_like(urls), "https://ex.org/", max_urls=100, max_bytes=1000)
    assert len(parts) > 1 and all(len(t.encode()) <= 1000 for t in parts.values())
    assert sum(len(_locs(t)) for t in parts.values()) == 10


@given(st.integers(min_value=1, max_value=40), st.integers(min_value=1, max_value=9))
def test_every_url_in_exactly_one_part(n, limit):
    urls = [(f"https://ex.org/p/{k}/?a=1&amp;b=2", "2021-05-05") for k in range(n)]
    index, parts = sitemap.split(_mkdocs_like(urls), "https://ex.org/", max_urls=limit)
    if n <= limit:
        assert parts == {}
        return
    got = sum((_locs(parts[sitemap.part_path(k)]) for k in range(1, len(parts) + 1)), [])
    assert got == [u.replace("&amp;", "&") for u, _ in urls]
    assert all(len(_locs(t)) <= limit for t in parts.values())
    assert index.count("<sitemap>") == len(parts) == -(-n // limit)


def test_site_beyond_the_limit_has_an_index_and_its_parts(tmp_path):
    from tests.support.sitebuild import build_site

    site, proc = build_site(tmp_path, plugin="sitemap_urls: 25")
    assert proc.returncode == 0, proc.stderr
    index = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == index
    locs = [e.text for e in ET.fromstring(index.encode()).findall("s:sitemap/s:loc", NS)]
    assert len(locs) >= 2
    pages = []
    for loc in locs:
        path = re.sub(r"^https?://[^/]+/", "", loc)
        pages += _locs((site / path).read_text(encoding="utf-8"))
    assert len(pages) == len(set(pages)) > 25 and all(len(_locs((site / sitemap.part_path(k)).read_text()))
                                                     <= 25 for k in range(1, len(locs) + 1))
    assert any(p.endswith("/documents/a-res-74-176/") for p in pages)
