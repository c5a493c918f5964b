"""Reading the four inputs from tables in memory: :meth:`g287.dataio.Dataset.from_records`.

Issue 15: "a claim built from the example's DataFrames equals the one from its files". A
DataFrame, or any iterable of mappings, is read by the file reader's own rules (loose headers,
``$1,234.56``, US dates, ignored columns noted) and cross-checked as files are, so the same data
gives the same :class:`~g287.dataio.Dataset` from memory as from files. A cell may hold a typed
value (a float, a NumPy integer, a ``Timestamp``, NaN), read as a workbook's cell is. A problem
reads ``payroll[row 12]: column: problem``, which is what a user sees: the refusals table pins
each message whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd  # type: ignore[import-untyped, unused-ignore]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import g287
from claim_strategies import Scenario, scenarios
from g287 import InvalidTypeError, LeadReport, Model, Officer, PayRecord
from g287.dataio import (
    MAX_PROBLEMS,
    DataError,
    Dataset,
    example_dir,
    load_dataset,
    read_agency,
)

D = dt.date
#: A naive datetime at midnight, as a spreadsheet's or pandas' date cell holds a day.
MIDNIGHT = dt.datetime(2025, 10, 1)  # noqa: DTZ001 - cells have no zone
EXAMPLE = example_dir()
TABLES = ("officers", "payroll", "leads")
Q1 = g287.FiscalQuarter(2026, 1)

#: A small valid agency as records: one officer, one pay record, one quarter's leads.
AGENCY = {"id": "A1", "name": "Test County", "agreement_date": "2025-07-01", "models": ["TFM"]}
OFFICER = {"officer_id": "T-1", "model": "TFM", "trained_on": "2025-08-01", "annual_salary": 78000}
PAY = {
    "officer_id": "T-1",
    "period_start": "2025-10-01",
    "period_end": "2025-10-14",
    "salary": "3000.00",
    "benefits": "1000.00",
    "overtime": "500.00",
}
LEADS = {"quarter": "FY2026 Q1", "provided": 50, "located": 45, "assistance_satisfactory": "yes"}
BASE: dict[str, Any] = {
    "agency": AGENCY,
    "officers": [OFFICER],
    "payroll": [PAY],
    "leads": [LEADS],
}
#: The small agency's officer and pay record, as the core builds them.
T1 = Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "78000")
T1_PAY = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "3000.00", "1000.00", "500.00")

NOT_AN_AMOUNT = "is not an amount; expected dollars and cents such as 1234.56 or $1,234.56"
NOT_A_DATE = "is not a date; expected YYYY-MM-DD or MM/DD/YYYY"
NOT_A_COUNT = "is not a whole number such as 45 or 1,200"
EMPTY_AMOUNT = "is empty; expected dollars and cents such as 1234.56 or $1,234.56"
HAS_A_TIME = "has a time of day; expected a date (or a datetime at midnight)"
NOT_A_MODEL = "is not a 287(g) model; expected JEM, TFM or WSO (or their names)"
#: The small agency's pay record, and a second one from its last day: a double claim.
OVERLAP = (
    "payroll[row 2]: period_start: T-1's pay records 2025-10-01 to 2025-10-14 "
    "and 2025-10-14 to 2025-10-14 overlap (a double claim); the other record is at "
    "payroll[row 1]"
)
PAYROLL_COLUMNS = (
    "expected the columns officer_id, period_start, period_end, salary, benefits, overtime "
    "(optional: adjustment) (any order, any case)"
)
NOT_A_TABLE = "expected a DataFrame \\(anything with .to_dict\\('records'\\)\\) or an iterable"


def read(**tables: Any) -> Dataset:
    """``from_records`` of the small agency, some tables replaced (``payroll=[...]``)."""
    return Dataset.from_records(**(BASE | tables))


def problems_of(**tables: Any) -> tuple[str, ...]:
    """The problems ``from_records`` reports for the small agency with some tables replaced."""
    with pytest.raises(DataError) as info:
        read(**tables)
    return info.value.problems


def pay(**cells: object) -> list[dict[str, object]]:
    """The small agency's payroll, its one record's cells replaced."""
    return [PAY | cells]


@pytest.fixture(scope="module")
def files() -> Dataset:
    """The bundled example, read from its files."""
    officers, payroll, leads = (EXAMPLE / f"{name}.csv" for name in TABLES)
    return load_dataset(officers, payroll, leads, EXAMPLE / "agency.json")


def example_agency() -> dict[str, Any]:
    """The example's ``agency.json``, as a dict."""
    agency: dict[str, Any] = json.loads((EXAMPLE / "agency.json").read_text(encoding="utf-8"))
    return agency


