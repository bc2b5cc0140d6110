"""The live (ipywidgets) views, driven without a browser or kernel the way ipywidgets tests itself:
set ``.value``, call ``.click()``, and read the status widgets and the journal file."""

from __future__ import annotations

from html import escape

import ipywidgets as widgets
import pytest
from IPython.display import Image

from attachment_course.figures import attachment_map
from attachment_course.journal import MAX_REFLECTION_CHARS, Journal
from attachment_course.self_check import score
from attachment_course.views import live
from attachment_course.views.web import APPROACH_NAMES


# -- reflections -----------------------------------------------------------------------------------
@pytest.fixture
def reflection_view(a_reflection, journal_file):
    return live.ReflectionView(a_reflection, journal_path=journal_file)


def _saved(path, exercise_id):
    return Journal.open(path).reflection(exercise_id) if path.exists() else None


def test_reflection_view_shows_the_prompt_and_starts_empty(reflection_view, a_reflection):
    header = reflection_view.children[0]
    assert escape(a_reflection.prompt) in header.value
    assert reflection_view.text.value == ""
    assert reflection_view.status.value == ""


def test_save_writes_the_journal(reflection_view, a_reflection, journal_file):
    reflection_view.text.value = "What I noticed today."
    reflection_view.save_button.click()
    assert "Saved privately" in reflection_view.status.value
    assert escape(str(journal_file)) in reflection_view.status.value
    assert _saved(journal_file, a_reflection.id) == "What I noticed today."


def test_a_new_view_shows_the_last_saved_reflection(reflection_view, a_reflection, journal_file):
    reflection_view.text.value = "first"
    reflection_view.save_button.click()
    reflection_view.text.value = "second"
    reflection_view.save_button.click()
    again = live.ReflectionView(a_reflection, journal_path=journal_file)
    assert again.text.value == "second"
    assert "last saved reflection is shown" in again.status.value
    assert [v["text"] for v in Journal.open(journal_file).history(a_reflection.id)] == ["first"]


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_an_empty_save_is_refused_with_a_message(reflection_view, journal_file, text):
    reflection_view.text.value = text
    reflection_view.save_button.click()
    assert "nothing to save" in reflection_view.status.value
    assert 'class="ac-error"' in reflection_view.status.value
    assert not journal_file.exists()


