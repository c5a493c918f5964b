"""The kinds of table an agency gives — roster, payroll, lead reports — and how a row becomes a
record: which columns, read how, built into which value object."""

from __future__ import annotations

import difflib
import operator
import re
from collections.abc import Callable, Iterable, Mapping, MutableSequence, Sequence
from functools import partial
from itertools import repeat
from typing import Any, Final

from g287.errors import G287Error, InvalidInputError, show
from g287.inputs import NOT_NEGATIVE, LeadReport, Officer, PayRecord, Payroll, negative_amounts
from g287.money import cents, cents_of_texts, plain_cents, to_signed_money

from . import _cells
from ._problems import Problems
from ._sources import Chunk

#: The columns of ``officers.csv`` (the 287(g) roster); ``separated_on`` may be left out.
OFFICER_COLUMNS: Final = ("officer_id", "model", "trained_on", "annual_salary", "separated_on")
#: The columns of ``payroll.csv``, one row per officer and pay period; ``adjustment`` may be
#: left out (``no``).
PAYROLL_COLUMNS: Final = (
    "officer_id",
    "period_start",
    "period_end",
    "salary",
    "benefits",
    "overtime",
    "adjustment",
)
#: The columns of ``leads.csv``, one row per quarter.
LEAD_COLUMNS: Final = ("quarter", "provided", "located", "assistance_satisfactory")
#: The fields of ``agency.json`` (and of an agency given in memory).
AGENCY_FIELDS: Final = ("id", "name", "agreement_date", "models")


#: Reads a table's rows (see :func:`records`): ``collect(kind, at=..., chunks=..., width=...,
#: index=..., problems=..., lines=...)`` gives the records, a list or a :class:`Payroll`.
Collect = Callable[..., Sequence[Any]]


class Kind:
    """One kind of table: its columns (which may be left out), how each cell is read, and how
    a row's values become a record."""

    def __init__(
        self,
        *,
        name: str,
        columns: tuple[str, ...],
        optional: frozenset[str],
        readers: Mapping[str, _cells.Reader],
        build: Callable[[dict[str, Any]], Any],
        collect: Collect | None = None,
        row_problems: Callable[[dict[str, Any], list[str], Mapping[str, int]], list[G287Error]]
        | None = None,
    ) -> None:
        self.name = name
        self.columns = columns
        self.optional = optional
        self.readers = readers
        self.build = build
        #: How the rows are read into records: :func:`records` (a list), unless the kind reads
        #: them otherwise (a payroll, column by column).
        self.collect: Collect = collect or records
        #: The problems of a row whose cells each read well, said of the cells as written
        #: (before the record is built, which would say the first of them only); a row read
        #: on its own is checked so, and a chunk with such a row is read row by row.
        self.row_problems = row_problems


def _officer(v: dict[str, Any]) -> Officer:
    return Officer._trusted(
        v["officer_id"], v["model"], v["trained_on"], v["annual_salary"], v.get("separated_on")
    )


def _pay_record(v: dict[str, Any]) -> PayRecord:
    return PayRecord(
        v["officer_id"],
        v["period_start"],
        v["period_end"],
        v["salary"],
        v["benefits"],
        v["overtime"],
        adjustment=v.get("adjustment", False),
    )


def _pay_row_problems(
    v: dict[str, Any], cells: list[str], index: Mapping[str, int]
) -> list[G287Error]:
    """Each amount of an ordinary pay record below zero, as the cell writes it."""
    names = negative_amounts(v, adjustment=v.get("adjustment", False))
    return [InvalidInputError.about(name, cells[index[name]], NOT_NEGATIVE) for name in names]


def _lead_report(v: dict[str, Any]) -> LeadReport:
    return LeadReport(v["quarter"], v["provided"], v["located"], v["assistance_satisfactory"])


def officers_kind() -> Kind:
    """The roster: one row per officer."""
    return Kind(
        name="officers",
        columns=OFFICER_COLUMNS,
        optional=frozenset({"separated_on"}),
        readers={
            "officer_id": _cells.identifier,
            "model": _cells.model,
            "trained_on": _cells.date,
            "annual_salary": _cells.amount,
            "separated_on": _cells.optional_date,
        },
        build=_officer,
    )


