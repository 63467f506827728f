"""The optional LLM path, wired with LangChain's fake chat models: a checked answer is used; a citation that
points nowhere, a sentence the passages do not hold, or a failing model sends the answer back to the
extractive path."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.answer import Citation
from assistant.answering.assistant import Assistant
from assistant.answering.llm import LLMConfigError, LLMWriter, Prompts, chat_model, check, writer_from_settings
from assistant.index.search import SearchIndex
from assistant.readers.text_cleanup import split_sentences
from assistant.settings import Settings

QUESTION = "Que contient le dossier de synthèse demandé pour le RNCP 14437 ?"
PASSAGES = [
    Citation(code="RNCP31168", section="vae", section_label="VAE",
             quote="La VAE est accessible après un an d'expérience en lien avec la certification."),
    Citation(code="RNCP31168", section="validation_partielle", section_label="Validation partielle",
             quote="Les blocs de compétences validés restent acquis définitivement."),
]


class RecordingFakeModel(FakeListChatModel):
    """A fake chat model that also keeps the messages it was sent."""

    seen: list = []

    def invoke(self, messages, *args, **kwargs):
        self.seen.append(messages)
        return super().invoke(messages, *args, **kwargs)


class BrokenModel(FakeListChatModel):
    def invoke(self, *args, **kwargs):
        raise ConnectionError("serveur injoignable")


@pytest.fixture(scope="module")
def index(seed_index_folder) -> SearchIndex:
    return SearchIndex(Settings(index=seed_index_folder))


def test_a_supported_and_cited_answer_passes_the_check():
    text = ("La VAE est accessible après un an d'expérience [1]. Les blocs validés restent acquis "
            "définitivement [2].")
    assert check(text, PASSAGES) == PASSAGES


@pytest.mark.parametrize("text", [
    "La VAE est accessible après un an d'expérience [3].",                       # points nowhere
    "La VAE est accessible après un an d'expérience.",                            # no citation
    "Le salaire moyen atteint trois mille euros nets mensuels [1].",              # not in the passage
])
def test_an_answer_that_cannot_be_trusted_fails_the_check(text):
    assert check(text, PASSAGES) is None


def test_the_prompt_carries_the_rules_the_passages_and_the_question():
    model = RecordingFakeModel(responses=["La VAE est accessible après un an d'expérience [1]."])
    model.seen = []
    answer = LLMWriter(model).write("Qui peut faire une VAE ?", PASSAGES, [("user", "Bonjour")])
    assert answer is not None and answer.citations == PASSAGES
    system, human = model.seen[0]
    assert "Tu n'utilises que les passages" in system[1]
    assert "[1] (fiche RNCP31168, VAE)" in human[1] and "Question : Qui peut faire une VAE ?" in human[1]
    assert "Candidat : Bonjour" in human[1]


def test_the_model_saying_not_in_the_fiches_is_not_an_answer():
    assert LLMWriter(FakeListChatModel(responses=["PAS DANS LES FICHES"])).write("Salaire ?", PASSAGES, []) is None


def test_the_assistant_uses_a_checked_llm_answer(index):
    hits = index.search(QUESTION, k=3, codes=["RNCP14437"])
    first_line = next(line for line in hits[0].chunk.text.split("\n", 2)[-1].split("\n") if len(line.split()) > 4)
    reply = f"{split_sentences(first_line)[0].rstrip('.')} [1]."
    answer = Assistant(index, LLMWriter(FakeListChatModel(responses=[reply]))).ask(QUESTION)
    # The model's answer, said after the status of the certification (inactive), its [1] now [2].
    warning = "Attention : la certification RNCP14437 n'est plus active [1]."
    assert answer.text == f"{warning}\n{reply.replace('[1]', '[2]')}"
    assert [c.code for c in answer.citations][:2] == ["RNCP14437", "RNCP14437"] and not answer.declined


@pytest.mark.parametrize("model", [
    FakeListChatModel(responses=["Le jury se réunit chaque lundi à Paris et le titre coûte 9 000 euros [1]."]),
    FakeListChatModel(responses=["Voir le passage [9] pour tout savoir sur l'évaluation et le jury final."]),
    BrokenModel(responses=["inutile"]),
])
def test_an_untrustworthy_llm_answer_falls_back_to_quoting_the_fiche(index, model):
    without = Assistant(index).ask(QUESTION)
    answer = Assistant(index, LLMWriter(model)).ask(QUESTION)
    assert answer.text == without.text and answer.citations == without.citations


def test_structured_answers_never_go_through_the_llm(index):
    model = RecordingFakeModel(responses=["Ce titre compte douze blocs [1]."])
    model.seen = []
    answer = Assistant(index, LLMWriter(model)).ask("Combien de blocs compte le RNCP 31168 ?")
    assert model.seen == [] and "5" in answer.text


def test_no_llm_unless_configured_and_a_clear_error_for_a_bad_setting():
    assert writer_from_settings(Settings()) is None
    assert Settings.from_env({"VAE_LLM": "ollama:mistral", "VAE_LLM_URL": "http://127.0.0.1:9"}).llm_url \
        == "http://127.0.0.1:9"
    assert type(chat_model("ollama:mistral", "http://127.0.0.1:9")).__name__ == "ChatOllama"
    assert type(chat_model("openai:gpt-local", "http://127.0.0.1:9/v1")).__name__ == "ChatOpenAI"
    with pytest.raises(LLMConfigError, match="ollama:MODÈLE"):
        chat_model("inconnu")


def test_prompts_are_french_text_files():
    prompts = Prompts.load()
    assert "{passages}" in prompts.answer and "{question}" in prompts.answer and "jury" in prompts.system
