"""Names no fiche holds: "faut-il l'AIPR ?", "ça prépare à l'OSCP ?", "un bon score au TOSA ?".

A question that asks about a named thing (an acronym, a brand written with inner capitals, a word with a
capital inside a sentence: "quel Eurocode", "le certificat Voltaire") that appears
nowhere in the corpus cannot be answered from the fiches, however many of its other words they share: the
passages found would answer about "les notes de calculs" when "l'Eurocode" was asked. Measured on the
17 paraphrase sets already read (3 121 questions): 47 questions name such a thing and must be declined, 4 name
one and have an answer (an emphasis in capitals, a word of a long message's context, a task placed in a bloc),
which the exclusions below keep.

A name is unknown when none of its words is a word of any passage, it is not the initials of an organisation
or a certifier of the corpus, it names no certification and no place. Two letters name too many things ("MC",
"CS") to be read as a name; a word in capitals heading the message or in brackets is emphasis ("IMPORTANT -",
"[SYSTEM]"), not what is asked. A capital after an article or a preposition begins a place or an
institution ("à Papeete", "la Commission", "Le Havre"), not a thing asked: such words are left out. Measured
with this last kind: read sets 4 won, 0 lost; the never read -17, 4 won (refusal recall 0.64 -> 0.73), 0 lost.
Words with a capital in a row ("le label Numérique Responsable") are one name even when each is a word of a
fiche: it is known when a passage writes two of them side by side, or it names a certification, a place or
a body the assistant's own answers name ("France Compétences"). A credential typed in lowercase or in quotes
("le label bienvenue en france", "l'agrément pyrotechnie", "le label « Bienvenue en France »") is a name too
when the word after the noun that introduces it is no word of any fiche: read sets 4 won, 0 lost.
Initials given alone ("je suis titulaire du DEME") are known when a fiche writes that certification in full
from its type on ("diplôme d'État de moniteur-éducateur"): the dispense it grants is then in the fiches.
"""

from __future__ import annotations

import re

from assistant.answering.corpus_questions import phrase_held
from assistant.answering.organisations import organisation_initials
from assistant.index.french_analyser import STOP_WORDS, analyse
from assistant.index.names import CERTIFICATION_TYPE, SHORTENINGS, expand_shortenings
from assistant.places.gazetteer import ARTICLES, INTRODUCERS, places_asked
from assistant.text_normalise import fold, words

# AIPR, TOSA, YesWeHack, BitLocker, TAGE-MAGE: capitals after the first letter, or a word all in capitals
NAME = re.compile(r"(?<![\w\[-])([A-Z][a-z]+[A-Z][\w-]*|[A-Z]{2,}[A-Z0-9-]*|[A-Z][\w-]*-[A-Z][\w-]*)(?![\w'’\]])")
# "quel Eurocode", "le certificat Voltaire", "un score Lighthouse": a capital inside a sentence, after a word
# that is not an article or a preposition (those introduce places and institutions: "la Commission", "à
# Papeete", "des Bouches-du-Rhône")
TITLED = re.compile(r"(?<![\w\[-])([A-ZÀ-Ý][a-zà-ÿ]{2,})(?![\w'’\]-])")
# "le label Numérique Responsable": words with a capital in a row name one thing, though each is a word of a
# fiche; the name is known when a passage writes two of them side by side
TITLED_RUN = re.compile(r"(?<![\w\[-])([A-ZÀ-Ý][a-zà-ÿ]{2,}(?:[ \t]+[A-ZÀ-Ý][a-zà-ÿ]{2,})+)(?![\w'’\]-])")
# the bodies of the VAE and of the register, which the assistant's own answers name and no fiche needs to
SPOKEN_OF = frozenset({"france competences", "france vae", "france travail", "pole emploi", "mon compte formation",
                       "caisse des depots", "education nationale"})