def example_frames(**read_csv: Any) -> dict[str, Any]:
    """The example's three CSV files read by ``pd.read_csv(path, **read_csv)``."""
    return {name: pd.read_csv(EXAMPLE / f"{name}.csv", **read_csv) for name in TABLES}


def q1_claim(data: Dataset) -> g287.Claim:
    """The data set's claim for FY2026 Q1."""
    return g287.quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.lead_report(Q1),
        quarter=Q1,
    )


class TestTheExample:
    def test_text_frames_read_as_the_files(self, files: Dataset) -> None:
        """Frames read with ``dtype=str`` hold the files' text, and give the files' data set."""
        frames = example_frames(dtype=str)
        assert Dataset.from_records(agency=example_agency(), **frames) == files

    def test_inferred_types_read_as_the_files(self, files: Dataset) -> None:
        """With the types pandas infers (float amounts, int counts, NaN blanks) nothing changes."""
        frames = example_frames()
        assert frames["payroll"]["salary"].dtype == np.float64
        assert frames["leads"]["provided"].dtype == np.int64
        assert Dataset.from_records(agency=example_agency(), **frames) == files

    def test_parsed_dates_read_as_the_files(self, files: Dataset) -> None:
        """Dates parsed into Timestamps (and NaT for an officer still serving) read as days."""
        dates = {
            "officers": ["trained_on", "separated_on"],
            "payroll": ["period_start", "period_end"],
            "leads": [],
        }
        frames = {
            name: pd.read_csv(EXAMPLE / f"{name}.csv", parse_dates=dates[name]) for name in TABLES
        }
        assert frames["officers"]["separated_on"].isna().any()
        assert Dataset.from_records(agency=example_agency(), **frames) == files

    def test_the_claim_is_the_files_claim(self, files: Dataset) -> None:
        """Issue 15's "Done when": the claim built from the DataFrames equals the files' one."""
        data = Dataset.from_records(agency=pd.DataFrame([example_agency()]), **example_frames())
        claim = q1_claim(data)
        assert claim == q1_claim(files)
        assert (claim.reimbursement, claim.total) == (Decimal("109018.52"), Decimal("113018.52"))

    def test_lists_of_dicts_read_as_the_files(self, files: Dataset) -> None:
        """Rows from :class:`csv.DictReader`, plain dicts of text, give the files' data set."""
        rows = {}
        for name in TABLES:
            with (EXAMPLE / f"{name}.csv").open(encoding="utf-8", newline="") as stream:
                rows[name] = list(csv.DictReader(stream))
        assert Dataset.from_records(agency=example_agency(), **rows) == files

    def test_a_generator_of_rows_is_read_once(self, files: Dataset) -> None:
        """A one-pass iterable (a generator of dicts) is read once, to the files' data set."""

        def rows(name: str) -> Iterator[dict[str, str]]:
            with (EXAMPLE / f"{name}.csv").open(encoding="utf-8", newline="") as stream:
                yield from csv.DictReader(stream)

        tables = {name: rows(name) for name in TABLES}
        assert Dataset.from_records(agency=example_agency(), **tables) == files

    def test_a_workbook_read_by_pandas_reads_as_the_workbook(
        self, tmp_path: Path, files: Dataset
    ) -> None:
        """A workbook of typed cells (date cells, numbers, empty cells), read by
        ``pd.read_excel``, gives what the file reader gives for the workbook itself."""
        paths = {name: write_workbook(tmp_path / f"{name}.xlsx", name) for name in TABLES}
        frames = {name: pd.read_excel(path) for name, path in paths.items()}
        assert frames["payroll"]["period_start"].dtype.kind == "M"  # read as Timestamps
        from_workbooks = load_dataset(
            paths["officers"], paths["payroll"], paths["leads"], EXAMPLE / "agency.json"
        )
        data = Dataset.from_records(agency=example_agency(), **frames)
        assert data == from_workbooks == files


