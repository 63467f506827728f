"""`Assistant.ask`: one question in French, one grounded `Answer` out, without any LLM.

1. Guard the input (empty, too long).
2. Resolve the certification: the selection, else what the question names, else the conversation.
3. A question on a field the model holds gets a structured answer, cited with the fiche's words.
4. Otherwise the best passages answer it, quoted and cited (extractive).
5. When the evidence is weak (a salary, a recipe, an unknown certification), decline and say what the
   fiches do cover.
Text that tries to give orders changes nothing: only fields and passages of the fiches are ever said.
"""

from __future__ import annotations

import re
from itertools import islice

from pydantic import BaseModel

from assistant.answer import Answer, Citation
from assistant.answering.intents import asks_what_fiches_never_hold, bloc_aspect, detect_intent
from assistant.answering.llm import LLMWriter
from assistant.answering.mapping_answer import experience_in, mapping_answer, ranking_answer
from assistant.answering.structured import bloc_answer, cite, structured_answer, unit_answer
from assistant.certification import Bloc, Certification, Unit, UnitKind
from assistant.index.french_analyser import analyse
from assistant.index.search import SearchIndex
from assistant.index.structure_hints import mentioned_units
from assistant.mapping.mapper import ExperienceMapper
from assistant.readers.text_cleanup import split_sentences
from assistant.scope import codes_in_text

MAX_QUESTION_CHARS = 2000
LONG_MESSAGE_CHARS = 400  # beyond this, a message that asks a question is answered on that question
UNIT_KINDS = {"evaluation", "bloc_list", "activities", "capacities"}  # intents a bloc's title may refine
KEY_COVERAGE = 0.6  # share of the question's own words the quoted passages must contain
GENERIC_TERMS = set(analyse(
    "certification certifications titre titres fiche fiches rncp diplome bloc blocs competences comment quel quelle "
    "quels quelles est sont pour dans avec peut faut question explique dire donne savoir voudrais aimerais "
    "candidat candidats obtenir passer peut peuvent apres avant faire avoir etre "
    "combien temps dure duree quand qui quoi pourquoi consiste deroule compte comptent contient"
))
COVERED = ("les blocs de compétences et leur évaluation, la composition des jurys, les voies d'accès dont la "
           "VAE, la validité des acquis, le niveau, les certificateurs, les métiers visés et l'enregistrement")


class Turn(BaseModel):
    role: str
    content: str


