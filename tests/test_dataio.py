"""Reading an agency's files: the bundled example, and every problem located as file:line."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from g287 import (
    Agency,
    FiscalQuarter,
    FiscalYear,
    InvalidInputError,
    LeadReport,
    Model,
    Officer,
    PayRecord,
    claim,
    quarterly_claim,
)
from g287.dataio import (
    AGENCY_FIELDS,
    LEAD_COLUMNS,
    OFFICER_COLUMNS,
    PAYROLL_COLUMNS,
    DataError,
    Dataset,
    example_dir,
    load_dataset,
    read_agency,
    read_leads,
    read_officers,
    read_payroll,
)

D = dt.date
FILES = ("officers.csv", "payroll.csv", "leads.csv", "agency.json")

OFFICERS = """officer_id,model,trained_on,annual_salary,separated_on
T-1,TFM,2025-08-01,72000.00,
J-1,JEM,2025-09-15,61300.00,2026-03-31
"""
PAYROLL = """officer_id,period_start,period_end,salary,benefits,overtime
T-1,2025-09-21,2025-10-04,1400.00,140.00,14.00
T-1,2025-10-05,2025-10-18,2769.23,858.46,310.00
J-1,2025-10-05,2025-10-18,2357.69,730.88,150.00
"""
LEADS = """quarter,provided,located,assistance_satisfactory
FY2026 Q1,50,45,yes
FY2026 Q2,50,41,
"""
AGENCY = {
    "id": "A1",
    "name": "Test County",
    "agreement_date": "2025-08-15",
    "models": ["JEM", "TFM"],
}


def example() -> Dataset:
    """The bundled example data set."""
    folder = example_dir()
    return load_dataset(*(folder / name for name in FILES))


def write(folder: Path, **texts: str) -> list[Path]:
    """The four files of a small valid agency in ``folder``, with some replaced by ``texts``."""
    contents = {
        "officers.csv": OFFICERS,
        "payroll.csv": PAYROLL,
        "leads.csv": LEADS,
        "agency.json": json.dumps(AGENCY),
    }
    for key, text in texts.items():
        contents[key.replace("_", ".")] = text
    paths = []
    for name in FILES:
        path = folder / name
        path.write_text(contents[name], encoding="utf-8")
        paths.append(path)
    return paths


def problem(error: pytest.ExceptionInfo[DataError]) -> str:
    """The message of a DataError."""
    return str(error.value)


# --- the bundled example ------------------------------------------------------------------------


class TestExampleDataset:
    def test_the_example_folder_holds_the_four_files(self) -> None:
        """example_dir() is a real folder with the roster, payroll, leads and agency files."""
        folder = example_dir()
        assert folder.is_dir()
        assert sorted(p.name for p in folder.iterdir() if p.is_file()) == sorted(FILES)

    def test_counts(self) -> None:
        """Ten officers of all three models, four lead reports, a biweekly payroll."""
        data = example()
        assert isinstance(data.agency, Agency)
        assert data.agency.id == "HCSO"
        assert data.agency.models == frozenset(Model)
        assert len(data.officers) == 10
        assert len({o.id for o in data.officers}) == 10
        assert {o.model for o in data.officers} == set(Model)
        assert len(data.leads) == 4
        assert [str(r.quarter) for r in data.leads] == [f"FY2026 Q{n}" for n in (1, 2, 3, 4)]
        assert all(isinstance(r, PayRecord) for r in data.payroll)
        assert {(r.end - r.start).days + 1 for r in data.payroll} == {14}

    def test_lead_reports_fall_in_different_tiers(self) -> None:
        """Q1 earns R-AWD-1, Q2 R-AWD-2, Q3 R-AWD-3 and Q4 no tier."""
        data = example()
        tiers = []
        for report in data.leads:
            c = quarterly_claim(
                agency=data.agency,
                officers=data.officers,
                payroll=data.payroll,
                leads=report,
                quarter=report.quarter,
            )
            assert c.award is not None
            tiers.append(c.award.tier.rule_id if c.award.tier else None)
        assert tiers == ["R-AWD-1", "R-AWD-2", "R-AWD-3", None]

    def test_the_example_exercises_the_hard_cases(self) -> None:
        """A pay period straddles 2025-10-01, an officer is hired mid-year, one separates, and
        the model officers all completed training."""
        data = example()
        assert any(r.start < D(2025, 10, 1) <= r.end for r in data.payroll)
        assert any(o.trained_on > D(2025, 10, 1) for o in data.officers)
        assert any(o.separated_on is not None for o in data.officers)

    def test_one_officer_goes_over_the_cap_in_q4(self) -> None:
        """R-OT: T-03 (salary 81,250.00, cap 20,312.50) has overtime over the cap in FY2026 Q4,
        and nobody else does in the year."""
        data = example()
        q4 = claim(
            agency=data.agency,
            officers=data.officers,
            payroll=data.payroll,
            period=FiscalQuarter(2026, 4),
        )
        line = q4.line("T-03")
        assert line.cap == Decimal("20312.50")
        assert line.overtime_over_cap > 0
        assert line.cap_used == line.cap
        year = claim(
            agency=data.agency,
            officers=data.officers,
            payroll=data.payroll,
            period=FiscalYear(2026),
        )
        assert [line.officer_id for line in year.lines if line.overtime_over_cap > 0] == ["T-03"]

    def test_lead_report_lookup(self) -> None:
        """Dataset.lead_report finds a quarter's report and refuses a quarter without one."""
        data = example()
        assert data.lead_report(FiscalQuarter(2026, 2)) == LeadReport("FY2026 Q2", 50, 41)
        with pytest.raises(DataError, match="no lead report for FY2027 Q1"):
            data.lead_report(FiscalQuarter(2027, 1))

    def test_readers_agree_with_load_dataset(self) -> None:
        """The four readers give what load_dataset bundles."""
        folder = example_dir()
        data = example()
        assert read_officers(folder / "officers.csv") == data.officers
        assert read_payroll(str(folder / "payroll.csv")) == data.payroll
        assert read_leads(folder / "leads.csv") == data.leads
        assert read_agency(folder / "agency.json") == data.agency

    def test_column_constants(self) -> None:
        """The documented columns and fields are exported."""
        assert OFFICER_COLUMNS == (
            "officer_id",
            "model",
            "trained_on",
            "annual_salary",
            "separated_on",
        )
        assert PAYROLL_COLUMNS[:3] == ("officer_id", "period_start", "period_end")
        assert LEAD_COLUMNS[0] == "quarter"
        assert AGENCY_FIELDS == ("id", "name", "agreement_date", "models")


