"""The static web view, the print view and the display object that bundles all three media."""

from __future__ import annotations

import dataclasses
import json
import re
from html import escape
from html.parser import HTMLParser

import pytest

import attachment_course
from attachment_course import display as display_module
from attachment_course.display import ExerciseDisplay, show_exercise, show_exercises
from attachment_course.exercise_model import Choice, KnowledgeCheck, Reflection, Vignette
from attachment_course.support import SUPPORT_HREF_PLACEHOLDER, SUPPORT_PAGE_LABEL
from attachment_course.views.printed import ANSWER_KEYS_LABEL, answer_key, print_form
from attachment_course.views.web import KIND_NAMES, web_form

ID_ATTRIBUTES = ("id", "for", "name", "aria-labelledby", "aria-describedby")
PAYLOAD = re.compile(r'<script type="application/json" class="ac-data">(.*?)</script>', re.S)
HOSTILE = "</script><script>alert(1)</script> & <b>bold</b> \"quoted\" 'single' <!-- comment"


class _Collector(HTMLParser):
    """Collects start tags with their attributes, and checks that tags balance."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "path", "use", "rect", "circle", "ellipse", "line",
            "polyline", "polygon", "stop"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "svg":
            self.in_svg += 1
        if tag not in self.VOID and not self.in_svg:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg -= 1
            return
        if self.in_svg or tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    assert collector.stack == [], f"unclosed: {collector.stack}"
    return collector


def _payload(html: str):
    (text,) = PAYLOAD.findall(html)
    return json.loads(text)


# -- web form --------------------------------------------------------------------------------------
def test_web_form_is_deterministic_for_every_exercise(all_exercises):
    for exercise in all_exercises.values():
        assert web_form(exercise) == web_form(exercise), exercise.id


def test_web_form_ids_derive_from_the_exercise_id_and_are_unique(all_exercises):
    seen: dict[str, str] = {}
    for exercise in all_exercises.values():
        html = web_form(exercise)
        parsed = _parse(html)
        prefix = f"ac-{exercise.id}"
        section = parsed.tags[0]
        assert section == ("section", section[1]) and section[1]["id"] == prefix
        assert section[1]["data-exercise-id"] == exercise.id and section[1]["data-kind"] == exercise.kind
        in_map = False
        for tag, attrs in parsed.tags:
            if tag == "svg":
                in_map = True  # matplotlib's own ids inside the inline map are salted, not random
            for name in ID_ATTRIBUTES:
                value = attrs.get(name)
                if value is None or in_map:
                    continue
                for token in value.split():
                    assert token == prefix or token.startswith(prefix + "-"), (exercise.id, name, token)
            if tag != "svg" and "id" in attrs and not in_map:
                assert attrs["id"] not in seen, f"{attrs['id']} used by {seen.get(attrs['id'])} and {exercise.id}"
                seen[attrs["id"]] = exercise.id
        # every label points at a control that exists, every aria reference resolves
        ids = {a["id"] for _, a in parsed.tags if "id" in a}
        for tag, attrs in parsed.tags:
            for name in ("for", "aria-labelledby", "aria-describedby"):
                if attrs.get(name) and not in_map:
                    assert attrs[name] in ids, (exercise.id, name, attrs[name])


def test_no_random_looking_ids(all_exercises):
    for exercise in all_exercises.values():
        html = web_form(exercise).split("<svg", 1)[0]
        assert not re.search(r'id="[^"]*[0-9a-f]{8,}[^"]*"', html), exercise.id


@pytest.mark.parametrize("kind", list(KIND_NAMES))
def test_course_text_is_escaped(all_exercises, kind):
    exercise = next(e for e in all_exercises.values() if e.kind == kind)
    changes = {"title": HOSTILE}
    if isinstance(exercise, Reflection):
        changes |= {"prompt": HOSTILE, "guidance": HOSTILE}
    if isinstance(exercise, Vignette):
        changes |= {"scenario": HOSTILE, "question": HOSTILE, "takeaway": HOSTILE}
        changes["options"] = tuple(
            dataclasses.replace(o, text=HOSTILE, feedback=HOSTILE) for o in exercise.options
        )
    if isinstance(exercise, KnowledgeCheck):
        changes["questions"] = tuple(
            dataclasses.replace(
                q, text=HOSTILE, options=tuple(dataclasses.replace(o, text=HOSTILE, feedback=HOSTILE) for o in q.options)
            )
            for q in exercise.questions
        )
    hostile = dataclasses.replace(exercise, **changes)
    html = web_form(hostile)
    outside_payload = PAYLOAD.sub("", html)
    assert "<script>" not in outside_payload and "<b>" not in outside_payload
    assert "&lt;script&gt;" in outside_payload and "&amp;" in outside_payload
    # The payload cannot close its script element: exactly one closing tag in the whole form.
    assert html.count("</script>") == 1
    payload = PAYLOAD.search(html).group(1)
    assert "</" not in payload
    # "<!--" followed later by "<script" would switch a browser's tokenizer into the "double escaped"
    # state, where the real </script> no longer ends the element and the rest of the page is swallowed.
    assert "<!--" not in payload and "<script" not in payload.lower()
    assert f'id="ac-{exercise.id}-title">{escape(HOSTILE)}</p>' in html
    assert [t for t, _ in _parse(html).tags].count("script") == 1


def test_payload_round_trips_hostile_text(a_reflection, a_knowledge_check):
    hostile = dataclasses.replace(a_reflection, title=HOSTILE)
    assert _payload(web_form(hostile))["title"] == HOSTILE
    question = a_knowledge_check.questions[0]
    options = tuple(dataclasses.replace(o, feedback=HOSTILE + o.id) for o in question.options)
    check = dataclasses.replace(a_knowledge_check, questions=(dataclasses.replace(question, options=options),))
    stored = _payload(web_form(check))["questions"][0]["options"]
    assert [o["feedback"] for o in stored] == [HOSTILE + o.id for o in question.options]


def test_knowledge_check_payload_carries_the_answers(a_knowledge_check):
    data = _payload(web_form(a_knowledge_check))
    assert [q["id"] for q in data["questions"]] == [q.id for q in a_knowledge_check.questions]
    for stored, question in zip(data["questions"], a_knowledge_check.questions):
        assert stored["multiple"] is question.multiple
        assert {o["id"] for o in stored["options"] if o["correct"]} == question.correct_ids


def test_self_check_payload_matches_the_exercise(self_check):
    from attachment_course.figures import attachment_map
    from attachment_course.self_check import NEAR_CENTRE_MARGIN

    html = web_form(self_check)
    data = _payload(html)
    assert data["scale"] == {"min": self_check.scale_minimum, "max": self_check.scale_maximum}
    assert [(i["id"], i["dimension"], i["reverse"]) for i in data["items"]] == [
        (i.id, i.dimension, i.reverse) for i in self_check.items
    ]
    assert data["nearCentreMargin"] == NEAR_CENTRE_MARGIN
    assert data["plotBox"] == attachment_map.plot_box()
    assert {r["id"] for r in data["regions"]} == {"secure", "preoccupied", "dismissing", "fearful"}
    parsed = _parse(html)
    radios = [a for t, a in parsed.tags if t == "input" and a.get("name", "").endswith(tuple(i.id for i in self_check.items))]
    assert len(radios) == len(self_check.items) * 7
    checked = [a for t, a in parsed.tags if t == "input" and "checked" in a]
    assert [a["value"] for a in checked] == [self_check.relationships[0].id]


def test_web_forms_link_to_the_support_page(all_exercises):
    for exercise in all_exercises.values():
        if exercise.kind in ("reflection", "self-check"):
            assert f'href="{SUPPORT_HREF_PLACEHOLDER}"' in web_form(exercise), exercise.id


# -- print form ------------------------------------------------------------------------------------
def test_print_form_is_deterministic_myst_admonition(all_exercises):
    for exercise in all_exercises.values():
        text = print_form(exercise)
        assert text == print_form(exercise)
        lines = text.splitlines()
        assert lines[0].startswith("::::{admonition} ") and lines[1].startswith(":class: ") and "ac-print" in lines[1]
        assert lines[-1] == "::::"
        # Inner directives must use shorter fences than the admonition, or they would close it.
        assert [n for n, line in enumerate(lines) if line.startswith("::::")] == [0, len(lines) - 1], exercise.id


def test_reflection_print_form_has_ruled_lines(all_exercises):
    reflections = [e for e in all_exercises.values() if isinstance(e, Reflection)]
    for exercise in reflections:
        text = print_form(exercise)
        assert "```{raw} latex" in text
        assert text.count(r"\rule{\linewidth}") == exercise.print_lines
        assert exercise.prompt in text
        assert f"{{ref}}`{SUPPORT_PAGE_LABEL}`" in text


def test_print_lines_follow_the_exercise(a_reflection):
    assert print_form(dataclasses.replace(a_reflection, print_lines=3)).count(r"\rule") == 3
    assert print_form(dataclasses.replace(a_reflection, print_lines=12)).count(r"\rule") == 12


def test_knowledge_check_and_vignette_print_forms_point_to_the_answer_keys(all_exercises):
    for exercise in all_exercises.values():
        text = print_form(exercise)
        if exercise.kind in ("knowledge-check", "vignette"):
            assert f"{{ref}}`{ANSWER_KEYS_LABEL}`" in text, exercise.id
            assert "☐" in text
            options = exercise.options if isinstance(exercise, Vignette) else exercise.questions[0].options
            assert options[0].text in text
            # The answers themselves are not printed beside the questions.
            assert "Correct" not in text and options[0].feedback not in text
        else:
            assert ANSWER_KEYS_LABEL not in text


def test_answer_key_gives_letters_and_reasons(a_knowledge_check, a_vignette):
    key = answer_key(a_knowledge_check)
    for number, question in enumerate(a_knowledge_check.questions, start=1):
        letters = ", ".join(chr(ord("a") + i) for i, o in enumerate(question.options) if o.correct)
        assert f"**{number}. {question.text}** Answer: {letters}." in key
    vignette_key = answer_key(a_vignette)
    assert a_vignette.takeaway in vignette_key
    assert all(o.feedback in vignette_key for o in a_vignette.options)


def test_self_check_print_form_has_the_scoring_key_and_the_blank_map(self_check):
    text = print_form(self_check)
    for number, item in enumerate(self_check.items, start=1):
        assert f"{number}. {item.text}" in text
    reversed_numbers = [f"{n}*" for n, item in enumerate(self_check.items, start=1) if item.reverse]
    assert all(n in text for n in reversed_numbers)
    assert "replace your answer with 8 minus it" in text
    assert "```{figure} /book/generated/figures/attachment_map.*" in text
    assert all(caveat in text for caveat in self_check.caveats)


# -- display object --------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", list(KIND_NAMES))
def test_mimebundle_has_all_four_media(all_exercises, kind):
    exercise = next(e for e in all_exercises.values() if e.kind == kind)
    shown = show_exercise(exercise.id)
    assert isinstance(shown, ExerciseDisplay)
    bundle = shown._repr_mimebundle_()
    assert {
        "application/vnd.jupyter.widget-view+json",
        "text/html",
        "text/markdown",
        "text/plain",
    } <= set(bundle)
    assert bundle["text/html"] == web_form(exercise)
    assert bundle["text/markdown"] == print_form(exercise)
    assert bundle["text/plain"] == f"{KIND_NAMES[kind]}: {exercise.title}" == repr(shown)
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == shown.widget.model_id


def test_show_exercise_unknown_id():
    with pytest.raises(KeyError, match="nope"):
        show_exercise("nope")


def test_show_exercises_unknown_kind():
    with pytest.raises(ValueError) as caught:
        show_exercises("bad")
    assert "'bad'" in str(caught.value) and all(kind in str(caught.value) for kind in KIND_NAMES)


@pytest.mark.parametrize("kind", list(KIND_NAMES))
def test_show_exercises_displays_every_exercise_of_a_kind_in_order(all_exercises, monkeypatch, kind):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    show_exercises(kind)
    assert all(isinstance(s, ExerciseDisplay) for s in shown)
    assert [s.exercise.id for s in shown] == [e.id for e in all_exercises.values() if e.kind == kind]
    assert shown


def test_package_exports_the_display_functions():
    assert attachment_course.show_exercise is show_exercise
    assert attachment_course.show_exercises is show_exercises
    assert display_module.ExerciseDisplay is ExerciseDisplay


def test_choice_default_is_not_correct():
    assert Choice(id="a", text="t", feedback="f").correct is False
