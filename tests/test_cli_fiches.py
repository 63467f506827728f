"""`vae-assistant fiche` and `fiches`, with the settings every command shares."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from assistant.settings import Settings

from .conftest import CORPUS, SAMPLE_EXPORT

runner = CliRunner()


def test_fiche_json_has_the_documented_keys():
    result = runner.invoke(app, ["fiche", "RNCP31168", "--corpus", str(CORPUS), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["code"] == "RNCP31168"
    assert data["title"] == "Responsable de production de projets culturels"
    assert [b["code"] for b in data["blocs"]][0] == "RNCP31168BC01"
    assert set(data["blocs"][0]) >= {"code", "title", "competences", "evaluation"}


def test_fiche_accepts_a_bare_number_and_reads_in_french():
    result = runner.invoke(app, ["fiche", "31168", "--corpus", str(CORPUS)])
    assert result.exit_code == 0
    assert "## Blocs de compétences (5)" in result.stdout
    assert "Modalités d'évaluation : cas pratique" in result.stdout
    assert "Par expérience (VAE) : oui" in result.stdout


def test_unknown_code_is_a_clear_error():
    result = runner.invoke(app, ["fiche", "RNCP99999", "--corpus", str(CORPUS)])
    assert result.exit_code == 1
    assert "RNCP99999 n'est pas dans le corpus" in result.stderr
    assert "RNCP14437, RNCP31168" in result.stderr


def test_something_that_is_not_a_code():
    result = runner.invoke(app, ["fiche", "bonjour", "--corpus", str(CORPUS)])
    assert result.exit_code == 2
    assert "n'est pas un code RNCP" in result.stderr


def test_fiches_lists_several_corpus_folders():
    result = runner.invoke(app, ["fiches", "--corpus", str(CORPUS), "--corpus", str(SAMPLE_EXPORT), "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 14
    assert {"code": "RNCP14437", "title": "Chargé de production de projets artistiques", "active": False,
            "level_european": 5, "blocs": 0, "units": 7} in rows


def test_problems_go_to_stderr_and_reading_goes_on(tmp_path):
    (tmp_path / "vide.txt").write_text("")
    result = runner.invoke(app, ["fiches", "--corpus", str(CORPUS), "--corpus", str(tmp_path / "vide.txt")])
    assert result.exit_code == 0
    assert "vide.txt : fichier vide" in result.stderr
    assert "2 certification(s), 1 problème(s)." in result.stdout


def test_environment_sets_the_corpus_and_flags_win(monkeypatch, tmp_path):
    monkeypatch.setenv("VAE_CORPUS", str(SAMPLE_EXPORT))
    monkeypatch.setenv("VAE_INDEX", str(tmp_path / "idx"))
    result = runner.invoke(app, ["fiches", "--json"])
    assert len(json.loads(result.stdout)) == 12
    result = runner.invoke(app, ["fiches", "--json", "--corpus", str(CORPUS)])
    assert len(json.loads(result.stdout)) == 2


def test_settings_from_env_and_overrides(tmp_path):
    env = {"VAE_CORPUS": f"a{__import__('os').pathsep}b", "VAE_INDEX": "/srv/idx"}
    settings = Settings.from_env(env)
    assert settings.corpus == [Path("a"), Path("b")] and settings.index == Path("/srv/idx")
    assert settings.with_overrides(index=tmp_path).index == tmp_path
    assert settings.with_overrides(corpus=None).corpus == [Path("a"), Path("b")]
    assert Settings.from_env({}).corpus == [Path("corpus")] and Settings.from_env({}).index == Path("index")
