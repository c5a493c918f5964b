"""The ``g287 claim`` command and the reports it prints (table, CSV, JSON)."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from g287 import Claim, FiscalQuarter, claim, loads, quarterly_claim
from g287.cli import main
from g287.dataio import Dataset, example_dir, load_dataset
from g287.money import format_money
from g287.report import LINE_COLUMNS, claim_csv, claim_rows, claim_table

FILES = ("officers.csv", "payroll.csv", "leads.csv", "agency.json")
QUARTER_TEXTS = [f"FY2026 Q{n}" for n in (1, 2, 3, 4)]
#: The award per quarter of the example, by hand: four task force officers eligible on each
#: quarter's last day (T-04 is trained 2026-01-20, T-05 leaves 2026-03-13) at $1,000 (45/50 =
#: 90%), $750 (41/50 = 82%), $500 (37/50 = 74%) and nothing (33/50 = 66%).
EXAMPLE_AWARDS = {
    "FY2026 Q1": "4000.00",
    "FY2026 Q2": "3000.00",
    "FY2026 Q3": "2000.00",
    "FY2026 Q4": "0.00",
}
MONEY_COLUMNS = [
    name for name, _ in LINE_COLUMNS if name not in {"officer_id", "model", "eligible_days"}
]


def example() -> Dataset:
    """The bundled example, read through the library."""
    folder = example_dir()
    return load_dataset(*(folder / name for name in FILES))


def library_claim(quarter: str = "FY2026 Q1") -> Claim:
    """The example's quarterly claim computed by the library directly."""
    data = example()
    q = FiscalQuarter.parse(quarter)
    return quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.lead_report(q),
        quarter=q,
    )


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``g287`` with ``args``; the exit status, stdout and stderr."""
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def copy_example(folder: Path) -> list[Path]:
    """The example's four files copied into ``folder``."""
    paths = []
    for name in FILES:
        shutil.copy(example_dir() / name, folder / name)
        paths.append(folder / name)
    return paths


def file_args(paths: list[Path], quarter: str = "FY2026 Q1") -> list[str]:
    """Command-line arguments naming the four files and a quarter."""
    officers, payroll, leads, agency = (str(p) for p in paths)
    return [
        "claim",
        "--officers",
        officers,
        "--payroll",
        payroll,
        "--leads",
        leads,
        "--agency",
        agency,
        "--quarter",
        quarter,
    ]


