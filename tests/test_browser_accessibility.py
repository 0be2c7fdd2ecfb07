"""Accessibility, checked by axe-core in Debian's Chromium on every page type of the site.

Every page type (home, listing, document, report, permalink, draft, search open, search page,
comparison, series, entity, stub, 404) at 1,280 px and at 390 px, in the light and in the dark
palette: axe-core must report **no violation** (all its rules, every impact level). The header
must lay out without overlap from 360 to 1,920 px, the closed phone menu must stay out of the Tab
order, and the light/dark toggle must work and be remembered.

axe-core comes from npm (``tests/support/axe``, installed by ``make test``); without it the tests
are skipped, except under ``CI=true`` where that is a failure.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.site]

AXE = Path(__file__).resolve().parent / "support" / "axe" / "node_modules" / "axe-core" / "axe.min.js"

#: One page of each type the site makes, in the seeds' site.
PAGES = {
    "home": "",
    "listing": "parcourir/",
    "document": "documents/a-res-74-176/",
    "report": "documents/a-74-127/",
    "permalink": "documents/a-res-74-176/#op-6",
    "draft": "documents/projet-belarus-f33632ee/",
    "search-open": "",
    "search-page": "recherche/?q=traite",
    "comparison": "comparaisons/e-res-2015-23/a-res-74-176/",
    "series": "series/coordination-de-l-action-contre-la-traite-des-personnes/",
    "entity": "etats/belarus/",
    "stub": "documents/a-res-70-1/",
    "404": "nulle-part/ni-ici/",
}
WIDTHS = {"1280": (1280, 900), "390": (390, 844)}
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        message = "axe-core is not installed (make test runs npm ci in tests/support/axe): accessibility tests skipped"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " — but CI=true requires them")
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def _open(page, base_url, kind):
    page.goto(base_url + PAGES[kind])
    page.wait_for_load_state("networkidle")
    if kind == "search-open":
        box = page.locator("#archive-search-input")
        box.focus()
        page.keyboard.type("traite")
        page.wait_for_selector(".archive-search__result", timeout=10_000)
    if kind == "search-page":
        page.wait_for_selector(".archive-search__result", timeout=10_000)


def _violations(page, axe_source):
    page.add_script_tag(content=axe_source)
    return page.evaluate("""async () => {
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map(v => ({ rule: v.id, impact: v.impact,
            where: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + n.failureSummary) }));
    }""")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_on_any_page_type(browser, base_url, axe_source, width, scheme):
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS[width])),
                                  color_scheme="dark" if scheme == "dark" else "light")
    page = context.new_page()
    found = {}
    try:
        for kind in PAGES:
            _open(page, base_url, kind)
            shown = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
            assert shown == SCHEMES[scheme], f"{kind}: the {scheme} palette is not applied ({shown})"
            violations = _violations(page, axe_source)
            if violations:
                found[kind] = violations
    finally:
        context.close()
    assert not found, f"axe-core at {width}px, {scheme}:\n" + json.dumps(found, ensure_ascii=False, indent=1)


def test_the_404_page_is_french_and_leads_somewhere(browser, base_url):
    page = browser.new_page()
    response = page.goto(base_url + "documents/n-existe-pas/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page introuvable"
    targets = page.eval_on_selector_all(".md-content a", "els => els.map(a => a.href)")
    assert base_url + "parcourir/" in targets and base_url + "recherche/" in targets
    page.close()


@pytest.mark.parametrize("width", [360, 390, 768, 1000, 1280, 1920])
def test_nothing_overlaps_in_the_header(browser, base_url, width):
    """The site title, the search box and the light/dark toggle never cover one another."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base_url + "documents/a-74-127/")
    boxes = page.evaluate("""() => {
        const r = sel => { const e = document.querySelector(sel); if (!e) return null;
            const b = e.getBoundingClientRect(); return b.width && b.height ? [b.left, b.top, b.right, b.bottom] : null; };
        return { title: r('.md-header__title .md-header__topic'), search: r('.archive-search__input'),
                 toggle: r('.md-header__option label:not([hidden])'), menu: r('.md-header label[for=__drawer]') };
    }""")
    assert boxes["search"] and boxes["toggle"] and boxes["title"], boxes
    names = [k for k, v in boxes.items() if v]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = boxes[a], boxes[b]
            overlap = min(r1, r2) - max(l1, l2) > 0.5 and min(b1, b2) - max(t1, t2) > 0.5
            assert not overlap, f"{a} and {b} overlap at {width}px: {boxes}"
    for name in ("search", "toggle"):
        left, top, right, bottom = boxes[name]
        assert 0 <= left and right <= width, f"{name} runs off the screen at {width}px"
        hit = page.evaluate(f"() => document.elementFromPoint({(left + right) / 2}, {(top + bottom) / 2})"
                            f".closest('.archive-search, .md-header__option') !== null")
        assert hit, f"the {name} is covered at {width}px"
    page.close()