def write_workbook(path: Path, name: str) -> Path:
    """The example's CSV file ``name`` as a workbook of typed cells: dates as date cells,
    amounts as numbers, counts as integers, empty cells as none."""
    with (EXAMPLE / f"{name}.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([typed(column, cell) for column, cell in zip(rows[0], row, strict=True)])
    book.save(path)
    return path


def typed(column: str, cell: str) -> object:
    """A CSV cell as the typed value a spreadsheet would hold."""
    if not cell:
        return None
    if column in {"trained_on", "separated_on", "period_start", "period_end"}:
        return D.fromisoformat(cell)
    if column in {"annual_salary", "salary", "benefits", "overtime"}:
        return float(cell)
    if column in {"provided", "located"}:
        return int(cell)
    return cell


class TestHeaders:
    def test_column_names_are_matched_loosely(self, files: Dataset) -> None:
        """``Officer ID``, ``PERIOD-START`` and ``Annual.Salary`` name the columns, as in a file."""
        frames = example_frames(dtype=str)
        frames["officers"] = frames["officers"].rename(
            columns={"officer_id": "Officer ID", "annual_salary": "Annual.Salary"}
        )
        frames["payroll"] = frames["payroll"].rename(
            columns={"period_start": "PERIOD-START", "overtime": " Overtime "}
        )
        assert Dataset.from_records(agency=example_agency(), **frames) == files

    def test_other_columns_are_ignored_and_noted(self) -> None:
        """A column g287 does not read is named once in the notes, and nothing in it is read."""
        data = read(
            officers=[OFFICER | {"Employee Name": "Pat Doe", "Badge": [1, 2]}],
        )
        assert data.officers == (T1,)
        assert data.notes == ("officers: ignored the columns 'Employee Name', 'Badge'",)

    def test_rows_may_have_different_keys(self) -> None:
        """The header is every key of every row: a row without one has an empty cell there."""
        left = {**OFFICER, "officer_id": "T-2", "separated_on": "2026-03-31"}
        data = read(officers=[OFFICER, left])
        assert [o.separated_on for o in data.officers] == [None, D(2026, 3, 31)]
        missing = {k: v for k, v in PAY.items() if k != "overtime"}
        later = PAY | {"period_start": "2025-10-15", "period_end": "2025-10-28"}
        assert problems_of(payroll=[later, missing]) == (
            f"payroll[row 2]: overtime: '' {EMPTY_AMOUNT}",
        )

    def test_empty_tables_have_no_rows(self) -> None:
        """An empty list, or a frame with its columns and no rows, is a table of no records."""
        frame = pd.DataFrame(columns=list(PAY))
        data = read(payroll=frame, leads=[])
        assert (data.officers, tuple(data.payroll), data.leads) == ((T1,), (), ())


class TestTheAgency:
    @pytest.mark.parametrize(
        "agency",
        [
            pytest.param(AGENCY, id="a dict, as agency.json holds it"),
            pytest.param(pd.DataFrame([AGENCY]), id="a one-row DataFrame"),
            pytest.param([AGENCY], id="a list of one row"),
            pytest.param(
                AGENCY | {"agreement_date": "07/01/2025", "models": (Model.TASK_FORCE,)},
                id="a US date, a tuple of Model",
            ),
            pytest.param(
                AGENCY | {"agreement_date": pd.Timestamp("2025-07-01"), "models": {"tfm"}},
                id="a Timestamp, a set of codes",
            ),
        ],
    )
    def test_accepted_forms(self, agency: object) -> None:
        """The agency is ``agency.json``'s object as a mapping, or a table of one row holding
        it; its date a date cell or a date, its ``models`` any collection of models."""
        assert read(agency=agency).agency == g287.Agency(
            "A1", "Test County", D(2025, 7, 1), {"TFM"}
        )

    def test_the_rules_of_agency_json(self, tmp_path: Path) -> None:
        """The agency in memory is read by ``agency.json``'s rules: an object that the file
        reader refuses is refused in memory too, with the same problem."""
        for agency in (
            AGENCY | {"Notes": "x"},
            {"ID" if k == "id" else k: v for k, v in AGENCY.items()},
            AGENCY | {"models": "TFM, JEM"},
            AGENCY | {"agreement_date": "2025-11-31"},
        ):
            (tmp_path / "a.json").write_text(json.dumps(agency), encoding="utf-8")
            with pytest.raises(DataError) as from_file:
                read_agency(tmp_path / "a.json")
            assert problems_of(agency=agency) == tuple(
                p.replace(str(tmp_path / "a.json"), "agency") for p in from_file.value.problems
            )


class TestCells:
    @pytest.mark.parametrize(
        "blank",
        [None, "", "  ", math.nan, np.nan, np.float32("nan"), Decimal("NaN"), pd.NaT, pd.NA],
        ids=repr,
    )
    def test_missing_values_are_empty_cells(self, blank: object) -> None:
        """None, NaN of any type, NaT and NA are an empty cell: no separation date here."""
        assert read(officers=[OFFICER | {"separated_on": blank}]).officers == (T1,)

    @pytest.mark.parametrize(
        "salary",
        [
            "3000",
            "$3,000.00",
            3000,
            3000.0,
            np.int64(3000),
            np.int32(3000),
            np.uint16(3000),
            np.float64(3000.0),
            np.float32(3000.0),
            Decimal("3000.00"),
            Decimal("3E+3"),
        ],
        ids=repr,
    )
    def test_numbers_of_every_type_are_amounts(self, salary: object) -> None:
        """Integers and floats of Python and NumPy, and Decimal, read exactly as amounts."""
        assert tuple(read(payroll=pay(salary=salary)).payroll) == (T1_PAY,)

    @pytest.mark.parametrize(
        ("value", "amount"),
        [
            (2769.23, "2769.23"),
            (0.1, "0.10"),
            (np.float64(1e-2), "0.01"),
            (np.float32(0.5), "0.50"),
        ],
        ids=repr,
    )
    def test_a_float_is_its_shortest_decimal(self, value: object, amount: str) -> None:
        """A float is read as the shortest decimal that is it, never through its binary digits."""
        assert read(payroll=pay(overtime=value)).payroll[0].overtime == Decimal(amount)

    @pytest.mark.parametrize(
        "count", [45, "45", np.int64(45), np.int8(45), np.uint32(45), "0045"], ids=repr
    )
    def test_integers_of_every_type_are_counts(self, count: object) -> None:
        """Counts are integers of any type, or their digits."""
        assert read(leads=[LEADS | {"located": count}]).leads == (
            LeadReport("FY2026 Q1", 50, 45, True),
        )

    @pytest.mark.parametrize(
        "day",
        [
            "2025-10-01",
            "10/01/2025",
            D(2025, 10, 1),
            MIDNIGHT,
            pd.Timestamp("2025-10-01"),
            np.datetime64("2025-10-01"),
        ],
        ids=repr,
    )
    def test_days_of_every_type(self, day: object) -> None:
        """A day is text, a date, or a datetime or Timestamp at midnight."""
        assert tuple(read(payroll=pay(period_start=day)).payroll) == (T1_PAY,)

    @pytest.mark.parametrize(
        ("value", "satisfactory"),
        [
            (True, True),
            (np.True_, True),
            ("Y", True),
            (1, True),
            (False, False),
            (np.False_, False),
        ],
        ids=repr,
    )
    def test_booleans_are_yes_and_no(self, value: object, satisfactory: bool) -> None:
        """``True``/``False`` (NumPy's too) read as ``yes``/``no``."""
        (report,) = read(leads=[LEADS | {"assistance_satisfactory": value}]).leads
        assert report.assistance_satisfactory is satisfactory

    @pytest.mark.parametrize("model", [Model.TASK_FORCE, "tfm", "Task Force Model"], ids=repr)
    def test_a_model_as_a_member_or_text(self, model: object) -> None:
        """A :class:`~g287.Model` is read as its code, like the text."""
        assert read(officers=[OFFICER | {"model": model}]).officers == (T1,)

    @pytest.mark.parametrize("flag", [True, np.True_, "yes"], ids=repr)
    def test_an_adjustment_may_be_negative(self, flag: object) -> None:
        """A row flagged as an adjustment (a recovery) may hold negative amounts, floats too."""
        recovery = PAY | {"salary": -250.0, "benefits": -80, "overtime": 0, "adjustment": flag}
        ordinary = PAY | {"adjustment": None}
        data = read(payroll=[ordinary, recovery])
        assert tuple(data.payroll) == (
            T1_PAY,
            PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "-250", "-80", "0", adjustment=True),
        )

    def test_empty_rows_and_comments_are_skipped_and_counted(self) -> None:
        """A row of empty cells and a row whose first cell starts with ``#`` are skipped, as in a
        file, and the rows after them keep their numbers."""
        blank = dict.fromkeys(PAY, math.nan)
        comment = PAY | {"officer_id": "# an example row"}
        assert tuple(read(payroll=[blank, comment, PAY]).payroll) == (T1_PAY,)
        assert problems_of(payroll=[blank, comment, PAY | {"salary": "x"}]) == (
            f"payroll[row 3]: salary: 'x' {NOT_AN_AMOUNT}",
        )