def payroll_kind() -> Kind:
    """The payroll: one row per officer and pay period (an adjustment may be negative)."""
    return Kind(
        name="payroll",
        columns=PAYROLL_COLUMNS,
        optional=frozenset({"adjustment"}),
        readers={
            "officer_id": _cells.identifier,
            "period_start": _cells.date,
            "period_end": _cells.date,
            "salary": _cells.signed_amount,
            "benefits": _cells.signed_amount,
            "overtime": _cells.signed_amount,
            "adjustment": _cells.optional_yes_no,
        },
        build=_pay_record,
        collect=pay_records,
        row_problems=_pay_row_problems,
    )


def leads_kind() -> Kind:
    """ICE's lead reports: one row per quarter."""
    return Kind(
        name="leads",
        columns=LEAD_COLUMNS,
        optional=frozenset(),
        readers={
            "quarter": _cells.quarter,
            "provided": _cells.count,
            "located": _cells.count,
            "assistance_satisfactory": _cells.yes_no,
        },
        build=_lead_report,
    )


def columns_of(
    kind: Kind, where: str, header: list[str], raw_header: list[str], problems: Problems
) -> tuple[dict[str, int], list[str]] | None:
    """The index of each known column in ``header``, and the headers it ignores; ``None`` (and a
    problem) when a required column is missing or one is given twice."""
    index: dict[str, int] = {}
    ignored: list[str] = []
    twice: list[str] = []
    unknown: list[tuple[str, str]] = []  # an ignored header, and its column name
    for i, (name, raw) in enumerate(zip(header, raw_header, strict=True)):
        if name in kind.columns:
            if name in index:
                twice.append(raw)
            index.setdefault(name, i)
        elif name or raw.strip():
            ignored.append(raw)
            unknown.append((raw, name))
    missing = [c for c in kind.columns if c not in index and c not in kind.optional]
    if missing or twice:
        told = [f"lacks {', '.join(repr(m) for m in missing)}"] if missing else []
        told += [f"names {listed(list(dict.fromkeys(twice)))} more than once"] if twice else []
        required = [c for c in kind.columns if c not in kind.optional]
        optional = [c for c in kind.columns if c in kind.optional]
        expected = ", ".join(required) + (f" (optional: {', '.join(optional)})" if optional else "")
        near = [
            f"{show(raw)} for {m!r}"
            for m in missing
            for raw, name in unknown
            if difflib.get_close_matches(m, [name], n=1, cutoff=0.75)
        ]
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        problems.add(
            where,
            f"the header {' and '.join(told)}; expected the columns {expected} "
            f"(any order, any case){hint}",
        )
        return None
    return index, ignored


def listed(headers: list[str], most: int = 10) -> str:
    """Header names for a message: each shortened and escaped, at most ``most`` of them."""
    shown = [show(h) for h in headers[:most]]
    return ", ".join(shown + ([f"and {len(headers) - most} more"] if len(headers) > most else []))


def _skipped(cells: list[str]) -> bool:
    """A blank row, or a comment: a row whose first cell starts with ``#``."""
    return not "".join(cells).strip() or cells[0].lstrip().startswith("#")


def records(
    kind: Kind,
    *,
    at: Callable[[int], str],
    chunks: Iterable[Chunk],
    width: int,
    index: Mapping[str, int],
    problems: Problems,
    lines: MutableSequence[int],
) -> list[Any]:
    """Each row's record, with the number of its row appended to ``lines``; a row's every
    problem is added to ``problems`` at ``at(number)`` (``file:12``, ``payroll[row 12]``).
    Blank rows and comments (a first cell starting with ``#``) are skipped.

    ``chunks`` gives the rows some at a time, each chunk their numbers and cells; a row must
    have ``width`` cells (the header's), and ``index`` says which cell holds each known column.
    """
    readers = {column: _Column(_each(kind.readers[column])) for column in index}
    out: list[Any] = []
    for numbers, cells in chunks:
        built = _built(kind, cells, width, index, readers)
        if built is None:
            _one_by_one(kind, at, (numbers, cells), width, index, problems, lines, out.append)
        else:  # the common case: every row of the chunk a record
            out += built
            lines.extend(numbers)
    return out


