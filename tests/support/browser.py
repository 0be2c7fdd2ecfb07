"""Real-browser support: serve a built site on localhost and drive Debian's Chromium.

Browser tests are skipped with a clear message when no Chromium is installed
on a user's machine, but fail in CI (``CI=true``), where .ci/run installs it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]


def chromium_path() -> str:
    """Debian's Chromium, or skip (fail under CI=true)."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        message = "Debian's chromium is not installed (apt-get install chromium): browser tests skipped"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " — but CI=true requires them")
        pytest.skip(message)
    return path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """A static host: files as they are, and the site's own ``404.html`` at any missing
    address (as GitHub Pages and most hosts do), never Python's error page."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path):
    """Serve *directory* on 127.0.0.1 on a free port; return (base url, server)."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
