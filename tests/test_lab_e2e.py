"""End to end through a live JupyterLab: the four exercise notebooks, run and used in a real browser.

A module-scoped fixture starts JupyterLab (from the interpreter running the tests) on 127.0.0.1
with a random token, a temporary copy of ``exercises/`` as its root, a temporary journal
(``ATTACHMENT_COURSE_JOURNAL``) and isolated Jupyter config, data, runtime, settings and workspace
folders. Headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright) opens each
notebook, runs all cells from the Run menu, waits for the ipywidgets to render and uses them as a
reader would. Every test fails on a browser console error (a few documented exceptions) and on
any request to a host other than 127.0.0.1. A screenshot of a failing page goes to
``/tmp/lab-e2e-<notebook>.png``.

Run: ``python -m pytest tests/test_lab_e2e.py -m lab``. Needs jupyterlab, ipywidgets, playwright
(the Python client only: no browser download) and Chromium at ``/usr/bin/chromium``, or at the
path in ``LAB_E2E_CHROMIUM``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from attachment_course.catalogue import exercises  # noqa: E402
from attachment_course.marking import mark_question  # noqa: E402
from attachment_course.self_check import score  # noqa: E402
from attachment_course.views.web import APPROACH_NAMES  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = ("reflective-journal", "attachment-self-check", "knowledge-checks", "case-vignettes")
CHROMIUM = os.environ.get("LAB_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LOCAL_HOST = "127.0.0.1"
#: Upper bound of any single wait, in seconds (each step stays within a minute).
STEP_TIMEOUT = 60
STEP_TIMEOUT_MS = STEP_TIMEOUT * 1000
#: Waits for the page to react to a click or to typing (kernel round trips included).
REACTION_TIMEOUT_MS = 30_000

#: This module's own ``expect`` (Playwright's global one defaults to 5 s, too short for a kernel
#: round trip on a loaded two-core machine; a private instance leaves other tests' default alone).
expect = playwright_sync.Expect()
expect.set_options(timeout=REACTION_TIMEOUT_MS)

#: Console errors that come from JupyterLab itself running without the internet, never from the
#: course. Each entry: (pattern searched in the message text and its source URL, why it is
#: harmless here). With the server configuration below (no news URL, no update check, read-only
#: extension manager) none has been seen; the entry is a narrow safety net, not a blanket filter.
IGNORED_CONSOLE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    # The extension manager's listing, the news feed and the update check are fetched from the
    # *local* server, which would ask PyPI or the Jupyter news feed and, offline, answer with an
    # error status that Chromium logs as "Failed to load resource ... /lab/api/<endpoint>".
    (
        re.compile(r"/lab/api/(extensions|news|update)\b"),
        "JupyterLab's extension-manager listing / news / update check is unreachable offline",
    ),
)


# -- the JupyterLab server ------------------------------------------------------------------------


@dataclass
class LabServer:
    base_url: str
    token: str
    root: Path
    journal: Path
    env: dict[str, str]
    log: Path

    def api(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(
            f"{self.base_url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self) -> None:
        """Stop every session and kernel, so the notebooks' kernels do not pile up on two cores."""
        for session in self.api("/api/sessions"):
            with contextlib.suppress(urllib.error.URLError, OSError):
                self.api(f"/api/sessions/{session['id']}", method="DELETE")
        for kernel in self.api("/api/kernels"):
            with contextlib.suppress(urllib.error.URLError, OSError):
                self.api(f"/api/kernels/{kernel['id']}", method="DELETE")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text("utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOCAL_HOST, 0))
        return probe.getsockname()[1]


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), "utf-8")


