"""The `vae-assistant` command: a thin face over the library; every command takes --corpus and --index."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from assistant import Settings
from assistant.cli_common import (
    ChromaOption,
    CorpusOption,
    EmbedderOption,
    IndexOption,
    JsonOption,
    ReportingGroup,
    fail,
    opened_index,
    settings_for,
)
from assistant.cli_dossier import feasibility_command, map_command, outline_command

app = typer.Typer(
    cls=ReportingGroup,
    help="Assistant VAE : comprendre une certification RNCP et préparer son dossier.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

def _read(settings: Settings):
    from assistant import read_corpus

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


@app.command("index")
def index_command(
    corpus: CorpusOption = None,
    index: IndexOption = None,
    embedder: EmbedderOption = None,
    chroma_url: ChromaOption = None,
    only: Annotated[str | None, typer.Option("--only", help="all (défaut), active (certifications actives) ou "
                                                           "vae (ouvertes à la VAE). Défaut : $VAE_INDEX_ONLY.")]
    = None,
    verify: Annotated[bool, typer.Option("--verify", help="Vérifie seulement que chaque passage du catalogue a son "
                                                          "vecteur dans Chroma (code 1 sinon) ; n'écrit rien.")]
    = False,
    wait: Annotated[float, typer.Option("--wait", min=0, help="Secondes à attendre si un autre « index » écrit "
                                                              "déjà dans ce dossier (défaut : s'arrêter).")] = 0,
    no_vectors: Annotated[bool, typer.Option("--no-vectors", help="S'arrête quand le catalogue et la recherche par "
                                                                  "mots couvrent le corpus ; « serve » calcule "
                                                                  "ensuite les vecteurs en tâche de fond.")] = False,
) -> None:
    """Construit ou met à jour l'index à partir du corpus (incrémental : seules les fiches changées).

    Le catalogue et la recherche par mots viennent d'abord (quelques minutes pour tout le RNCP), puis les
    vecteurs ; interrompu, « index » reprend là où il s'était arrêté."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from assistant import build_index

    settings = settings_for(corpus, index, embedder, chroma_url)
    if only:
        settings = replace(settings, index_only=only)
    if verify:
        _verify(settings, wait)
        return
    console = Console(stderr=True)

    def on_searchable(report) -> None:
        console.print(f"Catalogue et recherche par mots prêts en {report.searchable_seconds:.1f} s : "
                      f"{report.fiches} fiche(s), {report.chunks} passage(s).")

    with Progress(
        TextColumn("Index sémantique"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=console, transient=True,
    ) as progress:
        task = progress.add_task("index", total=None, rate="")
        held: list[int] = []  # vectors already there when the fill started (a resumed run)

        def on_progress(done: int, total: int) -> None:
            if not held:
                held.append(done)
                progress.reset(task, total=total, completed=done)
            elapsed = progress.tasks[0].elapsed or 0.0
            made = done - held[0]
            rate = f"{made / elapsed:.1f} passages/s" if made and elapsed else ""
            progress.update(task, completed=done, total=total, rate=rate)

        report = build_index(settings, on_progress=on_progress, wait=wait, vectors=not no_vectors,
                             on_searchable=on_searchable)
    for problem in report.skipped:
        typer.echo(f"Ignoré : {problem}", err=True)
    typer.echo(
        f"Index {settings.index} : {report.fiches} fiche(s), {report.chunks} passage(s) ; "
        f"{len(report.added)} ajoutée(s), {len(report.removed)} retirée(s), {report.unchanged} inchangée(s) ; "
        + (f"{report.embedded_chunks} passage(s) vectorisé(s) en {report.seconds:.1f} s ; " if not no_vectors else
           "vecteurs laissés à « serve » ; ")
        + f"{len(report.skipped)} fichier(s) ou fiche(s) ignoré(s)"
        + (f" ; {report.filtered_out} fiche(s) hors de l'option --only {settings.index_only}." if report.filtered_out
           else ".")
    )


def _verify(settings: Settings, wait: float) -> None:
    from assistant.index.verify import verify_index

    found = verify_index(settings, wait=wait)
    if not found.ok:
        raise fail(f"index {settings.index} : " + " ; ".join(found.problems()), code=1)
    orphans = (f" ; {found.orphans} vecteur(s) sans passage au catalogue (ignorés par la recherche, retirés au "
               "prochain changement)" if found.orphans else "")
    typer.echo(f"Index {settings.index} vérifié : {found.fiches} fiche(s), {found.chunks} passage(s), tous avec "
               f"leur vecteur dans Chroma ; 0 manquant{orphans}.")


@app.command("search")
def search_command(
    question: Annotated[str, typer.Argument(help="La question, en français.")],
    rncp: Annotated[str | None, typer.Option("--rncp", help="Limiter à une certification.")] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="Nombre de passages.")] = 5,
    corpus: CorpusOption = None,
    index: IndexOption = None,
    embedder: EmbedderOption = None,
    chroma_url: ChromaOption = None,
    as_json: JsonOption = False,
) -> None:
    """Montre les passages de l'index les mieux classés pour une question, avec leurs métadonnées."""
    from assistant import Assistant, resolve_certification

    with opened_index(settings_for(corpus, index, embedder, chroma_url)) as search_index:
        selected = resolve_certification(rncp, search_index.codes) if rncp else None
        codes = [selected] if selected else search_index.scope(question)
        hits = Assistant(search_index).retrieve(question, selected, k=k)
        if as_json:
            typer.echo(json.dumps({"question": question, "scope": codes, "hits": [
                {"rank": n, **h.model_dump(exclude={"chunk"}), **h.chunk.model_dump(exclude={"fiche_hash"})}
                for n, h in enumerate(hits, start=1)
            ]}, ensure_ascii=False, indent=2))
            return
        typer.echo(f"Périmètre : {', '.join(codes) if codes else 'toutes les certifications'}")
        for n, hit in enumerate(hits, start=1):
            where = f"{hit.chunk.code} · {hit.chunk.title}"
            ranks = f"BM25 n°{hit.bm25_rank or '-'}, dense n°{hit.dense_rank or '-'}"
            typer.echo(f"\n{n}. {where}  (score {hit.score:.4f}, {ranks})")
            typer.echo("   " + hit.chunk.body[:400].replace("\n", "\n   "))


