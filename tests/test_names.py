"""How people name a certification, read against the 14 fiches' own names (no model, no index)."""

from __future__ import annotations

import pytest

from assistant.index.cards import Card, card_of
from assistant.index.names import CertificationNames


@pytest.fixture(scope="module")
def names(seeds, sample) -> CertificationNames:
    return CertificationNames([card_of(c) for c in [*seeds.values(), *sample.values()]])


@pytest.mark.parametrize(("text", "codes"), [
    ("Quel est le jury du RNCP 31168 ?", ["RNCP31168"]),
    ("le bloc RNCP37674BC02", ["RNCP37674"]),
    ("jury du 36612 ?", ["RNCP36612"]),
    ("DWWM c quoi les blocs", ["RNCP37674"]),  # initials of the title
    ("le diplome ATT lumiere", ["RNCP35625"]),  # acronym given in the title
    ("c'est quoi l'ENSATT", ["RNCP35625"]),  # initials of the certifier
    ("le titre de l'ESIEA", ["RNCP35419"]),
    ("titre assistant RH", ["RNCP36612"]),  # a shortening spelt out
    ("bac pro cyber", ["RNCP37488"]),
    ("auxilaire veterinaire", ["RNCP40344"]),  # one slip in a word
    ("le BTS finition", ["RNCP35809"]),
    ("le CDA du ministère du travail", ["RNCP37873"]),  # acronym shared by two, certifier decides
    ("responsable de production", ["RNCP31168"]),
    ("chargé de production", ["RNCP14437"]),
    ("cda titre pro, faut connaitre le rgaa ?", ["RNCP37873"]),  # acronym shared by two, the type decides
    ("le pge de gem (le nouveau)", ["RNCP39568"]),  # a title and the one it replaced: which is new decides
    ("l'ancien pge de gem", ["RNCP34762"]),
    ("le titre pro DW c quel niveau", ["RNCP35959"]),  # the initials of a two-word title, after a type
])
def test_a_certification_named_the_way_people_name_it(names, text, codes):
    assert names.named_in(text).codes == codes


@pytest.mark.parametrize(("text", "ambiguous"), [
    ("concepteur développeur d'applications", ["RNCP36490", "RNCP37873"]),
    ("le PGE de Grenoble", ["RNCP34762", "RNCP39568"]),
])
def test_two_equally_good_readings_are_reported_not_guessed(names, text, ambiguous):
    mention = names.named_in(text)
    assert mention.codes == [] and mention.ambiguous == ambiguous


@pytest.mark.parametrize("text", [
    "il y a combien de blocs ?", "quel bloc parle de production ?", "le travail en équipe",
    "je sors d'un BTS informatique",  # the candidate's own diploma, named by its type only
    "Et pour le RNCP 12345 ?",
    # the type beside one word two titles share: "professionnel" and "applications" name neither CDA
    "Ce professionnel intervient-il dans toutes les phases du développement des applications ?",
])
def test_incidental_words_name_no_certification(names, text):
    assert names.named_in(text).codes == []


def test_one_distinctive_word_is_only_a_hint(names):
    assert names.named_in("la formation véto").codes == []
    assert names.weakly_named_in("la formation véto") == ["RNCP40344"]


def test_codes_the_index_does_not_hold(names):
    assert names.unknown_codes_in("les blocs du RNCP 99999 et du 31168") == ["RNCP99999"]
    assert names.unknown_codes_in("en 2024 j'ai eu 2 blocs") == []


def test_certifiers_named_for_questions_over_the_corpus(names):
    assert names.certified_by("Quels diplômes délivre le ministère du travail ?") == {"RNCP37674", "RNCP37873"}
    assert names.certified_by("les titres du CESI") == {"RNCP36490", "RNCP35959"}
    # a word and the initials of the rest of the name, the way schools shorten theirs
    assert names.certified_by("grenoble em ils ont quoi ?") == {"RNCP34762", "RNCP39568"}


def test_both_words_of_a_shortening_name_the_certification_they_shorten(names):
    assert {"titr", "pro"} <= names.name_terms("RNCP37873")  # "titre pro" for a titre professionnel
    assert "pro" not in names.name_terms("RNCP35625")  # a diplôme of a school is no titre professionnel


def test_two_letter_initials_name_a_title_only_right_after_a_type(names):
    assert names.named_in("dw c quel niveau").codes == []
    assert names.named_in("la fiche du dw").codes == []


