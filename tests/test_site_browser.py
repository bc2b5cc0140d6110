"""The built site in headless Chromium: clean loads, accessibility, and the exercises without a kernel.

The site is served from ``_build/html`` on 127.0.0.1 by a throwaway ``http.server``; every request
to any other host is aborted and reported. Run with::

    python -m pytest tests/test_site_browser.py -m browser

Needs Chromium (Debian: ``apt-get install chromium``; set ``COURSE_CHROMIUM`` to use another
binary) and the vendored axe-core from ``npm ci``. Screenshots for a human to look at go to
``_build/screenshots/``.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from attachment_course import catalogue
from attachment_course.self_check import IncompleteAnswers, score

from book_paths import CHROMIUM, CHROMIUM_ARGS, ROOT, toc_files

playwright_sync = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VECTORS = ROOT / "tests" / "data" / "self_check_vectors.json"
SCREENSHOTS = ROOT / "_build" / "screenshots"

STORE_PREFIX = "attachment-course:"
REFLECTION_PREFIX = STORE_PREFIX + "reflection:"
SELF_CHECKS_KEY = STORE_PREFIX + "self-checks"

REFLECTION_PAGE = "exercises/reflective-journal.html"
SELF_CHECK_PAGE = "exercises/attachment-self-check.html"
KNOWLEDGE_PAGE = "exercises/knowledge-checks.html"
VIGNETTE_PAGE = "exercises/case-vignettes.html"
CHAPTER_PAGE = "book/03-attachment-in-adulthood/03-two-dimensions.html"

#: Every page of the table of contents, plus the redirecting front door.
PAGES = ["index.html"] + [f"{page}.html" for page in toc_files()]

TIMEOUT_MS = 15_000

#: From html.extra_footer in _config.yml: every page must show it.
CRISIS_FOOTER = "Crisis support in Canada: call or text 9-8-8"

#: A storage that refuses everything, as in a browser that blocks site data: reading the
#: ``localStorage`` property itself throws, as Chromium does when cookies are blocked.
BLOCK_STORAGE = """
(() => {
  const refuse = () => { throw new DOMException("The user denied permission to access the database.", "SecurityError"); };
  Object.defineProperty(window, "localStorage", { configurable: true, get: refuse });
  for (const name of ["getItem", "setItem", "removeItem", "clear", "key"]) {
    Storage.prototype[name] = refuse;
  }
})();
"""


# -- serving and driving ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium, or set COURSE_CHROMIUM)")
    with playwright_sync.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                                         timeout=60_000)
        try:
            yield browser
        finally:
            browser.close()


class Watch:
    """Everything that went wrong while a page was open: console errors, uncaught exceptions,
    failed requests and requests to other hosts (which are aborted before they leave)."""

    def __init__(self, site: str):
        self.origin = urlparse(site).netloc
        self.console: list[str] = []
        self.page_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.dialogs: list[str] = []

    def route(self, route):
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("http", "https", "ws", "wss") and parsed.netloc != self.origin:
            self.foreign.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def attach(self, page):
        page.on("console", lambda m: self.console.append(f"{m.text} (at {m.location.get('url', '?')}:"
                                                          f"{m.location.get('lineNumber', '?')})")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url}: {r.failure}"))
        page.on("response", lambda r: self.failed.append(f"{r.url}: HTTP {r.status}") if r.status >= 400 else None)

        def on_dialog(dialog):
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)

    def problems(self) -> list[str]:
        return ([f"console error: {m}" for m in self.console] + [f"page error: {m}" for m in self.page_errors]
                + [f"failed request: {m}" for m in self.failed] + [f"request to another host: {m}" for m in self.foreign]
                + [f"dialog opened: {m}" for m in self.dialogs])


class Browse:
    """A fresh browser context (empty storage) with the network guard, and helpers to open pages."""

    def __init__(self, browser, site: str, tmp_path: Path, color_scheme: str = "light"):
        self.site = site
        self.watch = Watch(site)
        self.downloads = tmp_path
        self.context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900},
                                           color_scheme=color_scheme, accept_downloads=True,
                                           service_workers="block")
        self.context.set_default_timeout(TIMEOUT_MS)
        self.context.set_default_navigation_timeout(2 * TIMEOUT_MS)
        self.context.route("**/*", self.watch.route)

    def open(self, path: str, init_script: str | None = None):
        page = self.context.new_page()
        self.watch.attach(page)
        if init_script:
            page.add_init_script(init_script)
        page.goto(self.site + path, wait_until="load")
        return page

    def storage(self, page) -> dict[str, str]:
        return page.evaluate("""prefix => {
            const found = {};
            for (let i = 0; i < localStorage.length; i++) {
              const key = localStorage.key(i);
              if (key.startsWith(prefix)) found[key] = localStorage.getItem(key);
            }
            return found;
        }""", STORE_PREFIX)

    def close(self):
        self.context.close()


@pytest.fixture
def browse(chromium, site, tmp_path):
    session = Browse(chromium, site, tmp_path)
    yield session
    session.close()


def full_page_screenshot(page, name: str) -> Path:
    """A full-page screenshot for a person to look at, taken from the top of the page (fixed and
    sticky elements are drawn where the viewport is, so a scrolled page gives a misleading picture)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.wait_for_timeout(200)
    target = SCREENSHOTS / name
    page.screenshot(path=str(target), full_page=True)
    return target


