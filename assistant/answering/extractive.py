"""Answers quoted from the best passages when no field of the model answers the question.

The sentences quoted are those that hold the question's own words (not the words every question has,
nor the words of the certification's title); the answer is given only when the quoted sentences hold
enough of those words, else the assistant declines. The threshold is calibrated on the dev sets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from assistant.answer import Answer, Citation, quote_of
from assistant.answering.drafts import Draft
from assistant.chunking import Chunk
from assistant.index.french_analyser import QUESTION_TERMS, analyse, singular_verb
from assistant.index.search import Hit

KEY_COVERAGE = 0.4  # share of the question's own words (by rarity) the quoted sentences must hold
MAX_QUOTES = 3
CODE = re.compile(r"(?:rncp)?\d{3,6}(?:bc\d+)?|\d{1,2}")  # codes and bloc numbers say where, not what
MAX_QUOTE_CHARS = 400
# share of the question's words (by rarity) one sentence must hold to be quoted. Lower than what the quotes
# together must hold: the answer to "le boulot est régulier ou ça dépend ?" is often two sentences of the fiche
# each holding part of it. Measured on the 1 977 cases of the sets already read: 0.4 -> 0.3 answers 11 more
# questions and answers no question it must decline; 0.25 answers 4 more and 2 it must decline; lowering
# KEY_COVERAGE too answered up to 34 more and 18 it must decline.
STRONG_SENTENCE = 0.3
# words in a row a sentence must share with the question, in its order, to answer it whatever its other words.
# Measured on the 3 232 questions of the read sets: 6 more answered, none lost, no question it must decline
# answered; as a rank (such a sentence first) it won 8 and lost 3, so it only lets a sentence be quoted.
PHRASE_TERMS = 3
NAME_LISTS = {"partenaires"}  # lists of organisations' names: their field answers them, a quote never does
# sentences shown beside a decline (see `nearest_sentences`). Among the read sets' questions declined after their
# passages were read although the fiche answers them (145), the best sentence of the three best passages held
# the answer for 57, one of the best two for 72; once shown, 57 of the 116 such declines show the answer.
NEAREST_SHOWN = 2
NEAREST_WORDS = 4  # "Compétences :" heads a list; it says nothing on its own
# words of a field's vocabulary a sentence must hold to state that field (see `field_stated`): "reste valable",
# "garde … manquants"; one ("obtenu", "acquis") is said of many things
FIELD_WORDS = 2
FIELD_QUOTES = 3


def fiche_phrases_asked(question: str, title_words: set[str]) -> set[tuple[str, ...]]:
    """Every run of PHRASE_TERMS analysed words of the question, but runs of the certification's name and of
    words every question has: a sentence of the fiche that holds one in the same order says what was asked
    in the fiche's own words ("dans toutes les phases du développement des applications ?"), however few of
    the question's other words ("seulement", "codage") it holds."""
    said = analyse(question)
    return {tuple(said[i:i + PHRASE_TERMS]) for i in range(len(said) - PHRASE_TERMS + 1)
            if any(t not in title_words and t not in QUESTION_TERMS for t in said[i:i + PHRASE_TERMS])}


def holds_a_phrase(analysed: list[str], phrases: set[tuple[str, ...]]) -> bool:
    """Whether a sentence's analysed words hold one of the phrases, its words in a row and in that order."""
    return any(tuple(analysed[i:i + PHRASE_TERMS]) in phrases for i in range(len(analysed) - PHRASE_TERMS + 1))


# prepositions of several words: their noun or verb is no word of the question's own ("à partir de quelle date"
# is not about "tout ou partie", "en fonction de" not about "fonctions commerciales")
LOCUTIONS = re.compile(r"\b(?:[aà] partir|[aà] l['’]aide|au lieu|[aà] cause|en fonction|au bout|[aà] propos)"
                       r"\s+(?:de|d['’]|du|des)|\b(?:gr[aâ]ce|par rapport)\s+(?:[aà]|aux?)\b", re.IGNORECASE)


def key_terms(question: str, title_words: set[str]) -> list[str]:
    """The question's own words: not generic, not the words of the certification's title."""
    return [t for t in dict.fromkeys(analyse(LOCUTIONS.sub(" ", question)))
            if t not in QUESTION_TERMS and t not in title_words and not CODE.fullmatch(t)]


def coverage(terms: list[str], text: str, weights: dict[str, float] | None = None) -> float:
    """The share of the terms the text holds, each weighted by its rarity when weights are given."""
    if not terms:
        return 1.0
    return share_held(terms, set(analyse(text)), weights)


