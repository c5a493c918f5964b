"""The ``g287`` command: figures agree with the library, exit codes, and one-line errors.

The text the commands print is pinned once in ``tests/test_golden.py``; here ``--json`` output
is checked against the library's own figures, and the claim command against the library's claim.
Exit status: 0 done, 1 invalid input (one line on stderr), 2 usage (argparse's own).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
from g287.report import claim_csv, claim_table
from strategies import dec, fiscal_quarters, leads, salary_cents

Capsys = pytest.CaptureFixture[str]
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
            r"--payroll, --leads, --agency, --quarter$"
        ),
    ),
    (
        "quarter-missing",
        claim_argv()[:-2],  # without --quarter
        {},
        2,
        (
            r"g287 claim: error: the following arguments are required without --example: "
            r"--quarter$"
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
