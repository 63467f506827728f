"""Questions across the corpus: "quelles certifications sont de niveau 6 ?", "lesquelles sont ouvertes à
la VAE ?", "les titres du ministère du travail", "celles qui concernent le développement web".

The question is read as filters over the certifications' cards (level, VAE, status, certifier, ROME and
NSF codes) and, for what remains of its words, a domain: the certifications whose passages the search
finds and whose own text holds those words. Every certification listed is cited.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from assistant.answer import Answer, Citation, quote_of
from assistant.answering.drafts import Draft
from assistant.answering.extractive import share_held, window
from assistant.answering.organisations import PARTNER_SECTION
from assistant.answering.query import ROUTE_WORDS, without_code_labels
from assistant.certification import Route
from assistant.chunking import SECTION_LABELS, Chunk
from assistant.index.cards import Card
from assistant.index.french_analyser import QUESTION_TERMS, STOP_WORDS, analyse
from assistant.index.names import initials, significant
from assistant.readers.text_cleanup import split_sentences
from assistant.render.counts import counted
from assistant.render.fiche_text import YES_NO, french_date
from assistant.text_normalise import fold, words

MAX_LISTED = 30
QUOTED_CHARS = 300  # a sentence quoted beside each certification listed is cut around what was asked
YEAR = re.compile(r"(?:19|20)\d\d")  # another number ("6 mois", "80 %") is a count or a rate, not a value
MENTIONED = 0.5  # share of the question's distinct words (by rarity) a fiche's sentence holds to be listed
NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
                "neuf": 9, "dix": 10, "cent": 100, "mille": 1000}
NUMBER = r"\d{1,3}(?:[ .]\d{3})+|\d+|" + "|".join(NUMBER_WORDS)
COMPARED = {"plus de": ">", "plus d'": ">", "au-dela de": ">", "au dela de": ">", "depass": ">", "superieur": ">",
            "moins de": "<", "moins d'": "<", "inferieur": "<", "sous": "<", "au moins": ">=", "au plus": "<=",
            "maximum": "<=", "ou plus": ">=", "et plus": ">=", "minimum": ">=", "ou moins": "<=", "et moins": "<="}
# what a question can count, as the card holds it (a number, a list whose length is counted, or a number per
# year, one year of which must compare): "plus de cinq blocs", "moins de 50 certifiés sur une année", "au moins
# quatre codes ROME", "un seul formacode"
COUNTED = {"blocs": (r"blocs?\b", "bloc_count", "blocs", "blocs"),
           "certified": (r"(?:certifies|diplomes|laureats|titulaires|personnes certifiees)\b", "certified",
                         "certifiés sur une année au moins", "certifiés"),
           "rome": (r"(?:codes?\s+|fiches?\s+|metiers?\s+)?rome\b", "rome", "codes ROME", "codes ROME"),
           "nsf": (r"(?:codes?\s+)?nsf\b", "nsf", "codes NSF", "codes NSF"),
           "formacodes": (r"(?:codes?\s+)?formacodes?\b", "formacodes", "formacodes", "formacodes"),
           "certifiers": (r"(?:organismes?\s+|co-?)?certificateurs?\b", "certifiers", "certificateurs",
                          "certificateurs")}
COMPARING = (r"plus de|plus d'|moins de|moins d'|au moins|au plus|au-dela de|au dela de|depass\w*|superieurs? a|"
             r"inferieurs? a|maximum")
COMPARED_AFTER = r"ou plus|et plus|ou moins|et moins|minimum|maximum|au moins|au plus"
COMPARISON_SAID = {">": "plus de", "<": "moins de", ">=": "au moins", "<=": "au plus", "=": ""}
COUNT = re.compile(r"(?P<op>" + COMPARING + r")?\s*(?:les\s+)?(?P<n>" + NUMBER + r"|plusieurs)\s+"
                   r"(?P<alone>seule?s?\s+)?(?P<what>" + "|".join(pattern for pattern, *_ in COUNTED.values()) + r")"
                   r"(?:\s+(?:ou\s+)?(?:differents?\s+)?(?P<after>" + COMPARED_AFTER + r")\b)?")
# a share the statistics give ("moins de 80 % ont un emploi à 6 mois", "un taux d'insertion supérieur à 90 %"):
# the only percentages of a fiche are its promotions' rates of insertion
RATE = re.compile(r"(?P<op>" + COMPARING + r"|sous)?\s*(?:les\s+|la barre des\s+)?(?P<n>\d{1,3})\s*(?:%|pour\s*cent)"
                  r"(?:\s*(?P<after>" + COMPARED_AFTER + r")\b)?")
RATE_LABELS = {"employment_rates": "taux d'insertion global à 6 mois",
               "job_rates": "taux d'insertion dans le métier à 2 ans"}
# the words that say which rate, or of whom: explained by the rate, they name no trade
RATE_WORDS = frozenset(analyse("taux insertion inseres emploi job boulot travail metier mois ans apres gens personnes "
                               "diplomes certifies promo promotion promotions sortants"))
RATE_OVER_TWO_YEARS = re.compile(r"\b(?:2|deux) ans\b|\bdans le metier\b")
# a newer certification that replaced it, or an older one it replaced, named by the fiche's history: the card's
# field, how a question asks for it, and how the answer names it (the first found is the one asked)
HISTORY = [("next", re.compile(r"\b(?:nouvelle version|version plus recente|nouvelle certification|successeur|"
                               r"succede\w*|certifications? suivantes?|(?:qui )?(?:la|les) rempla\w*|"
                               r"remplacees? par)\b"), "certification suivante"),
           ("previous", re.compile(r"\b(?:ancienne version|version precedente|certifications? precedentes?|"
                                   r"predecesseur|(?:qui )?remplacent? une|succedent? a)\b"),
            "certification précédente")]
# details a fiche may give for the places that certify or prepare ("tel" alone also means "such")
CONTACTS_ASKED = [("telephones", re.compile(r"\b(?:telephones?|num(?:eros?)? de tel|tel pour)\b"), "téléphone",
                   "un numéro de téléphone"),
                  ("emails", re.compile(r"\b(?:e-?mails?|courriels?|adresses? mail)\b"), "e-mail", "un e-mail")]
CONTACT_WORDS = frozenset(analyse("numero contacter contact appeler joindre ecrire organisme ecole centre"))
ABSENT = re.compile(r"\b(?:aucune?|sans|pas de|pas d'|ni)\b|\bn'\w+ (?:pas|aucune?)\b|\bne \w+ (?:pas|aucune?)\b")
# what a question quotes of the fiches ("autre que « Sans objet »") is their words, not a negation it makes
QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"")
SAYS_NOTHING = re.compile(r"(?:\b(?:hors|autre que|sauf|excepte)\s*)?«?\s*\bsans objet\b\s*»?")
NEGATION = re.compile(r"\b(?:pas|plus|non|ne sont|fermees?)\b")
OVERSEAS = [("new_caledonia", r"caledonie", "Nouvelle-Calédonie"),
            ("french_polynesia", r"polynesie", "Polynésie française")]
# "lesquelles mentionnent / citent / évoquent les PME": what the fiches say in so many words, not a trade the
# certifications belong to ("celles qui concernent le web" is a domain)
ASKS_FOR_A_MENTION = re.compile(r"\b(?:mentionn\w*|evoqu\w*|cit(?:e|ent|es|ee|ees|er)|en toutes lettres|"
                                r"explicitement|noir sur blanc)\b")
# "niveau 5", and "au niveau juste au-dessus, le 5 ?": the level is the figure soon after the word
LEVEL = re.compile(r"\bniveau\b[^0-9?.!;+]{0,25}?(?<![+\w])([1-8])\b(?!\s*(?:%|ans?\b|blocs?\b|mois\b))")
THIS_CERTIFIER = re.compile(r"\b(?:ce|cet|cette|ces)\s+(?:memes?\s+)?(?:ministeres?|certificateurs?|ecoles?|"
                            r"etablissements?|chambres?|universites?|organismes? certificateurs?)\b")
BAC_LEVELS = {"0": 4, "1": 5, "2": 5, "3": 6, "4": 6, "5": 7, "8": 8}
CORPUS_WORDS = frozenset(analyse(
    "certification certifications certifs certif titres titre diplomes diplome fiches liste lesquelles lesquels "
    "celles ceux toutes tous corpus existent existe niveau ouvertes ouverts ouverte accessibles accessible vae "
    "validation acquis experience actives active actifs inactives plus encore delivre delivres delivrees "
    "concernent concerne parlent domaine secteur code rome nsf connais propose proposes disponibles "
    "quelles quels ya il y a base vous avez as tu donne moi autres aussi ta votre figurent "
    "sont est sont-elles enregistrement enregistrees termine terminees pris fin dispo disponible comme quoi "
    "correspond correspondent mene menent mener certifie certifient sup code codes ce cette parmi export chez toi"))


@dataclass
class CorpusFilter:
    """What a question over the corpus asks of a certification; each part is optional."""

    level: int | None = None
    vae_open: bool | None = None
    active: bool | None = None
    certifiers: set[str] | None = None  # codes whose certifier the question names
    rome: str | None = None
    nsf: str | None = None
    ends_in: int | None = None  # the year the registration ends
    starts_in: int | None = None  # the year the registration took effect
    starts_from: int | None = None  # the first year it may have taken effect ("depuis 2023")
    overseas: dict[str, bool] = field(default_factory=dict)  # "new_caledonia" / "french_polynesia": accessible?
    routes: dict[str, bool] = field(default_factory=dict)  # route value: open?
    registration_type: str | None = None  # words the type of registration must hold ("sur demande")
    decided_in: int | None = None  # the year of the registration decision
    published_in: int | None = None  # the year the fiche was published
    history: tuple[str, bool] | None = None  # ("next" or "previous", whether its fiche must name one: HISTORY)
    contacts: set[str] = field(default_factory=set)  # "telephones" / "emails": details its places must give
    count: tuple[str, str, int] | None = None  # (card field, comparison, number): "plus de cinq blocs"
    rate: tuple[str, str, int] | None = None  # (card field, comparison, %): met by at least one promotion
    kinds: set[str] | None = None  # the types of certification named, as the fiches say them ("Titre professionnel")
    sections: set[str] = field(default_factory=set)  # parts of the fiche it must have (or lack, `has_sections`)
    has_sections: bool = True
    said: list[str] = field(default_factory=list)  # how each filter reads, for the answer's first sentence
    words: set[str] = field(default_factory=set)  # the question's words a filter explains: not a domain

    @property
    def empty(self) -> bool:
        return (all(v is None for v in (self.level, self.vae_open, self.active, self.certifiers, self.rome, self.nsf,
                                        self.ends_in, self.starts_in, self.starts_from, self.registration_type,
                                        self.decided_in, self.published_in, self.history, self.count, self.rate,
                                        self.kinds))
                and not self.overseas and not self.routes and not self.sections and not self.contacts)

    def facts_of(self, card: Card) -> list[str]:
        """What the card says on each filter that is not already shown beside every certification listed."""
        starts = self.starts_in or self.starts_from
        facts = [f"fin d'enregistrement : {french_date(card.registration_end)}" if self.ends_in else "",
                 f"date d'effet : {french_date(card.registration_effective)}" if starts else "",
                 f"enregistrement : {card.registration_type}" if self.registration_type else "",
                 f"date de décision : {french_date(card.registration_decided)}" if self.decided_in else "",
                 f"date de publication : {french_date(card.registration_published)}" if self.published_in else "",
                 self._history_said(card) if self.history else "",
                 self._count_said(card) if self.count else "",
                 self._rates_said(card) if self.rate else ""]
        facts += [f"{label} : {' ; '.join(getattr(card, kind)[:3])}" for kind, _, label, _ in CONTACTS_ASKED
                  if kind in self.contacts]
        facts += [f"{label} : {YES_NO[getattr(card, place)]}" for place, _, label in OVERSEAS if place in self.overseas]
        facts += [f"{Route(route).label} : {YES_NO[card.routes.get(route)]}" for route in self.routes]
        return facts

    def _count_said(self, card: Card) -> str:
        """"codes ROME : 4 (M1202, M1203, M1205, M1801)", "certifiés : 15 en 2019, 60 en 2020": what the count
        was read from, which a candidate looks up next."""
        name = self.count[0]
        label = next(label for _, field_name, _, label in COUNTED.values() if field_name == name)
        value = getattr(card, name)
        if isinstance(value, dict):
            return f"{label} : " + ", ".join(f"{one} en {year}" if year else f"{one} par an"
                                             for year, one in sorted(value.items(), reverse=True))
        if isinstance(value, list):
            return f"{label} : {len(value)} ({', '.join(value)})"
        return f"{label} : {value}"

    def _rates_said(self, card: Card) -> str:
        rates = getattr(card, self.rate[0])
        return f"{RATE_LABELS[self.rate[0]]} : " + ", ".join(f"{rate} % en {year}"
                                                            for year, rate in sorted(rates.items(), reverse=True))

    def _history_said(self, card: Card) -> str:
        named = getattr(card, self.history[0])
        return f"{HISTORY_LABELS[self.history[0]]} : {' ; '.join(named)}" if named else ""

    def _rated(self, card: Card) -> bool:
        """At least one promotion's rate meets the comparison: "moins de 80 %, au moins pour une promo"."""
        if self.rate is None:
            return True
        name, comparison, number = self.rate
        return any(_compare(rate, comparison, number) for rate in getattr(card, name).values())

    def _counted(self, card: Card) -> bool:
        if self.count is None:
            return True
        name, comparison, number = self.count
        value = getattr(card, name)
        if not value:  # a fiche without blocs, figures or codes says nothing of how many
            return False
        if isinstance(value, dict):  # one year at least: "moins de 50 certifiés sur une année"
            return any(_compare(one, comparison, number) for one in value.values())
        return _compare(len(value) if isinstance(value, list) else value, comparison, number)

    def keeps(self, card: Card) -> bool:
        checks: list[Callable[[], bool]] = [
            lambda: self.level is None or card.level_european == self.level,
            lambda: self.vae_open is None or card.vae_open is self.vae_open,
            lambda: self.active is None or (card.status not in ("inactive", "enregistrement terminé")) is self.active,
            lambda: self.certifiers is None or card.code in self.certifiers,
            lambda: self.rome is None or self.rome in card.rome,
            lambda: self.nsf is None or any(n.lower().startswith(self.nsf) for n in card.nsf),
            lambda: self.ends_in is None or (card.registration_end is not None
                                             and card.registration_end.year == self.ends_in),
            lambda: self.starts_in is None or (card.registration_effective is not None
                                               and card.registration_effective.year == self.starts_in),
            lambda: self.starts_from is None or (card.registration_effective is not None
                                                 and card.registration_effective.year >= self.starts_from),
            lambda: all(getattr(card, place) is wanted for place, wanted in self.overseas.items()),
            lambda: all(card.routes.get(route) is wanted for route, wanted in self.routes.items()),
            lambda: self.registration_type is None or self.registration_type in fold(card.registration_type),
            lambda: self.decided_in is None or (card.registration_decided is not None
                                                and card.registration_decided.year == self.decided_in),
            lambda: self.published_in is None or (card.registration_published is not None
                                                  and card.registration_published.year == self.published_in),
            lambda: self.history is None or bool(getattr(card, self.history[0])) is self.history[1],
            lambda: all(getattr(card, kind) for kind in self.contacts),
            lambda: self._counted(card),
            lambda: self._rated(card),
            lambda: self.kinds is None or card.kind in self.kinds,
            lambda: not self.sections or bool(self.sections & set(card.sections)) is self.has_sections,
        ]
        return all(check() for check in checks)


