"""A small card per certification: what questions across the corpus and name resolution need, without
parsing every fiche.

Cards are derived from the certifications when the index opens and kept in the catalog beside the
generation they were made for, so a 10 000-fiche index parses its fiches once per generation, not per
start. "Quelles certifications de niveau 6 ?", "lesquelles sont ouvertes à la VAE ?", "le titre du
ministère du travail" are all answered from cards.
"""

from __future__ import annotations

import json
import re
from datetime import date

from pydantic import BaseModel

from assistant.certification import Certification, Route, registration_ended
from assistant.chunking import sections_of
from assistant.contact_shapes import EMAIL, PHONE
from assistant.index.french_analyser import STOP_WORDS
from assistant.text_normalise import words

CARD_LAYOUT = "15"  # raised when a card gains a field, so cards kept in an older catalog are made again


class Card(BaseModel):
    code: str
    title: str
    new_title: str = ""
    kind: str = ""  # the type of certification as the fiche says it: "Titre professionnel", "BTS"…
    certifiers: list[str] = []
    level_european: int | None = None
    level_old: str | None = None
    active: bool | None = None
    accessible: bool | None = None
    registration_end: date | None = None
    registration_effective: date | None = None
    vae_open: bool | None = None
    rome: list[str] = []
    nsf: list[str] = []
    formacodes: list[str] = []
    summary: str = ""
    domains: list[str] = []  # the labels of its ROME, NSF and Formacode codes: how the fiche classes its trade
    routes: dict[str, bool | None] = {}  # each access route the fiche lists: open or not
    new_caledonia: bool | None = None
    french_polynesia: bool | None = None
    registration_type: str = ""  # "Enregistrement de droit", "Enregistrement sur demande"…
    registration_decided: date | None = None
    registration_published: date | None = None  # when the fiche was published
    previous: list[str] = []  # the certifications it replaced, as its fiche names them
    next: list[str] = []  # the certifications that replaced it
    telephones: list[str] = []  # the telephone numbers its places to certify or prepare give…
    emails: list[str] = []  # …and their e-mail addresses
    bloc_count: int = 0
    certified: dict[int, int] = {}  # how many were certified each year the statistics give (0: "par an", no year)
    # each promotion's rates as the statistics give them, by year: "taux d'insertion global à 6 mois" and
    # "taux d'insertion dans le métier à 2 ans"
    employment_rates: dict[int, int] = {}
    job_rates: dict[int, int] = {}
    sections: list[str] = []  # the parts of the fiche that say something (chunking's sections)
    # SIRET → (role, name) of its certifiers ("certificateur") and authorised organisations ("partenaire")
    sirets: dict[str, tuple[str, str]] = {}
    inactive_sirets: list[str] = []  # those of `sirets` the export marks inactive (a certifier's former one)
    # initials → names of its active partners ("uco": UNIVERSITE CATHOLIQUE DE L OUEST), and its certifiers'
    # initials: how people name organisations, read from the cards, not from every fiche, at 10 000 fiches
    partner_initials: dict[str, list[str]] = {}
    certifier_initials: list[str] = []
    own_acronyms: list[str] = []  # the short names its text gives its title: "assistant de vie aux familles (ADVF)"

    @property
    def status(self) -> str:
        """A few words a candidate needs beside the name: is it still obtainable?"""
        if self.active is False or self.accessible is False:
            return "inactive"
        if registration_ended(self.registration_end):
            return "enregistrement terminé"
        return "active" if self.active else ""

    @property
    def label(self) -> str:
        status = f", {self.status}" if self.status and self.status != "active" else ""
        return f"{self.code} ({self.title}{status})"


