"""Fit considerations: a discussion aid for thinking about whether attachment-based therapy fits.

Not a clinical algorithm. One question comes first (is anyone at immediate risk?); if so, safety
comes before any choice of therapy. Otherwise five groups of questions are weighed together, and
the decision is reviewed as therapy goes on. The safety box is distinguished by a heavy border,
a hatch and its label, not by colour alone, so the figure reads in greyscale.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from attachment_course.figure_style import (
    BLUE,
    GREEN,
    INK,
    PAPER,
    TINTS,
    VERMILION,
    blank_axes,
    new_figure,
)

ALT_TEXT = (
    "A discussion aid, not a clinical algorithm. The first question is whether anyone is at "
    "immediate risk; if so, safety comes first and the choice of therapy waits. If not, five "
    "sets of questions are weighed together: the person's goals, the evidence for their "
    "specific difficulty, the format and any ongoing violence, the person's preferences and "
    "culture, and the therapist's training and the working relationship. The choice is then "
    "made together and reviewed as therapy goes on."
)

#: The questions to weigh: a short heading and a prompt (at most two lines) each.
QUESTIONS = (
    ("Goals", "What does the person want help with, in their own words?"),
    ("Evidence", "Does another approach have stronger evidence\nfor this specific difficulty?"),
    ("Format and safety", "Alone, as a couple, or as a family?\nIs there ongoing violence or control at home?"),
    ("Person and culture", "Preferences, language, values, identity, faith, history"),
    ("Therapist", "Trained and supervised in this approach?\nDoes the working relationship feel workable?"),
)


def _box(axes, x, y, w, h, text, *, face, edge, hatch="", lw=1.2, size=9.0, weight="normal"):
    """Draw a rounded box centred on (x, y) with centred text."""
    axes.add_patch(
        FancyBboxPatch(
            (x - w / 2, y - h / 2), w, h,
            boxstyle="round,pad=0.02,rounding_size=0.12",
            facecolor=face, edgecolor=edge, hatch=hatch, linewidth=lw,
        )
    )
    axes.text(
        x, y, text, ha="center", va="center", fontsize=size, fontweight=weight,
        linespacing=1.2, color=INK,
    )


def _arrow(axes, start, end, *, label="", label_offset=(0.0, 0.0), style="-|>", rad=0.0):
    axes.add_patch(
        FancyArrowPatch(
            start, end, arrowstyle=style, mutation_scale=14, color=INK, linewidth=1.3,
            connectionstyle=f"arc3,rad={rad}",
        )
    )
    if label:
        mx = (start[0] + end[0]) / 2 + label_offset[0]
        my = (start[1] + end[1]) / 2 + label_offset[1]
        axes.text(
            mx, my, label, ha="center", va="center", fontsize=9, fontweight="bold",
            bbox={"facecolor": PAPER, "edgecolor": "none", "pad": 1.0},
        )


def draw() -> Figure:
    """Draw the discussion aid and return the figure."""
    figure, axes = new_figure(7.0, 6.4)
    blank_axes(axes)
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 9.6)

    axes.text(
        5, 9.35, "A discussion aid, not a clinical algorithm",
        ha="center", va="center", fontsize=10.5, fontweight="bold", style="italic",
    )

    # Step 1: immediate risk.
    _box(
        axes, 3.2, 8.25, 5.4, 1.05,
        "1. Is anyone at immediate risk?\n(suicide, self-harm, violence, abuse)",
        face=PAPER, edge=INK, lw=1.6, size=9.5, weight="bold",
    )
    # Safety first.
    _box(
        axes, 8.25, 8.25, 3.0, 1.25, "",
        face=TINTS["orange"], edge=VERMILION, hatch="//", lw=2.6,
    )
    axes.text(
        8.25, 8.62, "SAFETY FIRST", ha="center", va="center", fontsize=9.2, fontweight="bold",
        bbox={"facecolor": PAPER, "edgecolor": "none", "pad": 1.5},
    )
    axes.text(
        8.25, 8.08, "crisis support, safety\nplan, protection;\ntherapy choice waits",
        ha="center", va="center", fontsize=8.4, linespacing=1.15,
        bbox={"facecolor": PAPER, "edgecolor": "none", "pad": 1.5},
    )
    _arrow(axes, (5.95, 8.25), (6.7, 8.25), label="Yes", label_offset=(0.0, 0.3))

    # Step 2: questions to weigh.
    _arrow(axes, (3.2, 7.7), (3.2, 6.95), label="No", label_offset=(0.35, 0.0))
    axes.add_patch(
        FancyBboxPatch(
            (0.15, 3.3), 9.7, 3.6,
            boxstyle="round,pad=0.02,rounding_size=0.15",
            facecolor=TINTS["blue"], edgecolor=BLUE, linewidth=1.4,
        )
    )
    axes.text(
        5, 6.6, "2. Questions to weigh together, in no fixed order",
        ha="center", va="center", fontsize=9.8, fontweight="bold",
    )
    row_height = 0.6
    for i, (heading, prompt) in enumerate(QUESTIONS):
        y = 6.05 - i * row_height
        axes.add_patch(
            FancyBboxPatch(
                (0.35, y - row_height / 2 + 0.04), 9.3, row_height - 0.08,
                boxstyle="round,pad=0.01,rounding_size=0.06",
                facecolor=PAPER, edgecolor=INK, linewidth=0.8,
            )
        )
        axes.text(0.5, y, heading, ha="left", va="center", fontsize=8.8, fontweight="bold")
        axes.text(2.75, y, prompt, ha="left", va="center", fontsize=8.4, linespacing=1.15)

    # Step 3: decide together and review.
    _arrow(axes, (5, 3.3), (5, 2.55))
    _box(
        axes, 5, 1.85, 7.2, 1.25,
        "3. Decide together, then review regularly.\n"
        "If it is not helping, talk about it, adjust, or change\n"
        "approach or therapist: that is a normal part of care.",
        face=TINTS["green"], edge=GREEN, hatch="", lw=1.4, size=9.0,
    )
    # Review loop back to the questions.
    _arrow(axes, (8.65, 1.85), (9.5, 3.3), rad=0.35, label="review", label_offset=(0.45, -0.15))

    axes.text(
        5, 0.55,
        "Risk can change at any point: if it rises, safety comes first again.",
        ha="center", va="center", fontsize=8.6, style="italic",
    )
    return figure
