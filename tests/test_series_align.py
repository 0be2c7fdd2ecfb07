"""Paragraph alignment between two versions of a text (build_scripts.series.align)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from build_scripts.model import Document, Metadata, Paragraph
from build_scripts.series.align import CROSS, GAP, MATCH, STATUSES, Alignment, align
from build_scripts.series.text import clean, fold, tokens, word_diff

SEEDS = yaml.safe_load((Path(__file__).parent / "fixtures/series/seed_paragraphs.yml").read_text("utf-8"))


# --- helpers: small Documents built by hand ---------------------------------

def para(pid: str, text: str) -> Paragraph:
    """A paragraph whose kind, number and parent follow from its id (pp-3, op-2-a, para-4, h-1)."""
    parts = pid.split("-")
    if parts[0] in ("pp", "op") and len(parts) > 2:
        return Paragraph(pid, "item", text, parts[-1], "-".join(parts[:-1]))
    kind = {"pp": "preambular", "op": "operative", "para": "paragraph", "h": "heading",
            "intro": "intro"}[parts[0]]
    return Paragraph(pid, kind, text, parts[-1] if len(parts) > 1 else None)


def doc(doc_id: str, *paras: tuple[str, str] | Paragraph) -> Document:
    built = tuple(p if isinstance(p, Paragraph) else para(*p) for p in paras)
    return Document(Metadata(doc_id, f"{doc_id}.txt"), paragraphs=built)


def seed(name: str, *ids: str) -> Document:
    """A Document made of some paragraphs copied from a seed text."""
    paras = [p for p in SEEDS[name]["paragraphs"] if not ids or p["id"] in ids]
    return doc(name, *[Paragraph(p["id"], p["kind"], p["text"], p.get("number"), p.get("parent")) for p in paras])


@pytest.fixture
def seed_text(seed):
    """The whole normalized seed (the ``seed`` fixture of conftest; ``seed`` here builds excerpts)."""
    return seed


def by_status(al: Alignment) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    found: dict[str, list] = {}
    for pair in al.pairs:
        found.setdefault(pair.status, []).append((pair.a, pair.b))
    return found


def assert_partition(al: Alignment, a: Document, b: Document) -> None:
    """Every aligned paragraph id occurs exactly once on its side."""
    kinds = ("preambular", "operative", "item", "paragraph")
    side_a = [i for pair in al.pairs for i in pair.a]
    side_b = [i for pair in al.pairs for i in pair.b]
    assert sorted(side_a) == sorted(p.id for p in a.paragraphs if p.kind in kinds)
    assert sorted(side_b) == sorted(p.id for p in b.paragraphs if p.kind in kinds)
    for pair in al.pairs:
        assert pair.status in STATUSES
        assert 0 <= pair.similarity <= 100
        assert (pair.similarity == 100) == (pair.status in ("unchanged", "moved") and not pair.diff)


SENTENCES = [
    "Prie instamment les États Membres de ratifier la Convention contre la criminalité organisée ;",
    "Invite l’Office des Nations Unies contre la drogue et le crime à renforcer son assistance technique ;",
    "Décide de proclamer le 30 juillet Journée mondiale de la lutte contre la traite d’êtres humains ;",
    "Encourage les États à verser des contributions volontaires au Fonds en faveur des victimes ;",
    "Prie le Secrétaire général de lui présenter un rapport sur l’application de la présente résolution.",
]


def ops(*texts: str) -> list[tuple[str, str]]:
    return [(f"op-{n}", t) for n, t in enumerate(texts, 1)]


# --- hand-made pairs ----------------------------------------------------------

def test_identical_documents_are_unchanged():
    a = doc("a", ("pp-1", "Rappelant sa résolution 72/195,"), *ops(*SENTENCES))
    al = align(a, a)
    assert al.a == al.b == "a"
    assert al.counts() == {**dict.fromkeys(STATUSES, 0), "unchanged": 6}
    assert [p.b for p in al.pairs] == [(p.id,) for p in a.paragraphs]
    assert all(p.similarity == 100 and p.diff == () for p in al.pairs)


def test_whitespace_and_apostrophes_do_not_count_as_changes():
    a = doc("a", ("op-1", "Invite l’Office  des Nations\u00a0Unies ;"))
    b = doc("b", ("op-1", "Invite l'Office des Nations Unies ;\n"))
    assert [p.status for p in align(a, b).pairs] == ["unchanged"]
    assert clean("que l ’Office") == clean("que l'Office") == "que l’Office", "the archive's apostrophe"


def test_reordered_paragraph_is_moved_others_unchanged():
    a = doc("a", *ops(*SENTENCES))
    b = doc("b", *ops(SENTENCES[0], SENTENCES[2], SENTENCES[3], SENTENCES[1], SENTENCES[4]))
    al = align(a, b)
    assert by_status(al) == {"unchanged": [(("op-1",), ("op-1",)), (("op-3",), ("op-2",)),
                                           (("op-4",), ("op-3",)), (("op-5",), ("op-5",))],
                             "moved": [(("op-2",), ("op-4",))]}
    moved = next(p for p in al.pairs if p.status == "moved")
    assert not moved.edited and moved.diff == () and moved.similarity == 100
    assert [p.b for p in al.pairs] == [("op-1",), ("op-2",), ("op-3",), ("op-4",), ("op-5",)]


def test_edited_paragraph_is_changed_with_word_diff():
    old = "Invite l’Office des Nations Unies contre la drogue et le crime à renforcer son assistance technique ;"
    new = "Prie l’Office des Nations Unies contre la drogue et le crime de renforcer encore son assistance technique ;"
    al = align(doc("a", ("op-1", old)), doc("b", ("op-1", new)))
    (pair,) = al.pairs
    assert pair.status == "changed" and MATCH <= pair.similarity < 100 and not pair.edited
    assert ("delete", "Invite") in pair.diff and ("insert", "Prie") in pair.diff
    assert ("insert", " encore") in pair.diff
    assert "".join(w for op, w in pair.diff if op != "delete") == clean(new)
    assert "".join(w for op, w in pair.diff if op != "insert") == clean(old)


def test_moved_and_edited_paragraph():
    a = doc("a", *ops(*SENTENCES))
    edited = SENTENCES[0].replace("Prie instamment", "Exhorte")
    b = doc("b", *ops(SENTENCES[1], SENTENCES[2], SENTENCES[3], edited, SENTENCES[4]))
    pair = next(p for p in align(a, b).pairs if p.a == ("op-1",))
    assert (pair.status, pair.b, pair.edited) == ("moved", ("op-4",), True)
    assert ("insert", "Exhorte") in pair.diff and pair.similarity < 100


def test_added_and_dropped_paragraphs_in_reading_order():
    a = doc("a", *ops(SENTENCES[0], SENTENCES[1], SENTENCES[2], SENTENCES[4]))
    b = doc("b", *ops(SENTENCES[0], SENTENCES[2], SENTENCES[3], SENTENCES[4]))
    al = align(a, b)
    assert [(p.status, p.a, p.b) for p in al.pairs] == [
        ("unchanged", ("op-1",), ("op-1",)),
        ("dropped", ("op-2",), ()),          # stands after its predecessor in a
        ("unchanged", ("op-3",), ("op-2",)),  # renumbered, not moved
        ("added", (), ("op-3",)),
        ("unchanged", ("op-4",), ("op-4",)),
    ]
    assert all(p.similarity == 0 and p.diff == () for p in al.pairs if p.status in ("added", "dropped"))


def test_dropped_first_paragraph_comes_first():
    al = align(doc("a", *ops(SENTENCES[3], SENTENCES[0])), doc("b", *ops(SENTENCES[0])))
    assert [p.status for p in al.pairs] == ["dropped", "unchanged"]


def test_split_paragraph():
    first = "Invite l’Office des Nations Unies contre la drogue et le crime à renforcer son assistance technique aux États"
    second = "et encourage les États Membres à verser des contributions volontaires au Fonds en faveur des victimes ;"
    a = doc("a", *ops(SENTENCES[0], f"{first}, {second}", SENTENCES[4]))
    b = doc("b", *ops(SENTENCES[0], f"{first} ;", second.replace("et encourage", "Encourage"), SENTENCES[4]))
    al = align(a, b)
    assert by_status(al)["split"] == [(("op-2",), ("op-2", "op-3"))]
    split = next(p for p in al.pairs if p.status == "split")
    assert MATCH <= split.similarity < 100 and split.diff
    assert al.counts()["unchanged"] == 2 and al.counts()["added"] == 0


def test_merged_paragraphs():
    first = "Invite l’Office des Nations Unies contre la drogue et le crime à renforcer son assistance technique aux États ;"
    second = "Encourage les États Membres à verser des contributions volontaires au Fonds en faveur des victimes ;"
    merged = first[:-2] + " et " + second[0].lower() + second[1:]
    a = doc("a", *ops(SENTENCES[0], first, second, SENTENCES[4]))
    b = doc("b", *ops(SENTENCES[0], merged, SENTENCES[4]))
    al = align(a, b)
    assert by_status(al)["merged"] == [(("op-2", "op-3"), ("op-2",))]
    assert al.counts()["dropped"] == 0
    assert_partition(al, a, b)


def test_unrelated_neighbour_is_not_a_split():
    a = doc("a", *ops(SENTENCES[1]))
    b = doc("b", *ops(SENTENCES[1].replace("à renforcer", "à accroître"), SENTENCES[3]))
    assert [p.status for p in align(a, b).pairs] == ["changed", "added"]


def test_renumbered_items_are_not_moved():
    items = ["Promouvoir la ratification universelle de la Convention",
             "Aider les États Membres à renforcer leur engagement",
             "Sensibiliser les organismes des Nations Unies",
             "Renforcer la coopération entre toutes les parties"]
    a = doc("a", ("pp-1", "Réaffirmant que le Plan d’action mondial a vocation à :"),
            *[(f"pp-1-{c}", t) for c, t in zip("abcd", items)])
    new = items[:2] + ["Promouvoir une approche fondée sur les droits de l’homme et le genre"] + items[2:]
    b = doc("b", ("pp-1", "Réaffirmant que le Plan d’action mondial a vocation à :"),
            *[(f"pp-1-{c}", t) for c, t in zip("abcde", new)])
    al = align(a, b)
    assert al.counts()["unchanged"] == 5 and al.counts()["added"] == 1 and al.counts()["moved"] == 0
    assert ((("pp-1-c",), ("pp-1-d",))) in by_status(al)["unchanged"]


def test_item_can_move_to_another_list():
    text = "Promouvoir la ratification universelle de la Convention contre la criminalité organisée"
    a = doc("a", ("pp-1", "Réaffirmant que le Plan :"), ("pp-1-a", text), ("op-1", SENTENCES[1]))
    b = doc("b", ("pp-1", "Réaffirmant que le Plan :"), ("op-1", SENTENCES[1]), ("op-1-a", text))
    pair = next(p for p in align(a, b).pairs if p.a == ("pp-1-a",))
    assert pair.b == ("op-1-a",) and pair.status in ("unchanged", "moved")


def test_kinds_are_not_mixed_and_headings_are_ignored():
    text = "Rappelant sa résolution 72/195 sur la traite des personnes"
    a = doc("a", ("intro", "Résumé"), ("h-1", "Introduction"), ("para-1", text))
    b = doc("b", ("h-1", "Introduction"), ("op-1", text))
    al = align(a, b)
    assert [(p.status, p.a, p.b) for p in al.pairs] == [("dropped", ("para-1",), ()), ("added", (), ("op-1",))]


def test_paragraph_crossing_from_preamble_to_operative_part_is_moved():
    old = ("Rappelant sa décision de proclamer le 30 juillet Journée mondiale de la lutte contre la traite "
           "d’êtres humains, qui sera célébrée chaque année,")
    new = ("Rappelle sa décision de proclamer le 30 juillet Journée mondiale de la lutte contre la traite "
           "d’êtres humains, qui sera célébrée chaque année ;")
    a = doc("a", ("pp-1", SENTENCES[0]), ("pp-2", old), ("op-1", SENTENCES[1]))
    b = doc("b", ("pp-1", SENTENCES[0]), ("op-1", SENTENCES[1]), ("op-2", new))
    pair = next(p for p in align(a, b).pairs if p.a == ("pp-2",))
    assert (pair.status, pair.b, pair.edited) == ("moved", ("op-2",), True)
    assert ("delete", "Rappelant") in pair.diff and ("insert", "Rappelle") in pair.diff


def test_crossing_needs_a_close_text():
    a = doc("a", ("pp-1", SENTENCES[0]), ("pp-2", SENTENCES[2]))
    b = doc("b", ("pp-1", SENTENCES[0]), ("op-1", SENTENCES[3]))
    assert by_status(align(a, b)).keys() == {"unchanged", "dropped", "added"}


def test_empty_documents():
    full = doc("full", *ops(*SENTENCES[:2]))
    assert align(doc("x"), doc("y")).pairs == ()
    assert [p.status for p in align(doc("x"), full).pairs] == ["added", "added"]
    assert [p.status for p in align(full, doc("y")).pairs] == ["dropped", "dropped"]
    assert align(doc("x", ("op-1", "")), doc("y", ("op-1", ""))).pairs[0].status == "unchanged"


def test_repeated_paragraphs_pair_in_order():
    a = doc("a", *ops(SENTENCES[0], SENTENCES[0], SENTENCES[1]))
    al = align(a, a)
    assert [(p.status, p.a, p.b) for p in al.pairs] == [
        ("unchanged", (f"op-{n}",), (f"op-{n}",)) for n in (1, 2, 3)]


def test_gap_threshold_pairs_in_place_rewrites_only():
    """Between MATCH and GAP, a pair is only accepted where position agrees."""
    old = "Décide d’évaluer à sa soixante et onzième session les progrès accomplis dans la mise en œuvre du Plan"
    new = "Décide d’examiner tous les quatre ans à compter de sa soixante-douzième session les progrès du Plan"
    score = fuzz.ratio(fold(old), fold(new))
    assert GAP <= score < MATCH
    before = doc("a", *ops(SENTENCES[0], old, SENTENCES[4]))
    in_place = align(before, doc("b", *ops(SENTENCES[0], new, SENTENCES[4])))
    assert [p.status for p in in_place.pairs] == ["unchanged", "changed", "unchanged"]
    elsewhere = align(before, doc("b", *ops(SENTENCES[0], SENTENCES[4], new)))
    assert elsewhere.counts()["added"] == 1 and elsewhere.counts()["dropped"] == 1


# --- word diff --------------------------------------------------------------

def test_word_diff_reconstructs_both_texts():
    a = "Promouvoir, aux niveaux national, régional et international, une action globale ;"
    b = "Pour promouvoir aux niveaux national, régional et international une action globale,"
    diff = word_diff(a, b)
    assert "".join(w for op, w in diff if op != "delete") == clean(b)
    assert [t.strip() for t in tokens("".join(w for op, w in diff if op != "insert"))] == \
        [t.strip() for t in tokens(a)]
    assert word_diff("même texte", "même texte") == (("equal", "même texte"),)
    assert word_diff("", "") == ()


# --- properties ---------------------------------------------------------------

WORDS = st.sampled_from("la traite des personnes Office Nations Unies prie invite décide États Membres "
                        "victimes Fonds ; , : l’action d’êtres 2015 72/195".split())
TEXTS = st.lists(WORDS, max_size=25).map(" ".join)
ANY_TEXT = st.one_of(TEXTS, st.text(max_size=60))


def random_doc(doc_id: str, texts: list[str], kinds: list[str]) -> Document:
    paras, counters = [], {"pp": 0, "op": 0}
    for text, kind in zip(texts, kinds):
        if kind == "item" and paras:
            paras.append(Paragraph(f"{paras[-1].id}-{len(paras)}", "item", text, "a", paras[-1].id))
            continue
        prefix = "pp" if kind == "preambular" else "op"
        counters[prefix] += 1
        paras.append(para(f"{prefix}-{counters[prefix]}", text))
    return doc(doc_id, *paras)


KIND_LISTS = st.lists(st.sampled_from(["preambular", "operative", "item"]), max_size=14)


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXTS, max_size=14), KIND_LISTS, st.randoms(use_true_random=False))
def test_shuffled_copy_is_unchanged_or_moved(texts, kinds, rnd):
    a = random_doc("a", texts, kinds)
    shuffled = list(a.paragraphs)
    rnd.shuffle(shuffled)
    b = doc("b", *shuffled)
    al = align(a, b)
    assert_partition(al, a, b)
    assert {p.status for p in al.pairs} <= {"unchanged", "moved"}
    assert all(p.a == p.b or clean(a.paragraph(p.a[0]).text) == clean(b.paragraph(p.b[0]).text)
               for p in al.pairs)


@settings(max_examples=200, deadline=None)
@given(st.lists(ANY_TEXT, max_size=12), KIND_LISTS, st.lists(ANY_TEXT, max_size=12), KIND_LISTS)
def test_random_texts_never_crash_and_partition(texts_a, kinds_a, texts_b, kinds_b):
    a, b = random_doc("a", texts_a, kinds_a), random_doc("b", texts_b, kinds_b)
    al = align(a, b)
    assert_partition(al, a, b)
    assert sum(al.counts().values()) == len(al.pairs)


@settings(max_examples=100, deadline=None)
@given(ANY_TEXT, ANY_TEXT)
def test_word_diff_property(a, b):
    diff = word_diff(a, b)
    assert "".join(w for op, w in diff if op != "delete") == clean(b)
    assert {op for op, _ in diff} <= {"equal", "insert", "delete"}


# --- seeds-shaped -------------------------------------------------------------

ITEMS = "abcdef"


def test_seed_global_plan_items_belarus_to_74_176():
    """Items a)-f) are repeated with small wording changes: all paired in order."""
    al = align(seed("projet-belarus"), seed("a-res-74-176"))
    pairs = {p.a: p for p in al.pairs}
    for c in ITEMS:
        pair = pairs[(f"pp-5-{c}",)]
        assert pair.b == (f"pp-8-{c}",) and pair.status == "changed"
    # c) differs by punctuation only
    assert pairs[("pp-5-c",)].similarity >= 99
    assert {w.strip() for op, w in pairs[("pp-5-c",)].diff if op != "equal"} <= {",", ";", ""}
    # f) "Renforcer" became "Favoriser"
    assert {("delete", "Renforcer"), ("insert", "Favoriser")} <= set(pairs[("pp-5-f",)].diff)
    # the trust fund paragraph, op. 14 of the draft, is op. 24 of the resolution
    assert pairs[("op-14",)].b == ("op-24",) and pairs[("op-14",)].status == "changed"
    assert pairs[("pp-5",)].status == "unchanged"
    # the World Day paragraph was rewritten ("Décide … de proclamer" -> "Rappelle sa décision de proclamer"):
    # too different to be paired, it reads as dropped and added
    assert pairs[("op-4",)].status == "dropped"
    assert_partition(al, seed("projet-belarus"), seed("a-res-74-176"))


def test_seed_global_plan_items_2015_23_to_belarus():
    """ECOSOC's "Pour promouvoir …" items match the GA draft's "Promouvoir …"."""
    al = align(seed("e-res-2015-23"), seed("projet-belarus"))
    pairs = {p.a: p for p in al.pairs}
    for c in ITEMS:
        assert pairs[(f"pp-2-{c}",)].b == (f"pp-5-{c}",)
        assert pairs[(f"pp-2-{c}",)].status == "changed"
    assert ("delete", "Pour promouvoir") in pairs[("pp-2-a",)].diff
    assert pairs[("op-9",)].b == ("op-14",)  # trust fund
    assert pairs[("op-4",)].b == ("op-4",)   # World Day: celebrated (2015) -> proclaimed (draft)
    assert al.counts()["moved"] == 0 and al.counts()["added"] == al.counts()["dropped"] == 0


def test_seed_world_day_and_trust_fund_2015_23_to_colombia():
    al = align(seed("e-res-2015-23", "op-4", "op-9"), seed("projet-colombie"))
    assert [(p.status, p.a, p.b) for p in al.pairs] == [
        ("changed", ("op-4",), ("op-3",)),   # World Day, rewritten in place (score between GAP and MATCH)
        ("changed", ("op-9",), ("op-13",)),  # trust fund: "Prie l'Office" -> "Prie l'Office des Nations Unies …"
    ]
    assert GAP <= al.pairs[0].similarity < MATCH <= al.pairs[1].similarity


def test_seed_world_day_crosses_from_colombia_preamble_to_74_176_operative_part(seed_text):
    """Colombia's "Rappelant la décision … Journée mondiale" (pp. 8) is op. 6 of 74/176."""
    colombia, resolution = seed_text("000").document, seed_text("003").document
    assert colombia.meta.sponsors == ("Colombie",) and resolution.meta.symbol == "A/RES/74/176"
    al = align(colombia, resolution)
    pair = next(p for p in al.pairs if p.b == ("op-6",))
    assert (pair.status, pair.a, pair.edited) == ("moved", ("pp-8",), True)
    assert CROSS <= pair.similarity < 90


def test_seed_items_reordered_are_moved():
    belarus = seed("projet-belarus")
    items = [p for p in belarus.paragraphs if p.kind == "item"]
    rest = [p for p in belarus.paragraphs if p.kind != "item"]
    order = [items[n] for n in (0, 1, 4, 2, 3, 5)]  # e) moved up
    al = align(belarus, doc("projet-belarus-rev", rest[0], *order, *rest[1:]))
    assert by_status(al)["moved"] == [(("pp-5-e",), ("pp-5-e",))]
    assert al.counts()["unchanged"] == len(belarus.paragraphs) - 1


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_documents_align_with_themselves(name):
    d = seed(name)
    assert align(d, d).counts()["unchanged"] == len(d.paragraphs)
    shuffled = list(d.paragraphs)
    random.Random(4).shuffle(shuffled)
    assert {p.status for p in align(d, doc("x", *shuffled)).pairs} <= {"unchanged", "moved"}
