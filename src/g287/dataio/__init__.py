"""Reading an agency's files as payroll systems and spreadsheets export them, or the same tables
already in memory (DataFrames, lists of dicts).

This package does I/O, at the edge; the rules core never does. Four inputs make a claim:

``officers.csv``
    ``officer_id``, ``model`` (``JEM``/``TFM``/``WSO`` or their names), ``trained_on``,
    ``annual_salary``, ``separated_on`` (may be blank, or the column left out).
``payroll.csv``
    ``officer_id``, ``period_start``, ``period_end`` (inclusive), ``salary``, ``benefits``,
    ``overtime`` (the amounts paid for the period), ``adjustment`` (``yes`` for a correction of
    pay already recorded; may be blank, or the column left out).
``leads.csv``
    ``quarter`` (``FY2026 Q1``), ``provided``, ``located`` (whole numbers),
    ``assistance_satisfactory`` (``yes``/``no``; never assumed).
``agency.json``
    ``{"id": ..., "name": ..., "agreement_date": "YYYY-MM-DD", "models": ["TFM", ...]}``

What an export may look like:

* headers in any order and case, with spaces, hyphens or dots for ``_`` (``Officer ID`` is
  ``officer_id``); other columns are ignored, and named once in the dataset's ``notes``;
* comma, semicolon or tab separated (the header line tells which); UTF-8 with or without a
  byte-order mark; or an ``.xlsx`` workbook (its first sheet, the same columns) with the
  ``excel`` extra;
* cells as the "Input files" page describes: ``$1,234.56`` amounts, ISO or US
  ``MM/DD/YYYY`` dates, ``FY26 Q1`` quarters.

The same four tables in memory — DataFrames, or lists of dicts — are read by
:meth:`Dataset.from_records` with the same rules, a problem then placed as
``payroll[row 12]: column: problem``.

Every problem of a run is reported at once — up to 50, then a count — as
``file:line: column: problem`` in one :class:`DataError`, with real line numbers and values
shown shortened to 40 characters. Nothing is returned from files with a problem.

>>> data = load_dataset(*(example_dir() / n for n in
...                       ("officers.csv", "payroll.csv", "leads.csv", "agency.json")))
>>> len(data.officers), len(data.payroll), len(data.leads)
(10, 237, 4)
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from g287._validators import Value, check_with, of_type, tuple_of
from g287.calendar import FiscalQuarter, to_quarter
from g287.errors import G287Error, InvalidInputError, show
from g287.inputs import Agency, LeadReport, Officer, PayRecord, Payroll, Place, located_problems

from . import _cells, _problems, _sources, _tables
from ._problems import DataError, Problems
from ._sources import (
    RECORD_PLACE,
    Chunk,
    Sheet,
    cell_text,
    read_json,
    read_sheet,
    record_sheet,
    table_records,
)
from ._tables import (
    Kind,
    columns_of,
    leads_kind,
    listed,
    officers_kind,
    payroll_kind,
)

__all__ = [
    "AGENCY_FIELDS",
    "LEAD_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
    "MAX_PROBLEMS",
    "OFFICER_COLUMNS",
    "PAYROLL_COLUMNS",
    "PROGRESS_EVERY",
    "DataError",
    "Dataset",
    "example_dir",
    "load_dataset",
    "read_agency",
    "read_leads",
    "read_officers",
    "read_payroll",
    "write_templates",
]

#: The columns of ``officers.csv`` (the 287(g) roster); ``separated_on`` may be left out.
OFFICER_COLUMNS: Final = _tables.OFFICER_COLUMNS
#: The columns of ``payroll.csv``, one row per officer and pay period.
PAYROLL_COLUMNS: Final = _tables.PAYROLL_COLUMNS
#: The columns of ``leads.csv``, one row per quarter.
LEAD_COLUMNS: Final = _tables.LEAD_COLUMNS
#: The largest input file read (1 GiB); a larger one is refused before a byte is read.
MAX_FILE_BYTES: Final = _sources.MAX_FILE_BYTES
#: The longest line of a CSV file read (1 MiB).
MAX_LINE_BYTES: Final = _sources.MAX_LINE_BYTES
#: At most this many problems are listed in a :class:`DataError`; the rest are counted.
MAX_PROBLEMS: Final = _problems.MAX_PROBLEMS
#: The fields of ``agency.json``.
AGENCY_FIELDS: Final = _tables.AGENCY_FIELDS


def _payroll(given: Iterable[PayRecord]) -> Payroll:
    return Payroll.of(given)


@attrs.frozen(slots=False, repr=False, eq=False)
class Dataset(Value):
    """An agency's inputs, read and cross-checked, and notes about how they were read."""

    agency: Agency = attrs.field(metadata=check_with(of_type(Agency, "an Agency")))
    officers: tuple[Officer, ...] = attrs.field(metadata=check_with(tuple_of(Officer, "Officer")))
    payroll: Payroll = attrs.field(converter=_payroll)
    leads: tuple[LeadReport, ...] = attrs.field(
        metadata=check_with(tuple_of(LeadReport, "LeadReport"))
    )
    #: What was set aside while reading (columns ignored), one sentence each.
    notes: tuple[str, ...] = attrs.field(default=(), metadata=check_with(tuple_of(str, "text")))

    def lead_report(self, quarter: FiscalQuarter | str) -> LeadReport:
        """The lead report of a quarter (or its text); :class:`DataError` if there is none."""
        q = to_quarter(quarter)
        for report in self.leads:
            if report.quarter == q:
                return report
        raise DataError(
            f"leads: no lead report for {q}; the lead reports are for "
            + (", ".join(str(r.quarter) for r in self.leads) or "no quarter"),
            field="leads",
            value=str(q),
        )

    @classmethod
    def from_records(
        cls, *, agency: object, officers: object, payroll: object, leads: object
    ) -> Dataset:
        """Read the four inputs from tables in memory, as :func:`load_dataset` reads files.

        Each of ``officers``, ``payroll`` and ``leads`` is a DataFrame (anything with
        ``.to_dict("records")``: pandas is not needed, nor imported) or an iterable of mappings
        such as a list of dicts; ``agency`` is a mapping (``agency.json``'s object), or a
        one-row DataFrame or iterable, whose ``models`` may be a list. They are read with the
        file reader's rules, column by column: headers matched loosely (``Officer ID``),
        ``$1,234.56`` amounts, US dates, other columns ignored and named in
        :attr:`Dataset.notes`; then checked across tables. A cell holds text, or a value read
        as a workbook's cell is: a number of any type, exactly (a float as the shortest decimal
        that is it); a ``date``, or a ``datetime``/``pandas.Timestamp`` at midnight; ``None``,
        NaN, ``NaT`` or ``NA`` for an empty cell. The "Input files" page has every rule.

        Rows are numbered by position from 1, whatever a DataFrame's index, so
        ``payroll[row 12]`` is ``frame.iloc[11]``: the index does not reach the records, and
        after a filter or a sort its labels no longer count rows, where a position always finds
        the row.

        Raises:
            DataError: listing every problem (up to :data:`MAX_PROBLEMS`, then a count), each
                as ``payroll[row 12]: salary: problem``: the problems the same tables would
                have as files.
            ~g287.InvalidTypeError: a table is neither a DataFrame nor an iterable of mappings
                (text, a path, or one mapping for a whole table).

        >>> data = Dataset.from_records(
        ...     agency={"id": "A1", "name": "Test County", "agreement_date": "07/01/2025",
        ...             "models": ["TFM"]},
        ...     officers=[{"Officer ID": "T-1", "Model": "Task Force", "Trained On": "2025-08-01",
        ...                "Annual Salary": "$78,000.00", "Badge": 1017}],
        ...     payroll=[{"officer_id": "T-1", "period_start": "10/01/2025",
        ...               "period_end": "10/14/2025", "salary": 3000, "benefits": 1000.5,
        ...               "overtime": 0}],
        ...     leads=[{"quarter": "FY26 Q1", "provided": 50, "located": 45,
        ...             "assistance_satisfactory": "yes"}])
        >>> data.payroll[0].benefits, data.notes
        (Decimal('1000.50'), ("officers: ignored the column 'Badge'",))
        """
        return _dataset(
            lambda problems, _: _record_agency(agency, problems),
            partial(record_sheet, "officers", officers),
            partial(record_sheet, "payroll", payroll),
            partial(record_sheet, "leads", leads),
        )


