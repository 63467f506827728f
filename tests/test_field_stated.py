"""A field the export gives no element for, stated in the fiche's text in the field's own words."""

from assistant.answering.extractive import field_stated, key_terms
from assistant.answering.fields import BY_NAME
from assistant.answering.router import cue_stems
from assistant.chunking import Chunk
from assistant.index.french_analyser import QUESTION_TERMS
from assistant.index.search import Hit


def _hit(section: str, body: str) -> Hit:
    chunk = Chunk(id=f"RNCP90921-{section}-{len(body)}", code="RNCP90921", section=section, bloc="",
                  title="Comptable assistant", text=f"RNCP90921\n{section}\n{body}", fiche_hash="h")
    return Hit(chunk=chunk, score=0.0)


HITS = [
    _hit("activites", "Les horaires sont ceux d'un bureau. Il rapproche les relevés bancaires."),
    _hit("resume", "Le titre est composé de trois CCP. Chaque CCP obtenu reste valable sans limite de durée : le "
                   "candidat peut se présenter plus tard aux CCP qui lui manquent."),
]
PARTIAL = cue_stems(BY_NAME["partial"].cues) | cue_stems(BY_NAME["validity"].cues)


def test_the_sentence_speaking_of_the_field_in_its_words_answers_though_it_shares_one_word_with_the_question():
    terms = key_terms("si je rate un des ccp, est-ce que je garde ceux que j'ai reussis ?", set())
    stated = field_stated(HITS, PARTIAL - QUESTION_TERMS, terms, dict.fromkeys(terms, 1.0))
    assert stated is not None
    assert [c.quote for c in stated.citations] == [
        "Chaque CCP obtenu reste valable sans limite de durée : le candidat peut se présenter plus tard aux CCP qui "
        "lui manquent."]


def test_no_sentence_speaking_of_the_field_states_nothing():
    terms = key_terms("je garde mes ccp ?", set())
    assert field_stated(HITS[:1], PARTIAL - QUESTION_TERMS, terms, {}) is None


def test_a_sentence_in_the_field_s_words_states_nothing_of_a_question_it_shares_no_word_with():
    # "la soutenance du mémoire dure combien de temps ?" is no question on what stays acquired
    terms = key_terms("la soutenance du memoire dure combien de temps ?", set())
    assert field_stated(HITS, PARTIAL - QUESTION_TERMS, terms, dict.fromkeys(terms, 1.0)) is None



def test_a_question_made_only_of_the_field_s_words_needs_none_of_its_own():
    # "et si je le rate, je garde quoi ?": every word asks the field, none is left for the sentence to share
    terms = key_terms("et si je le rate, je garde quoi ?", set())
    assert field_stated(HITS, PARTIAL - QUESTION_TERMS, terms, dict.fromkeys(terms, 1.0)) is None
    stated = field_stated(HITS, PARTIAL - QUESTION_TERMS, terms, dict.fromkeys(terms, 1.0), own_word_needed=False)
    assert stated is not None and "valable sans limite de durée" in stated.text


def test_what_stays_acquired_is_read_in_the_words_of_both_its_entries():
    from assistant.answering.fields import stated_together

    assert {e.name for e in stated_together([BY_NAME["partial"]])} == {"partial", "validity"}
    assert [e.name for e in stated_together([BY_NAME["dispenses"]])] == ["dispenses"]
    hits = [_hit("resume", "Les CCP obtenus sont capitalisables sans limite de temps : le candidat qui n'obtient "
                           "pas le titre complet conserve les CCP acquis. Le jury se réunit à Lyon.")]
    terms = key_terms("si je reussis seulement une partie des ccp, je perds le reste au bout d'un moment ?", set())
    alone = cue_stems(BY_NAME["partial"].cues) - QUESTION_TERMS
    both = cue_stems(cue for e in stated_together([BY_NAME["partial"]]) for cue in e.cues) - QUESTION_TERMS
    assert field_stated(hits, alone, terms, dict.fromkeys(terms, 1.0)) is None  # one word of the partial alone
    stated = field_stated(hits, both, terms, dict.fromkeys(terms, 1.0))
    assert stated is not None and "capitalisables sans limite de temps" in stated.text



def test_a_sentence_holding_the_word_that_names_the_field_states_it_whatever_it_shares_with_the_question():
    dispenses = cue_stems(BY_NAME["dispenses"].cues) - QUESTION_TERMS
    hits = [_hit("resume", "Les titulaires d'un diplôme de niveau 4 sont dispensés des épreuves E5 et E6. "
                           "Le jury se réunit à Lyon.")]
    terms = key_terms("j'ai un bac pro, je dois repasser le francais et l'anglais ?", set())
    assert field_stated(hits, dispenses, terms, dict.fromkeys(terms, 1.0)) is None  # one word of the field only
    stated = field_stated(hits, dispenses, terms, dict.fromkeys(terms, 1.0), naming=frozenset({"dispens"}))
    assert stated is not None and [c.quote for c in stated.citations] == [
        "Les titulaires d'un diplôme de niveau 4 sont dispensés des épreuves E5 et E6."]


def test_a_fact_told_over_two_sentences_in_a_row_is_quoted_whole():
    from assistant.answering.answer_kinds import AnswerKind, holds
    from assistant.answering.extractive import quote_with_what_follows
    from assistant.text_normalise import fold

    hits = [_hit("bloc", "Épreuve EP1 « Techniques du visage », coefficient 7. Épreuve pratique de quatre heures "
                         "trente sur modèle. Le jury note la tenue.")]
    terms = key_terms("quels sont le coefficient et la duree de l'epreuve ep1 ?", set())

    def duration(sentence: str) -> bool:
        return holds(AnswerKind.DURATION, fold(sentence))

    found = quote_with_what_follows(hits, terms, dict.fromkeys(terms, 1.0), duration)
    assert found is not None
    assert [c.quote for c in found.citations] == ["Épreuve EP1 « Techniques du visage », coefficient 7.",
                                                 "Épreuve pratique de quatre heures trente sur modèle."]
    # a sentence of the kind asked after one that does not hold the question's words is no answer
    assert quote_with_what_follows(hits, key_terms("quel est le bareme de la tenue ?", set()), {}, duration) is None


def test_equivalences_are_completed_by_the_summary_sentences_on_another_certifications_units():
    from assistant.answering import drafts
    from assistant.certification import Certification

    fiche = Certification(code="RNCP90924", title="Responsable commercial", summary=(
        "Le titre demande un niveau équivalent au bac+2. Les blocs « Négocier » et « Manager » de l'ancien titre "
        "sont reconnus par équivalence des blocs 2 et 3 du présent titre ; les autres blocs n'ont pas "
        "d'équivalent."))
    said = drafts.equivalences(fiche)
    assert said is not None and "sont reconnus par équivalence des blocs 2 et 3" in said.text
    assert "bac+2" not in said.text  # a sentence on a level, not on units
    assert drafts.equivalences(fiche.model_copy(update={"summary": "Un niveau équivalent au bac+2."})) is None
