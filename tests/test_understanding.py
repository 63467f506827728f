"""A question understood once, and routed to what it asks: table-driven, on hashed vectors (no model)."""

from __future__ import annotations

import re

import pytest

from assistant.answer import Turn
from assistant.answering.assistant import INTERROGATIVE, Assistant, clauses_of
from assistant.answering.extractive import key_terms
from assistant.answering.query import Context, understand, without_words
from assistant.certification import Route
from assistant.index.french_analyser import analyse
from assistant.places.gazetteer import places_asked
from assistant.text_normalise import fold


@pytest.fixture(scope="module")
def assistant(fast_index) -> Assistant:
    return Assistant(fast_index)


def read(assistant: Assistant, question: str, selected: str | None = None, history: list[Turn] | None = None):
    from assistant.answering.query import read_context

    context = read_context([(t.role, t.content) for t in history or []], assistant.index.names,
                           assistant._field_of) if history else Context()
    return understand(question, assistant.index.names, selected, context)


def test_a_code_in_the_question_beats_the_selection_and_the_conversation(assistant):
    history = [Turn(role="user", content="Quel est le niveau du RNCP 31168 ?")]
    query = read(assistant, "Et le jury du RNCP 37674 ?", selected="RNCP40344", history=history)
    assert query.codes == ["RNCP37674"] and query.how == "code"


def test_a_certification_named_beats_the_one_discussed(assistant):
    history = [Turn(role="user", content="Quel est le niveau du titre assistant RH ?"),
               Turn(role="assistant", content="RNCP36612 : niveau 5.")]
    assert read(assistant, "et pour le DWWM ?", history=history).codes == ["RNCP37674"]


def test_the_selection_then_the_conversation_when_nothing_is_named(assistant):
    history = [Turn(role="user", content="Parle-moi du RNCP 40344")]
    assert read(assistant, "qui est dans le jury ?", selected="RNCP36612", history=history).codes == ["RNCP36612"]
    assert read(assistant, "qui est dans le jury ?", history=history).how == "conversation"


def test_a_follow_up_names_a_bloc_by_its_number_or_as_this_bloc(assistant):
    history = [Turn(role="user", content="C'est quoi le bloc 1 du RNCP 37674 ?")]
    assert read(assistant, "et le 2 ?", history=history).bloc_numbers == [2]
    assert read(assistant, "il est évalué comment, ce bloc ?", history=history).bloc_numbers == [1]


def test_routes_named_and_inherited(assistant):
    assert read(assistant, "en formation continue ou en alternance ?").routes == [  # alternance: both contracts
        Route.APPRENTISSAGE, Route.CONTRAT_PROFESSIONNALISATION, Route.FORMATION_CONTINUE]
    history = [Turn(role="user", content="Le RNCP 36612 est-il ouvert en apprentissage ?")]
    assert read(assistant, "et le jury ?", history=history).routes == [Route.APPRENTISSAGE]


def test_a_long_message_is_read_on_the_question_it_asks_at_its_end(assistant):
    message = "Je travaille depuis dix ans en clinique, j'ai organisé des plannings. " * 12 + \
        "Quel est le niveau du RNCP 40344 ?"
    query = read(assistant, message)
    assert query.text == "Quel est le niveau du RNCP 40344 ?" and query.codes == ["RNCP40344"]


@pytest.mark.parametrize(("question", "entry"), [
    ("Qui compose le jury de VAE du RNCP 36612 ?", "jury"),
    ("combien de blocs pour le titre RNCP 37674 ?", "blocs"),
    ("cb de blocs ya ?", "blocs"),
    ("c'est encore actif le 34762 ?", "status"),
    ("le 31168, mes blocs restent acquis combien de temps ?", "validity"),
    ("Quel est le niveau du RNCP 35625 ?", "level"),
    ("Qui délivre le RNCP 35959 ?", "certifier"),
    ("Quels métiers après le RNCP 40344 ?", "jobs"),
    ("Combien coûte une VAE pour le titre RNCP 36612 ?", "cost"),
    ("quel salaire après le RNCP 37674 ?", "salary"),
    ("je peux payer avec mon CPF ?", "funding"),
    ("c quand le prochain jury du RNCP 40344 ?", "sessions"),
    ("quelles certifications sont de niveau 6 ?", "corpus"),
    ("la veille juridique relève-t-elle du bloc 1 du RNCP 36612 ?", "bloc_find"),
    ("le jour de l'épreuve du RNCP 37674 on a droit à la calculatrice ?", "exam_practicalities"),
    ("le titre RNCP 40344 est-il reconnu en Suisse ?", "abroad"),
    ("comment contester la note du jury du RNCP 36612 ?", "appeal"),
    ("mon livret 2 pour le RNCP 37873 doit faire combien de pages ?", "vae_file"),
    ("quelle convention collective pour un titulaire du RNCP 35809 ?", "outside_rules"),
    ("l'école du RNCP 39568 fait des portes ouvertes ?", "school_life"),
    ("quels employeurs recrutent les titulaires du RNCP 40344 ?", "sectors"),  # who hires: the sectors
    ("dans quels genres d'entreprises peut-on travailler avec le RNCP 36612 ?", "sectors"),
])
def test_the_router_finds_what_is_asked(assistant, question, entry):
    scored = assistant.route(read(assistant, question))
    assert scored[0].entry.name == entry, [(s.entry.name, round(s.score, 2)) for s in scored[:3]]


@pytest.mark.parametrize("question", ["jai arrete l'ecole en 3eme, faut un diplome ?", "faut-il le bac pour entrer ?",
                                      "faut le bac pour faire la formation ?"])
def test_asking_whether_a_diploma_is_needed_is_a_cue_of_the_prerequisites(assistant, question):
    entry = next(e for e in assistant.router.entries if e.name == "prerequisites")
    assert any(weight >= 0.7 for _, weight in assistant.router.cues_found(entry, question))


@pytest.mark.parametrize(("question", "entry_name"), [
    ("soutenance dans 2 semaines, t'aurais des astuces pour pas me planter ?", "opinion"),  # advice is no fiche's
    ("tu aurais des conseils pour bien réussir cette soutenance ?", "opinion"),
])
def test_a_kind_of_question_is_a_cue_of_its_entry(assistant, question, entry_name):
    entry = next(e for e in assistant.router.entries if e.name == entry_name)
    assert any(weight >= 0.8 for _, weight in assistant.router.cues_found(entry, fold(question)))


@pytest.mark.parametrize(("question", "entry_name"), [
    ("Le CAP Coiffure relève de quelle autorité certificatrice ?", "certifier"),  # the feminine of "certificateur"
    ("Quels sont les certificats de compétences professionnelles qui constituent le titre ?", "blocs"),  # CCP
    ("Qui peut être admis dans la formation, et selon quelle procédure ?", "prerequisites"),
    ("avec juste le cap je peux ouvrir mon salon ?", "regulations"),  # what the credential lets one do alone
    ("le titre me permet de m'installer à mon compte ?", "regulations"),
    ("je garde mes allocations pendant la formation ?", "funding"),  # money while training is no fiche's
    ("il existe une prime de salissure dans ce métier ?", "salary"),
    ("l'école m'aide-t-elle à obtenir un visa étudiant ?", "abroad"),
    ("le titre pro c'est un vrai diplome reconnu par l'etat ou un papier de centre ?", "certifier"),
    ("Y a-t-il des contre-indications ou des aptitudes physiques pour suivre cette formation ?", "prerequisites"),
    ("pour le cap je suis obligee de faire les stages pfmp quand meme ?", "dispenses"),
    ("sans le brevet c mort ? ils demandent quoi a l'entrée", "prerequisites"),
    ("le diplome c'est equivalent au bac maintenant ?", "level"),  # a level told by the diploma it matches
    ("le tp ça vaut un cap ou c'est en dessous ?", "level"),
    ("Quels sont les domaines de compétences du diplôme d'État ?", "blocs"),  # what a DE calls its blocs
    ("et c'est l'education nationale qui le donne ?", "certifier"),
    ("faut obligatoirement le cap pour s'inscrire au bp ?", "prerequisites"),
    ("Et pour pouvoir m'inscrire à l'examen, qu'est-ce qu'il faut ?", "prerequisites"),
    ("Que deviennent les blocs validés après la fin du titre ?", "partial"),
])
def test_a_wording_of_a_field_is_a_cue_of_its_entry(assistant, question, entry_name):
    entry = next(e for e in assistant.router.entries if e.name == entry_name)
    assert any(weight >= 0.7 for _, weight in assistant.router.cues_found(entry, fold(question)))


def test_a_course_taught_somewhere_asks_no_dispense(assistant):
    dispenses = next(e for e in assistant.router.entries if e.name == "dispenses")
    assert assistant.router.cues_found(dispenses, fold("suis-je dispensée de l'épreuve E5 ?"))
    assert assistant.router.cues_found(dispenses, fold("pour le bp je dois repasser le francais ou pas ?"))
    for taught in ("les cours sont-ils dispensés en anglais ?", "la formation est dispensée par l'école ?"):
        assert not assistant.router.cues_found(dispenses, fold(taught))


def test_the_word_naming_a_field_states_it_only_when_a_sentence_that_asks_names_the_field(assistant):
    from assistant.answering.fields import BY_NAME, stated_together

    partial = stated_together([BY_NAME["partial"]])
    # "rater" is a cue of what stays acquired, told here, not asked
    told = read(assistant, "c'est quand les inscriptions pour le titre pro dwwm ? j'ai peur de rater la date")
    assert not assistant._asked_in_a_sentence_that_asks(told, partial)
    asked = read(assistant, "au titre pro dwwm, si je rate un bloc, je garde quoi ?")
    assert assistant._asked_in_a_sentence_that_asks(asked, partial)
    dispenses = [BY_NAME["dispenses"]]  # the question mark closes the whole sentence, past its "et"
    asked = read(assistant, "Est-ce que je dois repasser le français et les maths si j'ai déjà un diplôme ?")
    assert assistant._asked_in_a_sentence_that_asks(asked, dispenses)


def test_a_field_answer_saying_yes_or_no_comes_before_the_passages_that_complete_it(assistant):
    # "présenté" is a word of the question the route's answer does not hold: passages complete it, after it
    answer = assistant.ask("Le titre pro DWWM peut-il être présenté en candidat libre ?")
    assert answer.text.startswith("Non, la voie « Par candidature individuelle » n'est pas ouverte")
    assert "Par ailleurs :" in answer.text


