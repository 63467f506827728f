"""The web app at API level: `vae-assistant serve` started on 127.0.0.1, driven with gradio_client."""

from __future__ import annotations

import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from docx import Document
from gradio_client import Client

from assistant.web.serve import AuthError, parse_auth

from .web_server import serve

SECRET = "Madame Zéphyrine Dupont-Lagarde"


def text_of(message: dict) -> str:
    content = message["content"]
    if isinstance(content, list):
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def updated_value(output):
    """A component returned as an update (a download button shown with its file) comes back as a dict."""
    return output.get("value") if isinstance(output, dict) else output


@pytest.fixture(scope="module")
def served(evaluation_index_folder, tmp_path_factory):
    with serve(evaluation_index_folder, tmp_path_factory.mktemp("serve") / "serve.log") as server:
        yield server


@pytest.fixture(scope="module")
def client(served) -> Client:
    return Client(served.url, verbose=False)


def test_an_answer_comes_with_its_cited_source(client):
    history, cleared, sources, notice = client.predict("Comment est évalué le bloc 2 du RNCP 31168 ?", [], None,
                                                       api_name="/ask")
    assert cleared == "" and notice == ""
    assert "RNCP31168BC02" in text_of(history[1])
    assert re.search(r"<summary>Sources \(\d+\)</summary>", text_of(history[1])) and 'id="t1-1"' in text_of(history[1])
    assert "https://www.francecompetences.fr/recherche/rncp/31168/" in sources


def test_a_follow_up_keeps_the_context(served):
    own = Client(served.url, verbose=False)  # the conversation is kept in this session's state
    history, *_ = own.predict("Comment est évalué le bloc 4 du RNCP 31168 ?", [], None, api_name="/ask")
    history, _, sources, _ = own.predict("Et le bloc 5 ?", history, None, api_name="/ask")
    assert "RNCP31168BC05" in text_of(history[-1]) and "RNCP31168BC05" in sources
    assert 'id="t2-1"' in text_of(history[-1])  # anchors unique across the conversation


def test_a_question_the_fiches_cannot_answer_says_so(client):
    history, _, sources, _ = client.predict("Quel est le salaire d'un responsable de production ?", [],
                                            "RNCP31168", api_name="/ask")
    assert text_of(history[-1]).count("Pas dans les fiches") == 1
    assert "Aucune source" in sources


def test_a_too_long_message_is_refused_by_the_server_with_the_limit(client):
    long = "Comment est évalué le bloc 2 du RNCP 31168 ? " + "x" * 3000
    history, kept, _, notice = client.predict(long, [], None, api_name="/ask")
    assert history == [] and kept == long
    assert "la limite est de 2\u202f000" in notice


def test_an_empty_question_adds_nothing(client):
    history, kept, _, notice = client.predict("   ", [], None, api_name="/ask")
    assert history == [] and kept == "" and "Écrivez d'abord votre question" in notice


def test_hostile_text_in_a_question_is_shown_as_text(client):
    history, *_ = client.predict('<img src="http://198.51.100.1/x.png"> ![y](http://198.51.100.1/y.png) bloc 2 '
                                 "du RNCP 31168 ?", [], None, api_name="/ask")
    shown = text_of(history[0])
    assert "<img" not in shown and "&lt;img src=\"http://198.51.100.1/x.png\"&gt;" in shown


def test_concurrent_sessions_keep_their_own_conversations(client, served):
    def conversation(code: str, first: str) -> str:
        own = Client(served.url, verbose=False)
        history, *_ = own.predict(f"Comment est évalué le bloc {first} du RNCP {code} ?", [], None, api_name="/ask")
        history, *_ = own.predict("Et le bloc 2 ?", history, None, api_name="/ask")
        return text_of(history[-1])

    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {code: pool.submit(conversation, code, "1") for code in ("31168", "36612", "40344")}
    for code, future in futures.items():
        answer = future.result(timeout=300)
        assert f"RNCP{code}BC02" in answer, answer