# "y compris" is one word, "including": never a domain ("… de ce niveau, y compris celle-ci ?")
INCLUDED = re.compile(r"\by\s+compris\b", re.IGNORECASE)
# "même celles qui…", "y compris les…", "celles qui… aussi": what follows is let in, it filters nothing
INCLUDING = re.compile(r"\b(?:meme|y compris|aussi|egalement|inclus)\s+(?:celles?|ceux|les|celui)\b[^,;.?!]*$")


def read_filter(question: str, certified_by: Callable[[str], set[str]],
                phrase_held: Callable[[str, str], bool] = lambda _word, _next: False) -> CorpusFilter:
    """The filters a question over the corpus sets. `phrase_held(word, next_word)` says whether a fiche
    writes those two words in a row: "l'écoute active" is what a fiche says, not certifications "actives"."""
    folded = fold(question)
    wanted = CorpusFilter()
    if level := LEVEL.search(folded):
        wanted.level = int(level.group(1))
        wanted.said.append(f"de niveau {wanted.level}")
    elif bac := re.search(r"\bbac\s*\+\s*(\d)", folded):
        wanted.level = BAC_LEVELS.get(bac.group(1))
        wanted.said.append(f"de niveau {wanted.level} (bac+{bac.group(1)})")
    if re.search(r"\bvae\b|validation des acquis", folded):
        wanted.vae_open = not re.search(r"\b(?:pas|plus|non|fermee?s?)\b[^?]*\b(?:vae|validation)", folded)
        wanted.said.append("ouvertes à la VAE" if wanted.vae_open else "fermées à la VAE")
    inactive = re.search(r"\b(?:inactive?s?|plus actives?|ne sont plus|expirees?|perimees?|plus valables?)\b", folded)
    # "toutes, même celles qui ne sont plus actives": they are counted in, not the only ones asked
    let_in = inactive is not None and INCLUDING.search(folded[:inactive.start()]) is not None
    if inactive and not let_in:
        wanted.active = False
        wanted.said.append("inactives")
    elif not inactive and any(not _said_by_a_fiche(folded, m, phrase_held)
             for m in re.finditer(r"\b(?:actives?|en vigueur|encore valables?)\b", folded)):
        wanted.active = True
        wanted.said.append("actives")
    certified = certified_by(question)
    if certified:
        wanted.certifiers = certified
        wanted.said.append("de ce certificateur")
    if rome := re.search(r"\b([a-n]\d{4})\b", folded):
        wanted.rome = rome.group(1).upper()
        wanted.said.append(f"menant au code ROME {wanted.rome}")
    if nsf := re.search(r"\bnsf\s*(\d{3}[a-z]?)\b", folded):
        wanted.nsf = nsf.group(1)
        wanted.said.append(f"de code NSF {wanted.nsf}")
    if counted := next((m for m in COUNT.finditer(folded) if _a_count(m, folded)), None):
        name, label = next((name, label) for pattern, name, label, _ in COUNTED.values()
                           if re.fullmatch(pattern, counted.group("what")))
        number = counted.group("n")
        value = 1 if number == "plusieurs" else NUMBER_WORDS.get(number) or int(re.sub(r"\D", "", number))
        said = counted.group("op") or counted.group("after") or ("plus de" if number == "plusieurs" else None)
        comparison = _comparison(said)
        wanted.count = (name, comparison, value)
        label = _singular(label) if value <= 1 else label
        wanted.said.append(f"avec {COMPARISON_SAID[comparison]} {value} {label}".replace("  ", " "))
        wanted.words |= set(analyse(counted.group(0)))
    if rated := RATE.search(folded):
        name = "job_rates" if RATE_OVER_TWO_YEARS.search(folded) else "employment_rates"
        comparison = _comparison(rated.group("op") or rated.group("after"))
        value = int(rated.group("n"))
        wanted.rate = (name, comparison, value)
        said = COMPARISON_SAID[comparison]
        said = ("d'" if said.startswith("au") else "de ") + said if said else "de"
        wanted.said.append(f"avec un {RATE_LABELS[name]} {said} {value} % pour au moins une promotion")
        wanted.words |= set(analyse(rated.group(0))) | RATE_WORDS
    if published := re.search(r"\bpubli\w*\b\D{0,40}\b(20\d\d)\b", folded):
        wanted.published_in = int(published.group(1))
        wanted.said.append(f"dont la fiche a été publiée en {wanted.published_in}")
        folded = folded[:published.start()] + folded[published.end():]  # not also a year of effect
    if history := next(((name, label) for name, pattern, label in HISTORY if pattern.search(folded)), None):
        named = not asks_for_absence(folded)
        wanted.history = (history[0], named)
        wanted.said.append(f"dont la fiche {'nomme une' if named else 'ne nomme aucune'} {history[1]}")
    for kind, pattern, _, said in CONTACTS_ASKED:
        if asked := pattern.search(folded):
            wanted.contacts.add(kind)
            wanted.said.append(f"dont la fiche donne {said}")
            wanted.words |= set(analyse(asked.group(0))) | CONTACT_WORDS
    if decided := re.search(r"\bdeci(?:sion|de)\w*\b\D{0,60}\b(20\d\d)\b", folded):
        wanted.decided_in = int(decided.group(1))
        wanted.said.append(f"dont l'enregistrement a été décidé en {wanted.decided_in}")
    elif end := re.search(r"\b(?:expir|fin\b|finissent|termin|echeance|arrivent a terme)\D{0,40}\b(20\d\d)\b", folded):
        wanted.ends_in = int(end.group(1))
        wanted.said.append(f"dont l'enregistrement prend fin en {wanted.ends_in}")
    elif start := re.search(r"\b(?:effet|vigueur|enregistrees?|inscrites?|creees?|apparues?)\b\D{0,40}\b(20\d\d)\b",
                            folded):
        if re.search(r"\b(?:depuis|a partir de|apres)\s+(?:l'annee\s+)?" + start.group(1), folded) and \
                not re.search(r"\b(?:effet|en)\s+" + start.group(1), folded):
            wanted.starts_from = int(start.group(1))
            wanted.said.append(f"enregistrées depuis {wanted.starts_from} (date d'effet)")
        else:
            wanted.starts_in = int(start.group(1))
            wanted.said.append(f"dont l'enregistrement a pris effet en {wanted.starts_in}")
    negated = NEGATION.search(folded) is not None
    for place, pattern, label in OVERSEAS:
        if re.search(pattern, folded):
            wanted.overseas[place] = not negated
            wanted.said.append(("non accessibles" if negated else "accessibles") + f" en {label}")
    for route, pattern in ROUTE_WORDS:
        if route is not Route.VAE and pattern.search(folded):  # the VAE has its own filter above
            wanted.routes[route.value] = not negated
            wanted.said.append(("fermées" if negated else "ouvertes") + f" à la voie « {route.label} »")
            wanted.words |= set(analyse(route.label))
    if kind := re.search(r"enregistrement (sur demande|de droit)", folded):
        wanted.registration_type = kind.group(1)
        wanted.said.append(f"enregistrées {kind.group(1)}")
    return wanted


