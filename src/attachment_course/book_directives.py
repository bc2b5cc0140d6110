"""MyST directives that render the course's shared data into pages.

``objectives``, ``key-points`` and ``further-reading`` show a chapter's YAML; ``answer-keys`` the
answers to a chapter's knowledge checks and vignettes; ``session-plans`` a chapter's facilitator
plans with links to its slide deck and handout. Each page rebuilds when its YAML changes.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import catalogue, slides
from .views.facilitator import plans_markdown
from .views.printed import answer_key

#: Where make book puts the handout PDFs inside the web book.
HANDOUTS_DIR = "handouts"


class _ChapterDataDirective(SphinxDirective):
    """Base: render Markdown built from a chapter's YAML, and rebuild when that YAML changes."""

    required_arguments = 1
    has_content = False

    def markdown(self, chapter: catalogue.Chapter) -> str:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        chapter_id = self.arguments[0]
        try:
            chapter = catalogue.chapter(chapter_id)
        except (KeyError, catalogue.ContentError) as error:
            raise self.error(f"{self.name}: {error}") from error
        self.env.note_dependency(str(Path(catalogue.__file__).parent / "content" / "chapters" / f"{chapter_id}.yaml"))
        return self.parse_text_to_nodes(self.markdown(chapter))


def _site_root(docname: str) -> str:
    """Relative path from a page to the site's root folder."""
    return "../" * docname.count("/")


def materials_links(docname: str, chapter: catalogue.Chapter) -> str:
    """Web-only links to a chapter's facilitator materials: plan page, slide deck, handout PDF."""
    root = _site_root(docname)
    # Raw HTML: the deck and the handout are files make book adds to the site, not Sphinx documents.
    plan_page = f"{root}book/facilitator/{chapter.id}.html"
    return (
        "```{raw} html\n"
        '<p class="ac-materials"><em>For facilitators:</em> '
        f'<a href="{plan_page}">session plans</a> · '
        f'<a href="{root}{slides.DECKS_DIR}/{chapter.id}.html">slide deck</a> · '
        f'<a href="{root}{HANDOUTS_DIR}/{chapter.id}-handout.pdf">printable handout (PDF)</a></p>\n'
        "```"
    )


class ObjectivesDirective(_ChapterDataDirective):
    def markdown(self, chapter):
        items = "\n".join(f"- {objective}" for objective in chapter.objectives)
        return (
            f":::{{admonition}} Learning objectives\n:class: ac-objectives\n"
            f"By the end of this chapter you will be able to:\n\n{items}\n:::\n\n"
            + materials_links(self.env.docname, chapter)
        )


class SessionPlansDirective(_ChapterDataDirective):
    """A chapter's three timed session plans, with links to its deck and handout."""

    def markdown(self, chapter):
        plans = catalogue.session_plans()
        if chapter.id not in plans:
            raise self.error(f"session-plans: {chapter.id} ({chapter.title}) has no facilitator session plans")
        self.env.note_dependency(str(Path(catalogue.__file__).parent / "content" / "sessions" / f"{chapter.id}.yaml"))
        return materials_links(self.env.docname, chapter) + "\n\n" + plans_markdown(plans[chapter.id])


class KeyPointsDirective(_ChapterDataDirective):
    def markdown(self, chapter):
        return "\n".join(f"- {point}" for point in chapter.key_points)


class FurtherReadingDirective(_ChapterDataDirective):
    def markdown(self, chapter):
        return "\n".join(f"- {{cite:t}}`{entry.key}`: {entry.note}" for entry in chapter.further_reading)


class AnswerKeysDirective(SphinxDirective):
    """The answers to one chapter's knowledge checks and vignettes, with the reasoning."""

    required_arguments = 1

    def run(self):
        prefix = f"{self.arguments[0]}-"
        keyed = [e for e in catalogue.exercises().values()
                 if e.id.startswith(prefix) and e.kind in ("knowledge-check", "vignette")]
        if not keyed:
            raise self.error(f"answer-keys: chapter {self.arguments[0]} has no knowledge check or vignette")
        text = "\n\n".join(answer_key(e).replace("### ", "**", 1).replace("\n", "**\n", 1) for e in keyed)
        self.env.note_dependency(str(Path(catalogue.__file__).parent / "content" / "exercises" / f"{self.arguments[0]}.yaml"))
        return self.parse_text_to_nodes(text)

