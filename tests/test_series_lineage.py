"""Paragraph lineage along a series (build_scripts.series.lineage)."""

from __future__ import annotations

from pathlib import Path

import yaml

from build_scripts.model import Document, Metadata, Paragraph
from build_scripts.series.grouping import Series
from build_scripts.series.lineage import Origin, compare_series, corpus_lineage, describe, lineage

SEEDS = yaml.safe_load((Path(__file__).parent / "fixtures/series/seed_paragraphs.yml").read_text("utf-8"))


def seed(name: str, symbol: str | None = None, type: str = "resolution") -> Document:
    paras = tuple(Paragraph(p["id"], p["kind"], p["text"], p.get("number"), p.get("parent"))
                  for p in SEEDS[name]["paragraphs"])
    return Document(Metadata(name, f"{name}.txt", type=type, symbol=symbol), paragraphs=paras)


DOCS = {d.meta.id: d for d in (
    seed("e-res-2015-23", "E/RES/2015/23"),
    seed("projet-belarus", None, "draft_resolution"),
    seed("a-res-74-176", "A/RES/74/176"),
    seed("projet-colombie", None, "draft_resolution"),
    Document(Metadata("a-74-127", "r.txt", type="report"), paragraphs=(Paragraph("para-1", "paragraph", "x"),)),
)}
SERIES = Series("s", "T", ("e-res-2015-23", "projet-belarus", "a-74-127", "a-res-74-176", "absent"), ("a-74-127",))


def test_compare_series_skips_reports_and_missing_documents():
    alignments = compare_series(SERIES, DOCS)
    assert [(al.a, al.b) for al in alignments] == [("e-res-2015-23", "projet-belarus"),
                                                   ("projet-belarus", "a-res-74-176")]


def test_lineage_gives_one_origin_per_paragraph():
    found = lineage(SERIES, DOCS, compare_series(SERIES, DOCS))
    assert list(found) == ["e-res-2015-23", "projet-belarus", "a-res-74-176"]
    assert found["e-res-2015-23"] == {}
    for doc_id in ("projet-belarus", "a-res-74-176"):
        assert set(found[doc_id]) == {p.id for p in DOCS[doc_id].paragraphs}
    trust_fund = found["projet-belarus"]["op-14"]
    assert trust_fund == Origin("e-res-2015-23", ("op-9",), "changed", trust_fund.similarity)
    assert found["a-res-74-176"]["pp-8-a"].paragraph == "pp-5-a"
    assert found["a-res-74-176"]["op-6"].status == "added" and found["a-res-74-176"]["op-6"].paragraph is None


def test_lineage_computes_missing_alignments():
    assert lineage(SERIES, DOCS) == lineage(SERIES, DOCS, compare_series(SERIES, DOCS))
    assert corpus_lineage([SERIES], DOCS) == lineage(SERIES, DOCS)


def test_describe_in_french():
    found = lineage(SERIES, DOCS)
    assert describe(found["projet-belarus"]["op-4"], DOCS) == "repris de 2015/23, par. 4, modifié"
    assert describe(found["projet-belarus"]["pp-5-b"], DOCS) == "repris de 2015/23, alinéa 2 b) du préambule, modifié"
    assert describe(found["a-res-74-176"]["pp-8"], DOCS) == "repris de projet-belarus, alinéa 5 du préambule"
    assert describe(found["a-res-74-176"]["op-6"], DOCS) == "nouveau par rapport à projet-belarus"
    moved = Origin("a-res-74-176", ("op-24",), "moved", 90.0, edited=True)
    assert describe(moved, DOCS) == "repris de 74/176, par. 24, déplacé et modifié"
    merged = Origin("a-res-74-176", ("pp-8-a", "pp-8-b"), "merged", 90.0)
    assert describe(merged, DOCS) == "repris de 74/176, alinéa 8 a) du préambule et alinéa 8 b) du préambule, fusionnés"
    assert describe(Origin("gone", ("op-1",), "unchanged", 100.0), DOCS) == "repris de gone, op-1"


def test_a_text_of_another_body_is_a_related_text_not_a_version():
    from build_scripts.series.lineage import main_body, related  # noqa: I001

    def doc(i, body, kind="resolution"):
        return Document(meta=Metadata(id=i, source=f"{i}.txt", title="t", type=kind, body=body))

    ga, ecosoc, draft, nobody = doc("a", "GA"), doc("e", "ECOSOC"), doc("d", "GA", "draft_resolution"), doc("n", None)
    assert related(ga, ecosoc) and related(ecosoc, ga)
    assert not related(ga, draft) and not related(ga, nobody) and not related(None, ga)
    docs = {d.meta.id: d for d in (draft, ecosoc, ga)}
    series = Series(id="s", title="t", members=("d", "e", "a"), reports=())
    assert main_body(series, docs) == "GA", "the newest adopted resolution gives the series' body"
    assert main_body(Series(id="s", title="t", members=("e", "d"), reports=()), docs) == "ECOSOC"
    origin = Origin("e", ("op-4",), "changed", 90.0)
    assert describe(origin, {"e": ecosoc}, ga).startswith("proche du texte apparenté t (Conseil économique et social), op-4")
    assert describe(origin, {"e": ecosoc}, ecosoc).startswith("repris de t")