TRADES = CertificationNames([
    Card(code="RNCP90904", title="Technicien de maintenance industrielle", kind="Titre professionnel"),
    Card(code="RNCP90903", title="Responsable de la logistique", kind="Titre"),
    Card(code="RNCP90901", title="Secrétaire assistant", kind="Titre professionnel"),
    Card(code="RNCP90905", title="Technicien supérieur en méthodes", kind="Titre"),
    Card(code="RNCP90921", title="Comptable assistant", kind="Titre professionnel"),
    Card(code="RNCP90922", title="Cuisinier", kind="Certificat d'aptitude professionnelle"),
    Card(code="RNCP90923", title="Expert en ingénierie du logiciel", kind=""),
])


@pytest.mark.parametrize(("text", "codes"), [
    ("tech maintenance indus, ya eu combien de certifiés ?", ["RNCP90904"]),  # words cut short, one said whole
    ("tech maint indus c quoi les blocs ?", ["RNCP90904"]),  # every word cut short, all of one title
    ("resp logist, c quel niveau ?", ["RNCP90903"]),
    ("le titre resp logistique c quel niveau", ["RNCP90903"]),
    ("titre pro SA c quoi les blocs", ["RNCP90901"]),  # two-letter initials right after a type
    ("tech c quoi", []),  # a beginning alone begins too many words
    ("sa formation est longue ?", []),  # two letters anywhere else are a word
    ("avec le tp compta on peut bosser comme quoi ?", ["RNCP90921"]),  # cut short, right after its type
    ("le cap cuisine c delivre par qui ?", ["RNCP90922"]),  # a word of the title's family, right after its type
    ("la cuisine c quoi les blocs ?", []),  # the same word without the type names nothing
    ("le bts compta c quoi ?", []),  # a BTS is not the titre professionnel
    ("et un poste d'ingénieur logiciel, c'est dans la liste ?", []),  # a job beside a title word is no title
])
def test_titles_cut_short_by_their_initials_or_in_another_form_name_their_certification(text, codes):
    assert TRADES.named_in(text).codes == codes


def test_a_known_title_named_after_an_absent_one_is_what_is_asked_of():
    absent = "comptabilite gestion"
    # the absent title is what the person holds, the known one, named after it, what they ask of
    assert TRADES.named_after("les titulaires du bts comptabilite et gestion sont ils dispenses dans le titre pro "
                              "comptable assistant ?", absent, ["RNCP90921"])
    # named before it, the known title is theirs, and the absent one what they ask of
    assert not TRADES.named_after("apres le titre pro comptable assistant je vise le bts comptabilite et gestion, "
                                  "ya quoi comme blocs ?", absent, ["RNCP90921"])


def test_a_title_said_in_another_form_after_its_type_is_not_absent():
    assert TRADES.absent_title("le cap cuisine c delivre par qui ?") is None
    assert TRADES.absent_title("les blocs du BTS comptabilite et gestion ?") == "comptabilite gestion"


def test_words_standing_for_a_title_word_after_its_type_are_written_as_the_title_writes_them():
    assert TRADES.title_words_said_otherwise("le cap cuisine c quoi les blocs") == {"cuisine": "cuisinier"}
    assert TRADES.title_words_said_otherwise("avec le tp compta on bosse ou") == {"compta": "comptable"}
    # a word cut short beside another title word names the certification, and is left as said
    assert TRADES.title_words_said_otherwise("tech maintenance indus, ya combien de certifies") == {}
    assert "cap" in TRADES.name_terms("RNCP90922")  # "CAP" says which certification, not what is asked
    assert "cap" not in TRADES.name_terms("RNCP90921")
    assert TRADES.with_title_words("le cap cuisine c delivre par qui ?") == "le cap cuisinier c delivre par qui ?"
    # the same word elsewhere in the question is the person's own
    assert TRADES.with_title_words("le cap cuisine c quoi ? je bosse en cuisine") == \
        "le cap cuisinier c quoi ? je bosse en cuisine"


