"""The course content: structure of every chapter, figures, coverage of the guide, spelling, originality."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess

import pytest

from attachment_course import catalogue, figure_build

from book_paths import ROOT, source_of, toc_files

CHAPTER_FOLDER = re.compile(r"^book/(\d\d)-[a-z0-9-]+/")
WORDS_PER_CHAPTER = (1500, 3000)
GUIDE_SECTIONS = (
    "Introduction",
    "What is attachment-based therapy?",
    "How does attachment-based therapy work?",
    "When should attachment-based therapy be used?",
    "What should one expect in a session?",
    "Final thoughts",
    "Land acknowledgement",
)


def chapters() -> dict[str, list[str]]:
    """Chapter id -> its pages in toc order (landing page first)."""
    found: dict[str, list[str]] = {}
    for page in toc_files():
        match = CHAPTER_FOLDER.match(page)
        if match:
            found.setdefault(f"ch{match.group(1)}", []).append(page)
    return found


def prose(text: str) -> str:
    """The words a reader reads: no front matter, code cells, directive options, labels or role targets."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)
    text = re.sub(r"^\s*:[a-z-]+:.*$", "", text, flags=re.M)
    text = re.sub(r"^\(.*\)=\s*$", "", text, flags=re.M)
    text = re.sub(r"^[`:]{3,}.*$", "", text, flags=re.M)
    text = re.sub(r"\{(cite:[pt]|ref|doc|numref)\}`[^`]*`", "", text)
    text = re.sub(r"\{term\}`([^`<]*)(<[^`]*>)?`", r"\1", text)
    return text


def word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-zÀ-ÿ0-9'’-]+", prose(text)))


def test_all_ten_chapters_are_in_the_toc():
    assert sorted(chapters()) == [f"ch{n:02d}" for n in range(1, 11)]
    assert set(chapters()) == set(catalogue.chapters()), "every chapter needs its YAML data, and vice versa"


@pytest.mark.parametrize("chapter_id", [f"ch{n:02d}" for n in range(1, 11)])
def test_chapter_structure(chapter_id):
    pages = chapters()[chapter_id]
    texts = [source_of(page).read_text("utf-8") for page in pages]
    landing, whole = texts[0], "\n".join(texts)
    assert pages[0].endswith("/index"), f"{chapter_id}: the first page must be the landing page"
    assert f"({chapter_id})=" in landing, f"{chapter_id}: the landing page needs the label ({chapter_id})="
    assert f"```{{objectives}} {chapter_id}" in landing, f"{chapter_id}: no learning objectives on the landing page"
    assert f"```{{key-points}} {chapter_id}" in whole, f"{chapter_id}: no summary of key points"
    assert f"```{{further-reading}} {chapter_id}" in whole, f"{chapter_id}: no further reading"
    assert re.search(r"\{cite:[pt]\}`", whole), f"{chapter_id}: cites nothing"
    shown = set(re.findall(r'show_exercise\("([a-z0-9-]+)"\)', whole))
    kinds = {catalogue.exercise(e).kind for e in shown}
    assert {"reflection", "knowledge-check"} <= kinds, f"{chapter_id}: needs a reflection and a knowledge check"
    if 6 <= int(chapter_id[2:]) <= 9:
        assert "vignette" in kinds, f"{chapter_id}: chapters 6-9 need a case vignette"
    words = word_count(whole)
    low, high = WORDS_PER_CHAPTER
    assert low <= words <= high, f"{chapter_id}: {words} words, expected {low}-{high}"
    for page, text in zip(pages, texts):
        assert re.search(r"^\([a-z0-9-]+\)=\s*$", text, flags=re.M), f"{page}: every page needs a label"


def test_every_exercise_appears_somewhere():
    text = "\n".join(source_of(p).read_text("utf-8") for p in toc_files() if source_of(p).suffix == ".md")
    shown = set(re.findall(r'show_exercise\("([a-z0-9-]+)"\)', text))
    unused = sorted(set(catalogue.exercises()) - shown)
    assert not unused, f"exercises defined but shown on no chapter page: {unused}"


def test_every_figure_has_alt_text_matching_its_module():
    modules = figure_build.figure_modules()
    used = set()
    for page in toc_files():
        text = source_of(page).read_text("utf-8")
        for match in re.finditer(r"```\{figure\}\s*(\S+)\n((?::[^\n]*\n)*)", text):
            path, options = match.group(1), match.group(2)
            alt = re.search(r"^:alt:\s*(.+)$", options, flags=re.M)
            assert alt and alt.group(1).strip(), f"{page}: figure {path} has no alt text"
            name = re.search(r"generated/figures/([a-z0-9_]+)\.", path)
            if name:
                used.add(name.group(1))
                assert alt.group(1).strip() == modules[name.group(1)].ALT_TEXT, f"{page}: {path} alt text differs from its module"
    for chapter in catalogue.chapters().values():
        for figure in chapter.figures:
            assert figure in modules, f"{chapter.id} lists an unknown figure {figure}"
    assert set(modules) <= used, f"figures drawn but never shown: {sorted(set(modules) - used)}"


def test_coverage_table_covers_every_guide_section_with_real_pages():
    text = (ROOT / "book/appendices/guide-coverage.md").read_text("utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Guide section")]
    for section in GUIDE_SECTIONS:
        row = next((r for r in rows if r.split("|")[1].strip().startswith(section)), None)
        assert row, f"the coverage table has no row for the guide's section {section!r}"
        links = re.findall(r"\{doc\}`([^`]+)`", row)
        assert links, f"the row for {section!r} names no page"
        for link in links:
            target = (ROOT / "book/appendices" / link).resolve()
            assert target.with_suffix(".md").exists() or target.with_suffix(".ipynb").exists(), f"{link} does not exist"


def guide_run_hashes() -> set[str]:
    lines = (ROOT / "tests/data/guide-12-word-runs.sha256").read_text().splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def course_files():
    for folder in ("book", "exercises", "src/attachment_course/content"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".md", ".ipynb", ".yaml") and "generated" not in path.parts:
                yield path


def test_no_run_of_twelve_words_from_the_guide():
    hashes = guide_run_hashes()
    assert len(hashes) > 500, "the guide's hash list looks truncated"
    copied = []
    for path in course_files():
        text = path.read_text("utf-8").lower().replace("\u2019", "'").replace("'", "")
        words = re.findall(r"[a-z0-9]+", text)
        for i in range(len(words) - 11):
            run = " ".join(words[i:i + 12])
            if hashlib.sha256(run.encode()).hexdigest()[:16] in hashes:
                copied.append(f"{path.relative_to(ROOT)}: “{run}”")
    assert not copied, "text copied from the source guide:\n" + "\n".join(copied[:20])


def test_the_originality_check_would_catch_a_copy(tmp_path):
    # Guard against a check that cannot fail: a known 12-word run of the guide must hash into the list.
    hashes = guide_run_hashes()
    sample = "attachment based therapy is a therapeutic approach that focuses on helping individuals develop"
    words = sample.split()
    assert hashlib.sha256(" ".join(words[:12]).encode()).hexdigest()[:16] in hashes


def test_spelling():
    codespell = shutil.which("codespell", path=str(ROOT / ".venv/bin")) or shutil.which("codespell")
    assert codespell, "codespell is not installed"
    result = subprocess.run(
        [codespell, "--ignore-words", str(ROOT / "tests/data/codespell-words.txt"), "book", "exercises",
         "src/attachment_course/content", "--skip", "*.bib,*/generated/*"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"spelling mistakes:\n{result.stdout}"
