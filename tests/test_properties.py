"""Property tests (hypothesis): normalize never crashes, and keeps every word.

* arbitrary text and mangled slices of the seeds (blank lines deleted or
  doubled, spaces inside words, CRLF, tabs, stray Unicode, ``<sup>``,
  ``______`` separators, lines of digits) never make ``normalize`` raise
  anything but :class:`InputError`, and what it returns keeps its invariants;
* texts built from real words of the seeds, laid out as free text, numbered
  paragraphs or a resolution, always pass the conservation check.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import SEEDS
from build_scripts.normalize import normalize
from build_scripts.read import InputError, scrub

SETTINGS = dict(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SEED_LINES = [p.read_text(encoding="utf-8").split("\n") for p in SEEDS]
_WORDS = sorted({w for lines in SEED_LINES for line in lines for w in re.findall(r"[^\W\d_]{2,}", line)})
WORDS = [w for w in _WORDS if w.islower()]
CAPITALISED = [w for w in _WORDS if w[0].isupper() and w[1:].islower()]


def check_invariants(result, text: str) -> None:
    doc = result.document
    ids = [p.id for p in doc.paragraphs]
    assert len(ids) == len(set(ids)), ids
    last_line = text.count("\n") + 1
    assert all(0 <= issue.line <= last_line for issue in doc.issues)
    for para in doc.paragraphs:
        assert "\ue000" not in para.text and "\ue001" not in para.text
        assert all(0 <= ref.offset <= len(para.text) for ref in para.notes)
    if not doc.structured:
        assert ids == [f"para-{n}" for n in range(1, len(ids) + 1)]
    if not result.conservation.ok:  # a loss is never silent
        assert any(issue.message.startswith("conservation:") for issue in doc.issues)


def run(text: str):
    """normalize *text*; only InputError may escape (and only for empty text: nothing left
    once control characters are removed, or binary: NUL or many control characters)."""
    try:
        result = normalize(text.encode("utf-8"), "generated.txt")
    except InputError:
        assert not scrub(text)[0].strip() or "\x00" in text or sum(c < " " and c not in "\t\n\r\f" for c in text) > 0
        return None
    check_invariants(result, text.replace("\r\n", "\n").replace("\r", "\n"))
    return result


# --- never crash ---------------------------------------------------------------------------------


@settings(**SETTINGS)
@given(st.text(max_size=2000))
def test_random_text_never_crashes(text):
    run(text)


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(["", " ", "1.", "a)", "(a)", "i)", "I.", "A.", "______", "* note", "1 note",
                                 "<sup>1</sup>", "L’Assemblée générale,", "The General Assembly,", "Table des matières",
                                 "Introduction . . . . . 3", "V.19-04876 2/27", "A/74/127", "http://undocs.org/x",
                                 "# Titre", "*Rappelant*", "50e séance plénière", "18 décembre 2019", "2012. Texte",
                                 "Résumé", "texte,", "Texte.", "sous-", "régionaux"]), max_size=60))
def test_structural_soup_never_crashes(lines):
    run("\n".join(lines))


@st.composite
def mangled_seed(draw):
    lines = draw(st.sampled_from(SEED_LINES))
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    lines = list(lines[start : start + draw(st.integers(1, 150))])
    for _ in range(draw(st.integers(0, 12))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop_blank", "double_blank", "space_in_word", "tab", "unicode", "sup",
                                   "separator", "digits", "delete", "duplicate", "indent"]))
        line = lines[i]
        if op == "drop_blank":
            lines = [l for l in lines if l.strip()] if draw(st.booleans()) else lines[:i] + lines[i + 1 :]
        elif op == "double_blank":
            lines.insert(i, "")
        elif op == "space_in_word" and len(line) > 2:
            j = draw(st.integers(1, len(line) - 1))
            lines[i] = line[:j] + " " + line[j:]
        elif op == "tab":
            lines[i] = "\t" + line.replace(" ", "\t", draw(st.integers(0, 3)))
        elif op == "unicode":
            j = draw(st.integers(0, len(line)))
            lines[i] = line[:j] + draw(st.text(min_size=1, max_size=3)) + line[j:]
        elif op == "sup":
            j = draw(st.integers(0, len(line)))
            lines[i] = line[:j] + f"<sup>{draw(st.sampled_from(['1', '2', '12', '*', 'e', 'er', '']))}</sup>" + line[j:]
        elif op == "separator":
            lines.insert(i, "_" * draw(st.integers(3, 20)))
        elif op == "digits":
            lines.insert(i, " ".join(draw(st.lists(st.from_regex(r"\d{1,6}", fullmatch=True), min_size=1, max_size=4))))
        elif op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 6)) + line.lstrip()
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(lines)


@settings(**SETTINGS)
@given(mangled_seed())
def test_mangled_seed_lines_never_crash(text):
    run(text)


# --- conservation on texts made of real words ----------------------------------------------------------

number = st.one_of(st.integers(1, 3000).map(str), st.sampled_from(["72/195", "2015-2018", "5.2", "64/293"]))
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS), number)


@st.composite
def sentence(draw, capital: bool = True) -> str:
    words = draw(st.lists(word, min_size=3, max_size=25))
    if capital:
        words[0] = draw(st.sampled_from(CAPITALISED))
    out = []
    for w in words:
        out.append(w + draw(st.sampled_from(["", "", "", "", ",", ";"])))
    return " ".join(out).rstrip(",;") + draw(st.sampled_from([".", ",", ";", " :"]))


@st.composite
def wrapped(draw, text: str, indent: str = "") -> list[str]:
    """*text* broken into lines at spaces, the way a PDF dump breaks them."""
    width = draw(st.integers(30, 100))
    lines, line = [], ""
    for w in text.split(" "):
        if line and len(line) + len(w) + 1 > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    lines[0] = indent + lines[0]
    gap = draw(st.sampled_from(["", "\n"]))  # the seeds have blank lines between lines, or not
    return [l + gap for l in lines]


@st.composite
def free_text(draw) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 8))):
        body = " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))
        paragraphs.append("\n".join(draw(wrapped(body, draw(st.sampled_from(["", " ", "  "]))))))
    return draw(st.sampled_from(["\n\n", "\n"])).join(paragraphs) + "\n"


@st.composite
def numbered_text(draw) -> str:
    out = []
    for n in range(1, draw(st.integers(1, 12)) + 1):
        body = " ".join(draw(st.lists(sentence(), min_size=1, max_size=3)))
        out += draw(wrapped(f"{n}. {body}", draw(st.sampled_from(["", " "]))))
        if draw(st.booleans()):
            for letter in "abc"[: draw(st.integers(1, 3))]:
                out += draw(wrapped(f"{letter}) {draw(sentence())}", " "))
        out.append("")
    return "\n".join(out)


@st.composite
def resolution_text(draw) -> str:
    out = ["Résolution adoptée par l’Assemblée générale le 18 décembre 2019", "",
           f"74/176. {draw(sentence()).rstrip('.,; :')}", "", " L’Assemblée générale,", ""]
    for _ in range(draw(st.integers(1, 8))):
        out += draw(wrapped(draw(sentence()).rstrip(".;: ") + ",", " "))
        out.append("")
    for n in range(1, draw(st.integers(1, 8)) + 1):
        out += draw(wrapped(f"{n}. {draw(sentence()).rstrip('.,; :')} ;", " "))
        out.append("")
    out += ["50e séance plénière", "18 décembre 2019"]
    return "\n".join(out)


@settings(**SETTINGS)
@given(st.one_of(free_text(), numbered_text(), resolution_text()))
def test_real_words_are_conserved(text):
    result = run(text)
    assert result is not None
    report = result.conservation
    assert report.ok, (report.lost, report.added)
    assert report.raw_words > 0


@settings(**SETTINGS)
@given(resolution_text())
def test_generated_resolutions_are_structured(text):
    doc = run(text).document
    assert doc.structured and doc.meta.type == "resolution" and doc.meta.symbol == "A/RES/74/176"
    assert doc.counts()["operative"] >= 1 and doc.counts()["preambular"] >= 1
