"""The book's Sphinx extension: what the course adds to a stock Jupyter Book 1 build.

- renders the figures before reading (``figure_build``) and registers the course's directives
  (``book_directives``);
- serves the exercise script and styles only on pages with exercises, and the widget manager only
  on pages that show a live widget; points the exercises' support links at the support page;
- applies the stock-theme repairs of ``theme_repairs`` and the template overrides in ``templates/``;
- after an HTML build, writes the slide decks (``slides``) and copies the vendored front-end files
  (installed from the npm registry into ``node_modules``), so nothing is fetched from another host;
- keeps one notebook-execution cache per version of the course package.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from . import book_directives, figure_build, slides, theme_repairs
from .support import SUPPORT_HREF_PLACEHOLDER, SUPPORT_PAGE_LABEL


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
    context["script_files"] = theme_repairs.without_repeats(context.get("script_files", []))
    context["body"] = theme_repairs.accessible_body(context.get("body", ""))
    if "sidebars" in context:
        # The stock sidebar puts the book's title link outside every landmark (axe: region).
        context["sidebars"] = [theme_repairs.SIDEBAR_LOGO if name == "navbar-logo.html" else name for name in context["sidebars"]]
    if callable(context.get("generate_toctree_html")):
        context["generate_toctree_html"] = theme_repairs.named_toggles(context["generate_toctree_html"])












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
    """A fingerprint of what exercise outputs and directives are made from: the package's code, data and schemas.

    The web assets (.js, .css) are left out: they are copied as files, so changing them needs no
    page re-read or notebook re-run.
    """
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".json"):
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
    app.add_directive("objectives", book_directives.ObjectivesDirective)
    app.add_directive("key-points", book_directives.KeyPointsDirective)
    app.add_directive("further-reading", book_directives.FurtherReadingDirective)
    app.add_directive("answer-keys", book_directives.AnswerKeysDirective)
    app.add_directive("session-plans", book_directives.SessionPlansDirective)
    # After the theme's own handlers (priority 500), which put the sidebar functions in the context.
    app.connect("html-page-context", _adjust_page, priority=900)
    app.connect("build-finished", _finish_site)
    app.connect("config-inited", _configure, priority=100)
    app.add_css_file("course.css")
    # A new package version (code or data) re-reads every page: directives and exercise views render from it.
    return {"version": "0.1", "env_version": int(package_digest()[:8], 16),
            "parallel_read_safe": True, "parallel_write_safe": True}
