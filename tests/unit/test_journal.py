"""The private reflection journal (``attachment_course.journal``): storage, safety and export."""

from __future__ import annotations

import copy
import errno
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attachment_course import journal as journal_module
from attachment_course.journal import (
    DEFAULT_JOURNAL,
    JOURNAL_ENV,
    MAX_REFLECTION_CHARS,
    Journal,
    JournalError,
    check_reflection,
    journal_path,
    write_atomically,
)

FAST = settings(max_examples=50, deadline=None)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- opening ---------------------------------------------------------------------------------------
def test_a_missing_journal_opens_empty_and_creates_nothing(journal_file):
    journal = Journal.open(journal_file)
    assert journal.data == {"version": 1, "entries": {}, "self_checks": []}
    assert journal.notices == []
    assert journal.reflection("anything") is None
    assert journal.history("anything") == []
    assert not journal_file.parent.exists()


def test_path_comes_from_the_environment_variable(monkeypatch, tmp_path):
    chosen = tmp_path / "elsewhere" / "mine.json"
    monkeypatch.setenv(JOURNAL_ENV, str(chosen))
    assert journal_path() == chosen
    journal = Journal.open()
    assert journal.path == chosen
    journal.save_reflection("ex", "kept here")
    assert json.loads(chosen.read_text("utf-8"))["entries"]["ex"]["current"]["text"] == "kept here"


def test_the_environment_variable_may_use_a_tilde(monkeypatch):
    monkeypatch.setenv(JOURNAL_ENV, "~/notes/journal.json")
    assert journal_path() == Path.home() / "notes" / "journal.json"


@pytest.mark.parametrize("unset", ["delete", "empty"])
def test_default_path_is_in_the_home_folder(monkeypatch, unset):
    if unset == "delete":
        monkeypatch.delenv(JOURNAL_ENV, raising=False)
    else:
        monkeypatch.setenv(JOURNAL_ENV, "")
    assert journal_path() == DEFAULT_JOURNAL == Path.home() / ".attachment-course" / "journal.json"


# -- saving and loading ----------------------------------------------------------------------------
reflection_text = st.text(min_size=1, max_size=300).filter(lambda t: t.strip()) | st.sampled_from(
    [
        "<script>alert('x')</script>",
        "Tom & Jerry <b>bold</b> &amp; already-escaped",
        "Émilie écrit en français — «citations» 😊",
        "第一行\n第二行\r\nthird line\ttab",
        '{"version": 1, "entries": "not really"}',
        "\u200b zero width and \u00a0 no-break spaces",
    ]
)


@FAST
@given(text=reflection_text, exercise_id=st.sampled_from(["ch01-reflect-safe-haven", "x", "ch10-ünïcode"]))
def test_save_then_load_returns_exactly_what_was_saved(text, exercise_id):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.json"
        saved = Journal.open(path).save_reflection(exercise_id, text)
        assert saved["text"] == text
        reopened = Journal.open(path)
        assert reopened.notices == []
        assert reopened.reflection(exercise_id) == text
        assert _files(Path(folder)) == ["journal.json"]


def test_saved_at_is_a_utc_timestamp(journal_file):
    version = Journal.open(journal_file).save_reflection("ex", "text")
    stamp = datetime.fromisoformat(version["saved_at"])
    assert stamp.tzinfo is not None and stamp.utcoffset().total_seconds() == 0
    assert abs((datetime.now(timezone.utc) - stamp).total_seconds()) < 60


def test_an_edited_entry_keeps_its_earlier_versions(journal_file):
    journal = Journal.open(journal_file)
    for text in ("first", "second", "third"):
        journal.save_reflection("ex", text)
    reopened = Journal.open(journal_file)
    assert reopened.reflection("ex") == "third"
    assert [v["text"] for v in reopened.history("ex")] == ["first", "second"]
    assert reopened.reflection("other") is None


def test_saving_identical_text_again_adds_no_version_and_does_not_rewrite(journal_file, monkeypatch):
    journal = Journal.open(journal_file)
    first = journal.save_reflection("ex", "same words")
    before = journal_file.read_bytes()

    def must_not_write(*args, **kwargs):
        raise AssertionError("an identical save must not rewrite the journal")

    monkeypatch.setattr(journal_module, "write_atomically", must_not_write)
    again = journal.save_reflection("ex", "same words")
    assert again == first
    assert journal.history("ex") == []
    assert journal_file.read_bytes() == before


