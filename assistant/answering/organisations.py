"""Questions that name a training organisation: "je peux faire le DWWM à l'AFPA ?", "Simplon prépare quels
titres ?".

An organisation is recognised from the fiches themselves, not from a list: a word of the question names an
organisation when it is the first word of an authorised organisation's name (how people call "AFPA
ENTREPRISES" or "SIMPLON.CO") and every passage that holds it is such a list: "afpa" or "simplon" are;
"formation", "pro" or "chat" (the last word of an organisation's name) are not. Such a word found further in
a name names it too: a place only the lists hold ("Guadeloupe", "Allier") names the organisations there
("GRETA DE LA GUADELOUPE"). Among the names so held, the ones holding the most specific words win (a word
few names hold, "serres", over one many hold, "lycee"), a name's head counting more. Short words (three letters
or fewer) are too ambiguous to name one. A longer name is also recognised when the question holds most of
its words (weighted by rarity), the initials standing for several ("la CCI Alsace Eurométropole" is
"CHAMBRE DE COMMERCE ET D'INDUSTRIE TERRITORIALE ALSACE EUROMETROPOLE", "l'ESIEA" is "ECOLE SUP
INFORMATIQUE ELECTRON AUTOMAT"), one of the words held being rare ("Alsace", not "centre" or "formation":
"un centre de formation pour le titre ?" names no organisation); only the best-named ones are kept. The
answer quotes the fiche's list: who is authorised, for which certification; over the corpus, the
certifications the organisation delivers are listed too.
"""

from __future__ import annotations

import math
import re

from assistant.answer import Answer, Citation, cite
from assistant.answering.drafts import Draft, named
from assistant.index.cards import initials
from assistant.index.french_analyser import STOP_WORDS, analyse
from assistant.places.gazetteer import INTRODUCERS
from assistant.render.counts import agreed, counted
from assistant.render.fiche_text import french_date
from assistant.text_normalise import fold, words

PARTNER_SECTION = "partenaires"
MIN_LETTERS = 4
LOOKED_AT = 60  # passages read per word
NAME_COVERED = 0.6  # share of a long name's words (by rarity) the question must hold, initials counting
RARE_WORD = 3.9  # rarity (BM25's inverse document frequency) of a word in at most ~2 % of the passages
BEST_NAMED = 0.05  # names within this share of the best-named one are kept too
NAMED = 1.0  # a name one of whose words the question holds outranks one it holds most of (`_named_share` ≤ 1)…
HEAD = 1.5  # …by how specific each word held is (`_name_specificity`), the name's first word counting more
OWN_WORD = 0.85  # specificity of a word two names at most hold (of the corpus' ~540): it names them, not a kind
MAX_INITIALS = 6  # letters of the longest initials a question may type for a name ("esiea", "ensatt")
BEGUN_STEM = 7  # letters: the shortest stem of the corpus a question's word may begin (see `stems_begun`)
# what the lists of organisations never give: asked of an organisation named, the fiche cannot answer
COORDINATES_ASKED = re.compile(r"\b(?:adresse|telephone|tel|mail|e-mail|email|courriel|coordonnees)\b")
# a word after a subject pronoun is a verb ("je bosse", "on fait"), not the name of an organisation; a pronoun
# inverted after its verb ("liste-t-elle GREEN UP ACADEMY") is followed by the verb's object
VERB_AFTER_ITS_SUBJECT = re.compile(r"(?<![\w-])(?:j'|(?:je|tu|il|elle|on|nous|vous|ils|elles)\s+)(?:ne\s+|n')?(\w+)")


