"""The book's Sphinx extension: what the course adds to a stock Jupyter Book 1 build.

- renders the figures before reading (``figure_build``);
- directives that show a chapter's shared data (objectives, key points, further reading, answer keys);
- serves the exercise script and styles only on pages with exercises, and the widget manager only
  on pages that show a live widget;
- points the exercises' support links at the support page;
- copies the vendored front-end files (from ``node_modules``, installed from the npm registry) into
  the site, so nothing is fetched from another host;
- repairs stock-theme faults a browser or axe-core reports on every page: inline scripts emitted
  twice (a page error), navigation toggles with no accessible name, the sidebar's title link
  outside every landmark, buttons whose accessible name leaves out their visible text
  (template overrides in ``templates/``), citations with a deprecated ARIA role, and exercises
  on one page whose landmarks share a name.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections import Counter
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from . import catalogue, figure_build, slides
from .support import SUPPORT_HREF_PLACEHOLDER, SUPPORT_PAGE_LABEL
from .views.facilitator import plans_markdown
from .views.printed import answer_key

#: Where make book puts the handout PDFs and the book PDF inside the web book.
HANDOUTS_DIR = "handouts"

WEB_ASSETS = Path(__file__).parent / "web"
#: Overrides of a few stock theme components (see ``templates/README.md``); searched before the theme's.
TEMPLATES = Path(__file__).parent / "templates"
FIGURES_DIR = Path("book") / "generated" / "figures"
#: Files copied from node_modules into _static/vendor: (source, destination, glob).
VENDORED = (
    ("requirejs", "", "require.js"),
    ("@jupyter-widgets/html-manager/dist", "html-manager", "*"),
)
WIDGET_VIEW_MARKER = "application/vnd.jupyter.widget-view+json"


def _render_figures(app: Sphinx) -> None:
    figure_build.render_all(Path(app.srcdir) / FIGURES_DIR)


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


def _adjust_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body", "")
    if "ac-exercise" in body:
        app.add_js_file("exercises.js", defer="defer")
        app.add_css_file("exercises.css")
    if SUPPORT_HREF_PLACEHOLDER in body:
        target = app.env.domains["std"].labels.get(SUPPORT_PAGE_LABEL)
        if target is None:
            raise ExtensionError(f"the support page label ({SUPPORT_PAGE_LABEL}) is missing")
        href = context["pathto"](target[0]) + "#" + target[1]
        context["body"] = body.replace(SUPPORT_HREF_PLACEHOLDER, href)
    if WIDGET_VIEW_MARKER not in body:
        # The executed notebook stores widget state even when this page shows the static
        # exercise views instead; the 3.5 MB widget manager is only worth loading for a live widget.
        context["script_files"] = [
            js for js in context.get("script_files", [])
            if not any(part in str(js) for part in ("require.js", "embed-amd.js"))
            and getattr(js, "attributes", {}).get("type") != "application/vnd.jupyter.widget-state+json"
        ]
    context["script_files"] = _without_repeats(context.get("script_files", []))
    context["body"] = _accessible_body(context.get("body", ""))
    if "sidebars" in context:
        # The stock sidebar puts the book's title link outside every landmark (axe: region).
        context["sidebars"] = [SIDEBAR_LOGO if name == "navbar-logo.html" else name for name in context["sidebars"]]
    if callable(context.get("generate_toctree_html")):
        context["generate_toctree_html"] = _named_toggles(context["generate_toctree_html"])


#: The sidebar's title link, wrapped in a navigation landmark (templates/ac-sidebar-logo.html).
SIDEBAR_LOGO = "ac-sidebar-logo.html"
#: An exercise's title in the static web view (views/web.py), and its section's label.
_EXERCISE_TITLE = re.compile(r'<p class="ac-title" id="ac-(?P<id>[^"]+)-title">(?P<title>.*?)</p>', re.S)


def _accessible_body(body: str) -> str:
    """Markup fixes axe-core asks for in the page body."""
    # docutils marks each citation role="doc-biblioentry", deprecated in DPUB-ARIA 1.1, inside a
    # role="list" that so has no list items (axe: aria-deprecated-role, aria-required-children).
    body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    return _distinct_exercise_names(body)


def _distinct_exercise_names(body: str) -> str:
    """Give exercises that share a title on one page distinct accessible names.

    Each exercise is a region landmark named by its title; several knowledge checks are titled
    "Check your understanding", so on the workbook page the landmarks could not be told apart
    (axe: landmark-unique). Those get the chapter added to their name, e.g. "Check your
    understanding (chapter 2, Attachment in childhood)". The visible title is unchanged.
    """
    titles = {match["id"]: match["title"] for match in _EXERCISE_TITLE.finditer(body)}
    repeated = {title for title, count in Counter(titles.values()).items() if count > 1}
    for exercise_id, title in titles.items():
        if title not in repeated:
            continue
        try:
            chapter = catalogue.chapter(exercise_id.split("-", 1)[0])
            where = f"chapter {chapter.number}, {chapter.title}"
        except (KeyError, ValueError, catalogue.ContentError):
            where = exercise_id
        body = body.replace(f'aria-labelledby="ac-{exercise_id}-title"',
                            f'aria-label="{title} ({escape(where)})"', 1)
    return body


def _without_repeats(scripts: list) -> list:
    """Drop repeated script tags, keeping the first of each.

    Sphinx 7.4 registers an inline script added after the builder started (sphinx-thebe's
    ``const THEBE_JS_URL = ...``, sphinx-togglebutton's selector) once with the file name None
    and again, from the registry, with the file name ''. The two no longer compare equal, so
    every page carried both, and the second ``const`` was a SyntaxError on every page.
    """
    seen, kept = set(), []
    for js in scripts:
        attributes = getattr(js, "attributes", {}) or {}
        key = (str(getattr(js, "filename", js) or ""), tuple(sorted((k, str(v)) for k, v in attributes.items())))
        if key not in seen:
            seen.add(key)
            kept.append(js)
    return kept


def _named_toggles(generate):
    """Wrap the theme's sidebar builder so every expand/collapse toggle has an accessible name.

    The stock toggle is a ``<summary>`` holding only a decorative chevron (axe: summary-name);
    it gets visually hidden text naming the chapter it opens.
    """

    def generate_with_names(*args, **kwargs):
        tree = generate(*args, **kwargs)
        if not hasattr(tree, "select") or not hasattr(tree, "new_tag"):
            return tree
        for summary in tree.select("li.has-children > details > summary"):
            if summary.get_text(strip=True):
                continue
            link = summary.parent.parent.find("a", recursive=False)
            title = " ".join(link.get_text().split()) if link is not None else ""
            label = tree.new_tag("span", attrs={"class": "ac-sr-only"})
            label.string = f"Sections of {title}" if title else "Sections"
            summary.append(label)
        return tree

    return generate_with_names


def _finish_site(app: Sphinx, exception: Exception | None) -> None:
    """Add what the HTML site needs beyond Sphinx's pages: slide decks and vendored assets."""
    if exception is not None or app.builder.format != "html":
        return
    try:
        slides.build_decks(Path(app.outdir), Path(app.confdir) / "node_modules", Path(app.srcdir) / FIGURES_DIR)
    except FileNotFoundError as error:
        raise ExtensionError(f"slide decks: {error}") from error
    modules = Path(app.confdir) / "node_modules"
    target_root = Path(app.outdir) / "_static" / "vendor"
    for source, destination, pattern in VENDORED:
        folder = modules / source
        if not folder.is_dir():
            raise ExtensionError(f"{folder} is missing: run `npm ci` in {app.confdir} (`make book` does this).")
        for path in folder.glob(pattern):
            if path.is_file() and not path.name.endswith(".map"):
                (target_root / destination).mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target_root / destination / path.name)


