"""The domain model of an RNCP certification: the spine every other module speaks.

Every reader (CNCP text fiche, France Compétences XML export, PDF) produces a `Certification`; the index,
the answerer, the mapping and the livret 2 outline all read it. Fields a fiche does not state stay empty
(`None`, `""` or `[]`) rather than guessed, so an answer can say "the fiche does not say".
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field, model_validator

CODE_PATTERN = re.compile(r"^RNCP\d{3,6}$")
SourceFormat = Literal["cncp-text", "rncp-xml", "pdf"]



def registration_ended(end: date | None, today: date | None = None) -> bool:
    """Whether the registration in the RNCP is over: an export can be older than today."""
    return end is not None and end < (today or date.today())

class Source(BaseModel):
    """Where a field came from, so a citation can point back to the exact place in the fiche."""

    file: str
    format: SourceFormat
    location: str = Field(description="Line range (text, PDF) or element path (XML).")


class CodedLabel(BaseModel):
    """A code of a nomenclature (NSF, ROME, Formacode) with its label."""

    code: str
    label: str = ""


class Certifier(BaseModel):
    name: str
    siret: str | None = None
    active: bool | None = None
    inactive_sirets: list[str] = Field(default_factory=list,
                                       description="Other SIRETs the export gives this certifier, marked inactive.")
    signatory_role: str | None = Field(default=None, description="Qualité du signataire (CNCP fiches).")


class Partner(BaseModel):
    """An organisation the certifier has authorised to prepare candidates (or to train and assess)."""

    name: str
    siret: str | None = None
    authorisation: str = ""  # the export's HABILITATION_PARTENAIRE, e.g. HABILITATION_ORGA_FORM
    active: bool | None = None
    active_since: date | None = None  # the export's DATE_ACTIF, when it gives one
    state_changed: date | None = None  # DATE_DERNIERE_MODIFICATION_ETAT: the authorisation's state last set


class Bloc(BaseModel):
    """A bloc de compétences: the unit a candidate can validate on its own."""

    code: str = Field(description="RNCP31168BC02")
    number: int
    title: str
    competences: list[str] = []
    evaluation: str = ""
    source: Source | None = None


class UnitKind(StrEnum):
    BLOC = "bloc"
    ACTIVITY = "activite"
    COMPONENT = "composante"


class Unit(BaseModel):
    """What an experience maps to: a bloc, or for older fiches a numbered activity or a component.

    Every certification has units, so a candidate's experience can always be mapped to something.
    """

    code: str
    kind: UnitKind
    number: int
    title: str
    description: str = ""
    note: str = Field(default="", description="What the fiche says of this unit, e.g. 'au choix'.")


class Route(StrEnum):
    """The voies d'accès of a certification, in the order the fiches list them."""

    FORMATION_INITIALE = "formation_initiale"
    APPRENTISSAGE = "apprentissage"
    FORMATION_CONTINUE = "formation_continue"
    CONTRAT_PROFESSIONNALISATION = "contrat_professionnalisation"
    CANDIDATURE_INDIVIDUELLE = "candidature_individuelle"
    VAE = "vae"

    @property
    def label(self) -> str:
        return ROUTE_LABELS[self]


ROUTE_LABELS: dict[Route, str] = {
    Route.FORMATION_INITIALE: "Après un parcours de formation sous statut d'élève ou d'étudiant",
    Route.APPRENTISSAGE: "En contrat d'apprentissage",
    Route.FORMATION_CONTINUE: "Après un parcours de formation continue",
    Route.CONTRAT_PROFESSIONNALISATION: "En contrat de professionnalisation",
    Route.CANDIDATURE_INDIVIDUELLE: "Par candidature individuelle",
    Route.VAE: "Par expérience (VAE)",
}


class AccessRoute(BaseModel):
    route: Route
    open: bool | None = Field(description="Voie ouverte (OUI) ou non (NON); None when the fiche does not say.")
    jury: str = ""
    note: str = Field(default="", description="Anything the fiche adds, e.g. 'dispositif VAE prévu en 2007'.")
    source: Source | None = None


class LegalText(BaseModel):
    """An arrêté or décret the fiche cites (registration, renewal, VAE)."""

    kind: Literal["general", "creation", "vae", "autre"]
    text: str
    published: date | None = None
    effective: date | None = None
    until: date | None = None


class Registration(BaseModel):
    """Registration in the RNCP: type, dates and duration."""

    type: str = ""
    decision: date | None = None
    effective: date | None = None
    publication: date | None = None
    end: date | None = Field(default=None, description="Date de fin d'enregistrement.")
    issuing_deadline: date | None = Field(default=None, description="Date limite de délivrance.")
    duration_years: int | None = None
    last_journal_officiel: date | None = None


