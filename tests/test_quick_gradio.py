"""The web package imports Gradio without letting it rewrite its type stubs (half of serve's start-up)."""

import subprocess
import sys


def test_importing_the_web_app_leaves_gradio_stubs_alone():
    probe = ("import assistant.web.app, gradio.component_meta as meta, gradio; "
             "print(meta.create_or_modify_pyi.__name__, gradio.Blocks.__name__)")
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["_no_stub", "Blocks"]


def test_the_stub_writer_is_replaced_only_in_its_own_module():
    probe = ("from assistant.web import quick_gradio; import json; import sys; "
             "print(any(type(f).__name__ == '_StubWriterRemover' for f in sys.meta_path))")
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "True"  # waiting for gradio; importing json did not consume it