def test_going_back_to_an_earlier_text_is_a_new_version(journal_file):
    journal = Journal.open(journal_file)
    for text in ("one", "two", "one"):
        journal.save_reflection("ex", text)
    assert journal.reflection("ex") == "one"
    assert [v["text"] for v in journal.history("ex")] == ["one", "two"]


def test_history_returns_a_copy(journal_file):
    journal = Journal.open(journal_file)
    journal.save_reflection("ex", "a")
    journal.save_reflection("ex", "b")
    journal.history("ex").clear()
    assert len(journal.history("ex")) == 1


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n", "\u3000"])
def test_empty_or_blank_text_is_refused_and_nothing_is_written(journal_file, text):
    journal = Journal.open(journal_file)
    with pytest.raises(ValueError, match="nothing to save"):
        journal.save_reflection("ex", text)
    assert not journal_file.exists()
    assert journal.data["entries"] == {}


@pytest.mark.parametrize("value", [None, 42, b"bytes"])
def test_non_text_is_refused(value):
    with pytest.raises(ValueError, match="must be text"):
        check_reflection(value)


def test_text_over_the_limit_is_refused_with_the_numbers_and_nothing_is_written(journal_file):
    journal = Journal.open(journal_file)
    journal.save_reflection("ex", "short and saved")
    before = journal_file.read_bytes()
    with pytest.raises(ValueError) as caught:
        journal.save_reflection("ex", "x" * (MAX_REFLECTION_CHARS + 1))
    message = str(caught.value)
    assert f"{MAX_REFLECTION_CHARS + 1:,}" in message and f"{MAX_REFLECTION_CHARS:,}" in message
    assert "Nothing was saved" in message
    assert journal_file.read_bytes() == before
    assert journal.reflection("ex") == "short and saved"


def test_text_of_exactly_the_limit_is_accepted(journal_file):
    text = "y" * MAX_REFLECTION_CHARS
    Journal.open(journal_file).save_reflection("ex", text)
    assert Journal.open(journal_file).reflection("ex") == text


def test_limit_counts_characters_not_bytes(journal_file):
    text = "é" * MAX_REFLECTION_CHARS  # twice as many bytes in UTF-8
    Journal.open(journal_file).save_reflection("ex", text)
    assert Journal.open(journal_file).reflection("ex") == text


def test_self_check_results_are_kept_with_a_date(journal_file):
    journal = Journal.open(journal_file)
    result = {"relationship": "friend", "anxiety": 3.17, "avoidance": 4.5, "region": "dismissing", "near_centre": False}
    record = journal.save_self_check(result)
    assert record == {**result, "saved_at": record["saved_at"]}
    journal.save_self_check({**result, "anxiety": 5.0})
    kept = Journal.open(journal_file).self_checks()
    assert [r["anxiety"] for r in kept] == [3.17, 5.0]
    assert all("saved_at" in r for r in kept)


def test_the_file_is_plain_readable_json(journal_file):
    Journal.open(journal_file).save_reflection("ex", "Zoë <3")
    raw = journal_file.read_text("utf-8")
    assert "Zoë <3" in raw  # stored as typed, not escaped (escaping is for display)
    assert json.loads(raw)["version"] == 1


# -- damaged files ---------------------------------------------------------------------------------
DAMAGED = {
    "invalid JSON": b'{"version": 1, "entries": {',
    "empty file": b"",
    "binary junk": bytes(range(256)) * 4,
    "not UTF-8": "caf\u00e9".encode("latin-1"),
    "a list": b"[]",
    "a number": b"7",
    "unknown version": json.dumps({"version": 99, "entries": {}, "self_checks": []}).encode(),
    "no version": json.dumps({"entries": {}, "self_checks": []}).encode(),
    "entries not a mapping": json.dumps({"version": 1, "entries": [], "self_checks": []}).encode(),
    "self_checks not a list": json.dumps({"version": 1, "entries": {}, "self_checks": {}}).encode(),
    "entry not a mapping": json.dumps({"version": 1, "entries": {"ex": "text"}, "self_checks": []}).encode(),
    "entry without history": json.dumps({"version": 1, "entries": {"ex": {"current": None}}, "self_checks": []}).encode(),
    "current is not a version": json.dumps(
        {"version": 1, "entries": {"ex": {"current": "text", "history": []}}, "self_checks": []}
    ).encode(),
    "history is not a list": json.dumps(
        {"version": 1, "entries": {"ex": {"current": None, "history": "old"}}, "self_checks": []}
    ).encode(),
    "a version without text": json.dumps(
        {"version": 1, "entries": {"ex": {"current": {"saved_at": "2024"}, "history": []}}, "self_checks": []}
    ).encode(),
    "a self-check result that is not a record": json.dumps(
        {"version": 1, "entries": {}, "self_checks": ["secure"]}
    ).encode(),
}


