"""The question-set format is read strictly, and expected text is matched as people would expect."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluation.matching import contains, contains_all, contains_item
from assistant.evaluation.sets import EvalSetError, load_set

EVALS = Path(__file__).resolve().parent.parent / "evals"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["seeds.yaml", "rncp-sample.yaml", "mapping.yaml", "mapping-labelled-dev.yaml",
                                  "mapping-paragraphs-dev.yaml", "mapping-paragraphs-held-out.yaml"])
def test_the_project_sets_load(name):
    loaded = load_set(EVALS / name)
    assert loaded.cases and len({c.id for c in loaded.cases}) == len(loaded.cases)


def test_the_documented_example_loads(tmp_path):
    loaded = load_set(write(tmp_path, """
name: seeds
cases:
  - id: bloc-count-31168
    kind: qa
    question: "Combien de blocs compte le titre RNCP 31168 ?"
    certification: RNCP31168
    history:
      - {role: user, content: "…"}
      - {role: assistant, content: "…"}
    expect:
      must_include: ["5", ["plan média", "plan media"]]
      must_not_include: ["12 blocs"]
      sources: [RNCP31168]
      refuse: true
  - id: map-mediation
    kind: mapping
    certification: RNCP31168
    experience: "J'ai conçu des visites guidées…"
    expect:
      blocs: [RNCP31168BC04]
      labels: [["européens", "international"]]
  - id: unrelated-baker
    kind: unrelated
    certification: RNCP36612
    experience: |
      Boulanger depuis 2015.
      Je pétris et je façonne les baguettes.
"""))
    assert [c.kind for c in loaded.cases] == ["qa", "mapping", "unrelated"]
    assert loaded.cases[0].expect.must_include == ["5", ["plan média", "plan media"]]
    assert loaded.cases[0].history[1].role == "assistant"


@pytest.mark.parametrize("case, message", [
    ("- id: a\n  question: q\n  expect: {must_inclde: [x]}", "cas a : expect.must_inclde"),
    ("- id: b\n  kind: qa\n  expect: {must_include: [x]}", "cas b"),
    ("- id: c\n  kind: mapping\n  experience: e\n  expect: {blocs: [X]}", "demande une « certification »"),
    ("- id: d\n  question: q\n  expect: {}", "aucune attente vérifiable"),
    ("- id: e\n  kind: devinette\n  question: q\n  expect: {refuse: true}", "cas e : kind"),
    ("- question: q\n  expect: {refuse: true}", "cas n°1 : id"),
    ("- id: u\n  kind: unrelated\n  certification: RNCP1\n  experience: e\n  expect: {blocs: [X]}",
     "cas u : .*pas d'« expect »"),
    ("- id: v\n  kind: unrelated\n  experience: e", "cas v : .*« unrelated » demande une « certification »"),
    ("- id: w\n  kind: unrelated\n  certification: RNCP1\n  experience: e\n  question: q", "cas w : .*question"),
    ("- id: l\n  kind: mapping\n  certification: RNCP1\n  experience: \"paie\\nrecrutement\"\n"
     "  expect: {blocs: [B1]}\n  lines: [{starts: embauche, bloc: B1}]", "cas l : .*aucune ligne ne commence"),
    ("- id: m\n  kind: mapping\n  certification: RNCP1\n  experience: \"paie\\nrecrutement\"\n"
     "  expect: {blocs: [B1]}\n  lines: [{starts: paie, bloc: B2}]", "cas m : .*B2 n'est pas dans"),
])
def test_a_malformed_case_names_the_case_and_the_field(tmp_path, case, message):
    with pytest.raises(EvalSetError, match=message):
        load_set(write(tmp_path, "name: x\ncases:\n" + case + "\n"))


def test_duplicate_ids_and_bad_files(tmp_path):
    with pytest.raises(EvalSetError, match="cas a : identifiant en double"):
        load_set(write(tmp_path, "name: x\ncases:\n- {id: a, question: q, expect: {refuse: true}}\n"
                                 "- {id: a, question: r, expect: {refuse: true}}\n"))
    with pytest.raises(EvalSetError, match="il faut « name »"):
        load_set(write(tmp_path, "- juste une liste\n"))
    with pytest.raises(EvalSetError, match="illisible"):
        load_set(write(tmp_path, "name: [non fermé\n"))


def test_matching_ignores_case_accents_and_spaces_but_keeps_whole_words():
    assert contains("Le PLAN  MÉDIA presse", "plan média")
    assert contains("plan media", "plan média")
    assert contains("l’ensemble des 5 blocs", "5")
    assert not contains("15 titrés par an", "5")
    assert not contains("médiateurs", "médiation")
    assert contains("validité illimitée.", "illimitée")
    assert contains_item("les 40 % de membres", ["40%", "40 %"])
    assert contains_all("jury de 7 membres, dont un président", ["7 membres", ["président", "presidente"]])
    assert not contains_all("jury de 7 membres", ["7 membres", "président"])


def test_matching_reads_a_date_as_the_same_fact_however_it_is_written():
    assert contains("publiée le 20 avril 2023", "20/04/2023")
    assert contains("date d'effet : 1 septembre 2023", "01/09/2023")
    assert contains("le 1er septembre 2023", "1 septembre 2023")
    assert not contains("publiée le 20 avril 2023", "20/05/2023")
    assert not contains("le 21 avril 2023", "1/04/2023")


def test_retrieval_leaves_out_answers_drawn_from_several_fiches(fast_index):
    from assistant.answering.assistant import Assistant
    from assistant.evaluation.retrieval import measure_retrieval
    from assistant.evaluation.sets import Case

    # RNCP34762's passage names its successor RNCP39568: a passage holds both codes, and is no answer
    listed = Case.model_validate({"id": "corpus-two", "question": "Quelles certifications mènent au code ROME M1202 ?",
                                  "expect": {"must_include": ["RNCP34762", "RNCP39568"],
                                             "sources": ["RNCP34762", "RNCP39568"]}})
    one = Case.model_validate({"id": "one", "question": "Quel est le niveau du titre ASV ?",
                               "expect": {"must_include": ["Auxiliaire"], "sources": ["RNCP40344"]}})
    metrics = measure_retrieval(Assistant(fast_index), [listed, one])
    assert metrics.left_out == ["corpus-two"] and [c.id for c in metrics.cases] == ["one"]
