"""Hostile and broken input: the corpus the hostile-input tests build, and the hypothesis
strategies shared by the tests and the fuzz run (``bench/fuzz.py``).

:func:`make_corpus` copies ``tests/fixtures/hostile/`` (texts and sidecars, one per
scenario) and the seed A/RES/74/176 into a folder, then adds what cannot live in git: a
symbolic link to a secret file, a linked sidecar, a FIFO, a file over the size limit, a
NUL byte after 8 KB, UTF-16 without BOM, hostile file names. :data:`ERRORS` and
:data:`WARNINGS` say what each file must give, in the CLI and in the site build alike.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import yaml
from hypothesis import strategies as st

from build_scripts import sidecar, slug
from build_scripts.corpus import assign_ids
from build_scripts.lang import LANGUAGES
from build_scripts.normalize import normalize
from build_scripts.read import MAX_BYTES, InputError, decode
from build_scripts.render import listings, markdown, record

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "hostile"
SEED = ROOT / "source_docs" / "003_69872cedaddbae35.txt"  # A/RES/74/176, which cites A/RES/68/192
CANARY = "CANARY-3f9c1e-SECRET"
HTML_NAME = "<img src=x onerror=window.pwned=5>.txt"
BIDI_NAME = "evil\u202egnp.txt"
SHELL_NAME = "$(touch PWNED).txt"  # make must never hand file names to a shell
NEWLINE_NAME = "new\nline.txt"  # would forge a second message line

#: Characters that must never reach the output.
UNSAFE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: File -> the error that keeps it out (the other files build).
ERRORS = {
    "passwd.txt": "passwd.txt: symbolic link, not followed",
    "fifo.txt": "fifo.txt: not a regular file, skipped",
    "huge.txt": "huge.txt: file over 5 MB (5,000,001 bytes), not converted",
    "empty.txt": "empty.txt: empty file, nothing to convert",
    "binary.txt": "binary.txt: binary file (not a text), skipped",
    BIDI_NAME: "'evil\\u202egnp.txt': file name with control, bidirectional or undecodable characters, skipped",
    NEWLINE_NAME: "'new\\nline.txt': file name with control, bidirectional or undecodable characters, skipped",
}

#: File -> a warning it must carry (formatted as the CLI and the site print it).
WARNINGS = {
    SEED.name: f"{SEED.name}: A/RES/74/176 is also claimed by 0_symbol_74_176.txt (published as a-res-74-176-2)",
    "bad_date.txt": "bad_date.txt: bad_date.meta.yml line 2: sidecar key 'date': '2019-02-30' is not a date",
    "yaml_tag.txt": "yaml_tag.txt: yaml_tag.meta.yml line 1: sidecar uses a YAML tag (!foo), not allowed: ignored",
    "python_tag.txt": "python_tag.txt: python_tag.meta.yml line 1: sidecar uses a YAML tag (tag:yaml.org,2002:python/object/apply:os.system)",
    "alias_bomb.txt": "alias_bomb.txt: alias_bomb.meta.yml line 1: sidecar uses YAML anchors or aliases (& or *), not allowed: ignored",
    "deep_nesting.txt": "deep_nesting.txt: deep_nesting.meta.yml line 1: sidecar nests lists or mappings",
    "long_symbol.txt": "long_symbol.txt: long_symbol.meta.yml line 1: sidecar key 'symbol': 'A/BBBB",
    "language_path.txt": "language_path.txt: language_path.meta.yml line 1: sidecar key 'language': '../reference_words' is not one of fr, en; ignored",
    "language_abs.txt": "language_abs.txt: language_abs.meta.yml line 1: sidecar key 'language': '/tmp/foo' is not one of fr, en; ignored",
    "series_paren.txt": "series_paren.txt: series_paren.meta.yml line 1: sidecar key 'series': 'x)y' is not a series id (a-z, 0-9 and -): used as 'x-y'",
    "series_hash.txt": "series_hash.txt: series_hash.meta.yml line 1: sidecar key 'series': 'a#b' is not a series id (a-z, 0-9 and -): used as 'a-b'",
    "series_script_a.txt": "series_script_a.txt: series_script_a.meta.yml line 1: sidecar key 'series': '<script>window.pwned=1</script>' is not a series id (a-z, 0-9 and -): used as 'script-window-pwned-1-script'",
    "series_script_b.txt": "series_script_b.txt: series_script_b.meta.yml line 1: sidecar key 'series': '<script>window.pwned=1</script>' is not a series id",
    "body_collision.txt": "body_collision.txt: body_collision.meta.yml line 1: sidecar key 'body': 'Assemblee generale' is not a known body code",
    "0_claim_74_176.txt": "0_claim_74_176.txt: sidecar id 'a-res-74-176' refused: it is the address of A/RES/74/176 (003_69872cedaddbae35.txt); published as projet-belarus-",
    "0_symbol_74_176.txt": "0_symbol_74_176.txt: A/RES/74/176 is also claimed by 003_69872cedaddbae35.txt; published as a-res-74-176-2",
    "claim_68_192.txt": "claim_68_192.txt: sidecar id 'a-res-68-192' refused: it is the address of A/RES/68/192, cited in the archive; published as projet-belarus-",
    "cp1252_sidecar.txt": "cp1252_sidecar.txt: cp1252_sidecar.meta.yml line 1: sidecar is not UTF-8: read as Windows-1252 (cp1252)",
    "linked_sidecar.txt": "linked_sidecar.txt: linked_sidecar.meta.yml: symbolic link, not followed (copy the file itself into the folder) (sidecar ignored)",
    "bidi.txt": "bidi.txt:3: 1 bidirectional control character(s) removed (U+202E)",
    "c1_mojibake.txt": "c1_mojibake.txt:5: 2 C1 control character(s) replaced by their Windows-1252 meaning (U+0092)",
    "nul_late.txt": "nul_late.txt:13: 1 control character(s) removed (U+0000)",
    "utf16.txt": "utf16.txt:1: UTF-16 without byte-order mark: read as utf-16-le",
    "duplicate_key.txt": "duplicate_key.txt: duplicate_key.meta.yml line 2: sidecar key 'title': repeated: the last value counts",
}

#: Files that build without a warning (a mistyped value that is still a valid text, names).
CLEAN = ("bad_meeting.txt", "long_title.txt", "sponsors_30.txt", HTML_NAME, SHELL_NAME)


def make_corpus(folder: Path) -> Path:
    """The hostile corpus in *folder*/source_docs (returned); the secret file lies beside it."""
    corpus = folder / "source_docs"
    corpus.mkdir(parents=True)
    for path in FIXTURES.iterdir():
        shutil.copy(path, corpus / path.name)
    shutil.copy(SEED, corpus / SEED.name)
    secret = folder / "secret.txt"
    secret.write_text(f"root:x:0:0:{CANARY}:/root:/bin/bash\n", encoding="utf-8")
    (corpus / "passwd.txt").symlink_to(secret)
    plain = (FIXTURES / "bad_meeting.txt").read_text(encoding="utf-8")

    def variant(title: str) -> str:
        return plain.replace("Séance mal écrite", title)

    (corpus / "linked_sidecar.txt").write_text(variant("Sidecar lien"), encoding="utf-8")
    (corpus / "linked_sidecar.meta.yml").symlink_to(secret)
    os.mkfifo(corpus / "fifo.txt")
    (corpus / "huge.txt").write_bytes(b"x" * (MAX_BYTES + 1))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "nul_late.txt").write_bytes(variant("NUL tardif").encode() + b"\n" + b"Texte. " * 1500 + b"\x00\n")
    (corpus / "utf16.txt").write_bytes(variant("Texte UTF-16").encode("utf-16-le"))
    (corpus / BIDI_NAME).write_text(variant("Nom bidi"), encoding="utf-8")
    (corpus / NEWLINE_NAME).write_text(variant("Nom sur deux lignes"), encoding="utf-8")
    (corpus / HTML_NAME).write_text(variant("Nom de fichier hostile"), encoding="utf-8")
    (corpus / SHELL_NAME).write_text(variant("Nom de fichier pour le shell"), encoding="utf-8")
    return corpus


# --- hypothesis strategies (tests and bench/fuzz.py) ------------------------------------------------

SIDECAR_KEYS = ["id", "symbol", "type", "body", "language", "title", "date", "year", "session", "agenda_items",
                "sponsors", "committee_report", "meeting", "series", "titel", "<script>", "a: b", ""]
NASTY = ["2019-02-30", "2019-13-45", "!foo bar", "!!python/object/apply:os.system ['x']", "&a x", "*a", "&a [*a]",
         "../reference_words", "/etc/passwd", "x)y", "a#b", "<script>alert(1)</script>", "A/RES/74/176",
         "a-res-68-192", "Bél\u202earus", "l\u0092Office", "\x00", "~", "null", "yes", "074", "1e3", "[", "]", "{", "}",
         "'", '"', "- a", "? x", "|", ">", "%YAML 1.1", "---", "...", "#", "é" * 300, "A/" + "B" * 260, "\t", "\\",
         "\ufeff", "\u2028", "\x85", "[[[[[[[[", "{a: {b: {c: d}}}", "[a, [b, [c]]]", "GA", "Assemblee generale"]


@st.composite
def sidecar_texts(draw) -> str:
    """YAML-ish sidecars: known and unknown keys, hostile values, broken syntax, anchors and tags."""
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        key = draw(st.sampled_from(SIDECAR_KEYS))
        value = draw(st.one_of(st.sampled_from(NASTY), st.text(max_size=40),
                               st.lists(st.sampled_from(NASTY), max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]")))
        lines.append(f"{key}: {value}" if draw(st.booleans()) else draw(st.sampled_from(NASTY)))
    return "\n".join(lines)


sidecar_inputs = st.one_of(sidecar_texts(), sidecar_texts().map(lambda t: t.encode("utf-8")),
                           sidecar_texts().map(lambda t: t.encode("cp1252", errors="replace")),
                           st.binary(max_size=300), st.text(max_size=300))

raw_bytes = st.one_of(st.binary(max_size=3000), st.text(max_size=2000).map(lambda t: t.encode("utf-8")),
                      st.text(max_size=1000).map(lambda t: t.encode("utf-16-le")),
                      st.text(max_size=1000).map(lambda t: t.encode("cp1252", errors="replace")))


@st.composite
def mutated_seeds(draw) -> bytes:
    """A slice of a seed's raw bytes (up to 6 kB) with bytes replaced, inserted or deleted."""
    seeds = sorted((ROOT / "source_docs").glob("*.txt"))
    data = bytearray(draw(st.sampled_from(seeds)).read_bytes())
    start = draw(st.integers(0, max(0, len(data) - 1)))
    data = data[start : start + draw(st.integers(1, 6000))]
    for _ in range(draw(st.integers(0, 10))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["replace", "insert", "delete"]))
        if op == "delete":
            del data[at : at + draw(st.integers(1, 20))]
        else:
            chunk = draw(st.one_of(st.binary(min_size=1, max_size=8), st.sampled_from(
                [b"\x00", b"\xe2\x80\xae", b"\xc2\x92", b"\r", b"\xff\xfe", b"<script>", b"\n\n 1. ", b"____"])))
            data[at : at + (len(chunk) if op == "replace" else 0)] = chunk
    return bytes(data)


