"""Edge: sidecar metadata files (``NAME.meta.yml`` next to ``NAME.txt``).

A sidecar supplies or corrects what a text cannot tell (a draft's symbol, an
adoption date, a report's title). Guarantees of :func:`load`:

* it never raises: whatever the bytes or text, it returns the valid
  overrides and the problems, each with its line in the sidecar;
* a sidecar over :data:`MAX_BYTES`, not valid YAML, not a mapping, or using
  YAML anchors, aliases (``&a``/``*a``: a few hundred bytes can expand to
  gigabytes), tags (``!foo``, ``!!python/…``) or nesting deeper than a list
  is ignored as a whole, before anything is constructed;
* every value is decoded and checked inside its own ``try``: a bad value
  (unknown key, impossible date, unknown language, text too long …) is
  reported and ignored, the good keys still apply;
* values are the text as written (no YAML typing: ``session: 074`` is
  ``"074"``), without control or bidirectional characters (see
  :func:`build_scripts.read.scrub`); a ``series`` that is not a slug is used
  in its slug form (:func:`build_scripts.slug.slug`), with a warning.

:func:`apply` makes sidecar values win over extraction and records
``sidecar`` as their provenance.
"""

from __future__ import annotations

import dataclasses
import datetime
import re

import yaml

from . import slug as slugs
from .lang import LANGUAGES
from .model import TYPES, Issue, Metadata
from .read import scrub, utf8_or_cp1252
from .symbol import Symbol

KEYS = ("id", "symbol", "type", "body", "language", "title", "date", "year", "session", "agenda_items",
        "sponsors", "committee_report", "meeting", "series")
_LISTS = ("agenda_items", "sponsors")
_REQUIRED = ("id", "symbol", "type", "language")  # a document always has them: never emptied
MAX_BYTES = 65_536  # a sidecar holds a few lines
MAX_TEXT = 1_000  # characters in one value (the longest UN titles are about 300)
MAX_ITEMS = 250  # items in a list (every Member State can sponsor a draft)
MAX_SYMBOL = 60
_NULL = "tag:yaml.org,2002:null"


class _Refused(Exception):
    """The sidecar as a whole is refused (message and line)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def load(data: str | bytes) -> tuple[dict, list[Issue]]:
    """Parse a sidecar (text or raw bytes); return the valid overrides and the problems (with lines)."""
    issues: list[Issue] = []
    try:
        text = _text(data, issues)
        node = _compose(text)
    except _Refused as refused:
        return {}, issues + [Issue(refused.line, refused.message)]
    if node is None:
        return {}, issues
    if not isinstance(node, yaml.MappingNode):
        return {}, issues + [Issue(node.start_mark.line + 1, "sidecar must be a mapping of key: value")]
    values: dict = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        try:
            key, value, notes = _entry(key_node, value_node, values)
            values[key] = value
            issues += [Issue(line, f"sidecar key {key!r}: {note}") for note in notes]
        except ValueError as err:
            issues.append(Issue(line, str(err)))
        except Exception as err:  # one bad value never stops the others
            issues.append(Issue(line, f"sidecar value could not be read ({type(err).__name__}); ignored"))
    return values, issues


def _text(data: str | bytes, issues: list[Issue]) -> str:
    """The sidecar's text: size-checked, decoded (UTF-8, else cp1252 with a warning)."""
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    if size > MAX_BYTES:
        raise _Refused(0, f"sidecar over {MAX_BYTES // 1024} kB ({size:,} bytes): ignored")
    if isinstance(data, bytes):
        data, line = utf8_or_cp1252(data.removeprefix(b"\xef\xbb\xbf"))
        if line:
            issues.append(Issue(line, "sidecar is not UTF-8: read as Windows-1252 (cp1252); check the accents"))
    return data.lstrip("\ufeff")