def _stop(process: subprocess.Popen, server: LabServer) -> None:
    """Stop the kernels (each runs in its own session), then the server, then its process group."""
    if process.poll() is None:
        with contextlib.suppress(Exception):
            server.shut_down_kernels()
        process.terminate()  # SIGTERM: the server also shuts down any kernel it still has
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    # The server ran in its own process group (start_new_session): end anything left in it.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> LabServer:
    pytest.importorskip("jupyterlab")
    pytest.importorskip("ipywidgets")
    home = tmp_path_factory.mktemp("lab-e2e")
    root = home / "exercises"
    root.mkdir()
    for name in NOTEBOOKS:
        shutil.copy2(REPO / "exercises" / f"{name}.ipynb", root / f"{name}.ipynb")
    journal = home / "journal" / "journal.json"
    config_dir, data_dir, runtime_dir = home / "config", home / "data", home / "runtime"
    settings_dir, workspaces_dir = home / "lab-settings", home / "lab-workspaces"
    for folder in (config_dir, data_dir, runtime_dir, settings_dir, workspaces_dir):
        folder.mkdir()

    # Server-side: no news feed, no update check, no PyPI-backed extension manager (all would try
    # the internet from the server).
    _write_json(config_dir / "jupyter_server_config.json", {
        "LabApp": {
            "news_url": None,
            "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
            "extension_manager": "readonly",
        },
    })
    # Front-end user settings: never ask about or fetch news (no toast over the notebook).
    _write_json(settings_dir / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings",
                {"fetchNews": "false", "checkForUpdates": False})

    bin_dir = str(Path(sys.executable).parent)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("JUPYTER", "JPY_", "IPYTHON")) and key != "PYTHONSTARTUP"}
    env.update({
        "JUPYTER_CONFIG_DIR": str(config_dir),
        "JUPYTER_DATA_DIR": str(data_dir),
        "JUPYTER_RUNTIME_DIR": str(runtime_dir),
        "JUPYTERLAB_SETTINGS_DIR": str(settings_dir),
        "JUPYTERLAB_WORKSPACES_DIR": str(workspaces_dir),
        "IPYTHONDIR": str(home / "ipython"),
        "ATTACHMENT_COURSE_JOURNAL": str(journal),
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",  # quiets the debugger's frozen-modules warning
    })
    port, token = _free_port(), secrets.token_hex(24)
    command = [
        sys.executable, "-m", "jupyter", "lab",
        "--no-browser",
        f"--ServerApp.ip={LOCAL_HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={settings_dir}",
        f"--LabApp.workspaces_dir={workspaces_dir}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--ServerApp.allow_root=True")  # containers and CI often run as root
    log = home / "jupyterlab.log"
    server = LabServer(f"http://{LOCAL_HOST}:{port}", token, root, journal, env, log)
    with open(log, "wb") as log_stream:
        process = subprocess.Popen(command, cwd=root, env=env, stdin=subprocess.DEVNULL,
                                   stdout=log_stream, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {process.returncode}:\n{server.log_tail()}")
            try:
                server.api("/api/status")
                break
            except (urllib.error.URLError, OSError, ValueError):
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer /api/status within {STEP_TIMEOUT} s:\n"
                                f"{server.log_tail()}")
                time.sleep(0.25)
        yield server
    finally:
        _stop(process, server)


# -- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (set LAB_E2E_CHROMIUM)")
    with playwright_sync.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                         timeout=STEP_TIMEOUT_MS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageWatch:
    """What a page did that a test must fail on: console errors, uncaught errors, foreign hosts."""

    console_errors: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        location = message.location or {}
        text = f"{message.text} [{location.get('url', '')}:{location.get('lineNumber', '')}]"
        if any(pattern.search(text) for pattern, _why in IGNORED_CONSOLE_ERRORS):
            self.ignored.append(text)
        else:
            self.console_errors.append(text)

    def on_page_error(self, error) -> None:
        self.console_errors.append(f"uncaught: {error}")

    def check_url(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "chrome-error"):
            return True
        if parts.hostname == LOCAL_HOST:
            return True
        self.foreign_requests.append(url)
        return False

    def problems(self) -> list[str]:
        return ([f"console error: {e}" for e in self.console_errors]
                + [f"request to another host: {u}" for u in self.foreign_requests])


