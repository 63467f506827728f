"""Read a whole corpus (folders and files of fiches in any supported format) into certifications.

Formats are recognised by content, not by name. Every problem (unknown format, empty file, broken XML,
fiche without code, duplicate code, a hostile PDF, even a reader's own bug) is reported with its file, and
the other fiches are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.certification import Certification
from assistant.readers.cncp_text import looks_like_cncp_fiche, read_cncp_text
from assistant.readers.pdf import read_pdf
from assistant.readers.problems import FicheError, Problem
from assistant.readers.text_encoding import decode_text
from assistant.readers.xml_export import looks_like_rncp_export, read_xml_export

IGNORED_NAMES = {"README.md", "LICENSE", ".gitkeep", "EXPORT.json"}  # EXPORT.json: written by corpus fetch
MAX_TEXT_FICHE_BYTES = 5_000_000  # a CNCP text fiche is 10 to 50 KB; a text file this big is not one, and is
# read whole (XML exports, which are large, are streamed instead)


@dataclass
class CorpusFile:
    """One file of the corpus and where it came from, for display and provenance."""

    path: Path
    label: str


@dataclass
class CorpusReading:
    certifications: list[Certification] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[CorpusFile] = field(default_factory=list)

    def by_code(self) -> dict[str, Certification]:
        return {c.code: c for c in self.certifications}


def corpus_files(paths: Iterable[Path]) -> list[CorpusFile]:
    """Every file under the given folders (or the files themselves), sorted for a stable order."""
    files: list[CorpusFile] = []
    for root in paths:
        if root.is_file():
            files.append(CorpusFile(root, root.name))
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if path.name in IGNORED_NAMES or any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            files.append(CorpusFile(path, str(path.relative_to(root.parent))))
    return files


def read_file(file: CorpusFile, problems: list[Problem]) -> Iterator[Certification]:
    """The certifications of one file; its problems are appended to `problems`."""

    def report(error: FicheError) -> None:
        problems.append(Problem(file=error.file, problem=error.problem))

    try:
        with file.path.open("rb") as handle:
            head = handle.read(4096)
        if not head.strip():
            raise FicheError(file.label, "fichier vide")
        if head.startswith(b"%PDF"):
            yield read_pdf(file.path, file.label)
        elif head.lstrip().startswith(b"<"):
            if not looks_like_rncp_export(head):
                raise FicheError(file.label, "XML qui n'est pas un export RNCP (pas d'élément <FICHES>)")
            yield from read_xml_export(file.path, report, file.label)
        else:
            size = file.path.stat().st_size
            if size > MAX_TEXT_FICHE_BYTES:
                raise FicheError(file.label, f"fichier texte de {size / 1e6:.0f} Mo, trop gros pour une fiche "
                                             f"(au plus {MAX_TEXT_FICHE_BYTES / 1e6:.0f} Mo) : ignoré")
            text = decode_text(file.path.read_bytes())
            if text is None:
                raise FicheError(file.label, "format inconnu (ni texte, ni XML, ni PDF)")
            if not looks_like_cncp_fiche(text):
                raise FicheError(file.label, "format inconnu : ni fiche CNCP (« Code RNCP : »), ni export XML, ni PDF")
            yield read_cncp_text(text, file.label)
    except FicheError as error:
        report(error)
    except OSError as error:
        report(FicheError(file.label, f"lecture impossible ({error.strerror or error})"))
    except Exception as error:  # a reader's bug on one odd file must not cost the whole corpus
        report(FicheError(file.label, f"lecture impossible, erreur inattendue du lecteur ({error.__class__.__name__}"
                                      f" : {error}) ; signalez-la avec ce fichier"))


def iter_corpus(paths: Iterable[Path], problems: list[Problem],
                files: list[CorpusFile] | None = None) -> Iterator[Certification]:
    """Every fiche, one at a time, so a 500 MB export is never held whole; a code seen twice keeps its
    first reading and the second is reported in `problems`, like a missing folder. `files`: the paths'
    files when the caller has listed them already."""
    paths = list(paths)
    first_file: dict[str, str] = {}
    for file in files if files is not None else corpus_files(paths):
        for certification in read_file(file, problems):
            if certification.code in first_file:
                problems.append(Problem(file=file.label, problem=(
                    f"{certification.code} en double (déjà lu dans {first_file[certification.code]}) : ignoré")))
                continue
            first_file[certification.code] = file.label
            yield certification
    for path in paths:
        if not path.exists():
            problems.append(Problem(file=str(path), problem="dossier ou fichier introuvable"))


def read_corpus(paths: Iterable[Path]) -> CorpusReading:
    """Every fiche read and kept, for the callers that need them all at once (a few hundred at most)."""
    paths = list(paths)
    reading = CorpusReading(files=corpus_files(paths))
    reading.certifications = list(iter_corpus(paths, reading.problems, reading.files))
    return reading


EXPORT_RECORD = "EXPORT.json"  # written by `corpus fetch` beside the export it fetched


def export_date(folders: list[Path]) -> str:
    """The export date recorded by `corpus fetch` in one of the corpus folders, if any."""
    for folder in folders:
        record = folder / EXPORT_RECORD if folder.is_dir() else folder.parent / EXPORT_RECORD
        if record.is_file():
            try:
                return str(json.loads(record.read_text(encoding="utf-8")).get("export_date", ""))
            except (OSError, json.JSONDecodeError):
                continue
    return ""