# --- the properties (tests/test_hostile_properties.py, bench/fuzz.py) ----------------------------------


def check_reader(data: bytes) -> str | None:
    """The reader's property: safe text, or an InputError naming the file."""
    try:
        text, issues = decode(data, "fuzz.txt")
    except InputError as err:
        assert str(err).startswith("fuzz.txt: ")
        return None
    assert "\r" not in text and "\ufeff" not in text[:1] and not UNSAFE.search(text)
    assert all(issue.line >= 0 for issue in issues)
    return text


def check_sidecar(data) -> dict:
    """The loader's property: no exception, only allowed keys, safe values."""
    values, issues = sidecar.load(data)
    assert set(values) <= set(sidecar.KEYS)
    assert all(values.get(key) for key in ("id", "symbol", "type", "language") if key in values)
    for key, value in values.items():
        items = value if isinstance(value, tuple) else (value,)
        assert all(v is None or (isinstance(v, str) and not UNSAFE.search(v)) for v in items), (key, value)
    if values.get("id"):
        assert slug.is_slug(values["id"])
    if values.get("series"):
        assert slug.is_slug(values["series"])
    if values.get("language"):
        assert values["language"] in LANGUAGES
    if values.get("date"):
        assert sidecar.is_date(values["date"])
    assert all(i.line >= 0 and i.message for i in issues)
    return values


def check_normalize(data: bytes, side) -> None:
    """The entry point's property: a safe, renderable document whose front matter YAML reads back."""
    try:
        result = normalize(data, "fuzz.txt", side, "fuzz.meta.yml")
    except InputError as err:
        assert str(err).startswith("fuzz.txt: ")
        return
    (doc,) = assign_ids([result.document])
    assert slug.is_slug(doc.meta.id)
    page = markdown.render(doc)
    front = yaml.safe_load(page.split("---\n", 2)[1])
    assert front["id"] == doc.meta.id and front["title"] == doc.meta.title
    record.dumps(record.record(doc))
    for facet in ("type", "body", "session"):
        value = getattr(doc.meta, facet)
        assert value is None or slug.is_slug(listings.facet_slug(facet, value))
