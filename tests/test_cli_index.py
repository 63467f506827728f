"""`vae-assistant index` and `search` as a user runs them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from assistant.cli import app

from .conftest import CORPUS

runner = CliRunner()


def test_index_prints_a_summary_and_is_idempotent(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "RNCP14437.txt").write_text((CORPUS / "RNCP14437.txt").read_text(encoding="utf-8"))
    (tmp_path / "corpus" / "vide.txt").write_text("")
    args = ["index", "--corpus", str(tmp_path / "corpus"), "--index", str(tmp_path / "index")]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "1 fiche(s)" in first.stdout and "1 ajoutée(s)" in first.stdout
    assert "1 fichier(s) ou fiche(s) ignoré(s)" in first.stdout
    assert "Ignoré : corpus/vide.txt : fichier vide" in first.stderr
    second = runner.invoke(app, args)
    assert "0 ajoutée(s), 0 retirée(s), 1 inchangée(s) ; 0 passage(s) vectorisé(s)" in second.stdout


def test_search_json_shows_ranked_chunks_with_metadata(seed_index_folder):
    result = runner.invoke(app, ["search", "Comment est évalué le bloc de médiation ?", "--rncp", "31168", "-k", "3",
                                 "--index", str(seed_index_folder), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["scope"] == ["RNCP31168"]
    first = data["hits"][0]
    assert set(first) >= {"rank", "code", "section", "bloc", "title", "text", "score", "bm25_rank", "dense_rank"}
    assert first["bloc"] == "RNCP31168BC04" and first["rank"] == 1
    assert [h["rank"] for h in data["hits"]] == [1, 2, 3]
    assert all(h["code"] == "RNCP31168" for h in data["hits"])


def test_search_readable_output(seed_index_folder):
    result = runner.invoke(app, ["search", "jury VAE chargé de production de projets artistiques",
                                 "--index", str(seed_index_folder)])
    assert result.exit_code == 0
    assert "Périmètre : RNCP14437" in result.stdout
    assert "1. RNCP14437 ·" in result.stdout


def test_search_errors(tmp_path, seed_index_folder):
    missing = runner.invoke(app, ["search", "jury", "--index", str(tmp_path / "rien")])
    assert missing.exit_code == 1 and "aucun index dans" in missing.stderr
    unknown = runner.invoke(app, ["search", "jury", "--rncp", "RNCP99999", "--index", str(seed_index_folder)])
    assert unknown.exit_code == 2 and "la certification RNCP99999 n'est pas dans l'index" in unknown.stderr
