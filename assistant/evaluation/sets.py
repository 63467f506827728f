"""The question-set format (YAML), read strictly: a malformed case is an error naming the case and the
field, never a silent pass. Other tools write these files, so the format is kept exactly.

Kinds: `qa` (a question and what its answer must hold), `mapping` (a certification, one experience and the
blocs or labels it evidences in `expect`), `unrelated` (a certification and a profile of one person that
plainly does not fit it, no `expect`: it passes when no bloc is "bien couvert" and at most one is
"partiellement couvert"). A `mapping` case of several lines (a job as pasted from a CV) may say in `lines`
which of its lines evidences which bloc (`starts`: the line's first words), so a mapping that proves the
right blocs from the wrong lines can be told apart."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant import Turn, UsageError

Alternatives = str | list[str]


class EvalSetError(UsageError):
    """A set file that cannot be used; the message names the file, the case and the field."""


class Expectation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    must_include: list[Alternatives] = []
    must_not_include: list[str] = []
    sources: list[str] = []
    refuse: bool = False
    blocs: list[str] = []
    labels: list[Alternatives] = []

    @field_validator("must_include", "labels")
    @classmethod
    def _no_empty_alternatives(cls, items: list[Alternatives]) -> list[Alternatives]:
        for item in items:
            if isinstance(item, list) and not item:
                raise ValueError("une liste d'alternatives vide")
        return items


class LineLabel(BaseModel):
    """One line of a multi-line experience and the bloc it evidences."""

    model_config = ConfigDict(extra="forbid")
    starts: str
    bloc: str


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    kind: Literal["qa", "mapping", "unrelated"] = "qa"
    question: str = ""
    certification: str | None = None
    history: list[Turn] = []
    experience: str = ""
    expect: Expectation = Field(default_factory=Expectation)
    lines: list[LineLabel] = []

    @model_validator(mode="after")
    def _fits_its_kind(self) -> Case:
        if self.kind == "qa" and not self.question.strip():
            raise ValueError("un cas « qa » demande une « question »")
        if self.kind in ("mapping", "unrelated"):
            if not self.experience.strip():
                raise ValueError(f"un cas « {self.kind} » demande une « experience »")
            if not self.certification:
                raise ValueError(f"un cas « {self.kind} » demande une « certification »")
            if self.question.strip() or self.history:
                raise ValueError(f"un cas « {self.kind} » n'a ni « question » ni « history »")
        if self.kind == "unrelated":
            if "expect" in self.model_fields_set:
                raise ValueError("un cas « unrelated » n'a pas d'« expect » : il doit rester sans bloc couvert")
        elif self.kind == "mapping":
            if not (self.expect.blocs or self.expect.labels):
                raise ValueError("un cas « mapping » attend « blocs » ou « labels »")
            for line in self.lines:
                if not any(text.strip().startswith(line.starts) for text in self.experience.splitlines()):
                    raise ValueError(f"« lines » : aucune ligne ne commence par « {line.starts} »")
                if self.expect.blocs and line.bloc not in self.expect.blocs:
                    raise ValueError(f"« lines » : le bloc {line.bloc} n'est pas dans « expect.blocs »")
        elif not (self.expect.must_include or self.expect.must_not_include or self.expect.refuse
                  or self.expect.sources):
            raise ValueError("« expect » ne contient aucune attente vérifiable")
        return self


class EvalSet(BaseModel):
    name: str
    cases: list[Case]
    file: str = ""


def load_set(path: Path) -> EvalSet:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise EvalSetError(f"{path} : fichier illisible ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list) or not data.get("name"):
        raise EvalSetError(f"{path} : il faut « name » et une liste « cases »")
    unknown = set(data) - {"name", "cases"}
    if unknown:
        raise EvalSetError(f"{path} : champ(s) inconnu(s) {sorted(unknown)}")
    cases, seen = [], set()
    for position, raw in enumerate(data["cases"], start=1):
        label = raw.get("id") if isinstance(raw, dict) and raw.get("id") else f"n°{position}"
        try:
            case = Case.model_validate(raw)
        except ValidationError as error:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'cas'} : {e['msg']}" for e in error.errors()
            )
            raise EvalSetError(f"{path} : cas {label} : {problems}") from None
        if case.id in seen:
            raise EvalSetError(f"{path} : cas {case.id} : identifiant en double")
        seen.add(case.id)
        cases.append(case)
    return EvalSet(name=str(data["name"]), cases=cases, file=str(path))
