"""Marking of knowledge-check questions and vignette responses (``attachment_course.marking``)."""

from __future__ import annotations

from itertools import chain, combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attachment_course.exercise_model import Choice, KnowledgeCheck, Question, Vignette
from attachment_course.marking import choose_response, mark_question

FAST = settings(max_examples=50, deadline=None)


def _option(option_id: str, correct: bool = False, approach=None) -> Choice:
    return Choice(id=option_id, text=f"Option {option_id}", feedback=f"Why {option_id}", correct=correct, approach=approach)


SINGLE = Question(id="q1", text="One?", options=(_option("a"), _option("b", True), _option("c")))
MULTIPLE = Question(
    id="q2", text="Several?", multiple=True,
    options=(_option("a", True), _option("b"), _option("c", True), _option("d")),
)
VIGNETTE = Vignette(
    id="v", title="A case", scenario="Someone says something.", question="What helps?", takeaway="Go gently.",
    options=(
        _option("a", approach="attachment-informed"),
        _option("b", approach="partly"),
        _option("c", approach="other"),
    ),
)


def _subsets(ids):
    return chain.from_iterable(combinations(ids, n) for n in range(1, len(ids) + 1))


# -- single-answer questions -----------------------------------------------------------------------
def test_single_answer_right():
    result = mark_question(SINGLE, ["b"])
    assert result.correct is True
    assert result.question_id == "q1"
    assert result.chosen == frozenset({"b"})


@pytest.mark.parametrize("wrong", ["a", "c"])
def test_single_answer_wrong(wrong):
    assert mark_question(SINGLE, [wrong]).correct is False


def test_single_answer_question_refuses_several_answers():
    with pytest.raises(ValueError, match=r"'q1' takes one answer; 2 were given"):
        mark_question(SINGLE, ["a", "b"])


def test_repeating_the_same_choice_is_one_answer():
    assert mark_question(SINGLE, ["b", "b"]).correct is True


# -- multiple-answer questions ---------------------------------------------------------------------
@pytest.mark.parametrize("chosen", [list(s) for s in _subsets("abcd")])
def test_multiple_answer_is_right_only_for_exactly_the_correct_set(chosen):
    assert mark_question(MULTIPLE, chosen).correct is (set(chosen) == {"a", "c"})


def test_multiple_answer_order_of_choices_does_not_matter():
    assert mark_question(MULTIPLE, ["c", "a"]).correct is True
    assert mark_question(MULTIPLE, iter(["a", "c"])).correct is True  # any iterable


# -- feedback --------------------------------------------------------------------------------------
def test_feedback_covers_every_option_in_order_and_marks_the_chosen_ones():
    result = mark_question(MULTIPLE, ["a", "d"])
    assert [option.id for option, _ in result.feedback] == ["a", "b", "c", "d"]
    assert [chosen for _, chosen in result.feedback] == [True, False, False, True]
    assert [option for option, _ in result.feedback] == list(MULTIPLE.options)
    assert result.correct is False


def test_feedback_is_given_even_for_a_right_answer():
    result = mark_question(SINGLE, ["b"])
    assert len(result.feedback) == len(SINGLE.options)
    assert all(option.feedback for option, _ in result.feedback)


# -- errors ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("question", [SINGLE, MULTIPLE])
def test_nothing_chosen_is_refused(question):
    with pytest.raises(ValueError, match="choose an answer first"):
        mark_question(question, [])


@pytest.mark.parametrize("question", [SINGLE, MULTIPLE])
def test_unknown_option_is_refused_naming_it_and_the_allowed_ones(question):
    with pytest.raises(ValueError) as caught:
        mark_question(question, ["a", "zz"])
    message = str(caught.value)
    assert "'zz'" in message
    assert "allowed: " + ", ".join(o.id for o in question.options) in message
    assert repr(question.id) in message


# -- the shipped knowledge checks ------------------------------------------------------------------
def test_every_shipped_question_marks_its_own_key_right_and_a_wrong_choice_wrong(all_exercises):
    checked = 0
    for exercise in all_exercises.values():
        if not isinstance(exercise, KnowledgeCheck):
            continue
        for question in exercise.questions:
            assert mark_question(question, question.correct_ids).correct, (exercise.id, question.id)
            wrong = next(o.id for o in question.options if not o.correct)
            assert not mark_question(question, [wrong]).correct, (exercise.id, question.id)
            checked += 1
    assert checked >= 10


@FAST
@given(chosen=st.sets(st.sampled_from("abcd"), min_size=1))
def test_multiple_answer_property(chosen):
    result = mark_question(MULTIPLE, chosen)
    assert result.correct == (chosen == {"a", "c"})
    assert {o.id for o, was_chosen in result.feedback if was_chosen} == chosen


# -- vignettes -------------------------------------------------------------------------------------
@pytest.mark.parametrize("option_id, approach", [("a", "attachment-informed"), ("b", "partly"), ("c", "other")])
def test_choose_response_returns_the_picked_option(option_id, approach):
    option = choose_response(VIGNETTE, option_id)
    assert option.id == option_id
    assert option.approach == approach
    assert option.feedback == f"Why {option_id}"


def test_choose_response_refuses_an_unknown_option():
    with pytest.raises(ValueError) as caught:
        choose_response(VIGNETTE, "z")
    assert "'z'" in str(caught.value) and "Vignette 'v'" in str(caught.value)
    assert "allowed: a, b, c" in str(caught.value)


def test_every_shipped_vignette_has_an_attachment_informed_response(all_exercises):
    vignettes = [e for e in all_exercises.values() if isinstance(e, Vignette)]
    assert vignettes
    for vignette in vignettes:
        approaches = [choose_response(vignette, o.id).approach for o in vignette.options]
        assert "attachment-informed" in approaches, vignette.id
        assert set(approaches) <= {"attachment-informed", "partly", "other"}
