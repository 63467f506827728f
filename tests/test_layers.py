"""Dependencies point downward: the faces (CLI, web app, benchmark) may use the library; the library never
uses a face, and no two parts of the library need each other. Read from the source, so it fails the day an
import makes a cycle, not the day the cycle bites."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"
FACES = ("assistant.cli", "assistant.cli_common", "assistant.cli_dossier", "assistant.__main__", "assistant.web",
         "assistant.bench")


def _part(module: str) -> str:
    """The part a module belongs to: a subpackage (`assistant.index`) or a top-level module."""
    return ".".join(module.split(".")[:2])


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each module's imports of the package, wherever they stand (a lazy import is still a dependency)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("assistant."):
                targets.add(node.module)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("assistant."))
        found[_module_name(path)] = targets
    return found


def _is_face(module: str) -> bool:
    return any(module == face or module.startswith(face + ".") for face in FACES)


def test_the_library_never_imports_a_face():
    wrong = [(module, target) for module, targets in _imports().items() if not _is_face(module)
             for target in targets if _is_face(target)]
    assert wrong == []


def test_the_parts_of_the_library_form_no_cycle():
    graph: dict[str, set[str]] = {}
    for module, targets in _imports().items():
        if _is_face(module):
            continue
        graph.setdefault(_part(module), set()).update(
            _part(t) for t in targets if _part(t) != _part(module) and not _is_face(t))
    cycles = sorted((a, b) for a, outs in graph.items() for b in outs if a < b and a in graph.get(b, set()))
    assert cycles == []
    assert "assistant.index" in graph and "assistant.embeddings" in graph["assistant.index"]  # the graph is real


def test_the_faces_use_the_public_names_where_there_is_one():
    import assistant

    reaching_in = []
    for path in PACKAGE.rglob("*.py"):
        if not _is_face(_module_name(path)):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module != "assistant":
                reaching_in += [(_module_name(path), node.module, a.name) for a in node.names
                                if assistant._HOMES.get(a.name) == node.module]
    assert reaching_in == []
