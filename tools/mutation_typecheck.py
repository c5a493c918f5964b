"""Type-check mutmut's mutated copy of the package, reporting only errors a mutant introduces.

mutmut runs this as its ``type_check_command`` (see ``[tool.mutmut]`` in pyproject.toml) from
inside ``mutants/``, passing the mypy command line after the script name, e.g.::

    python tools/mutation_typecheck.py mypy src/g287 --strict --output json

CI enforces ``mypy --strict``, so a mutant that fails it could never ship: mutmut counts it as
caught by the type checker. mutmut's copy wraps every function in a trampoline and keeps the
original body as ``x_<name>__mutmut_orig`` beside the mutants ``x_<name>__mutmut_<n>``; that layout
alone makes mypy complain in places (attrs converters become decorated functions, so the attrs
plugin no longer understands them). Those complaints belong to no mutant, so this script drops:

* errors outside any mutant's body, and
* errors in a mutant whose message the unmutated copy (``__mutmut_orig``) also gets,

and prints the rest as mypy's JSON lines. A mutant is therefore only credited to the type
checker for an error its own change causes.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

_ORIG = "__mutmut_orig"


def _functions(path: Path) -> list[tuple[int, int, str]]:
    """``(first line, last line, name)`` of every mutmut-generated function in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and "__mutmut_" in node.name:
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            found.append((start, node.end_lineno or node.lineno, node.name))
    return found


def _owner(functions: list[tuple[int, int, str]], line: int) -> str | None:
    for start, end, name in functions:
        if start <= line <= end:
            return name
    return None


def _base(name: str) -> str:
    return name.rsplit("__mutmut_", 1)[0]


def mutant_errors(errors: list[dict[str, object]]) -> list[dict[str, object]]:
    """The errors that fall in a mutant's body and that its unmutated original does not have."""
    by_file: dict[str, list[tuple[dict[str, object], str]]] = defaultdict(list)
    functions: dict[str, list[tuple[int, int, str]]] = {}
    for error in errors:
        file = str(error["file"])
        if file not in functions:
            functions[file] = _functions(Path(file))
        owner = _owner(functions[file], int(str(error["line"])))
        if owner is not None:
            by_file[file].append((error, owner))
    kept: list[dict[str, object]] = []
    for located in by_file.values():
        original = {(_base(o), e["message"]) for e, o in located if o.endswith(_ORIG)}
        kept.extend(
            error
            for error, owner in located
            if not owner.endswith(_ORIG) and (_base(owner), error["message"]) not in original
        )
    return kept


def main(command: list[str]) -> int:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    errors = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    for error in mutant_errors(errors):
        print(json.dumps(error))
    print()  # mutmut reads a lone newline as "no errors"
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
