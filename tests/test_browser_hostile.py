"""Real browser (Playwright + Debian's Chromium) on the site built from the hostile corpus:
no script planted in a sidecar's series, a file name or a title ever runs; bidirectional
overrides are gone; the 404 page works under a sub-path."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest

from tests.support.browser import serve
from tests.support.hostile import HTML_NAME

pytestmark = [pytest.mark.browser, pytest.mark.site]

SCRIPT_SERIES = "series/script-window-pwned-1-script/"


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    site, _ = hostile_site
    url, server = serve(site)
    yield url
    server.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    pg = context.new_page()
    dialogs = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield pg
    assert not dialogs, dialogs
    context.close()


def doc_id(site: Path, source: str) -> str:
    for path in (site / "api/documents").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("source") == source:
            return record["id"]
    raise AssertionError(source)


def assert_no_script_ran(page) -> None:
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("body script:not([src])").filter(has_text="pwned").count() == 0
    assert page.locator("img[onerror]").count() == 0


def test_series_from_a_hostile_sidecar_runs_no_script(page, hostile_site, hostile_url):
    site, _ = hostile_site
    a, b = doc_id(site, "series_script_a.txt"), doc_id(site, "series_script_b.txt")
    page.goto(hostile_url + SCRIPT_SERIES)
    assert_no_script_ran(page)
    assert page.locator("article a[href*='documents/']").count() == 2
    first, second = sorted([a, b])  # undated versions: in id order
    for path in (f"documents/{a}/", f"documents/{b}/", f"comparaisons/{first}/{second}/"):
        page.goto(hostile_url + path)
        assert_no_script_ran(page)
    page.goto(hostile_url + f"documents/{a}/")
    assert page.locator(f"a[href*='{SCRIPT_SERIES.rstrip('/')}']").count() >= 1


def test_bidi_override_is_gone_and_the_name_reads_in_order(page, hostile_site, hostile_url):
    site, _ = hostile_site
    page.goto(hostile_url + f"documents/{doc_id(site, 'bidi.txt')}/")
    assert_no_script_ran(page)
    assert "présenté par Bélarus" in " ".join(page.text_content(".doc-head").split())
    assert "\u202e" not in page.evaluate("document.documentElement.outerHTML")
    box = page.locator("#archive-search-input")
    box.click()
    page.keyboard.type("Coopération contre la traite")
    page.wait_for_selector(".archive-search__result")
    assert "\u202e" not in page.text_content(".archive-search__panel")


def test_hostile_file_name_is_shown_as_text(page, hostile_site, hostile_url):
    site, _ = hostile_site
    page.goto(hostile_url + f"documents/{doc_id(site, HTML_NAME)}/")
    assert_no_script_ran(page)
    page.click(".doc-meta summary")
    assert HTML_NAME in page.text_content(".doc-meta")
    for path in ("", "parcourir/type/projets-de-resolution/"):
        page.goto(hostile_url + path)
        assert_no_script_ran(page)


class _SubPath(http.server.SimpleHTTPRequestHandler):
    """The site published under /archive/; a missing address gets 404.html, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_head(self):
        if not self.path.startswith("/archive/"):
            self.send_error(404)
            return None
        self.path = self.path[len("/archive"):]
        target = Path(self.translate_path(self.path))
        if target.exists():
            return super().send_head()
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def test_404_page_works_under_a_sub_path(page, hostile_site):
    site, _ = hostile_site
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubPath, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/archive/"
    try:
        page.goto(base + "documents/nope/deeper/")
        assert page.evaluate("document.baseURI") == base
        # every stylesheet and script of the page resolves under /archive/ and loaded (the browser's
        # preload scanner may try the root first: harmless misses, which site_url avoids)
        resources = page.evaluate("""() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')]
            .map(e => e.href || e.src).map(u => [u, (performance.getEntriesByName(u)[0] || {}).responseStatus])""")
        assert len(resources) >= 4 and all(url.startswith(base) and status == 200 for url, status in resources), resources
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert page.evaluate("document.querySelector('.md-header__button.md-logo').href") == base
        box = page.locator("#archive-search-input")
        box.click()
        page.keyboard.type("traite")
        page.wait_for_selector(".archive-search__result")
        assert page.evaluate("document.querySelector('.archive-search__result').href").startswith(base + "documents/")
    finally:
        server.shutdown()
