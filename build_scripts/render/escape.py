"""Escaping source text for Markdown pages.

Guarantee: :func:`text` returns Markdown that renders exactly the given
characters as text — HTML (``<script>``) and Markdown syntax (``*``, ``[``,
``#``, ``{:``, backticks …) never take effect.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#])")


def text(value: str) -> str:
    """Escape *value* for use inside a Markdown paragraph."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", value)


def attr(value: str) -> str:
    """Escape *value* for an HTML attribute written in the page."""
    return (value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("{", "&#123;").replace("}", "&#125;"))
