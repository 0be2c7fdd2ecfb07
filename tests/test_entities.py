"""Entity catalog, mention detection and state lookup (build_scripts.entities)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pycountry
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.entities import CatalogError, Entity, build_catalog, find_mentions, find_state, load_catalog
from build_scripts.entities.catalog import DATA, FILES

ROOT = Path(__file__).resolve().parent.parent


def found(text: str, language: str = "fr", **kw) -> list[tuple[str, str]]:
    """(slug, matched text) of every mention, in order."""
    return [(m.entity.slug, m.text) for m in find_mentions(text, language, **kw)]


def slugs(text: str, language: str = "fr", **kw) -> list[str]:
    return [slug for slug, _ in found(text, language, **kw)]


def seed_text(prefix: str) -> str:
    (path,) = (ROOT / "source_docs").glob(f"{prefix}_*.txt")
    return " ".join(path.read_text(encoding="utf-8").split())


def raw_docs() -> dict:
    return {name: yaml.safe_load((DATA / name).read_text(encoding="utf-8")) for name, *_ in FILES}


# --- data ---------------------------------------------------------------------------------------


def test_states_are_the_193_members_and_2_observers():
    states = load_catalog().by_kind("state")
    status = [load_catalog().details(s)["status"] for s in states]
    assert len(states) == 195
    assert status.count("member") == 193
    observers = {s.slug for s, st_ in zip(states, status) if st_ == "observer"}
    assert observers == {"saint-siege", "etat-de-palestine"}


def test_slugs_are_unique_and_plain():
    entities = load_catalog().entities
    assert len({e.slug for e in entities}) == len(entities)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e.slug) for e in entities)


def test_iso_codes_agree_with_pycountry():
    for state in load_catalog().by_kind("state"):
        codes = dict(state.codes)
        country = pycountry.countries.get(alpha_2=codes["iso2"])
        assert country is not None, state.slug
        assert country.alpha_3 == codes["iso3"], state.slug
    assert len({dict(s.codes)["iso2"] for s in load_catalog().by_kind("state")}) == 195


def test_every_entry_has_french_and_english_names():
    for name, key, *_ in FILES:
        for entry in raw_docs()[name][key]:
            assert isinstance(entry.get("fr"), str) and entry["fr"].strip(), (name, entry)
            assert isinstance(entry.get("en"), str) and entry["en"].strip(), (name, entry)


def test_every_file_opens_with_a_comment_naming_its_sources():
    for name, *_ in FILES:
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        header = [line for line in lines[: next(i for i, l in enumerate(lines) if not l.startswith("#"))]]
        assert header and any("Sources:" in line for line in header), name


def test_un_names_and_typographic_apostrophes():
    cat = load_catalog()
    names = {s.slug: s.name_fr for s in cat.by_kind("state")}
    assert names["bolivie-etat-plurinational-de"] == "Bolivie (État plurinational de)"
    assert names["royaume-uni"] == "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord"
    assert names["tchequie"] == "Tchéquie" and names["republique-de-moldova"] == "République de Moldova"
    assert names["etats-unis-d-amerique"] == "États-Unis d’Amérique"
    assert names["saint-siege"] == "Saint-Siège" and names["etat-de-palestine"] == "État de Palestine"
    for entity in cat.entities:
        assert "'" not in entity.name_fr + "".join(entity.aliases), entity.slug


def test_forms_start_like_names():
    """Catches a YAML [a, b] list split at a comma inside an item."""
    lowercase_ok = {"golfe de Guinée", "former Yugoslav Republic of Macedonia", "ex-République yougoslave de Macédoine"}
    for language in ("fr", "en"):
        for surface in load_catalog().surfaces(language):
            assert surface.text[0].isupper() or surface.text[0].isdigit() or surface.text in lowercase_ok, surface


def test_required_entities_exist():
    cat = load_catalog()
    for slug in ("onudc", "onu-femmes", "hcr", "hcdh", "oit", "oim", "unicef", "pnud", "unesco", "fnuap",
                 "onusida", "oaci", "unicri", "banque-mondiale", "icat", "osce", "conseil-de-l-europe",
                 "interpol", "union-africaine", "union-europeenne", "organisation-des-etats-americains", "icmpd",
                 "ecosoc", "ccpcj", "assemblee-generale", "conseil-de-securite", "secretaire-general"):
        assert cat.get("organization", slug) is not None, slug
    for slug in ("5-2", "5-3", "8-7", "16-2", "4-7", "10-7", "16-1", "16-3"):
        assert cat.get("sdg", slug) is not None, slug
    assert cat.get("instrument", "plan-d-action-mondial").name_fr.startswith("Plan d’action mondial")
    assert cat.get("organization", "nope") is None


def test_entity_paths_and_codes():
    cat = load_catalog()
    assert cat.get("state", "colombie").path == "etats/colombie/"
    assert cat.get("state", "colombie").codes == (("iso2", "CO"), ("iso3", "COL"))
    assert cat.get("organization", "onudc").path == "organisations/onudc/"
    assert cat.get("instrument", "plan-d-action-mondial").path == "instruments/plan-d-action-mondial/"
    assert cat.get("sdg", "5-2").path == "odd/5-2/"
    assert "ONUDC" in cat.get("organization", "onudc").aliases


def test_catalog_is_cached_and_frozen():
    assert load_catalog() is load_catalog()
    with pytest.raises(AttributeError):
        load_catalog().entities[0].slug = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["states.yml"]["states"][0].update(slug="Bad Slug"),
        lambda d: d["states.yml"]["states"][1].update(slug=d["states.yml"]["states"][0]["slug"]),
        lambda d: d["states.yml"]["states"][0].update(status="friend"),
        lambda d: d["states.yml"]["states"][0].update(colour="blue"),
        lambda d: d["organizations.yml"]["organizations"][0].update(kind="club"),
        lambda d: d["instruments.yml"]["instruments"][0].update(en=""),
        lambda d: d["sdg_targets.yml"]["targets"][0].update(target="9.9"),
    ],
)
def test_invalid_data_is_refused(change):
    docs = raw_docs()
    change(docs)
    with pytest.raises(CatalogError):
        build_catalog(docs)


# --- matching rules -------------------------------------------------------------------------------


def test_elided_and_contracted_articles_stay_outside():
    assert found("de l’ONUDC, l’ONUDC et d’INTERPOL") == [("onudc", "ONUDC"), ("onudc", "ONUDC"), ("interpol", "INTERPOL")]
    text = "l’Office des Nations Unies contre la drogue et le crime"
    assert found(text) == [("onudc", text[2:])]
    assert found("de l ’ONUDC") == [("onudc", "ONUDC")]


def test_acronyms_are_case_sensitive_whole_words():
    assert found("onudc, Onudc, ONUDCs, XONUDC, oit, hcr, OITs") == []
    assert slugs("le HCR, l’OIT et l’OIM") == ["hcr", "oit", "oim"]


def test_full_names_tolerate_spacing_apostrophes_and_initial_case():
    text = "le fonds de contributions volontaires des Nations\u00a0Unies en faveur des victimes de la\ntraite des personnes"
    assert slugs(text) == ["fonds-pour-les-victimes-de-la-traite"]
    assert slugs("Office des nations Unies contre la drogue et le crime") == ["onudc"]
    assert slugs("OFFICE DES NATIONS UNIES CONTRE LA DROGUE ET LE CRIME") == []
    assert slugs("Conseil des droits de l'homme") == ["conseil-des-droits-de-l-homme"]
    assert slugs("Haut Commissariat des Nations Unies pour les réfugiés") == ["hcr"]


def test_longest_match_wins():
    assert slugs("Guinée-Bissau, Guinée équatoriale, Guinée, Papouasie-Nouvelle-Guinée") == [
        "guinee-bissau", "guinee-equatoriale", "guinee", "papouasie-nouvelle-guinee"]
    assert slugs("Soudan du Sud et Soudan") == ["soudan-du-sud", "soudan"]
    assert slugs("Plan d’action mondial des Nations Unies pour la lutte contre la traite des personnes") == [
        "plan-d-action-mondial"]
    assert slugs("la Convention du Conseil de l’Europe sur la lutte contre la traite des êtres humains") == [
        "convention-du-conseil-de-l-europe-sur-la-traite"]


def test_council_of_europe_and_ecosoc():
    assert found("la participation du Conseil de l’Europe") == [("conseil-de-l-europe", "Conseil de l’Europe")]
    assert found("le Conseil de l ’Europe") == [("conseil-de-l-europe", "Conseil de l ’Europe")]
    assert slugs("résolution du Conseil économique et social") == ["ecosoc"]
    assert slugs("le Conseil a adopté ; en Europe") == []


def test_names_inside_longer_names_are_not_states():
    assert slugs("de l’Organisation des États américains") == ["organisation-des-etats-americains"]
    assert slugs("la Ligue des États arabes et la Communauté économique des États de l’Afrique de l’Ouest") == [
        "ligue-des-etats-arabes", "cedeao"]
    assert slugs("le Royaume-Uni de Grande-Bretagne et d’Irlande du Nord") == ["royaume-uni"]
    assert slugs("en Irlande du Nord, dans le golfe de Guinée") == []


def test_places_and_states():
    assert slugs("qui doit se tenir au Maroc") == ["maroc"]
    assert slugs("tenue à Washington ; déclaration adoptée à Khartoum ; à Doha ; à New York") == []
    assert slugs("la Palestine") == []
    assert slugs("l’État de Palestine") == ["etat-de-palestine"]
    assert slugs("une grenade ; la Grenade") == ["grenade"]


def test_generic_words_are_not_mentions():
    text = "l’Office des Nations Unies contre la drogue et le crime. Le Groupe a dit ; l’Union a dit"
    assert slugs(text) == ["onudc"]
    assert slugs("The United Nations Office on Drugs and Crime. The Office of the President", "en") == ["onudc"]


def test_weak_back_references():
    assert slugs("l’Office a dit") == []
    assert slugs("l’ONUDC ... l’Office a dit") == ["onudc", "onudc"]
    assert slugs("l’Office a dit", context_slugs=["onudc"]) == ["onudc"]
    assert slugs("l’Office de secours et de travaux", context_slugs=["onudc"]) == []
    assert slugs("le Bureau international du Travail et l’International Labour Office", context_slugs=["onudc"]) == ["oit"]
    text = "le HCR et le HCDH ; le Haut-Commissariat a dit"
    assert slugs(text) == ["hcr", "hcdh", "hcdh"]
    assert slugs("Le Protocole", context_slugs=["protocole-relatif-a-la-traite-des-personnes"]) == [
        "protocole-relatif-a-la-traite-des-personnes"]


def test_sdg_target_lists():
    assert found("les cibles 5.2, 8.7 et 16.2 des objectifs") == [("5-2", "5.2"), ("8-7", "8.7"), ("16-2", "16.2")]
    assert slugs("Cible 5.2.") == ["5-2"]
    assert slugs("targets 5.2, 8.7, and 16.2", "en") == ["5-2", "8-7", "16-2"]
    assert slugs("SDG target 8.7", "en") == ["8-7"]
    assert slugs("indicateur 16.2.1 ; cible 16.2.1 ; cible 17.18 ; 8.7") == []


def test_alliance_8_7_is_not_a_target():
    assert found("l’Alliance 8.7 et la plateforme Delta 8.7") == [("alliance-8-7", "Alliance 8.7")]


def test_english_forms():
    text = ("the Council of Europe, UNODC, UN-Women, the Global Plan of Action, Bolivia, Czechia, "
            "the United Kingdom of Great Britain and Northern Ireland, Northern Ireland and Mexico City")
    assert slugs(text, "en") == ["conseil-de-l-europe", "onudc", "onu-femmes", "plan-d-action-mondial",
                                 "bolivie-etat-plurinational-de", "tchequie", "royaume-uni"]
    assert slugs("la Déclaration de Mexico") == []


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        find_mentions("x", "es")


# --- state lookup ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, slug",
    [("Colombie", "colombie"), ("Bélarus", "belarus"), ("Colombia", "colombie"), ("Belarus", "belarus"),
     ("le Bélarus", "belarus"), ("BOLIVIE (ÉTAT PLURINATIONAL DE)", "bolivie-etat-plurinational-de"),
     ("Royaume-Uni", "royaume-uni"), ("United Kingdom", "royaume-uni"), ("the Netherlands", "pays-bas-royaume-des"),
     ("Tchéquie", "tchequie"), ("Czech Republic", "tchequie"), ("État de Palestine", "etat-de-palestine"),
     ("CO", "colombie"), ("COL", "colombie")],
)
def test_find_state(name, slug):
    assert find_state(name).slug == slug


@pytest.mark.parametrize("name", ["Palestine", "Washington", "Organisation des États américains", "", "co"])
def test_find_state_refuses(name):
    assert find_state(name) is None


# --- seed documents ------------------------------------------------------------------------------------


def test_report_paragraph_6_states_are_all_found():
    text = seed_text("002")
    start = text.index("6. Une demande")
    listing = text[text.index(": ", text.index("cette demande", start)) + 2 : text.index("Uruguay.", start) + 7]
    *names, last = listing.split(", ")
    names += last.split(" et ")  # "Togo et Uruguay"
    mentions = [m for m in find_mentions(text) if m.entity.kind == "state"]
    texts = {m.text for m in mentions}
    assert len(names) == 45 and "Bolivie (État plurinational de)" in names and "Tchéquie" in names
    assert all(name in texts for name in names), set(names) - texts
    assert all(find_state(name) is not None for name in names)
    assert "etat-de-palestine" in {m.entity.slug for m in mentions}


def test_report_organizations_are_found():
    found_slugs = set(slugs(seed_text("002")))
    assert {"onudc", "hcdh", "oim", "onu-femmes", "interpol", "osce", "conseil-de-l-europe"} <= found_slugs


def test_resolution_plan_and_targets_are_found():
    mentions = find_mentions(seed_text("003"))
    assert "plan-d-action-mondial" in {m.entity.slug for m in mentions}
    targets = [m.text for m in mentions if m.entity.kind == "sdg"]
    assert sorted(targets) == ["16.2", "5.2", "8.7"]


def test_100kb_in_well_under_a_second():
    text = (seed_text("002") * 2)[:100_000]
    find_mentions("warm up")
    began = time.perf_counter()
    find_mentions(text)
    assert time.perf_counter() - began < 1.0


# --- properties ---------------------------------------------------------------------------------------

_PIECES = st.sampled_from(["ONUDC", "l’", "l'", "Office", "Conseil", "de", "l’Europe", "Maroc", " ", "\n", "\u00a0",
                           "cibles", "5.2", ", ", " et ", "8.7", "Alliance", "-", "Guinée", "Bissau", "É", "(", ")"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_PIECES).map("".join)), st.sampled_from(["fr", "en"]))
def test_any_text_gives_valid_sorted_disjoint_spans(text, language):
    mentions = find_mentions(text, language, context_slugs=["onudc"])
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
        assert isinstance(m.entity, Entity)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