#: Each refusal: the tables changed, and the one problem reported, whole.
REFUSED = [
    pytest.param(
        {"payroll": pay(salary="1,23.4")},
        f"payroll[row 1]: salary: '1,23.4' {NOT_AN_AMOUNT}",
        id="amount separators",
    ),
    pytest.param(
        {"officers": [OFFICER | {"annual_salary": -5}]},
        "officers[row 1]: annual_salary: '-5' is negative; expected an amount >= 0",
        id="a negative amount",
    ),
    pytest.param(
        {"payroll": pay(salary=0.1 + 0.2)},
        "payroll[row 1]: salary: '0.30000000000000004' has fractions of a cent; "
        "expected whole cents",
        id="a float's noise",
    ),
    pytest.param(
        {"payroll": pay(overtime=1e-05)},
        "payroll[row 1]: overtime: '0.00001' has fractions of a cent; expected whole cents",
        id="a tiny float, in plain digits",
    ),
    pytest.param(
        {
            "payroll": [
                PAY,
                PAY | {"salary": -5000, "benefits": -5000, "overtime": 0, "adjustment": "yes"},
            ]
        },
        "payroll[row 2]: salary: the adjustment 2025-10-01 to 2025-10-14 of 'T-1' takes the "
        "salary of 2025-10-01 below zero; an adjustment may correct pay, not make it negative",
        id="a recovery of more than was paid, reported once for the row",
    ),
    pytest.param(
        {"payroll": pay(overtime=None)},
        f"payroll[row 1]: overtime: '' {EMPTY_AMOUNT}",
        id="an empty amount",
    ),
    pytest.param(
        {"payroll": pay(benefits=math.nan)},
        f"payroll[row 1]: benefits: '' {EMPTY_AMOUNT}",
        id="NaN as an amount",
    ),
    pytest.param(
        {"payroll": pay(benefits=math.inf)},
        f"payroll[row 1]: benefits: 'inf' {NOT_AN_AMOUNT}",
        id="an infinite amount",
    ),
    pytest.param(
        {"payroll": pay(overtime=[1, 2])},
        f"payroll[row 1]: overtime: '[1, 2]' {NOT_AN_AMOUNT}",
        id="a list in a cell",
    ),
    pytest.param(
        {"payroll": pay(salary=D(2025, 10, 1))},
        f"payroll[row 1]: salary: '2025-10-01' {NOT_AN_AMOUNT}",
        id="a date as an amount",
    ),
    pytest.param(
        {"payroll": pay(period_end=pd.Timestamp("2025-10-14 12:30"))},
        f"payroll[row 1]: period_end: '2025-10-14 12:30:00' {HAS_A_TIME}",
        id="a time of day",
    ),
    pytest.param(
        {"officers": [OFFICER | {"trained_on": "08/01/25"}]},
        "officers[row 1]: trained_on: '08/01/25' has a year of 2 digits; "
        "expected four (MM/DD/YYYY)",
        id="a two-digit year",
    ),
    pytest.param(
        {"officers": [OFFICER | {"trained_on": pd.NaT}]},
        "officers[row 1]: trained_on: '' is empty; expected a date",
        id="an empty date",
    ),
    pytest.param(
        {"payroll": pay(period_start=45931)},
        f"payroll[row 1]: period_start: '45931' {NOT_A_DATE}",
        id="a number as a date",
    ),
    pytest.param(
        {"leads": [LEADS | {"provided": 50.5}]},
        f"leads[row 1]: provided: '50.5' {NOT_A_COUNT}",
        id="a float not whole as a count",
    ),
    pytest.param(
        {"leads": [LEADS | {"located": np.float64(4.5)}]},
        f"leads[row 1]: located: '4.5' {NOT_A_COUNT}",
        id="a fraction as a count",
    ),
    pytest.param(
        {"leads": [LEADS | {"located": Fraction(9, 2)}]},
        f"leads[row 1]: located: '9/2' {NOT_A_COUNT}",
        id="a Fraction as a count",
    ),
    pytest.param(
        {"leads": [LEADS | {"assistance_satisfactory": pd.NA}]},
        "leads[row 1]: assistance_satisfactory: '' is not yes or no",
        id="an empty judgement",
    ),
    pytest.param(
        {"officers": [OFFICER | {"model": "XYZ"}]},
        f"officers[row 1]: model: 'XYZ' {NOT_A_MODEL}",
        id="an unknown model",
    ),
    pytest.param(
        {"payroll": [PAY, tuple(PAY.values())]},
        "payroll[row 2]: a tuple is not a record; "
        "expected a mapping of column names to values, such as a dict",
        id="a row not a mapping",
    ),
    pytest.param(
        {"payroll": [{k: v for k, v in PAY.items() if k != "benefits"}]},
        f"payroll: the header lacks 'benefits'; {PAYROLL_COLUMNS}",
        id="a missing column",
    ),
    pytest.param(
        {"payroll": pay(Salary="1.00")},
        f"payroll: the header names 'Salary' more than once; {PAYROLL_COLUMNS}",
        id="a column named twice",
    ),
    pytest.param(
        {"payroll": [PAY | {f"x{i}": 0 for i in range(995)}]},
        "payroll: the header has 1,001 columns; expected at most 1,000",
        id="too many columns",
    ),
    pytest.param(
        {"leads": [LEADS, LEADS]},
        "leads[row 2]: quarter: FY2026 Q1 is reported twice (also at leads[row 1])",
        id="a quarter twice",
    ),
    pytest.param(
        {"officers": [OFFICER, OFFICER | {"officer_id": "t-1"}]},
        "officers[row 2]: officer_id: 't-1' appears twice (as 'T-1' too) on the roster; "
        "ids are unique whatever their case",
        id="an id twice",
    ),
    pytest.param(
        {"payroll": pay(officer_id="T-9")},
        "payroll[row 1]: officer_id: 'T-9' of the pay record 2025-10-01 to 2025-10-14 "
        "is not on the roster",
        id="pay off the roster",
    ),
    pytest.param(
        {"payroll": [PAY, PAY | {"period_start": "2025-10-14"}]},
        OVERLAP,
        id="overlapping pay",
    ),
    pytest.param(
        {"officers": [OFFICER | {"model": "JEM"}]},
        "officers[row 1]: model: JEM of officer 'T-1' is not among the models "
        "agency 'A1' signed (TFM)",
        id="a model not signed",
    ),
    pytest.param(
        {"agency": [AGENCY, AGENCY]},
        "agency: has 2 rows; expected one, the agency's",
        id="two agencies",
    ),
    pytest.param({"agency": []}, "agency: has 0 rows; expected one, the agency's", id="no agency"),
    pytest.param(
        {"agency": [tuple(AGENCY.values())]},
        "agency[row 1]: a tuple is not a record; expected a mapping of column names to values, "
        "such as a dict",
        id="an agency row not a mapping",
    ),
    pytest.param(
        {"agency": AGENCY | {"models": []}},
        "agency: models: [] is empty; expected one or more models",
        id="no models",
    ),
    pytest.param(
        {"agency": AGENCY | {"models": ["TFM", "XYZ"]}},
        f"agency: models: 'XYZ' {NOT_A_MODEL}",
        id="an unknown model signed",
    ),
    pytest.param(
        {"agency": [AGENCY | {"agreement_date": "2025-11-31"}]},
        "agency[row 1]: agreement_date: '2025-11-31' is not a day: November has 30 days",
        id="an agreement's impossible day",
    ),
]


