"""Benchmark: time from opening search to results in a real browser, archive vs Material.

Uses the sites that ``bench/site_bench.py N`` leaves in ``bench/out/`` (the
archive build and the plain Material build of the same pages). For each, in
headless Debian Chromium, on the home page just loaded:

* cold: click into the search box, type ``traite``, wait until results show
  (this includes fetching and loading the index: ours loads it on first use,
  Material's worker starts fetching at page load);
* warm: clear the box, type ``personnes``, wait until its results show.

It also reports the search index each site ships (raw and gzip bytes).
Run: ``.venv/bin/python bench/browser_search_bench.py 100 1000``. Not a test.
"""

from __future__ import annotations

import gzip
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.browser import launch, serve  # noqa: E402

OUT = ROOT / "bench" / "out"
PAGE = ""  # the home page: every site has one (synthetic corpora renumber the symbols)
RUNS = 3

ARCHIVE = {
    "open": "#archive-search-input",
    "input": "#archive-search-input",
    "done": "q => { const s = document.querySelector('[data-search-status]');"
            " return s && s.textContent.includes('« ' + q + ' »'); }",
    "index": ["search/"],  # the sharded index: every file under search/ (a query fetches a few of them)
}
MATERIAL = {
    "open": "input.md-search__input",
    "input": "input.md-search__input",
    # results of *this* query: a count in the meta line and a highlighted word of the query
    "done": "q => { const m = document.querySelector('.md-search-result__meta');"
            " const marks = Array.from(document.querySelectorAll('.md-search-result mark'));"
            " return m && /\\d/.test(m.textContent)"
            " && marks.some(k => k.textContent.toLowerCase().startsWith(q.slice(0, 5))); }",
    "index": ["search/search_index.json"],
}


def index_bytes(site: Path, files: list[str]) -> tuple[int, int]:
    """Raw and gzip bytes of the search files (a name ending in / is a folder: each file gzipped alone)."""
    raw = gz = 0
    for name in files:
        paths = [p for p in (site / name).rglob("*") if p.is_file()] if name.endswith("/") else [site / name]
        for path in paths:
            if path.exists():
                data = path.read_bytes()
                raw, gz = raw + len(data), gz + len(gzip.compress(data, 6))
    return raw, gz


def timed_query(page, engine: dict, query: str) -> float:
    """Seconds from the first keystroke of *query* to its results on screen."""
    page.fill(engine["input"], "")
    start = time.perf_counter()
    page.type(engine["input"], query, delay=0)
    page.wait_for_function(engine["done"], arg=query, polling="raf", timeout=120_000)
    return time.perf_counter() - start


def measure(browser, base: str, engine: dict) -> tuple[float, float]:
    colds, warms = [], []
    for _ in range(RUNS):
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + PAGE, wait_until="load")
        start = time.perf_counter()
        page.click(engine["open"])
        page.type(engine["input"], "traite", delay=0)
        page.wait_for_function(engine["done"], arg="traite", polling="raf", timeout=120_000)
        colds.append(time.perf_counter() - start)
        warms.append(timed_query(page, engine, "personnes"))
        context.close()
    return statistics.median(colds), statistics.median(warms)


def main(sizes: list[int]) -> None:
    print("| N | index shipped (archive / Material), raw · gzip | cold: open + type → results (archive / Material) "
          "| warm query (archive / Material) |")
    print("|---|---|---|---|")
    with sync_playwright() as p:
        browser = launch(p)
        for n in sizes:
            rows = {}
            for name, engine in (("archive", ARCHIVE), ("plain", MATERIAL)):
                site = OUT / f"{name}-{n}" / "site"
                if not site.exists():
                    raise SystemExit(f"{site} missing: run bench/site_bench.py {n} first")
                base, server = serve(site)
                try:
                    rows[name] = (*index_bytes(site, engine["index"]), *measure(browser, base, engine))
                finally:
                    server.shutdown()
            (ar, ag, ac, aw), (pr, pg, pc, pw) = rows["archive"], rows["plain"]
            print(f"| {n} | {ar / 1e6:.1f} MB · {ag / 1e6:.2f} MB / {pr / 1e6:.1f} MB · {pg / 1e6:.2f} MB "
                  f"= {ar / pr:.2f}× · {ag / pg:.2f}× "
                  f"| {ac * 1000:.0f} ms / {pc * 1000:.0f} ms = {ac / pc:.2f}× "
                  f"| {aw * 1000:.0f} ms / {pw * 1000:.0f} ms = {aw / pw:.2f}× |")
        browser.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100])