class TestExampleTable:
    def test_default_run_prints_the_q1_claim(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``g287 claim --example`` exits 0 and prints the agency, FY2026 Q1's lines and totals,
        and nothing on stderr."""
        status, out, err = run(["claim", "--example"], capsys)
        assert (status, err) == (0, "")
        expected = library_claim()
        assert out.startswith("Claim of agency HCSO for FY2026 Q1\n")
        assert "Period 2025-10-01 to 2025-12-31 (FY2026)" in out
        assert f"Policy fingerprint: {expected.policy_fingerprint}" in out
        for line in expected.lines:
            assert re.search(
                rf"^{line.officer_id}\s+{line.model.value}\s+{line.eligible_days}\s+"
                rf"{re.escape(format_money(line.salary))}\s.*{re.escape(format_money(line.total))}$",
                out,
                re.MULTILINE,
            ), line.officer_id
        total_row = next(row for row in out.splitlines() if row.startswith("TOTAL"))
        for value in (expected.salary, expected.benefits, expected.reimbursement):
            assert format_money(value) in total_row

    def test_the_award_is_4000_for_four_task_force_officers(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """R-AWD-1, I-HEAD: in FY2026 Q1, 45 of 50 leads (90%) earn $1,000 for each of the four
        task force officers eligible on 31 December: $4,000.00."""
        _, out, _ = run(["claim", "--example"], capsys)
        assert "Counted toward the award (I-HEAD): T-01, T-02, T-03, T-05" in out
        assert "FY2026 Q1 performance award: $4,000.00" in out
        assert "[R-AWD-1]" in out
        expected = library_claim()
        assert (
            f"Reimbursement {format_money(expected.reimbursement)} + award $4,000.00 = "
            f"claim total {format_money(expected.reimbursement + Decimal('4000'))}"
        ) in out

    @pytest.mark.parametrize("quarter", QUARTER_TEXTS)
    def test_quarter_override(self, quarter: str, capsys: pytest.CaptureFixture[str]) -> None:
        """--quarter picks any FY2026 quarter of the example; each award is hand-checked."""
        status, out, err = run(["claim", "--example", "--quarter", quarter], capsys)
        assert (status, err) == (0, "")
        assert out.startswith(f"Claim of agency HCSO for {quarter}\n")
        expected = library_claim(quarter)
        assert expected.award is not None
        assert expected.award.amount == Decimal(EXAMPLE_AWARDS[quarter])
        assert f"{quarter} performance award: {format_money(expected.award.amount)}" in out
        assert f"claim total {format_money(expected.total)}" in out

    def test_explicit_files_give_the_same_report(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Naming the example's four files gives the same output as --example."""
        _, by_example, _ = run(["claim", "--example", "--quarter", "FY2026 Q3"], capsys)
        status, by_files, err = run(file_args(copy_example(tmp_path), "fy2026 q3"), capsys)
        assert (status, err) == (0, "")
        assert by_files == by_example


class TestCsvFormat:
    @pytest.mark.parametrize("quarter", QUARTER_TEXTS)
    def test_csv_rows_total_to_the_library_claim(
        self, quarter: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format csv prints one row per officer, readable by csv.DictReader, whose amounts
        sum to the library's claim totals to the cent."""
        status, out, err = run(
            ["claim", "--example", "--quarter", quarter, "--format", "csv"], capsys
        )
        assert (status, err) == (0, "")
        rows = list(csv.DictReader(io.StringIO(out)))
        expected = library_claim(quarter)
        assert [r["officer_id"] for r in rows] == [line.officer_id for line in expected.lines]
        assert list(rows[0]) == [name for name, _ in LINE_COLUMNS]
        for name in ("salary", "benefits", "overtime_claimed", "overtime_reimbursed"):
            assert sum(Decimal(r[name]) for r in rows) == getattr(expected, name), name
        for name in ("overtime_over_cap", "not_eligible"):
            assert sum(Decimal(r[name]) for r in rows) == getattr(expected, name), name
        assert sum(Decimal(r["total"]) for r in rows) == expected.reimbursement
        for row, line in zip(rows, expected.lines, strict=True):
            assert int(row["eligible_days"]) == line.eligible_days
            assert row["model"] == line.model.value
            for name in MONEY_COLUMNS:
                assert Decimal(row[name]) == getattr(line, name)
                assert re.fullmatch(r"\d+\.\d\d", row[name]), row[name]


class TestJsonFormat:
    @pytest.mark.parametrize("quarter", QUARTER_TEXTS)
    def test_json_reads_back_to_the_library_claim(
        self, quarter: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format json prints a document that g287.loads turns into a Claim equal to the
        library's quarterly_claim on the example."""
        status, out, err = run(
            ["claim", "--example", "--quarter", quarter, "--format", "json"], capsys
        )
        assert (status, err) == (0, "")
        back = loads(out)
        assert isinstance(back, Claim)
        assert back == library_claim(quarter)


class TestErrors:
    def test_a_bad_row_exits_1_with_one_located_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bad amount on line 3 of the roster: exit 1, one stderr line ending in
        "officers.csv:3: annual_salary: …", nothing on stdout."""
        paths = copy_example(tmp_path)
        lines = paths[0].read_text(encoding="utf-8").splitlines()
        assert lines[2] == "T-02,TFM,2025-08-01,68500.00,"
        lines[2] = "T-02,TFM,2025-08-01,68500.0O,"
        paths[0].write_text("\n".join(lines) + "\n", encoding="utf-8")
        status, out, err = run(file_args(paths), capsys)
        assert status == 1
        assert out == ""
        assert err.endswith("\n")
        assert len(err.splitlines()) == 1
        assert re.fullmatch(
            rf"g287 claim: error: {re.escape(str(paths[0]))}:3: annual_salary: '68500\.0O' .+\n",
            err,
        )

    @pytest.mark.parametrize(
        ("name", "row", "where"),
        [
            (
                "payroll.csv",
                "T-01,2025-10-01,2025-10-04,1,1,1",
                r"payroll\.csv:\d+: period_start: ",
            ),
            ("payroll.csv", "Z-01,2026-10-05,2026-10-18,1,1,1", r"payroll\.csv:\d+: officer_id: "),
            ("leads.csv", "FY2026 Q1,5,4,yes", r"leads\.csv:6: quarter: "),
        ],
    )
    def test_cross_file_problems_exit_1(
        self,
        tmp_path: Path,
        name: str,
        row: str,
        where: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """An overlap, an unknown officer or a repeated quarter: exit 1, one located line."""
        paths = copy_example(tmp_path)
        target = tmp_path / name
        target.write_text(target.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
        status, out, err = run(file_args(paths), capsys)
        assert (status, out) == (1, "")
        assert len(err.splitlines()) == 1
        assert re.match(rf"g287 claim: error: .*{where}", err), err

    def test_a_quarter_without_a_lead_report_exits_1(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A quarter the leads file does not cover is invalid input (exit 1), not a crash."""
        status, out, err = run(["claim", "--example", "--quarter", "FY2027 Q1"], capsys)
        assert (status, out) == (1, "")
        assert err == "g287 claim: error: leads: no lead report for FY2027 Q1\n"

    def test_a_malformed_quarter_exits_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--quarter "FY2026 Q5" is invalid input (exit 1) naming the text."""
        status, out, err = run(["claim", "--example", "--quarter", "FY2026 Q5"], capsys)
        assert (status, out) == (1, "")
        assert "FY2026 Q5" in err
        assert len(err.splitlines()) == 1

    @pytest.mark.parametrize(
        ("args", "missing"),
        [
            (["claim"], "--officers, --payroll, --leads, --agency, --quarter"),
            (
                ["claim", "--officers", "o.csv", "--quarter", "FY2026 Q1"],
                "--payroll, --leads, --agency",
            ),
            (
                ["claim", "--officers", "o", "--payroll", "p", "--leads", "l", "--agency", "a"],
                "--quarter",
            ),
        ],
    )
    def test_missing_arguments_without_example_exit_2(
        self, args: list[str], missing: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --example the four files and --quarter are required: a usage error, exit 2,
        naming what is missing."""
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert f"required without --example: {missing}" in err

    def test_example_with_files_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--example with a file argument is refused (exit 2) rather than silently ignoring it."""
        with pytest.raises(SystemExit) as info:
            main(["claim", "--example", "--officers", "x.csv"])
        assert info.value.code == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert "--example uses the bundled files; do not also give --officers" in err

    def test_an_unknown_format_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format xml is refused by argparse with exit 2."""
        with pytest.raises(SystemExit) as info:
            main(["claim", "--example", "--format", "xml"])
        assert info.value.code == 2
        assert "invalid choice" in capsys.readouterr().err

    def test_a_missing_file_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A roster file that does not exist is reported by name (exit 1)."""
        paths = copy_example(tmp_path)
        paths[0].unlink()
        status, out, err = run(file_args(paths), capsys)
        assert (status, out) == (1, "")
        assert f"{paths[0]}: cannot read" in err


class TestReport:
    def test_rows_are_exact_values(self) -> None:
        """claim_rows gives one dict per line with Decimal amounts, int days and the model code."""
        expected = library_claim()
        rows = claim_rows(expected)
        assert len(rows) == len(expected.lines)
        for row, line in zip(rows, expected.lines, strict=True):
            assert list(row) == [name for name, _ in LINE_COLUMNS]
            assert row["model"] == line.model.value
            assert type(row["eligible_days"]) is int
            for name in MONEY_COLUMNS:
                assert type(row[name]) is Decimal
                assert row[name] == getattr(line, name)

    def test_csv_is_the_rows(self) -> None:
        """claim_csv writes claim_rows with a header, plain amounts and newline endings."""
        expected = library_claim("FY2026 Q2")
        text = claim_csv(expected)
        assert text.splitlines()[0] == ",".join(name for name, _ in LINE_COLUMNS)
        assert text.endswith("\n")
        assert "\r" not in text
        parsed = list(csv.DictReader(io.StringIO(text)))
        assert parsed == [{k: str(v) for k, v in row.items()} for row in claim_rows(expected)]

    def test_a_plain_claim_table_has_no_award_section(self) -> None:
        """A claim for a period (not a quarterly claim) is titled by its dates and shows no
        award."""
        data = example()
        c = claim(agency=data.agency, officers=data.officers, payroll=data.payroll, period="FY2026")
        table = claim_table(c)
        assert table.startswith("Claim of agency HCSO for 2025-10-01 to 2026-09-30\n")
        assert "performance award:" not in table
        assert "Counted toward the award" not in table
        assert "claim total" not in table
        totals = [line for line in table.splitlines() if line.startswith("TOTAL")]
        assert len(totals) == 1
        assert format_money(c.reimbursement) in totals[0]
        assert table.endswith(str(c.explanation))  # the claim's own audit trail closes it
        assert "R-SAL" in table
        assert "R-OT" in table

    def test_table_columns_line_up(self) -> None:
        """Every row of the table's grid is as wide as its header rule."""
        table = claim_table(library_claim())
        grid = table.split("\n\n")[1].splitlines()
        rule = grid[1]
        assert set(rule.replace(" ", "")) == {"-"}
        assert all(len(row) <= len(rule) for row in grid)
        assert max(len(row) for row in grid) == len(rule)


class TestClosedOutput:
    def test_a_reader_that_stops_early_is_not_a_traceback(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """When stdout's reader goes away (`g287 claim --example | head`), g287 exits 1 quietly."""
        read_end, write_end = os.pipe()
        os.close(read_end)
        with os.fdopen(write_end, "w") as closed:
            monkeypatch.setattr(sys, "stdout", closed)
            assert main(["claim", "--example", "--format", "json"]) == 1
