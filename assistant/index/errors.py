"""Errors of the index, worded for the person who has to fix them."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import AssistantError


class IndexMissingError(AssistantError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"aucun index dans {folder} : construisez-le avec « vae-assistant index --index {folder} » "
            "(ou « make run »)"
        )
        self.folder = folder


class IndexMismatchError(AssistantError):
    def __init__(self, built_with: str, configured: str, folder: Path) -> None:
        super().__init__(
            f"l'index {folder} a été construit avec le modèle « {built_with} », mais le réglage actuel est "
            f"« {configured} » : reprenez le même modèle (VAE_EMBEDDER) ou reconstruisez l'index dans un autre "
            "dossier (--index)"
        )
        self.built_with = built_with
        self.configured = configured


class CatalogError(AssistantError):
    """The catalog file is damaged or is not a catalog: rebuilt from the corpus, it costs no embedding."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"le catalogue de l'index {path} est illisible ({reason}) : le fichier est endommagé ou n'est pas un "
            f"catalogue. Supprimez-le puis relancez « vae-assistant index --index {path.parent} » : les fiches "
            "seront relues et les vecteurs déjà calculés réutilisés"
        )
        self.path = path
        self.reason = reason
