"""Real browser (Playwright + Debian's Chromium): paragraph permalinks and citations."""

from __future__ import annotations

import pytest

from tests.support.browser import serve
from tests.support.sitebuild import build_site

pytestmark = [pytest.mark.browser, pytest.mark.site]


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    pg = context.new_page()
    yield pg
    context.close()


def in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(selector, """el => { const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }""")


def test_paragraph_url_scrolls_highlights_and_focuses(page, base_url):
    page.goto(base_url + "documents/a-res-74-176/#op-3")
    page.wait_for_function("document.querySelector('#op-3').classList.contains('is-target')")
    assert in_viewport(page, "#op-3")
    assert page.evaluate("document.activeElement.id") == "op-3"
    style = page.eval_on_selector("#op-3", "el => [getComputedStyle(el).borderLeftColor, getComputedStyle(el, '::after').content]")
    assert style[0] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "paragraphe cité" in style[1], "the highlight carries a text label, not only a colour"
    assert not page.eval_on_selector("#op-4", "el => el.classList.contains('is-target')")


def test_item_and_report_paragraph_urls(page, base_url):
    page.goto(base_url + "documents/a-74-127/#para-139-d-i")
    page.wait_for_function("document.querySelector('#para-139-d-i').classList.contains('is-target')")
    assert in_viewport(page, "#para-139-d-i")
    assert page.get_attribute("#para-139-d-i", "data-label") == "par. 139 d) i)"


def test_copy_citation_with_the_keyboard(page, base_url):
    page.goto(base_url + "documents/a-res-74-176/#op-3")
    button = page.locator("#op-3 .archive-cite")
    assert button.get_attribute("aria-label") == "Copier la citation : par. 3"
    button.focus()
    assert button.evaluate("el => getComputedStyle(el).opacity") == "1", "visible on keyboard focus"
    page.keyboard.press("Enter")
    expected = f"Résolution 74/176 de l’Assemblée générale du 18 décembre 2019, par. 3 — {base_url}documents/a-res-74-176/#op-3"
    page.wait_for_function("document.querySelector('[data-archive-status]').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert expected in page.text_content("[data-archive-status]")


def test_permalink_is_reachable_by_tab_and_points_to_itself(page, base_url):
    page.goto(base_url + "documents/e-res-2015-23/")
    link = page.locator("#pp-2-a .permalink")
    assert link.get_attribute("href") == "#pp-2-a"
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#pp-2-a') !== null"):
            break
    else:
        pytest.fail("the permalink of pp-2-a was never reached with Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).opacity") == "1"
    page.keyboard.press("Enter") if page.evaluate("document.activeElement.classList.contains('permalink')") else None


def test_links_in_text_are_underlined_not_told_by_colour_alone(page, base_url):
    page.goto(base_url + "documents/a-res-74-176/")
    decoration = "el => getComputedStyle(el).textDecorationLine + ' ' + getComputedStyle(el).textDecorationStyle"
    reference = page.locator('#op-4 a[href*="a-res-68-192"]')
    assert reference.evaluate(decoration) == "underline solid"
    entity = page.locator('#op-4 a[href*="/instruments/"]').first
    assert entity.evaluate(decoration) == "underline dotted"
    assert page.locator("#cite-par ~ ul a, #cite ~ ul a").first.evaluate(decoration).startswith("underline")


def test_script_in_source_is_shown_as_text(browser, tmp_path):
    """A <script> in a raw text is escaped wherever the text lands: paragraphs, the title (page
    header, <title>, home page), the sponsor, a title quoted for a cited document. It shows as
    text and never runs."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "Assemblée générale\n\n<script>window.pwned=2</script> : projet de résolution\n\n"
        "Amélioration <script>window.pwned=3</script> de la coordination\n\n"
        "L’Assemblée générale,\n\n Rappelant <script>window.pwned=1</script> sa résolution 70/1 du 25 septembre 2015, "
        "intitulée « <script>window.pwned=4</script> Transformer », *gras* [lien](javascript:alert(1)),\n\n"
        " 1. Prie le Secrétaire général de faire rapport.\n", encoding="utf-8")
    site, proc = build_site(tmp_path / "w", corpus)
    assert proc.returncode == 0, proc.stderr
    (page_dir,) = [p for p in (site / "documents").iterdir() if p.name.startswith("projet")]
    url, server = serve(site)
    try:
        pg = browser.new_page()
        for path in (f"documents/{page_dir.name}/", "documents/a-res-70-1/", ""):
            pg.goto(url + path)
            assert pg.evaluate("window.pwned === undefined"), path
            assert pg.locator("body script:not([src])").filter(has_text="pwned").count() == 0, path
        pg.goto(url + f"documents/{page_dir.name}/")
        text = pg.text_content("#pp-1")
        assert "<script>window.pwned=1</script>" in text and "*gras*" in text and "[lien](javascript:alert(1))" in text
        assert pg.locator("#pp-1 a[href^='javascript']").count() == 0
        assert "<script>window.pwned=3</script>" in pg.title()
        assert "<script>window.pwned=2</script>" in pg.text_content(".doc-head")
        pg.goto(url + "documents/a-res-70-1/")
        assert "<script>window.pwned=4</script> Transformer" in pg.text_content("article")
        pg.goto(url)
        assert "<script>window.pwned=3</script>" in pg.text_content(".home-latest, article")
    finally:
        server.shutdown()


def test_print_shows_the_text_without_the_site_furniture(browser, base_url):
    """In print, the header, search box, fiche and tools are gone; numbers, notes and the address stay."""
    page = browser.new_page()
    page.goto(base_url + "documents/a-res-74-176/")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => Object.fromEntries(['.md-header', '.archive-search', '.doc-meta', '.archive-tools',
        '.para .num', '#fn-1', '.doc-head__symbol'].map(s => [s, !!document.querySelector(s) &&
        getComputedStyle(document.querySelector(s)).display !== 'none']))""")
    assert shown == {".md-header": False, ".archive-search": False, ".doc-meta": False, ".archive-tools": False,
                     ".para .num": True, "#fn-1": True, ".doc-head__symbol": True}
    address = page.evaluate("getComputedStyle(document.querySelector('.doc-body'), '::after').content")
    assert "Adresse permanente" in address and "documents/a-res-74-176/" in address
    page.close()


