"""Reading agency files: every problem is a DataError at ``file:line: column:``, worded exactly."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from g287 import FiscalQuarter
from g287.dataio import (
    DataError,
    load_dataset,
    read_agency,
    read_leads,
    read_officers,
    read_payroll,
)

OFFICERS = "officer_id,model,trained_on,annual_salary,separated_on\n"
PAYROLL = "officer_id,period_start,period_end,salary,benefits,overtime\n"
LEADS = "quarter,provided,located,assistance_satisfactory\n"
AGENCY = {"id": "A1", "name": "X", "agreement_date": "2025-07-01", "models": ["TFM"]}
OFFICER_COLUMNS = "['officer_id', 'model', 'trained_on', 'annual_salary', 'separated_on']"


def write(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` to ``folder/name`` and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def officers(text: str) -> Callable[[Path], object]:
    """A reader of a roster CSV with this text."""
    return lambda folder: read_officers(write(folder, "o.csv", text))


def payroll(text: str) -> Callable[[Path], object]:
    """A reader of a payroll CSV with this text."""
    return lambda folder: read_payroll(write(folder, "p.csv", text))


def leads(text: str) -> Callable[[Path], object]:
    """A reader of a lead-report CSV with this text."""
    return lambda folder: read_leads(write(folder, "l.csv", text))


def agency(text: str) -> Callable[[Path], object]:
    """A reader of an agency JSON file with this text."""
    return lambda folder: read_agency(write(folder, "a.json", text))


def agency_with(**fields: object) -> Callable[[Path], object]:
    """A reader of the base agency JSON with some fields replaced."""
    return agency(json.dumps({**AGENCY, **fields}))


CASES: list[tuple[str, Callable[[Path], object], str]] = [
    ("empty", officers(""), "o.csv:1: the file is empty; expected a header row"),
    (
        "unknown-column",
        officers("officer_id,model,trained_on,annual_salary,x\n"),
        (
            "o.csv:1: header ['officer_id', 'model', 'trained_on', 'annual_salary', 'x']; "
            f"expected the columns {OFFICER_COLUMNS} (unknown ['x'])"
        ),
    ),
    (
        "missing-column",
        officers("officer_id,model,trained_on\n"),
        (
            "o.csv:1: header ['officer_id', 'model', 'trained_on']; "
            f"expected the columns {OFFICER_COLUMNS} (missing ['annual_salary'])"
        ),
    ),
    (
        "repeated-column",
        officers("officer_id,model,trained_on,annual_salary,model\n"),
        (
            "o.csv:1: header ['officer_id', 'model', 'trained_on', 'annual_salary', 'model']; "
            f"expected the columns {OFFICER_COLUMNS}"
        ),
    ),
    (
        "short-row",
        officers(OFFICERS + "T-1,TFM,2025-08-01\n"),
        "o.csv:2: row has 3 fields; expected 5",
    ),
    (
        "empty-id",
        officers(OFFICERS + ",TFM,2025-08-01,78000,\n"),
        "o.csv:2: officer_id: is empty; expected an id",
    ),
    (
        "repeated-id",
        officers(OFFICERS + "T-1,TFM,2025-08-01,78000,\nT-1,TFM,2025-08-01,78000,\n"),
        "o.csv:3: officer_id: 'T-1' already appears on line 2",
    ),
    (
        "bad-model",
        officers(OFFICERS + "T-1,XYZ,2025-08-01,78000,\n"),
        "o.csv:2: model: 'XYZ' is not a 287(g) model; expected JEM, TFM or WSO",
    ),
    (
        "bad-date",
        officers(OFFICERS + "T-1,TFM,2025-13-01,78000,\n"),
        "o.csv:2: trained_on: '2025-13-01' is not a date; expected YYYY-MM-DD",
    ),
    (
        "negative-salary",
        officers(OFFICERS + "T-1,TFM,2025-08-01,-5,\n"),
        "o.csv:2: annual_salary: '-5' is negative; expected an amount >= 0",
    ),
    (
        "separated-before-trained",
        officers(OFFICERS + "T-1,TFM,2025-08-01,78000,2025-07-01\n"),
        (
            "o.csv:2: officer T-1: separated_on 2025-07-01 is before trained_on 2025-08-01; "
            "expected separation after training"
        ),
    ),
    (
        "bad-separation",
        officers(OFFICERS + "T-1,TFM,2025-08-01,78000,soon\n"),
        "o.csv:2: separated_on: 'soon' is not a date; expected YYYY-MM-DD",
    ),
    (
        "sub-cent-overtime",
        payroll(PAYROLL + "T-1,2025-10-01,2025-10-14,1,2,0.001\n"),
        "p.csv:2: overtime: '0.001' has fractions of a cent; expected whole cents",
    ),
    (
        "bad-benefits",
        payroll(PAYROLL + "T-1,2025-10-01,2025-10-14,1,x,0\n"),
        "p.csv:2: benefits: 'x' is not an amount; expected digits such as '1234.56'",
    ),
    (
        "backwards-record",
        payroll(PAYROLL + "T-1,2025-10-14,2025-10-01,1,2,0\n"),
        (
            "p.csv:2: pay record of T-1: end 2025-10-01 is before start 2025-10-14; "
            "expected end >= start"
        ),
    ),
    (
        "repeated-quarter",
        leads(LEADS + "FY2026 Q1,5,4,yes\nfy2026q1,5,4,no\n"),
        "l.csv:3: quarter: FY2026 Q1 already reported on line 2",
    ),
    (
        "maybe",
        leads(LEADS + "FY2026 Q1,5,4,maybe\n"),
        "l.csv:2: assistance_satisfactory: 'maybe' is not yes or no",
    ),
    (
        "bad-quarter",
        leads(LEADS + "FY2026 Q5,5,4,yes\n"),
        "l.csv:2: quarter: Invalid fiscal quarter: 'FY2026 Q5' (quarter must be 1-4)",
    ),
    (
        "more-located",
        leads(LEADS + "FY2026 Q1,4,5,yes\n"),
        (
            "l.csv:2: lead report FY2026 Q1: located 5 is more than provided 4; "
            "expected located <= provided"
        ),
    ),
    (
        "agency-fields",
        agency(json.dumps({"id": "A"})),
        (
            "a.json: expected an object with exactly the fields "
            "['id', 'name', 'agreement_date', 'models']"
        ),
    ),
    (
        "agency-list",
        agency("[]"),
        (
            "a.json: expected an object with exactly the fields "
            "['id', 'name', 'agreement_date', 'models']"
        ),
    ),
    ("agency-id", agency_with(id=5), "a.json: id: 5; expected a string"),
    ("agency-name", agency_with(name=None), "a.json: name: None; expected a string"),
    (
        "agency-date-type",
        agency_with(agreement_date=20250701),
        "a.json: agreement_date: 20250701; expected a string",
    ),
    (
        "agency-models",
        agency_with(models="TFM"),
        "a.json: models: 'TFM'; expected a list such as ['TFM']",
    ),
    (
        "agency-model-items",
        agency_with(models=[1]),
        "a.json: models: [1]; expected a list such as ['TFM']",
    ),
    (
        "agency-date",
        agency_with(agreement_date="July"),
        "a.json: agreement_date: 'July' is not a date; expected YYYY-MM-DD",
    ),
    (
        "agency-model",
        agency_with(models=["XX"]),
        "a.json: models: 'XX' is not a 287(g) model; expected JEM, TFM or WSO",
    ),
    (
        "agency-no-models",
        agency_with(models=[]),
        "a.json: models: []; expected one or more g287.Model",
    ),
    ("agency-blank-id", agency_with(id=" "), "a.json: id: ' ' is empty; expected text"),
]


class TestFileProblems:
    @pytest.mark.parametrize(
        ("read", "message"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
    )
    def test_message(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        read: Callable[[Path], object],
        message: str,
    ) -> None:
        """Each problem is a DataError with exactly this ``file:line: column: problem``."""
        monkeypatch.chdir(tmp_path)
        with pytest.raises(DataError) as info:
            read(Path())
        assert str(info.value) == message

    def test_unreadable_files(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A missing or non-UTF-8 file is a DataError naming the file."""
        monkeypatch.chdir(tmp_path)
        Path("bad.csv").write_bytes(b"\xff\xfe")
        Path("bad.json").write_bytes(b"\xff")
        for read, path, message in [
            (read_officers, "nope.csv", "nope.csv: cannot read (No such file or directory)"),
            (read_agency, "nope.json", "nope.json: cannot read (No such file or directory)"),
            (read_officers, "bad.csv", "bad.csv: not UTF-8 text"),
        ]:
            with pytest.raises(DataError) as info:
                read(path)
            assert str(info.value) == message
        with pytest.raises(DataError, match=r"^bad\.json: not UTF-8 text$"):
            read_agency("bad.json")
        with pytest.raises(DataError, match=r"^a\.json: not JSON \(Expecting property name"):
            read_agency(write(Path(), "a.json", "{"))

    @pytest.mark.parametrize("read", [read_officers, read_payroll, read_leads, read_agency])
    def test_nul_in_file_name(self, read: Callable[[str], object]) -> None:
        """A file name holding a NUL byte is a DataError quoting the name (so the NUL shows)."""
        with pytest.raises(DataError) as info:
            read("a\x00b")
        assert str(info.value) == "'a\\x00b': cannot read (embedded null byte)"

    def test_json_nested_too_deeply(self, tmp_path: Path) -> None:
        """JSON nested deeper than Python's parser goes is a DataError naming the file."""
        path = write(tmp_path, "a.json", "[" * 100_000 + "]" * 100_000)
        with pytest.raises(DataError) as info:
            read_agency(path)
        assert str(info.value) == f"{path}: JSON nested too deeply to read"