@pytest.mark.parametrize(("tables", "problem"), REFUSED)
def test_refused_with_its_place_and_reason(tables: dict[str, Any], problem: str) -> None:
    """Each refusal is one problem, ``table[row N]: column: problem``, rows counted from 1."""
    assert problems_of(**tables) == (problem,)


class TestNotATable:
    @pytest.mark.parametrize(
        ("table", "message"),
        [
            (42, "an int is not a table"),
            ("payroll.csv", "a str is not a table; .*; read files with load_dataset"),
            (EXAMPLE / "payroll.csv", "a PosixPath is not a table; .*; read files with"),
            (PAY, f"a dict is not a table; {NOT_A_TABLE}"),
            (pd.Series([1, 2]), f"a Series is not a table; {NOT_A_TABLE}"),
            (object(), f"an object is not a table; {NOT_A_TABLE}"),
        ],
        ids=["int", "text", "path", "one mapping", "Series", "object"],
    )
    def test_refused_at_once_as_a_type_error(self, table: object, message: str) -> None:
        """What is neither a DataFrame nor rows is refused before anything is read: a
        ``TypeError`` saying what it is and what a table is."""
        with pytest.raises(InvalidTypeError, match=f"^payroll: {message}") as info:
            read(payroll=table)
        assert isinstance(info.value, TypeError)
        assert info.value.field == "payroll"

    def test_a_to_dict_that_gives_no_rows(self) -> None:
        """An object whose ``to_dict("records")`` is not rows is refused the same way."""

        class Odd:
            def to_dict(self, orient: str) -> int:
                return 5

        with pytest.raises(InvalidTypeError, match=r"^leads: an Odd is not a table"):
            read(leads=Odd())


