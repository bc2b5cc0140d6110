"""Printable handouts: one PDF per chapter (key points and its exercises' print forms) and a
workbook PDF (every exercise, the self-check with its key and blank map, and the answer keys).

They are typeset by Sphinx's LaTeX builder and XeLaTeX from the same print forms as the book, in
a small generated Sphinx project, so handouts and book cannot drift apart.

Run: ``python -m attachment_course.handouts OUT_DIR`` (``make book`` does, and copies the PDFs
into the web book's ``handouts/`` folder).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from . import catalogue, figure_build
from .views.printed import answer_key, print_form

AUTHOR = "Attachment-Based Therapy course"
CONF = '''
project = "Attachment-Based Therapy handouts"
author = "{author}"
extensions = ["myst_parser"]
myst_enable_extensions = ["colon_fence"]
root_doc = "workbook"
exclude_patterns = ["_build"]
latex_engine = "xelatex"
latex_use_xindy = False
latex_elements = {{"papersize": "letterpaper", "pointsize": "11pt", "printindex": ""}}
latex_documents = {documents!r}
'''


class HandoutError(RuntimeError):
    """A handout failed to typeset; the message names it and points to its LaTeX log."""


def chapter_exercises(chapter_id: str):
    return [e for e in catalogue.exercises().values() if e.id.startswith(f"{chapter_id}-")]


def chapter_handout(chapter: catalogue.Chapter) -> str:
    lines = ["---", "orphan: true", "---", "", f"# Chapter {chapter.number}: {chapter.title}", "",
             "*A handout from the open course Attachment-Based Therapy. Psychoeducation, not therapy or diagnosis.*",
             "", "## Key points", ""]
    lines += [f"- {point}" for point in chapter.key_points]
    lines += ["", "## Questions to think about", ""]
    lines += [f"- {question}" for question in chapter.discussion_questions]
    lines += ["", "## Exercises", ""]
    for exercise in chapter_exercises(chapter.id):
        lines += [print_form(exercise, linked=False), ""]
    return "\n".join(lines)


def workbook() -> str:
    lines = ["# Workbook", "",
             "*Every exercise of the open course Attachment-Based Therapy, in print. Psychoeducation, not therapy "
             "or diagnosis. Write only what you are comfortable writing: these pages are yours to keep private.*", ""]
    chapters = catalogue.chapters()
    for chapter in chapters.values():
        lines += [f"## Chapter {chapter.number}: {chapter.title}", ""]
        for exercise in chapter_exercises(chapter.id):
            lines += [print_form(exercise, linked=False), ""]
    lines += ["## Answer keys", ""]
    for chapter in chapters.values():
        for exercise in chapter_exercises(chapter.id):
            if exercise.kind in ("knowledge-check", "vignette"):
                lines += [answer_key(exercise), ""]
    return "\n".join(lines)


def build(out_dir: Path) -> list[Path]:
    """Typeset every handout and the workbook into ``out_dir``; returns the PDFs."""
    source = out_dir / "source"
    shutil.rmtree(source, ignore_errors=True)
    figures = source / "book" / "generated" / "figures"
    figure_build.render_all(figures)
    documents = [("workbook", "workbook.tex", "Attachment-Based Therapy: Workbook", AUTHOR, "manual")]
    (source / "workbook.md").write_text(workbook(), "utf-8")
    for chapter in catalogue.chapters().values():
        name = f"{chapter.id}-handout"
        (source / f"{name}.md").write_text(chapter_handout(chapter), "utf-8")
        documents.append((name, f"{name}.tex", f"Chapter {chapter.number}: {chapter.title}", AUTHOR, "howto"))
    (source / "conf.py").write_text(CONF.format(author=AUTHOR, documents=documents), "utf-8")
    latex = out_dir / "latex"
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "latex", "-W", "-q", str(source), str(latex)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise HandoutError(f"the handout sources did not build:\n{result.stderr[-3000:]}")
    pdfs = []
    for name, tex, title, *_ in documents:
        run = subprocess.run(["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", tex],
                             cwd=latex, capture_output=True, text=True)
        pdf = latex / tex.replace(".tex", ".pdf")
        if run.returncode != 0 or not pdf.exists():
            raise HandoutError(f"{title} ({name}) failed to typeset; see {latex / tex.replace('.tex', '.log')}")
        shutil.copy2(pdf, out_dir / pdf.name)
        pdfs.append(out_dir / pdf.name)
    return pdfs


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/handouts")
    for path in build(target):
        print(f"wrote {path}")
