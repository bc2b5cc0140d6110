"""The exercises as typed, immutable values: what the data files describe, with no behaviour.

The loader (:mod:`attachment_course.catalogue`) builds these from YAML; scoring, storage and the
views read them. Keeping them free of logic lets every medium share one definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union


@dataclass(frozen=True)
class Choice:
    """One option of a knowledge-check question or a case vignette."""

    id: str
    text: str
    feedback: str
    correct: bool = False
    #: For vignettes: how far the response reflects an attachment-informed stance.
    approach: Literal["attachment-informed", "partly", "other"] | None = None


@dataclass(frozen=True)
class Reflection:
    """A reflective prompt answered in free text."""

    id: str
    title: str
    prompt: str
    guidance: str | None = None
    print_lines: int = 8
    kind: Literal["reflection"] = "reflection"


@dataclass(frozen=True)
class Question:
    """A knowledge-check question with single or multiple correct answers."""

    id: str
    text: str
    options: tuple[Choice, ...]
    multiple: bool = False

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(option.id for option in self.options if option.correct)


@dataclass(frozen=True)
class KnowledgeCheck:
    """A short quiz with feedback on every option."""

    id: str
    title: str
    questions: tuple[Question, ...]
    kind: Literal["knowledge-check"] = "knowledge-check"


@dataclass(frozen=True)
class Vignette:
    """A short case scenario; the reader picks a response and reads why it helps or not."""

    id: str
    title: str
    scenario: str
    question: str
    options: tuple[Choice, ...]
    takeaway: str
    kind: Literal["vignette"] = "vignette"


@dataclass(frozen=True)
class SelfCheckItem:
    """One original self-check statement, rated on the scale."""

    id: str
    text: str
    dimension: str
    reverse: bool


@dataclass(frozen=True)
class Region:
    """One of the four regions of the two-dimension map (Bartholomew & Horowitz, 1991)."""

    id: str
    label: str
    anxiety: Literal["low", "high"]
    avoidance: Literal["low", "high"]
    reflection: str


@dataclass(frozen=True)
class Dimension:
    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Relationship:
    id: str
    label: str


@dataclass(frozen=True)
class SelfCheck:
    """The attachment self-check: original items on two dimensions, not a validated measure."""

    id: str
    title: str
    introduction: str
    scale_minimum: int
    scale_maximum: int
    scale_labels: dict[int, str]
    relationships: tuple[Relationship, ...]
    dimensions: tuple[Dimension, ...]
    items: tuple[SelfCheckItem, ...]
    regions: tuple[Region, ...]
    caveats: tuple[str, ...]
    further: tuple[str, ...] = field(default_factory=tuple)
    kind: Literal["self-check"] = "self-check"

    @property
    def midpoint(self) -> float:
        return (self.scale_minimum + self.scale_maximum) / 2

    def items_for(self, dimension_id: str) -> tuple[SelfCheckItem, ...]:
        return tuple(item for item in self.items if item.dimension == dimension_id)


Exercise = Union[Reflection, KnowledgeCheck, Vignette, SelfCheck]
