"""Static web views of the exercises: self-contained HTML that ``web/exercises.js`` brings to life.

The HTML works with no kernel and no network. Every id derives from the exercise id (never
random), so outputs are stable and tests can find elements. All course text is escaped here;
the script escapes what readers type.
"""

from __future__ import annotations

import json
from html import escape

from ..exercise_model import Exercise, KnowledgeCheck, Reflection, SelfCheck, Vignette
from ..journal import MAX_REFLECTION_CHARS
from ..self_check import NEAR_CENTRE_MARGIN
from ..support import PRIVACY, SUPPORT_HREF_PLACEHOLDER, SUPPORT_LINK_TEXT, SUPPORT_SHORT
from ..figures import attachment_map

KIND_NAMES = {
    "reflection": "Reflective prompt",
    "knowledge-check": "Knowledge check",
    "vignette": "Case vignette",
    "self-check": "Self-check",
}


def _support_footer() -> str:
    return (
        '<p class="ac-privacy">'
        f"<span class=\"ac-privacy-icon\" aria-hidden=\"true\">&#128274;</span> {escape(PRIVACY)} "
        f"{escape(SUPPORT_SHORT)} "
        f'<a href="{SUPPORT_HREF_PLACEHOLDER}">{escape(SUPPORT_LINK_TEXT)}</a>.</p>'
    )


def _frame(exercise: Exercise, inner: str, data: dict | None = None) -> str:
    base = f"ac-{exercise.id}"
    payload = ""
    if data is not None:
        # Inert JSON for the script. Every "<" (only ever inside JSON strings) becomes \u003c, so the
        # text can neither close the script element ("</") nor make the real </script> fail to close
        # it ("<!--" then "<script" puts browsers in the "double escaped" state).
        text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
        payload = f'<script type="application/json" class="ac-data">{text}</script>'
    return (
        f'<section class="ac-exercise ac-{exercise.kind}" id="{base}" data-exercise-id="{escape(exercise.id)}" '
        f'data-kind="{exercise.kind}" aria-labelledby="{base}-title">'
        f'<p class="ac-kind">{KIND_NAMES[exercise.kind]}</p>'
        f'<p class="ac-title" id="{base}-title">{escape(exercise.title)}</p>'
        f"{inner}"
        '<noscript><p class="ac-noscript">This exercise needs JavaScript in your browser. '
        "The PDF and the Jupyter notebooks have the same exercise.</p></noscript>"
        f"{payload}</section>"
    )


def web_reflection(exercise: Reflection) -> str:
    base = f"ac-{exercise.id}"
    guidance = f'<p class="ac-guidance">{escape(exercise.guidance)}</p>' if exercise.guidance else ""
    inner = (
        f'<p class="ac-prompt">{escape(exercise.prompt)}</p>{guidance}'
        f'<label class="ac-label" for="{base}-text">Your reflection (saved automatically in this browser only)</label>'
        f'<textarea id="{base}-text" class="ac-text" rows="7" data-max-chars="{MAX_REFLECTION_CHARS}" '
        f'aria-describedby="{base}-status"></textarea>'
        '<div class="ac-actions">'
        '<button type="button" class="ac-button" data-action="download">Download my reflections</button>'
        '<button type="button" class="ac-button ac-secondary" data-action="delete">Delete my reflections</button>'
        "</div>"
        f'<p class="ac-status" id="{base}-status" role="status" aria-live="polite"></p>'
        f"{_support_footer()}"
    )
    return _frame(exercise, inner, {"title": exercise.title, "maxChars": MAX_REFLECTION_CHARS})


def _choices(base: str, name: str, options, multiple: bool) -> str:
    kind = "checkbox" if multiple else "radio"
    rows = []
    for index, option in enumerate(options):
        option_id = f"{base}-{option.id}"
        rows.append(
            f'<li class="ac-option" data-option-id="{escape(option.id)}">'
            f'<input type="{kind}" id="{option_id}" name="{name}" value="{escape(option.id)}">'
            f'<label for="{option_id}"><span class="ac-letter">{chr(ord("a") + index)}.</span> {escape(option.text)}</label>'
            f'<p class="ac-feedback" hidden></p></li>'
        )
    return f'<ul class="ac-options">{"".join(rows)}</ul>'


def web_knowledge_check(exercise: KnowledgeCheck) -> str:
    base = f"ac-{exercise.id}"
    parts = []
    for number, question in enumerate(exercise.questions, start=1):
        qbase = f"{base}-{question.id}"
        how = "Choose all that apply." if question.multiple else "Choose one."
        parts.append(
            f'<fieldset class="ac-question" data-question-id="{escape(question.id)}">'
            f'<legend><span class="ac-number">{number}.</span> {escape(question.text)} <span class="ac-how">{how}</span></legend>'
            f"{_choices(qbase, qbase, question.options, question.multiple)}"
            '<button type="button" class="ac-button" data-action="check">Check my answer</button>'
            f'<p class="ac-status" role="status" aria-live="polite"></p>'
            "</fieldset>"
        )
    data = {
        "questions": [
            {
                "id": q.id,
                "multiple": q.multiple,
                "options": [{"id": o.id, "correct": o.correct, "feedback": o.feedback} for o in q.options],
            }
            for q in exercise.questions
        ]
    }
    return _frame(exercise, "".join(parts), data)


