"""Inline Markdown of the generated pages to HTML, as Python-Markdown renders it.

The subset (what :mod:`build_scripts.render` writes): text escaped by
:func:`build_scripts.render.escape.text` (backslash escapes, ``&amp;``-style entities),
links ``[text](href "title")`` optionally followed by an inline attribute list
``{: .class key="value" }``, ``**strong**``, and inline HTML tags of a fixed set
(``<span>``, ``<sup>``, ``<em>``, ``<ins>``, ``<del>`` …) passed through as written.

Guarantee of :func:`inline`: the HTML it appends is byte for byte what Python-Markdown
(with ``attr_list``) makes of the same text, links left for the caller to resolve
(:class:`Href`); anything else — an unescaped ``*`` or ``_``, an image, a code span, a
tag outside the set, a bracket that is not a link — raises :class:`Unsupported`, and the
page is left to Python-Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions.attr_list import get_attrs_and_remainder, sanitize_name
from markdown.inlinepatterns import dequote


class Unsupported(Exception):
    """The text uses Markdown outside the subset this renderer reproduces."""


@dataclass(frozen=True)
class Href:
    """A link target as written in the Markdown (MkDocs resolves it to a URL)."""

    value: str


#: Python-Markdown's escapable characters (with ``|``, which its tables extension adds).
ESCAPED = frozenset("\\`*_{}[]()>#+-.!|")
INLINE_TAGS = frozenset("a abbr b bdi cite del em i ins mark q s small span strong sub sup time u".split())

_SPECIAL = re.compile(r"[\\\[\]<>&*_`!{}\x02\x03]")
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);")
_AMP = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.I)  # Python-Markdown's serializer
_TAG = re.compile(r'</?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:="[^"<>]*")?)*)\s*>')
_ID = re.compile(r'\sid="([^"]*)"')
_PLAIN = r"[A-Za-z0-9._~/#:%?=+@,;-]"  # a link target written plainly (no escape, space, quote, &)
_LINK_END = re.compile(r'\(((?:' + _PLAIN + r'|\(' + _PLAIN + r'*\))+)(?: "([^"\\\n]*)")?\)')
_INLINE_ATTRS = re.compile(r"\{:?[ ]*([^\}\n ][^\n]*?)\}")
_FORBIDDEN_IN_ATTRS = re.compile(r"[*_\[\]<>\\`{]")


def escape_attr(value: str) -> str:
    """An attribute value as Python-Markdown's serializer writes it (entities kept)."""
    if "&" in value:
        value = _AMP.sub("&amp;", value)
    return value.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def attrs_of(source: str) -> dict[str, str]:
    """The attributes an attribute list (``#id .class key="value"``) sets, in its order
    (``attr_list``'s own parser: a class adds to the class)."""
    if _FORBIDDEN_IN_ATTRS.search(source) or "&" in source and _AMP.search(source):
        raise Unsupported("attribute list")
    attrs: dict[str, str] = {}
    parsed, remainder = get_attrs_and_remainder(source)
    if remainder:
        raise Unsupported("attribute list")
    for key, value in parsed:
        if value is None:
            raise Unsupported("boolean attribute")
        if key == ".":
            attrs["class"] = f"{attrs['class']} {value}" if attrs.get("class") else value
        else:
            attrs[sanitize_name(key)] = value
    return attrs


def start_tag(name: str, attrs: dict[str, str]) -> str:
    """``<name a="…">`` with the attributes in lexical order, as Python-Markdown writes them."""
    return "<" + name + "".join(f' {k}="{escape_attr(v)}"' for k, v in sorted(attrs.items())) + ">"


