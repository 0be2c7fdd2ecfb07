"""Incremental builds: the cache never changes a byte of the site, and a change reaches every page.

Each scenario builds the real site (``mkdocs build --strict``) twice from the same raw
folder: once clean (``cache: false``, one worker, every page rendered by Python-Markdown:
``fast_html: false``) and once through a warm cache (two workers, the generated pages
rendered by :mod:`build_scripts.pagehtml`); the two ``site/`` folders must be identical,
file for file and byte for byte.
A stale page (a removed document's page, a listing that still names an old title) or a
page the change did not reach would differ from the clean build.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
import os
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from build_scripts import site
from build_scripts.cache import pages as page_cache
from build_scripts.cache.store import Store
from build_scripts.search import stage as search_stage
from tests.support.sitebuild import ROOT

pytestmark = pytest.mark.site

SEEDS = sorted((ROOT / "source_docs").iterdir())
REUSED = re.compile(r"un-archive: (\d+) generated pages from the cache, (\d+) rendered")


def _build(work: Path, sources: Path, cache: bool, workers: int, dirty: bool = False,
           site: str = "site") -> tuple[Path, str]:
    """``mkdocs build --strict`` of *sources* in *work* (its own cache under ``work/build``);
    *dirty*: ``mkdocs build --dirty`` (MkDocs warns that a build is dirty: not strict)."""
    work.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "      sources: source_docs",
        f"      sources: {sources}\n      cache: {str(cache).lower()}\n      workers: {workers}"
        f"\n      fast_html: {str(cache).lower()}")  # a clean build is Python-Markdown's for every page
    assert f"workers: {workers}" in config
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("docs", "site_templates"):
        if not (work / name).exists():
            (work / name).symlink_to(ROOT / name)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty" if dirty else "--strict",
                           "-f", str(work / "mkdocs.yml"), "-d", str(work / site)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return work / site, proc.stderr


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(path for path in a.keys() | b.keys() if a.get(path) != b.get(path))


def _reused(log: str) -> tuple[int, int]:
    match = REUSED.search(log)
    assert match, log[-2000:]
    return int(match.group(1)), int(match.group(2))


def seed_folder(folder):
    """*folder* made, with a copy of each seed text."""
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """A raw folder (the seeds) and a cached build of it, cold then warm."""
    root = tmp_path_factory.mktemp("incremental")
    sources = seed_folder(root / "source_docs")
    clean, _ = _build(root / "clean", sources, cache=False, workers=1)
    cold, cold_log = _build(root / "cached", sources, cache=True, workers=2)
    cold_tree = _tree(cold)
    warm_site, warm_log = _build(root / "cached", sources, cache=True, workers=2)
    return {"root": root, "sources": sources, "clean": _tree(clean), "cold": cold_tree, "cold_log": cold_log,
            "warm": _tree(warm_site), "warm_log": warm_log}


def test_cached_rebuild_is_byte_identical_to_a_clean_build(warm):
    assert _differences(warm["clean"], warm["cold"]) == []
    assert _differences(warm["clean"], warm["warm"]) == []
    reused, rendered = _reused(warm["warm_log"])
    assert rendered == 0 and reused > 100, "nothing changed: every generated page comes from the cache"
    assert _reused(warm["cold_log"])[0] == 0
    fast = re.search(r"(\d+) generated pages rendered by build_scripts.pagehtml, (\d+) by Python-Markdown",
                     warm["cold_log"])
    assert fast and int(fast.group(1)) > 200 and int(fast.group(2)) <= 6, "only the comparisons go to Python-Markdown"


def _edit(warm, name: str, edits: dict[str, str]) -> None:
    (path,) = [p for p in warm["sources"].iterdir() if p.name.startswith(name)]
    text = path.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def _rebuild_and_compare(warm, label: str) -> tuple[dict, dict, str]:
    """The cached rebuild and a clean build of the changed folder; they must be identical."""
    cached, log = _build(warm["root"] / "cached", warm["sources"], cache=True, workers=2)
    clean, _ = _build(warm["root"] / f"clean-{label}", warm["sources"], cache=False, workers=1)
    cached_tree, clean_tree = _tree(cached), _tree(clean)
    assert _differences(clean_tree, cached_tree) == [], "the cached rebuild differs from a clean build"
    return cached_tree, clean_tree, log


def test_a_changed_text_reaches_every_page_it_should(warm):
    before = warm["warm"]
    # A/RES/74/176: one word of its title, one word next to a mention of the UNODC, and its
    # footnote 18 no longer cites the report A/74/127.
    _edit(warm, "003", {"### 74/176. Amélioration": "### 74/176. Renforcement",
                        "*Soulignant* le rôle central de l'Office": "*Soulignant* le rôle capital de l'Office",
                        "<sup>18</sup> [A/74/127](#).": "<sup>18</sup> Voir le rapport du Secrétaire général."})
    after, _, log = _rebuild_and_compare(warm, "edit")
    changed = set(_differences(before, after))
    expected = {
        "documents/a-res-74-176/index.html",  # its page
        "documents/a-74-127/index.html",  # the page it cited: « Cité par » changed
        "series/coordination-de-l-action-contre-la-traite-des-personnes/index.html",  # its series
        "parcourir/annee/2019/index.html", "parcourir/type/resolutions/index.html",  # listings it is on
        "organisations/onudc/index.html",  # an entity it mentions
        "index.html",  # the latest documents on the home page
        "api/documents/a-res-74-176.json", "api/documents.json",
    }
    assert expected <= changed, sorted(expected - changed)
    assert "Renforcement de la coordination" in after["documents/a-res-74-176/index.html"].decode()
    assert "../a-res-74-176/#fn-18" not in after["documents/a-74-127/index.html"].decode()
    assert "Renforcement de la coordination" in after["parcourir/annee/2019/index.html"].decode()
    assert "rôle capital de" in after["organisations/onudc/index.html"].decode()
    reused, rendered = _reused(log)
    assert reused > rendered > 0, "only the pages the change touches are rendered again"


def test_a_removed_text_leaves_no_stale_page(warm):
    before = warm["warm"]
    for path in warm["sources"].glob("004_*"):
        path.unlink()
    after, _, _ = _rebuild_and_compare(warm, "removed")
    gone = {path for path in before.keys() - after.keys()}
    assert {"documents/e-res-2015-23/index.html", "api/documents/e-res-2015-23.json"} <= gone
    assert not any("e-res-2015-23" in path and not path.startswith("documents/e-res-2015-23")
                   for path in after if path.startswith("comparaisons/")), "no comparison with it remains"
    assert "E/RES/2015/23" in before["parcourir/type/resolutions/index.html"].decode()
    assert "E/RES/2015/23" not in after["parcourir/type/resolutions/index.html"].decode()


def _times(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_a_dirty_build_writes_only_what_changed_and_equals_a_clean_build(tmp_path):
    """``mkdocs build --dirty`` (and ``mkdocs serve --dirty``): after a one-word change, the
    site folder is a clean build's, byte for byte, though most files were not written again;
    after a plain build wrote the folder, a dirty build trusts what that build wrote, not what
    an earlier dirty build did; a raw text restored with an old time is copied again; a dirty
    build into another folder (same cache) does not make this one forget its files; after a
    text is removed, its pages are gone too."""
    sources = seed_folder(tmp_path / "src")
    work = tmp_path / "dirty"
    site_dir, _ = _build(work, sources, cache=True, workers=2, dirty=True)
    written = _times(site_dir)
    time.sleep(0.05)  # a file written again gets a later time
    (path,) = sources.glob("003_*.txt")
    original = path.read_bytes()
    path.write_text(original.decode("utf-8").replace("le rôle central de l'Office", "le rôle capital de l'Office", 1),
                    encoding="utf-8")
    site_dir, log = _build(work, sources, cache=True, workers=2, dirty=True)
    clean, _ = _build(tmp_path / "clean", sources, cache=False, workers=1)
    assert _differences(_tree(clean), _tree(site_dir)) == [], "the dirty build differs from a clean build"
    again = {p for p, t in _times(site_dir).items() if written.get(p) != t}
    assert {"documents/a-res-74-176/index.html", "organisations/onudc/index.html", "index.html",
            "api/documents/a-res-74-176.json", "sources/a-res-74-176.txt"} <= again, "what the change touches is written"
    assert "documents/a-74-127/index.html" not in again and "api/documents/a-74-127.json" not in again
    assert len(again) < len(written) / 4, f"{len(again)} of {len(written)} files written again"
    assert "only what changed written: 0 files removed" in log

    edited = path.read_bytes()
    path.write_text(edited.decode("utf-8").replace("le rôle capital de", "le rôle accru de", 1), encoding="utf-8")
    _build(work, sources, cache=True, workers=2)  # a plain build of the folder, between two dirty ones
    path.write_bytes(edited)
    os.utime(path, (1_000_000_000, 1_000_000_000))  # restored from a backup: older than its copy
    site_dir, _ = _build(work, sources, cache=True, workers=2, dirty=True)
    assert _differences(_tree(clean), _tree(site_dir)) == [], "what the plain build wrote is not trusted blindly"

    _build(work, sources, cache=True, workers=2, dirty=True, site="other-site")  # same cache, another folder
    for path in sources.glob("004_*"):
        path.unlink()
    site_dir, log = _build(work, sources, cache=True, workers=2, dirty=True)
    clean, _ = _build(tmp_path / "clean-removed", sources, cache=False, workers=1)
    assert _differences(_tree(clean), _tree(site_dir)) == [], "a removed text's pages are removed"
    assert not (site_dir / "documents/e-res-2015-23/index.html").exists()


def test_output_does_not_depend_on_the_number_of_workers(tmp_path):
    sources = seed_folder(tmp_path / "src")
    (sources / "broken.txt").write_bytes(b"")  # an error, reported in its place
    one = site.output(sources, workers=1)
    two = site.output(sources, workers=2)
    assert one.files == two.files and one.messages == two.messages and one.epoch == two.epoch
    assert [m for m in one.messages if m.startswith("broken.txt")], "the failure names its file"


def test_the_search_files_come_late_and_complete_the_same_output(tmp_path, monkeypatch):
    """With two workers, :func:`site.start` gives every file but the search stage's at once
    (MkDocs renders the pages meanwhile); :meth:`finish` gives the rest, after which the output
    is the one-worker build's and is in the cache whole. The documents go to the search
    process through a spool file (beside the build cache when there is one, else in the
    temporary folder), removed once read (or once the stage is given up)."""
    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    sources = seed_folder(tmp_path / "src")
    whole = site.output(sources, workers=1)
    store = Store(tmp_path / "cache", memory=False)
    started = site.start(sources, workers=2, store=store)
    early = {f.path for f in started.output.files}
    assert early and not any(p.startswith("search/") for p in early), "the index is not waited for"
    assert site._whole(store, whole.fingerprint) is None, "an incomplete build is not read back"
    late = started.finish()
    assert {f.path for f in late} == {f.path for f in whole.files} - early
    assert {p.split("/")[0] for p in (f.path for f in late)} <= set(search_stage.FOLDERS)
    assert started.output == whole and started.finish() == ()
    assert list(spools.iterdir()) == [], "the spool file is removed once read"
    assert not list((tmp_path / "cache").glob("*.spool")), "the spool file (beside the cache) is removed once read"
    assert site._whole(Store(tmp_path / "cache", memory=False), whole.fingerprint) == whole
    again = site.start(sources, workers=2, store=store)  # read back whole, search files included
    assert again.output == whole and not again.pending
    released = site.start(sources, workers=2)  # mkdocs build: the plugin holds the files, the build lets them go
    released.release_files()
    assert released.output.files == () and {f.path for f in released.finish()} == {f.path for f in late}
    failed = site.start(sources, workers=2)
    failed.abandon()  # a failed MkDocs build gives the search stage up
    assert failed.finish() == () and not any(f.path.startswith("search/") for f in failed.output.files)
    deadline = time.monotonic() + 60  # an abandoned stage already sent to its process reads (and removes) it
    while list(spools.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list(spools.iterdir()) == [], "no spool file is left behind"


def test_the_cache_gives_back_what_was_built(tmp_path):
    sources = seed_folder(tmp_path / "src")
    store = Store(tmp_path / "cache", memory=False)
    first = site.output(sources, workers=1, store=store)
    assert site.output(sources, workers=1) == first
    again = Store(tmp_path / "cache", memory=False)
    assert site.output(sources, workers=1, store=again) == first and again.misses == 0
    (path,) = sources.glob("004_*.txt")
    path.write_text(path.read_text(encoding="utf-8").replace("Prie le Secrétaire général", "Prie le Secrétaire", 1),
                    encoding="utf-8")
    third = Store(tmp_path / "cache", memory=False)
    changed = site.output(sources, workers=1, store=third)
    assert changed == site.output(sources, workers=1)
    assert third.missed["normalized"] == 1, "only the changed text is normalized again"
    assert third.missed["mentions"] == 1, "only its entity mentions are looked for again"
    assert third.missed["search-analysis"] == 1, "only its words are analyzed again for the search index"
    assert third.missed["site"] == 1


def test_the_search_worker_shares_the_cache_and_its_entries_survive_pruning(tmp_path):
    """With two workers the search index is built in a process of its own: the analyses it
    stores are counted as this build's (not pruned) and a later build reads them back."""
    sources = seed_folder(tmp_path / "src")
    store = Store(tmp_path / "cache", memory=False)
    first = site.output(sources, workers=2, store=store)
    for kind in sorted(store.used):  # as the plugin does after a build
        store.prune(kind)
    entries = list((tmp_path / "cache" / "search-analysis").glob("*/*.pickle"))
    assert len(entries) == len(first.sources) == 5, "one analysis per document, kept by the pruning"
    (path,) = sources.glob("004_*.txt")
    path.write_text(path.read_text(encoding="utf-8").replace("Prie le Secrétaire général", "Prie le Secrétaire", 1),
                    encoding="utf-8")
    again = Store(tmp_path / "cache", memory=False)
    changed = site.output(sources, workers=1, store=again)
    assert again.missed["search-analysis"] == 1, "the worker's analyses of the unchanged texts are read back"
    assert changed.files != first.files and changed == site.output(sources, workers=1)


