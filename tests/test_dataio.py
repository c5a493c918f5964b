"""Reading an agency's files: the bundled example, exact values, and every problem at file:line.

A problem in a file is a :class:`~g287.dataio.DataError` reading ``file:line: column: problem``
(line numbers are the file's own, blank lines counted). That wording is what a user sees from
``g287 claim``: it is the contract, so the table below pins each message whole.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

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

OFFICERS = "officer_id,model,trained_on,annual_salary,separated_on\n"
PAYROLL = "officer_id,period_start,period_end,salary,benefits,overtime\n"
LEADS = "quarter,provided,located,assistance_satisfactory\n"
AGENCY = {"id": "A1", "name": "Test County", "agreement_date": "2025-07-01", "models": ["TFM"]}

#: A small valid agency, as the files o.csv, p.csv, l.csv and a.json.
BASE = {
    "o.csv": OFFICERS + "T-1,TFM,2025-08-01,78000,\n",
    "p.csv": PAYROLL + "T-1,2025-10-01,2025-10-14,3000.00,1000.00,500.00\n",
    "l.csv": LEADS + "FY2026 Q1,50,45,yes\n",
    "a.json": json.dumps(AGENCY),
}


def example() -> Dataset:
    """The bundled example data set."""
    folder = example_dir()
    return load_dataset(
        folder / "officers.csv",
        folder / "payroll.csv",
        folder / "leads.csv",
        folder / "agency.json",
    )


def write(folder: Path, name: str, text: str) -> Path:
    """``text`` written to ``folder/name`` as UTF-8; the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def load_base(folder: Path, **texts: str) -> Dataset:
    """``load_dataset`` of :data:`BASE` in ``folder``, some files replaced (``o_csv=...``)."""
    files = BASE | {name.replace("_", "."): text for name, text in texts.items()}
    paths = [write(folder, name, text) for name, text in files.items()]
    return load_dataset(*paths)


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

    def test_the_readers_give_what_load_dataset_bundles(self) -> None:
        """Each reader, given a path or its text, reads its file as load_dataset does."""
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
        """Dataset.lead_report finds a quarter's report, given the quarter or its text."""
        data = example()
        expected = LeadReport("FY2026 Q2", provided=50, located=41)
        assert data.lead_report(FiscalQuarter(2026, 2)) == expected
        assert data.lead_report("fy2026 q2") == expected

    def test_a_quarter_without_a_report(self) -> None:
        """A quarter the file does not report is a DataError naming the quarter."""
        with pytest.raises(DataError) as info:
            example().lead_report("FY2027 Q1")
        assert str(info.value) == "leads: no lead report for FY2027 Q1"


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
        assert data.payroll == (
            PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "3000", "1000", "500"),
        )
        assert data.leads == (
            LeadReport("FY2026 Q1", 50, 45, True),
            LeadReport("FY2026 Q2", 50, 41, False),
        )

    def test_layout_is_free(self, tmp_path: Path) -> None:
        """Columns come in any order, optional columns may be left out, and a byte-order mark,
        blank rows, spaces around values and the case of models and quarters do not matter."""
        roster = write(
            tmp_path,
            "o.csv",
            "\ufeffannual_salary, model ,officer_id,trained_on\n"
            "\n , , , \n 60000 ,tfm,T-9,2025-08-01\n",
        )
        assert read_officers(roster) == (Officer("T-9", Model.TASK_FORCE, D(2025, 8, 1), "60000"),)
        text = "located,assistance_satisfactory,quarter,provided\n3,yes,fy2026q3,4\n"
        leads = write(tmp_path, "l.csv", text)
        assert read_leads(leads) == (LeadReport("FY2026 Q3", 4, 3, True),)
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
        assert read_payroll(write(tmp_path, "p.csv", PAYROLL)) == ()

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


# --- problems, located ---------------------------------------------------------------------------


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


COLUMNS = "['officer_id', 'model', 'trained_on', 'annual_salary', 'separated_on']"
ONE_OFFICER = "T-1,TFM,2025-08-01,78000,\n"

