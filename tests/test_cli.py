"""The ``g287`` command: figures agree with the library, exit codes, errors, and safe output.

The text the commands print is pinned once in ``tests/test_golden.py`` and the report formats
are tested in ``tests/test_report.py``; here ``--json`` output is checked against the library's
own figures, the claim command against the library's claim, and the command line's own
promises: exit status 0 done, 1 invalid input (every problem a line, ``file:line: column:
problem``, then one ``g287 <command>: error: …`` line) or failed output (one line), 2 usage
(argparse's own); ``--output`` replaces its file only with a complete report; nothing a file or
its name holds reaches a terminal unescaped; and no stream, encoding or full disk ends in a
traceback (checked in real processes).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import gc
import io
import json
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import g287
from g287 import (
    POLICY,
    Claim,
    FiscalQuarter,
    __version__,
    annual_reimbursement,
    loads,
    overtime_cap,
    quarterly_award,
    quarterly_claim,
)
from g287.cli import main
from g287.dataio import example_dir, load_dataset
from g287.money import format_money
from g287.report import claim_csv, claim_table
from strategies import dec, fiscal_quarters, leads, salary_cents

Capsys = pytest.CaptureFixture[str]
CapsysBinary = pytest.CaptureFixture[bytes]
EXAMPLE_FILES = ("officers.csv", "payroll.csv", "leads.csv", "agency.json")


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    """Run ``g287 argv`` in process: (exit status, stdout, stderr)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: --version, --help and usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: Capsys, *argv: str) -> Any:
    """The parsed output of ``g287 argv --json``, which must succeed."""
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def example_claim(quarter: str) -> Claim:
    """The library's claim of the bundled example for a quarter."""
    folder = example_dir()
    data = load_dataset(*(folder / name for name in EXAMPLE_FILES))
    return quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.lead_report(quarter),
        quarter=quarter,
    )


