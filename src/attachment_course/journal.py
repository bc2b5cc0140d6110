"""The private reflection journal kept on the reader's own device (notebook medium).

One JSON file, written atomically (a temporary file in the same folder, then an atomic rename),
so a crash mid-write never leaves half a journal. Edited entries keep their earlier versions.
A file that cannot be read is set aside under a new name, never deleted, and the reader is told.
Nothing here sends anything anywhere.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

#: Environment variable that chooses the journal file.
JOURNAL_ENV = "ATTACHMENT_COURSE_JOURNAL"
#: Where the journal lives when the variable is not set.
DEFAULT_JOURNAL = Path.home() / ".attachment-course" / "journal.json"
#: Longest reflection accepted, in characters (about four pages); longer text is refused, never cut.
MAX_REFLECTION_CHARS = 10_000
FORMAT_VERSION = 1


class JournalError(Exception):
    """The journal could not be written or read; the message says what to do. The text is not lost."""


def journal_path() -> Path:
    """The journal file in use: ``$ATTACHMENT_COURSE_JOURNAL`` or the default."""
    configured = os.environ.get(JOURNAL_ENV)
    return Path(configured).expanduser() if configured else DEFAULT_JOURNAL


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def check_reflection(text: str) -> str:
    """Return the text to save, or raise ``ValueError`` saying why it cannot be saved as it is."""
    if not isinstance(text, str):
        raise ValueError("A reflection must be text.")
    if not text.strip():
        raise ValueError("There is nothing to save yet: the box is empty.")
    if len(text) > MAX_REFLECTION_CHARS:
        raise ValueError(
            f"This reflection is {len(text):,} characters long; the limit is {MAX_REFLECTION_CHARS:,}. "
            "Nothing was saved and your text is still in the box: shorten it or split it into two entries."
        )
    return text


@dataclass
class Journal:
    """Reflections and dated self-check results, loaded from and saved to one file.

    ``notices`` collects messages the reader should see (for example, that a damaged file was set
    aside); views show them.
    """

    path: Path
    data: dict[str, Any] = field(default_factory=lambda: {"version": FORMAT_VERSION, "entries": {}, "self_checks": []})
    notices: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, path: Path | None = None) -> "Journal":
        """Load the journal, setting a damaged file aside (renamed, untouched) and starting afresh."""
        path = Path(path) if path is not None else journal_path()
        journal = cls(path=path)
        if not path.exists():
            return journal
        try:
            raw = json.loads(path.read_text("utf-8"))
            _check_shape(raw)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError) as error:
            journal.notices.append(journal._set_aside(error))
            return journal
        journal.data = raw
        return journal

    def _set_aside(self, error: Exception) -> str:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        copies = 1
        while target.exists():  # never replace a file set aside earlier in the same second
            copies += 1
            target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{copies}")
        try:
            os.replace(self.path, target)
        except OSError as move_error:
            raise JournalError(
                f"The journal {self.path} could not be read ({error}) and could not be set aside "
                f"({move_error}). Move it yourself or set {JOURNAL_ENV} to another file."
            ) from move_error
        return (
            f"Your journal file could not be read ({type(error).__name__}), so it was kept as {target.name} "
            "beside the new one, unchanged. A new, empty journal has been started."
        )

    # -- reflections -------------------------------------------------------------------------
    def save_reflection(self, exercise_id: str, text: str) -> dict[str, str]:
        """Save a reflection; an earlier version of the same entry moves to its history."""
        text = check_reflection(text)
        # Read without adding an entry: memory changes only once the write has succeeded (_commit).
        entry = self.data["entries"].get(exercise_id)
        previous = entry["current"] if entry else None
        if previous is not None and previous["text"] == text:
            return previous
        version = {"text": text, "saved_at": _now()}

        def apply(data: dict[str, Any]) -> None:
            target = data["entries"].setdefault(exercise_id, {"current": None, "history": []})
            if target["current"] is not None:
                target["history"].append(target["current"])
            target["current"] = version

        self._commit(apply)
        return version

    def reflection(self, exercise_id: str) -> str | None:
        entry = self.data["entries"].get(exercise_id)
        return entry["current"]["text"] if entry and entry["current"] else None

    def history(self, exercise_id: str) -> list[dict[str, str]]:
        entry = self.data["entries"].get(exercise_id)
        return list(entry["history"]) if entry else []

    # -- self-check results ------------------------------------------------------------------
    def save_self_check(self, result: dict[str, Any]) -> dict[str, Any]:
        record = {**result, "saved_at": _now()}
        self._commit(lambda data: data["self_checks"].append(record))
        return record

    def self_checks(self) -> list[dict[str, Any]]:
        return list(self.data["self_checks"])

    # -- whole journal -----------------------------------------------------------------------
    def delete_all(self) -> None:
        """Remove every entry and result (the reader asked to); the file is rewritten empty."""
        self._commit(lambda data: (data["entries"].clear(), data["self_checks"].clear()))

    def export_markdown(self, titles: dict[str, str] | None = None) -> str:
        """The journal as Markdown, for the reader to keep or take to supervision.

        HTML in the reader's text is escaped, so it shows as typed wherever the Markdown is viewed.
        """
        titles = titles or {}
        lines = ["# My reflections", "", f"Exported {_now()}. Private: kept on this device only.", ""]
        for exercise_id, entry in self.data["entries"].items():
            if not entry["current"]:
                continue
            lines += [f"## {escape_text(titles.get(exercise_id, exercise_id))}", ""]
            lines += [f"*Saved {entry['current']['saved_at']}*", "", escape_text(entry["current"]["text"]), ""]
            for old in reversed(entry["history"]):
                lines += [f"<details><summary>Earlier version, saved {old['saved_at']}</summary>", ""]
                lines += [escape_text(old["text"]), "", "</details>", ""]
        if self.data["self_checks"]:
            lines += ["## Self-check results", "", "| Saved | Relationship | Anxiety | Avoidance | Region |", "|---|---|---|---|---|"]
            for r in self.data["self_checks"]:
                lines.append(
                    f"| {r['saved_at']} | {escape_text(str(r['relationship']))} | {r['anxiety']:.2f} "
                    f"| {r['avoidance']:.2f} | {escape_text(str(r['region']))} |"
                )
            lines.append("")
        return "\n".join(lines)

    def _commit(self, change: Callable[[dict[str, Any]], object]) -> None:
        """Apply a change to a copy, write it atomically, and only then keep it in memory."""
        updated = json.loads(json.dumps(self.data))
        change(updated)
        write_atomically(self.path, json.dumps(updated, ensure_ascii=False, indent=2))
        self.data = updated


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see either the old file or the new one, never half."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise JournalError(
            f"Could not save to {path}: {reason}. Your text is still in the box. "
            f"Free some space, or set {JOURNAL_ENV} to a folder you can write to, then save again."
        ) from error


def _check_shape(raw: Any) -> None:
    if not isinstance(raw, dict) or raw.get("version") != FORMAT_VERSION:
        raise ValueError("not a journal of this course (missing or unknown version)")
    if not isinstance(raw.get("entries"), dict) or not isinstance(raw.get("self_checks"), list):
        raise ValueError("the journal's entries are damaged")
    for entry in raw["entries"].values():
        if not isinstance(entry, dict) or "history" not in entry or "current" not in entry:
            raise ValueError("an entry is damaged")
        history, current = entry["history"], entry["current"]
        if not isinstance(history, list) or not all(_is_version(v) for v in history):
            raise ValueError("an entry's history is damaged")
        if current is not None and not _is_version(current):
            raise ValueError("an entry is damaged")
    for record in raw["self_checks"]:
        if not isinstance(record, dict) or not _SELF_CHECK_KEYS <= record.keys():
            raise ValueError("a self-check result is damaged")
        if not all(_is_number(record[key]) for key in ("anxiety", "avoidance")):
            raise ValueError("a self-check result is damaged")


_SELF_CHECK_KEYS = {"saved_at", "relationship", "anxiety", "avoidance", "region"}


def _is_version(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("text"), str) and isinstance(value.get("saved_at"), str)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def escape_text(text: str) -> str:
    """Escape HTML-significant characters so typed markup is shown, not interpreted."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