def share_held(terms: list[str], present: set[str], weights: dict[str, float] | None = None) -> float:
    """The share of the terms among `present` (a text's analysed words), each weighted by its rarity when
    weights are given; 0 when there are no terms. Callers that read a text once for several checks, or
    count a word as present through another (`corpus_questions.alternatives`), give its words here."""
    weight = weights or {}
    total = sum(weight.get(t, 1.0) for t in terms)
    # a verb in either number ("restent acquis" asked, "reste acquis" written)
    forms = present | {singular_verb(t) for t in present}
    return sum(weight.get(t, 1.0) for t in terms if t in forms or singular_verb(t) in forms) / total if total else 0.0


def window(sentence: str, terms: list[str], width: int = MAX_QUOTE_CHARS,
           weights: dict[str, float] | None = None) -> str:
    """A long sentence cut down to the part that holds most of the question's words (by rarity), from a
    little before the first of them: a list run into one sentence ("Bac + 2 - admission en 1ère année …
    Double diplôme … - admission en 2ème et 3ème années") answers in its middle, not at its first word."""
    if len(sentence) <= width:
        return sentence
    words = sentence.split(" ")
    found = [set(analyse(word)) & set(terms) for word in words]
    weight = weights or {}

    def fitting(start: int) -> int:  # how many words from `start` fit in the width
        size = 0
        for count, word in enumerate(words[start:]):
            if size + len(word) > width:
                return count
            size += len(word) + 1
        return len(words) - start

    def held(start: int) -> float:  # summed in one order: equal windows must tie the same way in every process
        return sum(weight.get(t, 1.0) for t in sorted(set().union(*found[start:start + fitting(start)])))

    starts = dict.fromkeys(max(0, i - 12) for i, terms_here in enumerate(found) if terms_here)
    best_start = max(starts, key=held, default=0)  # the first of equally good windows
    kept = words[best_start:best_start + fitting(best_start)]
    return ("… " if best_start else "") + " ".join(kept) + " …"


def _sentences_read(hits: list[Hit], terms: list[str], weight: dict[str, float],
                    keep: Callable[[str], bool] | None = None) -> Iterator[tuple[float, int, str, Chunk, list[str]]]:
    """(share of the terms held, rank of its passage, sentence, passage, its analysed words) of every sentence
    of the passages that can answer: not the lists of organisations' names ("touche pas à mon chat" is an
    organisation, not an answer on cats), and only those `keep` accepts."""
    for rank, hit in enumerate(hits):
        if hit.chunk.section in NAME_LISTS:
            continue
        for sentence in hit.chunk.sentences():
            if keep is None or keep(sentence):
                analysed = analyse(sentence)
                yield share_held(terms, set(analysed), weight), rank, sentence, hit.chunk, analysed


def nearest_sentences(hits: list[Hit], terms: list[str], rarity: dict[str, float]) -> list[Citation]:
    """The sentences of the passages found that hold most of the question's own words, however few: shown
    beside a decline as where to look, since a question in the candidate's words may be answered by a
    sentence that shares too few of them to be quoted as an answer. Empty when none holds any."""
    found = sorted(((-share, rank, sentence, chunk) for share, rank, sentence, chunk, _ in
                    _sentences_read(hits, terms, rarity) if share > 0 and len(sentence.split()) >= NEAREST_WORDS),
                   key=lambda item: item[:2])
    shown: dict[str, Citation] = {}
    for _, _, sentence, chunk in found:
        said = sentence.strip(" -•*").rstrip(" .;")
        if said not in shown:
            shown[said] = quote_of(chunk, window(sentence, terms, weights=rarity))
        if len(shown) == NEAREST_SHOWN:
            break
    return list(shown.values())


def quote_passages(question: str, hits: list[Hit], title_words: set[str], terms: list[str] | None = None,
                   rarity: dict[str, float] | None = None, keep: Callable[[str], bool] | None = None) -> Answer | None:
    """The sentences of the passages that hold the question's words (or the `terms` given), quoted and cited;
    None when too weak. Words count by their rarity: "anglais" alone answers "faut-il parler anglais ?". A
    sentence holding a phrase of the question (`fiche_phrases_asked`) is strong enough whatever its share.
    `keep` says which sentences can answer at all (a duration for "combien de temps…")."""
    terms = terms or key_terms(question, title_words) or [t for t in analyse(question) if t not in QUESTION_TERMS]
    weight = rarity or {}
    phrases = fiche_phrases_asked(question, title_words)
    chosen: list[tuple[float, int, str, Citation, bool]] = []
    for overlap, rank, sentence, chunk, analysed in _sentences_read(hits, terms, weight, keep):
        phrase = holds_a_phrase(analysed, phrases)
        if overlap or phrase:
            chosen.append((overlap, -rank, sentence, quote_of(chunk, window(sentence, terms, weights=weight)), phrase))
    strong = [c for c in chosen if c[0] >= STRONG_SENTENCE or c[4]]
    if not strong:
        return None
    strong.sort(key=lambda item: (-item[0], -item[1]))
    picked: list[Citation] = []
    seen: set[str] = set()  # a bloc's competence is also listed among the capacities, with or without its dash
    phrased = False
    for _, _, sentence, citation, phrase in strong:
        said = sentence.strip(" -•*").rstrip(" .;")
        if said not in seen:
            seen.add(said)
            picked.append(citation)
            phrased = phrased or phrase
        if len(picked) == MAX_QUOTES:
            break
    if coverage(terms, " ".join(c.quote for c in picked), weight) < KEY_COVERAGE and not phrased:
        return None
    return _quoted(picked)


