"""`vae-assistant eval`: the project's own sets as a quality gate, and the runner's output and failures."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from assistant.evaluation.calibrate_mapping import UNCLEAN_TOLERATED

EVALS = Path(__file__).resolve().parent.parent / "evals"
PROJECT_SETS = ("seeds.yaml", "rncp-sample.yaml", "conversation.yaml")
MAPPING_SETS = ("mapping.yaml", "mapping-labelled-dev.yaml")
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["eval", *args])


def test_the_project_sets_pass_the_gate(evaluation_index_folder, tmp_path):
    """The CI gate: no LLM, at least 90 % of the project's questions, every answer cited."""
    sets = [str(EVALS / name) for name in PROJECT_SETS]
    result = run(*sets, "--index", str(evaluation_index_folder),
                 "--json", "--min-pass", "0.9", "--report", str(tmp_path / "rapport.md"))
    data = json.loads(result.stdout)
    print(json.dumps({k: data[k] for k in ("cases", "passed", "pass_rate", "metrics")}, indent=1))
    assert result.exit_code == 0, data["failures"]
    assert data["cases"] >= 70 and data["pass_rate"] >= 0.9
    assert data["metrics"]["citation_rate"] == 1.0
    assert data["metrics"]["refusal_recall"] == 1.0
    assert "| Réponses citées | 1 |" in (tmp_path / "rapport.md").read_text(encoding="utf-8")


def test_the_mapping_sets_keep_their_figures(evaluation_index_folder, tmp_path):
    """Mappings gated on their own measures (figures of `python -m assistant.evaluation.calibrate_mapping` on the dev
    sets, rounded down): no false "bien couvert" and unrelated profiles clean but for one in a hundred over the
    dev sets together come first; precision and top-1 must not fall back."""
    unclean = pairs = 0
    # since a sentence proves its strongest unit as a whole (not the unit of its one strongest link), top-1
    # over the five one-line dev sets rose from 0.69 to 0.717 and link precision from 0.726 to 0.813; -dev-3
    # rose most (0.70 / 0.70 to 0.855 / 0.79) and -dev-5 fell (0.70 / 0.639 to 0.732 / 0.616: four lines whose
    # strongest unit is not theirs). Jobs of several lines (-paragraphs-dev) keep one unit per line. Since the
    # whole text of a job shares only one line's words, one job of five lines whose lines reach its bloc only
    # together is unlinked (-paragraphs-dev top-1 0.762 to 0.738): the price of the cordonnier and poissonnier
    # profiles of -held-out-8 staying clean, which it now gates too.
    for name, expected in (("mapping.yaml", {"mapping_top3": 0.9}),
                           ("mapping-labelled-dev.yaml", {"link_precision": 0.85, "mapping_top1": 0.8}),
                           ("mapping-labelled-dev-2.yaml", {"link_precision": 0.9, "mapping_top1": 0.82}),
                           ("mapping-labelled-dev-3.yaml", {"link_precision": 0.85, "mapping_top1": 0.79}),
                           ("mapping-labelled-dev-4.yaml", {"link_precision": 0.73, "mapping_top1": 0.64}),
                           ("mapping-labelled-dev-5.yaml", {"link_precision": 0.73, "mapping_top1": 0.61}),
                           ("mapping-paragraphs-dev.yaml", {"link_precision": 0.89, "mapping_top1": 0.73,
                                                            "link_recall": 0.53}),
                           ("mapping-labelled-held-out-8.yaml", {"link_precision": 0.73, "mapping_top1": 0.68})):
        result = run(str(EVALS / name), "--index", str(evaluation_index_folder), "--json",
                     "--report", str(tmp_path / "rapport.md"))
        metrics = json.loads(result.stdout)["metrics"]
        print(name, json.dumps(metrics))
        for metric, floor in expected.items():
            assert metrics[metric] >= floor, (name, metric, metrics[metric])
        if name != "mapping.yaml":
            assert metrics["unrelated_pairs"] >= 12 and metrics["false_well_covered"] == 0
            unclean += metrics["unrelated_pairs"] - metrics["unrelated_clean"]
            pairs += metrics["unrelated_pairs"]
    assert unclean <= UNCLEAN_TOLERATED * pairs, (unclean, pairs)
    assert "| Profils sans rapport restés sans bloc couvert |" in (tmp_path / "rapport.md").read_text(encoding="utf-8")


