"""How people name a certification, learnt from the fiches themselves: its code, its title or a shortened
title, the acronym the fiche gives ("(ATT)") or that its title's initials make ("DWWM", "CDA"), its type
("titre professionnel", "BTS"), its certifier by name or initials ("CESI", "ENSATT", "ministère du
travail").

Every name word is weighted by how few certifications share it (IDF over the index), so "vétérinaire"
names one fiche while "développeur" names several; a mention whose best reading is shared by several
certifications is reported as ambiguous, never settled silently.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from assistant.index.cards import ACRONYM, Card, initials
from assistant.index.french_analyser import QUESTION_TERMS, STOP_WORDS, analyse
from assistant.readers.french_dates import MONTHS, YEAR
from assistant.text_normalise import fold, words

CODE_MENTION = re.compile(r"\bRNCP\s*(\d{3,6})|\b(\d{4,6})\b", re.IGNORECASE)
UNKNOWN_CODE = re.compile(r"\bRNCP\s*(\d{3,6})|(?<![\w/.,])(\d{5,6})\b", re.IGNORECASE)
# A number given after the name of another classification is that classification's code, not an RNCP one:
# "le formacode 31067", "code NSF 326", "ROME M1805", "SIRET …", "code postal 69001"
OTHER_CLASSIFICATION = re.compile(
    r"\b(?:formacodes?|nsf|rome|naf|nor|siret|siren|code postal)\b[\s:°n.-]*(?:(?:et|,|ou)?\s*\d{3,6}\b\s*)+",
    re.IGNORECASE)


# Words that say "a certification" without saying which one.
GENERIC_NAME_WORDS = frozenset(
    "certification certifications titre titres fiche fiches rncp diplome diplomes formation option parcours "
    "mention certificat niveau bloc blocs competences competence vae specialite specialisation grade master "
    "licence bachelor programme etablissement ecole enseignement superieur societe sas sarl association "
    "france national nationale ministere".split()
)
GENERIC_NAME_TERMS = frozenset(t for word in GENERIC_NAME_WORDS for t in analyse(word))
NEWER = re.compile(r"\b(?:nouveau|nouvelle|actuel|actuelle|recent|recente|en vigueur|derniere? version)\b")
OLDER = re.compile(r"\b(?:ancien|ancienne|precedent|precedente|vieux|vieille)\b")
TIE = 0.05  # readings this close are equally good: the person is asked which one they mean
LEGAL_FORMS = frozenset("sas sarl sa eurl association gie scop".split())
# Shortenings candidates type, expanded before names are matched (the fiches spell the words out).
SHORTENINGS: dict[str, str] = {
    "rh": "ressources humaines", "grh": "gestion ressources humaines", "veto": "veterinaire",
    "vetos": "veterinaire", "info": "informatique", "dev": "developpeur", "devs": "developpeur",
    "developpeuse": "developpeur", "appli": "applications", "applis": "applications", "app": "applications",
    "cyber": "cybersecurite", "cybersecu": "cybersecurite", "secu": "securite", "bat": "batiment",
    "batiments": "batiment", "prod": "production", "manag": "management", "log": "logiciel",
    "tp": "titre professionnel", "titre pro": "titre professionnel", "bts": "brevet technicien superieur",
    "bac pro": "baccalaureat professionnel", "cs": "certificat specialisation", "mc": "mention complementaire",
    "cap": "certificat aptitude professionnelle", "cqp": "certificat qualification professionnelle",
}
# Types of French certifications, as spelt out by `expand_shortenings`: a question naming one then gives a title.
CERTIFICATION_TYPE = re.compile(r"\b(?:titre professionnel|licence professionnelle|licence pro|licence|"
                                r"brevet technicien superieur|baccalaureat professionnel|cap|but|dut|bachelor|"
                                r"mastere|cqp|diplome etat|certificat specialisation|"
                                r"certificat aptitude professionnelle)\b")
# the last word of a type as people write it, unexpanded ("cap", "tp", "titre pro", "bts", "licence pro")
TYPE_ENDS = r"(?:cap|tp|pro|professionnel|professionnelle|bts|licence|but|dut|bachelor|mastere|cqp|etat|specialisation)"
# the words of the type as fiches write it, where people say it otherwise
TYPES_SPELT_OUT = {"cap": "certificat aptitude professionnelle", "licence pro": "licence professionnelle",
                   "cqp": "certificat qualification professionnelle"}
TITLE_END = re.compile(r"[,;:?!()]|\.(?:\s|$)")
TITLE_WORDS = 4  # the words after the type that make its title (the rest is the question)
ROMAN = re.compile(r"[ivxl]+")
MAX_INITIALS = 4  # letters of the initials people name a title by ("CG", "SIO", "NDRC")
MIN_CUT = 3  # letters a title word cut short keeps ("com", "tech", "resp")
FAMILY = 6  # letters two words of one family share ("cuisine" and "cuisinier", "comptabilité" and "comptable")
# the first word of each type: another type begins another name ("un bac pro commerce, le CAP …")
TYPE_WORDS = frozenset("titre licence brevet baccalaureat cap but dut bachelor mastere cqp diplome certificat".split())
PHRASE_SHORTENINGS = sorted((k for k in SHORTENINGS if " " in k), key=len, reverse=True)


def _without_other_codes(text: str) -> str:
    return OTHER_CLASSIFICATION.sub(" ", text)


def significant(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1]


def _spelt_out(text: str) -> list[str]:
    """Every word of a text, with the shortenings people type spelt out."""
    folded = " " + " ".join(words(text)) + " "
    for phrase in PHRASE_SHORTENINGS:
        folded = folded.replace(f" {phrase} ", f" {SHORTENINGS[phrase]} ")
    out: list[str] = []
    for word in folded.split():
        out.extend(SHORTENINGS.get(word, word).split())
    return out


def expand_shortenings(text: str) -> list[str]:
    """The significant words of a question, with the shortenings people type spelt out."""
    return [w for w in _spelt_out(text) if w not in STOP_WORDS and len(w) > 1]


def initials_after_a_type(text: str, known: set[str]) -> set[str]:
    """Two-letter initials written right after a type of certification ("titre pro SA", "le TP SA"): after a
    type they name a title of two words; anywhere else two letters are a word ("sa", "la") or name too much."""
    spelt = " ".join(_spelt_out(text))
    after = (spelt[m.end():].split()[:1] for m in CERTIFICATION_TYPE.finditer(spelt))
    return {word for first in after for word in first if word in known}


def _parts(title: str) -> list[str]:
    """A title and the pieces it is made of ("Programme Grande Ecole – Diplôme…" has two names)."""
    pieces = [title] + [p for p in re.split(r"\s[–—-]\s|[()\[\]:,]", title) if p.strip()]
    return list(dict.fromkeys(p.strip() for p in pieces))


# "Maintenance des véhicules option A voitures particulières", "Arts et techniques du théâtre, parcours conception
# lumière": the diploma's own name comes before its option, and people name it by that head alone
OPTION_MARKER = re.compile(r"[\s,(]+(?:option|parcours|specialite|mention)\b")


def title_head(title: str) -> str:
    """The part of a title before the option or path it names ("Maintenance des véhicules"); the whole title
    when it names none."""
    marker = OPTION_MARKER.search(fold(title))
    return title[:marker.start()] if marker and marker.start() > 0 else title


def title_acronyms(card: Card, common_words: set[str]) -> set[str]:
    """Acronyms of the title: given in it ("(ATT)"), or the initials of the title or of a part of it."""
    found: set[str] = set()
    for title in filter(None, [card.title, card.new_title]):
        found |= {fold(a) for a in re.findall(rf"\b({ACRONYM})\b", title)}
        for part in _parts(title):
            kept = significant(part)
            if len(kept) >= 3:
                found.add(initials(kept))
            found.add(_initials_keeping_acronyms(part))
    return _usable(found, common_words)


def _initials_keeping_acronyms(part: str) -> str:
    """The initials of a title that holds an acronym, the acronym kept whole: "gpme" for "Gestion de la PME",
    as people shorten it ("" when the title holds none)."""
    tokens = [t for t in re.findall(r"[^\W_][\w-]*", part) if fold(t) not in STOP_WORDS and len(t) > 1]
    if not any(re.fullmatch(ACRONYM, t) for t in tokens) or len(tokens) < 2:
        return ""
    return "".join(fold(t) if re.fullmatch(ACRONYM, t) else fold(t)[0] for t in tokens)


def certifier_acronyms(card: Card, common_words: set[str]) -> set[str]:
    """Short names of the certifiers: their first word ("CESI", "CCI"), the head of a part after a dash
    ("IESA"), the initials of the end of their name ("ENSATT", "GEM")."""
    found: set[str] = set()
    for certifier in card.certifiers:
        kept = [w for w in significant(certifier) if w not in LEGAL_FORMS]
        heads = [kept[0]] if kept else []
        heads += [significant(part)[0] for part in re.split(r"\s[–—-]\s", certifier)[1:] if significant(part)]
        if len(kept) <= 2:
            heads += kept
        found |= {w for w in heads if w not in GENERIC_NAME_WORDS and w not in SHORTENINGS}
        for start in range(len(kept)):
            if len(kept) - start >= 3:
                found.add(initials(kept[start:]))
    return _usable(found, common_words)


def _usable(acronyms: set[str], common_words: set[str]) -> set[str]:
    """Never a word the fiches use as an ordinary word, nor a stop word, nor two letters."""
    return {a for a in acronyms if len(a) >= 3 and a not in common_words and a not in STOP_WORDS}


def certifier_phrases(card: Card) -> set[str]:
    """Pairs of neighbouring significant words of the certifiers' names ("ministere travail",
    "education nationale"): a certifier is named by two words together, rarely by one. Also a word followed
    by the initials of the rest of the name, the way schools shorten theirs ("Grenoble EM" for Grenoble
    École de Management)."""
    pairs: set[str] = set()
    for certifier in card.certifiers:
        kept = [w for w in significant(certifier) if w not in LEGAL_FORMS]
        pairs |= {f"{a} {b}" for a, b in zip(kept, kept[1:], strict=False)}
        pairs |= {f"{kept[start]} {initials(kept[start + 1:])}" for start in range(len(kept) - 2)
                  if kept[start] not in GENERIC_NAME_WORDS}
    return pairs


@dataclass
class Mention:
    """Certifications a text names, best first, and how sure the reading is."""

    codes: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)  # equally good readings, when no single one wins
    how: str = ""  # "code", "nom"


class CertificationNames:
    """The names of every certification of the index, and the reading of a text against them."""

    def __init__(self, cards: list[Card]) -> None:
        self.cards = {card.code: card for card in cards}
        self.codes = set(self.cards)
        in_summaries = summary_word_counts(cards)
        common = {word for word, fiches in in_summaries.items() if fiches >= 2}  # never alone one's name
        self._running_words = set(in_summaries)  # a word a summary writes is no title word cut short
        self.title_words: dict[str, set[str]] = {}
        self.acronyms: dict[str, set[str]] = {}
        self.certifier_names: dict[str, set[str]] = {}
        self.kind_words: dict[str, set[str]] = {}
        self.name_words: dict[str, set[str]] = {}
        self.typed_initials: set[str] = set()
        self.head_words: dict[str, set[str]] = {}
        self.type_in_title: dict[str, set[str]] = {}
        for card in cards:
            title = {w for t in filter(None, [card.title, card.new_title]) for w in significant(t)}
            self.title_words[card.code] = title - GENERIC_NAME_WORDS
            self.head_words[card.code] = set(significant(title_head(card.title))) - GENERIC_NAME_WORDS
            # the words of a type its title writes ("Diplôme d'État d'ambulancier"): like the type given apart,
            # they never name a second certification alone ("c'est l'école qui le délivre, pas l'état ?")
            spelt = " ".join(expand_shortenings(card.title))
            self.type_in_title[card.code] = {word for match in CERTIFICATION_TYPE.finditer(spelt)
                                             for word in match.group(0).split()}
            self.certifier_names[card.code] = certifier_acronyms(card, common) | certifier_phrases(card)
            self.acronyms[card.code] = title_acronyms(card, common) | certifier_acronyms(card, common) | {
                w for w in self.title_words[card.code] if w not in common and len(w) <= 5} | _usable(
                {fold(a) for a in card.own_acronyms}, common)
            for words_of_name in (self.title_words[card.code], self.head_words[card.code]):
                if len(words_of_name) == 2:  # "Secrétaire assistant": "SA", said only after a type
                    short = initials(sorted(words_of_name, key=fold(card.title).find))
                    self.typed_initials.add(short)
                    self.acronyms[card.code].add(short)
            # The type ("BTS", "titre professionnel") only ever confirms a title: "je sors d'un BTS" names
            # the candidate's own diploma, not the BTS of the corpus.
            self.kind_words[card.code] = set(significant(card.kind)) - GENERIC_NAME_WORDS - self.title_words[card.code]
            self.name_words[card.code] = (self.title_words[card.code] | self.acronyms[card.code]
                                          | self.certifier_names[card.code] | self.kind_words[card.code])
        document_frequency: dict[str, int] = {}
        for name in self.name_words.values():
            for word in name:
                document_frequency[word] = document_frequency.get(word, 0) + 1
        self.scale = math.log(1 + max(1, len(cards)))
        self.idf = {w: math.log(1 + len(cards) / df) / self.scale for w, df in document_frequency.items()}
        self.codes_by_word: dict[str, set[str]] = {}
        for code, name in self.name_words.items():
            for word in name:
                self.codes_by_word.setdefault(word, set()).add(code)
        self.vocabulary = {w for w in self.idf if " " not in w}
        # each question is read for names several times (the question and its folded form, the absent title,
        # the hint): a word is looked up in the vocabulary once, not at every reading
        self._corrected = lru_cache(maxsize=4096)(self._correction)

    def titles_of(self, code: str) -> list[str]:
        """The titles a certification is known by (its title, the new one if it changed)."""
        card = self.cards.get(code)
        return [t for t in (card.title, card.new_title) if t] if card else []

    def absent_title(self, question: str, asking: frozenset[str] = frozenset()) -> str | None:
        """The title a question gives after a type of certification ("le titre professionnel Technicien
        d'assistance en informatique", "la licence pro GRH") when no certification of the index bears it (see
        `_names_one`). None when no type is named, or when every title given could be one of the index's.
        The title is the words right after the type, up to the first that asks (`asking`: the answerers' cues,
        "le BTS en alternance, c'est possible ?" gives none) or says "a certification": "titre pro SA ya
        combien de blocs et c quoi chacun ?" gives no title, not « chacun veux voir … »."""
        # a title ends with its clause: "au tp vendeur en juin, le ccp vente" gives "vendeur juin"
        text = " | ".join(" ".join(_spelt_out(clause)) for clause in TITLE_END.split(question))
        for marker in CERTIFICATION_TYPE.finditer(text):
            after = text[marker.end():].split("|")[0].split()
            if after and after[0] in self.typed_initials:  # "le titre pro SA": a title of the index
                continue
            following: list[str] = []
            for word in after:
                if word in STOP_WORDS or len(word) < 2:
                    continue
                terms = analyse(word)
                if (word in GENERIC_NAME_WORDS or word in TYPE_WORDS or not terms or terms[0] in asking
                        or terms[0] in QUESTION_TERMS or len(following) == TITLE_WORDS
                        or word in MONTHS or YEAR.fullmatch(word)):  # "le tp vendeur en juin 2023": a date
                    break
                following.append(self._corrected(word))
            following = self._ends_restored(following, typed={0: marker.group(0)})
            if (len(following) >= 2 or self._unknown_initials(following)) and not self._names_one(following):
                return " ".join(following)
        return None

    def _unknown_initials(self, following: list[str]) -> bool:
        """One short word after a type that no name of the index holds: the initials of a title the index does
        not have ("le BTS CG", "un BTS SIO"), the way people name one."""
        return len(following) == 1 and len(following[0]) <= MAX_INITIALS and following[0] not in self.vocabulary \
            and following[0] not in self.typed_initials and following[0] not in self._running_words \
            and not ROMAN.fullmatch(following[0])  # "une licence IV" is a number, not a name

    def _names_one(self, following: list[str]) -> bool:
        """Whether the words given after a type could name a certification of the index: an acronym ("le titre
        pro cda javascript" is the CDA and what is asked of it), words that are all names of the index ("le BTS
        finition aménagement"), or half of a title by two of its words or one no other title holds ("le CAP
        petite enfance demande quoi"). "Le titre pro assistant de direction" names none, though "assistant" is
        in two titles."""
        said = set(following)
        return (any(word in self.acronyms[code] for word in following for code in self.codes_by_word.get(word, ()))
                or all(word in self.codes_by_word for word in following)
                or any(len(title & said) * 2 >= len(title)
                       and (len(title & said) >= 2 or any(len(self.codes_by_word[w]) == 1 for w in title & said))
                       for code in self.codes for title in (self.title_words[code], self.head_words[code])))

    @cached_property
    def _codes_by_term(self) -> dict[str, set[str]]:
        """Which certifications each analysed name term names (`name_terms`, inverted once)."""
        by_term: dict[str, set[str]] = {}
        for code in self.codes:
            for term in self.name_terms(code):
                by_term.setdefault(term, set()).add(code)
        return by_term

    def name_terms(self, code: str) -> set[str]:
        """The analysed words by which a certification can be named (title, acronyms, certifiers, type, and
        the shortenings people type for them: "bts", "rh"): in a question they say which certification, not
        what is asked."""
        words = {w for name in self.name_words.get(code, ()) for w in name.split()}
        # "titre pro" names a titre professionnel: both its words say which certification
        short = {part for s, long in (SHORTENINGS | TYPES_SPELT_OUT).items()
                 if all(w in words or w in GENERIC_NAME_WORDS for w in long.split()) for part in s.split()}
        return {t for word in words | short for t in analyse(word)}

    def specific_name_terms(self, codes: list[str]) -> set[str]:
        """The analysed words that name these certifications and no kind of certification in general: "pge",
        "gem", "cda", "cesi", not "titre" or "diplôme"."""
        return {t for code in codes for t in self.name_terms(code)} - GENERIC_NAME_TERMS

    # -- reading a text ---------------------------------------------------------------------------------
    def codes_in(self, text: str) -> list[str]:
        """Known certification codes the text names, in the order it names them."""
        found: list[str] = []
        for match in CODE_MENTION.finditer(_without_other_codes(text)):
            code = f"RNCP{match.group(1) or match.group(2)}"
            if code in self.codes and code not in found:
                found.append(code)
        return found

    def unknown_codes_in(self, text: str) -> list[str]:
        """Codes the text names that the index does not hold ('RNCP' and digits, or five or six digits)."""
        named = [f"RNCP{m.group(1) or m.group(2)}" for m in UNKNOWN_CODE.finditer(_without_other_codes(text))]
        return [code for code in dict.fromkeys(named) if code not in self.codes]

    def _correction(self, word: str) -> str:
        """A name word typed with one slip ("developeur", "cybersecurie") read as the word it meant (called
        through `self._corrected`, which remembers it)."""
        if word in self.vocabulary or len(word) < 6:
            return word
        for known in self.vocabulary:
            if abs(len(known) - len(word)) <= 1 and known[:2] == word[:2] and _one_edit_apart(word, known):
                return known
        return word

    def _said(self, text: str) -> set[str]:
        """The name words of a text, spelt out and corrected, with each pair of neighbours; two-letter initials
        only right after a type of certification."""
        said = [self._corrected(w) for w in expand_shortenings(text) if w not in self.typed_initials]
        said = self._ends_restored(said, _after_a_type(said))
        return (set(said) | {f"{a} {b}" for a, b in zip(said, said[1:], strict=False)}
                | initials_after_a_type(text, self.typed_initials))

    def with_title_words(self, folded: str) -> str:
        """A folded question with the words that stand for a title word right after its type written as the
        title writes them ("le cap cuisine" as "le cap cuisinier"): the name is then read as a name, never as
        what is asked. The same word elsewhere is left as said ("je bosse en cuisine")."""
        for said, title_word in self.title_words_said_otherwise(folded).items():
            folded = re.sub(rf"\b({TYPE_ENDS})\s+{re.escape(said)}(?![\w-])", rf"\1 {title_word}", folded)
        return folded

    def title_words_said_otherwise(self, text: str) -> dict[str, str]:
        """The words of a text that stand for a title word right after its type ("compta" and "comptable" in
        "le tp compta", "cuisine" and "cuisinier" in "le CAP cuisine"), with that title word: once written as
        the title writes it, the name is not taken for what is asked. A word cut short elsewhere ("expert inge
        logiciel") names the certification but is left as said: measured, writing it out lost a read case and
        won none."""
        said = [w for w in expand_shortenings(text) if w not in self.typed_initials]
        corrected = [self._corrected(w) for w in said]
        typed = _after_a_type(corrected)
        restored = self._ends_restored(corrected, typed)
        return {said[i]: restored[i] for i in typed if restored[i] != corrected[i]}

    def _ends_restored(self, said: list[str], typed: dict[int, str]) -> list[str]:
        """Title words cut short ("tech maintenance indus", "resp logistique", "le tp compta") read as the title
        word they begin, when the certification is otherwise pointed at: another word of the same title said in
        full or cut short too ("educ spe"), or its type right before the word (`typed`: positions in `said`
        and the type said before them).
        Right after its type, a word of the same family also stands for a title word ("le CAP cuisine" is the
        CAP Cuisinier), but a job said beside a title word is not the title ("ingénieur logiciel" is no
        "ingénierie du logiciel"). A beginning alone ("tech") begins too many words to name anything, and a word
        the fiches' summaries write ("développe") is not a title word cut short unless it follows a type."""
        def cut(position: int, word: str) -> bool:
            return not (len(word) < MIN_CUT or word in self.vocabulary
                        or (word in self._running_words and position not in typed))

        begins = {position: set(self._title_words_beginning(word)) for position, word in enumerate(said)
                  if position not in typed and cut(position, word)}
        restored = []
        for position, word in enumerate(said):
            type_said = typed.get(position)
            if not cut(position, word):
                restored.append(word)
                continue
            # the other words point at the title: said in full, or cut short too ("educ spe")
            whole = set(said).union(*(words for other, words in begins.items() if other != position))
            stands_for = self._title_words_of_family(word) if type_said else begins[position]
            begun = {title_word for title_word in stands_for for code in self.codes_by_word[title_word]
                     if title_word in self.title_words[code]
                     and (self._is_of_kind(code, type_said) if type_said
                          else (self.title_words[code] - {title_word}) & whole)}
            restored.append(next(iter(begun)) if len(begun) == 1 else word)
        return restored

    def _is_of_kind(self, code: str, kind_said: str) -> bool:
        """Whether a certification is of the type said ("titre professionnel", "cap"): the BTS Comptabilité is
        not the titre professionnel Comptable assistant. A fiche that gives no type contradicts none."""
        kind = set(words(self.cards[code].kind))
        return not kind or set(TYPES_SPELT_OUT.get(kind_said, kind_said).split()) <= kind

    def _title_words_of_family(self, word: str) -> set[str]:
        """The words of the index's titles that `word` begins ("compta": "comptable") or that share its first
        `FAMILY` letters ("comptabilite": "comptable", "cuisine": "cuisinier"): both are the title words that
        begin with its first `FAMILY` letters."""
        return set(self._title_words_beginning(word[:FAMILY]))

    def _title_words_beginning(self, start: str) -> list[str]:
        """The words of the index's titles that begin with `start` and are longer (found by bisection: the
        whole RNCP has tens of thousands of title words)."""
        title_words = self._sorted_title_words
        found = []
        for position in range(bisect.bisect_right(title_words, start), len(title_words)):
            if not title_words[position].startswith(start):
                break
            found.append(title_words[position])
        return found

    @cached_property
    def _sorted_title_words(self) -> list[str]:
        return sorted({word for title in self.title_words.values() for word in title})

    def named_in(self, text: str) -> Mention:
        """The certifications a text names by code, else by name; ambiguous readings are reported."""
        codes = self.codes_in(text)
        if codes:
            return Mention(codes=codes, how="code")
        said = self._said(text)
        candidates = set().union(*(self.codes_by_word.get(w, set()) for w in said)) if said else set()
        scored: list[tuple[float, str]] = []
        for code in candidates:
            score = self._score(code, said)
            if score > 0:
                scored.append((score, code))
        if not scored:
            return Mention()
        scored.sort(key=lambda item: (-item[0], item[1]))
        best = scored[0][0]
        tied = self._by_age(text, [code for score, code in scored if score >= best - TIE])
        if len(tied) > 1:
            return Mention(codes=[], ambiguous=tied[:4], how="nom")
        # Other certifications named with words of their own ("le bloc 3 du CDA du CESI a-t-il une équivalence
        # chez l'expert en ingénierie du logiciel ?") are named too, after the best one.
        named, used = tied[:1], self.name_words[tied[0]] & said
        for _, code in scored:
            own = (self.name_words[code] - self.type_in_title[code]) & said
            if own and not own & used:
                named.append(code)
                used |= own
        return Mention(codes=named, how="nom")

    def _by_age(self, text: str, tied: list[str]) -> list[str]:
        """Between a certification and the one that replaced it, "le nouveau" means the active one and
        "l'ancien" the other."""
        if len(tied) < 2:
            return tied
        folded = fold(text)
        wanted = (True if NEWER.search(folded) else False if OLDER.search(folded) else None)
        if wanted is None:
            return tied
        kept = [code for code in tied if (self.cards[code].status == "active") is wanted]
        return kept if len(kept) == 1 else tied

    def _score(self, code: str, said: set[str]) -> float:
        """How surely the words name this certification: the share of its title, or of the title's head before
        its option ("le bac pro maintenance"), they cover (by IDF) plus the acronyms, certifier and type they
        use; 0 when too weak to count."""
        return max(self._score_by(code, said, title) for title in (self.title_words[code], self.head_words[code]))

    def _score_by(self, code: str, said: set[str], title: set[str]) -> float:
        weight = sum(self.idf[w] for w in title) or 1.0
        coverage = sum(self.idf[w] for w in title & said) / weight
        others = (self.name_words[code] - self.title_words[code] - self.kind_words[code]) & said
        kind = self.kind_words[code] & said
        acronym = bool(self.acronyms[code] & said)
        distinctive = any(len(self.codes_by_word[w]) == 1 for w in (title | others) & said)
        one_word_title = len(title) == 1 and coverage == 1.0
        by_title = coverage >= 0.5 and (len(title & said) >= 2 or one_word_title or distinctive)
        # the type ("titre professionnel") tells two certifications apart once the title, a word of the title no
        # other has ("le BTS finition") or an acronym names one; beside a word several titles hold it names nothing
        # ("ce professionnel … des applications")
        own_title_word = any(len(self.codes_by_word[w]) == 1 for w in title & said)
        extra = sum(self.idf[w] for w in others) + (sum(self.idf[w] for w in kind)
                                                    if by_title or own_title_word or acronym else 0.0)
        if by_title:
            # the longer title said in full beats the shorter one it contains ("développeur web et web mobile")
            return coverage + extra + 0.1 * sum(self.idf[w] for w in title & said)
        if acronym or extra >= 0.5:
            return coverage + extra + 0.5 * acronym
        return 0.0

    def named_by(self, words_said: str, codes: list[str]) -> bool:
        """Whether some of these words are names of these certifications."""
        return any(self.name_words[code] & set(words_said.split()) for code in codes if code in self.name_words)

    def named_after(self, text: str, absent: str, codes: list[str]) -> bool:
        """Whether the folded text names one of these certifications by its title or acronym after the absent
        title: "les titulaires du titre Conducteur du transport en commun sur route sont-ils dispensés … du
        titre Conducteur du transport routier interurbain de voyageurs ?" asks of the second, and only says
        what the person holds with the first. Named before it ("après le titre pro SA je voudrais le titre pro
        assistant de direction, c quoi ses blocs ?"), the known one is what they hold, and the absent one
        what they ask of; so is a certification named only by its certifier or type."""
        last = re.search(rf"\b{re.escape(absent.split()[-1])}\b", text)
        if last is None:
            return False
        said = self._said(text[last.end():])
        return any(self._score(code, said & (self.title_words[code] | self.acronyms[code])) > 0
                   for code in codes if code in self.title_words)

    def by_its_certifier_only(self, text: str, code: str) -> bool:
        """Whether the text names this certification by its certifier (and type) alone: "une CCI locale" names
        an organisation as much as CCI FRANCE's title."""
        named_by = self.name_words[code] & self._said(text)
        return bool(named_by) and named_by <= self.certifier_names[code] | self.kind_words[code]

    def certified_by(self, text: str) -> set[str]:
        """Certifications whose certifier the text names (by two words of its name or its short name)."""
        said = self._said(text)
        return {code for code, names in self.certifier_names.items() if names & said}

    def weakly_named_in(self, text: str) -> list[str]:
        """Certifications a text points to by one word no other title holds ("la formation véto"): enough
        when nothing else says which certification is meant, never enough to leave the one discussed."""
        said = {self._corrected(w) for w in expand_shortenings(text)}
        return sorted({next(iter(self.codes_by_word[w])) for w in said
                       if w in self.vocabulary and len(self.codes_by_word[w]) == 1
                       and any(w in self.title_words[c] for c in self.codes_by_word[w])})


def summary_word_counts(cards: list[Card]) -> Counter[str]:
    """How many fiches' summaries use each word: the fiches' running text, not their names. A word two of them
    use is never taken alone as the name of one certification."""
    return Counter(word for card in cards for word in set(words(card.summary)))


def _after_a_type(said: list[str]) -> dict[int, str]:
    """The positions of the words right after a type of certification, with that type ("cuisine" after "cap"
    in "le cap cuisine", "compta" after "titre professionnel" spelt out from "tp")."""
    ends = {match.end(): match.group(0) for match in CERTIFICATION_TYPE.finditer(" ".join(said))}
    positions, offset = {}, 0
    for position, word in enumerate(said):
        if offset - 1 in ends:
            positions[position] = ends[offset - 1]
        offset += len(word) + 1
    return positions


def _one_edit_apart(a: str, b: str) -> bool:
    """One insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]
