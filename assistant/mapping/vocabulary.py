"""Families of words a candidate and a fiche use for the same work ("visites guidées" and "médiation").

Candidates describe what they did in their trade's words; fiches name competencies in the certifier's.
Each family below gathers words of one field of work; two texts that both hit a family share a concept,
which the mapper counts as weaker evidence than a shared word. The families are generic, written from
the vocabulary of job descriptions, and say nothing of any particular fiche.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.index.french_analyser import analyse

FAMILIES: dict[str, list[str]] = {
    "mediation": ["médiation", "visite guidée", "atelier", "scolaires", "pédagogique", "sensibilisation",
                  "public", "publics", "animation culturelle", "action culturelle"],
    "communication": ["communication", "communiqué", "presse", "réseaux sociaux", "affiche", "flyer",
                      "newsletter", "lettre d'information", "promotion", "publicité", "campagne", "plan média"],
    "budget": ["budget", "budgétaire", "dépenses", "trésorerie", "financement", "subvention", "coût",
               "comptabilité", "financier", "rentabilité"],
    "legal": ["juridique", "contrat", "droit", "droits d'auteur", "réglementation", "réglementaire",
              "licence", "conformité"],
    "hiring": ["recrutement", "recruter", "embauche", "entretien", "candidature", "offre d'emploi",
               "présélection", "intégration", "accueil des nouveaux", "onboarding"],
    "payroll": ["paie", "salaire", "bulletin", "DSN", "cotisations", "déclarations sociales"],
    "staff_admin": ["administration du personnel", "dossier du personnel", "contrat de travail", "absences",
                    "congés", "visite médicale", "registre du personnel"],
    "training": ["formation", "plan de formation", "développement des compétences", "tutorat",
                 "apprentissage", "entretien professionnel"],
    "management": ["management", "manager", "encadrer", "encadrement", "équipe", "diriger", "chef d'équipe",
                   "animer", "répartir les tâches", "consignes", "réunion"],
    "client": ["client", "clientèle", "besoins", "cahier des charges", "spécifications", "interlocuteur",
               "relation client", "conseil", "conseiller", "propriétaires"],
    "project": ["projet", "planning", "planifier", "pilotage", "suivi", "sprint", "avancement", "jalons",
                "coordination", "coordonner"],
    "network": ["réseau", "routeur", "switch", "commutateur", "câblage", "câbler", "baie", "infrastructure",
                "adressage"],
    "security": ["sécurité", "sécuriser", "cybersécurité", "pare-feu", "phishing", "vulnérabilité", "incident",
                 "attaque", "chiffrement"],
    "deployment": ["déploiement", "déployer", "mise en production", "intégration continue", "DevOps", "Docker",
                   "conteneur", "serveur", "automatiser"],
    "front_end": ["interface", "front-end", "HTML", "CSS", "JavaScript", "maquette", "responsive", "ergonomie",
                  "utilisateur"],
    "back_end": ["back-end", "API", "base de données", "PHP", "SQL", "côté serveur", "données"],
    "testing": ["tests", "tester", "recette", "qualité", "plan de tests"],
    "hygiene": ["hygiène", "nettoyage", "nettoyer", "désinfection", "désinfecter", "stérilisation",
                "stériliser", "autoclave", "déchets"],
    "care": ["soins", "chirurgie", "chirurgical", "opération", "anesthésie", "contention", "instruments",
             "bloc opératoire", "salle d'opération"],
    "stock": ["stock", "stocks", "inventaire", "commandes", "fournisseurs", "approvisionnement", "pharmacie"],
    "diffusion": ["diffusion", "tournée", "représentations", "programmateurs", "programmation", "vente",
                  "commercialisation", "dates"],
    "international": ["international", "internationaux", "européens", "Europe", "étranger", "coproduction",
                      "Allemagne", "Belgique", "Italie"],
    "audiovisual": ["audiovisuel", "audio-visuels", "vidéo", "captation", "film", "tournage", "télévision",
                    "DVD"],
    "worksite": ["chantier", "travaux", "ouvrage", "ouvrages", "réserves", "réception", "compagnons"],
    "estimate": ["devis", "chiffrage", "métré", "métrés", "quantitatif", "appel d'offres", "estimatif"],
    "lighting": ["lumière", "éclairage", "projecteurs", "console", "jeu d'orgue", "plan de feu", "effets"],
    "study": ["étude", "enquête", "questionnaire", "analyse", "statistique", "recherche", "démarche scientifique"],
    "writing": ["rédiger", "synthèse", "rapport", "note", "écrit"],
    "speaking": ["présenter", "oral", "exposé", "présentation", "anglais", "langue étrangère"],
    "strategy": ["stratégie", "stratégique", "vision", "concurrence", "marché", "création de valeur"],
}


@lru_cache(maxsize=1)
def _families() -> list[tuple[str, list[frozenset[str]]]]:
    return [(name, [frozenset(analyse(member)) for member in members if analyse(member)])
            for name, members in FAMILIES.items()]


def concepts(terms: set[str]) -> set[str]:
    """The families a text's analysed terms hit, as pseudo-terms '~family'."""
    return {f"~{name}" for name, members in _families() if any(member <= terms for member in members)}