def _compose(text: str):
    """The YAML node tree, after a check of every event: no anchor, alias, tag or deep nesting."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise _Refused(line, "sidecar uses YAML anchors or aliases (& or *), not allowed: ignored")
            tag = getattr(event, "tag", None)
            if tag:
                raise _Refused(line, f"sidecar uses a YAML tag ({tag}), not allowed: ignored")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > 2:
                    raise _Refused(line, "sidecar nests lists or mappings: only key: value and key: [list] are allowed; ignored")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise _Refused(mark.line + 1 if mark else 0, f"sidecar is not valid YAML: {getattr(err, 'problem', None) or err}")


def _entry(key_node, value_node, seen: dict) -> tuple[str, object, list[str]]:
    """One ``key: value``: decoded and checked; raise ValueError with the message to report."""
    if not isinstance(key_node, yaml.ScalarNode) or key_node.value not in KEYS:
        shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "(not a text)"
        raise ValueError(f"unknown sidecar key {shown[:40]!r} ignored (allowed: {', '.join(KEYS)})")
    key = key_node.value
    notes = ["repeated: the last value counts"] if key in seen else []
    if key in _LISTS:
        if not isinstance(value_node, yaml.SequenceNode):
            raise ValueError(f"sidecar key {key!r}: expected a list; ignored")
        if len(value_node.value) > MAX_ITEMS:
            raise ValueError(f"sidecar key {key!r}: more than {MAX_ITEMS} items; ignored")
        items = [_scalar(key, item, notes) for item in value_node.value]
        return key, tuple(item for item in items if item), notes
    value = _scalar(key, value_node, notes)
    if not value and key in _REQUIRED:
        raise ValueError(f"sidecar key {key!r}: empty value; ignored")
    if value is None:
        return key, None, notes
    value, note = _check(key, value)
    return key, value, notes + ([note] if note else [])


def _scalar(key: str, node, notes: list[str]) -> str | None:
    """The text of a scalar node as written (None for an empty value)."""
    if not isinstance(node, yaml.ScalarNode):
        raise ValueError(f"sidecar key {key!r}: expected a text, not a list or mapping; ignored")
    if node.tag == _NULL and node.style is None:
        return None
    if len(node.value) > MAX_TEXT:
        raise ValueError(f"sidecar key {key!r}: value over {MAX_TEXT} characters; ignored")
    value, removed = scrub(node.value)
    notes += [issue.message for issue in removed]
    return value.strip()


def _check(key: str, value: str) -> tuple[str, str | None]:
    """The value to keep and a note; raise ValueError for a value that is refused."""
    def refuse(problem: str):
        raise ValueError(f"sidecar key {key!r}: {problem}; ignored")

    if key == "symbol" and (len(value) > MAX_SYMBOL or not Symbol.try_parse(value)):
        refuse(f"{value[:80]!r} is not a UN document symbol" + (f" (over {MAX_SYMBOL} characters)" if len(value) > MAX_SYMBOL else ""))
    if key == "type" and value not in TYPES:
        refuse(f"{value!r} is not one of {', '.join(TYPES)}")
    if key == "language" and value not in LANGUAGES:
        refuse(f"{value[:80]!r} is not one of {', '.join(LANGUAGES)}")
    if key == "date" and not is_date(value):
        refuse(f"{value[:80]!r} is not a date: expected an ISO date YYYY-MM-DD")
    if key == "year" and not re.fullmatch(r"(19|20)\d\d", value):
        refuse("expected a year YYYY")
    if key == "session" and not re.fullmatch(r"\d{1,3}|[A-Z]{1,3}-\d{1,3}", value):
        refuse(f"{value[:80]!r} is not a session number (74, ES-10)")
    if key == "id" and not slugs.is_slug(value):
        refuse(f"expected a slug of a-z, 0-9 and - (at most {slugs.MAX} characters)")
    if key == "body" and value not in _known_bodies():
        return value, (f"{value[:80]!r} is not a known body code ({', '.join(_known_bodies())}): kept as written, "
                       "listed on its own page")
    if key == "series" and not slugs.is_slug(value):
        used = slugs.slug(value)
        return used, f"{value[:80]!r} is not a series id (a-z, 0-9 and -): used as {used!r}"
    return value, None


def _known_bodies() -> tuple[str, ...]:
    from .render.french import labels

    return tuple(labels()["bodies"])


def is_date(value: str) -> bool:
    """``2019-12-18`` yes; ``2019-02-30``, ``2019-13-45``, ``18/12/2019`` no."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def apply(meta: Metadata, overrides: dict) -> Metadata:
    """*meta* with the sidecar's *overrides* applied (they win)."""
    fields = {k: v for k, v in overrides.items() if k in Metadata.__dataclass_fields__}
    stated = set(fields)
    if fields.get("title"):  # same typography as extracted titles (apostrophes, no-break spaces)
        from .clean import apostrophes, spacing

        fields["title"] = spacing.repair(apostrophes.repair(fields["title"], meta.language), meta.language)
    if "symbol" in fields:
        fields["symbol"] = str(Symbol.parse(fields["symbol"]))
        if "id" not in fields:
            fields["id"] = Symbol.parse(fields["symbol"]).slug
    provenance = dict(meta.provenance)
    provenance.update({k: "sidecar" for k in stated})
    return dataclasses.replace(meta, **fields, provenance=tuple(sorted(provenance.items())))