def test_a_topic_declined_told_only_as_the_reason_of_the_question_does_not_decline_it(assistant):
    answer = assistant.ask("c koi le code rome du titre pro dwwm ? france travail me le demande pour ma demande de "
                           "financement")
    assert not answer.declined and answer.text.startswith("Codes ROME de la certification RNCP37674")
    assert "ne parlent pas du financement" in answer.text  # the topic told is said to be elsewhere, after
    # asked in the clause that asks, the topic is declined, whatever the other clauses tell
    assert assistant.ask("c koi le code rome du titre pro dwwm et comment financer la formation ?").declined
    assert assistant.ask("en alternance au titre pro dwwm je touche 900 euros, jai droit a la prime d'activite "
                         "ou pas ?").declined


@pytest.mark.parametrize(("question", "history"), [
    ("Le dernier bloc du titre pro dwwm, il comprend quoi exactement ?", []),
    ("Et le dernier, il faut y maîtriser quoi ?",
     [Turn(role="user", content="le titre pro dwwm ya quoi comme blocs ?"),
      Turn(role="assistant", content="Deux blocs : le front-end et le back-end (RNCP37674).")]),
])
def test_the_last_bloc_is_the_last_of_the_list(assistant, question, history):
    answer = assistant.ask(question, history=history)
    assert "Le bloc RNCP37674BC02 de la certification RNCP37674" in answer.text
    assert "RNCP37674BC01 de la certification" not in answer.text


def test_the_last_of_something_else_is_no_last_bloc(assistant):
    from assistant.answering.assistant import names_the_last

    history = [Turn(role="user", content="le titre pro dwwm ya quoi comme blocs ?"),
               Turn(role="assistant", content="Deux blocs : le front-end et le back-end (RNCP37674).")]
    assert names_the_last(read(assistant, "Et le dernier, celui du back-end ?", history=history))
    assert not names_the_last(read(assistant, "et la dernière épreuve du bloc, elle dure combien ?", history=history))


def test_applying_for_jobs_asks_the_jobs(assistant):
    query = read(assistant, "avec le tp dwwm je pourrai postuler sur les annonces de développeur front ?")
    assert [e.name for e in assistant._entries(query)][:1] == ["jobs"]


def test_recognised_in_the_new_title_is_no_recognition_abroad(assistant):
    entry = next(e for e in assistant.router.entries if e.name == "abroad")
    assert assistant.router.cues_found(entry, "mes ccp de l'ancien titre c'est reconnu dans le nouveau ?") == []
    assert assistant.router.cues_found(entry, "le titre est-il reconnu dans d'autres pays ?") != []


def test_a_subject_after_the_verb_does_not_hide_a_cue(assistant):
    from assistant.answering.fields import BY_NAME

    inverted = assistant.router.cues_found(BY_NAME["bloc_find"], "le suivi des absences releve-t-il du bloc 1 ?")
    plain = assistant.router.cues_found(BY_NAME["bloc_find"], "le suivi des absences releve du bloc 1 ?")
    assert inverted == plain == [("releve du bloc", 1.0)]


def test_a_question_asking_where_is_not_declined_for_the_number_it_mentions(assistant):
    answer = assistant.ask("RNCP 36612 : calculer combien de jours de congés il reste aux salariés, "
                           "c'est dans quel bloc ?")
    assert not answer.declined and "RNCP36612BC0" in answer.text


def test_a_task_the_fiche_does_not_name_gets_the_nearest_bloc_said_as_such(assistant):
    answer = assistant.ask("RNCP 36612 : zorglub et fribouille, c'est dans quel bloc ?")
    assert not answer.declined
    assert "La fiche ne nomme pas cette tâche en ces mots ; le bloc qui s'en rapproche le plus est RNCP36612BC0" \
        in answer.text


def test_a_semantic_likeness_alone_never_declines(assistant):
    from assistant.answering.router import decide_all

    scored = assistant.route(read(assistant, "Un auxiliaire vétérinaire peut-il opérer ?"))
    assert all(s.entry.scope != "decline" for s in decide_all(scored))


def test_a_semantic_likeness_alone_never_maps_a_person_s_words():
    from assistant.answering.fields import ENTRIES
    from assistant.answering.router import Scored, decide_all

    by_name = {entry.name: entry for entry in ENTRIES}
    # far nearer to the ranking's examples than to anything else, but with none of its cues
    alone = [Scored(by_name["fits_me"], 1.2, 0.0, 4.8), Scored(by_name["jobs"], 0.9, 0.0, 3.6)]
    assert [s.entry.name for s in decide_all(alone)] == ["jobs"]
    with_cue = [Scored(by_name["fits_me"], 1.6, 0.4, 4.8), Scored(by_name["jobs"], 0.9, 0.0, 3.6)]
    assert decide_all(with_cue)[0].entry.name == "fits_me"


def test_questions_over_the_corpus_list_every_certification_that_fits(assistant):
    answer = assistant.ask("Quelles certifications sont de niveau 6 ?")
    assert {c.code for c in answer.citations} == {"RNCP31168", "RNCP36490", "RNCP37873"}
    vae = assistant.ask("lesquelles sont ouvertes à la VAE ?")
    assert len({c.code for c in vae.citations}) == 14
    certified = assistant.ask("Quels titres délivre le ministère du travail ?")
    assert {c.code for c in certified.citations} == {"RNCP37674", "RNCP37873"}


@pytest.mark.parametrize("question, kept", [
    ("je redige des contrats de travail depuis 10 ans, lesquelles parlent de contrat de travail ?",
     " lesquelles parlent de contrat de travail ?"),
    ("je voudrais bosser en mairie. lesquelles citent les collectivites territoriales ?",
     " lesquelles citent les collectivites territoriales ?"),
    ("quelles certifications citent les PME ?", "quelles certifications citent les PME ?"),  # no story told
    ("moi je veux bosser en pme, lesquelles ?", "moi je veux bosser en pme, lesquelles ?"),  # nothing else asked
])
def test_over_the_corpus_the_person_s_own_story_is_no_filter(question, kept):
    from assistant.answering.corpus_questions import without_own_story

    assert without_own_story(question) == kept


def test_an_ambiguous_name_is_shown_not_guessed(assistant):
    answer = assistant.ask("Quel est le niveau du concepteur développeur d'applications ?")
    assert "Plusieurs certifications correspondent" in answer.text
    assert {c.code for c in answer.citations} == {"RNCP36490", "RNCP37873"}


def test_an_unknown_code_is_declined_even_with_a_selection(assistant):
    answer = assistant.ask("Quels sont les blocs du RNCP 12345 ?", selected="RNCP31168")
    assert answer.declined and "RNCP12345" in answer.text and not answer.citations


def test_out_of_scope_with_in_scope_words_is_declined(assistant):
    answer = assistant.ask("Combien coûte une VAE pour le titre assistant RH ?")
    assert answer.declined and "coût" in answer.text


def test_a_question_the_fiche_does_not_answer_in_its_words_shows_where_to_look(assistant):
    answer = assistant.ask("titre asv, quand on tient un chien pour le veto (contention) c pour assurer quoi "
                           "d'apres le referentiel ?")
    assert answer.declined and answer.text.startswith("Pas dans les fiches, ou pas en ces termes")
    assert answer.citations and {c.code for c in answer.citations} == {"RNCP40344"}
    assert all(f"« {c.quote} »" in answer.text for c in answer.citations)
    assert any("contention" in c.quote for c in answer.citations)


def test_inactive_certifications_say_so_first(assistant):
    answer = assistant.ask("Quel est le niveau du RNCP 34762 ?")
    assert answer.text.startswith("Attention : la certification RNCP34762 n'est plus active [1]")
    assert answer.citations[0].section == "presentation"


def test_every_marker_points_to_a_citation(assistant):
    import re

    for question in ["Qui compose le jury de VAE du RNCP 36612 ?", "Quels sont les blocs du RNCP 37674 ?",
                     "c'est encore actif le 35625 ? jusqu'à quand ?"]:
        answer = assistant.ask(question)
        markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
        assert markers == set(range(1, len(answer.citations) + 1)), (question, answer.text)


@pytest.mark.parametrize(("question", "section"), [
    ("Qui compose le jury ?", "voies_acces"), ("Quel est le niveau du titre ?", "presentation"),
    ("Quels métiers peut-on exercer ?", "metiers"), ("Où peut-on préparer ce titre ?", "lieux"),
    ("cb de diplomés par an ?", "statistiques"),
])
def test_what_is_asked_points_retrieval_to_the_sections_that_answer(assistant, question, section):
    assert section in assistant.sections(read(assistant, question))


def test_a_greeting_points_nowhere(assistant):
    assert assistant.sections(read(assistant, "Bonjour")) == set()


def test_an_organisation_the_certifier_authorised_is_recognised_from_the_fiches(assistant):
    answer = assistant.ask("je peux faire le dwwm à l'afpa ?")
    assert not answer.declined and "AFPA" in answer.text
    assert answer.citations[-1].section == "partenaires" and answer.citations[-1].code == "RNCP37674"
    listed = assistant.ask("simplon, ils préparent quels titres dans ta liste ?")
    assert {"RNCP37674", "RNCP37873"} <= {c.code for c in listed.citations}


def test_the_address_of_an_organisation_named_is_not_in_the_lists_that_name_it(assistant):
    answer = assistant.ask("le numéro de téléphone de l'AFPA pour le titre DWWM ?")
    assert answer.declined and "ne donnent pas les coordonnées" in answer.text
    # what the fiche does say is still said, with its citation
    assert [(c.code, c.section) for c in answer.citations] == [("RNCP37674", "partenaires")]
    assert "AFPA" in answer.citations[0].quote


def test_an_organisation_is_recognised_by_most_of_its_name_and_its_initials(assistant):
    # "CHAMBRE DE COMMERCE ET D'INDUSTRIE TERRITORIALE ALSACE EUROMETROPOLE", as candidates write it
    listed = assistant.ask("la cci alsace eurometropole elle prepare quelles certifs parmi les tiennes ?")
    assert {"RNCP37674", "RNCP37873", "RNCP40344"} <= {c.code for c in listed.citations}
    assert "HAUTES ALPES" not in listed.text and "DU CHER" not in listed.text  # other chambers, not this one
    # named by its initials, it is found as a partner and as the certifier it is
    esiea = assistant.ask("l'esiea (ecole sup informatique electronique automatique), quelles certifs chez toi ?")
    assert {"RNCP37674", "RNCP37873", "RNCP35419"} <= {c.code for c in esiea.citations}