HISTORY_LABELS = {name: label for name, _, label in HISTORY}


def _said_by_a_fiche(folded: str, match: re.Match[str], phrase_held: Callable[[str, str], bool]) -> bool:
    """Whether a filter's word comes after a word that is no word of questions over the corpus, the two as a
    fiche writes them ("écoute active"): a mention, not the filter."""
    before = re.findall(r"[\w-]+", folded[:match.start()])
    if not before or set(analyse(before[-1])) & CORPUS_WORDS or before[-1] in STOP_WORDS:
        return False
    return phrase_held(before[-1], match.group(0).split()[0])


# a type that says a level ("un truc niveau cap"), or given as examples ("les diplômes de l'éducation nationale
# (cap, mention complémentaire, etc)", "bp, bts, cap... liste les", "cap, bac pro, bts..."), filters nothing
NOT_A_KIND = re.compile(r"\b(?:niveau|equivalent)\s+(?:d.un\s+|du\s+|au\s+)?\w+|\([^()]*\betc\b[^()]*\)?"
                        r"|(?:\b[a-z]{2,5}(?: [a-z]{2,5})?\s*,\s*)+[a-z]{2,5}(?: [a-z]{2,5})?"
                        r"\s*(?:\.{2,}|…|,?\s*etc\b)")


