"""Hostile and unusual files: a PDF bomb or a reader's unexpected failure is a problem reported for that file,
and everything beside it is still read; text fiches saved in latin-1 or Windows-1252 are read, not refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.certification import Certification
from assistant.cli import app
from assistant.corpus import read_corpus
from assistant.mapping.experiences import ExperienceError, read_experiences
from assistant.readers.problems import FicheError

from .conftest import CORPUS
from .pdf_files import write_deflate_bomb

runner = CliRunner()


@pytest.fixture()
def bombed_corpus(tmp_path) -> Path:
    """The two seed fiches and, between them in reading order, a deflate bomb."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    write_deflate_bomb(folder / "RNCP2-bombe.pdf")
    return folder


def test_the_bomb_is_what_pypdf_refuses(tmp_path):
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    path = write_deflate_bomb(tmp_path / "bombe.pdf")
    assert path.stat().st_size < 200_000
    with pytest.raises(LimitReachedError):
        PdfReader(str(path)).pages[0].extract_text()


def test_a_deflate_bomb_is_reported_and_the_other_fiches_are_read(bombed_corpus):
    reading = read_corpus([bombed_corpus])
    assert sorted(reading.by_code()) == ["RNCP14437", "RNCP31168"]
    assert [p.file for p in reading.problems] == ["corpus/RNCP2-bombe.pdf"]
    assert "décompress" in reading.problems[0].problem


def test_fiches_and_index_go_past_a_bomb(bombed_corpus, tmp_path):
    listed = runner.invoke(app, ["fiches", "--corpus", str(bombed_corpus)])
    assert listed.exit_code == 0, listed.output
    assert "RNCP14437" in listed.stdout and "RNCP31168" in listed.stdout
    assert "Attention : corpus/RNCP2-bombe.pdf : PDF refusé" in listed.stderr
    indexed = runner.invoke(app, ["index", "--corpus", str(bombed_corpus), "--index", str(tmp_path / "index"),
                                  "--embedder", "bench-hashed"])
    assert indexed.exit_code == 0, indexed.output
    assert "2 fiche(s)" in indexed.stdout and "1 fichier(s) ou fiche(s) ignoré(s)" in indexed.stdout
    assert "Ignoré : corpus/RNCP2-bombe.pdf : PDF refusé" in indexed.stderr


@pytest.mark.parametrize("command", ["map", "outline"])
def test_map_and_outline_refuse_a_bomb_as_a_cv_with_a_message(command, tmp_path):
    bomb = write_deflate_bomb(tmp_path / "cv.pdf")
    result = runner.invoke(app, [command, "--rncp", "RNCP31168", "--file", str(bomb),
                                 "--index", str(tmp_path / "no-index")])
    assert result.exit_code == 2, result.output
    assert "cv.pdf : PDF refusé" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_the_web_upload_reader_refuses_a_bomb_with_a_message(tmp_path):
    from assistant.web.experiences import read_cv

    bomb = write_deflate_bomb(tmp_path / "cv.pdf")
    with pytest.raises(ExperienceError, match="cv.pdf : PDF refusé"):
        read_experiences(None, bomb)
    experiences, said = read_cv(str(bomb))  # the web app's upload reader: a message, not an exception
    assert experiences is None and "PDF refusé" in said and not bomb.exists()


def test_an_unexpected_failure_in_one_file_is_reported_and_the_rest_is_read(tmp_path, monkeypatch):
    import assistant.corpus

    real = assistant.corpus.read_cncp_text

    def fragile(text: str, file: str, *args, **kwargs) -> Certification:
        if file.endswith("RNCP14437.txt"):
            raise IndexError("list index out of range")  # what a reader bug looks like from outside
        return real(text, file, *args, **kwargs)

    monkeypatch.setattr(assistant.corpus, "read_cncp_text", fragile)
    reading = read_corpus([CORPUS])
    assert sorted(reading.by_code()) == ["RNCP31168"]
    assert [str(p) for p in reading.problems] == [
        "corpus/RNCP14437.txt : lecture impossible, erreur inattendue du lecteur (IndexError : list index out of "
        "range) ; signalez-la avec ce fichier"
    ]


def test_an_unexpected_pdf_failure_is_a_fiche_error(tmp_path, monkeypatch):
    from pypdf import PageObject

    from assistant.readers.pdf import pdf_text
    from tests.pdf_files import write_pdf

    path = write_pdf(tmp_path / "fiche.pdf", "Code RNCP : 31168\nIntitulé : quelque chose")

    def broken(self, *args, **kwargs):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(PageObject, "extract_text", broken)
    with pytest.raises(FicheError, match="PDF illisible .*ZeroDivisionError"):
        pdf_text(path, "fiche.pdf")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_text_fiches_in_latin1_or_windows_1252_are_read(tmp_path, encoding):
    text = (CORPUS / "RNCP14437.txt").read_text(encoding="utf-8")
    if encoding == "latin-1":  # characters latin-1 cannot hold, written the way such files write them
        text = text.replace("œ", "oe").replace("’", "'").replace("–", "-").replace("…", "...")
    for folder, data in ((tmp_path / "utf8" / "corpus", text.encode("utf-8")),
                         (tmp_path / encoding / "corpus", text.encode(encoding))):
        folder.mkdir(parents=True)
        (folder / "RNCP14437.txt").write_bytes(data)
    as_utf8 = read_corpus([tmp_path / "utf8" / "corpus"])
    reading = read_corpus([tmp_path / encoding / "corpus"])
    assert reading.problems == []
    fiche = reading.by_code()["RNCP14437"]
    assert fiche.title == "Chargé de production de projets artistiques" and len(fiche.units) == 7
    assert fiche == as_utf8.by_code()["RNCP14437"]


def test_a_binary_file_is_still_an_unknown_format(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    reading = read_corpus([folder])
    assert [str(p) for p in reading.problems] == ["corpus/photo.jpg : format inconnu (ni texte, ni XML, ni PDF)"]


def test_a_huge_text_file_is_refused_without_being_read(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    with (folder / "enorme.txt").open("wb") as handle:  # sparse: 6 GB announced, nothing written
        handle.truncate(6_000_000_000)
    reading = read_corpus([folder])
    assert sorted(reading.by_code()) == ["RNCP14437", "RNCP31168"]
    assert [str(p) for p in reading.problems] == [
        "corpus/enorme.txt : fichier texte de 6000 Mo, trop gros pour une fiche (au plus 5 Mo) : ignoré"
    ]


def test_a_cv_saved_by_windows_keeps_its_french_characters(tmp_path):
    cv = tmp_path / "cv.txt"
    cv.write_bytes("2015-2020 : j’ai dirigé le chœur de l’opéra et organisé ses tournées en Europe.\n".encode("cp1252"))
    assert "j’ai dirigé le chœur de l’opéra" in read_experiences(None, cv)[0].text
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    with pytest.raises(ExperienceError, match="photo.txt : ce n'est pas un fichier texte"):
        read_experiences(None, binary)
