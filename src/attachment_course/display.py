"""One display object per exercise, carrying all three media in a single Jupyter MIME bundle.

Jupyter front ends pick the live widget; the book's HTML build picks ``text/html`` and its PDF
build picks ``text/markdown`` (per-builder priorities in ``_config.yml``). One cell therefore
serves the notebook, the static web page and print.
"""

from __future__ import annotations

from .catalogue import exercise as find_exercise
from .catalogue import exercises
from .exercise_model import Exercise
from .views.live import live_form
from .views.printed import print_form
from .views.web import KIND_NAMES, web_form


class ExerciseDisplay:
    """Displays an exercise in whichever medium the viewer supports."""

    def __init__(self, exercise: Exercise):
        self.exercise = exercise
        self.widget = None

    def _repr_mimebundle_(self, include=None, exclude=None):
        self.widget = live_form(self.exercise)
        bundle = dict(self.widget._repr_mimebundle_() or {})
        bundle.update(
            {
                "text/html": web_form(self.exercise),
                "text/markdown": print_form(self.exercise),
                "text/plain": f"{KIND_NAMES[self.exercise.kind]}: {self.exercise.title}",
            }
        )
        return bundle

    def __repr__(self) -> str:
        return f"{KIND_NAMES[self.exercise.kind]}: {self.exercise.title}"


def show_exercise(exercise_id: str) -> ExerciseDisplay:
    """Return the display object of an exercise; as a cell's last line, Jupyter shows it.

    Raises
    ------
    KeyError
        If no exercise has this id (the message suggests close ones).
    """
    return ExerciseDisplay(find_exercise(exercise_id))


def show_exercises(kind: str) -> None:
    """Display every exercise of one kind, in course order (for the workbook notebooks).

    Raises
    ------
    ValueError
        If ``kind`` is not one of the exercise kinds.
    """
    from IPython.display import display

    kinds = tuple(KIND_NAMES)
    if kind not in kinds:
        raise ValueError(f"Unknown exercise kind {kind!r}; choose one of {', '.join(kinds)}.")
    for found in exercises().values():
        if found.kind == kind:
            display(ExerciseDisplay(found))