def kinds_named(question: str, kinds: set[str]) -> set[str]:
    """The types of certification the fiches give ("Brevet de technicien supérieur", "Titre professionnel")
    that the question names: by the initials of their words ("BTS", three letters at least: "CS" and "TP"
    name too much else), or by every word of the type, typed whole, inflected or begun ("des titres pro").
    Not a type that says a level or is given as examples (`NOT_A_KIND`)."""
    typed = words(NOT_A_KIND.sub(" ", fold(question)))
    stems = {stem for word in typed for stem in analyse(word)}

    def said(word: str) -> bool:
        return word in typed or bool(set(analyse(word)) & stems) or any(
            len(t) >= 3 and word.startswith(t) for t in typed)

    named = set()
    for kind in kinds:
        own = significant(kind)
        letters = initials(own)
        if own and ((len(letters) >= 3 and letters in typed) or all(said(w) for w in own)):
            named.add(kind)
    return named


def _comparison(said: str | None) -> str:
    """The sign the words of a comparison say ("dépassent" is ">"); "=" when none is said."""
    return next((sign for start, sign in COMPARED.items() if (said or "").startswith(start)), "=")


def _singular(label: str) -> str:
    """"1 code ROME", not "1 codes ROME": the counted noun comes first in every label."""
    noun, _, rest = label.partition(" ")
    return " ".join(filter(None, [noun.removesuffix("s"), rest]))


# what a filter says of the certifications it keeps, written for several; one is said in the singular
PLURAL_SAID = re.compile(r"\b(ouvert|ferm[ée]|inactiv|activ|enregistr[ée]|accessibl|correspond)(es|s|ent)\b")


