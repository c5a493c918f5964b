"""Typing for users: code that calls g287 type-checks under ``mypy --strict``.

``tests/downstream/user_code.py`` is a small module written as an agency's developer would write
it. Here mypy checks it with a user's own configuration (``strict = True`` and nothing of this
project's: no ``mypy_path = src``), so g287 is found as an installed package with ``py.typed``.
A second module full of mistakes must fail, so this test can fail.
"""

from __future__ import annotations

import importlib.metadata
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import pytest
from mypy import api

import g287
from modules import import_file

DOWNSTREAM = Path(__file__).parent / "downstream" / "user_code.py"

HEADER = ["from decimal import Decimal", "import g287", ""]
#: A user's code, one statement a line, with what is wrong with it (``None``: nothing).
MISTAKES: list[tuple[str, str | None]] = [
    ("cap: Decimal = g287.overtime_cap(60000.0)", "a float where int | str | Decimal goes"),
    (
        (
            "result = g287.quarterly_award(located=45, provided=50, task_force_officers=3, "
            "quarter='Q')"
        ),
        None,
    ),
    ("amount: Decimal = result.amout", "a misspelt attribute"),
    ("tier = g287.award_tier(0.9)", "a float rate where a Fraction goes"),
    ("quarter = g287.FiscalQuarter.parse(2026)", "an int where text goes"),
    ("salary: int = g287.overtime_cap('1')", "a Decimal is not an int"),
    ("g287.quarterly_award(located=45, provided=50, quarter='FY2026 Q1')", "officers missing"),
    (
        "year = g287.annual_reimbursement(annual_salary=1, benefits=1, overtime=1, fiscal_year=1)",
        None,
    ),
    ("year.overtime_not_reimbursed", "a name the redesign retired"),
]
BAD_MODULE = "\n".join([*HEADER, *(code for code, _ in MISTAKES)]) + "\n"
WRONG_LINES = {len(HEADER) + i for i, (_, why) in enumerate(MISTAKES, 1) if why is not None}


@pytest.fixture(scope="module")
def mypy_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a user's mypy configuration (strict, nothing else) and a cache."""
    folder = tmp_path_factory.mktemp("mypy")
    (folder / "mypy.ini").write_text("[mypy]\nstrict = True\n", encoding="utf-8")
    return folder


def run_mypy(folder: Path, target: Path) -> tuple[str, int]:
    """Run ``mypy --strict`` in-process on one file; return its report and exit status."""
    stdout, stderr, status = api.run(
        [
            "--config-file",
            str(folder / "mypy.ini"),
            "--cache-dir",
            str(folder / "cache"),
            "--strict",
            "--show-error-codes",
            str(target),
        ]
    )
    return stdout + stderr, status


def load_downstream() -> ModuleType:
    """Import the downstream module from its file, as a user's own module."""
    return import_file("g287_downstream_user_code", DOWNSTREAM)


class TestInstalledPackage:
    def test_ships_py_typed(self) -> None:
        """g287 is installed and marks itself typed (PEP 561), so mypy reads its annotations."""
        assert importlib.metadata.version("g287") == g287.__version__
        assert Path(g287.__file__).with_name("py.typed").is_file()


class TestDownstreamModule:
    def test_type_checks_under_strict(self, mypy_dir: Path) -> None:
        """The downstream module, with its assert_type checks, passes ``mypy --strict``."""
        report, status = run_mypy(mypy_dir, DOWNSTREAM)
        assert status == 0, report
        assert "Success: no issues found in 1 source file" in report

    def test_runs_and_gives_the_documented_figures(self) -> None:
        """The annotated calls run and return the figures of the README and DESIGN §4."""
        figures = load_downstream().run()
        assert figures["award"] == Decimal("12000.00")
        assert figures["tier"] == "R-AWD-2"  # I-BAND: 89.5% truncates to 89%
        assert figures["half_up"] == "R-AWD-1"  # ... and rounds half up to 90%
        assert figures["rate"] == Fraction(9, 10)
        assert figures["overtime"] == (Decimal("15000.00"), Decimal("95000.00"))
        assert figures["claim"] == Decimal("5500.00")
        assert figures["round_trip"] is True
        assert figures["batch"] == [400000, 300000, 0]

    def test_is_not_a_test_module(self) -> None:
        """pytest collects no tests from the downstream module: it is user code, not tests."""
        assert not DOWNSTREAM.name.startswith("test_")
        assert not [name for name in vars(load_downstream()) if name.startswith("test")]


class TestMistakesAreCaught:
    def test_wrong_types_and_attributes_fail(self, mypy_dir: Path, tmp_path: Path) -> None:
        """A float where money or a Fraction goes, a misspelt attribute, a missing argument: each
        is an error under ``mypy --strict``, on its own line."""
        bad = tmp_path / "bad_user_code.py"
        bad.write_text(BAD_MODULE, encoding="utf-8")
        report, status = run_mypy(mypy_dir, bad)
        assert status == 1, report
        flagged = {
            int(m[1]) for m in re.finditer(rf"^{re.escape(str(bad))}:(\d+): error:", report, re.M)
        }
        assert flagged == WRONG_LINES, report
        assert '"AwardResult" has no attribute "amout"' in report
        assert 'incompatible type "float"' in report
