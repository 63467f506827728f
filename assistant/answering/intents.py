"""What a question asks for, when it asks for a field the model holds.

Matching is on folded text (no accents, no case) with word stems, so "Comment est evalue le bloc 2",
"les modalités d'évaluation du BC02" and "comment on valide la médiation" land on the same intent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.certification import Route
from assistant.text_normalise import fold


@dataclass(frozen=True)
class Intent:
    kind: str
    route: Route | None = None
    aspect: str = ""  # for a bloc: "evaluation", "competences" or "" (everything)


ROUTE_WORDS: list[tuple[Route, str]] = [
    (Route.APPRENTISSAGE, r"apprenti"),
    (Route.CONTRAT_PROFESSIONNALISATION, r"professionnalisation|contrat pro\b"),
    (Route.FORMATION_CONTINUE, r"formation continue"),
    (Route.FORMATION_INITIALE, r"formation initiale|etudiant|eleve|scolaire"),
    (Route.CANDIDATURE_INDIVIDUELLE, r"candidature individuelle|candidat libre"),
    (Route.VAE, r"\bvae\b|validation des acquis|experience"),
]

# Order matters: the first kind whose pattern matches wins.
KIND_PATTERNS: list[tuple[str, str]] = [
    ("bloc_count", r"combien (?:de |d.)?(?:blocs?|unites|activites)|nombre de (?:blocs?|activites)"),
    ("jury", r"\bjury|\bjures?\b|qui (?:evalue|juge|siege)"),
    ("route_open", r"(?:accessible|ouvert|possible|obtenir|preparer|acces)\b.*\b(?:apprenti|professionnalisation"
                   r"|formation continue|formation initiale|candidature individuelle|candidat libre)"),
    ("validity", r"validite|combien de temps.*(?:acquis|valable|valide|garde|rest)|restent? acquis"
                 r"|garde(?:r|nt)? (?:mes|les|ses) (?:blocs|acquis)"
                 r"|perime|expire(?:nt)? les (?:blocs|acquis)"),
    ("partial", r"partiel"),
    ("status", r"\bactif|\bactive|encore (?:valable|possible|ouvert|obtenir|accessible|delivre)|plus possible"
               r"|toujours (?:valable|actif|ouvert|possible)|peut[- ]on encore|encore obtenir"),
    ("registration", r"enregistr|jusqu.(?:a|au) quand|date de fin|date d.effet|date limite"),
    ("statistics", r"combien de (?:personnes|certifies|titulaires|diplomes|candidats)|statisti|taux d.insertion"
                   r"|combien .* (?:obtenu|obtiennent|certifies|diplomes)"),
    ("prerequisites", r"prerequis|condition.* (?:acces|entree|candidat|admission)|pour (?:entrer|candidater)"
                      r"|admission"),
    ("certifier", r"certificateur|qui (?:delivre|certifie|porte)|organisme certificateur|delivre (?:par|le titre)"),
    ("level", r"\bniveau"),
    ("rome", r"\brome\b"),
    ("nsf", r"\bnsf\b"),
    ("places", r"\blieux?\b|\bou (?:se|peut|peuvent|passer|preparer|trouve)|adresse"),
    ("next", r"remplace (?:le|la|l.)|remplacee? par|certification suivante|nouvelle (?:version|certification)"),
    ("previous", r"precedente|ancienne certification|remplace-t-elle|a remplace"),
    ("jobs", r"\bmetiers?|\bemplois?|\bpostes?\b|debouche|travailler comme"),
    ("sectors", r"\bsecteurs?"),
    ("capacities", r"capacites"),
    ("activities", r"\bactivites"),
    ("bloc_list", r"(?:quels|liste|lister|les|enumere)\s+(?:sont les )?blocs|blocs? de competences? (?:du|de la|de l)"),
    ("vae_rules", r"\bvae\b|validation des acquis|livret"),
    ("evaluation", r"evalu|modalites? d|epreuve|examen"),
]
BLOC_ASPECTS = [("competences", r"competence|contenu|porte sur|consiste|couvre|savoir|comprend"),
                ("evaluation", r"evalu|modalite|epreuve|examen|valide|soutenance|cas pratique")]
BLOC_WORDS = re.compile(r"\bblocs? de competences?")


def route_in(text: str) -> Route | None:
    folded = fold(text)
    for route, pattern in ROUTE_WORDS:
        if re.search(pattern, folded):
            return route
    return None


def bloc_aspect(text: str) -> str:
    """Competences or evaluation, from the words around the bloc ("bloc de compétences" itself says nothing)."""
    folded = BLOC_WORDS.sub(" ", fold(text))
    return next((aspect for aspect, pattern in BLOC_ASPECTS if re.search(pattern, folded)), "")


NOT_IN_FICHES = re.compile(
    r"prochaine session|dates? (?:de |des )?(?:la |les )?(?:prochaines? )?sessions?|calendrier|"
    r"quand (?:a lieu|aura lieu|se tient|se tiendra|se reunit|passe) (?:le |la )?(?:jury|session|examen)"
)


def asks_what_fiches_never_hold(question: str) -> bool:
    """Session dates and calendars: a fiche describes the certification, never when its juries sit."""
    return bool(NOT_IN_FICHES.search(fold(question)))


def detect_intent(question: str, names_a_bloc: bool) -> Intent | None:
    """The field the question asks for, or None when only the passages can answer it."""
    folded = fold(question)
    if names_a_bloc and not re.search(r"combien", folded):
        return Intent("bloc", aspect=bloc_aspect(question))
    for kind, pattern in KIND_PATTERNS:
        if re.search(pattern, folded):
            route = route_in(question) if kind in ("jury", "route_open") else None
            return Intent(kind, route=route)
    if re.search(r"\bblocs?\b", folded):
        return Intent("bloc_list")
    return None