def test_generic_words_of_a_long_name_do_not_name_it(assistant):
    # "CENTRE DE FORMATION PROFESSIONNELLE…" is a partner of the ASV title: the question names none
    answer = assistant.ask("un centre de formation pour le titre asv ?")
    assert "CENTRE DE FORMATION PROFESSIONNELLE" not in answer.text.split("\n")[0]
    rome = assistant.ask("Quelles certifications mènent au code ROME M1802 (Expertise et support en systèmes "
                         "d'information) ?")
    assert "ECOLE SUP INFORM COMMERCE" not in rome.text  # "sup" begins "support", "inform" "information"
    assert {"RNCP35419", "RNCP36490", "RNCP37488"} <= {c.code for c in rome.citations}


def test_the_certifier_naming_the_title_is_not_an_organisation_asked(assistant):
    # "CCI FORMATION PRO" is a partner of the HR title: here the CCI says which title, "pro" which interviews
    question = ("pour la campagne d'entretiens pro, je cale les dates et j'envoie les convocs aux managers. la "
                "fiche assistant rh cci detaille ces etapes ?")
    answer = assistant.ask(question)
    assert "CCI FORMATION PRO" not in answer.text
    assert all(c.section != "partenaires" for c in answer.citations)
    # asked where, or with nothing else asked, the chamber may be an organisation again: its words are searched
    def searched(asked: str) -> str:
        query = read(assistant, asked)
        assert query.how == "nom", asked
        own = key_terms(query.folded, assistant._name_words(query.codes))  # as `_organisations` reads them
        return assistant._organisations_searched(query, places_asked(query.folded), own)

    for asked in ("la cci prepare le titre assistant rh ?", "la cci forme a l'assistant rh ?",
                  "la cci de lyon fait-elle passer les epreuves du titre assistant rh en alternance ?"):
        assert "cci" in searched(asked), asked
    assert "cci" not in searched(question)


def test_an_organisation_whose_whole_name_is_written_out_is_named(assistant):
    # "école" is a kind and "89" too short, "européenne" and "numérique" ordinary words: the whole name says it
    for question, name, code in [
        ("L'École 89 est-elle habilitée pour le titre professionnel Concepteur développeur d'applications ?",
         "ECOLE 89", "RNCP37873"),
        ("l'ecole europeenne du numerique elle prepare le dwwm pour de vrai ?", "ECOLE EUROPEENNE DU NUMERIQUE",
         "RNCP37674")]:
        answer = assistant.ask(question)
        assert answer.text.startswith("Oui") and name in answer.text.split("\n")[0], question
        assert answer.citations[0].code == code and answer.citations[0].section == "partenaires"


def test_an_organisation_named_after_an_inverted_pronoun_is_still_named(assistant):
    # "liste-t-elle GREEN UP ACADEMY": "green" is not the verb of "elle", and it names one of the academies
    answer = assistant.ask("La fiche RNCP37873 liste-t-elle GREEN UP ACADEMY parmi ses organismes habilités ?")
    assert "GREEN UP ACADEMY" in answer.text and "ACADEMY OF MANAGEMENT" not in answer.text


def test_a_kind_of_organisation_asked_about_names_those_of_that_kind(assistant):
    # GRETA is also a word of an evaluation rule ("CFA porté par un GRETA"); asked about organisations, it names them
    answer = assistant.ask("Pour quelles certifications de ta base un GRETA figure-t-il parmi les organismes "
                           "habilités ?")
    assert "GRETA DU LIMOUSIN" in answer.text
    assert {"RNCP37674", "RNCP37873"} <= {c.code for c in answer.citations}


def test_an_organisation_named_is_said_with_the_date_of_its_authorisation(assistant, fast_index):
    urbilog = next(p for p in fast_index.certification("RNCP37674").partners if p.name == "URBILOG")
    answer = assistant.ask("depuis quand URBILOG est habilité pour le titre pro dwwm ?")
    assert "URBILOG : dernière modification de l'habilitation le" in answer.text
    assert urbilog.state_changed is not None and str(urbilog.state_changed.year) in answer.text
    counted = assistant.ask("combien d'organismes sont habilités pour ce titre ?", selected="RNCP37674")
    listed = {p.name for p in fast_index.certification("RNCP37674").partners if p.active is not False}
    said = [int(n) for n in re.findall(r"\((\d+) organismes?\)", counted.text)]
    assert said and sum(said) == len(listed)  # one count per kind of authorisation


def test_this_title_is_the_one_selected_whatever_certifier_the_question_names(assistant):
    # "CCI" names CCI FRANCE, certifier of RNCP36612; "ce titre" is the one chosen in the list
    answer = assistant.ask("Une CCI locale du Beaujolais est-elle habilitée à préparer ce titre ?",
                           selected="RNCP37674")
    assert "CCI LOCALE BEAUJOLAIS" in answer.text and answer.citations[-1].code == "RNCP37674"
    titled = assistant.ask("le titre assistant rh de la cci il a combien de blocs ?", selected="RNCP37674")
    assert titled.citations[0].code == "RNCP36612"  # named by its title, not only its certifier


def test_two_certifications_named_are_answered_from_their_passages_only(assistant):
    answer = assistant.ask("le cesi c une ecole publique ou privée ?")  # CESI certifies RNCP35959 and RNCP36490
    assert {c.code for c in answer.citations} <= {"RNCP35959", "RNCP36490"}
    assert "RNCP39568" not in answer.text


def test_a_topic_to_decline_said_in_the_fiche_s_own_words_is_quoted(assistant):
    # "salaire" asks about pay, but "bulletins de salaire" is what the payroll bloc checks
    answer = assistant.ask("Lors du contrôle de la validité et de la conformité des bulletins de salaire, que doit "
                           "vérifier l'assistant en ressources humaines (RNCP36612) au regard de ses outils de suivi ?")
    assert not answer.declined and "complétude" in answer.text
    assert assistant.ask("quel salaire apres le titre assistant rh ?").declined


def test_a_word_of_an_organisation_s_name_is_not_enough_to_name_it(assistant):
    # "pro" ends "ARIMAYI ACADEMY PRO", "chat" ends "TOUCHE PAS A MON CHAT": neither names an organisation
    assert "partenaires" not in {c.section for c in assistant.ask("le niveau du titre pro dwwm c quoi ?").citations}
    assert "partenaires" not in {c.section for c in assistant.ask("Parle-moi de ton chat").citations}


def test_a_question_that_asks_how_long_without_an_answer_in_the_fiche_is_declined(assistant):
    answer = assistant.ask("Combien de temps mes blocs restent-ils acquis pour le RNCP 35625 ?")
    assert answer.declined and "RNCP35625BC" not in answer.text  # not the list of its blocs


def test_overseas_access_is_answered_from_the_fiche(assistant):
    answer = assistant.ask("Le BTS FABCR est-il accessible en Nouvelle-Calédonie ?")
    assert "Nouvelle-Calédonie : oui" in answer.text and answer.citations[-1].section == "voies_acces"


def test_a_code_outside_the_index_is_answered_only_for_what_links_it_to_a_fiche_that_cites_it(assistant):
    linked = assistant.ask("j'ai validé le bloc 1 de l'ancien titre (RNCP31114), ça correspond à quel bloc "
                           "dans le nouveau ?")
    assert not linked.declined and "RNCP37674BC01" in linked.text and "RNCP31114 n'est pas" in linked.text
    own = assistant.ask("Quels sont les blocs du RNCP31114 ?")
    assert own.declined and "La fiche RNCP37674 la cite" in own.text


def test_a_corpus_question_on_what_some_fiches_say_lists_them_with_the_sentence(assistant):
    answer = assistant.ask("Parmi les certifications que tu connais, lesquelles confèrent le grade de master ?")
    assert {"RNCP34762", "RNCP35625", "RNCP39568"} <= {c.code for c in answer.citations}
    assert all("master" in c.quote.lower() for c in answer.citations)


def test_a_follow_up_names_a_bloc_by_an_ordinal_or_a_bare_number_after_a_question_on_blocs(assistant):
    history = [Turn(role="user", content="Comment est évalué le bloc com du RNCP 31168 ?")]
    assert read(assistant, "et le premier il s'évalue comment ?", history=history).bloc_numbers == [1]
    assert read(assistant, "et le 3 ?", history=history).bloc_numbers == [3]


@pytest.mark.parametrize(("typed", "spelt"), [
    ("cb de places ?", "combien de places ?"),
    ("yen a cb par an", "il y en a combien par an"),
    ("encaisser (cb, cheque, especes)", "encaisser (carte bancaire, cheque, especes)"),
    ("pour la secu des applis ils se basent sur les recos de qui ?",
     "pour la securite des applications ils se basent sur les recommandations de qui ?"),
    ("les stats de la promo 2018", "les statistiques de la promo 2018"),  # a cohort as often as a promotion
])
def test_cb_is_how_many_except_in_a_list_of_payments(typed, spelt):
    from assistant.text_normalise import spell_out

    assert spell_out(typed) == spelt


@pytest.mark.parametrize(("question", "expected", "fact"), [
    ("lesquelles de tes certifs expirent en 2026 ?", {"RNCP35809", "RNCP35959"}, "fin d'enregistrement : "),
    ("quelles certifications ont pris effet en 2023 ?", {"RNCP37488", "RNCP37674", "RNCP37873"}, "date d'effet : "),
    ("quelles certifications sont accessibles en Polynésie ?", {"RNCP35809", "RNCP37488"}, "Polynésie française : oui"),
    ("quelles certifications ne sont pas ouvertes aux étudiants en formation initiale ?", {"RNCP37674", "RNCP37873"},
     ": non"),
])
def test_corpus_filters_on_registration_dates_overseas_access_and_routes(assistant, question, expected, fact):
    answer = assistant.ask(question)
    assert expected <= {c.code for c in answer.citations}
    assert all(fact in c.quote for c in answer.citations)


@pytest.mark.parametrize(("question", "expected", "fact"), [
    ("lesquelles de tes certifications ont exactement 2 blocs ?", {"RNCP37488", "RNCP37674"}, "blocs : 2"),
    ("quelles certifs comptent moins de trois blocs de compétences ?", {"RNCP37488", "RNCP37674"}, "blocs : 2"),
    ("lesquelles ont dépassé 1 000 certifiés sur une promotion ?", {"RNCP37674", "RNCP37873"},
     "certifiés : "),
    ("pour quelles certifications la décision d'enregistrement date de 2022 ?", {"RNCP36490", "RNCP36612"},
     "date de décision : "),
])
def test_corpus_filters_count_blocs_and_certified_people_and_read_the_decision_year(assistant, question, expected,
                                                                                      fact):
    answer = assistant.ask(question)
    assert {c.code for c in answer.citations} == expected
    assert all(fact in c.quote for c in answer.citations)


