"""Shared look of the course's figures: colour-blind-safe colours, fonts and a figure factory.

Colours come from the Okabe–Ito palette, which stays distinguishable for the common forms of
colour blindness. Colour is never the only signal: figures also label, hatch or mark what the
colour shows, so they read in greyscale print too.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # figures are rendered to files at build time; no display is needed

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

#: Okabe–Ito colours, by role. Text drawn on top of a fill uses ``INK``.
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#6B6B6B"
INK = "#1A1A1A"
PAPER = "#FFFFFF"

#: Light tints of the palette for large filled areas, so dark text on them keeps AA contrast.
TINTS = {
    "blue": "#CCE3F0",
    "orange": "#F9E7C2",
    "green": "#C2E8DC",
    "purple": "#F2DCE8",
    "sky": "#DDF0FB",
    "grey": "#E6E6E6",
}

#: Hatches that pair with the tints, so filled regions differ without colour.
HATCHES = ("", "//", "..", "xx", "\\\\", "++")

FONT_FAMILY = ["DejaVu Sans"]


#: Applied when this module is imported, so text added after a figure is created gets it too.
RC_PARAMS = {
    "font.family": FONT_FAMILY,
    "font.size": 11,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "svg.fonttype": "none",  # keep text as text in SVG, so it scales and can be searched
    "svg.hashsalt": "attachment-course",  # deterministic ids in SVG output
    "pdf.fonttype": 42,  # embed TrueType, so PDF text stays selectable
}
matplotlib.rcParams.update(RC_PARAMS)


def new_figure(width: float = 7.0, height: float = 4.5) -> tuple[Figure, "plt.Axes"]:
    """Return a figure and one axes with the course's fonts and colours applied.

    Parameters
    ----------
    width, height
        Size in inches; 7 inches fits the PDF's text width.
    """
    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.add_subplot()
    return figure, axes


def blank_axes(axes: "plt.Axes") -> None:
    """Hide ticks and frame, for diagrams drawn in data coordinates rather than charts."""
    axes.set_axis_off()