# --- reading valid files ------------------------------------------------------------------------


class TestReadingValidFiles:
    def test_a_small_dataset(self, tmp_path: Path) -> None:
        """Every column is parsed into exact values: dates, Decimal cents, models, yes/empty."""
        data = load_dataset(*write(tmp_path))
        assert data.agency == Agency(
            "A1",
            "Test County",
            D(2025, 8, 15),
            frozenset({Model.JAIL_ENFORCEMENT, Model.TASK_FORCE}),
        )
        assert data.officers == (
            Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), Decimal("72000.00")),
            Officer("J-1", Model.JAIL_ENFORCEMENT, D(2025, 9, 15), "61300", D(2026, 3, 31)),
        )
        assert data.payroll[0] == PayRecord(
            "T-1", D(2025, 9, 21), D(2025, 10, 4), "1400", "140", "14"
        )
        assert data.leads == (
            LeadReport("FY2026 Q1", 50, 45, True),
            LeadReport("FY2026 Q2", 50, 41, True),
        )

    def test_column_order_is_free_and_optional_columns_may_be_left_out(
        self, tmp_path: Path
    ) -> None:
        """Columns may come in any order; separated_on and assistance_satisfactory may be
        absent; blank lines, spaces and a byte-order mark are tolerated."""
        officers = tmp_path / "officers.csv"
        officers.write_text(
            "\ufeffannual_salary, model ,officer_id,trained_on\n\n 60000 ,tfm,T-9,2025-08-01\n",
            encoding="utf-8",
        )
        assert read_officers(officers) == (
            Officer("T-9", Model.TASK_FORCE, D(2025, 8, 1), "60000"),
        )
        leads = tmp_path / "leads.csv"
        leads.write_text("located,quarter,provided\n3,fy2026q3,4\n", encoding="utf-8")
        assert read_leads(leads) == (LeadReport("FY2026 Q3", 4, 3),)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("yes", True),
            ("Y", True),
            ("true", True),
            ("1", True),
            ("", True),
            ("no", False),
            ("N", False),
            ("FALSE", False),
            ("0", False),
        ],
    )
    def test_assistance_spellings(self, tmp_path: Path, text: str, expected: bool) -> None:
        """I-ASSIST: yes/no, true/false, 1/0 in any case; empty means satisfactory."""
        path = tmp_path / "leads.csv"
        path.write_text(f"{LEADS.splitlines()[0]}\nFY2026 Q1,5,4,{text}\n", encoding="utf-8")
        assert read_leads(path)[0].assistance_satisfactory is expected

    def test_header_only_files_are_empty(self, tmp_path: Path) -> None:
        """A file with a header and no rows gives no records."""
        path = tmp_path / "payroll.csv"
        path.write_text(PAYROLL.splitlines()[0] + "\n", encoding="utf-8")
        assert read_payroll(path) == ()