def card_of(c: Certification) -> Card:
    vae = c.route(Route.VAE)
    places = c.certification_places + "\n" + c.preparation_places
    return Card(
        code=c.code, title=c.title, new_title=c.new_title or "", kind=c.abbreviation or "",
        certifiers=list(dict.fromkeys(x.name for x in c.certifiers)), level_european=c.level_european,
        level_old=c.level_old, active=c.active, accessible=c.accessible, registration_end=c.registration.end,
        registration_effective=c.registration.effective,
        vae_open=None if vae is None else vae.open, rome=[r.code for r in c.rome], nsf=[n.code for n in c.nsf],
        formacodes=[f.code for f in c.formacodes],
        summary=" ".join([c.summary[:600], *c.activities[:8], *(b.title for b in c.blocs)])[:1500],
        domains=list(dict.fromkeys(x.label for x in [*c.rome, *c.nsf, *c.formacodes] if x.label)),
        routes={r.route.value: r.open for r in c.access_routes}, new_caledonia=c.accessible_new_caledonia,
        french_polynesia=c.accessible_french_polynesia, registration_type=c.registration.type,
        registration_decided=c.registration.decision, registration_published=c.registration.publication,
        bloc_count=len(c.blocs), previous=list(c.previous), next=list(c.next),
        telephones=list(dict.fromkeys(PHONE.findall(places))), emails=list(dict.fromkeys(EMAIL.findall(places))),
        certified={s.year or 0: s.certified for s in c.statistics if s.certified is not None},
        employment_rates={s.year: s.employment_rate_6_months for s in c.statistics
                          if s.year is not None and s.employment_rate_6_months is not None},
        job_rates={s.year: s.job_rate_2_years for s in c.statistics
                   if s.year is not None and s.job_rate_2_years is not None},
        sections=sections_of(c),
        sirets={**{p.siret: ("partenaire", p.name) for p in c.partners if p.siret and p.active is not False},
                **{siret: ("certificateur", x.name) for x in c.certifiers for siret in x.inactive_sirets},
                **{x.siret: ("certificateur", x.name) for x in c.certifiers if x.siret}},
        inactive_sirets=[siret for x in c.certifiers for siret in x.inactive_sirets],
        partner_initials=_by_initials(p.name for p in c.partners if p.active is not False),
        certifier_initials=sorted(_by_initials(x.name for x in c.certifiers)),
        own_acronyms=acronyms_given_to_title(c),
    )


ACRONYM = r"[A-Z][A-Z0-9]{1,9}"  # "ADVF", "ATT", "CESI"
GIVEN_ACRONYM = re.compile(rf"\(({ACRONYM})\)")


def acronyms_given_to_title(c: Certification) -> list[str]:
    """Acronyms the fiche writes in parentheses right after its own title ("L'assistant de vie aux familles
    (ADVF) intervient…"): the short name its trade uses, which people type ("l'advf"), and which the
    title's significant words alone ("avf") do not give. One after other words ("certificat de compétences
    professionnelles (CCP)") names something else."""
    titles = [words(t) for t in filter(None, [c.title, c.new_title])]
    text = "\n".join([c.summary, *c.activities, *c.capacities, *c.jobs, c.sectors, c.prerequisites, c.vae_rules])
    found: list[str] = []
    for match in GIVEN_ACRONYM.finditer(text):
        before = words(text[max(0, match.start() - 200):match.start()])
        if any(title and before[-len(title):] == title for title in titles):
            found.append(match.group(1))
    return list(dict.fromkeys(found))


def initials(name_words: list[str]) -> str:
    return "".join(w[0] for w in name_words)


def name_initials(name: str) -> str:
    """The initials of a name of three significant words or more ("" otherwise: two words' initials name
    too much): "uco" for UNIVERSITE CATHOLIQUE DE L OUEST."""
    kept = [w for w in words(name) if w not in STOP_WORDS and len(w) > 1]
    return initials(kept) if len(kept) >= 3 else ""


def _by_initials(names) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        if letters := name_initials(name):
            found.setdefault(letters, []).append(name)
    return found


def load_cards(catalog) -> list[Card]:
    """The cards of the index's generation: read from the catalog, or made once from the fiches and kept."""
    import sqlite3

    generation = f"{catalog.generation}/{CARD_LAYOUT}"
    stored = catalog.get("cards")
    if stored and catalog.get("cards_generation") == generation:
        try:
            return [Card.model_validate(item) for item in json.loads(stored)]
        except (ValueError, TypeError):
            pass  # an older layout: made again below
    cards = [card_of(c) for c in catalog.certifications()]
    try:
        with catalog.transaction():
            catalog.record({"cards": json.dumps([card.model_dump(mode="json") for card in cards]),
                            "cards_generation": generation})
    except sqlite3.OperationalError:
        pass  # a read-only or busy catalog: the cards are made again at the next start
    return cards