# (id, files written over BASE in the working folder, the read, the whole message).
PROBLEMS: list[tuple[str, dict[str, str | bytes], Callable[[], object], str]] = [
    # the shape of a CSV file
    ("empty", {"o.csv": ""}, officers, "o.csv:1: the file is empty; expected a header row"),
    (
        "unknown-column",
        {"o.csv": "officer_id,model,trained_on,annual_salary,rank\n"},
        officers,
        (
            "o.csv:1: header ['officer_id', 'model', 'trained_on', 'annual_salary', 'rank']; "
            f"expected the columns {COLUMNS} (unknown ['rank'])"
        ),
    ),
    (
        "missing-column",
        {"o.csv": "officer_id,model,trained_on\n"},
        officers,
        (
            "o.csv:1: header ['officer_id', 'model', 'trained_on']; "
            f"expected the columns {COLUMNS} (missing ['annual_salary'])"
        ),
    ),
    (
        "repeated-column",
        {"o.csv": "officer_id,model,trained_on,annual_salary,model\n"},
        officers,
        (
            "o.csv:1: header ['officer_id', 'model', 'trained_on', 'annual_salary', 'model']; "
            f"expected the columns {COLUMNS}"
        ),
    ),
    (
        "short-row",
        {"o.csv": OFFICERS + ONE_OFFICER + "T-2,TFM,2025-08-01,72000\n"},
        officers,
        "o.csv:3: row has 4 fields; expected 5",
    ),
    (
        "long-row",
        {"o.csv": OFFICERS + "T-2,TFM,2025-08-01,72,000.00,\n"},
        officers,
        "o.csv:2: row has 6 fields; expected 5",
    ),
    (
        "field-too-large",
        {"o.csv": OFFICERS + "T-2," + "x" * 200_000 + ",2025-08-01,1,\n"},
        officers,
        "o.csv:2: field larger than field limit (131072)",
    ),
    (
        "header-too-large",
        {"o.csv": "x" * 200_000 + "\n"},
        officers,
        "o.csv:1: field larger than field limit (131072)",
    ),
    ("not-utf-8", {"o.csv": b"officer_id\xff\n"}, officers, "o.csv: not UTF-8 text"),
    # officers.csv
    (
        "empty-id",
        {"o.csv": OFFICERS + ",TFM,2025-08-01,78000,\n"},
        officers,
        "o.csv:2: officer_id: '' is empty; expected an id",
    ),
    (
        "look-alike-id",
        {"o.csv": OFFICERS + ONE_OFFICER + "T-1\u200b,TFM,2025-08-01,78000,\n"},
        officers,
        (
            "o.csv:3: officer_id: 'T-1\\u200b' contains U+200B ZERO WIDTH SPACE; expected ASCII "
            "letters, digits, '.', '_' and '-'"
        ),
    ),
    (
        "same-id-other-case",
        {"o.csv": OFFICERS + ONE_OFFICER + ONE_OFFICER.replace("T-1", "t-1")},
        officers,
        (
            "o.csv:3: officer_id: 't-1' appears twice (as 'T-1' too) on the roster; ids are unique "
            "whatever their case"
        ),
    ),
    (
        "repeated-id",
        {"o.csv": OFFICERS + ONE_OFFICER + ONE_OFFICER},
        officers,
        (
            "o.csv:3: officer_id: 'T-1' appears twice on the roster; ids are unique whatever their "
            "case"
        ),
    ),
    (
        "bad-model",
        {"o.csv": OFFICERS + "T-1,XYZ,2025-08-01,78000,\n"},
        officers,
        "o.csv:2: model: 'XYZ' is not a 287(g) model; expected JEM, TFM or WSO",
    ),
    (
        "bad-date",
        {"o.csv": OFFICERS + "T-1,TFM,2025-13-01,78000,\n"},
        officers,
        "o.csv:2: trained_on: '2025-13-01' is not a date; expected YYYY-MM-DD",
    ),
    (
        "bad-optional-date",
        {"o.csv": OFFICERS + "T-1,TFM,2025-08-01,78000,soon\n"},
        officers,
        "o.csv:2: separated_on: 'soon' is not a date; expected YYYY-MM-DD",
    ),
    (
        "negative-amount",
        {"o.csv": OFFICERS + "T-1,TFM,2025-08-01,-5,\n"},
        officers,
        "o.csv:2: annual_salary: '-5' is negative; expected an amount >= 0",
    ),
    (
        "separated-before-trained",
        {"o.csv": OFFICERS + "T-1,TFM,2025-08-01,78000,2025-07-01\n"},
        officers,
        (
            "o.csv:2: separated_on: 2025-07-01 of officer 'T-1' is before trained_on 2025-08-01; "
            "expected separation after training"
        ),
    ),
    (
        "blank-lines-counted",
        {"o.csv": OFFICERS + ONE_OFFICER + "\n\nT-2,TFM,2025-08-01,x,\n"},
        officers,
        "o.csv:5: annual_salary: 'x' is not an amount; expected digits such as '1234.56'",
    ),
    # payroll.csv
    (
        "sub-cent-amount",
        {"p.csv": PAYROLL + "T-1,2025-10-01,2025-10-14,1,2,0.001\n"},
        payroll,
        "p.csv:2: overtime: '0.001' has fractions of a cent; expected whole cents",
    ),
    (
        "bad-amount",
        {"p.csv": PAYROLL + "T-1,2025-10-01,2025-10-14,1,x,0\n"},
        payroll,
        "p.csv:2: benefits: 'x' is not an amount; expected digits such as '1234.56'",
    ),
    (
        "record-ends-before-it-starts",
        {"p.csv": PAYROLL + "T-1,2025-10-14,2025-10-01,1,2,0\n"},
        payroll,
        (
            "p.csv:2: end: 2025-10-01 of a pay record of 'T-1' is before its start 2025-10-14; "
            "expected end >= start"
        ),
    ),
    # leads.csv
    (
        "bad-quarter",
        {"l.csv": LEADS + "FY2026 Q5,5,4,yes\n"},
        leads,
        "l.csv:2: quarter: Invalid fiscal quarter: 'FY2026 Q5' (quarter must be 1-4)",
    ),
    (
        "repeated-quarter",
        {"l.csv": LEADS + "FY2026 Q1,5,4,yes\nfy2026q1,5,4,no\n"},
        leads,
        "l.csv:3: quarter: FY2026 Q1 already reported on line 2",
    ),
    (
        "bad-count",
        {"l.csv": LEADS + "FY2026 Q1,5.0,4,yes\n"},
        leads,
        "l.csv:2: provided: '5.0' is not a whole number from 0 to 1000000000",
    ),
    (
        "count-in-other-digits",
        {"l.csv": LEADS + "FY2026 Q1,\uff15,4,yes\n"},
        leads,
        "l.csv:2: provided: '\uff15' is not a whole number from 0 to 1000000000",
    ),
    (
        "count-of-eleven-digits",
        {"l.csv": LEADS + "FY2026 Q1,00000000005,4,yes\n"},
        leads,
        "l.csv:2: provided: '00000000005' is not a whole number from 0 to 1000000000",
    ),
    (
        "count-of-thousands-of-digits",
        {"l.csv": LEADS + "FY2026 Q1," + "1" * 5000 + ",4,yes\n"},
        leads,
        f"l.csv:2: provided: '{'1' * 40}\u2026' is not a whole number from 0 to 1000000000",
    ),
    (
        "count-too-large",
        {"l.csv": LEADS + "FY2026 Q1,9999999999,4,yes\n"},
        leads,
        "l.csv:2: provided: 9999999999 is too large; expected at most 1000000000",
    ),
    (
        "located-above-provided",
        {"l.csv": LEADS + "FY2026 Q1,4,5,yes\n"},
        leads,
        "l.csv:2: located: 5 is more than provided (4); expected located <= provided",
    ),
    (
        "bad-yes-no",
        {"l.csv": LEADS + "FY2026 Q1,5,4,maybe\n"},
        leads,
        "l.csv:2: assistance_satisfactory: 'maybe' is not yes or no",
    ),
    (
        "blank-assistance",
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
    ("agency-not-utf-8", {"a.json": b"\xff"}, agency, "a.json: not UTF-8 text"),
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
            "a.json: expected an object with exactly the fields "
            "['id', 'name', 'agreement_date', 'models']"
        ),
    ),
    (
        "agency-extra-field",
        {"a.json": json.dumps(AGENCY | {"state": "XX"})},
        agency,
        (
            "a.json: expected an object with exactly the fields "
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
        "a.json: agreement_date: 20250701; expected a string",
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
        "a.json: models: [1]; expected a list such as ['TFM']",
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
        "a.json: models: 'XX' is not a 287(g) model; expected JEM, TFM or WSO",
    ),
    (
        "agency-bad-date",
        {"a.json": json.dumps(AGENCY | {"agreement_date": "July"})},
        agency,
        "a.json: agreement_date: 'July' is not a date; expected YYYY-MM-DD",
    ),
    (
        "agency-blank-id",
        {"a.json": json.dumps(AGENCY | {"id": " "})},
        agency,
        "a.json: id: ' ' contains U+0020 SPACE; expected ASCII letters, digits, '.', '_' and '-'",
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
        {"p.csv": BASE["p.csv"] + "\nX-9,2025-10-01,2025-10-14,1,2,0\n"},
        dataset,
        (
            "p.csv:4: officer_id: 'X-9' of the pay record 2025-10-01 to 2025-10-14 is not on the "
            "roster"
        ),
    ),
    (
        "overlapping-pay-records",
        {"p.csv": PAYROLL + "T-1,2025-10-14,2025-10-27,1,2,0\nT-1,2025-10-01,2025-10-14,1,2,0\n"},
        dataset,
        (
            "p.csv:2: period_start: T-1's pay records 2025-10-01 to 2025-10-14 and 2025-10-14 to "
            "2025-10-27 overlap (a double claim)"
        ),
    ),
    (
        "a-bad-file-fails-the-load",
        {"l.csv": LEADS + "FY2026 Q1,x,1,\n"},
        dataset,
        "l.csv:2: provided: 'x' is not a whole number from 0 to 1000000000",
    ),
]


@pytest.mark.parametrize(
    ("files", "read", "message"), [p[1:] for p in PROBLEMS], ids=[p[0] for p in PROBLEMS]
)
def test_problems_are_located(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str | bytes],
    read: Callable[[], object],
    message: str,
) -> None:
    """Each problem is a DataError (an InvalidInputError) reading exactly
    ``file:line: column: problem``, and nothing is returned."""
    monkeypatch.chdir(tmp_path)
    for name, content in (BASE | files).items():
        if isinstance(content, bytes):
            Path(name).write_bytes(content)
        else:
            Path(name).write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as info:
        read()
    assert str(info.value) == message
    assert isinstance(info.value, InvalidInputError)


@pytest.mark.parametrize("read", [read_officers, read_payroll, read_leads, read_agency])
def test_unreadable_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read: Callable[[str], object]
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