# --- problems, located --------------------------------------------------------------------------


class TestRowProblems:
    @pytest.mark.parametrize(
        ("row", "column", "detail"),
        [
            ("T-2,TFM,2025-08-01,72000.x,", "annual_salary", "is not an amount"),
            ("T-2,TFM,2025-08-01,-5,", "annual_salary", "negative"),
            ("T-2,TFM,2025-08-01,12.345,", "annual_salary", "fractions of a cent"),
            ("T-2,TFM,2025-08-01,,", "annual_salary", "not an amount"),
            ("T-2,TFM,2025-13-01,72000,", "trained_on", "is not a date; expected YYYY-MM-DD"),
            ("T-2,TFM,01/08/2025,72000,", "trained_on", "is not a date"),
            ("T-2,TFM,2025-08-01,72000,soon", "separated_on", "is not a date"),
            ("T-2,TASK,2025-08-01,72000,", "model", "is not a 287(g) model; expected JEM, TFM"),
            (",TFM,2025-08-01,72000,", "officer_id", "is empty"),
            ("T-1,TFM,2025-08-01,72000,", "officer_id", "'T-1' already appears on line 2"),
        ],
    )
    def test_bad_officer_rows(self, tmp_path: Path, row: str, column: str, detail: str) -> None:
        """A bad value on line 4 of officers.csv is reported as "file:4: column: problem"."""
        path = tmp_path / "officers.csv"
        path.write_text(OFFICERS + row + "\n", encoding="utf-8")
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert problem(info).startswith(f"{path}:4: {column}: ")
        assert detail in problem(info)
        assert isinstance(info.value, InvalidInputError)
        assert isinstance(info.value, ValueError)

    def test_bad_amount_on_line_3(self, tmp_path: Path) -> None:
        """The brief's example: a bad salary on line 3 starts "<file>:3: annual_salary:"."""
        path = tmp_path / "officers.csv"
        lines = OFFICERS.splitlines()
        lines[2] = "J-1,JEM,2025-09-15,61,300.00"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(DataError) as info:
            read_officers(path)
        # "61,300.00" splits into two fields: the row is too long.
        assert problem(info).startswith(f"{path}:3: ")
        lines[2] = "J-1,JEM,2025-09-15,61300.00.00,"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert problem(info).startswith(f"{path}:3: annual_salary: '61300.00.00'")

    def test_separation_before_training(self, tmp_path: Path) -> None:
        """A row whose officer cannot exist is reported at its line with the officer's id."""
        path = tmp_path / "officers.csv"
        path.write_text(OFFICERS + "T-2,TFM,2025-08-01,72000,2025-07-01\n", encoding="utf-8")
        with pytest.raises(DataError, match=r":4: officer T-2: separated_on 2025-07-01"):
            read_officers(path)

    @pytest.mark.parametrize(
        ("row", "column", "detail"),
        [
            ("T-1,2025-10-19,2025-11-01,1.001,0,0", "salary", "fractions of a cent"),
            ("T-1,2025-10-19,2025-11-01,0,x,0", "benefits", "not an amount"),
            ("T-1,2025-10-19,2025-11-01,0,0,-1", "overtime", "negative"),
            ("T-1,2025-10-32,2025-11-01,0,0,0", "period_start", "is not a date"),
            ("T-1,2025-10-19,,0,0,0", "period_end", "is not a date"),
            (",2025-10-19,2025-11-01,0,0,0", "officer_id", "is empty"),
        ],
    )
    def test_bad_payroll_rows(self, tmp_path: Path, row: str, column: str, detail: str) -> None:
        """A bad value on line 5 of payroll.csv is reported as "file:5: column: problem"."""
        path = tmp_path / "payroll.csv"
        path.write_text(PAYROLL + row + "\n", encoding="utf-8")
        with pytest.raises(DataError) as info:
            read_payroll(path)
        assert problem(info).startswith(f"{path}:5: {column}: ")
        assert detail in problem(info)

    def test_pay_period_ending_before_it_starts(self, tmp_path: Path) -> None:
        """A pay period whose end precedes its start is reported at its line."""
        path = tmp_path / "payroll.csv"
        path.write_text(PAYROLL + "T-1,2025-11-01,2025-10-19,0,0,0\n", encoding="utf-8")
        with pytest.raises(DataError, match=r":5: pay record of T-1: end 2025-10-19 is before"):
            read_payroll(path)

    @pytest.mark.parametrize(
        ("row", "column", "detail"),
        [
            ("FY2026 Q5,5,4,yes", "quarter", "FY2026 Q5"),
            ("2026Q3,5,4,yes", "quarter", "2026Q3"),
            ("FY2026 Q3,-5,4,yes", "provided", "not a whole number"),
            ("FY2026 Q3,5,4.0,yes", "located", "not a whole number"),
            ("FY2026 Q3,5,4,maybe", "assistance_satisfactory", "is not yes or no"),
            ("FY2026 Q1,5,4,yes", "quarter", "FY2026 Q1 already reported on line 2"),
            ("fy2026-q2,5,4,yes", "quarter", "FY2026 Q2 already reported on line 3"),
        ],
    )
    def test_bad_lead_rows(self, tmp_path: Path, row: str, column: str, detail: str) -> None:
        """A bad value on line 4 of leads.csv is reported as "file:4: column: problem"."""
        path = tmp_path / "leads.csv"
        path.write_text(LEADS + row + "\n", encoding="utf-8")
        with pytest.raises(DataError) as info:
            read_leads(path)
        assert problem(info).startswith(f"{path}:4: {column}: ")
        assert detail in problem(info)

    def test_located_more_than_provided(self, tmp_path: Path) -> None:
        """I-RATE: a lead row locating more people than ICE provided is reported at its line."""
        path = tmp_path / "leads.csv"
        path.write_text(LEADS + "FY2026 Q3,4,5,yes\n", encoding="utf-8")
        with pytest.raises(DataError, match=r":4: lead report FY2026 Q3: located 5 is more"):
            read_leads(path)

    def test_line_numbers_count_blank_lines(self, tmp_path: Path) -> None:
        """Blank lines are skipped but counted, so the line number is the file's."""
        path = tmp_path / "officers.csv"
        path.write_text(OFFICERS + "\n\n" + "T-2,TFM,2025-08-01,x,\n", encoding="utf-8")
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert problem(info).startswith(f"{path}:6: annual_salary: ")


