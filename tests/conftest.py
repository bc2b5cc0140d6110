"""Fixtures shared by the test layers: the built book, built once per test session."""

from __future__ import annotations

import functools
import os
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from book_paths import BUILD_FLAGS, HTML_DIR, JUPYTER_BOOK, PDF_PATH, ROOT


def _build(builder: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(JUPYTER_BOOK), "build", str(ROOT), "--builder", builder, *BUILD_FLAGS],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@pytest.fixture(scope="session")
def html_build() -> Path:
    """Build the HTML book (strict); incremental and execution-cached, so cheap when current."""
    result = _build("html")
    assert result.returncode == 0, f"HTML build failed:\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}"
    return HTML_DIR


@pytest.fixture(scope="session")
def pdf_build() -> Path:
    """Build the PDF through XeLaTeX (strict)."""
    result = _build("pdflatex")
    assert result.returncode == 0, f"PDF build failed:\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}"
    assert PDF_PATH.exists(), f"the build reported success but {PDF_PATH} is missing"
    return PDF_PATH


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


@pytest.fixture(scope="session")
def site(html_build) -> str:
    """The built site over HTTP on 127.0.0.1 (a free port), for the whole session."""
    handler = functools.partial(_QuietHandler, directory=str(html_build))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
