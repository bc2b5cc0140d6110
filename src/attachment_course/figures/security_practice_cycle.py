"""Figure: a practice cycle for building security in everyday relationships.

Used in chapter 8 ("Building security"). Five steps sit around a loop: notice, name, ask,
respond, repair. Arrows run clockwise from one step to the next, and "repair" leads back to
"notice", because mending a miss is part of the practice rather than a sign of failure. Each step
is numbered and has its own hatch, so the figure reads in greyscale.
"""

from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from attachment_course import figure_style as style

ALT_TEXT = (
    "A loop of five steps for practising more secure ways of relating: notice what you feel and "
    "what is happening between you; name the feeling in words; ask for what you need, plainly "
    "and kindly; respond by listening to the other person and taking in their needs too; and "
    "repair when things go wrong, which leads back to noticing. The centre reads: practice, not "
    "perfection."
)

#: (verb, prompt) for each step, clockwise from the top.
STEPS = (
    ("Notice", "What am I feeling?\nWhat is happening\nbetween us?"),
    ("Name", "Put it into words:\n\u201cI feel \u2026\u201d"),
    ("Ask", "Say what you need,\nplainly and kindly"),
    ("Respond", "Listen to their answer;\ntake in their\nneeds too"),
    ("Repair", "When it misses,\ncome back\nand mend it"),
)

_FILLS = ("blue", "orange", "green", "purple", "sky")

_CENTRE = (5.0, 3.55)
_RADIUS_X = 3.3
_RADIUS_Y = 2.45
_BOX_WIDTH = 2.5
_BOX_HEIGHT = 1.5


def _position(index: int) -> tuple[float, float]:
    """Centre of step ``index`` (0-based), placed clockwise on an ellipse from the top."""
    angle = math.pi / 2 - 2 * math.pi * index / len(STEPS)
    return (_CENTRE[0] + _RADIUS_X * math.cos(angle), _CENTRE[1] + _RADIUS_Y * math.sin(angle))


def draw() -> Figure:
    """Draw the five-step practice cycle with clockwise arrows.

    Returns
    -------
    matplotlib.figure.Figure
        The finished figure, 7 by 4.8 inches.
    """
    figure, axes = style.new_figure(7.0, 4.8)
    style.blank_axes(axes)
    axes.set_xlim(0, 10)
    axes.set_ylim(0.6, 7.0)

    boxes = []
    for index, (verb, prompt) in enumerate(STEPS):
        x, y = _position(index)
        box = FancyBboxPatch(
            (x - _BOX_WIDTH / 2, y - _BOX_HEIGHT / 2),
            _BOX_WIDTH,
            _BOX_HEIGHT,
            boxstyle="round,pad=0.02,rounding_size=0.18",
            facecolor=style.TINTS[_FILLS[index]],
            edgecolor=style.INK,
            hatch=style.HATCHES[index],
            linewidth=1.2,
        )
        axes.add_patch(box)
        boxes.append(box)
        # A white panel behind the words keeps them legible over the hatch.
        axes.add_patch(
            FancyBboxPatch(
                (x - _BOX_WIDTH / 2 + 0.12, y - _BOX_HEIGHT / 2 + 0.11),
                _BOX_WIDTH - 0.24,
                _BOX_HEIGHT - 0.22,
                boxstyle="round,pad=0.0,rounding_size=0.12",
                facecolor=style.PAPER,
                edgecolor="none",
            )
        )
        axes.text(x, y + 0.42, f"{index + 1}  {verb}", ha="center", va="center",
                  fontsize=11, fontweight="bold")
        axes.text(x, y - 0.2, prompt, ha="center", va="center", fontsize=8,
                  linespacing=1.15)

    for index, box in enumerate(boxes):
        following = boxes[(index + 1) % len(boxes)]
        is_return = index == len(boxes) - 1
        axes.add_patch(
            FancyArrowPatch(
                posA=_position(index),
                posB=_position((index + 1) % len(STEPS)),
                patchA=box,
                patchB=following,
                connectionstyle="arc3,rad=-0.22",
                arrowstyle="-|>",
                mutation_scale=14,
                shrinkA=3,
                shrinkB=3,
                color=style.VERMILION if is_return else style.INK,
                linewidth=2.0 if is_return else 1.4,
                linestyle=(0, (4, 2)) if is_return else "-",
            )
        )

    axes.text(_CENTRE[0], _CENTRE[1] + 0.22, "Practice,\nnot perfection", ha="center",
              va="center", fontsize=12, fontweight="bold", linespacing=1.1)
    axes.text(_CENTRE[0], _CENTRE[1] - 0.55, "each round builds\na little more trust",
              ha="center", va="center", fontsize=8.5, style="italic", linespacing=1.1)
    return figure