@pytest.mark.parametrize("damage", list(DAMAGED))
def test_a_damaged_journal_is_set_aside_unchanged_and_a_new_one_works(journal_file, damage):
    journal_file.parent.mkdir(parents=True)
    journal_file.write_bytes(DAMAGED[damage])

    journal = Journal.open(journal_file)

    aside = sorted(journal_file.parent.glob("journal.json.unreadable-*"))
    assert len(aside) == 1, _files(journal_file.parent)
    assert aside[0].read_bytes() == DAMAGED[damage]
    assert not journal_file.exists()
    assert len(journal.notices) == 1
    notice = journal.notices[0]
    assert aside[0].name in notice and "could not be read" in notice and "new, empty journal" in notice
    assert journal.data["entries"] == {} and journal.self_checks() == []
    # The new journal works, is readable, and exporting it does not fail.
    journal.save_reflection("ex", "a fresh start")
    journal.export_markdown()
    reopened = Journal.open(journal_file)
    assert reopened.notices == []
    assert reopened.reflection("ex") == "a fresh start"
    assert aside[0].read_bytes() == DAMAGED[damage]


def test_two_damaged_journals_set_aside_in_the_same_second_are_both_kept(journal_file, monkeypatch):
    frozen = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)

    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return frozen

    monkeypatch.setattr(journal_module, "datetime", FrozenClock)
    journal_file.parent.mkdir(parents=True)
    for junk in (b"first damaged file", b"second damaged file"):
        journal_file.write_bytes(junk)
        Journal.open(journal_file)
    kept = sorted(p.read_bytes() for p in journal_file.parent.glob("journal.json.unreadable-*"))
    assert kept == [b"first damaged file", b"second damaged file"]


def test_a_damaged_journal_that_cannot_be_moved_raises_a_journal_error(journal_file, monkeypatch):
    journal_file.parent.mkdir(parents=True)
    journal_file.write_bytes(b"not json")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(journal_module.os, "replace", refuse)
    with pytest.raises(JournalError) as caught:
        Journal.open(journal_file)
    assert str(journal_file) in str(caught.value) and JOURNAL_ENV in str(caught.value)
    assert journal_file.read_bytes() == b"not json"


# -- write failures --------------------------------------------------------------------------------
def _assert_failed_save_changed_nothing(journal, journal_file, before_data, before_bytes, error):
    message = str(error)
    assert str(journal_file) in message
    assert "Your text is still in the box" in message and JOURNAL_ENV in message
    assert journal.data == before_data
    if before_bytes is None:
        assert not journal_file.exists()
    else:
        assert journal_file.read_bytes() == before_bytes
    if journal_file.parent.is_dir():
        leftovers = [n for n in _files(journal_file.parent) if n.endswith(".tmp")]
        assert leftovers == []


def test_a_full_disk_raises_a_clear_error_and_changes_nothing(journal_file, monkeypatch):
    journal = Journal.open(journal_file)
    journal.save_reflection("ex", "kept safely")
    before_data, before_bytes = copy.deepcopy(journal.data), journal_file.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(journal_module.os, "replace", disk_full)
    for attempt in (
        lambda: journal.save_reflection("ex", "an edit that cannot be written"),
        lambda: journal.save_reflection("new-exercise", "a new entry that cannot be written"),
        lambda: journal.save_self_check({"relationship": "friend", "anxiety": 1.0, "avoidance": 1.0, "region": "secure"}),
        journal.delete_all,
    ):
        with pytest.raises(JournalError) as caught:
            attempt()
        assert os.strerror(errno.ENOSPC) in str(caught.value)
        assert "Free some space" in str(caught.value)
        _assert_failed_save_changed_nothing(journal, journal_file, before_data, before_bytes, caught.value)


