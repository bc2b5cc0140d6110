"""Slide decks for facilitators: one reveal.js deck per chapter, built from the course's data.

A deck follows the chapter's 60-minute session plan step by step; its slides carry the chapter's
key points, figures and discussion questions, and every slide's speaker notes come from the plan's
facilitator notes. reveal.js itself (vendored from the npm registry) does the presenting: keyboard
navigation, speaker view (press S) and overview (press Esc).
"""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

from . import catalogue
from .support import SUPPORT_SHORT
from .views.facilitator import FORMAT_NAMES

#: Where decks and their assets go, relative to the HTML output folder.
DECKS_DIR = "slides"
REVEAL_DIR = "_static/vendor/reveal.js"
#: The reveal.js files the decks use. Only these are copied: several of reveal's other themes
#: import web fonts from another host.
REVEAL_FILES = ("reset.css", "reveal.css", "reveal.js", "theme/white-contrast.css", "plugin/notes.js")


def _notes(text: str) -> str:
    return f'<aside class="notes"><p>{escape(text)}</p></aside>'


def _list(items) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _spread(points: list[str], slots: int) -> list[list[str]]:
    """Share ``points`` out over ``slots`` slides in order, as evenly as possible."""
    if slots <= 0:
        return []
    shares, extra = divmod(len(points), slots)
    out, start = [], 0
    for index in range(slots):
        end = start + shares + (1 if index < extra else 0)
        out.append(points[start:end])
        start = end
    return out


def deck_sections(chapter: catalogue.Chapter, sessions: dict, figure_alt: dict[str, str]) -> list[str]:
    """The deck's slides as HTML ``<section>`` elements, in presenting order."""
    plan = next(p for p in sessions["plans"] if p["minutes"] == 60)
    teaching = [step for step in plan["steps"] if not step.get("pause")]
    share = dict(zip((id(s) for s in teaching), _spread(list(chapter.key_points), len(teaching))))
    figures = list(chapter.figures)
    slides = [
        f'<section><p class="kicker">Chapter {chapter.number}</p><h1>{escape(chapter.title)}</h1>'
        "<p>Attachment-Based Therapy · facilitator deck</p>"
        + _notes("This deck follows the 60-minute session plan; for 15 or 30 minutes, skip the slides the "
                 "shorter plan leaves out. Press S for this speaker view, Esc for an overview of all slides.")
        + "</section>",
        f"<section><h2>In this session</h2>{_list(plan['objectives'])}"
        + _notes("Objectives of the session: " + " ".join(plan["objectives"])) + "</section>",
    ]
    clock = 0
    for step in plan["steps"]:
        start, clock = clock, clock + step["minutes"]
        timing = f'<p class="timing">{start}–{clock} min</p>'
        if step.get("pause"):
            slides.append(
                f'<section class="pause"><p class="kicker">Pause and discuss</p><h2>{escape(step["title"])}</h2>'
                f"{_list(step.get('questions', []))}{timing}{_notes(step['facilitator_notes'])}</section>"
            )
            continue
        points = share.get(id(step), [])
        slides.append(
            f"<section><h2>{escape(step['title'])}</h2>{_list(points) if points else ''}{timing}"
            f"{_notes(step['facilitator_notes'])}</section>"
        )
        if figures and points:
            name = figures.pop(0)
            slides.append(
                f'<section><img class="figure" src="figures/{name}.svg" alt="{escape(figure_alt[name])}">'
                + _notes(f"Describe the figure in words for anyone who cannot see it: {figure_alt[name]}")
                + "</section>"
            )
    for name in figures:
        slides.append(f'<section><img class="figure" src="figures/{name}.svg" alt="{escape(figure_alt[name])}">'
                      + _notes(figure_alt[name]) + "</section>")
    activity = plan["activity"]
    slides.append(
        f'<section><p class="kicker">Group activity · {activity["minutes"]} min · {FORMAT_NAMES[activity["format"]]}</p>'
        f"<h2>{escape(activity['title'])}</h2><p class=\"small\">{escape(activity['instructions'])}</p>"
        + _notes("Remind the group that no one shares personal material; the activity uses fictional people. "
                 + activity["instructions"]) + "</section>"
    )
    slides.append(
        f"<section><h2>Questions to take away</h2>{_list(chapter.discussion_questions)}"
        + _notes("Close with the chapter's discussion questions; people can think about them on their own.")
        + "</section>"
    )
    slides.append(
        f'<section><h2>Looking after yourself</h2><p class="small">{escape(SUPPORT_SHORT)}</p>'
        + _notes("End every session with the support lines, whatever the topic.") + "</section>"
    )
    return slides


def deck_html(chapter: catalogue.Chapter, sessions: dict, figure_alt: dict[str, str]) -> str:
    reveal = f"../{REVEAL_DIR}"
    sections = "\n".join(deck_sections(chapter, sessions, figure_alt))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="../_static/favicon.svg">
<title>Chapter {chapter.number}: {escape(chapter.title)} (slides)</title>
<link rel="stylesheet" href="{reveal}/reset.css">
<link rel="stylesheet" href="{reveal}/reveal.css">
<link rel="stylesheet" href="{reveal}/theme/white-contrast.css">
<link rel="stylesheet" href="deck.css">
</head>
<body>
<div class="reveal"><div class="slides">
{sections}
</div></div>
<script src="{reveal}/reveal.js"></script>
<script src="{reveal}/plugin/notes.js"></script>
<script>Reveal.initialize({{hash: true, slideNumber: "c/t", plugins: [RevealNotes]}});</script>
</body>
</html>
"""


DECK_CSS = """/* Course additions to the reveal.js theme: readable sizes and sentence case. */
.reveal h1, .reveal h2 { text-transform: none; }
.reveal h2 { font-size: 1.3em; }
.reveal ul { font-size: 0.8em; }
.reveal .kicker, .reveal .timing { font-size: 0.55em; color: #333; }
.reveal .small { font-size: 0.6em; text-align: left; }
.reveal img.figure { max-height: 560px; background: #fff; }
.reveal .pause h2::before { content: "⏸ "; }
"""


def build_decks(out_dir: Path, node_modules: Path, figures_dir: Path) -> list[Path]:
    """Write every chapter's deck into ``out_dir/slides`` and vendor reveal.js beside it.

    Raises
    ------
    FileNotFoundError
        If reveal.js is not installed (``npm ci``) or a chapter has no session plans; the message
        names the chapter.
    """
    from .figure_build import figure_modules

    reveal_source = node_modules / "reveal.js" / "dist"
    if not reveal_source.is_dir():
        raise FileNotFoundError(f"{reveal_source} is missing: run `npm ci` (`make book` does this)")
    for name in REVEAL_FILES:
        target = out_dir / REVEAL_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(reveal_source / name, target)
    decks = out_dir / DECKS_DIR
    (decks / "figures").mkdir(parents=True, exist_ok=True)
    (decks / "deck.css").write_text(DECK_CSS, "utf-8")
    alt = {name: module.ALT_TEXT for name, module in figure_modules().items()}
    plans = catalogue.session_plans()
    written = []
    for chapter in catalogue.chapters().values():
        if chapter.id not in plans:
            raise FileNotFoundError(f"{chapter.id} ({chapter.title}) has no facilitator session plans")
        for name in chapter.figures:
            shutil.copy2(figures_dir / f"{name}.svg", decks / "figures" / f"{name}.svg")
        target = decks / f"{chapter.id}.html"
        target.write_text(deck_html(chapter, plans[chapter.id], alt), "utf-8")
        written.append(target)
    return written
