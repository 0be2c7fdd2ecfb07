"""Bad input: empty, binary, non-UTF-8, BOM, CRLF, unstructured text, bad sidecars, hostile markup.

Fixtures live in ``tests/fixtures/bad/``.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import FIXTURES, normalize_file
from build_scripts.model import Document, Metadata, Paragraph
from build_scripts.normalize import normalize
from build_scripts.read import InputError, decode
from build_scripts.render import markdown, record

BAD = FIXTURES / "bad"


def test_empty_file_is_an_input_error_naming_the_file():
    with pytest.raises(InputError, match=r"^empty\.txt: empty file"):
        normalize((BAD / "empty.txt").read_bytes(), "empty.txt")
    with pytest.raises(InputError, match="blank.txt"):
        normalize(b"  \n\r\n\t\n", "blank.txt")


def test_binary_file_is_an_input_error_naming_the_file():
    data = (BAD / "binary.txt").read_bytes()
    assert b"\x00" in data
    with pytest.raises(InputError, match=r"^binary\.txt: binary file"):
        normalize(data, "binary.txt")


def test_cp1252_falls_back_keeping_accents_and_naming_the_line():
    data = (BAD / "cp1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = normalize(data, "cp1252.txt")
    doc = result.document
    (issue,) = [i for i in doc.issues if "cp1252" in i.message]
    assert issue.line == 3  # the first line that is not UTF-8 ("Bélarus …")
    assert issue.format("cp1252.txt").startswith("cp1252.txt:3: not UTF-8")
    assert doc.meta.sponsors == ("Bélarus",)
    assert doc.meta.title == "Amélioration de la coordination de l’action contre la traite des personnes"
    assert doc.paragraph("pp-1").text == "Rappelant sa résolution 72/195 sur la traite des êtres humains,"
    assert result.conservation.ok


def test_bom_is_removed():
    data = (BAD / "bom.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    result = normalize(data, "bom.txt")
    doc = result.document
    assert doc.masthead == ("Bélarus : projet de résolution",)
    assert doc.meta.sponsors == ("Bélarus",)  # not "\ufeffBélarus"
    assert "\ufeff" not in markdown.render(doc) + record.dumps(record.record(doc))
    assert any(i.line == 1 and "byte-order mark" in i.message for i in doc.issues)


def test_utf16_bom_is_decoded():
    text = "Bélarus : projet de résolution\n\n L’Assemblée générale,\n\n 1. Décide.\n"
    decoded, issues = decode("\ufeff".encode("utf-16-le") + text.encode("utf-16-le"), "u16.txt")
    assert decoded == text and issues[0].line == 1


def test_crlf_gives_the_same_document_as_lf():
    data = (BAD / "crlf.txt").read_bytes()
    assert b"\r\n" in data
    crlf = normalize(data, "x.txt").document
    lf = normalize(data.replace(b"\r\n", b"\n"), "x.txt").document
    cr = normalize(data.replace(b"\r\n", b"\r"), "x.txt").document
    assert crlf == lf == cr
    assert crlf.paragraph("pp-1").text == "Rappelant sa résolution 72/195 sur la traite des personnes,"
    assert [p.id for p in crlf.paragraphs] == ["pp-1", "op-1", "op-2"]
    assert "\r" not in record.dumps(record.record(crlf))


def test_text_without_structure_is_published_as_plain_paragraphs():
    result = normalize_file(BAD / "unstructured.txt")
    doc = result.document
    assert doc.structured is False
    assert [p.id for p in doc.paragraphs] == ["para-1", "para-2", "para-3", "para-4"]
    assert all(p.kind == "paragraph" for p in doc.paragraphs)
    assert doc.paragraph("para-3").text == ("La prochaine réunion se tiendra à Vienne. Le groupe y examinera "
                                            "le rapport mondial sur la traite des personnes.")
    assert [i.message for i in doc.issues] == ["no recognisable structure: published as plain numbered paragraphs"]
    assert result.conservation.ok
    md = markdown.render(doc)
    assert '<span class="num">' not in md  # the numbers are ids, not printed labels
    assert "{: #para-4 " in md


def test_sidecar_bad_key_is_reported_and_good_keys_still_apply():
    result = normalize_file(BAD / "sidecar_bad_key.txt")
    doc = result.document
    messages = [i.format("sidecar_bad_key.txt") for i in doc.issues]
    assert any("sidecar_bad_key.meta.yml line 3: unknown sidecar key 'titel'" in m for m in messages), messages
    assert any("sidecar_bad_key.meta.yml line 5: sidecar key 'type'" in m for m in messages), messages
    assert doc.meta.symbol == "A/C.3/73/L.10" and doc.meta.date == "2018-11-02"
    assert doc.meta.id == "a-c-3-73-l-10"
    assert doc.meta.type == "draft_resolution"  # the bad type value was ignored
    prov = dict(doc.meta.provenance)
    assert prov["symbol"] == prov["date"] == "sidecar" and prov.get("type") != "sidecar"


def test_sidecar_with_invalid_yaml_is_reported_and_ignored():
    result = normalize_file(BAD / "sidecar_invalid_yaml.txt")
    doc = result.document
    (issue,) = [i for i in doc.issues if "YAML" in i.message]
    assert "sidecar_invalid_yaml.meta.yml line 3: sidecar is not valid YAML" in issue.message
    assert doc.meta.symbol is None and doc.meta.date is None  # nothing applied
    assert doc.paragraph("op-1") is not None


def test_sidecar_that_is_not_a_mapping():
    result = normalize(b"Texte.\n", "x.txt", "- a\n- b\n", "x.meta.yml")
    assert any("x.meta.yml line 1: sidecar must be a mapping" in i.message for i in result.document.issues)


# --- hostile markup ------------------------------------------------------------------------------


def test_html_and_markdown_in_raw_text_are_escaped():
    result = normalize_file(BAD / "injection.txt")
    md = markdown.render(result.document)
    body = md.split("\n---\n", 1)[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script" not in md.lower() and "<img" not in md.lower()
    assert not re.search(r"(?<!\\)\]\(javascript:", body)  # the link syntax cannot take effect …
    assert r"\[x\](javascript:alert(1))" in body  # … it is escaped and shown as text
    assert r"\*bold\*" in body and r"\_souligné\_" in body and r"\`code\`" in body
    assert not re.search(r"(?<!\\)\{\s*: onclick", body) and "onclick=x\\}" in body
    assert r"\# titre" in body
    assert result.conservation.ok


def test_hostile_text_in_every_field_is_escaped():
    evil = '<script>alert(1)</script> *x* [a](javascript:alert(1)) {: onclick=x} "q"'
    doc = Document(meta=Metadata(id="evil", source="evil.txt", title=evil, symbol=None),
                   formula=evil, closing=(evil,), structured=True,
                   paragraphs=(Paragraph("op-1", "operative", evil, number="1"),
                               Paragraph("sec-i", "heading", evil, number="I", level=1)))
    md = markdown.render(doc)
    body = md.split("\n---\n", 1)[1]
    assert "<script" not in body and body.count("&lt;script&gt;") == 5  # title, formula, 2 paragraphs, closing
    assert not re.search(r"(?<!\\)\]\(javascript:", body) and body.count(r"\[a\](javascript:") == 5
    assert not re.search(r"(?<!\\)\{: onclick", body)
    # the front matter is YAML: the title is a quoted scalar, not markup
    assert "title: '<script>alert(1)</script>" in md


def test_json_record_keeps_text_verbatim():
    result = normalize_file(BAD / "injection.txt")
    rec = record.record(result.document)
    assert "<script>alert(1)</script>" in rec["paragraphs"][0]["text"]  # JSON is data: no escaping needed
    again = dataclasses.replace(result.document)
    assert record.dumps(record.record(again)) == record.dumps(rec)


def test_site_build_with_bad_files_and_a_duplicate_symbol(tmp_path):
    """An empty and a binary file are listed as failures; two files claiming A/RES/74/176 both publish."""
    import shutil

    from conftest import SEEDS
    from build_scripts import site

    for seed in SEEDS:
        if seed.name.startswith(("003", "004")):
            shutil.copy(seed, tmp_path / seed.name)
    (seed_003,) = [p for p in SEEDS if p.name.startswith("003")]
    shutil.copy(seed_003, tmp_path / "zz_copy.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    built = site.build(tmp_path)
    ids = {d.meta.id for d in built.corpus.documents}
    assert ids == {"a-res-74-176", "a-res-74-176-2", "e-res-2015-23"}
    failures = dict(built.corpus.failures)
    assert failures.keys() == {"binary.txt", "empty.txt"}
    assert failures["empty.txt"] == "empty.txt: empty file, nothing to convert"
    copy = built.corpus.get("a-res-74-176-2")
    assert any(seed_003.name in i.message for i in copy.issues)
    paths = {f.path for f in built.files}
    assert {"documents/a-res-74-176.md", "documents/a-res-74-176-2.md", "api/documents/a-res-74-176-2.json"} <= paths