class TestFileShapeProblems:
    @pytest.mark.parametrize(
        ("header", "detail"),
        [
            ("officer_id,model,trained_on,separated_on", "missing ['annual_salary']"),
            ("officer_id,model,trained_on,annual_salary,rank", "unknown ['rank']"),
            ("officer_id,model,model,trained_on,annual_salary", "header"),
            ("id,model,trained_on,annual_salary", "missing ['officer_id']"),
        ],
    )
    def test_bad_headers(self, tmp_path: Path, header: str, detail: str) -> None:
        """A missing, unknown or repeated column is reported at line 1 with the expected
        columns."""
        path = tmp_path / "officers.csv"
        path.write_text(header + "\nT-1,TFM,2025-08-01,1,\n", encoding="utf-8")
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert problem(info).startswith(f"{path}:1: header ")
        assert detail in problem(info)
        assert "expected the columns" in problem(info)

    @pytest.mark.parametrize(
        ("row", "count"),
        [("T-2,TFM,2025-08-01,72000", 4), ("T-2,TFM,2025-08-01,72000,,extra", 6)],
    )
    def test_wrong_field_count(self, tmp_path: Path, row: str, count: int) -> None:
        """A row with too few or too many fields is reported at its line."""
        path = tmp_path / "officers.csv"
        path.write_text(OFFICERS + row + "\n", encoding="utf-8")
        with pytest.raises(
            DataError, match=rf"^{re.escape(str(path))}:4: row has {count} fields; expected 5$"
        ):
            read_officers(path)

    @pytest.mark.parametrize("reader", [read_officers, read_payroll, read_leads])
    def test_empty_file(self, tmp_path: Path, reader: object) -> None:
        """An empty file is reported at line 1 as lacking a header row."""
        path = tmp_path / "empty.csv"
        path.write_text("", encoding="utf-8")
        with pytest.raises(DataError, match=rf"^{re.escape(str(path))}:1: the file is empty"):
            reader(path)  # type: ignore[operator]

    @pytest.mark.parametrize("reader", [read_officers, read_payroll, read_leads, read_agency])
    def test_missing_file(self, tmp_path: Path, reader: object) -> None:
        """A missing file is reported by name, and nothing is returned."""
        path = tmp_path / "nowhere.csv"
        with pytest.raises(DataError, match=rf"^{re.escape(str(path))}: cannot read"):
            reader(path)  # type: ignore[operator]

    def test_file_that_is_not_utf8(self, tmp_path: Path) -> None:
        """A file in another encoding is reported as not UTF-8."""
        path = tmp_path / "officers.csv"
        path.write_bytes(OFFICERS.encode("utf-8") + "T-É,TFM,2025-08-01,1,\n".encode("latin-1"))
        with pytest.raises(DataError, match=rf"^{re.escape(str(path))}: not UTF-8"):
            read_officers(path)

    def test_csv_errors_are_located(self, tmp_path: Path) -> None:
        """An error of the CSV reader itself (a field over its size limit) is reported with the
        file and line, in a row and in the header alike."""
        path = tmp_path / "officers.csv"
        path.write_text(OFFICERS + "T-2," + "x" * 200_000 + ",2025-08-01,1,\n", encoding="utf-8")
        with pytest.raises(
            DataError, match=rf"^{re.escape(str(path))}:4: field larger than field limit"
        ):
            read_officers(path)
        path.write_text("x" * 200_000 + "\n", encoding="utf-8")
        with pytest.raises(
            DataError, match=rf"^{re.escape(str(path))}:1: field larger than field limit"
        ):
            read_officers(path)