def test_the_paraphrase_dev_set_keeps_its_figure(evaluation_index_folder):
    """The questions the answerers were tuned on, in candidates' wording: what was fixed stays fixed (196 of
    199 pass today). The held-out sets are not gated: a gate would be tuned to."""
    result = run(str(EVALS / "paraphrase-dev.yaml"), "--index", str(evaluation_index_folder), "--json",
                 "--min-pass", "0.95")
    data = json.loads(result.stdout)
    print(json.dumps({k: data[k] for k in ("cases", "passed", "pass_rate", "metrics")}, indent=1))
    assert result.exit_code == 0, data["failures"]
    assert data["cases"] >= 190 and data["metrics"]["citation_rate"] == 1.0


def test_the_held_out_set_is_run(evaluation_index_folder):
    """Written apart from the project's sets; a lower gate, so it keeps telling the truth rather than being
    tuned to pass."""
    result = run(str(EVALS / "held-out.yaml"), "--index", str(evaluation_index_folder), "--json", "--min-pass", "0.8")
    data = json.loads(result.stdout)
    print(json.dumps({k: data[k] for k in ("cases", "passed", "pass_rate", "metrics")}, indent=1))
    assert result.exit_code == 0, data["failures"]
    assert data["metrics"]["citation_rate"] == 1.0


def test_json_has_the_documented_shape_and_failures_say_why(evaluation_index_folder, tmp_path):
    cases = tmp_path / "set.yaml"
    cases.write_text("""
name: essai
cases:
  - id: juste
    question: "Quel est le niveau du RNCP 31168 ?"
    expect: {must_include: ["6"], sources: [RNCP31168]}
  - id: faux
    question: "Quel est le niveau du RNCP 31168 ?"
    expect: {must_include: ["niveau 8"], must_not_include: ["niveau 6"], sources: [RNCP14437]}
  - id: refus-manque
    question: "Quel est le niveau du RNCP 31168 ?"
    expect: {refuse: true}
  - id: carte
    kind: mapping
    certification: RNCP31168
    experience: "J'ai tenu le budget et la trésorerie d'un festival."
    expect: {blocs: [RNCP31168BC04]}
""", encoding="utf-8")
    result = run(str(cases), "--index", str(evaluation_index_folder), "--json", "--min-pass", "0.5",
                 "--report", str(tmp_path / "rapport.html"))
    assert result.exit_code == 1  # 1 case of 4 passes: under the threshold
    data = json.loads(result.stdout)
    assert set(data) == {"name", "cases", "passed", "pass_rate", "by_kind", "metrics", "failures"}
    assert set(data["metrics"]) == {"hit_at_1", "hit_at_5", "mrr", "citation_rate", "refusal_precision",
                                    "refusal_recall", "mapping_top1", "mapping_top3", "link_precision",
                                    "link_recall", "unrelated_clean", "unrelated_pairs", "false_well_covered",
                                    "latency_p50_ms", "latency_p95_ms"}
    assert (data["cases"], data["passed"]) == (4, 1)
    assert data["by_kind"]["mapping"] == {"cases": 1, "passed": 0, "pass_rate": 0.0}
    reasons = {f["id"]: f["reason"] for f in data["failures"]}
    assert "absent de la réponse : niveau 8" in reasons["faux"]
    assert "présent alors qu'interdit : niveau 6" in reasons["faux"]
    assert "source non citée : RNCP14437" in reasons["faux"]
    assert reasons["refus-manque"] == "devait décliner, a répondu"
    assert reasons["carte"] == "attendu parmi les 3 premières unités : RNCP31168BC04"
    assert data["metrics"]["mapping_top3"] == 0.0
    assert data["metrics"]["refusal_recall"] == 0.0
    page = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<td>faux</td>" in page


def test_a_malformed_set_is_an_error_not_a_pass(evaluation_index_folder, tmp_path):
    broken = tmp_path / "casse.yaml"
    broken.write_text("name: x\ncases:\n  - id: a\n    question: q\n    expect: {must_inclue: [x]}\n", encoding="utf-8")
    result = run(str(broken), "--index", str(evaluation_index_folder), "--json")
    assert result.exit_code == 2
    assert "cas a : expect.must_inclue" in result.stderr and result.stdout == ""
