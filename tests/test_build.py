"""The built book: every page present, nothing loaded from another host, the PDF complete."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from attachment_course import catalogue

from book_paths import HTML_DIR, pdf_plain_text, toc_files

pytestmark = pytest.mark.build

CRISIS_NUMBERS = ("9-8-8", "1-800-668-6868", "686868", "1-855-242-3310", "911")
ACKNOWLEDGED_NAMES = ("Moh'kinstsis", "Îyarhe Nakoda", "Tsuut'ina", "Métis")
WIDGET_REPRS = ("VBox(", "HBox(", "Textarea(", "ToggleButtons(", "RadioButtons(", "Button(description")


class ResourceCollector(HTMLParser):
    """Collects every URL a page *loads* (scripts, styles, fonts, images, frames), not links out."""

    LOADING_ATTRIBUTES = {
        "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset"),
        "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",),
        "input": ("src",), "track": ("src",),
    }

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and (values.get("rel") or "").lower() not in ("canonical", "alternate", "next", "prev",
                                                                          "search", "index", "author", "license",
                                                                          "help", "bookmark"):
            self.urls.append(values.get("href") or "")
        for attribute in self.LOADING_ATTRIBUTES.get(tag, ()):
            if values.get(attribute):
                self.urls.extend(part.strip().split(" ")[0] for part in values[attribute].split(","))


def is_remote(url: str) -> bool:
    parsed = urlparse(url.strip())
    return bool(parsed.netloc) or parsed.scheme in ("http", "https")


def html_pages() -> list[Path]:
    return sorted(HTML_DIR.rglob("*.html"))


def test_every_toc_page_has_html(html_build):
    missing = [page for page in toc_files() if not (html_build / f"{page}.html").is_file()]
    assert not missing, f"pages in _toc.yml with no HTML: {missing}"


def test_no_page_loads_anything_from_another_host(html_build):
    offenders = []
    for page in html_pages():
        collector = ResourceCollector()
        collector.feed(page.read_text("utf-8"))
        offenders += [f"{page.relative_to(html_build)}: {url}" for url in collector.urls if is_remote(url)]
    for stylesheet in html_build.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", stylesheet.read_text("utf-8", errors="replace")):
            if is_remote(url):
                offenders.append(f"{stylesheet.relative_to(html_build)}: {url}")
        for url in re.findall(r"@import\s+['\"]([^'\"]+)", stylesheet.read_text("utf-8", errors="replace")):
            if is_remote(url):
                offenders.append(f"{stylesheet.relative_to(html_build)}: @import {url}")
    assert not offenders, "resources loaded from other hosts:\n" + "\n".join(offenders[:40])


def test_widget_manager_only_on_pages_with_live_widgets(html_build):
    for page in html_pages():
        text = page.read_text("utf-8")
        if "embed-amd.js" in text:
            assert "application/vnd.jupyter.widget-view+json" in text, f"{page} loads the widget manager needlessly"


def test_exercise_pages_carry_the_static_views_and_script(html_build):
    page = (html_build / "exercises" / "attachment-self-check.html").read_text("utf-8")
    assert 'data-exercise-id="ch03-self-check"' in page
    assert "exercises.js" in page
    assert "ac-support-page:" not in page, "the support link placeholder was not resolved"
    assert "before-you-begin.html#" in page


@pytest.fixture(scope="module")
def pdf_text(pdf_build) -> str:
    return pdf_plain_text(pdf_build)


def test_pdf_has_every_chapter_title(pdf_text):
    for chapter in catalogue.chapters().values():
        assert chapter.title.lower() in pdf_text.lower(), f"chapter title missing from the PDF: {chapter.title}"


def test_pdf_has_the_crisis_lines(pdf_text):
    for number in CRISIS_NUMBERS:
        assert number in pdf_text, f"{number} missing from the PDF"


def test_pdf_keeps_acknowledged_names_intact(pdf_text):
    for name in ACKNOWLEDGED_NAMES:
        assert name in pdf_text, f"{name} is missing or mangled in the PDF"


def test_pdf_never_prints_a_widget_repr(pdf_text):
    for marker in WIDGET_REPRS:
        assert marker not in pdf_text, f"a widget repr ({marker}) leaked into the PDF"


def test_pdf_has_every_exercise_print_form(pdf_text):
    flat = pdf_text.lower()
    missing = [e.title for e in catalogue.exercises().values() if re.sub(r"\s+", " ", e.title).lower() not in flat]
    assert not missing, f"exercise titles missing from the PDF: {missing}"
