"""The ``g287`` command's output pinned byte for byte: tables, JSON layout and help screens.

Scripts parse this output, so its exact form is part of the interface: JSON is indented by two
spaces and keeps non-ASCII characters (the curly quotes of citations) as they are.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from g287.cli import main

Capsys = pytest.CaptureFixture[str]


TIERS_TEXT = """\
287(g) reimbursement and performance awards (DHS/ICE, 2025-09-18)
Quarterly performance award per eligible task force officer (R-AWD):
  rule     location rate  per officer
  R-AWD-1  90%-100%         $1,000.00
  R-AWD-2  80%-89%            $750.00
  R-AWD-3  70%-79%            $500.00
  below 70%: no award (I-BELOW); bands are whole percents, rates truncate (I-BAND)
Source: DHS-2025-09-18 ¶8
"""

TIERS_JSON = """\
{
  "policy": "287(g) reimbursement and performance awards (DHS/ICE, 2025-09-18)",
  "band_rounding": "truncate",
  "tiers": [
    {
      "rule_id": "R-AWD-1",
      "band": "90%-100%",
      "low": 90,
      "high": 100,
      "per_officer": "1000.00",
      "citation": "DHS-2025-09-18 ¶8: “90% - 100% - $1,000 per eligible task force officer”"
    },
    {
      "rule_id": "R-AWD-2",
      "band": "80%-89%",
      "low": 80,
      "high": 89,
      "per_officer": "750.00",
      "citation": "DHS-2025-09-18 ¶8: “80% - 89% - $750 per eligible task force officer”"
    },
    {
      "rule_id": "R-AWD-3",
      "band": "70%-79%",
      "low": 70,
      "high": 79,
      "per_officer": "500.00",
      "citation": "DHS-2025-09-18 ¶8: “70% - 79% - $500 per eligible task force officer”"
    }
  ]
}
"""

AWARD_JSON = """\
{
  "quarter": "FY2026 Q2",
  "located": 41,
  "provided": 50,
  "officers": 4,
  "rate": "41/50",
  "percent": 82,
  "rule_id": "R-AWD-2",
  "per_officer": "750.00",
  "amount": "3000.00",
  "reason": "a location rate of 82% is in the 80%-89% band",
  "rule_ids": [
    "R-EFF",
    "R-AWD",
    "I-ASSIST",
    "I-RATE",
    "I-BAND",
    "R-AWD-2",
    "I-HEAD"
  ]
}
"""

CAP_TEXT = """\
Overtime cap (R-OT, I-CAPBASE, I-CENT): 25% of $50,000.01 = $12,500.00 per fiscal year
"""

CAP_JSON = """\
{
  "annual_salary": "50000.01",
  "overtime_cap": "12500.00",
  "rule_id": "R-OT",
  "fraction": "1/4"
}
"""

REIMBURSE_JSON = """\
{
  "fiscal_year": "FY2026",
  "salary": "60000.00",
  "benefits": "20000.00",
  "overtime_claimed": "18000.00",
  "overtime_cap": "15000.00",
  "overtime_reimbursed": "15000.00",
  "overtime_not_reimbursed": "3000.00",
  "total": "95000.00",
  "rule_ids": [
    "R-EFF",
    "R-SAL",
    "I-CAPBASE",
    "R-OT",
    "I-CAPYEAR"
  ]
}
"""

MAIN_HELP = """\
usage: g287 [-h] [--version] COMMAND ...

The DHS/ICE 287(g) reimbursement and performance-award policy, exactly.

positional arguments:
  COMMAND
    tiers     print the award tier table (R-AWD-1 to R-AWD-3)
    award     compute one quarter's performance award (R-AWD)
    cap       compute the annual overtime cap for a salary (R-OT)
    reimburse
              compute a fiscal year's reimbursement for one officer (R-SAL,
              R-OT)
    claim     compute an agency's quarterly claim from its files

options:
  -h, --help  show this help message and exit
  --version   show program's version number and exit
