"""Reading an agency's files as payroll systems and spreadsheets export them.

What a county's export may look like (``Officer ID`` headers, ``$68,400.00``, ``10/01/2025``,
semicolons, CRLF, a byte-order mark, an ``.xlsx`` workbook) is read to the same exact values;
what would be a guess (``1,23.4``, a two-digit year, ``2025-11-31``) is refused. A problem is a
:class:`~g287.dataio.DataError` reading ``file:line: column: problem`` with the file's own line
numbers, and every problem of a run is reported at once. That wording is what a user sees from
``g287 claim`` and ``g287 check``: it is the contract, so the tables below pin each message whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pickle
import re
import shutil
import signal
import string
import sys
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import g287.dataio._sources
from claim_strategies import Scenario, scenarios
from g287 import (
    Agency,
    FiscalQuarter,
    InvalidInputError,
    LeadReport,
    Model,
    Officer,
    PayRecord,
)
from g287.dataio import (
    MAX_FILE_BYTES,
    MAX_LINE_BYTES,
    MAX_PROBLEMS,
    DataError,
    Dataset,
    example_dir,
    load_dataset,
    read_agency,
    read_leads,
    read_officers,
    read_payroll,
    write_templates,
)

D = dt.date
FILES = ("officers.csv", "payroll.csv", "leads.csv", "agency.json")

OFFICERS = "officer_id,model,trained_on,annual_salary,separated_on\n"
PAYROLL = "officer_id,period_start,period_end,salary,benefits,overtime\n"
LEADS = "quarter,provided,located,assistance_satisfactory\n"
AGENCY = {"id": "A1", "name": "Test County", "agreement_date": "2025-07-01", "models": ["TFM"]}

#: The payroll of the small agency below: one pay record of T-1.
BASE_PAYROLL = PAYROLL + "T-1,2025-10-01,2025-10-14,3000.00,1000.00,500.00\n"
#: A small valid agency, as the files o.csv, p.csv, l.csv and a.json.
BASE: dict[str, str | bytes] = {
    "o.csv": OFFICERS + "T-1,TFM,2025-08-01,78000,\n",
    "p.csv": BASE_PAYROLL,
    "l.csv": LEADS + "FY2026 Q1,50,45,yes\n",
    "a.json": json.dumps(AGENCY),
}

#: The officer most accepted variants below spell: T-1, Task Force Model, trained 2025-08-01.
T1 = Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "68400")
#: The lead report the quarter variants below spell.
Q1 = LeadReport("FY2026 Q1", 50, 45, True)

#: The message that ends every refused header.
EXPECTED_OFFICER_COLUMNS = (
    "expected the columns officer_id, model, trained_on, annual_salary "
    "(optional: separated_on) (any order, any case)"
)
NOT_AN_AMOUNT = "is not an amount; expected dollars and cents such as 1234.56 or $1,234.56"
NOT_A_DATE = "is not a date; expected YYYY-MM-DD or MM/DD/YYYY"
NOT_A_COUNT = "is not a whole number such as 45 or 1,200"
NOT_A_MODEL = "is not a 287(g) model; expected JEM, TFM or WSO (or their names)"
NOT_ASCII_ID = "expected ASCII letters, digits, '.', '_' and '-'"
UNIQUE_IDS = "ids are unique whatever their case"
YEAR_FROM_2000 = "(expected a year 2000-9999 as four digits, or two (FY26))"
SAVE_AS_UTF8 = 'save it as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8)'


def example() -> Dataset:
    """The bundled example data set."""
    return load_dataset(*(example_dir() / name for name in FILES))


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """``content`` written to ``folder/name`` (text as UTF-8, exactly as given); the path."""
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def load_base(
    folder: Path, progress: Callable[[str, int], object] | None = None, **texts: str | bytes
) -> Dataset:
    """``load_dataset`` of :data:`BASE` in ``folder``, some files replaced (``o_csv=...``)."""
    files = BASE | {name.replace("_", "."): text for name, text in texts.items()}
    paths = [write(folder, name, text) for name, text in files.items()]
    return load_dataset(*paths, progress=progress)


def roster(*rows: str, header: str = "officer_id,model,trained_on,annual_salary") -> str:
    """A roster's text: the header line, then the rows, each ended by a newline."""
    return "".join(f"{line}\n" for line in (header, *rows))


def stamp(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A spreadsheet's date cell: a datetime without a time zone, as workbooks hold them."""
    return dt.datetime(year, month, day, hour, minute)  # noqa: DTZ001 - cells have no zone


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail the test, rather than the run, if it blocks (a FIFO opened for reading waits for a
    writer forever): a SIGALRM after two seconds interrupts the wait."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("the read blocked")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, 2.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- the bundled example -------------------------------------------------------------------------


class TestExample:
    def test_the_folder_holds_the_four_files(self) -> None:
        """example_dir() is a folder holding the roster, payroll, leads and agency files."""
        assert sorted(p.name for p in example_dir().iterdir()) == sorted(FILES)

    def test_what_it_holds(self) -> None:
        """A fictional agency signed for every model: 10 officers of all three models, a
        biweekly payroll of 237 records, and a lead report for each quarter of FY2026."""
        data = example()
        assert data.agency.id == "HCSO"
        assert data.agency.models == frozenset(Model)
        assert len(data.officers) == 10
        assert {o.model for o in data.officers} == set(Model)
        assert len(data.payroll) == 237
        assert {r.period.days for r in data.payroll} == {14}
        assert [str(r.quarter) for r in data.leads] == [f"FY2026 Q{q}" for q in (1, 2, 3, 4)]
        assert data.notes == ()

    def test_the_readers_give_what_load_dataset_bundles(self) -> None:
        """Each reader, given a Path or a str, reads its file as load_dataset does."""
        folder, data = example_dir(), example()
        assert read_officers(folder / "officers.csv") == data.officers
        assert read_payroll(str(folder / "payroll.csv")) == data.payroll
        assert read_leads(folder / "leads.csv") == data.leads
        assert read_agency(folder / "agency.json") == data.agency

    def test_a_copy_elsewhere_reads_the_same(self, tmp_path: Path) -> None:
        """The readers work on any folder, not only the package's."""
        for name in FILES:
            shutil.copy(example_dir() / name, tmp_path / name)
        assert load_dataset(*(str(tmp_path / name) for name in FILES)) == example()


class TestLeadReport:
    def test_a_quarters_report(self) -> None:
        """Dataset.lead_report finds a quarter's report, given the quarter or its text in any
        of the spellings a period is read in."""
        data = example()
        expected = LeadReport("FY2026 Q2", provided=50, located=41)
        assert data.lead_report(FiscalQuarter(2026, 2)) == expected
        assert data.lead_report("fy2026 q2") == expected
        assert data.lead_report("FY26 Q2") == expected

    def test_a_quarter_without_a_report(self) -> None:
        """A quarter the file does not report is a DataError naming the quarter and the
        quarters that are reported."""
        with pytest.raises(DataError, match=r"^leads: no lead report for FY2027 Q1; .*FY2026 Q4"):
            example().lead_report("FY2027 Q1")


# --- reading valid files -------------------------------------------------------------------------


class TestReading:
    def test_every_column_is_read_exactly(self, tmp_path: Path) -> None:
        """Dates, Decimal cents, models, counts and yes/no are read into exact values."""
        data = load_base(
            tmp_path,
            o_csv=OFFICERS + "T-1,TFM,2025-08-01,78000,\nT-2,TFM,2025-09-15,61300.5,2026-03-31\n",
            l_csv=LEADS + "FY2026 Q1,50,45,yes\nFY2026 Q2,50,41,no\n",
        )
        assert data.agency == Agency("A1", "Test County", D(2025, 7, 1), [Model.TASK_FORCE])
        assert data.officers == (
            Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), Decimal("78000.00")),
            Officer("T-2", Model.TASK_FORCE, D(2025, 9, 15), Decimal("61300.50"), D(2026, 3, 31)),
        )
        assert tuple(data.payroll) == (
            PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "3000", "1000", "500"),
        )
        assert data.leads == (
            LeadReport("FY2026 Q1", 50, 45, True),
            LeadReport("FY2026 Q2", 50, 41, False),
        )
        assert data.notes == ()

    def test_layout_is_free(self, tmp_path: Path) -> None:
        """Columns come in any order, optional columns may be left out, and blank rows, spaces
        around values and the case of models and quarters do not matter."""
        path = write(
            tmp_path,
            "o.csv",
            "annual_salary, model ,officer_id,trained_on\n\n , , , \n 60000 ,tfm,T-9,2025-08-01\n",
        )
        assert read_officers(path) == (Officer("T-9", Model.TASK_FORCE, D(2025, 8, 1), "60000"),)
        text = "located,assistance_satisfactory,quarter,provided\n3,yes,fy2026q3,4\n"
        assert read_leads(write(tmp_path, "l.csv", text)) == (LeadReport("FY2026 Q3", 4, 3),)
        agency = write(tmp_path, "a.json", json.dumps(AGENCY | {"models": ["tfm", "Jem"]}))
        assert read_agency(agency).models == {Model.TASK_FORCE, Model.JAIL_ENFORCEMENT}

    @pytest.mark.parametrize(
        ("text", "satisfactory"),
        [
            ("yes", True),
            (" Y ", True),
            ("TRUE", True),
            ("1", True),
            ("no", False),
            ("n", False),
            ("False", False),
            ("0", False),
        ],
    )
    def test_assistance_spellings(self, tmp_path: Path, text: str, satisfactory: bool) -> None:
        """I-ASSIST: yes/y/true/1 mean satisfactory, no/n/false/0 not, in any case."""
        path = write(tmp_path, "l.csv", LEADS + f"FY2026 Q1,5,4,{text}\n")
        assert read_leads(path)[0].assistance_satisfactory is satisfactory

    @pytest.mark.parametrize(("cell", "count"), [("1000000000", 10**9), ("0000000005", 5)])
    def test_counts_of_up_to_ten_digits(self, tmp_path: Path, cell: str, count: int) -> None:
        """A count of up to ten digits is read, up to the largest count g287 takes (10**9)."""
        path = write(tmp_path, "l.csv", LEADS + f"FY2026 Q1,{cell},4,yes\n")
        assert read_leads(path)[0].provided == count

    def test_a_header_alone_is_no_records(self, tmp_path: Path) -> None:
        """A file with a header and no rows holds no records."""
        assert tuple(read_payroll(write(tmp_path, "p.csv", PAYROLL))) == ()

    def test_adjacent_pay_records_and_shared_dates(self, tmp_path: Path) -> None:
        """One officer's back-to-back records, in any order, and two officers paid for the same
        days are no double claim."""
        data = load_base(
            tmp_path,
            o_csv=OFFICERS + "T-1,TFM,2025-08-01,78000,\nT-2,TFM,2025-08-01,60000,\n",
            p_csv=PAYROLL
            + "T-1,2025-10-15,2025-10-28,1,2,0\n"
            + "T-1,2025-10-01,2025-10-14,1,2,0\n"
            + "T-2,2025-10-01,2025-10-14,1,2,0\n",
        )
        assert len(data.payroll) == 3


