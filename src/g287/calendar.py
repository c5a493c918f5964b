"""The federal fiscal calendar: fiscal years, fiscal quarters and inclusive date ranges.

The U.S. federal fiscal year runs from 1 October to 30 September and is named after the calendar
year it ends in: FY2026 is 2025-10-01 … 2026-09-30, and its first quarter is October–December.
R-EFF ties the policy to this calendar ("Starting October 1, 2025", ¶6), and the award is paid by
quarter (R-AWD).

>>> q = FiscalQuarter.parse("fy2026-q1")
>>> q, str(q), q.start, q.end, q.days
(FiscalQuarter(2026, 1), 'FY2026 Q1', datetime.date(2025, 10, 1), datetime.date(2025, 12, 31), 92)
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

import attrs

from . import html
from ._validators import Ordered, Value, to_date, type_error
from ._validators import day as _day
from .errors import InvalidInputError, show

__all__ = [
    "DateRange",
    "FiscalQuarter",
    "FiscalYear",
    "period_name",
    "to_fiscal_year",
    "to_period",
    "to_quarter",
]

T = TypeVar("T")

_ONE_DAY = dt.timedelta(days=1)
# The first and last month of each quarter, Q1 (in the calendar year before the fiscal year's)
# to Q4, and the last day of each quarter's last month.
_QUARTER_MONTHS = ((10, 12), (1, 3), (4, 6), (7, 9))
_LAST_DAYS = {12: 31, 3: 31, 6: 30, 9: 30}
# Fiscal year N starts on 1 October of N-1, so N-1 must be a valid year for `datetime.date`.
_MIN_FY = dt.MINYEAR + 1
_MAX_FY = dt.MAXYEAR
# "FY2026", "FY26", "2026"; a quarter adds "Q1" after a space, a hyphen or nothing.
# The patterns (re.ASCII) of a fiscal year, a calendar month and a range of days: compiled on
# first use (``re`` caches them), as ``import g287`` needs only the quarter's.
_FY_RE = r"\s*(?:FY\s*)?([0-9]+)\s*"
_MONTH_RE = r"\s*([0-9]{4})-([0-9]{2})\s*"
_DAYS_RE = r"\s*(\S+)\s+to\s+(\S+)\s*"
_FQ_RE = re.compile(r"\s*(?:FY\s*)?([0-9]+)\s*-?\s*Q\s*([0-9]+)\s*", re.IGNORECASE | re.ASCII)
#: The columns of the notebook views of fiscal years and quarters.
_CALENDAR_HEADERS = ("period", "first day", "last day", "days")
#: Fiscal years read from text: two digits mean this century (FY26 is FY2026); earlier years
#: are refused rather than read literally (no text means the year 26 AD).
_FIRST_READ_YEAR = 2000


def _year_of(digits: str, what: str, text: str) -> int:
    """The fiscal year a run of digits names: ``26`` or ``2026`` is 2026."""
    if len(digits) == 2:
        return _FIRST_READ_YEAR + int(digits)
    if len(digits) != 4 or int(digits) < _FIRST_READ_YEAR:
        raise _invalid(what, text, "expected a year 2000-9999 as four digits, or two (FY26)")
    return int(digits)


def _whole(value: object, field: str, low: int, high: int) -> int:
    """An integer of any type (NumPy's too; never a bool) from ``low`` to ``high``, as ``int``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise type_error(field, value, "an int")
    number = int(value)
    if not low <= number <= high:
        raise InvalidInputError.about(field, value, f"is out of range; expected {low}-{high}")
    return number


def _check_fiscal_year(value: object, field: str) -> int:
    return _whole(value, field, _MIN_FY, _MAX_FY)


def _year(value: object) -> int:
    return _check_fiscal_year(value, "year")


def _quarter_year(value: object) -> int:
    return _check_fiscal_year(value, "fiscal_year")


def _quarter_number(value: object) -> int:
    return _whole(value, "quarter", 1, 4)


def _invalid(what: str, text: str, problem: str) -> InvalidInputError:
    return InvalidInputError(f"Invalid {what}: {show(text)} ({problem})", field=what, value=text)


@attrs.frozen(slots=False, repr=False, eq=False)
class FiscalYear(Ordered):
    """A federal fiscal year, named by the calendar year in which it ends.

    >>> FiscalYear(2026).start, FiscalYear(2026).end, FiscalYear(2026).days
    (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30), 365)
    """

    year: int = attrs.field(converter=_year)

    @classmethod
    def containing(cls, day: dt.date) -> FiscalYear:
        """Return the fiscal year that contains ``day``."""
        day = to_date(day, "date")
        return cls(day.year + 1 if day.month >= 10 else day.year)

    @classmethod
    def parse(cls, text: str) -> FiscalYear:
        """Parse ``"FY2026"``, ``"FY26"`` or ``"2026"`` (any case, spaces allowed).

        The inverse of ``str()``. Two-digit years are this century's; years before 2000 are
        refused.

        >>> FiscalYear.parse("fy26"), FiscalYear.parse(" 2026 ")
        (FiscalYear(2026), FiscalYear(2026))
        """
        if not isinstance(text, str):
            raise type_error("fiscal year", text, "text such as 'FY2026'")
        match = re.fullmatch(_FY_RE, text, re.IGNORECASE | re.ASCII)
        if match is None:
            raise _invalid("fiscal year", text, "expected a form like 'FY2026'")
        return cls(_year_of(match[1], "fiscal year", text))

    @property
    def start(self) -> dt.date:
        """1 October of the previous calendar year."""
        return dt.date(self.year - 1, 10, 1)

    @property
    def end(self) -> dt.date:
        """30 September of the named calendar year."""
        return dt.date(self.year, 9, 30)

    @property
    def days(self) -> int:
        """The number of calendar days in the year (365 or 366)."""
        return (self.end - self.start).days + 1

    @property
    def range(self) -> DateRange:
        """The year as an inclusive :class:`DateRange`."""
        return DateRange(self.start, self.end)

    def quarters(self) -> tuple[FiscalQuarter, ...]:
        """The year's four quarters, in order."""
        return tuple(FiscalQuarter(self.year, q) for q in (1, 2, 3, 4))

    def next(self) -> FiscalYear:
        """The following fiscal year."""
        return FiscalYear(self.year + 1)

    def previous(self) -> FiscalYear:
        """The preceding fiscal year."""
        return FiscalYear(self.year - 1)

    def __str__(self) -> str:
        return f"FY{self.year}"

    def __repr__(self) -> str:
        return f"FiscalYear({self.year})"

    def _repr_html_(self) -> str:
        return html.table(
            _CALENDAR_HEADERS,
            [(str(q), q.start, q.end, q.days) for q in self.quarters()],
            caption=f"{self}: {self.days} days in four quarters",
            footer=[(str(self), self.start, self.end, self.days)],
        )


@attrs.frozen(slots=False, repr=False, eq=False)
class FiscalQuarter(Ordered):
    """A quarter of a federal fiscal year: Q1 is October–December, Q4 is July–September.

    >>> import datetime
    >>> FiscalQuarter(2026, 4).start, FiscalQuarter(2026, 4).end
    (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    >>> FiscalQuarter.containing(datetime.date(2026, 1, 15))
    FiscalQuarter(2026, 2)
    """

    fiscal_year: int = attrs.field(converter=_quarter_year)
    quarter: int = attrs.field(converter=_quarter_number)

    @classmethod
    def containing(cls, day: dt.date) -> FiscalQuarter:
        """Return the fiscal quarter that contains ``day``."""
        day = to_date(day, "date")
        fiscal_year = day.year + 1 if day.month >= 10 else day.year
        return cls(fiscal_year, (day.month - 10) % 12 // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> FiscalQuarter:
        """Parse ``"FY2026 Q1"``; also ``"FY26 Q1"``, ``"FY2026Q1"``, ``"FY2026-Q1"`` and
        ``"2026Q1"``, in any case.

        The inverse of ``str()``. Two-digit years are this century's; years before 2000 are
        refused. Raises :class:`~g287.InvalidInputError` naming the text.

        >>> [FiscalQuarter.parse(t) for t in ("FY26 Q1", "fy2026-q1", "2026Q1")]
        [FiscalQuarter(2026, 1), FiscalQuarter(2026, 1), FiscalQuarter(2026, 1)]
        """
        if not isinstance(text, str):
            raise type_error("fiscal quarter", text, "text such as 'FY2026 Q1'")
        match = _FQ_RE.fullmatch(text)
        if match is None:
            raise _invalid("fiscal quarter", text, "expected a form like 'FY2026 Q1'")
        if match[2] not in {"1", "2", "3", "4"}:
            raise _invalid("fiscal quarter", text, "quarter must be 1-4")
        return cls(_year_of(match[1], "fiscal quarter", text), int(match[2]))

    @property
    def year(self) -> FiscalYear:
        """The fiscal year the quarter belongs to."""
        return FiscalYear(self.fiscal_year)

    @property
    def start(self) -> dt.date:
        """The quarter's first day."""
        first, _ = _QUARTER_MONTHS[self.quarter - 1]
        return dt.date(self._calendar_year, first, 1)

    @property
    def end(self) -> dt.date:
        """The quarter's last day."""
        _, last = _QUARTER_MONTHS[self.quarter - 1]
        return dt.date(self._calendar_year, last, _LAST_DAYS[last])

    @property
    def _calendar_year(self) -> int:
        # Q1 (October to December) falls in the calendar year before the fiscal year's.
        return self.fiscal_year - 1 if self.quarter == 1 else self.fiscal_year

    @property
    def days(self) -> int:
        """The number of calendar days in the quarter (90 to 92)."""
        return (self.end - self.start).days + 1

    @property
    def range(self) -> DateRange:
        """The quarter as an inclusive :class:`DateRange`."""
        return DateRange(self.start, self.end)

    def next(self) -> FiscalQuarter:
        """The following quarter (Q4 is followed by Q1 of the next fiscal year)."""
        if self.quarter == 4:
            return FiscalQuarter(self.fiscal_year + 1, 1)
        return FiscalQuarter(self.fiscal_year, self.quarter + 1)

    def previous(self) -> FiscalQuarter:
        """The preceding quarter (Q1 is preceded by Q4 of the previous fiscal year)."""
        if self.quarter == 1:
            return FiscalQuarter(self.fiscal_year - 1, 4)
        return FiscalQuarter(self.fiscal_year, self.quarter - 1)

    def __str__(self) -> str:
        return f"FY{self.fiscal_year} Q{self.quarter}"

    def __repr__(self) -> str:
        return f"FiscalQuarter({self.fiscal_year}, {self.quarter})"

    def _repr_html_(self) -> str:
        return html.table(
            _CALENDAR_HEADERS,
            [(str(self), self.start, self.end, self.days)],
            caption=f"{self}: quarter {self.quarter} of {self.year}",
        )


def _start(value: object) -> dt.date:
    return to_date(value, "start")


def _end(value: object) -> dt.date:
    return to_date(value, "end")


@attrs.frozen(slots=False, repr=False, eq=False)
class DateRange(Value):
    """An inclusive range of calendar days, ``start`` … ``end``.

    >>> import datetime
    >>> r = DateRange(datetime.date(2025, 9, 28), datetime.date(2025, 10, 11))
    >>> r.days, r.intersection(FiscalYear(2026).range)
    (14, DateRange(2025-10-01, 2025-10-11))
    """

    start: dt.date = attrs.field(converter=_start)
    end: dt.date = attrs.field(converter=_end)

    def _check(self) -> None:
        if self.end < self.start:
            raise InvalidInputError(
                f"end: {self.end.isoformat()} is before start {self.start.isoformat()}; "
                "expected end >= start",
                field="end",
                value=self.end,
            )

    @property
    def days(self) -> int:
        """The number of days in the range, both ends included."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return (
            isinstance(day, dt.date)
            and not isinstance(day, dt.datetime)
            and self.start <= day <= self.end
        )

    def __iter__(self) -> Iterator[dt.date]:
        day = self.start
        while day <= self.end:
            yield day
            day += _ONE_DAY

    def intersection(self, other: DateRange) -> DateRange | None:
        """The days both ranges share, or ``None`` if they share none."""
        if not isinstance(other, DateRange):
            raise type_error("other", other, "a DateRange")
        start = max(self.start, other.start)
        end = min(self.end, other.end)
        return DateRange(start, end) if start <= end else None

    def fiscal_quarters(self) -> tuple[FiscalQuarter, ...]:
        """The fiscal quarters the range touches, in order."""
        quarters = [FiscalQuarter.containing(self.start)]
        last = FiscalQuarter.containing(self.end)
        while quarters[-1] < last:
            quarters.append(quarters[-1].next())
        return tuple(quarters)

    def __repr__(self) -> str:
        return f"DateRange({self.start.isoformat()}, {self.end.isoformat()})"

    def __str__(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


def to_quarter(value: object, field: str = "quarter") -> FiscalQuarter:
    """A :class:`FiscalQuarter`, or its text (``"FY2026 Q1"``)."""
    if isinstance(value, FiscalQuarter):
        return value
    if isinstance(value, str):
        return _parsed(FiscalQuarter.parse, value, field)
    raise type_error(field, value, "a FiscalQuarter or text such as 'FY2026 Q1'")


def _parsed(parse: Callable[[str], T], text: str, field: str) -> T:
    """``parse(text)``, its error naming ``field`` first (the argument or column it came from)."""
    try:
        return parse(text)
    except InvalidInputError as exc:
        raise InvalidInputError(f"{field}: {exc}", field=field, value=text) from None


def to_fiscal_year(value: object, field: str = "fiscal_year") -> FiscalYear:
    """A :class:`FiscalYear`, its number (``2026``) or its text (``"FY2026"``)."""
    if isinstance(value, FiscalYear):
        return value
    if isinstance(value, str):
        return _parsed(FiscalYear.parse, value, field)
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):  # NumPy's too
        return FiscalYear(_check_fiscal_year(value, field))
    raise type_error(field, value, "a FiscalYear, 2026 or text such as 'FY2026'")


def to_period(value: object, field: str = "period") -> DateRange:
    """The days of a period given as a :class:`DateRange`, a quarter, a fiscal year, or text as
    :func:`period_name` writes any of them: ``FY2026``, ``FY26 Q1``, ``2025-11`` (a calendar
    month), ``2025-10-01 to 2025-10-31``."""
    if isinstance(value, DateRange):
        return value
    if isinstance(value, (FiscalQuarter, FiscalYear)):
        return value.range
    if isinstance(value, str):
        days = re.fullmatch(_DAYS_RE, value, re.ASCII)
        if days is not None:  # "2025-10-01 to 2025-10-31", as a DateRange writes itself
            start, end = to_date(days[1], field), to_date(days[2], field)
            if end < start:
                raise InvalidInputError.about(
                    field, value, "ends before it starts; expected the first day first"
                )
            return DateRange(start, end)
        month = re.fullmatch(_MONTH_RE, value, re.ASCII)
        if month is not None:  # "2025-11", as period_name writes a calendar month
            start = _day(int(month[1]), int(month[2]), 1, field, value)
            return DateRange(start, _month_end(start))
        if "Q" in value.upper():
            return _parsed(FiscalQuarter.parse, value, field).range
        if re.fullmatch(_FY_RE, value, re.IGNORECASE | re.ASCII):
            return _parsed(FiscalYear.parse, value, field).range
        raise InvalidInputError.about(
            field,
            value,
            "is not a period; expected a fiscal year (FY2026), a quarter (FY2026 Q1), "
            "a month (2025-11) or days (2025-10-01 to 2025-10-31)",
        )
    raise type_error(
        field,
        value,
        "a DateRange, FiscalQuarter, FiscalYear or text such as 'FY2026 Q1', '2025-11' or "
        "'2025-10-01 to 2025-10-31'",
    )


def period_name(span: DateRange) -> str:
    """A period as people name it: ``FY2026 Q1``, ``FY2026``, ``2025-11`` (a calendar month),
    or its days.

    >>> period_name(FiscalQuarter(2026, 1).range), period_name(FiscalYear(2026).range)
    ('FY2026 Q1', 'FY2026')
    >>> period_name(DateRange(dt.date(2025, 11, 1), dt.date(2025, 11, 30)))
    '2025-11'
    >>> period_name(DateRange(dt.date(2025, 11, 2), dt.date(2025, 11, 30)))
    '2025-11-02 to 2025-11-30'
    """
    quarter = FiscalQuarter.containing(span.start)
    if span == quarter.range:
        return str(quarter)
    if span == quarter.year.range:
        return str(quarter.year)
    start, end = span.start, span.end
    if start.day == 1 and end == _month_end(start):
        return f"{start.year:04d}-{start.month:02d}"
    return str(span)


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - _ONE_DAY
