"""The course's data files and their loader (``attachment_course.catalogue``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from attachment_course import catalogue
from attachment_course.catalogue import ContentError
from attachment_course.exercise_model import KnowledgeCheck, Reflection, SelfCheck, Vignette
from attachment_course.figure_build import figure_modules

CHAPTERS = [f"ch{n:02d}" for n in range(1, 11)]


# -- the shipped data ------------------------------------------------------------------------------
def test_all_shipped_data_loads():
    assert len(catalogue.exercises()) >= 20
    assert list(catalogue.chapters()) == CHAPTERS
    plans = catalogue.session_plans()
    assert plans and set(plans) <= set(CHAPTERS)
    for chapter_id, data in plans.items():
        assert data["chapter"] == chapter_id
        assert sorted(p["minutes"] for p in data["plans"]) == [15, 30, 60]


def test_loaders_are_cached():
    assert catalogue.exercises() is catalogue.exercises()
    assert catalogue.chapters() is catalogue.chapters()


@pytest.mark.parametrize("chapter_id", CHAPTERS)
def test_every_chapter_has_a_reflection_and_a_knowledge_check(all_exercises, chapter_id):
    mine = [e for e in all_exercises.values() if e.id.startswith(f"{chapter_id}-")]
    assert any(isinstance(e, Reflection) for e in mine), chapter_id
    assert any(isinstance(e, KnowledgeCheck) for e in mine), chapter_id


@pytest.mark.parametrize("chapter_id", ["ch06", "ch07", "ch08", "ch09"])
def test_applied_chapters_have_a_vignette(all_exercises, chapter_id):
    assert any(isinstance(e, Vignette) and e.id.startswith(f"{chapter_id}-") for e in all_exercises.values())


def test_there_is_exactly_one_self_check_and_it_belongs_to_chapter_3(all_exercises):
    found = [e for e in all_exercises.values() if isinstance(e, SelfCheck)]
    assert [e.id for e in found] == ["ch03-self-check"]


def test_every_exercise_id_names_its_chapter_and_is_safe_for_html_ids(all_exercises):
    for exercise_id, exercise in all_exercises.items():
        assert exercise.id == exercise_id
        assert re.fullmatch(r"ch(0[1-9]|10)-[a-z0-9]+(-[a-z0-9]+)*", exercise_id), exercise_id


def test_shipped_questions_are_consistent(all_exercises):
    for exercise in all_exercises.values():
        if isinstance(exercise, KnowledgeCheck):
            for q in exercise.questions:
                assert q.correct_ids, (exercise.id, q.id)
                assert q.multiple or len(q.correct_ids) == 1, (exercise.id, q.id)
                assert len(q.correct_ids) < len(q.options), (exercise.id, q.id)
        if isinstance(exercise, Vignette):
            assert all(o.approach for o in exercise.options), exercise.id


def test_chapter_figures_exist_as_figure_modules():
    modules = figure_modules()
    for chapter in catalogue.chapters().values():
        for name in chapter.figures:
            assert name in modules, (chapter.id, name)


def test_chapter_lookup():
    assert catalogue.chapter("ch03").number == 3
    with pytest.raises(KeyError, match="ch99"):
        catalogue.chapter("ch99")


def test_exercise_lookup():
    assert catalogue.exercise("ch03-self-check").kind == "self-check"


def test_unknown_exercise_suggests_close_matches():
    with pytest.raises(KeyError) as caught:
        catalogue.exercise("ch03-self-chek")
    message = caught.value.args[0]
    assert "'ch03-self-chek'" in message and "Did you mean: ch03-self-check" in message


def test_unknown_exercise_with_nothing_close_has_no_suggestion():
    with pytest.raises(KeyError) as caught:
        catalogue.exercise("zzzzzzzzzzzzzzzzzzzzzzzz")
    assert "Did you mean" not in caught.value.args[0]


# -- bad data against a temporary content folder ----------------------------------------------------
REFLECTION = """\
exercises:
  - id: ch01-ok
    kind: reflection
    title: Fine
    prompt: A prompt.
