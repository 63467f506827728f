"""A decline shows where to look: the sentences of the passages found that are closest to the question."""

from assistant.answering.declines import not_in_fiches
from assistant.answering.extractive import key_terms, nearest_sentences
from assistant.chunking import Chunk
from assistant.index.search import Hit


def _hit(section: str, body: str, bloc: str = "") -> Hit:
    chunk = Chunk(id=f"RNCP40344-{section}-{len(body)}", code="RNCP40344", section=section, bloc=bloc,
                  title="Auxiliaire spécialisé vétérinaire", text=f"RNCP40344\n{section}\n{body}", fiche_hash="h")
    return Hit(chunk=chunk, score=1.0)


HITS = [
    _hit("activites", "Compétences :\nAccueil des propriétaires au comptoir et au téléphone.\n"
                      "Positionnement et contention d’un animal vigile lors des soins."),
    _hit("partenaires", "CONTENTION ANIMALE FORMATION ; ANIMAL PRO FORMATION"),
    _hit("bloc", "Explicitation d’un acte de contention devant le jury.", bloc="RNCP40344BC04"),
]
QUESTION = "quand je tiens un chien pour le veto, la contention d'un animal c pour quoi ?"


def test_the_sentences_holding_most_of_the_question_s_words_come_first():
    terms = key_terms(QUESTION, set())
    nearest = nearest_sentences(HITS, terms, dict.fromkeys(terms, 1.0))
    assert [c.quote for c in nearest] == ["Positionnement et contention d’un animal vigile lors des soins.",
                                          "Explicitation d’un acte de contention devant le jury."]
    assert nearest[1].bloc == "RNCP40344BC04"


def test_names_of_organisations_headings_and_unrelated_sentences_are_never_shown():
    terms = key_terms("contention animal", set())
    quotes = [c.quote for c in nearest_sentences(HITS, terms, dict.fromkeys(terms, 1.0))]
    assert not any("FORMATION" in q or q == "Compétences :" for q in quotes)
    assert nearest_sentences(HITS, key_terms("le prix du permis poids lourd", set()), {}) == []


def test_a_decline_with_the_nearest_sentences_cites_them_and_stays_a_decline():
    terms = key_terms(QUESTION, set())
    nearest = nearest_sentences(HITS, terms, dict.fromkeys(terms, 1.0))
    answer = not_in_fiches(["RNCP40344"], nearest=nearest)
    assert answer.declined and answer.certification == "RNCP40344"
    assert answer.text.startswith("Pas dans les fiches, ou pas en ces termes")
    assert answer.citations == nearest
    assert "peut-être pas" in answer.text
    assert "« Positionnement et contention d’un animal vigile lors des soins. » (RNCP40344, " in answer.text
    lines = answer.text.split("\n")
    assert lines[2].endswith("[1]") and lines[3].endswith("[2]") and "vae.gouv.fr" in lines[4]


def test_a_decline_with_nothing_near_is_the_plain_one():
    assert not_in_fiches(["RNCP40344"], nearest=[]) == not_in_fiches(["RNCP40344"])
    assert not_in_fiches(["RNCP40344"]).citations == []
