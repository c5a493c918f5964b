"""Reading an agency's files: the roster, payroll and lead-report CSVs and the agency JSON.

This module does I/O, at the edge; the rules core never does. A problem in a file is reported
as :class:`DataError` with ``file:line: column: problem``, and nothing is returned.

CSV columns (a header row is required; column order is free; extra columns are refused):

``officers.csv``
    ``officer_id``, ``model`` (``JEM``, ``TFM`` or ``WSO``), ``trained_on`` (ISO date),
    ``annual_salary`` (dollars and cents, e.g. ``72000.00``), ``separated_on`` (ISO date or empty).
``payroll.csv``
    ``officer_id``, ``period_start``, ``period_end`` (ISO dates, inclusive), ``salary``,
    ``benefits``, ``overtime`` (amounts paid for the period).
``leads.csv``
    ``quarter`` (``FY2026 Q1``), ``provided``, ``located`` (whole numbers),
    ``assistance_satisfactory`` (``yes``/``no`` or ``true``/``false``; required: ICE's
    judgement is never assumed).
``agency.json``
    ``{"id": ..., "name": ..., "agreement_date": "YYYY-MM-DD", "models": ["JEM", "TFM", "WSO"]}``
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ._validators import MAX_COUNT, Value
from .calendar import FiscalQuarter, to_quarter
from .claims import Agency, LeadReport, Officer, PayRecord, roster_problems
from .errors import G287Error, InvalidInputError
from .money import to_money
from .policy import Model, to_model

__all__ = [
    "AGENCY_FIELDS",
    "LEAD_COLUMNS",
    "OFFICER_COLUMNS",
    "PAYROLL_COLUMNS",
    "DataError",
    "Dataset",
    "example_dir",
    "load_dataset",
    "read_agency",
    "read_leads",
    "read_officers",
    "read_payroll",
]

#: The columns of ``officers.csv`` (the 287(g) roster); ``separated_on`` may be left out.
OFFICER_COLUMNS = ("officer_id", "model", "trained_on", "annual_salary", "separated_on")
#: The columns of ``payroll.csv``, one row per officer and pay period.
PAYROLL_COLUMNS = ("officer_id", "period_start", "period_end", "salary", "benefits", "overtime")
#: The columns of ``leads.csv``, one row per quarter; ``assistance_satisfactory`` may be left out.
LEAD_COLUMNS = ("quarter", "provided", "located", "assistance_satisfactory")
#: The fields of ``agency.json``.
AGENCY_FIELDS = ("id", "name", "agreement_date", "models")

T = TypeVar("T")


class DataError(InvalidInputError):
    """A problem in an input file, located as ``file:line: column: problem``."""


@attrs.frozen(repr=False, eq=False)
class Dataset(Value):
    """An agency's inputs, read and cross-checked."""

    agency: Agency
    officers: tuple[Officer, ...]
    payroll: tuple[PayRecord, ...]
    leads: tuple[LeadReport, ...]

    def lead_report(self, quarter: FiscalQuarter | str) -> LeadReport:
        """The lead report of a quarter (or its text); :class:`DataError` if there is none."""
        quarter = to_quarter(quarter)
        for report in self.leads:
            if report.quarter == quarter:
                return report
        raise DataError(f"leads: no lead report for {quarter}")


def example_dir() -> Path:
    """The folder of the bundled example data set (a fictional agency, FY2026)."""
    return Path(str(resources.files("g287") / "data" / "example"))


