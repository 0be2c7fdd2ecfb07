"""What MkDocs 1.6's ``Page.render`` makes of a page's Markdown (the reference the fast
renderer of :mod:`build_scripts.pagehtml` is tested against): HTML, ``toc`` tokens and
anchor ids, with link targets passed through *resolve* in document order."""

from __future__ import annotations

import markdown
from mkdocs.structure.pages import _ExtractAnchorsTreeprocessor, _RawHTMLPreprocessor

from build_scripts.pagehtml import EXTENSIONS


class _Links(markdown.treeprocessors.Treeprocessor):
    def __init__(self, resolve):
        self.resolve = resolve

    def run(self, root):
        for element in root.iter():
            if element.tag == "a":
                element.set("href", self.resolve(element.get("href")))
        return root


def render(text: str, resolve=lambda href: href) -> tuple[str, list, frozenset]:
    extensions, configs = EXTENSIONS
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    raw = _RawHTMLPreprocessor()
    raw._register(md)
    anchors = _ExtractAnchorsTreeprocessor(None, None, None)
    anchors._register(md)
    md.treeprocessors.register(_Links(resolve), "relpath", 0)
    html = md.convert(text)
    return html, md.toc_tokens, frozenset(anchors.present_anchor_ids | raw.present_anchor_ids)
