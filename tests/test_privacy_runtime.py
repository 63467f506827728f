"""No library reports home: ONNX Runtime's own telemetry (on by default on Linux since 1.29: a device id, an
offline store under ~/.cache/Microsoft, uploads to Microsoft) is switched off when the package is imported."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from assistant.e5.folder import cache_root


@pytest.mark.slow  # loads the model in a fresh interpreter
def test_embedding_a_question_leaves_no_telemetry_store_nor_device_id(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    environment.update(HOME=str(tmp_path), VAE_MODEL_CACHE=str(cache_root()), XDG_CACHE_HOME=str(tmp_path / ".cache"))
    code = ("import assistant, os; from assistant.embeddings import load_embedder; "
            "load_embedder('e5').embed_query('jury'); print(os.environ['ORT_DISABLE_TELEMETRY'])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env=environment, cwd=tmp_path)
    assert result.stdout.strip() == "1"
    assert not (tmp_path / ".cache" / "Microsoft").exists()
