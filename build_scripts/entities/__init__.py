"""Named entities of the archive: States, organizations, instruments, SDG targets.

``load_catalog()`` reads and validates the packaged ``data/entities/*.yml``;
``find_mentions()`` finds where a text names them; ``find_state()`` resolves a
draft sponsor's name. Pure: no I/O besides reading the packaged data.
"""

from __future__ import annotations

from .catalog import Catalog, CatalogError, Entity, Mention, build_catalog, load_catalog
from .lookup import find_state
from .matcher import find_mentions

__all__ = [
    "Catalog",
    "CatalogError",
    "Entity",
    "Mention",
    "build_catalog",
    "find_mentions",
    "find_state",
    "load_catalog",
]