def example_dir() -> Path:
    """The folder of the bundled example data set (a fictional agency, FY2026)."""
    return Path(str(resources.files("g287") / "data" / "example"))


class _Read:
    """What one table gave: its records and the row each stands on (kept as small integers, not
    text: a national payroll has hundreds of thousands of rows)."""

    def __init__(self) -> None:
        self.place: Callable[[int], str] = str
        self.lines = array("l")
        self.records: Sequence[Any] = []

    def at(self, i: int) -> str:
        """Where the i-th record is: ``file:line`` or ``payroll[row N]``."""
        return self.place(self.lines[i])


#: A progress callback: ``progress(file, rows)``, called every :data:`PROGRESS_EVERY` rows,
#: and at the end of a file with its whole count.
Progress = Callable[[str, int], object]
#: How often (in rows) a progress callback is called.
PROGRESS_EVERY: Final = 50_000
#: Where a table comes from: a file's, or records', :class:`Sheet` when asked for.
_TableSource = Callable[[], Sheet]


def _counted(chunks: Iterator[Chunk], where: str, progress: Progress) -> Iterator[Chunk]:
    read = 0
    try:
        for chunk in chunks:
            before, read = read, read + len(chunk[1])
            for shown in range(
                (before // PROGRESS_EVERY + 1) * PROGRESS_EVERY, read + 1, PROGRESS_EVERY
            ):
                progress(where, shown)
            yield chunk
    finally:  # the whole read, once it was told of, also when the file stops being readable
        if read > PROGRESS_EVERY and read % PROGRESS_EVERY:
            progress(where, read)


def _read(
    kind: Kind,
    source: _TableSource,
    problems: Problems,
    notes: list[str],
    progress: Progress | None = None,
) -> _Read:
    """The records of one table, with the row each stands on; problems added."""
    read = _Read()
    try:
        sheet = source()
    except DataError as exc:
        problems.take(exc)
        return read
    read.place = sheet.at
    with sheet:
        if sheet.header_line is None and not sheet.header:
            return read  # records with no row and no column: an empty table (a [])
        found = columns_of(kind, sheet.header_at, sheet.header, sheet.raw_header, problems)
        if found is None:
            return read
        index, ignored = found
        if ignored:
            notes.append(
                f"{sheet.where}: ignored the column{'s' if len(ignored) > 1 else ''} "
                + listed(ignored)
            )
        read.records = kind.collect(
            kind,
            at=sheet.at,
            chunks=_readable(
                sheet.chunks if progress is None else _counted(sheet.chunks, sheet.where, progress),
                problems,
            ),
            width=len(sheet.header),
            index=index,
            problems=problems,
            lines=read.lines,
        )
        return read


def _readable(chunks: Iterator[Chunk], problems: Problems) -> Iterator[Chunk]:
    """The rows, up to where the file stopped being readable (not UTF-8, a broken quote): the
    rows before it are still read, and checked across tables."""
    try:
        yield from chunks
    except DataError as exc:
        problems.take(exc)


def _read_leads(source: _TableSource, problems: Problems, notes: list[str]) -> _Read:
    read = _read(leads_kind(), source, problems, notes)
    seen: dict[FiscalQuarter, str] = {}
    for i, report in enumerate(read.records):
        where = read.at(i)
        if report.quarter in seen:
            problems.add(
                where,
                f"quarter: {report.quarter} is reported twice (also at {seen[report.quarter]})",
            )
        seen.setdefault(report.quarter, where)
    return read


def _locate(
    errors: Iterable[tuple[Place, G287Error]], reads: Mapping[str, _Read], problems: Problems
) -> None:
    """Each problem across records added at the line of the record it is about (naming the
    line of another record it is about too: the earlier record of a double claim)."""
    for place, error in errors:
        read = reads[place.table]
        if place.also is not None:
            error = type(error)(  # noqa: PLW2901 - the same problem, placed
                f"{error}; the other record is at {read.at(place.also)}",
                field=error.field,
                value=error.value,
            )
        problems.add(read.at(place.record), error)


def _done(read: _Read, problems: Problems) -> tuple[Any, ...]:
    problems.check()
    return tuple(read.records)


def read_officers(path: str | Path) -> tuple[Officer, ...]:
    """Read a roster (columns: :data:`OFFICER_COLUMNS`); ids must be unique whatever their case.

    Raises:
        DataError: listing every problem of the file.
    """
    problems = Problems()
    read = _read(officers_kind(), partial(read_sheet, Path(path)), problems, [])
    _locate(located_problems(None, read.records, Payroll.of(())), {"officers": read}, problems)
    return _done(read, problems)


def read_payroll(path: str | Path) -> Payroll:
    """Read a payroll (columns: :data:`PAYROLL_COLUMNS`) into a :class:`~g287.Payroll`.

    Raises:
        DataError: listing every problem of the file.
    """
    problems = Problems()
    read = _read(payroll_kind(), partial(read_sheet, Path(path)), problems, [])
    problems.check()
    return Payroll.of(read.records)


def read_leads(path: str | Path) -> tuple[LeadReport, ...]:
    """Read ICE's lead reports (columns: :data:`LEAD_COLUMNS`); one per quarter.

    Raises:
        DataError: listing every problem of the file.
    """
    problems = Problems()
    return _done(_read_leads(partial(read_sheet, Path(path)), problems, []), problems)


def read_agency(path: str | Path) -> Agency:
    """Read an agency JSON file (fields: :data:`AGENCY_FIELDS`).

    Raises:
        DataError: naming the problem.
    """
    problems = Problems()
    agency = _read_agency(Path(path), problems)
    problems.check()
    assert agency is not None  # a problem would have been raised
    return agency


def _read_agency(path: Path, problems: Problems) -> Agency | None:
    try:
        data = read_json(path)
    except DataError as exc:
        problems.take(exc)
        return None
    return _agency_of(data, str(path), problems)


def _record_agency(table: object, problems: Problems) -> Agency | None:
    """The agency given in memory: ``agency.json``'s object as a mapping, or a table of one row
    (a one-row DataFrame) holding the same fields; read by the rules of ``agency.json``."""
    if isinstance(table, Mapping):
        return _agency_of(table, "agency", problems)
    try:
        rows, _ = table_records("agency", table)
    except DataError as exc:
        problems.take(exc)
        return None
    if len(rows) != 1:
        problems.add("agency", f"has {len(rows)} rows; expected one, the agency's")
        return None
    return _agency_of(rows[0], RECORD_PLACE.format("agency", 1), problems)


def _agency_of(data: object, where: str, problems: Problems) -> Agency | None:
    """The agency of ``agency.json``'s object (or the same fields in memory): exactly the fields
    :data:`AGENCY_FIELDS`; ``id`` and ``name`` text, ``agreement_date`` a date cell (text, or in
    memory a date), ``models`` a list of models (codes, names or :class:`~g287.Model`)."""
    if not isinstance(data, Mapping) or sorted(map(str, data)) != sorted(AGENCY_FIELDS):
        told = []
        if isinstance(data, Mapping):
            given = list(map(str, data))
            missing = [f for f in AGENCY_FIELDS if f not in given]
            extra = [f for f in given if f not in AGENCY_FIELDS]
            told = [f"lacks {listed(missing)}"] * bool(missing) + [f"has {listed(extra)}"] * bool(
                extra
            )
        problems.add(
            where,
            f"{'; '.join(told) + '; ' if told else ''}expected an object with exactly the fields "
            f"{list(AGENCY_FIELDS)}",
        )
        return None
    for name in ("id", "name"):
        if not isinstance(data[name], str):
            problems.add(where, f"{name}: {show(data[name])}; expected a string")
            return None
    models = data["models"]
    if isinstance(models, (str, bytes, Mapping)) or not isinstance(models, Iterable):
        problems.add(where, f"models: {show(models)}; expected a list such as ['TFM']")
        return None
    try:
        agreement = _cells.date(cell_text(data["agreement_date"]), "agreement_date")
        signed = frozenset(_cells.model(cell_text(m), "models") for m in models)
        return Agency(data["id"], data["name"], agreement, signed)
    except G287Error as exc:
        problems.add(where, exc)
        return None


def load_dataset(
    officers: str | Path,
    payroll: str | Path,
    leads: str | Path,
    agency: str | Path,
    *,
    progress: Progress | None = None,
) -> Dataset:
    """Read and cross-check an agency's four files, reporting every problem of all of them.

    Beyond each file's own checks: every pay record's officer is on the roster, one officer's
    pay records do not overlap (a double claim), and every officer's model is one the agency
    signed. Each problem is reported at the line that causes it. ``progress``, if given, is
    called as ``progress(file, rows)`` every :data:`PROGRESS_EVERY` rows read, and at the end of
    a file that long with its whole count.
    :meth:`Dataset.from_records` reads the same tables from memory.

    Raises:
        DataError: listing every problem (up to :data:`MAX_PROBLEMS`, then a count).
    """
    return _dataset(
        lambda problems, _: _read_agency(Path(agency), problems),
        partial(read_sheet, Path(officers)),
        partial(read_sheet, Path(payroll)),
        partial(read_sheet, Path(leads)),
        progress,
    )


def _dataset(
    agency: Callable[[Problems, list[str]], Agency | None],
    officers: _TableSource,
    payroll: _TableSource,
    leads: _TableSource,
    progress: Progress | None = None,
) -> Dataset:
    """The four tables read and cross-checked, or a DataError listing every problem."""
    problems = Problems()
    notes: list[str] = []
    ag = agency(problems, notes)
    before = problems.count
    roster = _read(officers_kind(), officers, problems, notes, progress)
    roster_refused = problems.count > before
    pay = _read(payroll_kind(), payroll, problems, notes, progress)
    reports = _read_leads(leads, problems, notes)
    # The checks across records live with the claims; here each gets its place. While the
    # roster has refused rows, a pay record is not also reported as off the roster.
    payroll_read, roster_read = Payroll.of(pay.records), tuple(roster.records)
    across = located_problems(ag, roster_read, payroll_read)
    _locate(
        (
            (place, e)
            for place, e in across
            if not (roster_refused and e.field == "officer_id" and place.table == "payroll")
        ),
        {"officers": roster, "payroll": pay},
        problems,
    )
    problems.check()
    assert ag is not None
    return Dataset(ag, roster_read, payroll_read, tuple(reports.records), tuple(notes))


#: The files ``g287 template`` writes: a header and one example row, commented out.
TEMPLATES: Final = {
    "officers.csv": (OFFICER_COLUMNS, "# T-01,TFM,2025-06-15,72000.00,"),
    "payroll.csv": (PAYROLL_COLUMNS, "# T-01,2025-10-01,2025-10-14,2769.23,615.38,0.00,no"),
    "leads.csv": (LEAD_COLUMNS, "# FY2026 Q1,50,45,yes"),
}
#: The example ``agency.json`` a template holds (JSON has no comments: replace its values).
AGENCY_TEMPLATE: Final = {
    "id": "EXAMPLE",
    "name": "Example County Sheriff's Office",
    "agreement_date": "2025-08-15",
    "models": ["TFM"],
}


def write_templates(folder: str | Path) -> list[Path]:
    """Write the four input files into ``folder`` (made if need be): each CSV with its header
    and one example row commented out, ``agency.json`` with example values. Files that exist
    are not overwritten (an :class:`~g287.InvalidInputError` names the first, and nothing is
    written).
    """
    where = Path(folder)
    paths = [where / name for name in (*TEMPLATES, "agency.json")]
    there = [p for p in paths if p.exists()]
    if there:
        raise InvalidInputError(
            f"{there[0].name} exists in {show(str(where))}; templates never overwrite a file "
            "(choose a new folder)",
            field="folder",
            value=str(folder),
        )
    where.mkdir(parents=True, exist_ok=True)
    for name, (columns, example) in TEMPLATES.items():
        (where / name).write_text(",".join(columns) + "\n" + example + "\n", encoding="utf-8")
    (where / "agency.json").write_text(
        json.dumps(AGENCY_TEMPLATE, indent=2) + "\n", encoding="utf-8"
    )
    return paths