class TestVersion:
    def test_version(self, capsys: Capsys) -> None:
        """g287 --version prints the package version and exits 0."""
        assert run(capsys, "--version") == (0, f"g287 {__version__}\n", "")

    def test_python_m(self) -> None:
        """python -m g287 is the same command."""
        done = subprocess.run(
            [sys.executable, "-m", "g287", "--version"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (done.returncode, done.stdout, done.stderr) == (0, f"g287 {__version__}\n", "")


# --- figures -------------------------------------------------------------------------------------


class TestTiers:
    def test_json_is_the_policys_tiers(self, capsys: Capsys) -> None:
        """R-AWD-1 … R-AWD-3: g287 tiers --json lists the policy's bands, per-officer amounts
        and citations, and its band rounding (I-BAND)."""
        data = run_json(capsys, "tiers")
        assert data["policy"] == POLICY.name
        assert data["band_rounding"] == "truncate"
        assert [
            (t["rule_id"], t["low"], t["high"], Decimal(t["per_officer"]), t["citation"])
            for t in data["tiers"]
        ] == [
            (t.rule_id, t.low, t.high, t.amount, str(POLICY.citation(t.rule_id)))
            for t in POLICY.tiers
        ]
        assert [Decimal(t["per_officer"]) for t in data["tiers"]] == [1000, 750, 500]


def award_argv(located: int, provided: int, officers: int, quarter: str) -> list[str]:
    return [
        "award",
        "--located",
        str(located),
        "--provided",
        str(provided),
        "--task-force-officers",
        str(officers),
        "--quarter",
        quarter,
    ]


class TestAward:
    @pytest.mark.parametrize(
        ("located", "provided", "satisfactory", "amount", "rule_id"),
        [
            (45, 50, True, "12000.00", "R-AWD-1"),  # 90%: $1,000 x 12
            (179, 200, True, "9000.00", "R-AWD-2"),  # 89.5% truncates to 89% (I-BAND): $750
            (35, 50, True, "6000.00", "R-AWD-3"),  # 70%: $500
            (33, 50, True, "0.00", None),  # 66%: below every band (I-BELOW)
            (0, 0, True, "0.00", None),  # no leads: no rate (I-BELOW)
            (45, 50, False, "0.00", None),  # unsatisfactory assistance (I-ASSIST)
        ],
    )
    def test_json_is_the_librarys_award(
        self,
        capsys: Capsys,
        *,
        located: int,
        provided: int,
        satisfactory: bool,
        amount: str,
        rule_id: str | None,
    ) -> None:
        """g287 award --json gives quarterly_award's figures and the rule ids behind them."""
        argv = award_argv(located, provided, 12, "FY2026 Q1")
        data = run_json(capsys, *argv, *([] if satisfactory else ["--assistance-unsatisfactory"]))
        result = quarterly_award(
            located=located,
            provided=provided,
            task_force_officers=12,
            quarter="FY2026 Q1",
            assistance_satisfactory=satisfactory,
        )
        assert data["amount"] == amount == str(result.amount)
        assert data["rule_id"] == rule_id
        assert data["rate"] == (None if result.rate is None else str(result.rate))
        assert data["rule_ids"] == list(result.explanation.rule_ids)
        assert data["reason"] == result.reason

    @given(leads(), st.integers(min_value=0, max_value=10_000), fiscal_quarters)
    def test_any_award(self, counts: tuple[int, int], officers: int, q: FiscalQuarter) -> None:
        """R-AWD, ¶8 (“$1,000 per eligible task force officer”): for any leads, officers and
        quarter, the command's amount, rate and tier are the library's."""
        located, provided = counts
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main([*award_argv(located, provided, officers, str(q)), "--json"]) == 0
        data = json.loads(out.getvalue())
        result = quarterly_award(
            located=located, provided=provided, task_force_officers=officers, quarter=q
        )
        assert Decimal(data["amount"]) == result.amount
        assert Fraction(data["rate"]) == result.rate
        assert data["rule_id"] == (result.tier.rule_id if result.tier else None)


class TestCap:
    @pytest.mark.parametrize(
        ("salary", "cap"), [("60000", "15000.00"), ("50000.01", "12500.00"), ("0", "0.00")]
    )
    def test_json(self, capsys: Capsys, salary: str, cap: str) -> None:
        """R-OT: g287 cap --json gives 25% of the salary, rounded down to the cent (I-CENT)."""
        data = run_json(capsys, "cap", "--salary", salary)
        assert data == {
            "annual_salary": str(Decimal(salary).quantize(Decimal("0.01"))),
            "overtime_cap": cap,
            "rule_id": "R-OT",
            "fraction": "1/4",
        }
        assert Decimal(cap) == overtime_cap(salary)

    @given(salary_cents)
    def test_any_salary(self, salary: int) -> None:
        """R-OT, ¶7 (“including overtime coverage up to 25% of the officer’s annual salary”):
        the command's cap is the library's for any salary."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["cap", "--salary", str(dec(salary)), "--json"]) == 0
        assert Decimal(json.loads(out.getvalue())["overtime_cap"]) == overtime_cap(dec(salary))


class TestReimburse:
    @pytest.mark.parametrize("fiscal_year", ["2026", "FY2026"])
    def test_json_is_the_librarys_reimbursement(self, capsys: Capsys, fiscal_year: str) -> None:
        """R-SAL, R-OT: g287 reimburse --json gives annual_reimbursement's figures, the fiscal
        year given as a number or as text."""
        argv = ["--salary", "60000", "--benefits", "20000", "--overtime", "18000"]
        data = run_json(capsys, "reimburse", *argv, "--fiscal-year", fiscal_year)
        result = annual_reimbursement(
            annual_salary="60000", benefits="20000", overtime="18000", fiscal_year=2026
        )
        assert data["fiscal_year"] == "FY2026"
        for name in ("salary", "benefits", "overtime_cap", "overtime_reimbursed", "total"):
            assert data[name] == str(getattr(result, name))
        assert data["overtime_over_cap"] == "3000.00"
        assert data["rule_ids"] == list(result.explanation.rule_ids)


class TestText:
    @pytest.mark.parametrize(
        ("argv", "shown"),
        [
            (["tiers"], ["R-AWD-1", "$1,000.00", "R-AWD-2", "$750.00", "R-AWD-3", "$500.00"]),
            (award_argv(45, 50, 4, "FY2026 Q1"), ["R-AWD-1", "I-BAND", "I-HEAD", "$4,000.00"]),
            (["cap", "--salary", "60000"], ["R-OT", "$15,000.00"]),
            (
                [
                    *("reimburse", "--salary", "60000", "--benefits", "20000"),
                    *("--overtime", "18000", "--fiscal-year", "2026"),
                ],
                ["R-SAL", "R-OT", "$15,000.00", "$95,000.00"],
            ),
        ],
        ids=["tiers", "award", "cap", "reimburse"],
    )
    def test_figures_with_their_rule_ids(
        self, capsys: Capsys, argv: list[str], shown: list[str]
    ) -> None:
        """Without --json each command prints its figures beside the rule ids behind them."""
        code, out, err = run(capsys, *argv)
        assert (code, err) == (0, "")
        assert all(text in out for text in shown)


# --- claims --------------------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The example's four files copied to the working folder, as ``--officers …`` options."""
    monkeypatch.chdir(tmp_path)
    for name in EXAMPLE_FILES:
        shutil.copy(example_dir() / name, name)
    return [
        *("--officers", "officers.csv", "--payroll", "payroll.csv"),
        *("--leads", "leads.csv", "--agency", "agency.json"),
    ]


class TestClaim:
    def test_example_table(self, capsys: Capsys) -> None:
        """g287 claim --example prints the table report of the example's FY2026 Q1 claim."""
        code, out, err = run(capsys, "claim", "--example")
        assert (code, err) == (0, "")
        assert out == claim_table(example_claim("FY2026 Q1")) + "\n"

    def test_quarter(self, capsys: Capsys) -> None:
        """--quarter picks another quarter of the example (its leads and its award)."""
        code, out, _ = run(capsys, "claim", "--example", "--quarter", "FY2026 Q3")
        assert code == 0
        assert out == claim_table(example_claim("FY2026 Q3")) + "\n"

    def test_csv(self, capsys: Capsys) -> None:
        """--format csv prints the claim's CSV report."""
        code, out, _ = run(capsys, "claim", "--example", "--format", "csv")
        assert code == 0
        assert out == claim_csv(example_claim("FY2026 Q1"))

    def test_json_reads_back_to_the_claim(self, capsys: Capsys) -> None:
        """--format json prints a document that loads back into the library's claim."""
        code, out, _ = run(capsys, "claim", "--example", "--format", "json")
        assert code == 0
        assert loads(out, Claim) == example_claim("FY2026 Q1")

    def test_files(self, capsys: Capsys, files: list[str]) -> None:
        """The four file options and --quarter give what --example gives for the same files."""
        code, out, _ = run(capsys, "claim", *files, "--quarter", "FY2026 Q2", "--format", "json")
        assert code == 0
        assert loads(out, Claim) == example_claim("FY2026 Q2")


class TestIntegrity:
    def test_a_look_alike_officer_is_refused(self, capsys: Capsys, files: list[str]) -> None:
        """DESIGN §7: a roster row T-01 followed by T-01 and a zero width space, with a copy of
        T-01's payroll, is refused (exit 1) naming the code point: it cannot be paid twice."""
        roster = Path("officers.csv").read_text(encoding="utf-8").splitlines(keepends=True)
        t01 = next(row for row in roster if row.startswith("T-01,"))
        Path("officers.csv").write_text(
            "".join(roster) + t01.replace("T-01", "T-01\u200b"), encoding="utf-8"
        )
        payroll = Path("payroll.csv").read_text(encoding="utf-8").splitlines(keepends=True)
        copies = [row.replace("T-01", "T-01\u200b") for row in payroll if row.startswith("T-01,")]
        Path("payroll.csv").write_text("".join(payroll + copies), encoding="utf-8")
        code, out, err = run(capsys, "claim", *files, "--quarter", "FY2026 Q1")
        assert (code, out) == (1, "")
        assert "contains U+200B ZERO WIDTH SPACE" in err
        # Every row naming it is refused, the roster's first, one problem a line.
        lines = err.splitlines()
        assert lines[0].startswith("officers.csv:12: officer_id: 'T-01\\u200b'")
        assert lines[-1] == (
            f"g287 claim: error: {len(copies) + 1} problems in the input; nothing was computed"
        )

    def test_a_header_only_payroll_is_refused_unless_said(
        self, capsys: Capsys, files: list[str]
    ) -> None:
        """A payroll with no records gives no claim (exit 1) unless --allow-empty-payroll says
        the agency truly paid nothing; then it pays nothing but the award's basis is gone too."""
        header = Path("payroll.csv").read_text(encoding="utf-8").splitlines(keepends=True)[0]
        Path("payroll.csv").write_text(header, encoding="utf-8")
        code, _, err = run(capsys, "claim", *files, "--quarter", "FY2026 Q1")
        assert code == 1
        assert "payroll: no pay records in FY2026 Q1" in err
        code, out, _ = run(
            capsys,
            "claim",
            *files,
            "--quarter",
            "FY2026 Q1",
            "--allow-empty-payroll",
            "--format",
            "json",
        )
        assert code == 0
        empty = loads(out, Claim)
        assert (empty.total, empty.award_officers) == (Decimal("0.00"), ())

    def test_verify_a_genuine_document(self, capsys: Capsys, tmp_path: Path) -> None:
        """g287 verify recomputes a claim document from its inputs: exit 0, "verified"."""
        document = tmp_path / "claim.json"
        _, out, _ = run(capsys, "claim", "--example", "--format", "json")
        document.write_text(out, encoding="utf-8")
        code, out, err = run(capsys, "verify", str(document))
        assert (code, err) == (0, "")
        assert out.startswith("verified: Claim of agency HCSO for FY2026 Q1 under 287(g)")

    def test_verify_names_an_edited_figure(self, capsys: Capsys, tmp_path: Path) -> None:
        """A document whose salary was raised on a line and in every total loads, but verify
        exits 1 naming the field, the stated and the recomputed figure."""
        _, out, _ = run(capsys, "claim", "--example", "--format", "json")
        document = json.loads(out)
        lines = document["data"]["lines"]  # a table: its columns, then a row per line
        row = lines["rows"][0]
        for key in ("salary", "total"):
            at = lines["columns"].index(key)
            row[at] = str(Decimal(row[at]) + 1000)
        for key in ("salary", "reimbursement", "total"):
            document["data"][key] = str(Decimal(document["data"][key]) + 1000)
        document["total"] = document["data"]["total"]
        del document["data"]["explanation"]  # the trail restates the total: drop it
        path = tmp_path / "edited.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        code, out, err = run(capsys, "verify", str(path))
        assert (code, out) == (1, "")
        assert err == (
            "g287 verify: error: Claim.lines[0].salary: '19197.81' is stated, but recomputing "
            "from the document's inputs gives '18197.81'\n"
        )

    def test_verify_needs_the_inputs(self, capsys: Capsys, tmp_path: Path) -> None:
        """--no-inputs writes a smaller document that cannot be verified (exit 1)."""
        _, out, _ = run(capsys, "claim", "--example", "--format", "json", "--no-inputs")
        path = tmp_path / "small.json"
        path.write_text(out, encoding="utf-8")
        code, _, err = run(capsys, "verify", str(path))
        assert code == 1
        assert "payroll: the claim was written without its inputs" in err

    def test_verify_an_unreadable_file(self, capsys: Capsys, tmp_path: Path) -> None:
        """A file that cannot be read is one line on stderr, exit 1."""
        code, _, err = run(capsys, "verify", str(tmp_path / "none.json"))
        assert code == 1
        assert err.startswith("g287 verify: error: ")
        assert "cannot read" in err


# --- errors --------------------------------------------------------------------------------------


def claim_argv(officers: str = "officers.csv", agency: str = "agency.json") -> list[str]:
    """g287 claim of FY2026 Q1 from the files in the working folder."""
    return [
        *("claim", "--officers", officers, "--payroll", "payroll.csv"),
        *("--leads", "leads.csv", "--agency", agency, "--quarter", "FY2026 Q1"),
    ]


# (id, argv, files written over the example's in the working folder, exit status, a regex of
# the last line of stderr).
ERRORS: list[tuple[str, list[str], dict[str, str], int, str]] = [
    # usage: exit 2
    ("no-command", [], {}, 2, r"g287: error: the following arguments are required: COMMAND"),
    (
        "count-not-a-number",
        ["award", "--located", "4", "--provided", "x", "--task-force-officers", "4"],
        {},
        2,
        r"g287 award: error: argument --provided: 'x' is not a whole number >= 0",
    ),
    (
        "count-negative",
        ["award", "--located", "-1", "--provided", "5", "--task-force-officers", "4"],
        {},
        2,
        r"g287 award: error: argument --located: '-1' is not a whole number >= 0",
    ),
    ("unknown-format", ["claim", "--example", "--format", "pdf"], {}, 2, r"g287 claim: error: "),
    (
        "two-periods",
        ["claim", "--example", "--quarter", "FY2026 Q1", "--fiscal-year", "FY2026"],
        {},
        2,
        r"g287 claim: error: give one of --quarter, --fiscal-year$",
    ),
    (
        "a-year-as-a-workbook",
        ["claim", "--example", "--fiscal-year", "FY2026", "--format", "xlsx"],
        {},
        2,
        r"g287 claim: error: with --fiscal-year, --format is table, csv or json$",
    ),
    (
        "choose-without-an-option",
        ["claim", "--example", "--choose", "I-BAND"],
        {},
        2,
        r"g287 claim: error: --choose 'I-BAND': expected ID=OPTION",
    ),
    (
        "choose-an-unknown-option",
        ["claim", "--example", "--choose", "I-BAND=up"],
        {},
        1,
        r"g287 claim: error: option: 'up' is not an option of I-BAND",
    ),
    (
        "month-malformed",
        ["claim", "--example", "--month", "2025-13"],
        {},
        1,
        r"g287 claim: error: --month: '2025-13' is not a month; expected YYYY-MM$",
    ),
    (
        "explain-an-unknown-officer",
        ["claim", "--example", "--explain", "T-99"],
        {},
        1,
        r"g287 claim: error: officer_id: 'T-99' has no line in this claim$",
    ),
    (
        "prior-missing",
        ["claim", "--example", "--quarter", "FY2026 Q2", "--prior", "nowhere.json"],
        {},
        1,
        r"g287 claim: error: --prior 'nowhere\.json': cannot read \(No such file",
    ),
    (
        "prior-not-a-claim",
        ["claim", "--example", "--quarter", "FY2026 Q2", "--prior", "p.json"],
        {"p.json": g287.dumps(POLICY)},
        1,
        r"g287 claim: error: --prior 'p\.json': ",
    ),
    (
        "empty-output-name",
        ["claim", "--example", "--output", ""],
        {},
        2,
        r"g287 claim: error: --output needs a file name$",
    ),
    (
        "no-inputs-without-json",
        ["claim", "--example", "--no-inputs"],
        {},
        2,
        r"g287 claim: error: --no-inputs goes with --format json$",
    ),
    (
        "example-with-files",
        ["claim", "--example", "--officers", "officers.csv", "--leads", "leads.csv"],
        {},
        2,
        (
            r"g287 claim: error: --example uses the bundled files; do not also give --officers, "
            r"--leads$"
        ),
    ),
    (
        "files-missing",
        ["claim", "--officers", "officers.csv"],
        {},
        2,
        (
            r"g287 claim: error: the following arguments are required without --example: "
            r"--payroll, --leads, --agency, --quarter \(or --month, --fiscal-year\)$"
        ),
    ),
    (
        "quarter-missing",
        claim_argv()[:-2],  # without --quarter
        {},
        2,
        (
            r"g287 claim: error: the following arguments are required without --example: "
            r"--quarter \(or --month, --fiscal-year\)$"
        ),
    ),
    # invalid input: exit 1
    (
        "located-above-provided",
        award_argv(55, 50, 4, "FY2026 Q1"),
        {},
        1,
        r"g287 award: error: located: 55 is more than provided",
    ),
    (
        "quarter-before-the-policy",
        award_argv(45, 50, 4, "FY2025 Q4"),
        {},
        1,
        r"g287 award: error: FY2025 Q4: .* \(R-EFF\)$",
    ),
    (
        "count-too-large",
        award_argv(45, 50, 10**10, "FY2026 Q1"),
        {},
        1,
        r"g287 award: error: task_force_officers: 10000000000 is too large",
    ),
    (
        "salary-not-an-amount",
        ["cap", "--salary", "1.5e3"],
        {},
        1,
        r"g287 cap: error: annual_salary: '1\.5e3' is not an amount",
    ),
    (
        "fiscal-year-unknown",
        [
            *("reimburse", "--salary", "1", "--benefits", "1", "--overtime", "1"),
            *("--fiscal-year", "next year"),
        ],
        {},
        1,
        r"g287 reimburse: error: .*'next year'",
    ),
    (
        "no-lead-report",
        ["claim", "--example", "--quarter", "FY2027 Q1"],
        {},
        1,
        (
            r"g287 claim: error: leads: no lead report for FY2027 Q1; the lead reports are for "
            r"FY2026 Q1, FY2026 Q2, FY2026 Q3, FY2026 Q4$"
        ),
    ),
    (
        "malformed-quarter",
        ["claim", "--example", "--quarter", "FY2026 Q9"],
        {},
        1,
        r"g287 claim: error: --quarter: Invalid fiscal quarter: 'FY2026 Q9'",
    ),
    (
        "bad-row",
        claim_argv(officers="o.csv"),
        {"o.csv": "officer_id,model,trained_on,annual_salary\nT-1,TFM,2025-08-01,72k\n"},
        1,
        (
            r"g287 claim: error: o\.csv:2: annual_salary: '72k' is not an amount; "
            r"expected dollars and cents such as 1234\.56 or \$1,234\.56$"
        ),
    ),
    (
        "missing-file",
        claim_argv(officers="nowhere.csv"),
        {},
        1,
        r"g287 claim: error: nowhere\.csv: cannot read \(No such file or directory\)$",
    ),
    (
        "line-breaks-in-a-file-name",
        claim_argv(agency="a\nb\rc.json"),
        {},
        1,
        r"g287 claim: error: a\\nb\\rc\.json: cannot read \(No such file or directory\)$",
    ),
]


@pytest.mark.parametrize(
    ("argv", "written", "code", "last_line"),
    [e[1:] for e in ERRORS],
    ids=[e[0] for e in ERRORS],
)
@pytest.mark.usefixtures("files")
def test_errors(
    capsys: Capsys,
    *,
    argv: list[str],
    written: dict[str, str],
    code: int,
    last_line: str,
) -> None:
    """A usage error exits 2; invalid input exits 1 with one line on stderr, ``g287 <command>:
    error: …``, line breaks in it escaped; neither prints anything on stdout."""
    for name, text in written.items():
        Path(name).write_text(text, encoding="utf-8")
    status, out, err = run(capsys, *argv)
    assert (status, out) == (code, "")
    assert re.search(f"^{last_line}", err.splitlines()[-1])
    if code == 1:
        assert err.count("\n") == 1


# --- reports written to a file -------------------------------------------------------------------


class TestOutput:
    @pytest.mark.parametrize("fmt", ["table", "csv", "json", "html", "xlsx"])
    def test_the_file_holds_what_stdout_would(
        self, capsysbinary: CapsysBinary, tmp_path: Path, fmt: str
    ) -> None:
        """--output FILE writes byte for byte what the command prints without it (a workbook
        included), and prints nothing."""
        argv = ["claim", "--example", "--format", fmt]
        assert main(argv) == 0
        printed = capsysbinary.readouterr().out
        assert main([*argv, "--output", str(tmp_path / "report")]) == 0
        assert capsysbinary.readouterr() == (b"", b"")
        assert (tmp_path / "report").read_bytes() == printed
        assert os.listdir(tmp_path) == ["report"]

    def test_a_file_is_replaced_and_keeps_its_permissions(
        self, capsys: Capsys, tmp_path: Path
    ) -> None:
        """An existing file is replaced by the report and keeps its permissions (here 0o604,
        which neither a temporary file nor the umask would give)."""
        target = tmp_path / "report.csv"
        target.write_text("last quarter's report\n", encoding="utf-8")
        target.chmod(0o604)
        code, out, err = run(
            capsys, "claim", "--example", "--format", "csv", "--output", str(target)
        )
        assert (code, out, err) == (0, "", "")
        assert target.read_bytes() == claim_csv(example_claim("FY2026 Q1")).encode()
        assert stat.S_IMODE(target.stat().st_mode) == 0o604
        assert os.listdir(tmp_path) == ["report.csv"]

    @pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
    def test_a_new_file_gets_the_usual_permissions(
        self, capsys: Capsys, tmp_path: Path, umask: int, mode: int
    ) -> None:
        """A new file gets the permissions any new file gets under the umask, not the
        owner-only ones of the temporary file it was written as."""
        before = os.umask(umask)
        try:
            code, _, _ = run(capsys, "claim", "--example", "--output", str(tmp_path / "r.txt"))
        finally:
            os.umask(before)
        assert code == 0
        assert stat.S_IMODE((tmp_path / "r.txt").stat().st_mode) == mode


def _no_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)


def _rename_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def replace(source: str, target: str) -> None:  # as os.replace fails: naming both files
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), source, None, target)

    monkeypatch.setattr(os, "replace", replace)


