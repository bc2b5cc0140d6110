"""The two-dimension map of adult attachment: avoidance across, anxiety up, four named regions.

Regions are named after Bartholomew and Horowitz (1991); the axes are the two dimensions of
Brennan, Clark and Shaver (1998). Used blank in chapter 3 and in print, and with the reader's
point by the self-check (live in Jupyter; the web page places the point over the blank SVG).
"""

from __future__ import annotations

import io
import re
from functools import cache

from matplotlib.figure import Figure

from .. import figure_style as style

ALT_TEXT = (
    "A square map with attachment-related avoidance on the horizontal axis and attachment-related "
    "anxiety on the vertical axis, both from 1 to 7. The four quadrants are labelled secure (low "
    "anxiety, low avoidance), preoccupied (high anxiety, low avoidance), dismissing (low anxiety, "
    "high avoidance) and fearful-avoidant (high on both)."
)

LOW, HIGH, MID = 1, 7, 4
WIDTH, HEIGHT = 6.0, 5.6
#: Fixed axes placement (fractions of the figure: left, bottom, width, height), so the web page can
#: place a point over the SVG with the same arithmetic as this module.
AXES_BOX = (0.14, 0.13, 0.80, 0.80)

REGIONS = (
    # label, x range (avoidance), y range (anxiety), tint, hatch, label position
    ("Secure", (LOW, MID), (LOW, MID), "blue", "", (2.5, 2.5)),
    ("Preoccupied", (LOW, MID), (MID, HIGH), "orange", "//", (2.5, 5.5)),
    ("Dismissing", (MID, HIGH), (LOW, MID), "green", "..", (5.5, 2.5)),
    ("Fearful-avoidant", (MID, HIGH), (MID, HIGH), "purple", "xx", (5.5, 5.5)),
)


def draw(point: tuple[float, float] | None = None, point_label: str = "Your answers today") -> Figure:
    """Draw the map; ``point`` is (avoidance, anxiety) on the 1–7 scale, or None for a blank map."""
    figure = Figure(figsize=(WIDTH, HEIGHT))
    axes = figure.add_axes(AXES_BOX)
    for label, (x0, x1), (y0, y1), tint, hatch, (lx, ly) in REGIONS:
        axes.fill_between([x0, x1], y0, y1, facecolor=style.TINTS[tint], edgecolor=style.GREY,
                          hatch=hatch, linewidth=0.0, alpha=1.0)
        axes.text(lx, ly, label, ha="center", va="center", fontsize=13, fontweight="bold", color=style.INK,
                  bbox={"boxstyle": "round,pad=0.3", "facecolor": style.PAPER, "edgecolor": style.GREY})
    axes.axhline(MID, color=style.INK, linewidth=1.2)
    axes.axvline(MID, color=style.INK, linewidth=1.2)
    axes.set_xlim(LOW, HIGH)
    axes.set_ylim(LOW, HIGH)
    axes.set_xticks(range(LOW, HIGH + 1))
    axes.set_yticks(range(LOW, HIGH + 1))
    axes.set_xlabel("Attachment-related avoidance (low → high)")
    axes.set_ylabel("Attachment-related anxiety (low → high)")
    axes.set_aspect("auto")
    if point is not None:
        avoidance, anxiety = point
        axes.plot([avoidance], [anxiety], marker="o", markersize=13, markerfacecolor=style.VERMILION,
                  markeredgecolor=style.INK, markeredgewidth=2, linestyle="none", zorder=5)
        axes.annotate(f"{point_label}\n(avoidance {avoidance:.2f}, anxiety {anxiety:.2f})", (avoidance, anxiety),
                      xytext=(0, -30 if anxiety > 5.8 else 24), textcoords="offset points", ha="center",
                      fontsize=10, zorder=6,
                      bbox={"boxstyle": "round,pad=0.3", "facecolor": style.PAPER, "edgecolor": style.INK})
    return figure


def plot_box() -> dict[str, float]:
    """Where the plotting area sits in the image, as fractions from the top-left corner.

    The web page turns a score into a position with: left = x0 + (avoidance - 1) / 6 * width,
    top = y0 + (7 - anxiety) / 6 * height.
    """
    left, bottom, width, height = AXES_BOX
    return {"x0": left, "y0": 1 - bottom - height, "width": width, "height": height, "low": LOW, "high": HIGH}


@cache
def blank_svg() -> str:
    """The blank map as inline SVG that scales with its container."""
    buffer = io.StringIO()
    draw().savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r'<svg\1 width="100%"', svg, count=1)
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{ALT_TEXT}" focusable="false"', 1)
    return svg
