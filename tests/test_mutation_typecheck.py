"""tools/mutation_typecheck.py credits a mutant to the type checker only for its own errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from modules import import_file

_TOOL = Path(__file__).resolve().parent.parent / "tools" / "mutation_typecheck.py"

_MUTATED = """\
import attrs

converter = attrs.field(converter=int)


def x_f__mutmut_orig(a: int) -> int:
    return a + 1


def x_f__mutmut_1(a: int) -> int:
    return a + 2


@decorated
def x_f__mutmut_2(a: int) -> int:
    return None
"""


@pytest.fixture
def tool() -> ModuleType:
    return import_file("mutation_typecheck", _TOOL)


def _error(file: Path, line: int, message: str) -> dict[str, object]:
    return {"file": str(file), "line": line, "severity": "error", "message": message}


@pytest.fixture
def mutated(tmp_path: Path) -> Path:
    path = tmp_path / "module.py"
    path.write_text(_MUTATED, encoding="utf-8")
    return path


class TestMutantErrors:
    def test_an_error_only_the_mutant_has_is_kept(self, tool: ModuleType, mutated: Path) -> None:
        own = _error(mutated, 16, "Incompatible return value type")
        assert tool.mutant_errors([own]) == [own]

    def test_an_error_the_original_also_has_is_dropped(
        self, tool: ModuleType, mutated: Path
    ) -> None:
        shared = "Unsupported converter"
        errors = [_error(mutated, 7, shared), _error(mutated, 11, shared)]
        assert tool.mutant_errors(errors) == []

    def test_an_error_outside_every_mutant_is_dropped(
        self, tool: ModuleType, mutated: Path
    ) -> None:
        assert tool.mutant_errors([_error(mutated, 3, "Unsupported converter")]) == []

    def test_a_decorator_line_belongs_to_its_function(
        self, tool: ModuleType, mutated: Path
    ) -> None:
        on_decorator = _error(mutated, 14, 'Name "decorated" is not defined')
        assert tool.mutant_errors([on_decorator]) == [on_decorator]


class TestMain:
    def test_prints_kept_errors_as_json_lines_then_a_blank_line(
        self, tool: ModuleType, mutated: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        errors = [_error(mutated, 3, "layout"), _error(mutated, 16, "mutant's own")]
        script = "import sys\n" + "".join(f"print({json.dumps(e)!r})\n" for e in errors)
        assert tool.main([sys.executable, "-c", script]) == 0
        lines = capsys.readouterr().out.split("\n")
        assert [json.loads(line) for line in lines if line] == [errors[1]]
        assert lines[-2:] == ["", ""]

    def test_no_errors_prints_a_lone_newline(
        self, tool: ModuleType, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert tool.main([sys.executable, "-c", "pass"]) == 0
        assert capsys.readouterr().out == "\n"
