"""Live views of the exercises for Jupyter, built from ipywidgets.

Each builder returns the top widget; its callbacks call the pure logic (marking, scoring,
journal) and show the outcome in a status area. Tests drive them as ipywidgets tests itself:
set ``.value``, call ``.click()``, read the status widgets.
"""

from __future__ import annotations

import io
from html import escape

import ipywidgets as widgets
import matplotlib

from .. import journal as journal_store
from ..exercise_model import Exercise, KnowledgeCheck, Reflection, SelfCheck, Vignette
from ..figures import attachment_map
from ..marking import choose_response, mark_question
from ..self_check import IncompleteAnswers, score
from ..support import PRIVACY, SUPPORT_SHORT
from .web import APPROACH_NAMES, KIND_NAMES


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.strip().split("\n\n"))


#: Lets long answer options wrap: ipywidgets gives each radio option a fixed-height row, so a long
#: option would otherwise spill over the ones below it and hide their buttons.
CHOICE_STYLE = (
    "<style>.ac-choices .widget-radio-box label, .ac-choices.widget-checkbox label "
    "{height: auto; min-height: var(--jp-widgets-inline-height); line-height: 1.4; white-space: normal; "
    "align-items: flex-start; margin-bottom: 0.35em;} "
    ".ac-choices .widget-radio-box input, .ac-choices.widget-checkbox input {margin-top: 0.3em; flex: none;}</style>"
)


def _header(exercise: Exercise, body_html: str = "") -> widgets.HTML:
    return widgets.HTML(
        f'{CHOICE_STYLE}<p class="ac-kind">{KIND_NAMES[exercise.kind]}</p>'
        f'<h4 class="ac-title">{escape(exercise.title)}</h4>{body_html}'
    )


def _footer() -> widgets.HTML:
    return widgets.HTML(
        f"<p><small>&#128274; {escape(PRIVACY)} {escape(SUPPORT_SHORT)} "
        "The course's “Before you begin” page lists every support line.</small></p>"
    )


def _status() -> widgets.HTML:
    return widgets.HTML(value="", layout=widgets.Layout(min_height="1.5em"))


def _say(status: widgets.HTML, message: str, tone: str = "info") -> None:
    marks = {"ok": "✔ ", "error": "⚠ ", "info": ""}
    status.value = f'<p role="status" class="ac-{tone}"><strong>{marks[tone]}</strong>{escape(message)}</p>'


class ReflectionView(widgets.VBox):
    """A prompt, a text box, and Save / Clear / Export / Delete backed by the private journal."""

    def __init__(self, exercise: Reflection, journal_path=None):
        self.exercise = exercise
        self.journal_path = journal_path
        self.status = _status()
        guidance = f"<p><em>{escape(exercise.guidance)}</em></p>" if exercise.guidance else ""
        self.text = widgets.Textarea(
            placeholder="Write as much or as little as you like.",
            description="Your reflection",
            layout=widgets.Layout(width="100%", height="10em"),
            style={"description_width": "initial"},
        )
        self.save_button = widgets.Button(description="Save", button_style="primary", tooltip="Save to your private journal")
        self.clear_button = widgets.Button(description="Clear", tooltip="Empty the box (asks first if not saved)")
        self.export_button = widgets.Button(description="Export my journal", tooltip="Write all reflections to a Markdown file")
        self.delete_button = widgets.Button(description="Delete my journal", button_style="danger",
                                            tooltip="Delete every saved reflection (asks first)")
        self._confirm_clear = False
        self._confirm_delete = False
        self.save_button.on_click(lambda _: self.save())
        self.clear_button.on_click(lambda _: self.clear())
        self.export_button.on_click(lambda _: self.export())
        self.delete_button.on_click(lambda _: self.delete_all())
        self.text.observe(lambda _: self._reset_confirmations(), names="value")
        super().__init__(
            [
                _header(exercise, f"<p>{escape(exercise.prompt)}</p>{guidance}"),
                self.text,
                widgets.HBox([self.save_button, self.clear_button, self.export_button, self.delete_button]),
                self.status,
                _footer(),
            ]
        )
        self._load()

    def _journal(self) -> journal_store.Journal:
        journal = journal_store.Journal.open(self.journal_path)
        if journal.notices:
            _say(self.status, " ".join(journal.notices), "info")
        return journal

    def _load(self) -> None:
        try:
            saved = self._journal().reflection(self.exercise.id)
        except journal_store.JournalError as error:
            _say(self.status, str(error), "error")
            return
        if saved is not None:
            self.text.value = saved
            if not self.status.value:
                _say(self.status, "Your last saved reflection is shown. Edit and save again to keep a new version.")

    def _reset_confirmations(self) -> None:
        self._confirm_clear = False
        self._confirm_delete = False

    def _is_saved(self) -> bool:
        try:
            return self._journal().reflection(self.exercise.id) == self.text.value
        except journal_store.JournalError:
            return False

    def save(self) -> None:
        try:
            journal = self._journal()
            version = journal.save_reflection(self.exercise.id, self.text.value)
        except (ValueError, journal_store.JournalError) as error:
            _say(self.status, str(error), "error")
            return
        _say(self.status, f"Saved privately at {version['saved_at']} to {journal.path}.", "ok")

    def clear(self) -> None:
        if self.text.value.strip() and not self._is_saved() and not self._confirm_clear:
            self._confirm_clear = True
            _say(self.status, "This text is not saved yet. Press Clear again to discard it, or Save first.", "error")
            return
        self.text.value = ""
        self._confirm_clear = False
        _say(self.status, "The box is empty. Your saved journal is unchanged.")

    def export(self) -> None:
        from ..catalogue import exercises

        try:
            journal = self._journal()
            target = journal.path.with_name("my-reflections.md")
            titles = {key: value.title for key, value in exercises().items()}
            journal_store.write_atomically(target, journal.export_markdown(titles))
        except journal_store.JournalError as error:
            _say(self.status, str(error), "error")
            return
        _say(self.status, f"Your journal was exported to {target}.", "ok")

    def delete_all(self) -> None:
        if not self._confirm_delete:
            self._confirm_delete = True
            _say(self.status, "This deletes every saved reflection and result. Press Delete again to confirm.", "error")
            return
        self._confirm_delete = False
        try:
            self._journal().delete_all()
        except journal_store.JournalError as error:
            _say(self.status, str(error), "error")
            return
        _say(self.status, "Your journal is now empty. The text in this box is untouched.", "ok")


