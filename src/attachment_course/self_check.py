"""Scoring of the attachment self-check: pure functions, no input or output.

The web page's script (``web/exercises.js``) implements the same arithmetic; shared test vectors
keep the two in agreement to two decimals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

from .exercise_model import Region, SelfCheck


class IncompleteAnswers(ValueError):
    """Some items were not answered; ``missing`` lists their ids in questionnaire order."""

    def __init__(self, missing: list[str], self_check: SelfCheck):
        self.missing = missing
        numbers = [str(i + 1) for i, item in enumerate(self_check.items) if item.id in missing]
        plural = "s" if len(missing) > 1 else ""
        super().__init__(f"Please answer statement{plural} {', '.join(numbers)} before seeing a result.")


@dataclass(frozen=True)
class SelfCheckResult:
    """Where a set of answers falls on the two-dimension map."""

    relationship: str
    anxiety: float
    avoidance: float
    region: Region
    near_centre: bool

    def as_dict(self) -> dict[str, object]:
        return {
            "relationship": self.relationship,
            "anxiety": self.anxiety,
            "avoidance": self.avoidance,
            "region": self.region.id,
            "near_centre": self.near_centre,
        }


#: How close to the midpoint (in scale points) a mean must be for the result to say so.
NEAR_CENTRE_MARGIN = 0.5


def keyed_value(value: int, reverse: bool, self_check: SelfCheck) -> int:
    """Return an answer as it counts toward its dimension: reverse-keyed items are flipped."""
    if reverse:
        return self_check.scale_minimum + self_check.scale_maximum - value
    return value


def validate_answers(self_check: SelfCheck, answers: Mapping[str, object]) -> dict[str, int]:
    """Check raw answers and return them as integers.

    Raises
    ------
    ValueError
        For an unknown item id or a value that is not a whole number on the scale; the message
        names the item and the allowed values.
    IncompleteAnswers
        When items are unanswered (None or absent).
    """
    known = {item.id for item in self_check.items}
    low, high = self_check.scale_minimum, self_check.scale_maximum
    clean: dict[str, int] = {}
    for item_id, value in answers.items():
        if item_id not in known:
            raise ValueError(f"Unknown self-check item {item_id!r}; the items are {', '.join(sorted(known))}.")
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(
                f"Item {item_id!r} has the answer {value!r}; allowed values are the whole numbers {low} to {high}."
            )
        clean[item_id] = value
    missing = [item.id for item in self_check.items if item.id not in clean]
    if missing:
        raise IncompleteAnswers(missing, self_check)
    return clean


def score(self_check: SelfCheck, relationship: str, answers: Mapping[str, object]) -> SelfCheckResult:
    """Score a complete set of answers for one relationship.

    Each dimension's score is the mean of its keyed items, rounded to two decimals, so it always
    lies on the answer scale. The region is the quadrant the point falls in, split at the scale's
    midpoint (a point on a midline counts as high).
    """
    relationships = {r.id for r in self_check.relationships}
    if relationship not in relationships:
        raise ValueError(
            f"Unknown relationship {relationship!r}; choose one of {', '.join(sorted(relationships))}."
        )
    clean = validate_answers(self_check, answers)
    means = {}
    for dimension in self_check.dimensions:
        items = self_check.items_for(dimension.id)
        total = sum(keyed_value(clean[item.id], item.reverse, self_check) for item in items)
        means[dimension.id] = mean_to_two_decimals(total, len(items))
    anxiety, avoidance = means["anxiety"], means["avoidance"]
    return SelfCheckResult(
        relationship=relationship,
        anxiety=anxiety,
        avoidance=avoidance,
        region=region_for(self_check, anxiety, avoidance),
        near_centre=min(abs(anxiety - self_check.midpoint), abs(avoidance - self_check.midpoint))
        < NEAR_CENTRE_MARGIN,
    )


def mean_to_two_decimals(total: int, count: int) -> float:
    """Mean rounded half-up to two decimals, by the same float steps the web page's script takes."""
    return math.floor(total * 100 / count + 0.5) / 100


def region_for(self_check: SelfCheck, anxiety: float, avoidance: float) -> Region:
    """Return the map region (quadrant) a point falls in."""
    corner = (
        "high" if anxiety >= self_check.midpoint else "low",
        "high" if avoidance >= self_check.midpoint else "low",
    )
    return next(r for r in self_check.regions if (r.anxiety, r.avoidance) == corner)