@contextlib.contextmanager
def notebook_page(chromium, lab: LabServer, notebook: str):
    """A fresh browser context on ``notebook``, watched; screenshot to /tmp on failure."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(REACTION_TIMEOUT_MS)
    watch = PageWatch()

    def route(route_request):
        if watch.check_url(route_request.request.url):
            route_request.continue_()
        else:
            route_request.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", watch.on_console)
    page.on("pageerror", watch.on_page_error)
    page.on("websocket", lambda socket_: watch.check_url(socket_.url))
    try:
        try:
            yield page
            problems = watch.problems()
            assert not problems, "The page reported problems:\n" + "\n".join(problems)
        except BaseException as error:
            shot = Path(f"/tmp/lab-e2e-{notebook}.png")
            with contextlib.suppress(Exception):
                page.screenshot(path=str(shot), timeout=10_000)
                error.add_note(f"Screenshot: {shot}")
            if watch.problems():
                error.add_note("Page problems:\n" + "\n".join(watch.problems()))
            error.add_note(f"JupyterLab log (tail):\n{lab.log_tail(20)}")
            raise
    finally:
        with contextlib.suppress(Exception):
            context.close()
        with contextlib.suppress(Exception):
            lab.shut_down_kernels()


def open_and_run_all(page, lab: LabServer, notebook: str) -> None:
    """Open a notebook in JupyterLab, wait for an idle kernel, and run all cells from the Run menu."""
    page.goto(f"{lab.base_url}/lab/tree/{notebook}.ipynb?reset&token={lab.token}",
              wait_until="domcontentloaded", timeout=STEP_TIMEOUT_MS)
    panel = page.locator(".jp-NotebookPanel").filter(has=page.locator(".jp-Notebook")).first
    expect(panel).to_be_visible(timeout=STEP_TIMEOUT_MS)
    # The status bar's kernel item reads "<kernel> | Idle" only once a kernel is connected and idle
    # (the toolbar's execution indicator already says "idle" while there is still no kernel).
    kernel_status = page.locator(f".jp-StatusBar-TextItem[title='Change kernel for {notebook}.ipynb']")
    idle = re.compile(r"^Python 3.*\|\s*Idle$")
    expect(kernel_status).to_have_text(idle, timeout=STEP_TIMEOUT_MS)
    expect(page.locator(".jp-Dialog")).to_have_count(0)  # e.g. no "Select Kernel" dialog
    page.locator(".lm-MenuBar-item").filter(has_text=re.compile(r"^\s*Run\s*$")).click()
    run_all = page.locator(".lm-Menu-item").filter(
        has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^\s*Run All Cells\s*$")))
    run_all.click()
    # The last code cell shows the widget(s); then the kernel goes idle again.
    expect(panel.locator(".jp-OutputArea-output .widget-vbox").first).to_be_visible(timeout=STEP_TIMEOUT_MS)
    expect(kernel_status).to_have_text(idle, timeout=STEP_TIMEOUT_MS)
    # No cell may end in a traceback (JupyterLab renders errors with the stderr MIME type).
    tracebacks = panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
                               has_text=re.compile(r"Traceback|Error"))
    expect(tracebacks).to_have_count(0)


def choose_first_option(view) -> None:
    """Choose the first radio button or checkbox of a question as a reader does: by its label text.

    Clicking the label, not the small input, also works while long RadioButtons labels overflow
    their fixed-height rows and cover each other's inputs (the layout test at the end checks they no longer do).
    """
    label = view.locator(".widget-radio-box label, .widget-checkbox label").first
    label.click(position={"x": 40, "y": 8})  # on the label's first line of text, right of the input
    expect(label.locator("input")).to_be_checked()


def _of_kind(kind: str):
    return [e for e in exercises().values() if e.kind == kind]


def _poll_json(path: Path, ready, what: str):
    deadline = time.monotonic() + 30
    while True:
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(path.read_text("utf-8"))
            if ready(data):
                return data
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not appear in {path} within 30 s")
        time.sleep(0.2)


# -- the tests -----------------------------------------------------------------------------------


@pytest.mark.lab
def test_kernelspec_resolves_to_this_interpreter(lab):
    """The isolated Jupyter folders still find ipykernel's python3 kernel of this interpreter."""
    specs = lab.api("/api/kernelspecs")
    assert specs["default"] == "python3", specs["default"]
    assert "python3" in specs["kernelspecs"], sorted(specs["kernelspecs"])
    assert specs["kernelspecs"]["python3"]["spec"]["language"] == "python"
    listed = subprocess.run([sys.executable, "-m", "jupyter", "kernelspec", "list", "--json"], env=lab.env,
                            capture_output=True, text=True, timeout=STEP_TIMEOUT, check=True)
    python3 = json.loads(listed.stdout)["kernelspecs"]["python3"]
    resource_dir = Path(python3["resource_dir"]).resolve()
    import ipykernel

    own_dirs = (Path(sys.prefix).resolve(), Path(ipykernel.__file__).resolve().parent)
    assert any(resource_dir.is_relative_to(d) for d in own_dirs), (
        f"python3 kernelspec comes from {resource_dir}, not from this interpreter's environment")
    executable = python3["spec"]["argv"][0]
    # jupyter_client replaces a bare "python"/"python3"/"python3.X" with the server's sys.executable.
    bare = {"python", f"python{sys.version_info[0]}", "python{}.{}".format(*sys.version_info[:2])}
    assert executable in bare or Path(executable).resolve() == Path(sys.executable).resolve(), executable