class Assistant:
    def __init__(self, index: SearchIndex, writer: LLMWriter | None = None) -> None:
        self.index = index
        self.writer = writer  # optional LLM for open questions; structured answers never go through it

    # -- public ----------------------------------------------------------------------------------------
    def ask(self, question: str, selected: str | None = None, history: list[Turn] | None = None) -> Answer:
        history = history or []
        question = question.strip()
        if not question:
            return Answer(text="Posez une question sur une certification, par exemple : « Comment est évalué "
                               "le bloc 2 du RNCP 31168 ? »", declined=True)
        notice = ""
        if len(question) > MAX_QUESTION_CHARS:
            question = question[:MAX_QUESTION_CHARS]
            notice = (f"(Votre message a été coupé à {MAX_QUESTION_CHARS} caractères : posez une question "
                      "plus courte pour une réponse plus précise.) ")
        question = _focus(question, self.index.codes)
        unknown = self._unknown_codes(question)
        experience = experience_in(question)
        if experience is not None and not unknown:
            answer = self._mapping(experience, question, selected, history)
            answer.text = notice + answer.text
            return answer
        codes = self._certifications(question, selected, history)
        if unknown and not codes:
            return self._decline_unknown(unknown, notice)
        answer = self._answer(question, codes, history)
        if notice:
            answer.text = notice + answer.text
        return answer

    def _mapping(self, experience: str, question: str, selected: str | None, history: list[Turn]) -> Answer:
        """An experience to place: in the certification named, selected or discussed; else across the corpus.

        Title words are not used here: an experience's own words ('production', 'web') would pick a fiche."""
        mapper = ExperienceMapper(self.index)
        codes = codes_in_text(question, self.index.codes)
        if not codes and selected in self.index.titles:
            codes = [selected]
        if not codes:
            codes = next((found for turn in reversed(history)
                          if (found := codes_in_text(turn.content, self.index.codes))), [])
        if not codes:
            return ranking_answer(mapper, experience)
        return mapping_answer(mapper, codes[0], experience)

    # -- resolution ------------------------------------------------------------------------------------
    def _unknown_codes(self, question: str) -> list[str]:
        """Codes the question names that the index does not hold: 'RNCP' followed by digits, or a bare
        five- or six-digit number (a bare four-digit number is more often a year)."""
        named = [f"RNCP{n}" for n in re.findall(r"\bRNCP\s*(\d{3,6})", question, re.IGNORECASE)]
        named += [f"RNCP{n}" for n in re.findall(r"(?<![\w/])(\d{5,6})\b", question)]
        return [code for code in dict.fromkeys(named) if code not in self.index.titles]

    def _certifications(self, question: str, selected: str | None, history: list[Turn]) -> list[str]:
        """Codes the question names win; then the selection; then titles named; then the conversation."""
        explicit = codes_in_text(question, self.index.codes)
        if explicit:
            return explicit
        if selected and selected in self.index.titles:
            return [selected]
        named = self.index.scope(question)
        if named:
            return named
        known = self.index.codes
        for turn in reversed(history):
            earlier = codes_in_text(turn.content, known)
            if earlier:
                return earlier[:1]
        for role in ("user", "assistant"):
            for turn in reversed([t for t in history if t.role == role]):
                earlier = self.index.scope(turn.content)
                if earlier:
                    return earlier[:1]
        return []

    def _named_unit(self, certification: Certification, question: str, by_title: bool = True) -> Unit | None:
        """The bloc (or, for older fiches, the activity) the question names by number, code or title words.

        Words of the certification's own title do not count: "le niveau de la mention cybersécurité"
        is about the certification, not its bloc "Cybersécurité"."""
        named = mentioned_units(question, [certification.code])
        for unit in certification.units:
            if unit.code in named:
                return unit
        if not by_title:
            return None
        asked = set(analyse(question)) - GENERIC_TERMS - set(analyse(certification.title))
        overlaps = [(len(asked & (set(analyse(u.title)) - GENERIC_TERMS)), u) for u in certification.units]
        best = max((o for o, _ in overlaps), default=0)
        winners = [u for o, u in overlaps if o == best]
        if best >= 1 and len(winners) == 1:
            return winners[0]
        return None

    # -- answering -------------------------------------------------------------------------------------
    def _answer(self, question: str, codes: list[str], history: list[Turn]) -> Answer:
        rome = re.search(r"\b([A-N]\d{4})\b", question)
        if rome and not codes:
            return self._by_rome(rome.group(1))
        guessed = ""
        if not codes and detect_intent(question, names_a_bloc=False) is not None:
            best = self.index.search(question, k=1)
            if best and self._covers(question, [], best[0].chunk.text) >= KEY_COVERAGE:
                codes = [best[0].chunk.code]
                others = len(self.index.titles) - 1
                if others:
                    guessed = (f"(Je réponds pour {codes[0]}, {self.index.titles[codes[0]]} ; précisez la "
                               f"certification si vous pensiez à l'une des {others} autres.) ")
        answer = self._answer_for(question, codes, history)
        if guessed and not answer.declined:
            answer.text = guessed + answer.text
        return answer

    def _answer_for(self, question: str, codes: list[str], history: list[Turn]) -> Answer:
        if asks_what_fiches_never_hold(question):
            return self._decline(codes)
        if len(codes) == 1:
            certification = self.index.certification(codes[0])
            drafted = self._structured(certification, question, history)
            if drafted:
                return Answer(text=drafted[0], citations=drafted[1], certification=certification.code)
        elif len(codes) > 1:
            intent = detect_intent(question, names_a_bloc=False)
            if intent and intent.kind != "bloc_list":
                parts = [structured_answer(self.index.certification(code), intent) for code in codes[:6]]
                parts = [p for p in parts if p]
                if parts:
                    return Answer(text="\n".join(p[0] for p in parts),
                                  citations=[c for p in parts for c in p[1]], certification=None)
        return self._extractive(question, codes, history)

    def _structured(self, certification: Certification, question: str, history: list[Turn]):
        intent = detect_intent(question, names_a_bloc=False)
        by_title = intent is None or intent.kind in UNIT_KINDS
        unit = self._named_unit(certification, question, by_title)
        if unit is not None:
            aspect = bloc_aspect(question)
            if not aspect and _is_follow_up(question):
                previous = next((t.content for t in reversed(history) if t.role == "user"), "")
                aspect = bloc_aspect(previous)
            bloc = certification.bloc(unit.code) if unit.kind == UnitKind.BLOC else None
            return bloc_answer(certification, bloc, aspect) if bloc else unit_answer(certification, unit)
        if intent is not None and intent.kind == "bloc_list" and self._key_terms(question, [certification.code]):
            found = self._bloc_by_content(certification, question)
            if found is not None:
                return bloc_answer(certification, found, bloc_aspect(question))
        if intent is None and _is_follow_up(question) and not self._own_terms(question, certification.code):
            previous = next((t.content for t in reversed(history) if t.role == "user"), "")
            intent = detect_intent(previous, names_a_bloc=False)
        return structured_answer(certification, intent) if intent else None

    def _own_terms(self, question: str, code: str) -> list[str]:
        """What a follow-up asks beyond 'et pour … ?': its key terms once the codes it names are set aside."""
        return [t for t in self._key_terms(re.sub(r"\bRNCP\s*\d+|\b\d{4,6}\b", " ", question, flags=re.I), [code])
                if not t.isdigit()]

    def _key_terms(self, question: str, codes: list[str]) -> list[str]:
        """The question's own words: not generic, not the words of the certification's title."""
        asked = [t for t in dict.fromkeys(analyse(question)) if t not in GENERIC_TERMS]
        titles = {t for code in codes for t in analyse(self.index.titles.get(code, ""))}
        return [t for t in asked if t not in titles]

    def _covers(self, question: str, codes: list[str], text: str) -> float:
        key_terms = self._key_terms(question, codes)
        if not key_terms:
            return 1.0
        present = set(analyse(text))
        return sum(1 for t in key_terms if t in present) / len(key_terms)

    def _bloc_by_content(self, certification: Certification, question: str) -> Bloc | None:
        """'Dans quel bloc…' : the bloc whose passage the question finds first."""
        for hit in self.index.search(question, k=3, codes=[certification.code]):
            if hit.chunk.section == "bloc":
                return certification.bloc(hit.chunk.bloc)
        return None

    def _written(self, question: str, hits: list, history: list[Turn]) -> Answer | None:
        passages = [Citation(code=h.chunk.code, section=h.chunk.section, section_label=h.chunk.section_label,
                             bloc=h.chunk.bloc, quote=h.chunk.text.split("\n", 2)[-1]) for h in hits]
        return self.writer.write(question, passages, [(t.role, t.content) for t in history])

    def _extractive(self, question: str, codes: list[str], history: list[Turn] | None = None) -> Answer:
        hits = self.index.search(question, k=3, codes=codes or None)
        if self.writer is not None and hits:
            written = self._written(question, hits, history or [])
            if written is not None:
                return written
        key_terms = self._key_terms(question, codes) or [t for t in analyse(question) if t not in GENERIC_TERMS]
        chosen: list[tuple[int, str, Citation]] = []
        for hit in hits:
            body = hit.chunk.text.split("\n", 2)[-1]
            for line in body.split("\n"):
                for sentence in split_sentences(line):
                    terms = set(analyse(sentence))
                    overlap = sum(1 for t in key_terms if t in terms)
                    if overlap:
                        citation = Citation(code=hit.chunk.code, section=hit.chunk.section,
                                            section_label=hit.chunk.section_label, bloc=hit.chunk.bloc,
                                            quote=sentence)
                        chosen.append((overlap, sentence, citation))
        strong = [c for c in chosen if c[0] >= max(1, min(2, len(key_terms)))]
        if not strong:
            return self._decline(codes)
        strong.sort(key=lambda item: -item[0])
        picked, seen = [], set()
        for _, sentence, citation in strong:
            if sentence not in seen:
                picked.append(citation)
                seen.add(sentence)
            if len(picked) == 3:
                break
        if self._covers(question, codes, " ".join(c.quote for c in picked)) < KEY_COVERAGE:
            return self._decline(codes)
        lines = [f"D'après la fiche {c.code} ({c.section_label}) : « {c.quote} » [{n}]"
                 for n, c in enumerate(picked, start=1)]
        certification = picked[0].code if len({c.code for c in picked}) == 1 else None
        return Answer(text="\n".join(lines), citations=picked, certification=certification)

    def _by_rome(self, rome: str) -> Answer:
        """Across the corpus: the certifications that lead to a ROME code."""
        codes = self.index.catalog.codes_with_rome(rome)
        if not codes:
            return Answer(text=f"Aucune fiche du corpus ne mentionne le code ROME {rome}.", declined=True)
        certifications = [self.index.certification(code) for code in codes]
        listed = " ; ".join(f"{c.code} ({c.title})" for c in certifications)
        citations = [cite(c, "presentation", next(f"{r.code} ({r.label})" for r in c.rome if r.code == rome))
                     for c in certifications]
        return Answer(text=f"{len(codes)} certification(s) du corpus mènent au code ROME {rome} : {listed}.",
                      citations=citations, certification=codes[0] if len(codes) == 1 else None)

    # -- refusals --------------------------------------------------------------------------------------
    def _decline(self, codes: list[str]) -> Answer:
        where = f" de {', '.join(codes)}" if codes else ""
        return Answer(
            text=(f"Les fiches{where} ne contiennent pas la réponse à cette question. Elles décrivent {COVERED}. "
                  "Pour le reste (salaires, financement, calendrier des sessions), adressez-vous au certificateur "
                  "ou à France VAE (vae.gouv.fr)."),
            declined=True, certification=codes[0] if len(codes) == 1 else None,
        )

    def _decline_unknown(self, unknown: list[str], notice: str) -> Answer:
        known = ", ".join(f"{code} ({title})" for code, title in islice(self.index.titles.items(), 10))
        return Answer(
            text=(f"{notice}La certification {', '.join(unknown)} ne fait pas partie des fiches de l'assistant. "
                  f"Fiches disponibles : {known}. Consultez la fiche officielle sur "
                  "https://www.francecompetences.fr/recherche/rncp/ ."),
            declined=True,
        )


def _focus(message: str, known: set[str]) -> str:
    """A long message that asks a question: its first question, with the codes named elsewhere in it.

    Context piled around a question ('je suis très motivé… jury… budgets…') would otherwise decide what is
    answered; the question itself says what is asked."""
    if len(message) <= LONG_MESSAGE_CHARS:
        return message
    asked = next((s for s in split_sentences(message) if s.rstrip().endswith("?")), None)
    if asked is None or len(asked) > LONG_MESSAGE_CHARS:
        return message
    in_question = codes_in_text(asked, known)
    elsewhere = [code for code in codes_in_text(message, known) if code not in in_question]
    return " ".join([asked, *elsewhere])


def _is_follow_up(question: str) -> bool:
    return bool(re.match(r"^\s*(et|puis|aussi|idem)\b", question, re.IGNORECASE)) or len(question.split()) <= 5