@pytest.mark.parametrize(("question", "named"), [
    ("lesquelles sont des BTS ?", {"Brevet de technicien supérieur"}),
    ("quels titres pro as-tu en informatique ?", {"Titre professionnel"}),
    ("ya des certificats de specialisation dans ta liste ?", {"Certificat de spécialisation"}),
    ("quelles certifs sont des titres ?", set()),  # a word of a type is not the type
    ("quelles certifs sont de niveau 5 ?", set()),
    ("je cherche un truc niveau bts, t'as quoi a ce niveau ?", set()),  # a type that says a level
    ("tous les diplomes de l'education nationale (bts, titres pro, etc) ?", set()),  # types given as examples
    ("t'as quoi de l'education nationale dans ta base ? cs, bts, cap... liste les", set()),
    ("t'as quoi comme diplomes de l'education nationale ? cap, bac pro, bts... liste les tous", set()),
    ("les bts, les titres pro de ta base ?", {"Brevet de technicien supérieur", "Titre professionnel"}),
    ("les bts (pas les titres pro) de ta base ?", {"Brevet de technicien supérieur", "Titre professionnel"}),
])
def test_a_type_of_certification_is_named_by_its_initials_or_all_its_words(question, named):
    from assistant.answering.corpus_questions import kinds_named

    kinds = {"Brevet de technicien supérieur", "Titre professionnel", "Certificat de spécialisation",
             "Diplôme visé grade de master", "Certificat d'aptitude professionnelle"}
    assert kinds_named(question, kinds) == named


def test_the_label_copied_after_a_code_filters_nothing_and_names_no_certification(assistant):
    answer = assistant.ask("Quelles certifications de ta base relèvent du code NSF 315t (Etablissement de la paie, "
                           "recrutement du personnel et relations sociales) ?")
    assert {c.code for c in answer.citations} == {"RNCP36612"}
    assert "correspond" not in answer.text  # the register's label is no domain asked


def test_a_status_let_in_by_meme_filters_nothing(assistant):
    answer = assistant.ask("les certifs niveau 6 de ta base c'est lesquelles ? toutes stp, meme celles qui sont "
                           "plus actives")
    assert {c.code for c in answer.citations} == {"RNCP31168", "RNCP36490", "RNCP37873"}


@pytest.mark.parametrize(("question", "selected", "expected"), [
    ("Je voudrais toutes les certifications de ta base qui ont exactement le même niveau que celle-ci.",
     "RNCP37873", {"RNCP31168", "RNCP36490", "RNCP37873"}),
    ("quelles certifs ont le même certificateur que le titre pro DWWM ?", None, {"RNCP37674", "RNCP37873"}),
])
def test_a_filter_taken_from_the_certification_compared_with(assistant, question, selected, expected):
    answer = assistant.ask(question, selected)
    assert {c.code for c in answer.citations} == expected
    assert "(comme " in answer.text


def test_a_bloc_named_by_its_number_and_nothing_else_asked_is_what_it_holds(assistant):
    answer = assistant.ask("le ccp 2 du titre pro dwwm c'est quoi au juste ?")
    assert answer.citations[0].bloc == "RNCP37674BC02"
    assert "Compétences évaluées" in answer.text


def test_corpus_filter_on_the_type_of_certification(assistant):
    answer = assistant.ask("parmi tes certifications, lesquelles sont des titres professionnels ?")
    professional = {code for code, card in assistant.index.cards.items() if card.kind == "Titre professionnel"}
    assert professional and {c.code for c in answer.citations} == professional
    assert "Titre professionnel" in answer.text


def test_a_bloc_named_with_an_article_is_no_count_of_one():
    from assistant.answering.corpus_questions import read_filter

    article = read_filter("lesquelles ont une fiche où un bloc de l'ancien titre correspond à un de leurs blocs ?",
                          lambda _: set())
    assert article.count is None
    assert read_filter("y en a qui ont qu'un bloc ?", lambda _: set()).count == ("bloc_count", "=", 1)
    assert read_filter("celles avec au moins un bloc", lambda _: set()).count == ("bloc_count", ">=", 1)


@pytest.mark.parametrize(("question", "count"), [
    ("lesquelles ne sont rattachées qu'à un seul code ROME ?", ("rome", "=", 1)),
    ("celles associées à au moins quatre codes ROME", ("rome", ">=", 4)),
    ("les certifs avec 4 codes rome ou plus", ("rome", ">=", 4)),
    ("t'as des certifs avec pile 3 codes rome ?", ("rome", "=", 3)),
    ("yen a qui ont plus d'un code nsf ?", ("nsf", ">", 1)),
    ("les fiches avec 2 formacodes au plus", ("formacodes", "<=", 2)),
    ("lesquelles ont deux certificateurs ?", ("certifiers", "=", 2)),
    ("celles classées sous plusieurs codes NSF", ("nsf", ">", 1)),
])
def test_a_list_of_the_card_is_counted(question, count):
    from assistant.answering.corpus_questions import read_filter

    assert read_filter(question, lambda _: set()).count == count


def test_a_rate_compared_after_its_number():
    from assistant.answering.corpus_questions import read_filter

    assert read_filter("un job en 6 mois, genre 95% ou plus", lambda _: set()).rate == ("employment_rates", ">=", 95)


def test_a_count_per_year_holds_when_one_year_compares(assistant):
    """"Moins de 50 certifiés sur une année": a fiche with 79 one year and 34 the next is one of them."""
    answer = assistant.ask("quelles certifications ont eu moins de 50 certifiés sur une année ?")
    cards = assistant.index.cards.values()
    expected = {card.code for card in cards if any(n < 50 for n in card.certified.values())}
    assert any(max(card.certified.values()) >= 50 for card in cards if card.code in expected)
    assert {c.code for c in answer.citations} == expected


def test_a_counted_list_filters_the_corpus_and_shows_its_items(assistant):
    answer = assistant.ask("quelles certifications ont au moins deux codes ROME ?")
    cards = assistant.index.cards.values()
    expected = {card.code for card in cards if len(card.rome) >= 2}
    assert expected and expected != {card.code for card in cards}
    assert {c.code for c in answer.citations} == expected
    some = next(card for card in cards if card.code in expected)
    assert f"codes ROME : {len(some.rome)} ({', '.join(some.rome)})" in answer.text


@pytest.mark.parametrize(("question", "codes", "said"), [
    # a part of the fiche missing
    ("y a des certifs dont la fiche n'a pas de statistiques ?", {"RNCP35809", "RNCP37488"},
     "n’a pas de rubrique « Statistiques »"),
    # the year the fiche was published
    ("c lesquelles de tes fiches qui ont ete publiees en 2021 ?", {"RNCP35625", "RNCP35809"}, "date de publication"),
    # a successor named by the history; none before
    ("t'as quelles certifs ou la fiche donne le numero rncp de la nouvelle version qui la remplace ?",
     {"RNCP14437", "RNCP34762", "RNCP35419", "RNCP35625", "RNCP35809"}, "certification suivante : RNCP42147"),
    ("quelles certifications n'ont pas de certification précédente ?", {"RNCP37488"}, "ne nomme aucune"),
    # contact details of the places that certify or prepare, quoted
    ("t'as quelles certifs ou la fiche donne un num de tel pour appeler l'ecole ?", {"RNCP14437", "RNCP31168"},
     "téléphone : 04 72 77 84 30"),
    # the rubric asked for by a word corpus questions also frame themselves with ("correspondent")
    ("lesquelles indiquent des correspondances entre leurs blocs et ceux d'une autre certification ?",
     {"RNCP35959", "RNCP36490", "RNCP37674", "RNCP37873", "RNCP40344"}, "« Correspondances entre blocs »"),
])
def test_a_corpus_filter_lists_exactly_the_fiches_that_meet_it(assistant, question, codes, said):
    answer = assistant.ask(question)
    assert {c.code for c in answer.citations} == codes
    assert said in answer.text


def test_a_corpus_question_naming_a_field_quotes_sentences_that_hold_its_word(assistant):
    rgpd = assistant.ask("quelles certifs demandent de connaître le RGPD ?")
    assert rgpd.citations and all("rgpd" in c.quote.lower() for c in rgpd.citations)
    national = assistant.ask("dans quelles fiches est-il question d'un jury national ?")
    assert {c.code for c in national.citations} == {"RNCP35959", "RNCP36490", "RNCP40344"}
    assert all("jury" in c.quote.lower() for c in national.citations)


def test_a_corpus_question_giving_a_value_of_a_field_lists_the_fiches_whose_field_holds_it(assistant):
    figures = assistant.ask("lesquelles de tes certifications ont des chiffres de promotion pour 2021 ?")
    assert {c.code for c in figures.citations} == {"RNCP37674", "RNCP37873", "RNCP39568", "RNCP40344"}
    assert all(c.section == "statistiques" and "2021" in c.quote for c in figures.citations)
    decrees = assistant.ask("quelles fiches citent un arrêté de 2023 ?")
    assert {c.code for c in decrees.citations} == {"RNCP37488", "RNCP37674", "RNCP37873"}
    assert all("Arrêté" in c.quote and "2023" in c.quote for c in decrees.citations)


def test_a_corpus_question_no_filter_reads_is_not_answered_for_one_certification_guessed(assistant):
    answer = assistant.ask("quelles certifications ont les jurys les plus sévères ?")
    assert answer.declined and not answer.citations and answer.certification is None
    assert "toutes les certifications" in answer.text


def test_a_rate_met_by_one_promotion_filters_the_corpus(assistant):
    below = assistant.ask("c quelles certifs de ta liste ou moins de 80% des gens ont un job 6 mois apres ?")
    assert {c.code for c in below.citations} == {"RNCP34762", "RNCP37674", "RNCP37873"}
    assert "taux d'insertion global à 6 mois : 60 % en 2021" in below.text
    over_two_years = assistant.ask("lesquelles ont au moins 95 % d'insertion dans le métier à 2 ans ?")
    assert "taux d'insertion dans le métier à 2 ans" in over_two_years.text
    assert "RNCP40344" in {c.code for c in over_two_years.citations}  # 95 % in 2021
    many = assistant.ask("c quelles certifs qui depassent les 500 diplomés sur une annee ?")
    assert {"RNCP37674", "RNCP37873", "RNCP40344"} <= {c.code for c in many.citations}


