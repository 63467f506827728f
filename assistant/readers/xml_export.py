"""Reader for the France Compétences RNCP export (flux v4.1), streamed fiche by fiche.

The national file is hundreds of MB: `iterparse` hands over one <FICHE> at a time and each is cleared
once read (and unlinked from the root), so memory stays flat however large the file. A fiche that
cannot be understood is reported and skipped; a file that breaks half-way keeps the fiches before the
break and reports where it broke.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from lxml import etree

from assistant.certification import (
    AccessRoute,
    Bloc,
    Certification,
    Certifier,
    CodedLabel,
    Correspondence,
    LegalText,
    Partner,
    Registration,
    Route,
    Source,
    Statistic,
)
from assistant.readers.fiche_tidy import tidy_fiche
from assistant.readers.french_dates import parse_numeric_date
from assistant.readers.problems import FicheError
from assistant.readers.text_cleanup import split_flattened_list, squash_spaces

ROUTE_ELEMENTS: dict[Route, str] = {
    Route.FORMATION_INITIALE: "SI_JURY_FI",
    Route.APPRENTISSAGE: "SI_JURY_CA",
    Route.FORMATION_CONTINUE: "SI_JURY_FC",
    Route.CONTRAT_PROFESSIONNALISATION: "SI_JURY_CQ",
    Route.CANDIDATURE_INDIVIDUELLE: "SI_JURY_CL",
    Route.VAE: "SI_JURY_VAE",
}
LEGAL_ELEMENTS = {
    "PUBLICATION_DECRET_GENERAL": "general",
    "PUBLICATION_DECRET_CREATION": "creation",
    "PUBLICATION_DECRET_AUTRE": "autre",
}
OnProblem = Callable[[FicheError], None]


def looks_like_rncp_export(head: bytes) -> bool:
    return b"<FICHES" in head[:4096]


def read_xml_export(path: Path, on_problem: OnProblem, file_label: str | None = None) -> Iterator[Certification]:
    """Yield each readable fiche of an export; report the others (and a broken file) to `on_problem`."""
    label = file_label or str(path)
    context = etree.iterparse(
        str(path), events=("end",), tag="FICHE", resolve_entities=False, no_network=True, huge_tree=True
    )
    position = 0
    try:
        for _, element in context:
            position += 1
            try:
                yield tidy_fiche(_certification(element, label, position))
            except (FicheError, ValueError) as error:
                if not isinstance(error, FicheError):
                    error = FicheError(label, f"fiche n°{position} : {error}")
                on_problem(error)
            finally:
                element.clear(keep_tail=False)
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as error:
        line = f" ligne {error.lineno}" if getattr(error, "lineno", None) else ""
        on_problem(
            FicheError(label, f"XML mal formé ou tronqué{line} après {position} fiche(s) lue(s) : {error.msg}")
        )


def _is_active(element, tag: str) -> bool | None:
    """An "Actif"/"Inactif" state; None when the export does not say."""
    state = _text(element, tag)
    return state.lower() == "actif" if state else None


def _text(element: etree._Element, tag: str) -> str:
    found = element.find(tag)
    return squash_spaces(found.text or "") if found is not None and found.text else ""


def _raw(element: etree._Element, tag: str) -> str:
    """Text with its runs of spaces kept: they are the flattened bullets."""
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _yes(value: str) -> bool | None:
    lowered = value.strip().lower()
    return True if lowered == "oui" else False if lowered == "non" else None


def _coded(element: etree._Element, path: str) -> list[CodedLabel]:
    return [
        CodedLabel(code=_text(item, "CODE"), label=_text(item, "LIBELLE"))
        for item in element.iterfind(path)
        if _text(item, "CODE")
    ]


def _int(value: str) -> int | None:
    match = re.match(r"^\s*(\d+)", value or "")
    return int(match.group(1)) if match else None


def _certification(fiche: etree._Element, file: str, position: int) -> Certification:
    code = _text(fiche, "NUMERO_FICHE").upper().replace(" ", "")
    line = fiche.sourceline or 0
    if not code:
        raise FicheError(file, f"fiche n°{position} (ligne {line}) sans NUMERO_FICHE")
    if not re.match(r"^RNCP\d+$", code):
        raise FicheError(file, f"fiche n°{position} (ligne {line}) : code {code!r} hors RNCP (répertoire spécifique ?)")
    title = _text(fiche, "INTITULE")
    if not title:
        raise FicheError(file, f"{code} (ligne {line}) : fiche sans INTITULE")

    def source(path: str) -> Source:
        return Source(file=file, format="rncp-xml", location=f"FICHE {code} (ligne {line}) / {path}")

    level = _text(fiche, "NOMENCLATURE_EUROPE/NIVEAU")
    blocs = []
    for index, bloc in enumerate(fiche.iterfind("BLOCS_COMPETENCES/BLOC_COMPETENCES"), start=1):
        bloc_code = _text(bloc, "CODE")
        number = _int(bloc_code[-2:]) if re.search(r"BC\d+$", bloc_code) else index
        blocs.append(
            Bloc(
                code=bloc_code or f"{code}BC{index:02d}",
                number=number or index,
                title=_text(bloc, "LIBELLE"),
                competences=split_flattened_list(_raw(bloc, "LISTE_COMPETENCES")),
                evaluation=squash_spaces(_raw(bloc, "MODALITES_EVALUATION")),
                source=source(f"BLOCS_COMPETENCES/BLOC_COMPETENCES[{index}] (ligne {bloc.sourceline})"),
            )
        )
    routes = []
    for route, tag in ROUTE_ELEMENTS.items():
        element = fiche.find(tag)
        if element is None:
            continue
        routes.append(
            AccessRoute(
                route=route,
                open=_yes(_text(element, "ACTIF")),
                jury="\n".join(split_flattened_list(_raw(element, "COMPOSITION"))),
                source=source(tag),
            )
        )
    legal = [
        LegalText(
            kind=kind,  # type: ignore[arg-type]
            text=_text(publication, "TITRE"),
            published=parse_numeric_date(_text(publication, "DATE_PUBLICATION_JO")),
        )
        for tag, kind in LEGAL_ELEMENTS.items()
        for publication in fiche.iterfind(f"{tag}/PUBLICATION_JO")
        if _text(publication, "TITRE")
    ]
    statistics = [
        Statistic(
            year=_int(_text(item, "ANNEE")),
            certified=_int(_text(item, "NOMBRE_CERTIFIES")),
            certified_by_vae=_int(_text(item, "NOMBRE_CERTIFIES_VAE")),
            employment_rate_6_months=_int(_text(item, "TAUX_INSERTION_GLOBAL_6MOIS")),
            job_rate_2_years=_int(_text(item, "TAUX_INSERTION_METIER_2ANS")),
        )
        for item in fiche.iterfind("STATISTIQUES_PROMOTIONS/STATISTIQUES_PROMOTION")
    ]
    active = _yes(_text(fiche, "ACTIF"))
    links = [url for url in re.split(r"\s+", _raw(fiche, "LIEN_URL_DESCRIPTION")) if url.startswith("http")]
    return Certification(
        code=code,
        title=title,
        abbreviation=_text(fiche, "ABREGE/LIBELLE") or None,
        fiche_state=_text(fiche, "ETAT_FICHE") or None,
        active=active,
        accessible=active,
        level_european=_int(level.removeprefix("NIV")) if level else None,
        certifiers=[
            Certifier(
                name=_text(c, "NOM_CERTIFICATEUR"),
                siret=_text(c, "SIRET_CERTIFICATEUR") or None,
                active=_is_active(c, "ETAT_CERTIFICATEUR"),
            )
            for c in fiche.iterfind("CERTIFICATEURS/CERTIFICATEUR")
            if _text(c, "NOM_CERTIFICATEUR")
        ],
        partners=[
            Partner(name=_text(x, "NOM_PARTENAIRE"), siret=_text(x, "SIRET_PARTENAIRE") or None,
                    authorisation=_text(x, "HABILITATION_PARTENAIRE"),
                    active=_is_active(x, "ETAT_HABILITATION"),
                    active_since=parse_numeric_date(_text(x, "DATE_ACTIF")),
                    state_changed=parse_numeric_date(_text(x, "DATE_DERNIERE_MODIFICATION_ETAT")))
            for x in fiche.iterfind("PARTENAIRES/PARTENAIRE")
            if _text(x, "NOM_PARTENAIRE")
        ],
        nsf=_coded(fiche, "CODES_NSF/NSF"),
        rome=_coded(fiche, "CODES_ROME/ROME"),
        formacodes=_coded(fiche, "FORMACODES/FORMACODE"),
        summary=squash_spaces(_raw(fiche, "OBJECTIFS_CONTEXTE")),
        activities=split_flattened_list(_raw(fiche, "ACTIVITES_VISEES")),
        capacities=split_flattened_list(_raw(fiche, "CAPACITES_ATTESTEES")),
        sectors=squash_spaces(_raw(fiche, "SECTEURS_ACTIVITE")),
        jobs=split_flattened_list(_raw(fiche, "TYPE_EMPLOI_ACCESSIBLES")),
        blocs=blocs,
        access_routes=routes,
        prerequisites=squash_spaces(_raw(fiche, "PREREQUIS_ENTREE_FORMATION")),
        regulations=squash_spaces(_raw(fiche, "REGLEMENTATIONS_ACTIVITES")),
        legal_texts=legal,
        registration=Registration(
            type=_text(fiche, "TYPE_ENREGISTREMENT"),
            decision=parse_numeric_date(_text(fiche, "DATE_DECISION")),
            effective=parse_numeric_date(_text(fiche, "DATE_EFFET")),
            publication=parse_numeric_date(_text(fiche, "DATE_DE_PUBLICATION")),
            end=parse_numeric_date(_text(fiche, "DATE_FIN_ENREGISTREMENT")),
            issuing_deadline=parse_numeric_date(_text(fiche, "DATE_LIMITE_DELIVRANCE")),
            duration_years=_int(_text(fiche, "DUREE_ENREGISTREMENT")),
            last_journal_officiel=parse_numeric_date(_text(fiche, "DATE_DERNIER_JO")),
        ),
        statistics=statistics,
        previous=[
            _text(e, ".")
            for e in fiche.iterfind("ANCIENNES_CERTIFICATIONS/ANCIENNE_CERTIFICATION/ID_FICHE_ANCIENNE_CERTIFICATION")
        ],
        next=[
            _text(e, ".")
            for e in fiche.iterfind("NOUVELLES_CERTIFICATIONS/NOUVELLE_CERTIFICATION/ID_FICHE_NOUVELLE_CERTIFICATION")
        ],
        correspondences=[
            Correspondence(
                blocs=[_text(e, ".") for e in item.iterfind("SOURCE/BLOC_COMPETENCES/CODE")],
                certification=_text(item, "DESTINATION/NUMERO_FICHE"),
                other_blocs=[_text(e, ".") for e in item.iterfind("DESTINATION/BLOC_COMPETENCES/CODE")],
            )
            for item in fiche.iterfind("CORRESPONDANCES/CORRESPONDANCE")
            if _text(item, "DESTINATION/NUMERO_FICHE")
        ],
        accessible_new_caledonia=_yes(_text(fiche, "ACCESSIBLE_NOUVELLE_CALEDONIE")),
        accessible_french_polynesia=_yes(_text(fiche, "ACCESSIBLE_POLYNESIE_FRANCAISE")),
        links=links,
        sources={
            name: source(path)
            for name, path in {
                "code": "NUMERO_FICHE", "title": "INTITULE", "active": "ACTIF", "accessible": "ACTIF",
                "fiche_state": "ETAT_FICHE", "level_european": "NOMENCLATURE_EUROPE",
                "certifiers": "CERTIFICATEURS", "nsf": "CODES_NSF", "rome": "CODES_ROME",
                "formacodes": "FORMACODES", "summary": "OBJECTIFS_CONTEXTE", "activities": "ACTIVITES_VISEES",
                "capacities": "CAPACITES_ATTESTEES", "sectors": "SECTEURS_ACTIVITE",
                "jobs": "TYPE_EMPLOI_ACCESSIBLES", "blocs": "BLOCS_COMPETENCES", "units": "BLOCS_COMPETENCES",
                "access_routes": "SI_JURY_*",
                "prerequisites": "PREREQUIS_ENTREE_FORMATION", "regulations": "REGLEMENTATIONS_ACTIVITES",
                "legal_texts": "PUBLICATION_DECRET_*", "registration": "DATE_* / TYPE_ENREGISTREMENT",
                "statistics": "STATISTIQUES_PROMOTIONS", "previous": "ANCIENNES_CERTIFICATIONS",
                "next": "NOUVELLES_CERTIFICATIONS", "correspondences": "CORRESPONDANCES",
                "accessible_new_caledonia": "ACCESSIBLE_NOUVELLE_CALEDONIE",
                "accessible_french_polynesia": "ACCESSIBLE_POLYNESIE_FRANCAISE",
            }.items()
        },
    )
