"""Readability of every page in the table of contents (Flesch–Kincaid grade and reading ease).

General-reader pages aim at grade 9–11; "For trainees" boxes may read harder. This is a report,
not a gate: run it with `make report`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pyphen

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from book_paths import source_of, toc_files  # noqa: E402
from test_content import prose  # noqa: E402


HYPHENATOR = pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    # Hyphenation points approximate syllable breaks well enough for a grade estimate, and the
    # dictionary ships inside pyphen (no download at run time).
    return max(1, len(HYPHENATOR.positions(word)) + 1)


def readability(text: str) -> tuple[int, float, float]:
    """Word count, Flesch–Kincaid grade and Flesch reading ease of plain text."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    sentences = max(1, len(re.findall(r"[.!?]+(?:\s|$)", text)))
    syllable_count = sum(syllables(w) for w in words)
    per_sentence, per_word = len(words) / sentences, syllable_count / max(1, len(words))
    return len(words), 0.39 * per_sentence + 11.8 * per_word - 15.59, 206.835 - 1.015 * per_sentence - 84.6 * per_word


def main() -> None:
    print(f"{'page':62} {'words':>6} {'grade':>6} {'ease':>6}")
    grades = []
    for page in toc_files():
        path = source_of(page)
        if path.suffix != ".md":
            continue
        text = prose(path.read_text("utf-8"))
        words, grade, ease = readability(text)
        if words < 100:
            continue
        grades.append(grade)
        print(f"{page:62} {words:6d} {grade:6.1f} {ease:6.1f}")
    print(f"\nmedian grade {sorted(grades)[len(grades) // 2]:.1f} over {len(grades)} pages")


if __name__ == "__main__":
    main()