def test_registered_since_a_year_counts_that_year_and_the_later_ones(assistant):
    since = {c.code for c in assistant.ask("quelles certifications sont enregistrées depuis 2023 ?").citations}
    assert {"RNCP37488", "RNCP37674", "RNCP37873", "RNCP39568"} <= since and "RNCP35809" not in since


def test_an_experience_asked_of_a_certification_named_by_its_code_is_mapped(assistant):
    answer = assistant.ask("J'ai organisé la tournée d'une compagnie en Allemagne, ça correspond à quel bloc du "
                           "RNCP 14437 ?")
    assert answer.certification == "RNCP14437" and "Pas dans les fiches" not in answer.text


def test_a_topic_the_fiches_rarely_hold_is_answered_where_this_fiche_holds_it(assistant):
    # "recommandations" names the topic of advice (declined) unless the fiche itself gives recommendations
    answer = assistant.ask("Quelles recommandations de sécurité le RNCP37873 demande-t-il de respecter ?")
    assert not answer.declined and "ANSSI" in answer.text
    assert all(c.code == "RNCP37873" for c in answer.citations)
    declined = assistant.ask("Quel centre me recommandes-tu pour préparer le RNCP37873 ?")
    assert declined.declined


@pytest.mark.parametrize(("question", "absent"), [
    ("Le CAP Maintenance des véhicules est-il accessible par la VAE ?", "maintenance vehicules"),
    ("le BUT carrières juridiques c combien de blocs ?", "carrieres juridiques"),
    ("le bts en alternance c'est possible ?", None),  # the question starts where the title would: no title
    ("le titre professionnel développeur web et web mobile, c'est quel niveau ?", None),  # one of the index
    ("et le titre pro secrétaire assistant, il a combien de blocs ?", "secretaire assistant"),  # a word in common
    ("le titre pro cda javascript, c'est obligatoire ?", None),  # the title, then what is asked of it
    # a word shared with a title of the index, and the ministry that delivers it, name no title of the index
    ("Quels sont les blocs du titre professionnel Assistant de direction du ministère du Travail ?",
     "assistant direction"),
    ("le bts finition amenagement des batiments c quel niveau ?", None),  # every word names the index's BTS
    ("titre pro DW ya combien de blocs et c quoi chacun ?", None),  # initials, then the question: no title
])
def test_a_certification_named_by_a_type_and_a_title_the_index_lacks_is_said_absent(assistant, question, absent):
    found = assistant.index.names.absent_title(question.lower(), assistant._asking)
    assert found == absent
    if absent:
        answer = assistant.ask(question)
        assert answer.declined and "ne fait pas partie des fiches" in answer.text and answer.citations == []


def test_each_title_given_after_a_type_is_read_not_only_the_first(assistant):
    question = "apres le titre pro cda je voudrais le titre pro assistant de direction, c quoi ses blocs ?"
    assert assistant.index.names.absent_title(question, assistant._asking) == "assistant direction"


def test_two_questions_in_two_clauses_are_both_answered(assistant):
    answer = assistant.ask("titre pro dwwm : qui le délivre, et il est de quel niveau ?")
    assert "niveau 5" in answer.text and "MINISTERE DU TRAVAIL" in answer.text.upper()
    # a clause that frames asks nothing of its own: "selon les objectifs" does not add the overview
    framed = understand("Selon les objectifs de la fiche RNCP37674, quels emplois vise-t-elle ?",
                        assistant.index.names, None, Context())
    assert [entry.name for entry in assistant._entries(framed)] == ["jobs"]


@pytest.mark.parametrize(("clause", "asks"), [
    (" par qui est-il delivre ?", True),  # "qui" after its preposition
    (" c'est qui qui le delivre", True),
    ("le cap c'est delivre par qui ", True),  # "par qui" asks wherever it stands
    ("qui le delivre", True),
    (" les jeunes qui sortent du bac", False),  # "qui" that relates
    (" c'est l'etat qui le delivre", False),
])
def test_a_clause_asks_who_after_a_preposition_or_c_est(clause, asks):
    assert bool(INTERROGATIVE.search(clause)) is asks


def test_a_clause_closed_by_a_question_mark_asks_without_a_question_word():
    assert clauses_of("c'est un bac+3 ? c'est delivre par l'ecole ou par l'etat ?") == [
        ("c'est un bac+3 ", True), (" c'est delivre par l'ecole ou par l'etat ", True)]
    assert clauses_of("je suis vendeuse depuis 5 ans, quel titre ?") == [
        ("je suis vendeuse depuis 5 ans", False), (" quel titre ", True)]


def test_two_questions_without_a_question_word_are_both_answered(assistant):
    query = understand("le titre pro dwwm c'est un bac+2 ? c'est delivre par l'etat ou par l'ecole ?",
                       assistant.index.names, None, Context())
    assert [entry.name for entry in assistant._entries(query)] == ["level", "certifier"]


def test_a_corpus_follow_up_on_this_certifier_lists_what_the_certifier_named_before_delivers(assistant):
    history = [Turn(role="user", content="Qui délivre le titre pro Développeur web et web mobile ?"),
               Turn(role="assistant", content="Le Ministère du Travail, du Plein emploi et de l'Insertion.")]
    answer = assistant.ask("Et en tout, quelles certifications de ta base ce ministère délivre-t-il ?", history=history)
    assert {c.code for c in answer.citations} == {"RNCP37674", "RNCP37873"}


def test_a_follow_up_naming_a_bloc_after_another_field_asks_for_that_bloc(assistant):
    history = [Turn(role="user", content="le titre pro dwwm c'est quel niveau ?"),
               Turn(role="assistant", content="Niveau 5 (RNCP37674).")]
    answer = assistant.ask("Et le deuxième bloc, qu'est-ce qu'il contient exactement ?", history=history)
    assert "RNCP37674BC02" in answer.text and "niveau 5" not in answer.text


def test_a_clause_asks_when_a_tag_closing_it_with_a_question_mark_follows():
    from assistant.answering.assistant import clauses_asked_with_tags

    clauses = clauses_asked_with_tags("c'est un bac+3 ? et c'est bien l'iscn qui le delivre, pas l'etat ?")
    assert [asks for clause, asks in clauses if "delivre" in clause] == [True]
    told = clauses_asked_with_tags("je suis aide-soignante. je bosse de nuit, c'est quel niveau ?")
    assert [asks for clause, asks in told if "nuit" in clause] == [False]  # a question of its own is no tag


def test_lesquels_after_a_field_in_a_conversation_on_one_certification_asks_that_field(assistant):
    history = [Turn(role="user", content="le titre developpeur web c'est quel niveau ?"),
               Turn(role="assistant", content="Niveau 5 (RNCP35959).")]
    answer = assistant.ask("Y a-t-il des options ou des parcours au choix ? Lesquels ?", history=history)
    assert {c.code for c in answer.citations} == {"RNCP35959"} and "du corpus" not in answer.text
    assert "option" in answer.text.lower()


def test_a_corpus_follow_up_giving_another_level_lists_that_level(assistant):
    history = [Turn(role="user", content="Quelles certifications de niveau 4 as-tu ?"),
               Turn(role="assistant", content="RNCP37488 et RNCP40344.")]
    answer = assistant.ask("et au niveau juste au-dessus, le 5 ?", history=history)
    listed = {c.code for c in answer.citations}
    assert {"RNCP36612", "RNCP37674"} <= listed and not {"RNCP37488", "RNCP40344"} & listed


@pytest.mark.parametrize(("competence", "verdict", "found"), [
    ("Gérer un projet", "Non : c'est dans RNCP37488BC02", "pas dans RNCP37488BC01"),
    ("Coder", "Oui : c'est dans RNCP37488BC01", ""),
])
def test_whether_a_competence_is_in_the_bloc_named_is_answered_yes_or_no(assistant, competence, verdict, found):
    answer = assistant.ask(f"La compétence « {competence} » fait-elle partie du bloc « Mise en œuvre de réseaux "
                           "informatiques » du RNCP 37488 ?")
    assert answer.text.startswith(verdict) and found in answer.text
    assert any(c.bloc == verdict.split()[-1] for c in answer.citations)


def test_the_legal_texts_of_a_certification_are_given_with_its_registration(assistant):
    answer = assistant.ask("Quels articles du Code de l'éducation servent de base légale au RNCP 37488 ?")
    assert not answer.declined and "Art. D337-139 à D337-160 du Code de l’éducation" in answer.text
    quoted = [c.quote for c in answer.citations if c.section == "enregistrement"]
    assert quoted and "D337-139" in quoted[0]


def test_the_status_says_yes_or_no_only_to_a_yes_or_no_question(assistant):
    closed = assistant.ask("c'est encore actif le RNCP37674 ?")
    assert closed.text.startswith("Oui : certification RNCP37674")
    open_question = assistant.ask("le RNCP37674 est entré en vigueur à quelle date ?")
    assert not open_question.text.startswith(("Oui", "Non"))
    ended = assistant.ask("quel est le statut du RNCP34762 ?")  # registration ended 31 August 2024
    assert "a pris fin le 31 août 2024" in ended.text and "court jusqu'au 31 août 2024" not in ended.text


@pytest.mark.parametrize(("cue", "text", "found"), [
    ("cher", "c'est cher ?", True),
    ("cher", "elle est trop chere", True),
    ("cher", "qui doit-il chercher a convaincre ?", False),
    ("age", "il faut quel age ?", True),
    ("age", "dans une agence web", False),
    ("exam", "comment se passe l'examen ?", True),
    ("dure", "combien de temps ils durent ?", True),
    ("evalu", "les modalites d'evaluation", True),  # a longer cue is the start of a word, as before
    ("visio", "le jury peut se faire en visio ?", True),
    ("visio", "une vision strategique", False),  # another word that begins with the cue
    ("perime", "mon bloc est perime ?", True),
    ("perime", "le perimetre du bloc", False),
    ("ancien", "l'ancienne fiche", True),
    ("ancien", "mon anciennete", False),
])
def test_a_short_cue_matches_its_word_inflected_not_longer_words_it_starts(cue, text, found):
    from assistant.answering.router import _cue_pattern

    assert bool(_cue_pattern(cue).search(text)) is found


def test_a_corpus_filter_no_certification_meets_says_so_with_the_filter(assistant):
    answer = assistant.ask("quelles certifications ont plus de 20 blocs ?")
    assert answer.declined and answer.citations == []
    assert "aucune certification du corpus ne correspond (avec plus de 20 blocs ;" in answer.text


def test_which_of_two_named_blocs_is_answered_by_the_bloc_not_by_yes_or_no(assistant):
    answer = assistant.ask("RNCP 40344 : l'accueil des clients, ça relève du bloc 1 ou du bloc 3 ?")
    first = next(line for line in answer.text.split("\n") if not line.startswith("Attention"))
    assert first.startswith("C'est dans RNCP40344BC0") or first.startswith("La fiche ne nomme pas")


