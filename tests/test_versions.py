"""One document in two languages: the French text keeps the symbol's address, another language's
text is its version (``<slug>-<language>``), and each page links the other (``render/versions.py``).
A second text of the same symbol in the same language is still a clash (``-2``, with warnings)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from build_scripts.corpus import language_versions, unique_ids
from build_scripts.normalize import normalize

ORGANS = Path(__file__).resolve().parent / "fixtures" / "organs"


def text(name: str, source: str | None = None):
    doc = normalize((ORGANS / name).read_bytes(), name).document
    return dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, source=source or name))


def ids_and_warnings(docs) -> dict[str, tuple[str, int]]:
    return {d.meta.source: (d.meta.id, len(d.issues)) for d in unique_ids(docs)}


def test_the_french_text_keeps_the_address_and_the_english_one_is_its_version():
    en, fr = text("sc-en.txt", "a-first-by-name.txt"), text("sc-fr.txt", "b-second-by-name.txt")
    assert (en.meta.symbol, en.meta.language, fr.meta.language) == ("S/RES/2719 (2023)", "en", "fr")
    got = ids_and_warnings([en, fr])
    assert got == {"a-first-by-name.txt": ("s-res-2719-2023-en", 0), "b-second-by-name.txt": ("s-res-2719-2023", 0)}


def test_two_texts_in_one_language_still_clash():
    got = ids_and_warnings([text("sc-en.txt", "a.txt"), text("sc-en.txt", "b.txt"), text("sc-fr.txt", "c.txt")])
    assert got == {"c.txt": ("s-res-2719-2023", 0), "a.txt": ("s-res-2719-2023-en", 1), "b.txt": ("s-res-2719-2023-2", 1)}


def test_without_a_french_text_the_first_keeps_the_address():
    got = ids_and_warnings([text("sc-en.txt", "b.txt"), text("sc-en.txt", "a.txt")])
    assert got == {"a.txt": ("s-res-2719-2023", 1), "b.txt": ("s-res-2719-2023-2", 1)}


def test_versions_are_the_other_languages_only():
    docs = unique_ids([text("sc-en.txt", "a.txt"), text("sc-fr.txt", "b.txt"), text("sc-en.txt", "c.txt"),
                       text("hrc-en.txt")])
    assert language_versions(docs) == {"s-res-2719-2023": ("s-res-2719-2023-2", "s-res-2719-2023-en"),
                                       "s-res-2719-2023-en": ("s-res-2719-2023",),
                                       "s-res-2719-2023-2": ("s-res-2719-2023",)}


@pytest.mark.site
def test_each_version_links_the_other_on_its_page_and_in_its_record(tmp_path):
    from tests.support.sitebuild import build_site

    src = tmp_path / "src"
    src.mkdir()
    for name in ("sc-en.txt", "sc-fr.txt", "hrc-en.txt"):
        shutil.copy(ORGANS / name, src / name)
    site, proc = build_site(tmp_path / "w", src, quiet=False)
    assert proc.returncode == 0, proc.stderr
    assert "claimed" not in proc.stderr  # a version is no clash: no warning
    pages = {doc_id: (site / f"documents/{doc_id}/index.html").read_text(encoding="utf-8")
             for doc_id in ("s-res-2719-2023", "s-res-2719-2023-en", "a-hrc-res-55-1")}
    assert '<a href="../s-res-2719-2023-en/" hreflang="en" lang="en">English</a>' in pages["s-res-2719-2023"]
    assert '<a href="../s-res-2719-2023/" hreflang="fr" lang="fr">Français</a>' in pages["s-res-2719-2023-en"]
    assert "doc-head__versions" not in pages["a-hrc-res-55-1"]
    record = lambda doc_id: json.loads((site / f"api/documents/{doc_id}.json").read_text(encoding="utf-8"))
    assert record("s-res-2719-2023")["versions"] == ["s-res-2719-2023-en"] and record("s-res-2719-2023")["language"] == "fr"
    assert record("s-res-2719-2023-en")["versions"] == ["s-res-2719-2023"]
    assert "versions" not in record("a-hrc-res-55-1")