def test_a_failure_while_writing_leaves_no_temporary_file(journal_file, monkeypatch):
    journal = Journal.open(journal_file)
    journal.save_reflection("ex", "before")
    before_data, before_bytes = copy.deepcopy(journal.data), journal_file.read_bytes()

    def broken_fsync(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(journal_module.os, "fsync", broken_fsync)
    with pytest.raises(JournalError) as caught:
        journal.save_reflection("ex", "after")
    _assert_failed_save_changed_nothing(journal, journal_file, before_data, before_bytes, caught.value)


def test_an_unwritable_folder_raises_a_clear_error(tmp_path, running_as_root):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "journal.json"
    folder.chmod(0o500)
    try:
        probe_blocked = not os.access(folder, os.W_OK) and not running_as_root
        if not probe_blocked:
            # Running as root: permissions do not stop writes. Fail for real by putting the journal
            # "inside" a regular file, which no user can write into.
            blocker = tmp_path / "file.txt"
            blocker.write_text("I am a file, not a folder")
            path = blocker / "journal.json"
        journal = Journal.open(path)
        assert journal.notices == []
        before = copy.deepcopy(journal.data)
        with pytest.raises(JournalError) as caught:
            journal.save_reflection("ex", "words I do not want to lose")
        _assert_failed_save_changed_nothing(journal, path, before, None, caught.value)
        assert journal.reflection("ex") is None
        assert _files(folder) == []
    finally:
        folder.chmod(0o700)


def test_write_atomically_replaces_the_whole_file(tmp_path):
    target = tmp_path / "deep" / "er" / "out.txt"
    write_atomically(target, "first, rather long version of the text")
    write_atomically(target, "second")
    assert target.read_text("utf-8") == "second"
    assert _files(target.parent) == ["out.txt"]


# -- export and deletion ---------------------------------------------------------------------------
def test_export_escapes_html_and_ampersands(journal_file):
    journal = Journal.open(journal_file)
    journal.save_reflection("ex", "old <b>draft</b>")
    journal.save_reflection("ex", "<script>alert('hi')</script> Tom & Jerry")
    journal.save_self_check({"relationship": "<i>friend</i>", "anxiety": 3.5, "avoidance": 4, "region": "a&b"})
    text = journal.export_markdown({"ex": "Title with <em> & more"})
    assert "<script>" not in text and "<b>" not in text and "<em>" not in text and "<i>" not in text
    assert "&lt;script&gt;alert('hi')&lt;/script&gt; Tom &amp; Jerry" in text
    assert "old &lt;b&gt;draft&lt;/b&gt;" in text
    assert "## Title with &lt;em&gt; &amp; more" in text
    assert "| &lt;i&gt;friend&lt;/i&gt; | 3.50 | 4.00 | a&amp;b |" in text


def test_export_lists_entries_with_their_history_newest_first(journal_file):
    journal = Journal.open(journal_file)
    for text in ("version one", "version two", "version three"):
        journal.save_reflection("ex", text)
    journal.save_reflection("other", "another prompt")
    text = journal.export_markdown({"ex": "First prompt"})
    assert text.startswith("# My reflections\n")
    assert "## First prompt" in text and "## other" in text  # unknown titles fall back to the id
    assert text.index("version three") < text.index("version two") < text.index("version one")
    assert text.count("<details>") == 2 and text.count("</details>") == 2
    assert "Self-check results" not in text


def test_export_of_an_empty_journal_has_only_the_heading(journal_file):
    text = Journal.open(journal_file).export_markdown()
    assert text.startswith("# My reflections")
    assert "##" not in text


def test_delete_all_empties_the_journal_on_disk(journal_file):
    journal = Journal.open(journal_file)
    journal.save_reflection("ex", "to be deleted")
    journal.save_self_check({"relationship": "friend", "anxiety": 1.0, "avoidance": 1.0, "region": "secure"})
    journal.delete_all()
    assert journal.data == {"version": 1, "entries": {}, "self_checks": []}
    reopened = Journal.open(journal_file)
    assert reopened.reflection("ex") is None and reopened.self_checks() == [] and reopened.notices == []
    assert "to be deleted" not in journal_file.read_text("utf-8")