def settle(page):
    """Let late scripts and requests finish, within a bound."""
    try:
        page.wait_for_load_state("networkidle", timeout=5_000)
    except playwright_sync.TimeoutError:
        pass


def ac_data(section) -> dict:
    return json.loads(section.locator("script.ac-data").text_content())


# -- 1. every page loads cleanly, from this host only ----------------------------------------------
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_and_only_from_this_host(browse, path):
    page = browse.open(path)
    if path == "index.html":
        page.wait_for_url(re.compile(r"/book/intro\.html$"))
        page.wait_for_load_state("load")
    settle(page)
    assert page.locator("main").count() == 1, f"{path}: no <main> element; the theme did not render"
    problems = browse.watch.problems()
    assert not problems, f"{path}:\n  " + "\n  ".join(problems)
    footer = page.locator("footer").filter(has_text=CRISIS_FOOTER)
    assert footer.count() >= 1 and footer.first.is_visible(), \
        f"{path}: the crisis-support footer ({CRISIS_FOOTER!r}, html.extra_footer in _config.yml) is not shown"


# -- 2. accessibility: axe-core's default rules, no violation --------------------------------------
def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const result = await axe.run(document, { resultTypes: ["violations"] });
        return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({ target: n.target.join(" "), summary: n.failureSummary }))
        }));
    }""")


def describe_violations(path: str, violations: list[dict]) -> str:
    lines = [f"{path}: {len(violations)} axe rule(s) violated"]
    for violation in violations:
        lines.append(f"  [{violation['id']}] ({violation['impact']}) {violation['help']}")
        for node in violation["nodes"][:8]:
            summary = " ".join((node["summary"] or "").split())[:300]
            lines.append(f"      {node['target']}  --  {summary}")
        if len(violation["nodes"]) > 8:
            lines.append(f"      ... and {len(violation['nodes']) - 8} more elements")
    return "\n".join(lines)


#: Answers every exercise on the page, so axe also sees what only appears after a reader acts:
#: feedback, the self-check's result and chosen ratings, a reflection's status line.
REVEAL_EXERCISES = """() => {
    document.querySelectorAll("section.ac-self-check").forEach(section => {
      section.querySelectorAll("fieldset.ac-item").forEach(item => {
        const ratings = item.querySelectorAll("input");
        ratings[Math.floor(ratings.length / 2)].checked = true;
      });
      section.querySelector('[data-action="score"]').click();
    });
    document.querySelectorAll("section.ac-knowledge-check fieldset.ac-question, section.ac-vignette fieldset.ac-question")
      .forEach(question => {
        question.querySelector("input").checked = true;
        question.querySelector('[data-action="check"], [data-action="respond"]').click();
      });
    document.querySelectorAll("section.ac-reflection textarea").forEach(box => {
      box.value = "A reflection";
      box.dispatchEvent(new Event("blur"));
    });
}"""


@pytest.mark.parametrize("path", [p for p in PAGES if p != "index.html"])
def test_page_has_no_axe_violations(browse, path):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` in {ROOT}")
    page = browse.open(path)
    settle(page)
    page.evaluate(REVEAL_EXERCISES)
    violations = run_axe(page)
    assert not violations, describe_violations(path, violations)


DARK_PAGES = [REFLECTION_PAGE, SELF_CHECK_PAGE, KNOWLEDGE_PAGE, VIGNETTE_PAGE, CHAPTER_PAGE]


@pytest.mark.parametrize("path", DARK_PAGES)
def test_dark_theme_pages_have_no_axe_violations(chromium, site, tmp_path, path):
    """The theme follows the reader's system setting; the exercise styles must hold up in dark mode too."""
    browse = Browse(chromium, site, tmp_path, color_scheme="dark")
    try:
        page = browse.open(path)
        settle(page)
        assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
        page.evaluate(REVEAL_EXERCISES)
        violations = run_axe(page)
        if path == SELF_CHECK_PAGE:
            full_page_screenshot(page, "self-check-dark.png")
        assert not violations, describe_violations(f"{path} (dark theme)", violations)
    finally:
        browse.close()


