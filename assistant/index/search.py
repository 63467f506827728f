"""The index opened for searching: hybrid BM25 + dense retrieval fused by reciprocal rank fusion.

Opened once (by the CLI, the web app, the evaluation runner) and shared: every part is read-only at
query time. The BM25 index is loaded from disk, or rebuilt once here if a crash left it behind the
catalog; it is never rebuilt per query. The model and the embedded Chroma are opened at the first search
that needs a vector (or by `warm_up`): a question the fiche's fields answer, asked from the shell, then
costs neither the model's load nor Chroma's import.
"""

from __future__ import annotations

import threading
from functools import cached_property

from pydantic import BaseModel

from assistant.certification import Certification
from assistant.chunking import Chunk
from assistant.embeddings import NamedEmbeddings, expected_name, load_embedder
from assistant.index.cards import Card, load_cards
from assistant.index.catalog import Catalog
from assistant.index.dense import DenseStore
from assistant.index.errors import IndexMismatchError, IndexMissingError
from assistant.index.french_analyser import analyse
from assistant.index.lexical import LexicalIndex
from assistant.index.names import CertificationNames
from assistant.index.structure_hints import mentioned_units
from assistant.index.vector_fill import MEANWHILE, read_state
from assistant.settings import Settings

# Reciprocal rank fusion of the two retrievers. On the question sets already read (1 222 questions whose
# answer one passage holds), the word index alone put that passage first more often than the fusion with
# equal weights (hit@1 0.769 against 0.739): on a fiche's few dozen passages, a candidate's rare words say
# more than the embedder's closeness. Half a weight for the embedder and a steep fusion (k = 10) keep what it
# adds to the top five: hit@1 0.758, hit@5 0.964 (was 0.946). Weights from 0.4 to 0.6 and k from 5 to 20
# give the same within a point (a one-off grid; `vae-assistant eval SET --json` prints each set's hit@k).
RRF_K = 10
DENSE_WEIGHT = 0.5


class Hit(BaseModel):
    """A retrieved passage with the evidence of both retrievers."""

    chunk: Chunk
    score: float
    bm25_rank: int | None = None
    bm25_score: float | None = None
    dense_rank: int | None = None
    dense_score: float | None = None


