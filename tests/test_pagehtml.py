"""The fast renderer of the generated pages (:mod:`build_scripts.pagehtml`) against Python-Markdown.

Its one promise: for a page in its subset, the HTML, table of contents and anchors that
MkDocs' ``Page.render`` would make with the archive's Markdown extensions, links resolved in
the same order; otherwise ``None``. Checked on every generated page of the seeds and the 61
real documents, rule by rule on small snippets, and on random paragraphs (hypothesis). The
whole site built through it equals the site built by Python-Markdown byte for byte
(``tests/test_incremental.py``: every clean build there uses ``fast_html: false``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from build_scripts import pagehtml, site
from build_scripts.model import NoteRef, Paragraph
from build_scripts.render import escape
from build_scripts.render.inline import Link, paragraph_markdown
from tests.support.markdown_ref import render
from tests.support.sitebuild import ROOT

REAL = Path(__file__).resolve().parent / "fixtures" / "real"


def both(text: str):
    """(ours, Python-Markdown's), each with the links it resolved, in order."""
    ours_links, ref_links = [], []
    ours = pagehtml.convert(text, lambda h: ours_links.append(h) or f"/resolved/{h}")
    ref = render(text, lambda h: ref_links.append(h) or f"/resolved/{h}")
    return ours, ours_links, ref, ref_links


def same(text: str) -> bool:
    ours, ours_links, ref, ref_links = both(text)
    assert ours is not None, f"outside the subset:\n{text}"
    assert ours.html == ref[0], f"\n{ours.html}\n!=\n{ref[0]}"
    assert ours.toc_tokens == ref[1]
    assert ours.anchors == ref[2]
    assert ours_links == ref_links
    return True


def _bodies(folder: Path) -> dict[str, str]:
    out = site.output(folder, 8, 1, None)
    return {f.path: f.content.split("\n---\n", 1)[1] for f in out.files if f.path.endswith(".md")}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pagehtml") / "sources"
    folder.mkdir()
    for path in [*(ROOT / "source_docs").iterdir(), *REAL.glob("*/*.txt")]:
        shutil.copy(path, folder / path.name)
    return _bodies(folder)


def test_every_generated_page_is_rendered_as_python_markdown_would(pages):
    rendered = 0
    for path, body in sorted(pages.items()):
        ours, ours_links, ref, ref_links = both(body)
        assert ours is not None, f"{path} is outside the subset"
        assert (ours.html, ours.toc_tokens, ours.anchors, ours_links) == (*ref, ref_links), path
        rendered += 1
    assert rendered > 400


SUPPORTED = {
    "heading with an attribute list": "## Notes {: #notes .notes-title }",
    "heading without id (toc slug)": "# Résolution 74/176 \\[x\\] A&amp;B",
    "same slug twice, and taken by a paragraph": "# Notes\n\n# Notes\n\npara\n{: #notes }\n\n## Notes {: #notes-2 }",
    "heading with a link": "### [A/RES/74/176](../documents/a-res-74-176.md) {: #doc-a-res-74-176 }",
    "paragraph with attributes": 'Texte\n{: #op-3 .para .op data-label="par. 3" data-depth="0" }',
    "escapes": "a \\* b \\_ c \\[d\\] \\{e\\} \\# \\` \\\\ \\> \\q \\|",
    "entities and bare characters": "&amp; &lt; &gt; &#123; &#x7B; & a > b \"q\"",
    "inline tags and ids": '<span class="num">3.</span> <sup class="fnref" id="fnref-1-op-3">[1](#fn-1 "Note 1")</sup>',
    "link with title and inline attributes": '[¶](#op-3 "Lien : par. 3"){: .permalink aria-label="Lien &#42; 3" }',
    "link with parentheses": "[S/RES/1267 (1999)](https://undocs.org/fr/S/RES/1267%20(1999)){: hreflang=fr }",
    "strong and emphasis": "l’**Office** des *Nations* — *(hors de l’archive)*",
    "emphasis opening a paragraph": "*Titre* — titre donné par les textes qui le citent.",
    "lists": "- [a](a.md) — x\n- b\n\n3. [c](c.md)\n4. d",
    "ordered list from 1": "1. a\n2. b",
    "table": "| a | b |\n|---|---|\n| [x](y.md) | 2 |\n| 3 | **4** |",
    "exclamation mark": "Attention ! Voir [ceci](x.md) !",
    "strong opening a paragraph": "**modifié** · similarité 78 %\n{: .cmp-status }",
    "containers (md_in_html)": ('<div class="cmp" markdown="1">\n\n<div class="row" aria-hidden="true" markdown="1">\n\n'
                                "a\n{: .side }\n\n- b\n\n</div>\n\n<div id=\"x\" markdown=\"1\">\n\n</div>\n\n</div>\n\nafter"),
}


@pytest.mark.parametrize("name", sorted(SUPPORTED))
def test_a_rule_of_the_subset(name):
    assert same(SUPPORTED[name])


UNSUPPORTED = {
    "indented line": "    code",
    "quote": "> quoted",
    "rule": "***",
    "fence": "~~~\ncode\n~~~",
    "underscore emphasis": "a _b_ c",
    "lone asterisk": "a * b",
    "image": "![alt](x.png)",
    "code span": "a `b` c",
    "block HTML": '<div class="x">y</div>',
    "comment": "<!-- x -->",
    "list continued after a blank line": "- a\n\n- b",
    "list item that is a heading": "- # a",
    "paragraph of two lines": "a\nb",
    "line break": "a  \n{: .x }",
    "admonition": "!!! note\n    x",
    "star list": "* a",
    "table with alignment": "| a |\n|:--|\n| b |",
    "table row with a missing cell": "| a | b |\n|---|---|\n| c |",
    "link without target": "[a] b",
    "tab": "a\tb",
    "attribute value with an asterisk": '[¶](#x){: aria-label="note *" }',
    "unclosed container": '<div markdown="1">\n\na',
    "container with text on its line": '<div markdown="1">a\n\n</div>',
    "raw block HTML in a container": '<div markdown="1">\n\n<p>a</p>\n\n</div>',
    "strong and emphasis at once": "***a***",
}


@pytest.mark.parametrize("name", sorted(UNSUPPORTED))
def test_what_is_outside_the_subset_goes_to_python_markdown(name):
    assert pagehtml.convert(UNSUPPORTED[name], lambda h: h) is None


_TEXT = st.text(st.sampled_from(list("abc éÉœ’«» .,;:!?()-–—/0123456789") + list("*_[]{}#`\\<>&|\"'~+=") +
                                ["\u00a0", "\u200b", "\U0001F600", "ß", "中"]), min_size=1, max_size=60
                ).map(str.strip).filter(bool)  # a paragraph, a label: never blank, never padded (the normalizer's)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, data=st.data())
def test_any_paragraph_the_archive_writes_is_rendered_as_python_markdown_would(text, data):
    """A paragraph as :mod:`build_scripts.render.markdown` writes it — escaped text, links over
    spans of it, footnote references, an attribute list — is in the subset and rendered
    exactly as Python-Markdown renders it, whatever its characters (an exclamation mark
    just before a link, which Python-Markdown would read as an image, is left to it)."""
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=4)))
    links = [Link(a, b, f"../documents/x-{i}.md#op-{i}", data.draw(_TEXT)) for i, (a, b) in
             enumerate(zip(cuts[::2], cuts[1::2])) if b > a]
    notes = tuple(NoteRef(m, data.draw(st.integers(0, len(text)))) for m in data.draw(st.sets(st.sampled_from("12*"), max_size=2)))
    para = Paragraph("op-1", "operative", text, notes=notes)
    label = data.draw(_TEXT)
    block = (f'<span class="num">1.</span> {paragraph_markdown(para, links)} [¶](#op-1 "Lien : {escape.attr(label)}")'
             f'{{: .permalink aria-label="{escape.attr(label)}" }}\n{{: #op-1 .para data-label="{escape.attr(label)}" }}')
    heading = f"## {paragraph_markdown(para, links)} {{ #h-1 }}"
    page = f"# {escape.text(label)}\n\n{block}\n\n{heading}\n\n- [{escape.text(label)}](y.md) — {escape.text(text)}\n"
    ours = pagehtml.convert(page, lambda h: h)
    if ours is None:
        assert "![" in page.replace("\\!", "")
        return
    assert same(page)