def _said_of_one(what: str) -> str:
    """"1 certification du corpus ouverte à la VAE et qui correspond à « santé »", not "ouvertes", "correspondent";
    the words quoted from the question stay as written."""
    parts = re.split(r"(«[^»]*»)", what)
    return "".join(part if part.startswith("«") else
                   PLURAL_SAID.sub(lambda m: m.group(1) + ("e" if m.group(2) == "es" else ""), part) for part in parts)


def _compare(value: int, comparison: str, number: int) -> bool:
    return {">": value > number, "<": value < number, ">=": value >= number, "<=": value <= number,
            "=": value == number}[comparison]


def _a_count(match: re.Match, folded: str) -> bool:
    """"Un bloc", "une personne" are an article far more often than a count ("la fiche dit qu'un bloc validé
    ailleurs correspond à un de leurs blocs"): one counts only with a comparison, "seul" after it, or "(n')ont
    qu'un" before it."""
    if match.group("n") not in ("un", "une") or match.group("op") or match.group("alone"):
        return True
    after = folded[match.end():match.end() + 8]
    before = folded[max(0, match.start() - 40):match.start()]
    only = re.search(r"\b(?:n'\w+|ont|a|compte\w*|possede\w*)\s+qu'\s*$", before)
    return after.lstrip().startswith("seul") or only is not None


def own_words(question: str, explained: set[str] = frozenset()) -> list[str]:
    """The question's analysed words that are neither how questions ask, nor how corpus questions are framed,
    nor numbers, nor what a filter already explains."""
    return [t for t in dict.fromkeys(analyse(question))
            if t not in QUESTION_TERMS and t not in CORPUS_WORDS and not t.isdigit() and t not in explained]


def names_field(term: str, cue_stems: set[str]) -> bool:
    """Whether a word is one of the cues of the field asked for (cues match the start of a word)."""
    return any(term.startswith(stem) for stem in cue_stems)


# a clause in which the person speaks of themselves and not of certifications ("je rédige des contrats de travail
# depuis 10 ans", "moi je veux bosser en pme"): who asks, and why, not what the fiches must mention ("je cherche
# une certification liée au formacode 31006" asks)
FIRST_PERSON = re.compile(r"\b(?:je|j'|jsuis|jai|jbosse|moi|mon|ma|mes)\b")
CLAUSE = re.compile(r"[^,;.!?()\n]+[,;.!?()\n]*")


def without_own_story(question: str) -> str:
    """The question less the clauses, before its last one, in which the person speaks of themselves; the
    question itself when nothing of its own would be left."""
    clauses = CLAUSE.findall(question)
    kept = [c for position, c in enumerate(clauses) if position == len(clauses) - 1
            or not FIRST_PERSON.search(fold(c)) or CORPUS_WORDS & set(analyse(c))]
    shortened = "".join(kept)
    return shortened if own_words(shortened) else question