class TestEveryProblemAtOnce:
    def test_problems_of_every_table_together(self) -> None:
        """The problems of all four tables come in one error, table by table, then those across
        records."""
        officers = [OFFICER, OFFICER | {"officer_id": "T-2", "annual_salary": "$7,80"}]
        payroll = [PAY, PAY | {"period_start": "10/14/2025"}]
        assert problems_of(
            agency=AGENCY | {"agreement_date": "July 1"},
            officers=officers,
            payroll=payroll,
            leads=[LEADS | {"provided": "many"}],
        ) == (
            f"agency: agreement_date: 'July 1' {NOT_A_DATE}",
            f"officers[row 2]: annual_salary: '$7,80' {NOT_AN_AMOUNT}",
            f"leads[row 1]: provided: 'many' {NOT_A_COUNT}",
            OVERLAP,
        )

    def test_a_long_record_is_reported_against_each_it_overlaps(self) -> None:
        """A double claim is reported for every record that overlaps an earlier one, not only
        the next: a period spanning three others is named with each, at each one's row."""
        fortnights = [
            PAY | {"period_start": start, "period_end": end}
            for start, end in [
                ("2025-10-01", "2025-10-14"),
                ("2025-10-15", "2025-10-28"),
                ("2025-10-29", "2025-11-11"),
            ]
        ]
        long = PAY | {"period_start": "2025-10-10", "period_end": "2025-11-30"}
        assert [p.split(":")[0] for p in problems_of(payroll=[*fortnights, long])] == [
            "payroll[row 4]",
            "payroll[row 2]",
            "payroll[row 3]",
        ]

    def test_a_column_named_twice_in_a_frame_is_refused(self) -> None:
        """A DataFrame with two columns of one name is refused, as a file's header is: its
        records would hold only one of them, and the other's money would be lost unseen."""
        frame = pd.DataFrame([PAY | {"extra": "0.00"}])
        frame.columns = [*PAY, "overtime"]
        assert problems_of(payroll=frame) == (
            f"payroll: the header names 'overtime' more than once; {PAYROLL_COLUMNS}",
        )

    def test_a_comment_is_skipped_whatever_its_cells(self) -> None:
        """A row whose first cell starts with ``#`` is a comment, skipped whether or not its
        other cells would read (a note column first, here)."""
        rows = [{"note": "# checked", **PAY, "salary": salary} for salary in ("abc", "1.00")]
        assert tuple(read(payroll=[*rows, {"note": "", **PAY}]).payroll) == (T1_PAY,)

    def test_fifty_then_a_count(self) -> None:
        """Up to 50 problems are listed, then counted."""
        rows = [PAY | {"salary": "x"} for _ in range(MAX_PROBLEMS + 10)]
        with pytest.raises(DataError) as info:
            read(payroll=rows)
        assert info.value.count == MAX_PROBLEMS + 10
        assert len(info.value.problems) == MAX_PROBLEMS
        assert info.value.problems[-1] == f"payroll[row 50]: salary: 'x' {NOT_AN_AMOUNT}"
        assert str(info.value).endswith("\n… and 10 more problems")

    def test_rows_are_positions_not_index_labels(self) -> None:
        """A filtered and sorted frame's rows are counted by position: ``row 1`` is
        ``frame.iloc[0]``, whatever its index label."""
        frame = pd.DataFrame(
            [PAY | {"salary": "x"}, PAY, PAY | {"salary": "y"}], index=[10, 20, 30]
        ).iloc[::-1]
        frame = frame[frame["salary"] != "3000.00"]
        assert list(frame.index) == [30, 10]
        assert problems_of(payroll=frame) == (
            f"payroll[row 1]: salary: 'y' {NOT_AN_AMOUNT}",
            f"payroll[row 2]: salary: 'x' {NOT_AN_AMOUNT}",
        )


