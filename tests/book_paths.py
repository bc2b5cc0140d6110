"""Paths of the repository and its build outputs, and the table of contents, for every test layer."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HTML_DIR = ROOT / "_build" / "html"
PDF_PATH = ROOT / "_build" / "latex" / "attachment-based-therapy.pdf"
JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
BUILD_FLAGS = ["-W", "-n", "--keep-going"]
#: Debian's Chromium, driven by Playwright's client (its own browser download is not available here).
CHROMIUM = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def toc_files() -> list[str]:
    """Every page of the table of contents, as paths without suffix, in reading order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text("utf-8"))
    found = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                found.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return found


def source_of(page: str) -> Path:
    for suffix in (".md", ".ipynb"):
        if (ROOT / f"{page}{suffix}").exists():
            return ROOT / f"{page}{suffix}"
    raise FileNotFoundError(f"{page} in _toc.yml has no .md or .ipynb source")


def pdf_plain_text(path) -> str:
    """A PDF's text with typographic quotes and hyphens made plain and white space collapsed."""
    from pypdf import PdfReader

    text = unicodedata.normalize("NFC", " ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))
    for typeset, plain in (("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2011", "-"), ("\u2010", "-")):
        text = text.replace(typeset, plain)
    return re.sub(r"\s+", " ", text)