@app.command("ask")
def ask_command(
    question: Annotated[str, typer.Argument(help="La question, en français.")],
    rncp: Annotated[str | None, typer.Option("--rncp", help="La certification choisie.")] = None,
    history: Annotated[
        Path | None, typer.Option("--history", help="Fichier JSON des tours précédents [{role, content}…].")
    ] = None,
    corpus: CorpusOption = None,
    index: IndexOption = None,
    embedder: EmbedderOption = None,
    chroma_url: ChromaOption = None,
    as_json: JsonOption = False,
) -> None:
    """Répond à une question à partir des fiches, en citant ses sources."""
    from pydantic import TypeAdapter, ValidationError

    from assistant import Assistant, Turn, resolve_certification
    from assistant.answering.llm import writer_from_settings

    turns: list[Turn] = []
    if history is not None:
        try:
            turns = TypeAdapter(list[Turn]).validate_json(history.read_bytes())
        except (OSError, ValidationError) as error:
            message = f"historique illisible ({history}) : attendu une liste JSON de {{role, content}}"
            raise fail(f"{message} ({error.__class__.__name__})") from None
    settings = settings_for(corpus, index, embedder, chroma_url)
    writer = writer_from_settings(settings)
    with opened_index(settings) as search_index:
        selected = resolve_certification(rncp, search_index.codes) if rncp else None
        answer = Assistant(search_index, writer).ask(question, selected, turns)
        if as_json:
            typer.echo(answer.model_dump_json(indent=2))
            return
        typer.echo(answer.text)
        for n, citation in enumerate(answer.citations, start=1):
            where = " · ".join(filter(None, [citation.code, citation.section_label, citation.bloc]))
            typer.echo(f"[{n}] {where}")


@app.command("eval")
def eval_command(
    files: Annotated[list[Path], typer.Argument(help="Jeux de questions (YAML).")],
    corpus: CorpusOption = None,
    index: IndexOption = None,
    embedder: EmbedderOption = None,
    as_json: JsonOption = False,
    report: Annotated[Path | None, typer.Option("--report", help="Rapport lisible : out.md ou out.html.")] = None,
    min_pass: Annotated[
        float | None, typer.Option("--min-pass", min=0.0, max=1.0, help="Échec (code 1) sous ce taux de réussite.")
    ] = None,
) -> None:
    """Passe des jeux de questions dans l'assistant et mesure la qualité des réponses et de la recherche.

    Avec --corpus, l'index est d'abord mis à jour à partir de ce corpus ; sinon l'index est pris tel quel."""
    from assistant import Assistant, build_index
    from assistant.evaluation.report import write_report
    from assistant.evaluation.runner import run_sets
    from assistant.evaluation.sets import load_set

    sets = [load_set(path) for path in files]
    settings = settings_for(corpus, index, embedder)
    if corpus:
        summary = build_index(settings)
        for problem in summary.skipped:
            typer.echo(f"Ignoré : {problem}", err=True)
    with opened_index(settings) as search_index:
        outcome = run_sets(Assistant(search_index), sets)
    if report is not None:
        write_report(outcome, report)
    data = outcome.to_json()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(f"{outcome.name} : {data['passed']}/{data['cases']} cas réussis ({data['pass_rate']:.1%})")
        for name, value in data["metrics"].items():
            typer.echo(f"  {name} : {'—' if value is None else value}")
        for failure in data["failures"]:
            typer.echo(f"  ÉCHEC {failure['id']} : {failure['reason']}")
    if min_pass is not None and outcome.pass_rate < min_pass:
        typer.echo(f"Taux de réussite {outcome.pass_rate:.1%} sous le seuil {min_pass:.1%}.", err=True)
        raise typer.Exit(1)


