"""The eight episodes of the Strange Situation as a timeline: an original diagram for chapter 2.

The procedure (Ainsworth, Blehar, Waters & Wall, 1978) runs for roughly 20 minutes: a short
introduction and then seven episodes of about three minutes each. Separations are cut short if the
infant becomes very distressed, and the first reunion may be extended if the infant needs longer
to settle. The top row shows the episodes; the two lanes beneath show who, besides the infant, is
in the room. Separation episodes are hatched with diagonal lines, reunions with dots, and
triangles mark the caregiver leaving (pointing down) and returning (pointing up), so the figure
reads without colour.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from attachment_course import figure_style as style

ALT_TEXT = (
    "Timeline of the Strange Situation's eight episodes, about 20 minutes in all. "
    "After a 30-second introduction, the infant explores with the caregiver; a stranger joins; "
    "the caregiver leaves the infant with the stranger (first separation); the caregiver returns "
    "(first reunion); the caregiver leaves the infant alone (second separation); the stranger "
    "comes back; and the caregiver returns again (second reunion). Each episode after the "
    "introduction lasts about three minutes."
)

# (number, label, start minute, length in minutes, kind)
_EPISODES = (
    (1, "", 0.0, 0.5, "other"),
    (2, "Exploring\nwith caregiver", 0.5, 3.0, "other"),
    (3, "Stranger\njoins", 3.5, 3.0, "other"),
    (4, "Separation 1\nstranger stays", 6.5, 3.0, "separation"),
    (5, "Reunion 1", 9.5, 3.0, "reunion"),
    (6, "Separation 2\ninfant alone", 12.5, 3.0, "separation"),
    (7, "Stranger\nreturns", 15.5, 3.0, "separation"),
    (8, "Reunion 2", 18.5, 3.0, "reunion"),
)

_KIND = {
    "other": {"fill": style.TINTS["blue"], "hatch": "", "edge": style.BLUE},
    "separation": {"fill": style.TINTS["orange"], "hatch": "///", "edge": style.VERMILION},
    "reunion": {"fill": style.TINTS["green"], "hatch": "..", "edge": style.GREEN},
}

# Minutes during which each adult is in the room with the infant.
_CAREGIVER = ((0.0, 6.5), (9.5, 12.5), (18.5, 21.5))
_STRANGER = ((3.5, 9.5), (15.5, 18.5))

_EP_Y, _EP_H = 3.1, 1.5  # episode row
_LANES = {"Caregiver": 2.2, "Stranger": 1.35}
_LANE_H = 0.5
_END = 21.5


def draw() -> Figure:
    """Draw the Strange Situation timeline and return the figure."""
    figure, axes = style.new_figure(7.0, 3.9)
    style.blank_axes(axes)
    axes.set_xlim(-3.3, _END + 0.25)
    axes.set_ylim(-0.05, 5.55)

    # Episode row.
    for number, label, start, length, kind in _EPISODES:
        look = _KIND[kind]
        axes.add_patch(Rectangle(
            (start, _EP_Y), length, _EP_H,
            facecolor=look["fill"], edgecolor=look["edge"], hatch=look["hatch"], linewidth=1.2,
        ))
        if label:
            # A white panel behind the words keeps them clear of the hatch.
            axes.add_patch(Rectangle(
                (start + 0.1, _EP_Y + 0.15), length - 0.2, _EP_H - 0.3,
                facecolor=style.PAPER, edgecolor="none",
            ))
            axes.text(start + length / 2, _EP_Y + 1.05, str(number), ha="center", va="center",
                      fontsize=11, fontweight="bold")
            axes.text(start + length / 2, _EP_Y + 0.5, label, ha="center", va="center",
                      fontsize=7.2, linespacing=1.1)
    # Episode 1 is too narrow for words: label it above.
    axes.text(0.25, _EP_Y + _EP_H + 0.12, "1  Introduction\n(about 30 seconds)", ha="left",
              va="bottom", fontsize=7.5, linespacing=1.1)
    axes.plot([0.25, 0.25], [_EP_Y + _EP_H, _EP_Y + _EP_H + 0.12], color=style.INK,
              linewidth=0.8)
    axes.text(-0.2, _EP_Y + _EP_H / 2, "Episode", ha="right", va="center", fontsize=9.5,
              fontweight="bold")

    # Presence lanes.
    for name, y in _LANES.items():
        axes.text(-0.2, y, f"{name}\nin the room", ha="right", va="center", fontsize=9,
                  linespacing=1.05)
        axes.add_patch(Rectangle((0, y - _LANE_H / 2), _END, _LANE_H, facecolor="none",
                                 edgecolor=style.GREY, linewidth=0.6, linestyle=":"))
    for start, end in _CAREGIVER:
        y = _LANES["Caregiver"]
        axes.add_patch(Rectangle((start, y - _LANE_H / 2), end - start, _LANE_H,
                                 facecolor=style.BLUE, edgecolor=style.INK, linewidth=0.6))
    for start, end in _STRANGER:
        y = _LANES["Stranger"]
        axes.add_patch(Rectangle((start, y - _LANE_H / 2), end - start, _LANE_H,
                                 facecolor=style.GREY, edgecolor=style.INK, linewidth=0.6,
                                 hatch="xx"))
    axes.text(14.0, (_LANES["Stranger"] + _LANES["Caregiver"]) / 2, "infant alone", ha="center", va="center",
              fontsize=8, style="italic")

    # Caregiver leaves (down triangle) and returns (up triangle).
    marker_y = _LANES["Caregiver"] + _LANE_H / 2 + 0.22
    for minute in (6.5, 12.5):
        axes.plot(minute, marker_y, marker="v", markersize=8, color=style.VERMILION,
                  markeredgecolor=style.INK, linestyle="none")
    for minute in (9.5, 18.5):
        axes.plot(minute, marker_y, marker="^", markersize=8, color=style.GREEN,
                  markeredgecolor=style.INK, linestyle="none")

    # Time axis.
    axis_y = 0.7
    axes.plot([0, _END], [axis_y, axis_y], color=style.INK, linewidth=0.8)
    for minute in range(0, 22, 3):
        axes.plot([minute, minute], [axis_y - 0.08, axis_y + 0.08], color=style.INK,
                  linewidth=0.8)
        axes.text(minute, axis_y - 0.15, str(minute), ha="center", va="top", fontsize=8)
    axes.text(-0.2, axis_y, "Minutes\n(approx.)", ha="right", va="center", fontsize=8.5,
              linespacing=1.05)

    axes.text(_END, 0.12, "Separations are cut short if the infant becomes very distressed.",
              ha="right", va="bottom", fontsize=7.5, style="italic", color=style.INK)

    handles = [
        Patch(facecolor=_KIND["separation"]["fill"], edgecolor=_KIND["separation"]["edge"],
              hatch="///", label="Separation from caregiver"),
        Patch(facecolor=_KIND["reunion"]["fill"], edgecolor=_KIND["reunion"]["edge"],
              hatch="..", label="Reunion"),
        Line2D([], [], marker="v", color=style.VERMILION, markeredgecolor=style.INK,
               linestyle="none", markersize=8, label="Caregiver leaves"),
        Line2D([], [], marker="^", color=style.GREEN, markeredgecolor=style.INK,
               linestyle="none", markersize=8, label="Caregiver returns"),
    ]
    axes.legend(handles=handles, loc="upper right", bbox_to_anchor=(1.0, 1.0), ncol=2,
                fontsize=8, frameon=False, handlelength=1.6, columnspacing=1.2)
    return figure
