"""``mkdocs serve`` rebuilds when a raw text in ``source_docs/`` changes (end to end)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import SEEDS
from tests.support.sitebuild import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _found(base: str, word: str) -> int | None:
    """Paragraphs the served search index finds for *word* (``None``: the index cannot be read)."""
    import json

    from build_scripts.search.sharded import ShardedSearcher

    def read(path: str):
        text = _fetch(base + path)
        if text is None:
            raise FileNotFoundError(path)
        return json.loads(text)

    try:
        return ShardedSearcher(read).hits(word).paragraphs
    except (FileNotFoundError, ValueError):
        return None


def _wait_for(url: str, predicate, seconds: float) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _fetch(url)
        if page is not None and predicate(page):
            return page
        time.sleep(0.5)
    return None


@pytest.mark.parametrize("options", [(), ("--dirty",)], ids=["serve", "serve-dirty"])
def test_serve_rebuilds_when_a_source_changes(tmp_path, options):
    """``mkdocs serve`` (and ``make serve``'s ``mkdocs serve --dirty``, which writes only the
    files a change touches, with ``strict: true``) serves the edited text; the search index,
    written after the pages are served (``build_scripts.mkdocs_tail``), then finds it."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for name in ("docs", "site_templates"):
        (tmp_path / name).symlink_to(ROOT / name)
    sources = tmp_path / "source_docs"
    sources.mkdir()
    (seed,) = [p for p in SEEDS if p.name.startswith("004")]
    raw = sources / seed.name
    shutil.copy(seed, raw)
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                               "-f", str(tmp_path / "mkdocs.yml"), *options],
                              cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/documents/e-res-2015-23/"
    try:
        first = _wait_for(url, lambda page: "Plan d’action mondial" in page, 120)
        assert first is not None, "mkdocs serve did not serve the document"
        assert "Paragraphe ajouté pendant le test" not in first
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 60
        while _found(base, "plan") is None and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _found(base, "plan"), "the first build's search index was never served"
        assert _found(base, "zorglubesque") == 0
        text = raw.read_text(encoding="utf-8")
        raw.write_text(text.replace("Prie le Secrétaire général",
                                    "Paragraphe zorglubesque ajouté pendant le test. Prie le Secrétaire général", 1),
                       encoding="utf-8")
        rebuilt = _wait_for(url, lambda page: "Paragraphe zorglubesque ajouté pendant le test" in page, 60)
        assert rebuilt is not None, "the page was not rebuilt after the raw text changed"
        deadline = time.monotonic() + 60
        while not _found(base, "zorglubesque") and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _found(base, "zorglubesque") == 1, "the search index did not follow the edited text"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    log = server.stderr.read()
    counts = [(int(a), int(b)) for a, b in re.findall(r"un-archive: (\d+) generated pages from the cache, (\d+) rendered", log)]
    assert len(counts) >= 2, log[-2000:]
    rebuilds = counts[1:]  # the watcher may see one save as two changes: a second rebuild renders nothing
    assert any(0 < rendered < counts[0][1] for _, rendered in rebuilds), \
        "the rebuild renders only what the change touched (cache kept)"
    # strict: the builds warn of nothing. The server's own access log may report this test's first
    # polls of the search index as 404s: the first build's index is written after its pages are served.
    warnings = [line for line in log.splitlines()
                if "WARNING" in line and not re.search(r'"GET /search/\S+ HTTP/1\.1" code 404$', line)]
    assert "only what changed written:" in log and not warnings, log[-2000:]
    if options:  # the pages it did not touch are neither read nor written
        assert all(reused == 0 for reused, _ in rebuilds), log[-2000:]
    else:  # read and rendered from the cache, but written only when changed, into the last build's files
        assert all(reused > 0 for reused, _ in rebuilds) and "Page skipped" not in log, log[-2000:]


