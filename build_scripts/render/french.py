"""French labels and dates for the interface (from ``data/labels_fr.yml``).

Guarantees: every type and body code gets a label (an unknown code is shown
as itself); :func:`date` never raises (an unparsable value is returned as is).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from .. import slug

_PATH = Path(__file__).parent.parent / "data" / "labels_fr.yml"


@functools.lru_cache(maxsize=1)
def labels() -> dict:
    return yaml.safe_load(_PATH.read_text(encoding="utf-8"))


def type_label(code: str, many: bool = False) -> str:
    entry = labels()["types"].get(code)
    return entry["many" if many else "one"] if entry else code


def type_slug(code: str) -> str:
    """The listing slug of a type; an unknown code's slug ends with its hash (never a known one's)."""
    entry = labels()["types"].get(code)
    return entry["slug"] if entry else slug.hashed(code)


def body_label(code: str | None) -> str:
    entry = labels()["bodies"].get(code or "")
    return entry["name"] if entry else (code or "")


def body_slug(code: str) -> str:
    """The listing slug of a body: ``GA`` -> ``assemblee-generale``; an unknown code (``Assemblee
    generale`` in a sidecar) -> ``assemblee-generale-<hash>``, so it never takes a known body's page."""
    entry = labels()["bodies"].get(code)
    return entry["slug"] if entry else slug.hashed(code)


def date(iso: str | None) -> str:
    """``2019-12-18`` -> ``18 décembre 2019``; ``2019-12-01`` -> ``1er décembre 2019``."""
    if not iso:
        return ""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not m:
        return iso
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not 1 <= mo <= 12:
        return iso
    day = "1er" if d == 1 else str(d)
    return f"{day} {labels()['months'][mo - 1]} {y}"


def committee(name: str | None) -> str | None:
    """``Third Committee`` -> ``Troisième Commission``; ``plenary`` -> its French wording."""
    return labels()["committees"].get(name, name) if name else None


def field(name: str) -> str:
    return labels()["fields"].get(name, name)


def provenance(value: str) -> str:
    return labels()["provenance"].get(value, value)


def language(code: str) -> str:
    return labels()["languages"].get(code, code)