def inline(text: str, out: list, ids: list[str], tree_ids: list[str]) -> None:
    """Append *text*'s HTML to *out* (strings and :class:`Href`); the ids of its inline
    tags to *ids*, those set by attribute lists to *tree_ids*."""
    pos, n = 0, len(text)
    while pos < n:
        m = _SPECIAL.search(text, pos)
        if m is None:
            out.append(text[pos:])
            return
        i = m.start()
        if i > pos:
            out.append(text[pos:i])
        c = text[i]
        if c == "\\":
            nxt = text[i + 1:i + 2]
            if nxt in ESCAPED and nxt:
                out.append("&gt;" if nxt == ">" else nxt)
                pos = i + 2
            else:
                out.append("\\")
                pos = i + 1
        elif c == "&":
            e = _ENTITY.match(text, i)
            out.append(e.group(0) if e else "&amp;")
            pos = e.end() if e else i + 1
        elif c == ">":
            out.append("&gt;")
            pos = i + 1
        elif c == "<":
            pos = _tag(text, i, out, ids)
        elif c == "[":
            pos = _link(text, i, out, ids, tree_ids)
        elif c == "*":
            pos = (_strong if text.startswith("**", i) else _em)(text, i, out, ids, tree_ids)
        elif c == "!" and text[i + 1:i + 2] != "[":
            out.append("!")
            pos = i + 1
        else:  # _ ` { } ] ![ and the placeholders' control characters
            raise Unsupported(f"inline {c!r}")


def _tag(text: str, i: int, out: list, ids: list[str]) -> int:
    m = _TAG.match(text, i)
    if m is None or m.group(1).lower() not in INLINE_TAGS or " name=" in m.group(2):
        raise Unsupported("inline HTML")
    tag = m.group(0)
    for value in _ID.findall(tag):
        if "&" in value:
            raise Unsupported("id with a character reference")
        ids.append(value)
    out.append(tag)
    return m.end()


def _link(text: str, i: int, out: list, ids: list[str], tree_ids: list[str]) -> int:
    j = i + 1
    while True:  # the closing bracket (escaped brackets are text; nested ones are not handled)
        k = text.find("]", j)
        b = text.find("[", j)
        s = text.find("\\", j)
        if k < 0 or (0 <= b < k and (s < 0 or b < s)):
            raise Unsupported("bracket")
        if 0 <= s < k:
            j = s + 2
            continue
        break
    m = _LINK_END.match(text, k + 1)
    if m is None:
        raise Unsupported("link")
    href, title = m.group(1), m.group(2)
    if title is not None and "'" in title:  # Python-Markdown may take it for a quote
        raise Unsupported("apostrophe in a link title")
    attrs = {"href": Href(href)}
    if title is not None:  # as Python-Markdown cleans a title
        attrs["title"] = re.sub(r"\s", " ", dequote(title.strip()))
    end = m.end()
    a = _INLINE_ATTRS.match(text, end)
    if a is not None:
        if "}" in text[a.end():] or "{" in a.group(1):
            raise Unsupported("inline attribute list")
        extra = attrs_of(a.group(1))
        tree_ids += [extra["id"]] if "id" in extra else []
        attrs |= extra
        end = a.end()
    out.append("<a")
    for key, value in sorted(attrs.items()):
        out += [f' {key}="', value if isinstance(value, Href) else escape_attr(value), '"']
    out.append(">")
    inline(text[i + 1:k], out, ids, tree_ids)
    out.append("</a>")
    return end


def _strong(text: str, i: int, out: list, ids: list[str], tree_ids: list[str]) -> int:
    if text.startswith("***", i) or text[i + 2:i + 3] in ("", " "):
        raise Unsupported("emphasis")
    k = text.find("**", i + 2)
    if k < 0 or text[k - 1] == " " or text.startswith("***", k) or "*" in text[i + 2:k].replace("\\*", ""):
        raise Unsupported("emphasis")
    out.append("<strong>")
    inline(text[i + 2:k], out, ids, tree_ids)
    out.append("</strong>")
    return k + 2


def _em(text: str, i: int, out: list, ids: list[str], tree_ids: list[str]) -> int:
    if text[i + 1:i + 2] in ("", " "):
        raise Unsupported("emphasis")
    k = text.find("*", i + 1)
    while k > 0 and text[k - 1] == "\\":
        k = text.find("*", k + 1)
    if k < 0 or text[k - 1] == " " or text.startswith("**", k):
        raise Unsupported("emphasis")
    out.append("<em>")
    inline(text[i + 1:k], out, ids, tree_ids)
    out.append("</em>")
    return k + 1