INTRODUCES_A_PLACE = INTRODUCERS | ARTICLES | {"depuis", "chez", "pour", "par", "et", "ou", "entre"}
LAST_WORD = re.compile(r"([\w’']+)[^\w’']*$")
SENTENCE_START = re.compile(r"(?:^|[.!?:;«\"(\n])\W*$")
BRACKETED = re.compile(r"\[[^\]]*\]")
# where the candidate works or worked ("je bosse chez SNCF", "mon employeur, la MSA"): their own story, not what
# they ask the fiches
OWN_STORY = re.compile(r"\bchez\b|\b(?:je|j'|on|jsuis|je suis)\s*(?:bosse|travaille|taffe|suis salarie|suis employe|"
                       r"ai travaille|ai bosse|ai fait)\b|\b(?:mon|ma|notre)\s+(?:employeur|boite|entreprise|societe|"
                       r"agence|structure|asso\w*)\b")
CLAUSE = re.compile(r"[^,;.!?\n]+")
# "le label bienvenue en france", "l'agrément pyrotechnie", "le label « Bienvenue en France »": a credential typed
# in lowercase or in quotes is still a name when the word after the noun that introduces it is no word of any
# fiche ("certification" is left out: a verb follows it as often as a name, "la certification succède-t-elle…";
# so is "carte": "cartes postales")
CREDENTIAL = re.compile(r"\b((?:label|certificat|agr[ée]ment|habilitation|attestation|qualification|"
                        r"accr[ée]ditation|permis)s?\s+(?:de\s+|d['’]\s*|du\s+)?[«\"“]?\s*)([^\W\d_][\w-]{2,})",
                        re.IGNORECASE)


def unknown_names(index, text: str) -> list[str]:
    """The names the text asks about that no fiche of the index holds, in the order written."""
    unbracketed = BRACKETED.sub(" ", text)
    first = re.match(r"\W*([\w-]+)", unbracketed)
    asked = CLAUSE.sub(lambda clause: " " * len(clause.group(0)) if OWN_STORY.search(fold(clause.group(0)))
                       else clause.group(0), unbracketed)
    found = []
    matches = list(NAME.finditer(asked)) + [m for m in TITLED.finditer(asked) if _titled_name(asked, m.start(1))]
    for match in sorted(matches, key=lambda m: m.start(1)):
        name = match.group(1)
        if len(name) <= 2 or any(ch.isdigit() for ch in name) or (first and match.start(1) == first.start(1)):
            continue
        if _known(index, name, asked[match.end(1):]) or initials_after_their_type(index, asked, name):
            continue
        found.append(name)
    for match in TITLED_RUN.finditer(asked):
        if _titled_name(asked, match.start(1)) and not _run_known(index, match.group(1)):
            found.append(match.group(1))
    for match in CREDENTIAL.finditer(asked):
        word = match.group(2)
        if any(word in name.split() for name in found):  # "le certificat Voltaire": found as a name already
            continue
        if fold(word) not in STOP_WORDS and not _known(index, word):
            found.append(re.sub(r"[«\"“]\s*", "", match.group(1)) + word)  # said without its quotes
    return list(dict.fromkeys(found))


def _run_known(index, run: str) -> bool:
    """Whether a passage writes two words of the run side by side, or the run names a certification, an
    organisation or a place."""
    said = words(fold(run))
    if " ".join(said) in SPOKEN_OF or any(phrase_held(index, a, b) for a, b in zip(said, said[1:], strict=False)):
        return True
    return _names_a_certification_or_a_place(index, run)


def _titled_name(text: str, start: int) -> bool:
    """A word with a capital is a name when it does not begin a sentence and the word before it introduces no
    place ("Le Havre", "la Commission")."""
    before = text[:start]
    if SENTENCE_START.search(before):
        return False
    previous = LAST_WORD.search(before)
    return previous is not None and fold(previous.group(1)).strip("'") not in INTRODUCES_A_PLACE


def _known(index, name: str, after: str = "") -> bool:
    folded = fold(name)
    parts = [w for w in words(folded) if w not in STOP_WORDS]
    if not parts or any(index.lexical.holds(term) for part in parts for term in analyse(part)):
        return True
    if folded.replace("-", "") in organisation_initials(index):
        return True
    return bool(index.names.codes_in(name)) or _names_a_certification_or_a_place(index, name) \
        or _spelled_out(index, folded, after)


# the small words a spelled-out name skips in its initials ("certificat de qualification professionnelle": CQP)
SKIPPED_IN_INITIALS = r"(?:[\s'’-]+(?:de|du|des|d|la|le|les|l|et|en|a|au|aux))*[\s'’-]+"
SPELLED_OUT_READ = 200  # passages read for a name spelled out
SPELLED_OUT_FOLLOWING = 4  # words after the name looked for after its spelled-out form


