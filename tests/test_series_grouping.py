"""Grouping documents into series (build_scripts.series.grouping)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.model import Document, Metadata, Paragraph
from build_scripts.series.grouping import Series, base_words, group_series, title_key

SEEDS = yaml.safe_load((Path(__file__).parent / "fixtures/series/seed_paragraphs.yml").read_text("utf-8"))

GA_TITLE = "Amélioration de la coordination de l’action contre la traite des personnes"
ECOSOC_TITLE = "Mise en œuvre du Plan d’action mondial des Nations Unies pour la lutte contre la traite des personnes"
SERIES_ID = "coordination-de-l-action-contre-la-traite-des-personnes"

VOCABULARY = ("traite personnes victimes Office Nations Unies États Membres Fonds Groupe coordination "
              "assistance technique rapport session Convention Protocole coopération régionale enfants "
              "femmes migrants données prévention poursuites protection partenariats société civile").split()


# --- helpers: small Documents built by hand ---------------------------------

def doc(doc_id: str, title: str | None, *, type: str = "resolution", date: str | None = None,
        series: str | None = None, paras: tuple[Paragraph, ...] = ()) -> Document:
    meta = Metadata(doc_id, f"{doc_id}.txt", type=type, title=title, date=date, series=series)
    return Document(meta, paragraphs=paras)


def seed_paras(name: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(p["id"], p["kind"], p["text"], p.get("number"), p.get("parent"))
                 for p in SEEDS[name]["paragraphs"])


def own_paras(tag: str, count: int = 6) -> tuple[Paragraph, ...]:
    """Paragraphs specific to one document: random words, matching nothing elsewhere."""
    rnd = random.Random(tag)
    return tuple(Paragraph(f"op-{n}", "operative", " ".join(rnd.choices(VOCABULARY, k=30)) + " ;")
                 for n in range(1, count + 1))


def seed_corpus(ecosoc_paras: bool = True) -> list[Document]:
    """The five seed documents, shaped by hand: titles, types, dates, a few paragraphs."""
    return [
        doc("projet-colombie", f"{GA_TITLE} : appel à l’action", type="draft_resolution",
            paras=seed_paras("projet-colombie") + own_paras("col")),
        doc("projet-belarus", GA_TITLE, type="draft_resolution", date="2013-10-30",
            paras=seed_paras("projet-belarus") + own_paras("bel")),
        doc("a-74-127", f"{GA_TITLE} : rapport du Secrétaire général", type="report", date="2019-07-01",
            paras=seed_paras("a-res-74-176")),  # a report quoting the resolution: never compared
        doc("a-res-74-176", GA_TITLE.replace("’", "'"), date="2019-12-18",
            paras=seed_paras("a-res-74-176") + own_paras("res")),
        doc("e-res-2015-23", ECOSOC_TITLE, date="2015-07-22",
            paras=(seed_paras("e-res-2015-23") if ecosoc_paras else ()) + own_paras("eco")),
    ]


def index(series: tuple[Series, ...]) -> dict[str, Series]:
    return {s.id: s for s in series}


# --- titles -------------------------------------------------------------------

def test_title_keys_of_the_seeds():
    assert title_key(GA_TITLE) == "coordination action contre traite personnes"
    assert title_key(f"{GA_TITLE} : appel à l’action") == title_key(GA_TITLE)
    assert title_key(f"{GA_TITLE} : rapport du Secrétaire général") == title_key(GA_TITLE)
    assert title_key(f"74/176. {GA_TITLE}") == title_key(GA_TITLE)
    assert title_key(ECOSOC_TITLE) == "plan action mondial nations unies lutte contre traite personnes"
    assert base_words(ECOSOC_TITLE)[:2] == ["plan", "d"]
    assert title_key(None) == title_key("") == ""


def test_other_subtitles_are_kept():
    assert title_key("La traite des personnes : protéger les victimes") != title_key("La traite des personnes")


# --- the seed series ------------------------------------------------------------

def test_seed_corpus_is_one_series():
    (series,) = group_series(seed_corpus())
    assert series.id == SERIES_ID
    # the most frequent title, as written by its latest member (74/176 has a straight apostrophe)
    assert series.title == GA_TITLE.replace("’", "'")
    assert series.members == ("projet-belarus", "e-res-2015-23", "a-74-127", "a-res-74-176", "projet-colombie")
    assert series.reports == ("a-74-127",)


def test_without_shared_paragraphs_2015_23_stands_alone():
    found = index(group_series(seed_corpus(ecosoc_paras=False)))
    assert found[SERIES_ID].members == ("projet-belarus", "a-74-127", "a-res-74-176", "projet-colombie")
    alone = found["plan-d-action-mondial-des-nations-unies-pour-la-lutte-contre-la-traite-des-personnes"]
    assert alone == Series(alone.id, ECOSOC_TITLE, ("e-res-2015-23",))


def test_override_and_sidecar_attach_a_document():
    corpus = seed_corpus(ecosoc_paras=False)
    by_param = index(group_series(corpus, {"e-res-2015-23": SERIES_ID}))
    assert set(by_param) == {SERIES_ID} and "e-res-2015-23" in by_param[SERIES_ID].members
    corpus[-1] = doc("e-res-2015-23", ECOSOC_TITLE, date="2015-07-22", series=SERIES_ID)
    assert index(group_series(corpus))[SERIES_ID].members[1] == "e-res-2015-23"


def test_override_can_take_a_document_out():
    found = index(group_series(seed_corpus(), {"projet-colombie": "appel-a-l-action"}))
    assert found["appel-a-l-action"].members == ("projet-colombie",)
    assert "projet-colombie" not in found[SERIES_ID].members
    assert found["appel-a-l-action"].title.endswith("appel à l’action")


def test_override_parameter_beats_sidecar():
    d = doc("x", "Titre", series="from-sidecar")
    assert [s.id for s in group_series([d], {"x": "from-param"})] == ["from-param"]


def test_reports_are_not_attached_by_content():
    corpus = seed_corpus()
    report = doc("a-74-127", None, type="report", paras=seed_paras("a-res-74-176"))
    corpus[2] = report
    found = index(group_series(corpus))
    assert "a-74-127" not in found[SERIES_ID].members
    assert found["a-74-127"].members == ("a-74-127",) and found["a-74-127"].reports == ("a-74-127",)


def test_content_does_not_merge_two_title_groups():
    shared = seed_paras("projet-belarus")
    docs = [doc("a1", "Titre un", paras=shared), doc("a2", "Titre un", paras=own_paras("aa")),
            doc("b1", "Autre titre tout différent", paras=shared), doc("b2", "Autre titre tout différent")]
    assert sorted(s.members for s in group_series(docs)) == [("a1", "a2"), ("b1", "b2")]


def test_content_links_two_lone_documents():
    shared = seed_paras("projet-belarus")
    docs = [doc("x", "Un titre", paras=shared + own_paras("xx")), doc("y", "Un autre", paras=shared)]
    assert [s.members for s in group_series(docs)] == [("x", "y")]


def test_few_shared_paragraphs_are_not_enough():
    two = seed_paras("projet-belarus")[:3]  # pp-5, a), b): below CONTENT_MIN
    docs = [doc("x", "Un titre", paras=two + own_paras("xx")), doc("y", "Un autre", paras=two + own_paras("yy"))]
    assert len(group_series(docs)) == 2


# --- ids, order, singletons -----------------------------------------------------

def test_singletons_and_untitled_documents():
    docs = [doc("A/RES/1", None), doc("solo", "Question de Palestine")]
    found = index(group_series(docs))
    assert found["a-res-1"] == Series("a-res-1", "A/RES/1", ("A/RES/1",))
    assert found["question-de-palestine"].members == ("solo",)


def test_members_ordered_by_date_then_id_undated_last():
    docs = [doc("c", "T", date=None), doc("b", "T", date="2019-01-01"), doc("a", "T", date=None),
            doc("d", "T", date="2015-05-05")]
    assert group_series(docs)[0].members == ("d", "b", "a", "c")


def test_slug_collisions_get_a_suffix():
    docs = [doc("traite-des-personnes", None), doc("z", "Traite des personnes", paras=own_paras("zz"))]
    assert sorted(s.id for s in group_series(docs)) == ["traite-des-personnes", "traite-des-personnes-2"]


def test_near_same_titles_group_different_titles_do_not():
    docs = [doc("a", "Coopération internationale contre le problème mondial de la drogue"),
            doc("b", "Coopération internationale contre le problème mondial des drogues"),
            doc("c", "Les droits de l’enfant")]
    assert sorted(s.members for s in group_series(docs)) == [("a", "b"), ("c",)]


TITLES = st.one_of(st.none(), st.text(max_size=40),
                   st.sampled_from([GA_TITLE, ECOSOC_TITLE, f"{GA_TITLE} : appel à l’action", "Œuvre : é"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TITLES, st.sampled_from(["resolution", "report"]),
                          st.one_of(st.none(), st.sampled_from(["2015-01-01", "2019-12-18"]))), max_size=8))
def test_every_document_in_exactly_one_series(rows):
    docs = [doc(f"d{n}", title, type=kind, date=date) for n, (title, kind, date) in enumerate(rows)]
    series = group_series(docs)
    members = [m for s in series for m in s.members]
    assert sorted(members) == sorted(d.meta.id for d in docs)
    assert len({s.id for s in series}) == len(series)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s.id) for s in series)
    assert all(set(s.reports) <= set(s.members) and s.members for s in series)


def test_a_resolution_is_linked_to_the_draft_it_names_whatever_their_titles():
    import dataclasses

    from build_scripts.model import Document, Metadata
    from build_scripts.series.grouping import group_series

    draft = Document(Metadata(id="a-80-l-11", source="a.txt", type="draft_resolution", symbol="A/80/L.11",
                              title="International Day of the World’s Indigenous Women and Girls"))
    adopted = Document(Metadata(id="a-res-80-10", source="b.txt", type="resolution", symbol="A/RES/80/10",
                                title="A wholly different title", drafts=("A/80/L.11",)))
    other = dataclasses.replace(adopted, meta=dataclasses.replace(adopted.meta, id="a-res-80-99", symbol="A/RES/80/99", title="Regional disarmament",
                                                                   drafts=("A/80/L.99",)))
    series = group_series([draft, adopted, other])
    assert sorted(s.members for s in series) == [("a-80-l-11", "a-res-80-10"), ("a-res-80-99",)]


def test_an_amendment_joins_its_draft_series_but_is_never_compared_as_a_version():
    from build_scripts.model import Document, Metadata
    from build_scripts.series.grouping import group_series

    draft = Document(Metadata(id="a-80-l-18", source="a.txt", type="draft_resolution", symbol="A/80/L.18",
                              title="Safety and security of humanitarian personnel"))
    amendment = Document(Metadata(id="a-80-l-19", source="b.txt", type="amendment", symbol="A/80/L.19",
                                  title="Safety and security of humanitarian personnel", amends="A/80/L.18"))
    (series,) = group_series([draft, amendment])
    assert series.members == ("a-80-l-18", "a-80-l-19") and series.reports == ("a-80-l-19",)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(("a", "b", "c", "d")), min_size=0, max_size=6),
       st.lists(st.sampled_from(("a", "b", "c", "d")), min_size=0, max_size=6))
def test_a_profile_compared_through_its_shingle_set_gives_the_same_share(left, right):
    """:meth:`Profile.shared` with the caller's set of the profile's shingles (made once for
    many candidates) gives what it gives from the two arrays."""
    from build_scripts.series.grouping import Profile

    def made(tags, tag):
        paras = tuple(p for t in tags for p in (seed_paras("projet-belarus") if t == "a" else own_paras(t, 3)))
        return Profile.of(doc(tag, None, paras=paras))

    one, two = made(left, "x"), made(right, "y")
    assert one.shared(two, set(one.shingles)) == one.shared(two)
    assert two.shared(one, set(two.shingles)) == two.shared(one)


def test_profiles_sharing_too_few_word_5_grams_are_not_compared_paragraph_by_paragraph():
    """The shingle gate: the same paragraphs, but (as held) no word 5-gram in common, give no
    share, whether the caller passes the profile's shingle set or not."""
    from array import array

    from build_scripts.series.grouping import Profile

    paragraphs = tuple(("operative", f"paragraphe {n} du texte commun aux deux versions") for n in range(8))
    one = Profile(paragraphs, array("Q", range(0, 100)))
    two = Profile(paragraphs, array("Q", range(100, 200)))
    same = Profile(paragraphs, array("Q", range(0, 100)))
    assert one.shared(same) == one.shared(same, set(one.shingles)) == 1.0  # the paragraphs alone decide
    assert one.shared(two) == one.shared(two, set(one.shingles)) == 0.0
