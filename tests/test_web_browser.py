"""End to end in headless Chromium (Debian's, driven by Playwright): what a candidate and an adviser do, on a
desktop (1280×900) and on a phone (390×844).

Screenshots of each tab go to build/screenshots/ at every run; `VAE_SCREENSHOTS=docs/screenshots` writes
the four tabs on desktop and phone where the README shows them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .page_checks import below, english_left, font_families
from .web_server import browser, serve

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "build" / "screenshots"
FOUR_TABS = ROOT / os.environ.get("VAE_SCREENSHOTS", "build/screenshots")  # docs/screenshots for the README
# "bien couvert" takes competences each proved by a sentence of its own: the communication bloc gets two
EXPERIENCES = ("J'ai tenu le budget d'un festival et monté les demandes de subvention.\n\n"
               "J'ai conçu les outils de communication du festival : affiches, flyers et site web.\n\n"
               "J'ai mené la campagne de promotion du festival dans la presse et sur les réseaux sociaux.")
CV = "2018-2021 : Programmatrice d'un festival de théâtre, j'ai organisé la tournée de trois compagnies.\n"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TABS = ["Chat", "Mes expériences", "Livret 2", "Fiches"]

__all__ = ["browser"]


@pytest.fixture(scope="module")
def served(evaluation_index_folder, tmp_path_factory):
    with serve(evaluation_index_folder, tmp_path_factory.mktemp("browser") / "serve.log") as server:
        yield server


@pytest.fixture()
def outside_requests() -> list[str]:
    return []


def open_page(browser, served, outside_requests, viewport=DESKTOP, locale="fr-FR", **options) -> Page:
    context = browser.new_context(viewport=viewport, accept_downloads=True, locale=locale, **options)
    opened = context.new_page()
    opened.on("request", lambda request: outside_requests.append(request.url)
              if not request.url.startswith((served.url, "data:", "blob:")) else None)
    opened.goto(served.url)
    opened.wait_for_selector("#question textarea", timeout=60_000)
    return opened


@pytest.fixture()
def page(browser, served, outside_requests) -> Page:
    opened = open_page(browser, served, outside_requests)
    yield opened
    opened.context.close()


@pytest.fixture()
def phone(browser, served, outside_requests) -> Page:
    opened = open_page(browser, served, outside_requests, viewport=PHONE, locale="en-US", is_mobile=True,
                       has_touch=True, device_scale_factor=2)
    yield opened
    opened.context.close()


def ask(page: Page, question: str) -> None:
    answers = page.locator("#chat .answer").count()
    page.fill("#question textarea", question)
    page.click("#send")
    taken = f"document.querySelectorAll('#chat .answer').length > {answers}"
    try:  # on a loaded machine a click can come before Gradio wires its events: it is then lost
        page.wait_for_function(taken, timeout=15_000)
    except PlaywrightTimeout:
        page.click("#send")
    page.wait_for_function(f"{taken} && !document.querySelector('#chat .answer.streaming')", timeout=60_000)
    page.wait_for_function("!document.querySelector('#chat .generating, #chat .pending')", timeout=60_000)
    page.wait_for_function("document.querySelector('#question textarea').value === ''", timeout=60_000)


def open_sources(page: Page) -> None:
    """Open the last answer's sources panel (again if the answer was drawn anew just as it was clicked)."""
    for _ in range(3):
        page.locator("#chat details.sources summary").last.click()
        try:
            page.wait_for_function("[...document.querySelectorAll('#chat details.sources')].pop().open",
                                   timeout=3_000)
            return
        except PlaywrightTimeout:
            continue


def wait_for_text(page: Page, selector: str, text: str) -> None:
    page.wait_for_function(
        "([s, t]) => document.querySelector(s) && document.querySelector(s).innerText.includes(t)",
        arg=[selector, text], timeout=90_000)


def choose(page: Page, dropdown: str, code: str) -> None:
    """Type a code in a dropdown and pick its option. The page may render the dropdown again while the text is
    typed or just after the pick (its choices arrive after the first paint), which empties it: the choice
    counts only once the field still shows the code a moment later, else it is made again."""
    field = page.locator(f"{dropdown} input")
    option = page.locator("[role=option]", has_text=code).first
    for _ in range(4):
        field.click()
        field.fill("")
        field.press_sequentially(code)
        try:
            option.wait_for(state="visible", timeout=10_000)
            option.click()
        except PlaywrightTimeout:
            continue
        page.wait_for_timeout(500)
        if code in field.input_value() and not page.locator("[role=option]").first.is_visible():
            return
    raise AssertionError(f"{code} n'a pas pu être choisi dans {dropdown}")


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def map_and_outline(page: Page) -> None:
    page.get_by_role("tab", name="Mes expériences").click()
    choose(page, "#map-certification", "RNCP31168")
    page.fill("#experiences-text textarea", EXPERIENCES)
    page.click("#analyse")
    wait_for_text(page, "#coverage", "bien couvert")
    wait_for_text(page, "#mapping", "RNCP31168BC01")  # the bloc two experiences prove, far ahead of the others