def test_the_dark_palette_toggles_and_is_remembered(browser, base_url):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(base_url + "documents/a-res-74-176/")
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    toggle = page.locator(".md-header__option label:not([hidden])")
    assert "sombre" in toggle.get_attribute("title")
    toggle.click()
    assert page.evaluate(scheme) == "slate"
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"
    page.goto(base_url + "parcourir/")
    assert page.evaluate(scheme) == "slate", "the reader's choice is forgotten on the next page"
    context.close()


def test_the_closed_phone_menu_is_out_of_the_tab_order(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "documents/a-res-74-176/")
    hidden_stops = []
    for _ in range(14):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => { const e = document.activeElement;
            const inMenu = !!e.closest('.md-sidebar--primary');
            return { inMenu, text: (e.textContent || '').trim().slice(0, 30) }; }""")
        if state["inMenu"]:
            hidden_stops.append(state["text"])
    assert not hidden_stops, f"Tab lands on links of the closed menu: {hidden_stops}"
    page.close()


def test_the_phone_menu_holds_the_documents_table_of_contents(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "documents/a-74-127/")
    page.click(".md-header label[for=__drawer]")
    entry = page.locator(".md-sidebar--primary .md-nav--secondary a", has_text="I. Introduction").first
    entry.wait_for(state="visible")
    target = entry.get_attribute("href")
    assert target.startswith("#") and page.locator(target).count() == 1, target
    entry.click()
    page.wait_for_timeout(400)
    assert page.url.endswith(target)
    assert page.locator(target).evaluate("e => e.getBoundingClientRect().top") < 400, "not scrolled to the section"
    page.close()


def test_the_fiche_and_the_comparison_fit_a_phone(browser, base_url):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    for path in ("documents/a-res-74-176/", "comparaisons/projet-colombie-c5c9048f/a-res-74-176/"):
        page.goto(base_url + path)
        if page.locator(".doc-meta summary").count():
            page.click(".doc-meta summary")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than a 360px phone"
    # on a phone the comparison's two sides stack, and each says which version it is
    first, second = page.locator(".cmp-which").all()[:2]
    assert first.is_visible() and second.is_visible()
    assert "ancienne" in first.inner_text().lower() and "(colombie, 2018)" in first.inner_text().lower()
    assert "récente" in second.inner_text().lower() and "74/176" in second.inner_text()
    assert page.locator(".cmp-head").is_hidden()
    page.close()


def test_document_text_is_set_in_a_serif_face(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "documents/a-res-74-176/")
    family = page.evaluate("() => getComputedStyle(document.querySelector('.doc-body .para')).fontFamily")
    heading = page.evaluate("() => getComputedStyle(document.querySelector('.md-typeset h1')).fontFamily")
    assert "serif" in family and "sans-serif" not in family, family
    assert "sans-serif" in heading, heading
    page.close()


def test_no_empty_column_beside_the_text(browser, base_url):
    """A wide screen: the left column holds the page's table of contents, or is not there."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "documents/a-74-127/")
    column = page.locator(".md-sidebar--primary")
    assert column.is_visible()
    assert column.locator(".md-nav--secondary a").count() >= 5, "the report's sections are listed on the left"
    assert page.locator(".md-sidebar--secondary").count() == 0, "the table of contents is not given twice"
    page.goto(base_url + "series/coordination-de-l-action-contre-la-traite-des-personnes/")
    assert page.locator(".md-sidebar--primary").is_hidden(), "an empty column beside a page without contents"
    page.close()