class SearchIndex:
    def __init__(self, settings: Settings, embedder: NamedEmbeddings | None = None) -> None:
        try:
            self.catalog = Catalog(settings.index)
        except FileNotFoundError:
            raise IndexMissingError(settings.index) from None
        built_with = self.catalog.get("embedder")
        if built_with is None or self.catalog.count("fiches") == 0:
            self.catalog.close()
            raise IndexMissingError(settings.index)
        self._settings = settings
        self._opening = threading.RLock()
        self._embedder = embedder
        self._dense: DenseStore | None = None
        name = embedder.name if embedder else expected_name(settings.embedder)
        if name is None:
            name = self.embedder.name
        if built_with != name:
            self.catalog.close()
            raise IndexMismatchError(built_with, name, settings.index)
        lexical = LexicalIndex.load(settings.index)
        if lexical is None or lexical.generation != self.catalog.generation:
            lexical = LexicalIndex.build(self.catalog.chunk_rows(), self.catalog.generation)
            lexical.save(settings.index)
        self.lexical = lexical
        if settings.chroma_url:  # a server that cannot be reached is said at once, not at the first question
            _ = self.dense
        self.folder = settings.index
        self.titles = self.catalog.titles()
        self.cards: dict[str, Card] = {card.code: card for card in load_cards(self.catalog)}
        self.codes = set(self.cards)  # every code of the index, as a set, built once
        self._names: CertificationNames | None = None
        self._certifications: dict[str, Certification] = {}

    @property
    def names(self) -> CertificationNames:
        """How people name each certification, learnt from the cards once (1.5 s at 10 000 fiches): by the
        warm-up once `serve` has served its first page, or by the first question, not before the page."""
        if self._names is None:
            with self._opening:
                if self._names is None:
                    self._names = CertificationNames(list(self.cards.values()))
        return self._names

    @cached_property
    def card_terms(self) -> dict[str, frozenset[str]]:
        """The analysed words of each certification's card (title, summary, blocs, and the labels of the
        codes that class its trade: "Études et développement informatique"), computed once: questions over
        the corpus ("celles qui concernent l'informatique") filter on them."""
        return {code: frozenset(analyse(" ".join([card.title, card.new_title, card.summary, *card.domains])))
                for code, card in self.cards.items()}

    @cached_property
    def trade_terms(self) -> dict[str, frozenset[str]]:
        """The analysed words that name each certification's trade: its titles and the labels of its ROME,
        NSF and Formacode codes. A domain asked about ("l'informatique") is a word of these."""
        return {code: frozenset(analyse(" ".join([card.title, card.new_title, *card.domains])))
                for code, card in self.cards.items()}

    @cached_property
    def missing_vectors(self) -> int:
        """Fewer vectors than passages (chroma/ deleted, vectors lost): searches would quietly lean on BM25
        alone, so the faces say it. A lower bound (leftover vectors of old passages count too); exact
        figures come from `index --verify`, and `index` repairs. Counted when asked: it opens Chroma."""
        return max(self.catalog.count("chunks") - self.dense.count(), 0)

    def missing_vectors_warning(self) -> str | None:
        if not self.missing_vectors:
            return None
        state = read_state(self.folder)
        if state is not None and state.running():
            return f"{state.describe()} ; {MEANWHILE}."
        return (f"au moins {self.missing_vectors} passage(s) de l'index {self.folder} n'ont pas de vecteur dans "
                "Chroma : pour eux, la recherche ne s'appuie que sur les mots. Relancez « vae-assistant index "
                f"--index {self.folder} » pour les revectoriser.")

    @property
    def embedder(self) -> NamedEmbeddings:
        with self._opening:
            if self._embedder is None:
                self._embedder = load_embedder(self._settings.embedder)
            return self._embedder

    @property
    def dense(self) -> DenseStore:
        with self._opening:
            if self._dense is None:
                self._dense = DenseStore(self._settings.index, self.embedder, self._settings.chroma_url,
                                         chunk_ids_of=self.lexical.ids_of, passages=self.catalog.count("chunks"))
            return self._dense

    @property
    def dense_opened(self) -> bool:
        """Whether a search has used the vectors (so far, the model and Chroma may never have been loaded)."""
        return self._dense is not None

    def warm_up(self) -> None:
        """The names of the certifications, then one search of each kind, so the first person to ask does not
        wait while Chroma loads its files (about 1.5 s at 10 000 fiches, vae-assistant bench)."""
        first = next(iter(self.titles), None)
        _ = self.names
        self.search("certification", k=1)
        if first:
            self.search("certification", k=1, codes=[first])

    def close(self) -> None:
        self.catalog.close()

    def certification(self, code: str) -> Certification | None:
        if code not in self._certifications:
            found = self.catalog.certification(code)
            if found is None:
                return None
            self._certifications[code] = found
        return self._certifications[code]

    def passages_of(self, codes: list[str]) -> list[Chunk]:
        """Every passage of these certifications (a fiche has a few dozen): what a question about one
        certification may be answered from, when its words sit in a passage the ranking left below the top."""
        found = self.catalog.chunks(self.lexical.ids_of(codes))
        return [found[i] for i in self.lexical.ids_of(codes) if i in found]

    def scope(self, question: str, selected: list[str] | None = None) -> list[str]:
        """The certifications to search: the selection, else those the question names, else all (empty)."""
        if selected:
            return [c for c in selected if c in self.titles]
        return self.names.named_in(question).codes

    @staticmethod
    def _add_structure_list(fused: dict[str, Hit], query: str, codes: list[str], sections: set[str]) -> None:
        """Fuse a third ranking: passages of the bloc the question names, then of the sections the caller says
        hold the answer (the assistant's router knows them: `answering/fields.py`).

        Chunk ids carry their section and bloc (hash:section:bloc:part), so no lookup is needed.
        """
        units = mentioned_units(query, codes)
        if not units and not sections:
            return
        by_score = sorted(fused, key=lambda chunk_id: -fused[chunk_id].score)
        parts = {chunk_id: chunk_id.split(":") for chunk_id in by_score}
        named = [i for i in by_score if len(parts[i]) == 4 and parts[i][2] in units]
        pointed = [i for i in by_score if len(parts[i]) == 4 and parts[i][1] in sections and i not in named]
        for rank, chunk_id in enumerate(named + pointed, start=1):
            fused[chunk_id].score += 1.0 / (RRF_K + rank)

    def search(self, query: str, k: int = 5, codes: list[str] | None = None, depth: int = 50,
               sections: set[str] | None = None) -> list[Hit]:
        """The k best passages for `query` within `codes` (all certifications when empty), those of `sections`
        raised."""
        lexical = self.lexical.search(query, depth, codes or None)
        dense = self.dense.search(query, depth, codes or None)
        fused: dict[str, Hit] = {}
        for rank, (chunk_id, score) in enumerate(lexical, start=1):
            fused[chunk_id] = Hit.model_construct(chunk=None, score=1.0 / (RRF_K + rank), bm25_rank=rank,
                                                  bm25_score=score, dense_rank=None, dense_score=None)
        for rank, (chunk_id, score) in enumerate(dense, start=1):
            hit = fused.setdefault(chunk_id, Hit.model_construct(chunk=None, score=0.0, bm25_rank=None,
                                                                 bm25_score=None, dense_rank=None, dense_score=None))
            hit.score += DENSE_WEIGHT / (RRF_K + rank)
            hit.dense_rank, hit.dense_score = rank, score
        self._add_structure_list(fused, query, codes or [], sections or set())
        ranked = sorted(fused.items(), key=lambda item: -item[1].score)
        hits: list[Hit] = []
        window = k * 3
        for start in range(0, len(ranked), window):
            part = ranked[start:start + window]
            chunks = self.catalog.chunks(chunk_id for chunk_id, _ in part)
            for chunk_id, hit in part:
                chunk = chunks.get(chunk_id)
                if chunk is None:  # a vector no live chunk points to (left by an interrupted run)
                    continue
                hits.append(Hit(chunk=chunk, score=hit.score, bm25_rank=hit.bm25_rank, bm25_score=hit.bm25_score,
                                dense_rank=hit.dense_rank, dense_score=hit.dense_score))
                if len(hits) == k:
                    return hits
        return hits