def test_a_task_placed_in_a_bloc_is_not_declined_for_the_topic_it_mentions(assistant):
    answer = assistant.ask("RNCP 40344 : l'accueil des clients au téléphone, ça relève de quel bloc ?")
    assert not answer.declined and "RNCP40344BC0" in answer.text


def test_a_place_only_lists_of_organisations_hold_names_the_organisations_there(assistant):
    # "GRETA DU LIMOUSIN": the place is the name's last word, and no other passage of the fiches holds it
    answer = assistant.ask("j'habite dans le limousin, il y a un centre qui prépare le titre pro dwwm ?")
    assert not answer.declined and "GRETA DU LIMOUSIN" in answer.text
    assert answer.citations[-1].section == "partenaires" and answer.citations[-1].code == "RNCP37674"


def test_a_place_names_the_organisations_named_by_its_adjective(assistant):
    # the analyser cuts "martinique" to "martin" and "martiniquais" to "martiniqu", which begins the place
    answer = assistant.ask("Des organismes en Martinique préparent-ils au titre Développeur web et web mobile ?")
    assert "INSTITUT MARTINIQUAIS" in answer.text and answer.citations[-1].section == "partenaires"
    plain = assistant.ask("Qui prépare au titre Développeur web et web mobile en Bourgogne ?")
    assert "MARTINIQUAIS" not in plain.text


def test_asking_to_be_shown_is_not_speaking_of_oneself(assistant):
    import re

    from assistant.answering.fields import SPEAKS_OF_ONESELF

    assert not re.search(SPEAKS_OF_ONESELF, "dis-moi lesquelles sont de niveau 6")
    assert re.search(SPEAKS_OF_ONESELF, "avec mon expérience, quel titre pour moi ?")
    listed = assistant.ask("montre moi tous les diplomes de « concepteur » que tu connais")
    assert {"RNCP36490", "RNCP37873"} <= {c.code for c in listed.citations}


def test_a_duration_asked_of_a_bloc_named_by_its_title_is_read_in_that_bloc(assistant):
    # every bloc of the CDA has its "Entretien technique"; only the deployment bloc's lasts 20 minutes
    answer = assistant.ask("RNCP37873, l'entretien technique du bloc « Préparer le déploiement d'une application "
                           "sécurisée », ça dure combien de temps ?")
    assert "00 h 20" in answer.text and "00 h 30" not in answer.text
    assert {c.bloc for c in answer.citations if c.bloc} == {"RNCP37873BC03"}


def test_a_registration_over_answers_no_whatever_state_the_older_export_gives(assistant, fast_index):
    from datetime import date

    from assistant.answering import drafts
    from assistant.answering.query import Context, understand

    ended = assistant.ask("le RNCP34762 est toujours valable ?")  # inactive, registration over on 31 August 2024
    assert ended.text.startswith("Non : l'enregistrement") and "31 août 2024" in ended.text
    # an export made before the end still marks the fiche active: the date decides, and the deadline to be
    # issued is given when it is still ahead
    fiche = fast_index.certification("RNCP37674")
    registration = fiche.registration.model_copy(update={"end": date(2024, 1, 31),
                                                         "issuing_deadline": date(2099, 12, 31)})
    older = fiche.model_copy(update={"registration": registration, "active": True})
    query = understand("c'est encore valable ?", fast_index.names, "RNCP37674", Context())
    said = drafts.status(older, query).text
    assert said.startswith("Non : l'enregistrement") and "indique « Fiche active »" in said
    assert "délivrée jusqu'au 31 décembre 2099" in said


def test_y_compris_names_no_domain():
    from assistant.answering.corpus_questions import domain_terms

    word = analyse("compris")[0]  # a word of one certification's trade, say
    cards = {"RNCP1": frozenset({word}), "RNCP2": frozenset(), "RNCP3": frozenset()}
    assert domain_terms("les certifications de ce niveau, compris ?", set(), cards, cards) == [word]
    assert domain_terms("toutes celles de ce niveau, y compris celle-ci ?", set(), cards, cards) == []


def test_a_deadline_passed_is_said_too(fast_index):
    from datetime import date

    from assistant.answering import drafts
    from assistant.answering.query import Context, understand

    fiche = fast_index.certification("RNCP37674")
    registration = fiche.registration.model_copy(update={"end": date(2024, 1, 31),
                                                         "issuing_deadline": date(2025, 1, 31)})
    older = fiche.model_copy(update={"registration": registration, "active": False})
    query = understand("c'est encore valable ?", fast_index.names, "RNCP37674", Context())
    assert "Sa date limite de délivrance, le 31 janvier 2025, est elle aussi passée" in drafts.status(older, query).text


def test_what_stays_acquired_names_the_blocs_carried_to_the_successor(fast_index):
    from assistant.answering import drafts
    from assistant.certification import Correspondence

    fiche = fast_index.certification("RNCP35419")  # replaced by RNCP42147, says nothing of partial validation
    assert drafts.partial(fiche) is None
    carried = fiche.model_copy(update={"correspondences": [
        Correspondence(blocs=["RNCP35419BC02"], certification="RNCP42147", other_blocs=["RNCP42147BC01"]),
        Correspondence(blocs=["RNCP35419BC03"], certification="RNCP99999", other_blocs=["RNCP99999BC01"])]})
    said = drafts.partial(carried).text
    assert "remplacée par RNCP42147" in said and "RNCP35419BC02 correspond à RNCP42147BC01" in said
    assert "RNCP99999" not in said  # a correspondence with another certification than its successor


def test_a_jury_asked_without_a_route_gives_the_vae_jury_then_the_others(assistant):
    answer = assistant.ask("Comment est composé le jury du titre RNCP35419 ?")
    vae, others = answer.text.index("« Par expérience (VAE) »"), answer.text.index("Pour les autres voies")
    assert vae < others and "2 membres de la direction de l'école" in answer.text[others:]
    # a route asked gets its jury alone
    assert "Pour les autres voies" not in assistant.ask("le jury vae du titre RNCP35419 ?").text


@pytest.mark.parametrize("question", [
    "le titre pro dwwm, gérer une base de données ça rentre dans quel ccp ?",
    "dans le titre pro dwwm, ya un ccp qui parle des bases de données ?",
])
def test_a_unit_called_otherwise_than_bloc_is_asked_where_as_a_bloc_is(assistant, question):
    assert assistant.ask(question).text.startswith("C'est dans RNCP37674BC02")


def test_a_unit_is_named_by_the_label_its_title_or_evaluation_opens_with(fast_index):
    from assistant.answering.query import units_labelled

    fiche = fast_index.certification("RNCP37674")
    first, second = fiche.blocs
    labelled = fiche.model_copy(update={"blocs": [
        first.model_copy(update={"title": f"DC1 - {first.title}", "evaluation": "Épreuve E1, coefficient 3."}),
        second.model_copy(update={"evaluation": "Épreuve E2, coefficient 2, passée à la suite de l'épreuve E1."})],
        "units": [fiche.units[0].model_copy(update={"title": f"DC1 - {first.title}"}), *fiche.units[1:]]})
    assert [u.code for u in units_labelled(labelled, "l'epreuve e1 se passe comment ?")] == ["RNCP37674BC01"]
    assert [u.code for u in units_labelled(labelled, "et l'e2 ?")] == ["RNCP37674BC02"]
    assert [u.code for u in units_labelled(labelled, "le dc 1 c quoi")] == ["RNCP37674BC01"]
    assert units_labelled(labelled, "le bloc 2 et le bac 2 ?") == []  # numbers read elsewhere, or no label


def test_the_label_a_units_evaluation_opens_with_is_given_with_the_unit(fast_index):
    from assistant.answering.query import label_of

    fiche = fast_index.certification("RNCP37674")
    first, second = fiche.blocs
    labelled = fiche.model_copy(update={"blocs": [
        first.model_copy(update={"evaluation": "Épreuve EP3 « Développer », coefficient 4. Épreuve orale."}),
        second.model_copy(update={"title": f"DC2 - {second.title}", "evaluation": "Épreuve E2, coefficient 2."})],
        "units": [fiche.units[0], fiche.units[1].model_copy(update={"title": f"DC2 - {second.title}"}),
                  *fiche.units[2:]]})
    first_unit, second_unit = labelled.units[:2]
    assert label_of(labelled, first_unit) == "épreuve EP3"
    assert label_of(labelled, second_unit) is None  # its title already gives one
    assert label_of(fiche, fiche.units[0]) is None  # an evaluation that opens otherwise gives none


def test_a_unit_is_named_by_the_words_said_after_its_noun(fast_index):
    from assistant.answering.query import unit_named_after_its_noun

    units = fast_index.certification("RNCP37674").units  # front-end, then back-end
    assert unit_named_after_its_noun("le bloc back-end du titre pro dwwm c'est quoi ?", units).number == 2
    assert unit_named_after_its_noun("dans le ccp front end, on fait quoi ?", units).number == 1
    assert unit_named_after_its_noun("le bloc de competences du titre pro, c quoi ?", units) is None
    assert unit_named_after_its_noun("le bloc sur l'application web ?", units) is None  # both titles hold it


@pytest.mark.parametrize(("question", "route_said"), [
    ("Le titre pro DWWM est-il ouvert aux candidats libres ?", "candidature individuelle"),
    ("Par quelles voies obtenir le titre pro DWWM ?", "Voies d'accès"),
])
def test_routes_are_completed_by_what_the_summary_says_of_them(fast_index, question, route_said):
    from assistant.answering import drafts
    from assistant.answering.query import Context, understand

    fiche = fast_index.certification("RNCP37674")
    told = fiche.model_copy(update={"summary": "Le titre est accessible par l'apprentissage et par la VAE. "
                                               "Il n'est pas accessible en candidat libre. Le titre est exigeant."})
    query = understand(question, fast_index.names, None, Context())
    said = drafts.route_open(told, query).text
    assert route_said in said and "Le titre est exigeant" not in said
    if query.routes:  # the route asked: the sentence on it
        assert "« Il n'est pas accessible en candidat libre. »" in said
    else:  # the list: the sentence naming several routes
        assert "« Le titre est accessible par l'apprentissage et par la VAE. »" in said


