"""Cut a certification into chunks the index can search: one per section, one per bloc or unit.

Each chunk's text starts with its certification and heading ("RNCP31168 — Responsable de production… —
Bloc RNCP31168BC02 : Gérer le budget…") so a passage read alone still says what it is about; long
sections are split on line or sentence boundaries with that heading repeated.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from pydantic import BaseModel

from assistant.certification import Certification, Route
from assistant.readers.text_cleanup import split_sentences
from assistant.render.fiche_text import (
    YES_NO,
    correspondence_line,
    french_date,
    key_facts,
    overseas_line,
    partner_lines,
    statistic_line,
)

CHUNKER_VERSION = "9"  # 9: a rubric saying "Sans objet" is no section of the card; inactive SIRETs shown
MAX_BODY_CHARS = 900

SECTION_LABELS: dict[str, str] = {
    "presentation": "Présentation",
    "resume": "Résumé du référentiel",
    "activites": "Activités visées",
    "capacites": "Capacités attestées",
    "secteurs": "Secteurs d'activité",
    "metiers": "Types d'emplois accessibles",
    "blocs": "Liste des blocs de compétences",
    "bloc": "Bloc de compétences",
    "unite": "Activité",
    "composantes": "Composantes de la certification",
    "evaluation": "Modalités d'évaluation",
    "vae": "VAE",
    "validation_partielle": "Validation partielle et validité des acquis",
    "voies_acces": "Voies d'accès et composition des jurys",
    "enregistrement": "Enregistrement et base légale",
    "statistiques": "Statistiques",
    "lieux": "Lieux de certification et de préparation",
    "partenaires": "Organismes partenaires",
    "historique": "Historique et certifications liées",
    "prerequis": "Prérequis",
    "reglementation": "Réglementation des activités",
    "autres_certifications": "Liens avec d'autres certifications",
    "correspondances": "Correspondances entre blocs",
    "liens": "Liens et autres sources d'information",  # cited by answers; no passage of its own
}


class Chunk(BaseModel):
    """A passage of a fiche, with what a citation needs to point back to it."""

    id: str
    code: str
    section: str
    bloc: str = ""
    title: str
    text: str
    fiche_hash: str

    @property
    def section_label(self) -> str:
        return SECTION_LABELS.get(self.section, self.section)

    @property
    def body(self) -> str:
        """The passage without the certification's line and the heading: what the fiche says."""
        return self.text.split("\n", 2)[-1]

    def sentences(self) -> list[str]:
        """The body's sentences, line by line: what a quote is made of."""
        return [sentence for line in self.body.split("\n") for sentence in split_sentences(line)]

    def metadata(self) -> dict[str, str]:
        return {"code": self.code, "section": self.section, "bloc": self.bloc, "title": self.title,
                "fiche_hash": self.fiche_hash}


def fiche_hash(certification: Certification) -> str:
    """Content hash of what the fiche says (not where it was read), with the chunker's version."""
    where = {"__all__": {"source"}}
    payload = certification.model_dump_json(
        exclude={"sources": True, "blocs": where, "access_routes": where}
    ) + CHUNKER_VERSION
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


def split_body(body: str, limit: int = MAX_BODY_CHARS) -> list[str]:
    """Pieces of at most `limit` characters, cut between lines, else between sentences, else words."""
    pieces: list[str] = []
    current = ""
    units: list[str] = []
    for line in body.split("\n"):
        units.extend(split_sentences(line) if len(line) > limit else [line])
    for unit in units:
        while len(unit) > limit:
            cut = unit.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            if current:
                pieces.append(current)
                current = ""
            pieces.append(unit[:cut])
            unit = unit[cut:].strip()
        candidate = f"{current}\n{unit}" if current else unit
        if len(candidate) > limit and current:
            pieces.append(current)
            current = unit
        else:
            current = candidate
    if current.strip():
        pieces.append(current)
    return [p.strip() for p in pieces if p.strip()]


