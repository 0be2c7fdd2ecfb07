"""Shared test helpers: the seed corpus, normalized once per session."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest

from build_scripts.cli import sidecar_path
from build_scripts.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = tuple(sorted((ROOT / "source_docs").glob("*.txt")))


@functools.lru_cache(maxsize=None)
def normalize_file(path: Path):
    """``normalize`` a raw file the way the CLI does (its sidecar included)."""
    side = sidecar_path(path)
    side_text = side.read_text(encoding="utf-8") if side.exists() else None
    return normalize(path.read_bytes(), path.name, side_text, side.name)


@pytest.fixture(scope="session")
def seed():
    """``seed("003")`` -> the normalize Result of the seed whose file name starts with 003."""

    def get(prefix: str):
        (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
        return normalize_file(path)

    return get


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once per session with `mkdocs build --strict` from the seeds."""
    from tests.support.sitebuild import build_site

    site_dir, proc = build_site(tmp_path_factory.mktemp("site"))
    assert proc.returncode == 0, f"strict build failed:\n{proc.stdout}\n{proc.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def base_url(built_site):
    """The built site served on 127.0.0.1."""
    from tests.support.browser import serve

    url, server = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (skipped without it, except under CI=true)."""
    from playwright.sync_api import sync_playwright

    from tests.support.browser import chromium_path, launch

    chromium_path()
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory):
    """The hostile-input corpus (tests/support/hostile.py), made once per session."""
    from tests.support.hostile import make_corpus

    return make_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def hostile_site(hostile_corpus, tmp_path_factory):
    """The site built from the hostile corpus with `mkdocs build --strict` (the plugin's log kept):
    ``(site dir, completed process)``. The build must succeed: one bad file never stops the archive."""
    from tests.support.sitebuild import build_site

    site_dir, proc = build_site(tmp_path_factory.mktemp("hostile-site"), hostile_corpus, quiet=False)
    assert proc.returncode == 0, f"strict build failed:\n{proc.stdout}\n{proc.stderr}"
    return site_dir, proc


@pytest.fixture(scope="session")
def node():
    """The node executable for the search.js / search-shards.js parity tests (skipped without it,
    except under CI=true)."""
    exe = shutil.which("node")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is required for the search parity tests (CI=true)")
        pytest.skip("node is not installed: the JavaScript search parity is not checked")
    return exe
