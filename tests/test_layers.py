"""The layers of DESIGN §3: every import of a g287 module points down, and none is circular.

Each module of ``src/g287`` has a layer below. A module may import only modules of lower
layers: not at the top, not inside a function, not behind ``TYPE_CHECKING``. The imports are
read from the source with :mod:`ast`, so a deferred import counts like any other.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

import g287

PACKAGE = Path(g287.__file__).parent

#: DESIGN §3, bottom up. ``html`` depends on ``money`` alone, so it sits low enough for every
#: value object (a policy, a fiscal quarter) to build its own notebook view.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "_version"),
    ("_validators",),
    ("money",),
    ("html", "_canonical"),
    ("calendar",),
    ("policy",),
    ("announced",),
    ("explain",),
    ("award", "reimbursement"),
    ("_ledger", "filings"),
    ("inputs", "_history"),
    ("claims",),
    ("year",),
    ("serialize", "report", "batch"),
    ("dataio",),
    ("cli",),
    ("sphinxext",),
    ("__init__", "__main__"),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def module_name(path: Path) -> str:
    """The layer name of a file: its first part below the package (a subpackage is one layer)."""
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def imported(path: Path) -> set[str]:
    """The g287 modules a file imports, anywhere in it."""
    depth = len(path.relative_to(PACKAGE).parts)  # 1 for g287/x.py, 2 for g287/sub/x.py
    return imports_in(path.read_text("utf-8"), depth) - {module_name(path)}


def imports_in(source: str, depth: int = 1) -> set[str]:
    """The g287 modules a module's source imports, anywhere in it (``depth``: 2 in a
    subpackage, whose relative imports of its own modules stay in its layer)."""
    tree = ast.parse(source)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                names = [node.module or ""]
            elif node.level < depth:  # inside a subpackage, relative to it: the same layer
                names = []
            else:
                base = node.module.split(".")[0] if node.module else None
                names = (
                    [f"g287.{base}"]
                    if base
                    else [f"g287.{_module_or_package(a.name)}" for a in node.names]
                )
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "g287":
                found.add(parts[1] if len(parts) > 1 else "__init__")
    return found


def _module_or_package(name: str) -> str:
    """``from . import name``: a module of the package, else a name of ``__init__``."""
    return name if (PACKAGE / f"{name}.py").exists() or (PACKAGE / name).is_dir() else "__init__"


@functools.cache  # the package's sources, parsed once for all the tests here
def graph() -> dict[str, frozenset[str]]:
    edges: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        edges.setdefault(module_name(path), set()).update(imported(path))
    return {name: frozenset(names) for name, names in edges.items()}


def test_every_module_has_a_layer() -> None:
    """A new module must be placed in DESIGN §3's order before it can be imported."""
    assert set(graph()) == set(RANK)


@pytest.mark.parametrize("module", [name for names in LAYERS for name in names])
def test_imports_point_down(module: str) -> None:
    """DESIGN §3: a module imports only from lower layers, not even inside a function."""
    upward = {m for m in graph()[module] if RANK[m] >= RANK[module]}
    assert not upward, f"{module} imports {sorted(upward)} from its own layer or above"


def test_no_cycle() -> None:
    """No chain of imports leads back to where it started."""
    edges = graph()
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges[node]):
            assert state.get(nxt) != "open", " -> ".join([*trail, node, nxt])
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def late():\n    from .claims import claim\n", {"claims"}),
        ("from . import html, money\n", {"html", "money"}),
        ("from . import __version__\n", {"__init__"}),
        ("if TYPE_CHECKING:\n    import g287.serialize\n", {"serialize"}),
        ("from g287 import POLICY\n", {"__init__"}),
        ("import json\nfrom sphinx import addnodes\n", set()),
    ],
)
def test_the_reader_sees_every_kind_of_import(source: str, expected: set[str]) -> None:
    """Deferred, relative, guarded and absolute imports of g287 are all found; others not."""
    assert imports_in(source) == expected
