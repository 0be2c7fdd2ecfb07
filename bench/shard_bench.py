"""Benchmark: the sharded search index at 1,000 / 10,000 / 50,000 documents, in headless Chromium. Not a test.

    nice .venv/bin/python bench/shard_bench.py 1000 10000 50000 [--runs 3] [--no-browser] [--reuse]

(``--reuse``: keep the index files already written under ``bench/out/shards-<n>`` by this
checkout's code, instead of writing them again: 13 minutes at 50,000 documents.)

**The archive.** A full site build of 50,000 documents is too slow here (the site bench
takes ~10 minutes per 1,000), so the search records are made directly: the 66 texts at
hand (five seeds, 61 real documents) are parsed once and turned into search records as
the site's search stage does (:func:`build_scripts.search.stage.records`); document ``k``
of the archive is a copy of a text drawn at random (the 66 first: each text once), with
its own id, symbol (``A/RES/90/<k+1>``), title (five random words and ``k``), year, a random
three quarters of the text's paragraphs (so that posting lists are not periodic, which
gzip would exploit), and its first paragraph carrying a made-up name shared by three
documents (the *rare word*: ``zal…``). About 23 records a document (1.2 million at
50,000 documents). The index files are written by
:func:`build_scripts.search.shards.shard_files`, exactly as the site build writes them.

**The page.** The seed site (``mkdocs build`` of the five seeds, made once) with its
``search/`` folder replaced by the synthetic one: the real header box and scripts. It is
served by a local server that gzips responses (``Content-Encoding: gzip``, level 6) and
keeps connections alive, as a static host would.

**Measured, per size and query** (a fresh browser context each run, median of ``--runs``):

* *bytes*: the bytes on the wire (gzip bodies and headers: Resource Timing ``transferSize``)
  of every request made after focusing the box and answered before the first results are on
  screen: scripts, ``meta.json``, term buckets, text chunks; and (CDP
  ``Network.loadingFinished`` ``encodedDataLength``) of everything the query fetched until
  all twenty documents and the counts are shown;
* *keystroke → results*: on the page with search loaded (box focused, scripts and
  ``meta.json`` in), the time from the last keystroke (``input`` event) to the status
  line announcing the results, under network throttling (CDP
  ``Network.emulateNetworkConditions``): Lighthouse's *slow 4G* (150 ms round trip,
  1.6 Mbit/s down, 750 kbit/s up), and DevTools' *Slow 4G* preset (562.5 ms per request);
* *heap*: CDP ``Runtime.getHeapUsage`` used size after the query, then after 40 more
  queries of different words (the file cache keeps 400 files at most);
* *build*: time of ``shard_files`` (postings, weights, JSON) and of writing the files.

Queries: the common word ``rights`` (in most of the English texts; answered by its head,
see :mod:`build_scripts.search.heads`), the rare word of document 123 (three documents at
every size), ``human rights`` and ``united nations`` (two common words: their pair's head,
see :mod:`build_scripts.search.pairs`), and ``promotion protection human rights`` (four
common words: tier maps and the impact tiers that decide the first twenty documents, and
record sets for the counts, see :mod:`build_scripts.search.tiered`). *First results* is the
first render of the list for the query (the first five documents, as soon as their texts
are in); the status line, with the true counts, comes with the other fifteen.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import http.server
import json
import random
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts import corpus as corpus_mod  # noqa: E402
from build_scripts.search import write_assets  # noqa: E402
from build_scripts.search.shards import shard_files  # noqa: E402
from build_scripts.search.stage import facets, records as stage_records  # noqa: E402
from build_scripts.sources import read_source  # noqa: E402

OUT = ROOT / "bench" / "out"
WORDS = ("cooperation development oceans peace climate water health education trade women children "
         "migration energy security disarmament culture sport literacy forests deserts cities food "
         "debt finance science technology space youth ageing indigenous refugees").split()
SYLLABLES = "ba ke di lo mu ra se ti vo za pe nu".split()
COMMON = "rights"
TWO_COMMON = "human rights"  # two common words: impact tiers and record sets (search/tiers, search/sets)
MORE_COMMON = ("united nations", "promotion protection human rights")  # the same path, more and commoner words
PROFILES = {  # CDP Network.emulateNetworkConditions
    "slow 4G (150 ms)": {"latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8},
    "DevTools Slow 4G (562.5 ms)": {"latency": 562.5, "downloadThroughput": 1.6e6 / 8 * 0.9,
                                    "uploadThroughput": 750e3 / 8 * 0.9},
}
MORE = ("peace water health education trade women children migration energy security culture forests cities "
        "food debt finance science space youth refugees violence torture drugs crime racism poverty hunger "
        "oceans climate disarmament terrorism elections democracy corruption justice courts prisons press").split()


def rare_word(k: int) -> str:
    """The made-up name of document *k* (shared by documents 3j, 3j+1, 3j+2)."""
    n, out = k // 3, ""
    for _ in range(4):
        out += SYLLABLES[n % len(SYLLABLES)]
        n //= len(SYLLABLES)
    return "zal" + out + "x"


def base() -> tuple[list[list], dict]:
    paths = sorted((ROOT / "source_docs").glob("*.txt")) + sorted((ROOT / "tests/fixtures/real").glob("*/*.txt"))
    corpus = corpus_mod.build([read_source(p).document for p in paths])
    docs: list[list] = []
    for r in stage_records(corpus):
        if not r.fragment:
            docs.append([])
        docs[-1].append(r)
    return docs, facets(corpus)


def synthetic(n: int, docs: list[list]):
    """Document ``k``: a copy of a text drawn at random, with a random three quarters of its
    paragraphs (copies of one text differ, and posting lists are not periodic: gzip must not
    find in them repeats that a real archive would not have)."""
    rng = random.Random(n)
    for k in range(n):
        source = docs[k % len(docs)] if k < len(docs) else docs[rng.randrange(len(docs))]
        title = " ".join(rng.sample(WORDS, 5)).capitalize() + f" {k}"
        common = dict(doc_id=f"bench-{k:06d}", title=title, symbol=f"A/RES/90/{k + 1}", year=str(1990 + k % 35))
        kept = [r for i, r in enumerate(source) if i < 2 or rng.random() < 0.75]
        for i, r in enumerate(kept):
            text = title if not r.fragment else r.text
            if i == 1:
                text = f"{text} (observatoire {rare_word(k)})"
            yield dataclasses.replace(r, ref=f"bench-{k:06d}#{r.fragment}" if r.fragment else f"bench-{k:06d}",
                                      text=text, **common)


def write(n: int, docs, labels) -> dict:
    site = OUT / f"shards-{n}"
    if site.exists():
        shutil.rmtree(site)
    records = list(synthetic(n, docs))
    t0 = time.perf_counter()
    files = list(shard_files(records, labels=labels))
    build_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    raw = 0
    biggest = ("", 0)
    for path, text in files:
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        raw += len(data)
        if path.startswith("search/terms/") and len(data) > biggest[1]:
            biggest = (path, len(data))
    write_s = time.perf_counter() - t0
    meta = json.loads((site / "search/meta.json").read_text(encoding="utf-8"))
    return {"n": n, "records": len(records), "files": len(files), "raw": raw, "build": build_s, "write": write_s,
            "buckets": meta["buckets"], "biggest": biggest, "meta": len((site / "search/meta.json").read_bytes())}


class Gzip(http.server.SimpleHTTPRequestHandler):
    """A static server that gzips what it sends and keeps connections alive."""

    protocol_version = "HTTP/1.1"
    cache: dict = {}
    sent: list = []  # (path, gzip body bytes) of every response, for the benches to count

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        key = str(path)
        if key not in self.cache:
            self.cache[key] = gzip.compress(path.read_bytes(), 6)
        body = self.cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.sent.append((self.path, len(body)))


def serve(directory: Path):
    import functools

    handler = functools.partial(Gzip, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def shell() -> Path:
    """The seed site, built once; its search/ folder is swapped per size."""
    site = OUT / "shard-shell" / "site"
    if not site.exists():
        from tests.support.sitebuild import build_site

        built, proc = build_site(OUT / "shard-shell")
        if proc.returncode:
            raise SystemExit(proc.stderr)
    return site


def mount(n: int) -> Path:
    target = OUT / f"shard-site-{n}"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir()
    for entry in shell().iterdir():
        if entry.name not in ("search", "assets"):
            (target / entry.name).symlink_to(entry.resolve())
    (target / "search").symlink_to((OUT / f"shards-{n}" / "search").resolve())
    (target / "assets").mkdir()
    for entry in (shell() / "assets").iterdir():  # the scripts of this checkout, not of the shell's build
        if entry.name not in ("search", "search-ui.js"):
            (target / "assets" / entry.name).symlink_to(entry.resolve())
    shutil.copyfile(ROOT / "site_templates" / "assets" / "search-ui.js", target / "assets" / "search-ui.js")
    write_assets(target / "assets" / "search")
    return target


WATCH = """q => { window.__done = null; window.__first = null;
  const s = document.querySelector('[data-search-status]'), l = document.querySelector('[data-search-results]');
  const o = new MutationObserver(() => {
    if (!window.__first && l.getAttribute('data-query') === q && l.children.length) window.__first = performance.now();
    if (!window.__done && s.textContent.includes('« ' + q + ' »')) {
      window.__done = performance.now(); window.__first = window.__first || window.__done; o.disconnect(); } });
  o.observe(s, {childList: true, characterData: true, subtree: true});
  o.observe(l, {childList: true, attributes: true}); }"""


def one_run(browser, base: str, query: str, profile: dict) -> dict:
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    page.goto(base + "citer/", wait_until="load")
    sizes: dict = {}
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    urls: dict = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **profile})
    page.evaluate("() => { window.__input = 0; performance.setResourceTimingBufferSize(100000);"
                  " const box = document.querySelector('#archive-search-input');"
                  " box.addEventListener('input', () => { window.__input = performance.now(); }); }")
    page.evaluate("() => { window.__focus = performance.now(); }")
    page.click("#archive-search-input")  # focus: scripts and meta.json
    page.wait_for_function("() => window.ArchiveShards && document.querySelector('[data-search-status]')"
                           ".textContent === ''", timeout=120_000)
    page.evaluate(WATCH, query)
    page.type("#archive-search-input", query, delay=0)
    page.wait_for_function("() => window.__done", timeout=300_000, polling=50)
    first, done = page.evaluate("() => [window.__first - window.__input, window.__done - window.__input]")
    page.wait_for_timeout(100)
    fetched = sum(sizes.values())
    requests = len(sizes)
    # bytes on the wire (transferSize: gzip body and headers) of the requests made after the focus
    # and answered before the first results were on screen
    to_first = page.evaluate("() => performance.getEntriesByType('resource').filter(e => e.startTime >= window.__focus"
                             " && e.responseEnd <= window.__first).reduce((n, e) => n + e.transferSize, 0)")
    status = page.text_content("[data-search-status]")
    heap = cdp.send("Runtime.getHeapUsage")["usedSize"]
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    for word in MORE:
        page.evaluate(WATCH, word)
        page.fill("#archive-search-input", word)
        page.wait_for_function("() => window.__done", timeout=300_000, polling=50)
    cdp.send("HeapProfiler.collectGarbage")
    heap_after = cdp.send("Runtime.getHeapUsage")["usedSize"]
    context.close()
    return {"bytes_first": to_first, "bytes": fetched, "first_ms": first, "all_ms": done, "heap": heap, "heap_after": heap_after,
            "status": status, "requests": requests}


def browser_rows(n: int, runs: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from tests.support.browser import launch

    site = mount(n)
    base, server = serve(site)
    rows = []
    try:
        with sync_playwright() as p:
            browser = launch(p)
            for query in (COMMON, rare_word(123), TWO_COMMON) + MORE_COMMON:
                for name, profile in PROFILES.items():
                    got = [one_run(browser, base, query, profile) for _ in range(runs)]
                    rows.append({"n": n, "query": query, "profile": name, "status": got[0]["status"],
                                 **{k: statistics.median(g[k] for g in got)
                                    for k in ("bytes_first", "bytes", "first_ms", "all_ms", "heap", "heap_after", "requests")}})
                    print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
            browser.close()
    finally:
        server.shutdown()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1000, 10000, 50000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="keep bench/out/shards-<n> if it is there")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    docs, labels = base()
    for n in args.sizes:
        if not (args.reuse and (OUT / f"shards-{n}" / "search" / "meta.json").exists()):
            print(json.dumps(write(n, docs, labels)), flush=True)
        if not args.no_browser:
            browser_rows(n, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