def package_digest() -> str:
    """A fingerprint of the course package: its code, data, schemas and web assets."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".json", ".js", ".css"):
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _configure(app: Sphinx, config) -> None:
    config.html_static_path.append(str(WEB_ASSETS))
    # The execution cache keys on a notebook's code only, but what an exercise cell shows comes
    # from this package's code and data: keep one cache per package version, so editing an
    # exercise or a view re-executes the pages instead of serving stale output.
    cache_root = Path(config.nb_execution_cache_path or "_build/.jupyter_cache")
    if not cache_root.is_absolute():
        cache_root = Path(app.confdir) / cache_root
    version = package_digest()[:16]
    for stale in cache_root.glob("package-*"):
        if stale.name != f"package-{version}":
            shutil.rmtree(stale, ignore_errors=True)
    config.nb_execution_cache_path = str(cache_root / f"package-{version}")
    # First, so these win over the theme's components of the same name.
    config.templates_path.insert(0, str(TEMPLATES))


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _render_figures)
    app.add_directive("objectives", ObjectivesDirective)
    app.add_directive("key-points", KeyPointsDirective)
    app.add_directive("further-reading", FurtherReadingDirective)
    app.add_directive("answer-keys", AnswerKeysDirective)
    app.add_directive("session-plans", SessionPlansDirective)
    # After the theme's own handlers (priority 500), which put the sidebar functions in the context.
    app.connect("html-page-context", _adjust_page, priority=900)
    app.connect("build-finished", _finish_site)
    app.connect("config-inited", _configure, priority=100)
    app.add_css_file("course.css")
    # A new package version (code or data) re-reads every page: directives and exercise views render from it.
    return {"version": "0.1", "env_version": int(package_digest()[:8], 16),
            "parallel_read_safe": True, "parallel_write_safe": True}
