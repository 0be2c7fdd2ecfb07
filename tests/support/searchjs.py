"""Run ``search.js`` under node through ``tests/fixtures/search/run_search.js`` (see its header
for what a spec may ask)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from build_scripts.search.assets import write_assets

RUNNER = Path(__file__).resolve().parents[1] / "fixtures" / "search" / "run_search.js"


def run_search_js(node: str, folder: Path, spec: dict, timeout: int = 300) -> dict:
    """Write the four scripts into *folder*/assets, run *spec*, return the runner's output."""
    write_assets(folder / "assets")
    path = folder / "spec.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([node, str(RUNNER), str(folder / "assets"), str(path)],
                          capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
