"""Check, at a size the tests do not reach: the sharded index (real head thresholds) against one lunr index.

    nice .venv/bin/python bench/shard_parity.py [N]     (default 3000 documents)

The synthetic archive of ``bench/shard_bench.py``; the monolithic index and
:class:`~build_scripts.search.query.Searcher` as the reference. For common words (answered by
their heads) it compares the first 50 documents, their matches, scores and order, and the
counts; for several common words (answered by a pair's head, :mod:`build_scripts.search.pairs`,
or by tier maps, record sets and impact tiers, :mod:`build_scripts.search.tiered`) the first
20, 50 and 100 documents and the counts; for queries
that fetch whole lists, the first 200 results. Prints one line a query and exits 1 on a
difference. Not a test (a few minutes, several GB of memory at 3,000).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench.shard_bench import base, rare_word, synthetic  # noqa: E402
from build_scripts.search import Searcher, build  # noqa: E402
from build_scripts.search.sharded import ShardedSearcher  # noqa: E402
from build_scripts.search.shards import shard_files  # noqa: E402
from test_search_shards import first_groups  # noqa: E402

WORDS = ["rights", "Rights", "human", "development", "nations", "assembly", "resolution", "international", "traite"]
FULL = ["human rights", "rights", "sustainable development goals", "traite des personnes"]
TIERED = ["human rights", "united nations", "sustainable development", "promotion protection human rights",
          "general assembly", "international cooperation", "rights women", "Human Rights Council"]


def main(n: int) -> int:
    docs, labels = base()
    records = list(synthetic(n, docs))
    t0 = time.perf_counter()
    files = dict(shard_files(records, labels=labels))
    tails = sum(p.startswith("search/tails/") for p in files)
    print(f"{n} documents, {len(records)} records, {tails} tails, shards in {time.perf_counter() - t0:.0f} s")
    mono = Searcher(*build(records))

    def read(path):
        return json.loads(files[path])

    bad = 0
    for word in WORDS + [rare_word(5)]:
        full = mono.query(word, limit=None)
        searcher = ShardedSearcher(read)
        out = searcher.hits(word, groups=50)
        got = searcher.results(out.parsed, out.found)
        same = (first_groups(got, 50) == first_groups(full, 50)
                and out.paragraphs == sum(r["label"] != "document" for r in full)
                and out.docs == len({r["doc_id"] for r in full}))
        bad += not same
        print(f"{word!r}: {'head' if not out.complete else 'whole lists'}, {len(full)} matches, same: {same}")
    for q in TIERED:
        full = mono.query(q, limit=None)
        for groups in (20, 50, 100):  # a pair's head holds 50 documents: 100 take the tiers
            searcher = ShardedSearcher(read)
            out = searcher.hits(q, groups=groups)
            got = searcher.results(out.parsed, out.found)
            tiers = sum(p.startswith("search/tiers/") for p in searcher.fetched)
            kinds = {p.split("/")[1] for p in searcher.fetched} - {"docs", "terms"}
            path = "its pair's head" if kinds == {"pairs"} else f"{tiers} tiers"
            same = (first_groups(got, groups) == first_groups(full, groups)
                    and out.paragraphs == sum(r["label"] != "document" for r in full)
                    and out.docs == len({r["doc_id"] for r in full}))
            bad += not same
            print(f"{q!r}, first {groups} documents: {path}, {len(full)} matches, same: {same}")
    for q in FULL:
        same = ShardedSearcher(read).query(q, limit=200) == mono.query(q, limit=200)
        bad += not same
        print(f"{q!r}: first 200 results, same: {same}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000))