def _date(text: str, column: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError.about(column, text, "is not a date; expected YYYY-MM-DD") from None


def _count(text: str, column: str) -> int:
    # At most ten digits: enough for MAX_COUNT, which the record itself then checks.
    if not text.isdigit() or not text.isascii() or len(text) > 10:
        raise InvalidInputError.about(column, text, f"is not a whole number from 0 to {MAX_COUNT}")
    return int(text)


def _model(text: str, column: str) -> Model:
    return to_model(text, column)


def _yes_no(text: str, column: str) -> bool:
    # A blank judgement is refused, not read as yes: I-ASSIST is ICE's to give.
    value = text.strip().lower()
    if value in {"yes", "y", "true", "1"}:
        return True
    if value in {"no", "n", "false", "0"}:
        return False
    raise InvalidInputError.about(column, text, "is not yes or no")


def _read_text(path: Path, encoding: str) -> str:
    try:
        return path.read_text(encoding=encoding)
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text") from None
    except ValueError as exc:  # a NUL byte in the path
        raise DataError(f"{str(path)!r}: cannot read ({exc})") from None


def _rows(
    path: Path, columns: tuple[str, ...], required: set[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    text = _read_text(path, "utf-8-sig")
    reader = csv.reader(text.splitlines())
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise DataError(f"{path}:1: the file is empty; expected a header row") from None
    except csv.Error as exc:
        raise DataError(f"{path}:1: {exc}") from None
    unknown = [h for h in header if h not in columns]
    missing = [c for c in required if c not in header]
    if unknown or missing or len(set(header)) != len(header):
        raise DataError(
            f"{path}:1: header {header}; expected the columns {list(columns)}"
            + (f" (missing {sorted(missing)})" if missing else "")
            + (f" (unknown {unknown})" if unknown else "")
        )
    try:
        for line, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise DataError(
                    f"{path}:{line}: row has {len(values)} fields; expected {len(header)}"
                )
            yield line, dict(zip(header, (v.strip() for v in values), strict=True))
    except csv.Error as exc:
        raise DataError(f"{path}:{reader.line_num}: {exc}") from None


def _field(
    path: Path, line: int, row: dict[str, str], column: str, parse: Callable[[str, str], T]
) -> T:
    try:
        return parse(row.get(column, ""), column)
    except G287Error as exc:
        raise DataError(f"{path}:{line}: {exc}", field=column, value=exc.value) from None


def _build(where: str, make: Callable[[], T]) -> T:
    """``make()``, with any error it raises located at ``where`` (``file:line``)."""
    try:
        return make()
    except G287Error as exc:
        raise DataError(f"{where}: {exc}", field=exc.field, value=exc.value) from None


def read_officers(path: str | Path) -> tuple[Officer, ...]:
    """Read a roster CSV (columns: :data:`OFFICER_COLUMNS`); officer ids must be unique."""
    return tuple(officer for _line, officer in _officer_lines(Path(path)))


def _officer_lines(path: Path) -> list[tuple[int, Officer]]:
    """The roster's officers, each with the line it stands on."""
    officers: list[tuple[int, Officer]] = []
    required = set(OFFICER_COLUMNS) - {"separated_on"}
    for line, row in _rows(path, OFFICER_COLUMNS, required):
        oid = _field(path, line, row, "officer_id", _text)
        model = _field(path, line, row, "model", _model)
        trained = _field(path, line, row, "trained_on", _date)
        salary = _field(path, line, row, "annual_salary", _amount)
        separated = _field(path, line, row, "separated_on", _optional_date)
        officers.append(
            (
                line,
                _build(f"{path}:{line}", partial(Officer, oid, model, trained, salary, separated)),
            )
        )
    where = {id(officer): f"{path}:{line}" for line, officer in officers}
    for problem in roster_problems(None, [officer for _, officer in officers]):
        raise DataError(
            f"{where[id(problem.value)]}: {problem}", field=problem.field, value=problem.value
        )
    return officers


def read_payroll(path: str | Path) -> tuple[PayRecord, ...]:
    """Read a payroll CSV (columns: :data:`PAYROLL_COLUMNS`)."""
    return tuple(record for _line, record in _pay_lines(Path(path)))


def _pay_lines(path: Path) -> list[tuple[int, PayRecord]]:
    """The payroll's records, each with the line it stands on."""
    records: list[tuple[int, PayRecord]] = []
    for line, row in _rows(path, PAYROLL_COLUMNS, set(PAYROLL_COLUMNS)):
        oid = _field(path, line, row, "officer_id", _text)
        start = _field(path, line, row, "period_start", _date)
        end = _field(path, line, row, "period_end", _date)
        amounts = [_field(path, line, row, c, _amount) for c in ("salary", "benefits", "overtime")]
        records.append(
            (line, _build(f"{path}:{line}", partial(PayRecord, oid, start, end, *amounts)))
        )
    return records


def read_leads(path: str | Path) -> tuple[LeadReport, ...]:
    """Read a lead-report CSV (columns: :data:`LEAD_COLUMNS`); one report per quarter."""
    path = Path(path)
    reports: list[LeadReport] = []
    seen: dict[object, int] = {}
    required = set(LEAD_COLUMNS)
    for line, row in _rows(path, LEAD_COLUMNS, required):
        quarter = _field(path, line, row, "quarter", _quarter)
        if quarter in seen:
            raise DataError(
                f"{path}:{line}: quarter: {quarter} already reported on line {seen[quarter]}"
            )
        seen[quarter] = line
        provided = _field(path, line, row, "provided", _count)
        located = _field(path, line, row, "located", _count)
        satisfied = _field(path, line, row, "assistance_satisfactory", _yes_no)
        reports.append(
            _build(f"{path}:{line}", partial(LeadReport, quarter, provided, located, satisfied))
        )
    return tuple(reports)


def read_agency(path: str | Path) -> Agency:
    """Read an agency JSON file (fields: :data:`AGENCY_FIELDS`)."""
    path = Path(path)
    text = _read_text(path, "utf-8")
    try:
        data: Any = json.loads(text)
    except ValueError as exc:  # malformed JSON, or an integer too long to convert
        raise DataError(f"{path}: not JSON ({exc})") from None
    except RecursionError:
        raise DataError(f"{path}: JSON nested too deeply to read") from None
    if not isinstance(data, dict) or sorted(data) != sorted(AGENCY_FIELDS):
        raise DataError(f"{path}: expected an object with exactly the fields {list(AGENCY_FIELDS)}")
    for name in ("id", "name", "agreement_date"):
        if not isinstance(data[name], str):
            raise DataError(f"{path}: {name}: {data[name]!r}; expected a string")
    if not isinstance(data["models"], list) or not all(isinstance(m, str) for m in data["models"]):
        raise DataError(f"{path}: models: {data['models']!r}; expected a list such as ['TFM']")
    try:
        agreement = _date(data["agreement_date"], "agreement_date")
        models = frozenset(_model(m, "models") for m in data["models"])
    except G287Error as exc:
        raise DataError(f"{path}: {exc}", field=exc.field, value=exc.value) from None
    return _build(str(path), partial(Agency, data["id"], data["name"], agreement, models))


def load_dataset(
    officers: str | Path, payroll: str | Path, leads: str | Path, agency: str | Path
) -> Dataset:
    """Read and cross-check an agency's four files.

    Beyond each file's own checks: every pay record's officer is on the roster, one officer's
    pay records do not overlap (a double claim), and every officer's model is one the agency
    signed. Each problem is reported at the line that causes it.
    """
    ag = read_agency(agency)
    roster = _officer_lines(Path(officers))
    pay = _pay_lines(Path(payroll))
    reports = read_leads(leads)
    # The checks across records live with the claims; here each problem gets its file and line.
    where = {id(o): f"{officers}:{line}" for line, o in roster}
    where |= {id(r): f"{payroll}:{line}" for line, r in pay}
    for problem in roster_problems(ag, [o for _, o in roster], [r for _, r in pay]):
        raise DataError(
            f"{where[id(problem.value)]}: {problem}", field=problem.field, value=problem.value
        )
    return Dataset(ag, tuple(o for _, o in roster), tuple(r for _, r in pay), reports)


def _text(text: str, column: str) -> str:
    if not text:
        raise InvalidInputError.about(column, text, "is empty; expected an id")
    return text


def _amount(text: str, column: str) -> Decimal:
    return to_money(text, column)


def _optional_date(text: str, column: str) -> dt.date | None:
    return _date(text, column) if text else None


def _quarter(text: str, column: str) -> FiscalQuarter:
    return to_quarter(text, column)
