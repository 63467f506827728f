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

BATCH = 32


class OnnxSentenceEncoder:
    def __init__(self, folder: Path, model_file: Path, threads: int | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        config = json.loads((folder / "config_sentence_transformers.json").read_text(encoding="utf-8"))
        self.prompts: dict[str, str] = config.get("prompts", {})
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        self.normalise = any(m["type"].endswith("Normalize") for m in modules)
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if not pooling.get("pooling_mode_mean_tokens"):
            raise ValueError(f"{folder} : seule la moyenne des jetons est prise en charge")
        self.dimension = int(pooling["word_embedding_dimension"])
        max_length = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))["max_seq_length"]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length)
        pad = self.tokenizer.token_to_id("<pad>")
        self.tokenizer.enable_padding(pad_id=pad if pad is not None else 0, pad_token="<pad>")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("VAE_THREADS", "0") or 0)
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: list[str], prompt_name: str) -> np.ndarray:
        """Normalised sentence vectors, one row per text; batches of similar lengths waste little padding."""
        prompt = self.prompts.get(prompt_name, "")
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = np.argsort([-len(text) for text in texts], kind="stable")
        for start in range(0, len(texts), BATCH):
            rows = order[start:start + BATCH]
            encodings = self.tokenizer.encode_batch([prompt + texts[i] for i in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            summed = (hidden * mask[..., None]).sum(axis=1)
            pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            if self.normalise:
                pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            vectors[rows] = pooled
        return vectors
