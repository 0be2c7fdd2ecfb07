"""Hostile and broken input, end to end: the CLI and the site build (``mkdocs build --strict``)
on the hostile corpus (``tests/support/hostile.py``: one file per scenario of issue 11 and
its neighbours, next to the real A/RES/74/176).

For every scenario: the message names the file (and line), the exit status is the
documented one, and every other document is published, in the CLI and the site alike.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.hostile import CANARY, CLEAN, ERRORS, HTML_NAME, UNSAFE, WARNINGS

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ("documents", "api", "search", "parcourir", "series", "comparaisons")


def cli(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_scripts", "normalize", *map(str, args)],
                          cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def cli_run(hostile_corpus, tmp_path_factory):
    """The CLI as `make site` runs it: given the folder (and --strict)."""
    out = tmp_path_factory.mktemp("hostile-cli")
    return cli(hostile_corpus, "--out", out, "--strict", cwd=hostile_corpus), out


# --- the CLI ------------------------------------------------------------------------------------


def test_cli_names_every_refused_file_and_converts_the_others(cli_run):
    proc, out = cli_run
    assert proc.returncode == 1, proc.stderr  # a file could not be read (errors win over --strict's 2)
    for message in ERRORS.values():
        assert f"error: {message}" in proc.stderr, message
    assert "Traceback" not in proc.stderr
    converted = {line.split(": ", 1)[0] for line in proc.stdout.splitlines()}
    assert converted == set(WARNINGS) | set(CLEAN)
    assert len(list(out.glob("*.json"))) == len(converted)


def test_cli_warns_naming_file_and_line(cli_run):
    proc, _ = cli_run
    for name, message in WARNINGS.items():
        assert f"warning: {message}" in proc.stderr, name
    for name in CLEAN:
        (line,) = [l for l in proc.stdout.splitlines() if l.startswith(name + ":")]
        assert line.endswith("| warnings 0"), line


def test_cli_output_is_safe_and_owned(cli_run):
    proc, out = cli_run
    assert "a-res-74-176.json" in {p.name for p in out.iterdir()}
    assert json.loads((out / "a-res-74-176.json").read_text(encoding="utf-8"))["source"] == "003_69872cedaddbae35.txt"
    assert json.loads((out / "a-res-74-176-2.json").read_text(encoding="utf-8"))["source"] == "0_symbol_74_176.txt"
    assert not any(p.name.startswith("a-res-68-192") for p in out.iterdir())
    for path in out.iterdir():
        assert re.fullmatch(r"[a-z0-9-]{1,120}\.(md|json)", path.name), path.name
        text = path.read_text(encoding="utf-8")
        assert CANARY not in text and not UNSAFE.search(text), path.name


def test_make_never_hands_file_names_to_a_shell(cli_run, hostile_corpus):
    for target in ("normalize", "site"):
        recipe = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True).stdout
        assert ".venv/bin/python -m build_scripts normalize source_docs --out build/normalized\n" in recipe
    assert not list(hostile_corpus.parent.rglob("PWNED"))


def test_cli_strict_warning_only_exits_2_and_a_write_error_names_the_file(tmp_path):
    fixtures = ROOT / "tests/fixtures/hostile"
    proc = cli(fixtures / "yaml_tag.txt", "--out", tmp_path / "a", "--strict")
    assert proc.returncode == 2 and "sidecar uses a YAML tag (!foo)" in proc.stderr
    out = tmp_path / "b"
    (out / "a-res-74-176.md").mkdir(parents=True)  # the file cannot be written
    proc = cli(ROOT / "source_docs/003_69872cedaddbae35.txt", fixtures / "bad_meeting.txt", "--out", out)
    assert proc.returncode == 1
    assert "error: 003_69872cedaddbae35.txt: cannot write a-res-74-176.md/.json" in proc.stderr
    assert "bad_meeting.txt: draft_resolution" in proc.stdout and len(list(out.glob("*.json"))) == 1


# --- the site (make site = the CLI, then mkdocs build --strict) -----------------------------------


def records(site: Path) -> dict[str, dict]:
    """Source file -> JSON record of every published document."""
    out = {}
    for path in (site / "api/documents").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("in_archive", True):
            out[record["source"]] = record
    return out


def test_site_builds_strict_and_logs_every_problem_with_its_file(hostile_site):
    _, proc = hostile_site
    log = proc.stdout + proc.stderr
    for message in ERRORS.values():
        assert f"un-archive: {message}" in log and "(not published)" in log, message
    for name, message in WARNINGS.items():
        assert f"un-archive: {message}" in log, name
    assert "Traceback" not in log


def test_site_publishes_every_other_document(hostile_site):
    site, _ = hostile_site
    found = records(site)
    assert set(found) == set(WARNINGS) | set(CLEAN)
    for record in found.values():
        assert re.fullmatch(r"[a-z0-9-]{1,120}", record["id"])
        page = (site / "documents" / record["id"] / "index.html").read_text(encoding="utf-8")
        assert 'class="doc-head"' in page, record["source"]  # the document template, front matter kept


def test_nothing_secret_or_unsafe_is_published(hostile_site):
    site, _ = hostile_site
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            data = gzip.decompress(data) if path.suffix == ".gz" else data
            assert CANARY.encode() not in data, path
    for folder in GENERATED:
        for path in (site / folder).rglob("*"):
            if path.is_file():
                assert not UNSAFE.search(path.read_text(encoding="utf-8")), path
                assert all(len(part) <= 130 for part in path.relative_to(site).parts), path


def test_permanent_addresses_keep_their_owners(hostile_site):
    site, _ = hostile_site
    found = records(site)
    assert found["003_69872cedaddbae35.txt"]["id"] == "a-res-74-176"
    for name in ("0_claim_74_176.txt", "claim_68_192.txt"):
        assert found[name]["id"].startswith("projet-belarus-")
        assert any("refused" in w["message"] for w in found[name]["warnings"])
    stub = json.loads((site / "api/documents/a-res-68-192.json").read_text(encoding="utf-8"))
    assert stub["in_archive"] is False and stub["cited_by"][0]["source"] == "a-res-74-176"
    cited = (site / "documents/a-res-74-176/index.html").read_text(encoding="utf-8")
    assert 'href="../a-res-68-192/' in cited
    assert found["0_symbol_74_176.txt"]["id"] == "a-res-74-176-2"  # a sidecar's symbol yields to the text's


def test_values_are_read_as_written_or_refused(hostile_site):
    site, _ = hostile_site
    found = records(site)
    assert found["bad_date.txt"]["date"] is None and found["bad_date.txt"]["year"] == "2019"
    assert found["bad_meeting.txt"]["meeting"] == "2019-13-45"
    assert found["yaml_tag.txt"]["title"] == "Étiquette YAML" and found["python_tag.txt"]["title"] == "Étiquette Python"
    assert found["alias_bomb.txt"]["title"] == "Bombe d’alias"
    assert found["language_path.txt"]["language"] == found["language_abs.txt"]["language"] == "fr"
    assert found["long_symbol.txt"]["symbol"] is None
    assert found["cp1252_sidecar.txt"]["title"] == "Résolution sur l’été"
    assert found["duplicate_key.txt"]["title"] == "Second titre"
    assert found["bidi.txt"]["sponsors"] == ["Bélarus"]
    assert found["c1_mojibake.txt"]["title"] == "Renforcement de l’action"
    assert found["utf16.txt"]["title"] == "Texte UTF-16"
    assert found["nul_late.txt"]["title"] == "NUL tardif"
    assert len(found["sponsors_30.txt"]["sponsors"]) == 30 and len(found["sponsors_30.txt"]["id"]) <= 120
    assert found[HTML_NAME]["source"] == HTML_NAME


def test_series_values_become_safe_ids(hostile_site):
    site, _ = hostile_site
    found = records(site)
    assert found["series_paren.txt"]["series"] == "x-y"
    assert found["series_hash.txt"]["series"] == "a-b"
    script = json.loads((site / "api/series/script-window-pwned-1-script.json").read_text(encoding="utf-8"))
    assert {d["id"] for d in script["documents"]} == {found[f"series_script_{x}.txt"]["id"] for x in "ab"}
    assert (site / "series/script-window-pwned-1-script/index.html").exists()
    long = [p.name for p in (site / "api/series").glob("les-armes-legeres-*.json")]
    assert len(long) == 1 and re.fullmatch(r"[a-z0-9-]{111}-[0-9a-f]{8}\.json", long[0]), long
    for page in site.rglob("*.html"):
        assert "<script>window.pwned" not in page.read_text(encoding="utf-8"), page


def test_two_bodies_with_one_slug_keep_two_listings(hostile_site):
    site, _ = hostile_site
    ga = (site / "parcourir/organe/assemblee-generale/index.html").read_text(encoding="utf-8")
    assert "A/RES/74/176" in ga and "Organe mal écrit" not in ga
    (other,) = [p for p in (site / "parcourir/organe").iterdir() if p.name.startswith("assemblee-generale-")]
    assert re.fullmatch(r"assemblee-generale-[0-9a-f]{8}", other.name)
    assert "Organe mal écrit" in (other / "index.html").read_text(encoding="utf-8")


def test_404_page_is_relative_to_a_base(hostile_site):
    site, _ = hostile_site
    page = (site / "404.html").read_text(encoding="utf-8")
    assert page.count("<base ") == 1 and '<head><base href="/">' in page
    assert not re.search(r'\s(?:href|src|action)="/(?!/)', page.replace('<base href="/">', ""))
    assert 'data-base="."' in page


def test_same_sources_give_the_same_site_and_sitemap(tmp_path, hostile_site):
    """Without SOURCE_DATE_EPOCH, the sitemap is dated by the newest document, not the clock."""
    from tests.support.sitebuild import build_site

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((ROOT / "tests/fixtures/hostile/bad_meeting.txt").read_bytes())
    (corpus / "b.txt").write_bytes((ROOT / "source_docs/003_69872cedaddbae35.txt").read_bytes())
    builds = []
    for n in (1, 2):
        site, proc = build_site(tmp_path / f"w{n}", corpus, env={"SOURCE_DATE_EPOCH": ""})
        assert proc.returncode == 0, proc.stderr
        builds.append({p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()})
    assert builds[0].keys() == builds[1].keys()
    assert [p for p in builds[0] if builds[0][p] != builds[1][p]] == []
    header = builds[0][Path("sitemap.xml.gz")]
    assert int.from_bytes(header[4:8], "little") == 1576627200  # 2019-12-18, A/RES/74/176's date
