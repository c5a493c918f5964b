"""The ``g287`` command line: tiers, award, cap and reimburse, as text and as JSON."""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import g287
from g287 import POLICY
from g287.cli import main

Capsys = pytest.CaptureFixture[str]

AWARD = ["award", "--located", "45", "--provided", "50", "--officers", "12"]
REIMBURSE = [
    "reimburse",
    "--salary",
    "60000",
    "--benefits",
    "20000",
    "--overtime",
    "18000",
    "--fiscal-year",
    "FY2026",
]


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    """Run the command; return its exit status, stdout and stderr."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: Capsys, *argv: str) -> Any:
    """Run the command with ``--json``; check it succeeded quietly and return the parsed JSON."""
    status, out, err = run(capsys, *argv, "--json")
    assert (status, err) == (0, "")
    return json.loads(out)


class TestTiers:
    def test_text(self, capsys: Capsys) -> None:
        """R-AWD-1..3: the table lists each band with its rule id and dollars per officer."""
        status, out, err = run(capsys, "tiers")
        assert (status, err) == (0, "")
        lines = out.splitlines()
        assert lines[0] == POLICY.name
        for rule_id, band, amount in [
            ("R-AWD-1", "90%-100%", "$1,000.00"),
            ("R-AWD-2", "80%-89%", "$750.00"),
            ("R-AWD-3", "70%-79%", "$500.00"),
        ]:
            assert any(line.split() == [rule_id, band, amount] for line in lines), rule_id
        assert "below 70%: no award (I-BELOW)" in out
        assert "truncate (I-BAND)" in out
        assert lines[-1] == "Source: DHS-2025-09-18 ¶8"

    def test_json(self, capsys: Capsys) -> None:
        """The JSON table carries exact amounts as strings and each tier's citation."""
        data = run_json(capsys, "tiers")
        assert data["policy"] == POLICY.name
        assert data["band_rounding"] == "truncate"
        assert [
            (t["rule_id"], t["band"], t["low"], t["high"], t["per_officer"]) for t in data["tiers"]
        ] == [
            ("R-AWD-1", "90%-100%", 90, 100, "1000.00"),
            ("R-AWD-2", "80%-89%", 80, 89, "750.00"),
            ("R-AWD-3", "70%-79%", 70, 79, "500.00"),
        ]
        assert data["tiers"][1]["citation"] == (
            "DHS-2025-09-18 ¶8: “80% - 89% - $750 per eligible task force officer”"
        )


class TestAward:
    def test_text(self, capsys: Capsys) -> None:
        """The award prints its audit trail: figure, rule ids and sources."""
        status, out, err = run(capsys, *AWARD, "--quarter", "FY2026 Q1")
        assert (status, err) == (0, "")
        assert out.splitlines()[0] == "FY2026 Q1 performance award: $12,000.00"
        for rule_id in ("R-EFF", "I-RATE", "I-BAND", "R-AWD-1", "I-HEAD"):
            assert f"[{rule_id}]" in out
        assert "Sources:" in out

    def test_json(self, capsys: Capsys) -> None:
        """45 of 50 located with 12 officers is exactly "12000.00", rate "9/10", R-AWD-1."""
        data = run_json(capsys, *AWARD, "--quarter", "fy2026-q1")
        assert data == {
            "quarter": "FY2026 Q1",
            "located": 45,
            "provided": 50,
            "officers": 12,
            "rate": "9/10",
            "percent": 90,
            "rule_id": "R-AWD-1",
            "per_officer": "1000.00",
            "amount": "12000.00",
            "reason": "a location rate of 90% is in the 90%-100% band",
            "rule_ids": ["R-EFF", "R-AWD", "I-ASSIST", "I-RATE", "I-BAND", "R-AWD-1", "I-HEAD"],
        }

    def test_json_unsatisfactory(self, capsys: Capsys) -> None:
        """I-ASSIST: with assistance judged unsatisfactory the award is "0.00" with no tier."""
        data = run_json(capsys, *AWARD, "--quarter", "FY2026 Q1", "--assistance-unsatisfactory")
        assert data["amount"] == "0.00"
        assert data["rule_id"] is None
        assert data["rate"] is None
        assert "unsatisfactory" in data["reason"]

    def test_json_no_leads(self, capsys: Capsys) -> None:
        """I-BELOW: no leads provided gives "0.00" and no rate."""
        data = run_json(
            capsys, "award", "--located", "0", "--provided", "0", "--officers", "3",
            "--quarter", "FY2026 Q2",
        )  # fmt: skip
        assert (data["amount"], data["rate"], data["percent"]) == ("0.00", None, None)

    def test_json_second_tier(self, capsys: Capsys) -> None:
        """R-AWD-2: 41 of 50 with 4 officers is "3000.00"."""
        data = run_json(
            capsys, "award", "--located", "41", "--provided", "50", "--officers", "4",
            "--quarter", "FY2026 Q2",
        )  # fmt: skip
        assert (data["rule_id"], data["per_officer"], data["amount"]) == (
            "R-AWD-2",
            "750.00",
            "3000.00",
        )


