"""Places: where a question is asked from, where an organisation's name puts it, and the answers that say
only what the names tell (hashed vectors, no model)."""

from __future__ import annotations

import pytest

from assistant.answering.assistant import Assistant
from assistant.places.gazetteer import distance_km, places_asked, places_in_name


@pytest.mark.parametrize("question, expected", [
    ("jhabite a limoges, ya un lycee agricole dans le coin ?", [("commune", "Limoges")]),
    ("je suis au Mans", [("commune", "Le Mans")]),
    ("un établissement agricole de la Haute-Vienne ?", [("departement", "Haute-Vienne")]),
    ("en Nouvelle-Aquitaine, côté Angoulême ?", [("commune", "Angoulême"), ("region", "Nouvelle-Aquitaine")]),
    ("a saint etienne", [("commune", "Saint-Étienne")]),
    ("le sens du bloc de compétences", []),  # a town that is a word, with nothing introducing a place
    ("quels tours de main pour le bloc 2 ?", []),
])
def test_a_question_names_a_place_after_a_word_that_introduces_one(question, expected):
    assert [(p.kind, p.name) for p in places_asked(question)] == expected


@pytest.mark.parametrize("name, expected", [
    ("ETABLISSEMENT PUBLIC LOCAL D'ENSEIGNEMENT ET DE FORMATION PROFESSIONNELLE AGRICOLE D'ANTIBES",
     [("commune", "Antibes")]),
    ("CCI TERRITORIALE DE LA CHARENTE", [("departement", "Charente")]),
    ("CCI DE LA CHARENTE-MARITIME", [("departement", "Charente-Maritime")]),  # the longest name first
    ("LEGTPA LIMOGES LES VASEIX", [("commune", "Limoges")]),
    ("ESPL-ECOLE SUPERIEURE DES PAYS DE LOIRE", [("region", "Pays de la Loire")]),  # not the Loire département
    ("AFPA ENTREPRISES", []),
    ("UNIVERSITE CATHOLIQUE DE L OUEST", []),
])
def test_an_organisation_s_name_says_where_it_is_when_it_holds_a_place(name, expected):
    assert [(p.kind, p.name) for p in places_in_name(name)] == expected


def test_a_name_after_the_people_of_a_place_is_named_after_it():
    from assistant.places.gazetteer import named_after

    martinique, = places_asked("en Martinique")
    assert named_after("INSTITUT MARTINIQUAIS DE FORMATION", martinique)
    assert not named_after("INSTITUT MARTINIQUAIS DE LYON", martinique)  # a name holding a place says that one
    assert not named_after("AFPA ENTREPRISES", martinique)
    douai, = places_asked("à Douai")
    assert named_after("LAHO ARTOIS-DOUAISIS", douai)  # the whole of a shorter place


def test_places_are_compared_by_distance_or_by_region():
    cannes, = places_asked("à Cannes")
    antibes, = places_in_name("LYCEE D'ANTIBES")
    brest, = places_asked("à Brest")
    assert distance_km(cannes, antibes) < 15 and distance_km(brest, antibes) > 800
    region, = places_asked("en Provence-Alpes-Côte d'Azur")
    assert distance_km(region, antibes) == 0.0 and distance_km(region, brest) is None


def test_a_region_of_before_2016_holds_its_own_departements_only():
    lorraine, = places_in_name("GRETA LORRAINE NORD")
    alsace, = places_in_name("GRETA ALSACE SUD")
    assert (lorraine.kind, alsace.kind) == ("ancienne_region", "ancienne_region")
    thionville, = places_asked("vers Thionville")
    assert distance_km(thionville, lorraine) == 0.0 and distance_km(thionville, alsace) is None
    vosges, = places_asked("dans les Vosges")
    grand_est, = places_asked("en Grand Est")
    assert distance_km(vosges, lorraine) == 0.0 and distance_km(grand_est, alsace) == 0.0
    assert distance_km(lorraine, alsace) is None


@pytest.fixture(scope="module")
def assistant(fast_index) -> Assistant:
    return Assistant(fast_index)