class TestCrossFileProblems:
    def test_unknown_officer_in_payroll(self, tmp_path: Path) -> None:
        """A pay record of someone not on the roster is reported at its payroll line."""
        paths = write(tmp_path, payroll_csv=PAYROLL + "X-9,2025-10-19,2025-11-01,1,1,1\n")
        with pytest.raises(DataError) as info:
            load_dataset(*paths)
        assert problem(info).startswith(f"{paths[1]}:5: officer_id: 'X-9' is not in ")

    def test_overlapping_payroll(self, tmp_path: Path) -> None:
        """Two overlapping pay periods of one officer (a double claim) are reported at the later
        one's line."""
        paths = write(tmp_path, payroll_csv=PAYROLL + "T-1,2025-10-18,2025-10-31,1,1,1\n")
        with pytest.raises(DataError) as info:
            load_dataset(*paths)
        message = problem(info)
        assert message.startswith(f"{paths[1]}:5: period_start: T-1's period ")
        assert "overlaps 2025-10-05..2025-10-18" in message

    def test_overlap_reported_whatever_the_row_order(self, tmp_path: Path) -> None:
        """Overlaps are found even when the overlapping rows are far apart and out of order."""
        rows = PAYROLL.splitlines()
        text = "\n".join([rows[0], "T-1,2025-10-10,2025-10-12,1,1,1", *rows[1:]]) + "\n"
        paths = write(tmp_path, payroll_csv=text)
        with pytest.raises(DataError, match="period_start: T-1's period"):
            load_dataset(*paths)

    def test_same_dates_for_different_officers_are_fine(self, tmp_path: Path) -> None:
        """Two officers paid for the same period are not an overlap."""
        data = load_dataset(*write(tmp_path))
        assert len(data.payroll) == 3

    def test_model_the_agency_did_not_sign(self, tmp_path: Path) -> None:
        """An officer of a model outside the agreement is reported at the roster line."""
        paths = write(tmp_path, officers_csv=OFFICERS + "W-1,WSO,2025-08-01,60000,\n")
        with pytest.raises(DataError) as info:
            load_dataset(*paths)
        assert problem(info).startswith(f"{paths[0]}:4: model: WSO is not among the models")

    def test_a_problem_in_any_file_stops_the_load(self, tmp_path: Path) -> None:
        """A bad leads file fails the whole load: no partial dataset."""
        paths = write(tmp_path, leads_csv=LEADS + "FY2026 Q3,x,1,\n")
        with pytest.raises(DataError, match=rf"^{re.escape(str(paths[2]))}:4: provided: "):
            load_dataset(*paths)


