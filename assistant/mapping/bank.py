"""Every requirement of the corpus (a unit's title, each of its competences), embedded once, with how rare
each term is across the whole corpus.

Why the whole corpus: an experience sentence sits at cosine 0.83–0.89 from almost any competence, fitting
or not, so a raw similarity proves nothing. What proves something is how a sentence's similarity to a
requirement stands out against its similarity to the requirements of every certification (a z-score), and
the specific words both share, specific meaning rare across all the fiches ("paie", "autoclave"), not
"gérer" or "suivi", which every fiche uses.

The vectors are fiche text, never a candidate's: they are kept beside the index (`requirements.npz`,
rebuilt when the index changes or another model opens it) so a command does not embed the corpus again.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.atomic_files import write_atomically
from assistant.certification import Certification, Unit, UnitKind
from assistant.index.french_analyser import analyse
from assistant.index.search import SearchIndex
from assistant.mapping.unit_passages import UnitPassages, read_unit_passages

FILE_NAME = "requirements.npz"
REFERENCE_CERTIFICATIONS = 400  # beyond this, the statistics come from an even sample of the corpus
BATCH = 64


@dataclass(frozen=True)
class Requirement:
    """One thing a unit asks for, as the fiche says it."""

    code: str
    unit: str
    kind: str  # "intitulé" (the unit's title) or "compétence"
    text: str  # the phrase compared with a candidate's sentences
    whole: str = ""  # the fiche's whole competence when `text` is only its head clause

    @property
    def competence(self) -> str:
        """The fiche's own words this requirement stands for, shown to the candidate and counted once."""
        return self.whole or self.text


def unit_phrases(certification: Certification, unit: Unit) -> list[str]:
    """The fiche's own phrases for a unit: its title, then its competences (or description lines)."""
    bloc = certification.bloc(unit.code) if unit.kind == UnitKind.BLOC else None
    lines = list(bloc.competences) if bloc and bloc.competences else re.split(r"\s*/\s*|\n", unit.description)
    return [unit.title, *[line.strip() for line in lines if len(line.split()) >= 2]]


# How and why a competence is done, after what it does: a gerund ("en gérant", "en se protégeant") or a purpose
# ("afin de", "pour", "dans le respect de"); France Compétences' referentials write competences this way.
_MANNER = re.compile(r",?\s+(?:(?:tout\s+)?en\s+(?:(?:les|la|le|l['’]|se|s['’]|y|leur|lui)\s*)?\w+ant\b"
                     r"|afin\s+d|pour\s|dans\s+le\s+respect\b)", re.IGNORECASE)


def head_clause(text: str) -> str:
    """What a competence asks for, without how or why: the part an experience names. The whole competence
    stays a requirement too; the head is only a second, sharper phrase of it."""
    for match in _MANNER.finditer(text):
        head = text[:match.start()].strip(" ,")
        if len(head.split()) >= 3:
            return head
    return text


def requirements_of(certification: Certification) -> list[Requirement]:
    found = []
    for unit in certification.units:
        for position, text in enumerate(dict.fromkeys(unit_phrases(certification, unit))):
            kind = "intitulé" if position == 0 else "compétence"
            found.append(Requirement(certification.code, unit.code, kind, text))
            head = head_clause(text)
            if kind == "compétence" and head != text:
                found.append(Requirement(certification.code, unit.code, kind, head, whole=text))
    return found


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


class RequirementBank:
    """The corpus' requirements, their vectors and term rarity; one per opened index, shared by every call."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self._lock = threading.Lock()
        self._vectors: dict[str, np.ndarray] = {}
        self._requirements: dict[str, list[Requirement]] = {}
        self._unit_passages: dict[str, UnitPassages | None] = {}
        codes = sorted(index.titles)
        step = max(1, math.ceil(len(codes) / REFERENCE_CERTIFICATIONS))
        self.reference_codes = codes[::step]
        frequency: Counter[str] = Counter()
        phrases = 0
        for certification in index.catalog.certifications():
            for requirement in requirements_of(certification):
                frequency.update(set(analyse(requirement.text)))
                phrases += 1
            if certification.code in self.reference_codes:
                self._requirements[certification.code] = requirements_of(certification)
        self.phrases = phrases
        self._frequency = frequency
        self._load()
        reference = [r for code in self.reference_codes for r in self._requirements.get(code, [])]
        self._embed([r.text for r in reference])
        self.reference = reference
        self.reference_matrix = self.matrix(reference)

    @classmethod
    def of(cls, index: SearchIndex) -> RequirementBank:
        """The bank of this opened index, built on first use."""
        bank = getattr(index, "_requirement_bank", None)
        if bank is None:
            bank = cls(index)
            index._requirement_bank = bank
        return bank

    def idf(self, term: str) -> float:
        """Rarity of a term across every requirement of the corpus (a term never seen counts as rare)."""
        return math.log((1 + self.phrases) / (1 + self._frequency.get(term, 0)))

    def requirements(self, code: str) -> list[Requirement]:
        if code not in self._requirements:
            certification = self.index.certification(code)
            self._requirements[code] = requirements_of(certification) if certification else []
            self._embed([r.text for r in self._requirements[code]])
        return self._requirements[code]

    def unit_passages(self, code: str) -> UnitPassages | None:
        """The certification's unit passages and their vectors, read from the index once and kept, when
        every passage has its vector (while vectors are still being computed, they are read again)."""
        if code in self._unit_passages:
            return self._unit_passages[code]
        certification = self.index.certification(code)
        found = read_unit_passages(self.index, certification) if certification else None
        if found is None or found.complete:
            self._unit_passages[code] = found
        return found

    def matrix(self, requirements: list[Requirement]) -> np.ndarray:
        if not requirements:
            return np.zeros((0, self.index.embedder.dimension), dtype=np.float32)
        return np.stack([self._vectors[_key(r.text)] for r in requirements])

    def embed_sentences(self, sentences: list[str]) -> np.ndarray:
        """A candidate's sentences, embedded as queries; kept in memory for this call only."""
        vectors = np.array([self.index.embedder.embed_query(s) for s in sentences], dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)

    # -- the cache beside the index ----------------------------------------------------------------------
    @property
    def _file(self) -> Path:
        return self.index.catalog.path.parent / FILE_NAME

    def _stamp(self) -> str:
        return f"{self.index.embedder.name}|{self.index.catalog.generation}"

    def _load(self) -> None:
        try:
            with np.load(self._file, allow_pickle=False) as saved:
                if str(saved["stamp"]) != self._stamp():
                    return
                keys, vectors = json.loads(str(saved["keys"])), saved["vectors"]
        except (OSError, KeyError, ValueError):
            return
        self._vectors.update(zip(keys, vectors, strict=True))

    def _save(self) -> None:
        buffer = io.BytesIO()
        keys = list(self._vectors)
        np.savez(buffer, stamp=np.array(self._stamp()), keys=np.array(json.dumps(keys)),
                 vectors=np.stack([self._vectors[k] for k in keys]))
        try:
            write_atomically(self._file, buffer.getvalue())
        except OSError:  # a read-only index still maps; it only embeds again next time
            pass

    def _embed(self, texts: list[str]) -> None:
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if _key(t) not in self._vectors))
            if not missing:
                return
            for start in range(0, len(missing), BATCH):
                batch = missing[start:start + BATCH]
                vectors = np.array(self.index.embedder.embed_documents(batch), dtype=np.float32)
                vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
                self._vectors.update((_key(t), v) for t, v in zip(batch, vectors, strict=True))
            self._save()