@pytest.mark.lab
def test_self_check_scores_maps_and_keeps(lab, chromium):
    self_check = _of_kind("self-check")[0]
    answers = {item.id: 5 for item in self_check.items}
    expected = score(self_check, "partner", answers)
    partner_label = next(r.label for r in self_check.relationships if r.id == "partner")
    with notebook_page(chromium, lab, "attachment-self-check") as page:
        open_and_run_all(page, lab, "attachment-self-check")
        rows = page.locator(".jp-OutputArea-output .widget-toggle-buttons")
        expect(rows).to_have_count(len(self_check.items))
        page.get_by_role("radio", name=partner_label, exact=True).check()
        for index in range(len(self_check.items)):
            five = rows.nth(index).get_by_role("button", name="5", exact=True)
            five.click()
            expect(five).to_have_class(re.compile(r"\bmod-active\b"))
        page.get_by_role("button", name="Show where my answers fall").click()
        result = page.get_by_role("status").filter(has_text="anxiety")
        expect(result).to_contain_text(
            f"anxiety {expected.anxiety:.2f}, avoidance {expected.avoidance:.2f}")
        shown = re.search(r"anxiety (\d+\.\d\d), avoidance (\d+\.\d\d)", result.inner_text())
        assert shown, result.inner_text()
        assert (float(shown[1]), float(shown[2])) == (expected.anxiety, expected.avoidance)
        picture = page.locator(".jp-OutputArea-output .widget-output img").first
        expect(picture).to_be_visible()
        assert picture.evaluate("img => img.complete && img.naturalWidth > 100"), "the map did not load"

        keep = page.get_by_role("button", name="Keep this result on this device")
        expect(keep).to_be_enabled()
        keep.click()
        # The confirmation is appended to the status widget after (not inside) its role="status" div.
        status_widget = page.locator(".widget-html").filter(has=result)
        expect(status_widget).to_contain_text("Kept privately")
        expect(keep).to_be_disabled()
        data = _poll_json(lab.journal, lambda d: d.get("self_checks"), "A kept self-check result")
        kept = data["self_checks"][-1]
        assert kept["relationship"] == "partner"
        assert (kept["anxiety"], kept["avoidance"]) == (expected.anxiety, expected.avoidance)
        assert kept["region"] == expected.region.id


