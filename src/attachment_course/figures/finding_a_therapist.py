"""Figure: five steps to finding a therapist in Canada, with a way back and an urgent-help exit.

Used in chapter 10 ("Is it right for me? Finding a therapist in Canada"). The steps run left to
right in their usual order. A dashed arrow runs from the last step back to the shortlist, because
a first choice that does not fit is common and fixable. A separate band underneath, with a heavy
border and a hatch, says that urgent needs skip every step. Steps carry numbers and their own
hatches, so the figure reads in greyscale.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from attachment_course import figure_style as style

ALT_TEXT = (
    "Five steps to finding a therapist, in order: reflect on your goals and preferences; make a "
    "shortlist from referrals, benefit plans and community services; check registration with "
    "the regulatory college in your province or territory; ask questions about training, "
    "supervision, experience, families, fees and cultural fit; and check the fit in the first "
    "few sessions. A dashed arrow leads from the last step back to the shortlist if it is not a "
    "good fit. A band beneath says that urgent needs skip the steps: call or text 9-8-8, or "
    "call 911 in immediate danger."
)

#: (number, title, description) for each step, in their usual order.
STEPS = (
    ("1", "Reflect on\nyour goals", "what you hope\nwill change;\nwhat matters\nto you"),
    ("2", "Make a\nshortlist", "referrals,\nbenefit plans,\ncommunity\nservices"),
    ("3", "Check\nregistration", "the regulatory\ncollege in your\nprovince or\nterritory"),
    ("4", "Ask\nquestions", "training,\nsupervision,\nexperience,\nfees, fit"),
    ("5", "Check the fit", "in the first\nfew sessions:\ndo you feel\nheard?"),
)

_FILLS = ("blue", "orange", "green", "purple", "sky")

_BOX_WIDTH = 1.74
_BOX_BOTTOM = 1.75
_BOX_HEIGHT = 2.3


def _centre_x(index: int) -> float:
    """Horizontal centre of step ``index`` (0-based) in data units."""
    return 1.0 + 2.0 * index


def draw() -> Figure:
    """Draw the five steps as numbered boxes, a loop back to the shortlist, and the urgent band.

    Returns
    -------
    matplotlib.figure.Figure
        The finished figure, 7 by 4.2 inches.
    """
    figure, axes = style.new_figure(7.0, 4.2)
    style.blank_axes(axes)
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 5.15)

    top = _BOX_BOTTOM + _BOX_HEIGHT
    middle = _BOX_BOTTOM + _BOX_HEIGHT / 2
    for index, (number, title, description) in enumerate(STEPS):
        x = _centre_x(index)
        axes.add_patch(
            FancyBboxPatch(
                (x - _BOX_WIDTH / 2, _BOX_BOTTOM), _BOX_WIDTH, _BOX_HEIGHT,
                boxstyle="round,pad=0.02,rounding_size=0.15",
                facecolor=style.TINTS[_FILLS[index]], edgecolor=style.INK,
                hatch=style.HATCHES[index], linewidth=1.2,
            )
        )
        # A solid white panel behind the words keeps them legible over the hatch.
        axes.add_patch(
            FancyBboxPatch(
                (x - _BOX_WIDTH / 2 + 0.12, _BOX_BOTTOM + 0.14),
                _BOX_WIDTH - 0.24, _BOX_HEIGHT - 0.28,
                boxstyle="round,pad=0.0,rounding_size=0.1",
                facecolor=style.PAPER, edgecolor="none",
            )
        )
        axes.text(x, top - 0.34, number, ha="center", va="center", fontsize=11,
                  fontweight="bold",
                  bbox={"boxstyle": "circle,pad=0.25", "facecolor": style.PAPER,
                        "edgecolor": style.INK, "linewidth": 1.0})
        axes.text(x, top - 0.92, title, ha="center", va="center", fontsize=9.5,
                  fontweight="bold", linespacing=1.05)
        axes.text(x, _BOX_BOTTOM + 0.62, description, ha="center", va="center",
                  fontsize=7.8, linespacing=1.15)

        if index < len(STEPS) - 1:
            axes.add_patch(
                FancyArrowPatch(
                    (x + _BOX_WIDTH / 2 + 0.01, middle),
                    (_centre_x(index + 1) - _BOX_WIDTH / 2 - 0.01, middle),
                    arrowstyle="-|>", mutation_scale=12, color=style.INK, linewidth=1.3,
                )
            )

    # The way back: from checking the fit to the shortlist, above the boxes.
    axes.add_patch(
        FancyArrowPatch(
            (_centre_x(4), top + 0.05),
            (_centre_x(1), top + 0.05),
            connectionstyle="arc3,rad=0.22",
            arrowstyle="-|>", mutation_scale=13, color=style.BLUE, linewidth=1.6,
            linestyle=(0, (5, 2)),
        )
    )
    axes.text(_centre_x(2.5), top + 0.72,
              "not a good fit? go back to your shortlist: switching is normal",
              ha="center", va="bottom", fontsize=8.5, style="italic",
              bbox={"boxstyle": "round,pad=0.15", "facecolor": style.PAPER,
                    "edgecolor": "none"})

    # Urgent needs skip the steps: a heavy, hatched band set apart from the sequence.
    axes.add_patch(
        FancyBboxPatch(
            (0.13, 0.2), 9.74, 1.05,
            boxstyle="round,pad=0.02,rounding_size=0.12",
            facecolor=style.TINTS["orange"], edgecolor=style.VERMILION, hatch="//",
            linewidth=2.4,
        )
    )
    axes.text(5.0, 0.72,
              "Urgent? Skip the steps: call or text 9-8-8, or call 911 in immediate danger",
              ha="center", va="center", fontsize=9.5, fontweight="bold",
              bbox={"boxstyle": "round,pad=0.3", "facecolor": style.PAPER,
                    "edgecolor": "none"})
    return figure
