"""The figure modules and their build step (``attachment_course.figure_build``, ``figures``)."""

from __future__ import annotations

import io
import re
import types
from html.parser import HTMLParser

import pytest
from matplotlib.figure import Figure

from attachment_course import figure_build
from attachment_course.figure_build import FigureError, figure_modules, render
from attachment_course.figures import attachment_map

MODULES = figure_modules()


def test_the_figure_package_has_the_expected_figures():
    assert len(MODULES) >= 10
    assert "attachment_map" in MODULES


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_figure_module_has_draw_and_alt_text(name):
    module = MODULES[name]
    assert callable(module.draw)
    assert isinstance(module.ALT_TEXT, str) and len(module.ALT_TEXT.split()) >= 8, name
    assert '"' not in module.ALT_TEXT  # it is placed in HTML attributes and MyST options


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_figure_draws_deterministic_svg(name):
    def svg() -> bytes:
        figure = MODULES[name].draw()
        assert isinstance(figure, Figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        return buffer.getvalue()

    first = svg()
    assert first == svg(), f"{name}: two drawings differ, so every build would rewrite the file"
    assert b"<svg" in first


def test_render_writes_svg_and_pdf_then_rewrites_nothing(tmp_path):
    written = render("attachment_map", attachment_map, tmp_path)
    assert sorted(p.name for p in written) == ["attachment_map.pdf", "attachment_map.svg"]
    svg, pdf = tmp_path / "attachment_map.svg", tmp_path / "attachment_map.pdf"
    assert svg.read_bytes().lstrip().startswith(b"<?xml") and pdf.read_bytes().startswith(b"%PDF")
    stamps = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (svg, pdf)}

    assert render("attachment_map", attachment_map, tmp_path) == []
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (svg, pdf)} == stamps


def test_render_rewrites_a_file_that_changed(tmp_path, monkeypatch):
    monkeypatch.setattr(figure_build, "FORMATS", ("svg",))  # PDF output is slow; SVG shows the rule
    render("attachment_map", attachment_map, tmp_path)
    (tmp_path / "attachment_map.svg").write_text("stale")
    assert [p.name for p in render("attachment_map", attachment_map, tmp_path)] == ["attachment_map.svg"]
    assert (tmp_path / "attachment_map.svg").read_bytes() != b"stale"


def test_a_figure_that_fails_to_draw_is_named(tmp_path):
    broken = types.SimpleNamespace(draw=lambda: 1 / 0, ALT_TEXT="x")
    with pytest.raises(FigureError, match=r"figures/broken\.py: draw\(\) failed: ZeroDivisionError"):
        render("broken", broken, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_incomplete_figure_module_is_refused(monkeypatch):
    incomplete = types.ModuleType("attachment_course.figures.incomplete")
    monkeypatch.setattr(figure_build.pkgutil, "iter_modules", lambda path: [types.SimpleNamespace(name="incomplete")])
    monkeypatch.setattr(figure_build.importlib, "import_module", lambda name: incomplete)
    with pytest.raises(FigureError, match=r"figures/incomplete\.py must define draw\(\) and ALT_TEXT"):
        figure_modules()


# -- the two-dimension map -------------------------------------------------------------------------
def test_plot_box_matches_axes_box():
    left, bottom, width, height = attachment_map.AXES_BOX
    box = attachment_map.plot_box()
    assert box == pytest.approx(
        {"x0": left, "y0": 1 - bottom - height, "width": width, "height": height, "low": 1, "high": 7}
    )


def test_the_drawn_axes_sit_where_plot_box_says():
    figure = attachment_map.draw()
    (axes,) = figure.axes
    assert axes.get_position().bounds == pytest.approx(attachment_map.AXES_BOX)
    assert axes.get_xlim() == (1, 7) and axes.get_ylim() == (1, 7)


@pytest.mark.parametrize("avoidance, anxiety", [(1, 1), (7, 7), (4, 4), (2.17, 5.83), (6.5, 1.5)])
def test_the_web_page_arithmetic_places_a_point_where_matplotlib_draws_it(avoidance, anxiety):
    figure = attachment_map.draw()
    (axes,) = figure.axes
    x, y = figure.transFigure.inverted().transform(axes.transData.transform((avoidance, anxiety)))
    box = attachment_map.plot_box()
    span = box["high"] - box["low"]
    left = box["x0"] + (avoidance - box["low"]) / span * box["width"]
    top = box["y0"] + (box["high"] - anxiety) / span * box["height"]
    assert (left, top) == pytest.approx((x, 1 - y), abs=1e-9)


def test_draw_with_a_point_marks_it():
    figure = attachment_map.draw((2.5, 6.0))
    (point,) = [line for line in figure.axes[0].lines if line.get_marker() == "o"]
    assert (point.get_xdata()[0], point.get_ydata()[0]) == (2.5, 6.0)
    assert any("avoidance 2.50, anxiety 6.00" in t.get_text() for t in figure.axes[0].texts)
    assert not [line for line in attachment_map.draw().axes[0].lines if line.get_marker() == "o"]


def test_blank_svg_scales_and_is_labelled():
    svg = attachment_map.blank_svg()
    assert svg.startswith("<svg")

    class Root(HTMLParser):
        attrs = None

        def handle_starttag(self, tag, attrs):
            if tag == "svg" and self.attrs is None:
                self.attrs = dict(attrs)

    root = Root()
    root.feed(svg)
    assert root.attrs["width"] == "100%" and "height" not in root.attrs
    assert root.attrs["role"] == "img" and root.attrs["aria-label"] == attachment_map.ALT_TEXT
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.attrs["viewbox"])
    assert attachment_map.blank_svg() is svg  # built once