@pytest.mark.lab
def test_reflective_journal_saves_to_the_journal_file(lab, chromium):
    reflections = _of_kind("reflection")
    first = reflections[0]
    text = f"Lab end-to-end reflection {secrets.token_hex(4)}: a safe haven is a person, not a place."
    with notebook_page(chromium, lab, "reflective-journal") as page:
        open_and_run_all(page, lab, "reflective-journal")
        boxes = page.locator(".jp-OutputArea-output .widget-textarea textarea")
        expect(boxes).to_have_count(len(reflections))
        view = boxes.first.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")  # ReflectionView
        expect(view).to_contain_text(first.title)
        boxes.first.fill(text)
        view.get_by_role("button", name="Save", exact=True).click()
        expect(view.get_by_role("status")).to_contain_text("Saved privately")
        expect(view.get_by_role("status")).to_contain_text(str(lab.journal))
        data = _poll_json(lab.journal, lambda d: first.id in d.get("entries", {}), f"The reflection {first.id}")
        assert data["entries"][first.id]["current"]["text"] == text


@pytest.mark.lab
def test_knowledge_check_gives_feedback(lab, chromium):
    checks = _of_kind("knowledge-check")
    question = checks[0].questions[0]
    first_option = question.options[0]
    verdict = "Right" if mark_question(question, [first_option.id]).correct else "Not quite"
    with notebook_page(chromium, lab, "knowledge-checks") as page:
        open_and_run_all(page, lab, "knowledge-checks")
        buttons = page.locator(".jp-OutputArea-output").get_by_role("button", name="Check my answer")
        expect(buttons).to_have_count(sum(len(c.questions) for c in checks))
        view = buttons.first.locator("xpath=..")  # the question's VBox: text, choices, button, status
        expect(view).to_contain_text(question.text)
        choose_first_option(view)
        buttons.first.click()
        status = view.get_by_role("status")
        expect(status.locator("strong").first).to_contain_text(verdict)  # the headline
        expect(status).to_contain_text(first_option.feedback)


@pytest.mark.lab
def test_case_vignette_gives_feedback_and_takeaway(lab, chromium):
    vignettes = _of_kind("vignette")
    vignette = vignettes[0]
    option = vignette.options[0]
    with notebook_page(chromium, lab, "case-vignettes") as page:
        open_and_run_all(page, lab, "case-vignettes")
        buttons = page.locator(".jp-OutputArea-output").get_by_role("button", name="See feedback")
        expect(buttons).to_have_count(len(vignettes))
        view = buttons.first.locator("xpath=..")
        expect(view).to_contain_text(vignette.title)
        choose_first_option(view)
        buttons.first.click()
        status = view.get_by_role("status")
        expect(status).to_contain_text("Takeaway")
        expect(status).to_contain_text(vignette.takeaway)
        expect(status).to_contain_text(APPROACH_NAMES[option.approach])


@pytest.mark.lab
def test_vignette_options_do_not_overlap(lab, chromium):
    """Every option of the first vignette has its own row, with its input visible and clickable."""
    with notebook_page(chromium, lab, "case-vignettes-layout") as page:
        open_and_run_all(page, lab, "case-vignettes")
        box = page.locator(".jp-OutputArea-output .widget-radio-box").first
        box.scroll_into_view_if_needed()
        overlaps = box.evaluate("""box => [...box.querySelectorAll('label')].flatMap((label, index) => {
            const input = label.querySelector('input').getBoundingClientRect();
            const hit = document.elementFromPoint(input.left + input.width / 2, input.top + input.height / 2);
            const problems = [];
            if (label.scrollHeight > label.clientHeight + 1) problems.push(`option ${index + 1} overflows its row`);
            if (hit !== label && !label.contains(hit)) problems.push(`option ${index + 1}'s input is covered`);
            return problems;
        })""")
        assert not overlaps, overlaps