def test_the_toolbar_sits_with_its_own_paragraph_and_names_it(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "documents/a-res-74-176/")
    box = page.evaluate("""() => {
        const p = document.getElementById('op-6'), link = p.querySelector('.permalink');
        const a = p.getBoundingClientRect(), b = link.getBoundingClientRect();
        return {inside: b.top >= a.top - 1 && b.bottom <= a.bottom + 1, name: link.getAttribute('aria-label')};
    }""")
    assert box == {"inside": True, "name": "Lien vers ce paragraphe : par. 6"}
    note = page.locator("#fn-1 .permalink")
    assert note.count() == 1 and note.get_attribute("aria-label") == "Lien vers la note 1"
    page.close()
    touch = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    phone = touch.new_page()
    phone.goto(base_url + "documents/a-res-74-176/")
    assert phone.evaluate("matchMedia('(hover: none)').matches")
    assert phone.evaluate("getComputedStyle(document.querySelector('#op-6 .permalink')).opacity") == "1"
    touch.close()


@pytest.mark.parametrize("width", [1000, 1280, 1920])
def test_the_search_box_never_covers_the_header_title(browser, base_url, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base_url + "documents/a-res-74-176/")
    gap = page.evaluate("""() => {
        const title = document.querySelector('.md-header__title').getBoundingClientRect();
        const box = document.querySelector('.archive-search').getBoundingClientRect();
        return box.left - title.right;
    }""")
    assert gap >= 0, f"the search box covers the title by {-gap:.0f}px at {width}px"
    page.close()
