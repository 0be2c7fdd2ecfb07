"""Hostile and broken input, stage by stage: the sidecar loader, the reader, the slug helper,
id ownership, listing slugs, front matter, the 404 page. (End to end: test_hostile_build.py.)"""

from __future__ import annotations

import dataclasses
import time

import pytest
from hypothesis import given, settings, strategies as st
import yaml

from build_scripts import lang, sidecar, slug
from build_scripts.corpus import assign_ids
from build_scripts.model import Document, Metadata, Paragraph
from build_scripts.read import MAX_BYTES, InputError, decode
from build_scripts.render import listings, notfound, paging
from build_scripts.sources import read_source
from build_scripts.symbol import Symbol
from tests.support.hostile import FIXTURES


def messages(text) -> list[str]:
    return [f"{i.line}: {i.message}" for i in sidecar.load(text)[1]]


# --- the sidecar loader ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("date: 2019-02-30\n", "1: sidecar key 'date': '2019-02-30' is not a date: expected an ISO date YYYY-MM-DD; ignored"),
    ("date: 18/12/2019\n", "1: sidecar key 'date': '18/12/2019' is not a date"),
    ("title: !foo bar\n", "1: sidecar uses a YAML tag (!foo), not allowed: ignored"),
    ("title: x\nsponsors: !!set {a: null}\n", "2: sidecar uses a YAML tag (tag:yaml.org,2002:set)"),
    ("a: &a [x]\nb: *a\n", "1: sidecar uses YAML anchors or aliases"),
    ("sponsors: [[a]]\n", "1: sidecar nests lists or mappings"),
    ("title: {a: b}\n", "1: sidecar key 'title': expected a text, not a list or mapping; ignored"),
    ("sponsors: [{a: b}]\n", "1: sidecar nests lists or mappings"),
    ("sponsors: a\n", "1: sidecar key 'sponsors': expected a list; ignored"),
    ("title: [a]\n", "1: sidecar key 'title': expected a text, not a list or mapping; ignored"),
    ("language: ../reference_words\n", "1: sidecar key 'language': '../reference_words' is not one of fr, en; ignored"),
    ("symbol: A/" + "B" * 260 + "\n", "(over 60 characters); ignored"),
    ("session: 7-4\n", "1: sidecar key 'session': '7-4' is not a session number (74, ES-10); ignored"),
    ("id: " + "a" * 121 + "\n", "1: sidecar key 'id': expected a slug of a-z, 0-9 and - (at most 120 characters); ignored"),
    ("title: " + "x" * 1001 + "\n", "1: sidecar key 'title': value over 1000 characters; ignored"),
    ("sponsors: [" + ", ".join(["Mali"] * 251) + "]\n", "1: sidecar key 'sponsors': more than 250 items; ignored"),
    ("title: 'Bél\u202earus'\n", "1: sidecar key 'title': 1 bidirectional control character(s) removed (U+202E)"),
    ("title: [\n", "sidecar is not valid YAML"),
    ("symbol: ~\n", "1: sidecar key 'symbol': empty value; ignored"),
    ("id:\n", "1: sidecar key 'id': empty value; ignored"),
    ("type: ''\n", "1: sidecar key 'type': empty value; ignored"),
    ("language: null\n", "1: sidecar key 'language': empty value; ignored"),
    ("? [a]\n: b\n", "1: unknown sidecar key '(not a text)' ignored"),
    ("title: x\n" * 8000, "0: sidecar over 64 kB (72,000 bytes): ignored"),
])
def test_sidecar_problems_are_reported_with_their_line(text, expected):
    found = messages(text)
    assert any(expected in m for m in found), found


def test_sidecar_values_are_the_text_as_written_and_good_keys_still_apply():
    values, issues = sidecar.load("session: 074\nyear: 2018\ndate: 2019-02-30\ntitle: yes\nmeeting: 2019-13-45\n"
                                  "sponsors: [Mali, ~, '', 12]\nseries: Traite (2019)\n")
    assert values == {"session": "074", "year": "2018", "title": "yes", "meeting": "2019-13-45",
                      "sponsors": ("Mali", "12"), "series": "traite-2019"}
    assert [i.line for i in issues] == [3, 7]


def test_sidecar_bytes_not_utf8_are_read_as_cp1252_with_a_warning():
    values, issues = sidecar.load("# été\ntitle: Résolution sur l’été\n".encode("cp1252"))
    assert values == {"title": "Résolution sur l’été"}
    assert [(i.line, i.message[:30]) for i in issues] == [(1, "sidecar is not UTF-8: read as ")]


