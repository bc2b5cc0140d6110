"""Figure: the usual phases of attachment-based work across sessions, with the loops back.

Used in chapter 7 ("What to expect in a session"). The phases are drawn left to right because
that is their usual order, but two curved arrows show the work returning to earlier phases, and a
band underneath shows what runs through every phase: a safe, collaborative working relationship.
Each phase carries a number and its own hatch, so the figure reads in greyscale.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from attachment_course import figure_style as style

ALT_TEXT = (
    "Five phases of attachment-based work, in their usual order: getting started (what brings "
    "you, consent and safety); looking back at early relationships at your own pace; noticing "
    "patterns together, without labels; practising new ways of relating; and reviewing and "
    "ending. Curved arrows show that the work often loops back to earlier phases, and a band "
    "beneath shows that safety, consent, choice and collaboration run through every phase."
)

#: (number, title, description) for each phase, in their usual order.
PHASES = (
    ("1", "Getting\nstarted", "what brings you,\nhow you feel,\nconsent, safety"),
    ("2", "Looking\nback", "early\nrelationships,\nat your pace"),
    ("3", "Noticing\npatterns", "together,\nwithout labels"),
    ("4", "Practising", "new ways of\nrelating, in and\nout of sessions"),
    ("5", "Reviewing\nand ending", "what has\nchanged, and\nwhat comes next"),
)

_FILLS = ("blue", "orange", "green", "purple", "sky")

_BOX_WIDTH = 1.74
_BOX_BOTTOM = 2.35
_BOX_HEIGHT = 2.15


def _centre_x(index: int) -> float:
    """Horizontal centre of phase ``index`` (0-based) in data units."""
    return 1.0 + 2.0 * index


def draw() -> Figure:
    """Draw the phases of the work as numbered boxes with forward arrows and loops back.

    Returns
    -------
    matplotlib.figure.Figure
        The finished figure, 7 by 4.2 inches.
    """
    figure, axes = style.new_figure(7.0, 4.2)
    style.blank_axes(axes)
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 5.75)

    top = _BOX_BOTTOM + _BOX_HEIGHT
    for index, (number, title, description) in enumerate(PHASES):
        x = _centre_x(index)
        fill = _FILLS[index]
        axes.add_patch(
            FancyBboxPatch(
                (x - _BOX_WIDTH / 2, _BOX_BOTTOM),
                _BOX_WIDTH,
                _BOX_HEIGHT,
                boxstyle="round,pad=0.02,rounding_size=0.15",
                facecolor=style.TINTS[fill],
                edgecolor=style.INK,
                hatch=style.HATCHES[index],
                linewidth=1.2,
            )
        )
        # A solid white panel behind the words keeps them legible over the hatch.
        axes.add_patch(
            FancyBboxPatch(
                (x - _BOX_WIDTH / 2 + 0.12, _BOX_BOTTOM + 0.14),
                _BOX_WIDTH - 0.24,
                _BOX_HEIGHT - 0.28,
                boxstyle="round,pad=0.0,rounding_size=0.1",
                facecolor=style.PAPER,
                edgecolor="none",
            )
        )
        axes.text(x, top - 0.32, number, ha="center", va="center", fontsize=11,
                  fontweight="bold",
                  bbox={"boxstyle": "circle,pad=0.25", "facecolor": style.PAPER,
                        "edgecolor": style.INK, "linewidth": 1.0})
        axes.text(x, top - 0.88, title, ha="center", va="center", fontsize=9.5,
                  fontweight="bold", linespacing=1.05)
        axes.text(x, _BOX_BOTTOM + 0.58, description, ha="center", va="center",
                  fontsize=7.8, linespacing=1.15, color=style.INK)

        if index < len(PHASES) - 1:
            axes.add_patch(
                FancyArrowPatch(
                    (x + _BOX_WIDTH / 2 + 0.01, _BOX_BOTTOM + _BOX_HEIGHT / 2),
                    (_centre_x(index + 1) - _BOX_WIDTH / 2 - 0.01, _BOX_BOTTOM + _BOX_HEIGHT / 2),
                    arrowstyle="-|>", mutation_scale=12, color=style.INK, linewidth=1.3,
                )
            )

    # Loop back above the boxes: from practising to looking back.
    axes.add_patch(
        FancyArrowPatch(
            (_centre_x(3), top + 0.05),
            (_centre_x(1), top + 0.05),
            connectionstyle="arc3,rad=0.32",
            arrowstyle="-|>", mutation_scale=13, color=style.BLUE, linewidth=1.6,
            linestyle=(0, (5, 2)),
        )
    )
    axes.text(_centre_x(2), top + 0.78,
              "loops back: something new comes up, and you explore it",
              ha="center", va="bottom", fontsize=8.5, style="italic", color=style.INK)

    # Loop back below the boxes: from noticing patterns to getting started.
    axes.add_patch(
        FancyArrowPatch(
            (_centre_x(2), _BOX_BOTTOM - 0.05),
            (_centre_x(0), _BOX_BOTTOM - 0.05),
            connectionstyle="arc3,rad=-0.32",
            arrowstyle="-|>", mutation_scale=13, color=style.VERMILION, linewidth=1.6,
            linestyle=(0, (1.5, 1.5)),
        )
    )
    axes.text(_centre_x(1) + 0.08, _BOX_BOTTOM - 0.78,
              "loops back: a hard week, so steady things first",
              ha="left", va="center", fontsize=8.5, style="italic", color=style.INK)

    # The band that runs under every phase.
    axes.add_patch(
        FancyBboxPatch(
            (0.13, 0.18), 9.74, 0.72,
            boxstyle="round,pad=0.02,rounding_size=0.12",
            facecolor=style.TINTS["grey"], edgecolor=style.INK, linewidth=1.0,
        )
    )
    axes.text(5.0, 0.54,
              "Throughout: a safe working relationship, consent, choice, pacing, collaboration",
              ha="center", va="center", fontsize=9, fontweight="bold")
    return figure
