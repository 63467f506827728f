"""Bad files get a message naming the file and the problem; the other fiches are still read."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.corpus import read_corpus

from .conftest import CORPUS, SAMPLE_EXPORT

FICHE = """<FICHE><NUMERO_FICHE>{code}</NUMERO_FICHE><INTITULE>{title}</INTITULE><ACTIF>Oui</ACTIF>
<BLOCS_COMPETENCES><BLOC_COMPETENCES><CODE>{code}BC01</CODE><LIBELLE>Bloc un</LIBELLE>
<LISTE_COMPETENCES>- Faire ceci  - Faire cela</LISTE_COMPETENCES><MODALITES_EVALUATION>Oral</MODALITES_EVALUATION>
</BLOC_COMPETENCES></BLOCS_COMPETENCES></FICHE>"""


def export(*fiches: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<FICHES><VERSION_FLUX>4.1</VERSION_FLUX>\n' + "\n".join(fiches)


def corpus_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    for name, content in files.items():
        target = folder / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return folder


def problems_of(folder: Path) -> tuple[list[str], list[str]]:
    reading = read_corpus([folder])
    return [c.code for c in reading.certifications], [str(p) for p in reading.problems]


def test_malformed_xml_keeps_the_fiches_before_the_break(tmp_path):
    broken = export(FICHE.format(code="RNCP90001", title="Avant"), "<FICHE><NUMERO_FICHE>RNCP90002</NUM") + "</FICHES>"
    codes, problems = problems_of(corpus_with(tmp_path, {"export.xml": broken}))
    assert codes == ["RNCP14437", "RNCP31168", "RNCP90001"]
    assert len(problems) == 1
    assert "export.xml" in problems[0] and "XML mal formé" in problems[0] and "1 fiche(s) lue(s)" in problems[0]


def test_truncated_export_is_reported(tmp_path):
    text = SAMPLE_EXPORT.read_text(encoding="utf-8")
    cut = text[: len(text) // 2]
    codes, problems = problems_of(corpus_with(tmp_path, {"coupe.xml": cut}))
    assert "RNCP34762" in codes and "RNCP31168" in codes
    assert len(codes) < 14
    assert any("coupe.xml" in p and "tronqué" in p for p in problems)


def test_unknown_format_and_empty_file(tmp_path):
    codes, problems = problems_of(corpus_with(tmp_path, {
        "notes.txt": "Une liste de courses.\nPain, lait.", "vide.txt": "", "image.bin": b"\x89PNG\r\n\x1a\n\x00\xff",
    }))
    assert codes == ["RNCP14437", "RNCP31168"]
    joined = "\n".join(problems)
    assert "notes.txt : format inconnu" in joined
    assert "vide.txt : fichier vide" in joined
    assert "image.bin : format inconnu" in joined


def test_fiche_without_code(tmp_path):
    fiches = ["<FICHE><INTITULE>Sans code</INTITULE></FICHE>", FICHE.format(code="RNCP90003", title="Bonne")]
    no_code = export(*fiches) + "</FICHES>"
    text_no_code = (CORPUS / "RNCP31168.txt").read_text(encoding="utf-8").replace("Code RNCP : 31168", "Code RNCP : ")
    codes, problems = problems_of(corpus_with(tmp_path, {"sans_code.xml": no_code, "sans_code.txt": text_no_code}))
    assert "RNCP90003" in codes
    assert any("sans_code.xml" in p and "sans NUMERO_FICHE" in p for p in problems)
    assert any("sans_code.txt" in p and "sans code RNCP" in p for p in problems)


def test_duplicate_code_keeps_the_first_and_names_both_files(tmp_path):
    duplicate = export(FICHE.format(code="RNCP31168", title="Copie")) + "</FICHES>"
    reading = read_corpus([corpus_with(tmp_path, {"zz_copie.xml": duplicate})])
    assert reading.by_code()["RNCP31168"].title == "Responsable de production de projets culturels"
    assert [str(p) for p in reading.problems] == [
        "corpus/zz_copie.xml : RNCP31168 en double (déjà lu dans corpus/RNCP31168.txt) : ignoré"
    ]


def test_xml_that_is_not_an_export(tmp_path):
    codes, problems = problems_of(corpus_with(tmp_path, {"autre.xml": "<?xml version='1.0'?><html></html>"}))
    assert codes == ["RNCP14437", "RNCP31168"]
    assert any("autre.xml" in p and "pas un export RNCP" in p for p in problems)


def test_missing_corpus_folder(tmp_path):
    reading = read_corpus([tmp_path / "absent"])
    assert reading.certifications == []
    assert "introuvable" in str(reading.problems[0])