def test_a_dead_search_process_is_replaced_for_the_next_rebuild():
    """Under ``mkdocs serve`` the search stage's process is kept between rebuilds; when it dies
    (killed for memory, say) the build fails with BrokenProcessPool, and the next rebuild gets
    a new process rather than the same error for the rest of the session."""
    from concurrent.futures.process import BrokenProcessPool

    from build_scripts.mkdocs_plugin import ArchivePlugin

    plugin = ArchivePlugin()
    plugin.on_startup(command="serve", dirty=False)
    first = plugin.search_pool
    try:
        os.kill(first.submit(os.getpid).result(timeout=60), 9)
        with pytest.raises(BrokenProcessPool):
            first.submit(int).result(timeout=60)
        plugin.on_build_error(BrokenProcessPool("the search process died"))
        assert plugin.search_pool is not first and plugin.search_pool.submit(int, "7").result(timeout=60) == 7
    finally:
        plugin.on_shutdown()


_SERVE_TWICE = r"""
import logging
import sys
import time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.basicConfig(level=logging.INFO)
work, site, dirty = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "dirty"
url = "http://127.0.0.1:8000/"
raw = next((work / "source_docs").glob("004*"))


def rebuild(config=None):
    config = config or load_config(config_file=str(work / "mkdocs.yml"), site_dir=site)
    config.site_url = url
    build(config, serve_url=url, dirty=dirty)


def edit(old, new):
    raw.write_text(raw.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


import build_scripts.mkdocs_tail as mkdocs_tail

set_aside, emptied = mkdocs_tail.set_aside, []
mkdocs_tail.set_aside = lambda folder: emptied.append(set_aside(folder)) or emptied[-1]
config = load_config(config_file=str(work / "mkdocs.yml"), site_dir=site)
config.plugins.on_startup(command="serve", dirty=dirty)
(plugin,) = [p for p in config.plugins.values() if hasattr(p, "supersede_tail")]
plugin.search_pool.submit(time.sleep, 6)  # the first build's search stage waits behind it
rebuild(config)
first = plugin.tail
assert first.thread.is_alive()  # still waiting for its search stage
edit("Prie le Secrétaire général", "Paragraphe zorglubesque. Prie le Secrétaire général")
(work / "source_docs" / next((work / "source_docs").glob("001*")).name).unlink()  # a text removed
rebuild()  # at once: the first build's tail is superseded
assert first.superseded and plugin.tail.wait() is None  # the second build's search files written
plugin.search_pool.submit(time.sleep, 6)
edit("zorglubesque", "zorglubique")
rebuild()
third = plugin.tail
edit("zorglubique", "zorglubien")
rebuild()  # supersedes the third: the second's files were in the folder until the fourth's came
assert third.superseded and plugin.tail.wait() is None
rebuild(load_config(config_file=str(work / "mkdocs.yml"), site_dir=site + "-fresh"))  # the same texts, a new folder
assert plugin.tail.wait() is None
config.plugins.on_shutdown()
print("set aside:", sum(folder is not None for folder in emptied), file=sys.stderr)
assert not list(Path(site).parent.glob(mkdocs_tail.ASIDE_PREFIX + "*"))  # every one deleted
"""


