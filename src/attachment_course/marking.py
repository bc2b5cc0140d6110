"""Marking of knowledge-check questions and case-vignette choices: pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .exercise_model import Choice, Question, Vignette


@dataclass(frozen=True)
class QuestionResult:
    """The outcome of one answered question, with the feedback to show for every option."""

    question_id: str
    chosen: frozenset[str]
    correct: bool
    #: (option, was it chosen) for every option, in order: feedback is shown on all of them.
    feedback: tuple[tuple[Choice, bool], ...]


def _chosen_ids(option_ids: Iterable[str], chosen: Iterable[str], owner: str) -> frozenset[str]:
    valid = list(option_ids)
    picked = frozenset(chosen)
    unknown = sorted(picked - set(valid))
    if unknown:
        raise ValueError(f"{owner}: unknown option {', '.join(map(repr, unknown))}; allowed: {', '.join(valid)}.")
    if not picked:
        raise ValueError(f"{owner}: choose an answer first.")
    return picked


def mark_question(question: Question, chosen: Iterable[str]) -> QuestionResult:
    """Mark one question. A multiple-answer question is right only when exactly the correct set is chosen.

    Raises
    ------
    ValueError
        If nothing is chosen, an option id is unknown, or a single-answer question gets several.
    """
    picked = _chosen_ids((o.id for o in question.options), chosen, f"Question {question.id!r}")
    if not question.multiple and len(picked) > 1:
        raise ValueError(f"Question {question.id!r} takes one answer; {len(picked)} were given.")
    return QuestionResult(
        question_id=question.id,
        chosen=picked,
        correct=picked == question.correct_ids,
        feedback=tuple((option, option.id in picked) for option in question.options),
    )


def choose_response(vignette: Vignette, chosen: str) -> Choice:
    """Return the vignette option the reader picked (its feedback says why it helps or not)."""
    picked = _chosen_ids((o.id for o in vignette.options), [chosen], f"Vignette {vignette.id!r}")
    (option_id,) = picked
    return next(o for o in vignette.options if o.id == option_id)
