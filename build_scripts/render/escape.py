"""Escaping source text for Markdown pages and for the theme.

Guarantee: :func:`text` returns Markdown that renders exactly the given
characters as text — HTML (``<script>``) and Markdown syntax (``*``, ``[``,
``#``, ``{:``, backticks …) never take effect. :func:`html` is for a page's
front-matter ``title``, which Material prints into the page (``<title>``,
the header) without escaping: MkDocs' Jinja templates do not autoescape.
Our own templates escape every value they print with ``| e``.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#])")


def text(value: str) -> str:
    """Escape *value* for use inside a Markdown paragraph."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", value)


def html(value: str) -> str:
    """*value* with ``& < > " '`` as HTML character references (for a front-matter title)."""
    import html as _html

    return _html.escape(value, quote=True)


_ATTR = {"&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;", "*": "&#42;",
         "_": "&#95;", "[": "&#91;", "]": "&#93;", "\\": "&#92;", "`": "&#96;"}
_ATTR_RE = re.compile("[" + re.escape("".join(_ATTR)) + "]")


def attr(value: str) -> str:
    """Escape *value* for an HTML attribute written in the page: HTML's special characters
    and every character Markdown could read (``{}`` of attribute lists, ``*_[]\\` ``, the ``'``
    that Python-Markdown takes for a second quote in a link's title) become character
    references, so the attribute reads back as written."""
    return _ATTR_RE.sub(lambda m: _ATTR[m.group(0)], value)