def test_a_job_that_shares_a_title_s_words_asks_for_the_ranking_not_that_title(assistant):
    from assistant.answering.query import Context, understand

    question = "je suis développeuse web depuis 4 ans, je peux viser quoi en vae ?"
    query = understand(question, assistant.index.names, None, Context())
    assert assistant._described(query) == "je suis développeuse web depuis 4 ans"  # what is asked is no experience
    ranked = assistant.ask(question)
    assert ranked.text.startswith("Sans certification choisie") and len({c.code for c in ranked.citations}) >= 2
    # the certification named in what is asked, or asked yes or no, is the one mapped against
    mapped = assistant.ask("je suis assistante rh depuis 5 ans, le titre assistant rh de cci france me correspond ?")
    assert not mapped.text.startswith("Sans certification choisie") and mapped.certification == "RNCP36612"


def test_a_two_word_name_lists_the_fiches_holding_both_words_side_by_side(assistant):
    from assistant.answering.corpus_questions import _span

    # "éducation" alone is in most fiches and "code" in all: "Code de l'éducation" together in four
    answer = assistant.ask("quelles fiches s'appuient sur le Code de l'éducation ?")
    assert {c.code for c in answer.citations} == {"RNCP35809", "RNCP37488", "RNCP37674", "RNCP37873"}
    assert all("code de l" in c.quote.lower() for c in answer.citations)
    assert _span("elles renvoient au Code de l'éducation ?", "cod", "educ") == "Code de l'éducation"


def test_a_title_written_out_asks_nothing():
    from assistant.answering.query import without_titles

    title = "Diplôme d’études supérieures en management (Programme Grande École)"
    # "programme" is a cue for the list of blocs; inside the title it names the certification only
    assert without_titles("admis au (programme grande ecole) de gem ?", [title]) == "admis au de gem ?"
    assert without_titles("quel programme pour ce diplome ?", [title]) == "quel programme pour ce diplome ?"


def test_a_long_sentence_is_quoted_where_it_holds_the_question_s_words():
    from assistant.answering.extractive import window

    listed = " ".join(f"Voie {n} - admission en {n}e année sur dossier." for n in range(1, 30))
    sentence = (f"Étudiants étrangers : sur dossier. {listed} Double diplôme avec des écoles étrangères - "
                "admission en 3ème année.")
    quoted = window(sentence, ["doubl", "etranger"], width=120)
    assert "Double diplôme avec des écoles étrangères" in quoted and quoted.startswith("… ")


def test_a_verb_after_a_subject_pronoun_names_no_organisation(assistant):
    # "BOSS CAMPUS" prepares the CDA; "je bosse" says what the candidate does
    answer = assistant.ask("titre pro CDA : je bosse seule sur mes projets, c'est dans quel bloc ?")
    assert "BOSS" not in answer.text
    named = assistant.ask("Le titre pro CDA se prépare-t-il chez Boss Campus Nice ?")
    assert "BOSS CAMPUS NICE" in named.text


def test_a_bloc_of_the_chosen_certification_named_by_its_title_is_asked_about_it(assistant):
    # "d'autres certifications" is a cue for the corpus; the bloc written out says which certification
    answer = assistant.ask("Le bloc « Créer et gérer un site web dynamique » correspond-il à des blocs d'autres "
                           "certifications ?", "RNCP35959")
    assert "RNCP35959BC03 correspond à RNCP34999BC04" in answer.text
    assert "RNCP35959BC01 correspond" not in answer.text  # only the bloc named


def test_the_organisations_holding_most_of_the_words_asked_are_the_ones_meant(assistant):
    # "campus" begins many names; "AIX YNOV CAMPUS" holds both words of "les campus Ynov"
    answer = assistant.ask("Les campus Ynov préparent-ils au titre professionnel Concepteur développeur "
                           "d'applications ?")
    assert "PARIS YNOV CAMPUS" in answer.text and "CAMPUS PRIVE LYON" not in answer.text
    assert "figurent parmi" in answer.text


def test_a_long_list_cut_keeps_the_items_the_question_names(assistant):
    answer = assistant.ask("RNCP35809 : représenter l'entreprise à l'extérieur, ça fait partie des activités visées ?")
    assert "Représenter l’entreprise à l’extérieur" in answer.text
    assert "autres (voir la fiche)" in answer.text  # the list was cut, and says so


def test_a_number_after_another_classification_is_not_an_rncp_code(assistant):
    names = assistant.index.names
    assert names.unknown_codes_in("quelles certifs ont le formacode 31067 ?") == []
    assert names.unknown_codes_in("formacodes 31067, 31057 et 31036 ?") == []
    assert names.unknown_codes_in("et le RNCP 99999 ?") == ["RNCP99999"]
    assert names.codes_in("le 31168 a-t-il le formacode 31067 ?") == ["RNCP31168"]
    answer = assistant.ask("Quelles certifications de ta base sont rattachées au formacode 31067 ?")
    assert "ne fait pas partie des fiches" not in answer.text


def _codes_whose_fiche_says(assistant, pattern: str) -> set[str]:
    import re

    said = re.compile(pattern, re.IGNORECASE)
    return {chunk.code for chunk in assistant.index.passages_of(list(assistant.index.codes))
            if chunk.section != "partenaires" and said.search(chunk.text)}


def test_a_question_on_what_fiches_mention_is_not_read_as_a_trade(assistant):
    """"Lesquelles citent les PME" asks what the fiches say in so many words: a word of a trade classification
    in the question ("entreprises", "groupe") does not turn it into a domain."""
    answer = assistant.ask("dans ta liste, quelles fiches citent les PME en toutes lettres ? je veux bosser en pme")
    expected = _codes_whose_fiche_says(assistant, r"\bPME")
    assert expected and len(expected) < len(assistant.index.codes)
    assert {c.code for c in answer.citations} == expected
    assert all("PME" in c.quote for c in answer.citations)


def test_words_joined_by_or_are_alternatives_in_a_mention():
    from assistant.answering.corpus_questions import alternatives
    from assistant.index.french_analyser import analyse

    terms = [analyse("musées")[0], analyse("muséographie")[0]]
    assert alternatives("lesquelles évoquent les musées ou la muséographie ?", terms) == {terms[0]: terms[1],
                                                                                          terms[1]: terms[0]}
    assert alternatives("lesquelles évoquent les musées et la muséographie ?", terms) == {}


def test_either_word_asked_lists_a_fiche_and_its_quote_shows_the_word(assistant):
    answer = assistant.ask("Quelles certifications de ta base évoquent les musées ou la muséographie ?")
    expected = _codes_whose_fiche_says(assistant, r"\bmus[ée]")
    assert len(expected) >= 2
    assert {c.code for c in answer.citations} == expected
    assert all("musé" in c.quote.lower() for c in answer.citations)  # a long sentence is cut around the word


def test_a_bloc_named_by_a_run_of_its_title_s_words_is_that_bloc(assistant, fast_index):
    # "savoirs" is also a word of questions ("je voudrais savoir"): the run of title words names the bloc
    query = understand("att lumiere, dans le bloc savoirs hautement specialises faut juste accumuler des "
                       "connaissances ou aussi avoir du recul dessus ?", fast_index.names, None, Context())
    unit = assistant._named_unit(fast_index.certification("RNCP35625"), query, True, set())
    assert unit is not None and unit.code == "RNCP35625BC02"


def test_a_follow_up_after_the_fiche_s_own_words_is_not_the_topic_they_name(assistant):
    # "bulletins de salaire" named a competence, not the salaries the assistant declines
    history = [Turn(role="user", content="le titre assistant rh de cci france inclut le controle des bulletins de "
                                         "salaire ?"),
               Turn(role="assistant", content="Oui : contrôler la validité des bulletins de salaire (RNCP36612).")]
    assert not assistant.ask("et il vérifie quoi au juste sur ces bulletins ?", None, history).declined
    asked_pay = [Turn(role="user", content="quel salaire pour un assistant rh cci ?"),
                 Turn(role="assistant", content="Pas dans les fiches.")]
    assert assistant.ask("et apres 5 ans ?", None, asked_pay).declined


def test_a_filter_s_word_written_as_a_fiche_writes_it_is_a_mention_not_the_filter(assistant):
    # "actives" filters the certifications; "l'écoute active" is what two fiches say
    answer = assistant.ask("quelles certifs de ta liste demandent de savoir faire de l'ecoute active avec le client ?")
    assert {c.code for c in answer.citations} == {"RNCP35419", "RNCP35959"}
    assert "actives" in assistant.ask("quelles certifications sont encore actives ?").text.split("\n")[0]


def test_an_organisation_is_named_by_the_initials_of_its_name(assistant):
    answer = assistant.ask("L'UCO d'Angers fait-elle partie des organismes habilités à préparer le titre "
                           "professionnel Concepteur développeur d'applications (RNCP37873) ?")
    assert "UNIVERSITE CATHOLIQUE DE L OUEST figure" in answer.text and "s'il est proche d'Angers" in answer.text
    cez = assistant.ask("le CEZ fait-il partie des organismes habilités pour le titre ASV ?")
    assert "CENTRE D'ENSEIGNEMENT ZOOTECHNIQUE" in cez.text
    # in lower case, three letters are too often a word ("ado", "arc"): initials are written in capitals
    assert "ZOOTECHNIQUE figure" not in assistant.ask("le cez est habilité pour le titre ASV ?").text


def test_the_tables_organisations_are_named_with_are_built_once_ahead(fast_index):
    from assistant.answering.organisations import organisation_initials, prepare_names

    prepare_names(fast_index)
    built = fast_index._organisation_initials
    assert ("RNCP37873", "UNIVERSITE CATHOLIQUE DE L OUEST") in built["uco"]
    assert organisation_initials(fast_index) is built  # the first question finds them ready


def test_a_search_leaves_out_the_words_that_name_the_certification_and_keeps_the_rest():
    naming = set(analyse("Développeur web CESI titre professionnel"))
    assert without_words("dev web cesi, on manage l'équipe de devs ?", naming) == "dev , on manage l'équipe de devs ?"
    assert without_words("le CESI ?", naming) == "le CESI ?"  # nothing else asked: the text itself
    assert without_words("combien de blocs ?", set()) == "combien de blocs ?"


def test_ancien_choosing_between_two_certifications_is_not_asked_about(fast_index):
    """"l'ancien pge de gem" names the replaced certification; the question does not ask which one it was."""
    named = understand("ancien pge gem, l'activite strategie elle parle de gerer le changement ?", fast_index.names,
                       None, Context())
    assert named.codes == ["RNCP34762"] and "ancien" not in named.asked.split()
    asking = understand("c'est quoi l'ancien titre du cesi ?", fast_index.names, "RNCP36490", Context())
    assert "l'ancien" in asking.asked.split()


