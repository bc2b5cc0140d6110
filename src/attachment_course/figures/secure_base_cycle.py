"""The secure-base / safe-haven cycle: an original four-step diagram for chapter 1.

A person who feels settled near a trusted attachment figure goes out to explore (the figure acts as
a secure base); when something alarms, tires or hurts them, they come back for comfort (the figure
acts as a safe haven); once calm again, they are free to explore once more. The two halves of the
loop differ by tint *and* hatch, and every box carries a number and a label, so the diagram reads in
greyscale.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from attachment_course import figure_style as style

ALT_TEXT = (
    "A four-step cycle. 1: a person feels settled and safe near someone they trust. "
    "2: using that person as a secure base, they go out to explore, play and learn. "
    "3: something alarms, tires or hurts them, and attachment needs switch on. "
    "4: they return to the trusted person, who acts as a safe haven and comforts them; "
    "once calm, the cycle starts again. At the centre is the trusted person, "
    "who stays available and responds."
)

# Boxes: (number, heading, detail, centre x, centre y, half of the loop)
_STEPS = (
    (1, "Settled and safe", "Near a trusted person\nwho is there when needed", 2.35, 5.55, "base"),
    (2, "Exploring", "Playing, learning,\ntrying something new", 7.65, 5.55, "base"),
    (3, "Alarmed, tired or hurt", "Attachment needs\nswitch on", 7.65, 1.45, "haven"),
    (4, "Seeking comfort", "Goes back to the trusted\nperson and is soothed", 2.35, 1.45, "haven"),
)

_BOX_W = 3.7
_BOX_H = 1.45

_STYLE = {
    "base": {"fill": style.TINTS["blue"], "edge": style.BLUE, "hatch": ""},
    "haven": {"fill": style.TINTS["orange"], "edge": style.VERMILION, "hatch": "//"},
}


def _box(axes, number, heading, detail, x, y, half):
    look = _STYLE[half]
    patch = FancyBboxPatch(
        (x - _BOX_W / 2, y - _BOX_H / 2),
        _BOX_W,
        _BOX_H,
        boxstyle="round,pad=0.02,rounding_size=0.18",
        facecolor=look["fill"],
        edgecolor=look["edge"],
        hatch=look["hatch"],
        linewidth=1.6,
    )
    axes.add_patch(patch)
    # A white label panel inside the box keeps the text clear of the hatch.
    panel = FancyBboxPatch(
        (x - _BOX_W / 2 + 0.18, y - _BOX_H / 2 + 0.14),
        _BOX_W - 0.36,
        _BOX_H - 0.28,
        boxstyle="round,pad=0.0,rounding_size=0.12",
        facecolor=style.PAPER,
        edgecolor="none",
    )
    axes.add_patch(panel)
    axes.text(
        x, y + 0.33, f"{number}  {heading}", ha="center", va="center",
        fontsize=10.5, fontweight="bold", color=style.INK,
    )
    axes.text(x, y - 0.22, detail, ha="center", va="center", fontsize=9.5, color=style.INK,
              linespacing=1.15)


def _arrow(axes, start, end, colour, rad=0.0):
    arrow = FancyArrowPatch(
        start, end,
        arrowstyle="-|>,head_length=8,head_width=5",
        connectionstyle=f"arc3,rad={rad}",
        color=colour,
        linewidth=2.2,
        shrinkA=0,
        shrinkB=0,
    )
    axes.add_patch(arrow)


def draw() -> Figure:
    """Draw the secure-base / safe-haven cycle and return the figure."""
    figure, axes = style.new_figure(7.0, 5.1)
    style.blank_axes(axes)
    axes.set_xlim(0, 10)
    axes.set_ylim(-0.75, 7.2)
    axes.set_aspect("auto")

    for step in _STEPS:
        _box(axes, *step)

    top, bottom = 5.55, 1.45
    left_x, right_x = 2.35, 7.65
    half_w, half_h = _BOX_W / 2, _BOX_H / 2

    # 1 -> 2 along the top: the secure base.
    _arrow(axes, (left_x + half_w + 0.08, top), (right_x - half_w - 0.08, top), style.BLUE)
    axes.text(5.0, top + half_h + 0.5, "SECURE BASE", ha="center", va="bottom", fontsize=11,
              fontweight="bold", color=style.BLUE)
    axes.text(5.0, top + half_h + 0.15, "confidence to venture out", ha="center", va="bottom",
              fontsize=9, color=style.INK)

    # 2 -> 3 down the right side.
    _arrow(axes, (right_x, top - half_h - 0.08), (right_x, bottom + half_h + 0.08), style.GREY)
    axes.text(right_x + 0.15, 3.5, "something\ngoes wrong", ha="left", va="center",
              fontsize=9, color=style.INK, style="italic")

    # 3 -> 4 along the bottom: the safe haven.
    _arrow(axes, (right_x - half_w - 0.08, bottom), (left_x + half_w + 0.08, bottom),
           style.VERMILION)
    axes.text(5.0, bottom - half_h - 0.5, "SAFE HAVEN", ha="center", va="top", fontsize=11,
              fontweight="bold", color=style.VERMILION)
    axes.text(5.0, bottom - half_h - 0.15, "comfort to come back to", ha="center", va="top",
              fontsize=9, color=style.INK)

    # 4 -> 1 up the left side.
    _arrow(axes, (left_x, bottom + half_h + 0.08), (left_x, top - half_h - 0.08), style.GREY)
    axes.text(left_x - 0.15, 3.5, "calm\nagain", ha="right", va="center", fontsize=9,
              color=style.INK, style="italic")

    # The attachment figure at the centre of the loop.
    centre = FancyBboxPatch(
        (3.45, 2.95), 3.1, 1.1,
        boxstyle="round,pad=0.02,rounding_size=0.5",
        facecolor=style.TINTS["grey"],
        edgecolor=style.INK,
        linewidth=1.2,
        linestyle="--",
    )
    axes.add_patch(centre)
    axes.text(5.0, 3.72, "Trusted person", ha="center", va="center", fontsize=10.5,
              fontweight="bold")
    axes.text(5.0, 3.25, "(attachment figure):\navailable and responsive", ha="center",
              va="center", fontsize=8.5, linespacing=1.1)

    axes.text(
        5.0, -0.7,
        "Blue, unhatched: going out from a secure base.   Orange, hatched: coming back to a safe haven.",
        ha="center", va="bottom", fontsize=8, color=style.GREY,
    )
    return figure