APPROACH_NAMES = {"attachment-informed": "Attachment-informed", "partly": "Partly helpful", "other": "Less helpful"}


def web_vignette(exercise: Vignette) -> str:
    base = f"ac-{exercise.id}"
    scenario = "".join(f"<p>{escape(p.strip())}</p>" for p in exercise.scenario.strip().split("\n\n"))
    inner = (
        f'<div class="ac-scenario">{scenario}</div>'
        f'<fieldset class="ac-question" data-question-id="response"><legend>{escape(exercise.question)} '
        '<span class="ac-how">Choose one.</span></legend>'
        f"{_choices(base, base + '-response', exercise.options, multiple=False)}"
        '<button type="button" class="ac-button" data-action="respond">See feedback</button>'
        f'<p class="ac-status" role="status" aria-live="polite"></p></fieldset>'
        f'<p class="ac-takeaway" hidden><strong>Takeaway:</strong> {escape(exercise.takeaway)}</p>'
    )
    data = {
        "options": [
            {"id": o.id, "approach": APPROACH_NAMES[o.approach], "informed": o.approach == "attachment-informed",
             "feedback": o.feedback}
            for o in exercise.options
        ]
    }
    return _frame(exercise, inner, data)


def web_self_check(exercise: SelfCheck) -> str:
    base = f"ac-{exercise.id}"
    low, high = exercise.scale_minimum, exercise.scale_maximum
    relationships = "".join(
        f'<li><input type="radio" id="{base}-rel-{r.id}" name="{base}-relationship" value="{r.id}"'
        f'{" checked" if i == 0 else ""}><label for="{base}-rel-{r.id}">{escape(r.label)}</label></li>'
        for i, r in enumerate(exercise.relationships)
    )
    items = []
    for number, item in enumerate(exercise.items, start=1):
        name = f"{base}-{item.id}"
        points = "".join(
            f'<span class="ac-point"><input type="radio" id="{name}-{v}" name="{name}" value="{v}">'
            f'<label for="{name}-{v}">{v}<span class="ac-visually-hidden">'
            f'{escape(" — " + exercise.scale_labels[v]) if v in exercise.scale_labels else ""}</span></label></span>'
            for v in range(low, high + 1)
        )
        items.append(
            f'<li><fieldset class="ac-item" data-item-id="{item.id}"><legend><span class="ac-number">{number}.</span> '
            f'{escape(item.text)}</legend><div class="ac-scale">'
            f'<span class="ac-anchor" aria-hidden="true">{escape(exercise.scale_labels.get(low, ""))}</span>{points}'
            f'<span class="ac-anchor" aria-hidden="true">{escape(exercise.scale_labels.get(high, ""))}</span>'
            "</div></fieldset></li>"
        )
    caveats = "".join(f"<li>{escape(c)}</li>" for c in exercise.caveats + exercise.further)
    box = attachment_map.plot_box()
    inner = (
        f'<p class="ac-intro">{escape(exercise.introduction)}</p>'
        f'<fieldset class="ac-relationship"><legend>Which relationship do you have in mind?</legend>'
        f'<ul class="ac-options">{relationships}</ul></fieldset>'
        f'<ol class="ac-items">{"".join(items)}</ol>'
        '<div class="ac-actions">'
        '<button type="button" class="ac-button" data-action="score">Show where my answers fall</button>'
        '<button type="button" class="ac-button ac-secondary" data-action="keep" disabled>Keep this result on this device</button>'
        "</div>"
        f'<div class="ac-status" id="{base}-status" role="status" aria-live="polite"></div>'
        f'<figure class="ac-map" id="{base}-map"><div class="ac-map-frame">{attachment_map.blank_svg()}'
        '<span class="ac-marker" hidden aria-hidden="true"></span></div>'
        f'<figcaption>{escape(attachment_map.ALT_TEXT)}</figcaption></figure>'
        f'<div class="ac-history" hidden></div>'
        f'<details class="ac-caveats" open><summary>Before you read anything into it</summary><ul>{caveats}</ul></details>'
        f"{_support_footer()}"
    )
    data = {
        "scale": {"min": low, "max": high},
        "items": [{"id": i.id, "dimension": i.dimension, "reverse": i.reverse} for i in exercise.items],
        "regions": [
            {"id": r.id, "label": r.label, "anxiety": r.anxiety, "avoidance": r.avoidance, "reflection": r.reflection}
            for r in exercise.regions
        ],
        "relationships": {r.id: r.label for r in exercise.relationships},
        "nearCentreMargin": NEAR_CENTRE_MARGIN,
        "plotBox": box,
    }
    return _frame(exercise, inner, data)


def web_form(exercise: Exercise) -> str:
    """The static web view of any exercise."""
    renderers = {
        "reflection": web_reflection,
        "knowledge-check": web_knowledge_check,
        "vignette": web_vignette,
        "self-check": web_self_check,
    }
    return renderers[exercise.kind](exercise)