class TestCap:
    def test_text(self, capsys: Capsys) -> None:
        """R-OT: the cap line states the rule, the 25%, the salary and the cap."""
        status, out, err = run(capsys, "cap", "--salary", "60000")
        assert (status, err) == (0, "")
        assert out == (
            "Overtime cap (R-OT, I-CAPBASE, I-CENT): 25% of $60,000.00 = $15,000.00 "
            "per fiscal year\n"
        )

    def test_json(self, capsys: Capsys) -> None:
        """The JSON cap is the exact string "15000.00" with the fraction "1/4"."""
        data = run_json(capsys, "cap", "--salary", "60000")
        assert data["overtime_cap"] == "15000.00"
        assert data["rule_id"] == "R-OT"
        assert data["fraction"] == "1/4"

    @pytest.mark.parametrize(("salary", "expected"), [("60000", "60000.00"), ("1234.5", "1234.50")])
    def test_json_salary_in_cents(self, capsys: Capsys, salary: str, expected: str) -> None:
        """The JSON echoes the salary as the two-place amount g287 read, as ``reimburse`` does."""
        data = run_json(capsys, "cap", "--salary", salary)
        assert data["annual_salary"] == expected

    def test_rounds_down(self, capsys: Capsys) -> None:
        """I-CENT: the cap of $50,000.01 is "12500.00"."""
        assert run_json(capsys, "cap", "--salary", "50000.01")["overtime_cap"] == "12500.00"


class TestReimburse:
    def test_text(self, capsys: Capsys) -> None:
        """The reimbursement prints its audit trail with the total first."""
        status, out, err = run(capsys, *REIMBURSE)
        assert (status, err) == (0, "")
        assert out.splitlines()[0] == "FY2026 reimbursement: $95,000.00"
        for rule_id in ("R-EFF", "R-SAL", "I-CAPBASE", "R-OT", "I-CAPYEAR"):
            assert f"[{rule_id}]" in out

    def test_json(self, capsys: Capsys) -> None:
        """Every figure is an exact two-place string; the rule ids are listed in order."""
        data = run_json(capsys, *REIMBURSE)
        assert data == {
            "fiscal_year": "FY2026",
            "salary": "60000.00",
            "benefits": "20000.00",
            "overtime_claimed": "18000.00",
            "overtime_cap": "15000.00",
            "overtime_reimbursed": "15000.00",
            "overtime_not_reimbursed": "3000.00",
            "total": "95000.00",
            "rule_ids": ["R-EFF", "R-SAL", "I-CAPBASE", "R-OT", "I-CAPYEAR"],
        }

    def test_fiscal_year_as_a_number(self, capsys: Capsys) -> None:
        """``--fiscal-year 2026`` works, as the command's help ('e.g. 2026 or "FY2026"') says."""
        argv = [*REIMBURSE[:-1], "2026"]
        status, out, err = run(capsys, *argv, "--json")
        assert (status, err) == (0, "")
        assert json.loads(out)["total"] == "95000.00"

    def test_help_documents_both_fiscal_year_forms(self, capsys: Capsys) -> None:
        """The help for ``--fiscal-year`` promises both 2026 and "FY2026"."""
        with pytest.raises(SystemExit) as info:
            main(["reimburse", "--help"])
        assert info.value.code == 0
        assert 'e.g. 2026 or "FY2026"' in " ".join(capsys.readouterr().out.split())