"""


def _question(options: str, multiple: str = "") -> str:
    return f"""\
exercises:
  - id: ch01-check
    kind: knowledge-check
    title: A check
    questions:
      - id: q1
        text: Which?
{multiple}        options:
{options}"""


def _expect_content_error(loader, *fragments):
    with pytest.raises(ContentError) as caught:
        loader()
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_temporary_content_loads_when_valid(content_tree):
    content_tree.write("exercises", "ch01.yaml", REFLECTION)
    content_tree.write("exercises", "notes.txt", "not yaml, ignored: [")
    assert list(catalogue.exercises()) == ["ch01-ok"]


def test_load_yaml_files_returns_validated_data_in_file_name_order(content_tree):
    content_tree.write("exercises", "ch02.yaml", REFLECTION.replace("ch01-ok", "ch02-ok"))
    content_tree.write("exercises", "ch01.yaml", REFLECTION)
    content_tree.write("exercises", "README.md", "# not data")
    loaded = catalogue._load_yaml_files("exercises", "exercises")
    assert [where for where, _ in loaded] == ["content/exercises/ch01.yaml", "content/exercises/ch02.yaml"]
    assert loaded[1][1]["exercises"][0]["id"] == "ch02-ok"


def test_load_yaml_files_refuses_data_that_breaks_the_schema(content_tree):
    content_tree.write("chapters", "ch01.yaml", "id: ch01\ntitle: Only a title\n")
    with pytest.raises(ContentError, match=r"^content/chapters/ch01\.yaml: "):
        catalogue._load_yaml_files("chapters", "chapter")


def test_invalid_yaml_names_the_file(content_tree):
    content_tree.write("exercises", "ch01.yaml", REFLECTION)
    content_tree.write("exercises", "ch02.yaml", "exercises:\n  - id: [unclosed\n")
    _expect_content_error(catalogue.exercises, "content/exercises/ch02.yaml", "not valid YAML")


def test_an_empty_file_is_a_content_error(content_tree):
    content_tree.write("exercises", "ch01.yaml", "")
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml")


def test_missing_required_field_names_the_file_and_field(content_tree):
    content_tree.write("exercises", "ch01.yaml", REFLECTION.replace("    prompt: A prompt.\n", ""))
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml", "prompt")


def test_unknown_field_is_refused(content_tree):
    content_tree.write("exercises", "ch01.yaml", REFLECTION + "    colour: red\n")
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml")


def test_unknown_kind_is_refused(content_tree):
    content_tree.write("exercises", "ch01.yaml", REFLECTION.replace("kind: reflection", "kind: essay"))
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml")


def test_question_with_no_correct_option(content_tree):
    options = """\
          - {id: a, text: A, feedback: Wrong, correct: false}
          - {id: b, text: B, feedback: Wrong, correct: false}
"""
    content_tree.write("exercises", "ch01.yaml", _question(options))
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml", "ch01-check/q1", "no option is marked correct")


TWO_CORRECT_OPTIONS = """\
          - {id: a, text: A, feedback: Right, correct: true}
          - {id: b, text: B, feedback: Right, correct: true}
          - {id: c, text: C, feedback: Wrong, correct: false}
"""


def test_single_answer_question_with_two_correct_answers(content_tree):
    content_tree.write("exercises", "ch01.yaml", _question(TWO_CORRECT_OPTIONS))
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml", "ch01-check/q1", "'multiple' is not true")


def test_multiple_answer_question_with_two_correct_answers_is_fine(content_tree):
    content_tree.write("exercises", "ch01.yaml", _question(TWO_CORRECT_OPTIONS, multiple="        multiple: true\n"))
    (question,) = catalogue.exercises()["ch01-check"].questions
    assert question.correct_ids == {"a", "b"}


def test_option_without_correct_flag_is_refused(content_tree):
    options = """\
          - {id: a, text: A, feedback: Right, correct: true}
          - {id: b, text: B, feedback: Wrong}