# (id, what goes wrong, --format, the one line on stderr): the report cannot be made, the disk
# fills up while the report is written, the finished report cannot take the file's place.
OUTPUT_FAILURES: list[tuple[str, Callable[[pytest.MonkeyPatch], None], str, str]] = [
    (
        "no-openpyxl",
        _no_openpyxl,
        "xlsx",
        r"g287 claim: error: format: 'xlsx' .*g287\[excel\]",
    ),
    (
        "disk-full",
        _disk_full,
        "csv",
        r"g287 claim: error: cannot write report\.csv: No space left on device$",
    ),
    (
        "rename-refused",
        _rename_refused,
        "csv",
        r"g287 claim: error: cannot write report\.csv: Permission denied$",
    ),
]


class TestFailedOutput:
    @pytest.mark.parametrize(
        ("fail", "fmt", "line"),
        [f[1:] for f in OUTPUT_FAILURES],
        ids=[f[0] for f in OUTPUT_FAILURES],
    )
    def test_the_old_file_is_untouched(
        self,
        capsys: Capsys,
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
        *,
        fail: Callable[[pytest.MonkeyPatch], None],
        fmt: str,
        line: str,
    ) -> None:
        """When the report cannot be made or written, the command exits 1 with one line on
        stderr naming the output; the file it would have replaced is as it was, and no
        temporary file is left behind."""
        monkeypatch.chdir(tmp_path)
        Path("report.csv").write_text("last quarter's report\n", encoding="utf-8")
        Path("report.csv").chmod(0o604)
        fail(monkeypatch)
        code, out, err = run(
            capsys, "claim", "--example", "--format", fmt, "--output", "report.csv"
        )
        assert (code, out, err.count("\n")) == (1, "", 1)
        assert re.match(line, err)
        assert Path("report.csv").read_text(encoding="utf-8") == "last quarter's report\n"
        assert stat.S_IMODE(Path("report.csv").stat().st_mode) == 0o604
        assert os.listdir() == ["report.csv"]

    def test_an_interrupted_write_leaves_nothing(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Interrupted (Ctrl-C) while the report is written, the command removes its temporary
        file before the interruption goes on."""

        def fsync(fd: int) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", fsync)
        with pytest.raises(KeyboardInterrupt):
            main(["claim", "--example", "--output", str(tmp_path / "report.txt")])
        assert os.listdir(tmp_path) == []

    def test_a_missing_folder_is_named(self, capsys: Capsys, tmp_path: Path) -> None:
        """--output into a folder that does not exist is one line naming the file asked for
        (not the temporary file it would have been written as), exit 1."""
        target = tmp_path / "nowhere" / "report.txt"
        code, out, err = run(capsys, "claim", "--example", "--output", str(target))
        assert (code, out) == (1, "")
        assert err == f"g287 claim: error: cannot write {target}: No such file or directory\n"

    def test_a_workbook_is_not_written_to_a_terminal(
        self, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """--format xlsx without --output, stdout a terminal, is a usage error (exit 2): a
        workbook's bytes would only garble the screen."""
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        code, out, err = run(capsys, "claim", "--example", "--format", "xlsx")
        assert (code, out) == (2, "")
        assert err == "g287 claim: error: --format xlsx is binary: give --output FILE\n"


class TestFormats:
    def test_html(self, capsys: Capsys) -> None:
        """--format html prints one HTML page with the claim total on it."""
        code, out, err = run(capsys, "claim", "--example", "--format", "html")
        assert (code, err) == (0, "")
        assert out.startswith("<!DOCTYPE html>")
        assert format_money(example_claim("FY2026 Q1").total) in out  # $113,018.52

    def test_xlsx_to_a_pipe(self, capsysbinary: CapsysBinary) -> None:
        """--format xlsx to a pipe writes a workbook that opens, its Summary giving the claim
        total."""
        assert main(["claim", "--example", "--format", "xlsx"]) == 0
        book = openpyxl.load_workbook(io.BytesIO(capsysbinary.readouterr().out))
        summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)}
        assert Decimal(repr(summary["claim total"])) == example_claim("FY2026 Q1").total


