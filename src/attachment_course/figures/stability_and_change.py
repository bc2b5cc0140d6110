"""Stability and change in attachment: one panel of real data and one schematic, for chapter 3.

Panel A is real data: in Waters et al. (2000), 36 of 50 people (72%) had the same secure/insecure
classification in infancy and at about age 21, and 14 (28%) had changed. Panel B is a drawing of an
idea, not data: the popular picture of a "fixed type" (one label, forever) above the picture that
longitudinal work supports (Fraley et al., 2011), a stable core with ups and downs around it. The
panel says "illustration only" on its face so no reader mistakes the wavy line for measurements.
Bars differ by hatch as well as colour, and every line is labelled, so the figure reads in greyscale.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from attachment_course import figure_style as style

ALT_TEXT = (
    "Two panels. Panel A shows real data from Waters and colleagues (2000): of 50 people followed "
    "from infancy to about age 21, 72% (36 people) kept the same secure or insecure classification "
    "and 28% (14 people) changed. Panel B is an illustration, not data: the popular idea of a fixed "
    "type is drawn as a flat line that never moves, while the picture supported by research is a "
    "line that rises and falls from week to week and year to year around a stable core."
)

#: Waters et al. (2000): same vs changed secure/insecure classification, n = 50.
WATERS_2000 = (("Same secure/\ninsecure\nclassification", 36), ("Changed\nclassification", 14))
WATERS_N = 50


def _fluctuations(time: np.ndarray) -> np.ndarray:
    """A fixed, smooth wobble (sum of sines): deterministic, so the figure never changes."""
    return (
        0.55 * np.sin(1.3 * time + 0.4)
        + 0.35 * np.sin(3.1 * time + 1.7)
        + 0.22 * np.sin(7.3 * time + 0.2)
    )


def _bars(axes) -> None:
    labels = [label for label, _ in WATERS_2000]
    percents = [100 * count / WATERS_N for _, count in WATERS_2000]
    looks = (
        {"facecolor": style.TINTS["blue"], "edgecolor": style.BLUE, "hatch": ""},
        {"facecolor": style.TINTS["orange"], "edgecolor": style.VERMILION, "hatch": "//"},
    )
    for x, (percent, (_, count), look) in enumerate(zip(percents, WATERS_2000, looks)):
        axes.bar(x, percent, width=0.62, linewidth=1.6, **look)
        axes.text(x, percent + 2.5, f"{percent:.0f}%\n({count} of {WATERS_N})", ha="center",
                  va="bottom", fontsize=9.5, fontweight="bold")
    axes.set_xticks(range(len(labels)), labels, fontsize=9)
    axes.set_xlim(-0.6, 1.6)
    axes.set_ylim(0, 100)
    axes.set_yticks([0, 25, 50, 75, 100])
    axes.set_ylabel("Percentage of people (n = 50)", fontsize=9)
    axes.tick_params(axis="y", labelsize=8.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title("A. Real data\nWaters et al. (2000):\ninfancy to about age 21", fontsize=9.5,
                   loc="left")


def _schematic(axes, title: str, flat: bool) -> None:
    time = np.linspace(0, 6, 400)
    core = 0.0
    axes.set_xlim(0, 6)
    axes.set_ylim(-1.65, 1.65)
    axes.set_xticks([])
    axes.set_yticks([])
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_ylabel("anxiety\n(low \u2192 high)", fontsize=8)
    axes.set_title(title, fontsize=9.5, loc="left")
    if flat:
        axes.plot(time, np.full_like(time, core), color=style.GREY, linewidth=2.4, linestyle="--")
        axes.text(3.0, 0.35, "one label, forever: never moves", ha="center", va="bottom",
                  fontsize=8.5, color=style.INK, style="italic")
    else:
        axes.axhline(core, color=style.INK, linewidth=1.2, linestyle=":")
        axes.plot(time, core + _fluctuations(time), color=style.BLUE, linewidth=2.0)
        axes.text(5.95, -1.55, "dotted line: the stable core", ha="right", va="bottom",
                  fontsize=8, color=style.INK)
        axes.text(0.05, 1.6, "solid line: ups and downs around it", ha="left", va="top",
                  fontsize=8, color=style.INK)


def draw() -> Figure:
    """Draw the two-panel stability figure and return it."""
    figure = Figure(figsize=(7.0, 4.4), layout="constrained")
    grid = figure.add_gridspec(2, 2, width_ratios=(1.0, 1.35))
    _bars(figure.add_subplot(grid[:, 0]))

    fixed = figure.add_subplot(grid[0, 1])
    core = figure.add_subplot(grid[1, 1], sharex=fixed)
    _schematic(fixed, "B. Illustration only, not data\n\nThe \u201cfixed type\u201d idea", flat=True)
    _schematic(core, "A stable core with fluctuations", flat=False)
    core.set_xlabel("time (months and years) \u2192", fontsize=8.5)
    return figure
