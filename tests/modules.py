"""Import a Python file that is not on ``sys.path`` (a user's module, a developer tool)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def import_file(name: str, path: Path) -> ModuleType:
    """Import ``path`` as a fresh module called ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