@pytest.mark.parametrize("mode", ["clean", "dirty"])
def test_the_search_files_written_after_serving_are_those_of_a_build(tmp_path, mode):
    """Under ``mkdocs serve`` the search stage's files (and, in a plain serve, the data files)
    are written by a thread after the pages
    are served (``build_scripts.mkdocs_tail``), and a rebuild started before they are does not
    wait for them (the older tail writes nothing); after four builds (a text edited, one
    removed; the first and third builds' tails superseded), the served folder's ``search/`` and ``api/`` are
    that of ``mkdocs build`` of the same texts, file for file, byte for byte, with nothing
    left of the removed text; and the whole folder is what a build of the same texts writes
    into a new folder (a plain serve puts the last build's files back after MkDocs empties
    the folder, and writes only what changed)."""
    from tests.support.sitebuild import build_site

    sources = tmp_path / "source_docs"
    sources.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, sources / seed.name)
    build_site(tmp_path / "first", sources)  # the working folder's mkdocs.yml, docs/ and site_templates/
    work = tmp_path / "first"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    served = tmp_path / "served"
    proc = subprocess.run([sys.executable, "-c", _SERVE_TWICE, str(work), str(served), mode],
                          capture_output=True, text=True, env=env, timeout=600, cwd=work)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stderr.count("search index written") == 2 and "was not written" not in proc.stderr
    # a plain serve's rebuilds set the emptied folder's entries aside (deleted later) rather than delete them
    assert f"set aside: {3 if mode == 'clean' else 0}" in proc.stderr
    # ... and put back: the three rebuilds wrote only what changed, as the five dirty builds did
    assert proc.stderr.count("only what changed written:") == (3 if mode == "clean" else 5)
    reference, build = build_site(tmp_path / "reference", sources)
    assert build.returncode == 0, build.stderr[-2000:]

    def tree(root: Path) -> dict[str, bytes]:  # the search stage's files, and the data files a plain serve defers
        return {str(p.relative_to(root)): p.read_bytes() for folder in ("search", "api")
                for p in sorted((root / folder).rglob("*")) if p.is_file()}

    got, want = tree(served), tree(reference)
    assert got.keys() == want.keys()
    assert [k for k in want if got[k] != want[k]] == []
    def pages(root: Path) -> set[str]:
        return {str(p.relative_to(root)) for p in (root / "documents").rglob("*") if p.is_file()}

    assert pages(served) == pages(reference)  # the removed text's page is gone
    # the folder the rebuilds wrote into (in a plain serve: the last build's files put back, only
    # what changed written) is what one build of the final texts writes into a new folder
    def everything(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    got, want = everything(served), everything(tmp_path / "served-fresh")
    assert got.keys() == want.keys()
    assert [k for k in want if got[k] != want[k]] == []


def test_emptying_the_served_folder_sets_its_entries_aside(tmp_path):
    """A plain ``mkdocs serve`` empties the folder before each rebuild: its entries are moved
    into a sibling folder at once (MkDocs finds the folder empty) and deleted later."""
    from build_scripts.mkdocs_tail import ASIDE_PREFIX, discard, set_aside

    site = tmp_path / "site"
    (site / "documents" / "a").mkdir(parents=True)
    (site / "documents" / "a" / "index.html").write_text("<p>a</p>", encoding="utf-8")
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    aside = set_aside(str(site))
    assert list(site.iterdir()) == [] and aside.parent == tmp_path and aside.name.startswith(ASIDE_PREFIX)
    assert (aside / "documents" / "a" / "index.html").read_text(encoding="utf-8") == "<p>a</p>"
    assert set_aside(str(site)) is None and set_aside(str(tmp_path / "missing")) is None  # nothing to move
    folders = [aside]
    discard(folders)
    assert folders == [] and not aside.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["site"]


class _Deferred:
    def __init__(self, path: Path):
        self.path = path

    def write(self):
        self.path.write_text("{}", encoding="utf-8")


def test_a_tail_writes_the_files_left_to_it_unless_superseded(tmp_path):
    """A plain ``mkdocs serve`` leaves its data files to the build's tail: written by the tail
    run in line or in its thread, never by a tail a newer build superseded first."""
    from build_scripts.mkdocs_tail import Tail

    files = SimpleNamespace(get_file_from_path=lambda path: None)
    in_line = Tail(None, files, None, None, str(tmp_path), False, [_Deferred(tmp_path / "a.json")])
    in_line.run()
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == "{}"
    threaded = Tail(None, files, None, None, str(tmp_path), False, [_Deferred(tmp_path / "b.json")])
    threaded.start()
    assert threaded.wait() is None and (tmp_path / "b.json").is_file()
    superseded = Tail(None, files, None, None, str(tmp_path), False, [_Deferred(tmp_path / "c.json")])
    superseded.supersede()
    superseded.start()
    assert superseded.wait() is None and not (tmp_path / "c.json").exists()