def test_a_truncated_cache_entry_is_a_miss_and_unused_entries_are_pruned(tmp_path):
    Store(tmp_path, memory=False).put("k", "ab" * 32, {"x": 1})
    Store(tmp_path, memory=False).put("k", "cd" * 32, {"y": 2})
    (entry,) = (tmp_path / "k" / "ab").glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:5])
    assert Store(tmp_path, memory=False).get("k", "ab" * 32) is None
    store = Store(tmp_path, memory=False)
    assert store.get("k", "cd" * 32) == {"y": 2}
    assert store.prune("k") == 1, "the entry this build did not use is removed"
    assert Store(tmp_path, memory=False).get("k", "cd" * 32) == {"y": 2}


def test_a_page_key_changes_when_a_link_target_appears_or_goes():
    markdown = "[A](../a-res-74-176.md#op-5) [B](b.md) <a href=\"../../x/\">x</a> [web](https://un.org/)"
    targets = page_cache.link_targets(markdown, "documents/sub/page.md")
    assert targets == ["documents/a-res-74-176.md", "documents/sub/b.md", "x"]
    with_a = page_cache.page_key("s", "documents/sub/page.md", markdown, lambda p: True)
    without_a = page_cache.page_key("s", "documents/sub/page.md", markdown, lambda p: p != "documents/a-res-74-176.md")
    assert with_a != without_a
    assert with_a == page_cache.page_key("s", "documents/sub/page.md", markdown, lambda p: True)
    assert with_a != page_cache.page_key("t", "documents/sub/page.md", markdown, lambda p: True)