# -- 3a. reflections -------------------------------------------------------------------------------
def first_reflection(page):
    section = page.locator("section.ac-reflection").first
    section.wait_for(state="attached")
    return section, section.get_attribute("data-exercise-id")


def wait_saved(page, key: str, text: str):
    page.wait_for_function("""([key, text]) => {
        const raw = localStorage.getItem(key);
        return raw !== null && JSON.parse(raw).text === text;
    }""", arg=[key, text], timeout=5_000)


def test_reflection_autosaves_and_comes_back_after_reload(browse):
    page = browse.open(REFLECTION_PAGE)
    section, exercise_id = first_reflection(page)
    key = REFLECTION_PREFIX + exercise_id
    box = section.locator("textarea")
    box.click()
    box.press_sequentially("Someone I trust is my sister.", delay=5)
    wait_saved(page, key, "Someone I trust is my sister.")
    saved = json.loads(browse.storage(page)[key])
    assert saved["id"] == exercise_id and saved["savedAt"].endswith("Z")
    assert "Saved in this browser" in section.locator(".ac-status").inner_text()

    page.reload(wait_until="load")
    section, _ = first_reflection(page)
    assert section.locator("textarea").input_value() == "Someone I trust is my sister."
    assert "is back" in section.locator(".ac-status").inner_text()
    assert not browse.watch.problems(), "\n".join(browse.watch.problems())


def test_reflection_over_the_limit_keeps_the_text_and_says_so(browse):
    page = browse.open(REFLECTION_PAGE)
    section, exercise_id = first_reflection(page)
    box = section.locator("textarea")
    limit = int(box.get_attribute("data-max-chars"))
    assert limit == ac_data(section)["maxChars"], "the attribute and the script's data disagree on the limit"
    box.fill("short and saved")
    wait_saved(page, REFLECTION_PREFIX + exercise_id, "short and saved")

    too_long = "x" * (limit + 1)
    box.fill(too_long)
    status = section.locator(".ac-status")
    status.get_by_text(re.compile(r"the limit is")).wait_for(timeout=5_000)
    message = status.inner_text()
    assert f"{limit + 1:,}" in message and f"{limit:,}" in message and "stays in the box" in message, message
    assert box.input_value() == too_long, "the over-long text was cut or cleared"
    saved = json.loads(browse.storage(page)[REFLECTION_PREFIX + exercise_id])
    assert saved["text"] == "short and saved", "an over-long reflection was stored"