"""

TIERS_HELP = """\
usage: g287 tiers [-h] [--json]

print the award tier table (R-AWD-1 to R-AWD-3)

options:
  -h, --help  show this help message and exit
  --json      print JSON instead of text
"""

AWARD_HELP = """\
usage: g287 award [-h] [--json] --located LOCATED --provided PROVIDED
                  --officers OFFICERS --quarter QUARTER
                  [--assistance-unsatisfactory]

compute one quarter's performance award (R-AWD)

options:
  -h, --help            show this help message and exit
  --json                print JSON instead of text
  --located LOCATED     leads located in the quarter
  --provided PROVIDED   leads ICE provided
  --officers OFFICERS   eligible task force officers (I-HEAD)
  --quarter QUARTER     fiscal quarter, e.g. "FY2026 Q1"
  --assistance-unsatisfactory
                        ICE judged overall assistance unsatisfactory
                        (I-ASSIST)
"""

CAP_HELP = """\
usage: g287 cap [-h] [--json] --salary SALARY

compute the annual overtime cap for a salary (R-OT)

options:
  -h, --help       show this help message and exit
  --json           print JSON instead of text
  --salary SALARY  annual base salary, e.g. 60000.00
"""

REIMBURSE_HELP = """\
usage: g287 reimburse [-h] [--json] --salary SALARY --benefits BENEFITS
                      --overtime OVERTIME --fiscal-year FISCAL_YEAR

compute a fiscal year's reimbursement for one officer (R-SAL, R-OT)

options:
  -h, --help            show this help message and exit
  --json                print JSON instead of text
  --salary SALARY       annual base salary
  --benefits BENEFITS   benefits for the year
  --overtime OVERTIME   overtime paid in the year
  --fiscal-year FISCAL_YEAR
                        fiscal year, e.g. 2026 or "FY2026"
"""

CLAIM_HELP = """\
usage: g287 claim [-h] [--example] [--officers OFFICERS] [--payroll PAYROLL]
                  [--leads LEADS] [--agency AGENCY] [--quarter QUARTER]
                  [--format {table,csv,json}]

Compute an agency's quarterly claim (reimbursement and award) from its roster,
payroll and lead-report CSVs and agency JSON.

options:
  -h, --help            show this help message and exit
  --example             use the example data set shipped with g287 (default
                        quarter FY2026 Q1)
  --officers OFFICERS   roster CSV
  --payroll PAYROLL     payroll CSV
  --leads LEADS         lead-report CSV
  --agency AGENCY       agency JSON
  --quarter QUARTER     fiscal quarter, e.g. "FY2026 Q1"
  --format {table,csv,json}
                        output format (default: table)
"""


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    """Run the command in-process; return its exit status, stdout and stderr."""
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse's --help, --version and usage errors
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse wraps help to the terminal width: fix it at 80 columns."""
    monkeypatch.setenv("COLUMNS", "80")


class TestExactOutput:
    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (["tiers"], TIERS_TEXT),
            (["tiers", "--json"], TIERS_JSON),
            (
                [
                    "award",
                    "--located",
                    "41",
                    "--provided",
                    "50",
                    "--officers",
                    "4",
                    "--quarter",
                    "FY2026Q2",
                    "--json",
                ],
                AWARD_JSON,
            ),
            (["cap", "--salary", "50000.01"], CAP_TEXT),
            (["cap", "--salary", "50000.01", "--json"], CAP_JSON),
            (
                [
                    "reimburse",
                    "--salary",
                    "60000",
                    "--benefits",
                    "20000",
                    "--overtime",
                    "18000",
                    "--fiscal-year",
                    "2026",
                    "--json",
                ],
                REIMBURSE_JSON,
            ),
        ],
        ids=["tiers", "tiers-json", "award-json", "cap", "cap-json", "reimburse-json"],
    )
    def test_output(self, capsys: Capsys, argv: list[str], expected: str) -> None:
        """R-AWD, R-OT, R-SAL: each subcommand prints exactly this, and exits 0 quietly."""
        assert run(capsys, *argv) == (0, expected, "")