"""
    content_tree.write("exercises", "ch01.yaml", _question(options))
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml", "correct")


def test_duplicate_option_ids(content_tree):
    options = """\
          - {id: a, text: A, feedback: Right, correct: true}
          - {id: a, text: B, feedback: Wrong, correct: false}
"""
    content_tree.write("exercises", "ch01.yaml", _question(options))
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml", "'a' is used twice")


def test_duplicate_exercise_ids_across_files(content_tree):
    content_tree.write("exercises", "ch01.yaml", REFLECTION)
    content_tree.write("exercises", "ch02.yaml", REFLECTION.replace("title: Fine", "title: Again"))
    _expect_content_error(catalogue.exercises, "content/exercises/ch02.yaml", "'ch01-ok' is already defined")


def test_duplicate_exercise_ids_within_a_file(content_tree):
    content_tree.write("exercises", "ch01.yaml", REFLECTION + REFLECTION.split("\n", 1)[1])
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml", "'ch01-ok'")


def test_vignette_option_without_approach_is_refused(content_tree):
    content_tree.write(
        "exercises",
        "ch01.yaml",
        """\
        exercises:
          - id: ch01-case
            kind: vignette
            title: Case
            scenario: Someone.
            question: What now?
            takeaway: Gently.
            options:
              - {id: a, text: A, feedback: Good, approach: attachment-informed}
              - {id: b, text: B, feedback: Less}
        """,
    )
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml", "approach")


def test_exercise_ids_must_be_lowercase_slugs(content_tree):
    content_tree.write("exercises", "ch01.yaml", REFLECTION.replace("ch01-ok", "Ch01 OK"))
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml")


def _shipped_self_check_yaml() -> str:
    return (Path(catalogue.__file__).parent / "content" / "exercises" / "self-check.yaml").read_text("utf-8")


def test_self_check_with_an_unknown_dimension(content_tree):
    text = _shipped_self_check_yaml().replace("dimension: avoidance\n        reverse: false", "dimension: closeness\n        reverse: false", 1)
    content_tree.write("exercises", "self-check.yaml", text)
    _expect_content_error(catalogue.exercises, "content/exercises/self-check.yaml", "unknown dimension 'closeness'")


def test_self_check_regions_must_cover_four_corners(content_tree):
    text = _shipped_self_check_yaml().replace("anxiety: high\n        avoidance: high", "anxiety: low\n        avoidance: low", 1)
    content_tree.write("exercises", "self-check.yaml", text)
    _expect_content_error(catalogue.exercises, "content/exercises/self-check.yaml", "four regions")


def test_the_shipped_self_check_loads_from_a_temporary_folder(content_tree):
    content_tree.write("exercises", "self-check.yaml", _shipped_self_check_yaml())
    assert isinstance(catalogue.exercises()["ch03-self-check"], SelfCheck)


# -- chapters --------------------------------------------------------------------------------------
CHAPTER = """\
id: ch01
title: A chapter
objectives: [one, two, three]
key_points: [one, two, three]
further_reading:
  - {key: bowlby1969, note: The classic.}
