"""The BM25 half of the index: built once per indexing run, saved beside Chroma, loaded on open.

It is written to a fresh folder and swapped in by rename, and carries the catalog generation it was
built from: a folder missing or out of date after a crash is rebuilt when the index is opened, never
per query. Scoping to certifications is a weight mask over the documents, so a scoped search still
ranks against the statistics of the whole corpus.
"""

from __future__ import annotations

import json
import shutil
from array import array
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from assistant.index.french_analyser import ANALYSER_VERSION, analyse
from assistant.index.score_columns import ScoreColumns

FOLDER = "bm25"
K1, B = 1.5, 0.75  # bm25s's defaults, which the index always used


def _bm25_model(terms: np.ndarray, counts: np.ndarray, distinct: np.ndarray, lengths: np.ndarray,
                vocabulary: dict[str, int]) -> ScoreColumns:
    """bm25s's Lucene BM25, its score matrix built here straight into its compressed columns.

    `bm25s.BM25.index` holds every passage's word list, then three arrays per (passage, term) pair and a
    sorted copy: at 10 000 fiches (330 000 passages) that peaked near 800 MB. Here the passages' distinct
    terms and their counts arrive as int32/uint16 arrays, passage after passage (`distinct[d]` terms for
    passage d, `lengths[d]` words in all), and each score is written once, at its place in the final
    columns. Same scores as `index` (a test compares them), same files on disk.
    """
    documents, vocabulary_size = len(lengths), len(vocabulary)
    frequency = np.bincount(terms, minlength=vocabulary_size)
    idf = np.log(1 + (documents - frequency + 0.5) / (frequency + 0.5)).astype(np.float32)
    average = float(lengths.mean()) or 1.0
    pointer = np.zeros(vocabulary_size + 1, dtype=np.int64)
    np.cumsum(frequency, out=pointer[1:])
    data = np.empty(len(terms), dtype=np.float32)
    rows = np.empty(len(terms), dtype=np.int32)
    slot = pointer[:-1].copy()  # the next free place in each term's column: passages arrive in order
    position = 0
    for document, (width, length) in enumerate(zip(distinct.tolist(), lengths.tolist(), strict=True)):
        own = terms[position:position + width]
        tf = counts[position:position + width].astype(np.float32)
        where = slot[own]
        data[where] = idf[own] * (tf / (K1 * ((1 - B) + B * length / average) + tf))
        rows[where] = document
        slot[own] += 1
        position += width
    # bm25s's parameters and its empty token (held by no passage): the files stay readable by bm25s itself
    parameters = {"k1": K1, "b": B, "delta": 0.5, "method": "lucene", "idf_method": "lucene", "dtype": "float32",
                  "int_dtype": "int32", "backend": "numpy"}
    return ScoreColumns(data, rows, pointer, documents, {**vocabulary, "": vocabulary_size}, parameters)


class LexicalIndex:
    def __init__(self, model: ScoreColumns | None, ids: list[str], codes: list[str], generation: int) -> None:
        self.model = model
        self.ids = ids
        self.generation = generation
        self._code_of = np.array(codes, dtype=object)
        grouped: dict[str, list[int]] = {}
        for position, code in enumerate(codes):  # one pass: a scan per code would be quadratic at RNCP scale
            grouped.setdefault(code, []).append(position)
        self._positions_by_code = {code: np.array(found) for code, found in grouped.items()}

    @classmethod
    def build(cls, rows: Iterable[tuple[str, str, str]], generation: int) -> LexicalIndex:
        ids, codes = [], []
        terms, counts, distinct, lengths, vocabulary = array("i"), array("H"), array("i"), array("i"), {}
        for chunk_id, code, text in rows:
            ids.append(chunk_id)
            codes.append(code)
            numbers = np.fromiter((vocabulary.setdefault(term, len(vocabulary)) for term in analyse(text)),
                                  dtype=np.int32)
            unique, times = np.unique(numbers, return_counts=True)
            terms.extend(unique.tolist())
            counts.extend(np.minimum(times, 65535).tolist())
            distinct.append(len(unique))
            lengths.append(len(numbers))
        model = None
        if ids:
            model = _bm25_model(np.frombuffer(terms, dtype=np.int32), np.frombuffer(counts, dtype=np.uint16),
                                np.frombuffer(distinct, dtype=np.int32), np.frombuffer(lengths, dtype=np.int32),
                                vocabulary)
        return cls(model, ids, codes, generation)

    def save(self, index_folder: Path) -> None:
        target = index_folder / FOLDER
        fresh = index_folder / f"{FOLDER}.new"
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        if self.model is not None:
            self.model.save(fresh)
        (fresh / "chunks.json").write_text(
            json.dumps({"generation": self.generation, "analyser": ANALYSER_VERSION, "ids": self.ids,
                        "codes": self._code_of.tolist()}),
            encoding="utf-8",
        )
        old = index_folder / f"{FOLDER}.old"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        fresh.rename(target)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, index_folder: Path) -> LexicalIndex | None:
        """The saved index, or None when it is missing, unreadable or analysed another way (the caller
        rebuilds it)."""
        folder = index_folder / FOLDER
        try:
            meta = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
            if meta.get("analyser") != ANALYSER_VERSION:
                return None  # terms analysed another way would never match the questions' terms
            model = ScoreColumns.load(folder) if meta["ids"] else None
        except (OSError, ValueError, KeyError):
            return None
        return cls(model, meta["ids"], meta["codes"], int(meta["generation"]))

    def rarity(self, terms: list[str]) -> dict[str, float]:
        """How rare each analysed term is among the passages (inverse document frequency): a question's rare
        words must be answered, its common ones matter less. A word no passage holds is no evidence either
        way (a paraphrase, a typo): it counts half as much as the commonest word of the question."""
        if self.model is None:
            return dict.fromkeys(terms, 1.0)
        total = max(1, len(self.ids))
        weights, unseen = {}, []
        for term in terms:
            frequency = self.model.document_frequency(term)
            if frequency is None:
                unseen.append(term)
                continue
            weights[term] = float(np.log(1 + (total - frequency + 0.5) / (frequency + 0.5)))
        fallback = min(weights.values(), default=2.0) / 2
        return weights | dict.fromkeys(unseen, fallback)

    def holds(self, term: str) -> bool:
        """Whether some passage holds this analysed term."""
        return self.model is not None and self.model.document_frequency(term) is not None

    def ids_holding(self, term: str) -> list[str]:
        """The chunk ids of every passage holding this analysed term (not analysed again: a stem may not
        analyse to itself)."""
        if not self.holds(term):
            return []
        return [self.ids[i] for i in np.flatnonzero(self.model.scores([term], None) > 0)]

    def ids_of(self, codes: list[str]) -> list[str]:
        """The chunk ids of these certifications, from memory."""
        return [self.ids[i] for code in codes for i in self._positions_by_code.get(code, ())]

    def search(self, query: str, k: int, codes: list[str] | None = None) -> list[tuple[str, float]]:
        """The k best (chunk id, BM25 score), only among `codes` when given; zero scores are dropped."""
        if self.model is None:
            return []
        terms = analyse(query)
        if not terms:
            return []
        mask = None
        if codes:
            mask = np.zeros(len(self.ids), dtype=np.float32)
            for code in codes:
                positions = self._positions_by_code.get(code)
                if positions is not None:
                    mask[positions] = 1.0
        scores = self.model.scores(terms, mask)
        if len(scores) == 0:
            return []
        k = min(k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in best if scores[i] > 0]
