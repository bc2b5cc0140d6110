"""Every page that runs code executes top to bottom on a fresh kernel (nbval).

MyST-Markdown notebooks in book/ are paired to .ipynb with jupytext first; the workbook notebooks
in exercises/ run as they are. Reflections written during the run go to a temporary journal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import jupytext
import pytest

from book_paths import ROOT

pytestmark = pytest.mark.notebooks


def is_notebook_page(path) -> bool:
    return path.suffix == ".ipynb" or (path.suffix == ".md" and "{code-cell}" in path.read_text("utf-8"))


def notebook_sources() -> list:
    found = [p for folder in ("book", "exercises") for p in sorted((ROOT / folder).rglob("*")) if p.is_file()]
    return [p for p in found if is_notebook_page(p) and ".ipynb_checkpoints" not in p.parts and "_build" not in p.parts]


def test_every_notebook_runs_clean(tmp_path):
    sources = notebook_sources()
    assert len(sources) >= 5, "expected the chapter notebooks and the four workbook notebooks"
    targets = []
    for source in sources:
        relative = source.relative_to(ROOT).with_suffix(".ipynb")
        target = tmp_path / "notebooks" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".md":
            jupytext.write(jupytext.read(source), target)
        else:
            shutil.copy2(source, target)
        targets.append(str(target))
    env = {**os.environ, "ATTACHMENT_COURSE_JOURNAL": str(tmp_path / "journal.json"), "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
         "-o", "addopts=", "-o", "testpaths=", *targets],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=1800,
    )
    assert result.returncode == 0, f"a notebook failed (file and cell are named below):\n{result.stdout[-8000:]}"
