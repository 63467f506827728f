"""Answers quoted from the best passages when no field of the model answers the question.

The sentences quoted are those that hold the question's own words (not the words every question has,
nor the words of the certification's title); the answer is given only when the quoted sentences hold
enough of those words, else the assistant declines. The threshold is calibrated on the dev sets.
"""

from __future__ import annotations

from assistant.answer import Answer, Citation
from assistant.answering.drafts import Draft
from assistant.index.french_analyser import QUESTION_TERMS, analyse
from assistant.index.search import Hit
from assistant.readers.text_cleanup import split_sentences

KEY_COVERAGE = 0.6  # share of the question's own words the quoted sentences must hold
MAX_QUOTES = 3


def key_terms(question: str, title_words: set[str]) -> list[str]:
    """The question's own words: not generic, not the words of the certification's title."""
    return [t for t in dict.fromkeys(analyse(question)) if t not in QUESTION_TERMS and t not in title_words]


def coverage(terms: list[str], text: str) -> float:
    if not terms:
        return 1.0
    present = set(analyse(text))
    return sum(1 for t in terms if t in present) / len(terms)


def quote_passages(question: str, hits: list[Hit], title_words: set[str],
                   terms: list[str] | None = None) -> Answer | None:
    """The sentences of the passages that hold the question's words (or the `terms` given), quoted and cited;
    None when too weak."""
    terms = terms or key_terms(question, title_words) or [t for t in analyse(question) if t not in QUESTION_TERMS]
    chosen: list[tuple[int, int, str, Citation]] = []
    for rank, hit in enumerate(hits):
        body = hit.chunk.text.split("\n", 2)[-1]
        for line in body.split("\n"):
            for sentence in split_sentences(line):
                present = set(analyse(sentence))
                overlap = sum(1 for t in terms if t in present)
                if overlap:
                    citation = Citation(code=hit.chunk.code, section=hit.chunk.section,
                                        section_label=hit.chunk.section_label, bloc=hit.chunk.bloc, quote=sentence)
                    chosen.append((overlap, -rank, sentence, citation))
    strong = [c for c in chosen if c[0] >= max(1, min(2, len(terms)))]
    if not strong:
        return None
    strong.sort(key=lambda item: (-item[0], -item[1]))
    picked: list[Citation] = []
    for _, _, sentence, citation in strong:
        if all(sentence != c.quote for c in picked):
            picked.append(citation)
        if len(picked) == MAX_QUOTES:
            break
    if coverage(terms, " ".join(c.quote for c in picked)) < KEY_COVERAGE:
        return None
    draft = Draft()
    codes = list(dict.fromkeys(c.code for c in picked))
    lead = f"D'après la fiche {codes[0]}" if len(codes) == 1 else "D'après les fiches"
    draft.say(f"{lead}, voici les passages qui répondent à votre question :")
    for citation in picked:
        marker = draft.cite(citation)
        where = citation.section_label + (f", {citation.bloc}" if citation.bloc else "")
        draft.say(f"- « {citation.quote} » ({citation.code}, {where}) {marker}")
    return Answer(text=draft.text, citations=draft.citations, certification=codes[0] if len(codes) == 1 else None)
