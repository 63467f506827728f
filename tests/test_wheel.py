"""The package as a user installs it: the built wheel in a fresh virtual environment, outside the source
tree, answering through the LLM path (its prompts are package data) against a fake OpenAI-compatible server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.support.fake_llm_server import FakeChatServer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh environment holding the built wheel; the dependencies come from the test's own environment
    (a path entry, not its .pth files, so the source tree's editable install stays out)."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(work / "dist"), str(ROOT)], check=True)
    wheel = next((work / "dist").glob("vae_assistant-*.whl"))
    venv.create(work / "env", with_pip=False)
    python = work / "env" / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheel)], check=True)
    return python


def run(python: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), "-m", "assistant", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=600)


def test_the_installed_wheel_answers_through_the_llm_path(installed, tmp_path):
    home = tmp_path / "elsewhere"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VAE_") and k != "PYTHONPATH"}
    env.update(VAE_CORPUS=str(ROOT / "corpus"), VAE_INDEX=str(tmp_path / "index"))
    located = subprocess.run([str(installed), "-c", "import assistant; print(assistant.__file__)"], env=env,
                             cwd=home, capture_output=True, text=True, check=True).stdout
    assert str(ROOT) not in located  # the wheel's copy, not the source tree
    built = run(installed, "index", env=env, cwd=home)
    assert built.returncode == 0, built.stderr
    with FakeChatServer() as server:
        env.update(VAE_LLM="openai:modele-de-test", VAE_LLM_URL=server.url)
        asked = run(installed, "ask", "Le RNCP 14437 parle-t-il des artistes et de leur accompagnement ?", "--json",
                    env=env, cwd=home)
        assert asked.returncode == 0, asked.stderr
        answer = json.loads(asked.stdout)
    assert server.requests, f"the LLM path was not taken: {answer['text'][:300]}"
    system = server.requests[0]["messages"][0]["content"]
    assert "fiches" in system  # the packaged French system prompt was sent
    quoted = server.replies[0].rsplit(" [", 1)[0]
    assert quoted in answer["text"]  # the model's answer passed the check and was given
    assert any(c["section"] == "capacites" or c["quote"] for c in answer["citations"])
