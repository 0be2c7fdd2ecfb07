"""Build the real site (``mkdocs build --strict``) from a corpus folder, for tests.

The project's ``mkdocs.yml``, ``docs/`` and ``site_templates/`` are used as
they are; only the raw corpus folder changes, so what is tested is what
``make site`` builds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(workdir: Path, sources: Path | None = None, quiet: bool = True,
               env: dict | None = None, plugin: str = "") -> tuple[Path, subprocess.CompletedProcess]:
    """Build the site in *workdir* from *sources* (default: the seeds); return site dir and process.
    With ``quiet=False`` the process output holds MkDocs' INFO log (the plugin's messages);
    *plugin* adds settings to the plugin's (``"sitemap_urls: 20"``)."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if plugin:
        anchor = "      sources: source_docs\n"
        assert anchor in config
        config = config.replace(anchor, anchor + "".join(f"      {line}\n" for line in plugin.splitlines()))
    (workdir / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("docs", "site_templates"):
        target = workdir / name
        if not target.exists():
            target.symlink_to(ROOT / name)
    corpus = workdir / "source_docs"
    if not corpus.exists():
        corpus.symlink_to(sources or ROOT / "source_docs")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *(["-q"] if quiet else []),
                           "-f", str(workdir / "mkdocs.yml"), "-d", str(workdir / "site")],
                          capture_output=True, text=True, env=env, timeout=600)
    return workdir / "site", proc