figures: [secure_base_cycle]
discussion_questions: ["Why?"]
"""


def test_a_valid_chapter_loads(content_tree):
    content_tree.write("chapters", "ch01.yaml", CHAPTER)
    chapter = catalogue.chapters()["ch01"]
    assert chapter.title == "A chapter" and chapter.number == 1 and chapter.further_reading[0].key == "bowlby1969"


def test_chapter_id_must_match_its_file_name(content_tree):
    content_tree.write("chapters", "ch02.yaml", CHAPTER)
    _expect_content_error(catalogue.chapters, "content/chapters/ch02.yaml", "'ch01'", "'ch02'")


def test_chapter_with_too_few_objectives(content_tree):
    content_tree.write("chapters", "ch01.yaml", CHAPTER.replace("[one, two, three]", "[one]", 1))
    _expect_content_error(catalogue.chapters, "content/chapters/ch01.yaml", "objectives")


# -- session plans ---------------------------------------------------------------------------------
def _plan(minutes: int, steps: list[tuple[int, bool]], activity: int) -> str:
    lines = [
        f"  - minutes: {minutes}",
        "    objectives: [Understand.]",
        "    materials: []",
        "    steps:",
    ]
    for n, (step_minutes, pause) in enumerate(steps):
        lines += [f"      - minutes: {step_minutes}", f"        title: Step {n}", "        facilitator_notes: Notes."]
        if pause:
            lines += ["        pause: true", '        questions: ["What do you notice?"]']
    lines += [
        "    activity:",
        "      title: Talk",
        "      format: pairs",
        f"      minutes: {activity}",
        "      instructions: Talk in pairs.",
    ]
    return "\n".join(lines) + "\n"


def _sessions(fifteen=None, thirty=None, sixty=None) -> str:
    return "chapter: ch01\nplans:\n" + "".join(
        [
            fifteen or _plan(15, [(5, False), (5, True)], 5),
            thirty or _plan(30, [(10, True), (10, False)], 10),
            sixty or _plan(60, [(20, False), (20, True)], 20),
        ]
    )


def test_valid_session_plans_load(content_tree):
    content_tree.write("sessions", "ch01.yaml", _sessions())
    assert [p["minutes"] for p in catalogue.session_plans()["ch01"]["plans"]] == [15, 30, 60]


def test_session_plan_whose_minutes_do_not_add_up(content_tree):
    content_tree.write("sessions", "ch01.yaml", _sessions(thirty=_plan(30, [(10, True), (10, False)], 11)))
    _expect_content_error(catalogue.session_plans, "content/sessions/ch01.yaml", "30-minute", "31 minutes")


def test_session_plan_without_a_pause(content_tree):
    content_tree.write("sessions", "ch01.yaml", _sessions(sixty=_plan(60, [(20, False), (20, False)], 20)))
    _expect_content_error(catalogue.session_plans, "content/sessions/ch01.yaml", "60-minute", "no pause point")


def test_a_pause_without_questions_does_not_count(content_tree):
    plan = _plan(15, [(5, False), (5, False)], 5).replace(
        "title: Step 1\n", "title: Step 1\n        pause: true\n"
    )
    content_tree.write("sessions", "ch01.yaml", _sessions(fifteen=plan))
    _expect_content_error(catalogue.session_plans, "content/sessions/ch01.yaml", "15-minute", "no pause point")


def test_session_plans_need_one_of_each_length(content_tree):
    text = _sessions(thirty=_plan(15, [(5, True), (5, False)], 5))
    content_tree.write("sessions", "ch01.yaml", text)
    _expect_content_error(catalogue.session_plans, "content/sessions/ch01.yaml", "[15, 15, 60]")


def test_session_plan_with_an_unknown_format_is_refused(content_tree):
    content_tree.write("sessions", "ch01.yaml", _sessions().replace("format: pairs", "format: teams", 1))
    _expect_content_error(catalogue.session_plans, "content/sessions/ch01.yaml")


def test_yaml_yes_and_no_are_caught_when_they_become_booleans(content_tree):
    # YAML reads an unquoted "No" as false: the schema must catch it rather than show "False" as feedback.
    options = """\
          - {id: a, text: A, feedback: Yes, correct: true}
          - {id: b, text: B, feedback: Wrong, correct: false}
"""
    content_tree.write("exercises", "ch01.yaml", _question(options))
    _expect_content_error(catalogue.exercises, "content/exercises/ch01.yaml", "feedback must be string")