# --- what an export may look like ---------------------------------------------------------------


def crlf(text: str) -> str:
    """``text`` with Windows line endings."""
    return text.replace("\n", "\r\n")


BOM = b"\xef\xbb\xbf"

# (id, file name, content, what the file's reader returns). The reader follows from the name:
# o.csv is a roster, l.csv lead reports, a.json an agency.
ACCEPTED: list[tuple[str, str, str | bytes, object]] = [
    # headers: case folded; spaces, hyphens, dots (one or more) read as _
    (
        "header-words",
        "o.csv",
        roster("T-1,TFM,2025-08-01,68400", header="Officer ID,Model,Trained On,Annual Salary"),
        (T1,),
    ),
    (
        "header-upper",
        "o.csv",
        roster("T-1,TFM,2025-08-01,68400", header="OFFICER_ID,MODEL,TRAINED_ON,ANNUAL_SALARY"),
        (T1,),
    ),
    (
        "header-hyphens",
        "o.csv",
        roster("T-1,TFM,2025-08-01,68400", header="officer-id,model,trained-on,annual-salary"),
        (T1,),
    ),
    (
        "header-dots",
        "o.csv",
        roster("T-1,TFM,2025-08-01,68400", header="Officer.ID,Model,Trained.On,Annual.Salary"),
        (T1,),
    ),
    (
        "header-padded",
        "o.csv",
        roster("T-1,TFM,2025-08-01,68400", header=" Officer  ID ,model,trained__on,annual_salary"),
        (T1,),
    ),
    (
        "extra-column",
        "o.csv",
        roster(
            "T-1,TFM,2025-08-01,68400,Pat Doe",
            header="officer_id,model,trained_on,annual_salary,Employee Name",
        ),
        (T1,),
    ),
    # rows: a blank row and a comment (a first cell starting with #) are skipped
    (
        "comment-and-blank-rows",
        "o.csv",
        roster("# T-0,TFM,2025-08-01,68400", ",,,", "", "T-1,TFM,2025-08-01,68400", "  # done"),
        (T1,),
    ),
    # amounts: plain, or a $ and thousands separators in groups of three
    ("amount-whole", "o.csv", roster("T-1,TFM,2025-08-01,68400"), (T1,)),
    (
        "amount-one-decimal",
        "o.csv",
        roster("T-1,TFM,2025-08-01,68400.5"),
        (Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "68400.50"),),
    ),
    ("amount-dollars", "o.csv", roster('T-1,TFM,2025-08-01,"$68,400.00"'), (T1,)),
    ("amount-thousands", "o.csv", roster('T-1,TFM,2025-08-01,"68,400.00"'), (T1,)),
    (
        "amount-millions",
        "o.csv",
        roster('T-1,TFM,2025-08-01,"$1,234,567.89"'),
        (Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "1234567.89"),),
    ),
    ("amount-spaced", "o.csv", roster('T-1,TFM,2025-08-01," $ 68,400 "'), (T1,)),
    (  # a trailing separator makes an empty header cell: no column
        "header-empty-cell",
        "o.csv",
        roster("T-1,TFM,2025-08-01,68400,", header="officer_id,model,trained_on,annual_salary,"),
        (T1,),
    ),
    # dates: ISO, or US month/day/year with a four-digit year
    ("date-iso", "o.csv", roster("T-1,TFM,2025-08-01,68400"), (T1,)),
    ("date-us", "o.csv", roster("T-1,TFM,08/01/2025,68400"), (T1,)),
    ("date-us-one-digit", "o.csv", roster("T-1,TFM,8/1/2025,68400"), (T1,)),
    ("date-at-midnight", "o.csv", roster("T-1,TFM,2025-08-01 00:00:00,68400"), (T1,)),
    (
        "date-leap-day",
        "o.csv",
        roster("T-1,TFM,02/29/2024,68400"),
        (Officer("T-1", Model.TASK_FORCE, D(2024, 2, 29), "68400"),),
    ),
    # models: a code or a name, any case
    ("model-name", "o.csv", roster("T-1,Task Force Model,2025-08-01,68400"), (T1,)),
    ("model-short-name", "o.csv", roster("T-1,task force,2025-08-01,68400"), (T1,)),
    ("model-lower-code", "o.csv", roster("T-1,tfm,2025-08-01,68400"), (T1,)),
    # delimiters, line endings, byte-order mark
    (
        "semicolons",
        "o.csv",
        ("officer_id;model;trained_on;annual_salary\nT-1;TFM;2025-08-01;$68,400.00\n"),
        (T1,),
    ),
    (
        "tabs",
        "o.csv",
        ("Officer ID\tModel\tTrained On\tAnnual Salary\nT-1\tTFM\t08/01/2025\t68,400.00\n"),
        (T1,),
    ),
    ("crlf", "o.csv", crlf(roster('T-1,TFM,2025-08-01,"$68,400.00"')), (T1,)),
    ("bom", "o.csv", BOM + roster("T-1,TFM,2025-08-01,68400").encode(), (T1,)),
    (
        "excel-export",
        "o.csv",
        BOM
        + crlf(
            "Officer ID;Employee Name;Model;Trained On;Annual Salary;Separated On\n"
            "T-1;Pat Doe;Task Force Model;08/01/2025;$68,400.00;\n"
        ).encode(),
        (T1,),
    ),
    # fiscal quarters and counts in leads.csv
    ("quarter-fy26", "l.csv", LEADS + "FY26 Q1,50,45,yes\n", (Q1,)),
    ("quarter-fy2026", "l.csv", LEADS + "FY2026 Q1,50,45,yes\n", (Q1,)),
    ("quarter-hyphen", "l.csv", LEADS + "FY2026-Q1,50,45,yes\n", (Q1,)),
    ("quarter-bare", "l.csv", LEADS + "2026Q1,50,45,yes\n", (Q1,)),
    (
        "count-thousands",
        "l.csv",
        LEADS + 'FY2026 Q1,"1,200","1,080",yes\n',
        (LeadReport("FY2026 Q1", 1200, 1080),),
    ),
    (
        "count-as-a-float-writes-it",
        "l.csv",
        LEADS + 'FY2026 Q1,"1,200.0","1,045.00",yes\n',
        (LeadReport("FY2026 Q1", 1200, 1045),),
    ),
    # agency.json
    (
        "agency-bom",
        "a.json",
        BOM + json.dumps(AGENCY).encode(),
        Agency("A1", "Test County", D(2025, 7, 1), [Model.TASK_FORCE]),
    ),
    (
        "agency-us-date-and-names",
        "a.json",
        json.dumps(AGENCY | {"agreement_date": "07/01/2025", "models": ["Task Force Model"]}),
        Agency("A1", "Test County", D(2025, 7, 1), [Model.TASK_FORCE]),
    ),
]

READERS: dict[str, Callable[[Path], object]] = {
    "o.csv": read_officers,
    "l.csv": read_leads,
    "a.json": read_agency,
}


@pytest.mark.parametrize(
    ("name", "content", "expected"), [a[1:] for a in ACCEPTED], ids=[a[0] for a in ACCEPTED]
)
def test_exports_are_read(
    tmp_path: Path, name: str, content: str | bytes, expected: object
) -> None:
    """Each spelling a payroll system or a spreadsheet writes is read to the exact value the
    plain spelling gives."""
    assert READERS[name](write(tmp_path, name, content)) == expected


class TestIgnoredColumns:
    def test_an_empty_header_cell_is_not_noted(self, tmp_path: Path) -> None:
        """A trailing separator (an empty header cell over empty cells) is no column to note."""
        data = load_base(
            tmp_path,
            o_csv=roster(
                "T-1,TFM,2025-08-01,78000,", header="officer_id,model,trained_on,annual_salary,"
            ),
        )
        assert data.notes == ()

    def test_an_extra_column_is_named_once_in_the_notes(self, tmp_path: Path) -> None:
        """Columns g287 does not use are ignored, and the data set's notes name them once per
        file, as the header spells them."""
        data = load_base(
            tmp_path,
            o_csv=roster(
                "T-1,TFM,2025-08-01,78000,Pat Doe,7",
                "T-2,TFM,2025-08-01,78000,Sam Roe,8",
                header="Officer ID,Model,Trained On,Annual Salary,Employee Name,Badge",
            ),
        )
        assert [o.id for o in data.officers] == ["T-1", "T-2"]
        assert data.notes == (
            f"{tmp_path / 'o.csv'}: ignored the columns 'Employee Name', 'Badge'",
        )

    def test_a_long_list_of_ignored_columns_is_cut(self, tmp_path: Path) -> None:
        """Past ten ignored columns the note counts the rest rather than naming them."""
        extra = [f"c{i}" for i in range(15)]
        data = load_base(
            tmp_path,
            o_csv=roster(
                "T-1,TFM,2025-08-01,78000" + "," * 15,
                header="officer_id,model,trained_on,annual_salary," + ",".join(extra),
            ),
        )
        named = ", ".join(repr(c) for c in extra[:10])
        assert data.notes == (f"{tmp_path / 'o.csv'}: ignored the columns {named}, and 5 more",)


