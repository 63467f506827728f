"""`Assistant.ask`: one question in French, one grounded `Answer` out.

1. The question is understood once (`query.py`): the certification(s) it is about, the bloc, the route,
   what the conversation before it settled.
2. Every entry of the registry (`fields.py`) is scored against it (`router.py`); the best entry wins only
   above a threshold and a margin.
3. The winning entry answers: a field of the fiche (cited), a bloc, a list over the corpus, the ranking of
   certifications for a described job, or a decline for what the fiches never hold.
4. Without a winner, the best passages are quoted (or, when an LLM is configured, written from and
   checked); when they do not hold the question's words, the assistant declines and says where to look.
Text that tries to give orders changes nothing: only fields and passages of the fiches are ever said.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from assistant.answer import Answer, Turn, cite, quote_of
from assistant.answering import declines, drafts
from assistant.answering.alternatives import names_offered, none_named_in
from assistant.answering.answer_kinds import (
    OPEN_QUESTION,
    AnswerKind,
    asks_yes_or_no,
    expected_kind,
    holds,
    kind_words,
)
from assistant.answering.contacts import contact_details
from assistant.answering.corpus_questions import asks_the_same_as, corpus_answer
from assistant.answering.drafts import Draft
from assistant.answering.extractive import (
    coverage,
    fiche_phrases_asked,
    field_stated,
    holds_a_phrase,
    key_terms,
    nearest_sentences,
    quote_passages,
    quote_with_what_follows,
)
from assistant.answering.fields import BY_NAME, IN_THIS_BLOC, FieldEntry, stated_together
from assistant.answering.llm import LLMWriter
from assistant.answering.mapping_answer import experience_in, mapping_answer, ranking_answer
from assistant.answering.organisations import (
    COORDINATES_ASKED,
    corpus_partner_answer,
    named_by_its_own_words,
    organisations_named,
    partner_answer,
    partner_contact_answer,
    written_in_capitals,
)
from assistant.answering.partner_places import place_answer, place_phrase, placed_near
from assistant.answering.query import (
    BLOC_FIELDS,
    MAX_QUESTION_CHARS,
    THE_ONE_SELECTED,
    THIS_BLOC,
    Context,
    Query,
    label_of,
    read_context,
    understand,
    unit_holding_most,
    unit_named_after_its_noun,
    units_labelled,
    units_written_out,
    without_words,
)
from assistant.answering.router import INVERTED_SUBJECT, MARGIN, Router, Scored, cue_stems, decide_all
from assistant.answering.sirets import asks_a_siret, siret_answer
from assistant.answering.unknown_names import initials_after_their_type, unknown_names
from assistant.certification import Certification, Unit, UnitKind
from assistant.index.french_analyser import QUESTION_TERMS, analyse
from assistant.index.search import Hit, SearchIndex
from assistant.index.structure_hints import mentioned_bloc_numbers, mentioned_units
from assistant.mapping.experiences import Experience
from assistant.mapping.mapper import ExperienceMapper
from assistant.places.gazetteer import places_asked, without_places
from assistant.readers.french_dates import YEAR
from assistant.render.fiche_text import french_date
from assistant.text_normalise import fold, spell_out

# Entries whose answer a named bloc refines ("comment est évaluée la médiation" is the bloc's evaluation).
ROUTE_ENTRIES = {"jury", "route_open"}
ROUTE_BONUS = 0.2  # a question naming a route ("en alternance") is about routes unless it says otherwise
ROUTE_NAMED = 0.5  # "on peut le faire en contrat de pro ?": the route named is a cue of whether it is open
# a count asked, however it is said ("t'as le chiffre pour 2023", "ya du monde qui passe par vae ou c rare ?")
COUNT_ASKED = re.compile(r"\b(?:combien|cb|nombre|chiffres?|beaucoup|du monde|courant|rare)\b")
CORPUS_CUE = 0.7  # "quelles certifications…", "lesquelles…": try the corpus first
# "… figure-t-il parmi les organismes habilités ?", "un GRETA est habilité ?": a kind of organisation is asked of
ABOUT_AUTHORISED_ORGANISATIONS = re.compile(r"\borganismes?\b|\bhabilit")
STRONG_DECLINE = 0.8  # a topic to decline asked this plainly is what an organisation named is asked about
NAMING_CUE = 0.9  # a one-word cue this strong names its field: a sentence holding it states that field
OWN_SUBJECT = 3  # words of its own, besides a certification's name, for a question to be about something else
OTHERS = re.compile(r"\b(?:autres?|d.autres)\b")
CHOSEN = ("code", "nom")  # the question itself names its certification
QUOTED = re.compile(r"«\s*([^«»]+?)\s*»")
PRONOUNS_OF_THE_CORPUS = frozenset({"lesquels", "lesquelles"})  # corpus cues that may stand for something else
LONE_PRONOUN = re.compile(r"(?:^|[?.!,;:]\s*)(?:et\s+)?lesquel(?:le)?s\s*(?:\?|$)")  # "… ? Lesquels ?"
LAST_UNIT = re.compile(r"\bderni(?:er|ere)\s+(?:bloc|ccp|module|activite|unite)\b")
# "et le dernier ?", "et le dernier, celui en milieu sensible": not "et la dernière épreuve du bloc"
LAST_LISTED = re.compile(r"\s*(?:et\s+)?(?:le|la)\s+derni(?:er|ere)\s*(?:[,?!.]|$|(?:bloc|ccp|module)\b)")
DIRECT_ANSWER = re.compile(r"(?:Oui|Non)\b")  # a field's answer that says yes or no first answers the question
REFINED_BY_A_BLOC = {"evaluation": "evaluation", "bloc_evaluation": "evaluation", "bloc_content": "competences",
                     "capacities": "competences", "activities": "", "overview": ""}
NAMED_CODE = re.compile(r"\bRNCP\s*\d{3,6}(?:\s*BC\s*\d{1,2})?\b|\b\d{4,6}\b", re.IGNORECASE)
CERTIFICATION_PARTS = re.compile(r"\bRNCP\s*\d{3,6}|\bbloc\s*(?:n\W?\s*)?\d|\bBC\s*\d", re.IGNORECASE)
ONE_BLOC = re.compile(r"\b(?:le|du|au|ce|un|quel)\s+bloc\b(?!s)")
MAX_CERTIFICATIONS = 4
CLAUSES = re.compile(r"[,;:?!.]|\bet\b")  # "qui le délivre, et il est de quel niveau ?": two questions
TAG_WORDS = 3  # a tag closing a statement as a question: ", pas l'état ?", ", non ?", ", c'est ça ?"
SENTENCE_END = re.compile(r"(?<=[?!.])\s+")
# a clause that asks: `OPEN_QUESTION` less the words that also relate ("les jeunes qui sortent du bac"), "qui"
# counting only when it opens the clause, after its preposition if any ("et par qui est-il délivré ?"), or after
# "c'est" ("c'est qui qui le délivre ?"); "par qui" asks wherever it stands ("c délivré par qui ?")
INTERROGATIVE = re.compile(r"\b(?:quel(?:le)?s?|combien|cb|comment|quand|pourquoi|quoi|koi)\b"
                           r"|^\s*(?:(?:par|de|pour|avec|a|chez|aupres de)\s+)?qui\b|\bc'est qui\b|\bpar qui\b")
LINKS = {"equivalences", "linked"}  # entries about how one certification relates to another
DECLINE_CLOSE = 0.5  # a decline asked beside a field counts within half a full cue of it
NEAREST_DEPTH = 3  # passages whose sentences a decline shows as the closest to the question
COMPLETION_DEPTH = 6  # passages read to complete a field answer with the question's own words
WHERE_ASKED = 1.0  # a full cue of "which bloc": the question asks where a task sits, whatever the task
UNIT_SECTIONS = {"bloc", "unite"}  # the passages of a fiche's blocs, or of an older fiche's activities
HELD_MOSTLY = 0.7  # share of the question's own words (by rarity) a sentence holds when it says what was asked
# "pour mon dossier de …", "besoin pour chercher sur …": the clause a word ends says what the answer is for
PURPOSE = re.compile(r"\bpour\b[^?.!,;]{0,40}$")
SAID_IN_A_UNIT = 0.75  # share of the question's own words one sentence of a bloc holds: it says it
NOTICE_CUT = (f"(Votre message a été coupé à {MAX_QUESTION_CHARS} caractères ; je réponds à la question qu'il "
              "pose. Pour une réponse plus précise, posez une question plus courte.)")


def read_whole(codes: list[str]) -> bool:
    """Whether the question names few enough certifications for their whole fiches to be read."""
    return 0 < len(codes) <= MAX_CERTIFICATIONS


def clauses_of(text: str) -> list[tuple[str, bool]]:
    """The clauses of a question, each with whether it asks: a question word ("il est de quel niveau"), or a
    question mark closing it ("c'est délivré par l'école ou par l'état ?"); one that frames or tells does not."""
    pieces = re.split(f"({CLAUSES.pattern})", text)  # clause, the mark that ends it, clause, …
    ends = [*pieces[1::2], ""]
    return [(clause, asks(clause, end)) for clause, end in zip(pieces[0::2], ends, strict=True) if clause.strip()]


def clauses_asked_with_tags(text: str) -> list[tuple[str, bool]]:
    """The clauses of a question, each asking when it asks itself or is followed by a tag that makes it a
    question: "c'est bien l'iscn qui le délivre, pas l'état ?" asks who delivers it, though the clause holding
    "délivre" ends with a comma. A clause that asks by its own words is no tag ("je bosse de nuit, c'est quel
    niveau ?" tells, then asks)."""
    clauses = clauses_of(text)
    return [(clause, asked or (following is not None and _a_tag(text, following[0])))
            for (clause, asked), following in zip(clauses, [*clauses[1:], None], strict=True)]


def _a_tag(text: str, clause: str) -> bool:
    """A few words closing a statement with a question mark (", pas l'état ?", ", non ?", ", c'est ça ?")."""
    at = text.find(clause)
    return (len(clause.split()) <= TAG_WORDS and not INTERROGATIVE.search(clause) and at >= 0
            and text[at + len(clause):].lstrip().startswith("?"))


def asks(piece: str, end: str) -> bool:
    """Whether a clause or a sentence asks: a question word in it, or a question mark closing it."""
    return bool(INTERROGATIVE.search(piece)) or end == "?"


# "j'ai déjà le titre pro …", "titulaire du BTS …", "j'ai un bac pro …": what the person holds, said before it
HELD = re.compile(r"(?:\bj'?\s?ai|\bjai|\btitulaire|\bje possede|\bavec mon|\bavec ma)"
                  r"(?:\s+(?:deja|eu|obtenu))?\s+(?:d[eu']\s*|l'|le|la|les|un|une|mon|ma|mes)?\s*[\w'+ ]{0,40}$")


def held_by_the_person(folded: str, title: str) -> bool:
    """Whether a title the index lacks is one the person says they hold ("j'ai déjà le titre professionnel
    Coffreur bancheur", "j'ai un bac pro ASSP"): it tells who they are, and the certification chosen or
    discussed is still what they ask of (a dispense it grants, what stays acquired)."""
    at = folded.find(title.split()[0])
    return at > 0 and HELD.search(folded[:at]) is not None


def names_the_last(query: Query) -> bool:
    """"Le dernier bloc", or "et le dernier ?" after a question on the blocs: the last of the list."""
    return bool(LAST_UNIT.search(query.folded) or (
        query.follow_up and query.context.field_name in BLOC_FIELDS and LAST_LISTED.match(query.folded)))


def points_to_its_certification(query: Query) -> bool:
    """"Vers quelles fiches métiers du ROME cette certification oriente-t-elle ?", "les fiches ROME liées à ce
    titre : lesquelles ?": with one certification in hand, "ce titre" is that one, and the question is about
    it, not over the corpus ("quelles autres certifications que ce titre…" still is)."""
    return bool(query.certification and THE_ONE_SELECTED.search(query.folded) and not OTHERS.search(query.folded))


class Assistant:
    def __init__(self, index: SearchIndex, writer: LLMWriter | None = None) -> None:
        self.index = index
        self.writer = writer  # optional LLM for open questions; structured answers never go through it
        self.router = Router(lambda: index.embedder)  # the model loads at the first question, not here
        self._corpus_position = next(i for i, e in enumerate(self.router.entries) if e.scope == "corpus")
        self._bloc_find_position = next(i for i, e in enumerate(self.router.entries) if e.scope == "bloc_find")
        self._places_position = next(i for i, e in enumerate(self.router.entries) if e.name == "places")
        self._vector = lru_cache(maxsize=256)(lambda text: index.embedder.embed_query(text))
        # a question is routed once: answering, the status check after it and the corpus path all read this
        self._lexical = lru_cache(maxsize=256)(lambda folded: tuple(self.router.lexical(folded)))
        self._scored = lru_cache(maxsize=256)(
            lambda folded, asked: tuple(self.router.score(folded, self._vector(asked))))
        self._words_of: dict[str, frozenset[str]] = {}  # analysed words of each fiche, read when first asked
        self._pairs_of: dict[str, frozenset[tuple[str, str]]] = {}  # words side by side in each fiche, likewise
        # the words questions ask with (every answerer's cues): a title given after "le BTS" ends at them
        self._asking = frozenset(cue_stems(cue for e in self.router.entries for cue in e.cues))

    # -- public ----------------------------------------------------------------------------------------
    def ask(self, question: str, selected: str | None = None, history: list[Turn] | None = None) -> Answer:
        if not question.strip():
            return declines.EMPTY_QUESTION.model_copy()
        context = read_context([(t.role, t.content) for t in history or []], self.index.names, self._field_of)
        query = understand(question, self.index.names, selected if selected in self.index.codes else None, context)
        answer = self._answer(query)
        kind = expected_kind(query.folded)
        if kind is not None and any(e.scope == "bloc_find" for e in self._entries(query)):
            kind = None  # "combien on reverse aux actionnaires, c dans quel bloc ?" asks where, not how much
        if not answer.declined and kind is not None and not holds(kind, fold(self._body(answer))) \
                and not self._quotes_a_phrase_asked(query, answer, kind_words(query.folded)):
            def keep(sentence: str) -> bool:
                return holds(kind, fold(sentence))

            answer = self._with_status_of(self._in_unit_named(query, keep) or self._from_passages(
                query, query.codes or query.ambiguous, keep=keep, depth=COMPLETION_DEPTH))
            if answer.declined:
                answer = declines.not_in_fiches(query.codes, kind.value)
        if query.cut:
            answer.text = f"{NOTICE_CUT}\n{answer.text}"
        return answer

    @staticmethod
    def _body(answer: Answer) -> str:
        """An answer without its status warning: "a pris fin le 31 août 2026" is not a duration."""
        return "\n".join(line for line in answer.text.split("\n") if not line.startswith("Attention : "))

    def retrieve(self, question: str, selected: str | None = None, k: int = 5) -> list:
        """The passages the assistant reads for a question: within the certification(s) it is about, those of
        the sections what it asks points to raised. The CLI's `search` and the retrieval metrics use this."""
        query = understand(question, self.index.names, selected if selected in self.index.codes else None,
                           Context())
        return self._search(query, k, query.codes or query.ambiguous)

    def _search(self, query: Query, k: int, codes: list[str]) -> list[Hit]:
        """The k passages of `codes` (all certifications when none) that best answer the question. Within
        named certifications, the words naming them are left out of the search: every passage of those
        fiches is about them, and the ones that repeat the name most (the lists of organisations, the
        presentation) are not the ones that answer. Measured on the 3 232 questions of the read sets, hit@1
        rises in 15 of 21 sets (0.53 to 0.64 on a set never read, with the same pass count there); 131 of the
        read sets' answers quote the same sentences in another order, 3 of them losing the one expected."""
        searched = without_words(query.text, self._name_words(codes)) if codes else query.text
        return self.index.search(searched, k=k, codes=codes or None, sections=self.sections(query))

    def sections(self, query: Query) -> set[str]:
        """The chunk sections that hold the answer to what the question asks (its cues, not the embedder's
        guess: retrieval is raised only where the question says so)."""
        lexical = self._lexical(query.asked)
        return {section for entry, score in zip(self.router.entries, lexical, strict=True) if score >= 0.5
                for section in entry.sections}

    def route(self, query: Query) -> list[Scored]:
        """Every entry of the registry scored against the question, best first. The embedder sees the question
        without the certification's code or name: the examples name none, and what is asked is the rest."""
        return list(self._scored(self._without_quoted_units(query), self._asked_part(query.text)))

    def _without_quoted_units(self, query: Query) -> str:
        """What is asked, without a unit's title the question quotes whole ("quelles compétences recouvre le
        bloc « Évaluation de l'état clinique … » ?"): the quoted words name the unit, they do not ask for its
        evaluation. Unquoted words are left: they may name it and ask something at once."""
        if len(query.codes) != 1 or not QUOTED.search(query.asked):
            return query.asked
        certification = self.index.certification(query.codes[0])
        units = certification.units if certification else []
        return QUOTED.sub(lambda quoted: " " if units_written_out(quoted.group(1), units) else quoted.group(0),
                          query.asked)

    def _asked_part(self, question: str) -> str:
        return NAMED_CODE.sub(" ", question).strip() or question

    # -- understanding ---------------------------------------------------------------------------------
    def _field_of(self, question: str, context: Context) -> str:
        """What an earlier question of the conversation asked, for a follow-up that says no more: not a topic
        to decline that the question only named in the fiche's own words ("le contrôle des bulletins de
        salaire" asks about a competence, and "et il vérifie quoi ?" after it too)."""
        asked = self._asked_part(question[:MAX_QUESTION_CHARS])
        folded = spell_out(fold(question))
        chosen = decide_all(self.router.score(folded, self._vector(asked)))
        if chosen and chosen[0].entry.scope == "decline" and \
                self._said_as_the_fiche_says_it(chosen[0].entry, folded, context.codes):
            return ""
        return chosen[0].entry.name if chosen else ""

    def _asked_in_a_clause_of_its_own(self, query: Query, scored: list[Scored], chosen: list[Scored]) -> list[Scored]:
        """"Qui le délivre, et il est de quel niveau ?" is two questions: a field of the same scope whose cue
        stands in a clause where no cue of the fields chosen does is asked too, however far below the best
        it scores (`decide_all` keeps a second field only within two margins of the first)."""
        if len(chosen) != 1:
            return []
        clauses = clauses_asked_with_tags(query.asked)
        taken = {i for i, (c, _) in enumerate(clauses) if self.router.cues_found(chosen[0].entry, c)}
        for s in scored:
            if s is chosen[0] or s.entry.scope != chosen[0].entry.scope or s.lexical < 0.5:
                continue
            # a clause that asks ("il est de quel niveau"), not one that frames ("selon les objectifs de la fiche")
            own = {i for i, (c, asks) in enumerate(clauses) if asks and self.router.cues_found(s.entry, c)}
            if own and not own & taken:
                return [s]
        return []

    def _asked_beside_ones_story(self, query: Query, scored: list[Scored], chosen: list[Scored]) -> list[Scored]:
        """"le ccp vente il demande quoi comme compétences ? moi je conseille les clients…": the person tells
        of their job, which the embedder finds close to "what fits me", but the clause that asks asks a field.
        A field whose cue stands in a clause that asks, where no cue of the mapping stands, is what is asked;
        the mapping is chosen only when its own words ask ("ça me correspond ?", "quel titre viser ?")."""
        if not chosen or chosen[0].entry.scope != "fits_me":
            return chosen
        story = chosen[0].entry
        asking = [c for c, asks in clauses_of(query.asked) if asks and not self.router.cues_found(story, c)]
        fields = [s for s in scored if s.entry.scope in ("certification", "bloc")
                  and any(self.router.cues_found(s.entry, c) for c in asking)]
        return fields[:1] or chosen

    def _names_a_year_of_its_statistics(self, query: Query) -> bool:
        """"ya du monde qui passe le tp vendeur par vae ? t'as le chiffre pour 2023": a year the fiche's
        statistics give, asked with a count, asks the statistics however the count is asked for ("par la VAE"
        says which count: the statistics give it)."""
        years = {int(y) for y in YEAR.findall(query.folded)}
        return bool(years) and COUNT_ASKED.search(query.folded) is not None and any(
            years & set(self.index.cards[code].certified) for code in query.codes if code in self.index.cards)

    def _entries(self, query: Query) -> list[FieldEntry]:
        """What the question asks for, best first. A short follow-up with no cue of its own asks what the
        previous question asked; naming a bloc after a question on a bloc's evaluation asks that bloc's."""
        scored = self.route(query)
        if any(s.entry.scope == "bloc_find" and s.lexical >= WHERE_ASKED for s in scored):
            # "l'accueil au téléphone, ça relève de quel bloc ?": the task's words say what is placed, they do
            # not ask for a telephone number; an out-of-scope topic is not what such a question asks
            scored = [s for s in scored if s.entry.scope != "decline"]
        if query.routes:  # a route named points to the entries about routes, and is itself a cue of its opening
            scored = sorted((Scored(s.entry, s.score + ROUTE_BONUS,
                                    max(s.lexical, ROUTE_NAMED) if s.entry.name == "route_open" else s.lexical,
                                    s.semantic)
                             if s.entry.name in ROUTE_ENTRIES else s for s in scored), key=lambda s: -s.score)
        chosen = decide_all(scored)
        if self._names_a_year_of_its_statistics(query):
            chosen = [s for s in scored if s.entry.name == "statistics"]
        chosen += self._asked_in_a_clause_of_its_own(query, scored, chosen)
        chosen = self._asked_beside_ones_story(query, scored, chosen)
        if not query.codes and not query.ambiguous:  # nothing to answer a field for: the corpus, a job, a decline
            unbound = decide_all(scored, allowed=lambda e: e.scope in ("corpus", "fits_me", "decline"))
            chosen = unbound or chosen
        previous = BY_NAME.get(query.context.field_name)
        if query.follow_up and previous is not None and previous.name == "statistics" \
                and expected_kind(query.folded) is AnswerKind.NUMBER:
            return [previous]  # "et parmi eux, combien par la VAE ?" after a count: the same figures, another row
        if query.follow_up and previous is not None and (not chosen or chosen[0].lexical == 0):
            if query.bloc_numbers and REFINED_BY_A_BLOC.get(previous.name) == "evaluation":
                return [BY_NAME["bloc_evaluation"]]
            if query.bloc_numbers and previous.name not in REFINED_BY_A_BLOC and previous.scope != "bloc":
                return [BY_NAME["bloc_content"]]  # "c'est quel niveau ?" then "et le deuxième bloc ?": that bloc
            return [previous]
        if previous is not None and previous.scope == "corpus" and query.follow_up and query.how not in CHOSEN:
            return [previous]
        return [s.entry for s in chosen]

    # -- answering -------------------------------------------------------------------------------------
    def _answer(self, query: Query) -> Answer:
        if query.unknown_codes and query.how != "code":
            referring = self._referring(query.unknown_codes, query.codes)
            linked = replace(query, codes=referring, how="code", unknown_codes=[])
            # only what links the two is answered from the fiche that cites it, not the other's own content
            if not referring or not {e.name for e in self._entries(linked)} & LINKS:
                return declines.unknown_certification(query.unknown_codes, self.index.titles, referring[:1])
            answer = self._answer(linked)
            if answer.declined:
                return answer
            unknown = ", ".join(query.unknown_codes)
            return Answer(text=f"({unknown} n'est pas dans les fiches de l'assistant ; la fiche {referring[0]} la "
                               f"mentionne.)\n{answer.text}", citations=answer.citations,
                          certification=answer.certification)
        # "j'ai validé le bloc 1 de l'ancien titre (RNCP31114)" tells what the candidate holds, not what they did
        experience = experience_in(query.text)
        if experience is not None and CERTIFICATION_PARTS.search(experience):
            experience = None
        if experience is not None and query.certification and not self._only_their_trade(query, experience):
            return mapping_answer(ExperienceMapper(self.index), query.certification, experience)
        if asks_a_siret(query.folded):  # "le SIRET de GEM ?": the export gives it for every organisation
            partners = organisations_named(self.index, key_terms(query.folded, self._name_words(query.codes)),
                                           query.folded)
            over_the_corpus = self._lexical(query.asked)[self._corpus_position] >= CORPUS_CUE
            answer = siret_answer(self.index, query.folded, query.codes or query.ambiguous,
                                  over_the_corpus and query.how not in CHOSEN, partners)
            if answer is not None:
                return self._with_status_of(answer)
        offered = [name for name in names_offered(query.text, self._no_fiche_holds)
                   if not self.index.names.codes_in(name)]
        if query.codes and none_named_in(offered, frozenset().union(*map(self._fiche_words, query.codes))):
            return declines.choice_not_in_fiches(query.codes, offered)  # "React ou Angular ?": the fiche names neither
        # "faut-il l'AIPR ?": nothing the fiches say is about what no fiche names, not even an organisation
        # one of its words begins ("le label Numérique Responsable de l'Institut…" is no INSTITUT of the lists)
        unknown = unknown_names(self.index, query.text)
        if unknown and not self._asks_where_a_task_sits(query) \
                and not self._asks_about_a_bloc_named(query, self._entries(query)):
            return declines.names_not_in_fiches(query.codes or query.ambiguous, unknown)
        entries = self._entries(query)
        named_organisations = None if self._topic_asked_of_an_organisation(query, entries) else \
            self._organisations(query)
        if named_organisations is not None:
            return named_organisations
        corpus_asked = self._lexical(query.asked)[self._corpus_position] >= CORPUS_CUE
        # "toutes celles qui ont le même niveau que celle-ci / que le BTS MCO": the corpus, filtered by that one's
        compared = query.codes[0] if len(query.codes) == 1 and asks_the_same_as(query.folded) else None
        if (query.how not in CHOSEN or compared) and (corpus_asked or (entries and entries[0].scope == "corpus")) \
                and not self._names_a_unit_of_its_certification(query) \
                and (compared or not points_to_its_certification(query)) \
                and not self._pronoun_for_its_own_field(query, entries):
            before = f"{query.context.last_question} {query.context.last_answer}" if query.follow_up else ""
            field = self._field_asked(query)
            asked = without_words(query.folded, self._name_words(query.codes)) if compared else query.folded
            listed = corpus_answer(self.index, asked, before, set(field.sections) if field else set(),
                                   cue_stems(cue for cue, _ in self.router.cues_found(field, query.folded))
                                   if field else set(), self.index.cards.get(compared) if compared else None)
            if listed is not None:
                return listed
        entries = [e for e in entries if e.scope != "corpus"] or ([] if not entries else self._second_best(query))
        if not entries and self._only_a_bloc_named(query):
            entries = [BY_NAME["bloc_content"]]  # "le ccp 2 du titre paie c'est quoi au juste ?": that bloc
        if not entries:
            if experience is not None:
                return ranking_answer(ExperienceMapper(self.index), experience)
            return self._with_status_of(self._from_passages(query))
        first = entries[0]
        if first.scope == "decline":
            said = self._contact_details(query) if first.name == "contact" else None
            said = said or self._field_stating_the_topic(query, first) or self._fiche_says(first, query) \
                or self._fiche_phrase_asked(query, first) or self._said_beside_a_weak_cue(query, first)
            if said is not None:
                return said
            return declines.not_in_fiches(query.codes if query.how in CHOSEN else [], first.topic)
        if first.scope == "fits_me":
            if query.certification and query.how in CHOSEN and not self._only_their_trade(query, None):
                return mapping_answer(ExperienceMapper(self.index), query.certification, self._described(query))
            return ranking_answer(ExperienceMapper(self.index), self._described(query))
        if corpus_asked and not (query.codes or query.ambiguous):
            # "quelles certifications ont un taux d'insertion sous 80 % ?" with no filter that reads it: not
            # the answer of one certification guessed from the search
            return declines.not_over_the_corpus(self.index.titles)
        decline = self._decline_also_asked(query, entries)
        asking = self._told_beside_what_is_asked(query, entries) if decline is not None else None
        if asking is not None:  # the fields asked are answered, the topic told is said to be elsewhere after them
            answer = self._about_certifications(entries, replace(query, folded=asking))
            if not answer.declined:
                answer.text = f"{answer.text}\n{declines.also_asked(decline.topic)}"
            return answer
        if decline is not None and self._said_as_the_fiche_says_it(decline, query.folded,
                                                                   query.codes or query.ambiguous):
            decline = None  # "le contrôle des bulletins de salaire": the fiche's own words, not the topic declined
        if decline is not None and decline.name == "contact" and entries[0].name == "places":
            # "l'adresse de sa page sur le site de la CNCP": where, and how to reach it
            said = self._contact_details(query)
            if said is not None:
                return said
        return self._about_certifications(entries, query, decline)

    def _no_fiche_holds(self, word: str) -> bool:
        """Whether no passage of the index holds this word, however analysed."""
        return not any(self.index.lexical.holds(term) for term in analyse(word))

    def _pronoun_for_its_own_field(self, query: Query, entries: list[FieldEntry]) -> bool:
        """"Y a-t-il des options ou des parcours au choix ? Lesquels ?", in a conversation about one
        certification: the pronoun asked alone stands for the options the question names, a field of that
        certification ranked first, not for certifications of the corpus ("et lesquelles ont au moins 95 %
        d'insertion ?" still asks over the corpus)."""
        if query.how != "conversation" or not entries or entries[0].scope != "certification":
            return False
        found = {cue for cue, _ in self.router.cues_found(BY_NAME["corpus"], query.folded)}
        return bool(found) and found <= PRONOUNS_OF_THE_CORPUS and LONE_PRONOUN.search(query.folded) is not None

    @staticmethod
    def _asks_about_a_bloc_named(query: Query, entries: list[FieldEntry]) -> bool:
        """"Le bloc 2 est-il évalué par un QCM ?": what the fiche says of that bloc answers, whatever it names."""
        return bool(query.bloc_numbers) and any(e.scope == "bloc" or e.name in REFINED_BY_A_BLOC for e in entries)

    def _asks_where_a_task_sits(self, query: Query) -> bool:
        """"Le ROI, c'est dans quel bloc ?": the nearest bloc answers whatever the task's own words."""
        return self._lexical(query.asked)[self._bloc_find_position] >= WHERE_ASKED

    def _names_a_unit_of_its_certification(self, query: Query) -> bool:
        """Whether the question names a bloc of the certification chosen in the list or discussed before, by
        its number, its title written out or "ce bloc": "le bloc « Formaliser un besoin numérique » a-t-il
        des équivalences avec d'autres certifications ?" asks about that certification, not the corpus."""
        if query.how not in ("sélection", "conversation") or not query.codes:
            return False
        certification = self.index.certification(query.codes[0])
        if certification is None:
            return False
        # a bloc named as such: a bare number after a question on levels ("et de niveau 6 ?") is no bloc
        named = mentioned_bloc_numbers(query.text) or THIS_BLOC.search(query.folded)
        return bool(named or units_written_out(query.folded, certification.units))

    def _described(self, query: Query) -> str:
        """What a person says of themselves, without what they ask: "je suis développeuse web depuis 4 ans,
        je peux viser quoi en VAE ?" ranks the certifications for the first clause; "viser", "VAE" are no
        experience. A clause asks when it holds a question word or ends with a question mark ("…, le titre
        ASV ça me correspond ?": the certification's name is no experience); the others stay as written
        (their punctuation too: it cuts the experience into sentences). The whole question when every clause
        asks."""
        pieces = re.split(r"([,;.?!\n]+)", query.original)
        kept = [piece for clause, end in zip(pieces[::2], [*pieces[1::2], ""], strict=True)
                if clause.strip() and not OPEN_QUESTION.search(fold(clause)) and "?" not in end
                for piece in (clause, end)]
        said = "".join(kept).strip(" ,;")
        return said or query.original

    def _only_their_trade(self, query: Query, experience: str | None) -> bool:
        """A certification "named" only by the words of the person's own job ("je suis développeuse web
        depuis 4 ans, je peux viser quoi ?") is not chosen: they describe themselves, and the certifications
        of the corpus are ranked for them. Named in what they ask ("quels blocs du titre DWWM je peux
        valider ?"), asked yes or no ("le titre DWWM me correspond ?"), or named by code or selection, it is
        the one to map against."""
        if query.how != "nom" or asks_yes_or_no(query.folded):
            return False
        told = experience or self._described(query)
        asked = query.original.replace(told, " ") if told != query.original else ""
        return query.certification not in self.index.names.named_in(asked).codes

    def _field_asked(self, query: Query) -> FieldEntry | None:
        """The field of a fiche the question names most by its own words (not the corpus or a decline)."""
        lexical = self._lexical(query.asked)
        named = [(score, e) for e, score in zip(self.router.entries, lexical, strict=True)
                 if score >= 0.5 and e.scope not in ("corpus", "decline", "fits_me")]
        return max(named, key=lambda pair: pair[0])[1] if named else None

    def _referring(self, unknown: list[str], named: list[str]) -> list[str]:
        """The certifications whose fiche mentions a code the index does not hold (a former title, a
        correspondence): "le bloc 1 de l'ancien titre (RNCP31114)" is asked of the title that replaced it.
        Among those, the ones the question also names."""
        found = [hit.chunk.code for code in unknown for hit in self.index.search(code, k=5)
                 if code.lower() in hit.chunk.text.lower().replace(" ", "")]
        found = list(dict.fromkeys(found))
        return [c for c in found if c in named] or ([] if named else found[:1])

    def _topic_asked_of_an_organisation(self, query: Query, entries: list[FieldEntry]) -> bool:
        """"les frais de scolarité au campus HELIOSE de Nantes ?": the organisation named is where a topic no
        fiche holds is asked, by a strong cue of it; not when whether it is authorised is asked ("alaji, c'est
        un organisme reconnu ? France Travail me le propose"), nor by a weak cue ("la cci du Cher")."""
        if not entries or entries[0].scope != "decline" or ABOUT_AUTHORISED_ORGANISATIONS.search(query.folded):
            return False
        if entries[0].name == "contact":  # an organisation's coordinates: what the lists say of it is said
            return False
        return self._lexical(query.asked)[self.router.entries.index(entries[0])] >= STRONG_DECLINE

    def _organisations(self, query: Query) -> Answer | None:
        """A question naming an organisation the certifier authorised: for the certification asked about, the
        fiche's word that it is one; with no certification named, the certifications it prepares for."""
        terms = key_terms(query.folded, self._name_words(query.codes))
        capitals = written_in_capitals(query.text)
        asked = places_asked(query.folded)
        found = organisations_named(self.index, terms, self._organisations_searched(query, asked, terms),
                                    capitals=capitals)
        if not found and not asked and ABOUT_AUTHORISED_ORGANISATIONS.search(query.folded):
            found = organisations_named(self.index, terms, query.folded, kinds_too=True,  # "un GRETA habilité ?"
                                        capitals=capitals)
        if not found and not asked:  # most questions: no routing scores computed for nothing
            return None
        lexical = dict(zip((e.name for e in self.router.entries), self._lexical(query.folded), strict=True))
        named_otherwise = found  # the organisations the question names by other words than a place's
        if asked and found:  # "jsuis a valenciennes, la cci grand hainaut…": the place says where, not who
            elsewhere = without_places(query.folded, asked)
            named_otherwise = organisations_named(self.index, key_terms(elsewhere, self._name_words(query.codes)),
                                                  elsewhere, capitals=capitals)
            if named_by_its_own_words(self.index, named_otherwise, elsewhere, asked, capitals):
                found = {code: list(dict.fromkeys([*named_otherwise.get(code, []), *found.get(code, [])]))
                         for code in {**found, **named_otherwise}}
        if found and query.how not in ("code", "sélection") and lexical["corpus"] >= CORPUS_CUE \
                and not COORDINATES_ASKED.search(query.folded):
            return corpus_partner_answer(self.index, found)  # "la cci de Villefontaine, quelles certifs ?"
        unverified = ""  # the place asked, when the organisation named holds none near it in its name
        also_near: Answer | None = None  # then, the organisations whose name does put them near
        # where to prepare is asked, or an organisation named otherwise than by the place ("recrutent-ils à
        # Lille ?" names CCIL GRAND LILLE by the place alone: it asks nothing of organisations)
        where_asked = lexical["places"] > 0 or (bool(named_otherwise) and bool(query.codes)) or (
            lexical["corpus"] >= CORPUS_CUE and lexical["places"] > 0)
        if asked and where_asked and not COORDINATES_ASKED.search(query.folded):
            if not named_by_its_own_words(self.index, found, query.folded, places_asked(query.folded, True),
                                          capitals):
                # "jsuis a epinal, la cci de mon departement…": the organisations whose name puts them near
                near = place_answer(self.index, query.codes, asked[0])
                if near is not None:
                    return self._with_status_of(near)
            elif not any(placed_near(names, asked[0]) for code, names in found.items()
                         if code in query.codes or not query.codes):
                unverified = place_phrase(asked[0])  # "olivier de serres … jsuis en ardeche"
                also_near = place_answer(self.index, query.codes, asked[0], only_near=True) if query.codes else None
        if not found:
            return None
        if COORDINATES_ASKED.search(query.folded):  # "l'adresse du CFPPA de Toulouse ?": the lists give none
            asked = query.codes or query.ambiguous
            own = {code: names for code, names in found.items() if code in asked}
            return partner_contact_answer(self.index, own if asked else found)
        if query.codes:
            own = [code for code in query.codes if code in found]
            if not own:
                return None
            answer = partner_answer(self.index, own[0], found[own[0]], unverified)
            if also_near is not None:  # "un gip de l'educ nat … a strasbourg ?": what the names place there too
                drafted = Draft(answer.text.split("\n"), list(answer.citations))
                drafted.extend(Draft(also_near.text.split("\n"), list(also_near.citations)))
                answer = Answer(text=drafted.text, citations=drafted.citations, certification=own[0])
            return self._with_status_of(answer)
        # with no certification named, the question must ask where to prepare or which certifications: a
        # city is often a word of an organisation's name too ("quel temps fait-il à Lyon ?")
        if lexical["places"] > 0:
            return corpus_partner_answer(self.index, found)
        return None

    def _organisations_searched(self, query: Query, places: list, own_terms: list[str]) -> str:
        """The words an organisation may be named by. When the question names its certification by name, asks
        nothing of organisations or places and has a subject of its own (`OWN_SUBJECT` words besides the
        name), the words of that name are not among them: in "la fiche assistant rh cci détaille ces étapes
        des entretiens pro ?" the CCI says which title, and "CCI FORMATION PRO" is not asked about; in "la cci
        forme à l'assistant rh ?" the CCI is all the question is about."""
        if query.how != "nom" or len(own_terms) < OWN_SUBJECT or places \
                or ABOUT_AUTHORISED_ORGANISATIONS.search(query.folded) \
                or self._lexical(query.folded)[self._places_position] > 0:
            return query.folded
        return without_words(query.folded, self._name_words(query.codes))

    def _contact_details(self, query: Query) -> Answer | None:
        """Contacts are declined in general, but a fiche that gives telephones, e-mails or web pages answers."""
        if not read_whole(query.codes):
            return None
        drafted = Draft()
        for code in query.codes:
            certification = self.index.certification(code)
            found = contact_details(certification, query.folded) if certification else None
            if found is not None:
                drafted.extend(self._with_status(certification, BY_NAME["contact"], found))
        if not drafted.citations:
            return None
        return Answer(text=drafted.text, citations=drafted.citations,
                      certification=query.codes[0] if len(query.codes) == 1 else None)

    def _field_stating_the_topic(self, query: Query, decline: FieldEntry) -> Answer | None:
        """What a unit the question names says of it, asked nearly as plainly as the topic to decline, when it
        states the topic in the fiche's words: "comment est évaluée l'épreuve E31, et avec quel coefficient ?" is
        answered by that épreuve's evaluation, which gives its coefficient. None when no unit is named, no field
        of a unit is asked or its answer does not say it."""
        if len(query.codes) != 1:
            return None
        certification = self.index.certification(query.codes[0])
        if certification is None or self._named_unit(certification, query, True, set()) is None:
            return None
        scored = self.route(query)
        top = next((s.score for s in scored if s.entry is decline), None)
        found = self.router.patterns_found(decline, query.folded)
        if top is None or not found:
            return None
        for s in scored:
            if s.entry.scope == "bloc" and s.lexical >= 0.5 and s.score >= top - 2 * MARGIN:
                answer = self._about_certifications([s.entry], query)
                if not answer.declined and any(pattern.search(fold(answer.text)) for _, pattern in found):
                    return answer
        return None

    def _fiche_says(self, decline: FieldEntry, query: Query) -> Answer | None:
        """What the fiches never hold in general, one fiche may: a price to compute in an exercise, the
        telephone of a school, a financial bloc. A topic is declined only when the certification's own fiche
        has no sentence holding a word that named the topic together with another of the question's words
        ("quel salaire après le bloc 2" is not answered by the payroll the bloc teaches)."""
        codes = query.codes or query.ambiguous  # "le pge de gem": either of its two fiches may hold it
        if not read_whole(codes):
            return None
        found = self.router.patterns_found(decline, query.folded)
        if not found:
            return None
        asked = set(key_terms(query.folded, self._name_words(codes)))
        # a cue of several words is how a question asks ("combien de pages"); a fiche says its own words of it
        # ("un dossier de 30 pages")
        cue_words = [words for cue, _ in found if (words := {t for t in analyse(cue) if t not in QUESTION_TERMS})]

        def about_it(sentence: str) -> bool:  # the topic's word and another of the question's own words
            folded, said = fold(sentence), set(analyse(sentence))
            named = any(pattern.search(folded) for _, pattern in found) or any(words <= said for words in cue_words)
            return named and len(asked & said) >= 2

        return self._sentences_kept(query, codes, about_it)

    def _sentences_kept(self, query: Query, codes: list[str], keep: Callable[[str], bool]) -> Answer | None:
        """The sentences of these certifications' fiches that `keep` accepts, quoted with the status first;
        None when there are none: what lets a fiche answer a topic otherwise declined."""
        quoted = self._from_passages(query, codes, depth=COMPLETION_DEPTH, keep=keep)
        return None if quoted.declined else self._with_status_of(quoted)

    def _phrases_around(self, query: Query, said: str) -> set[tuple[str, ...]]:
        """The question's phrases (`fiche_phrases_asked`) that hold a word of `said`, outside the places it
        names: "dans le délai voulu" around "délai"; "Auvergne-Rhône-Alpes" is a place, not a phrase asked."""
        folded = without_places(query.folded, places_asked(query.folded))
        stems = set(analyse(said))
        return {phrase for phrase in fiche_phrases_asked(folded, self._name_words(query.codes or query.ambiguous))
                if stems & set(phrase)}

    def _quotes_a_phrase_asked(self, query: Query, answer: Answer, said: str) -> bool:
        """Whether the answer quotes the fiche's sentence the question writes three words of in a row, among
        them the words `said` (which set the kind of answer expected): "dans le délai voulu ?" asks for that
        sentence, not for a duration."""
        phrases = self._phrases_around(query, said) if said else set()
        return any(holds_a_phrase(analyse(c.quote), phrases) for c in answer.citations)

    def _fiche_phrase_asked(self, query: Query, decline: FieldEntry) -> Answer | None:
        """The sentences of the certification's fiche that hold a phrase of the question (three of its words in
        a row, `fiche_phrases_asked`) around the word that named the topic declined: "communiquer les
        informations par le moyen adéquat et dans le délai voulu ?" asks what the fiche says in those words,
        not about a time limit. "Le salaire d'un conducteur de travaux second œuvre" still asks a salary: the
        fiche's phrase is beside the topic's word, not around it. None when no such sentence is found."""
        codes = query.codes or query.ambiguous
        if not read_whole(codes):
            return None
        phrases = self._phrases_around(query, " ".join(cue for cue, _ in self.router.patterns_found(decline,
                                                                                                   query.folded)))
        if not phrases:
            return None
        return self._sentences_kept(query, codes, lambda sentence: holds_a_phrase(analyse(sentence), phrases))

    def _said_as_the_fiche_says_it(self, decline: FieldEntry, folded: str, codes: list[str]) -> bool:
        """Whether the word that named an out-of-scope topic comes in the question beside a word it is beside in
        a sentence of the fiche: "des bulletins de salaire" is the fiche's payroll, "combien de mois pour une
        VAE" is not its "taux d'insertion à 6 mois"."""
        found = self.router.patterns_found(decline, folded)
        if not codes or not found:
            return False
        said = analyse(folded)
        pairs = {(stem, beside) for cue, _ in found for stem in analyse(cue) for i, term in enumerate(said)
                 if term == stem for beside in said[max(0, i - 1):i + 2] if beside != stem}
        return any(pairs & self._fiche_pairs(code) for code in codes)

    def _fiche_pairs(self, code: str) -> frozenset[tuple[str, str]]:
        """The analysed words side by side in a sentence of the fiche, in both orders; read once a fiche."""
        if code not in self._pairs_of:
            terms_of = (analyse(sentence) for chunk in self.index.passages_of([code]) for sentence in chunk.sentences())
            self._pairs_of[code] = frozenset(pair for terms in terms_of for a, b in zip(terms, terms[1:], strict=False)
                                             for pair in ((a, b), (b, a)))
        return self._pairs_of[code]

    def _decline_also_asked(self, query: Query, entries: list[FieldEntry]) -> FieldEntry | None:
        """An out-of-scope topic the question asks beside the fields that answer it, when it is nearly as
        strong: "combien de mois pour une VAE" is the duration of a VAE; "les prérequis pour s'inscrire"
        is the prerequisites, whatever the word "inscrire" suggests."""
        scored = self.route(query)
        field_best = max((s.score for s in scored if s.entry in entries), default=0.0)
        chosen = decide_all(scored, allowed=lambda e: e.scope == "decline")
        if chosen and chosen[0].score >= field_best - DECLINE_CLOSE:
            return chosen[0].entry
        return None

    def _told_beside_what_is_asked(self, query: Query, entries: list[FieldEntry]) -> str | None:
        """"c koi le code rome de l'advf ? france travail me le demande pour ma demande de financement": the
        clauses that ask name the fields and no topic to decline; the topic stands only in a clause that tells
        why. Those asking clauses, then, or None: the other clauses' words are neither declined nor looked for."""
        # a subject after its verb asks too ("permet-il de s'inscrire en doctorat, et auprès de quelle école ?")
        clauses = [(clause, asks or INVERTED_SUBJECT.search(clause) is not None)
                   for clause, asks in clauses_of(query.folded)]
        if all(asks for _, asks in clauses) or not any(asks for _, asks in clauses):
            return None
        asking = " ".join(clause for clause, asks in clauses if asks)
        declined_there = any(self.router.cues_found(e, asking) for e in self.router.entries if e.scope == "decline")
        if declined_there or not any(self.router.cues_found(e, asking) for e in entries):
            return None
        return asking

    def _second_best(self, query: Query) -> list[FieldEntry]:
        chosen = decide_all(self.route(query), allowed=lambda e: e.scope not in ("corpus", "fits_me"))
        return [s.entry for s in chosen]

    def _only_a_bloc_named(self, query: Query) -> bool:
        """An open question that names one bloc of its certification by number or code and asks nothing the
        registry reads: what the bloc holds is what is asked."""
        if len(query.codes) != 1 or asks_yes_or_no(query.folded):
            return False
        certification = self.index.certification(query.codes[0])
        return certification is not None and self._named_unit(certification, query, False, set()) is not None

    def _about_certifications(self, entries: list[FieldEntry], query: Query,
                              decline: FieldEntry | None = None) -> Answer:
        """The entries' answers for the certification(s) of the question. When none of them answers the
        question's own words and an out-of-scope topic was also asked ("combien de temps dure une démarche
        de VAE ?" is not the VAE route), the decline wins."""
        codes = query.codes or query.ambiguous
        absent = self.index.names.absent_title(query.folded, self._asking) if query.how != "code" else None
        if absent is not None and " " not in absent and initials_after_their_type(self.index, query.text, absent):
            absent = None  # "j'ai un bts ndrc, pour le titre de l'iscn…": a diploma a fiche names in full
        if absent is not None and codes and held_by_the_person(query.folded, absent):
            absent = None  # "J'ai déjà le titre pro Coffreur bancheur : suis-je dispensé ?" of the one chosen
        # "le titre professionnel Technicien d'assistance…" is not a title of the index; nor is "le titre pro
        # Assistant de direction du ministère du Travail", though "assistant" and the ministry name some
        # a title the question itself gives is what it asks, whatever the conversation or the list had chosen
        if absent is not None and (not codes or query.how in ("indice", "conversation", "sélection")
                                   or (self.index.names.named_by(absent, codes)
                                       and not self.index.names.named_after(query.folded, absent, codes))
                                   or all(self.index.names.by_its_certifier_only(query.text, c) for c in codes)):
            return declines.unknown_certification([f"« {absent} »"], self.index.titles)
        if not codes:
            guessed = self._guess_certification(query)
            if guessed is None:
                return declines.which_certification(self.index.titles)
            codes = [guessed]
        answer, unanswered = Draft(), 0
        if query.ambiguous and not query.codes:
            listed = " ; ".join(self.index.cards[c].label for c in codes if c in self.index.cards)
            answer.say(f"Plusieurs certifications correspondent à votre question : {listed}. Précisez laquelle ; "
                       "voici la réponse pour chacune.")
        elif not query.codes:
            card = self.index.cards[codes[0]]
            answer.say(f"(Je réponds pour {card.label} ; précisez la certification si vous pensiez à une autre.)")
        for code in codes[:MAX_CERTIFICATIONS]:
            certification = self.index.certification(code)
            if certification is None:
                continue
            drafted = Draft()
            stated: Draft | None = None
            read_in_text = False  # the fiche's text is read once for all the fields it may state that are asked
            for entry in entries:
                one = self._draft(entry, certification, query, entries)
                if one is None and entry.stated_in_text:
                    if not read_in_text:
                        stated, read_in_text = self._field_stated(query, certification, entries), True
                    one = stated
                if one is not None and one.text not in drafted.text:
                    drafted.extend(one)
            drafted, answered = self._completed(query, certification, entries, drafted, decline is None)
            unanswered += not answered
            if drafted.lines:
                answer.extend(self._with_status(certification, entries[0], drafted))
        if not answer.citations:
            return self._not_answered(query, codes)
        if decline is not None and unanswered == min(len(codes), MAX_CERTIFICATIONS):
            said = self._fiche_phrase_asked(query, decline)
            if said is not None:
                return said
            if not self._topic_only_a_purpose(decline, query):
                return declines.not_in_fiches(codes if query.codes else [], decline.topic)
            answer.say(declines.also_asked(decline.topic))
        return Answer(text=answer.text, citations=answer.citations, certification=codes[0] if len(codes) == 1 else None)

    def _said_beside_a_weak_cue(self, query: Query, decline: FieldEntry) -> Answer | None:
        """A topic named only by a weak cue (a "numéro" is a contact's at 0.5) gives way to a sentence of the
        certification's fiche that holds most of the question's own words, by rarity: "le numéro NOR de
        l'arrêté du 6 février 2023" is in the fiche, whatever a telephone number would be. None when the cue is
        a full one, the topic comes from the conversation, or no sentence holds that much."""
        codes = query.codes or query.ambiguous
        position = self.router.entries.index(decline)
        named = self._lexical(query.asked)[position]
        if not read_whole(codes) or not 0 < named < 1.0:  # a follow-up inherits the topic: "et après 5 ans ?"
            return None
        terms = key_terms(query.folded, self._name_words(codes))
        weights = self.index.lexical.rarity(terms)
        return self._sentences_kept(query, codes, lambda sentence: coverage(terms, sentence, weights) >= HELD_MOSTLY)

    def _topic_only_a_purpose(self, decline: FieldEntry, query: Query) -> bool:
        """Whether every word naming the out-of-scope topic comes in a clause that says what the answer is for
        ("le formacode ? j'en ai besoin pour mon dossier de financement"): the topic is the person's purpose,
        not what they ask; the field is answered, and the topic said to be elsewhere."""
        found = self.router.patterns_found(decline, query.folded)
        return bool(found) and all(PURPOSE.search(query.folded[:match.start()])
                                   for _, pattern in found for match in pattern.finditer(query.folded))

    def _completed(self, query: Query, c: Certification, entries: list[FieldEntry], drafted: Draft,
                   may_quote: bool = True) -> tuple[Draft, bool]:
        """A field answer that leaves the question's own words unanswered ("quelles langues sont exigées en
        VAE ?" answered with the VAE route) is completed by the passages that hold them. Also says whether
        the question's own words are answered at all. When an out-of-scope topic is asked too, quotes do
        not count (`may_quote`): "combien de mois pour une VAE" is not answered by "6 mois" in a statistic."""
        cues = cue_stems(cue for e in entries for cue in e.cues)
        said = key_terms(query.folded, self._name_words([c.code]))
        # with no field to answer them, the words that chose the field are what to look for ("options")
        own = [t for t in said if t not in cues] if drafted.lines else said
        if drafted.lines and (not own or coverage(own, drafted.text, self.index.lexical.rarity(own)) >= 0.5):
            return drafted, True
        # completing a field's answer, words the fiche never uses only frame the question; replacing it, they count
        answerable = self._in_fiches(own, [c.code]) if drafted.lines else own
        if not answerable or not may_quote:
            return drafted, False
        quoted = self._from_passages(query, [c.code], terms=answerable, depth=COMPLETION_DEPTH)
        if quoted.declined:
            return drafted, False
        completed = Draft(lines=quoted.text.split("\n"), citations=list(quoted.citations))
        if not drafted.lines:
            return completed, True
        if entries and entries[0].scope == "bloc_find":
            # "dans quel bloc…" is answered by the bloc; the sentences that place the task there follow
            drafted.extend(completed)
            return drafted, True
        # the passages answer what was asked and the field comes after, as context; unless the field's answer
        # says yes or no ("Non, la voie « Par candidature individuelle » n'est pas ouverte…"): it answers first
        first, then = (drafted, completed) if DIRECT_ANSWER.match(drafted.lines[0]) else (completed, drafted)
        first.say("Par ailleurs :")
        first.extend(then)
        return first, True

    def _field_stated(self, query: Query, c: Certification, asked: list[FieldEntry]) -> Draft | None:
        """A field the export has no element for (`FieldEntry.stated_in_text`: what stays acquired after a
        partial validation) may still be stated in the fiche's text: the sentences that speak of it in the
        field's own words, the cues of the fields of this kind asked (`extractive.field_stated`). Measured for
        every field the fiche left empty, it answered five questions the fiches do not answer, from words as
        loose as "entrer" and "diplôme". A question made only of those words ("et si je le rate, je garde
        quoi ?") has no word of its own for the sentence to share."""
        name_words = self._name_words([c.code])
        terms = key_terms(query.folded, name_words)
        together = stated_together(asked)
        vocabulary = cue_stems(cue for e in together for cue in e.cues) - QUESTION_TERMS - name_words
        naming = frozenset(cue_stems(cue for e in together for cue, weight in e.cues.items()
                                     if weight >= NAMING_CUE and " " not in cue)) - QUESTION_TERMS - name_words \
            if self._asked_in_a_sentence_that_asks(query, together) else frozenset()
        stated = field_stated(self._rest_of_fiches([c.code], []), vocabulary, terms, self.index.lexical.rarity(terms),
                              own_word_needed=any(t not in vocabulary for t in terms), naming=naming)
        return Draft(lines=stated.text.split("\n"), citations=list(stated.citations)) if stated else None

    def _asked_in_a_sentence_that_asks(self, query: Query, entries: list[FieldEntry]) -> bool:
        """Whether a sentence that asks (its question mark or a question word) holds a cue of these entries: the
        word naming a field then states it (`_field_stated`). "J'ai peur de rater la date" only tells, and a
        sentence on "validation partielle" does not answer "c'est quand les vœux ?". Sentences, not clauses:
        "est-ce que je dois repasser le français et les maths ?" asks all along."""
        sentences = [s for s in SENTENCE_END.split(query.asked) if s.strip()]
        return any(self.router.cues_found(e, sentence) for e in entries for sentence in sentences
                   if asks(sentence, sentence.rstrip()[-1:]))

    def _draft(self, entry: FieldEntry, c: Certification, query: Query, asked: list[FieldEntry]) -> Draft | None:
        """One entry's answer for one certification. `asked` is everything the question asks: "dans quel bloc…
        et comment est-il évalué ?" is one bloc, its competences and its evaluation together."""
        cues = cue_stems(cue for e in asked for cue in e.cues)
        # "les compétences du bloc Définir et monter le projet" names one bloc; "les blocs du titre" none.
        one_bloc = entry.name == "blocs" and (ONE_BLOC.search(query.folded) is not None or len(query.bloc_numbers) == 1
                                              or names_the_last(query))
        by_title = entry.name in REFINED_BY_A_BLOC or entry.scope == "bloc" or one_bloc
        unit = self._named_unit(c, query, by_title, cues)
        if unit is not None and (entry.scope == "bloc" or entry.name in REFINED_BY_A_BLOC or one_bloc):
            if any(e.scope == "bloc_find" for e in asked):
                return None  # the bloc found answers for both
            aspects = {e.aspect or REFINED_BY_A_BLOC.get(e.name, "") for e in asked if e.name in REFINED_BY_A_BLOC}
            aspect = aspects.pop() if len(aspects) == 1 else ""
            bloc = c.bloc(unit.code) if unit.kind == UnitKind.BLOC else None
            return drafts.bloc_detail(c, bloc, aspect) if bloc else drafts.unit_detail(c, unit)
        if entry.scope == "bloc":
            return drafts.evaluation(c, query) if entry.aspect == "evaluation" else drafts.bloc_list(c, query)
        if entry.name == "equivalences":
            return self._equivalences(c, query)
        if entry.scope == "bloc_find":
            also_evaluation = any(REFINED_BY_A_BLOC.get(e.name) == "evaluation" for e in asked)
            # "du bloc 1 ou du bloc 3 ?" asks which of them: the answer names the bloc, no "oui" for the first
            one_named = IN_THIS_BLOC.search(query.folded) and len(query.bloc_numbers) < 2
            named = (unit or self._named_unit(c, query, True, cues)) if one_named else None
            return self._bloc_holding(c, query, "" if also_evaluation else "competences", named)
        return entry.answer(c, query) if entry.answer else None

    def _equivalences(self, c: Certification, query: Query) -> Draft | None:
        """Correspondences between this certification's blocs and another's, either way round: "ces blocs
        ont-ils des équivalences avec le RNCP35419 ?" asked about the blocs discussed before."""
        others = [code for code in dict.fromkeys(query.codes + query.context.codes) if code != c.code]
        drafted = drafts.equivalences(c, query, toward=set(others))
        if drafted is None:
            for other in others:
                certification = self.index.certification(other)
                if certification is not None and any(x.certification == c.code for x in certification.correspondences):
                    drafted = drafts.equivalences(certification, query, toward={c.code})
                    break
        if drafted is None:
            return None
        for other in others:  # the other certification's blocs the correspondences name, cited from its fiche
            certification = self.index.certification(other)
            named = [b for b in certification.blocs if b.code in drafted.text] if certification else []
            if named:
                marker = drafted.cite(cite(certification, "bloc", "\n".join(f"{b.code} {b.title}" for b in named)))
                drafted.say(f"Blocs de {drafts.named(certification)} concernés {marker} :")
                drafted.lines += drafts.bullets([f"{b.code} : {b.title}" for b in named])
        return drafted

    def _named_unit(self, c: Certification, query: Query, by_title: bool, cues: set[str]) -> Unit | None:
        """The bloc (or, for older fiches, the activity) the question names by number, code or title words.

        Words of the certification's own title do not count: "le niveau de la mention cybersécurité" is
        about the certification, not its bloc "Cybersécurité"."""
        named = mentioned_units(query.text, [c.code]) | {f"{c.code}BC{n:02d}" for n in query.bloc_numbers}
        named |= {f"{c.code}-A{n}" for n in query.bloc_numbers}
        for unit in c.units:
            if unit.code in named:
                return unit
        labelled = units_labelled(c, query.folded)
        if len(labelled) == 1:
            return labelled[0]
        named_after = unit_named_after_its_noun(query.folded, c.units)
        if named_after is not None:
            return named_after
        if c.units and names_the_last(query):
            return c.units[-1]
        if not by_title:
            return None
        written_out = units_written_out(query.folded, c.units)  # "le bloc savoirs hautement spécialisés"
        if len(written_out) == 1:
            return written_out[0]
        asked = set(query.terms) - QUESTION_TERMS - set(analyse(c.title)) - cues
        return unit_holding_most(c.units, lambda title: len(asked & (title - QUESTION_TERMS)))

    def _bloc_holding(self, c: Certification, query: Query, aspect: str, named: Unit | None = None) -> Draft | None:
        """'Dans quel bloc…': the bloc whose passage the question finds first, when it holds its words.
        'Est-ce dans le bloc « Réseaux » ?' names a bloc too: its title words say where the person looks, not
        what they look for, so the search is made without them, and the answer says yes or no."""
        terms = key_terms(query.folded, self._name_words([c.code]))
        searched = query.text
        if named is not None:
            own = set(analyse(named.title))
            terms = [t for t in terms if t not in own] or terms
            searched = " ".join(terms)
        mapped = (self._unit_saying(c, terms) or self._unit_quoted(c, query, terms)
                  or self._mapped_unit(c, searched if named is not None else query.text))
        if mapped is not None:
            return self._holding_answer(c, mapped, aspect, named)
        closest = None
        for rank, hit in enumerate(self.index.search(searched, k=20, codes=[c.code], sections=UNIT_SECTIONS)):
            unit = next((u for u in c.units if u.code == hit.chunk.bloc), None)
            if unit is not None and rank < 5 and coverage(terms, hit.chunk.text) > 0:
                return self._holding_answer(c, unit, aspect, named)
            closest = closest or unit
        # a bloc is always asked for here: the nearest is said as such, never as what the fiche says
        return self._holding_answer(c, closest, aspect, named, nearest=True) if closest else None

    def _unit_saying(self, c: Certification, terms: list[str]) -> Unit | None:
        """The one unit with a sentence holding most of the question's own words: "optimiser le poids, la
        taille et la vitesse d'un site" is where the fiche says it, whatever the mapping thinks. Every word
        counts the same here: a word no fiche holds ("alléger") is as much what is asked as one they do."""
        best: dict[str, float] = {}
        for chunk in self.index.passages_of([c.code]):
            if chunk.section in UNIT_SECTIONS:
                for sentence in [chunk.title, *chunk.sentences()]:
                    best[chunk.bloc] = max(best.get(chunk.bloc, 0.0), coverage(terms, sentence))
        ranked = sorted(best.items(), key=lambda item: -item[1])
        if not terms or not ranked or ranked[0][1] < SAID_IN_A_UNIT:
            return None
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 0.1:
            return None  # two units say it as well: the mapping's evidence decides
        return next((u for u in c.units if u.code == ranked[0][0]), None)

    def _unit_quoted(self, c: Certification, query: Query, terms: list[str]) -> Unit | None:
        """The one unit whose sentences are among those the answer quotes for the question's words: the
        answer then names the bloc its own quotes are from ("Mettre en œuvre les protocoles d'hygiène du
        petit matériel et des textiles…" is quoted for "laver et stériliser les instruments et le linge"),
        never another one the mapping prefers beside them. None when the quotes hold no unit or several, or
        when another unit's title says the question's words as well ("quel bloc traite du plan de feu ?" is
        "Construire le plan de feu d'un spectacle", not the bloc that adapts the plan de feu on tour)."""
        # the words the fiche uses, as the answer's completion reads them (`_completed`, which also leaves out
        # the words that asked where: "rattaché", "traité")
        terms = self._in_fiches(terms, [c.code])
        quoted = self._quotes(query, [c.code], terms, COMPLETION_DEPTH) if terms else None
        citations = quoted.citations if quoted is not None else []
        held = [citation for citation in citations if citation.bloc and citation.section in UNIT_SECTIONS]
        if len({citation.bloc for citation in held}) != 1:
            return None
        rarity = self.index.lexical.rarity(terms)
        said = max(coverage(terms, citation.quote, rarity) for citation in held)
        if any(coverage(terms, u.title, rarity) >= said for u in c.units if u.code != held[0].bloc):
            return None
        return next((u for u in c.units if u.code == held[0].bloc), None)

    def _mapped_unit(self, c: Certification, activity: str) -> Unit | None:
        """The unit the mapping's evidence links an activity to ("rappeler les propriétaires après la
        consultation"), as it would a line of a candidate's experience: the competences of the whole corpus
        weigh in, not only the words the question shares with one passage. None when nothing is evidenced."""
        mapping = ExperienceMapper(self.index).map(c.code, [Experience(number=1, text=activity, title="")])
        matches = mapping.experiences[0].matches if mapping.experiences else []
        return next((u for u in c.units if matches and u.code == matches[0].unit), None)

    def _holding_answer(self, c: Certification, unit: Unit, aspect: str, named: Unit | None,
                        nearest: bool = False) -> Draft:
        bloc = c.bloc(unit.code) if unit.kind == UnitKind.BLOC else None
        found = drafts.bloc_detail(c, bloc, aspect) if bloc else drafts.unit_detail(c, unit)
        label = label_of(c, unit)
        where = f"{unit.code}{f' ({label})' if label else ''} : « {unit.title} » {found.cite(found.citations[0])}"
        if nearest:
            part = "le bloc" if bloc else "la partie"
            found.lines[0] = (f"La fiche ne nomme pas cette tâche en ces mots ; {part} qui s'en rapproche le plus "
                              f"est {where}.")
        elif named is None:
            found.lines[0] = f"C'est dans {where}."
        elif named.code == unit.code:
            found.lines[0] = f"Oui : c'est dans {where}."
        else:
            found.lines[0] = f"Non : c'est dans {where}, pas dans {named.code} « {named.title} »."
        return found

    def _with_status(self, c: Certification | None, entry: FieldEntry, drafted: Draft) -> Draft:
        """An answer about an inactive certification, or one whose registration has ended, says so first."""
        card = self.index.cards.get(c.code) if c else None
        if card is None or not card.status or card.status == "active" or entry.name == "status":
            return drafted
        warned = Draft()
        if card.status == "inactive":
            said = f"la certification {c.code} n'est plus active"
        else:
            ended = french_date(card.registration_end)
            said = f"l'enregistrement de la certification {c.code} au RNCP a pris fin le {ended}"
        marker = warned.cite(cite(c, "presentation", c.status_note or f"Statut : {said}"))
        warned.say(f"Attention : {said} {marker}.")
        warned.extend(drafted)
        return warned

    def _guess_certification(self, query: Query) -> str | None:
        """No certification named, selected or discussed: the one whose passage answers, when one clearly does."""
        hits = self.index.search(query.text, k=1, sections=self.sections(query))
        if hits and coverage(key_terms(query.folded, set()), hits[0].chunk.text) >= 0.6 and len(self.index.codes) > 0:
            return hits[0].chunk.code
        return None

    def _from_passages(self, query: Query, codes: list[str] | None = None, terms: list[str] | None = None,
                       depth: int = 3, keep=None) -> Answer:
        # "le cesi …" names two certifications: the passages of those two, never of a third the search prefers
        codes = codes if codes is not None else (query.codes or query.ambiguous)
        hits = self._search(query, depth, codes)
        if self.writer is not None and hits and keep is None:  # a model is not bound by `keep`: only quotes are
            passages = [quote_of(h.chunk, h.chunk.body) for h in hits]
            written = self.writer.write(query.text, passages, [])
            if written is not None:
                return written
        within = self._in_unit_written_out(query, keep, terms) if codes == query.codes else None
        quoted = within or self._quotes(query, codes, terms, depth, keep, hits)
        return quoted if quoted is not None else self._not_answered(query, codes, hits[:NEAREST_DEPTH])

    def _not_answered(self, query: Query, codes: list[str], hits: list[Hit] | None = None) -> Answer:
        """No field and no passage answers: a decline that shows the sentences of the certification's
        passages closest to the question, as where to look (none when no certification is in question).
        `hits`: the passages a search for this question already found, not searched again."""
        if not read_whole(codes):
            return declines.not_in_fiches(codes)
        terms = key_terms(query.folded, self._name_words(codes))
        hits = hits if hits is not None else self._search(query, NEAREST_DEPTH, codes)
        return declines.not_in_fiches(codes, nearest=nearest_sentences(hits, terms, self.index.lexical.rarity(terms)))

    def _quotes(self, query: Query, codes: list[str], terms: list[str] | None, depth: int, keep=None,
                hits: list[Hit] | None = None) -> Answer | None:
        """The fiches' sentences that hold the question's words (or `terms`), quoted; None when too weak."""
        if hits is None:
            hits = self._search(query, depth, codes)
        title_words = self._name_words(codes)
        asked = terms or key_terms(query.folded, title_words)
        return quote_passages(query.folded, hits + self._rest_of_fiches(codes, hits), title_words, terms,
                              self.index.lexical.rarity(asked), keep)

    def _in_fiches(self, terms: list[str], codes: list[str]) -> list[str]:
        """The question's words these certifications' fiches use at all. A word no passage holds cannot be
        what they answer ("attendu", "figurent" frame the question); the question is answered on the others,
        and declined when none is left."""
        used = set().union(*(self._fiche_words(code) for code in codes)) if codes else set()
        return [t for t in terms if t in used]

    def _fiche_words(self, code: str) -> frozenset[str]:
        if code not in self._words_of:
            self._words_of[code] = frozenset(t for chunk in self.index.passages_of([code])
                                             for t in analyse(chunk.text))
        return self._words_of[code]

    def _in_unit_written_out(self, query: Query, keep: Callable[[str], bool] | None,
                             terms: list[str] | None) -> Answer | None:
        """"Dans le bloc « Mobilisation d'une expertise métier… », quelle compétence porte sur les nouvelles
        pratiques ?": the bloc whose title the question writes out is where to look, and its title's words
        are not what to find (they would quote the title itself)."""
        if len(query.codes) != 1:
            return None
        certification = self.index.certification(query.codes[0])
        # the certification's own title is left out: "Expert en ingénierie du logiciel" names no bloc of it
        written = units_written_out(query.asked, certification.units) if certification else []
        if len(written) != 1:
            return None
        return self._quoted_in_unit(query, written[0], keep, terms)

    def _in_unit_named(self, query: Query, keep: Callable[[str], bool]) -> Answer | None:
        """The sentences of the one unit the question names by its title that `keep` accepts: "combien de
        temps dure l'entretien technique du bloc « Préparer le déploiement… » ?" is read in that bloc, whose
        title says where to look, not what to find (every bloc of the fiche has its own "Entretien
        technique : 00 h 20 min"). None when no single unit is named that way or it says nothing."""
        if len(query.codes) != 1:
            return None
        certification = self.index.certification(query.codes[0])
        unit = self._named_unit(certification, query, True, set()) if certification else None
        return None if unit is None else self._quoted_in_unit(query, unit, keep)

    def _quoted_in_unit(self, query: Query, unit: Unit, keep: Callable[[str], bool] | None,
                        terms: list[str] | None = None) -> Answer | None:
        """The sentences of one unit that hold the question's words (or `terms`) other than the unit's title's."""
        unit_words = set(analyse(unit.title))
        title_words = self._name_words(query.codes)
        terms = [t for t in terms or key_terms(query.folded, title_words) if t not in unit_words]
        hits = [Hit(chunk=chunk, score=0.0) for chunk in self.index.passages_of(query.codes) if chunk.bloc == unit.code]
        if not terms or not hits:
            return None
        rarity = self.index.lexical.rarity(terms)
        found = quote_passages(query.folded, hits, title_words | unit_words, terms, rarity, keep)
        return found if found is not None or keep is None else quote_with_what_follows(hits, terms, rarity, keep)

    def _rest_of_fiches(self, codes: list[str], hits: list[Hit]) -> list[Hit]:
        """The passages of the named certifications the search left out, read after its hits: a fiche is
        a few dozen passages, and the sentence holding the question's rarest word ("anglais", "option") is
        often in a section no cue pointed to. Quoting still needs that sentence to hold the question's words."""
        if not read_whole(codes):
            return []
        seen = {h.chunk.id for h in hits}
        return [Hit(chunk=chunk, score=0.0) for chunk in self.index.passages_of(codes) if chunk.id not in seen]

    def _name_words(self, codes: list[str]) -> set[str]:
        """The words by which these certifications are named (title, acronyms, certifiers): they say which
        certification, not what is asked."""
        words = {t for code in codes for t in analyse(self.index.titles.get(code, ""))}
        return words | {t for code in codes for t in self.index.names.name_terms(code)}

    def _with_status_of(self, answer: Answer) -> Answer:
        """A quoted answer about one certification says first when it is no longer active."""
        certification = self.index.certification(answer.certification) if answer.certification else None
        if answer.declined or certification is None:
            return answer
        warned = self._with_status(certification, BY_NAME["overview"],
                                   Draft(lines=answer.text.split("\n"), citations=list(answer.citations)))
        return Answer(text=warned.text, citations=warned.citations, certification=answer.certification)