class TestAccepted:
    def test_blank_rows_bom_and_case(self, tmp_path: Path) -> None:
        """Blank rows are skipped, a byte-order mark is ignored and models are read case-blind."""
        path = write(
            tmp_path, "o.csv", "\ufeff" + OFFICERS + "\n , , , , \nT-1,tfm,2025-08-01,78000,\n"
        )
        (officer,) = read_officers(path)
        assert (officer.id, officer.model.value, str(officer.annual_salary)) == (
            "T-1",
            "TFM",
            "78000.00",
        )
        assert officer.separated_on is None

    def test_yes_and_no_spellings(self, tmp_path: Path) -> None:
        """I-ASSIST: yes/y/true/1 or empty mean satisfactory; no/n/false/0 do not; any case."""
        rows = [" Y ", "n", "TRUE", "0", "1", "false", "", "No"]
        text = LEADS + "".join(
            f"{q},5,4,{value}\n"
            for q, value in zip(
                [f"FY{y} Q{n}" for y in (2026, 2027) for n in (1, 2, 3, 4)], rows, strict=True
            )
        )
        reports = read_leads(write(tmp_path, "l.csv", text))
        assert [r.assistance_satisfactory for r in reports] == [
            True,
            False,
            True,
            False,
            True,
            False,
            True,
            False,
        ]

    def test_assistance_column_is_optional(self, tmp_path: Path) -> None:
        """Without the assistance column every report is satisfactory."""
        (report,) = read_leads(
            write(tmp_path, "l.csv", "quarter,provided,located\nFY2026 Q1,5,4\n")
        )
        assert report.assistance_satisfactory is True

    def test_agency_models_any_case(self, tmp_path: Path) -> None:
        """Agency models are read case-blind."""
        ag = read_agency(
            write(tmp_path, "a.json", json.dumps({**AGENCY, "models": ["tfm", "JEM"]}))
        )
        assert sorted(m.value for m in ag.models) == ["JEM", "TFM"]