def _one_by_one(  # noqa: PLR0917 - a chunk and what reading its rows needs
    kind: Kind,
    at: Callable[[int], str],
    chunk: Chunk,
    width: int,
    index: Mapping[str, int],
    problems: Problems,
    lines: MutableSequence[int],
    add: Callable[[Any], object],
) -> None:
    """A chunk's rows read one by one, each of a row's problems added at its line, each record
    given to ``add`` and its row's number appended to ``lines``."""
    for line, row in zip(*chunk, strict=True):
        record = _row_record(kind, at, line, row, width, index, problems)
        if record is not None:
            add(record)
            lines.append(line)


def _built(
    kind: Kind,
    cells: list[list[str]],
    width: int,
    index: Mapping[str, int],
    readers: Mapping[str, _Column],
) -> list[Any] | None:
    """The records of a chunk read column by column, or ``None`` if a row is not one (a blank
    row, a comment, a problem): the chunk is then read row by row, which says why."""
    table = _table(cells, width)
    if table is None:
        return None
    try:
        columns = {c: readers[c].values(table[i], c) for c, i in index.items()}
        rows = zip(*columns.values(), strict=True)
        return [kind.build(dict(zip(columns, row, strict=True))) for row in rows]
    except G287Error:
        return None


def _table(cells: list[list[str]], width: int) -> list[tuple[str, ...]] | None:
    """The columns of a chunk of rows, each as wide as the header; ``None`` if a row is not
    (a blank row, one of other width) or its first cell may be a comment."""
    if set(map(len, cells)) != {width}:
        return None
    table = list(zip(*cells, strict=True))
    if re.search(_MAY_BE_A_COMMENT, "\0" + "\0".join(table[0])):
        return None  # a comment, or a first cell that may hide one behind white space
    return table


#: A first cell (each after a NUL, in a chunk's first column joined) that is a comment, or may
#: hide one behind white space (``\s`` is what ``str.lstrip`` strips: a no-break space too).
_MAY_BE_A_COMMENT: Final = r"\0[#\s]"


def _row_record(  # noqa: PLR0917 - one row and what reading it needs
    kind: Kind,
    at: Callable[[int], str],
    line: int,
    cells: list[str],
    width: int,
    index: Mapping[str, int],
    problems: Problems,
) -> Any:
    """One row's record; ``None`` for a blank row, a comment, or a row with problems (each
    added to ``problems``)."""
    if len(cells) != width:
        if not _skipped(cells):
            problems.add(at(line), f"the row has {len(cells)} fields; expected {width}")
        return None
    if _skipped(cells):
        return None
    return _record(kind, at(line), cells, index, problems)


class _Column:
    """A column's cells read into values, each distinct text once: a payroll repeats the same
    ids, days and salaries for many rows. A ``cheap`` reader reads many texts for less than
    keeping them costs: a column whose texts are mostly new (overtime differs from record to
    record) is then read whole, chunk after chunk."""

    def __init__(
        self, read: Callable[[Sequence[str], str], list[Any]], *, cheap: bool = False
    ) -> None:
        self.read = read
        self.cheap = cheap
        self.whole = False  # the column proved mostly new: read whole from now on
        self.seen: dict[str, Any] = {}

    def values(self, texts: Sequence[str], column: str) -> list[Any]:
        """The value of each text (raises on the first that is not one)."""
        if self.whole:
            return self.read(texts, column)
        try:
            return list(map(self.seen.__getitem__, texts))  # all seen before: the common case
        except KeyError:
            pass
        new = list(set(texts).difference(self.seen))
        if self.cheap and 4 * len(new) > len(texts):
            self.whole = True
            return self.read(texts, column)
        self.seen.update(zip(new, self.read(new, column), strict=True))
        return list(map(self.seen.__getitem__, texts))


def _each(read: _cells.Reader) -> Callable[[Sequence[str], str], list[Any]]:
    return lambda texts, column: [read(t, column) for t in texts]


def _amounts(texts: Sequence[str], column: str) -> list[int]:
    """Cents of amounts, as :func:`~g287.dataio._cells.signed_amount` reads each: those in the
    plain two-place form at once, any other (``$1,234.56``) by its plain form."""
    return cents_of_texts(texts, partial(_amount, column=column))


def _amount(text: str, column: str) -> int:
    plain = _cells.amount_text(text, column, signed=True)  # refuses what is not an amount
    count = plain_cents(plain)
    return cents(to_signed_money(plain, column)) if count is None else count