# --- every problem at once -----------------------------------------------------------------------

AMOUNT_COLUMNS = frozenset({"annual_salary", "salary", "benefits", "overtime"})
DATE_COLUMNS = frozenset({"trained_on", "separated_on", "period_start", "period_end"})
BOM = b"\xef\xbb\xbf"


def exported(column: str, cell: str) -> str:
    """A cell of the example as a US spreadsheet shows it: ``$68,400.00``, ``06/15/2025``,
    ``FY26 Q1``."""
    if column in AMOUNT_COLUMNS:
        return f"${Decimal(cell):,.2f}"
    if column in DATE_COLUMNS and cell:
        return dt.date.fromisoformat(cell).strftime("%m/%d/%Y")
    if column == "quarter":
        return cell.replace("FY20", "FY")
    return cell


def excel_export(folder: Path) -> None:
    """The example's files as Excel saves them as "CSV UTF-8" with semicolons: a byte-order
    mark, CRLF line ends, headers such as ``Officer ID`` and ``Annual Salary``, cells as
    :func:`exported` writes them, and an extra ``Employee Name`` column in the roster."""
    for name in EXAMPLE_FILES[:3]:
        with (example_dir() / name).open(encoding="utf-8", newline="") as stream:
            header, *rows = csv.reader(stream)
        named = name == "officers.csv"
        table = [
            [c.replace("_", " ").title().replace(" Id", " ID") for c in header]
            + ["Employee Name"] * named
        ]
        table += [
            [exported(c, cell) for c, cell in zip(header, row, strict=True)]
            + [f"Officer {row[0]}"] * named
            for row in rows
        ]
        text = "".join(";".join(row) + "\r\n" for row in table)
        (folder / name).write_bytes(BOM + text.encode())
    (folder / "agency.json").write_bytes(BOM + (example_dir() / "agency.json").read_bytes())