class TestCrossChecks:
    def dataset(self, folder: Path, roster: str, pay: str) -> object:
        """Load a data set with this roster and payroll, the base agency and one lead report."""
        return load_dataset(
            write(folder, "o.csv", OFFICERS + roster),
            write(folder, "p.csv", PAYROLL + pay),
            write(folder, "l.csv", LEADS + "FY2026 Q1,5,4,yes\n"),
            write(folder, "a.json", json.dumps(AGENCY)),
        )

    def test_model_not_signed(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """An officer of a model the agency did not sign is reported at the roster line."""
        monkeypatch.chdir(tmp_path)
        with pytest.raises(DataError) as info:
            self.dataset(Path(), "T-1,TFM,2025-08-01,78000,\nJ-2,JEM,2025-08-01,50000,\n", "")
        assert str(info.value) == "o.csv:3: model: JEM is not among the models agency A1 signed"

    def test_not_on_roster(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A pay record of an unknown officer is reported at its line, blank lines counted."""
        monkeypatch.chdir(tmp_path)
        pay = "T-1,2025-10-01,2025-10-14,1,2,0\n\nX-9,2025-10-01,2025-10-14,1,2,0\n"
        with pytest.raises(DataError) as info:
            self.dataset(Path(), "T-1,TFM,2025-08-01,78000,\n", pay)
        assert str(info.value) == "p.csv:4: officer_id: 'X-9' is not in o.csv"

    def test_overlap(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Two records of one officer sharing a day are a double claim at the later one's line."""
        monkeypatch.chdir(tmp_path)
        pay = "T-1,2025-10-15,2025-10-28,1,2,0\nT-1,2025-10-01,2025-10-15,1,2,0\n"
        with pytest.raises(DataError) as info:
            self.dataset(Path(), "T-1,TFM,2025-08-01,78000,\n", pay)
        assert str(info.value) == (
            "p.csv:2: period_start: T-1's period 2025-10-15..2025-10-28 overlaps "
            "2025-10-01..2025-10-15 (a double claim)"
        )

    def test_adjacent_records_and_lead_lookup(self, tmp_path: Path) -> None:
        """Adjacent records are fine; a quarter without a report is a DataError naming it."""
        pay = "T-1,2025-10-15,2025-10-28,1,2,0\nT-1,2025-10-01,2025-10-14,1,2,0\n"
        data = load_dataset(
            write(tmp_path, "o.csv", OFFICERS + "T-1,TFM,2025-08-01,78000,\n"),
            write(tmp_path, "p.csv", PAYROLL + pay),
            write(tmp_path, "l.csv", LEADS + "FY2026 Q1,5,4,yes\n"),
            write(tmp_path, "a.json", json.dumps(AGENCY)),
        )
        assert len(data.payroll) == 2
        assert data.lead_report(FiscalQuarter(2026, 1)).provided == 5
        with pytest.raises(DataError) as info:
            data.lead_report(FiscalQuarter(2026, 2))
        assert str(info.value) == "leads: no lead report for FY2026 Q2"

    def test_lead_lookup_by_text(self, tmp_path: Path) -> None:
        """A quarter given as text, as everywhere else in g287, finds its report."""
        data = load_dataset(
            write(tmp_path, "o.csv", OFFICERS),
            write(tmp_path, "p.csv", PAYROLL),
            write(tmp_path, "l.csv", LEADS + "FY2026 Q1,5,4,yes\n"),
            write(tmp_path, "a.json", json.dumps(AGENCY)),
        )
        assert data.lead_report("FY2026 Q1").provided == 5


class TestCounts:
    @pytest.mark.parametrize(
        ("cell", "column", "shown"),
        [("\uff15,4", "provided", "'\uff15'"), ("5,-4", "located", "'-4'")],
    )
    def test_not_a_count(self, tmp_path: Path, cell: str, column: str, shown: str) -> None:
        """A count that is not ASCII digits is refused at its line and column, value quoted."""
        text = LEADS + f"FY2026 Q1,{cell},yes\n"
        with pytest.raises(DataError) as info:
            read_leads(write(tmp_path, "l.csv", text))
        assert str(info.value).startswith(
            f"{tmp_path / 'l.csv'}:2: {column}: {shown} is not a whole number"
        )

    def test_count_of_thousands_of_digits(self, tmp_path: Path) -> None:
        """A count of thousands of digits is a DataError at its line, not a crash; the message
        quotes its first 20 characters."""
        text = "quarter,provided,located\nFY2026 Q1," + "1" * 5000 + ",4\n"
        with pytest.raises(DataError) as info:
            read_leads(write(tmp_path, "l.csv", text))
        assert str(info.value) == (
            f"{tmp_path / 'l.csv'}:2: provided: '{'1' * 20}' is not a whole number "
            "from 0 to 1000000000"
        )

    @pytest.mark.parametrize("cell", ["1000000000", "0000000005"])
    def test_ten_digits_are_read(self, tmp_path: Path, cell: str) -> None:
        """Ten digits are read, up to MAX_COUNT itself (10**9)."""
        text = f"quarter,provided,located\nFY2026 Q1,{cell},4\n"
        (report,) = read_leads(write(tmp_path, "l.csv", text))
        assert report.provided == int(cell)

    def test_eleven_digits_are_refused(self, tmp_path: Path) -> None:
        """Eleven digits are refused even when they spell a small number."""
        text = "quarter,provided,located\nFY2026 Q1,00000000005,4\n"
        with pytest.raises(DataError) as info:
            read_leads(write(tmp_path, "l.csv", text))
        assert str(info.value) == (
            f"{tmp_path / 'l.csv'}:2: provided: '00000000005' is not a whole number "
            "from 0 to 1000000000"
        )