def test_an_oversize_reflection_is_refused_and_stays_in_the_box(reflection_view, journal_file):
    text = "word " * (MAX_REFLECTION_CHARS // 5) + "over"
    reflection_view.text.value = text
    reflection_view.save_button.click()
    status = reflection_view.status.value
    assert f"{len(text):,}" in status and f"{MAX_REFLECTION_CHARS:,}" in status
    assert "still in the box" in status
    assert reflection_view.text.value == text
    assert not journal_file.exists()


def test_a_journal_that_cannot_be_written_is_reported_and_the_text_kept(a_reflection, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file where a folder should be")
    view = live.ReflectionView(a_reflection, journal_path=blocker / "journal.json")
    view.text.value = "precious words"
    view.save_button.click()
    assert "Could not save" in view.status.value and "ac-error" in view.status.value
    assert view.text.value == "precious words"


def test_clear_with_unsaved_text_asks_first(reflection_view, journal_file):
    reflection_view.text.value = "not saved yet"
    reflection_view.clear_button.click()
    assert reflection_view.text.value == "not saved yet"
    assert "Press Clear again" in reflection_view.status.value
    reflection_view.clear_button.click()
    assert reflection_view.text.value == ""
    assert "The box is empty" in reflection_view.status.value
    assert not journal_file.exists()


def test_typing_after_the_warning_makes_clear_ask_again(reflection_view):
    reflection_view.text.value = "draft"
    reflection_view.clear_button.click()
    reflection_view.text.value = "draft, continued"
    reflection_view.clear_button.click()
    assert reflection_view.text.value == "draft, continued"
    assert "Press Clear again" in reflection_view.status.value


def test_clear_after_saving_empties_at_once_and_keeps_the_journal(reflection_view, a_reflection, journal_file):
    reflection_view.text.value = "kept"
    reflection_view.save_button.click()
    reflection_view.clear_button.click()
    assert reflection_view.text.value == ""
    assert "Your saved journal is unchanged" in reflection_view.status.value
    assert _saved(journal_file, a_reflection.id) == "kept"


def test_delete_asks_for_confirmation(reflection_view, a_reflection, journal_file):
    reflection_view.text.value = "to delete"
    reflection_view.save_button.click()
    reflection_view.delete_button.click()
    assert "Press Delete again" in reflection_view.status.value
    assert _saved(journal_file, a_reflection.id) == "to delete"
    reflection_view.delete_button.click()
    assert "now empty" in reflection_view.status.value
    assert _saved(journal_file, a_reflection.id) is None
    assert reflection_view.text.value == "to delete"  # the box is left alone


def test_export_writes_my_reflections_with_html_escaped(reflection_view, a_reflection, journal_file):
    typed = "<script>alert('x')</script> & <b>me</b>"
    reflection_view.text.value = typed
    reflection_view.save_button.click()
    assert "<script>" not in reflection_view.status.value
    reflection_view.export_button.click()
    target = journal_file.with_name("my-reflections.md")
    assert "exported to" in reflection_view.status.value and escape(str(target)) in reflection_view.status.value
    exported = target.read_text("utf-8")
    assert "<script>" not in exported and "<b>" not in exported
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;me&lt;/b&gt;" in exported
    assert f"## {a_reflection.title.replace('&', '&amp;')}" in exported
    # The journal itself keeps the text exactly as typed.
    assert _saved(journal_file, a_reflection.id) == typed


def test_status_messages_escape_the_journal_path(a_reflection, tmp_path):
    path = tmp_path / "a&b <i>" / "journal.json"
    view = live.ReflectionView(a_reflection, journal_path=path)
    view.text.value = "hello"
    view.save_button.click()
    assert "a&amp;b &lt;i&gt;" in view.status.value and "<i>" not in view.status.value


def test_a_damaged_journal_at_startup_shows_a_notice_and_the_box_still_works(a_reflection, journal_file):
    journal_file.parent.mkdir(parents=True)
    journal_file.write_bytes(b"\x00\x01 definitely not json")
    view = live.ReflectionView(a_reflection, journal_path=journal_file)
    assert "could not be read" in view.status.value and "unreadable-" in view.status.value
    assert view.text.value == ""
    view.text.value = "starting again"
    view.save_button.click()
    assert "Saved privately" in view.status.value
    assert _saved(journal_file, a_reflection.id) == "starting again"
    aside = list(journal_file.parent.glob("journal.json.unreadable-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"\x00\x01 definitely not json"


# -- the self-check --------------------------------------------------------------------------------
@pytest.fixture
def shown(monkeypatch):
    """Records what the view displays into its map output (no kernel captures it in tests)."""
    displayed = []
    monkeypatch.setattr("IPython.display.display", lambda *objs, **kw: displayed.extend(objs))
    return displayed


@pytest.fixture
def self_check_view(self_check, journal_file):
    return live.SelfCheckView(self_check, journal_path=journal_file)


def _answer(view, answers):
    for item_id, value in answers.items():
        view.ratings[item_id].value = value


MIXED = [6, 2, 5, 3, 2, 6, 7, 1, 4, 5, 3, 2]


def test_self_check_with_unanswered_items_names_them_and_keeps_keep_disabled(self_check_view, self_check, shown):
    ids = [i.id for i in self_check.items]
    _answer(self_check_view, {i: 4 for i in ids if i not in (ids[2], ids[9])})
    self_check_view.score_button.click()
    assert "Please answer statements 3, 10 before seeing a result." in self_check_view.status.value
    assert self_check_view.keep_button.disabled is True
    assert shown == []
    self_check_view.keep_button.click()  # disabled in the browser; even if clicked, nothing is kept
    assert Journal.open(self_check_view.journal_path).self_checks() == []


def test_self_check_result_matches_the_scorer_and_is_kept_on_request(
    self_check_view, self_check, journal_file, shown, monkeypatch
):
    drawn = []
    real_draw = attachment_map.draw

    def spy(point=None, *args, **kwargs):
        drawn.append(point)
        return real_draw(point, *args, **kwargs)

    monkeypatch.setattr(attachment_map, "draw", spy)
    answers = dict(zip([i.id for i in self_check.items], MIXED))
    _answer(self_check_view, answers)
    self_check_view.relationship.value = "friend"
    assert self_check_view.keep_button.disabled is True
    self_check_view.score_button.click()

    expected = score(self_check, "friend", answers)
    status = self_check_view.status.value
    assert f"anxiety {expected.anxiety:.2f}, avoidance {expected.avoidance:.2f}" in status
    assert "For a close friend:" in status
    assert escape(expected.region.reflection) in status
    assert self_check_view.keep_button.disabled is False

    # The map is shown as a PNG image: a bare matplotlib Figure has no image formatter in a kernel
    # once the package has selected the Agg backend, and would show as "<Figure size ...>".
    (image,) = shown
    assert isinstance(image, Image) and image.format == "png"
    assert image.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert drawn == [(expected.avoidance, expected.anxiety)]

    self_check_view.keep_button.click()
    (kept,) = Journal.open(journal_file).self_checks()
    assert {k: v for k, v in kept.items() if k != "saved_at"} == expected.as_dict()
    assert self_check_view.keep_button.disabled is True
    assert "Kept privately" in self_check_view.status.value


def test_self_check_near_the_centre_says_so(self_check_view, self_check, shown):
    _answer(self_check_view, {i.id: 4 for i in self_check.items})
    self_check_view.score_button.click()
    assert "anxiety 4.00, avoidance 4.00" in self_check_view.status.value
    assert "close to a line that divides the map" in self_check_view.status.value


def test_self_check_far_from_the_centre_does_not_say_so(self_check_view, self_check, shown):
    _answer(self_check_view, {i.id: 1 for i in self_check.items})
    self_check_view.score_button.click()
    assert "anxiety 3.00, avoidance 3.00" in self_check_view.status.value
    assert "close to a line" not in self_check_view.status.value


def test_rescoring_after_removing_an_answer_disables_keep_again(self_check_view, self_check, shown):
    _answer(self_check_view, {i.id: 5 for i in self_check.items})
    self_check_view.score_button.click()
    assert self_check_view.keep_button.disabled is False
    self_check_view.ratings[self_check.items[0].id].value = None
    self_check_view.score_button.click()
    assert self_check_view.keep_button.disabled is True
    assert "Please answer statement 1 before" in self_check_view.status.value


def test_self_check_rating_rows_follow_the_items(self_check_view, self_check):
    assert list(self_check_view.ratings) == [i.id for i in self_check.items]
    for rating in self_check_view.ratings.values():
        assert rating.value is None
        assert [value for _, value in rating.options] == list(range(1, 8))


# -- knowledge checks ------------------------------------------------------------------------------
def _question_views(exercise):
    view = live.knowledge_check_view(exercise)
    questions = [c for c in view.children if isinstance(c, live.QuestionView)]
    assert len(questions) == len(exercise.questions)
    return questions


def _choose(question_view, option_ids):
    question = question_view.question
    if question.multiple:
        for option, box in zip(question.options, question_view.boxes):
            box.value = option.id in option_ids
    else:
        (question_view.choice.value,) = option_ids


def test_knowledge_check_right_answer(a_knowledge_check):
    for qv in _question_views(a_knowledge_check):
        _choose(qv, qv.question.correct_ids)
        qv.check_button.click()
        assert "✔ Right." in qv.status.value, qv.question.id
        for option in qv.question.options:  # feedback on every option
            assert escape(option.feedback) in qv.status.value
        assert qv.status.value.count("Your choice") == len(qv.question.correct_ids)


def test_knowledge_check_wrong_answer(a_knowledge_check):
    for qv in _question_views(a_knowledge_check):
        wrong = next(o.id for o in qv.question.options if not o.correct)
        _choose(qv, [wrong])
        qv.check_button.click()
        assert "Not quite" in qv.status.value and "✔ Right." not in qv.status.value
        assert qv.status.value.count("Your choice") == 1


def test_knowledge_check_multiple_answer_needs_the_whole_set(a_knowledge_check):
    qv = next(q for q in _question_views(a_knowledge_check) if q.question.multiple)
    partial = sorted(qv.question.correct_ids)[:1]
    _choose(qv, partial)
    qv.check_button.click()
    assert "Not quite" in qv.status.value
    assert isinstance(qv.boxes[0], widgets.Checkbox)


def test_knowledge_check_without_a_choice_asks_for_one(a_knowledge_check):
    for qv in _question_views(a_knowledge_check):
        qv.check_button.click()
        assert "Choose an answer first." in qv.status.value


# -- vignettes -------------------------------------------------------------------------------------
def test_vignette_feedback_and_takeaway(a_vignette):
    for option in a_vignette.options:
        view = live.VignetteView(a_vignette)
        assert "Takeaway" not in view.status.value
        view.choice.value = option.id
        view.respond_button.click()
        assert f"{APPROACH_NAMES[option.approach]}." in view.status.value
        assert escape(option.feedback) in view.status.value
        assert escape(a_vignette.takeaway) in view.status.value


def test_vignette_without_a_choice_asks_for_one(a_vignette):
    view = live.VignetteView(a_vignette)
    view.respond_button.click()
    assert "Choose a response first." in view.status.value
    assert "Takeaway" not in view.status.value


# -- every exercise --------------------------------------------------------------------------------
def test_live_form_builds_every_exercise(all_exercises, tmp_path):
    expected = {
        "reflection": live.ReflectionView,
        "knowledge-check": widgets.VBox,
        "vignette": live.VignetteView,
        "self-check": live.SelfCheckView,
    }
    for exercise in all_exercises.values():
        view = live.live_form(exercise, journal_path=tmp_path / "journal.json")
        assert isinstance(view, expected[exercise.kind]), exercise.id
        header = view.children[0].value
        assert escape(exercise.title) in header