def _mkdocs_page(tmp_path, markdown: str):
    """A real MkDocs page of a generated file ``documents/a.md`` beside ``documents/b.md``."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins._current_plugin = None  # as outside a plugin's event
    files = Files([File.generated(config, "documents/a.md", content=markdown),
                   File.generated(config, "documents/b.md", content="# B\n")])
    page = Page("A", files.get_file_from_path("documents/a.md"), config)
    page.markdown, page.meta = markdown, {"title": "A"}
    return page, config, files


def test_the_plugin_renders_a_page_through_pagehtml_and_mkdocs_links(tmp_path):
    from build_scripts.mkdocs_plugin.rendering import render_fast

    text = "# A\n\nVoir [b](b.md#op-1) et [ici](#x).\n{: #x }"
    page, config, files = _mkdocs_page(tmp_path, text)
    counts, fallback = [0, 0], []
    render_fast(page, lambda *args: fallback.append(args), counts, config, files)
    assert counts == [0, 1] and not fallback
    assert page.content == ('<h1 id="a">A</h1>\n<p id="x">Voir <a href="../b/#op-1">b</a> et <a href="#x">ici</a>.</p>')
    assert page.present_anchor_ids == {"a", "x"} and [t.title for t in page.toc] == ["A"]
    assert {f.src_uri: links for f, links in page.links_to_anchors.items()} == {
        "documents/b.md": {"op-1": "b.md#op-1"}, "documents/a.md": {"x": "#x"}}
    reference, _, _ = _mkdocs_page(tmp_path, text)
    reference.render(config, files)  # MkDocs' own rendering of the same page
    assert (reference.content, reference.present_anchor_ids) == (page.content, page.present_anchor_ids)


def test_the_plugin_leaves_a_page_outside_the_subset_to_mkdocs(tmp_path):
    from build_scripts.mkdocs_plugin.rendering import render_fast

    page, config, files = _mkdocs_page(tmp_path, "# A\n\n> a quote")
    counts, fallback = [0, 0], []
    render_fast(page, lambda *args: fallback.append(args), counts, config, files)
    assert counts == [1, 0] and fallback == [(config, files)] and page.content is None