def test_alias_bomb_is_refused_at_once():
    started = time.monotonic()
    values, issues = sidecar.load((FIXTURES / "alias_bomb.meta.yml").read_bytes())
    assert values == {} and "anchors or aliases" in issues[0].message
    assert time.monotonic() - started < 0.5


def test_a_language_code_is_never_a_path():
    assert lang.language("../reference_words").code == "fr"
    assert lang.language("/tmp/foo").code == "fr"


def test_sidecar_too_large_or_linked_is_ignored_naming_it(tmp_path):
    text = (FIXTURES / "bad_meeting.txt").read_bytes()
    (tmp_path / "big.txt").write_bytes(text)
    (tmp_path / "big.meta.yml").write_text("title: x\n" * 8000, encoding="utf-8")
    doc = read_source(tmp_path / "big.txt").document
    assert any(i.message.startswith("big.meta.yml: file over 64 kB (72,000 bytes), not converted (sidecar ignored)")
               for i in doc.issues), doc.issues
    assert doc.meta.title == "Séance mal écrite"


# --- the reader --------------------------------------------------------------------------------------


def test_file_over_the_limit_is_refused_with_its_size():
    assert MAX_BYTES == 5_000_000
    with pytest.raises(InputError, match=r"^big\.txt: file over 5 MB \(5,000,001 bytes\), not converted$"):
        decode(b"x" * (MAX_BYTES + 1), "big.txt")


def test_nul_late_in_a_file_is_removed_with_its_line():
    text, issues = decode(b"a\n" * 5000 + b"b\x00c\n", "late.txt")
    assert "\x00" not in text and "bc" in text
    assert [(i.line, i.message) for i in issues] == [(5001, "1 control character(s) removed (U+0000)")]
    with pytest.raises(InputError, match="binary file"):
        decode(b"a\x00" + b"b" * 10, "early.txt")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(codec):
    text, issues = decode("Bélarus : projet de résolution\n\n L’Assemblée générale,\n".encode(codec), "u.txt")
    assert text.startswith("Bélarus") and issues[0].message == f"UTF-16 without byte-order mark: read as {codec}"


def test_bidi_and_c1_characters_are_neutralised():
    text, issues = decode("Bél\u202earus\u2066 et l\u0092Office\u0081\n".encode(), "b.txt")
    assert text == "Bélarus et l’Office\n"
    assert {i.message.split(" (")[0] for i in issues} == {
        "2 bidirectional control character(s) removed", "2 C1 control character(s) replaced by their Windows-1252 meaning"}


# --- slugs and ids -------------------------------------------------------------------------------


def test_slug_helper_caps_with_a_stable_hash():
    long = "Les armes légères et de petit calibre sous tous leurs aspects " * 5
    made = slug.slug(long)
    assert len(made) == slug.MAX and made == slug.slug(long) and slug.is_slug(made)
    assert made != slug.slug(long + "x") and made[:100] == slug.slug(long + "x")[:100]
    assert slug.slug("A/RES/74/176") == "a-res-74-176" and slug.slug("!!!", fallback="document") == "document"
    assert slug.is_slug(slug.slug("日本")) and slug.hashed("GA") != "ga"
    assert len(Symbol.parse("A/" + "B" * 260).slug) == slug.MAX


def doc(source: str, doc_id: str, symbol: str | None = None, sidecar_id: bool = False, text: str = "Texte.") -> Document:
    provenance = (("id", "sidecar"),) if sidecar_id else ()
    return Document(meta=Metadata(id=doc_id, source=source, symbol=symbol, type="draft_resolution", provenance=provenance),
                    paragraphs=(Paragraph("op-1", "operative", text, number="1"),))


def test_ids_are_owned_by_symbols_and_stubs():
    real = doc("003.txt", "a-res-74-176", "A/RES/74/176", text="Rappelle sa résolution 68/192 du 18 décembre 2013.")
    docs = assign_ids([doc("0_claim.txt", "a-res-74-176", sidecar_id=True), real,
                       doc("claim_stub.txt", "a-res-68-192", sidecar_id=True),
                       doc("free.txt", "traite-2019", sidecar_id=True),
                       doc("copycat.txt", "projet-x-1", sidecar_id=True), doc("x.txt", "projet-x-1")])
    ids = {d.meta.source: d.meta.id for d in docs}
    assert ids["003.txt"] == "a-res-74-176" and ids["free.txt"] == "traite-2019" and ids["x.txt"] == "projet-x-1"
    for name in ("0_claim.txt", "claim_stub.txt", "copycat.txt"):
        assert ids[name].startswith("document-") or ids[name].startswith("projet-"), ids
        (issue,) = [i for d in docs if d.meta.source == name for i in d.issues]
        assert issue.message.startswith("sidecar id ") and "refused: it is the address of" in issue.message
    assert "A/RES/68/192, cited in the archive" in next(d for d in docs if d.meta.source == "claim_stub.txt").issues[0].message


