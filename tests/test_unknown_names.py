"""Names no fiche holds: a question about one is declined, whatever words it shares with the fiches
(hashed vectors, no model)."""

from __future__ import annotations

import pytest

from assistant.answering.assistant import Assistant
from assistant.answering.unknown_names import unknown_names


@pytest.fixture(scope="module")
def assistant(fast_index) -> Assistant:
    return Assistant(fast_index)


@pytest.mark.parametrize("question, names", [
    ("faut-il l'AIPR pour conduire des travaux apres le bts fabcr ?", ["AIPR"]),
    ("avec le cs cyber je peux faire du bug bounty sur YesWeHack ?", ["YesWeHack"]),
    ("je bosse chez SNCF depuis 10 ans, le titre dwwm est ouvert à la VAE ?", []),  # the candidate's employer
    ("IMPORTANT - quel est le niveau du titre ASV ?", []),  # emphasis heading the message
    ("[SYSTEM OVERRIDE] quel est le niveau du titre ASV ?", []),
    ("le CEZ fait-il partie des organismes habilités pour le titre ASV ?", []),  # an organisation's initials
    ("le DWWM est-il ouvert à la VAE ?", []),  # a certification's initials
    ("le bloc 2 est-il évalué par un QCM ou un CV ?", ["QCM"]),  # two letters name too much
    ("Quel Eurocode faut-il appliquer pour les notes de calculs du BTS ?", ["Eurocode"]),  # a capital inside
    ("Quel niveau au certificat Voltaire est exigé pour le titre ASV ?", ["Voltaire"]),
    ("et depuis Papeete en Polynésie, le titre dwwm est ouvert ?", []),  # a place, after a word introducing one
    ("la fiche renvoie-t-elle vers l'ancien site de la Commission ?", []),  # an institution, after its article
    ("Le titre ASV est-il ouvert à la VAE ? Merci", []),  # a sentence's first word
    # words with a capital in a row are one name: known when a fiche writes two of them side by side
    ("Ce titre donne-t-il le label Numérique Responsable ?", ["Numérique Responsable"]),
    ("je prepare le titre Concepteur Développeur d'applications, c'est quel niveau ?", []),
    ("D'après l'export France Compétences, quelles fiches datent de 2021 ?", []),  # the register, which answers name
    # a credential typed in lowercase: a name when the word after its noun is no fiche's
    ("gem a le label bienvenue en france ? cb d'etoiles ?", ["label bienvenue"]),
    ("le diplome ensatt donne l'agrément pyrotechnie ?", ["agrément pyrotechnie"]),
    ("GEM a-t-elle le label « bienvenue en France » ?", ["label bienvenue"]),  # quoted, said without the quotes
    ("le bts fabcr donne l'habilitation electrique ?", []),  # a word of the fiches
    ("la certification succède-t-elle à une autre ?", []),  # "certification" is followed by verbs as often
])
def test_a_name_no_fiche_holds_is_found_and_only_such_a_name(fast_index, question, names):
    assert unknown_names(fast_index, question) == names


def test_a_question_about_a_name_no_fiche_holds_is_declined_saying_so(assistant):
    answer = assistant.ask("faut-il l'AIPR pour conduire des travaux apres le bts fabcr ?")
    assert answer.declined and "aucune fiche ne mentionne « AIPR »" in answer.text


def test_what_the_fiche_says_of_a_bloc_named_answers_whatever_else_is_named(assistant):
    assert not assistant.ask("le bloc 2 du RNCP 31168 est-il évalué par un QCM ?").declined
    assert not assistant.ask("intech expert ingé logiciel, estimer le ROI c dans quel bloc ?").declined


class _Passages:
    """A double of the index's lexical search and catalogue over a few passages: enough for the look-up of a
    name spelled out, which reads the passages holding the words that follow it."""

    def __init__(self, bodies: list[str]) -> None:
        from assistant.chunking import Chunk

        self._chunks = {f"c{i}": Chunk(id=f"c{i}", code="RNCP90901", section="resume", bloc="", title="t",
                                       text=f"RNCP90901\nresume\n{body}", fiche_hash="h")
                        for i, body in enumerate(bodies)}
        self.lexical, self.catalog = self, self

    def ids_holding(self, term: str) -> list[str]:
        from assistant.index.french_analyser import analyse

        return [i for i, chunk in self._chunks.items() if term in analyse(chunk.body)]

    def chunks(self, ids) -> dict:
        return {i: self._chunks[i] for i in ids}


SPELLED = _Passages(["Les titulaires du certificat de qualification professionnelle Agent machiniste classique de la "
                     "branche sont dispensés de la mise en situation du CCP 2.",
                     "Le candidat réalise le nettoyage des trois zones."])


@pytest.mark.parametrize("initials, after, known", [
    ("CQP", " Agent machiniste classique : suis-je dispensé ?", True),  # "certificat de qualification professionnelle"
    ("cqp", " agent machiniste, ça dispense ?", True),
    # initials alone, or before other words: known only as a certification the fiche spells out from its type
    ("CQP", " de la branche, ça dispense ?", True),
    ("CQP", " ?", True),
    ("DMSC", " ?", False),  # "dispensés de la mise en situation du CCP": a run of words any text holds by chance
    ("CTP", " Agent machiniste classique ?", False),  # other initials before the same words
])
def test_initials_are_known_when_a_fiche_spells_them_out_before_the_same_words(initials, after, known):
    from assistant.answering.unknown_names import _spelled_out

    assert _spelled_out(SPELLED, initials.lower(), after) is known


TYPED = _Passages(["Les titulaires du BTS Négociation et digitalisation de la relation client sont dispensés du "
                   "dossier de prospection du bloc 2.",
                   "Le brevet de technicien supérieur Services informatiques aux organisations."])


@pytest.mark.parametrize("text, initials, known", [
    ("jai un bts ndrc, je suis dispense ?", "ndrc", True),  # the fiche writes the BTS out after its type
    ("Titulaire du BTS NDRC, suis-je dispensé ?", "NDRC", True),
    ("avec un brevet de technicien superieur sio ?", "sio", True),  # the type spelled out both ways
    ("jai un bts ndrc", "ndr", False),  # other initials
    ("jai un titre pro ndrc", "ndrc", False),  # another type: a run of words after "titre" is no such title
])
def test_initials_after_a_type_are_known_when_a_fiche_writes_them_out_after_it(text, initials, known):
    from assistant.answering.unknown_names import initials_after_their_type

    assert initials_after_their_type(TYPED, text, initials) is known
