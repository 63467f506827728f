"""End to end in headless Chromium (Debian's, driven by Playwright): what a candidate and an adviser do.

Screenshots of each tab go to build/screenshots/ at every run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import Page, sync_playwright

from .web_server import CHROMIUM, CHROMIUM_ARGS, serve

SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"
EXPERIENCES = ("J'ai tenu le budget d'un festival et monté les demandes de subvention.\n\n"
               "J'ai écrit les communiqués de presse et animé les réseaux sociaux du festival.")


@pytest.fixture(scope="module")
def served(evaluation_index_folder, tmp_path_factory):
    with serve(evaluation_index_folder, tmp_path_factory.mktemp("browser") / "serve.log") as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def outside_requests() -> list[str]:
    return []


@pytest.fixture()
def page(browser, served, outside_requests) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="fr-FR")
    opened = context.new_page()
    opened.on("request", lambda request: outside_requests.append(request.url)
              if not request.url.startswith((served.url, "data:", "blob:")) else None)
    opened.goto(served.url)
    opened.wait_for_selector("#question textarea", timeout=60_000)
    yield opened
    context.close()


def ask(page: Page, question: str) -> None:
    answers = page.locator("#chat .message-row").count()
    page.fill("#question textarea", question)
    page.click("#send")
    page.wait_for_function(f"document.querySelectorAll('#chat .message-row').length > {answers}", timeout=60_000)
    page.wait_for_function("!document.querySelector('#chat .generating, #chat .pending')", timeout=60_000)


def wait_for_text(page: Page, selector: str, text: str) -> None:
    page.wait_for_function(
        "([s, t]) => document.querySelector(s) && document.querySelector(s).innerText.includes(t)",
        arg=[selector, text], timeout=90_000)


def choose(page: Page, dropdown: str, code: str) -> None:
    page.locator(f"{dropdown} input").click()
    page.locator("[role=option]", has_text=code).first.click()


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_ask_see_the_cited_source_and_follow_up(page, outside_requests):
    ask(page, "Comment est évalué le bloc 4 du RNCP 31168 ?")
    wait_for_text(page, "#sources", "RNCP31168BC04")
    assert "francecompetences.fr/recherche/rncp/31168" in page.inner_html("#sources")
    assert "Sources (1)" in page.inner_text("#chat")
    ask(page, "Et le bloc 5 ?")
    wait_for_text(page, "#sources", "RNCP31168BC05")
    wait_for_text(page, "#chat", "RNCP31168BC05")
    shoot(page, "chat")
    page.click("#restart")
    page.wait_for_function("!document.querySelector('#sources').innerText.includes('RNCP31168')")
    assert outside_requests == []  # fonts, scripts and styles all come from the app itself


def test_map_experiences_and_download_the_outline(page, tmp_path, outside_requests):
    page.get_by_role("tab", name="Mes expériences").click()
    choose(page, "#map-certification", "RNCP31168")
    page.fill("#experiences-text textarea", EXPERIENCES)
    page.click("#analyse")
    wait_for_text(page, "#coverage", "bien couvert")
    wait_for_text(page, "#mapping", "RNCP31168BC02")
    shoot(page, "experiences")
    page.get_by_role("tab", name="Livret 2").click()
    page.click("#build-outline")
    page.wait_for_selector("#download-docx", state="visible", timeout=90_000)
    wait_for_text(page, "#outline-preview", "Dossier de validation")
    with page.expect_download() as download:
        page.click("#download-docx")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "livret2-RNCP31168.docx"
    headings = [p.text for p in Document(str(saved)).paragraphs if p.style.name.startswith("Heading")]
    assert sum(h.startswith("RNCP31168BC") for h in headings) == 5
    shoot(page, "livret2")
    assert outside_requests == []


def test_browse_a_fiche(page):
    page.get_by_role("tab", name="Fiches").click()
    choose(page, "#fiche-certification", "RNCP31168")
    wait_for_text(page, "#fiche", "Responsable de production de projets culturels")
    assert "France compétences" in page.inner_text("#footer")
    shoot(page, "fiches")


def test_two_sessions_at_once_keep_their_own_conversations(browser, served):
    contexts = [browser.new_context() for _ in range(2)]
    pages = [context.new_page() for context in contexts]
    for opened in pages:
        opened.goto(served.url)
        opened.wait_for_selector("#question textarea", timeout=60_000)
    for opened, code in zip(pages, ("31168", "36612"), strict=True):  # both questions in flight together
        opened.fill("#question textarea", f"Comment est évalué le bloc 1 du RNCP {code} ?")
        opened.click("#send")
    for opened, code in zip(pages, ("31168", "36612"), strict=True):
        wait_for_text(opened, "#sources", f"RNCP{code}BC01")
        opened.fill("#question textarea", "Et le bloc 3 ?")
        opened.click("#send")
    for opened, code, other in zip(pages, ("31168", "36612"), ("36612", "31168"), strict=True):
        wait_for_text(opened, "#sources", f"RNCP{code}BC03")
        assert f"RNCP{other}" not in opened.inner_text("#chat")
    for context in contexts:
        context.close()
