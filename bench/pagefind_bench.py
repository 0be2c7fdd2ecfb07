"""Benchmark: Pagefind and Material's search on the synthetic archive of ``bench/shard_bench.py``. Not a test.

    nice .venv/bin/python bench/pagefind_bench.py 1000 10000 50000 [--runs 3]

Needs ``pip install 'pagefind[extended]'`` in the venv (for this bench only; not a project
dependency). For each size, the same synthetic documents as ``shard_bench.py`` (same
texts, ids, titles, rare words) become one small HTML page each (title, symbol, one
``<p>`` per record, the body marked ``data-pagefind-body``); ``python -m pagefind`` indexes
them (timed). In headless Chromium, same server (gzip, keep-alive) and same network
profiles as ``shard_bench.py``, on a page that has nothing else: ``import("/pagefind/pagefind.js")``,
``pagefind.search(word)`` and the data of the first five results (what Pagefind's UI shows
first). Reported: bytes sent by the server (gzip bodies, plus 0.2 KB of headers a response;
Pagefind fetches from a worker, which the page's Resource Timing does not see) from the
import to those five results, time from
``search()`` to the five results (the import done beforehand, as on a loaded page),
and the heap.

**Material** builds its lunr index in the browser from ``search/search_index.json``, which
holds every page's text; its size is written here for the same pages (one entry per page:
location, title, text, as Material writes a page without headings) and reported gzipped;
the first query cannot start before that file is in. At 1,000 documents a real Material
build was measured by ``bench/browser_search_bench.py`` (README).
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.shard_bench import COMMON, OUT, PROFILES, TWO_COMMON, Gzip, base, rare_word, serve, synthetic  # noqa: E402

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main data-pagefind-body><h1>{title}</h1><p>{symbol}</p>{paras}</main></body></html>"""


def pages(n: int, docs) -> tuple[Path, int]:
    site = OUT / f"pagefind-{n}"
    if site.exists():
        shutil.rmtree(site)
    entries, current, paras = [], None, []

    def flush():
        if current is None:
            return
        path = site / "documents" / current.doc_id / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "".join(f'<p id="{html.escape(p.fragment)}">{html.escape(p.text)}</p>' for p in paras)
        path.write_text(PAGE.format(title=html.escape(current.title), symbol=html.escape(current.symbol),
                                    paras=body), encoding="utf-8")
        entries.append({"location": f"documents/{current.doc_id}/", "title": current.title,
                        "text": " ".join([current.symbol] + [p.text for p in paras])})

    for record in synthetic(n, docs):
        if not record.fragment:
            flush()
            current, paras = record, []
        else:
            paras.append(record)
    flush()
    (site / "index.html").write_text("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>",
                                     encoding="utf-8")
    material = json.dumps({"config": {"lang": ["fr"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
                           "docs": entries}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return site, len(gzip.compress(material, 6))


SEARCH = """async q => {
  const t0 = performance.now();
  const found = await window.pagefind.search(q);
  const data = await Promise.all(found.results.slice(0, 5).map(r => r.data()));
  return {ms: performance.now() - t0, count: found.results.length, first: data.map(d => d.url)}; }"""


def one_run(browser, base_url: str, query: str, profile: dict) -> dict:
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    page.goto(base_url, wait_until="load")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **profile})
    Gzip.sent.clear()
    page.evaluate("async () => { window.pagefind = await import('/pagefind/pagefind.js'); await window.pagefind.init(); }")
    out = page.evaluate(SEARCH, query)
    # counted by the server (Pagefind fetches from a worker, which the page's Resource Timing does
    # not see): gzip bodies, plus 0.2 KB of headers a response
    out["bytes"] = sum(size + 200 for _, size in Gzip.sent)
    out["requests"] = len(Gzip.sent)
    out["heap"] = cdp.send("Runtime.getHeapUsage")["usedSize"]
    context.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1000, 10000, 50000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from tests.support.browser import launch

    docs, _ = base()
    for n in args.sizes:
        site, material_gz = pages(n, docs)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], capture_output=True, text=True)
        build_s = time.perf_counter() - t0
        if proc.returncode:
            print(proc.stdout[-2000:], proc.stderr[-2000:])
            return 1
        index_bytes = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
        print(json.dumps({"n": n, "pagefind_build_s": round(build_s, 1), "pagefind_files_bytes": index_bytes,
                          "material_search_index_gz": material_gz}), flush=True)
        base_url, server = serve(site)
        try:
            with sync_playwright() as p:
                browser = launch(p)
                for query in (COMMON, rare_word(123), TWO_COMMON):
                    for name, profile in PROFILES.items():
                        got = [one_run(browser, base_url, query, profile) for _ in range(args.runs)]
                        print(json.dumps({"n": n, "query": query, "profile": name, "count": got[0]["count"],
                                          **{k: statistics.median(g[k] for g in got) for k in ("bytes", "requests", "ms", "heap")}}),
                              flush=True)
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
