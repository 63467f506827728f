"""docs/BENCHMARKS.md from the saved figures: one table per part, the targets beside the figures."""

from __future__ import annotations

from assistant.bench.figures import Latency
from assistant.bench.figures import french_number as n
from assistant.bench.indexing import ReindexFigure
from assistant.bench.suite import Results

HEADER = """# Mesures

Produites par `vae-assistant bench` (voir plus bas) sur des exports synthétiques au format officiel, faits
des 12 vraies fiches de l'échantillon recodées et recombinées (`assistant/bench/synthetic_export.py`).
Ce sont des mesures, pas des tests : elles dépendent de la machine, indiquée pour chaque partie.
"""

FOOTER = """
## Refaire les mesures

```sh
vae-assistant bench                       # toutes les parties, tailles 10, 1 000 et 10 000 fiches
vae-assistant bench --part requetes --sizes 10,1000
```

Les exports et les index sont gardés dans `build/bench/` et réutilisés ; les chiffres de chaque partie
sont enregistrés dans `build/bench/results.json` dès qu'ils sont mesurés, puis ce fichier est réécrit.
"""


def _table(title: str, part: dict, columns: list[str], rows: list[list[str]]) -> list[str]:
    """A section: its title, when and where it was measured, and a table (numbers right-aligned)."""
    align = ["---" if column.startswith("<") else "---:" for column in columns]
    names = [column.lstrip("<") for column in columns]
    return [f"## {title}", "", f"*Mesuré le {part['measured']} ; machine : {part['machine']}.*", "",
            "| " + " | ".join(names) + " |", "|" + "|".join(align) + "|",
            *("| " + " | ".join(row) + " |" for row in rows)]


def _reading(part: dict) -> list[str]:
    rows = [[n(f["fiches"]), n(f["file_mb"], 1), n(f["seconds"], 1), n(f["fiches"] / f["seconds"]),
             n(f["baseline_mb"]), n(f["peak_mb"])] for f in part["figures"]]
    lines = _table("Lecture de l'export XML", part, ["fiches", "fichier (Mo)", "durée (s)", "fiches/s",
                                                     "mémoire de départ (Mo)", "pic de mémoire (Mo)"], rows)
    figures = part["figures"]
    if len(figures) > 1:
        growth = figures[-1]["peak_mb"] - figures[0]["peak_mb"]
        lines += ["", f"De {n(figures[0]['file_mb'], 1)} Mo à {n(figures[-1]['file_mb'], 1)} Mo d'export, le pic "
                      f"de mémoire varie de {n(growth)} Mo : la lecture se fait fiche par fiche."]
    return lines


def _indexing(part: dict) -> list[str]:
    rows = [[f["embedder"], n(f["fiches"]), n(f["chunks"]), n(f["raw_chunks_per_s"], 2),
             n(f["index_chunks_per_s"], 2), n(f["index_chunks_per_s"] / f["raw_chunks_per_s"], 2)]
            for f in part["figures"]]
    lines = _table("Indexation face au modèle seul", part, ["<modèle", "fiches", "passages",
                   "modèle seul (passages/s)", "indexation (passages/s)", "rapport"], rows)
    lines += ["", "Cible : rapport ≥ 0,8 (l'index ajoute peu au coût du modèle). L'indexation complète comprend "
                  "la lecture, le découpage, le catalogue SQLite, l'écriture dans Chroma et l'index BM25."]
    return lines


def _reindex(part: dict, model: dict | None) -> list[str]:
    figures = [ReindexFigure(**f) for f in part["figures"]]
    rows = [[f.embedder, n(f.fiches), n(f.changed_fiches), f"{n(f.embedded_chunks)} / {n(f.total_chunks)}",
             n(f.full_seconds, 1), n(f.reindex_seconds, 1), f"{n(100 * f.cost_share, 1)} %"] for f in figures]
    lines = _table("Réindexation d'un export où 1 % des fiches a changé", part,
                   ["<vecteurs", "fiches", "fiches changées", "passages revectorisés / total", "index complet (s)",
                    "réindexation (s)", "part du coût"], rows)
    for figure in figures:
        if model:
            share = figure.share_with_model(model["raw_chunks_per_s"])
            lines += ["", f"Ces vecteurs hachés coûtent presque rien ({n(figure.vectors_per_s)} passages/s) : ce "
                          "qui reste est le coût fixe d'une réindexation (relire tout l'export pour repérer les "
                          "fiches changées, reconstruire BM25, comparer les vecteurs présents). Avec le modèle "
                          f"{model['embedder']} ({n(model['raw_chunks_per_s'], 2)} passages/s, partie "
                          f"indexation), les mêmes coûts fixes et la vectorisation au débit du modèle donnent une "
                          f"réindexation à **{n(100 * share, 1)} %** du coût d'un index complet."]
    return lines


def _queries(part: dict) -> list[str]:
    rows = []
    for f in part["figures"]:
        vectors = "modèle réel" if f["real_model"] else "hachés + coût du modèle réel par question"
        for latency in (Latency(lat["name"], lat["samples_ms"]) for lat in f["latencies"]):
            rows.append([n(f["fiches"]), n(f["chunks"]), vectors, latency.name, n(latency.p50, 1),
                         n(latency.p95, 1), str(len(latency.samples_ms))])
    lines = _table("Latence des requêtes", part, ["fiches", "passages", "<vecteurs", "<requête", "p50 (ms)",
                                                  "p95 (ms)", "requêtes"], rows)
    lines += [""] + [f"À {n(f['fiches'])} fiches : {n(f['answered'])} réponses données, {n(f['declined'])} refus "
                     "(questions ouvertes sans certification que la recherche ne rattache à aucune fiche)."
                     for f in part["figures"]]
    lines += ["", "« réponse complète » : `Assistant.ask` sans LLM, comme le chat (résolution de la certification, "
                  "recherche, réponse structurée ou extraits cités), sur toutes les questions ; « structurée » et "
                  "« ouverte » en sont les deux moitiés (questions auxquelles un champ de la fiche répond, "
                  "questions ouvertes, avec ou sans certification nommée). Cible : p95 < 200 ms à 10 000 fiches. "
                  "Au-delà de 10 fiches, Chroma est rempli de vecteurs de mots hachés (vectoriser 250 000 passages "
                  "avec le modèle prendrait plus d'une journée) ; chaque question calcule aussi son vecteur avec "
                  "le modèle réel, si bien que la latence mesurée est celle d'un usage réel."]
    return lines


def _startup(part: dict) -> list[str]:
    rows = [[n(f["fiches"]), n(f["chunks"]), f["embedder"], n(f["seconds"], 1), "oui" if f["rebuilt"] else "non"]
            for f in part["figures"]]
    return _table("Démarrage de `serve`", part, ["fiches", "passages", "<vecteurs", "jusqu'à la première page (s)",
                                                "<index reconstruit ?"], rows)


SECTIONS = {"lecture": _reading, "indexation": _indexing, "reindexation": _reindex, "requetes": _queries,
            "demarrage": _startup}


def render(results: Results) -> str:
    lines = [HEADER]
    model = results.parts.get("indexation", {}).get("figures", [None])[0]
    for name, section in SECTIONS.items():
        if name in results.parts:
            part = results.parts[name]
            lines += (section(part, model) if name == "reindexation" else section(part)) + [""]
    return "\n".join(lines) + FOOTER