def _sections(c: Certification) -> Iterator[tuple[str, str, str, str]]:
    """(section, bloc code, heading, body) for every part of the fiche that has something to say."""
    yield "presentation", "", "", "\n".join(f"{label} : {value}" for label, value in key_facts(c))
    yield "resume", "", "", c.summary
    yield "activites", "", "", "\n".join(c.activities)
    yield "capacites", "", "", "\n".join(c.capacities)
    yield "secteurs", "", "", c.sectors
    yield "metiers", "", "", "\n".join(c.jobs)
    yield "blocs", "", "", _units_list(c)
    for bloc in c.blocs:
        body = "Compétences :\n" + "\n".join(f"- {x}" for x in bloc.competences)
        if bloc.evaluation:
            body += f"\nModalités d'évaluation : {bloc.evaluation}"
        yield "bloc", bloc.code, f"Bloc {bloc.code} (bloc n°{bloc.number}) : {bloc.title}", body
    if not c.blocs:
        for unit in c.units:
            body = unit.description + (f"\n({unit.note})" if unit.note else "")
            yield "unite", unit.code, f"Activité n°{unit.number} : {unit.title}", body
    yield "composantes", "", "", "\n".join(f"- {x}" for x in c.components)
    yield "evaluation", "", "", c.evaluation
    yield "vae", "", "", "\n".join(filter(None, [c.vae_rules, _route_line(c, Route.VAE)]))
    validity = f"Validité des composantes acquises : {c.validity.text}" if c.validity else ""
    yield "validation_partielle", "", "", "\n".join(filter(None, [c.partial_validation, validity]))
    routes = [_route_line(c, r.route) for r in c.access_routes]
    yield "voies_acces", "", "", "\n".join(filter(None, [*routes, overseas_line(c)]))
    yield "enregistrement", "", "", _registration_body(c)
    yield "statistiques", "", "", "\n".join(statistic_line(s) for s in c.statistics)
    places = [f"Lieu(x) de certification : {c.certification_places}" if c.certification_places else "",
              f"Lieu(x) de préparation : {c.preparation_places}" if c.preparation_places else ""]
    yield "lieux", "", "", "\n".join(filter(None, places))
    yield "partenaires", "", "", "\n".join(partner_lines(c))
    history = [c.history,
               "Certification(s) précédente(s) : " + " ; ".join(c.previous) if c.previous else "",
               "Certification(s) suivante(s) : " + " ; ".join(c.next) if c.next else ""]
    yield "historique", "", "", "\n".join(filter(None, history))
    yield "correspondances", "", "", "\n".join(correspondence_line(x) for x in c.correspondences if x.blocs)
    yield "prerequis", "", "", c.prerequisites
    yield "reglementation", "", "", c.regulations
    yield "autres_certifications", "", "", c.other_certifications


# what a fiche writes in a rubric that says nothing
NOTHING_SAID = re.compile(r"\W*(?:sans objet|n[ée]ant|non concern[ée]e?)\W*", re.IGNORECASE)


def sections_of(c: Certification) -> list[str]:
    """The sections the fiche has something to say in: "lesquelles ne donnent aucune statistique ?" asks it.
    A rubric filled with "Sans objet" says nothing: "lesquelles ont une réglementation d'activités ?" leaves
    it out."""
    return list(dict.fromkeys(section for section, _, _, body in _sections(c)
                              if body.strip() and not NOTHING_SAID.fullmatch(body.strip())))


def _units_list(c: Certification) -> str:
    """The blocs (or activities) of a fiche in one passage: "how many blocs, which ones" finds it whole."""
    if c.blocs:
        return f"{len(c.blocs)} blocs de compétences :\n" + "\n".join(f"- {b.code} : {b.title}" for b in c.blocs)
    if c.units:
        kind = "activités" if c.units[0].kind == "activite" else "composantes"
        return f"{len(c.units)} {kind} :\n" + "\n".join(f"- {u.number}. {u.title}" for u in c.units)
    return ""


def _route_line(c: Certification, route: Route) -> str:
    access = c.route(route)
    if access is None:
        return ""
    line = f"{route.label} : {YES_NO[access.open]}"
    if access.note:
        line += f" ({access.note})"
    if access.jury:
        line += ". Composition du jury : " + access.jury.replace("\n", " ; ")
    return line


def _registration_body(c: Certification) -> str:
    r = c.registration
    lines = []
    if r.type:
        lines.append(f"Type d'enregistrement : {r.type}")
    for label, value in (("Date de décision", r.decision), ("Date d'effet", r.effective),
                         ("Date de publication", r.publication), ("Date de fin d'enregistrement", r.end),
                         ("Date limite de délivrance", r.issuing_deadline)):
        if value:
            lines.append(f"{label} : {french_date(value)}")
    if r.duration_years:
        lines.append(f"Durée d'enregistrement : {r.duration_years} ans")
    lines.extend(t.text for t in c.legal_texts)
    return "\n".join(lines)


def chunk_certification(certification: Certification) -> list[Chunk]:
    digest = fiche_hash(certification)
    chunks = []
    for section, bloc, heading, body in _sections(certification):
        if not body.strip():
            continue
        label = SECTION_LABELS[section]
        title_line = f"{certification.code} — {certification.title}"
        head = f"{title_line}\n{heading or label}"
        for part, piece in enumerate(split_body(body.strip()), start=1):
            chunks.append(
                Chunk(
                    id=f"{digest}:{section}:{bloc}:{part}",
                    code=certification.code,
                    section=section,
                    bloc=bloc,
                    title=heading or label,
                    text=f"{head}\n{piece}",
                    fiche_hash=digest,
                )
            )
    return chunks
