"""The kinds of table an agency gives — roster, payroll, lead reports — and how a row becomes a
record: which columns, read how, built into which value object."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final

from g287.claims import LeadReport, Officer, PayRecord
from g287.errors import G287Error

from . import _cells
from ._problems import Problems

#: The columns of ``officers.csv`` (the 287(g) roster); ``separated_on`` may be left out.
OFFICER_COLUMNS: Final = ("officer_id", "model", "trained_on", "annual_salary", "separated_on")
#: The columns of ``payroll.csv``, one row per officer and pay period.
PAYROLL_COLUMNS: Final = (
    "officer_id",
    "period_start",
    "period_end",
    "salary",
    "benefits",
    "overtime",
)
#: The columns of ``leads.csv``, one row per quarter.
LEAD_COLUMNS: Final = ("quarter", "provided", "located", "assistance_satisfactory")


class Kind:
    """One kind of table: its columns (which may be left out), how each cell is read, and how
    a row's values become a record."""

    def __init__(
        self,
        name: str,
        columns: tuple[str, ...],
        optional: frozenset[str],
        readers: Mapping[str, _cells.Reader],
        build: Callable[[dict[str, Any]], Any],
    ) -> None:
        self.name = name
        self.columns = columns
        self.optional = optional
        self.readers = readers
        self.build = build


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
    )


def _lead_report(v: dict[str, Any]) -> LeadReport:
    return LeadReport(v["quarter"], v["provided"], v["located"], v["assistance_satisfactory"])


def officers_kind() -> Kind:
    """The roster: one row per officer."""
    return Kind(
        "officers",
        OFFICER_COLUMNS,
        frozenset({"separated_on"}),
        {
            "officer_id": _cells.identifier,
            "model": _cells.model,
            "trained_on": _cells.date,
            "annual_salary": _cells.amount,
            "separated_on": _cells.optional_date,
        },
        _officer,
    )


def payroll_kind() -> Kind:
    """The payroll: one row per officer and pay period."""
    dates, amounts = _Once(_cells.date), _Once(_cells.amount)
    return Kind(
        "payroll",
        PAYROLL_COLUMNS,
        frozenset(),
        {
            "officer_id": _Once(_cells.identifier),
            "period_start": dates,
            "period_end": dates,
            "salary": amounts,
            "benefits": amounts,
            "overtime": amounts,
        },
        _pay_record,
    )


def leads_kind() -> Kind:
    """ICE's lead reports: one row per quarter."""
    return Kind(
        "leads",
        LEAD_COLUMNS,
        frozenset(),
        {
            "quarter": _cells.quarter,
            "provided": _cells.count,
            "located": _cells.count,
            "assistance_satisfactory": _cells.yes_no,
        },
        _lead_report,
    )


def columns_of(
    kind: Kind, where: str, header: list[str], raw_header: list[str], problems: Problems
) -> tuple[dict[str, int], list[str]] | None:
    """The index of each known column in ``header``, and the headers it ignores; ``None`` (and a
    problem) when a required column is missing or one is given twice."""
    index: dict[str, int] = {}
    ignored: list[str] = []
    twice: list[str] = []
    for i, (name, raw) in enumerate(zip(header, raw_header, strict=True)):
        if name in kind.columns:
            if name in index:
                twice.append(raw)
            index.setdefault(name, i)
        elif name or raw.strip():
            ignored.append(raw)
    missing = [c for c in kind.columns if c not in index and c not in kind.optional]
    if missing or twice:
        told = (
            f"the header lacks {', '.join(repr(m) for m in missing)}"
            if missing
            else f"the header names {', '.join(repr(t) for t in twice)} twice"
        )
        problems.add(
            where, f"{told}; expected the columns {', '.join(kind.columns)} (any order, any case)"
        )
        return None
    return index, ignored


def records(
    kind: Kind,
    where: str,
    rows: Iterable[tuple[int, list[str]]],
    index: Mapping[str, int],
    problems: Problems,
) -> Iterator[tuple[int, Any]]:
    """Each row's record with the line it stands on; a row's every problem is added to
    ``problems`` at ``where:line``.

    ``rows`` yields ``(line, cells)``; ``index`` says which cell holds each known column.
    """
    readers = [
        (c, kind.readers[c], index[c], c in kind.optional) for c in kind.columns if c in index
    ]
    build = kind.build
    for line, cells in rows:
        values: dict[str, Any] = {}
        good = True
        for column, read, i, optional in readers:
            text = cells[i]
            if optional and not text.strip():
                continue
            try:
                values[column] = read(text, column)
            except G287Error as exc:
                problems.add(f"{where}:{line}", exc)
                good = False
        if not good:
            continue
        try:
            yield line, build(values)
        except G287Error as exc:
            problems.add(f"{where}:{line}", exc)
