"""Import Gradio without its type-stub regeneration, which was half of `serve`'s start-up.

Every time Gradio is imported, each of its ~80 component classes re-reads its own source file, parses it,
renders a Jinja template and rewrites the `.pyi` stub beside it in site-packages (`component_meta.
create_or_modify_pyi`): tooling for Gradio's own developers, useless to a server, and a write into the
installed package (which fails silently when it is read-only). Measured here, `import gradio` took 2.3 s
with it and 1.2 s without; `serve`'s first page 3.2 s → see `vae-assistant bench --part demarrage`.

The stub writer is replaced by a no-op as soon as its module has run, before any component class is made.
If a Gradio release renames or drops it, nothing is replaced and Gradio imports as it always did.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

STUB_MODULE = "gradio.component_meta"
STUB_WRITER = "create_or_modify_pyi"


def _no_stub(*_args: object, **_kwargs: object) -> None:
    """Write no type stub."""


class _StubWriterRemover(importlib.abc.MetaPathFinder):
    """Finds nothing itself: it wraps the loading of Gradio's component metaclass module, once."""

    def find_spec(self, name: str, path=None, target=None):
        if name != STUB_MODULE:
            return None
        _remove_finder()
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run_module = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run_module(module)
            if callable(getattr(module, STUB_WRITER, None)):
                setattr(module, STUB_WRITER, _no_stub)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _remove_finder() -> None:
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, _StubWriterRemover)]


def install() -> None:
    """Arrange for the next `import gradio` to skip the stubs; nothing to do once Gradio is imported."""
    if STUB_MODULE in sys.modules or any(isinstance(f, _StubWriterRemover) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _StubWriterRemover())
