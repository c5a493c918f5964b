"""The kinds of table an agency gives — roster, payroll, lead reports — and how a row becomes a
record: which columns, read how, built into which value object."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping, MutableSequence
from typing import Any, Final

from g287.errors import G287Error, InvalidInputError, show
from g287.inputs import LeadReport, Officer, PayRecord

from . import _cells
from ._problems import Problems

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
        fast: Callable[[Mapping[str, int]], Callable[[list[str]], Any]] | None = None,
    ) -> None:
        self.name = name
        self.columns = columns
        self.optional = optional
        self.readers = readers
        self.build = build
        #: Given the column index, a reader of a whole row that is right in the common case and
        #: raises on any problem (the row is then read again cell by cell, for every problem).
        self.fast = fast


class _Once:
    """A cell reader that reads each text once: a payroll repeats the same ids, pay periods and
    amounts for many rows, and the values are shared rather than made again for each."""

    def __init__(self, read: _cells.Reader) -> None:
        self.read = read
        self.seen: dict[str, Any] = {}

    def __call__(self, text: str, column: str) -> Any:
        found = self.seen.get(text)
        if found is None:
            found = self.seen[text] = self.read(text, column)
        return found


def _officer(v: dict[str, Any]) -> Officer:
    return Officer(
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
    ids, dates = _Once(_cells.identifier), _Once(_cells.date)
    amounts, signed = _Once(_cells.amount), _Once(_cells.signed_amount)

    def fast(index: Mapping[str, int]) -> Callable[[list[str]], PayRecord]:
        # The generic path's reads for an ordinary record (amounts >= 0), unrolled, with the
        # caches' dicts looked up inline: the loop a national payroll's every row goes through.
        # Anything else (an adjustment, a negative amount, a bad cell) raises, and the row is
        # read again the generic way, which says what is wrong.
        i, s, e, sa, be, ov = (index[c] for c in PAYROLL_COLUMNS[:6])
        known_id, known_date, known_amount = ids.seen.get, dates.seen.get, amounts.seen.get
        flagged = index.get("adjustment")

        def row(cells: list[str]) -> PayRecord:
            if flagged is not None and cells[flagged].strip().lower() not in _cells.NOT_ADJUSTED:
                raise InvalidInputError("an adjustment: read the generic way")
            return PayRecord._from_reader(
                known_id(cells[i]) or ids(cells[i], "officer_id"),
                known_date(cells[s]) or dates(cells[s], "period_start"),
                known_date(cells[e]) or dates(cells[e], "period_end"),
                known_amount(cells[sa]) or amounts(cells[sa], "salary"),
                known_amount(cells[be]) or amounts(cells[be], "benefits"),
                known_amount(cells[ov]) or amounts(cells[ov], "overtime"),
            )

        return row

    return Kind(
        name="payroll",
        columns=PAYROLL_COLUMNS,
        optional=frozenset({"adjustment"}),
        readers={
            "officer_id": ids,
            "period_start": dates,
            "period_end": dates,
            "salary": signed,
            "benefits": signed,
            "overtime": signed,
            "adjustment": _cells.optional_yes_no,
        },
        build=_pay_record,
        fast=fast,
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


#: What a comment's first cell may start with: ``#``, or spaces before it.
_COMMENT_START: Final = frozenset("# \t")


def _skipped(cells: list[str]) -> bool:
    """A blank row, or a comment: a row whose first cell starts with ``#``."""
    return not "".join(cells).strip() or cells[0].lstrip().startswith("#")


def records(
    kind: Kind,
    *,
    at: Callable[[int], str],
    rows: Iterable[tuple[int, list[str]]],
    width: int,
    index: Mapping[str, int],
    problems: Problems,
    lines: MutableSequence[int],
    out: list[Any],
) -> None:
    """Append each row's record to ``out`` and the number of its row to ``lines``; a row's
    every problem is added to ``problems`` at ``at(number)`` (``file:12``, ``payroll[row
    12]``). Blank rows and comments (a first cell starting with ``#``) are skipped.

    ``rows`` yields ``(number, cells)``, which must be ``width`` cells (the header's); ``index``
    says which cell holds each known column. (Appending rather than yielding spares a national
    payroll's every row a generator's step.)
    """
    fast = kind.fast(index) if kind.fast is not None else None
    line_to, record_to = lines.append, out.append
    for line, cells in rows:
        if len(cells) != width:
            if not _skipped(cells):
                problems.add(at(line), f"the row has {len(cells)} fields; expected {width}")
            continue
        if cells and cells[0][:1] in _COMMENT_START and cells[0].lstrip().startswith("#"):
            continue  # a comment, however its other cells read
        if fast is not None:
            try:
                record_to(fast(cells))
                line_to(line)
                continue
            except G287Error:
                pass  # read again, cell by cell, to report every problem of the row
        if _skipped(cells):
            continue
        record = _record(kind, at(line), cells, index, problems)
        if record is not None:
            record_to(record)
            line_to(line)


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
    try:
        return kind.build(values)
    except G287Error as exc:
        problems.add(where, exc)
        return None