def quote_with_what_follows(hits: list[Hit], terms: list[str], rarity: dict[str, float],
                            keep: Callable[[str], bool]) -> Answer | None:
    """A fact told over two sentences in a row: the one holding the question's words, then the next, which
    holds the kind of answer asked ("Épreuve EP1 « … », coefficient 7. Épreuve pratique … de quatre heures
    trente"), both quoted. None when no sentence holding the words is followed by one `keep` accepts."""
    picked: list[Citation] = []
    for hit in hits:
        if hit.chunk.section in NAME_LISTS:
            continue
        sentences = hit.chunk.sentences()
        for said, following in zip(sentences, sentences[1:], strict=False):
            if not keep(said) and keep(following) and share_held(terms, set(analyse(said)), rarity) >= STRONG_SENTENCE:
                picked += [quote_of(hit.chunk, window(said, terms, weights=rarity)),
                           quote_of(hit.chunk, window(following, terms, weights=rarity))]
    if not picked or coverage(terms, " ".join(c.quote for c in picked), rarity) < KEY_COVERAGE:
        return None
    return _quoted(picked[:MAX_QUOTES - MAX_QUOTES % 2])


def field_stated(hits: list[Hit], vocabulary: set[str], terms: list[str], rarity: dict[str, float],
                 own_word_needed: bool = True, naming: frozenset[str] = frozenset()) -> Answer | None:
    """The sentences of a certification's passages that state a field its fiche gives no element for, in the
    field's own words: those holding `FIELD_WORDS` words or more of the field's vocabulary (its answerer's
    cues) and one of the question's own words at least, most of the field's first, then by the question's.
    "Si je rate un CCP, je garde ceux que j'ai réussis ?" is answered by "Chaque CCP obtenu reste valable sans
    limite de durée", which shares one word with it. None when no sentence speaks of the field. Without the
    question's word, a sentence on what stays acquired answered "la soutenance dure combien de temps ?".
    A sentence holding a word that names the field itself (`naming`: "dispensé") states it, whatever words
    it shares with the question: "je dois repasser le français ?" is answered by "les titulaires d'un
    diplôme de niveau 4 sont dispensés des épreuves E5 et E6", which holds none of them."""
    speaking = ((len(vocabulary.intersection(analysed)), bool(naming.intersection(analysed)), share, rank, sentence,
                 chunk) for share, rank, sentence, chunk, analysed in _sentences_read(hits, terms, rarity))
    found = sorted(((-said, -share, rank, sentence, chunk) for said, named, share, rank, sentence, chunk in speaking
                    if named or (said >= FIELD_WORDS and (share > 0 or not own_word_needed))),
                   key=lambda item: item[:3])
    picked: dict[str, Citation] = {}
    for _, _, _, sentence, chunk in found:
        said = sentence.strip(" -•*").rstrip(" .;")
        if said not in picked:
            picked[said] = quote_of(chunk, window(sentence, sorted(vocabulary), weights=rarity))
        if len(picked) == FIELD_QUOTES:
            break
    return _quoted(list(picked.values())) if picked else None


def _quoted(picked: list[Citation]) -> Answer:
    """The sentences chosen, quoted and cited, as an answer."""
    draft = Draft()
    codes = list(dict.fromkeys(c.code for c in picked))
    lead = f"D'après la fiche {codes[0]}" if len(codes) == 1 else "D'après les fiches"
    draft.say(f"{lead}, voici les passages qui répondent à votre question :")
    for citation in picked:
        marker = draft.cite(citation)
        where = citation.section_label + (f", {citation.bloc}" if citation.bloc else "")
        draft.say(f"- « {citation.quote} » ({citation.code}, {where}) {marker}")
    return Answer(text=draft.text, citations=draft.citations, certification=codes[0] if len(codes) == 1 else None)