def test_ask_see_the_cited_source_and_follow_up(page, outside_requests):
    ask(page, "Comment est évalué le bloc 4 du RNCP 31168 ?")
    wait_for_text(page, "#sources", "RNCP31168BC04")
    assert "francecompetences.fr/recherche/rncp/31168" in page.inner_html("#sources")
    assert re.search(r"Sources \(\d+\)", page.inner_text("#chat"))
    assert "enregistrement terminé le 7 août 2022" in page.inner_text("#chat .answer .about")
    ask(page, "Et le bloc 5 ?")
    wait_for_text(page, "#sources", "RNCP31168BC05")
    wait_for_text(page, "#chat", "RNCP31168BC05")
    shoot(page, "chat")
    page.click("#restart")
    page.wait_for_function("!document.querySelector('#sources').innerText.includes('RNCP31168')")
    assert page.locator("#chat .answer").count() == 0
    assert outside_requests == []  # fonts, scripts and styles all come from the app itself


def test_every_text_reaches_wcag_aa_contrast_in_one_font(page):
    ask(page, "J'ai organisé la tournée d'une compagnie en Allemagne, ça correspond à quel bloc du RNCP 14437 ?")
    open_sources(page)
    failing = below(page)
    assert failing == [], failing
    measured = {c["text"]: c["ratio"] for c in below(page, minimum=99)}
    assert measured["Chat"] >= 4.5 and measured["Envoyer"] >= 4.5  # the active tab and the primary button
    assert any(key.startswith("Comment est évalué") for key in measured)  # the placeholder was measured
    map_and_outline(page)
    assert below(page) == []
    levels = below(page, minimum=99, selector="#coverage .level")
    assert {c["text"] for c in levels} >= {"bien couvert", "non couvert"}
    assert all(c["ratio"] >= 4.5 for c in levels), levels
    families = set(font_families(page, ["h1", "#send", "button[role=tab]", "#coverage b", "#mapping strong",
                                        "#experiences-text textarea"]).values())
    assert len(families) == 1 and "system-ui" in families.pop()


def test_no_english_left_even_for_an_english_browser(phone):
    assert english_left(phone) == []
    ask(phone, "Comment est évalué le bloc 2 du RNCP 31168 ?")
    assert english_left(phone) == []
    assert "Copier le message" in phone.inner_html("#chat")


def test_on_a_phone_the_tabs_and_the_question_box_stay_in_reach(phone, outside_requests):
    for name in TABS:
        tab = phone.get_by_role("tab", name=name)
        assert tab.is_visible()
        box = tab.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert not phone.locator("button[aria-label='Autres onglets']").is_visible()
    for question in ("Comment est évalué le bloc 2 du RNCP 31168 ?", "Qui compose le jury pour la VAE ?"):
        ask(phone, question)
        box = phone.locator("#question textarea").bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], box
        assert phone.locator("#send").bounding_box()["y"] + 20 <= PHONE["height"]
    assert not phone.locator("#sources-column").is_visible()  # sources sit under each answer instead
    open_sources(phone)
    assert phone.locator("#chat details.sources").last.get_attribute("open") is not None
    shoot(phone, "phone-sources-open")
    assert outside_requests == []


def test_each_marker_leads_to_its_numbered_source(page):
    ask(page, "Comment est évalué le bloc 2 du RNCP 31168 ?")  # [1] its status, [2] the bloc
    answer = page.locator("#chat .answer").last
    markers = answer.locator("a.cite")
    assert markers.count() >= 2
    numbers = [int(re.search(r"\d+", text).group()) for text in markers.all_inner_texts()]
    sources = answer.locator("details.sources li")
    assert sources.count() == len(set(numbers)) or sources.count() >= max(numbers)
    for n, marker in zip(numbers, markers.all(), strict=True):
        target = marker.get_attribute("href").lstrip("#")
        item = answer.locator(f"[id='{target}']")
        assert item.text_content().startswith(f"[{n}] ")  # the n-th source, labelled [n]
        assert sources.nth(n - 1).get_attribute("id") == target
    markers.last.click()
    assert answer.locator("details.sources").get_attribute("open") is not None
    shown = answer.locator("li.shown")
    assert shown.count() == 1 and shown.inner_text().startswith(f"[{numbers[-1]}] ")
    box = shown.bounding_box()
    assert 0 <= box["y"] <= DESKTOP["height"]


