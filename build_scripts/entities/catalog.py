"""The entity catalog: States, organizations, instruments and SDG targets.

Loaded from the packaged ``data/entities/*.yml`` files and validated.
Guarantees of :func:`build_catalog` (and so of :func:`load_catalog`):

* every entity has a slug made of ``[a-z0-9-]`` only, unique across the whole
  catalog, and non-empty French and English names;
* every entry has only the fields its file documents, of the right type
  (States: ISO codes of 2 and 3 capitals and a ``member``/``observer``
  status; organizations and instruments: a ``kind`` from a closed list;
  targets: a ``goal.target`` number matching the slug);
* any breach raises :class:`CatalogError` naming the file and the entry.

An SDG target is named ``Cible 5.2`` / ``Target 5.2``; its text, a State's
status and an organization's or instrument's kind are in :meth:`Catalog.details`.

:func:`load_catalog` returns the same read-only :class:`Catalog` on every call.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from ..pickling import by_fields

DATA = Path(__file__).resolve().parent.parent / "data" / "entities"
LANGUAGES = ("fr", "en")
KINDS = ("state", "organization", "instrument", "sdg")
FOLDERS = {"state": "etats", "organization": "organisations", "instrument": "instruments", "sdg": "odd"}
ORG_KINDS = ("un-organ", "un-entity", "other")
INSTRUMENT_KINDS = ("convention", "protocol", "plan", "declaration", "agenda", "report", "day")
# file name, top-level key, entity kind, allowed fields
FILES = (
    ("states.yml", "states", "state", {"slug", "iso2", "iso3", "status", "fr", "en", "aliases"}),
    ("organizations.yml", "organizations", "organization",
     {"slug", "fr", "en", "acronyms", "aliases", "context", "kind"}),
    ("instruments.yml", "instruments", "instrument", {"slug", "fr", "en", "aliases", "context", "kind"}),
    ("sdg_targets.yml", "targets", "sdg", {"slug", "goal", "target", "fr", "en"}),
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TARGET = re.compile(r"^\d{1,2}\.(?:\d{1,2}|[a-z])$")


class CatalogError(ValueError):
    """The entity data is invalid (the message names the file and the entry)."""


@dataclass(frozen=True)
class Entity:
    """A State, organization, instrument or SDG target the archive can link to."""

    kind: str  # "state" | "organization" | "instrument" | "sdg"
    slug: str  # [a-z0-9-] only
    name_fr: str
    name_en: str
    aliases: tuple[str, ...]  # every other surface form (acronyms included)
    codes: tuple[tuple[str, str], ...] = ()  # e.g. (("iso2", "CO"), ("iso3", "COL"))

    @property
    def path(self) -> str:
        """Site path of the entity's page, e.g. ``etats/colombie/``."""
        return f"{FOLDERS[self.kind]}/{self.slug}/"


@by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a text names an entity: ``text == input[start:end]``."""

    entity: Entity
    start: int
    end: int
    text: str  # the matched surface text as it stands in the input


@dataclass(frozen=True)
class Surface:
    """One surface form of an entity in one language.

    ``entity`` is None for a decoy (a phrase that contains a name but
    mentions nothing); ``weak`` marks a back-reference (``l’Office``) that
    counts only once its entity has been mentioned.
    """

    text: str
    entity: Entity | None
    weak: bool = False


@dataclass(frozen=True, eq=False)
class Catalog:
    """All entities, with their raw records and surface forms per language."""

    entities: tuple[Entity, ...]
    records: Mapping[tuple[str, str], Mapping[str, Any]]
    forms: Mapping[str, tuple[Surface, ...]]

    def get(self, kind: str, slug: str) -> Entity | None:
        """The entity of that kind and slug, or None."""
        return _index(self).get((kind, slug))

    def by_kind(self, kind: str) -> tuple[Entity, ...]:
        """The entities of one kind, in file order."""
        return tuple(e for e in self.entities if e.kind == kind)

    def details(self, entity: Entity) -> Mapping[str, Any]:
        """The entity's YAML record as read (status, kind, target text ...)."""
        return self.records[(entity.kind, entity.slug)]

    def surfaces(self, language: str) -> tuple[Surface, ...]:
        """Every surface form usable in *language* (``fr`` or ``en``)."""
        if language not in self.forms:
            raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
        return self.forms[language]


@functools.lru_cache(maxsize=16)
def _index(catalog: Catalog) -> dict[tuple[str, str], Entity]:
    return {(e.kind, e.slug): e for e in catalog.entities}


@functools.lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The packaged catalog, loaded and validated once (see module docstring)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 20 times faster, same data
    docs = {name: yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=loader) for name, *_ in FILES}
    return build_catalog(docs)


