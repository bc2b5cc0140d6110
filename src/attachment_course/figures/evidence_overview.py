"""Evidence overview: attachment-informed approaches by the kind of evidence cited in chapter 5.

A matrix, not a league table. Each row is an approach; each column is a kind of study. A cell is
filled when the chapter cites a study of that kind for that approach, and names the year(s). Every
column has its own marker shape and hatch as well as its own colour, so the figure reads in
greyscale. The figure shows only the studies discussed in the chapter; it is not a systematic review.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from attachment_course.figure_style import (
    BLUE,
    GREY,
    INK,
    ORANGE,
    PAPER,
    SKY,
    TINTS,
    blank_axes,
    new_figure,
)

ALT_TEXT = (
    "A matrix of eight attachment-informed approaches against four kinds of evidence. "
    "Randomized trials with favourable results are cited for EFT, ABFT, MBT, MBT-A and "
    "Child-Parent Psychotherapy; randomized trials that found no difference are cited for ABFT "
    "and Circle of Security; uncontrolled studies are cited for Circle of Security and AEDP; "
    "no randomized trial was found for DDP or AEDP."
)

#: Column headings, with the marker, colour, tint and hatch that identify each column.
COLUMNS = (
    ("Randomized trial:\nfavourable result", "o", BLUE, TINTS["blue"], ""),
    ("Randomized trial:\nno difference found", "s", ORANGE, TINTS["orange"], "//"),
    ("Uncontrolled\nstudy", "D", SKY, TINTS["sky"], ".."),
    ("No randomized\ntrial found", "x", GREY, TINTS["grey"], "xx"),
)

#: Rows: approach, who it is mainly for, and the cell text for each column ("" = empty cell).
ROWS = (
    ("EFT", "couples", ("1999\nmeta-analysis", "", "", "")),
    ("ABFT", "teens and families", ("2010", "2019, 2021", "", "")),
    ("MBT", "adults", ("1999, 2009\n(+ 2008\nfollow-up)", "", "", "")),
    ("MBT-A", "teens", ("2012", "", "", "")),
    ("Circle of Security", "parents", ("", "2017 (child\nattachment)", "2006", "")),
    ("Child-Parent\nPsychotherapy", "young children", ("2005", "", "", "")),
    ("DDP", "children in care", ("", "", "", "other studies;\nevidence\ndisputed")),
    ("AEDP", "adults", ("", "", "2020", "none found")),
)


def draw() -> Figure:
    """Draw the approach-by-evidence matrix and return the figure."""
    figure, axes = new_figure(7.0, 6.0)
    blank_axes(axes)

    label_width = 1.9
    cell_width = 1.75
    cell_height = 0.78
    header_height = 1.0
    n_rows = len(ROWS)
    total_width = label_width + cell_width * len(COLUMNS)
    top = n_rows * cell_height

    axes.set_xlim(-0.05, total_width + 0.05)
    axes.set_ylim(-0.85, top + header_height + 0.05)

    # Column headings above a tinted, hatched strip holding the column's marker, so each column
    # is identifiable without colour.
    strip = 0.3
    for col, (heading, marker, colour, tint, hatch) in enumerate(COLUMNS):
        x0 = label_width + col * cell_width
        axes.add_patch(
            Rectangle(
                (x0, top), cell_width, strip,
                facecolor=tint, edgecolor=INK, hatch=hatch, linewidth=0.5,
            )
        )
        axes.text(
            x0 + cell_width / 2, top + strip + (header_height - strip) / 2, heading,
            ha="center", va="center", fontsize=8.4, fontweight="bold", linespacing=1.15,
        )
        axes.add_patch(
            Rectangle(
                (x0 + cell_width / 2 - 0.16, top + 0.04), 0.32, strip - 0.08,
                facecolor=PAPER, edgecolor=INK, linewidth=0.5, zorder=2,
            )
        )
        axes.plot(
            x0 + cell_width / 2, top + strip / 2, marker=marker, zorder=3,
            markersize=7, color=colour, markeredgecolor=INK if marker != "x" else colour,
            markeredgewidth=2.0 if marker == "x" else 0.8, linestyle="none",
        )

    axes.text(
        label_width / 2, top + header_height * 0.5, "Approach\n(mainly for)",
        ha="center", va="center", fontsize=9, fontweight="bold",
    )

    for row, (name, who, cells) in enumerate(ROWS):
        y0 = top - (row + 1) * cell_height
        if row % 2 == 0:
            axes.add_patch(
                Rectangle((0, y0), total_width, cell_height, facecolor="#F5F5F5", edgecolor="none")
            )
        axes.text(
            0.08, y0 + cell_height / 2, f"{name}\n({who})",
            ha="left", va="center", fontsize=8.6, linespacing=1.15,
        )
        for col, text in enumerate(cells):
            _, marker, colour, tint, _ = COLUMNS[col]
            x0 = label_width + col * cell_width
            if not text:
                continue
            axes.add_patch(
                Rectangle(
                    (x0 + 0.06, y0 + 0.06), cell_width - 0.12, cell_height - 0.12,
                    facecolor=tint, edgecolor=colour, linewidth=1.0,
                )
            )
            axes.plot(
                x0 + 0.22, y0 + cell_height / 2, marker=marker, markersize=7,
                color=colour, markeredgecolor=INK if marker != "x" else colour,
                markeredgewidth=2.0 if marker == "x" else 0.8, linestyle="none",
            )
            axes.text(
                x0 + 0.38, y0 + cell_height / 2, text,
                ha="left", va="center", fontsize=7.8, linespacing=1.1,
            )

    # Grid lines.
    for row in range(n_rows + 1):
        y = top - row * cell_height
        axes.plot([0, total_width], [y, y], color=INK, linewidth=0.5)
    axes.plot([0, total_width], [top + header_height] * 2, color=INK, linewidth=0.5)
    for col in range(len(COLUMNS) + 1):
        x = label_width + col * cell_width
        axes.plot([x, x], [0, top + header_height], color=INK, linewidth=0.5)
    axes.plot([0, 0], [0, top + header_height], color=INK, linewidth=0.5)

    axes.text(
        0, -0.12,
        "Years are those of the studies cited in chapter 5; this is not a complete review.\n"
        "One favourable trial is a beginning, not proof: findings need independent replication.\n"
        "ABFT appears in two columns because later trials did not repeat the first trial's advantage.",
        ha="left", va="top", fontsize=7.8, color=INK, linespacing=1.35,
    )
    return figure