_ONE_PATTERN = re.compile(r"\]\(<?([^)\s>]+)|\b(?:href|src)=\"([^\"]+)\"")  # the specification: one scan


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet='](<>)" =hrefsc_x/#?éa\n', max_size=60))
def test_link_targets_are_those_of_one_left_to_right_scan(markdown):
    """The three fast patterns find what the single pattern finds (overlaps, word starts, brackets)."""
    expected = sorted({p for p in (posixpath.normpath(posixpath.join("a", t)) for t in
                                   ((m.group(1) or m.group(2)).split("#", 1)[0].split("?", 1)[0]
                                    for m in _ONE_PATTERN.finditer(markdown))
                                   if t and "://" not in t and not t.startswith(("/", "mailto:", "data:")))})
    assert page_cache.link_targets(markdown, "a/page.md") == expected


def test_a_sidecar_change_reaches_the_page_through_its_front_matter(warm):
    """A field only the front matter carries (the meeting, shown in the fiche) must not be
    served from the cache: a page's key covers its whole file, front matter included."""
    (side,) = [p for p in warm["sources"].iterdir() if p.name.startswith("001") and p.suffix == ".yml"]
    side.write_text(side.read_text(encoding="utf-8") + "meeting: 70e séance plénière\n", encoding="utf-8")
    after, _, _ = _rebuild_and_compare(warm, "sidecar")
    assert "70e séance plénière" in after["documents/projet-belarus-f33632ee/index.html"].decode()