def test_the_acronym_a_fiche_gives_its_title_names_it():
    from assistant.certification import Certification

    home_help = Certification(code="RNCP90943", title="Assistant de vie aux familles", activities=[
        "L'assistant de vie aux familles (ADVF) intervient au domicile de particuliers.",
        "Le titre comprend trois certificats de compétences professionnelles (CCP)."])
    card = card_of(home_help)
    assert card.own_acronyms == ["ADVF"]  # "(CCP)" follows other words: it names something else
    names = CertificationNames([card, Card(code="RNCP90942", title="Électricien", kind="CAP")])
    assert names.named_in("le ccp 2 de l'advf c quoi ?").codes == ["RNCP90943"]


@pytest.mark.parametrize("text", [
    "jai eu 2 ccp sur 3 au tp maintenance, le ccp electricite jlai rate",  # a title ends with its clause
    "le tp maintenance en juin 2023 c quoi les blocs",  # and before a date
])
def test_a_title_given_after_its_type_ends_with_its_clause_or_a_date(text):
    assert TRADES.named_in(text).codes == ["RNCP90904"]
    assert TRADES.absent_title(text) is None


def test_initials_after_a_type_that_no_name_holds_are_a_title_the_index_does_not_have():
    assert TRADES.absent_title("apres le tp compta je voudrais faire le bts cg, c quoi ses blocs") == "cg"
    assert TRADES.absent_title("le titre pro SA c quoi les blocs") is None  # initials of a title of the index
    assert TRADES.absent_title("pour ouvrir un bar faut une licence IV ?") is None  # a number, not initials


def _card(code: str, title: str, kind: str) -> Card:
    return Card(code=code, title=title, kind=kind, certifiers=["MINISTERE DE L'EDUCATION NATIONALE"])


def test_a_title_holding_an_acronym_is_named_by_its_initials_with_the_acronym_whole():
    names = CertificationNames([_card("RNCP90901", "Gestion de la PME", "Brevet de technicien supérieur"),
                                _card("RNCP90902", "Management commercial opérationnel",
                                      "Brevet de technicien supérieur")])
    assert names.named_in("apres un bts gpme on peut bosser comme quoi ?").codes == ["RNCP90901"]
    assert names.named_in("le bts mco c'est quel niveau ?").codes == ["RNCP90902"]


def test_cqp_is_the_type_of_a_certificat_de_qualification_professionnelle():
    names = CertificationNames([_card("RNCP90903", "Agent de prévention et de sécurité",
                                      "Certificat de qualification professionnelle")])
    assert "cqp" in names.name_terms("RNCP90903")  # it says which certification, not what is asked


def test_a_cap_is_named_by_the_one_title_word_no_other_holds_and_its_type():
    names = CertificationNames([_card("RNCP90904", "Esthétique, cosmétique, parfumerie",
                                      "Certificat d'aptitude professionnelle"),
                                _card("RNCP90905", "Coiffure", "Brevet professionnel")])
    assert names.named_in("avec le cap esthe on peut faire quoi ?").codes == ["RNCP90904"]
    assert names.named_in("le cap esthetique c'est quel niveau ?").codes == ["RNCP90904"]
    assert names.named_in("le bp esthetique c'est quel niveau ?").codes == []  # another type, another title


def test_the_words_of_a_type_a_title_writes_never_name_a_second_certification_alone():
    names = CertificationNames([_card("RNCP90906", "Responsable du développement commercial", "Titre"),
                                _card("RNCP90907", "Diplôme d'État d'ambulancier", "")])
    asked = "le titre responsable du developpement commercial, c'est l'ecole qui le delivre, pas l'etat ?"
    assert names.named_in(asked).codes == ["RNCP90906"]
    assert names.named_in("le diplome d'etat d'ambulancier c quel niveau ?").codes == ["RNCP90907"]


def test_a_title_is_named_by_its_head_before_the_option_it_names_and_only_by_words_of_it():
    names = CertificationNames([_card("RNCP90908", "Maintenance des véhicules option A voitures particulières",
                                      "Baccalauréat professionnel"),
                                _card("RNCP90909", "Arts et techniques du théâtre, parcours conception lumière",
                                      "Diplôme")])
    assert names.named_in("le bac pro mv c'est quel niveau ?").codes == ["RNCP90908"]  # the head's initials
    assert names.named_in("le bac pro maintenance auto c'est quel niveau ?").codes == ["RNCP90908"]
    assert names.absent_title("le bac pro maintenance auto c'est quel niveau ?") is None
    # a word of the option alone is no name: "la conception logicielle" is not the lighting design path
    assert names.named_in("quels types de contraintes la conception logicielle doit-elle intégrer ?").codes == []
