"""Notebooks are stored without outputs or widget state, unless a cell is checked on purpose."""

from __future__ import annotations

import json

from book_paths import ROOT

CHECKED_MARKER = "NBVAL_CHECK_OUTPUT"


def stored_notebooks():
    return [p for p in ROOT.rglob("*.ipynb") if not {"_build", ".venv", "node_modules", ".ipynb_checkpoints"} & set(p.parts)]


def test_there_are_notebooks():
    assert stored_notebooks(), "no notebooks found"


def test_no_outputs_or_execution_counts_unless_checked():
    problems = []
    for path in stored_notebooks():
        notebook = json.loads(path.read_text("utf-8"))
        for index, cell in enumerate(notebook["cells"]):
            if cell["cell_type"] != "code":
                continue
            checked = CHECKED_MARKER in "".join(cell["source"])
            if (cell.get("outputs") or cell.get("execution_count")) and not checked:
                problems.append(f"{path.relative_to(ROOT)} cell {index}: stored output")
    assert not problems, "\n".join(problems)


def test_no_widget_state_in_metadata():
    for path in stored_notebooks():
        metadata = json.loads(path.read_text("utf-8")).get("metadata", {})
        assert "widgets" not in metadata, f"{path.relative_to(ROOT)} stores widget state"


def test_myst_notebooks_have_a_kernelspec():
    for path in (ROOT / "book").rglob("*.md"):
        text = path.read_text("utf-8")
        if "{code-cell}" in text:
            assert "kernelspec:" in text.split("---", 2)[1], f"{path.relative_to(ROOT)} runs code without a kernelspec"