class TestInvalidInput:
    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (
                ["award", "--located", "60", "--provided", "50", "--officers", "1",
                 "--quarter", "FY2026 Q1"],
                "located: 60 is more than provided (50)",
            ),
            (
                ["award", "--located", "1", "--provided", "1", "--officers", "1",
                 "--quarter", "FY2025 Q4"],
                "R-EFF",
            ),
            (
                ["award", "--located", "1", "--provided", "1", "--officers", "1",
                 "--quarter", "FY2026 Q5"],
                "quarter must be 1-4",
            ),
            (["cap", "--salary", "-1"], "annual_salary: '-1' is negative"),
            (["cap", "--salary", "abc"], "is not an amount"),
            (
                ["reimburse", "--salary", "1", "--benefits", "1", "--overtime", "0.001",
                 "--fiscal-year", "FY2026"],
                "fractions of a cent",
            ),
            (
                ["reimburse", "--salary", "1", "--benefits", "1", "--overtime", "1",
                 "--fiscal-year", "FY2025"],
                "R-EFF",
            ),
        ],
    )  # fmt: skip
    @pytest.mark.parametrize("as_json", [False, True])
    def test_one_line_on_stderr_exit_1(
        self, capsys: Capsys, argv: list[str], message: str, as_json: bool
    ) -> None:
        """Invalid input exits 1 with one error line on stderr and nothing on stdout."""
        status, out, err = run(capsys, *argv, *(["--json"] if as_json else []))
        assert status == 1
        assert out == ""
        assert err.endswith("\n")
        assert err.count("\n") == 1
        assert err.startswith(f"g287 {argv[0]}: error: ")
        assert message in err


class TestUsageErrors:
    @pytest.mark.parametrize(
        "argv",
        [
            [],
            ["nonsense"],
            ["award", "--located", "45", "--provided", "50", "--officers", "12"],
            ["award", "--located", "x", "--provided", "50", "--officers", "1", "--quarter", "Q"],
            ["award", "--located", "-1", "--provided", "50", "--officers", "1", "--quarter", "Q"],
            ["award", "--located", "4.5", "--provided", "50", "--officers", "1", "--quarter", "Q"],
            ["cap"],
            ["reimburse", "--salary", "1"],
            ["tiers", "--bogus"],
        ],
    )
    def test_exit_2(self, capsys: Capsys, argv: list[str]) -> None:
        """A missing argument, a non-numeric count or an unknown command is a usage error: 2."""
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert "usage: g287" in err

    def test_count_message(self, capsys: Capsys) -> None:
        """A non-numeric count is named in the usage error."""
        with pytest.raises(SystemExit):
            main(["award", "--located", "many", "--provided", "1", "--officers", "1",
                  "--quarter", "FY2026 Q1"])  # fmt: skip
        assert "'many' is not a whole number >= 0" in capsys.readouterr().err