class TestHelp:
    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (["--help"], MAIN_HELP),
            (["tiers", "--help"], TIERS_HELP),
            (["award", "--help"], AWARD_HELP),
            (["cap", "--help"], CAP_HELP),
            (["reimburse", "--help"], REIMBURSE_HELP),
            (["claim", "--help"], CLAIM_HELP),
        ],
        ids=["main", "tiers", "award", "cap", "reimburse", "claim"],
    )
    def test_help_screen(self, capsys: Capsys, argv: list[str], expected: str) -> None:
        """Every command and option is described, with the rule ids it computes."""
        assert run(capsys, *argv) == (0, expected, "")

    def test_version(self, capsys: Capsys) -> None:
        """``--version`` prints the program name and the package version."""
        assert run(capsys, "--version") == (0, "g287 0.1.0\n", "")


class TestErrors:
    def test_count_must_be_digits(self, capsys: Capsys) -> None:
        """A count that is not plain digits is a usage error (exit 2) naming the option."""
        status, out, err = run(
            capsys,
            *["award", "--located", "x", "--provided", "50", "--officers", "4"],
            *["--quarter", "FY2026Q2"],
        )
        assert (status, out) == (2, "")
        assert err.endswith(
            "g287 award: error: argument --located: 'x' is not a whole number >= 0\n"
        )

    def test_invalid_input_exit_one(self, capsys: Capsys) -> None:
        """Invalid input is one line on stderr naming the subcommand, and exit 1."""
        assert run(capsys, "cap", "--salary", "-5") == (
            1,
            "",
            "g287 cap: error: annual_salary: '-5' is negative; expected an amount >= 0\n",
        )

    def test_example_with_files(self, capsys: Capsys) -> None:
        """``--example`` with data files is a usage error listing the files given."""
        assert run(capsys, "claim", "--example", "--officers", "a.csv", "--leads", "b.csv") == (
            2,
            "",
            (
                "g287 claim: error: --example uses the bundled files; do not also give "
                "--officers, --leads\n"
            ),
        )

    def test_missing_files(self, capsys: Capsys) -> None:
        """Without ``--example`` every missing file and the quarter are listed, in order."""
        assert run(capsys, "claim", "--officers", "a.csv") == (
            2,
            "",
            (
                "g287 claim: error: the following arguments are required without --example: "
                "--payroll, --leads, --agency, --quarter\n"
            ),
        )

    @pytest.mark.parametrize(
        ("name", "shown"),
        [("agency\n.json", "agency\\n.json"), ("agency\r.json", "agency\\r.json")],
        ids=["newline", "carriage-return"],
    )
    def test_control_characters_in_a_file_name(
        self, capsys: Capsys, tmp_path: Path, name: str, shown: str
    ) -> None:
        """A file name holding a line break is shown escaped: the error stays one line."""
        files = [str(tmp_path / f) for f in ("officers.csv", "payroll.csv", "leads.csv", name)]
        argv = ["claim", "--officers", files[0], "--payroll", files[1], "--leads", files[2]]
        assert run(capsys, *argv, "--agency", files[3], "--quarter", "FY2026 Q1") == (
            1,
            "",
            f"g287 claim: error: {tmp_path}/{shown}: cannot read (No such file or directory)\n",
        )


class TestClaimJsonLayout:
    def test_indented_by_two_spaces(self, capsys: Capsys) -> None:
        """``claim --format json`` is laid out like the other commands' JSON: two-space indents."""
        status, out, err = run(capsys, "claim", "--example", "--format", "json")
        assert (status, err) == (0, "")
        lines = out.splitlines()
        assert (lines[0], lines[-1]) == ("{", "}")
        assert lines[1].startswith('  "')
        assert not lines[1].startswith("   ")
        assert out == json.dumps(json.loads(out), indent=2, ensure_ascii=False) + "\n"
