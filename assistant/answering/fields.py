"""The registry of what the assistant can answer from a fiche's fields, and of what it must decline.

One entry per field of `Certification` the assistant answers (or topic it declines), each declaring its
cues (folded word stems with weights: a cue matches at the start of a word, so "evalu" covers "évaluation",
"évalué", "évaluer") and a handful of example questions written the way candidates ask. The router
(`router.py`) scores every entry against a question, lexically by its cues and semantically by the
embedder's similarity to its examples; the best entry wins above a threshold, with the entries of
its scope that follow within two margins.

Adding a field means adding an entry here: its cues, its examples, its draft function in `drafts.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from assistant.answering import drafts

Scope = Literal["certification", "bloc", "bloc_find", "corpus", "fits_me", "decline"]


# a person speaking of themselves ("je", "mon poste", "pour moi"), not asking to be shown something
# ("donne-moi les titres de développeur", "dis moi lesquelles…")
_IMPERATIVES = ("donne", "donnez", "dis", "dites", "montre", "montrez", "liste", "listez", "cite", "citez",
                "indique", "indiquez", "explique", "expliquez", "envoie", "envoyez", "trouve", "trouvez")
SPEAKS_OF_ONESELF = (r"\b(?:je|j|mon|ma|mes)\b|"
                     + "".join(f"(?<!{verb} )(?<!{verb}-)" for verb in _IMPERATIVES) + r"\bmoi\b")


# what fiches call their units besides "bloc" and "module" (a CCP of a titre professionnel, a domaine de
# compétences of a diplôme d'État): "ça rentre dans quel ccp ?" asks where, as "dans quel bloc ?" does
UNITS_NAMED_OTHERWISE = ("ccp", "dc", "domaine de competence", "certificat de competence")


@dataclass(frozen=True)
class FieldEntry:
    name: str
    scope: Scope
    cues: dict[str, float]
    examples: tuple[str, ...]
    draft: Callable | None = None
    aspect: str = ""  # for bloc entries: "competences", "evaluation" or "" (both)
    topic: str = ""  # for declines: what the fiches do not hold, said in the answer
    requires: str = ""  # a pattern the folded question must hold for the entry to be considered at all
    sections: tuple[str, ...] = ()  # the chunk sections (chunking.SECTION_LABELS) that hold its answer
    # a field the France Compétences export has no element for (what stays acquired after a partial
    # validation: only the old CNCP fiches give it a heading; the dispenses of épreuves), so an export's fiche
    # can only state it in its text
    stated_in_text: bool = False

    @property
    def answer(self) -> Callable | None:
        """The draft function: the one given, else the function of `drafts` named like the entry."""
        return self.draft or getattr(drafts, self.name, None)


# "… fait-elle partie du bloc Réseaux ?", "c'est dans ce bloc ?": the forms of `bloc_find` that name the bloc
# looked in too; the answer then says yes or no (`Assistant._bloc_holding`). Its cues below ask the same way.
IN_THIS_BLOC = re.compile(r"\bpartie d(?:u|e ce|e la) (?:bloc|module|activite|unite)|\bappartient\b"
                          r"|\breleve(?:-t-\w+)? d|\bdans (?:ce|cet|cette) (?:bloc|module|activite|unite)\b")

ENTRIES: tuple[FieldEntry, ...] = (
    FieldEntry("blocs", "certification", {
        "blocs": 0.8, "bloc": 0.4, "combien de bloc": 1.0, "liste des bloc": 1.0, "compose": 0.4,
        "decoupe": 0.5, "modules": 0.6, "unites": 0.4, "composantes": 0.5, "programme": 0.3,
        "contenu de la formation": 0.5, "parties": 0.4, "les competences": 0.3,
        "ccp": 0.6, "combien de ccp": 1.0, "certificats de competences": 0.8, "domaines de competence": 0.8,
        "combien de domaine": 1.0}, (
        "Quels sont les blocs de compétences de ce titre ?", "Combien de blocs compte la certification ?",
        "De quoi se compose le diplôme ?", "c koi les blocs", "cb de blocs il y a", "la liste des modules",
        "Comment est découpée la certification ?", "quelles sont les grandes parties du titre"),
        drafts.bloc_list,
        sections=('blocs', 'bloc', 'unite', 'composantes')),
    FieldEntry("bloc_content", "bloc", {
        "contenu": 0.5, "porte sur": 0.6, "parle": 0.4, "consiste": 0.5, "competence": 0.5, "comprend": 0.5,
        "c'est quoi": 0.3, "savoir faire": 0.4, "intitule": 0.5, "aborde": 0.5}, (
        "Que contient le bloc 2 ?", "Quelles compétences pour le bloc 3 ?", "c quoi le bloc 1",
        "De quoi parle le deuxième bloc ?", "le BC04 porte sur quoi ?", "détaille moi le bloc 5"),
        aspect="competences",
        sections=('bloc', 'unite')),
    FieldEntry("bloc_evaluation", "bloc", {
        "evalu": 1.0, "epreuve": 0.9, "exam": 0.8, "modalite": 0.7, "soutenance": 0.7, "valide": 0.5,
        "rendre": 0.5, "livrable": 0.7, "dure": 0.3, "combien de temps dure": 0.4, "presentation": 0.4,
        "cas pratique": 0.6, "mise en situation": 0.7, "oral": 0.4, "note": 0.3, "passe": 0.3}, (
        "Comment est évalué le bloc 2 ?", "Quelle épreuve pour le bloc 4 ?", "le bloc 3 ca se valide comment",
        "modalites d'evaluation du BC01", "il y a un examen pour le bloc 1 ?", "comment on passe le bloc 5 ?"),
        aspect="evaluation",
        sections=('bloc', 'unite', 'evaluation')),
    FieldEntry("bloc_find", "bloc_find", {
        "quel bloc": 1.0, "dans quel bloc": 1.2, "quel module": 0.8, "ou se trouve": 0.5, "traite": 0.5,
        "quels blocs": 0.6, "quelle partie": 0.5, "rattache": 0.5, "dans quelle unite": 0.8,
        "quelle activite": 0.5, "partie du bloc": 1.0, "c'est dans ce bloc": 0.9, "appartient au bloc": 1.0,
        "releve du bloc": 1.0, "ou le bloc": 0.8, "ou dans le bloc": 0.8,
        **{cue: weight for unit in UNITS_NAMED_OTHERWISE
           for cue, weight in ((f"quel {unit}", 0.9), (f"dans quel {unit}", 1.1))},
        **{f"{unit} qui {verb}": 1.0 for unit in ("bloc", "module", *UNITS_NAMED_OTHERWISE)
           for verb in ("parle", "traite")}}, (
        "Dans quel bloc est traitée la gestion du budget ?", "Quel bloc parle de la sécurité ?",
        "la paie c'est dans quel bloc", "quel module aborde la communication ?",
        "Dans quelle partie du titre on apprend le réseau ?",
        "La gestion de projet fait-elle partie du bloc sur les réseaux ?"),
        sections=('bloc', 'unite')),
    FieldEntry("evaluation", "certification", {
        "evalu": 1.0, "epreuve": 0.9, "exam": 0.8, "modalite": 0.7, "soutenance": 0.7, "mise en situation": 0.7,
        "rendre": 0.5, "livrable": 0.7, "dure": 0.3, "combien de temps dure": 0.4, "presentation": 0.4,
        "questionnaire": 0.6, "entretien": 0.4,
        "cas pratique": 0.6, "comment on valide": 0.6, "se passe l'examen": 0.8, "oral": 0.4, "ecrit": 0.3,
        "memoire": 0.5, "dossier professionnel": 0.5, "partiel": 0.2}, (
        "Comment se déroule l'évaluation ?", "Quelles sont les épreuves de la certification ?",
        "ya un examen a la fin ?", "comment on est evalue", "Comment se passe la certification, écrit ou oral ?",
        "il faut faire une soutenance ?"),
        sections=('evaluation', 'bloc', 'unite')),
    FieldEntry("jury", "certification", {
        "jury": 1.0, "jure": 0.9, "qui evalue": 0.8, "qui decide": 0.8, "decision finale": 0.9,
        "qui valide": 0.6, "qui siege": 0.9, "membres": 0.4, "examinateur": 0.8, "compose": 0.2,
        "composition": 0.4, "qui me note": 0.8, "devant qui": 0.8, "professionnels": 0.2}, (
        "Qui compose le jury de VAE ?", "Quelle est la composition du jury ?", "jury vae c qui",
        "Qui prend la décision finale ?", "devant qui je passe ?", "Qui siège au jury en apprentissage ?",
        "Qui valide mon dossier à la fin ?"),
        sections=('voies_acces', 'vae')),
    FieldEntry("route_open", "certification", {
        "accessible": 0.5, "ouvert": 0.6, "possible": 0.4, "voie": 0.6, "apprentissage": 0.7, "alternance": 0.7,
        "contrat pro": 0.7, "professionnalisation": 0.7, "formation continue": 0.7, "candidat libre": 0.7,
        "candidature individuelle": 0.7, "est-ce que je peux": 0.4, "puis-je": 0.4, "peut on": 0.3,
        "faire en vae": 0.6, "par la vae": 0.5, "en vae": 0.3, "voies d'acces": 1.0}, (
        "Est-ce que la certification est accessible par la VAE ?", "Peut-on préparer ce titre en alternance ?",
        "c possible en apprentissage ?", "est-ce que je peux faire ce titre en VAE ?",
        "Quelles sont les voies d'accès ?", "ouvert en contrat pro ?"),
        sections=('voies_acces', 'vae')),
    FieldEntry("vae", "certification", {
        "vae": 0.7, "validation des acquis": 0.9, "livret": 0.8, "dossier de validation": 0.8,
        "annees d'experience": 0.6, "experience": 0.3, "faisabilite": 0.8, "recevabilite": 0.8}, (
        "Comment se passe la VAE pour ce titre ?", "Que dit la fiche sur la validation des acquis de l'expérience ?",
        "vae c comment", "il faut combien d'années d'expérience pour la VAE ?", "Le livret 2, ça se passe comment ?"),
        drafts.vae_rules,
        sections=('vae', 'voies_acces')),
    FieldEntry("validity", "certification", {
        "validite": 1.0, "combien de temps": 0.5, "reste acquis": 1.0, "restent acquis": 1.0, "garde": 0.6,
        "perime": 0.8, "expire": 0.8, "a vie": 0.7, "definitivement": 0.7, "valable": 0.5, "conserve": 0.6,
        "duree": 0.3, "acquis": 0.4, "expiration": 0.8, "j'ai valide": 0.6}, (
        "Combien de temps mes blocs restent-ils acquis ?", "Quelle est la durée de validité des blocs acquis ?",
        "mes blocs valides ils expirent ?", "je garde mes blocs a vie ?",
        "les acquis sont conservés combien de temps ?"),
        sections=('validation_partielle',), stated_in_text=True),
    # no examples: an entry added with examples moves every entry's semantic z-score (`Router.semantic`)
    FieldEntry("dispenses", "certification", {
        "dispense": 1.0, "dispens": 1.0, "exempt": 1.0, "exonere": 0.9, "oblige de passer": 0.7,
        "oblige de repasser": 0.7, "oblige de faire": 0.7, "obligee de passer": 0.7, "obligee de repasser": 0.7,
        "obligee de faire": 0.7, "dois quand meme": 0.7, "matieres generales": 0.8, "enseignement general": 0.8,
        # an exam taken again because of what one already holds: "je dois repasser le français ?"
        "repasser": 0.6, "refasse": 0.6, "refaire": 0.5}, (),
        sections=('resume', 'validation_partielle'), stated_in_text=True),
    FieldEntry("partial", "certification", {
        "partiel": 1.0, "rate": 0.7, "echoue": 0.8, "echec": 0.8, "pas tout": 0.6, "un seul bloc": 0.6,
        "une partie": 0.6, "bloc par bloc": 0.6, "que se passe": 0.4, "capitalis": 0.8, "pas obtenu": 0.6,
        "ce qui reste": 0.5, "manque": 0.4, "blocs valides": 0.9, "deja valide": 0.6, "deviennent": 0.5}, (
        "Que se passe-t-il si je rate un bloc ?", "Peut-on valider une partie seulement de la certification ?",
        "validation partielle c quoi", "si j'ai pas tout, je garde ce que j'ai eu ?",
        "Les blocs se capitalisent-ils ?", "et si le jury ne valide qu'un bloc ?"),
        sections=('validation_partielle',), stated_in_text=True),
    FieldEntry("status", "certification", {
        "actif": 1.0, "active": 1.0, "encore": 0.5, "toujours": 0.4, "existe encore": 0.9, "plus possible": 0.8,
        "obsolete": 0.8, "peut on encore": 0.8, "en vigueur": 0.9, "statut": 0.8, "valable": 0.3,
        "toujours valide": 0.8, "encore valide": 0.8, "toujours valable": 0.8, "encore valable": 0.8,
        "inactive": 1.0, "supprime": 0.6, "ferme": 0.4}, (
        "Cette certification est-elle encore active ?", "c'est encore actif ?", "Peut-on encore obtenir ce titre ?",
        "Le diplôme existe toujours ?", "quel est le statut de la fiche ?", "ce titre est-il toujours en vigueur ?"),
        sections=('presentation', 'enregistrement')),
    FieldEntry("registration", "certification", {
        "enregistr": 1.0, "date de fin": 0.9, "jusqu'a quand": 0.9, "jusqu'au": 0.4, "date d'effet": 0.9,
        "echeance": 0.7, "arrete": 0.5, "journal officiel": 0.7, "publie": 0.5, "depuis quand": 0.7,
        "date": 0.3, "delivrance": 0.4, "expir": 0.9, "perime": 0.8, "decret": 0.7, "code de l'education": 0.9,
        "base legale": 0.9, "textes officiels": 0.8, "texte de reference": 0.8}, (
        "Jusqu'à quand la certification est-elle enregistrée au RNCP ?", "Quelle est la date de fin d'enregistrement ?",
        "depuis quand ce titre existe ?", "date d'effet de l'enregistrement ?", "c valable jusqu'a quand ?"),
        sections=('enregistrement',)),
    FieldEntry("statistics", "certification", {
        "combien de personnes": 1.0, "combien de certifies": 1.0, "combien de diplomes": 0.9, "taux": 0.8,
        "insertion": 0.8, "statisti": 1.0, "reussite": 0.6, "par an": 0.5, "obtiennent": 0.6, "nombre de": 0.4,
        "chiffres": 0.5, "combien l'ont": 0.8, "combien de gens": 0.9, "promotion": 0.5, "chaque annee": 0.6,
        "combien a l'avoir": 0.9, "combien a avoir": 0.9, "beaucoup de monde": 0.8, "des gens qui l'ont": 0.8}, (
        "Combien de personnes obtiennent ce titre chaque année ?", "Quel est le taux d'insertion ?",
        "cb de gens l'ont eu l'an dernier", "Y a-t-il des statistiques sur les certifiés ?",
        "combien de diplômés par VAE ?"),
        sections=('statistiques',)),
    FieldEntry("prerequisites", "certification", {
        "prerequis": 1.0, "condition": 0.7, "admission": 0.8, "admis en": 0.8, "admis dans": 0.8, "a l'entree": 0.8,
        "entrer": 0.6, "niveau requis": 0.8, "niveau d'etudes": 1.0, "niveau d'etude": 1.0,
        "il faut avoir": 0.6, "faut il avoir": 0.6, "faut-il avoir": 0.6, "experience requise": 0.7,
        "diplome necessaire": 0.7, "pour candidater": 0.7, "acceder": 0.4, "pre-requis": 1.0,
        "pour entrer": 1.0, "pour rentrer": 1.0, "pour s'inscrire": 0.8, "pour m'inscrire": 0.8,
        "pour pouvoir s'inscrire": 0.8, "pour pouvoir m'inscrire": 0.8,
        "pour acceder": 0.8, "requis": 0.8, "rentrer": 0.6, "age": 0.5,
        "selection": 0.6, "quel diplome": 0.5, "faut un diplome": 0.7, "faut il un diplome": 0.7,
        "faut le bac": 0.7, "faut il le bac": 0.7, "diplome exige": 0.7, "diplome requis": 0.7,
        # what the body must allow: "contre-indications", "aptitudes physiques", "un contrôle médical avant ?"
        "contre-indication": 0.8, "contre indication": 0.8, "aptitudes physiques": 0.8, "aptitude medicale": 0.8,
        "visite medicale": 0.7, "controle medical": 0.7, "certificat medical": 0.7}, (
        "Quels sont les prérequis pour entrer en formation ?", "Faut-il un diplôme pour candidater ?",
        "il faut quoi pour rentrer", "Quelles sont les conditions d'admission ?", "faut il avoir le bac ?"),
        sections=('prerequis',)),
    FieldEntry("certifier", "certification", {
        "certificateur": 1.0, "qui delivre": 1.0, "delivre": 0.7, "organisme": 0.6, "qui porte": 0.7,
        "qui certifie": 1.0, "quel ministere": 0.8, "qui propose": 0.6, "propose par": 0.6, "quelle ecole": 0.7,
        "de qui": 0.3, "signe": 0.4,
        # a state's diploma or a school's paper: who stands behind it
        "reconnu par l'etat": 0.9, "ecole privee": 0.6, "qui le donne": 0.8, "qui la donne": 0.8}, (
        "Qui délivre cette certification ?", "Quel est l'organisme certificateur ?", "c'est quelle ecole ?",
        "quel ministère porte ce titre ?", "le diplome est délivré par qui"),
        sections=('presentation',)),
    FieldEntry("level", "certification", {
        "niveau": 1.0, "bac+": 0.9, "bac +": 0.9, "equivalent": 0.5, "equivaut": 0.6, "europeen": 0.5,
        "licence": 0.3, "master": 0.3, "cec": 0.6,
        # a level told by the diploma it matches: "c'est équivalent au bac ?", "ça vaut un cap ?"
        "equivalent au bac": 1.0, "equivalent du bac": 1.0, "equivalent au cap": 1.0, "vaut un cap": 1.0,
        "vaut un bac": 1.0}, (
        "Quel est le niveau de cette certification ?", "c'est un bac+ combien ?", "ça équivaut à quel diplôme ?",
        "niveau europeen du titre ?", "c'est de niveau licence ?"),
        sections=('presentation',)),
    FieldEntry("rome", "certification", {"rome": 1.0, "code rome": 1.0, "fiche metier": 0.4}, (
        "Quels sont les codes ROME ?", "codes rome associés ?", "à quelles fiches ROME correspond le titre ?"),
        drafts.coded("rome", "Codes ROME"),
        sections=('presentation',)),
    FieldEntry("nsf", "certification", {"nsf": 1.0, "domaine de formation": 0.6,
                                         "specialite de formation": 0.7}, (
        "Quel est le code NSF ?", "dans quelle spécialité de formation est classé le titre ?"),
        drafts.coded("nsf", "Codes NSF"),
        sections=('presentation',)),
    FieldEntry("formacodes", "certification", {"formacode": 1.0, "code formacode": 1.0}, (
        "Quels sont les formacodes du titre ?", "c'est quoi le formacode ?"),
        drafts.coded("formacodes", "Formacodes"),
        sections=('presentation',)),
    FieldEntry("places", "certification", {
        "lieu": 1.0, "ville": 1.0, "ou passer": 0.8, "ou se prepare": 0.8, "ou se former": 0.8, "adresse": 0.8,
        "centre": 0.5, "region": 0.6, "pres de chez moi": 0.8, "campus": 0.7, "ou la passer": 0.8,
        "ou preparer": 0.8, "ou faire": 0.6, "^ou ": 0.7, "prepar": 0.4, "se former": 0.5,
        "c'est ou": 0.8, "site": 0.5, "organismes": 0.6, "organismes de formation": 1.0, "partenaire": 0.9,
        "habilit": 0.6, "ecoles": 0.6, "quelles ecoles": 0.9}, (
        "Où peut-on préparer cette certification ?", "dans quelles villes ?", "c'est où ?",
        "Quels sont les lieux de certification ?", "il y a un centre près de Lyon ?",
        "Quels organismes de formation préparent ce titre ?", "on peut le préparer dans quelles écoles ?"),
        sections=('lieux', 'partenaires')),
    FieldEntry("jobs", "certification", {
        "metier": 1.0, "emploi": 0.9, "poste": 0.7, "debouche": 1.0, "travailler comme": 0.9, "quel travail": 0.8,
        "faire quoi apres": 0.8, "exercer": 0.6, "job": 0.8, "boulot": 0.8, "secteur": 0.5, "fonctions": 0.5,
        "devenir quoi": 0.9, "peut devenir": 0.8, "postuler": 0.6}, (
        "Quels métiers peut-on exercer avec ce titre ?", "quels débouchés ?", "je pourrai bosser comme quoi apres",
        "on peut devenir quoi avec ?",
        "Quels emplois sont accessibles ?", "ça mène à quels postes ?"),
        sections=('metiers', 'secteurs')),
    FieldEntry("sectors", "certification", {
        "secteur": 1.0, "type d'entreprise": 0.8, "types d'entreprise": 0.8, "genre d'entreprise": 0.8,
        "genres d'entreprise": 0.8, "quelles entreprises": 0.8, "ou travailler": 0.6, "branche": 0.5,
        "structures": 0.6, "travailler dans": 0.8, "travailler en": 0.6, "quels employeurs": 0.8,
        "type d'employeur": 0.8, "types d'employeur": 0.8, "qui recrute": 0.7, "qui embauche": 0.7,
        "employeurs recrutent": 0.8}, (
        "Dans quels secteurs d'activité travaille-t-on ?", "quel type d'entreprise embauche ?",
        "dans quelles structures on bosse ?"),
        sections=('secteurs',)),
    FieldEntry("activities", "certification", {
        "activite": 0.8, "missions": 0.7, "taches": 0.6, "que fait": 0.6, "au quotidien": 0.6, "fait quoi": 0.5,
        "activites visees": 1.0, "role": 0.4}, (
        "Quelles activités vise la certification ?", "on fait quoi au quotidien ?",
        "quelles sont les missions du titulaire ?", "Quelles tâches décrit la fiche ?"),
        sections=('activites', 'unite', 'blocs')),
    FieldEntry("capacities", "certification", {
        "capacite": 1.0, "savoir faire": 0.6, "competences attestees": 1.0, "quelles competences": 0.6,
        "etre capable": 0.7, "savoir-faire": 0.6}, (
        "Quelles capacités sont attestées ?", "qu'est-ce qu'on sait faire apres ?",
        "Quelles compétences atteste le titre ?"),
        sections=('capacites',)),
    FieldEntry("linked", "certification", {
        "precedent": 0.8, "ancien": 0.6, "ancienne version": 0.9, "remplace": 0.9, "suivante": 0.8,
        "nouvelle version": 0.9, "succe": 0.9, "historique": 0.6, "avant": 0.5, "remplac": 0.9,
        "nouvelle certification": 0.9, "intitule": 0.5, "s'appelait": 0.9, "anciens": 0.6, "anterieur": 0.8,
        "prend la suite": 0.9}, (
        "Quelle certification remplace celle-ci ?", "c'est quoi l'ancienne version du titre ?",
        "Y a-t-il une nouvelle version ?", "quelle était la certification précédente ?"),
        drafts.linked,
        sections=('historique', 'enregistrement')),
    FieldEntry("overview", "certification", {
        "c'est quoi": 0.5, "presente": 0.6, "resume": 0.8, "en quoi consiste": 0.6, "objectif": 0.6,
        "a quoi sert": 0.7, "parle moi": 0.8, "parle-moi": 0.8, "description": 0.6, "dis m'en plus": 0.7,
        "infos": 0.5, "informations": 0.5}, (
        "C'est quoi ce titre ?", "Parle-moi de cette certification.", "Présente-moi le diplôme.",
        "À quoi sert cette certification ?", "des infos sur ce titre stp"),
        sections=('presentation', 'resume')),
    FieldEntry("equivalences", "certification", {
        "equivalen": 1.0, "correspond": 0.5, "correspondances": 1.0, "passerelle": 0.9, "dispense": 0.8,
        "ancien titre": 0.5, "autre certification": 0.5, "autres certifications": 0.5, "reconnu": 0.4,
        "sont repris": 0.7, "seront repris": 0.7, "sont reportes": 0.7, "compte pour le nouveau": 0.8}, (
        "Ce bloc donne-t-il une équivalence avec un autre titre ?", "à quel bloc de l'ancien titre correspond-il ?",
        "y a-t-il des passerelles avec d'autres certifications ?",
        "j'ai un bloc de l'ancienne version, je suis dispensé ?"),
        drafts.equivalences,
        sections=('correspondances',)),
    FieldEntry("overseas", "certification", {
        "nouvelle-caledonie": 1.0, "nouvelle caledonie": 1.0, "caledonie": 1.0, "polynesie": 1.0, "outre-mer": 0.9,
        "outre mer": 0.9, "noumea": 1.0, "papeete": 1.0, "tahiti": 1.0, "dom-tom": 0.9, "dom tom": 0.9}, (
        "La certification est-elle accessible en Nouvelle-Calédonie ?", "je vis à Nouméa, je peux la passer ?",
        "c'est possible depuis la Polynésie française ?", "accessible en outre-mer ?"),
        sections=('voies_acces',)),
    FieldEntry("regulations", "certification", {
        "reglement": 1.0, "habilitation": 0.9, "interdi": 0.8, "autoris": 0.6, "legal": 0.5, "loi": 0.4,
        "caces": 0.9, "permis": 0.6, "agrement": 0.7, "rgpd": 0.9, "droit de": 0.4, "le droit": 0.5,
        # what the credential lets one do on one's own: "ouvrir mon salon", "m'installer à mon compte"
        "m'installer": 0.7, "s'installer": 0.7, "a mon compte": 0.7, "a son compte": 0.7, "ouvrir mon": 0.7,
        "ouvrir son": 0.7, "ouvrir un": 0.6, "mon propre": 0.5}, (
        "Y a-t-il une réglementation pour exercer ?", "faut-il une habilitation ?",
        "qu'est-ce que le titulaire n'a pas le droit de faire ?", "quelles règles légales encadrent le métier ?"),
        drafts.regulations,
        sections=('reglementation',)),
    FieldEntry("options", "certification", {
        "option": 1.0, "au choix": 1.0, "specialisation": 0.6, "parcours": 0.6, "choisir": 0.6, "dominante": 0.7,
        "facultati": 0.8}, (
        "Y a-t-il des options ?", "peut-on choisir entre plusieurs parcours ?", "il y a des trucs au choix ?",
        "quelles sont les spécialisations possibles ?"),
        drafts.options,
        sections=('blocs', 'unite', 'composantes')),
    # -- questions across the corpus --------------------------------------------------------------------
    FieldEntry("corpus", "corpus", {
        "quelles certifications": 1.0, "quels titres": 1.0, "quels diplomes": 1.0, "lesquelles": 0.8,
        "lesquels": 0.8, "combien de certifications": 1.0, "liste des certifications": 1.0,
        "quelles sont les certifications": 1.0, "y a-t-il des certifications": 0.9, "certifications de niveau": 1.0,
        "toutes les certifications": 0.9, "tous les titres": 0.9, "tous les diplomes": 0.9,
        "quelles fiches": 0.9, "quelle certification": 0.4,
        "parmi les": 0.5, "certifications": 0.7, "titres": 0.5, "diplomes": 0.5, "autres certifications": 0.9,
        "ta liste": 0.8, "ta base": 0.8, "tes fiches": 0.8, "que tu connais": 0.8, "tes certif": 0.8,
        # the singular asks over the corpus too, when it asks what the assistant has ("t'as une certif qui…")
        "quelles certif": 1.0, "t'as une certif": 0.9, "tu as une certif": 0.9, "t'as des certif": 0.9,
        "tu as des certif": 0.9, "ya une certif": 0.8, "ya des certif": 0.9, "y a-t-il une certif": 0.9,
        "c laquelle": 0.8, "t'en as pour": 0.7}, (
        "Quelles certifications sont de niveau 6 ?", "Quels titres sont ouverts à la VAE ?",
        "quelles certifs concernent le developpement web ?", "Lesquelles ne sont plus actives ?",
        "Quels diplômes délivre le ministère du travail ?", "liste des certifications en informatique")),
    FieldEntry("fits_me", "fits_me", {
        "pour moi": 0.6, "me correspond": 0.9, "je travaille": 0.6, "depuis": 0.2,
        "quelle certification": 0.5, "quel titre": 0.5, "quel diplome": 0.5, "viser": 1.0, "faire une vae": 0.3,
        "mon experience": 0.6, "mon poste": 0.6, "je fais": 0.4, "j'ai travaille": 0.6, "adapte": 0.5}, (
        "Je suis assistante RH depuis 5 ans, quelle certification viser en VAE ?",
        "je bosse comme développeur depuis 3 ans, quel titre pour moi ?",
        "J'ai travaillé 10 ans en clinique vétérinaire, quelle certification me correspond ?",
        "avec mon expérience de régisseur lumière, je peux viser quoi ?"),
        requires=SPEAKS_OF_ONESELF),
    # -- what the fiches never hold ---------------------------------------------------------------------
    FieldEntry("cost", "decline", {
        "cout": 1.0, "coute": 1.0, "prix": 1.0, "tarif": 1.0, "euros": 0.7, "payer": 0.7, "payant": 0.9,
        "gratuit": 0.9, "frais": 0.8, "cher": 0.7, "budget de la formation": 0.8}, (
        "Combien coûte la VAE ?", "c combien la formation ?", "Quel est le prix du titre ?",
        "la VAE est-elle gratuite ?", "il y a des frais d'inscription ?"),
        topic="du coût d'une formation ou d'une VAE"),
    FieldEntry("salary", "decline", {
        "salaire": 1.0, "paie combien": 1.0, "gagner": 0.8, "gagne": 0.8, "remuneration": 1.0, "brut": 0.7,
        "par mois": 0.5, "paye combien": 1.0, "smic": 0.8, "prime": 0.8, "pourboire": 1.0}, (
        "Quel salaire après ce titre ?", "on gagne combien par mois ?", "ça paie bien ?",
        "Quelle est la rémunération d'un titulaire ?"),
        topic="des salaires, primes et pourboires"),
    FieldEntry("funding", "decline", {
        "cpf": 1.0, "financ": 1.0, "prise en charge": 0.8, "pole emploi": 0.9, "france travail": 0.9,
        "opco": 1.0, "rembours": 0.8, "compte personnel": 0.9, "aide financiere": 0.9, "transition pro": 0.8,
        "aide a l'embauche": 1.0, "aide de l'etat": 0.9, "aides de l'etat": 0.9, "montant de l'aide": 1.0,
        "agefiph": 1.0, "allocation": 0.9, "indemnisation": 0.9}, (
        "Est-ce que je peux financer ma VAE avec mon CPF ?", "qui paie la formation ?",
        "Pôle emploi prend en charge la VAE ?", "comment financer le titre ?",
        "l'employeur touche une aide pour embaucher un apprenti ?"),
        topic="du financement et des allocations (CPF, France Travail, OPCO, chômage)"),
    FieldEntry("sessions", "decline", {
        "prochaine session": 1.0, "date de la session": 1.0, "calendrier": 1.0, "quand a lieu": 0.8,
        "date du jury": 0.9, "date d'examen": 0.9, "date des examens": 0.9, "prochain jury": 1.0,
        "date limite d'inscription": 0.9, "sessions": 0.7, "rentree": 0.8, "sessions par an": 1.0,
        "resultats du": 0.9, "date des resultats": 1.0, "resultats tombent": 1.0, "resultats sont publies": 1.0}, (
        "Quand a lieu la prochaine session de jury ?", "c quand le prochain jury ?",
        "Quel est le calendrier des examens ?", "quelle est la date limite d'inscription ?",
        "quand est la rentrée ?"),
        topic="du calendrier des sessions, des jurys et des résultats"),
    FieldEntry("process_duration", "decline", {
        "duree de la vae": 1.0, "dure la vae": 1.0, "dure une vae": 1.0, "duree de la demarche": 1.0,
        "duree de la formation": 0.9, "dure la formation": 0.9, "combien de temps ca prend": 0.8, "delai": 0.6,
        "combien de mois": 0.6, "en combien de temps": 0.7, "demarche": 0.5}, (
        "Combien de temps dure une VAE ?", "en combien de temps on obtient le titre par VAE ?",
        "c long la vae ?", "quels sont les délais pour avoir une réponse ?"),
        topic="de la durée d'une démarche de VAE ou d'une formation"),
    FieldEntry("contact", "decline", {
        "telephone": 1.0, "contacter": 0.9, "mail": 0.8, "email": 0.9, "joindre": 0.8, "s'inscrire": 0.6,
        "inscription": 0.4, "rendez-vous": 0.8, "site internet": 0.8, "numero": 0.5, "courriel": 0.9,
        "coordonnees": 0.9, "site web": 0.6, "lien vers": 0.9, "le lien": 0.7, "un lien": 0.7, "url": 0.9,
        "lien de description": 1.0, "ont un site": 0.9, "leur site": 0.8, "sur le site": 0.6,
        "page de la formation": 0.9, "page du titre": 0.9, "page de la certification": 0.9, "page de la fiche": 0.9,
        "sa page": 0.8, "vers une page": 0.9, "page web": 0.9, "nom du directeur": 1.0, "nom de la directrice": 1.0}, (
        "Quel est le numéro de téléphone de l'école ?", "comment contacter le certificateur ?",
        "je veux m'inscrire, je fais comment ?", "donne moi le mail du centre",
        "Quel est le lien vers la page de la formation ?", "ils ont un site internet où voir le titre ?",
        "où trouver la description de la certification en ligne ?"),
        topic="des contacts (noms des personnes, téléphones, adresses) et des inscriptions"),
    FieldEntry("exam_practicalities", "decline", {
        "a quelle heure": 1.0, "quelle heure": 0.9, "horaires de l'examen": 1.0, "convocation": 0.9,
        "calculatrice": 1.0, "ordinateur": 0.8, "apporter mon": 0.9, "apporter son": 0.9, "materiel autorise": 1.0,
        "visio": 1.0, "en distanciel": 0.8, "centre d'examen": 0.9, "dans quel lycee": 0.9, "rectorat": 0.8,
        "coefficient": 1.0, "note minimale": 1.0, "note eliminatoire": 1.0, "sur 20": 0.9, "rattrapage": 0.9,
        "combien de places": 1.0, "nombre de places": 1.0, "taux de reussite": 0.8, "logiciel impose": 1.0,
        "examen blanc": 1.0, "examens blancs": 1.0, "bac blanc": 1.0, "annales": 1.0, "sujets d'examen": 0.9,
        "sujets des annees": 0.9, "corriges": 0.8, "une marque": 0.9, "quelle marque": 1.0, "les marques": 0.9}, (
        "À quelle heure commence l'examen ?", "on a droit à la calculatrice à l'épreuve ?",
        "je dois apporter mon ordinateur le jour de l'examen ?", "le jury peut se faire en visio ?",
        "l'épreuve se passe dans quel centre d'examen ?", "quels sont les coefficients des épreuves ?",
        "il faut quelle note minimale pour valider ?", "combien de places par an dans la formation ?"),
        topic="de l'organisation pratique des examens (horaires, lieux, matériel et marques, notes et coefficients, "
              "places, examens blancs et annales)"),
    FieldEntry("accommodations", "decline", {
        "tiers temps": 1.0, "tiers-temps": 1.0, "temps majore": 1.0, "amenagement d'epreuve": 1.0,
        "amenagements d'epreuve": 1.0, "amenagement des epreuves": 1.0, "amenagement de l'examen": 1.0,
        "amenagements d'examen": 1.0, "dys": 0.8, "dyslexi": 0.9, "dyspraxi": 0.9, "rqth": 1.0, "mdph": 1.0,
        "candidat handicape": 0.9, "candidats handicapes": 0.9}, (
        "je suis dyslexique, j'ai droit à un tiers-temps à l'examen ?",
        "comment demander un aménagement d'épreuve pour mon handicap ?",
        "avec une RQTH, les épreuves peuvent-elles être adaptées ?"),
        topic="des aménagements d'épreuves pour les candidats en situation de handicap (tiers-temps)"),
    FieldEntry("abroad", "decline", {
        "a l'etranger": 0.9, "hors de france": 0.9, "belgique": 1.0, "suisse": 1.0, "luxembourg": 1.0,
        "canada": 1.0, "quebec": 1.0, "reconnu en": 0.8, "reconnu a l": 0.8, "autre pays": 0.9, "autres pays": 0.9,
        "diplome etranger": 1.0, "bac etranger": 1.0, "faut une equivalence": 0.9, "equivalence de diplome": 0.9,
        "visa": 1.0, "titre de sejour": 1.0}, (
        "Le titre est-il reconnu en Belgique ?", "je peux travailler à l'étranger avec ce diplôme, il est reconnu ?",
        "j'ai un diplôme étranger, il compte pour l'inscription ?", "ce titre est valable en Suisse ?"),
        topic="de la reconnaissance des diplômes à l'étranger, des diplômes étrangers et des visas"),
    FieldEntry("appeal", "decline", {
        "recours": 1.0, "contester": 1.0, "contestation": 1.0, "faire appel": 0.9, "reclamation": 0.9}, (
        "si le jury refuse, je peux faire un recours ?", "comment contester la décision du jury ?",
        "je peux faire appel d'une décision de jury ?"),
        topic="des recours contre une décision de jury"),
    FieldEntry("vae_file", "decline", {
        "combien de pages": 1.0, "nombre de pages": 1.0, "pages max": 1.0, "accompagnateur": 0.9,
        "accompagnement vae": 0.9, "accompagnement pour la vae": 0.9, "m'aide a ecrire": 0.9,
        "aider a rediger": 0.9, "justificatif": 0.8, "certificat de travail": 1.0, "attestation employeur": 1.0,
        "recevabilite": 0.9, "livret 1": 0.9, "vae collective": 1.0, "bilan de competences": 1.0,
        "enregistrer mon entretien": 1.0, "garder mon dossier": 0.9}, (
        "mon dossier de VAE doit faire combien de pages ?", "qui peut m'accompagner pour rédiger mon livret 2 ?",
        "quels justificatifs fournir pour prouver mon expérience ?", "comment se passe la recevabilité du livret 1 ?",
        "faut-il faire un bilan de compétences avant la VAE ?"),
        topic="de la constitution du dossier de VAE (recevabilité, justificatifs, accompagnement, longueur)"),
    FieldEntry("outside_rules", "decline", {
        "code naf": 1.0, "code ape": 1.0, "convention collective": 1.0, "dtu": 1.0,
        "statut cadre": 1.0, "le statut de cadre": 1.0, "heures par semaine": 0.9, "horaires de travail": 0.9,
        "a partir de combien de salaries": 1.0}, (
        "c quoi le code NAF d'une clinique ?",
        "quelle convention collective s'applique à ce métier ?", "avec ce titre on a le statut cadre ?",
        "on travaille combien d'heures par semaine dans ce métier ?"),
        topic="des règles et références extérieures aux fiches (conventions collectives, codes NAF, normes, "
              "statut, horaires de travail)"),
    FieldEntry("school_life", "decline", {
        "portes ouvertes": 1.0, "cesure": 1.0, "rythme de l'alternance": 1.0, "jours en entreprise": 1.0,
        "trouver une entreprise": 0.9, "trouver une alternance": 0.9, "trouver un stage": 0.9, "internat ": 0.9,
        "logement ": 0.9, "cantine": 1.0, "parcoursup": 1.0}, (
        "c quand les portes ouvertes de l'école ?", "on peut faire une année de césure ?",
        "l'alternance c'est combien de jours en entreprise par semaine ?", "l'école m'aide à trouver une entreprise ?",
        "il y a un internat ou un logement pour les élèves ?"),
        topic="de la vie des écoles (admission par Parcoursup, portes ouvertes, rythme de l'alternance, "
              "recherche d'entreprise, césure, logement)"),
    FieldEntry("opinion", "decline", {
        "meilleur": 0.9, "avis": 0.8, "conseilles": 0.7, "recommand": 0.7, "vaut le coup": 0.9, "mieux": 0.6,
        "classement": 0.8, "palmares": 1.0, "bien classe": 0.9, "dans le top": 0.9, "reputation": 0.9,
        "tu penses": 0.7, "astuce": 1.0, "tips": 1.0, "comment reussir": 0.8,
        "me planter": 0.9, "conseils pour reussir": 1.0, "conseils pour bien": 0.9, "aurais des conseils": 1.0}, (
        "Quelle est la meilleure école ?", "tu me conseilles quel titre ?", "ça vaut le coup de faire ce diplôme ?",
        "quelle école a la meilleure réputation ?"),
        topic="des avis, conseils personnels, classements et comparaisons d'écoles"),
    FieldEntry("off_topic", "decline", {
        "meteo": 1.0, "temps fera": 1.0, "recette": 1.0, "blague": 1.0, "match": 0.7, "film": 0.7,
        "president de la republique": 0.9, "capitale": 0.8, "poeme": 0.9, "horoscope": 1.0}, (
        "Quel temps fera-t-il demain ?", "Donne-moi une recette de crêpes.", "raconte moi une blague",
        "Qui a gagné le match hier ?", "écris un poème sur la mer"),
        topic="de ce sujet"),
)

BY_NAME = {entry.name: entry for entry in ENTRIES}


# what stays acquired after a partial validation, and for how long: one rubric of the fiche, two entries
ACQUIRED = ("partial", "validity")


def stated_together(asked: list[FieldEntry]) -> list[FieldEntry]:
    """The entries stated in the fiche's text among those asked, in whose words a sentence is looked for. A
    sentence on what stays acquired speaks in the words of both its entries ("les CCP sont capitalisables
    sans limite de temps": "capitalisables" asks the partial validation, "temps" how long)."""
    names = [e.name for e in asked if e.stated_in_text]
    if set(names) & set(ACQUIRED):
        names += [name for name in ACQUIRED if name not in names]
    return [BY_NAME[name] for name in names]