class TestVersionAndEntryPoints:
    def test_version(self, capsys: Capsys) -> None:
        """``--version`` prints the package version and exits 0."""
        with pytest.raises(SystemExit) as info:
            main(["--version"])
        assert info.value.code == 0
        assert capsys.readouterr().out == f"g287 {g287.__version__}\n"

    def test_main_reads_sys_argv(self, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
        """With no arguments, ``main`` reads the command line from ``sys.argv``."""
        monkeypatch.setattr(sys, "argv", ["g287", "cap", "--salary", "60000", "--json"])
        assert main() == 0
        assert json.loads(capsys.readouterr().out)["overtime_cap"] == "15000.00"

    def test_python_m_in_process(self, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
        """``python -m g287`` runs ``main`` and exits with its status."""
        monkeypatch.setattr(sys, "argv", ["g287", "tiers", "--json"])
        monkeypatch.delitem(sys.modules, "g287.__main__", raising=False)
        with pytest.raises(SystemExit) as info:
            runpy.run_module("g287", run_name="__main__")
        assert info.value.code == 0
        assert json.loads(capsys.readouterr().out)["tiers"][0]["rule_id"] == "R-AWD-1"

    def test_python_m_subprocess(self) -> None:
        """``python -m g287 tiers`` works as a real process and exits 0."""
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        proc = subprocess.run(
            [sys.executable, "-m", "g287", "tiers"],
            capture_output=True,
            encoding="utf-8",
            env=env,
            check=False,
            timeout=60,
        )
        assert (proc.returncode, proc.stderr) == (0, "")
        assert "R-AWD-1" in proc.stdout
        assert "$1,000.00" in proc.stdout

    def test_python_m_subprocess_invalid_input(self) -> None:
        """As a real process, invalid input exits 1 with one line on stderr."""
        proc = subprocess.run(
            [sys.executable, "-m", "g287", "cap", "--salary", "-5"],
            capture_output=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            check=False,
            timeout=60,
        )
        assert proc.returncode == 1
        assert proc.stdout == ""
        assert proc.stderr.count("\n") == 1


class TestClaim:
    """The ``claim`` command over the example data set shipped with g287."""

    @staticmethod
    def files() -> list[str]:
        from g287.dataio import example_dir

        folder = example_dir()
        return [
            "--officers",
            str(folder / "officers.csv"),
            "--payroll",
            str(folder / "payroll.csv"),
            "--leads",
            str(folder / "leads.csv"),
            "--agency",
            str(folder / "agency.json"),
        ]

    def test_example_table(self, capsys: Capsys) -> None:
        """``claim --example`` prints the FY2026 Q1 table of the example agency."""
        status, out, err = run(capsys, "claim", "--example")
        assert (status, err) == (0, "")
        assert out.splitlines()[0] == "Claim of agency HCSO for FY2026 Q1"
        assert "TOTAL" in out

    def test_files_equal_example(self, capsys: Capsys) -> None:
        """Naming the example's four files gives the same output as ``--example``."""
        _, by_flag, _ = run(capsys, "claim", "--example", "--quarter", "FY2026 Q2")
        status, by_files, err = run(capsys, "claim", *self.files(), "--quarter", "FY2026 Q2")
        assert (status, err) == (0, "")
        assert by_files == by_flag
        assert by_files.splitlines()[0] == "Claim of agency HCSO for FY2026 Q2"

    def test_csv(self, capsys: Capsys) -> None:
        """``--format csv`` gives a header row and one row per officer, amounts to the cent."""
        status, out, err = run(capsys, "claim", "--example", "--format", "csv")
        assert (status, err) == (0, "")
        header, *rows = out.splitlines()
        assert header.startswith("officer_id,model,eligible_days,salary,")
        assert rows
        assert all(len(r.split(",")) == len(header.split(",")) for r in rows)

    def test_json(self, capsys: Capsys) -> None:
        """``--format json`` gives a tagged document whose award for FY2026 Q1 is exact."""
        status, out, err = run(capsys, "claim", "--example", "--format", "json")
        assert (status, err) == (0, "")
        document = json.loads(out)
        assert document["schema"] == g287.SCHEMA
        assert document["data"]["agency_id"] == "HCSO"
        assert document["data"]["award"]["amount"] == "4000.00"

    def test_missing_files_is_a_usage_error(self, capsys: Capsys) -> None:
        """Without ``--example`` every file and the quarter are required: exit 2, naming them."""
        with pytest.raises(SystemExit) as info:
            main(["claim", "--quarter", "FY2026 Q1"])
        assert info.value.code == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err == (
            "g287 claim: error: the following arguments are required without --example: "
            "--officers, --payroll, --leads, --agency\n"
        )

    def test_missing_quarter_is_a_usage_error(self, capsys: Capsys) -> None:
        """With files but no quarter, the quarter is named as missing."""
        with pytest.raises(SystemExit) as info:
            main(["claim", *self.files()])
        assert info.value.code == 2
        assert capsys.readouterr().err.endswith("required without --example: --quarter\n")

    @pytest.mark.parametrize("quarter", ["FY2026 Q5", "FY2025 Q4"])
    def test_invalid_input_exits_1(self, capsys: Capsys, quarter: str) -> None:
        """A bad or uncovered quarter is invalid input: exit 1, one line on stderr."""
        status, out, err = run(capsys, "claim", "--example", "--quarter", quarter)
        assert status == 1
        assert out == ""
        assert err.count("\n") == 1
        assert err.startswith("g287 claim: error: ")

    def test_missing_file_exits_1(self, capsys: Capsys, tmp_path: Path) -> None:
        """A file that does not exist is reported as invalid input, not a traceback."""
        argv = self.files()
        argv[1] = str(tmp_path / "nope.csv")
        status, out, err = run(capsys, "claim", *argv, "--quarter", "FY2026 Q1")
        assert status == 1
        assert out == ""
        assert err.count("\n") == 1