def domain_terms(question: str, filter_words: set[str], card_terms: dict[str, frozenset[str]],
                 trade_terms: dict[str, frozenset[str]]) -> list[str]:
    """Words that name a domain: words of the certifications' titles or trade classifications ("parmi" is
    not one), held by the text of some certifications but not of most of them; "y compris celle-ci" names
    none."""
    asked = own_words(INCLUDED.sub(" ", question), filter_words)
    trades = set().union(*trade_terms.values()) if trade_terms else set()
    texts = card_terms.values()
    return [t for t in asked
            if t in trades and 1 <= sum(t in text for text in texts) <= max(1, len(card_terms) // 2)]


def in_domain(index, question: str, terms: list[str]) -> list[str]:
    """Certifications in the domain: those whose title or trade classification holds one of its words, then
    those the search finds for the question whose own text (summary, blocs) holds one, strongest first."""
    votes: Counter[str] = Counter()
    for rank, hit in enumerate(index.search(question, k=40), start=1):
        votes[hit.chunk.code] += 1.0 / (10 + rank)
    classed = [code for code, words in index.trade_terms.items() if any(t in words for t in terms)]
    best = max(votes.values(), default=0.0)
    found = [code for code, vote in votes.most_common()
             if vote >= 0.3 * best and any(t in index.card_terms.get(code, ()) for t in terms)]
    classed.sort(key=lambda code: -votes.get(code, 0.0))
    return list(dict.fromkeys(classed + found))


def asks_for_absence(folded: str) -> bool:
    """Whether the question asks for what the fiches lack ("lesquelles n'ont aucune statistique ?"); "hors
    « Sans objet »" quotes the fiche's word for a rubric that says nothing, it does not ask for its absence."""
    return ABSENT.search(QUOTED.sub(" ", folded)) is not None


def ask_for_sections(wanted: CorpusFilter, index, question: str, sections: set[str], cue_words: set[str]) -> None:
    """"Lesquelles ne donnent aucune statistique ?", "celles qui indiquent un successeur": the question asks
    whether a part of the fiche is there at all. A part missing is only asked that way; a part present is
    when the words of the field it names (`cue_words`, the registry's cues, which match words' starts) weigh
    more than the rest of the question's own words, else it asks what that part says. A part most fiches
    have does not tell the few asked for from the rest ("un successeur" is not "an Historique rubric")."""
    cards = list(index.cards.values())
    absent = asks_for_absence(fold(question))
    most = len(cards) if absent else len(cards) // 2
    having = {s: sum(s in card.sections for card in cards) for s in sections}
    splitting = {s for s, n in having.items() if 0 < n < len(cards) and n <= most}
    if not splitting:
        return
    if not absent:
        asked = own_words(question, wanted.words)
        # a cue of the field counts even when corpus questions frame themselves with it too ("lesquelles
        # correspondent à…" frames; "des correspondances entre leurs blocs" names the rubric)
        field = [t for t in dict.fromkeys(analyse(question))
                 if names_field(t, cue_words) and t not in wanted.words and t not in QUESTION_TERMS]
        asked = list(dict.fromkeys([*asked, *field]))
        weights = index.lexical.rarity(asked)
        if sum(weights[t] for t in field) <= sum(weights[t] for t in asked if t not in field):
            return
    wanted.sections = splitting
    wanted.has_sections = not absent
    labels = [f"« {SECTION_LABELS[s]} »" for s in sorted(splitting)]
    if wanted.has_sections:
        wanted.said.append(f"dont la fiche a une rubrique {' ou '.join(labels)}")
    else:
        wanted.said.append("dont la fiche n’a " + (f"pas de rubrique {labels[0]}" if len(labels) == 1 else
                                                   "ni rubrique " + " ni ".join(labels)))


# "le même niveau que celle-ci", "du même certificateur que le BTS" : a filter whose value is another's ("ce
# même ministère", without "que", points back to the exchange before and compares nothing)
SAME_AS = re.compile(r"\bmeme\s+(?:(niveau)|(certificat(?:eur|rice)|organisme|ministere|ecole)|(?:code\s+)?(nsf)"
                     r"|(?:code\s+)?(rome)|(type))\b(?=[^,;.?!]{0,20}\bqu)")


def asks_the_same_as(question: str) -> bool:
    return SAME_AS.search(fold(question)) is not None


def same_as(wanted: CorpusFilter, question: str, reference: Card, cards: dict[str, Card]) -> None:
    """The filters the question takes from the certification it compares with ("toutes celles qui ont le même
    niveau que celle-ci"): that certification's level, certifiers, first NSF or ROME code, or type."""
    said = f"(comme {reference.code})"
    for match in SAME_AS.finditer(fold(question)):
        level, certifier, nsf, rome, kind = match.groups()
        if level and reference.level_european:
            wanted.level = reference.level_european
            wanted.said.append(f"de niveau {wanted.level} {said}")
        elif certifier and reference.certifiers:
            wanted.certifiers = {code for code, card in cards.items()
                                 if set(card.certifiers) & set(reference.certifiers)}
            wanted.said.append(f"du même certificateur {said}")
        elif nsf and reference.nsf:
            wanted.nsf = reference.nsf[0].lower()
            wanted.said.append(f"de code NSF {wanted.nsf} {said}")
        elif rome and reference.rome:
            wanted.rome = reference.rome[0].upper()
            wanted.said.append(f"menant au code ROME {wanted.rome} {said}")
        elif kind and reference.kind:
            wanted.kinds = {reference.kind}
            wanted.said.append(f"de type « {reference.kind} » {said}")


def corpus_answer(index, question: str, before: str = "", sections: set[str] = frozenset(),
                  cue_words: set[str] = frozenset(), reference: Card | None = None) -> Answer | None:
    """The certifications of the corpus the question asks for, or None when it sets no filter or domain.
    `before` is the conversation's last exchange: "d'autres mènent-elles à ce code ?" reads its filters.
    `sections` and `cue_words` are the parts of a fiche the fields the question asks for are read from, and
    the words that asked for them."""
    cards = index.cards
    question = without_code_labels(SAYS_NOTHING.sub(" ", question))  # "hors « Sans objet »": an empty rubric
    # "quelles certifications ce ministère délivre-t-il ?": the certifier is the one the exchange before named
    named_before = index.names.certified_by(before) if before and THIS_CERTIFIER.search(fold(question)) else set()
    wanted = read_filter(question, (lambda _: named_before) if named_before else index.names.certified_by,
                         lambda word, after: phrase_held(index, word, after))
    if reference is not None:
        same_as(wanted, question, reference, cards)
    if wanted.empty and before:
        wanted = read_filter(before, lambda _: set())
    kinds = kinds_named(question, {card.kind for card in cards.values() if card.kind})
    if kinds:
        wanted.kinds = kinds
        wanted.said.append("de type « " + " » ou « ".join(sorted(kinds)) + " »")
        wanted.words |= {t for kind in kinds for t in analyse(kind)}
    certifier_words = {t for code in wanted.certifiers or () for name in index.cards[code].certifiers
                       for t in analyse(name)}
    question = without_own_story(question)  # the filter is in what is asked; "je rédige des contrats…" is who asks
    terms = domain_terms(question, certifier_words | wanted.words | cue_words, index.card_terms, index.trade_terms)
    if ASKS_FOR_A_MENTION.search(fold(question)):
        terms = []
        question = ASKS_FOR_A_MENTION.sub(" ", fold(question))  # how it asks ("en toutes lettres") is not what
    if not terms and wanted.empty and sections and asks_for_absence(fold(question)):
        ask_for_sections(wanted, index, question, sections, cue_words)  # only a missing part answers "aucune"
    if not terms and wanted.empty and sections:
        valued = in_the_field(index, question, sections, cue_words)
        if valued is not None:
            return valued
    if not terms and wanted.empty:
        mentioned = mentioning(index, question, cue_words)
        if mentioned is not None or not sections:
            return mentioned
        ask_for_sections(wanted, index, question, sections, cue_words)  # no sentence names it: is it there?
        if wanted.empty:
            return None
    chosen = [card for card in cards.values() if wanted.keeps(card)]
    if terms:
        found = in_domain(index, question, terms)
        by_code = {card.code: card for card in chosen}
        chosen = [by_code[code] for code in found if code in by_code]
        wanted.said.append("qui correspondent à « " + " ".join(w for w in re.findall(r"[\w'-]+", question)
                                                               if analyse(w) and analyse(w)[0] in terms) + " »")
    chosen.sort(key=lambda card: (card.status == "inactive", card.code))
    what = " et ".join(wanted.said) if wanted.said else ""
    what = _said_of_one(what) if len(chosen) == 1 else what
    if not chosen:
        return Answer(text=f"D'après les fiches, aucune certification du corpus ne correspond ({what} ; "
                           f"{len(cards)} certifications consultées).", declined=True)
    draft = Draft()
    found = counted(len(chosen), "certification")
    draft.say(f"{found} du corpus {what} :" if what else f"{found} :")
    for card in chosen[:MAX_LISTED]:
        facts = [f"niveau {card.level_european}" if card.level_european else "",
                 "VAE ouverte" if card.vae_open else "", card.status if card.status != "active" else "",
                 " ; ".join(card.certifiers[:2]), *wanted.facts_of(card)]
        quote = "\n".join(filter(None, [card.title, *facts]))
        marker = draft.cite(Citation(code=card.code, section="presentation", section_label="Présentation",
                                     quote=quote))
        draft.say(f"- {card.code} — {card.title} ({', '.join(f for f in facts if f)}) {marker}")
    if len(chosen) > MAX_LISTED:
        draft.say(f"… et {len(chosen) - MAX_LISTED} autres : précisez votre question pour réduire la liste.")
    return Answer(text=draft.text, citations=draft.citations,
                  certification=chosen[0].code if len(chosen) == 1 else None)


def phrase_held(index, word: str, after: str) -> bool:
    """Whether some passage writes these two words in a row (their stems, as analysed)."""
    first, second = analyse(word), analyse(after)
    if not first or not second:
        return False
    ids = set(index.lexical.ids_holding(first[0])) & set(index.lexical.ids_holding(second[0]))
    return any(_next_to(analyse(chunk.body), first[0], second[0])
               for chunk in index.catalog.chunks(sorted(ids)[:LOOKED_FOR_A_PHRASE]).values())


LOOKED_FOR_A_PHRASE = 50  # passages read for two words in a row


def phrased_corpus_words(index, question: str) -> list[str]:
    """Words of corpus questions ("active", "titre") the question writes after one of its own as a fiche
    writes them: "l'écoute active" asks for that phrase, not for "écoute" alone."""
    said = re.findall(r"[\w-]+", fold(question))
    kept = []
    for word, after in zip(said, said[1:], strict=False):
        stems, next_stems = analyse(word), analyse(after)
        if (next_stems and next_stems[0] in CORPUS_WORDS and stems and stems[0] not in CORPUS_WORDS
                and stems[0] not in QUESTION_TERMS and word not in STOP_WORDS and phrase_held(index, word, after)):
            kept.append(next_stems[0])
    return list(dict.fromkeys(kept))


def mentioning(index, question: str, field_words: set[str] = frozenset()) -> Answer | None:
    """"Lesquelles confèrent le grade de master ?": no filter and no trade named, but words some fiches hold
    and most do not. The certifications with a sentence holding enough of them (by rarity, as for quotes)
    are listed, each with that sentence; None when the words are everywhere, nowhere, or the question has none.
    A word no fiche holds frames the question; a word most fiches hold does not restrict it. The words that
    name a field of the fiche (`field_words`, the registry's cues: "jury" in "un jury national", "RGPD")
    are what the question is about: the sentence must hold them too."""
    phrased = phrased_corpus_words(index, question)
    asked = own_words(question) + phrased
    holders = {term: {code for code, _ in _codes_holding(index, term)} for term in asked}
    distinct = [t for t in asked if 0 < len(holders[t]) <= max(1, len(index.cards) // 2)]
    named = _named_by_a_phrase(index, question, asked, set(distinct), set(phrased))
    if named is not None:
        return _listed(index, *named)
    required = {t for t in asked if holders[t] and names_field(t, field_words)}
    # a field word few fiches hold ("RGPD") is the whole question; one most hold ("jury") narrows where the
    # other words are looked for, when they alone say nothing ("national" is rare among juries, not fiches)
    if required & set(distinct):
        distinct = [t for t in distinct if t in required]
    elif required:
        broad = mentioning(index, question) if distinct else None
        if broad is not None:
            return broad
        distinct = [t for t in asked if t not in required and holders[t]]
    if not distinct:
        return None
    weights = index.lexical.rarity(distinct)
    quotes = {}
    for code in sorted(set().union(*(holders[t] for t in distinct)) & set().union(*(holders[t] for t in required))
                       if required else set().union(*(holders[t] for t in distinct))):
        found = _sentence_with(index, code, distinct, weights, required, alternatives(question, distinct))
        if found is not None:
            quotes[code] = found
    if not quotes or len(quotes) > max(1, len(index.cards) // 2):
        return None
    return _listed(index, quotes, _words_quoted(question, distinct, quotes))


def in_the_field(index, question: str, sections: set[str], cue_words: set[str]) -> Answer | None:
    """"Pour quelles certifications un GRETA est-il habilité ?", "lesquelles ont des chiffres pour 2021 ?",
    "où le jury compte des recruteurs ?": a field asked over the corpus with a value. The certifications whose
    passages of that field hold the question's other words (a year counts) are listed, each with its line
    that holds them; None when no such word tells some certifications from the others there. Only the
    certifications whose passages of the field the word search finds are read, not the whole corpus."""
    asked = [t for t in dict.fromkeys(analyse(question))
             if t not in QUESTION_TERMS and t not in CORPUS_WORDS and not names_field(t, cue_words)]
    holding = {t: _chunks_holding(index, t) for t in asked}
    candidates = {t: {chunk.code for chunk in chunks if chunk.section in sections} for t, chunks in holding.items()}
    lines = {code: list(_field_lines(index, code, sections)) for code in set().union(*candidates.values())}
    holders = {t: {code for code in candidates[t] if any(t in terms for _, _, terms in lines[code])} for t in asked}
    # a value of the field: a year, or a word no other part of any fiche holds ("start-up"); a word found
    # elsewhere too is left to `mentioning`, over the whole fiche (with "more than half of its passages"
    # instead, two read cases were lost for three gained)
    distinct = [t for t in asked if 0 < len(holders[t]) < len(index.cards)
                and (YEAR.fullmatch(t) is not None or {chunk.section for chunk in holding[t]} <= sections)]
    if not distinct:
        return None
    weights = index.lexical.rarity(distinct)
    quotes: dict[str, Citation] = {}
    for code in sorted(set().union(*(holders[t] for t in distinct))):
        # the line holding most of the value, and among those one that names the field too ("arrêté … 2023")
        share, _, chunk, line = max(((share_held(distinct, terms, weights),
                                      any(names_field(t, cue_words) for t in terms), chunk, line)
                                     for chunk, line, terms in lines[code]), key=lambda found: found[:2])
        if share >= MENTIONED:
            quotes[code] = _quoted(chunk, line, distinct, weights)
    if not quotes or len(quotes) == len(index.cards):
        return None
    said = _words_quoted(question, distinct, quotes)
    labels = sorted({SECTION_LABELS.get(citation.section, citation.section) for citation in quotes.values()})
    return _listed(index, quotes, said, f"dont la rubrique « {' » ou « '.join(labels)} » mentionne")


def _field_lines(index, code: str, sections: set[str]) -> Iterator[tuple[Chunk, str, set[str]]]:
    """(passage, line, its analysed words) of the certification's passages in the given sections: sentences,
    and in lists of organisations each name."""
    for chunk in index.passages_of([code]):
        if chunk.section in sections:
            parts = chunk.body.replace("\n", " ; ").split(" ; ") if chunk.section == PARTNER_SECTION \
                else chunk.sentences()
            for line in parts:
                if line.strip():
                    yield chunk, line.strip(), set(analyse(line))


def _words_quoted(question: str, asked: list[str], quotes: dict[str, Citation]) -> str:
    """The question's own words, as typed, among those asked that the quotes hold: what the answer says it
    found ("musées", not "mus")."""
    quoted = {t for citation in quotes.values() for t in analyse(citation.quote)}
    return " ".join(w for w in re.findall(r"[\w'-]+", question)
                    if analyse(w) and analyse(w)[0] in asked and analyse(w)[0] in quoted)


def _listed(index, quotes: dict[str, Citation], said: str, how: str = "dont la fiche mentionne") -> Answer:
    """The certifications found, each with the sentence of its fiche that mentions what was asked."""
    draft = Draft()
    said = " ".join(dict.fromkeys(said.split()))  # "… pas dans un grand groupe … en pme": "pme" said once
    draft.say(f"{counted(len(quotes), 'certification')} du corpus {how} « {said} » :")
    for code, citation in quotes.items():
        marker = draft.cite(citation)
        draft.say(f"- {code} — {index.cards[code].title} : « {citation.quote} » {marker}")
    return Answer(text=draft.text, citations=draft.citations,
                  certification=next(iter(quotes)) if len(quotes) == 1 else None)


def _named_by_a_phrase(index, question: str, asked: list[str], distinct: set[str],
                       phrased: set[str] = frozenset()) -> tuple[dict[str, Citation], str] | None:
    """"Celles qui renvoient au Code de l'éducation": a name of two words, one of them the question's own and
    too common alone ("éducation" is in most fiches, "code" in all), the two together in few. The fiches whose
    sentence holds the two words side by side are listed, with that sentence; None when no such pair names
    fewer than half of the corpus, or its own word already tells the fiches apart, unless the question writes
    the pair as a fiche does around a word of corpus questions (`phrased`: "l'écoute active" is not "l'écoute")."""
    sequence = analyse(question)
    for first, second in zip(sequence, sequence[1:], strict=False):
        own = {first, second} & set(asked)
        if not own or (own & distinct and second not in phrased) or first == second:
            continue
        quotes = {}
        for code in sorted({code for code, _ in _codes_holding(index, first)}):
            found = next((_quoted(chunk, sentence, [first, second]) for chunk, sentence in _sentences_of(index, code)
                          if _next_to(analyse(sentence), first, second)), None)
            if found is not None:
                quotes[code] = found
        if 0 < len(quotes) <= max(1, len(index.cards) // 2):
            return quotes, _span(question, first, second)
    return None


def _next_to(terms: list[str], first: str, second: str) -> bool:
    return any(a == first and b == second for a, b in zip(terms, terms[1:], strict=False))


def _span(question: str, first: str, second: str) -> str:
    """The question's own words from the one analysed as `first` to the next analysed as `second`, as typed
    ("code de l'education")."""
    spans = [(m.start(), m.end(), analyse(m.group())[:1]) for m in re.finditer(r"[\w'’-]+", question)]
    for position, (start, _, term) in enumerate(spans):
        if term == [first]:
            end = next((e for _, e, t in spans[position + 1:] if t == [second]), None)
            if end is not None:
                return question[start:end]
    return f"{first} {second}"


def _lines_of(index, code: str) -> Iterator[tuple[Chunk, str, list[str]]]:
    """(passage, line, its sentences) of the certification's passages, in the fiche's order, but its lists of
    organisations (names, not sentences): a line is one rubric of the fiche, its label and its text."""
    for chunk in index.passages_of([code]):
        if chunk.section != "partenaires":
            for line in chunk.body.split("\n"):
                yield chunk, line, split_sentences(line)


def _sentences_of(index, code: str) -> Iterator[tuple[Chunk, str]]:
    """(passage, sentence) of the certification's passages, as `_lines_of` reads them."""
    for chunk, _, sentences in _lines_of(index, code):
        for sentence in sentences:
            yield chunk, sentence


def _quoted(chunk: Chunk, sentence: str, terms: list[str], weights: dict[str, float] | None = None) -> Citation:
    """The sentence cut to the part that holds the words asked: "musées" may come after its 300th character."""
    return quote_of(chunk, window(sentence, terms, QUOTED_CHARS, weights))


def _codes_holding(index, term: str) -> list[tuple[str, str]]:
    """(certification, passage id) of the passages whose words hold the term."""
    hits = index.lexical.search(term, len(index.lexical.ids))
    chunks = index.catalog.chunks(chunk_id for chunk_id, _ in hits)
    return [(chunk.code, chunk_id) for chunk_id, chunk in chunks.items()]


def _chunks_holding(index, term: str) -> list[Chunk]:
    """The passages whose analysed words hold the term itself."""
    return list(index.catalog.chunks(index.lexical.ids_holding(term)).values())


def _sentence_with(index, code: str, terms: list[str], weights: dict[str, float],
                   required: set[str] = frozenset(), either: dict[str, str] | None = None) -> Citation | None:
    """The certification's sentence holding the largest share of the terms (by rarity), when it holds at least
    MENTIONED of them, as a citation. A word asked as an alternative of another (`either`: "les musées ou la
    muséographie") is held when the other is. The words that name the field asked (`required` but `terms`)
    are held by every sentence of a line that holds them: "Modalités d'évaluation : … A l'issue, il est
    présenté en soutenance orale" holds a soutenance among the modalités d'évaluation in its second sentence."""
    either = either or {}
    best: tuple[float, Citation | None] = (0.0, None)
    naming_the_field = required - set(terms)
    for chunk, line, sentences in _lines_of(index, code):
        held_by_the_line = naming_the_field & set(analyse(line)) if naming_the_field else set()
        for sentence in sentences:
            present = set(analyse(sentence)) | held_by_the_line
            if required and not required <= present:
                continue
            present |= {term for term, other in either.items() if other in present}
            share = share_held(terms, present, weights)
            if share > best[0]:
                best = (share, _quoted(chunk, sentence, terms, weights))
    return best[1] if best[0] >= MENTIONED else None


def alternatives(question: str, terms: list[str]) -> dict[str, str]:
    """Each of two words the question joins by "ou" ("PME ou TPE", "les musées ou la muséographie"), mapped to
    the other: either one answers."""
    either: dict[str, str] = {}
    for match in re.finditer(r"([\w-]+)\s+ou\s+(?:(?:l'|le |la |les |des |du |de |d')\s*)?([\w-]+)", fold(question)):
        first, second = analyse(match.group(1))[:1], analyse(match.group(2))[:1]
        if first and second and first != second and first[0] in terms and second[0] in terms:
            either[first[0]], either[second[0]] = second[0], first[0]
    return either
