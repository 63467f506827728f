"""From coverage to a suggestion a candidate can act on: validation totale within reach, or which units
to aim for in a validation partielle. Always a suggestion: only the jury decides."""

from __future__ import annotations

from assistant.certification import Certification, UnitKind
from assistant.mapping.evidence import Calibration
from assistant.mapping.models import CoverageLevel, UnitCoverage

JURY_DECIDES = ("Ceci est une aide à la préparation du dossier, pas une décision : seul le jury apprécie "
                "vos acquis.")


def coverage_level(evidenced: int, requirements: int, strongest: float, calibration: Calibration,
                   competences: int | None = None) -> CoverageLevel:
    """Absolute: from how many of the unit's requirements are evidenced and how strongly, never relative to
    the other units of the fiche. "Bien couvert" counts the `competences` evidenced, not the unit's title,
    each by a sentence of its own: a title sums a trade up in a few words ("Conseiller la clientèle du
    vétérinaire") that any adviser of clients comes close to, and one line of experience ("accueil des
    clients en agence") is not a unit well covered, however many of its competences it grazes."""
    if not evidenced:
        return "non couvert"
    counted = evidenced if competences is None else competences
    share = counted / requirements if requirements else 0.0
    if (counted >= calibration.well_count and share >= calibration.well_share
            and strongest >= calibration.well_score):
        return "bien couvert"
    return "partiellement couvert"


def _names(coverage: list[UnitCoverage]) -> str:
    return " ; ".join(f"{c.unit} « {c.label} »" for c in coverage)


def suggest(certification: Certification, coverage: list[UnitCoverage]) -> str:
    units = "blocs" if any(u.kind == UnitKind.BLOC for u in certification.units) else "unités"
    well = [c for c in coverage if c.level == "bien couvert"]
    partly = [c for c in coverage if c.level == "partiellement couvert"]
    missing = [c for c in coverage if c.level == "non couvert"]
    if not well and not partly:
        return (f"Aucune des expériences décrites ne correspond clairement aux {units} de {certification.code}. "
                "Décrivez ce que vous avez fait concrètement (missions, outils, résultats), ou vérifiez que "
                f"cette certification est bien celle qui correspond à votre parcours. {JURY_DECIDES}")
    parts = []
    if not missing and not partly:
        parts.append(f"Vos expériences couvrent bien les {len(coverage)} {units} : une validation totale semble "
                     "à votre portée.")
    elif not missing:
        parts.append(f"Tous les {units} sont au moins en partie couverts : une validation totale est envisageable "
                     f"si vous étoffez : {_names(partly)}.")
    else:
        if well:
            parts.append(f"{units.capitalize()} les mieux couverts, à viser en priorité (validation partielle "
                         f"possible) : {_names(well)}.")
        if partly:
            parts.append(f"À étoffer avec d'autres expériences ou plus de détails : {_names(partly)}.")
        parts.append(f"Non couverts par les expériences décrites : {_names(missing)}.")
        if certification.partial_validation:
            parts.append(f"Ce que dit la fiche de la validation partielle : « {certification.partial_validation} »")
    parts.append(JURY_DECIDES)
    return " ".join(parts)