def test_mapping_and_outline_through_the_app(client, served, tmp_path):
    experiences = (f"{SECRET} : j'ai tenu le budget d'un festival et rédigé les demandes de subvention.\n\n"
                   "J'ai rédigé les communiqués de presse et animé les réseaux sociaux du festival.")
    details, coverage = client.predict("RNCP31168", experiences, api_name="/map")
    assert "RNCP31168BC02" in details and "partiellement couvert" in coverage
    preview, word, markdown = client.predict("RNCP31168", experiences, api_name="/outline")
    word_file, markdown_file = updated_value(word), updated_value(markdown)
    assert preview.startswith("<h2>Dossier de validation (livret 2)")
    document = Document(word_file)
    assert sum(p.text.startswith("RNCP31168BC") for p in document.paragraphs
               if p.style.name.startswith("Heading")) == 5
    assert open(markdown_file, encoding="utf-8").read().startswith("# Dossier de validation (livret 2)")
    assert SECRET not in served.output()  # the candidate's words never reach the server's log


def test_empty_experiences_get_a_message_not_an_error(client):
    details, coverage = client.predict("RNCP31168", "   ", api_name="/map")
    assert "Aucune expérience" in details and coverage == ""
    preview, word, _ = client.predict(None, "J'ai tenu un budget.", api_name="/outline")
    assert "Choisissez d'abord la certification" in preview and updated_value(word) is None


def test_an_unknown_code_through_the_api_is_refused_by_name(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="RNCP99999"):  # the picker accepts only the index's codes
        client.predict("RNCP99999", "J'ai tenu le budget d'un festival.", api_name="/map")


def test_an_unknown_code_given_to_the_web_functions_is_named(client):
    from assistant.web.experiences import analyse_experiences

    class Mapper:  # the index's codes are all the function reads before refusing
        class index:
            codes = {"RNCP31168"}

    details, chart = analyse_experiences(Mapper(), "RNCP99999", "J'ai tenu le budget d'un festival.", None)
    assert "RNCP99999 n'est pas dans l'index" in details and chart == ""


def test_the_fiche_browser(client):
    shown = client.predict("RNCP14437", api_name="/fiche")
    assert "Chargé de production de projets artistiques" in shown and "francecompetences.fr" in shown
    assert "Attention : certification inactive" in shown


def test_a_missing_index_gets_a_page_saying_how_to_build_it(tmp_path):
    with serve(tmp_path / "nothing-here", tmp_path / "serve.log") as server:
        page = urllib.request.urlopen(server.url, timeout=10).read().decode("utf-8")
        config = urllib.request.urlopen(server.url + "config", timeout=10).read().decode("utf-8")
    assert "Assistant VAE" in page
    assert "n'est pas prêt" in config and "vae-assistant index" in config
    assert "Traceback" not in server.output()


def test_login_is_asked_when_vae_auth_is_set(evaluation_index_folder, tmp_path):
    with serve(evaluation_index_folder, tmp_path / "serve.log", auth="conseiller:s3cret") as server:
        with pytest.raises(Exception):  # noqa: B017 - gradio_client raises its own error on a refused login
            Client(server.url, auth=("conseiller", "faux"), verbose=False)
        authorised = Client(server.url, auth=("conseiller", "s3cret"), verbose=False)
        shown = authorised.predict("RNCP31168", api_name="/fiche")
    assert "Responsable de production de projets culturels" in shown


@pytest.mark.parametrize(("value", "expected"), [
    (None, None), ("", None), ("a:b", [("a", "b")]), ("a:b, c:d:e", [("a", "b"), ("c", "d:e")]),
])
def test_auth_pairs(value, expected):
    assert parse_auth(value) == expected


def test_malformed_auth_is_refused():
    with pytest.raises(AuthError, match="utilisateur:mot_de_passe"):
        parse_auth("sans-deux-points")


def test_serve_fills_the_vectors_an_index_left_missing(tmp_path):
    import time

    from assistant import Settings, build_index
    from assistant.index.vector_fill import read_state
    from assistant.index.verify import verify_index

    from .conftest import CORPUS

    settings = Settings(corpus=[CORPUS], index=tmp_path / "index", embedder="bench-hashed")
    chunks = build_index(settings, vectors=False).chunks
    assert read_state(settings.index) is None and not verify_index(settings).ok
    with serve(settings.index, tmp_path / "serve.log", environ={"VAE_EMBEDDER": "bench-hashed"},
               module="assistant.bench.cli") as server:
        shown = Client(server.url, verbose=False).predict("RNCP31168", api_name="/fiche")
        assert "Responsable de production de projets culturels" in shown  # answers before the vectors
        deadline = time.monotonic() + 120
        while not ((state := read_state(settings.index)) and state.complete) and time.monotonic() < deadline:
            time.sleep(0.5)
    assert state is not None and (state.done, state.total) == (chunks, chunks), server.output()
    found = verify_index(settings)
    assert found.ok and found.with_vector == chunks
