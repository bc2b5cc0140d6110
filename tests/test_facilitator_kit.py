"""The facilitator kit: session plans for every chapter, a slide deck per chapter, printable handouts."""

from __future__ import annotations

import re

import pytest

from attachment_course import catalogue, handouts

from book_paths import CHROMIUM, CHROMIUM_ARGS, ROOT, pdf_plain_text


def pdf_text(path) -> str:
    return pdf_plain_text(path).lower()


def squeezed(text: str) -> str:
    # Large headings come out of PDF text extraction without their spaces; compare without any.
    return re.sub(r"\s+", "", text.lower())


@pytest.mark.parametrize("chapter_id", [f"ch{n:02d}" for n in range(1, 11)])
def test_every_chapter_has_three_plans_with_pause_points(chapter_id):
    sessions = catalogue.session_plans()
    assert chapter_id in sessions, f"{chapter_id} has no facilitator session plans"
    plans = sessions[chapter_id]["plans"]
    assert sorted(p["minutes"] for p in plans) == [15, 30, 60], f"{chapter_id}: needs 15, 30 and 60-minute plans"
    for plan in plans:
        pauses = [s for s in plan["steps"] if s.get("pause")]
        assert pauses and all(s.get("questions") for s in pauses), f"{chapter_id} {plan['minutes']} min: pause without questions"
        assert plan["activity"]["instructions"].strip(), f"{chapter_id} {plan['minutes']} min: no group activity"


def test_every_chapter_has_a_plan_page_in_the_toc():
    toc = (ROOT / "_toc.yml").read_text("utf-8")
    for chapter_id in catalogue.chapters():
        assert f"book/facilitator/{chapter_id}" in toc, f"{chapter_id}: no session-plan page in _toc.yml"
        page = (ROOT / "book" / "facilitator" / f"{chapter_id}.md").read_text("utf-8")
        assert f"```{{session-plans}} {chapter_id}" in page


@pytest.mark.build
def test_every_chapter_has_a_deck_with_notes(html_build):
    for chapter in catalogue.chapters().values():
        deck = html_build / "slides" / f"{chapter.id}.html"
        assert deck.is_file(), f"no slide deck for {chapter.id} ({chapter.title})"
        text = deck.read_text("utf-8")
        assert text.count("<section") > 5, f"{chapter.id}: the deck has too few slides"
        assert text.count('<aside class="notes">') >= text.count("<section") - 1, f"{chapter.id}: slides without notes"
        assert "https://" not in text and "http://" not in text, f"{chapter.id}: the deck refers to another host"
        for figure in chapter.figures:
            assert (html_build / "slides" / "figures" / f"{figure}.svg").is_file(), f"{chapter.id}: {figure} missing"


@pytest.mark.build
def test_chapters_link_their_materials(html_build):
    for chapter in catalogue.chapters().values():
        landing = next((ROOT / "book").glob(f"{chapter.id[2:]}-*/index.md"))
        html = (html_build / landing.relative_to(ROOT).with_suffix(".html")).read_text("utf-8")
        for target in (f"slides/{chapter.id}.html", f"handouts/{chapter.id}-handout.pdf", f"facilitator/{chapter.id}.html"):
            assert target in html, f"{chapter.id}'s landing page does not link {target}"


@pytest.fixture(scope="module")
def built_handouts():
    return {path.name: path for path in handouts.build(ROOT / "_build" / "handouts")}


@pytest.mark.build
def test_each_handout_has_its_chapter_and_exercises(built_handouts):
    for chapter in catalogue.chapters().values():
        name = f"{chapter.id}-handout.pdf"
        assert name in built_handouts, f"no handout for {chapter.id} ({chapter.title})"
        text = pdf_text(built_handouts[name])
        assert squeezed(chapter.title) in squeezed(text), f"{name} lacks its chapter title"
        for exercise in handouts.chapter_exercises(chapter.id):
            assert squeezed(exercise.title) in squeezed(text), f"{name} lacks the exercise {exercise.title!r}"


@pytest.mark.build
def test_workbook_has_every_exercise_the_scoring_key_and_answers(built_handouts):
    text = pdf_text(built_handouts["workbook.pdf"])
    for exercise in catalogue.exercises().values():
        assert squeezed(exercise.title) in squeezed(text), f"the workbook lacks {exercise.title!r}"
    assert "scoring key" in text and "answer keys" in text
    assert "9-8-8" in text


@pytest.mark.browser
def test_decks_present_offline_with_notes_and_keyboard(site):
    from playwright.sync_api import sync_playwright

    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for chapter_id in catalogue.chapters():
            page = browser.new_page()
            page.on("console", lambda m, c=chapter_id: problems.append(f"{c}: console {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e, c=chapter_id: problems.append(f"{c}: {e}"))
            page.on("requestfailed", lambda r, c=chapter_id: problems.append(f"{c}: failed {r.url}"))
            page.on("response", lambda r, c=chapter_id: problems.append(f"{c}: {r.status} {r.url}") if r.status >= 400 else None)
            page.route(re.compile(r"^(?!http://127\.0\.0\.1).*"), lambda route: (problems.append(f"remote {route.request.url}"), route.abort()))
            page.goto(f"{site}slides/{chapter_id}.html")
            page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=15000)
            assert page.evaluate("Reveal.getTotalSlides()") > 1
            assert page.evaluate("document.querySelectorAll('aside.notes').length") > 1
            page.keyboard.press("ArrowRight")
            assert page.evaluate("Reveal.getIndices().h") == 1, f"{chapter_id}: the arrow key did not advance"
            page.close()
        browser.close()
    assert not problems, "\n".join(problems)
