"""Token ids without building the 250 000-piece tokenizer: half a second and ~280 MB saved per process.

Building `tokenizers`' unigram model from the full vocabulary takes ~0.55 s (its trie of every piece),
the largest part of what a fresh `vae-assistant ask` spent before answering. Yet the unigram search over
a word only ever considers the pieces that are substrings of that word. So for a few short texts, a
tokenizer whose vocabulary holds only those pieces (with their scores, the special pieces at their ids,
and the lowest-scored piece, from which the unknown-character penalty is derived) finds the same path,
and its ids map back to the full vocabulary's. Normalisation, pre-tokenisation and the template around
the text come from the full tokenizer's own file, so they cannot drift. A text holding a special piece's
spelling ("<s>", "<mask>"…) goes to the full tokenizer, whose splitting of it this does not copy.

The pieces and scores are kept beside `tokenizer.json`, written once from it (`quick/`).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

FOLDER = "quick"
PIECES = "pieces.txt"
SCORES = "scores.npy"
TEMPLATE = "template.json"
SPECIAL = "special.json"
LONGEST_PIECE = 16  # characters; checked when the files are written


class QuickTokenizer:
    def __init__(self, model_folder: Path, max_length: int) -> None:
        folder = model_folder / FOLDER
        if not (folder / SPECIAL).exists():
            _write_files(model_folder / "tokenizer.json", folder)
        self.pieces = (folder / PIECES).read_text(encoding="utf-8").split("\n")
        self.ids = dict(zip(self.pieces, range(len(self.pieces)), strict=True))
        self.scores = np.load(folder / SCORES)
        self.template = json.loads((folder / TEMPLATE).read_text(encoding="utf-8"))
        self.special: list[str] = json.loads((folder / SPECIAL).read_text(encoding="utf-8"))
        self.always = sorted({*range(len(self.template["added_tokens"])), int(np.argmin(self.scores))})
        # the template's own normaliser and pre-tokeniser: the words a text is cut into
        self.max_length = max_length
        self._cutter = self._build(self.always)

    def handles(self, text: str) -> bool:
        return not any(piece in text for piece in self.special)

    def encode(self, text: str) -> list[int]:
        """The full tokenizer's ids for `text` (truncation and the sentence markers included)."""
        return self.encode_batch([text])[0]

    def encode_batch(self, texts: list[str]) -> list[list[int]]:
        """The full tokenizer's ids for each text, through one tokenizer over the pieces of all their words:
        a piece another text brought is a substring of none of this text's words, so it changes nothing."""
        found: set[int] = set()
        for text in texts:
            normalised = self._cutter.normalizer.normalize_str(text)
            for word in {word for word, _ in self._cutter.pre_tokenizer.pre_tokenize_str(normalised)}:
                found.update(self.ids[word[start:end]] for start in range(len(word))
                             for end in range(start + 1, min(len(word), start + LONGEST_PIECE) + 1)
                             if word[start:end] in self.ids)
        kept = sorted(found.union(self.always))
        tokenizer = self._build(kept)
        return [[kept[i] for i in encoding.ids] for encoding in tokenizer.encode_batch(texts)]

    def _build(self, kept: list[int]) -> Tokenizer:
        """A tokenizer over the pieces `kept` (ascending, the special pieces first, at their own ids)."""
        description = dict(self.template)
        description["model"] = {**self.template["model"],
                                "vocab": [[self.pieces[i], float(self.scores[i])] for i in kept]}
        tokenizer = Tokenizer.from_str(json.dumps(description))
        tokenizer.enable_truncation(self.max_length)
        return tokenizer


def _write_files(tokenizer_file: Path, folder: Path) -> None:
    """Pieces, scores and the rest of the tokenizer (its vocabulary emptied, the special pieces that sit at
    the vocabulary's end left out), written in a temporary folder renamed when complete."""
    description = json.loads(tokenizer_file.read_text(encoding="utf-8"))
    special = [token["content"] for token in description["added_tokens"]]
    vocab = description["model"]["vocab"]
    pieces = [piece for piece, _ in vocab]
    if any("\n" in piece for piece in pieces) or max(len(piece) for piece in pieces) > LONGEST_PIECE:
        raise ValueError(f"{tokenizer_file} : pièces inattendues pour le tokeniseur rapide")
    description["added_tokens"] = [token for token in description["added_tokens"]
                                   if token["id"] < len(description["added_tokens"])]
    if [token["id"] for token in description["added_tokens"]] != list(range(len(description["added_tokens"]))):
        raise ValueError(f"{tokenizer_file} : pièces spéciales inattendues pour le tokeniseur rapide")
    description["model"]["vocab"] = []
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    (work / PIECES).write_text("\n".join(pieces), encoding="utf-8")
    np.save(work / SCORES, np.array([score for _, score in vocab], dtype=np.float64))
    (work / TEMPLATE).write_text(json.dumps(description, ensure_ascii=False), encoding="utf-8")
    (work / SPECIAL).write_text(json.dumps(special, ensure_ascii=False), encoding="utf-8")  # written last
    try:
        os.rename(work, folder)
    except OSError:  # another process wrote them first: keep theirs
        for path in work.iterdir():
            path.unlink()
        work.rmdir()