def _option_feedback(option, chosen: bool, correct: bool | None) -> str:
    if correct is None:
        verdict = ""
    else:
        verdict = "✔ Correct answer. " if correct else "✘ Not a correct answer. "
    mark = "Your choice — " if chosen else ""
    return f"<li><strong>{mark}{verdict}</strong>{escape(option.text)}: {escape(option.feedback)}</li>"


class QuestionView(widgets.VBox):
    """One knowledge-check question with a Check button and feedback on every option."""

    def __init__(self, number: int, question):
        self.question = question
        labels = [(f"{chr(ord('a') + i)}. {o.text}", o.id) for i, o in enumerate(question.options)]
        if question.multiple:
            self.boxes = [widgets.Checkbox(description=label, value=False, indent=False,
                                           layout=widgets.Layout(width="100%")) for label, _ in labels]
            for box in self.boxes:
                box.add_class("ac-choices")
            chooser = widgets.VBox(self.boxes)
        else:
            self.choice = widgets.RadioButtons(options=labels, value=None, layout=widgets.Layout(width="100%"))
            self.choice.add_class("ac-choices")
            chooser = self.choice
        self.check_button = widgets.Button(description="Check my answer")
        self.check_button.on_click(lambda _: self.check())
        self.status = _status()
        how = "Choose all that apply." if question.multiple else "Choose one."
        super().__init__([widgets.HTML(f"<p><strong>{number}. {escape(question.text)}</strong> <em>{how}</em></p>"),
                          chooser, self.check_button, self.status])

    def chosen(self) -> list[str]:
        if self.question.multiple:
            return [o.id for o, box in zip(self.question.options, self.boxes) if box.value]
        return [] if self.choice.value is None else [self.choice.value]

    def check(self) -> None:
        try:
            result = mark_question(self.question, self.chosen())
        except ValueError:
            _say(self.status, "Choose an answer first.", "error")
            return
        headline = "✔ Right." if result.correct else "✘ Not quite: read why below, then try again if you like."
        items = "".join(_option_feedback(o, chosen, o.correct) for o, chosen in result.feedback)
        self.status.value = f'<div role="status"><p><strong>{headline}</strong></p><ul>{items}</ul></div>'


def knowledge_check_view(exercise: KnowledgeCheck) -> widgets.VBox:
    questions = [QuestionView(n, q) for n, q in enumerate(exercise.questions, start=1)]
    return widgets.VBox([_header(exercise), *questions])


class VignetteView(widgets.VBox):
    def __init__(self, exercise: Vignette):
        self.exercise = exercise
        self.choice = widgets.RadioButtons(
            options=[(f"{chr(ord('a') + i)}. {o.text}", o.id) for i, o in enumerate(exercise.options)],
            value=None, layout=widgets.Layout(width="100%"),
        )
        self.choice.add_class("ac-choices")
        self.respond_button = widgets.Button(description="See feedback")
        self.respond_button.on_click(lambda _: self.respond())
        self.status = _status()
        super().__init__([
            _header(exercise, _paragraphs(exercise.scenario)),
            widgets.HTML(f"<p><strong>{escape(exercise.question)}</strong> <em>Choose one.</em></p>"),
            self.choice, self.respond_button, self.status,
        ])

    def respond(self) -> None:
        if self.choice.value is None:
            _say(self.status, "Choose a response first.", "error")
            return
        option = choose_response(self.exercise, self.choice.value)
        self.status.value = (
            f'<div role="status"><p><strong>{APPROACH_NAMES[option.approach]}.</strong> {escape(option.feedback)}</p>'
            f"<p><strong>Takeaway:</strong> {escape(self.exercise.takeaway)}</p></div>"
        )


