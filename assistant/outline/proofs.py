"""Proofs for a bloc, from what its modalités d'évaluation ask, leaving out what concerns only training routes.

A fiche's evaluation text lists the tasks the jury assesses ("Rédaction et suivi d'un contrat de travail",
"Etudes de cas", "Pour les primo-apprenants : s'ajoute une évaluation professionnelle"). The items that
name a training route (apprenants, parcours de formation, contrôle continu, stage) are not for a VAE
candidate; each remaining item becomes a proof to gather that shows that very work.
"""

from __future__ import annotations

import re

_LOWER = "a-zàâçéèêëîïôûùüÿœ"
# A bullet, a sentence end, or a capitalised word right after a lowercase one (flattened bullets).
_ITEM_SPLIT = re.compile(rf"\s*(?:\n|;|•|\s-\s|(?<=[.!?])\s+)\s*|(?<=[{_LOWER}0-9)’'])\s+(?=[A-ZÉÈÀÂÎ][{_LOWER}])")
TRAINING_ONLY = re.compile(
    r"apprenant|parcours\s+(?:de\s+)?format|en\s+formation|formation\s+initiale|contr[ôo]le\s+continu|"
    r"en\s+cours\s+de\s+formation|stagiaire|\bstage\b|alternan|apprenti|étudiant|etudiant|élève|"
    r"centre\s+de\s+formation|partiel\s+sur\s+table|examen\s+final",
    re.IGNORECASE,
)
_GENERIC = re.compile(r"^(?:modalités?\s+d'évaluation|évaluation)\s*:?$", re.IGNORECASE)
# How the exam runs (durations, who sits where), not a piece of work a proof can show.
_PROCEDURE = re.compile(r"\d+\s*h\s*\d*|^(?:il|elle|le jury|lors|durée|un questionnement|l'ensemble|en amont|"
                        r"le candidat présente|deux questions)\b|soutenance|présentation orale|entretien avec le jury|"
                        r"questionnaire", re.IGNORECASE)
MAX_PROOFS = 5


def evaluation_items(text: str) -> list[str]:
    """The items of a bloc's evaluation text, bullets flattened into runs of words split back apart."""
    items = []
    for raw in _ITEM_SPLIT.split(text or ""):
        item = raw.strip(" :-–,.")
        if len(item.split()) >= 2 and not _GENERIC.match(item) and item not in items:
            items.append(item)
    return items


def vae_items(text: str) -> list[str]:
    """The evaluation items that concern a VAE candidate: those naming only a training route left out."""
    return [item for item in evaluation_items(text) if not TRAINING_ONLY.search(item)]


def proofs_for(evaluation: str) -> list[str]:
    """A proof to gather for each piece of work the jury evaluates in this bloc (not how the exam runs)."""
    works = [item for item in vae_items(evaluation) if not _PROCEDURE.search(item) and len(item.split()) <= 30]
    return [f"Pour « {item} » : un document réel de votre activité qui le montre (production, compte rendu, "
            "capture, attestation de l'employeur), anonymisé si besoin." for item in works[:MAX_PROOFS]]
