"""Repairs to stock Jupyter Book 1 / pydata-sphinx-theme output that a browser or axe-core reports.

Inline scripts emitted twice (a page error on every page), sidebar toggles with no accessible
name, the sidebar's title link outside every landmark (``templates/ac-sidebar-logo.html``) and
citations with a deprecated ARIA role. Button-name fixes are template overrides in ``templates/``.
"""

from __future__ import annotations

#: The sidebar's title link, wrapped in a navigation landmark (templates/ac-sidebar-logo.html).
SIDEBAR_LOGO = "ac-sidebar-logo.html"


def accessible_body(body: str) -> str:
    """Markup fixes axe-core asks for in the page body."""
    # docutils marks each citation role="doc-biblioentry", deprecated in DPUB-ARIA 1.1, inside a
    # role="list" that so has no list items (axe: aria-deprecated-role, aria-required-children).
    return body.replace('role="doc-biblioentry"', 'role="listitem"')


def without_repeats(scripts: list) -> list:
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


def named_toggles(generate):
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