class TestAgencyFile:
    @pytest.mark.parametrize(
        ("text", "detail"),
        [
            ("{", "not JSON"),
            ("[]", "exactly the fields"),
            (json.dumps({**AGENCY, "state": "XX"}), "exactly the fields"),
            (json.dumps({k: v for k, v in AGENCY.items() if k != "models"}), "exactly the fields"),
            (json.dumps({**AGENCY, "id": 7}), "id: 7; expected a string"),
            (json.dumps({**AGENCY, "agreement_date": None}), "agreement_date: None"),
            (json.dumps({**AGENCY, "models": "TFM"}), "models: 'TFM'; expected a list"),
            (json.dumps({**AGENCY, "models": [1]}), "models: [1]; expected a list"),
            (json.dumps({**AGENCY, "models": []}), "models"),
            (json.dumps({**AGENCY, "name": "  "}), "name"),
        ],
    )
    def test_bad_agency_files(self, tmp_path: Path, text: str, detail: str) -> None:
        """Each malformed agency file is a DataError naming the file and the problem."""
        path = tmp_path / "agency.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DataError) as info:
            read_agency(path)
        assert problem(info).startswith(f"{path}: ")
        assert detail in problem(info)

    def test_bad_agreement_date_names_the_field(self, tmp_path: Path) -> None:
        """A malformed agreement date is reported with the field name, as every error names its
        field (DESIGN §3)."""
        path = tmp_path / "agency.json"
        path.write_text(json.dumps({**AGENCY, "agreement_date": "2025-02-30"}), encoding="utf-8")
        with pytest.raises(DataError) as info:
            read_agency(path)
        assert "'2025-02-30' is not a date" in problem(info)
        assert problem(info).startswith(f"{path}: agreement_date: ")

    def test_bad_model_names_the_field(self, tmp_path: Path) -> None:
        """An unknown model code is reported with the field name "models"."""
        path = tmp_path / "agency.json"
        path.write_text(json.dumps({**AGENCY, "models": ["TFM", "XYZ"]}), encoding="utf-8")
        with pytest.raises(DataError) as info:
            read_agency(path)
        assert "'XYZ' is not a 287(g) model" in problem(info)
        assert problem(info).startswith(f"{path}: models: ")

    def test_model_codes_in_any_case(self, tmp_path: Path) -> None:
        """Model codes are read case-insensitively."""
        path = tmp_path / "agency.json"
        path.write_text(json.dumps({**AGENCY, "models": ["tfm", "Wso"]}), encoding="utf-8")
        assert read_agency(path).models == frozenset(
            {Model.TASK_FORCE, Model.WARRANT_SERVICE_OFFICER}
        )

    def test_the_example_copied_elsewhere_reads_the_same(self, tmp_path: Path) -> None:
        """The loaders work on any folder, str or Path, not only the package's."""
        for name in FILES:
            shutil.copy(example_dir() / name, tmp_path / name)
        copied = load_dataset(*(str(tmp_path / name) for name in FILES))
        assert copied == example()
