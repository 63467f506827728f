"""Candidates' data and hostile fiches in the served app: what leaves the machine, what stays on disk, who
may fetch what. Real `serve` processes; a fiche with an image and links in its text (one fiche: its index
builds in seconds with the default model).
"""

from __future__ import annotations

import signal
import stat
import time
from pathlib import Path

import httpx
import pytest
from gradio_client import Client

from assistant.index.builder import build_index
from assistant.settings import Settings

from .conftest import CORPUS
from .web_server import browser, serve

__all__ = ["browser"]

OUTSIDE = "198.51.100.1"  # TEST-NET-2: nothing answers there, and nothing may try
HOSTILE = (f"Diffuser ![pixel](http://{OUTSIDE}/x.png) et <img src=\"http://{OUTSIDE}/y.png\"> les visuels, "
           f"[voir le site](http://{OUTSIDE}/page) ou http://{OUTSIDE}/nu")
EXPERIENCES = ("J'ai conçu les outils de communication et diffusé les visuels d'un festival.\n\n"
               "J'ai tenu le budget du festival et monté les demandes de subvention.")


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    fiche = (CORPUS / "RNCP31168.txt").read_text(encoding="utf-8")
    marked = "Concevoir et réaliser les outils de communication"
    assert marked in fiche
    fiche = fiche.replace(marked, f"{marked} {HOSTILE}", 1)
    fiche = fiche.replace("Présentation\net soutenance orale.", f"<img src=http://{OUTSIDE}/z.png onerror=alert(1)>"
                                                                 "\nPrésentation et soutenance orale.", 1)
    (corpus / "RNCP31168.txt").write_text(fiche, encoding="utf-8")
    folder = tmp_path_factory.mktemp("hostile-index")
    report = build_index(Settings(corpus=[corpus], index=folder))
    assert report.fiches == 1
    return folder


def test_a_hostile_fiche_and_message_load_nothing_from_outside(browser, hostile_index, tmp_path):
    requests: list[str] = []
    with serve(hostile_index, tmp_path / "serve.log") as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(server.url) else None)
        page.goto(server.url)
        page.wait_for_selector("#question textarea", timeout=60_000)
        for question in ("Comment est évalué le bloc 1 du RNCP 31168 ?",
                         f"![moi](http://{OUTSIDE}/q.png) <img src=http://{OUTSIDE}/r.png> le bloc 1 du RNCP 31168 ?"):
            answers = page.locator("#chat .answer").count()
            page.fill("#question textarea", question)
            page.click("#send")
            page.wait_for_function(f"document.querySelectorAll('#chat details.sources').length > {answers}",
                                   timeout=60_000)
        page.locator("#chat details.sources summary").first.click()
        assert OUTSIDE in page.inner_text("#chat")  # the fiche's words are shown, as words
        page.get_by_role("tab", name="Mes expériences").click()
        page.fill("#experiences-text textarea", EXPERIENCES)
        page.locator("#map-certification input").click()
        page.locator("[role=option]", has_text="RNCP31168").first.click()
        page.click("#analyse")
        page.wait_for_function("document.querySelector('#coverage').innerText.includes('couvert')", timeout=60_000)
        page.get_by_role("tab", name="Livret 2").click()
        page.click("#build-outline")
        page.wait_for_selector("#download-docx", state="visible", timeout=60_000)
        page.get_by_role("tab", name="Fiches").click()
        page.wait_for_function(f"document.querySelector('#fiche').innerText.includes('{OUTSIDE}')", timeout=60_000)
        page.wait_for_timeout(1000)
        dom = page.evaluate("""(outside) => ({
            images: [...document.querySelectorAll('img')].map((i) => i.src).filter((s) => s.includes(outside)),
            links: [...document.querySelectorAll('a')].map((a) => a.href).filter((h) => h.includes(outside)),
            storage: Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k)),
            session: Object.keys(sessionStorage).map((k) => k + '=' + sessionStorage.getItem(k)),
        })""", OUTSIDE)
        databases = page.evaluate("async () => (await indexedDB.databases()).map((d) => d.name)")
        runs = httpx.get(server.url + "gradio_api/runs", timeout=10)
        context.close()
    assert requests == []  # not one request left 127.0.0.1
    assert dom["images"] == [] and dom["links"] == []
    assert not [item for item in dom["storage"] + dom["session"] if "bloc" in item or OUTSIDE in item]
    assert databases == []  # no run history kept by Gradio in the browser either
    assert runs.status_code != 200 or "bloc 1" not in runs.text