# --- .xlsx workbooks -----------------------------------------------------------------------------


class TestWorkbooks:
    @pytest.fixture(autouse=True)
    def _openpyxl(self) -> None:
        pytest.importorskip("openpyxl")

    @staticmethod
    def workbook(path: Path, *rows: list[object], sheets: int = 1) -> Path:
        """A workbook at ``path`` whose first sheet holds ``rows`` (and ``sheets - 1`` more
        sheets holding nonsense)."""
        import openpyxl

        book = openpyxl.Workbook()
        first = book.worksheets[0]
        for row in rows:
            first.append(row)
        for i in range(1, sheets):
            book.create_sheet(f"other {i}").append(["not", "a", "roster"])
        book.save(path)
        return path

    @staticmethod
    def edited(path: Path, old: bytes, new: bytes) -> Path:
        """A copy of the workbook at ``path`` (as ``edited.xlsx`` beside it) whose first sheet's
        XML has ``old`` replaced by ``new``: what other tools write, which openpyxl would not."""
        copy = path.with_name("edited.xlsx")
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    assert old in data
                    data = data.replace(old, new)
                target.writestr(item, data)
        return copy

    def test_cells_of_every_kind_are_read_exactly(self, tmp_path: Path) -> None:
        """Numbers as numeric cells and as text cells, dates as date cells and as text, and
        blank cells are read as their CSV spellings would be; only the first sheet is read."""
        path = self.workbook(
            tmp_path / "o.xlsx",
            ["Officer ID", "Model", "Trained On", "Annual Salary", "Separated On", "Name"],
            ["T-1", "TFM", stamp(2025, 8, 1), 68400, None, "Pat Doe"],
            ["T-2", "Task Force Model", "08/01/2025", "$68,400.50", "", None],
            ["T-3", "tfm", dt.date(2025, 8, 1), 61300.1, stamp(2026, 3, 31), None],
            [None, None, None, None, None, None],
            ["T-4", "TFM", "2025-08-01", "61,300.10", None, None],
            sheets=2,
        )
        assert read_officers(path) == (
            T1,
            Officer("T-2", Model.TASK_FORCE, D(2025, 8, 1), "68400.50"),
            Officer("T-3", Model.TASK_FORCE, D(2025, 8, 1), "61300.10", D(2026, 3, 31)),
            Officer("T-4", Model.TASK_FORCE, D(2025, 8, 1), "61300.10"),
        )

    def test_the_table_ends_at_the_header(self, tmp_path: Path) -> None:
        """Formatted but empty cells right of the header are no columns; a value right of the
        table is refused at its row, not dropped."""
        import openpyxl

        path = self.workbook(
            tmp_path / "o.xlsx",
            ["officer_id", "model", "trained_on", "annual_salary"],
            ["T-1", "TFM", "2025-08-01", 68400],
            ["T-2", "TFM", "2025-08-01", 68400, None, None, "stray"],
        )
        book = openpyxl.load_workbook(path)
        book.worksheets[0].cell(row=1, column=6).number_format = "0.00"
        book.worksheets[0].cell(row=2, column=8).number_format = "0.00"
        book.save(path)
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert str(info.value) == f"{path}:3: the row has 7 fields; expected 4"

    def test_a_workbook_among_csv_files(self, tmp_path: Path) -> None:
        """load_dataset takes any of its tables as a workbook, as the CSV would give."""
        pay = self.workbook(
            tmp_path / "p.xlsx",
            ["officer_id", "period_start", "period_end", "salary", "benefits", "overtime"],
            ["T-1", stamp(2025, 10, 1), stamp(2025, 10, 14), 3000, "1,000.00", 500],
        )
        leads = self.workbook(
            tmp_path / "l.xlsx",
            ["Quarter", "Provided", "Located", "Assistance Satisfactory"],
            ["FY26 Q1", 50, 45, True],
        )
        csv_data = load_base(tmp_path)
        data = load_dataset(tmp_path / "o.csv", pay, leads, tmp_path / "a.json")
        assert (data.payroll, data.leads) == (csv_data.payroll, csv_data.leads)

    def test_problems_name_the_sheet_row(self, tmp_path: Path) -> None:
        """A workbook's problems are located by spreadsheet row, leading empty rows counted; a
        date cell holding a time of day is not a day."""
        path = self.workbook(
            tmp_path / "o.xlsx",
            [None],
            ["officer_id", "model", "trained_on", "annual_salary"],
            ["T-1", "TFM", stamp(2025, 8, 1, 12, 30), "72k"],
        )
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert info.value.problems == (
            (
                f"{path}:3: trained_on: '2025-08-01 12:30:00' has a time of day; expected a date "
                "(or a datetime at midnight)"
            ),
            f"{path}:3: annual_salary: '72k' {NOT_AN_AMOUNT}",
        )

    def test_a_stale_sheet_dimension_loses_nothing(self, tmp_path: Path) -> None:
        """A workbook whose stored sheet size is out of date (tools that write XML directly
        leave it so) is read whole: no row or column is dropped without a word."""
        good = self.workbook(
            tmp_path / "good.xlsx",
            ["officer_id", "model", "trained_on", "annual_salary", "separated_on"],
            ["T-1", "TFM", "2025-08-01", 68400, None],
            ["T-2", "TFM", "2025-08-01", 68400, "2026-03-31"],
        )
        stale = self.edited(good, b'<dimension ref="A1:E3"', b'<dimension ref="A1:D2"')
        assert read_officers(stale) == read_officers(good)

    def test_a_number_is_read_exactly_never_rounded(self, tmp_path: Path) -> None:
        """A number cell holding a computed amount's binary noise (0.1 + 0.2) is read digit for
        digit, and so refused as fractions of a cent rather than rounded to 0.30."""
        good = self.workbook(
            tmp_path / "good.xlsx",
            ["officer_id", "model", "trained_on", "annual_salary"],
            ["T-1", "TFM", "2025-08-01", 68400],
        )
        noisy = self.edited(good, b"<v>68400</v>", b"<v>0.30000000000000004</v>")
        with pytest.raises(DataError) as info:
            read_officers(noisy)
        assert str(info.value) == (
            f"{noisy}:2: annual_salary: '0.30000000000000004' has fractions of a cent; "
            "expected whole cents"
        )

    def test_not_a_workbook(self, tmp_path: Path) -> None:
        """A file named .xlsx that is no workbook, or whose first sheet is empty, is refused."""
        bad = write(tmp_path, "bad.xlsx", "officer_id,model\n")
        with pytest.raises(DataError, match=r"bad\.xlsx: is not a readable \.xlsx workbook"):
            read_officers(bad)
        empty = self.workbook(tmp_path / "empty.xlsx")
        with pytest.raises(DataError, match=r"empty\.xlsx:1: the first sheet is empty"):
            read_officers(empty)

    def test_without_the_excel_extra(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without openpyxl a workbook is refused with the extra to install."""
        path = self.workbook(tmp_path / "o.xlsx", ["officer_id"], ["T-1"])
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert str(info.value) == (
            f"{path}: reading .xlsx files needs the excel extra: pip install 'g287[excel]'"
        )


# --- what is refused, and the message ------------------------------------------------------------


# The reads the table below runs, on the files in the working folder.


def officers() -> object:
    return read_officers("o.csv")


def payroll() -> object:
    return read_payroll("p.csv")


def leads() -> object:
    return read_leads("l.csv")


def agency() -> object:
    return read_agency("a.json")


def dataset() -> object:
    return load_dataset("o.csv", "p.csv", "l.csv", "a.json")


def json_error(text: str) -> str:
    """What Python's json module says of ``text`` (its wording is not g287's to pin)."""
    try:
        json.loads(text)
    except (ValueError, RecursionError) as exc:
        return str(exc)
    raise AssertionError(f"{text!r} is JSON")


ONE_OFFICER = "T-1,TFM,2025-08-01,78000,\n"
#: 400 officers: a file larger than one block of decoding.
MANY_OFFICERS = "".join(f"T-{i},TFM,2025-08-01,78000,\n" for i in range(400))


def salary(cell: str) -> dict[str, str | bytes]:
    """A roster whose one officer's annual salary is ``cell`` (quoted)."""
    return {"o.csv": OFFICERS + f'T-1,TFM,2025-08-01,"{cell}",\n'}


def trained(cell: str) -> dict[str, str | bytes]:
    """A roster whose one officer was trained on ``cell``."""
    return {"o.csv": OFFICERS + f"T-1,TFM,{cell},78000,\n"}


def quarter(cell: str) -> dict[str, str | bytes]:
    """Lead reports whose one quarter is ``cell``."""
    return {"l.csv": LEADS + f"{cell},5,4,yes\n"}


