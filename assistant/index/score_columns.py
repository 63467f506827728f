"""Lucene BM25 as a matrix of precomputed scores, one compressed column per term, read with numpy alone.

The layout and the files are bm25s's (`data.csc.index.npy`, `indices.csc.index.npy`, `indptr.csc.index.npy`,
`vocab.index.json`, `params.index.json`), so an index saved by earlier versions opens unchanged. Reading
them needs no bm25s, whose import brings scipy (a sixth of a shell answer's start-up), and the arrays are
mapped from disk rather than copied: a process holds the columns its questions read. A query's score for a
passage is the sum, over the query's terms (repeated terms counted again, unknown ones left out), of the
pair's score, as bm25s computes it (a test compares them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA, INDICES, POINTERS = "data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy"
VOCABULARY, PARAMETERS = "vocab.index.json", "params.index.json"


@dataclass
class ScoreColumns:
    data: np.ndarray  # float32: the score of each (term, passage) pair, term after term
    indices: np.ndarray  # int32: the passage of each pair
    pointers: np.ndarray  # where each term's pairs start (one more entry than terms)
    passages: int
    vocabulary: dict[str, int]
    parameters: dict

    def scores(self, terms: list[str], weights: np.ndarray | None = None) -> np.ndarray:
        """Every passage's score for the query's terms, times `weights` when given (0 leaves a passage out)."""
        scores = np.zeros(self.passages, dtype=np.float32)
        for term in terms:
            position = self._position(term)
            if position is None:
                continue
            start, end = int(self.pointers[position]), int(self.pointers[position + 1])
            np.add.at(scores, self.indices[start:end], self.data[start:end])
        if weights is not None:
            scores *= weights
        return scores

    def document_frequency(self, term: str) -> int | None:
        """How many passages hold the term; None when none of the index's passages ever did."""
        position = self._position(term)
        if position is None:
            return None
        return int(self.pointers[position + 1] - self.pointers[position])

    def _position(self, term: str) -> int | None:
        """The term's column; None for a term no passage held (bm25s also lists an empty token, past the end)."""
        position = self.vocabulary.get(term)
        return position if position is not None and position + 1 < len(self.pointers) else None

    def save(self, folder: Path) -> None:
        np.save(folder / DATA, self.data)
        np.save(folder / INDICES, self.indices)
        np.save(folder / POINTERS, self.pointers)
        (folder / VOCABULARY).write_text(json.dumps(self.vocabulary, ensure_ascii=False), encoding="utf-8")
        (folder / PARAMETERS).write_text(json.dumps({**self.parameters, "num_docs": self.passages}, indent=4),
                                         encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> ScoreColumns:
        """The saved columns, mapped from disk (OSError or ValueError when missing or damaged)."""
        parameters = json.loads((folder / PARAMETERS).read_text(encoding="utf-8"))
        vocabulary = json.loads((folder / VOCABULARY).read_text(encoding="utf-8"))
        arrays = [np.load(folder / name, mmap_mode="r", allow_pickle=False) for name in (DATA, INDICES, POINTERS)]
        data, indices, pointers = arrays
        if len(pointers) < 1 or len(data) != len(indices) or int(pointers[-1]) > len(data):
            raise ValueError(f"{folder} : colonnes BM25 incohérentes")
        return cls(data, indices, pointers, int(parameters["num_docs"]), vocabulary, parameters)
