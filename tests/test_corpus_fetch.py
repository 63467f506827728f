"""`vae-assistant corpus fetch` against an export served by the test on 127.0.0.1, and the index options."""

from __future__ import annotations

import json
import threading
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.corpus import read_corpus
from assistant.corpus_fetch import FetchError, fetch_export
from assistant.index.builder import build_index, wanted_by
from assistant.settings import Settings

from .conftest import CORPUS, SAMPLE_EXPORT

EXPORT_NAME = "export_fiches_RNCP_V4_1_2026-11-20.xml"
runner = CliRunner()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def site(tmp_path):
    """A folder served over HTTP on 127.0.0.1, like data.gouv.fr's API and files."""
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)
    return path


def good_zip(root: Path) -> Path:
    return make_zip(root / "export-fiches-rncp.zip", {EXPORT_NAME: SAMPLE_EXPORT.read_bytes()})


def previous_corpus(folder: Path) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "export_fiches_RNCP_V4_1_2026-01-01.xml").write_bytes(SAMPLE_EXPORT.read_bytes())
    (folder / "EXPORT.json").write_text('{"export_date": "2026-01-01"}', encoding="utf-8")
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_fetch_takes_the_newest_rncp_zip_the_dataset_lists(site, tmp_path):
    root, base = site
    good_zip(root)
    make_zip(root / "export-fiches-rs.zip", {"export_fiches_RS.xml": b"<FICHES/>"})
    (root / "dataset.json").write_text(json.dumps({"resources": [
        {"title": "export-fiches-rncp-2026-01-01", "format": "zip", "url": f"{base}/old.zip",
         "last_modified": "2026-01-01T00:00:00"},
        {"title": "export-fiches-rncp-2026-11-20", "format": "zip", "url": f"{base}/export-fiches-rncp.zip",
         "last_modified": "2026-11-20T03:00:00"},
        {"title": "export-fiches-rs-2026-11-21", "format": "zip", "url": f"{base}/export-fiches-rs.zip",
         "last_modified": "2026-11-21T03:00:00"},
    ]}), encoding="utf-8")
    corpus = tmp_path / "corpus"
    report = fetch_export(corpus, api_url=f"{base}/dataset.json")
    assert report.file == EXPORT_NAME and report.export_date == "2026-11-20"
    assert json.loads((corpus / "EXPORT.json").read_text(encoding="utf-8"))["export_date"] == "2026-11-20"
    reading = read_corpus([corpus])
    assert reading.problems == [] and len(reading.certifications) == 12


def test_a_new_export_replaces_the_previous_one(site, tmp_path):
    root, base = site
    good_zip(root)
    corpus = tmp_path / "corpus"
    previous_corpus(corpus)
    result = runner.invoke(app, ["corpus", "fetch", "--url", f"{base}/export-fiches-rncp.zip", "--out", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "Export du 2026-11-20" in result.stdout
    assert sorted(p.name for p in corpus.iterdir()) == ["EXPORT.json", EXPORT_NAME]


@pytest.mark.parametrize(("served", "message"), [
    ("truncated", "n.est pas un zip"),
    ("not-a-zip", "n.est pas un zip"),
    ("missing", "téléchargement impossible"),
    ("no-xml", "ne contient pas de fichier export_fiches_RNCP"),
    ("bad-xml", "mal formé"),
])
def test_a_broken_download_leaves_the_previous_corpus_untouched(site, tmp_path, served, message):
    root, base = site
    whole = good_zip(root).read_bytes()
    (root / "truncated.zip").write_bytes(whole[: len(whole) // 2])
    (root / "not-a-zip.zip").write_text("<html>Maintenance</html>", encoding="utf-8")
    make_zip(root / "no-xml.zip", {"lisez-moi.txt": b"rien"})
    make_zip(root / "bad-xml.zip", {EXPORT_NAME: b"<FICHES><FICHE><NUMERO_FICHE>RNCP1</NUMERO"})
    corpus = tmp_path / "corpus"
    before = previous_corpus(corpus)
    with pytest.raises(FetchError, match=message):
        fetch_export(corpus, url=f"{base}/{served}.zip")
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before  # nothing lost, no temporary file left


def test_the_cli_says_the_corpus_was_not_changed(site, tmp_path):
    _, base = site
    result = runner.invoke(app, ["corpus", "fetch", "--url", f"{base}/absent.zip", "--out", str(tmp_path / "c")])
    assert result.exit_code == 1 and "n'a pas été modifié" in result.stderr


def test_index_options_keep_active_or_vae_certifications(sample):
    active = {code for code, c in sample.items() if wanted_by("active", c)}
    vae = {code for code, c in sample.items() if wanted_by("vae", c)}
    assert active == {code for code, c in sample.items() if c.active is True} and active
    assert "RNCP34762" not in active  # inactive in the export
    assert vae
    assert all(any(r.route == "vae" and r.open for r in sample[code].access_routes) for code in vae)
    assert {code for code, c in sample.items() if wanted_by("all", c)} == set(sample)


def test_the_index_leaves_out_what_the_option_excludes(tmp_path):
    report = build_index(Settings(corpus=[CORPUS], index=tmp_path / "index", index_only="active"))
    assert report.filtered_out == 2 and report.fiches == 0  # neither seed is known to be active


def test_an_unknown_index_option_is_refused(tmp_path):
    result = runner.invoke(app, ["index", "--corpus", str(CORPUS), "--index", str(tmp_path / "i"), "--only", "tout"])
    assert result.exit_code == 2 and "choisissez parmi all, active, vae" in result.stderr
