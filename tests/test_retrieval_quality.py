"""The index finds the passage holding the answer: the targets of the project, on its own question sets.

The evaluation index holds the two seed fiches and the 12 sample fiches (read from ../shared); it is built
once for this module with the default embedder. A hit is a retrieved passage containing every expected item.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answering.assistant import Assistant
from assistant.evaluation.retrieval import measure_retrieval
from assistant.evaluation.sets import load_set
from assistant.index.search import SearchIndex
from assistant.settings import Settings

EVALS = Path(__file__).resolve().parent.parent / "evals"


@pytest.fixture(scope="module")
def evaluation_index(evaluation_index_folder) -> SearchIndex:
    return SearchIndex(Settings(index=evaluation_index_folder))


def test_retrieval_meets_the_project_targets(evaluation_index):
    cases = [case for name in ("seeds.yaml", "rncp-sample.yaml") for case in load_set(EVALS / name).cases]
    metrics = measure_retrieval(Assistant(evaluation_index), cases)
    assert len(metrics.cases) >= 50 and metrics.left_out == []
    print(f"hit@1 {metrics.hit_at_1:.3f} hit@5 {metrics.hit_at_5:.3f} MRR {metrics.mrr:.3f}")
    assert metrics.hit_at_5 >= 0.95, metrics.misses
    assert metrics.hit_at_1 >= 0.75


def test_a_named_bloc_comes_first(evaluation_index):
    hits = evaluation_index.search("Comment est évalué le bloc 2 ?", k=3, codes=["RNCP31168"])
    assert hits[0].chunk.bloc == "RNCP31168BC02"


@pytest.mark.parametrize(("question", "expected"), [
    ("titre pro dwwm on s'occupe du referencement, que le site soit trouvé sur google, ou pas du tout ?",
     "moteurs de recherche"),
    ("dwwm, faut se tenir au courant des nouveautes techno et des failles de secu ou c pas demandé dans le titre ?",
     "veille"),
    ("le titre pro concepteur dev d'applis du ministere on peut le preparer a epitech ?", "EPITECH"),
])
def test_the_words_naming_the_certification_do_not_decide_which_of_its_passages_come_first(
        evaluation_index, question, expected):
    """Every passage of the fiche is about the certification; the lists of organisations and the presentation
    repeat its name most, and would come first if the name counted in the search."""
    hits = Assistant(evaluation_index).retrieve(question, k=5)
    assert {hit.chunk.code for hit in hits} == {hits[0].chunk.code}
    assert any(expected in hit.chunk.text for hit in hits), [hit.chunk.section for hit in hits]


def test_a_bloc_whose_title_is_written_out_is_where_its_competence_is_looked_for(evaluation_index):
    # the bloc's title says where to look: its words would otherwise quote the title itself first
    answer = Assistant(evaluation_index).ask(
        "Dans le bloc « Mobilisation d'une expertise métier au sein d'une organisation » du RNCP34762, quelle "
        "compétence porte sur les nouvelles pratiques du métier exercé ?")
    quoted = [line for line in answer.text.split("\n") if line.startswith("- « ")]
    assert "force de proposition sur les nouvelles pratiques du métier" in quoted[0]
    assert all(c.code == "RNCP34762" for c in answer.citations)


def test_a_field_named_by_its_rubric_is_answered_beside_a_topic_declined(evaluation_index):
    # "formacode" names a rubric; the financing file it is for is out of the fiches, and said so after it
    answer = Assistant(evaluation_index).ask("cda du cesi c quoi le formacode ? j'en ai besoin pour mon dossier "
                                             "de financement")
    assert not answer.declined and answer.text.startswith("Formacodes de la certification RNCP36490")
    assert "31089" in answer.text and "ne parlent pas du financement" in answer.text