def test_a_manifest_trusts_only_files_that_are_there_and_deletes_only_inside_the_site(tmp_path):
    from build_scripts.mkdocs_dirty import Manifest, data_key

    site_dir, store = tmp_path / "site", Store(tmp_path / "cache", memory=False)
    (site_dir / "a").mkdir(parents=True)
    (site_dir / "a/kept.json").write_text("{}")
    (site_dir / "a/gone.json").write_text("{}")
    (tmp_path / "outside.json").write_text("{}")
    first = Manifest(store, site_dir)
    assert not first.unchanged("a/kept.json", "k"), "nothing is known before a first manifest"
    for path in ("a/kept.json", "a/gone.json", "a/missing.json", "../outside.json"):
        first.record(path, "k")
    first.record("a/untrusted.json", None)
    assert first.finish() == []
    second = Manifest(store, site_dir)
    assert second.unchanged("a/kept.json", "k") and not second.unchanged("a/kept.json", "other")
    assert not second.unchanged("a/missing.json", "k"), "a file gone from the folder is written again"
    assert not second.unchanged("a/untrusted.json", None)
    second.record("a/kept.json", "k")
    assert second.finish() == ["a/gone.json"], "what this build does not make is deleted, inside the site only"
    assert (tmp_path / "outside.json").exists() and (site_dir / "a/kept.json").exists()
    assert data_key("x.json", b"1") != data_key("y.json", b"1") != data_key("x.json", b"2")
    gone = Manifest(store, tmp_path / "gone")  # a serve's temporary folder, since removed
    (tmp_path / "gone").mkdir()
    gone.finish()
    (tmp_path / "gone").rmdir()
    assert len(list((tmp_path / "cache/site-manifests").glob("*.pickle"))) == 2
    third = Manifest(store, site_dir)
    third.invalidate()  # a build starts writing: nothing of the last one is trusted until it ends
    assert not Manifest(store, site_dir).unchanged("a/kept.json", "k") and third.unchanged("a/kept.json", "k")
    third.finish()
    assert len(list((tmp_path / "cache/site-manifests").glob("*.pickle"))) == 1, "a gone folder's manifest is forgotten"


def test_a_page_a_dirty_build_skips_keeps_its_anchors_for_mkdocs_checks():
    from types import SimpleNamespace as NS

    from build_scripts.cache.pages import CachedPage
    from build_scripts.mkdocs_dirty import restore_anchors

    class File:  # MkDocs' File is hashable (pages key their links to anchors by it)
        def __init__(self, page):
            self.page = page

    target, other = File(NS(present_anchor_ids=None, links_to_anchors=None)), File(None)
    files = NS(src_uris={"documents/b.md": other})  # MkDocs' Files: every file by its src_uri
    hit = CachedPage("<html>", frozenset({"p1", "fn-2"}), (("documents/b.md", (("p5", "../b/#p5"),)),
                                                           ("documents/gone.md", (("p1", "../gone/#p1"),))))
    restore_anchors({target: hit}, files)
    assert target.page.present_anchor_ids == {"p1", "fn-2"}
    assert target.page.links_to_anchors == {other: {"p5": "../b/#p5"}}, "links to files that exist, as MkDocs keeps them"