class Typing:
    """How a table in memory holds values: one type drawn per column, as a DataFrame's dtypes
    (or a hand-made list of dicts) would hold them."""

    def __init__(self, data: st.DataObject) -> None:
        self.draw = data.draw

    def column(self, *styles: Callable[[Any], object]) -> Callable[[Any], object]:
        """One of ``styles``, drawn for a column."""
        style: Callable[[Any], object] = self.draw(st.sampled_from(styles))
        return style

    def table(
        self, columns: dict[str, Callable[[Any], object]], rows: list[tuple[Any, ...]]
    ) -> Any:
        """The rows as a list of dicts or as a DataFrame, with the columns' values typed."""
        records = [
            {name: style(value) for (name, style), value in zip(columns.items(), row, strict=True)}
            for row in rows
        ]
        if self.draw(st.booleans()):
            return pd.DataFrame(records, columns=list(columns))
        return records

    def scenario(self, scenario: Scenario) -> dict[str, Any]:
        """The scenario's four tables, typed this way."""
        days = self.column(
            lambda d: d,
            D.isoformat,
            lambda d: f"{d:%m/%d/%Y}",
            pd.Timestamp,
            lambda d: dt.datetime.combine(d, dt.time()),
        )
        blank = self.column(lambda _: None, lambda _: math.nan, lambda _: pd.NaT, lambda _: "")
        money = self.column(lambda a: a, str, float, np.float64, lambda a: f"${a:,}")
        counts = self.column(lambda n: n, np.int64, np.int32, str)
        flags = self.column(lambda b: b, np.bool_, lambda b: "yes" if b else "no")
        models = self.column(lambda m: m, lambda m: m.value, lambda m: m.value.lower())
        officers = self.table(
            {
                "Officer ID": str,
                "Model": models,
                "trained_on": days,
                "annual_salary": money,
                "separated_on": lambda d: blank(d) if d is None else days(d),
            },
            [
                (o.id, o.model, o.trained_on, o.annual_salary, o.separated_on)
                for o in scenario.officers
            ],
        )
        payroll = self.table(
            {
                "officer_id": str,
                "period_start": days,
                "period_end": days,
                "salary": money,
                "benefits": money,
                "overtime": money,
                "adjustment": flags,
            },
            [
                (r.officer_id, r.start, r.end, r.salary, r.benefits, r.overtime, r.adjustment)
                for r in scenario.payroll
            ],
        )
        leads = self.table(
            {
                "quarter": str,
                "provided": counts,
                "located": counts,
                "assistance_satisfactory": flags,
            },
            [(r.quarter, r.provided, r.located, r.assistance_satisfactory) for r in scenario.leads],
        )
        a = scenario.agency
        agency = {
            "id": a.id,
            "name": a.name,
            "agreement_date": days(a.agreement_date),
            "models": [models(m) for m in sorted(a.models, key=str)],
        }
        return {"agency": agency, "officers": officers, "payroll": payroll, "leads": leads}


@settings(max_examples=40)  # four tables typed and read per example
@given(scenario=scenarios(max_officers=3), typing=st.data())
def test_any_typed_table_reads_the_same(scenario: Scenario, typing: st.DataObject) -> None:
    """Issue 15: DataFrames in, "with exactly the column and value rules of the file reader". A
    valid data set held in DataFrames or lists of dicts, each column in any type pandas or a
    caller may hold it in (text, Decimal, float, NumPy numbers, dates, Timestamps, NaN or NaT
    for an empty cell), reads to exactly that data set."""
    data = Dataset.from_records(**Typing(typing).scenario(scenario))
    assert data.agency == scenario.agency
    assert data.officers == scenario.officers
    assert tuple(data.payroll) == scenario.payroll
    assert data.leads == scenario.leads