def pay_records(
    kind: Kind,
    *,
    at: Callable[[int], str],
    chunks: Iterable[Chunk],
    width: int,
    index: Mapping[str, int],
    problems: Problems,
    lines: MutableSequence[int],
) -> Payroll:
    """A payroll's records (as :func:`records` reads rows), read a chunk of rows at a time,
    column by column, into a :class:`Payroll`, with no object made per row.

    A chunk of plain rows (as wide as the header, no comment, every cell readable, no period
    ending before it starts, no negative amount but an adjustment's) is read a column at a time;
    any other chunk is read row by row as :func:`records` does, which reports each problem.
    """
    columns = _PayColumns()
    days = _Column(_each(_cells.date))
    readers = {
        "officer_id": _Column(_each(_cells.identifier)),
        "period_start": days,
        "period_end": days,
        "salary": _Column(_amounts, cheap=True),
        "benefits": _Column(_amounts, cheap=True),
        "overtime": _Column(_amounts, cheap=True),
        "adjustment": _Column(_each(_cells.optional_yes_no)),
    }
    for numbers, cells in chunks:
        try:
            read = _chunk(cells, width, index, readers)
        except G287Error:
            read = None
        if read is None:
            _one_by_one(kind, at, (numbers, cells), width, index, problems, lines, columns.add)
        else:
            columns.extend(read)
            lines.extend(numbers)
    return columns.payroll()


def _chunk(
    cells: list[list[str]],
    width: int,
    index: Mapping[str, int],
    readers: Mapping[str, _Column],
) -> tuple[list[Any], ...] | None:
    """The columns of a chunk of ordinary rows, or ``None`` if it has any other row."""
    table = _table(cells, width)
    if table is None:
        return None
    ids, starts, ends, salary, benefits, overtime = (
        readers[c].values(table[index[c]], c) for c in PAYROLL_COLUMNS[:6]
    )
    if not all(map(operator.le, starts, ends)):
        return None  # a period ending before it starts: read the rows one by one
    flagged = index.get("adjustment")
    adjusted = (
        [False] * len(cells)
        if flagged is None
        else readers["adjustment"].values(table[flagged], "adjustment")
    )
    if (min(salary) < 0 or min(benefits) < 0 or min(overtime) < 0) and any(
        map(
            operator.and_,
            map(operator.lt, map(min, salary, benefits, overtime), repeat(0)),
            map(operator.not_, adjusted),
        )
    ):
        return None  # a negative amount of an ordinary record: read the rows one by one
    return ids, starts, ends, salary, benefits, overtime, adjusted


class _PayColumns:
    """A payroll's columns as they are read."""

    def __init__(self) -> None:
        self.columns: tuple[list[Any], ...] = tuple([] for _ in range(7))

    def add(self, record: PayRecord) -> None:
        """One record read row by row."""
        values = (
            record.officer_id,
            record.start,
            record.end,
            cents(record.salary),
            cents(record.benefits),
            cents(record.overtime),
            record.adjustment,
        )
        for column, value in zip(self.columns, values, strict=True):
            column.append(value)

    def extend(self, read: tuple[list[Any], ...]) -> None:
        """A chunk's columns."""
        for column, values in zip(self.columns, read, strict=True):
            column.extend(values)

    def payroll(self) -> Payroll:
        # Every value was read by a cell reader or taken from a record, and each row checked as
        # a record is, so the columns are not checked again.
        return Payroll._trusted(*map(tuple, self.columns))


def _record(
    kind: Kind, where: str, cells: list[str], index: Mapping[str, int], problems: Problems
) -> Any:
    """One row's record, or ``None`` with each of its problems added at ``where``."""
    values: dict[str, Any] = {}
    good = True
    for column in kind.columns:
        i = index.get(column)
        if i is None or (column in kind.optional and not cells[i].strip()):
            continue
        try:
            values[column] = kind.readers[column](cells[i], column)
        except G287Error as exc:
            problems.add(where, exc)
            good = False
    if not good:
        return None
    found = kind.row_problems(values, cells, index) if kind.row_problems is not None else []
    try:
        record = kind.build(values)
    except G287Error as exc:  # reported unless the row's own problems already said it
        if exc.field not in {problem.field for problem in found}:
            problems.add(where, exc)
        record = None
    for problem in found:
        problems.add(where, problem)
    return None if found else record