def test_a_sentence_holding_a_phrase_of_the_question_answers_it_whatever_its_other_words(assistant):
    answer = assistant.ask("Ce professionnel intervient-il seulement au moment du codage ou dans toutes les phases du "
                           "développement des applications ?", "RNCP36490")
    assert not answer.declined and "toutes les phases du développement" in answer.text


def test_a_phrase_of_the_certification_s_name_alone_is_no_phrase_asked():
    from assistant.answering.extractive import fiche_phrases_asked

    title = set(analyse("Concepteur développeur d'applications"))
    assert fiche_phrases_asked("le concepteur développeur d'applications ?", title) == set()
    assert tuple(analyse("phases du développement des applications")) in fiche_phrases_asked(
        "dans toutes les phases du développement des applications ?", title)


@pytest.mark.parametrize("question, topic", [
    ("jsuis dys, jpeux avoir un tiers temps pour l'exam du dwwm ?", "aménagements d'épreuves"),
    ("l'aide à l'embauche d'un apprenti pour le titre pro dwwm, c'est combien ?", "financement"),
    ("les examens blancs du titre pro dwwm c'est quand ?", "examens blancs"),
])
def test_what_the_fiches_never_hold_about_exams_and_aids_is_declined_by_its_topic(assistant, question, topic):
    answer = assistant.ask(question)
    assert answer.declined and topic in answer.text


def test_a_topic_declined_gives_way_to_the_fiche_s_own_phrase(assistant):
    # "délai" names a topic declined (durations), but the question quotes what the fiche asks of the assistant
    answer = assistant.ask("Le titre ASV demande-t-il de communiquer les informations clés par le moyen adéquat "
                           "et dans le délai voulu ?")
    assert not answer.declined and "dans le délai voulu" in answer.text
    assert {c.code for c in answer.citations} == {"RNCP40344"}


def test_a_rubric_saying_sans_objet_says_nothing(assistant, sample):
    from assistant.chunking import sections_of

    assert "reglementation" not in sections_of(sample["RNCP37674"])  # "Sans objet"
    assert "reglementation" in sections_of(sample["RNCP40344"])
    answer = assistant.ask("Quelles certifications de ta base ont une rubrique réglementation des activités, "
                           "hors « Sans objet » ?")
    listed = {c.code for c in answer.citations}
    assert {"RNCP35625", "RNCP35959", "RNCP36490", "RNCP40344"} <= listed and "RNCP37674" not in listed


def test_a_weak_cue_of_a_topic_declined_gives_way_to_the_sentence_that_says_it(assistant):
    # "numéro" is a weak cue of contacts; the fiche's sentence holds the decree, its date and its NOR
    answer = assistant.ask("Quel est le numéro NOR de l'arrêté du 6 février 2023 portant création de la "
                           "spécialité « cybersécurité » ?")
    assert not answer.declined and "MENE2303765A" in answer.text
    assert {c.code for c in answer.citations} == {"RNCP37488"}


def test_the_previous_certification_asked_as_the_earlier_one(assistant):
    answer = assistant.ask("Quelle est la certification antérieure du diplôme ATT parcours conception lumière "
                           "(RNCP35625) ?")
    assert "RNCP26984" in answer.text and not answer.declined


def test_a_route_named_alone_asks_whether_it_is_open(assistant):
    # "contrat de pro" names the route, and "on peut faire … en contrat de pro ?" asks nothing else of it
    answer = assistant.ask("on peut faire l'att conception lumiere de l'ensatt en contrat de pro ?")
    assert answer.text.split("\n")[1].startswith("Non, la voie « En contrat de professionnalisation » n'est pas")


def test_a_corpus_question_after_the_person_s_story_lists_what_it_asks(assistant):
    answer = assistant.ask("je redige des contrats de travail depuis 10 ans, dans tes certifs lesquelles parlent de "
                           "contrat de travail noir sur blanc ?")
    assert {"RNCP14437", "RNCP36612"} <= {c.code for c in answer.citations}
    assert "« contrat de travail »" in answer.text.split("\n")[0]


def test_a_value_asked_in_a_field_is_found_in_any_sentence_of_the_field_s_line(assistant):
    # "Modalités d'évaluation : … A l'issue, il est présenté en soutenance orale" (RNCP36490): the second sentence
    # is in the evaluation line; "soutenir" in a competence of RNCP34762 is not
    answer = assistant.ask("Pour quelles certifications de ta base les modalités d'évaluation prévoient-elles une "
                           "soutenance ?")
    cited = {c.code for c in answer.citations}
    assert {"RNCP31168", "RNCP35959", "RNCP36490", "RNCP39568"} <= cited and "RNCP34762" not in cited


@pytest.mark.parametrize(("question", "entry"), [
    ("le titre pro dwwm il demande quoi comme compétences exactement ? moi je fais des sites vitrines", "bloc_content"),
    ("je fais des sites depuis 3 ans, le titre pro dwwm ça me correspond ?", "fits_me"),  # the mapping's own words ask
])
def test_a_person_telling_of_their_job_is_answered_what_the_clause_that_asks_asks(assistant, question, entry):
    query = understand(question, assistant.index.names, None, Context())
    scored = assistant.route(query)
    story = [s for s in scored if s.entry.name == "fits_me"]
    # whatever the embedder thinks of the story, the clause that asks decides
    assert [s.entry.name for s in assistant._asked_beside_ones_story(query, scored, story)] == [entry]


@pytest.mark.parametrize(("question", "asked"), [
    ("ya du monde qui passe le titre dwwm par vae ou c rare ? t'as le chiffre pour 2021", True),
    ("Combien de candidats ont obtenu le titre pro DWWM par la VAE en 2021 ?", True),
    ("le titre dwwm par vae, t'as le chiffre pour 2019 ?", False),  # a year the statistics do not give
    ("le titre dwwm, il a changé en 2021 ?", False),  # a year without a count asked
])
def test_a_count_asked_for_a_year_of_the_fiche_s_statistics_asks_the_statistics(assistant, question, asked):
    entries = [e.name for e in assistant._entries(read(assistant, question))]
    assert (entries[:1] == ["statistics"]) is asked


def test_an_ordinal_opening_the_question_points_to_the_blocs_listed_before(assistant):
    history = [Turn(role="user", content="le titre pro dwwm y a combien de ccp dedans ?"),
               Turn(role="assistant", content="Deux CCP, un par bloc (RNCP37674).")]
    query = read(assistant, "Le deuxième, il couvre quoi concrètement ?", history=history)
    assert query.follow_up and query.bloc_numbers == [2]
    assert [e.name for e in assistant._entries(query)] == ["bloc_content"]


@pytest.mark.parametrize(("question", "over_the_corpus"), [
    ("Vers quelles fiches métiers du ROME cette certification oriente-t-elle ?", False),
    ("j'ai besoin des fiches métiers ROME liées à ce titre : lesquelles sont-elles ?", False),
    ("quelles autres certifications que ce titre sont de niveau 5 ?", True),  # others than this one
])
def test_this_certification_with_one_chosen_is_that_one_not_the_corpus(assistant, question, over_the_corpus):
    answer = assistant.ask(question, "RNCP37674")
    assert ("du corpus" in answer.text) is over_the_corpus
    if not over_the_corpus:
        assert {c.code for c in answer.citations} == {"RNCP37674"}


def test_an_entry_without_examples_leaves_the_others_semantic_scores_as_they_were(tmp_path, monkeypatch):
    from assistant.answering.fields import ENTRIES
    from assistant.answering.router import Router
    from assistant.bench.hashed_embedder import HashedEmbeddings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    embedder = HashedEmbeddings()
    with_examples = tuple(e for e in ENTRIES if e.examples)
    assert len(with_examples) < len(ENTRIES)  # the dispenses are asked by their cues alone
    vector = embedder.embed_query("je dois repasser les matieres generales ?")
    alone = Router(lambda: embedder, with_examples).semantic(vector)
    beside = dict(zip([e.name for e in ENTRIES], Router(lambda: embedder, ENTRIES).semantic(vector), strict=True))
    assert [round(beside[e.name], 6) for e in with_examples] == [round(x, 6) for x in alone]
    assert all(beside[e.name] == 0.0 for e in ENTRIES if not e.examples)


def test_a_dispense_is_asked_by_its_words_and_never_said_where_the_fiche_states_none(assistant):
    question = "J'ai déjà un diplôme : suis-je obligé de passer les matières générales ?"
    assert [e.name for e in assistant._entries(read(assistant, question, "RNCP40344"))] == ["dispenses"]
    # the ASV fiche says "indispensable", never a dispense: nothing is quoted as one
    assert assistant.ask(question, "RNCP40344").declined


def test_a_count_asked_after_a_count_stays_on_the_figures(assistant):
    history = [Turn(role="user", content="combien de certifiés pour le titre pro DWWM ?"),
               Turn(role="assistant", content="1 000 certifiés en 2022 pour le titre Développeur web et web mobile.")]
    query = read(assistant, "Et parmi eux, combien sont passés par la VAE ?", history=history)
    assert [e.name for e in assistant._entries(query)] == ["statistics"]


def test_a_corpus_question_on_this_same_certifier_follows_the_exchange_before(assistant):
    history = [Turn(role="user", content="Qui délivre le titre pro Développeur web et web mobile ?"),
               Turn(role="assistant", content="Le Ministère du Travail, du Plein emploi et de l'Insertion.")]
    answer = assistant.ask("Quelles sont toutes les certifications de ta base délivrées par ce même ministère ?",
                           history=history)
    assert {c.code for c in answer.citations} == {"RNCP37674", "RNCP37873"}


@pytest.mark.parametrize(("question", "declined"), [
    ("Quels sont les frais de scolarité du titre pro DWWM chez FITEC, et peut-on payer en mensualités ?", True),
    ("fitec c habilite pour le titre pro dwwm ? jai un rdv avec eux, c gratuit ?", False),  # authorised, asked
])
def test_a_topic_no_fiche_holds_asked_of_an_organisation_is_declined(assistant, question, declined):
    assert assistant.ask(question).declined is declined


def test_a_title_the_question_gives_is_what_it_asks_whatever_was_chosen_before(assistant):
    history = [Turn(role="user", content="le titre pro dwwm c quel niveau ?"),
               Turn(role="assistant", content="Niveau 5 (RNCP37674).")]
    answer = assistant.ask("Et le BTS SIO, il contient quels blocs ?", history=history)
    assert answer.declined and "sio" in answer.text.lower()
    assert assistant.ask("le bts sio c quoi les blocs ?", "RNCP37674").declined
