"""How experiences in the therapy relationship can carry over to other relationships (chapter 4).

An original, schematic loop. On the left, inside the therapy relationship: a steady relationship
(the therapist as a secure base), trying something new, and meeting a response the person did not
expect. At the bottom the experience is carried out; on the right, in everyday relationships,
expectations shift a little, the person tries the new step elsewhere and notices what happens; at
the top it is brought back to therapy to talk over. The two settings differ by tint *and* hatch,
every box is numbered and labelled, and the figure says on its face that it is a simplified picture,
so it reads in greyscale and is not mistaken for a measured process.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from attachment_course import figure_style as style

ALT_TEXT = (
    "A schematic loop in six steps across two settings. In the therapy relationship: "
    "1, a steady, safe relationship with a reliable, honest and responsive therapist; "
    "2, trying something new, such as naming a feeling, asking for something or disagreeing; "
    "3, meeting a response the person did not expect, such as being heard rather than dismissed. "
    "The experience is carried into other relationships: 4, expectations of self and others "
    "shift a little; 5, the person tries the new step with a partner, friend, family member or "
    "co-worker; 6, they notice what happens, and bring it back to therapy to talk over."
)

# Boxes: (number, heading, detail, centre x, centre y, setting)
_STEPS = (
    (1, "A steady, safe relationship", "the therapist is reliable,\nhonest and responsive",
     2.45, 5.05, "therapy"),
    (2, "Trying something new", "naming a feeling, asking for\nsomething, disagreeing",
     2.45, 3.3, "therapy"),
    (3, "An unexpected response", "being heard rather than\ndismissed; a rift repaired",
     2.45, 1.55, "therapy"),
    (4, "Expectations shift a little", "\u201cmaybe my needs are okay;\nmaybe people can respond\u201d",
     7.55, 1.55, "life"),
    (5, "Trying it elsewhere", "with a partner, friend, family\nmember or co-worker",
     7.55, 3.3, "life"),
    (6, "Noticing what happens", "it may go well or not;\neither way there is learning",
     7.55, 5.05, "life"),
)

_BOX_W = 3.75
_BOX_H = 1.25

_SETTINGS = {
    "therapy": {"fill": style.TINTS["blue"], "edge": style.BLUE, "hatch": "",
                "title": "IN THE THERAPY RELATIONSHIP", "x0": 0.25},
    "life": {"fill": style.TINTS["orange"], "edge": style.VERMILION, "hatch": "..",
             "title": "IN OTHER RELATIONSHIPS", "x0": 5.35},
}
_PANEL_W = 4.4
_PANEL_Y0, _PANEL_Y1 = 0.6, 6.55


def _panel(axes, setting):
    look = _SETTINGS[setting]
    axes.add_patch(FancyBboxPatch(
        (look["x0"], _PANEL_Y0), _PANEL_W, _PANEL_Y1 - _PANEL_Y0,
        boxstyle="round,pad=0.02,rounding_size=0.25",
        facecolor=look["fill"], edgecolor=look["edge"], hatch=look["hatch"], linewidth=1.6,
    ))
    # A white strip behind the panel title keeps it clear of the hatch.
    axes.add_patch(FancyBboxPatch(
        (look["x0"] + 0.2, _PANEL_Y1 - 0.6), _PANEL_W - 0.4, 0.42,
        boxstyle="round,pad=0.0,rounding_size=0.1", facecolor=style.PAPER, edgecolor="none",
    ))
    axes.text(look["x0"] + _PANEL_W / 2, _PANEL_Y1 - 0.39, look["title"], ha="center", va="center",
              fontsize=9.5, fontweight="bold", color=look["edge"])


def _box(axes, number, heading, detail, x, y, setting):
    look = _SETTINGS[setting]
    axes.add_patch(FancyBboxPatch(
        (x - _BOX_W / 2, y - _BOX_H / 2), _BOX_W, _BOX_H,
        boxstyle="round,pad=0.02,rounding_size=0.15",
        facecolor=style.PAPER, edgecolor=look["edge"], linewidth=1.3,
    ))
    axes.text(x, y + 0.33, f"{number}  {heading}", ha="center", va="center", fontsize=10,
              fontweight="bold", color=style.INK)
    axes.text(x, y - 0.2, detail, ha="center", va="center", fontsize=8.8, color=style.INK,
              linespacing=1.15)


def _arrow(axes, start, end, colour, width=2.0):
    axes.add_patch(FancyArrowPatch(
        start, end, arrowstyle="-|>,head_length=8,head_width=5", color=colour,
        linewidth=width, shrinkA=0, shrinkB=0,
    ))


def draw() -> Figure:
    """Draw the therapy-relationship loop and return the figure."""
    figure, axes = style.new_figure(7.0, 5.4)
    style.blank_axes(axes)
    axes.set_xlim(0, 10)
    axes.set_ylim(-1.05, 7.7)

    for setting in _SETTINGS:
        _panel(axes, setting)
    for step in _STEPS:
        _box(axes, *step)

    half_h = _BOX_H / 2
    gap = 0.07
    # Down the therapy side (1 -> 2 -> 3) and up the everyday side (4 -> 5 -> 6).
    for x, pairs in ((2.45, ((5.05, 3.3), (3.3, 1.55))), (7.55, ((1.55, 3.3), (3.3, 5.05)))):
        for y_from, y_to in pairs:
            direction = 1 if y_to > y_from else -1
            _arrow(axes, (x, y_from + direction * (half_h + gap)), (x, y_to - direction * (half_h + gap)),
                   style.GREY, width=1.8)

    # Two arcs join the settings: out along the bottom (3 -> 4), back along the top (6 -> 1).
    arc = {"arrowstyle": "-|>,head_length=0.6,head_width=0.35", "color": style.INK,
           "linewidth": 2.2, "connectionstyle": "arc3,rad=0.18", "shrinkA": 0, "shrinkB": 0}
    axes.annotate("", xy=(7.55, _PANEL_Y0 - 0.05), xytext=(2.45, _PANEL_Y0 - 0.05), arrowprops=arc)
    axes.text(5.0, -0.3, "carried out into daily life", ha="center", va="center", fontsize=9,
              style="italic")
    axes.annotate("", xy=(2.45, _PANEL_Y1 + 0.05), xytext=(7.55, _PANEL_Y1 + 0.05), arrowprops=arc)
    axes.text(5.0, 7.45, "brought back to therapy to talk over", ha="center", va="center", fontsize=9,
              style="italic")

    axes.text(
        5.0, -1.0,
        "Schematic: a simplified picture of an idea, not a measured process. "
        "Real change is gradual and uneven.",
        ha="center", va="bottom", fontsize=8, color=style.GREY,
    )
    return figure
