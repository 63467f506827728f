"""SIRET numbers, which the France Compétences export gives for every certifier and every authorised
organisation: "le SIRET de GEM ?", "l'organisme au SIRET 13002271800212 c'est lequel ?", "sur quelles fiches
apparaît le SIRET 11004401300040 ?".

A candidate's funding file often asks for the certifier's or the training organisation's SIRET: the fiche
holds it, so it is answered with its citation. The SIRET of the candidate's own employer, or of an
organisation of a fiche that gives none (the older CNCP fiches), is not in the fiches and is said so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import Answer, Citation
from assistant.answering import declines
from assistant.answering.drafts import MAX_PARTNERS, Draft, named
from assistant.answering.organisations import PARTNER_SECTION
from assistant.certification import Certification
from assistant.chunking import SECTION_LABELS
from assistant.render.counts import counted
from assistant.render.fiche_text import AUTHORISATIONS, CERTIFIER_SIRETS, certifier_siret

SIRET_WORD = re.compile(r"\bsire[tn]s?\b")
# fourteen digits, as written on a Kbis (groups of 3, 3, 3 and 5) or in one run
SIRET_NUMBER = re.compile(r"(?<![\d.,])(\d{3} ?\d{3} ?\d{3} ?\d{5})(?![\d.,])")
OWN_ORGANISATION = re.compile(r"\b(?:mon|ma|notre|nos|mes)\s+(?:entreprise|employeur|boite|societe|structure|"
                              r"clinique|agence|cabinet|association|asso|patron|boss|futur employeur|chef)\b")
ABOUT_PARTNERS = re.compile(r"\b(?:organismes?|centres?|ecoles?|partenaires?)\b.{0,30}\b(?:habilit|partenaire|form)"
                            r"|\bpartenaires\b")
CERTIFIER = "certificateur"
PARTNER = "partenaire"


@dataclass(frozen=True)
class Holder:
    """An organisation of a fiche with its SIRET: a certifier, or a partner the certifier authorised."""

    name: str
    siret: str
    role: str  # CERTIFIER or PARTNER
    authorisation: str = ""
    inactive: bool = False  # a certifier's other SIRET, which the export marks inactive
    several: bool = False  # the export gives this certifier several SIRETs: each is said active or not

    @property
    def described(self) -> str:
        if self.role == CERTIFIER:
            state = ", SIRET indiqué inactif" if self.inactive else (", SIRET actif" if self.several else "")
            return f"certificateur de la certification{state}"
        what = AUTHORISATIONS.get(self.authorisation, "")
        return f"organisme partenaire habilité {what}".rstrip()

    def citation(self, code: str) -> Citation:
        section = "presentation" if self.role == CERTIFIER else PARTNER_SECTION
        quote = f"{CERTIFIER_SIRETS} : {certifier_siret(self.name, self.siret, self.inactive)}" \
            if self.role == CERTIFIER else f"{self.name} (SIRET {self.siret})"
        return Citation(code=code, section=section, section_label=SECTION_LABELS.get(section, section), quote=quote)


def holders(c: Certification) -> list[Holder]:
    """Every organisation of the fiche that has a SIRET, certifiers first; authorisations withdrawn left out."""
    found: list[Holder] = []
    for x in c.certifiers:
        if x.siret:
            found.append(Holder(x.name, x.siret, CERTIFIER, several=bool(x.inactive_sirets)))
        found += [Holder(x.name, siret, CERTIFIER, inactive=True) for siret in x.inactive_sirets]
    found += [Holder(p.name, p.siret, PARTNER, p.authorisation) for p in c.partners
              if p.siret and p.active is not False]
    return found


def numbers_in(folded: str) -> list[str]:
    return list(dict.fromkeys(n.replace(" ", "") for n in SIRET_NUMBER.findall(folded)))


def asks_a_siret(folded: str) -> bool:
    return bool(SIRET_WORD.search(folded) or numbers_in(folded))


def siret_answer(index, folded: str, codes: list[str], over_the_corpus: bool,
                 partners_named: dict[str, list[str]]) -> Answer | None:
    """The answer to a question asking a SIRET, or naming one; None when it asks none. `codes` are the
    certifications asked about, `partners_named` the organisations the question names, by certification."""
    if not asks_a_siret(folded):
        return None
    numbers = numbers_in(folded)
    if OWN_ORGANISATION.search(folded) and not numbers:  # "le SIRET de ma boîte": no fiche holds it
        return declines.not_in_fiches(codes, "du SIRET de votre employeur : elles ne donnent que celui des "
                                             "certificateurs et des organismes habilités")
    if numbers and (over_the_corpus or not codes):
        return _fiches_holding(index, numbers)
    if not codes:
        return None
    drafted = Draft()
    for code in codes[:3]:
        c = index.certification(code)
        if c is None:
            continue
        if numbers:
            _say_whose(drafted, c, numbers)
        else:
            _say_sirets(drafted, c, partners_named.get(code, []), bool(ABOUT_PARTNERS.search(folded)))
    if not drafted.citations:
        if numbers:
            elsewhere = _fiches_holding(index, numbers)
            if not elsewhere.declined:
                said = f"Aucun organisme de la fiche {', '.join(codes)} n'a le SIRET {', '.join(numbers)}."
                return Answer(text=f"{said}\n{elsewhere.text}", citations=elsewhere.citations)
        return declines.not_in_fiches(codes, "du numéro SIRET de leurs organismes")
    return Answer(text=drafted.text, citations=drafted.citations, certification=codes[0] if len(codes) == 1 else None)


def _say_whose(drafted: Draft, c: Certification, numbers: list[str]) -> None:
    for holder in holders(c):
        if holder.siret in numbers:
            marker = drafted.cite(holder.citation(c.code))
            drafted.say(f"D'après la fiche {named(c)}, le SIRET {holder.siret} est celui de {holder.name}, "
                        f"{holder.described} {marker}.")


def _say_sirets(drafted: Draft, c: Certification, partners: list[str], about_partners: bool) -> None:
    """The SIRET of the organisations named; with none named, of the certifiers (or, asked, of the partners)."""
    every = holders(c)
    chosen = [h for h in every if h.role == PARTNER and h.name in partners]
    if not chosen and about_partners:
        chosen = [h for h in every if h.role == PARTNER]
    chosen = chosen or [h for h in every if h.role == CERTIFIER]
    if not chosen:
        return
    drafted.say(f"D'après la fiche {named(c)} :")
    for holder in chosen[:MAX_PARTNERS]:
        marker = drafted.cite(holder.citation(c.code))
        drafted.say(f"- {holder.name} ({holder.described}) : SIRET {holder.siret} {marker}")
    if len(chosen) > MAX_PARTNERS:
        drafted.say(f"(et {len(chosen) - MAX_PARTNERS} autres organismes : voyez la fiche.)")


def _fiches_holding(index, numbers: list[str]) -> Answer:
    """The certifications of the corpus one of whose organisations has the SIRET asked, with its role."""
    drafted = Draft()
    for number in numbers:
        found = [(code, name, role) for code, card in index.cards.items()
                 for siret, (role, name) in card.sirets.items() if siret == number]
        if not found:
            continue
        drafted.say(f"Le SIRET {number} figure dans {counted(len(found), 'fiche')} du corpus :")
        for code, name, role in found:
            card = index.cards[code]
            holder = Holder(name, number, role, inactive=number in card.inactive_sirets)
            marker = drafted.cite(holder.citation(code))
            drafted.say(f"- {code} — {card.title} ({card.status or 'statut non précisé'}) : {name}, "
                        f"{holder.described} {marker}")
    if not drafted.citations:
        return Answer(text=(f"Pas dans les fiches : aucun certificateur ni organisme habilité des {len(index.cards)} "
                            f"fiches n'a le SIRET {', '.join(numbers)}. Vérifiez le numéro sur l'annuaire des "
                            "entreprises (annuaire-entreprises.data.gouv.fr)."), declined=True)
    return Answer(text=drafted.text, citations=drafted.citations,
                  certification=drafted.citations[0].code if len({c.code for c in drafted.citations}) == 1 else None)
