"""The French analyser of the BM25 index: fold accents and case, drop stop words, Snowball-stem.

Candidates type without accents, so words are folded before stemming; Snowball's French rules then leave
a final "e" on feminine and plural forms they would have cut from the accented word ("securisees" gives
"securise", "securiser" gives "securis"). That "e" is dropped, so that a question meets the fiche's
sentence whatever the grammatical ending.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from assistant.text_normalise import fold, words

# Snowball's French stop words (the list NLTK and bm25s ship), kept here: a library's release must not
# change how the index was analysed without ANALYSER_VERSION saying so.
FRENCH_STOP_WORDS = (
    'ai', 'aie', 'aient', 'aies', 'ait', 'as', 'au', 'aura', 'aurai', 'auraient', 'aurais', 'aurait', 'auras',
    'aurez', 'auriez', 'aurions', 'aurons', 'auront', 'aux', 'avaient', 'avais', 'avait', 'avec', 'avez', 'aviez',
    'avions', 'avons', 'ayant', 'ayante', 'ayantes', 'ayants', 'ayez', 'ayons', 'c', 'ce', 'ces', 'd', 'dans',
    'de', 'des', 'du', 'elle', 'en', 'es', 'est', 'et', 'eu', 'eue', 'eues', 'eurent', 'eus', 'eusse', 'eussent',
    'eusses', 'eussiez', 'eussions', 'eut', 'eux', 'eûmes', 'eût', 'eûtes', 'furent', 'fus', 'fusse', 'fussent',
    'fusses', 'fussiez', 'fussions', 'fut', 'fûmes', 'fût', 'fûtes', 'il', 'ils', 'j', 'je', 'l', 'la', 'le',
    'les', 'leur', 'lui', 'm', 'ma', 'mais', 'me', 'mes', 'moi', 'mon', 'même', 'n', 'ne', 'nos', 'notre', 'nous',
    'on', 'ont', 'ou', 'par', 'pas', 'pour', 'qu', 'que', 'qui', 's', 'sa', 'se', 'sera', 'serai', 'seraient',
    'serais', 'serait', 'seras', 'serez', 'seriez', 'serions', 'serons', 'seront', 'ses', 'soient', 'sois', 'soit',
    'sommes', 'son', 'sont', 'soyez', 'soyons', 'suis', 'sur', 't', 'ta', 'te', 'tes', 'toi', 'ton', 'tu', 'un',
    'une', 'vos', 'votre', 'vous', 'y', 'à', 'étaient', 'étais', 'était', 'étant', 'étante', 'étantes', 'étants',
    'étiez', 'étions', 'été', 'étée', 'étées', 'étés', 'êtes',
)
# The list has "leur", "ce" and "ces" but not the other forms of the same determiners, which then weighed as
# words a fiche must hold ("leurs activités"); it has every conjugated form of "être" and "avoir" but not the
# infinitives, which then weighed as rare words a candidate's line shared with a competence ("d'être débordés");
# it has "elle" but not "elles", which a question's inversion then joined to its verb ("concernent-elles" gave
# "concernentel", a word no fiche holds).
MISSING_FORMS = ("leurs", "cet", "cette", "être", "avoir", "elles")
STOP_WORDS = frozenset(fold(w) for w in (*FRENCH_STOP_WORDS, *MISSING_FORMS)) | {"l", "d", "qu", "s", "n", "c", "j",
                                                                                 "m", "t"}


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("french")


ANALYSER_VERSION = "6"  # saved with the BM25 index: an index analysed another way is rebuilt, not misread


@lru_cache(maxsize=65536)
def _term(word: str) -> str:
    stem = _stemmer().stemWord(word)
    return stem.rstrip("e") if len(stem.rstrip("e")) >= 3 else stem


@lru_cache(maxsize=65536)
def singular_verb(term: str) -> str:
    """The term of a verb's third person singular for a term its plural leaves whole ("restent" for "reste",
    "gardent", "recrutent"): the stemmer keeps "-ent" since most words ending so are no verbs ("parent",
    "équivalent"). The term itself when it does not end so. Used to tell whether a text holds a word in
    either number, never to index."""
    if len(term) < 6 or not term.endswith("ent") or term.endswith("ment"):
        return term
    return _term(term[:-2])


# two words joined by a hyphen, not part of a longer chain ("audio-visuel", "front-end", "plate-forme")
_COMPOUND = re.compile(r"(?<![a-z0-9-])([a-z0-9]{3,})-([a-z0-9]{3,})(?![a-z0-9]*-)")


def analyse(text: str) -> list[str]:
    """Index terms of a text; the same function serves documents and queries. A compound written with a
    hyphen also gives the word written joined, as candidates type it ("audiovisuel", "frontend",
    "plateforme"), after its two parts."""
    terms = [_term(w) for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
    if "-" in text:
        terms += [_term(left + right) for left, right in _COMPOUND.findall(fold(text))
                  if left not in STOP_WORDS and right not in STOP_WORDS]
    return terms


# Words every question about a certification holds: they say nothing of what is asked, so neither the
# extractive answers nor the mapping count them as evidence. The one stop list of questions.
QUESTION_TERMS = frozenset(analyse(
    "certification certifications titre titres fiche fiches rncp diplome bloc blocs competences comment quel "
    "quelle quels quelles est sont pour dans avec peut faut question explique dire donne savoir voudrais aimerais "
    "candidat candidats obtenir passer peut peuvent apres avant faire avoir etre combien temps dure duree quand "
    "qui quoi pourquoi consiste deroule compte comptent contient stp svp merci bonjour salut dit fait faites "
    "besoin cherche veux voudrais pourrais pouvez est-ce c'est ca cela ce cette ces si alors donc bien tout tous "
    "toute toutes genre truc trucs chose choses quelqu'un rncp deja encore toujours aussi vraiment seulement "
    "juste exactement"
))