# (id, files written over BASE in the working folder, the read, the whole message).
REFUSED: list[tuple[str, dict[str, str | bytes], Callable[[], object], str]] = [
    # amounts
    (
        "amount-bad-grouping",
        salary("1,23.4"),
        officers,
        f"o.csv:2: annual_salary: '1,23.4' {NOT_AN_AMOUNT}",
    ),
    (
        "amount-european",
        salary("1.234,56"),
        officers,
        f"o.csv:2: annual_salary: '1.234,56' {NOT_AN_AMOUNT}",
    ),
    (
        "amount-exponent",
        salary("12e3"),
        officers,
        f"o.csv:2: annual_salary: '12e3' {NOT_AN_AMOUNT}",
    ),
    (
        "amount-negative-dollars",
        salary("$-5"),
        officers,
        "o.csv:2: annual_salary: '$-5' is negative; expected an amount >= 0",
    ),
    (
        "amount-negative",
        salary("-5"),
        officers,
        "o.csv:2: annual_salary: '-5' is negative; expected an amount >= 0",
    ),
    (
        "amount-empty",
        salary(""),
        officers,
        (
            "o.csv:2: annual_salary: '' is empty; expected dollars and cents such as 1234.56 or "
            "$1,234.56"
        ),
    ),
    ("amount-text", salary("72k"), officers, f"o.csv:2: annual_salary: '72k' {NOT_AN_AMOUNT}"),
    (
        "amount-european-thousands",
        salary("68.400"),
        officers,
        (
            "o.csv:2: annual_salary: '68.400' has three digits after its point, which may "
            "separate thousands; expected dollars and cents such as 68400.00 or 68.40"
        ),
    ),
    (
        "amount-sub-cent",
        {"p.csv": PAYROLL + "T-1,2025-10-01,2025-10-14,1,2,0.001\n"},
        payroll,
        "p.csv:2: overtime: '0.001' has fractions of a cent; expected whole cents",
    ),
    (
        "amount-too-large",
        salary("1" * 20),
        officers,
        (
            "o.csv:2: annual_salary: '11111111111111111111' is too large; expected at most "
            "999999999999.99"
        ),
    ),
    (
        "amount-of-131000-digits",
        salary("1" * 131_000),
        officers,
        (
            f"o.csv:2: annual_salary: '{'1' * 40}\u2026' is not an amount; expected digits such as "
            "'1234.56'"
        ),
    ),
    # dates
    (
        "date-year-zero",
        trained("0000-01-01"),
        officers,
        "o.csv:2: trained_on: '0000-01-01' is not a day: there is no year 0",
    ),
    (
        "date-november-31",
        trained("2025-11-31"),
        officers,
        "o.csv:2: trained_on: '2025-11-31' is not a day: November has 30 days",
    ),
    (
        "date-february-29",
        trained("2025-02-29"),
        officers,
        "o.csv:2: trained_on: '2025-02-29' is not a day: February has 28 days",
    ),
    (
        "date-us-february-30",
        trained("02/30/2025"),
        officers,
        "o.csv:2: trained_on: '02/30/2025' is not a day: February has 28 days",
    ),
    (
        "date-basic-iso",
        trained("20251001"),
        officers,
        f"o.csv:2: trained_on: '20251001' {NOT_A_DATE}",
    ),
    (
        "date-week",
        trained("2025-W40-3"),
        officers,
        f"o.csv:2: trained_on: '2025-W40-3' {NOT_A_DATE}",
    ),
    (
        "date-two-digit-year",
        trained("10/01/25"),
        officers,
        "o.csv:2: trained_on: '10/01/25' has a year of 2 digits; expected four (MM/DD/YYYY)",
    ),
    (
        "date-day-first",
        trained("13/01/2025"),
        officers,
        "o.csv:2: trained_on: '13/01/2025' is not a day: there is no month 13",
    ),
    (
        "date-month-13",
        trained("2025-13-01"),
        officers,
        "o.csv:2: trained_on: '2025-13-01' is not a day: there is no month 13",
    ),
    (
        "date-unpadded-iso",
        trained("2025-1-01"),
        officers,
        f"o.csv:2: trained_on: '2025-1-01' {NOT_A_DATE}",
    ),
    ("date-empty", trained(""), officers, "o.csv:2: trained_on: '' is empty; expected a date"),
    (
        "date-optional-bad",
        {"o.csv": OFFICERS + "T-1,TFM,2025-08-01,78000,soon\n"},
        officers,
        f"o.csv:2: separated_on: 'soon' {NOT_A_DATE}",
    ),
    # the header
    (
        "header-missing-column",
        {"o.csv": "officer_id,model,trained_on\nT-1,TFM,2025-08-01\n"},
        officers,
        f"o.csv:1: the header lacks 'annual_salary'; {EXPECTED_OFFICER_COLUMNS}",
    ),
    (
        "header-repeated-column",
        {"o.csv": "officer_id,Model,trained_on,annual_salary,MODEL\n"},
        officers,
        f"o.csv:1: the header names 'MODEL' more than once; {EXPECTED_OFFICER_COLUMNS}",
    ),
    (
        "header-of-1m-empty-columns",
        {"o.csv": "," * 999_999 + "\n"},
        officers,
        "o.csv:1: the header has 1,000,000 columns; expected at most 1,000",
    ),
    ("empty-file", {"o.csv": ""}, officers, "o.csv:1: the file is empty; expected a header row"),
    # the shape of a CSV file
    (
        "short-row",
        {"o.csv": OFFICERS + ONE_OFFICER + "T-2,TFM,2025-08-01,72000\n"},
        officers,
        "o.csv:3: the row has 4 fields; expected 5",
    ),
    (
        "long-row",
        {"o.csv": OFFICERS + "T-2,TFM,2025-08-01,72,000.00,\n"},
        officers,
        "o.csv:2: the row has 6 fields; expected 5",
    ),
    (
        "stray-quote",
        {"o.csv": OFFICERS + 'T-1,"TFM"x,2025-08-01,1,\n'},
        officers,
        "o.csv:2: unreadable CSV: ',' expected after '\"'",
    ),
    (
        "unclosed-quote",
        {"o.csv": OFFICERS + ONE_OFFICER + 'T-2,"TFM,2025-08-01,1,\n'},
        officers,
        "o.csv:3: unreadable CSV: unexpected end of data",
    ),
    (
        "field-too-large",
        {"o.csv": OFFICERS + "T-2," + "x" * 200_000 + ",2025-08-01,1,\n"},
        officers,
        "o.csv:2: unreadable CSV: field larger than field limit (131072)",
    ),
    (
        "header-field-too-large",
        {"o.csv": "x" * 200_000 + "\n"},
        officers,
        "o.csv:1: the header: field larger than field limit (131072)",
    ),
    (
        "line-too-long",
        {"o.csv": OFFICERS + "T-1,TFM,2025-08-01," + "1" * MAX_LINE_BYTES + ",\n"},
        officers,
        "o.csv:2: is longer than 1 MiB; expected a line",
    ),
    (
        "blank-lines-counted",
        {"o.csv": OFFICERS + ONE_OFFICER + "\n\nT-2,TFM,2025-08-01,x,\n"},
        officers,
        f"o.csv:5: annual_salary: 'x' {NOT_AN_AMOUNT}",
    ),
    # encodings
    (
        "cp1252",
        {
            "o.csv": (OFFICERS + ONE_OFFICER + "T-2,Fuerza de Tarea,2025-08-01,1,\n")
            .replace("Tarea", "Tar\xe9a")
            .encode("cp1252")
        },
        officers,
        f"o.csv:3: is not UTF-8 text (byte 98 of the file is 0xe9); {SAVE_AS_UTF8}",
    ),
    (
        "cp1252-deep-in-a-file",
        {"o.csv": (OFFICERS + MANY_OFFICERS + "X-1,Tar\xe9a,2025-08-01,1,\n").encode("cp1252")},
        officers,
        (
            f"o.csv:402: is not UTF-8 text (byte {len(OFFICERS + MANY_OFFICERS) + 7:,} of the "
            f"file is 0xe9); {SAVE_AS_UTF8}"
        ),
    ),
    (
        "cp1252-after-bom",
        {"o.csv": BOM + "officer_id\xa0\n".encode("cp1252")},
        officers,
        f"o.csv:1: is not UTF-8 text (byte 13 of the file is 0xa0); {SAVE_AS_UTF8}",
    ),
    (
        "utf-16",
        {"o.csv": OFFICERS.encode("utf-16")},
        officers,
        f"o.csv:1: is not UTF-8 text (byte 0 of the file is 0xff); {SAVE_AS_UTF8}",
    ),
    # officer ids
    (
        "id-empty",
        {"o.csv": OFFICERS + ",TFM,2025-08-01,78000,\n"},
        officers,
        "o.csv:2: officer_id: '' is empty; expected an id",
    ),
    (
        "id-look-alike",
        {"o.csv": OFFICERS + ONE_OFFICER + "T-1\u200b,TFM,2025-08-01,78000,\n"},
        officers,
        "o.csv:3: officer_id: 'T-1\\u200b' contains U+200B ZERO WIDTH SPACE; " + NOT_ASCII_ID,
    ),
    (
        "id-same-other-case",
        {"o.csv": OFFICERS + ONE_OFFICER + ONE_OFFICER.replace("T-1", "t-1")},
        officers,
        (
            "o.csv:3: officer_id: 't-1' appears twice (as 'T-1' too) on the roster; ids are "
            "unique whatever their case"
        ),
    ),
    (
        "id-repeated",
        {"o.csv": OFFICERS + ONE_OFFICER + ONE_OFFICER},
        officers,
        "o.csv:3: officer_id: 'T-1' appears twice on the roster; " + UNIQUE_IDS,
    ),
    (
        "id-of-131000-digits",
        {"o.csv": OFFICERS + "1" * 131_000 + ",TFM,2025-08-01,1,\n"},
        officers,
        (f"o.csv:2: officer_id: '{'1' * 40}\u2026' is 131000 characters long; expected at most 64"),
    ),
    # other roster cells
    (
        "model-unknown",
        {"o.csv": OFFICERS + "T-1,XYZ,2025-08-01,78000,\n"},
        officers,
        f"o.csv:2: model: 'XYZ' {NOT_A_MODEL}",
    ),
    (
        "model-empty",
        {"o.csv": OFFICERS + "T-1,,2025-08-01,78000,\n"},
        officers,
        f"o.csv:2: model: '' {NOT_A_MODEL}",
    ),
    (
        "separated-before-trained",
        {"o.csv": OFFICERS + "T-1,TFM,2025-08-01,78000,2025-07-01\n"},
        officers,
        (
            "o.csv:2: separated_on: 2025-07-01 of officer 'T-1' is before trained_on "
            "2025-08-01; expected separation after training"
        ),
    ),
    # payroll.csv
    (
        "record-ends-before-it-starts",
        {"p.csv": PAYROLL + "T-1,2025-10-14,2025-10-01,1,2,0\n"},
        payroll,
        (
            "p.csv:2: end: 2025-10-01 of a pay record of 'T-1' is before its start "
            "2025-10-14; expected end >= start"
        ),
    ),
    # leads.csv
    (
        "quarter-fy1999",
        quarter("FY1999 Q1"),
        leads,
        f"l.csv:2: quarter: Invalid fiscal quarter: 'FY1999 Q1' {YEAR_FROM_2000}",
    ),
    (
        "quarter-three-digit-year",
        quarter("FY202 Q1"),
        leads,
        f"l.csv:2: quarter: Invalid fiscal quarter: 'FY202 Q1' {YEAR_FROM_2000}",
    ),
    (
        "quarter-5",
        quarter("FY2026 Q5"),
        leads,
        "l.csv:2: quarter: Invalid fiscal quarter: 'FY2026 Q5' (quarter must be 1-4)",
    ),
    (
        "quarter-repeated",
        {"l.csv": LEADS + "FY2026 Q1,5,4,yes\nFY26-q1,5,4,no\n"},
        leads,
        "l.csv:3: quarter: FY2026 Q1 is reported twice (also at l.csv:2)",
    ),
    (
        "count-empty",
        {"l.csv": LEADS + "FY2026 Q1,,4,yes\n"},
        leads,
        "l.csv:2: provided: '' is empty; expected a whole number",
    ),
    (
        "count-european-thousands",
        {"l.csv": LEADS + "FY2026 Q1,1.000,4,yes\n"},
        leads,
        f"l.csv:2: provided: '1.000' {NOT_A_COUNT}",
    ),
    (
        "count-decimal",
        {"l.csv": LEADS + "FY2026 Q1,5.5,4,yes\n"},
        leads,
        f"l.csv:2: provided: '5.5' {NOT_A_COUNT}",
    ),
    (
        "count-negative",
        {"l.csv": LEADS + "FY2026 Q1,-1,0,yes\n"},
        leads,
        f"l.csv:2: provided: '-1' {NOT_A_COUNT}",
    ),
    (
        "count-bad-grouping",
        {"l.csv": LEADS + 'FY2026 Q1,"1,20",4,yes\n'},
        leads,
        f"l.csv:2: provided: '1,20' {NOT_A_COUNT}",
    ),
    (
        "count-in-other-digits",
        {"l.csv": LEADS + "FY2026 Q1,\uff15,4,yes\n"},
        leads,
        f"l.csv:2: provided: '\uff15' {NOT_A_COUNT}",
    ),
    (
        "count-too-large",
        {"l.csv": LEADS + "FY2026 Q1,9999999999,4,yes\n"},
        leads,
        "l.csv:2: provided: 9999999999 is too large; expected at most 1000000000",
    ),
    (
        "count-of-131000-digits",
        {"l.csv": LEADS + "FY2026 Q1," + "1" * 131_000 + ",4,yes\n"},
        leads,
        f"l.csv:2: provided: '{'1' * 40}\u2026' is too large; expected at most 1000000000",
    ),
    (
        "located-above-provided",
        {"l.csv": LEADS + "FY2026 Q1,4,5,yes\n"},
        leads,
        "l.csv:2: located: 5 is more than provided (4); expected located <= provided",
    ),
    (
        "assistance-maybe",
        {"l.csv": LEADS + "FY2026 Q1,5,4,maybe\n"},
        leads,
        "l.csv:2: assistance_satisfactory: 'maybe' is not yes or no",
    ),
    (
        "assistance-blank",
        {"l.csv": LEADS + "FY2026 Q1,5,4,\n"},
        leads,
        "l.csv:2: assistance_satisfactory: '' is not yes or no",
    ),
    # agency.json
    ("agency-not-json", {"a.json": "{"}, agency, f"a.json: not JSON ({json_error('{')})"),
    (
        "agency-huge-integer",
        {"a.json": '{"id": ' + "1" * 5000 + "}"},
        agency,
        f"a.json: not JSON ({json_error('1' * 5000)})",
    ),
    (
        "agency-nested-too-deeply",
        {"a.json": "[" * 100_000 + "]" * 100_000},
        agency,
        "a.json: JSON nested too deeply to read",
    ),
    (
        "agency-cp1252",
        {
            "a.json": json.dumps(
                AGENCY | {"name": "Condado de Pe\xf1a"}, ensure_ascii=False
            ).encode("cp1252")
        },
        agency,
        "a.json: is not UTF-8 text (byte 35 of the file is 0xf1); save it as UTF-8",
    ),
    (
        "agency-lone-surrogate-id",
        {"a.json": json.dumps(AGENCY | {"id": "A\ud800"})},
        agency,
        f"a.json: id: 'A\\ud800' contains U+D800 <surrogate>; {NOT_ASCII_ID}",
    ),
    (
        "agency-lone-surrogate-name",
        {"a.json": json.dumps(AGENCY | {"name": "X\udfff"})},
        agency,
        "a.json: name: 'X\\udfff' contains U+DFFF <surrogate>; expected printable text",
    ),
    (
        "agency-name-line-break",
        {"a.json": json.dumps(AGENCY | {"name": "Harbor\nCounty"})},
        agency,
        "a.json: name: 'Harbor\\nCounty' contains U+000A <control>; expected printable text",
    ),
    (
        "agency-a-list",
        {"a.json": "[]"},
        agency,
        (
            "a.json: expected an object with exactly the fields "
            "['id', 'name', 'agreement_date', 'models']"
        ),
    ),
    (
        "agency-missing-field",
        {"a.json": json.dumps({"id": "A1"})},
        agency,
        (
            "a.json: lacks 'name', 'agreement_date', 'models'; expected an object with exactly "
            "the fields ['id', 'name', 'agreement_date', 'models']"
        ),
    ),
    (
        "agency-extra-field",
        {"a.json": json.dumps(AGENCY | {"state": "XX"})},
        agency,
        (
            "a.json: has 'state'; expected an object with exactly the fields "
            "['id', 'name', 'agreement_date', 'models']"
        ),
    ),
    (
        "agency-id-a-number",
        {"a.json": json.dumps(AGENCY | {"id": 5})},
        agency,
        "a.json: id: 5; expected a string",
    ),
    (
        "agency-date-a-number",
        {"a.json": json.dumps(AGENCY | {"agreement_date": 20250701})},
        agency,
        f"a.json: agreement_date: '20250701' {NOT_A_DATE}",
    ),
    (
        "agency-models-text",
        {"a.json": json.dumps(AGENCY | {"models": "TFM"})},
        agency,
        "a.json: models: 'TFM'; expected a list such as ['TFM']",
    ),
    (
        "agency-models-numbers",
        {"a.json": json.dumps(AGENCY | {"models": [1]})},
        agency,
        f"a.json: models: '1' {NOT_A_MODEL}",
    ),
    (
        "agency-no-models",
        {"a.json": json.dumps(AGENCY | {"models": []})},
        agency,
        "a.json: models: [] is empty; expected one or more models",
    ),
    (
        "agency-bad-model",
        {"a.json": json.dumps(AGENCY | {"models": ["TFM", "XX"]})},
        agency,
        f"a.json: models: 'XX' {NOT_A_MODEL}",
    ),
    (
        "agency-impossible-date",
        {"a.json": json.dumps(AGENCY | {"agreement_date": "2025-04-31"})},
        agency,
        "a.json: agreement_date: '2025-04-31' is not a day: April has 30 days",
    ),
    (
        "agency-blank-id",
        {"a.json": json.dumps(AGENCY | {"id": " "})},
        agency,
        f"a.json: id: ' ' contains U+0020 SPACE; {NOT_ASCII_ID}",
    ),
    # across the files
    (
        "model-not-signed",
        {"o.csv": OFFICERS + ONE_OFFICER + "J-2,JEM,2025-08-01,50000,\n"},
        dataset,
        "o.csv:3: model: JEM of officer 'J-2' is not among the models agency 'A1' signed (TFM)",
    ),
    (
        "officer-not-on-the-roster",
        {"p.csv": BASE_PAYROLL + "\nX-9,2025-10-01,2025-10-14,1,2,0\n"},
        dataset,
        (
            "p.csv:4: officer_id: 'X-9' of the pay record 2025-10-01 to 2025-10-14 is not on "
            "the roster"
        ),
    ),
    (
        "overlapping-pay-records",
        {"p.csv": PAYROLL + "T-1,2025-10-14,2025-10-27,1,2,0\nT-1,2025-10-01,2025-10-14,1,2,0\n"},
        dataset,
        (
            "p.csv:2: period_start: T-1's pay records 2025-10-01 to 2025-10-14 and 2025-10-14 to "
            "2025-10-27 overlap (a double claim); the other record is at p.csv:3"
        ),
    ),
]


