"""Print forms of the exercises, as MyST Markdown that the book typesets in the PDF.

The book renders a notebook's ``text/markdown`` output as MyST, so these strings may use
directives. Raw LaTeX is used only for ruled writing space, which Markdown cannot express.
"""

from __future__ import annotations

from ..exercise_model import Exercise, KnowledgeCheck, Reflection, SelfCheck, Vignette
from ..support import PRIVACY, SUPPORT_PAGE_LABEL, SUPPORT_SHORT

#: Label of the appendix page that holds the answer keys.
ANSWER_KEYS_LABEL = "answer-keys"
#: The blank two-dimension map, rendered at build time by the figures package.
BLANK_MAP_PATH = "/book/generated/figures/attachment_map.*"
BLANK_MAP_ALT = (
    "A blank square map with attachment-related avoidance from 1 to 7 across and attachment-related "
    "anxiety from 1 to 7 up, split at 4 into four regions labelled secure, preoccupied, dismissing "
    "and fearful-avoidant, for marking a result by hand."
)


def ruled_lines(count: int) -> str:
    """Raw LaTeX for ``count`` ruled lines of writing space."""
    line = r"\noindent\rule{\linewidth}{0.4pt}\par\vspace{3ex}"
    return "```{raw} latex\n\\par\\vspace{3ex}\n" + "\n".join([line] * count) + "\n```"


#: Plain-text stand-ins for cross-references, for documents printed outside the book (handouts).
STANDALONE_TEXT = {
    SUPPORT_PAGE_LABEL: "the course's \u201cBefore you begin\u201d page",
    ANSWER_KEYS_LABEL: "the answer keys at the back of the course book and of the workbook",
}


def _see(label: str, linked: bool) -> str:
    return f"{{ref}}`{label}`" if linked else STANDALONE_TEXT[label]


def _support_note(linked: bool = True) -> str:
    return f"*{PRIVACY} {SUPPORT_SHORT} See {_see(SUPPORT_PAGE_LABEL, linked)}.*"


def _box(title: str, body: list[str], css_class: str) -> str:
    # Four-colon fences so that directives in the body (raw, figure) can use three.
    return "\n".join([f"::::{{admonition}} {title}", f":class: {css_class}", "", *body, "::::"])


def print_reflection(exercise: Reflection, linked: bool = True) -> str:
    body = [exercise.prompt, ""]
    if exercise.guidance:
        body += [f"*{exercise.guidance}*", ""]
    body += [ruled_lines(exercise.print_lines), "", _support_note(linked), ""]
    return _box(f"Reflect: {exercise.title}", body, "tip ac-print")


def _checkbox_list(options) -> list[str]:
    return [f"- ☐ **{chr(ord('a') + i)}.** {option.text}" for i, option in enumerate(options)]


def print_knowledge_check(exercise: KnowledgeCheck, linked: bool = True) -> str:
    body: list[str] = []
    for number, question in enumerate(exercise.questions, start=1):
        how = "Choose all that apply." if question.multiple else "Choose one."
        body += [f"**{number}. {question.text}** ({how})", "", *_checkbox_list(question.options), ""]
    body += [f"Answers and explanations: {_see(ANSWER_KEYS_LABEL, linked)}.", ""]
    return _box(f"Check your understanding: {exercise.title}", body, "note ac-print")


def print_vignette(exercise: Vignette, linked: bool = True) -> str:
    body = [exercise.scenario.strip(), "", f"**{exercise.question}** (Choose one.)", ""]
    body += [*_checkbox_list(exercise.options), ""]
    body += [f"Discussion of each response: {_see(ANSWER_KEYS_LABEL, linked)}.", ""]
    return _box(f"Case vignette: {exercise.title}", body, "seealso ac-print")


def print_self_check(exercise: SelfCheck, linked: bool = True) -> str:
    # Em spaces keep the numbers apart for circling (Markdown would collapse ordinary spaces).
    scale = "\u2003\u2003".join(str(n) for n in range(exercise.scale_minimum, exercise.scale_maximum + 1))
    anchors = "; ".join(f"{value} = {label}" for value, label in sorted(exercise.scale_labels.items()))
    relationships = ", ".join(r.label.lower() for r in exercise.relationships)
    body = [
        exercise.introduction,
        "",
        f"The relationship I have in mind ({relationships}): \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_",
        "",
        f"Circle one number for each statement ({anchors}).",
        "",
    ]
    for number, item in enumerate(exercise.items, start=1):
        body += [f"{number}. {item.text}  \n   {scale}"]
    body += ["", "**Scoring key.**", ""]
    span = exercise.scale_minimum + exercise.scale_maximum
    for dimension in exercise.dimensions:
        numbers = [
            f"{i}{'*' if item.reverse else ''}"
            for i, item in enumerate(exercise.items, start=1)
            if item.dimension == dimension.id
        ]
        body.append(
            f"- **{dimension.label}** ({dimension.description.rstrip('.').lower()}): statements "
            f"{', '.join(numbers)}. Add the {len(numbers)} numbers and divide by {len(numbers)}."
        )
    body += [
        f"- Statements marked * are reverse-scored: before adding, replace your answer with {span} minus it.",
        f"- Mark your two averages on the map: avoidance across, anxiety up. The lines at {exercise.midpoint:g} divide "
        "its four regions.",
        "",
        f"```{{figure}} {BLANK_MAP_PATH}",
        f":alt: {BLANK_MAP_ALT}",
        ":width: 70%",
        "",
        "The two-dimension map, for marking your result by hand.",
        "```",
        "",
        "**Before you read anything into it.**",
        "",
        *[f"- {caveat}" for caveat in exercise.caveats],
        *[f"- {pointer}" for pointer in exercise.further],
        "",
        _support_note(linked),
        "",
    ]
    return _box(exercise.title, body, "important ac-print")


def print_form(exercise: Exercise, linked: bool = True) -> str:
    """The print form of any exercise; ``linked=False`` words cross-references as plain text."""
    renderers = {
        "reflection": print_reflection,
        "knowledge-check": print_knowledge_check,
        "vignette": print_vignette,
        "self-check": print_self_check,
    }
    return renderers[exercise.kind](exercise, linked)


def answer_key(exercise: KnowledgeCheck | Vignette) -> str:
    """The answers and the reasoning behind them, for the answer-key appendix."""
    lines = [f"### {exercise.title}", ""]
    if isinstance(exercise, KnowledgeCheck):
        for number, question in enumerate(exercise.questions, start=1):
            letters = [chr(ord("a") + i) for i, o in enumerate(question.options) if o.correct]
            lines += [f"**{number}. {question.text}** Answer: {', '.join(letters)}.", ""]
            for i, option in enumerate(question.options):
                verdict = "Correct" if option.correct else "Not correct"
                lines.append(f"- **{chr(ord('a') + i)}.** {verdict}. {option.feedback}")
            lines.append("")
    else:
        names = {"attachment-informed": "Attachment-informed", "partly": "Partly helpful", "other": "Less helpful"}
        for i, option in enumerate(exercise.options):
            lines.append(f"- **{chr(ord('a') + i)}.** {names[option.approach]}. {option.feedback}")
        lines += ["", f"*Takeaway:* {exercise.takeaway}", ""]
    return "\n".join(lines)