def test_a_too_long_or_empty_question_is_refused_before_any_answer(page):
    page.click("#send")
    wait_for_text(page, "#question-notice", "Écrivez d'abord votre question")
    assert page.locator("#chat .answer, #chat .question").count() == 0
    long = "Comment est évalué le bloc 2 ? " + "détail " * 400
    page.fill("#question textarea", long)
    page.click("#send")
    wait_for_text(page, "#question-notice", "la limite est de 2\u202f000")
    assert page.locator("#chat .answer, #chat .question").count() == 0
    assert page.input_value("#question textarea") == long  # kept, to be shortened


def test_a_too_large_cv_is_refused_in_french(page):
    page.get_by_role("tab", name="Mes expériences").click()
    page.set_input_files("#cv input[type=file]", files=[{"name": "cv.txt", "mimeType": "text/plain",
                                                         "buffer": b"x " * 3_000_000}])
    page.wait_for_function("document.body.innerText.includes('Fichier trop volumineux')", timeout=30_000)
    assert "\"cv.txt\" dépasse 5 Mo" in page.inner_text("body")
    assert english_left(page) == []


def test_the_picker_searches_as_you_type(page):
    page.locator("#chat-certification input").click()
    page.locator("#chat-certification input").press_sequentially("cybers")
    options = page.locator("[role=option]")
    expect(options).to_have_count(1, timeout=10_000)  # the list filters as the keys arrive
    assert "RNCP37488" in options.first.inner_text()
    options.first.click()
    box = page.locator("#chat-certification input")
    expect(page.locator("[role=option]")).to_have_count(0)  # the choice is made, the list closed
    box.click()
    box.press("Control+a")
    box.press_sequentially("14437")  # replaces the choice, does not append to it
    first = page.locator("[role=option]").first
    expect(first).to_contain_text("RNCP14437", timeout=10_000)  # the list filters as the keys arrive
    assert "inactive" in first.inner_text()


def test_map_experiences_and_download_the_outline(page, tmp_path, outside_requests):
    map_and_outline(page)
    assert "J'ai utilisé votre texte (3 expériences)." in page.inner_text("#mapping")
    page.set_input_files("#cv input[type=file]", files=[{"name": "cv.txt", "mimeType": "text/plain",
                                                         "buffer": CV.encode("utf-8")}])
    wait_for_text(page, "#cv-note", "CV lu : 1 expérience trouvée")
    assert re.search(r"\b103\so\b", page.inner_text("#cv"))  # its size said the French way
    page.click("#analyse")
    wait_for_text(page, "#mapping", "et votre CV (1 expérience)")  # both used, and said so
    assert "Expérience 4 : Programmatrice d'un festival de théâtre" in page.inner_text("#mapping")
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
    wait_for_text(page, "#fiche", "Blocs de compétences")
    assert "inactive" not in page.inner_text("#fiche").split("\n")[0]  # opens on a certification still open
    choose(page, "#fiche-certification", "RNCP31168")
    wait_for_text(page, "#fiche", "Responsable de production de projets culturels")
    assert "Attention : certification enregistrement terminé" in page.inner_text("#fiche")
    assert "Statistiques" in page.inner_text("#fiche")
    assert page.locator("#fiche li").count() > 10  # lists, not one long paragraph
    assert "France compétences" in page.inner_text("#footer")
    shoot(page, "fiches")


def test_screenshots_of_the_four_tabs_on_desktop_and_phone(browser, served, outside_requests):
    FOUR_TABS.mkdir(parents=True, exist_ok=True)
    for viewport, device in ((DESKTOP, "desktop"), (PHONE, "phone")):
        opened = open_page(browser, served, outside_requests, viewport=viewport)
        ask(opened, "Comment est évalué le bloc 2 du RNCP 31168 ?")
        opened.screenshot(path=str(FOUR_TABS / f"{device}-chat.png"))
        map_and_outline(opened)
        opened.screenshot(path=str(FOUR_TABS / f"{device}-experiences.png"), full_page=True)
        opened.get_by_role("tab", name="Livret 2").click()
        opened.click("#build-outline")
        wait_for_text(opened, "#outline-preview", "Dossier de validation")
        opened.screenshot(path=str(FOUR_TABS / f"{device}-livret2.png"))
        opened.get_by_role("tab", name="Fiches").click()
        wait_for_text(opened, "#fiche", "Blocs de compétences")
        opened.screenshot(path=str(FOUR_TABS / f"{device}-fiches.png"))
        opened.context.close()
    assert all((FOUR_TABS / f"{d}-{t}.png").stat().st_size > 10_000 for d in ("desktop", "phone")
               for t in ("chat", "experiences", "livret2", "fiches"))
    assert outside_requests == []


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
