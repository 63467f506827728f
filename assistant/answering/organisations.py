"""Questions that name a training organisation: "je peux faire le DWWM à l'AFPA ?", "Simplon prépare quels
titres ?".

An organisation is recognised from the fiches themselves, not from a list: a word of the question names an
organisation when it is the first word of an authorised organisation's name (how people call "AFPA
ENTREPRISES" or "SIMPLON.CO") and every passage that holds it is such a list: "afpa" or "simplon" are;
"formation", "pro" or "chat" (the last word of an organisation's name) are not. Short words (three letters
or fewer) are too ambiguous to name one. The answer quotes the fiche's list: who is authorised, for which
certification.
"""

from __future__ import annotations

from assistant.answer import Answer, Citation, cite
from assistant.answering.drafts import Draft, named
from assistant.index.french_analyser import analyse

PARTNER_SECTION = "partenaires"
MIN_LETTERS = 4
LOOKED_AT = 60  # passages read per word


def organisations_named(index, terms: list[str]) -> dict[str, list[str]]:
    """For each certification, the authorised organisations whose name holds one of the words that name an
    organisation."""
    found: dict[str, list[str]] = {}
    for term in terms:
        if len(term) < MIN_LETTERS:
            continue
        hits = index.lexical.search(term, LOOKED_AT)
        chunks = index.catalog.chunks(chunk_id for chunk_id, _ in hits)
        if not chunks or any(c.section != PARTNER_SECTION for c in chunks.values()):
            continue
        for code in dict.fromkeys(c.code for c in chunks.values()):
            certification = index.certification(code)
            names = list(dict.fromkeys(p.name for p in certification.partners
                                       if p.active is not False and analyse(p.name)[:1] == [term]))
            if names:
                found.setdefault(code, [])
                found[code] += [n for n in names if n not in found[code]]
    return found


def partner_answer(index, code: str, names: list[str]) -> Answer:
    """The organisations named that the certifier of `code` authorised, quoted from its fiche."""
    certification = index.certification(code)
    draft = Draft()
    quote = " ; ".join(names)
    marker = draft.cite(cite(certification, PARTNER_SECTION, quote))
    kinds = {p.authorisation for p in certification.partners if p.name in names}
    what = "à former et à organiser l'évaluation" if kinds == {"HABILITATION_ORGA_FORM"} else "par le certificateur"
    draft.say(f"Oui : d'après la fiche {named(certification)}, {quote} figure parmi les organismes partenaires "
              f"habilités {what} {marker}. Renseignez-vous auprès de l'organisme pour les sessions et les "
              "conditions d'accès.")
    return Answer(text=draft.text, citations=draft.citations, certification=code)


def corpus_partner_answer(index, found: dict[str, list[str]]) -> Answer:
    """The certifications of the corpus for which the organisations named are authorised partners."""
    draft = Draft()
    everyone = sorted({n for names in found.values() for n in names})
    draft.say(f"{' ; '.join(everyone)} figure(nt) parmi les organismes partenaires de {len(found)} "
              "certification(s) du corpus :")
    for code, names in sorted(found.items()):
        card = index.cards[code]
        marker = draft.cite(Citation(code=code, section=PARTNER_SECTION, section_label="Organismes partenaires",
                                     quote=" ; ".join(names)))
        draft.say(f"- {code} — {card.title} ({card.status}) {marker}")
    return Answer(text=draft.text, citations=draft.citations,
                  certification=next(iter(found)) if len(found) == 1 else None)