def test_reflection_never_interprets_html_and_escapes_it_in_the_download(browse):
    page = browse.open(REFLECTION_PAGE)
    section, exercise_id = first_reflection(page)
    hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> **bold** & more'
    box = section.locator("textarea")
    box.fill(hostile)
    wait_saved(page, REFLECTION_PREFIX + exercise_id, hostile)
    page.reload(wait_until="load")
    section, _ = first_reflection(page)
    assert section.locator("textarea").input_value() == hostile

    with page.expect_download(timeout=10_000) as caught:
        section.locator('[data-action="download"]').click()
    download = caught.value
    assert download.suggested_filename == "my-reflections.md"
    target = browse.downloads / download.suggested_filename
    download.save_as(target)
    markdown = target.read_text("utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in markdown, markdown
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in markdown and "&amp; more" in markdown, markdown
    assert "<img" not in markdown and "<script" not in markdown, markdown

    page.wait_for_timeout(300)  # a handler that did fire would have run by now
    assert page.locator('img[src="x"]').count() == 0, "typed HTML became an element"
    assert page.locator("section.ac-exercise script:not(.ac-data)").count() == 0, "typed HTML became a script"
    assert not browse.watch.dialogs, f"typed HTML ran: {browse.watch.dialogs}"
    assert not browse.watch.page_errors, browse.watch.page_errors


def test_deleting_reflections_takes_two_clicks_and_clears_storage(browse):
    page = browse.open(REFLECTION_PAGE)
    section, exercise_id = first_reflection(page)
    box = section.locator("textarea")
    box.fill("to be deleted")
    wait_saved(page, REFLECTION_PREFIX + exercise_id, "to be deleted")
    page.evaluate("key => localStorage.setItem(key, '[]')", SELF_CHECKS_KEY)
    page.evaluate("() => localStorage.setItem('unrelated-site-key', 'keep me')")

    delete = section.locator('[data-action="delete"]')
    delete.click()
    status = section.locator(".ac-status")
    assert "again to confirm" in status.inner_text()
    assert REFLECTION_PREFIX + exercise_id in browse.storage(page), "one click deleted without confirmation"
    assert box.input_value() == "to be deleted"

    delete.click()
    assert "deleted" in status.inner_text()
    assert browse.storage(page) == {}, "course entries are left in storage"
    assert page.evaluate("() => localStorage.getItem('unrelated-site-key')") == "keep me", \
        "deleting reflections removed another site's data"
    assert box.input_value() == ""
    page.reload(wait_until="load")
    section, _ = first_reflection(page)
    assert section.locator("textarea").input_value() == ""


def test_reflection_works_when_the_browser_refuses_storage(browse):
    page = browse.open(REFLECTION_PAGE, init_script=BLOCK_STORAGE)
    section, _ = first_reflection(page)
    status = section.locator(".ac-status")
    assert "not letting the page store anything" in status.inner_text()
    box = section.locator("textarea")
    box.click()
    box.press_sequentially("kept only in the box", delay=5)
    box.blur()
    page.wait_for_timeout(500)
    assert box.input_value() == "kept only in the box"
    with page.expect_download(timeout=10_000) as caught:
        section.locator('[data-action="download"]').click()
    target = browse.downloads / "blocked.md"
    caught.value.save_as(target)
    assert "kept only in the box" in target.read_text("utf-8")
    # The theme's own scripts read localStorage too, and fail; the exercise script must not.
    ours = [e for e in browse.watch.page_errors if "exercises.js" in e or "attachmentCourse" in e]
    assert not ours, ours
    assert page.evaluate("() => typeof window.attachmentCourse") == "object", "exercises.js did not start"


# -- 3b. the self-check ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def the_self_check():
    (found,) = [e for e in catalogue.exercises().values() if e.kind == "self-check"]
    return found


def _python_vectors(sc) -> dict:
    """Vectors computed here, for when the shared file is absent."""
    ids = [item.id for item in sc.items]
    sets = [("partner", {i: 1 for i in ids}), ("friend", {i: 7 for i in ids}), ("caregiver", {i: 4 for i in ids}),
            ("partner", dict(zip(ids, [6, 2, 5, 3, 2, 6, 7, 1, 4, 5, 3, 2]))),
            ("friend", dict(zip(ids, [2, 6, 1, 2, 7, 5, 3, 6, 2, 1, 6, 7])))]
    vectors = []
    for number, (relationship, answers) in enumerate(sets):
        result = score(sc, relationship, answers).as_dict()
        vectors.append({"name": f"generated {number}", "relationship": relationship, "answers": answers,
                        "expected": {k: result[k] for k in ("anxiety", "avoidance", "region", "near_centre")}})
    incomplete = []
    for relationship, answers in [("partner", {i: 4 for i in ids if i != ids[3]}), ("friend", {})]:
        try:
            score(sc, relationship, answers)
        except IncompleteAnswers as error:
            incomplete.append({"name": "generated", "relationship": relationship, "answers": answers,
                               "expected_message": str(error)})
    return {"vectors": vectors, "incomplete": incomplete}


@pytest.fixture(scope="module")
def vectors(the_self_check) -> dict:
    """The shared test vectors (tests/data/self_check_vectors.json), checked against Python here too."""
    if not VECTORS.is_file():
        return _python_vectors(the_self_check)
    shared = json.loads(VECTORS.read_text("utf-8"))
    for vector in shared["vectors"]:
        result = score(the_self_check, vector["relationship"], vector["answers"]).as_dict()
        for key in ("anxiety", "avoidance", "region"):
            assert result[key] == vector["expected"][key], \
                f"{VECTORS.name} is out of date for {vector['name']!r}: regenerate it (see tests/unit/test_self_check.py)"
    return shared


def open_self_check(browse):
    page = browse.open(SELF_CHECK_PAGE)
    section = page.locator("section.ac-self-check")
    section.wait_for(state="attached")
    assert section.count() == 1
    return page, section


def click_answers(section, base: str, relationship: str, answers: dict):
    section.locator(f'label[for="{base}-rel-{relationship}"]').click()
    for item_id, value in answers.items():
        if value is not None:
            section.locator(f'label[for="{base}-{item_id}-{value}"]').click()


def marker_fraction(page, section) -> dict:
    """Where the marker's centre sits in the map frame, as fractions; and the SVG's box against the frame's."""
    return section.evaluate("""section => {
        const frame = section.querySelector(".ac-map-frame").getBoundingClientRect();
        const svg = section.querySelector(".ac-map-frame svg").getBoundingClientRect();
        const marker = section.querySelector(".ac-marker");
        const box = marker.getBoundingClientRect();
        return {
            x: (box.left + box.width / 2 - frame.left) / frame.width,
            y: (box.top + box.height / 2 - frame.top) / frame.height,
            frame: [frame.left, frame.top, frame.width, frame.height],
            svg: [svg.left, svg.top, svg.width, svg.height],
            visible: !marker.hidden && box.width > 0 && getComputedStyle(marker).display !== "none",
        };
    }""")


def test_self_check_script_agrees_with_python_on_the_shared_vectors(browse, vectors):
    page, section = open_self_check(browse)
    data = ac_data(section)
    computed = page.evaluate("""([data, vectors]) => vectors.map(v => {
        try {
          const r = window.attachmentCourse.scoreSelfCheck(data, v.relationship, v.answers);
          return { anxiety: r.anxiety, avoidance: r.avoidance, region: r.region, near_centre: r.nearCentre };
        } catch (error) { return { error: error.message }; }
    })""", [data, vectors["vectors"]])
    mismatches = []
    for vector, got in zip(vectors["vectors"], computed):
        want = vector["expected"]
        if ("error" in got or round(got["anxiety"], 2) != round(want["anxiety"], 2)
                or round(got["avoidance"], 2) != round(want["avoidance"], 2) or got["region"] != want["region"]
                or ("near_centre" in want and got["near_centre"] != want["near_centre"])):
            mismatches.append(f"{vector['name']}: Python {want}, page {got}")
    refused = page.evaluate("""([data, vectors]) => vectors.map(v => {
        try { window.attachmentCourse.scoreSelfCheck(data, v.relationship, v.answers); return null; }
        catch (error) { return error.message; }
    })""", [data, vectors.get("incomplete", [])])
    for vector, message in zip(vectors.get("incomplete", []), refused):
        if message != vector["expected_message"]:
            mismatches.append(f"{vector['name']}: Python says {vector['expected_message']!r}, page {message!r}")
    assert not mismatches, "the page's scoring disagrees with self_check.py:\n  " + "\n  ".join(mismatches)


def test_self_check_clicked_answers_score_and_place_the_marker(browse, vectors):
    page, section = open_self_check(browse)
    data = ac_data(section)
    base = section.get_attribute("id")
    box = data["plotBox"]
    span = box["high"] - box["low"]
    status = section.locator(".ac-status")
    failures = []
    for vector in vectors["vectors"]:
        click_answers(section, base, vector["relationship"], vector["answers"])
        section.locator('[data-action="score"]').click()
        want = vector["expected"]
        text = status.inner_text()
        shown = re.search(r"anxiety (\d+\.\d\d), avoidance (\d+\.\d\d)", text)
        if not shown or (float(shown[1]), float(shown[2])) != (round(want["anxiety"], 2), round(want["avoidance"], 2)):
            failures.append(f"{vector['name']}: expected anxiety {want['anxiety']:.2f}, avoidance "
                            f"{want['avoidance']:.2f}; the page says {text[:200]!r}")
            continue
        region_label = next(r["label"] for r in data["regions"] if r["id"] == want["region"])
        region_text = next(r["reflection"] for r in data["regions"] if r["id"] == want["region"])
        if region_text not in text:
            failures.append(f"{vector['name']}: the reflection for region {region_label!r} is not shown")
        spot = marker_fraction(page, section)
        expected_x = box["x0"] + (want["avoidance"] - box["low"]) / span * box["width"]
        expected_y = box["y0"] + (box["high"] - want["anxiety"]) / span * box["height"]
        if not spot["visible"]:
            failures.append(f"{vector['name']}: the marker is not visible after scoring")
        elif abs(spot["x"] - expected_x) > 0.005 or abs(spot["y"] - expected_y) > 0.005:
            failures.append(f"{vector['name']}: marker centre at ({spot['x']:.3f}, {spot['y']:.3f}) of the map, "
                            f"expected ({expected_x:.3f}, {expected_y:.3f})")
    assert not failures, "\n".join(failures)
    frame, svg = spot["frame"], spot["svg"]
    assert all(abs(a - b) <= 1.5 for a, b in zip(frame, svg)), \
        f"the map frame {frame} does not match the SVG it positions the marker over {svg}"
    assert not browse.watch.problems(), "\n".join(browse.watch.problems())


def test_self_check_unanswered_statements_are_named_and_the_marker_stays_hidden(browse, the_self_check):
    page, section = open_self_check(browse)
    base = section.get_attribute("id")
    ids = [item.id for item in the_self_check.items]
    answered = {item_id: 4 for n, item_id in enumerate(ids) if n not in (1, 4)}
    click_answers(section, base, "partner", answered)
    section.locator('[data-action="score"]').click()
    message = section.locator(".ac-status").inner_text()
    assert "Please answer statements 2, 5 before seeing a result." in message, message
    assert section.locator(".ac-marker").is_hidden()
    assert section.locator('[data-action="keep"]').is_disabled()


def test_self_check_keep_this_result_stores_it(browse, vectors):
    page, section = open_self_check(browse)
    base = section.get_attribute("id")
    vector = vectors["vectors"][-1]
    keep = section.locator('[data-action="keep"]')
    assert keep.is_disabled(), "a result can be kept before there is one"
    click_answers(section, base, vector["relationship"], vector["answers"])
    section.locator('[data-action="score"]').click()
    assert keep.is_enabled()
    keep.click()
    kept = json.loads(browse.storage(page)[SELF_CHECKS_KEY])
    assert len(kept) == 1
    entry = kept[0]
    assert entry["relationship"] == vector["relationship"] and entry["region"] == vector["expected"]["region"]
    assert round(entry["anxiety"], 2) == round(vector["expected"]["anxiety"], 2)
    assert round(entry["avoidance"], 2) == round(vector["expected"]["avoidance"], 2)
    assert keep.is_disabled(), "the same result can be kept twice"
    history = section.locator(".ac-history")
    assert history.is_visible() and f"anxiety {vector['expected']['anxiety']:.2f}" in history.inner_text()

    full_page_screenshot(page, "self-check-scored.png")

    page.reload(wait_until="load")
    section = page.locator("section.ac-self-check")
    assert section.locator(".ac-history").is_visible(), "kept results are not listed after a reload"


def test_self_check_ratings_work_from_the_keyboard(browse, the_self_check):
    page, section = open_self_check(browse)
    base = section.get_attribute("id")
    first, second = the_self_check.items[0].id, the_self_check.items[1].id
    low = the_self_check.scale_minimum
    section.locator(f"#{base}-rel-partner").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == f"{base}-{first}":
            break
    focused = page.evaluate("() => ({ id: document.activeElement.id, visible: document.activeElement.matches(':focus-visible') })")
    assert focused["id"] == f"{base}-{first}-{low}", f"Tab from the relationship did not reach statement 1: {focused}"
    assert focused["visible"], "the focused rating is not :focus-visible"
    outline = page.evaluate("""id => {
        const style = getComputedStyle(document.querySelector(`label[for="${id}"]`));
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
    }""", focused["id"])
    assert outline["style"] != "none" and outline["width"] >= 2, f"no visible focus outline on the rating: {outline}"

    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert section.locator(f"#{base}-{first}-{low + 2}").is_checked(), "arrow keys do not move the rating"
    assert page.evaluate("() => document.activeElement.id") == f"{base}-{first}-{low + 2}"

    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == f"{base}-{second}", \
        "Tab does not move on to the next statement"
    page.keyboard.press("Space")
    assert section.locator(f"#{base}-{second}-{low}").is_checked(), "Space does not choose a rating"
    checked_label = page.evaluate("""id => {
        const style = getComputedStyle(document.querySelector(`label[for="${id}"]`));
        return { background: style.backgroundColor, decoration: style.textDecorationLine };
    }""", f"{base}-{second}-{low}")
    assert checked_label["decoration"] == "underline", "the chosen rating is shown by colour alone"


# -- 3c. knowledge checks and vignettes ------------------------------------------------------------
def test_knowledge_check_feedback(browse):
    page = browse.open(KNOWLEDGE_PAGE)
    section = page.locator("section.ac-knowledge-check").first
    data = ac_data(section)
    question = next(q for q in data["questions"] if not q["multiple"])
    fieldset = section.locator(f'fieldset[data-question-id="{question["id"]}"]')
    check = fieldset.locator('[data-action="check"]')
    status = fieldset.locator(".ac-status")

    check.click()
    assert "Choose an answer first" in status.inner_text()
    assert fieldset.locator(".ac-feedback:visible").count() == 0

    wrong = next(o for o in question["options"] if not o["correct"])
    right = next(o for o in question["options"] if o["correct"])
    fieldset.locator(f'li[data-option-id="{wrong["id"]}"] label').click()
    check.click()
    assert status.inner_text().lstrip("\u26a0 ").startswith("Not quite"), status.inner_text()
    for option in question["options"]:
        note = fieldset.locator(f'li[data-option-id="{option["id"]}"] .ac-feedback')
        assert note.is_visible(), f"no feedback under option {option['id']}"
        assert option["feedback"] in note.inner_text()
    assert "Your choice" in fieldset.locator(f'li[data-option-id="{wrong["id"]}"] .ac-feedback').inner_text()

    fieldset.locator(f'li[data-option-id="{right["id"]}"] label').click()
    check.click()
    assert status.inner_text().lstrip("\u2714 ").startswith("Right"), status.inner_text()
    assert not browse.watch.problems(), "\n".join(browse.watch.problems())


def test_vignette_feedback_and_takeaway(browse):
    page = browse.open(VIGNETTE_PAGE)
    section = page.locator("section.ac-vignette").first
    data = ac_data(section)
    fieldset = section.locator("fieldset")
    status = fieldset.locator(".ac-status")
    takeaway = section.locator(".ac-takeaway")
    assert takeaway.is_hidden()

    fieldset.locator('[data-action="respond"]').click()
    assert "Choose a response first" in status.inner_text()
    assert takeaway.is_hidden()

    option = data["options"][-1]
    fieldset.locator(f'li[data-option-id="{option["id"]}"] label').click()
    fieldset.locator('[data-action="respond"]').click()
    note = fieldset.locator(f'li[data-option-id="{option["id"]}"] .ac-feedback')
    assert note.is_visible() and option["feedback"] in note.inner_text()
    assert fieldset.locator(".ac-feedback:visible").count() == 1, "feedback shown for options not chosen"
    assert option["feedback"] in status.inner_text()
    assert takeaway.is_visible() and "Takeaway" in takeaway.inner_text()
    assert not browse.watch.problems(), "\n".join(browse.watch.problems())


# -- 4. screenshots for a person to look at --------------------------------------------------------
def test_screenshot_of_a_chapter_page(browse):
    page = browse.open(CHAPTER_PAGE)
    settle(page)
    target = full_page_screenshot(page, "chapter-page.png")
    assert target.stat().st_size > 10_000
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the chapter page scrolls sideways by {overflow}px"