def organisations_named(index, terms: list[str], question: str = "", kinds_too: bool = False,
                        capitals: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """For each certification, the authorised organisations the question names: by the first word of their
    name (one of `terms`, the question's own words), or by most of its words (`question`, folded: every word
    counts there, the certification's name included, and the initials people type). A word is a name's when
    only the lists of organisations hold it; `kinds_too`, when the question asks about organisations, also
    when other passages hold it as a rare word ("un GRETA figure-t-il parmi les organismes habilités ?"
    while an evaluation rule speaks of "CFA porté par un GRETA"). `capitals`: the words the question wrote in
    capitals (`written_in_capitals`), which may be the initials of a name ("l'UCO")."""
    said = words(question)
    verbs = {stem for verb in VERB_AFTER_ITS_SUBJECT.findall(question) for stem in analyse(verb)}
    typed = {w for w in said if len(w) >= 3 and w not in STOP_WORDS}
    terms = [t for t in [*terms, *sorted(stems_begun(index, typed) - set(terms))] if t not in verbs]
    every = set(analyse(question)) | set(terms)
    weights = index.lexical.rarity(sorted(every))
    rare = {t for t in every if weights[t] >= RARE_WORD}  # a name held by most of its words holds one of these
    heads: dict[str, set[str]] = {}  # certification → first words that name one of its organisations
    kinds: set[str] = set()  # words other passages hold too: they name the organisations whose name they begin
    for term in sorted({t for t in terms if len(t) >= MIN_LETTERS} | rare):
        chunks = _passages_holding(index, term)
        listed = [c.code for c in chunks if c.section == PARTNER_SECTION]
        list_only = bool(listed) and term in terms and len(listed) == len(chunks)
        a_kind = kinds_too and not list_only and bool(listed) and term in terms and term in rare
        for code in dict.fromkeys(listed):
            heads.setdefault(code, set()).update([term] if list_only or a_kind else [])
        kinds.update([term] if a_kind else [])
    rarity = index.lexical.rarity
    specific = _name_specificity(index)
    scored: dict[str, list[tuple[float, str]]] = {}
    for code, first_words in heads.items():
        for partner in index.certification(code).partners:
            if partner.active is False:
                continue
            name_terms = analyse(partner.name)
            held = {term for term in first_words & set(name_terms) if term not in kinds or name_terms[0] == term}
            if held:  # "les campus Ynov": YNOV CAMPUS, not every CAMPUS; "GRETA DE LA GUADELOUPE" for "en Guadeloupe"
                score = NAMED + sum(specific(term) * (HEAD if name_terms[:1] == [term] else 1.0) for term in held)
            else:
                score = _named_share(partner.name, every, typed, rarity) if rare & set(name_terms) else 0.0
            if score >= NAME_COVERED:
                scored.setdefault(code, []).append((score, partner.name))
    for code, name in _named_by_initials(index, capitals):  # "l'UCO d'Angers"
        scored.setdefault(code, []).append((NAMED + HEAD, name))
    for code, name in _written_out(index, said):  # "l'École 89", "l'école européenne du numérique"
        scored.setdefault(code, []).append((NAMED + HEAD, name))
    best = max((score for names in scored.values() for score, _ in names), default=0.0)
    found = {code: list(dict.fromkeys(name for score, name in names if score >= best - BEST_NAMED))
             for code, names in scored.items()}
    return {code: names for code, names in found.items() if names}


def prepare_names(index) -> None:
    """The tables organisations are named with, built once: the initials from the cards, the rarity of the
    words of their names over every fiche (1.1 ms a fiche measured on 14; some 10 s at 10 000, estimated, not
    benchmarked), the names recognised when written out whole (25 ms on the 14 fiches, 0.75 s on 1 000
    synthetic fiches, measured with hashed vectors). `serve`'s warm-up builds them so that no candidate's
    first question waits."""
    organisation_initials(index)
    _name_specificity(index)
    _distinct_name_runs(index)


def written_in_capitals(text: str) -> frozenset[str]:
    """The words of three to six letters a text writes in capitals, folded: initials ("UCO", "CEZ") are
    written so; in lower case they are too often a word ("ado", "arc")."""
    return frozenset(fold(word) for word in re.findall(rf"\b[A-Z]{{3,{MAX_INITIALS}}}\b", text))


def _written_out(index, said: list[str]) -> set[tuple[str, str]]:
    """(certification, organisation) pairs whose whole name the question writes as a run of words: "l'École
    89 est-elle habilitée ?" names ECOLE 89 though "école" is a kind and "89" too short to name it alone. A
    name of one word, or of ordinary words only ("VIA FORMATION", "ECO COM"), is not recognised this way:
    written out, it is a phrase of the question as often as a name."""
    runs = _distinct_name_runs(index)
    return {pair for length in {len(run) for run in runs} for start in range(len(said) - length + 1)
            for pair in runs.get(tuple(said[start:start + length]), ())}


def _distinct_name_runs(index) -> dict[tuple[str, ...], set[tuple[str, str]]]:
    """The folded words of every active organisation's name of two words or more that holds a digit or a
    word no passage outside the lists holds, or that has three significant words or more, with the
    certifications it is authorised for. Gathered once per opened index."""
    known = getattr(index, "_distinct_name_runs", None)
    if known is not None:
        return known
    known = {}
    outside: dict[str, bool] = {}  # a word of many names is looked up once

    def ordinary(word: str) -> bool:
        if word not in outside:
            outside[word] = _outside_the_lists(index, word)
        return outside[word]

    for certification in index.catalog.certifications():
        for partner in certification.partners:
            run = tuple(words(partner.name))
            significant = [w for w in run if w not in STOP_WORDS]
            if partner.active is False or len(run) < 2:
                continue
            if len(significant) >= 3 or any(w.isdigit() or not ordinary(w) for w in significant):
                known.setdefault(run, set()).add((certification.code, partner.name))
    index._distinct_name_runs = known
    return known


def _outside_the_lists(index, word: str) -> bool:
    """Whether a passage other than a list of organisations holds the word."""
    stems = analyse(word)
    return not stems or any(chunk.section != PARTNER_SECTION for chunk in _passages_holding(index, stems[0]))


def _passages_holding(index, term: str) -> list:
    """The first LOOKED_AT passages holding the analysed term itself (searched as text, a stem may analyse
    to another: "olivi")."""
    return list(index.catalog.chunks(index.lexical.ids_holding(term)[:LOOKED_AT]).values())


def _named_by_initials(index, capitals: frozenset[str]) -> set[tuple[str, str]]:
    """(certification, organisation) pairs named by initials written in capitals that no passage holds."""
    initials = organisation_initials(index) if capitals else {}
    return {pair for word in capitals if not index.lexical.holds(word) for pair in initials.get(word, ())}


def organisation_initials(index) -> dict[str, set[tuple[str, str]]]:
    """The initials of every active organisation and certifier of the corpus ("uco" for UNIVERSITE CATHOLIQUE
    DE L OUEST, "cez" for CENTRE D'ENSEIGNEMENT ZOOTECHNIQUE), with the certifications they are partners of
    (a certifier's own: none). People name them so. Gathered once per opened index from the cards."""
    known = getattr(index, "_organisation_initials", None)
    if known is not None:
        return known
    known = {}
    for code, card in index.cards.items():
        for letters, names in card.partner_initials.items():
            known.setdefault(letters, set()).update((code, name) for name in names)
        for letters in card.certifier_initials:
            known.setdefault(letters, set())
    index._organisation_initials = known
    return known


def _name_specificity(index):
    """How few organisations' names hold a term, from 1 (one name) down towards 0 (every name): "serres" or
    "limoges" say which organisation, "lycee" or "agricole" only which kind. Counted once per opened index
    over the partners of every fiche."""
    known = getattr(index, "_partner_name_specificity", None)
    if known is not None:
        return known
    names = {p.name for certification in index.catalog.certifications() for p in certification.partners}
    holding: dict[str, int] = {}
    for name in names:
        for term in set(analyse(name)):
            holding[term] = holding.get(term, 0) + 1
    scale = math.log(1 + len(names)) or 1.0

    def specific(term: str) -> float:
        return math.log(1 + len(names) / holding.get(term, 1)) / scale

    index._partner_name_specificity = specific
    return specific


def named_by_its_own_words(index, found: dict[str, list[str]], question: str, places=(),
                           capitals: frozenset[str] = frozenset()) -> bool:
    """Whether the organisations found are named by a word that few names hold ("Olivier de Serres", "CCI
    de l'Allier"), not only by what kind they are ("un lycée agricole", "un CFA") or by the place asked from
    (`places`): asked from a place, the first are the organisations meant, the others are to be found near
    that place."""
    specific = _name_specificity(index)
    # a word that says a place comes ("la région d'Angoulême") names no organisation, even one whose name holds
    # it ("… DE REGION HAUTS-DE-FRANCE")
    # nor does the place asked from ("jsuis a angers": "POLE BTS ALTERNANCE ANGERS" is one of those near)
    asked = (set(analyse(question)) - {t for word in INTRODUCERS for t in analyse(word)}
             - {t for place in places for t in analyse(place.name)})
    by_initials = {name for _, name in _named_by_initials(index, capitals)}
    return any(specific(term) >= OWN_WORD for names in found.values() for name in names
               for term in asked & set(analyse(name))) or any(name in by_initials for names in found.values()
                                                              for name in names)


def stems_begun(index, typed: set[str]) -> set[str]:
    """Stems of the corpus, longer than a typed word's own stem, that begin it: the analyser cuts "martinique"
    to "martin" but "martiniquais" to "martiniqu", which begins "martinique" and, held only by the lists of
    organisations, names the organisations of that place ("INSTITUT MARTINIQUAIS DE FORMATION…"). Only
    words found this way that lists of organisations alone hold name anything (`organisations_named`)."""
    found: set[str] = set()
    for word in typed:
        own = (analyse(word) or [word])[0]
        for end in range(max(BEGUN_STEM, len(own) + 1), len(word)):
            stem = word[:end]
            if index.lexical.holds(stem) and analyse(stem) == [stem]:  # searched again by its own spelling
                found.add(stem)
    return found


def _named_share(name: str, asked: set[str], typed: set[str], rarity) -> float:
    """How much of a name of three words or more the question holds, by rarity, initials counting for the
    run of words they begin ("cci" for "chambre de commerce et d'industrie"); 0 unless a rare word of the
    name is held as a word."""
    kept = [w for w in words(name) if w not in STOP_WORDS and not re.fullmatch(r"[a-z]", w)]
    if len(kept) < 3:
        return 0.0
    stems = [(analyse(w) or [w])[0] for w in kept]
    # a word of the name begun by a longer one of the question ("inform" in "informatique"); three letters begin
    # too many words ("pro" in "propose")
    held = [stem in asked or any(a.startswith(stem) for a in asked if len(stem) >= 4) for stem in stems]
    weight = rarity(stems)
    letters = initials(kept)
    typed_initials = {acronym: letters.find(acronym) for acronym in typed if acronym in letters}
    # the rare word must be the question's own word, not a longer one it begins ("sup" in "support"); and the
    # acronym written in the name ("… DU CHER (CCI)") says no more than its initials: many names share it
    if not any(stem in asked and weight[stem] >= RARE_WORD and word not in typed_initials
               for stem, word in zip(stems, kept, strict=True)):
        return 0.0
    for acronym, start in typed_initials.items():
        held[start:start + len(acronym)] = [True] * len(acronym)
    total = sum(weight[stem] for stem in stems)
    return sum(weight[stem] for h, stem in zip(held, stems, strict=True) if h) / total if total else 0.0


def partner_answer(index, code: str, names: list[str], place: str = "") -> Answer:
    """The organisations named that the certifier of `code` authorised, quoted from its fiche; when the
    question asked from a place (`place`, "de Limoges") their names do not put near, that the fiche does
    not say where they are."""
    certification = index.certification(code)
    draft = Draft()
    quote = " ; ".join(names)
    marker = draft.cite(cite(certification, PARTNER_SECTION, quote))
    kinds = {p.authorisation for p in certification.partners if p.name in names}
    what = "à former et à organiser l'évaluation" if kinds == {"HABILITATION_ORGA_FORM"} else "par le certificateur"
    verb = "figurent" if len(names) > 1 else "figure"
    if place:  # the organisation is authorised; whether it is where the candidate lives, the fiche cannot say
        pronoun = "s'ils sont" if len(names) > 1 else "s'il est"
        draft.say(f"D'après la fiche {named(certification)}, {quote} {verb} parmi les organismes partenaires "
                  f"habilités {what} {marker}. La fiche ne donne pas l'adresse des organismes : elle ne dit pas "
                  f"{pronoun} proche{'s' if len(names) > 1 else ''} {place}. Renseignez-vous auprès de "
                  "l'organisme pour le lieu, les sessions et les conditions d'accès.")
    else:
        draft.say(f"Oui : d'après la fiche {named(certification)}, {quote} {verb} parmi les organismes partenaires "
                  f"habilités {what} {marker}. Renseignez-vous auprès de l'organisme pour les sessions et les "
                  "conditions d'accès.")
    draft.lines += [f"{line} {marker}." for line in _authorisation_dates(certification, names)]
    return Answer(text=draft.text, citations=draft.citations, certification=code)


def _authorisation_dates(certification, names: list[str]) -> list[str]:
    """Since when each organisation named is authorised, as the export dates it ("depuis quand l'AFPA est
    habilitée ?"): its date of activation, else the last change of its authorisation's state."""
    said = []
    for partner in certification.partners:
        if partner.name not in names or partner.active is False:
            continue
        if partner.active_since:
            said.append(f"{partner.name} : habilitation active depuis le {french_date(partner.active_since)}")
        elif partner.state_changed:
            said.append(f"{partner.name} : dernière modification de l'habilitation le "
                        f"{french_date(partner.state_changed)}")
    return list(dict.fromkeys(said))


def partner_contact_answer(index, found: dict[str, list[str]]) -> Answer:
    """"L'adresse du CFPPA de Toulouse ?": the lists of organisations give names, never addresses or
    telephones; the fiche's word that the organisation is authorised is said, and where to ask instead."""
    draft = Draft()
    draft.say("Pas dans les fiches : elles ne donnent pas les coordonnées des organismes (adresse, téléphone).")
    for code, names in sorted(found.items())[:3]:  # none when they are not of the certification asked about
        certification = index.certification(code)
        marker = draft.cite(cite(certification, PARTNER_SECTION, " ; ".join(names)))
        verb = "figurent" if len(names) > 1 else "figure"
        draft.say(f"D'après la fiche {named(certification)}, {' ; '.join(names)} {verb} parmi ses organismes "
                  f"partenaires {marker}.")
    draft.say("Pour l'adresse et les sessions, voyez le site de l'organisme, ou France VAE (vae.gouv.fr).")
    return Answer(text=draft.text, citations=draft.citations, declined=True,
                  certification=next(iter(found)) if len(found) == 1 else None)


def corpus_partner_answer(index, found: dict[str, list[str]]) -> Answer:
    """The certifications of the corpus for which the organisations named are authorised partners, then
    those they deliver themselves."""
    draft = Draft()
    everyone = sorted({n for names in found.values() for n in names})
    draft.say(f"{' ; '.join(everyone)} {agreed(len(everyone), 'figure', 'figurent')} parmi les organismes "
              f"partenaires de {counted(len(found), 'certification')} du corpus :")
    delivered = {code: card for code, card in index.cards.items()
                 if {fold(c) for c in card.certifiers} & {fold(n) for n in everyone}}
    for code, names in sorted(found.items()):
        card = index.cards[code]
        marker = draft.cite(Citation(code=code, section=PARTNER_SECTION, section_label="Organismes partenaires",
                                     quote=" ; ".join(names)))
        draft.say(f"- {code} — {card.title} ({card.status}) {marker}")
    if delivered:
        draft.say("Certificateur de :")
        for code, card in sorted(delivered.items()):
            marker = draft.cite(Citation(code=code, section="presentation", section_label="Présentation",
                                         quote="Certificateur(s) : " + " ; ".join(card.certifiers)))
            draft.say(f"- {code} — {card.title} ({card.status}) {marker}")
    return Answer(text=draft.text, citations=draft.citations,
                  certification=next(iter(found)) if len(found) == 1 and not delivered else None)
