"""The `vae-assistant` command: a thin face over the library; every command takes --corpus and --index."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from assistant.settings import Settings, disable_telemetry

disable_telemetry()

app = typer.Typer(
    help="Assistant VAE : comprendre une certification RNCP et préparer son dossier.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

CorpusOption = Annotated[
    list[Path] | None,
    typer.Option("--corpus", help="Dossier ou fichier de fiches (répétable). Défaut : $VAE_CORPUS ou corpus/."),
]
IndexOption = Annotated[
    Path | None, typer.Option("--index", help="Dossier de l'index. Défaut : $VAE_INDEX ou index/.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Sortie JSON.")]


def settings_for(corpus: list[Path] | None, index: Path | None) -> Settings:
    return Settings.from_env().with_overrides(corpus=corpus, index=index)


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"Erreur : {message}", err=True)
    return typer.Exit(code)


def _read(settings: Settings):
    from assistant.corpus import read_corpus

    reading = read_corpus(settings.corpus)
    for problem in reading.problems:
        typer.echo(f"Attention : {problem}", err=True)
    return reading


@app.command("fiches")
def fiches_command(corpus: CorpusOption = None, index: IndexOption = None, as_json: JsonOption = False) -> None:
    """Liste les certifications du corpus."""
    from assistant.render.fiche_text import render_summary

    reading = _read(settings_for(corpus, index))
    if as_json:
        rows = [
            {"code": c.code, "title": c.title, "active": c.active, "level_european": c.level_european,
             "blocs": len(c.blocs), "units": len(c.units)}
            for c in reading.certifications
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not reading.certifications:
        raise fail("aucune fiche lisible dans le corpus " + ", ".join(map(str, settings_for(corpus, index).corpus)))
    typer.echo(render_summary(reading.certifications))
    typer.echo(f"\n{len(reading.certifications)} certification(s), {len(reading.problems)} problème(s).")


@app.command("fiche")
def fiche_command(
    code: Annotated[str, typer.Argument(help="Code RNCP, par exemple RNCP31168 ou 31168.")],
    corpus: CorpusOption = None,
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """Affiche une certification, lisible en français ou en JSON."""
    from assistant.codes import normalise_code
    from assistant.render.fiche_text import render_fiche

    wanted = normalise_code(code)
    if wanted is None:
        raise fail(f"« {code} » n'est pas un code RNCP (exemple : RNCP31168).")
    reading = _read(settings_for(corpus, index))
    found = reading.by_code().get(wanted)
    if found is None:
        known = ", ".join(sorted(reading.by_code())) or "aucune"
        raise fail(f"{wanted} n'est pas dans le corpus (certifications connues : {known}).", code=1)
    if as_json:
        typer.echo(found.model_dump_json(indent=2))
    else:
        typer.echo(render_fiche(found))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Interrompu.", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