def test_a_symbol_stated_by_a_text_wins_over_a_sidecar_one():
    real = doc("003.txt", "a-res-74-176", "A/RES/74/176")
    stated = dataclasses.replace(real, meta=dataclasses.replace(real.meta, source="0_x.txt", provenance=(("symbol", "sidecar"),)))
    copy = dataclasses.replace(real, meta=dataclasses.replace(real.meta, source="zz_copy.txt"))
    ids = {d.meta.source: d.meta.id for d in assign_ids([stated, real, copy])}
    assert ids == {"003.txt": "a-res-74-176", "0_x.txt": "a-res-74-176-2", "zz_copy.txt": "a-res-74-176-3"}


def test_ids_from_long_sponsor_lists_are_capped():
    long_id = "projet-" + "-".join(["allemagne", "autriche", "belgique"] * 20) + "-c5c9048f"
    (capped,) = assign_ids([doc("eu.txt", long_id)])
    assert len(capped.meta.id) == slug.MAX and slug.is_slug(capped.meta.id)


def test_listing_slugs_never_collide():
    values = {"body": ["GA", "Assemblee generale", "assemblee-generale", "ASSEMBLEE GENERALE"],
              "session": ["74", "7-4", "7 4", "ES-10", "HRC:74", "SC:74", "Foo:74", "HRC:7-4"], "type": ["resolution", "Résolution", "resolutions"]}
    for facet, vals in values.items():
        slugs = [listings.facet_slug(facet, v) for v in vals]
        assert len(set(slugs)) == len(slugs) and all(slug.is_slug(s) for s in slugs), slugs
    assert listings.facet_slug("body", "GA") == "assemblee-generale"


# --- front matter and the 404 page --------------------------------------------------------------------


def test_front_matter_survives_c1_and_other_control_characters():
    from mkdocs.utils.meta import get_data

    for title in ("Renforcement de l\u0092action", "x\x85y", "a\u2028b", "<script>x</script> « é »", "---\n---"):
        _, meta = get_data(paging.front(title, template="listing.html") + "# Corps\n")
        assert meta.get("template") == "listing.html", title
        assert "<script>" not in meta["title"] and yaml.safe_load(paging.front(title).strip("-\n"))["title"]


def test_404_links_relative_to_a_base():
    html = ('<html><head><link href="/sub/assets/x.css"><script src="/sub/assets/x.js"></script></head>'
            '<a href="/sub/">home</a><a href="//cdn/x">cdn</a><form action="/sub/recherche/"></form>'
            '<div data-base="/sub/"></div></html>')
    out = notfound.relocatable(html, "/sub/", None)
    assert out.startswith('<html><head><base href="/sub/"><link href="assets/x.css">')
    assert 'href="."' in out and 'href="//cdn/x"' in out and 'action="recherche/"' in out and 'data-base="."' in out
    assert "<script>(function" not in out
    assert "location.pathname" in notfound.relocatable(html, "/sub/", ["documents", "assets"])


def test_the_archive_date_is_the_newest_document():
    from build_scripts import corpus, site

    dated = dataclasses.replace(doc("a.txt", "a"), meta=dataclasses.replace(doc("a.txt", "a").meta, date="2019-12-18"))
    assert site.epoch(corpus.build([dated, doc("b.txt", "b")])) == 1576627200
    assert site.epoch(corpus.build([doc("b.txt", "b")])) == 0


_FRONT_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["label", "url", "id"]), inner, max_size=3),
    max_leaves=8)


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "archive", "template", "id"]), _FRONT_VALUES, max_size=4))
def test_front_matter_reads_back_as_written(values):
    """Whatever a source text holds (line separators, U+0085, astral characters), the front
    matter MkDocs reads back is the values the page was rendered with."""
    from build_scripts.render.markdown import front_matter

    text = front_matter(values)
    assert text.startswith("---\n") and text.endswith("---\n")
    assert (yaml.safe_load(text[4:-4]) or {}) == values
