"""The layout's rules, checked on the code: the pure core imports nothing of MkDocs, and the
page loops' helpers (:mod:`build_scripts.mkdocs_pages`) work on stand-ins of MkDocs' pages."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace
from typing import NamedTuple

import pytest
from hypothesis import given, settings, strategies as st
from mkdocs.utils.meta import get_data

from build_scripts.cache import pages
from build_scripts.cache.store import Store
from build_scripts.mkdocs_pages import CACHED_TEMPLATE, HtmlSpool, PageCache, PageError, SourceMemo, give_anchors

PACKAGE = Path(__file__).resolve().parent.parent / "build_scripts"
MKDOCS_SIDE = {"mkdocs", "material", "jinja2", "markdown"}  # MkDocs and what it renders with


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.add(node.module.split(".")[0])
    return out


#: the renderer that reproduces Python-Markdown's output uses its helpers (attribute lists, slugs)
REPRODUCES_MARKDOWN = PACKAGE / "pagehtml"
#: the MkDocs plugin: the only package that imports MkDocs
PLUGIN = PACKAGE / "mkdocs_plugin"


def test_only_the_plugin_imports_mkdocs():
    offenders = {str(p.relative_to(PACKAGE)): sorted(_imported(p) & (MKDOCS_SIDE - {"markdown"}
                                                                      if p.parent == REPRODUCES_MARKDOWN else MKDOCS_SIDE))
                 for p in sorted(PACKAGE.rglob("*.py")) if p.parent != PLUGIN}
    assert {k: v for k, v in offenders.items() if v} == {}
    for module in sorted(PLUGIN.glob("*.py")):  # the check sees imports at all
        assert _imported(module) & {"mkdocs"}, module


def _page(src: str, text: str = ""):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src, content_string=text), meta={}, markdown=text,
                           present_anchor_ids=None, links_to_anchors=None)


class _File(NamedTuple):
    src_uri: str


class _Files:
    def __init__(self, *paths):
        self.src_uris = {p: _File(p) for p in paths}

    def get_file_from_path(self, path):
        return self.src_uris.get(path)


def test_spool_holds_the_html_compressed_and_gives_it_back_in_place():
    spool, page = HtmlSpool(), _page("a.md", "# A")
    html = "<h1 id='a'>A</h1><p>x &amp; y</p>"
    held = spool.hold(page, html)
    assert held != html and "<h1" in held and page.markdown == ""  # Material asks whether the content has <h1
    assert spool.restore(page, f"<main>{held}</main>") == f"<main>{html}</main>"
    assert spool.restore(page, "<main>other</main>") == "<main>other</main>"  # given back once only


def test_spool_refuses_a_template_that_does_not_show_the_content_once():
    spool, page = HtmlSpool(), _page("a.md")
    held = spool.hold(page, "<p>x</p>")
    with pytest.raises(PageError, match="a.md"):
        spool.restore(page, held + held)


def test_page_cache_renders_once_then_gives_the_html_back():
    warnings = SimpleNamespace(count=0)
    store = Store(None)
    files = _Files("a.md", "b.md")
    text = "---\ntitle: A\n---\n[B](b.md#x)\n"

    first = PageCache(store, "pages", warnings)
    first.site_key, first.cacheable = "site", {"a.md"}
    page = _page("a.md", text)
    assert first.markdown(text, page, files) == text and not first.cached(page)
    page.present_anchor_ids, page.links_to_anchors = {"top"}, {files.src_uris["b.md"]: {"x": "b.md#x"}}
    first.content(page, files)
    assert first.output(page, "<html>A</html>") == "<html>A</html>" and first.rendered == 1

    second = PageCache(store, "pages", warnings)
    second.site_key, second.cacheable = "site", {"a.md"}
    again = _page("a.md", text)
    assert second.markdown(text, again, files) == "" and second.cached(again)
    assert again.meta["template"] == CACHED_TEMPLATE
    second.content(again, files)
    assert again.present_anchor_ids == {"top"}  # MkDocs still checks links to its anchors
    assert again.links_to_anchors == {files.src_uris["b.md"]: {"x": "b.md#x"}}
    assert second.output(again, "placeholder") == "<html>A</html>" and second.reused == 1

    changed = PageCache(store, "pages", warnings)  # a linked file gone: another key
    changed.site_key, changed.cacheable = "site", {"a.md"}
    assert changed.markdown(text, _page("a.md", text), _Files("a.md")) == text


def test_page_cache_does_not_keep_a_page_that_warned():
    warnings = SimpleNamespace(count=0)
    store = Store(None)
    cache = PageCache(store, "pages-warned", warnings)
    cache.site_key, cache.cacheable = "site", {"a.md"}
    page = _page("a.md", "x")
    cache.markdown("x", page, _Files("a.md"))
    warnings.count += 1  # MkDocs warned while rendering it
    cache.content(page, _Files("a.md"))
    assert cache.output(page, "<p>x</p>") == "<p>x</p>" and cache.rendered == 0
    assert store.get("pages-warned", pages.page_key("site", "a.md", "x", lambda p: True)) is None


def test_page_cache_keys_a_generated_page_by_its_bytes_as_held():
    store, files = Store(None), _Files("a.md", "b.md")
    cache = PageCache(store, "pages", SimpleNamespace(count=0))
    cache.site_key = "site"
    held = SimpleNamespace(src_uri="a.md", compressed=b"zlib 1", content_string="[B](b.md)\n")
    other = SimpleNamespace(src_uri="a.md", compressed=b"zlib 2", content_string="[B](b.md)\n")
    text = SimpleNamespace(src_uri="a.md", content_string="[B](b.md)\n")  # a file with no bytes held
    assert cache.key(held, files) == cache.key(held, files) != cache.key(other, files)
    assert cache.key(text, files) not in (cache.key(held, files), cache.key(other, files))
    assert cache.key(held, files) != cache.key(held, _Files("a.md"))  # its link target gone: another key


def test_give_anchors_keeps_links_to_files_still_there():
    page, files = _page("a.md"), _Files("a.md", "b.md")
    give_anchors(page, ["x", "y"], (("b.md", (("k", "b.md#k"),)), ("gone.md", (("z", "gone.md#z"),))), files)
    assert page.present_anchor_ids == {"x", "y"}
    assert page.links_to_anchors == {files.src_uris["b.md"]: {"k": "b.md#k"}}


def _counting(calls):
    def parse(text):
        calls.append(text)
        return get_data(text)
    return parse


def test_source_memo_parses_a_text_once_and_gives_fresh_meta():
    calls: list[str] = []
    memo = SourceMemo(_counting(calls))
    text = "---\ntitle: A\nhide: [toc]\narchive: {n: 1, d: 2024-01-02}\n---\n\n# A\n"
    first = memo.split(text)
    assert first == get_data(text)
    first[1]["hide"].append("navigation")  # a page's meta changed by a plugin or template
    first[1]["template"] = "x.html"
    assert memo.split(text) == get_data(text) and len(calls) == 1
    memo.next_build()
    assert memo.split(text) == get_data(text) and len(calls) == 1  # used by the last build: kept
    memo.next_build()
    memo.next_build()  # unused by two builds: let go
    assert memo.split(text) == get_data(text) and len(calls) == 2


def test_source_memo_does_not_keep_what_get_data_rewrote():
    calls: list[str] = []
    memo = SourceMemo(_counting(calls))
    text = "Title: A\r\nSummary: b\r\n\r\nBody\r\nmore\r\n"  # MultiMarkdown meta: get_data rewrites the line ends
    assert memo.split(text) == get_data(text)
    assert memo.split(text) == get_data(text) and len(calls) == 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("-:ab \n\r#[]{}'\"é")), max_size=60))
def test_source_memo_gives_what_mkdocs_gives(text):
    memo = SourceMemo(get_data)
    assert memo.split(text) == get_data(text)
    assert memo.split(text) == get_data(text)  # from the memo


def test_a_generated_file_lets_its_text_go_once_used_under_mkdocs_build(tmp_path):
    """``mkdocs build``: a generated file's text is let go once written (or its page read);
    reading it again is an error naming the plugin, never an empty file."""
    from mkdocs.exceptions import PluginError

    from build_scripts.mkdocs_plugin.files import GeneratedFile
    from build_scripts.render.pages import SiteFile

    config = SimpleNamespace(site_dir=str(tmp_path), use_directory_urls=True,
                             plugins=SimpleNamespace(_current_plugin="un-archive"))
    try:
        GeneratedFile.let_go = False  # mkdocs serve: kept
        kept = GeneratedFile(config, SiteFile("api/a.json", '{"a": 1}'))
        kept.copy_file()
        assert kept.content_string == '{"a": 1}'
        GeneratedFile.let_go = True
        spent = GeneratedFile(config, SiteFile("api/b.json", '{"b": 2}'))
        spent.copy_file()
        assert (tmp_path / "api" / "b.json").read_text(encoding="utf-8") == '{"b": 2}'
        with pytest.raises(PluginError, match="after MkDocs had used it"):
            spent.content_bytes
    finally:
        GeneratedFile.let_go = False
