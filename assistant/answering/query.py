"""A question understood once: what it names and asks, read against the conversation before it.

Every later step (the router, the field answerers, the extractive path) reads this `Query` instead of
parsing the text again. Resolution order for the certification, the way a person means it:
1. a code written in the question ("RNCP 31168", "31168", "RNCP31168BC02");
2. a certification the question clearly names (title, acronym, certifier: see `index/names.py`);
3. the certification selected in the interface;
4. the certification the conversation was about;
5. a certification the question points to by one distinctive word ("la formation véto").
Several equally good readings at step 2 are kept as `ambiguous` and shown to the person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.certification import Certification, Route, Unit
from assistant.index.french_analyser import QUESTION_TERMS, STOP_WORDS, analyse
from assistant.index.names import FAMILY, CertificationNames
from assistant.index.structure_hints import ORDINALS, mentioned_bloc_numbers
from assistant.readers.text_cleanup import split_sentences
from assistant.text_normalise import fold, spell_out

MAX_QUESTION_CHARS = 2000  # what is answered; a longer message is answered on the question it asks
LONG_MESSAGE_CHARS = 400

ROUTE_WORDS: list[tuple[Route, re.Pattern[str]]] = [
    (route, re.compile(pattern))
    for route, pattern in [
        (Route.APPRENTISSAGE, r"\bapprenti|\balternance|\balternant"),
        (Route.CONTRAT_PROFESSIONNALISATION,
         r"professionnalisation|\bcontrats? (?:de )?pro\b|\balternance|\balternant"),
        (Route.FORMATION_CONTINUE, r"formation continue"),
        (Route.FORMATION_INITIALE, r"formation initiale|\betudiant|\beleve\b|\bscolaire"),
        (Route.CANDIDATURE_INDIVIDUELLE, r"candidature individuelle|candidats? libres?|\ben libre\b"),
        (Route.VAE, r"\bvae\b|validation des acquis|\bpar (?:l.)?experience"),
    ]
]
# "ce titre", "cette certification": the one selected in the interface, whatever certifier the question names
THE_ONE_SELECTED = re.compile(r"\b(?:ce|cet|cette)\s+(?:titre|diplome|certification|certif|formation|bts|cursus)\b")
THIS_BLOC = re.compile(r"\b(?:ce|cet|cette|le meme|du meme|ce meme)\s+(?:bloc|module|activite|unite|bc)\b")
FOLLOW_UP_START = re.compile(r"^\s*(?:et|puis|aussi|idem|meme chose|pareil|ok|d.accord|et pour|pour)\b")
BLOC_FIELDS = {"bloc_content", "bloc_evaluation", "bloc_find", "blocs", "evaluation"}  # "et le 3 ?" is a bloc
BARE_ORDINAL = re.compile(r"\b(?:le|la|du|au)\s+(" + "|".join(ORDINALS) + r")\b")
OPENING_ORDINAL = re.compile(r"\s*(?:et\s+)?(?:le|la)\s+(?:" + "|".join(ORDINALS) + r")\b")
BARE_NUMBER = re.compile(r"(?<![\w/])(\d{1,2})(?![\w/])")


def routes_in(text: str) -> list[Route]:
    """The access routes a text names, in the order of the fiches."""
    folded = fold(text)
    return [route for route, pattern in ROUTE_WORDS if pattern.search(folded)]


def focus(message: str) -> tuple[str, bool]:
    """The question a long message asks (its last sentence ending with "?"), and whether it was cut.

    Context piled around a question ("je suis très motivé… jury… budgets…") would otherwise decide what is
    answered; the question itself says what is asked. Without a question mark, the message is cut."""
    if len(message) <= LONG_MESSAGE_CHARS:
        return message, False
    asked = [s for s in split_sentences(message.replace("\n", " ")) if s.rstrip().endswith("?")]
    asked = [s for s in asked if len(s) <= LONG_MESSAGE_CHARS]
    cut = len(message) > MAX_QUESTION_CHARS
    if asked:
        return asked[-1] if len(asked[-1].split()) >= 3 or len(asked) == 1 else asked[0], cut
    return message[:MAX_QUESTION_CHARS], cut


@dataclass
class Context:
    """What the conversation so far was about: the certification(s), the field, the bloc, the route."""

    codes: list[str] = field(default_factory=list)
    field_name: str = ""
    bloc_number: int | None = None
    route: Route | None = None
    last_question: str = ""
    last_answer: str = ""


@dataclass
class Query:
    text: str  # the question answered (a long message's own question)
    original: str
    folded: str
    terms: list[str]
    codes: list[str]  # the certification(s) the question is about, resolved
    how: str  # "code", "nom", "sélection", "conversation", "indice" or "" (none)
    ambiguous: list[str]
    unknown_codes: list[str]
    bloc_numbers: list[int]
    routes: list[Route]
    follow_up: bool
    context: Context
    cut: bool = False  # the message was longer than MAX_QUESTION_CHARS: only its question (or start) is read
    extra_codes: list[str] = field(default_factory=list)  # codes named elsewhere in a long message
    asked: str = ""  # `folded` without the certification's title written out: what the question asks

    def __post_init__(self) -> None:
        self.asked = self.asked or self.folded

    @property
    def route(self) -> Route | None:
        return self.routes[0] if self.routes else None

    @property
    def certification(self) -> str | None:
        return self.codes[0] if len(self.codes) == 1 else None


TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")


def without_words(text: str, words: set[str]) -> str:
    """The text less the words whose analysed terms are all among `words`, punctuation kept: a search within
    one certification is not pulled by the words that name it ("dev web cesi", "le titre pro cda"), which its
    lists of organisations and its presentation repeat, but by what is asked. The text itself when nothing
    else is left."""
    kept = [token for token in TOKEN.findall(text)
            if not ((terms := analyse(token)) and all(term in words for term in terms))]
    return " ".join(kept) if any(analyse(token) for token in kept) else text


# Words that point back to the conversation: "ce code", "cette certification", "d'autres", "aussi".
POINTS_BACK = re.compile(r"\b(?:ce|cet|cette|ces)\s+(?:memes?\s+)?(?:code|titre|diplome|certification|bloc|module|"
                         r"fiche|jury|metier|niveau|ministere|certificateur)s?\b"
                         r"|\bd.autres\b|\baussi\b|\bcelui-ci\b|\bcelle-ci\b|\bla meme\b|\ble meme\b")


def looks_like_follow_up(folded: str) -> bool:
    """"et pour le bloc 2 ?", "ce titre", a few words, or an ordinal opening the question ("le troisième, il
    couvre quoi ?"): one of the things listed just before."""
    return bool(FOLLOW_UP_START.match(folded) or POINTS_BACK.search(folded) or OPENING_ORDINAL.match(folded)) \
        or len(folded.split()) <= 4


def read_context(history: list[tuple[str, str]], names: CertificationNames, field_of) -> Context:
    """Walk the conversation once, keeping what each turn settled. `field_of(question)` names the field a
    question asked, or "" (the router, passed in so that this module does not depend on it)."""
    context = Context()
    for role, content in history:
        if role == "user":
            mention = names.named_in(content)
            if mention.codes:
                context.codes = mention.codes
            asked = field_of(content, context)
            if asked:
                context.field_name = asked
            numbers = mentioned_bloc_numbers(content)
            if numbers:
                context.bloc_number = numbers[0]
            elif asked and not asked.startswith("bloc"):
                context.bloc_number = None
            context.route = next(iter(routes_in(content)), context.route)
            context.last_question = content
        else:
            context.last_answer = content
            if not context.codes or not names.named_in(context.last_question).codes:
                said = names.codes_in(content)
                if said:
                    context.codes = said[:1]
    return context


NOT_A_WORD = re.compile(r"[^\w' -]")


# not names.py's OLDER and NEWER: "précédent", "récent" ask for another version ("le précédent cda"), they
# do not choose which certification a name means
AGE_WORD = re.compile(r"^(?:l')?(?:ancien|ancienne|nouveau|nouvelle|vieux|vieille|actuel|actuelle)$")


def without_age_of_a_name(folded: str, naming: set[str]) -> str:
    """The folded question without "ancien" or "nouveau" where it tells which of two certifications a name
    means ("l'ancien pge de gem", "le nouveau cda"): it chose the certification, it does not ask about the
    one that replaced it. "c'est quoi l'ancien titre ?" asks, since "titre" names no certification alone."""
    tokens = folded.split()
    kept = [token for token, following in zip(tokens, [*tokens[1:], ""], strict=True)
            if not (AGE_WORD.match(token) and (terms := analyse(following)) and terms[0] in naming)]
    return " ".join(kept)


def without_titles(folded: str, titles: list[str]) -> str:
    """The folded question without any run of words (two of them significant) a title holds in that order:
    "admis au programme grande ecole de gem" asks about admission, not a "programme" (a cue for the blocs).
    A single word stays: "quel diplôme" may ask something."""
    tokens = folded.split()
    bare = [NOT_A_WORD.sub("", token) for token in tokens]
    spans: set[int] = set()
    for title in titles:
        said = " " + " ".join(NOT_A_WORD.sub(" ", fold(title)).split()) + " "
        for start in range(len(tokens)):
            end = start + 1
            while end < len(tokens) and f" {' '.join(bare[start:end + 1])} " in said:
                end += 1
            if sum(bare[i] not in STOP_WORDS for i in range(start, end)) >= 2:  # "de niveau" is no title
                spans.update(range(start, end))
    return " ".join(token for i, token in enumerate(tokens) if i not in spans) if spans else folded


def units_written_out(folded: str, units: list[Unit]) -> list[Unit]:
    """The units whose title the folded question writes out (two significant words of it in a row)."""
    return [unit for unit in units if without_titles(folded, [unit.title]) != folded]


# "l'épreuve E1", "le DC3", "l'EP2": the label a unit's title or evaluation gives it
UNIT_LABEL = re.compile(r"\b([a-z]{1,3}) ?(\d{1,2})\b")
LABELS_READ_ELSEWHERE = frozenset({"bc", "ccp", "n", "no", "bac", "rncp"})  # bloc numbers ("bc02", "ccp 2"), "n°3"
# "Épreuve EP3 « Conduite d'un institut … », coefficient 4": an evaluation that opens by the unit's label
OPENING_LABEL = re.compile(r"^\W*((?:\w+\s+){0,1}[A-Z]{1,3}\s?\d{1,2})\b")


def label_of(c: Certification, unit: Unit) -> str | None:
    """The label a unit's evaluation opens with, as the fiche writes it ("épreuve EP3"), when its title does
    not already give one: people name such units by it, so an answer naming the unit gives it too."""
    bloc = c.bloc(unit.code)
    if bloc is None or UNIT_LABEL.search(fold(unit.title)):
        return None
    opening = OPENING_LABEL.match(bloc.evaluation)
    if opening is None:
        return None
    label = opening.group(1)
    first = UNIT_LABEL.search(fold(label))
    if first is None or first.group(1) in LABELS_READ_ELSEWHERE:
        return None
    return label[:1].lower() + label[1:]


def units_labelled(c: Certification, folded: str) -> list[Unit]:
    """The units the question names by their label ("l'épreuve E1", "le dc3"): the one whose title holds it,
    or whose evaluation opens with it ("Épreuve E2 …, réalisée à la suite de l'épreuve E1" is E2's)."""
    asked = {(letters, int(number)) for letters, number in UNIT_LABEL.findall(folded)
             if letters not in LABELS_READ_ELSEWHERE}
    if not asked:
        return []
    found = []
    for unit in c.units:
        bloc = c.bloc(unit.code)
        own = {(letters, int(number)) for letters, number in UNIT_LABEL.findall(fold(unit.title))}
        opening = UNIT_LABEL.search(fold(bloc.evaluation)) if bloc is not None else None
        if opening is not None:
            own.add((opening.group(1), int(opening.group(2))))
        if asked & own:
            found.append(unit)
    return found


# "le bloc logistique", "le bloc de vente et de conseil du titre …": the words after a unit's noun name it,
# up to the certification they belong to or the end of the clause
UNIT_NOUN = re.compile(r"\b(?:bloc|ccp|module|domaine de competences?|epreuve|unite)s?\b")
NAME_ENDS = re.compile(r"[,;:?!.()]|\b(?:du|de la|de ce|de cette|dans le|dans la|au|pour|c|c'est|ca|il|elle|"
                       r"titre|diplome|cap|bts|bp|tp|certification|qui|que|quand|comment|ou|est|faut)\b")
NAME_WORDS = 5  # words after the noun read as the unit's name
# words that follow a unit's noun without naming one ("le bloc de compétences", "le bloc validé")
NOT_A_UNIT_NAME = frozenset(analyse("competences professionnelles valide valides acquis obtenu entier suivant "
                                    "premier dernier"))


def unit_named_after_its_noun(folded: str, units: list[Unit]) -> Unit | None:
    """The unit whose title holds most of the words said right after "bloc" (or "ccp", "épreuve"…), when one
    holds more than any other: "le bloc logistique" is « Coordonner la production et la logistique d'un
    événement »."""
    said: set[str] = set()
    for noun in UNIT_NOUN.finditer(folded):
        rest = NAME_ENDS.split(folded[noun.end():], maxsplit=1)[0]
        said |= set(analyse(" ".join(rest.split()[:NAME_WORDS])))
    said -= NOT_A_UNIT_NAME | QUESTION_TERMS
    if not said:
        return None
    return unit_holding_most(units, lambda title: len(_of_its_family(said, title)))


def unit_holding_most(units: list[Unit], held: Callable[[set[str]], int]) -> Unit | None:
    """The unit whose analysed title holds more of what is said (`held` counts it) than any other unit, and
    something at least; None on a tie: the words then do not say which unit."""
    counts = [(held(set(analyse(u.title))), u) for u in units]
    best = max((count for count, _ in counts), default=0)
    winners = [u for count, u in counts if count == best]
    return winners[0] if best >= 1 and len(winners) == 1 else None


def _of_its_family(said: set[str], title: set[str]) -> set[str]:
    """The words said that are words of the title or of their family (the same first `FAMILY` letters:
    "finance" and "financière")."""
    return {word for word in said if word in title or any(word[:FAMILY] == other[:FAMILY] for other in title
                                                          if len(word) >= FAMILY and len(other) >= FAMILY)}


# "le code NSF 315t (Etablissement de la paie, …)": the register's label of a code, copied after it
CODE_LABEL = re.compile(r"(\b(?:nsf|rome)\b\s*:?\s*[a-z]?\d{3,4}[a-z]?\s*)\([^)]*\)", re.IGNORECASE)


def without_code_labels(text: str) -> str:
    """The text without the labels copied after its NSF or ROME codes: the code filters, its label is the
    register's wording, neither a domain asked nor the name of a certification ("Gestionnaire de paie")."""
    return CODE_LABEL.sub(r"\1", text)


def understand(question: str, names: CertificationNames, selected: str | None, context: Context) -> Query:
    original = question.strip()
    text, cut = focus(original)
    folded = names.with_title_words(spell_out(fold(text)))
    follow_up = looks_like_follow_up(folded)
    mention = names.named_in(without_code_labels(text))  # "NSF 315t (… de la paie …)" names no title
    extra = [c for c in names.codes_in(original) if c not in mention.codes] if text != original else []
    codes, how, ambiguous = mention.codes, mention.how, mention.ambiguous
    if not codes and extra:
        codes, how = extra[:1], "code"
    if how == "nom" and selected in names.codes and selected not in codes and THE_ONE_SELECTED.search(folded) \
            and all(names.by_its_certifier_only(text, code) for code in codes):
        codes, how = [selected], "sélection"  # "une CCI locale prépare-t-elle ce titre ?": the one chosen
    if not codes and ambiguous and selected in ambiguous:
        codes, how, ambiguous = [selected], "sélection", []
    if not codes and ambiguous and context.codes and context.codes[0] in ambiguous:
        codes, how, ambiguous = context.codes[:1], "conversation", []
    if not codes and not ambiguous:
        if selected and selected in names.codes:
            codes, how = [selected], "sélection"
        elif context.codes:
            codes, how = context.codes[:1], "conversation"
        else:
            weak = names.weakly_named_in(text)
            if len(weak) == 1:
                codes, how = weak, "indice"
    numbers = mentioned_bloc_numbers(text)
    if not numbers and (context.bloc_number is not None or context.field_name in BLOC_FIELDS):
        bare = [int(n) for n in BARE_NUMBER.findall(folded)] if follow_up else []
        bare += [ORDINALS[w] for w in BARE_ORDINAL.findall(folded)] if follow_up else []  # "et le premier ?"
        this = [context.bloc_number] if THIS_BLOC.search(folded) and context.bloc_number is not None else []
        numbers = bare[:1] or this
    if ambiguous and not codes:
        how = "ambigu"
    return Query(
        text=text, original=original, folded=folded, terms=analyse(text), codes=codes, how=how,
        ambiguous=ambiguous, unknown_codes=names.unknown_codes_in(text), bloc_numbers=numbers,
        routes=routes_in(text) or ([context.route] if follow_up and context.route else []), follow_up=follow_up,
        context=context, cut=cut, extra_codes=extra,
        asked=without_age_of_a_name(without_titles(folded, [t for code in codes or ambiguous
                                                             for t in names.titles_of(code)]),
                                    names.specific_name_terms(codes or ambiguous)),
    )
