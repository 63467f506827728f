"""One root for every error the library raises on purpose, each with the exit code a command returns.

The library raises; each face turns the error into a message once: the CLI in `cli_common.fail_on`, the
web app in its handlers. An error's message is French, names the problem and says what to do.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Something the person running the assistant can fix (exit status 1 unless a subclass says)."""

    exit_code = 1


class UsageError(AssistantError):
    """The request itself is wrong: an unknown code, a malformed file given on the command line."""

    exit_code = 2


class UnknownCertificationError(UsageError):
    """A certification code the index (or the corpus) does not hold."""

    def __init__(self, code: str, where: str = "l'index") -> None:
        super().__init__(f"la certification {code} n'est pas dans {where} : vérifiez le code "
                         "(« vae-assistant fiches » liste les certifications disponibles)")
        self.code = code
