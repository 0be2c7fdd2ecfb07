"""Edge: sidecar metadata files (``NAME.meta.yml`` next to ``NAME.txt``).

A sidecar supplies or corrects what a text cannot tell (a draft's symbol, an
adoption date, a report's title). Guarantees of :func:`load`: unknown keys,
bad values and YAML errors are reported with the sidecar's file name and
line, and ignored; :func:`apply` makes sidecar values win over extraction
and records ``sidecar`` as their provenance.
"""

from __future__ import annotations

import dataclasses
import re

import yaml

from .model import TYPES, Issue, Metadata
from .symbol import Symbol

KEYS = ("id", "symbol", "type", "body", "language", "title", "date", "year", "session", "agenda_items",
        "sponsors", "committee_report", "meeting", "series")
_LISTS = ("agenda_items", "sponsors")


def load(text: str) -> tuple[dict, list[Issue]]:
    """Parse sidecar *text*; return the valid overrides and the problems (with lines)."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return {}, [Issue(mark.line + 1 if mark else 0, f"sidecar is not valid YAML: {getattr(err, 'problem', err)}")]
    if node is None:
        return {}, []
    if not isinstance(node, yaml.MappingNode):
        return {}, [Issue(node.start_mark.line + 1, "sidecar must be a mapping of key: value")]
    values, issues = {}, []
    for key_node, value_node in node.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        if key not in KEYS:
            issues.append(Issue(line, f"unknown sidecar key {key!r} ignored (allowed: {', '.join(KEYS)})"))
            continue
        value = yaml.safe_load(yaml.serialize(value_node))
        problem = _check(key, value)
        if problem:
            issues.append(Issue(line, f"sidecar key {key!r}: {problem}; ignored"))
        else:
            values[key] = tuple(str(v) for v in value) if key in _LISTS else (str(value) if value is not None else None)
    return values, issues


def _check(key: str, value) -> str | None:
    if key in _LISTS:
        return None if isinstance(value, list) else "expected a list"
    if key == "symbol" and not Symbol.try_parse(str(value)):
        return f"{value!r} is not a UN document symbol"
    if key == "type" and value not in TYPES:
        return f"{value!r} is not one of {', '.join(TYPES)}"
    if key == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        return "expected an ISO date YYYY-MM-DD"
    if key == "year" and not re.fullmatch(r"(19|20)\d\d", str(value)):
        return "expected a year YYYY"
    if key == "id" and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}", str(value)):
        return "expected a slug of a-z, 0-9 and -"
    return None


def apply(meta: Metadata, overrides: dict) -> Metadata:
    """*meta* with the sidecar's *overrides* applied (they win)."""
    fields = {k: v for k, v in overrides.items() if k in Metadata.__dataclass_fields__}
    if fields.get("title"):  # same typography as extracted titles (apostrophes, no-break spaces)
        from .clean import apostrophes, spacing

        fields["title"] = spacing.repair(apostrophes.repair(fields["title"], meta.language), meta.language)
    if "symbol" in fields:
        fields["symbol"] = str(Symbol.parse(fields["symbol"]))
        if "id" not in fields:
            fields["id"] = Symbol.parse(fields["symbol"]).slug
    provenance = dict(meta.provenance)
    provenance.update({k: "sidecar" for k in fields if k not in ("id",)})
    return dataclasses.replace(meta, **fields, provenance=tuple(sorted(provenance.items())))
