"""Exercises, figures and book tooling for the open course "Attachment-Based Therapy".

Notebooks import :func:`show_exercise`; everything else is organised by what it owns:
``catalogue`` (data), ``self_check`` / ``knowledge_check`` / ``vignette`` / ``journal`` (pure
logic and storage), ``views`` (live widget, web page, print), ``figures`` (matplotlib drawings)
and ``sphinx_extension`` (how the book builds them).
"""

from .display import ExerciseDisplay, show_exercise, show_exercises

__all__ = ["ExerciseDisplay", "show_exercise", "show_exercises"]
__version__ = "0.1.0"