def build_catalog(docs: Mapping[str, Any]) -> Catalog:
    """Validate parsed YAML documents (file name -> document) into a :class:`Catalog`."""
    entities, records, forms = [], {}, {lang: [] for lang in LANGUAGES}
    for name, key, kind, fields in FILES:
        doc = docs.get(name)
        if not isinstance(doc, dict) or not isinstance(doc.get(key), list):
            raise CatalogError(f"{name}: expected a mapping with a list under {key!r}")
        for lang in LANGUAGES:
            forms[lang] += [Surface(t, None) for t in _texts(doc.get("decoys", {}), lang, name, "decoys")]
        for raw in doc[key]:
            entity = _entity(raw, kind, fields, name)
            if any(e.slug == entity.slug for e in entities):
                raise CatalogError(f"{name}: duplicate slug {entity.slug!r}")
            entities.append(entity)
            records[(kind, entity.slug)] = MappingProxyType(dict(raw))
            for lang in LANGUAGES:
                forms[lang] += _surfaces(raw, entity, lang, name)
    frozen = {lang: tuple(f) for lang, f in forms.items()}
    return Catalog(tuple(entities), MappingProxyType(records), MappingProxyType(frozen))


def _entity(raw: Any, kind: str, fields: set[str], name: str) -> Entity:
    where = f"{name}: entry {raw.get('slug', raw) if isinstance(raw, dict) else raw!r}"
    if not isinstance(raw, dict):
        raise CatalogError(f"{where}: not a mapping")
    if extra := set(raw) - fields:
        raise CatalogError(f"{where}: unknown fields {sorted(extra)}")
    slug, fr, en = (_text(raw.get(f), where, f) for f in ("slug", "fr", "en"))
    if not _SLUG.match(slug):
        raise CatalogError(f"{where}: slug must match [a-z0-9-]")
    codes = _check_kind(raw, kind, where)
    if kind == "sdg":
        fr, en = f"Cible {raw['target']}", f"Target {raw['target']}"
    aliases = [t for lang in LANGUAGES for t in _texts(raw.get("aliases", {}), lang, where, "aliases")]
    aliases += _list(raw.get("acronyms", []), where, "acronyms")
    unique = tuple(dict.fromkeys(a for a in aliases if a not in (fr, en)))
    return Entity(kind, slug, fr, en, unique, codes)


def _check_kind(raw: dict, kind: str, where: str) -> tuple[tuple[str, str], ...]:
    """Kind-specific checks; returns the entity's codes."""
    if kind == "state":
        if not re.fullmatch(r"[A-Z]{2}", str(raw.get("iso2"))) or not re.fullmatch(r"[A-Z]{3}", str(raw.get("iso3"))):
            raise CatalogError(f"{where}: iso2/iso3 must be 2/3 capital letters")
        if raw.get("status") not in ("member", "observer"):
            raise CatalogError(f"{where}: status must be member or observer")
        return (("iso2", raw["iso2"]), ("iso3", raw["iso3"]))
    if kind == "sdg":
        target = str(raw.get("target"))
        if not _TARGET.match(target) or raw["slug"] != target.replace(".", "-") or str(raw.get("goal")) != target.split(".")[0]:
            raise CatalogError(f"{where}: target must be goal.target and agree with slug and goal")
        return (("goal", str(raw["goal"])), ("target", target))
    allowed = ORG_KINDS if kind == "organization" else INSTRUMENT_KINDS
    if raw.get("kind") not in allowed:
        raise CatalogError(f"{where}: kind must be one of {allowed}")
    return ()


def _surfaces(raw: dict, entity: Entity, lang: str, name: str) -> list[Surface]:
    if entity.kind == "sdg":
        return []  # targets are found by number (see targets.py), not by name
    texts = [raw[lang], *_texts(raw.get("aliases", {}), lang, name, "aliases"), *raw.get("acronyms", [])]
    weak = _texts(raw.get("context", {}), lang, name, "context")
    return [Surface(t, entity) for t in dict.fromkeys(texts)] + [Surface(t, entity, True) for t in weak]


def _texts(by_lang: Any, lang: str, where: str, field: str) -> list[str]:
    """The *lang* list of a ``{fr: [...], en: [...]}`` field, checked."""
    if not isinstance(by_lang, dict) or set(by_lang) - set(LANGUAGES):
        raise CatalogError(f"{where}: {field} must be a mapping with keys among {LANGUAGES}")
    return _list(by_lang.get(lang, []), where, field)


def _list(value: Any, where: str, field: str) -> list[str]:
    if not isinstance(value, list):
        raise CatalogError(f"{where}: {field} must be a list")
    return [_text(v, where, field) for v in value]


def _text(value: Any, where: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(f"{where}: {field} must be a non-empty string")
    return value
