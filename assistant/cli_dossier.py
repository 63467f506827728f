"""The dossier commands: `map` (experiences → units of a certification, or certifications ranked),
`outline` (the livret 2 outline) and `faisabilite` (the dossier de faisabilité pre-filled), in Markdown or
Word. Experiences are read, used and forgotten: never logged, never stored; a document is written only where
`--out` says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from assistant.atomic_files import write_atomically
from assistant.cli_common import (
    ChromaOption,
    CorpusOption,
    EmbedderOption,
    IndexOption,
    JsonOption,
    fail,
    opened_index,
    settings_for,
)

ExperienceOption = Annotated[
    list[str] | None, typer.Option("--experience", help="Une expérience décrite en texte libre (répétable).")
]
FileOption = Annotated[
    Path | None, typer.Option("--file", help="Fichier des expériences : texte, Markdown ou CV en PDF.")
]


def _experiences(experience: list[str] | None, file: Path | None):
    from assistant.mapping.experiences import ExperienceError, read_experiences

    try:
        return read_experiences("\n\n".join(experience or []), file)
    except ExperienceError as error:
        raise fail(str(error)) from None


def _certification_code(index, rncp: str) -> str:
    from assistant import resolve_certification

    return resolve_certification(rncp, index.codes)


def map_command(
    rncp: Annotated[str | None, typer.Option("--rncp", help="La certification visée ; sans elle, les "
                                                            "certifications du corpus sont classées.")] = None,
    experience: ExperienceOption = None,
    file: FileOption = None,
    corpus: CorpusOption = None,
    index: IndexOption = None,
    embedder: EmbedderOption = None,
    chroma_url: ChromaOption = None,
    as_json: JsonOption = False,
) -> None:
    """Relie chaque expérience aux blocs (ou activités) qu'elle étaie, avec les phrases qui se répondent."""
    from assistant import ExperienceMapper
    from assistant.mapping.ranking import rank_certifications
    from assistant.render.mapping import mapping_text, ranking_text

    if not experience and file is None:
        raise fail("donnez les expériences avec --experience TEXTE ou --file FICHIER.")
    experiences = _experiences(experience, file)
    with opened_index(settings_for(corpus, index, embedder, chroma_url)) as search_index:
        mapper = ExperienceMapper(search_index)
        if rncp is None:
            fits = rank_certifications(mapper, experiences)
            if as_json:
                typer.echo(json.dumps([f.model_dump(mode="json") for f in fits], ensure_ascii=False, indent=2))
                return
            typer.echo(ranking_text(fits))
            return
        mapping = mapper.map(_certification_code(search_index, rncp), experiences)
        if as_json:
            typer.echo(mapping.model_dump_json(indent=2))
            return
        typer.echo(mapping_text(mapping))


OutOption = Annotated[Path | None, typer.Option("--out", help="fichier .docx ou .md ; sinon Markdown à l'écran.")]


def _write_document(kind: str, rncp: str, experience: list[str] | None, file: Path | None, out: Path | None,
                    settings) -> None:
    """Map the experiences, build the document (`outline` or `feasibility`) and write it where --out says."""
    from assistant import ExperienceMapper
    from assistant.outline.builder import build_outline
    from assistant.outline.feasibility import build_feasibility
    from assistant.outline.render_docx import render_docx
    from assistant.outline.render_markdown import render_markdown

    if not experience and file is None:
        raise fail("donnez les expériences avec --file FICHIER (ou --experience TEXTE).")
    if out is not None and out.suffix.lower() not in (".docx", ".md"):
        raise fail(f"format de sortie inconnu « {out.suffix} » : choisissez .docx ou .md.")
    experiences = _experiences(experience, file)
    with opened_index(settings) as search_index:
        code = _certification_code(search_index, rncp)
        mapping = ExperienceMapper(search_index).map(code, experiences)
        build = build_outline if kind == "outline" else build_feasibility
        document = build(search_index.certification(code), mapping, experiences)
        if out is None:
            typer.echo(render_markdown(document))
            return
        data = render_docx(document) if out.suffix.lower() == ".docx" else render_markdown(document).encode("utf-8")
        write_atomically(out, data)
        what = "Plan du livret 2" if kind == "outline" else "Dossier de faisabilité"
        typer.echo(f"{what} écrit dans {out}")


def _document_command(kind: str, summary: str):
    """One command per document: the two take the same options and differ only in what they build."""

    def command(
        rncp: Annotated[str, typer.Option("--rncp", help="La certification visée.")],
        file: FileOption = None,
        experience: ExperienceOption = None,
        out: OutOption = None,
        corpus: CorpusOption = None,
        index: IndexOption = None,
        embedder: EmbedderOption = None,
        chroma_url: ChromaOption = None,
    ) -> None:
        _write_document(kind, rncp, experience, file, out, settings_for(corpus, index, embedder, chroma_url))

    command.__doc__ = summary
    command.__name__ = f"{kind}_command"
    return command


outline_command = _document_command(
    "outline", "Écrit le plan du dossier de validation (livret 2), bloc par bloc, en Word ou en Markdown.")
feasibility_command = _document_command(
    "feasibility", "Pré-remplit le dossier de faisabilité : pour chaque bloc, oui / non / partiellement et ce qui "
    "le montre.")
