"""Figure: how the focus of attachment-informed work shifts from infancy to adolescence.

Used in chapter 9 ("Working with children and adolescents"). Four age bands are drawn as columns,
left to right. For each, one row says who is usually in the room and another what the work
mainly targets. An arrow underneath shows the overall direction: caregivers carry most of the
work with babies, while a teenager's own voice and choices carry more of it, with caregivers
still involved. Each age band has its own hatch and a printed age range, so the figure reads in
greyscale. The content is the course's own summary, not a copy of any published diagram.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from attachment_course import figure_style as style

ALT_TEXT = (
    "Four age bands, from infancy to adolescence. Infants and toddlers: caregiver and baby "
    "together, sometimes the caregiver alone; the work targets reading the baby's cues, comfort "
    "and the caregiver's own stress. Preschoolers: child and caregiver together, often in play; "
    "the work targets the need behind behaviour and making sense of hard events. School-age "
    "children: time alone with the child, caregiver sessions and, with consent, school; the work "
    "targets words for feelings and caregivers as a safe haven. Teenagers: the teen alone and "
    "joint sessions for repair; the work targets rebuilding trust and independence with "
    "connection. An arrow shows caregivers carrying most of the work early on and the young "
    "person's own voice growing with age, with caregivers still involved and safety first "
    "throughout."
)

#: (title, ages, who is in the room, what the work targets) for each age band, youngest first.
STAGES = (
    (
        "Infants and\ntoddlers",
        "about 0–2",
        "caregiver and\nbaby together;\nsometimes the\ncaregiver alone",
        "reading the\nbaby's cues;\ncomfort and\nsoothing; the\ncaregiver's stress",
    ),
    (
        "Preschool\nchildren",
        "about 3–5",
        "child and\ncaregiver\ntogether,\noften in play",
        "the need behind\nbehaviour; making\nsense of hard\nevents together",
    ),
    (
        "School-age\nchildren",
        "about 6–12",
        "child alone for\npart; caregiver\nsessions; school,\nwith consent",
        "words for\nfeelings; coping;\ncaregivers as a\nsafe haven",
    ),
    (
        "Teenagers",
        "about 13–18",
        "teen alone; then\nteen and parent\ntogether for\nrepair",
        "rebuilding trust;\nindependence\nwith connection;\nsafety",
    ),
)

_FILLS = ("blue", "orange", "green", "purple")

_LEFT = 1.55  # room for the row labels
_COLUMN_WIDTH = 2.05
_GAP = 0.12
_HEADER_BOTTOM = 5.05
_HEADER_HEIGHT = 1.05
_ROOM_BOTTOM = 3.3
_TARGET_BOTTOM = 1.5
_CELL_HEIGHT = 1.6


def _column_left(index: int) -> float:
    """Left edge of age band ``index`` (0-based) in data units."""
    return _LEFT + index * (_COLUMN_WIDTH + _GAP)


def _cell(axes, x: float, y: float, height: float, *, fill: str, hatch: str) -> None:
    """Draw a hatched, tinted cell with a white panel inside it so text stays legible."""
    axes.add_patch(
        FancyBboxPatch(
            (x, y), _COLUMN_WIDTH, height,
            boxstyle="round,pad=0.0,rounding_size=0.1",
            facecolor=style.TINTS[fill], edgecolor=style.INK, hatch=hatch, linewidth=1.0,
        )
    )
    axes.add_patch(
        FancyBboxPatch(
            (x + 0.1, y + 0.1), _COLUMN_WIDTH - 0.2, height - 0.2,
            boxstyle="round,pad=0.0,rounding_size=0.07",
            facecolor=style.PAPER, edgecolor="none",
        )
    )


def draw() -> Figure:
    """Draw the four age bands with who is in the room, what the work targets, and the shift.

    Returns
    -------
    matplotlib.figure.Figure
        The finished figure, 7 by 5 inches.
    """
    figure, axes = style.new_figure(7.0, 5.0)
    style.blank_axes(axes)
    right = _column_left(len(STAGES) - 1) + _COLUMN_WIDTH
    axes.set_xlim(0, right + 0.05)
    axes.set_ylim(0, _HEADER_BOTTOM + _HEADER_HEIGHT + 0.05)

    # Row labels on the left.
    axes.text(_LEFT - 0.12, _ROOM_BOTTOM + _CELL_HEIGHT / 2, "Who is in\nthe room",
              ha="right", va="center", fontsize=9, fontweight="bold", linespacing=1.1)
    axes.text(_LEFT - 0.12, _TARGET_BOTTOM + _CELL_HEIGHT / 2, "What the\nwork targets",
              ha="right", va="center", fontsize=9, fontweight="bold", linespacing=1.1)

    for index, (title, ages, room, targets) in enumerate(STAGES):
        x = _column_left(index)
        centre = x + _COLUMN_WIDTH / 2
        fill = _FILLS[index]
        hatch = style.HATCHES[index]

        # Header: the age band's name and its approximate ages.
        axes.add_patch(
            FancyBboxPatch(
                (x, _HEADER_BOTTOM), _COLUMN_WIDTH, _HEADER_HEIGHT,
                boxstyle="round,pad=0.0,rounding_size=0.1",
                facecolor=style.TINTS[fill], edgecolor=style.INK, hatch=hatch, linewidth=1.2,
            )
        )
        axes.text(centre, _HEADER_BOTTOM + 0.62, title, ha="center", va="center",
                  fontsize=9.5, fontweight="bold", linespacing=1.05,
                  bbox={"boxstyle": "round,pad=0.2", "facecolor": style.PAPER,
                        "edgecolor": "none"})
        axes.text(centre, _HEADER_BOTTOM + 0.17, ages, ha="center", va="center",
                  fontsize=8, style="italic",
                  bbox={"boxstyle": "round,pad=0.12", "facecolor": style.PAPER,
                        "edgecolor": "none"})

        _cell(axes, x, _ROOM_BOTTOM, _CELL_HEIGHT, fill=fill, hatch=hatch)
        axes.text(centre, _ROOM_BOTTOM + _CELL_HEIGHT / 2, room, ha="center", va="center",
                  fontsize=8, linespacing=1.15)

        _cell(axes, x, _TARGET_BOTTOM, _CELL_HEIGHT, fill=fill, hatch=hatch)
        axes.text(centre, _TARGET_BOTTOM + _CELL_HEIGHT / 2, targets, ha="center",
                  va="center", fontsize=8, linespacing=1.15)

    # The overall shift, drawn as one long arrow under all four columns.
    arrow_y = 0.98
    start = _column_left(0)
    axes.add_patch(
        FancyArrowPatch(
            (start, arrow_y), (right, arrow_y),
            arrowstyle="-|>", mutation_scale=16, color=style.INK, linewidth=1.8,
        )
    )
    axes.text(start, arrow_y + 0.12, "caregivers carry most of the work",
              ha="left", va="bottom", fontsize=8.5, style="italic")
    axes.text(right - 0.1, arrow_y + 0.12, "the young person's own voice grows",
              ha="right", va="bottom", fontsize=8.5, style="italic")

    # What stays the same at every age.
    axes.add_patch(
        FancyBboxPatch(
            (start, 0.08), right - start, 0.52,
            boxstyle="round,pad=0.0,rounding_size=0.1",
            facecolor=style.TINTS["grey"], edgecolor=style.INK, linewidth=1.0,
        )
    )
    axes.text((start + right) / 2, 0.34,
              "At every age: caregivers stay involved, and safety comes first",
              ha="center", va="center", fontsize=9, fontweight="bold")
    return figure