@pytest.mark.parametrize(
    ("files", "read", "message"), [p[1:] for p in REFUSED], ids=[p[0] for p in REFUSED]
)
def test_refused_with_its_place_and_reason(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str | bytes],
    read: Callable[[], object],
    message: str,
) -> None:
    """Each refusal is a DataError (an InvalidInputError) reading exactly
    ``file:line: column: problem``, values shown escaped and cut at 40 characters, and nothing
    is returned."""
    monkeypatch.chdir(tmp_path)
    for name, content in (BASE | files).items():
        write(tmp_path, name, content)
    with pytest.raises(DataError) as info:
        read()
    assert str(info.value) == message
    assert info.value.problems == (message,)
    assert isinstance(info.value, InvalidInputError)


class TestMessagesStayShort:
    def test_a_header_repeating_a_column_many_times(self, tmp_path: Path) -> None:
        """A header naming a column 900 times (within the column limit) is refused in a message
        naming it once; 100,000 columns are refused for their number before any is read."""
        path = write(tmp_path, "o.csv", "officer_id,trained_on,annual_salary" + ",model" * 900)
        with pytest.raises(DataError, match="the header names 'model' more than once") as info:
            read_officers(path)
        assert len(str(info.value)) < 1000
        path = write(tmp_path, "o.csv", "officer_id,trained_on,annual_salary" + ",model" * 100_000)
        with pytest.raises(DataError, match="the header has 100,003 columns") as info:
            read_officers(path)
        assert len(str(info.value)) < 1000

    def test_a_long_repeated_header_name(self, tmp_path: Path) -> None:
        """A repeated header name is shown cut at 40 characters, as every value is."""
        path = write(tmp_path, "o.csv", OFFICERS.strip() + ",Model" + "." * 100_000 + "\n")
        with pytest.raises(DataError, match="the header names 'Model") as info:
            read_officers(path)
        assert len(str(info.value)) < 1000


