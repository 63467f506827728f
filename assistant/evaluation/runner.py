"""Run question sets through the same `Assistant.ask` the web app uses, and measure.

Per case: pass or fail and why. Overall: pass rates per kind, citation presence, refusal precision and
recall, retrieval hit@1 / hit@5 / MRR (see `retrieval.py`), mapping top-1 / top-3, precision and recall of
(experience, unit) links, unrelated pairs that stay clean and false "bien couvert", latency. Mapping and
unrelated cases go through the same `ExperienceMapper` the web app and `vae-assistant map` use; a case's
units are ranked by their strongest link over the experiences its text holds.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from assistant import Answer, Assistant, ExperienceMapper, Turn
from assistant.evaluation.matching import contains, contains_item
from assistant.evaluation.retrieval import RetrievalMetrics, measure_retrieval
from assistant.evaluation.sets import Case, EvalSet
from assistant.mapping.experiences import ExperienceError, split_experiences
from assistant.mapping.models import Mapping

KINDS = ("qa", "mapping", "unrelated")


@dataclass
class CaseResult:
    id: str
    kind: str
    passed: bool
    reasons: list[str]
    answer: str
    cited: list[str]
    declined: bool
    expected_refusal: bool
    latency_ms: float
    top1: bool = False
    links_found: int = 0  # (experience, unit) links proposed, that are right, that were expected
    links_right: int = 0
    links_expected: int = 0
    false_well: int = 0  # units called "bien couvert" that the case says are not evidenced


@dataclass
class EvalReport:
    name: str
    results: list[CaseResult] = field(default_factory=list)
    retrieval: RetrievalMetrics = field(default_factory=RetrievalMetrics)

    def of_kind(self, kind: str) -> list[CaseResult]:
        return [r for r in self.results if r.kind == kind]

    @staticmethod
    def _rate(results: list[CaseResult]) -> float | None:
        return round(sum(r.passed for r in results) / len(results), 4) if results else None

    @property
    def pass_rate(self) -> float:
        return self._rate(self.results) or 0.0

    def metrics(self) -> dict[str, float | None]:
        qa = self.of_kind("qa")
        answered = [r for r in qa if not r.declined]
        declined = [r for r in qa if r.declined]
        expected = [r for r in qa if r.expected_refusal]
        mapping = self.of_kind("mapping")
        unrelated = self.of_kind("unrelated")
        latencies = sorted(r.latency_ms for r in self.results)
        cases = self.retrieval.cases

        def share(part: int, whole: int) -> float | None:
            return round(part / whole, 4) if whole else None

        return {
            "hit_at_1": round(self.retrieval.hit_at_1, 4) if cases else None,
            "hit_at_5": round(self.retrieval.hit_at_5, 4) if cases else None,
            "mrr": round(self.retrieval.mrr, 4) if cases else None,
            "citation_rate": share(sum(1 for r in answered if r.cited), len(answered)),
            "refusal_precision": share(sum(1 for r in declined if r.expected_refusal), len(declined)),
            "refusal_recall": share(sum(1 for r in expected if r.declined), len(expected)),
            "mapping_top1": share(sum(r.top1 for r in mapping), len(mapping)),
            "mapping_top3": share(sum(r.passed for r in mapping), len(mapping)),
            "link_precision": share(sum(r.links_right for r in mapping), sum(r.links_found for r in mapping)),
            "link_recall": share(sum(r.links_right for r in mapping), sum(r.links_expected for r in mapping)),
            "unrelated_clean": sum(r.passed for r in unrelated) if unrelated else None,
            "unrelated_pairs": len(unrelated) or None,
            "false_well_covered": sum(r.false_well for r in unrelated) if unrelated else None,
            "latency_p50_ms": round(statistics.median(latencies), 1) if latencies else None,
            "latency_p95_ms": round(latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))], 1)
            if latencies else None,
        }

    def to_json(self) -> dict:
        by_kind = {}
        for kind in KINDS:
            results = self.of_kind(kind)
            by_kind[kind] = {"cases": len(results), "passed": sum(r.passed for r in results),
                             "pass_rate": self._rate(results)}
        return {
            "name": self.name,
            "cases": len(self.results),
            "passed": sum(r.passed for r in self.results),
            "pass_rate": round(self.pass_rate, 4),
            "by_kind": by_kind,
            "metrics": self.metrics(),
            "failures": [{"id": r.id, "reason": "; ".join(r.reasons), "answer": r.answer}
                         for r in self.results if not r.passed],
        }


def check_qa(case: Case, answer: Answer) -> list[str]:
    """Why an answer fails its case (empty when it passes)."""
    expect, reasons = case.expect, []
    if expect.refuse and not answer.declined:
        reasons.append("devait décliner, a répondu")
    if not expect.refuse and answer.declined:
        reasons.append("a décliné une question à laquelle les fiches répondent")
    for item in expect.must_include:
        if not contains_item(answer.text, item):
            reasons.append(f"absent de la réponse : {item if isinstance(item, str) else ' | '.join(item)}")
    for item in expect.must_not_include:
        if contains(answer.text, item):
            reasons.append(f"présent alors qu'interdit : {item}")
    cited = {c.code for c in answer.citations}
    for source in expect.sources:
        if source not in cited:
            reasons.append(f"source non citée : {source} (cité : {', '.join(sorted(cited)) or 'rien'})")
    if not answer.declined and not answer.citations:
        reasons.append("réponse sans citation")
    return reasons


def _unit_fits(case: Case, unit: str, label: str) -> bool:
    expect = case.expect
    fits_bloc = not expect.blocs or unit in expect.blocs
    fits_label = not expect.labels or any(contains_item(label, item) for item in expect.labels)
    return fits_bloc and fits_label


def check_mapping(case: Case, ranked: list[tuple[str, str]]) -> tuple[list[str], bool]:
    """Why a mapping fails its case (empty when one of the top 3 units fits), and whether the first fits."""
    if not ranked:
        return ["aucune unité proposée pour cette expérience"], False
    top3 = ranked[:3]
    if any(_unit_fits(case, unit, label) for unit, label in top3):
        return [], _unit_fits(case, *ranked[0])
    wanted = case.expect.blocs or [" | ".join([i] if isinstance(i, str) else i) for i in case.expect.labels]
    return [f"attendu parmi les 3 premières unités : {', '.join(wanted)}"], False


def ranked_units(mapping: Mapping) -> list[tuple[str, str]]:
    """The units a mapping links to, strongest link first (best over the experiences)."""
    best: dict[str, tuple[float, str]] = {}
    for experience in mapping.experiences:
        for match in experience.matches:
            if match.unit not in best or match.score > best[match.unit][0]:
                best[match.unit] = (match.score, match.label)
    return [(unit, label) for unit, (_, label) in sorted(best.items(), key=lambda item: -item[1][0])]


def _map(mapper: ExperienceMapper, case: Case) -> Mapping | str:
    try:
        return mapper.map(case.certification or "", split_experiences(case.experience))
    except (ExperienceError, KeyError) as error:
        return f"cas inexploitable : {error}"


def run_mapping_case(mapper: ExperienceMapper, case: Case) -> CaseResult:
    started = time.perf_counter()
    mapping = _map(mapper, case)
    if isinstance(mapping, str):
        return CaseResult(case.id, case.kind, False, [mapping], "", [], False, False, 0.0)
    return judge_mapping(case, mapping, (time.perf_counter() - started) * 1000)


def judge_mapping(case: Case, mapping: Mapping, latency: float = 0.0) -> CaseResult:
    ranked = ranked_units(mapping)
    reasons, top1 = check_mapping(case, ranked)
    right = [unit for unit, label in ranked if _unit_fits(case, unit, label)]
    expected = len(case.expect.blocs) if case.expect.blocs else 1
    false_well = sum(1 for c in mapping.coverage if c.level == "bien couvert" and not _unit_fits(case, c.unit, c.label))
    shown = ", ".join(unit for unit, _ in ranked[:3]) or "aucune"
    return CaseResult(case.id, case.kind, not reasons, reasons, f"unités proposées : {shown}", [case.certification],
                      False, False, latency, top1, links_found=len(ranked), links_right=len(right),
                      links_expected=expected, false_well=false_well)


def run_unrelated_case(mapper: ExperienceMapper, case: Case) -> CaseResult:
    """A profile that plainly does not fit the certification: clean when no unit is "bien couvert" and at
    most one is "partiellement couvert"."""
    started = time.perf_counter()
    mapping = _map(mapper, case)
    if isinstance(mapping, str):
        return CaseResult(case.id, case.kind, False, [mapping], "", [], False, False, 0.0)
    return judge_unrelated(case, mapping, (time.perf_counter() - started) * 1000)


def judge_unrelated(case: Case, mapping: Mapping, latency: float = 0.0) -> CaseResult:
    well = [c.unit for c in mapping.coverage if c.level == "bien couvert"]
    partly = [c.unit for c in mapping.coverage if c.level == "partiellement couvert"]
    reasons = []
    if well:
        reasons.append(f"« bien couvert » à tort : {', '.join(well)}")
    if len(partly) > 1:
        reasons.append(f"{len(partly)} unités « partiellement couvert » (au plus 1) : {', '.join(partly)}")
    shown = f"bien : {', '.join(well) or '—'} ; partiellement : {', '.join(partly) or '—'}"
    return CaseResult(case.id, case.kind, not reasons, reasons, shown, [case.certification], False, False, latency,
                      false_well=len(well))


def run_case(assistant: Assistant, case: Case) -> CaseResult:
    if case.kind == "mapping":
        return run_mapping_case(ExperienceMapper(assistant.index), case)
    if case.kind == "unrelated":
        return run_unrelated_case(ExperienceMapper(assistant.index), case)
    started = time.perf_counter()
    history = [Turn(role=t.role, content=t.content) for t in case.history]
    answer = assistant.ask(case.question, case.certification, history)
    latency = (time.perf_counter() - started) * 1000
    reasons = check_qa(case, answer)
    return CaseResult(case.id, case.kind, not reasons, reasons, answer.text,
                      sorted({c.code for c in answer.citations}), answer.declined, case.expect.refuse, latency)


def run_sets(assistant: Assistant, sets: list[EvalSet]) -> EvalReport:
    report = EvalReport(name=" + ".join(s.name for s in sets))
    cases = [case for s in sets for case in s.cases]
    report.results = [run_case(assistant, case) for case in cases]
    report.retrieval = measure_retrieval(assistant, cases)
    return report
