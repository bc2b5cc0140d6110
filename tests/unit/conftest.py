"""Shared fixtures for the unit tests of ``attachment_course`` (pure logic, storage, views, figures).

These tests need no kernel, no browser and no network. Anything that writes goes to ``tmp_path``.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from attachment_course import catalogue, journal
from attachment_course.exercise_model import KnowledgeCheck, Reflection, SelfCheck, Vignette

_CACHED_LOADERS = (catalogue.exercises, catalogue.chapters, catalogue.session_plans)


def _clear_catalogue_caches() -> None:
    for loader in _CACHED_LOADERS:
        loader.cache_clear()


@pytest.fixture(autouse=True)
def _isolated_journal(tmp_path_factory, monkeypatch):
    """Point the journal variable at a throwaway file, so no test can write to the reader's real journal."""
    monkeypatch.setenv(journal.JOURNAL_ENV, str(tmp_path_factory.mktemp("home") / "journal.json"))


@pytest.fixture(scope="session")
def all_exercises():
    return catalogue.exercises()


@pytest.fixture(scope="session")
def self_check() -> SelfCheck:
    (found,) = [e for e in catalogue.exercises().values() if isinstance(e, SelfCheck)]
    return found


@pytest.fixture(scope="session")
def a_reflection() -> Reflection:
    return next(e for e in catalogue.exercises().values() if isinstance(e, Reflection))


@pytest.fixture(scope="session")
def a_knowledge_check() -> KnowledgeCheck:
    """The first knowledge check that has both a single- and a multiple-answer question."""
    return next(
        e
        for e in catalogue.exercises().values()
        if isinstance(e, KnowledgeCheck)
        and any(q.multiple for q in e.questions)
        and any(not q.multiple for q in e.questions)
    )


@pytest.fixture(scope="session")
def a_vignette() -> Vignette:
    return next(e for e in catalogue.exercises().values() if isinstance(e, Vignette))


@pytest.fixture
def journal_file(tmp_path) -> Path:
    return tmp_path / "journal" / "journal.json"


@pytest.fixture
def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


class ContentTree:
    """A temporary ``content/`` folder the catalogue reads instead of the shipped one."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, kind: str, name: str, text: str) -> Path:
        folder = self.root / kind
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_text(textwrap.dedent(text), "utf-8")
        return path


@pytest.fixture
def content_tree(tmp_path, monkeypatch) -> ContentTree:
    """Redirect ``catalogue._content_dir`` to an empty temporary tree; caches are cleared around the test."""
    root = tmp_path / "content"
    for kind in ("exercises", "chapters", "sessions"):
        (root / kind).mkdir(parents=True)
    monkeypatch.setattr(catalogue, "_content_dir", lambda kind: root / kind)
    _clear_catalogue_caches()
    yield ContentTree(root)
    _clear_catalogue_caches()
