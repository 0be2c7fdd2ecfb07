"""The sitemap of an archive larger than one sitemap may be: an index and its parts.

The sitemaps protocol caps a sitemap at 50,000 URLs and 50 MB; the archive has several
pages a document (its page, its comparisons, the listings, entities and series), so from
about 10,000 documents MkDocs' single ``sitemap.xml`` breaks the cap and search engines
ignore it. Guarantees of :func:`split`:

* a sitemap within the limits is returned unchanged (the bundled site keeps MkDocs' own);
* otherwise every ``<url>`` entry, in MkDocs' order, goes into exactly one part
  (``sitemaps/sitemap-<k>.xml``), each at most *max_urls* entries and *max_bytes* bytes,
  and ``sitemap.xml`` becomes a ``<sitemapindex>`` naming each part's absolute address
  under *base* and its newest ``<lastmod>``;
* the same sitemap gives the same files, byte for byte.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

MAX_URLS = 50_000  # the protocol's limits (sitemaps.org)
MAX_BYTES = 50 * 1000 * 1000
_URL = re.compile(r"<url>.*?</url>", re.S)
_LASTMOD = re.compile(r"<lastmod>([^<]*)</lastmod>")
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'


def part_path(k: int) -> str:
    return f"sitemaps/sitemap-{k}.xml"


def _urlset(entries: list[str]) -> str:
    return _HEAD + _URLSET + "".join(f"\n    {e}" for e in entries) + "\n</urlset>\n"


def split(xml: str, base: str, max_urls: int = MAX_URLS, max_bytes: int = MAX_BYTES) -> tuple[str, dict[str, str]]:
    """``(sitemap.xml, {path: part})`` for MkDocs' sitemap *xml* (see module docstring)."""
    entries = _URL.findall(xml)
    if len(entries) <= max_urls and len(xml.encode("utf-8")) <= max_bytes:
        return xml, {}
    room = max_bytes - len(_urlset([]).encode("utf-8"))
    parts: list[list[str]] = [[]]
    size = 0
    for entry in entries:
        cost = len(entry.encode("utf-8")) + 5
        if parts[-1] and (len(parts[-1]) >= max_urls or size + cost > room):
            parts.append([])
            size = 0
        parts[-1].append(entry)
        size += cost
    files = {part_path(k): _urlset(part) for k, part in enumerate(parts, 1)}
    base = base if base.endswith("/") else base + "/"
    items = []
    for k, part in enumerate(parts, 1):
        dates = [m.group(1) for e in part for m in _LASTMOD.finditer(e)]
        lastmod = f"<lastmod>{max(dates)}</lastmod>" if dates else ""
        items.append(f"\n    <sitemap><loc>{escape(base + part_path(k))}</loc>{lastmod}</sitemap>")
    index = (_HEAD + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(items)
             + "\n</sitemapindex>\n")
    return index, files