def test_the_organisations_near_the_place_asked_are_said_with_where_their_name_puts_them(assistant):
    answer = assistant.ask("asv, je suis a cannes, ya un lycee agricole habilite dans le coin ?")
    assert not answer.declined and "AGRICOLE D'ANTIBES (Antibes, à environ 10 km)" in answer.text
    assert answer.citations[-1].section == "partenaires" and answer.citations[-1].code == "RNCP40344"
    assert "ROBILLARD" not in answer.text  # a lycée the name does not place
    departement = assistant.ask("jsuis a epinal, la cci de mon departement prepare le titre pro dwwm ?")
    assert "INDUSTRIE DES VOSGES (département Vosges)" in departement.text
    former = assistant.ask("jsuis vers thionville, ya un greta qui prepare le titre pro dev web et web mobile ?")
    assert "GRETA LORRAINE NORD (Lorraine)" in former.text and "ALSACE" not in former.text


def test_an_organisation_named_but_not_placed_is_not_said_to_be_near(assistant):
    # named by its kind only ("un lycée agricole"): none is placed near Brest, and the fiche's list follows
    answer = assistant.ask("y a-t-il un lycée agricole à Brest pour le titre ASV ?")
    assert not answer.text.startswith("Oui")
    assert "n'a dans son nom un lieu proche de Brest" in answer.text and "ROBILLARD" in answer.text
    # named by its own name: it is authorised, and the fiche does not say where it is
    named = assistant.ask("le lycee agricole olivier de serres il prepare le titre asv ? jsuis en ardeche")
    assert "LEGTPA OLIVIER DE SERRES" in named.text and "ROBILLARD" not in named.text
    assert "elle ne dit pas s'il est proche du département Ardèche (07)" in named.text


def test_no_organisation_near_is_said_plainly_with_the_fiche_s_list(assistant):
    answer = assistant.ask("je suis à Lyon, où préparer le titre assistant RH ?")
    assert "Aucun organisme partenaire de la fiche RNCP36612" in answer.text
    assert "Organismes partenaires habilités" in answer.text  # the fiche's own list, to look through
    assert {c.section for c in answer.citations} == {"partenaires"}


def test_a_place_that_is_part_of_the_name_asked_about_does_not_hide_it(assistant):
    # "Valenciennes" says where the candidate is; "Grand Hainaut" names the chamber
    answer = assistant.ask("jsuis a valenciennes, la cci grand hainaut elle est habilitee pour le titre assistant "
                           "rh de cci france ?")
    assert "CCIL GRAND HAINAUT" in answer.text and "VALENCIENNES" not in answer.text
    drome = assistant.ask("Pour quelles certifications de ta base la CCI de la Drôme est-elle habilitée ?")
    assert "INDUSTRIE DE LA DROME figure" in drome.text and "GRENOBLE" not in drome.text


def test_an_organisation_named_and_one_the_place_names_are_both_said(assistant):
    # "l'ifa" names one; "à Rouen … la cci métropolitaine" the other, whose name holds Rouen
    answer = assistant.ask("assistant rh cci, a rouen ya que l'ifa qui prepare le titre ou la cci metropolitaine "
                           "aussi ?")
    assert "IFA MARCEL SAUVAGE" in answer.text and "ROUEN METROPOLE" in answer.text


def test_outre_mer_is_answered_with_the_partners_whose_names_place_them_in_an_overseas_region():
    from assistant.answering import drafts
    from assistant.certification import Certification, Partner

    fiche = Certification(code="RNCP90924", title="Responsable commercial", partners=[
        Partner(name="INSTITUT CARAIBE DE VENTE FORT-DE-FRANCE", active=True),
        Partner(name="ECOLE DE COMMERCE RENNES", active=True),
        Partner(name="CAMPUS DE SAINT-DENIS DE LA REUNION", active=False)])  # no longer authorised
    said = drafts.overseas(fiche)
    assert said is not None
    assert "- INSTITUT CARAIBE DE VENTE FORT-DE-FRANCE (Fort-de-France)" in said.lines
    assert "RENNES" not in said.text and "REUNION" not in said.text
    assert drafts.overseas(fiche.model_copy(update={"partners": fiche.partners[1:]})) is None
