"""Edge: read the raw corpus folder (``source_docs/``) and normalize every file.

Guarantees of :func:`read_folder`: files are taken in sorted name order (so
builds are deterministic); a file that cannot be read is reported in
``failures`` with its name and the other documents still build; a sidecar
(``NAME.meta.yml``) is applied to its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .normalize import Result, normalize
from .read import InputError

PATTERNS = ("*.txt", "*.md")


@dataclass(frozen=True)
class Folder:
    """What a corpus folder gave: normalized results and unreadable files."""

    results: tuple[Result, ...]
    failures: tuple[tuple[str, str], ...]  # (file name, message)


def source_files(folder: Path) -> list[Path]:
    """The raw texts of *folder*, sorted (sidecars excluded)."""
    files = {p for pattern in PATTERNS for p in folder.glob(pattern) if p.is_file()}
    return sorted(files)


def read_folder(folder: Path) -> Folder:
    """Normalize every raw text of *folder*."""
    results, failures = [], []
    for path in source_files(folder):
        side = path.with_name(path.stem + ".meta.yml")
        try:
            side_text = side.read_text(encoding="utf-8") if side.exists() else None
            results.append(normalize(path.read_bytes(), path.name, side_text, side.name))
        except (InputError, OSError, UnicodeDecodeError) as err:
            failures.append((path.name, str(err)))
    return Folder(tuple(results), tuple(failures))