@app.command("bench")
def bench_command(
    part: Annotated[list[str] | None, typer.Option(
        "--part", help="modeles, qualite, lecture, indexation, memoire, memoire-modele, reindexation, requetes, "
                       "demarrage, commande "
                       "(répétable). "
                       "Défaut : toutes.")] = None,
    sizes: Annotated[str, typer.Option("--sizes", help="Tailles des exports synthétiques, en fiches.")]
    = "10,1000,10000",
    workdir: Annotated[Path, typer.Option("--workdir", help="Exports, index et chiffres gardés entre deux passes.")]
    = Path("build/bench"),
    out: Annotated[Path, typer.Option("--out", help="Rapport Markdown réécrit avec les derniers chiffres.")]
    = Path("docs/BENCHMARKS.md"),
    sample: Annotated[Path, typer.Option("--sample", help="Export réel dont les fiches sont recombinées.")]
    = Path("../shared/rncp-sample/export_fiches_RNCP_fixture.xml"),
    rounds: Annotated[int, typer.Option("--rounds", min=1, help="Passes sur les questions de mesure.")] = 5,
) -> None:
    """Mesure lecture, indexation, réindexation, latence des requêtes et démarrage sur des exports synthétiques
    de 10, 1 000 et 10 000 fiches ; affiche les chiffres et les écrit dans docs/BENCHMARKS.md."""
    from assistant.bench.report import render
    from assistant.bench.suite import PARTS, BenchPlan, run_parts

    if not sample.exists():
        raise fail(f"export d'échantillon introuvable : {sample}")
    try:
        plan = BenchPlan(sample=sample, workdir=workdir, sizes=[int(size) for size in sizes.split(",")],
                         rounds=rounds)
    except ValueError:
        raise fail(f"tailles illisibles « {sizes} » : donnez des nombres séparés par des virgules") from None
    chosen = part or list(PARTS)
    unknown = [p for p in chosen if p not in PARTS]
    if unknown:
        raise fail(f"partie(s) inconnue(s) : {', '.join(unknown)} ; choisissez parmi {', '.join(PARTS)}")
    results = run_parts(plan, chosen, say=typer.echo)
    report = render(results, out.read_text(encoding="utf-8") if out.exists() else "")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    typer.echo(report)


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option("--host", help="Adresse d'écoute (127.0.0.1 : cette machine seulement).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port d'écoute.")] = 7860,
    corpus: CorpusOption = None,
    index: IndexOption = None,
    embedder: EmbedderOption = None,
    chroma_url: ChromaOption = None,
) -> None:
    """Sert l'application web (chat, expériences, livret 2, fiches) ; VAE_AUTH=utilisateur:mot_de_passe
    demande une connexion."""
    import os

    from assistant.web.private_files import PrivateFiles

    files = PrivateFiles()  # before Gradio is imported: some of its modules fix their temporary folder then
    files.use_for_gradio()
    from assistant.web.app import release
    from assistant.web.serve import create_app, launch, parse_auth

    auth = parse_auth(os.environ.get("VAE_AUTH"))
    web_app = create_app(settings_for(corpus, index, embedder, chroma_url), files)
    typer.echo(f"Assistant VAE : http://{host}:{port}/ (Ctrl+C pour arrêter)")
    try:
        launch(web_app, host, port, auth)
    finally:
        release(web_app)
    # stopped by Ctrl+C or SIGTERM, candidates' files already removed: leave now, so that no thread still
    # winding down (the model's, a vector fill's) keeps the process alive (seen past 90 s)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


corpus_app = typer.Typer(help="Le corpus de fiches : récupérer l'export officiel.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")


@corpus_app.command("fetch")
def corpus_fetch_command(
    url: Annotated[str | None, typer.Option("--url", help="Le zip de l'export ; défaut : le plus récent du jeu de "
                                                          "données RNCP sur data.gouv.fr.")] = None,
    out: Annotated[Path, typer.Option("--out", help="Dossier du corpus.")] = Path("corpus"),
) -> None:
    """Télécharge l'export RNCP de France Compétences, le vérifie et le dépose dans le corpus."""
    from assistant.corpus_fetch import FetchError, fetch_export

    try:
        report = fetch_export(out, url)
    except FetchError as error:
        raise fail(f"{error} ; le corpus {out} n'a pas été modifié.", code=1) from None
    typer.echo(f"Export du {report.export_date} déposé dans {out / report.file} ({report.bytes} octets, "
               f"sha256 {report.sha256[:12]}…). Lancez « vae-assistant index » pour l'indexer.")


app.command("map")(map_command)
app.command("outline")(outline_command)
app.command("faisabilite")(feasibility_command)


def main() -> None:
    """The console script; library errors are reported by `ReportingGroup`, an interruption here."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Interrompu.", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