# --- only regular files, of bounded size ---------------------------------------------------------


class TestWhatIsRead:
    @pytest.mark.parametrize("read", [read_officers, read_payroll, read_leads, read_agency])
    def test_unreadable_files(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read: Callable[[str], object]
    ) -> None:
        """A missing file, or a name holding a NUL byte (quoted so it shows), is a DataError
        naming the file."""
        monkeypatch.chdir(tmp_path)
        with pytest.raises(DataError) as info:
            read("nowhere.csv")
        assert str(info.value) == "nowhere.csv: cannot read (No such file or directory)"
        with pytest.raises(DataError) as info:
            read("a\x00b")
        assert str(info.value) == "'a\\x00b': cannot read (embedded null byte)"

    @pytest.mark.usefixtures("no_hang")
    @pytest.mark.parametrize("read", [read_officers, read_agency])
    @pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
    def test_only_regular_files(
        self, tmp_path: Path, read: Callable[[Path], object], kind: str
    ) -> None:
        """A FIFO (which would block), a device such as /dev/zero (which never ends) and a
        folder are refused before a byte is read."""
        if kind == "fifo":
            path = tmp_path / "fifo.csv"
            os.mkfifo(path)
        elif kind == "device":
            path = Path("/dev/zero")
        else:
            path = tmp_path
        with pytest.raises(DataError) as info:
            read(path)
        assert str(info.value) == (
            f"{path}: is not a regular file (a folder, a device or a pipe); expected a file"
        )

    def test_the_size_cap(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file over MAX_FILE_BYTES (1 GiB) is refused before it is read, with its size."""
        assert MAX_FILE_BYTES == 1 << 30
        path = write(tmp_path, "o.csv", OFFICERS + ONE_OFFICER)
        monkeypatch.setattr(g287.dataio._sources, "MAX_FILE_BYTES", 64)
        size = path.stat().st_size
        with pytest.raises(
            DataError, match=rf"^{re.escape(str(path))}: is {size} bytes; .* at most 1 GiB$"
        ):
            read_officers(path)

    def test_a_json_file_over_the_line_cap(self, tmp_path: Path) -> None:
        """An agency file may be as long as a CSV line, MAX_LINE_BYTES (1 MiB); a longer one is
        refused with its size, before it is parsed."""
        assert MAX_LINE_BYTES == 1 << 20
        path = write(tmp_path, "a.json", json.dumps(AGENCY | {"name": "x" * MAX_LINE_BYTES}))
        size = path.stat().st_size
        with pytest.raises(
            DataError, match=rf"^{re.escape(str(path))}: is {size:,} bytes; expected a small JSON"
        ):
            read_agency(path)


# --- every problem, at once ----------------------------------------------------------------------


class TestEveryProblemIsReported:
    def test_three_bad_rows(self, tmp_path: Path) -> None:
        """A file with three bad rows (among good ones) reports all three in one DataError, in
        file order, with the first problem's column and value as its subject."""
        path = write(
            tmp_path,
            "o.csv",
            OFFICERS
            + "T-1,TFM,2025-08-01,x,\n"
            + ONE_OFFICER.replace("T-1", "T-2")
            + "T-3,XX,2025-08-01,1,\n"
            + "T-4,TFM,2025-02-30,1,\n",
        )
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert info.value.problems == (
            f"{path}:2: annual_salary: 'x' {NOT_AN_AMOUNT}",
            f"{path}:4: model: 'XX' {NOT_A_MODEL}",
            f"{path}:5: trained_on: '2025-02-30' is not a day: February has 28 days",
        )
        assert info.value.count == 3
        assert str(info.value) == "\n".join(info.value.problems)
        assert (info.value.field, info.value.value) == ("annual_salary", "x")

    def test_every_negative_amount_of_an_ordinary_record(self, tmp_path: Path) -> None:
        """Each amount of an ordinary pay record below zero is its own problem, quoted as the
        cell writes it; an adjustment's may be negative."""
        path = write(
            tmp_path,
            "p.csv",
            PAYROLL.replace("overtime", "overtime,adjustment")
            + 'T-1,2025-10-01,2025-10-14,-5,$-5,"-$1,000",no\n'
            + 'T-1,2025-10-01,2025-10-14,-5,$-5,"-$1,000",yes\n',
        )
        with pytest.raises(DataError) as info:
            read_payroll(path)
        why = "is negative; expected an amount >= 0 (only an adjustment record may be negative"
        assert [p.partition(why)[0] for p in info.value.problems] == [
            f"{path}:2: salary: '-5' ",
            f"{path}:2: benefits: '$-5' ",
            f"{path}:2: overtime: '-$1,000' ",
        ]

    def test_a_period_backwards_and_negative_amounts(self, tmp_path: Path) -> None:
        """A row whose period ends before it starts and whose amounts are negative reports both
        (the period first, in column order)."""
        path = write(tmp_path, "p.csv", PAYROLL + "T-1,2025-10-14,2025-10-01,-5.00,1.00,1.00\n")
        with pytest.raises(DataError) as info:
            read_payroll(path)
        assert [p.split(";")[0] for p in info.value.problems] == [
            f"{path}:2: end: 2025-10-01 of a pay record of 'T-1' is before its start 2025-10-14",
            f"{path}:2: salary: '-5.00' is negative",
        ]

    def test_every_bad_cell_of_a_row(self, tmp_path: Path) -> None:
        """Each bad cell of one row is its own problem, in column order."""
        path = write(tmp_path, "o.csv", OFFICERS + "T-1,XX,2025-13-01,x,\n")
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert [p.split(": ")[1] for p in info.value.problems] == [
            "model",
            "trained_on",
            "annual_salary",
        ]

    def test_fifty_then_a_count(self, tmp_path: Path) -> None:
        """Past MAX_PROBLEMS (50) problems, the first 50 are listed and the rest counted."""
        assert MAX_PROBLEMS == 50
        rows = "".join(f"T-{i},TFM,2025-08-01,x,\n" for i in range(60))
        path = write(tmp_path, "o.csv", OFFICERS + rows)
        with pytest.raises(DataError) as info:
            read_officers(path)
        error = info.value
        assert error.count == 60
        assert len(error.problems) == 50
        assert error.problems[-1] == f"{path}:51: annual_salary: 'x' {NOT_AN_AMOUNT}"
        assert str(error).splitlines() == [*error.problems, "… and 10 more problems"]

    def test_problems_in_every_file_of_a_load(self, tmp_path: Path) -> None:
        """load_dataset reports the problems of all four files together."""
        with pytest.raises(DataError) as info:
            load_base(
                tmp_path,
                o_csv=OFFICERS + "T-1,TFM,2025-08-01,78000,\nT-2,TFM,soon,1,\n",
                p_csv=PAYROLL + "T-1,2025-10-01,2025-10-14,x,1,1\n",
                l_csv=LEADS + "FY26 Q1,50,45,maybe\n",
                a_json=json.dumps(AGENCY | {"agreement_date": "2025-02-30"}),
            )
        assert set(info.value.problems) == {
            (
                f"{tmp_path / 'a.json'}: agreement_date: '2025-02-30' is not a day: February has "
                "28 days"
            ),
            f"{tmp_path / 'o.csv'}:3: trained_on: 'soon' {NOT_A_DATE}",
            f"{tmp_path / 'p.csv'}:2: salary: 'x' {NOT_AN_AMOUNT}",
            f"{tmp_path / 'l.csv'}:2: assistance_satisfactory: 'maybe' is not yes or no",
        }
        assert info.value.count == 4

    def test_the_cap_counts_across_files(self, tmp_path: Path) -> None:
        """Across the files of one load, still at most 50 problems are listed and all counted."""
        bad_rows = "".join(f"T-1,2025-10-{d:02d},2025-10-{d:02d},x,1,1\n" for d in range(1, 31))
        with pytest.raises(DataError) as info:
            load_base(
                tmp_path,
                o_csv=OFFICERS + "".join(f"T-{i},TFM,x,1,\n" for i in range(30)),
                p_csv=PAYROLL + bad_rows,
                l_csv=b"quarter\xff\n",
            )
        assert (len(info.value.problems), info.value.count) == (50, 61)
        assert str(info.value).endswith("\n… and 11 more problems")

    def test_every_problem_across_files(self, tmp_path: Path) -> None:
        """Each pay record of an officer not on the roster is reported at its own line."""
        with pytest.raises(DataError) as info:
            load_base(
                tmp_path,
                p_csv=BASE_PAYROLL
                + "X-8,2025-10-01,2025-10-14,1,2,0\n"
                + "X-9,2025-10-01,2025-10-14,1,2,0\n",
            )
        assert [p.split(": ")[0] for p in info.value.problems] == [
            f"{tmp_path / 'p.csv'}:3",
            f"{tmp_path / 'p.csv'}:4",
        ]

    def test_an_error_survives_pickling(self, tmp_path: Path) -> None:
        """A DataError crosses process boundaries with its problems, count and subject."""
        path = write(tmp_path, "o.csv", OFFICERS + "T-1,TFM,x,x,\n")
        with pytest.raises(DataError) as info:
            read_officers(path)
        copy = pickle.loads(pickle.dumps(info.value))
        assert (str(copy), copy.problems, copy.count, copy.field, copy.value) == (
            str(info.value),
            info.value.problems,
            2,
            "trained_on",
            "x",
        )


class TestTemplates:
    def test_templates_read_as_empty_files(self, tmp_path: Path) -> None:
        """The templates a new user starts from are valid files: their example rows are
        comments, so they hold no records yet."""
        data = load_dataset(*write_templates(tmp_path / "new"))
        assert (data.officers, tuple(data.payroll), data.leads, data.notes) == ((), (), (), ())

    def test_each_example_row_is_a_valid_row(self, tmp_path: Path) -> None:
        """Uncommented, each template's example row is read as a record."""
        paths = write_templates(tmp_path)
        for path in paths[:3]:
            path.write_text(path.read_text(encoding="utf-8").replace("# ", ""), encoding="utf-8")
        data = load_dataset(*paths)
        assert (len(data.officers), len(data.payroll), len(data.leads)) == (1, 1, 1)

    def test_a_template_never_overwrites(self, tmp_path: Path) -> None:
        """Templates are not written over files that exist, and nothing is written then."""
        write(tmp_path, "leads.csv", "mine\n")
        never = r"\.csv exists in .*; templates never overwrite a file"
        with pytest.raises(InvalidInputError, match=never):
            write_templates(tmp_path)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["leads.csv"]


class TestProgress:
    @pytest.mark.parametrize(
        ("rows", "counts"), [(5, [2, 4, 5]), (4, [2, 4]), (3, [2, 3]), (2, [2]), (1, [])]
    )
    def test_progress_is_told_every_so_many_rows(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int, counts: list[int]
    ) -> None:
        """load_dataset calls progress(file, rows) every PROGRESS_EVERY rows of the roster and
        the payroll, and with the whole count at the end of a file it told of."""
        monkeypatch.setattr(g287.dataio, "PROGRESS_EVERY", 2)
        told: list[tuple[str, int]] = []
        load_base(
            tmp_path,
            progress=lambda where, rows: told.append((where, rows)),
            p_csv=PAYROLL
            + "".join(f"T-1,2025-10-{d:02d},2025-10-{d:02d},1,1,1\n" for d in range(1, rows + 1)),
        )
        assert told == [(str(tmp_path / "p.csv"), count) for count in counts]

    def test_progress_counts_what_was_read_of_an_unreadable_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file that stops being readable part way tells the whole count of what was read."""
        monkeypatch.setattr(g287.dataio, "PROGRESS_EVERY", 2)
        told: list[tuple[str, int]] = []
        rows = "".join(f"T-1,2025-10-{d:02d},2025-10-{d:02d},1,1,1\n" for d in range(1, 6))
        with pytest.raises(DataError, match="unreadable CSV"):
            load_base(
                tmp_path,
                progress=lambda where, rows: told.append((where, rows)),
                p_csv=PAYROLL + rows + 'T-1,"2025-10-06\n',
            )
        assert told == [(str(tmp_path / "p.csv"), count) for count in (2, 4, 5)]


class TestErrorsCarryTheirSubject:
    def test_a_bad_value_names_its_column_and_value(self, tmp_path: Path) -> None:
        """A bad cell's DataError carries the column as ``field`` and the text as ``value``."""
        path = write(tmp_path, "o.csv", OFFICERS + "T-1,TFM,2025-08-01,72k,\n")
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert (info.value.field, info.value.value) == ("annual_salary", "72k")

    def test_a_cross_file_problem_carries_the_record(self, tmp_path: Path) -> None:
        """A pay record of an officer not on the roster carries the record as ``value``."""
        record = "X-9,2025-10-01,2025-10-14,1,2,0\n"
        with pytest.raises(DataError) as info:
            load_base(tmp_path, p_csv=PAYROLL + record)
        assert info.value.field == "officer_id"
        assert info.value.value == PayRecord("X-9", D(2025, 10, 1), D(2025, 10, 14), "1", "2", "0")


# --- line numbers and line breaks inside quoted fields ------------------------------------------


class TestLineNumbers:
    def test_blank_lines_before_the_header_are_counted(self, tmp_path: Path) -> None:
        """Blank lines above the header count, as blank lines between rows do: a problem is
        reported at the line a text editor shows."""
        path = write(tmp_path, "o.csv", "\n\n" + OFFICERS + "T-1,TFM,2025-08-01,x,\n")
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert info.value.problems == (f"{path}:4: annual_salary: 'x' {NOT_AN_AMOUNT}",)

    def test_a_header_problem_is_on_the_headers_line(self, tmp_path: Path) -> None:
        """A refused header is reported at the line it is on, blank lines above it counted."""
        path = write(tmp_path, "o.csv", "\n\nofficer_id,model\nT-1,TFM\n")
        with pytest.raises(DataError, match=rf"^{re.escape(str(path))}:3: the header lacks"):
            read_officers(path)


#: Characters that end a line for str.splitlines (and so were once deleted from values); only
#: the first three end a line of the file.
LINE_BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028"]


class TestQuotedLineBreaks:
    @pytest.mark.parametrize("newline", ["\n", "\r\n"])
    def test_later_rows_keep_their_line_numbers(self, tmp_path: Path, newline: str) -> None:
        """A quoted field spanning two lines (in an ignored column) leaves every later row's
        line number the file's own."""
        text = roster(
            'T-1,TFM,2025-08-01,68400,"line one\nline two"',
            "T-2,TFM,2025-08-01,68400,",
            "T-3,TFM,2025-08-01,x,",
            header="officer_id,model,trained_on,annual_salary,notes",
        ).replace("\n", newline)
        path = write(tmp_path, "o.csv", text)
        with pytest.raises(DataError) as info:
            read_officers(path)
        assert info.value.problems == (f"{path}:5: annual_salary: 'x' {NOT_AN_AMOUNT}",)

    @pytest.mark.parametrize("rows", [1, 4096])
    def test_a_cells_cr_and_the_next_cells_lf_are_two_lines(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int
    ) -> None:
        """A quoted cell ending in CR and the next one starting with LF end two lines, not one
        CRLF: the row after them keeps its line number."""
        monkeypatch.setattr(g287.dataio._sources, "CHUNK_ROWS", rows)
        text = (
            PAYROLL
            + 'T-1,2025-10-01,2025-10-14,"100.00\r","\n50.00",0.00\n'
            + "T-1,2025-10-15,2025-10-28,x,0.00,0.00\n"
        )
        path = write(tmp_path, "p.csv", text)
        with pytest.raises(DataError) as info:
            read_payroll(path)
        assert info.value.problems == (f"{path}:5: salary: 'x' {NOT_AN_AMOUNT}",)

    @pytest.mark.parametrize("char", LINE_BREAKS, ids=[repr(c) for c in LINE_BREAKS])
    def test_a_break_inside_an_id_is_refused_not_deleted(self, tmp_path: Path, char: str) -> None:
        """An id holding any line-ending character is refused, the character shown escaped, and
        the row after it is located on its own line."""
        text = OFFICERS + f'"T-{char}1",TFM,2025-08-01,1,\nT-2,TFM,2025-08-01,x,\n'
        path = write(tmp_path, "o.csv", text)
        # The file's own lines end at \n, \r or \r\n; the other characters are inside a line.
        lines = 3 if char in ("\n", "\r\n", "\r") else 2  # the header, the quoted record
        with pytest.raises(DataError) as info:
            read_officers(path)
        shown = repr(f"T-{char}1")
        bad_id, bad_salary = info.value.problems
        assert bad_id.startswith(f"{path}:2: officer_id: {shown} contains U+")
        assert bad_salary == f"{path}:{lines + 1}: annual_salary: 'x' {NOT_AN_AMOUNT}"

    @pytest.mark.parametrize("char", LINE_BREAKS, ids=[repr(c) for c in LINE_BREAKS])
    def test_a_break_inside_an_amount_is_refused(self, tmp_path: Path, char: str) -> None:
        """An amount split by a line-ending character is refused, never read as its digits."""
        path = write(tmp_path, "o.csv", OFFICERS + f'T-1,TFM,2025-08-01,"68{char}400",\n')
        with pytest.raises(DataError, match=r"annual_salary: '68.*400' is not an amount"):
            read_officers(path)


# --- a chunk of rows at a time -----------------------------------------------------------------

#: A roster and a payroll with a row of every kind the chunked reading meets: a quoted line
#: break in an ignored column, a comment, a blank line, a US date, amounts with a dollar sign,
#: an adjustment (a recovery), overtime that differs from row to row.
CHUNKY_OFFICERS = roster(
    'T-1,TFM,2025-08-01,78000,"first line\nsecond line"',
    "# a comment row, however its other cells read,x,y,z,",
    'T-2,TFM,08/15/2025,"$72,000.00",',
    "",
    "T-3,TFM,2025-08-01,66000.00,",
    header="officer_id,model,trained_on,annual_salary,notes",
)
CHUNKY_PAYROLL = (
    "officer_id,period_start,period_end,salary,benefits,overtime,adjustment,memo\n"
    + "".join(
        f"T-{n},2025-10-{d:02d},2025-10-{d:02d},100.00,20.00,{n}.{d:02d},no,\n"
        for n in (1, 2, 3)
        for d in range(1, 8)
    )
    + 'T-1,2025-10-08,2025-10-08,"$1,000.00",0,0,,"a memo\r\nover two lines"\n'
    + "# T-1,2025-10-09,2025-10-09,1,1,1,no,a commented-out record\n"
    + "T-2,10/08/2025,10/08/2025,100.00,20.00,5.00,no,\n"
    + "\n"
    + "T-1,2025-10-02,2025-10-03,-50.00,0.00,0.00,yes,a recovery\n"
    + "T-3,2025-10-08,2025-10-08,100.00,20.00,7.77,no,\n"
)


def chunky(folder: Path, p_csv: str = CHUNKY_PAYROLL) -> Dataset:
    """``load_base`` of the chunky roster and payroll (or another payroll)."""
    folder.mkdir(exist_ok=True)
    return load_base(folder, o_csv=CHUNKY_OFFICERS, p_csv=p_csv)


class TestChunks:
    @pytest.mark.parametrize("rows", [1, 2, 3, 5, 7, 4096])
    def test_any_chunk_size_reads_the_same(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int
    ) -> None:
        """Rows are read a chunk at a time, column by column, and a chunk with a comment, a
        blank row or a recovery row by row: whatever the size of a chunk, the records are the
        same, in file order."""
        expected = chunky(tmp_path / "whole")
        monkeypatch.setattr(g287.dataio._sources, "CHUNK_ROWS", rows)
        data = chunky(tmp_path / "chunked")
        assert (data.officers, data.payroll) == (expected.officers, expected.payroll)
        assert [o.id for o in data.officers] == ["T-1", "T-2", "T-3"]
        assert len(data.payroll) == 21 + 4
        assert data.payroll[21] == PayRecord(
            "T-1", D(2025, 10, 8), D(2025, 10, 8), "1000", "0", "0"
        )
        assert data.payroll[23].adjustment

    @pytest.mark.parametrize("rows", [1, 2, 3, 5, 4096])
    def test_problems_keep_their_lines_across_chunks(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int
    ) -> None:
        """A problem is reported at the line of its row whichever chunk it falls in, a quoted
        line break in an earlier chunk counted."""
        monkeypatch.setattr(g287.dataio._sources, "CHUNK_ROWS", rows)
        bad = CHUNKY_PAYROLL + "T-3,2025-10-09,2025-10-09,x,20.00,1.00,no,\n"
        bad += "T-9,2025-10-09,2025-10-09,1.00,1.00,1.00,no,\n"
        with pytest.raises(DataError) as info:
            chunky(tmp_path, p_csv=bad)
        where = tmp_path / "p.csv"
        assert info.value.problems == (
            f"{where}:30: salary: 'x' {NOT_AN_AMOUNT}",
            (
                f"{where}:31: officer_id: 'T-9' of the pay record 2025-10-09 to 2025-10-09 is "
                "not on the roster"
            ),
        )

    @pytest.mark.parametrize("rows", [1, 2, 3, 4096])
    def test_an_unreadable_end_keeps_what_came_before(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int
    ) -> None:
        """A broken quote stops the reading where it stands: the rows before it are read (and
        a problem among them is reported too), the break at its own line."""
        monkeypatch.setattr(g287.dataio._sources, "CHUNK_ROWS", rows)
        broken = CHUNKY_PAYROLL + "T-3,2025-10-09,2025-10-09,y,1,1,no,\n" + 'T-3,"2025-10-10\n'
        with pytest.raises(DataError) as info:
            chunky(tmp_path, p_csv=broken)
        where = tmp_path / "p.csv"
        assert info.value.problems[0] == f"{where}:30: salary: 'y' {NOT_AN_AMOUNT}"
        assert info.value.problems[1].startswith(f"{where}:31: unreadable CSV: ")

    @pytest.mark.parametrize("space", ["\xa0", "\u2003", " ", "\t"], ids=repr)
    @pytest.mark.parametrize("blank_row", [False, True])
    def test_a_comment_whatever_its_neighbours(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, space: str, blank_row: bool
    ) -> None:
        """A row whose first cell is ``#`` after white space of any kind (a no-break space
        too) is a comment, whichever rows share its chunk: the chunk is then read row by row,
        by the one rule."""
        monkeypatch.setattr(g287.dataio._sources, "CHUNK_ROWS", 4096)
        payroll = (
            "notes,officer_id,period_start,period_end,salary,benefits,overtime\n"
            ",T-1,2025-10-01,2025-10-14,100.00,20.00,0.00\n"
            f"{space}#hourly,T-1,2025-10-15,2025-10-28,100.00,20.00,0.00\n"
            + ("\n" if blank_row else "")
            + ",T-1,2025-10-29,2025-11-11,100.00,20.00,0.00\n"
        )
        data = load_base(tmp_path, p_csv=payroll)
        assert [r.start for r in data.payroll] == [D(2025, 10, 1), D(2025, 10, 29)]

    def test_a_line_too_long_keeps_the_problems_before_it(self, tmp_path: Path) -> None:
        """A line over the cap stops the reading where it stands, and the problems of the rows
        before it in its chunk are still reported, at their lines."""
        ok = "T-1,2025-10-01,2025-10-14,100.00,0.00,0.00\n"
        text = PAYROLL + ok + "T-1,2025-10-15,2025-13-14,100.00,0.00,0.00\n" + ok
        path = write(tmp_path, "p.csv", text + "T-1," + "x" * (2**21) + "\n")
        with pytest.raises(DataError) as info:
            read_payroll(path)
        assert info.value.problems == (
            f"{path}:3: period_end: '2025-13-14' is not a day: there is no month 13",
            f"{path}:5: is longer than 1 MiB; expected a line",
        )


# --- any accepted spelling, the same data set ----------------------------------------------------

HEADER_STYLES: list[Callable[[str], str]] = [
    lambda name: name,
    lambda name: name.upper(),
    lambda name: string.capwords(name.replace("_", " ")),
    lambda name: name.replace("_", "-"),
    lambda name: string.capwords(name.replace("_", " ")).replace(" ", "."),
]
AMOUNT_STYLES: list[Callable[[Decimal], str]] = [
    lambda amount: f"{amount}",
    lambda amount: f"{amount:f}".removesuffix(".00"),
    lambda amount: f"${amount:,}",
    lambda amount: f"{amount:,}",
]
DATE_STYLES: list[Callable[[dt.date], str]] = [
    lambda day: day.isoformat(),
    lambda day: f"{day.month:02d}/{day.day:02d}/{day.year}",
    lambda day: f"{day.month}/{day.day}/{day.year}",
]
QUARTER_STYLES: list[Callable[[FiscalQuarter], str]] = [
    str,
    lambda q: f"FY{q.fiscal_year % 100} Q{q.quarter}",
    lambda q: f"FY{q.fiscal_year}-Q{q.quarter}",
    lambda q: f"{q.fiscal_year}Q{q.quarter}",
]
MODEL_NAMES = {
    Model.JAIL_ENFORCEMENT: "Jail Enforcement Model",
    Model.TASK_FORCE: "Task Force Model",
    Model.WARRANT_SERVICE_OFFICER: "Warrant Service Officer",
}
MODEL_STYLES: list[Callable[[Model], str]] = [
    lambda model: model.value,
    lambda model: model.value.lower(),
    MODEL_NAMES.__getitem__,
]
YES_NO = [("yes", "no"), ("Y", "N"), ("TRUE", "FALSE"), ("1", "0")]


class Spelling:
    """One way an export spells a data set: how cells are written is drawn once (one payroll
    system), how each file is laid out is drawn per file (files come from different places)."""

    def __init__(self, data: st.DataObject) -> None:
        self.draw = draw = data.draw
        self.amount = draw(st.sampled_from(AMOUNT_STYLES))
        self.date = draw(st.sampled_from(DATE_STYLES))
        self.quarter = draw(st.sampled_from(QUARTER_STYLES))
        self.model = draw(st.sampled_from(MODEL_STYLES))
        self.yes_no = draw(st.sampled_from(YES_NO))

    def bom(self) -> bytes:
        """A byte-order mark, or none."""
        return BOM if self.draw(st.booleans()) else b""

    def table(self, columns: list[str], rows: list[list[str]]) -> bytes:
        """A CSV file of ``rows``: a delimiter, line ending, byte-order mark and header spelling
        of its own, its columns in any order, perhaps an extra column."""
        draw = self.draw
        order = draw(st.permutations(range(len(columns))))
        spell = draw(st.sampled_from(HEADER_STYLES))
        header = [spell(columns[i]) for i in order]
        lines = [[row[i] for i in order] for row in rows]
        if draw(st.booleans()):
            header.append("Employee Name")
            lines = [[*line, f"Officer {n}, Sr."] for n, line in enumerate(lines)]
        out = io.StringIO()
        writer = csv.writer(
            out,
            delimiter=draw(st.sampled_from([",", ";", "\t"])),
            lineterminator=draw(st.sampled_from(["\n", "\r\n"])),
        )
        writer.writerows([header, *lines])
        return self.bom() + out.getvalue().encode("utf-8")

    def files(self, scenario: Scenario) -> dict[str, bytes]:
        """The scenario's four files, spelt this way."""
        date, amount = self.date, self.amount
        officers = [
            [
                o.id,
                self.model(o.model),
                date(o.trained_on),
                amount(o.annual_salary),
                date(o.separated_on) if o.separated_on else "",
            ]
            for o in scenario.officers
        ]
        pay = [
            [r.officer_id, date(r.start), date(r.end)]
            + [amount(a) for a in (r.salary, r.benefits, r.overtime)]
            for r in scenario.payroll
        ]
        leads = [
            [
                self.quarter(r.quarter),
                str(r.provided),
                str(r.located),
                self.yes_no[0] if r.assistance_satisfactory else self.yes_no[1],
            ]
            for r in scenario.leads
        ]
        agency = {
            "id": scenario.agency.id,
            "name": scenario.agency.name,
            "agreement_date": date(scenario.agency.agreement_date),
            "models": [self.model(m) for m in sorted(scenario.agency.models, key=str)],
        }
        return {
            "officers.csv": self.table(
                ["officer_id", "model", "trained_on", "annual_salary", "separated_on"], officers
            ),
            "payroll.csv": self.table(
                ["officer_id", "period_start", "period_end", "salary", "benefits", "overtime"],
                pay,
            ),
            "leads.csv": self.table(
                ["quarter", "provided", "located", "assistance_satisfactory"], leads
            ),
            "agency.json": self.bom() + json.dumps(agency).encode("utf-8"),
        }


@pytest.fixture(scope="module")
def spelling_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder the property below writes each example's files into, over the last ones."""
    return tmp_path_factory.mktemp("spellings")


@settings(max_examples=30)  # four files written and read per example
@given(scenario=scenarios(max_officers=3), spelling=st.data())
def test_any_accepted_spelling_reads_the_same(
    spelling_folder: Path, scenario: Scenario, spelling: st.DataObject
) -> None:
    """DESIGN §7: "Input files are what payroll systems and spreadsheets export: headers matched
    loosely (Officer ID = officer_id), $ and thousands separators in amounts, ISO or US
    MM/DD/YYYY dates, comma/semicolon/tab, UTF-8 with or without BOM." A valid data set written
    in any mix of those spellings (and columns in any order, an extra column, CRLF) loads to
    exactly the data set it was written from."""
    files = Spelling(spelling).files(scenario)
    paths = [write(spelling_folder, name, content) for name, content in files.items()]
    data = load_dataset(*paths)
    assert data.agency == scenario.agency
    assert data.officers == scenario.officers
    assert tuple(data.payroll) == scenario.payroll
    assert data.leads == scenario.leads
