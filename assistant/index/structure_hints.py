"""What a question's wording says about where its answer sits in a fiche: a bloc it names ("le bloc 4",
"BC04", "le deuxième bloc", "l'activité 6") and the sections its words point to ("jury" → the voies
d'accès, "niveau" → the presentation). Retrieval adds these as a third ranked list to the fusion."""

from __future__ import annotations

import re

from assistant.text_normalise import fold

ORDINALS = {"premier": 1, "premiere": 1, "deuxieme": 2, "second": 2, "seconde": 2, "troisieme": 3,
            "quatrieme": 4, "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9,
            "dixieme": 10}
BLOC_NUMBER = re.compile(r"\bbloc(?:s)?(?: de competences?)?\s*(?:n\s*[°o]?\s*)?(\d{1,2})\b")
BLOC_CODE = re.compile(r"\b(?:rncp\d{3,6})?bc\s*(\d{1,2})\b")
ORDINAL_BLOC = re.compile(r"\b(" + "|".join(ORDINALS) + r")\s+bloc")
NUMBERED_ACTIVITY = re.compile(r"\bactivite\s*(?:n\s*[°o]?\s*)?(\d{1,2})\b")

# Folded word stems -> the chunk sections they point to.
SECTION_WORDS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(pattern), sections)
    for pattern, sections in [
        (r"\bniveau", ("presentation",)),
        (r"\bcertificateur|\bdelivr|\bqui (?:delivre|certifie)|\borganisme", ("presentation",)),
        (r"\bactif|\bactive|\bencore\b|\bplus possible|\baccessible", ("presentation",)),
        (r"\brome\b|\bnsf\b|\bformacode", ("presentation",)),
        (r"\bmetier|\bemploi|\bposte|\bdebouche|\bexercer", ("metiers", "secteurs")),
        (r"\bsecteur", ("secteurs",)),
        (r"\bjury|\bapprentissage|\bprofessionnalisation|\bformation continue|\bcandidature individuelle"
         r"|\bvoies? d.acces", ("voies_acces", "vae")),
        (r"\bvae\b|\bvalidation des acquis|\blivret", ("vae",)),
        (r"\bpartiel|\bacquis|\bvalidite|\brestent", ("validation_partielle",)),
        (r"\benregistr|\bjusqu|\bdate|\barrete|\bdecret|\bexpire", ("enregistrement",)),
        (r"\bcombien de (?:personnes|certifies|diplomes|candidats)|\bstatisti|\btaux|\binsertion|\bobtenu",
         ("statistiques",)),
        (r"\blieux?\b|\bou (?:se|peut|peuvent|passer|preparer|trouve)|\bpreparer|\badresse", ("lieux",)),
        (r"\bprecedente|\bsuivante|\bremplace|\bancien|\bhistorique", ("historique",)),
        (r"\bcondition|\bprerequis|\badmission|\bentrer\b|\bcandidater", ("prerequis",)),
        (r"\breglement|\binterdi|\bautorise|\bactes?\b", ("reglementation",)),
        (r"\bevalu|\bmodalite|\bepreuve|\bexamen|\bsoutenance", ("bloc", "evaluation", "unite")),
        (r"\bcompetence|\bsavoir", ("bloc", "capacites")),
        (r"\bcapacite", ("capacites",)),
        (r"\bactivite", ("activites", "unite")),
        (r"\bcomposante", ("composantes",)),
    ]
]


def mentioned_bloc_numbers(question: str) -> list[int]:
    text = fold(question)
    numbers = [int(n) for n in BLOC_NUMBER.findall(text)] + [int(n) for n in BLOC_CODE.findall(text)]
    numbers += [ORDINALS[word] for word in ORDINAL_BLOC.findall(text)]
    return list(dict.fromkeys(numbers))


def mentioned_units(question: str, codes: list[str]) -> set[str]:
    """Bloc or activity codes the question names, within the certifications in scope."""
    text = fold(question)
    units = {f"{code}BC{n:02d}" for code in codes for n in mentioned_bloc_numbers(question)}
    units |= {f"{code}-A{int(n)}" for code in codes for n in NUMBERED_ACTIVITY.findall(text)}
    return units


def hinted_sections(question: str) -> set[str]:
    text = fold(question)
    return {section for pattern, sections in SECTION_WORDS if pattern.search(text) for section in sections}
