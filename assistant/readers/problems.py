"""What a reader reports when a fiche cannot be read: the file and the problem, in French."""

from __future__ import annotations

from pydantic import BaseModel


class FicheError(Exception):
    """A fiche (or a whole file) that cannot be read; the message names the file and the problem."""

    def __init__(self, file: str, problem: str) -> None:
        super().__init__(f"{file} : {problem}")
        self.file = file
        self.problem = problem


class Problem(BaseModel):
    """A problem met while reading the corpus; the other fiches are still read."""

    file: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file} : {self.problem}"