class Statistic(BaseModel):
    """One promotion's figures (XML export) or the free statement of older fiches ("10 certifiés par an")."""

    year: int | None = None
    certified: int | None = None
    certified_by_vae: int | None = None
    employment_rate_6_months: int | None = None
    job_rate_2_years: int | None = None
    text: str = ""


class Correspondence(BaseModel):
    """Blocs of this certification that correspond to blocs of another (an older version, usually): a
    candidate who holds the ones keeps the others."""

    blocs: list[str] = Field(description="Codes of this certification's blocs.")
    certification: str = Field(description="The other certification's code.")
    other_blocs: list[str] = []


class Validity(BaseModel):
    """How long acquired parts (blocs, composantes) stay acquired."""

    text: str = Field(description="As the fiche states it: 'illimitée', '5 an(s)'.")
    years: int | None = None
    unlimited: bool = False


class Certification(BaseModel):
    code: str = Field(description="RNCP31168")
    title: str
    new_title: str | None = None
    abbreviation: str | None = None
    fiche_state: str | None = Field(default=None, description="État de la fiche (XML export): 'Publiée'…")
    active: bool | None = None
    accessible: bool | None = Field(default=None, description="Can a candidate still obtain it?")
    status_note: str = Field(default="", description="The fiche's own words on its status.")
    level_old: str | None = Field(default=None, description="Nomenclature de 1969: I to V.")
    level_european: int | None = Field(default=None, description="Cadre européen: 1 to 8.")
    certifiers: list[Certifier] = []
    nsf: list[CodedLabel] = []
    rome: list[CodedLabel] = []
    formacodes: list[CodedLabel] = []
    summary: str = Field(default="", description="Résumé du référentiel, objectifs et contexte.")
    activities: list[str] = []
    capacities: list[str] = []
    sectors: str = ""
    jobs: list[str] = []
    blocs: list[Bloc] = []
    components: list[str] = Field(default=[], description="Composantes of older fiches without blocs.")
    units: list[Unit] = []
    evaluation: str = Field(default="", description="Modalités d'évaluation of the whole certification.")
    access_routes: list[AccessRoute] = []
    vae_rules: str = ""
    validity: Validity | None = None
    partial_validation: str = ""
    prerequisites: str = ""
    regulations: str = ""
    legal_texts: list[LegalText] = []
    registration: Registration = Registration()
    statistics: list[Statistic] = []
    certification_places: str = ""
    preparation_places: str = ""
    partners: list[Partner] = []  # organisations authorised by the certifier (XML export)
    history: str = ""
    other_certifications: str = ""
    previous: list[str] = Field(default=[], description="Codes or titles of previous certifications.")
    next: list[str] = Field(default=[], description="Codes or titles of next certifications.")
    correspondences: list[Correspondence] = []
    accessible_new_caledonia: bool | None = None
    accessible_french_polynesia: bool | None = None
    links: list[str] = []
    more_information: list[str] = Field(default=[], description="Autres sources d'information.")
    sources: dict[str, Source] = Field(default={}, description="Field name -> where it came from.")

    @model_validator(mode="after")
    def _check_code_and_units(self) -> Certification:
        if not CODE_PATTERN.match(self.code):
            raise ValueError(f"code RNCP invalide : {self.code!r}")
        if not self.units:
            self.units = derive_units(self)
        return self

    def bloc(self, code_or_number: str | int) -> Bloc | None:
        """The bloc named by its code (RNCP31168BC02, BC02) or its number (2)."""
        for bloc in self.blocs:
            if isinstance(code_or_number, int):
                if bloc.number == code_or_number:
                    return bloc
            elif bloc.code.upper().endswith(code_or_number.upper()):
                return bloc
        return None

    def route(self, route: Route) -> AccessRoute | None:
        return next((r for r in self.access_routes if r.route == route), None)

    @property
    def fiche_url(self) -> str:
        """The public page of the fiche on the France Compétences site."""
        return fiche_url(self.code)


def fiche_url(code: str) -> str:
    """The public page of a fiche on the France Compétences site, from its code alone."""
    return f"https://www.francecompetences.fr/recherche/rncp/{code.removeprefix('RNCP')}/"


def derive_units(certification: Certification) -> list[Unit]:
    """Blocs when there are some; otherwise the components; a fiche always maps to at least one unit."""
    if certification.blocs:
        return [
            Unit(
                code=b.code,
                kind=UnitKind.BLOC,
                number=b.number,
                title=b.title,
                description="\n".join(b.competences),
            )
            for b in certification.blocs
        ]
    if certification.components:
        return [
            Unit(code=f"{certification.code}-C{n}", kind=UnitKind.COMPONENT, number=n, title=title)
            for n, title in enumerate(certification.components, start=1)
        ]
    return [
        Unit(
            code=f"{certification.code}-C1",
            kind=UnitKind.COMPONENT,
            number=1,
            title=certification.title,
            description="\n".join(certification.capacities),
        )
    ]
