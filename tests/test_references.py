"""Citations of UN documents found in text (build_scripts/references.py)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from build_scripts.references import Reference, find_references
from build_scripts.symbol import Symbol

SOURCE_DOCS = Path(__file__).resolve().parent.parent / "source_docs"


def refs(text: str, body: str | None = "GA", language: str = "fr") -> list[tuple]:
    """(target, matched text, date, paragraph) of each reference; spans checked on the way."""
    found = find_references(text, issuing_body=body, language=language)
    for ref in found:
        assert text[ref.start:ref.end] == ref.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    return [(str(r.target), r.text, r.date, r.paragraph) for r in found]


def targets(text: str, body: str | None = "GA", language: str = "fr") -> list[str]:
    """The target symbols (as str) found in *text*."""
    return [t[0] for t in refs(text, body, language)]


# --- one form per case: (text, issuing body, expected [(target, text, date, paragraph)]) ------

FRENCH = {
    "single": ("Rappelant sa résolution 64/293, ", "GA",
               [("A/RES/64/293", "résolution 64/293", None, None)]),
    "footnote": ("1 Résolution 70/1. 2 Cible 5.2.", "GA",
                 [("A/RES/70/1", "Résolution 70/1", None, None)]),
    "list": ("1 Résolutions 55/67, 58/137, 59/166 et 64/178. Sachant", "GA",
             [("A/RES/55/67", "Résolutions 55/67", None, None), ("A/RES/58/137", "58/137", None, None),
              ("A/RES/59/166", "59/166", None, None), ("A/RES/64/178", "64/178", None, None)]),
    "list with dates": ("Rappelant ses résolutions 61/180 du 20 décembre 2006, 64/178 du 18 décembre 2009 "
                        "et 72/195 du 19 décembre 2017 sur l’amélioration", "GA",
                        [("A/RES/61/180", "résolutions 61/180", "2006-12-20", None),
                         ("A/RES/64/178", "64/178", "2009-12-18", None),
                         ("A/RES/72/195", "72/195", "2017-12-19", None)]),
    "date": ("que l’Assemblée générale a adopté par sa résolution 64/293 du 30 juillet 2010,", "GA",
             [("A/RES/64/293", "résolution 64/293", "2010-07-30", None)]),
    "first of month": ("la résolution 73/1 du 1er octobre 2018", "GA",
                       [("A/RES/73/1", "résolution 73/1", "2018-10-01", None)]),
    "ECOSOC named before date": ("Rappelant également la résolution 2013/41 du Conseil économique et social, "
                                 "en date du 25 juillet 2013, sur la mise en œuvre", "GA",
                                 [("E/RES/2013/41", "résolution 2013/41", "2013-07-25", None)]),
    "ECOSOC year shape": ("conformément à la résolution 2006/27,", "GA",
                          [("E/RES/2006/27", "résolution 2006/27", None, None)]),
    "ECOSOC own": ("Rappelant sa résolution 2013/41 du 25 juillet 2013, intitulée", "ECOSOC",
                   [("E/RES/2013/41", "résolution 2013/41", "2013-07-25", None)]),
    "GA named in ECOSOC text": ("3 Résolution 64/293 de l’Assemblée générale.", "ECOSOC",
                                [("A/RES/64/293", "Résolution 64/293", None, None)]),
    "GA subject of sa in ECOSOC text": ("la décision que l’Assemblée générale a prise, "
                                        "dans sa résolution 68/192,",
                                        "ECOSOC", [("A/RES/68/192", "résolution 68/192", None, None)]),
    "HRC adopted by": ("Rappelant la résolution 32/3 adoptée le 30 juin 2016 par le Conseil des droits de "
                       "l'homme, intitulée « La traite des personnes »", "GA",
                       [("A/HRC/RES/32/3", "résolution 32/3", "2016-06-30", None)]),
    "HRC own": ("Rappelant sa résolution 32/3,", "HRC", [("A/HRC/RES/32/3", "résolution 32/3", None, None)]),
    "du Conseil refers back": ("la Rapporteuse spéciale du Conseil des droits de l’homme sur la traite des êtres "
                               "humains, en application de la résolution 8/12 du 18 juin 2008 du Conseil, et", "GA",
                               [("A/HRC/RES/8/12", "résolution 8/12", "2008-06-18", None)]),
    "body after date and comma": ("la résolution 2013/41, en date du 25 juillet 2013, du Conseil économique et "
                                  "social,", "GA", [("E/RES/2013/41", "résolution 2013/41", "2013-07-25", None)]),
    "genitive is not the subject of sa": ("Rappelant la résolution 70/1 de l’Assemblée générale "
                                          "et sa résolution 32/3,",
                                          "HRC", [("A/RES/70/1", "résolution 70/1", None, None),
                                                  ("A/HRC/RES/32/3", "résolution 32/3", None, None)]),
    "CCPCJ": ("la résolution 27/2 adoptée le 18 mai 2018 par la Commission pour la prévention du crime et "
              "la justice pénale, intitulée", "GA", [("E/CN.15/RES/27/2", "résolution 27/2", "2018-05-18", None)]),
    "CCPCJ own": ("Rappelant sa résolution 27/2,", "CCPCJ", [("E/CN.15/RES/27/2", "résolution 27/2", None, None)]),
    "COP after a long title": ("de la résolution 9/1 du 19 octobre 2018 intitulée « Mise en place du Mécanisme "
                               "d'examen de l'application de la Convention des Nations Unies contre la criminalité "
                               "transnationale organisée et des Protocoles s'y rapportant », adoptée par la "
                               "Conférence des Parties à sa neuvième session", "GA",
                               [("CTOC/COP/RES/9/1", "résolution 9/1", "2018-10-19", None)]),
    "COP loose clause": ("la résolution 9/1 sur le mécanisme d’examen, adoptée par la Conférence des Parties,",
                         "GA",
                         [("CTOC/COP/RES/9/1", "résolution 9/1", None, None)]),
    "Security Council": ("conformément à la résolution 2388 (2017) du Conseil de sécurité,", "GA",
                         [("S/RES/2388 (2017)", "résolution 2388 (2017)", None, None)]),
    "Security Council list": ("Conformément aux résolutions 2331 (2016) et 2388 (2017) du Conseil de sécurité, le",
                              "GA", [("S/RES/2331 (2016)", "résolutions 2331 (2016)", None, None),
                                     ("S/RES/2388 (2017)", "2388 (2017)", None, None)]),
    "Security Council own": ("Par sa résolution 2388 (2017), le Conseil", "SC",
                             [("S/RES/2388 (2017)", "résolution 2388 (2017)", None, None)]),
    "old GA": ("la résolution 1514 (XV) du 14 décembre 1960", "GA",
               [("A/RES/1514 (XV)", "résolution 1514 (XV)", "1960-12-14", None)]),
    "old GA lettered": ("la résolution 2200 A (XXI)", "GA",
                        [("A/RES/2200 (XXI) A", "résolution 2200 A (XXI)", None, None)]),
    "lettered part": ("la résolution 62/236 B du 22 décembre 2007", "GA",
                      [("A/RES/62/236 B", "résolution 62/236 B", "2007-12-22", None)]),
    "paragraph": ("Rappelant le paragraphe 5 de sa résolution 70/179,", "GA",
                  [("A/RES/70/179", "résolution 70/179", None, "5")]),
    "markdown link": ("23 Résolution [64/293](#). régionaux", "GA",
                      [("A/RES/64/293", "Résolution [64/293", None, None)]),
    "Conseil de l'Europe is not a council of ours": ("la résolution 70/1 du Conseil de l’Europe", "GA",
                                                     [("A/RES/70/1", "résolution 70/1", None, None)]),
    "several lettered parts": ("Rappelant ses résolutions 62/236 A, B et C du 22 décembre 2007,", "GA",
                               [("A/RES/62/236 A", "résolutions 62/236 A", "2007-12-22", None),
                                ("A/RES/62/236 B", "B", "2007-12-22", None),
                                ("A/RES/62/236 C", "C", "2007-12-22", None)]),
    "a part letter needs a lettered number": ("la résolution 62/236 et B", "GA",
                                              [("A/RES/62/236", "résolution 62/236", None, None)]),
    "old ECOSOC numbering": ("la résolution 1296 (XLIV) du Conseil économique et social", "GA",
                             [("E/RES/1296 (XLIV)", "résolution 1296 (XLIV)", None, None)]),
}

ENGLISH = {
    "month-first date": ("General Assembly resolution 68/192 of December 18, 2013,", "ECOSOC",
                         [("A/RES/68/192", "resolution 68/192", "2013-12-18", None)]),
    "lettered parts": ("resolutions 62/236 A and B", "GA",
                       [("A/RES/62/236 A", "resolutions 62/236 A", None, None), ("A/RES/62/236 B", "B", None, None)]),
    "single": ("Recalling its resolution 68/192 of 18 December 2013,", "GA",
               [("A/RES/68/192", "resolution 68/192", "2013-12-18", None)]),
    "footnote": ("1 Resolution 70/1. 2 Target 5.2.", "GA", [("A/RES/70/1", "Resolution 70/1", None, None)]),
    "list": ("Recalling its resolutions 60/1, 60/251 and 65/281,", "GA",
             [("A/RES/60/1", "resolutions 60/1", None, None), ("A/RES/60/251", "60/251", None, None),
              ("A/RES/65/281", "65/281", None, None)]),
    "list with dates": ("Recalling its resolutions 61/180 of 20 December 2006, 64/178 of 18 December 2009 and "
                        "72/195 of 19 December 2017 on improving", "GA",
                        [("A/RES/61/180", "resolutions 61/180", "2006-12-20", None),
                         ("A/RES/64/178", "64/178", "2009-12-18", None),
                         ("A/RES/72/195", "72/195", "2017-12-19", None)]),
    "ECOSOC of the": ("Recalling also Economic and Social Council resolution 2017/18 of 6 July 2017,", "GA",
                      [("E/RES/2017/18", "resolution 2017/18", "2017-07-06", None)]),
    "ECOSOC named after": ("resolution 2013/41 of the Economic and Social Council of 25 July 2013,", "GA",
                           [("E/RES/2013/41", "resolution 2013/41", "2013-07-25", None)]),
    "GA subject of its in ECOSOC text": ("which the General Assembly adopted in its resolution 64/293 of 30 July 2010,",
                                         "ECOSOC", [("A/RES/64/293", "resolution 64/293", "2010-07-30", None)]),
    "GA named before": ("General Assembly resolution 64/293,", "ECOSOC",
                        [("A/RES/64/293", "resolution 64/293", None, None)]),
    "HRC named before": ("Recalling Human Rights Council resolution 32/3 of 30 June 2016,", "GA",
                         [("A/HRC/RES/32/3", "resolution 32/3", "2016-06-30", None)]),
    "HRC adopted by": ("resolution 32/3, adopted by the Human Rights Council on 30 June 2016,", "GA",
                       [("A/HRC/RES/32/3", "resolution 32/3", "2016-06-30", None)]),
    "Council refers back": ("the Special Rapporteur of the Human Rights Council, pursuant to resolution 8/12 of "
                            "18 June 2008 of the Council, and", "GA",
                            [("A/HRC/RES/8/12", "resolution 8/12", "2008-06-18", None)]),
    "body after date": ("resolution 2013/41 of 25 July 2013 of the Economic and Social Council,", "GA",
                        [("E/RES/2013/41", "resolution 2013/41", "2013-07-25", None)]),
    "CCPCJ": ("resolution 27/2 adopted by the Commission on Crime Prevention and Criminal Justice on 18 May 2018",
              "GA", [("E/CN.15/RES/27/2", "resolution 27/2", "2018-05-18", None)]),
    "COP": ("resolution 9/1 of 19 October 2018, entitled “Establishment of the Mechanism for the Review of the "
            "Implementation of the United Nations Convention against Transnational Organized Crime and the "
            "Protocols thereto”, adopted by the Conference of the Parties at its ninth session", "GA",
            [("CTOC/COP/RES/9/1", "resolution 9/1", "2018-10-19", None)]),
    "Security Council": ("Security Council resolution 2388 (2017),", "GA",
                         [("S/RES/2388 (2017)", "resolution 2388 (2017)", None, None)]),
    "Security Council list": ("Security Council resolutions 2331 (2016) and 2388 (2017)", "GA",
                              [("S/RES/2331 (2016)", "resolutions 2331 (2016)", None, None),
                               ("S/RES/2388 (2017)", "2388 (2017)", None, None)]),
    "old GA": ("resolution 1514 (XV) of 14 December 1960", "GA",
               [("A/RES/1514 (XV)", "resolution 1514 (XV)", "1960-12-14", None)]),
    "lettered part": ("resolution 62/236 B of 22 December 2007", "GA",
                      [("A/RES/62/236 B", "resolution 62/236 B", "2007-12-22", None)]),
    "paragraph": ("Recalling paragraph 5 of its resolution 70/179,", "GA",
                  [("A/RES/70/179", "resolution 70/179", None, "5")]),
    "first of month": ("resolution 73/1 of 1 October 2018", "GA",
                       [("A/RES/73/1", "resolution 73/1", "2018-10-01", None)]),
}


@pytest.mark.parametrize("text, body, expected", FRENCH.values(), ids=FRENCH.keys())
def test_french_forms(text, body, expected):
    assert refs(text, body, "fr") == expected


@pytest.mark.parametrize("text, body, expected", ENGLISH.values(), ids=ENGLISH.keys())
def test_english_forms(text, body, expected):
    assert refs(text, body, "en") == expected


SYMBOLS = [
    ("voir A/74/127.", "A/74/127", "A/74/127"),
    ("* E/CN.15/2018/1. 1 Nations Unies", "E/CN.15/2018/1", "E/CN.15/2018/1"),
    ("Résolution A/RES/74/176.", "A/RES/74/176", "A/RES/74/176"),
    ("22 Voir [CTOC/COP/2018/13](#), sect. I.A.", "CTOC/COP/2018/13", "CTOC/COP/2018/13"),
    ("17 E/2002/68/Add.1. Sachant", "E/2002/68/Add.1", "E/2002/68/Add.1"),
    ("https://undocs.org/fr/S/RES/2388(2017) S/RES/2388(2017)", "S/RES/2388 (2017)", "S/RES/2388(2017)"),
    ("s/RES/2395(2017)", "S/RES/2395 (2017)", "s/RES/2395(2017)"),
    ("A/RES/62/236 B.", "A/RES/62/236 B", "A/RES/62/236 B"),
    ("Supplément n° 53 (A/71/53)*, chap. V", "A/71/53", "A/71/53"),
    ("Supplement No. 53 (A/71/53), chap. V", "A/71/53", "A/71/53"),
]


@pytest.mark.parametrize("text, target, matched", SYMBOLS, ids=[s[1] for s in SYMBOLS])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_explicit_symbols(text, target, matched, language):
    assert refs(text, None, language) == [(target, matched, None, None)]


DECOYS_FR = [
    "au cours de la période 2015-2018", "Au cours de la période 2007-2016,", "l’exercice biennal 2016/17",
    "le budget 2016/17", "cible 5.2", "les cibles 5.2, 8.7 et 16.2 du Programme", "Rappelant sa décision 72/557,",
    "la décision 72/557", "sa décision 2013/xx", "le 18/12/2019", "A/74/127 V.19-04876 2/27 Table",
    "Recueil des Traités, vol. 2225, no 39574.", "numéro de vente : E.16.IV.6", "Supplément n° 53,",
    "l’Alliance 8.7 ;", "2388 (2017) du Conseil de sécurité", "la résolution 8/12 du 18 juin 2008 du Conseil,",
    "la résolution 9/1", "la résolution 9/1, adoptée par la Conférence des Parties à la Convention-cadre,",
    "http://undocs.org/fr/A/RES/68/192", "résolution 5.2", "résolutions et décisions 72/557",
]
DECOYS_EN = [
    "during the period 2015-2018", "the biennium 2016/17", "target 8.7", "targets 5.2, 8.7 and 16.2",
    "Recalling its decision 72/557,", "decision 72/557", "on 18/12/2019", "United Nations, Treaty Series, "
    "vol. 2225, No. 39574.", "Sales No. E.16.IV.6", "Supplement No. 53,", "2388 (2017) of the Security Council",
    "resolution 8/12 of 18 June 2008 of the Council,", "resolution 9/1", "page 2/27", "Alliance 8.7;",
]


@pytest.mark.parametrize("text", DECOYS_FR)
def test_french_decoys(text):
    assert targets(text.replace("A/74/127 ", ""), "GA", "fr") == []


@pytest.mark.parametrize("text", DECOYS_EN)
def test_english_decoys(text):
    assert targets(text, "GA", "en") == []


def test_reference_is_frozen_and_targets_round_trip():
    (ref,) = find_references("la résolution 2388 (2017)", issuing_body=None)
    assert isinstance(ref, Reference) and Symbol.parse(str(ref.target)) == ref.target
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.start = 0  # type: ignore[misc]


def test_empty_and_unknown_language():
    assert find_references("", issuing_body="GA") == []
    assert targets("la résolution 68/192", "GA", "xx") == ["A/RES/68/192"]


# --- the seeds ------------------------------------------------------------------------------

def seed_targets(prefix: str, body: str) -> set[str]:
    (path,) = SOURCE_DOCS.glob(f"{prefix}_*.txt")
    return set(targets(" ".join(path.read_text(encoding="utf-8").split()), body, "fr"))


SEEDS = {
    ("001", "GA"): ["A/RES/64/293", "A/RES/67/190", "E/RES/2013/41", "A/RES/55/67", "A/RES/58/137",
                    "A/RES/59/166", "A/RES/61/144", "A/RES/61/180", "A/RES/63/156", "A/RES/63/194",
                    "A/RES/64/178", "A/RES/59/156", "A/HRC/RES/8/12"],
    ("003", "GA"): ["A/RES/61/180", "A/RES/64/178", "A/RES/67/190", "A/RES/68/192", "A/RES/70/179",
                    "A/RES/72/195", "A/RES/71/322", "A/RES/73/189", "E/RES/2017/18", "A/HRC/RES/32/3",
                    "E/CN.15/RES/27/2", "CTOC/COP/RES/9/1", "A/RES/70/1", "A/RES/72/1", "A/RES/70/174",
                    "A/RES/71/1", "A/74/127", "A/74/189", "A/74/179", "A/74/162", "CTOC/COP/2018/13",
                    "A/RES/64/293", "A/71/53", "E/2018/30", "E/2002/68/Add.1", "A/74/400", "A/RES/55/67",
                    "A/RES/58/137", "A/RES/59/166", "A/RES/61/144", "A/RES/63/156", "A/RES/63/194"],
    ("004", "ECOSOC"): ["A/RES/64/293", "E/RES/2013/41", "A/RES/68/192"],
}
SEED_DECOYS = ["E/RES/2015/18", "E/RES/2007/16", "A/RES/5/2", "A/RES/8/7", "A/RES/16/2", "E/RES/2016/17",
               "A/RES/68/192 (2013)", "A/RES/2/27", "A/RES/9/1", "A/RES/8/12", "A/RES/32/3", "A/RES/27/2"]


@pytest.mark.parametrize("prefix, body", SEEDS.keys(), ids=[p for p, _ in SEEDS])
def test_seed_references(prefix, body):
    found = seed_targets(prefix, body)
    assert set(SEEDS[prefix, body]) <= found
    assert not found & set(SEED_DECOYS)


def test_seed_004_finds_nothing_beyond_its_citations():
    assert seed_targets("004", "ECOSOC") == set(SEEDS["004", "ECOSOC"])


def test_seed_003_all_targets_are_expected():
    assert seed_targets("003", "GA") == set(SEEDS["003", "GA"])


# --- properties -----------------------------------------------------------------------------

PIECES = st.sampled_from(["résolution ", "résolutions ", "resolution ", "sa ", "its ", "68/192", "2013/41", "2388",
                          " (2017)", " (XV)", ", ", " et ", " and ", " du ", " of ", "30 juillet 2010", "Conseil",
                          " du Conseil", "Conseil des droits de l’homme", "A/74/127", "E/CN.15/", "Add.1", "[",
                          "](#)", "« titre »", "<sup>1</sup>", "paragraphe 5 de ", "adoptée par la ", "8.7", "/"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(PIECES, max_size=30).map("".join)),
       st.sampled_from(["GA", "ECOSOC", "SC", "HRC", "CCPCJ", None]), st.sampled_from(["fr", "en"]))
def test_never_raises_and_spans_match(text, body, language):
    found = find_references(text, issuing_body=body, language=language)
    previous_end = 0
    for ref in found:
        assert previous_end <= ref.start < ref.end <= len(text)
        assert text[ref.start:ref.end] == ref.text
        assert ref.paragraph is None or ref.paragraph.isdigit()
        previous_end = ref.end


def test_quoted_title_after_a_reference_is_kept():
    text = ("Rappelant sa résolution 70/1 du 25 septembre 2015, intitulée « Transformer notre monde : "
            "le Programme de développement durable à l’horizon 2030 », et sa résolution 72/1")
    first, second = find_references(text, issuing_body="GA")
    assert first.title == "Transformer notre monde : le Programme de développement durable à l’horizon 2030"
    assert first.date == "2015-09-25" and second.title is None
    (english,) = find_references('resolution 70/1 of 25 September 2015, entitled “Transforming our world”',
                                 issuing_body="GA", language="en")
    assert english.title == "Transforming our world"


@pytest.mark.parametrize("text, language, expected", [
    # the real A/C.5/80/L.4: a resolution's section between its number and its date, mid-list
    ("Reaffirming its resolutions 41/213 of 19 December 1986, 45/248 B, section VI, of 21 December 1990, "
     "55/231 of 23 December 2000, 59/276, section XI, of 23 December 2004 and 60/283 of 7 July 2006,", "en",
     ["A/RES/41/213", "A/RES/45/248 B", "A/RES/55/231", "A/RES/59/276", "A/RES/60/283"]),
    ("Réaffirmant ses résolutions 41/213 du 19 décembre 1986, 45/248 B, section VI, du 21 décembre 1990, "
     "et 55/231 du 23 décembre 2000,", "fr", ["A/RES/41/213", "A/RES/45/248 B", "A/RES/55/231"]),
])
def test_a_section_named_after_a_number_does_not_end_the_list(text, language, expected):
    refs = find_references(text, issuing_body="GA", language=language)
    assert [str(r.target) for r in refs] == expected
    assert refs[2].date == ("2000-12-23")


def test_a_section_alone_is_no_number():
    refs = find_references("Recalling its resolution 45/248 B, section VI and annex II,", issuing_body="GA", language="en")
    assert [str(r.target) for r in refs] == ["A/RES/45/248 B"]


@pytest.mark.parametrize("text, body, language, expected", [
    # real texts of the checked set: special sessions' resolutions (A/C.1/80/L.5, A/C.3/80/L.5, A/C.3/80/L.30)
    ("See resolution S-10/2.", "GA", "en", ["A/RES/S-10/2"]),
    ("the provisions of General Assembly resolution ES-10/23 of 10 May 2024.", "GA", "en", ["A/RES/ES-10/23"]),
    ("Established pursuant to Human Rights Council resolution S-35/1 (see", "GA", "en", ["A/HRC/RES/S-35/1"]),
    ("Rappelant sa résolution S-27/2 et ses résolutions ES-10/1 et ES-10/2,", "GA", "fr",
     ["A/RES/S-27/2", "A/RES/ES-10/1", "A/RES/ES-10/2"]),
    # a disarmament omnibus resolution's parts run past K (A/C.1/80/L.7)
    ("Recalling its resolutions 45/58 P of 4 December 1990, 46/36 I of 6 December 1991, 57/76 of 22 November 2002,",
     "GA", "en", ["A/RES/45/58 P", "A/RES/46/36 I", "A/RES/57/76"]),
])
def test_special_sessions_and_parts_past_k(text, body, language, expected):
    assert [str(r.target) for r in find_references(text, issuing_body=body, language=language)] == expected


@pytest.mark.parametrize("text", [
    "Security Council resolution S-35/1",      # the Council has no special sessions
    "resolution ES-10",                        # no number after the session
    "resolution 70/1 In",                      # a word, not a part
])
def test_special_session_and_part_decoys(text):
    refs = find_references(text, issuing_body="GA", language="en")
    assert [str(r.target) for r in refs] in ([], ["A/RES/70/1"])


@pytest.mark.parametrize("text, language, expected", [
    # a footnote's list (the real A/C.6/80/L.10): sections by letter, paragraphs, semicolons between members
    ("Resolutions 52/214, sect. B, 57/283 B, sect. III, and 58/250, sect. III.", "en",
     ["A/RES/52/214", "A/RES/57/283 B", "A/RES/58/250"]),
    ("Resolutions 59/39, para. 9, and 65/21, para. 18; see also", "en", ["A/RES/59/39", "A/RES/65/21"]),
    ("Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, para. 12; 58/101 B, sect. V, paras. 61–76; and "
     "61/121 B, sect. IV.", "en", ["A/RES/52/214", "A/RES/55/222", "A/RES/58/101 B", "A/RES/61/121 B"]),
    ("Résolutions 59/39, par. 9, et 65/21, par. 18 ; voir aussi", "fr", ["A/RES/59/39", "A/RES/65/21"]),
])
def test_a_footnotes_list_with_sections_paragraphs_and_semicolons(text, language, expected):
    assert [str(r.target) for r in find_references(text, issuing_body="GA", language=language)] == expected


def test_a_semicolon_after_a_single_resolution_starts_no_list():
    refs = find_references("Recalling its resolution 70/1; 2. Decides", issuing_body="GA", language="en")
    assert [str(r.target) for r in refs] == ["A/RES/70/1"]
