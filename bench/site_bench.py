"""Benchmark: full archive build vs a plain Material build of the same pages.

For N synthetic documents (default 100 and 1000) it measures, for both builds:
wall time, total size of site/, and the largest page. The plain build takes
the very Markdown pages the archive generates, writes them into a docs folder
and builds them with Material's defaults (its search plugin), with the
generated pages out of the navigation as in the archive; up to N = 100 also
with Material's automatic navigation (every page listed on every page).
Run: ``.venv/bin/python bench/site_bench.py 100 1000``. Not a test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import ROOT, make_corpus  # noqa: E402
from build_scripts import site  # noqa: E402

OUT = ROOT / "bench" / "out"


def build(config: Path, dest: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)],
                   check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def measure(site_dir: Path) -> tuple[int, int, str]:
    """Total bytes, largest HTML page bytes and its path."""
    total, largest, name = 0, 0, ""
    for path in site_dir.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            if path.suffix == ".html" and size > largest:
                largest, name = size, str(path.relative_to(site_dir))
    return total, largest, name


def archive_build(n: int) -> tuple[float, tuple]:
    work = OUT / f"archive-{n}"
    make_corpus(n, work / "source_docs")
    config = work / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8")
                      .replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
                      .replace("custom_dir: site_templates", f"custom_dir: {ROOT / 'site_templates'}"), encoding="utf-8")
    seconds = build(config, work / "site")
    return seconds, measure(work / "site")


def plain_build(n: int, auto_nav: bool = False) -> tuple[float, tuple]:
    """Material's defaults on the same pages. By default the generated pages are kept out
    of the navigation as the archive keeps them (``nav: [index.md]``); with *auto_nav*,
    Material's automatic navigation lists every page on every page."""
    work = OUT / (f"plain-nav-{n}" if auto_nav else f"plain-{n}")
    docs = work / "docs"
    built = site.build(OUT / f"archive-{n}" / "source_docs")
    for f in built.files:
        if f.path.endswith(".md"):
            target = docs / f.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f.content.replace("template: ", "x_template: "), encoding="utf-8")
    (docs / "index.md").write_text("# Accueil\n", encoding="utf-8")
    config = work / "mkdocs.yml"
    nav = "" if auto_nav else "nav: [index.md]\nnot_in_nav: |\n  /*/\n"
    config.write_text("site_name: Plain\ntheme:\n  name: material\n  language: fr\n  font: false\n"
                      "markdown_extensions: [attr_list, md_in_html, tables]\n" + nav, encoding="utf-8")
    seconds = build(config, work / "site")
    return seconds, measure(work / "site")


def row(n: int, label: str, archive: tuple, plain: tuple) -> str:
    a_time, (a_total, a_largest, a_name) = archive
    p_time, (p_total, p_largest, p_name) = plain
    return (f"| {n} | {label} | {a_time:.1f} s / {p_time:.1f} s = {a_time / p_time:.2f}× "
            f"| {a_total / 1e6:.1f} MB / {p_total / 1e6:.1f} MB = {a_total / p_total:.2f}× "
            f"| {a_largest / 1e3:.0f} kB ({a_name}) / {p_largest / 1e3:.0f} kB ({p_name}) = {a_largest / p_largest:.2f}× |")


def main(sizes: list[int], auto_nav_up_to: int = 100) -> None:
    print("| N | plain Material build | build (archive / plain) | site size (archive / plain) | largest page (archive / plain) |")
    print("|---|---|---|---|---|")
    for n in sizes:
        archive = archive_build(n)
        print(row(n, "same navigation", archive, plain_build(n)), flush=True)
        if n <= auto_nav_up_to:  # automatic navigation grows as N² in total size: small N only
            print(row(n, "automatic navigation", archive, plain_build(n, auto_nav=True)), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