def _login(url: str, user: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=url, timeout=30)
    response = client.post("login", data={"username": user, "password": password})
    assert response.status_code == 200, response.text
    return client


def test_files_are_private_capped_and_gone_after_sigterm(evaluation_index_folder, tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    earlier = temporary / "gradio" / "0123abcd"  # what an earlier server killed with -9 would have left
    earlier.mkdir(parents=True)
    (earlier / "livret2-RNCP31168.docx").write_bytes(b"someone else's outline")
    environ = {"TMPDIR": str(temporary), "VAE_UPLOAD_MAX_MB": "1"}
    with serve(evaluation_index_folder, tmp_path / "serve.log", auth="alice:a-secret,bob:b-secret",
               environ=environ) as server:
        alice = Client(server.url, auth=("alice", "a-secret"), verbose=False, download_files=False)
        _, word, _ = alice.predict("RNCP31168", EXPERIENCES, api_name="/outline")
        served = (word.get("value") if isinstance(word, dict) and "value" in word else word)
        path = served["path"]
        folders = [p for p in temporary.iterdir() if p.name.startswith("vae-assistant-")]
        assert len(folders) == 1 and Path(path).is_relative_to(folders[0])
        assert stat.S_IMODE(folders[0].stat().st_mode) == 0o700
        as_alice, as_bob = _login(server.url, "alice", "a-secret"), _login(server.url, "bob", "b-secret")
        assert as_alice.get(f"gradio_api/file={path}").status_code == 200
        assert as_bob.get(f"gradio_api/file={path}").status_code == 403
        assert httpx.get(f"{server.url}gradio_api/file={path}", timeout=10).status_code in (401, 403)
        leftover = earlier / "livret2-RNCP31168.docx"
        assert as_alice.get(f"gradio_api/file={leftover}").status_code == 403
        big = as_alice.post("gradio_api/upload", files={"files": ("cv.txt", b"x" * 2_000_000, "text/plain")})
        assert big.status_code == 413
        assert not [p for p in folders[0].rglob("cv.txt")]
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=30) is not None
    assert [p for p in temporary.iterdir() if p.name.startswith("vae-assistant-")] == []
    assert "Traceback" not in server.output()


def test_candidates_words_stay_out_of_the_log(evaluation_index_folder, tmp_path):
    secret = "Madame Zéphyrine Dupont-Lagarde"
    with serve(evaluation_index_folder, tmp_path / "serve.log", environ={"TMPDIR": str(tmp_path)}) as server:
        client = Client(server.url, verbose=False)
        client.predict("RNCP31168", f"{secret} : {EXPERIENCES}", api_name="/map")
        client.predict(f"{secret} demande comment est évalué le bloc 2 du RNCP 31168 ?", [], None, api_name="/ask")
        on_disk = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix not in (".log",)
                   and secret.encode() in p.read_bytes()]
    assert secret not in server.output()
    assert on_disk == []


def test_ctrl_c_removes_the_private_folder_too(evaluation_index_folder, tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with serve(evaluation_index_folder, tmp_path / "serve.log", environ={"TMPDIR": str(temporary)}) as server:
        client = Client(server.url, verbose=False, download_files=False)
        client.predict("RNCP31168", EXPERIENCES, api_name="/outline")
        assert list(temporary.glob("vae-assistant-*/gradio/*/livret2-RNCP31168.docx"))
        server.process.send_signal(signal.SIGINT)
        # what is checked is the folder: gone once the server has stopped serving, whether or not the
        # process has ended yet (late in the whole suite, it has been seen alive past 90 s, its files gone)
        deadline = time.monotonic() + 90
        while list(temporary.glob("vae-assistant-*")) and time.monotonic() < deadline:
            time.sleep(0.2)
    left = [p.name for p in temporary.iterdir()]  # the embedding runtime may leave its own ".ses" marker
    assert not [name for name in left if name.startswith(("vae-assistant-", "gradio", "tmp"))], left
