"""Scoring and validation of the attachment self-check (``attachment_course.self_check``).

Also owns the shared test vectors in ``tests/data/self_check_vectors.json``: the browser test feeds
the same answer sets to the web page's script and compares with the expectations stored here.
Regenerate the file (after a deliberate change to the scoring) with::

    /tmp/probe-venv/bin/python tests/unit/test_self_check.py --write-vectors
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attachment_course import catalogue
from attachment_course.self_check import (
    NEAR_CENTRE_MARGIN,
    IncompleteAnswers,
    keyed_value,
    mean_to_two_decimals,
    region_for,
    score,
    validate_answers,
)

VECTORS_PATH = Path(__file__).resolve().parents[1] / "data" / "self_check_vectors.json"
FAST = settings(max_examples=50, deadline=None)


# -- helpers ---------------------------------------------------------------------------------------
def _the_self_check():
    (found,) = [e for e in catalogue.exercises().values() if e.kind == "self-check"]
    return found


def raw_for_keyed(sc, anxiety: list[int], avoidance: list[int]) -> dict[str, int]:
    """Raw answers (as a reader would tick them) whose *keyed* values are the given lists, per dimension."""
    wanted = {"anxiety": list(anxiety), "avoidance": list(avoidance)}
    answers = {}
    for item in sc.items:
        keyed = wanted[item.dimension].pop(0)
        answers[item.id] = sc.scale_minimum + sc.scale_maximum - keyed if item.reverse else keyed
    assert not wanted["anxiety"] and not wanted["avoidance"], "one keyed value per item"
    return answers


def all_raw(sc, value: int) -> dict[str, int]:
    return {item.id: value for item in sc.items}


def vector_specs(sc) -> list[tuple[str, str, dict[str, int]]]:
    """The shared answer sets: (name, relationship, raw answers). Edge cases first."""
    k = lambda a, v: raw_for_keyed(sc, a, v)  # noqa: E731
    return [
        ("all 1s (reverse items flip to 7)", "partner", all_raw(sc, 1)),
        ("all 7s (reverse items flip to 1)", "partner", all_raw(sc, 7)),
        ("all 4s: both means exactly on the midline count as high", "partner", all_raw(sc, 4)),
        ("lowest possible on both dimensions", "friend", k([1] * 6, [1] * 6)),
        ("highest possible on both dimensions", "caregiver", k([7] * 6, [7] * 6)),
        ("preoccupied corner", "partner", k([7] * 6, [1] * 6)),
        ("dismissing corner", "friend", k([1] * 6, [7] * 6)),
        ("anxiety just under the midline (3.83), avoidance on it (4.00)", "partner", k([4, 4, 4, 4, 4, 3], [4] * 6)),
        ("exactly half a point from centre on both: not near", "caregiver", k([4, 4, 4, 3, 3, 3], [5, 5, 5, 4, 4, 4])),
        ("one dimension near the midline is enough (3.67)", "partner", k([4, 4, 4, 4, 3, 3], [1] * 6)),
        ("sixths that round up and down (4.17, 4.83)", "friend", k([5, 4, 4, 4, 4, 4], [5, 5, 5, 5, 5, 4])),
        ("sixths below the midline (3.33, 2.17)", "partner", k([4, 4, 3, 3, 3, 3], [3, 2, 2, 2, 2, 2])),
        ("mixed raw answers", "caregiver", dict(zip([i.id for i in sc.items], [6, 2, 5, 3, 2, 6, 7, 1, 4, 5, 3, 2]))),
        ("mixed raw answers, other relationship", "friend", dict(zip([i.id for i in sc.items], [2, 6, 1, 2, 7, 5, 3, 6, 2, 1, 6, 7]))),
    ]


def incomplete_specs(sc) -> list[tuple[str, str, dict[str, int | None]]]:
    ids = [i.id for i in sc.items]
    one_missing = {i: 4 for i in ids if i != ids[3]}
    some_none = {i: (None if n in (0, 4, 11) else 5) for n, i in enumerate(ids)}
    return [
        ("statement 4 left out", "partner", one_missing),
        ("statements 1, 5 and 12 answered with null", "friend", some_none),
        ("nothing answered", "partner", {}),
    ]


def build_vectors() -> dict:
    sc = _the_self_check()
    vectors = []
    for name, relationship, answers in vector_specs(sc):
        result = score(sc, relationship, answers).as_dict()
        vectors.append(
            {
                "name": name,
                "relationship": relationship,
                "answers": answers,
                "expected": {k: result[k] for k in ("anxiety", "avoidance", "region", "near_centre")},
            }
        )
    incomplete = []
    for name, relationship, answers in incomplete_specs(sc):
        with pytest.raises(IncompleteAnswers) as caught:
            score(sc, relationship, answers)
        incomplete.append(
            {"name": name, "relationship": relationship, "answers": answers, "expected_message": str(caught.value)}
        )
    return {
        "description": (
            "Shared test vectors for the attachment self-check. 'answers' are raw ratings as ticked "
            "(before reverse keying). 'expected' comes from attachment_course.self_check.score; the web "
            "page's scoreSelfCheck must agree exactly (it returns near_centre as nearCentre). Each "
            "dimension has six items, so means are sixths and no mean ever falls on a .xx5 rounding "
            "boundary; half-up rounding itself is unit-tested in Python with other counts. 'incomplete' "
            "answer sets must be refused with exactly 'expected_message'."
        ),
        "exercise_id": sc.id,
        "generated_by": "tests/unit/test_self_check.py --write-vectors",
        "vectors": vectors,
        "incomplete": incomplete,
    }


# -- scoring ---------------------------------------------------------------------------------------
def test_the_shipped_self_check_has_the_shape_the_scoring_assumes(self_check):
    assert (self_check.scale_minimum, self_check.scale_maximum, self_check.midpoint) == (1, 7, 4.0)
    assert [d.id for d in self_check.dimensions] == ["anxiety", "avoidance"]
    assert len(self_check.items_for("anxiety")) == 6 and len(self_check.items_for("avoidance")) == 6
    assert any(i.reverse for i in self_check.items) and not all(i.reverse for i in self_check.items)


@pytest.mark.parametrize("value, expected", [(1, 7), (2, 6), (4, 4), (6, 2), (7, 1)])
def test_reverse_keying_flips_around_the_scale(self_check, value, expected):
    assert keyed_value(value, True, self_check) == expected
    assert keyed_value(value, False, self_check) == value


def test_all_ones_score_three_because_two_items_per_dimension_are_reversed(self_check):
    # Four plain items at 1 and two reverse-keyed items flipped to 7: (4*1 + 2*7) / 6 = 3.
    result = score(self_check, "partner", all_raw(self_check, 1))
    assert (result.anxiety, result.avoidance) == (3.0, 3.0)
    assert result.region.id == "secure"
    assert result.near_centre is False


def test_each_dimension_uses_only_its_own_items(self_check):
    result = score(self_check, "partner", raw_for_keyed(self_check, [7] * 6, [1] * 6))
    assert (result.anxiety, result.avoidance) == (7.0, 1.0)
    assert result.region.id == "preoccupied"


@pytest.mark.parametrize(
    "anxiety, avoidance, expected",
    [
        ([5, 4, 4, 4, 4, 4], [4] * 6, (4.17, 4.0)),  # 25/6 = 4.1666…
        ([5, 5, 5, 5, 5, 4], [3, 2, 2, 2, 2, 2], (4.83, 2.17)),  # 29/6 = 4.8333…, 13/6 = 2.1666…
        ([4, 4, 3, 3, 3, 3], [2, 1, 1, 1, 1, 1], (3.33, 1.17)),
        ([7, 7, 7, 1, 1, 1], [6, 6, 6, 6, 6, 5], (4.0, 5.83)),
    ],
)
def test_means_are_rounded_to_two_decimals(self_check, anxiety, avoidance, expected):
    result = score(self_check, "friend", raw_for_keyed(self_check, anxiety, avoidance))
    assert (result.anxiety, result.avoidance) == expected


@pytest.mark.parametrize(
    "total, count, expected",
    [(17, 8, 2.13), (1, 8, 0.13), (9, 4, 2.25), (3, 8, 0.38), (25, 6, 4.17), (10, 3, 3.33), (24, 6, 4.0)],
)
def test_rounding_is_half_up_not_bankers(total, count, expected):
    # 17/8 = 2.125 and 1/8 = 0.125: Python's round() would give 2.12 and 0.12; the web page gives 2.13, 0.13.
    assert mean_to_two_decimals(total, count) == expected


@pytest.mark.parametrize(
    "anxiety, avoidance, region",
    [
        (1.0, 1.0, "secure"),
        (3.99, 3.99, "secure"),
        (4.0, 3.99, "preoccupied"),
        (3.99, 4.0, "dismissing"),
        (4.0, 4.0, "fearful"),
        (7.0, 7.0, "fearful"),
        (6.5, 1.5, "preoccupied"),
        (1.5, 6.5, "dismissing"),
    ],
)
def test_region_is_the_quadrant_and_the_midline_counts_as_high(self_check, anxiety, avoidance, region):
    assert region_for(self_check, anxiety, avoidance).id == region


def test_every_region_is_reachable_and_labelled(self_check):
    corners = {(r.anxiety, r.avoidance): r.id for r in self_check.regions}
    assert corners == {
        ("low", "low"): "secure",
        ("high", "low"): "preoccupied",
        ("low", "high"): "dismissing",
        ("high", "high"): "fearful",
    }


@pytest.mark.parametrize(
    "anxiety, avoidance, near",
    [
        ([4] * 6, [4] * 6, True),  # 4.00, 4.00: on the centre
        ([4, 4, 4, 4, 3, 3], [1] * 6, True),  # 3.67: one dimension close to its midline is enough
        ([4, 4, 4, 3, 3, 3], [5, 5, 5, 4, 4, 4], False),  # 3.50 and 4.50: exactly the margin is not near
        ([5, 5, 5, 5, 5, 4], [1] * 6, False),  # 4.83 and 1.00
        ([1] * 6, [7] * 6, False),
    ],
)
def test_near_centre_flag(self_check, anxiety, avoidance, near):
    assert NEAR_CENTRE_MARGIN == 0.5
    result = score(self_check, "partner", raw_for_keyed(self_check, anxiety, avoidance))
    assert result.near_centre is near


def test_result_as_dict_is_plain_data(self_check):
    result = score(self_check, "caregiver", all_raw(self_check, 7))
    assert result.as_dict() == {
        "relationship": "caregiver",
        "anxiety": 5.0,
        "avoidance": 5.0,
        "region": "fearful",
        "near_centre": False,
    }
    json.dumps(result.as_dict())  # must be storable in the journal


# -- validation ------------------------------------------------------------------------------------
def test_unanswered_items_are_named_by_statement_number(self_check):
    ids = [i.id for i in self_check.items]
    answers = {i: 4 for i in ids}
    answers[ids[1]] = None  # statement 2
    del answers[ids[6]]  # statement 7
    with pytest.raises(IncompleteAnswers) as caught:
        score(self_check, "partner", answers)
    assert str(caught.value) == "Please answer statements 2, 7 before seeing a result."
    assert caught.value.missing == [ids[1], ids[6]]


def test_one_unanswered_item_is_singular(self_check):
    ids = [i.id for i in self_check.items]
    answers = {i: 4 for i in ids[:-1]}
    with pytest.raises(IncompleteAnswers, match=r"^Please answer statement 12 before seeing a result\.$"):
        validate_answers(self_check, answers)


def test_incomplete_answers_give_no_score_and_are_a_value_error(self_check):
    with pytest.raises(ValueError) as caught:
        score(self_check, "partner", {})
    assert isinstance(caught.value, IncompleteAnswers)
    assert "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12" in str(caught.value)


@pytest.mark.parametrize("bad", [0, 8, -1, 4.0, 3.5, "4", True, False, [4]])
def test_bad_values_name_the_item_and_the_allowed_values(self_check, bad):
    answers = all_raw(self_check, 4)
    answers["avo3"] = bad
    with pytest.raises(ValueError) as caught:
        score(self_check, "partner", answers)
    message = str(caught.value)
    assert not isinstance(caught.value, IncompleteAnswers)
    assert "'avo3'" in message and repr(bad) in message
    assert "whole numbers 1 to 7" in message


def test_unknown_item_is_refused_with_the_known_items(self_check):
    answers = {**all_raw(self_check, 4), "anx99": 4}
    with pytest.raises(ValueError) as caught:
        score(self_check, "partner", answers)
    message = str(caught.value)
    assert "'anx99'" in message
    assert all(item.id in message for item in self_check.items)


def test_unknown_item_is_refused_even_when_others_are_missing(self_check):
    with pytest.raises(ValueError) as caught:
        validate_answers(self_check, {"nope": 1})
    assert not isinstance(caught.value, IncompleteAnswers)
    assert "'nope'" in str(caught.value)


def test_unknown_relationship_is_refused(self_check):
    with pytest.raises(ValueError) as caught:
        score(self_check, "boss", all_raw(self_check, 4))
    assert "'boss'" in str(caught.value)
    assert all(r.id in str(caught.value) for r in self_check.relationships)


def test_validate_returns_clean_integers(self_check):
    answers = all_raw(self_check, 3)
    assert validate_answers(self_check, answers) == answers


# -- properties ------------------------------------------------------------------------------------
SC = _the_self_check()
ITEM_IDS = [item.id for item in SC.items]
complete_answers = st.fixed_dictionaries(
    {item_id: st.integers(SC.scale_minimum, SC.scale_maximum) for item_id in ITEM_IDS}
)


@FAST
@given(answers=complete_answers, relationship=st.sampled_from([r.id for r in SC.relationships]))
def test_scores_always_lie_on_the_scale(answers, relationship):
    result = score(SC, relationship, answers)
    for value in (result.anxiety, result.avoidance):
        assert SC.scale_minimum <= value <= SC.scale_maximum
        assert round(value, 2) == value
    assert result.region.id == region_for(SC, result.anxiety, result.avoidance).id
    assert result.relationship == relationship


@FAST
@given(value=st.integers(SC.scale_minimum, SC.scale_maximum), reverse=st.booleans())
def test_reverse_keying_is_an_involution(value, reverse):
    once = keyed_value(value, reverse, SC)
    assert SC.scale_minimum <= once <= SC.scale_maximum
    assert keyed_value(once, reverse, SC) == value


@FAST
@given(answers=complete_answers, seed=st.integers(0, 2**32 - 1))
def test_answer_order_does_not_matter(answers, seed):
    items = list(answers.items())
    random.Random(seed).shuffle(items)
    assert score(SC, "partner", dict(items)) == score(SC, "partner", answers)


@FAST
@given(answers=complete_answers, dropped=st.sets(st.sampled_from(ITEM_IDS), min_size=1))
def test_any_missing_subset_is_reported_in_questionnaire_order(answers, dropped):
    partial = {k: v for k, v in answers.items() if k not in dropped}
    with pytest.raises(IncompleteAnswers) as caught:
        score(SC, "partner", partial)
    assert caught.value.missing == [i for i in ITEM_IDS if i in dropped]
    numbers = ", ".join(str(ITEM_IDS.index(i) + 1) for i in caught.value.missing)
    assert numbers in str(caught.value)


@FAST
@given(answers=complete_answers, item=st.sampled_from(ITEM_IDS))
def test_raising_a_plain_item_never_lowers_its_dimension(answers, item):
    spec = next(i for i in SC.items if i.id == item)
    if answers[item] == SC.scale_maximum:
        return
    before = score(SC, "partner", answers)
    after = score(SC, "partner", {**answers, item: answers[item] + 1})
    change = getattr(after, spec.dimension) - getattr(before, spec.dimension)
    assert change < 0 if spec.reverse else change > 0


# -- shared vectors --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def stored_vectors() -> dict:
    return json.loads(VECTORS_PATH.read_text("utf-8"))


def test_vectors_file_matches_the_python_scorer(stored_vectors, self_check):
    assert stored_vectors["exercise_id"] == self_check.id
    for vector in stored_vectors["vectors"]:
        result = score(self_check, vector["relationship"], vector["answers"])
        got = {k: result.as_dict()[k] for k in ("anxiety", "avoidance", "region", "near_centre")}
        assert got == vector["expected"], vector["name"]


def test_incomplete_vectors_match_the_python_message(stored_vectors, self_check):
    assert stored_vectors["incomplete"]
    for vector in stored_vectors["incomplete"]:
        with pytest.raises(IncompleteAnswers) as caught:
            score(self_check, vector["relationship"], vector["answers"])
        assert str(caught.value) == vector["expected_message"], vector["name"]


def test_vectors_file_is_up_to_date_with_the_specs(stored_vectors):
    assert stored_vectors == build_vectors(), "regenerate with: python tests/unit/test_self_check.py --write-vectors"


def test_vectors_cover_the_edge_cases(stored_vectors, self_check):
    vectors = stored_vectors["vectors"]
    assert len(vectors) >= 12
    assert len({v["name"] for v in vectors}) == len(vectors)
    for v in vectors:
        assert set(v["answers"]) == {i.id for i in self_check.items}, v["name"]
    expected = [v["expected"] for v in vectors]
    assert {e["region"] for e in expected} == {r.id for r in self_check.regions}
    assert {e["near_centre"] for e in expected} == {True, False}
    assert all(set(e) == {"anxiety", "avoidance", "region", "near_centre"} for e in expected)
    assert any(e["anxiety"] == 4.0 or e["avoidance"] == 4.0 for e in expected), "a point on a midline"
    assert any(abs(e["anxiety"] - 4) == 0.5 or abs(e["avoidance"] - 4) == 0.5 for e in expected), "margin edge"
    assert any((e["anxiety"] * 100) % 100 not in (0, 50) for e in expected), "a mean that needs rounding"
    answer_sets = [v["answers"] for v in vectors]
    for value in (1, 4, 7):
        assert {i.id: value for i in self_check.items} in answer_sets
    assert {v["relationship"] for v in vectors} == {r.id for r in self_check.relationships}


if __name__ == "__main__":
    if sys.argv[1:] != ["--write-vectors"]:
        sys.exit("usage: test_self_check.py --write-vectors")
    VECTORS_PATH.parent.mkdir(parents=True, exist_ok=True)
    VECTORS_PATH.write_text(json.dumps(build_vectors(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {VECTORS_PATH}")
