"""The evaluation report for people: Markdown or HTML, the figures first, then a table per kind."""

from __future__ import annotations

import html
from pathlib import Path

from assistant.evaluation.runner import KINDS, EvalReport

METRIC_LABELS = {
    "hit_at_1": "Passage juste en 1re position (hit@1)", "hit_at_5": "Passage juste dans les 5 premiers (hit@5)",
    "mrr": "Rang réciproque moyen (MRR)", "citation_rate": "Réponses citées",
    "refusal_precision": "Précision des refus", "refusal_recall": "Rappel des refus",
    "mapping_top1": "Correspondance juste en 1re position", "mapping_top3": "Correspondance juste dans les 3 premières",
    "link_precision": "Précision des liens expérience → bloc", "link_recall": "Rappel des liens expérience → bloc",
    "unrelated_clean": "Profils sans rapport restés sans bloc couvert", "unrelated_pairs": "Profils sans rapport",
    "false_well_covered": "« Bien couvert » à tort (profils sans rapport)",
    "latency_p50_ms": "Latence médiane (ms)", "latency_p95_ms": "Latence p95 (ms)",
}


def _rows(report: EvalReport, kind: str) -> list[list[str]]:
    return [[r.id, "oui" if r.passed else "non", "; ".join(r.reasons) or "—", ", ".join(r.cited) or "—",
             r.answer[:200].replace("\n", " ")] for r in report.of_kind(kind)]


def _value(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def markdown(report: EvalReport) -> str:
    data = report.to_json()
    lines = [f"# Évaluation : {report.name}", "",
             f"{data['passed']} cas réussis sur {data['cases']} (taux {data['pass_rate']:.1%}).", "",
             "| mesure | valeur |", "| --- | --- |"]
    lines += [f"| {METRIC_LABELS[k]} | {_value(v)} |" for k, v in data["metrics"].items()]
    for kind in KINDS:
        rows = _rows(report, kind)
        if not rows:
            continue
        lines += ["", f"## Cas « {kind} » ({data['by_kind'][kind]['passed']}/{len(rows)})", "",
                  "| cas | réussi | pourquoi | cité | réponse |", "| --- | --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def html_page(report: EvalReport) -> str:
    data = report.to_json()
    e = html.escape
    parts = [f"<!doctype html><html lang='fr'><meta charset='utf-8'><title>Évaluation {e(report.name)}</title>",
             "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
             "td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}.non{background:#fde}</style>",
             f"<h1>Évaluation : {e(report.name)}</h1>",
             f"<p>{data['passed']} cas réussis sur {data['cases']} (taux {data['pass_rate']:.1%}).</p><table>"]
    parts += [f"<tr><th>{e(METRIC_LABELS[k])}</th><td>{e(_value(v))}</td></tr>" for k, v in data["metrics"].items()]
    parts.append("</table>")
    for kind in KINDS:
        rows = _rows(report, kind)
        if not rows:
            continue
        parts.append(f"<h2>Cas « {kind} »</h2><table><tr><th>cas</th><th>réussi</th><th>pourquoi</th>"
                     "<th>cité</th><th>réponse</th></tr>")
        parts += ["<tr class='" + row[1] + "'>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>"
                  for row in rows]
        parts.append("</table>")
    return "".join(parts) + "</html>\n"


def write_report(report: EvalReport, path: Path) -> None:
    text = html_page(report) if path.suffix.lower() in (".html", ".htm") else markdown(report)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