class SelfCheckView(widgets.VBox):
    """The self-check: relationship, twelve ratings, then the map, the numbers and the caveats."""

    def __init__(self, exercise: SelfCheck, journal_path=None):
        self.exercise = exercise
        self.journal_path = journal_path
        self.last_result = None
        self.relationship = widgets.RadioButtons(
            options=[(r.label, r.id) for r in exercise.relationships], value=exercise.relationships[0].id,
            description="Relationship", style={"description_width": "initial"},
        )
        values = list(range(exercise.scale_minimum, exercise.scale_maximum + 1))
        self.ratings: dict[str, widgets.ToggleButtons] = {}
        rows = []
        for number, item in enumerate(exercise.items, start=1):
            rating = widgets.ToggleButtons(options=[(str(v), v) for v in values], value=None,
                                           tooltips=[exercise.scale_labels.get(v, str(v)) for v in values],
                                           style={"button_width": "2.6em"})
            self.ratings[item.id] = rating
            rows.append(widgets.VBox([widgets.HTML(f"<p>{number}. {escape(item.text)}</p>"), rating]))
        anchors = ", ".join(f"{v} = {label}" for v, label in sorted(exercise.scale_labels.items()))
        self.score_button = widgets.Button(description="Show where my answers fall", button_style="primary",
                                           layout=widgets.Layout(width="auto"))
        self.keep_button = widgets.Button(description="Keep this result on this device", disabled=True,
                                          layout=widgets.Layout(width="auto"))
        self.score_button.on_click(lambda _: self.show_result())
        self.keep_button.on_click(lambda _: self.keep())
        self.status = _status()
        self.map_output = widgets.Output()
        caveats = "".join(f"<li>{escape(c)}</li>" for c in exercise.caveats + exercise.further)
        super().__init__([
            _header(exercise, f"<p>{escape(exercise.introduction)}</p>"),
            self.relationship,
            widgets.HTML(f"<p><em>Rate each statement: {escape(anchors)}.</em></p>"),
            *rows,
            widgets.HBox([self.score_button, self.keep_button]),
            self.status, self.map_output,
            widgets.HTML(f"<details open><summary>Before you read anything into it</summary><ul>{caveats}</ul></details>"),
            _footer(),
        ])

    def answers(self) -> dict[str, int | None]:
        return {item_id: rating.value for item_id, rating in self.ratings.items()}

    def show_result(self) -> None:
        self.keep_button.disabled = True
        try:
            result = score(self.exercise, self.relationship.value, self.answers())
        except IncompleteAnswers as error:
            _say(self.status, str(error), "error")
            return
        self.last_result = result
        centre = (" Your point is close to a line that divides the map, so small changes in your answers could move "
                  "it to a neighbouring region.") if result.near_centre else ""
        relationship = dict((r.id, r.label.lower()) for r in self.exercise.relationships)[result.relationship]
        self.status.value = (
            f'<div role="status"><p><strong>For {escape(relationship)}: anxiety {result.anxiety:.2f}, '
            f"avoidance {result.avoidance:.2f}</strong> (each on a scale of {self.exercise.scale_minimum} to "
            f"{self.exercise.scale_maximum}).</p><p>{escape(result.region.reflection)}{centre}</p></div>"
        )
        self.map_output.clear_output()
        with self.map_output:
            from IPython.display import Image, display

            # Show PNG bytes, not the Figure: the package selects the Agg backend, so a kernel has no
            # formatter for Figure objects and would show only the text "<Figure size ...>".
            buffer = io.BytesIO()
            attachment_map.draw((result.avoidance, result.anxiety)).savefig(buffer, format="png", dpi=100)
            display(Image(data=buffer.getvalue(), format="png"))
            matplotlib.pyplot.close("all")
        self.keep_button.disabled = False

    def keep(self) -> None:
        if self.last_result is None:
            return
        try:
            journal_store.Journal.open(self.journal_path).save_self_check(self.last_result.as_dict())
        except journal_store.JournalError as error:
            _say(self.status, str(error), "error")
            return
        self.keep_button.disabled = True
        # Inside the status region, so screen readers announce it too.
        self.status.value = self.status.value.replace(
            "</div>", "<p>✔ Kept privately in your journal, with today's date.</p></div>", 1)


def live_form(exercise: Exercise, journal_path=None) -> widgets.Widget:
    """The live widget of any exercise."""
    if exercise.kind == "reflection":
        return ReflectionView(exercise, journal_path)
    if exercise.kind == "knowledge-check":
        return knowledge_check_view(exercise)
    if exercise.kind == "vignette":
        return VignetteView(exercise)
    return SelfCheckView(exercise, journal_path)