def _spelled_out(index, initials: str, after: str) -> bool:
    """Whether a fiche writes in full the name the question gives by its initials, before the same words:
    "le CQP Agent machiniste classique" where the fiche says "certificat de qualification professionnelle
    Agent machiniste classique". The words that follow are needed: initials alone match some run of words
    of any long text by chance."""
    letters = initials.replace("-", "")
    following: list[str] = []  # the words written after the name, up to its second of substance
    for word in words(fold(after))[:SPELLED_OUT_FOLLOWING]:
        following.append(word)
        if sum(w not in STOP_WORDS for w in following) == 2:
            break
    stems = [terms[0] for w in following if w not in STOP_WORDS for terms in [analyse(w)] if terms]
    if not 2 < len(letters) <= 6 or not letters.isalpha():
        return False
    if stems:  # the run before the same words: read in the few passages holding those words, first
        ids = set(index.lexical.ids_holding(stems[0]))
        for stem in stems[1:]:
            ids &= set(index.lexical.ids_holding(stem))
        run = re.compile(r"\b" + _initials_run(letters) + r"[\s'’-]+"
                         + r"[\s'’-]+".join(re.escape(w) for w in following) + r"\b")
        if _written_in(index, run, ids):
            return True
    return _a_diploma_spelled_out(index, letters)


def _written_in(index, run: re.Pattern[str], ids) -> bool:
    """Whether one of these passages (the first `SPELLED_OUT_READ` of them) writes the run."""
    return any(run.search(fold(chunk.body)) for chunk in index.catalog.chunks(sorted(ids)[:SPELLED_OUT_READ]).values())


def _initials_run(letters: str) -> str:
    """The pattern of words beginning with these letters in turn, the small words between them skipped."""
    return SKIPPED_IN_INITIALS.join(letter + r"[\w-]*" for letter in letters)


# the first word of the certifications people name by initials alone ("le DEME", "un DEAS", "le CQP APS")
INITIALLED_TYPES = {"d": "diplome", "c": "certificat", "t": "titre", "b": "brevet"}


def _a_diploma_spelled_out(index, letters: str) -> bool:
    """Whether a fiche writes in full, from a type of certification on, the diploma the question gives by its
    initials alone: "le DEME" where the fiche says "diplôme d'État de moniteur-éducateur". Without words after
    it, only a run that begins with the type is read: a run of any words is too easily matched by chance."""
    kind = INITIALLED_TYPES.get(letters[0])
    if kind is None:
        return False
    run = re.compile(r"\b" + kind + r"s?" + SKIPPED_IN_INITIALS + _initials_run(letters[1:]) + r"\b")
    return _written_in(index, run, index.lexical.ids_holding(analyse(kind)[0]))


def initials_after_their_type(index, text: str, initials: str) -> bool:
    """Whether a fiche writes in full, after the same type of certification, the title the text gives by its
    initials after a type: "un BTS NDRC" where the fiche says "les titulaires du BTS Négociation et
    digitalisation de la relation client sont dispensés…". The type said, abbreviated or spelled out, is
    what keeps a run of words with those initials from being matched by chance."""
    letters = fold(initials)
    if not 2 < len(letters) <= 6 or not letters.isalpha():
        return False
    said = " ".join(expand_shortenings(text))
    for marker in CERTIFICATION_TYPE.finditer(said):
        if said[marker.end():].split()[:1] != [letters]:
            continue
        kind = marker.group(0)
        forms = [SKIPPED_IN_INITIALS.join(kind.split())] + [re.escape(short) for short, long in SHORTENINGS.items()
                                                            if long == kind]
        run = re.compile(r"\b(?:" + "|".join(forms) + ")" + SKIPPED_IN_INITIALS + _initials_run(letters) + r"\b")
        ids = {i for form in [kind.split()[0], *forms[1:]] for i in index.lexical.ids_holding(analyse(form)[0])}
        if _written_in(index, run, ids):
            return True
    return False


def _names_a_certification_or_a_place(index, name: str) -> bool:
    mention = index.names.named_in(name)
    return bool(mention.codes or mention.ambiguous or places_asked(f"à {name}"))
