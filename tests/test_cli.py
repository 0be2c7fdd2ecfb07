"""The command line: ``python -m build_scripts normalize FILE... --out DIR [--strict]``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT, SEEDS

SUMMARY = re.compile(
    r"^(?P<file>\S+): (?P<type>[a-z_]+) (?P<symbol>\S+|\(no symbol\)) -> (?P<id>[a-z0-9-]+) \| "
    r"preambular (?P<pp>\d+), operative (?P<op>\d+), items (?P<items>\d+), paragraphs (?P<paras>\d+), "
    r"headings (?P<headings>\d+), footnotes (?P<notes>\d+) \| warnings (?P<warnings>\d+)$"
)


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_scripts", "normalize", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_unreadable_file_exits_1_and_the_others_are_converted(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    proc = run(SEEDS[0], SEEDS[1], empty, *SEEDS[2:], "--out", out)
    assert proc.returncode == 1, proc.stderr
    assert "error: empty.txt: empty file, nothing to convert" in proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(SEEDS)  # one summary line per converted file, none for the empty one
    matches = [SUMMARY.match(line) for line in lines]
    assert all(matches), lines
    assert [m["file"] for m in matches] == [p.name for p in SEEDS]
    names = set(outputs(out))
    for m in matches:
        assert {f"{m['id']}.md", f"{m['id']}.json"} <= names
    assert len(names) == 2 * len(SEEDS)


def test_summary_lines_state_the_counts(tmp_path):
    proc = run(SEEDS[3], "--out", tmp_path)
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    assert line == ("003_69872cedaddbae35.txt: resolution A/RES/74/176 -> a-res-74-176 | preambular 40, operative 26, "
                    "items 6, paragraphs 0, headings 0, footnotes 23 | warnings 0")
    m = SUMMARY.match(line)
    assert m and m["symbol"] == "A/RES/74/176"


def test_drafts_without_symbol_say_so(tmp_path):
    proc = run(SEEDS[0], "--out", tmp_path)
    m = SUMMARY.match(proc.stdout.strip())
    assert m and m["symbol"] == "(no symbol)" and m["type"] == "draft_resolution"


def test_strict_turns_a_warning_into_exit_2(tmp_path):
    warned = FIXTURES / "bad" / "unstructured.txt"
    assert run(warned, "--out", tmp_path / "a").returncode == 0
    proc = run(warned, "--out", tmp_path / "b", "--strict")
    assert proc.returncode == 2
    assert "warning: unstructured.txt: no recognisable structure" in proc.stderr
    assert SUMMARY.match(proc.stdout.strip())["warnings"] == "1"
    assert (tmp_path / "b").is_dir() and len(outputs(tmp_path / "b")) == 2  # still converted


def test_strict_without_warnings_exits_0(tmp_path):
    proc = run(*SEEDS, "--out", tmp_path, "--strict")
    assert proc.returncode == 0, proc.stderr
    assert all(SUMMARY.match(line)["warnings"] == "0" for line in proc.stdout.splitlines())


def test_warnings_name_file_and_line(tmp_path):
    proc = run(FIXTURES / "bad" / "cp1252.txt", "--out", tmp_path)
    assert proc.returncode == 0
    assert "warning: cp1252.txt:3: not UTF-8" in proc.stderr


def test_two_runs_are_byte_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert run(*SEEDS, "--out", first).returncode == 0
    assert run(*reversed(SEEDS), "--out", second).returncode == 0
    a, b = outputs(first), outputs(second)
    assert a.keys() == b.keys() and len(a) == 2 * len(SEEDS)
    assert [name for name in a if a[name] != b[name]] == []


def test_missing_file_and_usage_errors(tmp_path):
    proc = run(tmp_path / "nope.txt", "--out", tmp_path)
    assert proc.returncode == 1 and "nope.txt" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "build_scripts", "normalize", str(SEEDS[0])],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2 and "--out" in proc.stderr  # argparse usage error


def test_two_files_with_the_same_symbol_are_both_written(tmp_path):
    (seed,) = [p for p in SEEDS if p.name.startswith("003")]
    copy = tmp_path / "zz_copy.txt"
    copy.write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    proc = run(seed, copy, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert {"a-res-74-176.json", "a-res-74-176-2.json"} <= set(outputs(out))
    assert "zz_copy.txt: resolution A/RES/74/176 -> a-res-74-176-2" in proc.stdout
    assert f"A/RES/74/176 is also claimed by {seed.name}; published as a-res-74-176-2" in proc.stderr
    assert f"A/RES/74/176 is also claimed by zz_copy.txt (published as a-res-74-176-2)" in proc.stderr


def test_report_prints_one_row_per_document_and_every_warning(tmp_path):
    """``--report``: a table row per file (read as, counts, metadata, check/ok), the warnings below it."""
    real = Path(__file__).resolve().parent / "fixtures" / "real" / "en"
    odd = tmp_path / "odd.txt"
    odd.write_text("The General Assembly,\n\n  Recalling its resolution 1/1,\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "build_scripts", "normalize", "--report",
                           str(real / "a-c-3-80-l-2.txt"), str(real / "a-res-80-3.txt"), str(odd), str(empty)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1  # an unreadable file, the others reported
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:4] == ["file", "status", "warnings", "read"]
    row = next(l for l in lines if l.startswith("a-c-3-80-l-2.txt")).split()
    assert row[1:9] == ["ok", "0", "pymupdf", "draft_resolution", "A/C.3/80/L.2", "2025-09-18", "Third", "Committee"]
    assert next(l for l in lines if l.startswith("odd.txt")).split()[1] == "check"
    assert "3 document(s), 1 to check, 1 unreadable" in proc.stdout
    assert "odd.txt:3: no operative paragraph found" in proc.stdout
    assert "error: empty.txt: empty file" in proc.stdout
    assert not list(tmp_path.glob("*.json")), "--report alone writes nothing"


def test_output_and_messages_do_not_depend_on_the_number_of_workers(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    runs = {n: run(SEEDS[0], empty, *SEEDS[1:], "--out", tmp_path / f"out-{n}", "--workers", str(n)) for n in (1, 2)}
    assert runs[1].returncode == runs[2].returncode == 1
    assert runs[1].stdout == runs[2].stdout and runs[1].stderr == runs[2].stderr
    assert outputs(tmp_path / "out-1") == outputs(tmp_path / "out-2")