def edit_line(path: Path, number: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` on line ``number`` of an exported file."""
    lines = path.read_bytes().split(b"\r\n")
    assert old.encode() in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old.encode(), new.encode())
    path.write_bytes(b"\r\n".join(lines))


@pytest.fixture
def export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The example exported by Excel (:func:`excel_export`) into the working folder, as the
    ``--officers …`` options."""
    monkeypatch.chdir(tmp_path)
    excel_export(tmp_path)
    return [
        *("--officers", "officers.csv", "--payroll", "payroll.csv"),
        *("--leads", "leads.csv", "--agency", "agency.json"),
    ]


class TestExcelExport:
    def test_runs_in_one_go(self, capsys: Capsys, export: list[str]) -> None:
        """A realistic Excel export (BOM, CRLF, semicolons, $68,400.00, US dates, Officer ID
        headers, FY26 Q1) gives the claim in one run, the extra column named once in a note on
        stderr; the CSV report's claim total is the library's total of the same files, which is
        the example's."""
        code, out, err = run(capsys, "claim", *export, "--quarter", "FY26 Q1", "--format", "csv")
        assert code == 0
        assert err == "g287 claim: note: officers.csv: ignored the column 'Employee Name'\n"
        data = load_dataset(*(Path(name) for name in EXAMPLE_FILES))
        q = FiscalQuarter(2026, 1)
        claim = quarterly_claim(
            agency=data.agency,
            officers=data.officers,
            payroll=data.payroll,
            leads=data.lead_report(q),
            quarter=q,
        )
        rows = csv.DictReader(io.StringIO(out))
        totals = [Decimal(r["amount"]) for r in rows if r["record"] == "claim_total"]
        assert totals == [claim.total]
        assert claim.total == example_claim("FY2026 Q1").total


class TestEveryProblem:
    @pytest.mark.parametrize("command", ["claim", "check"])
    def test_three_bad_rows(self, capsys: Capsys, export: list[str], command: str) -> None:
        """An export with a bad row in each of three files prints the three problems, one a
        line as ``file:line: column: problem``, then the count; exit 1 and nothing computed."""
        edit_line(Path("officers.csv"), 3, "$68,500.00", "$68,50.00")
        edit_line(Path("payroll.csv"), 6, "11/29/2025", "11/31/2025")
        edit_line(Path("leads.csv"), 3, ";41;", ";41.5;")
        quarter = ["--quarter", "FY26 Q1"] if command == "claim" else []
        code, out, err = run(capsys, command, *export, *quarter)
        assert (code, out) == (1, "")
        assert err.splitlines() == [
            (
                "officers.csv:3: annual_salary: '$68,50.00' is not an amount; expected dollars "
                "and cents such as 1234.56 or $1,234.56"
            ),
            "payroll.csv:6: period_end: '11/31/2025' is not a day: November has 30 days",
            "leads.csv:3: located: '41.5' is not a whole number such as 45 or 1,200",
            f"g287 {command}: error: 3 problems in the input; nothing was computed",
        ]

    @pytest.mark.usefixtures("files")
    @pytest.mark.parametrize(
        ("bad_rows", "rest"), [(60, "10 more problems"), (51, "1 more problem")]
    )
    def test_at_most_fifty_listed(self, capsys: Capsys, bad_rows: int, rest: str) -> None:
        """Past 50 problems, the first 50 are listed and the rest counted."""
        rows = [f"X-{i},SWAT,2025-06-15,72000.00,\n" for i in range(bad_rows)]
        with Path("officers.csv").open("a", encoding="utf-8") as roster:
            roster.writelines(rows)
        code, _, err = run(capsys, *claim_argv())
        lines = err.splitlines()
        assert code == 1
        assert lines[0].startswith("officers.csv:12: model: 'SWAT'")
        assert lines[49].startswith("officers.csv:61: model: 'SWAT'")
        assert lines[50:] == [
            f"… and {rest}",
            f"g287 claim: error: {bad_rows} problems in the input; nothing was computed",
        ]


class TestCheck:
    def test_the_example(self, capsys: Capsys) -> None:
        """g287 check on good files exits 0 with one line: what was read."""
        assert run(capsys, "check", "--example") == (
            0,
            (
                "ok: agency HCSO, 10 officers, 237 pay records, lead reports for FY2026 Q1, "
                "FY2026 Q2, FY2026 Q3, FY2026 Q4\n"
            ),
            "",
        )

    def test_the_files_are_required(self, capsys: Capsys) -> None:
        """Without --example, g287 check needs the four files (a usage error, exit 2)."""
        code, out, err = run(capsys, "check", "--officers", "officers.csv")
        assert (code, out) == (2, "")
        assert err == (
            "g287 check: error: the following arguments are required without --example: "
            "--payroll, --leads, --agency\n"
        )


class TestTemplate:
    def test_the_templates_check(self, capsys: Capsys, tmp_path: Path) -> None:
        """g287 template DIR writes the four files; g287 check reads them as they are: an
        agency with no officers, pay records or lead reports yet (exit 0)."""
        folder = tmp_path / "new agency"
        code, out, err = run(capsys, "template", str(folder))
        assert (code, err) == (0, "")
        names = [folder / name for name in EXAMPLE_FILES]
        assert out.splitlines()[:4] == [f"wrote {path}" for path in names]
        argv = [f"--{option}={path}" for option, path in zip(g287.cli.INPUTS, names, strict=True)]
        assert run(capsys, "check", *argv) == (
            0,
            "ok: agency EXAMPLE, 0 officers, 0 pay records, lead reports for none\n",
            "",
        )

    def test_nothing_is_overwritten(
        self, capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """In a folder holding one of the four files, g287 template writes none of them: one
        line on stderr, exit 1."""
        monkeypatch.chdir(tmp_path)
        Path("ours").mkdir()
        Path("ours/agency.json").write_text("{}\n", encoding="utf-8")
        code, out, err = run(capsys, "template", "ours")
        assert (code, out) == (1, "")
        assert err == (
            "g287 template: error: agency.json exists in 'ours'; templates never overwrite a "
            "file (choose a new folder)\n"
        )
        assert os.listdir("ours") == ["agency.json"]
        assert Path("ours/agency.json").read_text(encoding="utf-8") == "{}\n"


# --- progress ------------------------------------------------------------------------------------


class TestProgress:
    #: What the example's payroll (237 rows) shows while it is read, with :meth:`small`.
    SHOWN = (
        f"\rreading {example_dir() / 'payroll.csv'}: 150 rows"
        f"\rreading {example_dir() / 'payroll.csv'}: 200 rows"
        f"\rreading {example_dir() / 'payroll.csv'}: 237 rows\n"
    )

    @pytest.fixture
    def small(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Progress shown from 150 rows on (in place of 100,000), reported every 50 rows (in
        place of 50,000), so that the example's files are small and large enough."""
        monkeypatch.setattr(g287.cli, "PROGRESS_ROWS", 150)
        monkeypatch.setattr(g287.dataio, "PROGRESS_EVERY", 50)

    @pytest.mark.usefixtures("small")
    def test_with_progress(self, capsys: Capsys) -> None:
        """With --progress, a file past the threshold (the payroll) shows its count on one line
        of stderr, rewritten in place and ended, with the whole count, once the file is read;
        a file under it (the roster's 10 rows) shows nothing; stdout is the report alone."""
        code, out, err = run(capsys, "claim", "--example", "--progress")
        assert (code, err) == (0, self.SHOWN)
        assert out == claim_table(example_claim("FY2026 Q1")) + "\n"

    @pytest.mark.usefixtures("small")
    def test_a_terminal_shows_progress(
        self, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without --progress, the line is shown when stderr is a terminal (g287 check too)."""
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        code, _, err = run(capsys, "check", "--example")
        assert (code, err) == (0, self.SHOWN)

    @pytest.mark.usefixtures("small")
    def test_nothing_when_not_a_terminal(self, capsys: Capsys) -> None:
        """Without --progress and with stderr not a terminal (a log file, a pipe), nothing
        is shown."""
        assert run(capsys, "claim", "--example")[::2] == (0, "")

    def test_small_files_never(self, capsys: Capsys) -> None:
        """Files under 100,000 rows show no progress, even with --progress."""
        assert run(capsys, "claim", "--example", "--progress")[::2] == (0, "")


# --- nothing unprintable reaches a terminal ------------------------------------------------------


def unprintable(text: str) -> set[str]:
    """The characters of ``text`` that do not print (line ends between lines aside): what a
    terminal would act on instead of showing."""
    return {c for line in text.split("\n") for c in line if not c.isprintable()}


#: A file name that, printed raw, would erase the line it is on and start a new one.
EVIL = "officers\x1b[2K\nCLAIM TOTAL (certified) $9,999,999.00.csv"
EVIL_SHOWN = r"officers\x1b[2K\nCLAIM TOTAL (certified) $9,999,999.00.csv"


class TestTerminalInjection:
    @pytest.mark.usefixtures("files")
    @pytest.mark.parametrize("bad_rows", [1, 2])
    def test_a_file_name_in_errors(self, capsys: Capsys, bad_rows: int) -> None:
        """A file name is data: in the problems found in the file (one, or a list of them) it
        is escaped."""
        roster = Path("officers.csv").read_text(encoding="utf-8").splitlines(keepends=True)
        for i in range(1, bad_rows + 1):
            roster[i] = roster[i].replace("TFM", "SWAT")
        Path(EVIL).write_text("".join(roster), encoding="utf-8")
        code, out, err = run(capsys, *claim_argv(officers=EVIL))
        assert (code, out) == (1, "")
        assert unprintable(err) == set()
        assert err.count(f"{EVIL_SHOWN}:") == bad_rows
        assert len(err.splitlines()) == (1 if bad_rows == 1 else bad_rows + 1)

    @pytest.mark.usefixtures("files")
    def test_a_file_name_in_a_note(self, capsys: Capsys) -> None:
        """A file name, and a column name, in a note about an ignored column are escaped."""
        roster = Path("officers.csv").read_text(encoding="utf-8").splitlines()
        rows = [roster[0] + ",\x1b]0;title\x07"] + [row + ",x" for row in roster[1:]]
        Path(EVIL).write_text("\n".join(rows) + "\n", encoding="utf-8")
        code, out, err = run(capsys, *claim_argv(officers=EVIL))
        assert code == 0
        assert unprintable(out + err) == set()
        assert err == f"g287 claim: note: {EVIL_SHOWN}: ignored the column '\\x1b]0;title\\x07'\n"

    @pytest.mark.usefixtures("files")
    @pytest.mark.parametrize("field", ["id", "name"])
    def test_an_agency_is_checked_at_input(self, capsys: Capsys, field: str) -> None:
        """An agency id or name holding an escape sequence and a line break is refused when
        the files are checked, shown escaped: it never reaches a report's header."""
        agency = json.loads(Path("agency.json").read_text(encoding="utf-8"))
        agency[field] = "HCSO\x1b[2K\nCLAIM TOTAL (certified)"
        Path("agency.json").write_text(json.dumps(agency), encoding="utf-8")
        code, out, err = run(capsys, "check", *claim_argv()[1:-2])  # without --quarter
        assert (code, out) == (1, "")
        assert unprintable(err) == set()
        assert err.startswith(f"g287 check: error: agency.json: {field}: 'HCSO\\x1b[2K\\nCLAIM")


# --- safe streams, in real processes -------------------------------------------------------------

#: The folder g287 was imported from, for the processes started here to import the same.
IMPORTED_FROM = str(Path(g287.__file__).parents[1])


def g287_process(
    *argv: str,
    stdout: Any = subprocess.PIPE,
    cwd: Path | None = None,
    environ: dict[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m g287 argv`` as its own process: its exit status, stdout and stderr."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    env |= {"PYTHONPATH": IMPORTED_FROM} | (environ or {})
    return subprocess.run(
        [sys.executable, "-m", "g287", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
        preexec_fn=preexec_fn,
        check=False,
    )


class TestSafeStreams:
    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    def test_a_full_disk(self) -> None:
        """stdout on a full disk (``> /dev/full``) is one line on stderr and exit 1, no
        traceback."""
        with open("/dev/full", "wb") as full:
            done = g287_process("claim", "--example", stdout=full)
        assert (done.returncode, done.stderr) == (
            1,
            b"g287 claim: error: cannot write stdout: No space left on device\n",
        )

    @pytest.mark.parametrize("encoding", ["ascii", "cp437", "latin-1"])
    def test_an_encoding_without_the_reports_characters(self, encoding: str) -> None:
        """With PYTHONIOENCODING naming an encoding that lacks the report's ¶ and quotation
        marks, the report is written in it with those characters as escapes: exit 0."""
        done = g287_process("claim", "--example", environ={"PYTHONIOENCODING": encoding})
        assert (done.returncode, done.stderr) == (0, b"")
        expected = claim_table(example_claim("FY2026 Q1")) + "\n"
        assert done.stdout == expected.encode(encoding, "backslashreplace")
        assert b"\\u201c" in done.stdout

    def test_an_error_in_ascii(self, tmp_path: Path) -> None:
        """An error naming a file called café.csv, on an ASCII stderr, escapes the é."""
        for name in EXAMPLE_FILES:
            shutil.copy(example_dir() / name, tmp_path / name)
        done = g287_process(
            *claim_argv(officers="café.csv"), cwd=tmp_path, environ={"PYTHONIOENCODING": "ascii"}
        )
        assert (done.returncode, done.stdout) == (1, b"")
        assert done.stderr == (
            b"g287 claim: error: caf\\xe9.csv: cannot read (No such file or directory)\n"
        )

    def test_a_file_size_limit(self, tmp_path: Path) -> None:
        """Under a file-size limit smaller than the report, --output leaves the old file as it
        was and no part of the new one: one line on stderr, exit 1."""

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

        (tmp_path / "claim.json").write_text("last quarter's claim\n", encoding="utf-8")
        # The child's coverage data would be cut short by the limit too: it is not measured.
        uncovered = {k: "" for k in os.environ if k.startswith("COVERAGE")}
        done = g287_process(
            *("claim", "--example", "--format", "json", "--output", "claim.json"),
            cwd=tmp_path,
            environ=uncovered,
            preexec_fn=limit,
        )
        assert (done.returncode, done.stdout, done.stderr) == (
            1,
            b"",
            b"g287 claim: error: cannot write claim.json: File too large\n",
        )
        assert os.listdir(tmp_path) == ["claim.json"]
        assert (tmp_path / "claim.json").read_text(encoding="utf-8") == "last quarter's claim\n"

    def test_a_lone_surrogate_in_the_agency_file(self, tmp_path: Path) -> None:
        """An agency name holding a lone surrogate (``"\\ud800"`` in its JSON), which no
        encoding can write, is refused in one clean line of UTF-8: exit 1, no traceback."""
        for name in EXAMPLE_FILES[:3]:
            shutil.copy(example_dir() / name, tmp_path / name)
        agency = json.loads((example_dir() / "agency.json").read_text(encoding="utf-8"))
        agency["name"] = "Harbor \ud800"
        (tmp_path / "agency.json").write_text(json.dumps(agency), encoding="ascii")
        done = g287_process(*claim_argv(), cwd=tmp_path)
        assert (done.returncode, done.stdout) == (1, b"")
        assert done.stderr.decode("utf-8").startswith(
            "g287 claim: error: agency.json: name: 'Harbor \\ud800' contains U+D800"
        )
        assert done.stderr.count(b"\n") == 1


# --- a reader that stops early -------------------------------------------------------------------


class TestBrokenPipe:
    def test_in_process(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """When stdout's reader has gone (``g287 claim --example | head -0``), main returns 1
        without a traceback and points stdout at the null device."""

        class Closed(io.StringIO):
            def __init__(self, fd: int) -> None:
                super().__init__()
                self.fd = fd

            def write(self, text: str) -> int:
                raise BrokenPipeError(32, "Broken pipe")

            def fileno(self) -> int:
                return self.fd

        fd = os.open(tmp_path / "stdout", os.O_WRONLY | os.O_CREAT)
        try:
            monkeypatch.setattr(sys, "stdout", Closed(fd))
            assert main(["claim", "--example"]) == 1
            assert os.path.samestat(os.fstat(fd), os.stat(os.devnull))
        finally:
            os.close(fd)

    def test_a_real_pipe(self) -> None:
        """A pipe whose reader is closed before the command writes (buffered output, as from a
        terminal's shell) ends with status 1 and nothing on stderr."""
        read, write = os.pipe()
        os.close(read)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        try:
            done = subprocess.run(
                [sys.executable, "-m", "g287", "claim", "--example"],
                stdout=write,
                stderr=subprocess.PIPE,
                env=env,
                check=False,
            )
        finally:
            os.close(write)
        assert (done.returncode, done.stderr) == (1, b"")


# --- filing a fiscal year (issue 14) --------------------------------------------------------------


def quarter_export(folder: Path, quarter: FiscalQuarter) -> str:
    """The example payroll's records overlapping ``quarter``, as a payroll export of that
    quarter alone; its file name."""
    with (example_dir() / "payroll.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    name = f"payroll-{str(quarter).replace(' ', '-')}.csv"
    with (folder / name).open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, list(rows[0]))
        writer.writeheader()
        start, end = quarter.start.isoformat(), quarter.end.isoformat()
        writer.writerows(r for r in rows if r["period_end"] >= start and r["period_start"] <= end)
    return name


def quarter_argv(quarter: FiscalQuarter, *extra: str) -> list[str]:
    """``g287 claim`` of ``quarter`` from that quarter's export (in the working folder)."""
    return [
        "claim",
        *("--officers", "officers.csv", "--leads", "leads.csv", "--agency", "agency.json"),
        *("--payroll", f"payroll-{str(quarter).replace(' ', '-')}.csv"),
        *("--quarter", str(quarter), *extra),
    ]


QUARTERS = tuple(g287.FiscalYear(2026).quarters())


class TestFilingAFiscalYear:
    @pytest.fixture(autouse=True)
    def exports(self, files: list[str]) -> None:
        """The example's files, and each quarter's payroll export, in the working folder."""
        for q in QUARTERS:
            quarter_export(Path(), q)

    def test_a_later_quarter_alone_is_refused(self, capsys: Capsys) -> None:
        """I-CAPYEAR: Q3 from Q3's export alone would guess how much of each cap was used:
        refused (exit 1), naming the officer and the days nothing covers."""
        code, out, err = run(capsys, *quarter_argv(QUARTERS[2]))
        assert (code, out) == (1, "")
        assert err.startswith(
            "g287 claim: error: T-01: eligible from 2025-10-01 but neither payroll nor prior "
            "filings cover 2025-10-01 to 2026-03-21;"
        )

    def test_a_statement_is_recorded_in_every_report(self, capsys: Capsys) -> None:
        """--assume-no-earlier-overtime claims it, and says so in the table and the CSV."""
        code, out, _ = run(capsys, *quarter_argv(QUARTERS[2], "--assume-no-earlier-overtime"))
        assert code == 0
        assert "STATED BY THE CLAIMANT" in out
        code, out, _ = run(
            capsys, *quarter_argv(QUARTERS[2], "--assume-no-earlier-overtime", "--format", "csv")
        )
        assert {r["assumed_no_earlier_overtime"] for r in csv.DictReader(io.StringIO(out))} == {
            "yes"
        }

    def test_priors_carry_the_cap(self, capsys: Capsys) -> None:
        """I-CAPYEAR: Q1 and Q2 filed from their exports (--output, JSON), then Q3 with --prior
        both gives the Q3 claim of the whole year's payroll, to the cent."""
        for q, prior in ((QUARTERS[0], []), (QUARTERS[1], ["q1.json"])):
            extra = [x for p in prior for x in ("--prior", p)]
            name = f"q{str(q)[-1]}.json"
            code, _, err = run(capsys, *quarter_argv(q, *extra, "--json", "--output", name))
            assert (code, err) == (0, "")
        code, out, _ = run(
            capsys, *quarter_argv(QUARTERS[2], "--prior", "q1.json", "--prior", "q2.json", "--json")
        )
        assert code == 0
        filed = loads(out, Claim)
        assert filed.total == example_claim("FY2026 Q3").total
        assert [f.period for f in filed.prior] == [QUARTERS[0].range, QUARTERS[1].range]

    def test_an_edited_prior_is_refused(self, capsys: Capsys) -> None:
        """A --prior document whose figures were edited (consistently, so it loads) is refused:
        a filing counts only once it recomputes from its inputs."""
        run(capsys, *quarter_argv(QUARTERS[0], "--json", "--output", "q1.json"))
        document = json.loads(Path("q1.json").read_text(encoding="utf-8"))
        payroll = document["data"]["payroll"]
        payroll["rows"][1][payroll["columns"].index("overtime")] = "9999.00"
        Path("q1.json").write_text(json.dumps(document), encoding="utf-8")
        code, _, err = run(capsys, *quarter_argv(QUARTERS[1], "--prior", "q1.json"))
        assert code == 1
        assert "--prior 'q1.json': " in err

    def test_a_correction_becomes_an_adjustment(self, capsys: Capsys) -> None:
        """I-ADJUST: after Q1 was filed, an adjustment record adds $5,000.00 of overtime to a
        fortnight of T-01's in Q1; Q2's claim carries +$5,000.00 as an adjustment row, and its
        claim total row includes it."""
        run(capsys, *quarter_argv(QUARTERS[0], "--json", "--output", "q1.json"))
        name = f"payroll-{str(QUARTERS[1]).replace(' ', '-')}.csv"
        text = Path(name).read_text(encoding="utf-8").splitlines()
        text[0] += ",adjustment"
        text = [text[0], *(f"{line}," for line in text[1:])]
        text.append("T-01,2025-10-05,2025-10-18,0.00,0.00,5000.00,yes")
        Path(name).write_text("\n".join(text) + "\n", encoding="utf-8")
        code, out, err = run(
            capsys, *quarter_argv(QUARTERS[1], "--prior", "q1.json", "--format", "csv")
        )
        assert (code, err) == (0, "")
        rows = list(csv.DictReader(io.StringIO(out)))
        adjustments = [r for r in rows if r["record"] == "adjustment"]
        assert [(r["officer_id"], r["adjusts"], r["amount"]) for r in adjustments] == [
            ("T-01", "2025-10-01 to 2025-12-31", "5000.00")
        ]
        summary = {r["record"]: Decimal(r["amount"]) for r in rows if r["record"] != "line"}
        assert summary["claim_total"] == example_claim("FY2026 Q2").total + Decimal("5000.00")

    def test_the_year(self, capsys: Capsys) -> None:
        """--fiscal-year claims the four quarters in order and prints the year's summary: its
        total is the four quarterly claims' totals added up."""
        code, out, err = run(capsys, "claim", "--example", "--fiscal-year", "FY2026")
        assert (code, err) == (0, "")
        total = sum((example_claim(str(q)).total for q in QUARTERS), Decimal(0))
        assert out.splitlines()[-1] == f"Year total {format_money(total)}"
        code, out, _ = run(capsys, "claim", "--example", "--fiscal-year", "FY26", "--json")
        assert loads(out, g287.FiscalYearClaims).total == total

    def test_the_year_as_csv(self, capsys: Capsys) -> None:
        """--fiscal-year --format csv writes one table: a row per quarter and the year's totals,
        then a row per officer and quarter (and the officer's year), each officer's quarters
        adding up to what the quarter reimburses, and the officers' years to the year's."""
        code, out, err = run(
            capsys, "claim", "--example", "--fiscal-year", "FY2026", "--format", "csv"
        )
        assert (code, err) == (0, "")
        rows = list(csv.DictReader(io.StringIO(out)))
        quarters = {r["quarter"]: r for r in rows if r["record"] == "quarter"}
        assert list(quarters) == [*map(str, QUARTERS), "year"]
        for q in QUARTERS:
            c = example_claim(str(q))
            assert Decimal(quarters[str(q)]["total"]) == c.total
            paid = [
                Decimal(r["total"])
                for r in rows
                if (r["record"], r["quarter"]) == ("officer", str(q))
            ]
            assert sum(paid) == c.reimbursement + c.adjustment
        years = [
            Decimal(r["total"]) for r in rows if (r["record"], r["quarter"]) == ("officer", "year")
        ]
        year = quarters["year"]
        assert sum(years) == Decimal(year["reimbursement"]) + Decimal(year["adjustment"])
        assert Decimal(year["total"]) == sum(example_claim(str(q)).total for q in QUARTERS)

    def test_one_officers_year(self, capsys: Capsys) -> None:
        """--fiscal-year with --explain prints the officer's trail in each quarter, in order."""
        code, out, _ = run(
            capsys, "claim", "--example", "--fiscal-year", "FY2026", "--explain", "T-01"
        )
        assert code == 0
        trails = [str(example_claim(str(q)).line("T-01").explanation) for q in QUARTERS]
        assert out == "\n\n".join(trails) + "\n"

    def test_the_year_verifies(self, capsys: Capsys) -> None:
        """A year's JSON document verifies: verify names its claims, fiscal year and policy."""
        run(capsys, "claim", "--example", "--fiscal-year", "FY2026", "--json", "--output", "y.json")
        code, out, err = run(capsys, "verify", "y.json")
        assert (code, err) == (0, "")
        assert out == (
            "verified: 4 quarterly claims of agency HCSO for FY2026 under 287(g) reimbursement"
            " and performance awards (DHS/ICE, 2025-09-18)\n"
        )

    def test_a_month(self, capsys: Capsys) -> None:
        """--month claims one calendar month: no award, and a third of the year's cap rules."""
        code, out, _ = run(capsys, "claim", "--example", "--month", "2025-11", "--json")
        assert code == 0
        c = loads(out, Claim)
        data = load_dataset(*(example_dir() / n for n in EXAMPLE_FILES))
        assert c == g287.claim(
            agency=data.agency, officers=data.officers, payroll=data.payroll, period=c.period
        )
        assert (c.name, c.award) == ("2025-11", None)

    def test_a_variant_is_named(self, capsys: Capsys) -> None:
        """--choose applies an interpretation's other option; the report names the variant."""
        code, out, _ = run(capsys, "claim", "--example", "--choose", "I-MODEL=all-models", "--json")
        assert code == 0
        c = loads(out, Claim)
        assert c.policy == POLICY.choose("I-MODEL", "all-models")
        assert c.total == Decimal("200637.17")
        code, out, _ = run(capsys, "claim", "--example", "--choose", "I-MODEL=all-models")
        assert "[I-MODEL=all-models]" in out.splitlines()[1]

    def test_a_policy_file(self, capsys: Capsys, tmp_path: Path) -> None:
        """--policy reads a policy document (as dumps writes one); an edited one is named
        unregistered in the report."""
        edited = g287.dumps(attrs.evolve(POLICY, name="Our reading"))
        (tmp_path / "policy.json").write_text(edited, encoding="utf-8")
        code, out, _ = run(capsys, "claim", "--example", "--policy", str(tmp_path / "policy.json"))
        assert code == 0
        assert "policy: Our reading [unregistered]" in out

    def test_one_officers_trail(self, capsys: Capsys) -> None:
        """--explain prints one officer's audit trail, and only it."""
        code, out, _ = run(capsys, "claim", "--example", "--explain", "T-01")
        assert code == 0
        assert out == str(example_claim("FY2026 Q1").line("T-01").explanation) + "\n"


class TestCycleCollector:
    @pytest.mark.parametrize("argv", [["claim", "--example"], ["claim", "--quarter", "FY1999 Q1"]])
    def test_off_for_the_run_and_as_it_was_after(self, capsys: Capsys, argv: list[str]) -> None:
        """A run does without the cycle collector (a national payroll's objects hold no cycle)
        and leaves it as it found it, on or off, whether the run succeeds or fails."""
        seen: list[bool] = []
        real = g287.cli._run

        def spy(*args: Any) -> int:
            seen.append(gc.isenabled())
            return real(*args)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(g287.cli, "_run", spy)
            assert gc.isenabled()
            run(capsys, *argv)
            assert gc.isenabled()
            gc.disable()
            try:
                run(capsys, *argv)
                assert not gc.isenabled()
            finally:
                gc.enable()
        assert seen == [False, False]
