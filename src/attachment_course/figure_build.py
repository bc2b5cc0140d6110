"""Renders every figure module to SVG (web) and PDF (print), rewriting a file only when it changed.

Leaving unchanged files untouched keeps Sphinx's incremental rebuilds fast: it rebuilds pages
whose images' modification times moved.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
from pathlib import Path
from types import ModuleType

import matplotlib.pyplot as plt

from . import figures

FORMATS = ("svg", "pdf")


class FigureError(RuntimeError):
    """A figure module is incomplete or failed to draw; the message names it."""


def figure_modules() -> dict[str, ModuleType]:
    """Every figure module, by name (the file name without ``.py``)."""
    found = {}
    for info in pkgutil.iter_modules(figures.__path__):
        module = importlib.import_module(f"{figures.__name__}.{info.name}")
        if not callable(getattr(module, "draw", None)) or not isinstance(getattr(module, "ALT_TEXT", None), str):
            raise FigureError(f"figures/{info.name}.py must define draw() and ALT_TEXT")
        found[info.name] = module
    return found


def render(name: str, module: ModuleType, out_dir: Path) -> list[Path]:
    """Render one figure in every format; returns the files that were (re)written."""
    try:
        figure = module.draw()
    except Exception as error:  # report which figure broke, whatever broke it
        raise FigureError(f"figures/{name}.py: draw() failed: {error!r}") from error
    written = []
    for fmt in FORMATS:
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"CreationDate": None, "ModDate": None}
        figure.savefig(buffer, format=fmt, metadata=metadata)
        target = out_dir / f"{name}.{fmt}"
        data = buffer.getvalue()
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
            written.append(target)
    plt.close("all")
    return written


def render_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, module in figure_modules().items():
        written += render(name, module, out_dir)
    return written


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "book/generated/figures")
    for path in render_all(target):
        print(f"wrote {path}")
