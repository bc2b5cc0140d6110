"""Build-time and size report for the course (`make bench`); the output is recorded in BENCHMARKS.md.

Builds into _build/bench/ with a private execution cache, so it never disturbs the normal build.
Times are wall-clock seconds on the machine that runs it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "_build" / "bench"
BIN = Path(sys.executable).parent
FLAGS = ["-W", "-n", "--keep-going"]
CHANGED_NOTEBOOK = ROOT / "exercises" / "knowledge-checks.ipynb"


def config(execute: str, cache: Path) -> Path:
    data = yaml.safe_load((ROOT / "_config.yml").read_text("utf-8"))
    data["execute"]["execute_notebooks"] = execute
    data["execute"]["cache"] = str(cache)
    path = BENCH / f"config-{execute}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def timed_build(label: str, builder: str, out: Path, config_path: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [str(BIN / "jupyter-book"), "build", str(ROOT), "--builder", builder, "--path-output", str(out),
         "--config", str(config_path), *FLAGS], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{label}: build failed\n{result.stdout[-3000:]}")
    return elapsed


class Loads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.urls.append(values["src"])
        if tag == "link" and values.get("rel") in ("stylesheet", "preload", "icon") and values.get("href"):
            self.urls.append(values["href"])
        if tag == "img" and values.get("src"):
            self.urls.append(values["src"])


def transfer_size(site: Path, page: Path) -> int:
    """Bytes a first visit to ``page`` downloads: the HTML and every local resource it loads."""
    parser = Loads()
    parser.feed(page.read_text("utf-8"))
    total, seen = page.stat().st_size, set()
    base = "/" + str(page.relative_to(site))
    for url in parser.urls:
        path = urlparse(urljoin(base, url)).path
        if path in seen:
            continue
        seen.add(path)
        file = site / path.lstrip("/")
        if file.is_file():
            total += file.stat().st_size
            if file.suffix == ".css":  # fonts and images a stylesheet pulls in
                for ref in re.findall(r"url\(\s*['\"]?([^'\")?#]+)", file.read_text("utf-8", errors="replace")):
                    if ref.startswith("data:"):  # inlined in the stylesheet, already counted
                        continue
                    asset = (file.parent / ref).resolve()
                    if asset.is_file() and str(asset) not in seen and ref.endswith((".woff2", ".png", ".svg")):
                        seen.add(str(asset))
                        total += asset.stat().st_size
    return total


def mib(n: float) -> str:
    return f"{n / 2**20:.2f} MiB"


def main() -> None:
    shutil.rmtree(BENCH, ignore_errors=True)
    BENCH.mkdir(parents=True)
    cached = config("cache", BENCH / "jupyter_cache")
    rows = [("clean HTML build (executes every notebook)", f"{timed_build('clean', 'html', BENCH / 'site', cached):.1f} s")]
    rows.append(("HTML build with execution off (the floor)",
                 f"{timed_build('noexec', 'html', BENCH / 'site-noexec', config('off', BENCH / 'unused')):.1f} s"))
    rows.append(("no-change rebuild", f"{timed_build('again', 'html', BENCH / 'site', cached):.1f} s"))
    original = CHANGED_NOTEBOOK.read_text("utf-8")
    try:
        CHANGED_NOTEBOOK.write_text(original.replace('show_exercises(\\"knowledge-check\\")',
                                                     'show_exercises(\\"knowledge-check\\")  # bench'), "utf-8")
        rows.append(("rebuild after one notebook's code changes",
                     f"{timed_build('one', 'html', BENCH / 'site', cached):.1f} s"))
    finally:
        CHANGED_NOTEBOOK.write_text(original, "utf-8")
    rows.append(("PDF build (cache warm)", f"{timed_build('pdf', 'pdflatex', BENCH / 'site', cached):.1f} s"))
    start = time.perf_counter()
    nbval = subprocess.run([sys.executable, "-m", "pytest", "-q", "-m", "notebooks", "-p", "no:cacheprovider"],
                           cwd=ROOT, capture_output=True, text=True)
    rows.append(("nbval over every notebook", f"{time.perf_counter() - start:.1f} s"
                 + ("" if nbval.returncode == 0 else " (FAILED)")))
    site = BENCH / "site" / "_build" / "html"
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    rows.append(("total site size", mib(total)))
    sizes = {page: transfer_size(site, page) for page in site.rglob("*.html")}
    heaviest = max(sizes, key=sizes.get)
    rows.append((f"heaviest page transfer ({heaviest.relative_to(site)})", mib(sizes[heaviest])))
    pdf = next((BENCH / "site" / "_build" / "latex").glob("*.pdf"))
    rows.append(("PDF size", mib(pdf.stat().st_size)))
    width = max(len(label) for label, _ in rows)
    print("| measure | value |\n|---|---|")
    for label, value in rows:
        print(f"| {label.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
