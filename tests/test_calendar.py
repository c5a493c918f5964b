"""The federal fiscal calendar: fiscal years, quarters and inclusive date ranges.

R-EFF ties the policy to this calendar (¶6: “Starting October 1, 2025, participating law
enforcement will have these reimbursement opportunities:”, the first day of FY2026), and the award
is paid by quarter (R-AWD, ¶8: “quarterly monetary performance awards”).
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from g287 import (
    DateRange,
    FiscalQuarter,
    FiscalYear,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
)
from g287.calendar import to_fiscal_year, to_period, to_quarter
from strategies import dates, fiscal_quarters, fiscal_years, quarter_texts

ONE_DAY = dt.timedelta(days=1)
#: The fiscal quarter of each calendar month, written out: October-December is Q1.
QUARTER_OF_MONTH = {10: 1, 11: 1, 12: 1, 1: 2, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 4, 8: 4, 9: 4}

#: Any calendar day a fiscal year can hold (fiscal year 2 starts on 1 October of year 1).
any_dates = st.dates(min_value=dt.date(1, 10, 1))


@st.composite
def ranges(draw: st.DrawFn, longest: int = 400) -> DateRange:
    """An inclusive range of up to ``longest`` days within FY2026-FY2100."""
    start = draw(dates)
    return DateRange(start, start + dt.timedelta(days=draw(st.integers(0, longest - 1))))


def bad(value: object) -> Any:
    """``value``, typed ``Any`` so the type checker lets a refusal test pass it on."""
    return value


class TestFiscalYear:
    def test_fy2026(self) -> None:
        """R-EFF: FY2026 runs from 2025-10-01 to 2026-09-30, 365 days."""
        year = FiscalYear(2026)
        assert (year.start, year.end, year.days) == (
            dt.date(2025, 10, 1),
            dt.date(2026, 9, 30),
            365,
        )
        assert year.range == DateRange(dt.date(2025, 10, 1), dt.date(2026, 9, 30))
        assert (str(year), repr(year)) == ("FY2026", "FiscalYear(2026)")

    def test_leap_year(self) -> None:
        """A fiscal year holding 29 February has 366 days."""
        assert FiscalYear(2028).days == 366
        assert FiscalYear(2024).days == 366

    def test_containing(self) -> None:
        """30 September closes a fiscal year; 1 October opens the next."""
        assert FiscalYear.containing(dt.date(2025, 9, 30)) == FiscalYear(2025)
        assert FiscalYear.containing(dt.date(2025, 10, 1)) == FiscalYear(2026)

    def test_next_and_previous(self) -> None:
        """Fiscal years step by one, and are ordered by their number."""
        assert FiscalYear(2026).next() == FiscalYear(2027)
        assert FiscalYear(2026).previous() == FiscalYear(2025)
        assert FiscalYear(2025) < FiscalYear(2026) <= FiscalYear(2026)
        assert FiscalYear(2027) > FiscalYear(2026) >= FiscalYear(2026)
        assert sorted([FiscalYear(2027), FiscalYear(2025)]) == [FiscalYear(2025), FiscalYear(2027)]

    @pytest.mark.parametrize("text", ["FY2026", "fy2026", " FY 2026 ", "2026", "FY26", "26"])
    def test_parse(self, text: str) -> None:
        """``"FY2026"`` in any case, with spaces, without ``FY`` or with two digits (``FY26``,
        this century's) is a fiscal year."""
        assert FiscalYear.parse(text) == FiscalYear(2026)

    @given(fiscal_years)
    def test_str_parses_back(self, year: FiscalYear) -> None:
        """R-EFF, ¶6: “Starting October 1, 2025” (FY2026's first day): ``str()`` of a fiscal
        year is canonical, and parsing it gives the year back."""
        assert FiscalYear.parse(str(year)) == year

    @given(any_dates)
    def test_contains_the_day_it_is_found_by(self, day: dt.date) -> None:
        """R-EFF, ¶6: “Starting October 1, 2025” (FY2026's first day): the fiscal year
        containing a day starts on or before it and ends on or after it."""
        year = FiscalYear.containing(day)
        assert year.start <= day <= year.end
        assert day in year.range

    @given(fiscal_years)
    def test_quarters_partition_the_year(self, year: FiscalYear) -> None:
        """R-AWD, ¶8: “quarterly monetary performance awards”: the four quarters of a fiscal
        year follow one another without gap or overlap and together are the whole year."""
        quarters = year.quarters()
        assert [q.quarter for q in quarters] == [1, 2, 3, 4]
        assert all(q.year == year for q in quarters)
        assert quarters[0].start == year.start
        assert quarters[-1].end == year.end
        for earlier, later in itertools.pairwise(quarters):
            assert earlier.end + ONE_DAY == later.start
        assert sum(q.days for q in quarters) == year.days
        assert year.next().start == year.end + ONE_DAY


class TestFiscalQuarter:
    @pytest.mark.parametrize(
        ("quarter", "start", "end", "days"),
        [
            (1, dt.date(2025, 10, 1), dt.date(2025, 12, 31), 92),
            (2, dt.date(2026, 1, 1), dt.date(2026, 3, 31), 90),
            (3, dt.date(2026, 4, 1), dt.date(2026, 6, 30), 91),
            (4, dt.date(2026, 7, 1), dt.date(2026, 9, 30), 92),
        ],
    )
    def test_fy2026(self, quarter: int, start: dt.date, end: dt.date, days: int) -> None:
        """FY2026 Q1 is October-December 2025; Q4 is July-September 2026."""
        q = FiscalQuarter(2026, quarter)
        assert (q.start, q.end, q.days) == (start, end, days)
        assert q.range == DateRange(start, end)
        assert q.year == FiscalYear(2026)

    def test_leap_february(self) -> None:
        """Q2 holds February, so it has 91 days in a leap year."""
        assert FiscalQuarter(2028, 2).days == 91

    def test_text_forms(self) -> None:
        """``str()`` is ``FY2026 Q1`` and ``repr()`` reads as the constructor call."""
        assert str(FiscalQuarter(2026, 1)) == "FY2026 Q1"
        assert repr(FiscalQuarter(2026, 1)) == "FiscalQuarter(2026, 1)"

    def test_next_and_previous_cross_years(self) -> None:
        """Q4 is followed by Q1 of the next fiscal year, and Q1 preceded by Q4 of the last."""
        assert FiscalQuarter(2026, 4).next() == FiscalQuarter(2027, 1)
        assert FiscalQuarter(2026, 1).previous() == FiscalQuarter(2025, 4)
        assert FiscalQuarter(2026, 2).next() == FiscalQuarter(2026, 3)
        assert FiscalQuarter(2026, 3).previous() == FiscalQuarter(2026, 2)

    @pytest.mark.parametrize(
        "text",
        ["FY2026 Q1", "FY2026Q1", "fy2026-q1", " FY 2026 - Q 1 ", "FY26 Q1", "2026Q1", "2026 Q1"],
    )
    def test_parse(self, text: str) -> None:
        """The spellings a person writes name a quarter, in any case, with or without spaces."""
        assert FiscalQuarter.parse(text) == FiscalQuarter(2026, 1)

    def test_parse_two_digit_year(self) -> None:
        """DESIGN §4: ``"FY26 Q1"`` is also FY2026 Q1, not a quarter of the year 26."""
        assert FiscalQuarter.parse("FY26 Q1") == FiscalQuarter(2026, 1)

    @given(quarter_texts())
    def test_parse_and_str_round_trip(self, case: tuple[str, FiscalQuarter]) -> None:
        """R-AWD, ¶8: the award is “quarterly”: every spelling of a quarter parses to it, and
        its ``str()`` parses back to the same quarter."""
        text, quarter = case
        assert FiscalQuarter.parse(text) == quarter
        assert FiscalQuarter.parse(str(quarter)) == quarter
        assert str(FiscalQuarter.parse(text)) == f"FY{quarter.fiscal_year} Q{quarter.quarter}"

    @given(any_dates)
    def test_containing(self, day: dt.date) -> None:
        """R-AWD, ¶8: “quarterly monetary performance awards”: the quarter containing a day is
        the one its month names, and holds the day."""
        quarter = FiscalQuarter.containing(day)
        assert quarter.quarter == QUARTER_OF_MONTH[day.month]
        assert quarter.year == FiscalYear.containing(day)
        assert quarter.start <= day <= quarter.end

    @given(fiscal_quarters)
    def test_next_and_previous_are_adjacent_inverses(self, quarter: FiscalQuarter) -> None:
        """R-AWD, ¶8: “quarterly monetary performance awards”: the next quarter starts the day
        after this one ends, and previous undoes next."""
        assert quarter.next().start == quarter.end + ONE_DAY
        assert quarter.next().previous() == quarter
        assert quarter.previous().next() == quarter
        assert quarter.previous() < quarter < quarter.next()

    @given(fiscal_quarters, fiscal_quarters)
    def test_order_is_the_order_of_time(self, a: FiscalQuarter, b: FiscalQuarter) -> None:
        """R-AWD, ¶8: “quarterly monetary performance awards”: quarters compare as their first
        days do."""
        assert (a < b) == (a.start < b.start)
        assert (a <= b) == (a.start <= b.start)
        assert (a == b) == (a.start == b.start)


class TestDateRange:
    def test_days_membership_and_iteration(self) -> None:
        """A range includes both ends, holds plain dates only, and iterates its days."""
        span = DateRange(dt.date(2026, 1, 30), dt.date(2026, 2, 1))
        assert span.days == 3
        assert list(span) == [dt.date(2026, 1, 30), dt.date(2026, 1, 31), dt.date(2026, 2, 1)]
        assert dt.date(2026, 1, 30) in span
        assert dt.date(2026, 2, 1) in span
        assert dt.date(2026, 2, 2) not in span
        assert dt.datetime(2026, 1, 31) not in span  # noqa: DTZ001 - naive on purpose
        assert "2026-01-31" not in span
        assert (repr(span), str(span)) == (
            "DateRange(2026-01-30, 2026-02-01)",
            "2026-01-30 to 2026-02-01",
        )

    def test_one_day(self) -> None:
        """A range may be a single day."""
        day = dt.date(2025, 10, 1)
        assert list(DateRange(day, day)) == [day]

    def test_intersection(self) -> None:
        """Ranges sharing one day intersect in it; ranges apart intersect in nothing."""
        a = DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 5))
        b = DateRange(dt.date(2026, 1, 5), dt.date(2026, 1, 9))
        assert a.intersection(b) == DateRange(dt.date(2026, 1, 5), dt.date(2026, 1, 5))
        assert a.intersection(DateRange(dt.date(2026, 1, 6), dt.date(2026, 1, 9))) is None
        straddling = DateRange(dt.date(2025, 9, 28), dt.date(2025, 10, 11))
        assert straddling.intersection(FiscalYear(2026).range) == DateRange(
            dt.date(2025, 10, 1), dt.date(2025, 10, 11)
        )

    def test_fiscal_quarters(self) -> None:
        """From the last day of Q1 to the first of Q4, a range touches all four quarters."""
        span = DateRange(dt.date(2025, 12, 31), dt.date(2026, 7, 1))
        assert span.fiscal_quarters() == FiscalYear(2026).quarters()
        assert FiscalQuarter(2026, 2).range.fiscal_quarters() == (FiscalQuarter(2026, 2),)

    @given(ranges())
    def test_days_are_the_days_iterated(self, span: DateRange) -> None:
        """I-DAYS: “Its amounts are spread evenly over its calendar days”: a range's ``days``
        counts exactly the days it iterates, both ends included."""
        days = list(span)
        assert len(days) == span.days
        assert days[0] == span.start
        assert days[-1] == span.end
        assert all(day in span for day in days)
        assert span.start - ONE_DAY not in span
        assert span.end + ONE_DAY not in span

    @given(ranges(longest=120), ranges(longest=120))
    def test_intersection_is_the_shared_days(self, a: DateRange, b: DateRange) -> None:
        """I-WIN, I-DAYS: a pay period meets an eligibility window in the days both hold: the
        intersection holds exactly the shared days, and is symmetric."""
        shared = set(a) & set(b)
        both = a.intersection(b)
        assert both == b.intersection(a)
        assert (set(both) if both is not None else set()) == shared

    @given(ranges())
    def test_fiscal_quarters_are_those_of_its_days(self, span: DateRange) -> None:
        """R-AWD, ¶8: “quarterly monetary performance awards”: the quarters a range touches are
        exactly the quarters of its days, in order."""
        expected = sorted({FiscalQuarter.containing(day) for day in span})
        assert list(span.fiscal_quarters()) == expected


class TestConversions:
    def test_to_quarter(self) -> None:
        """A quarter is a FiscalQuarter or its text."""
        q1 = FiscalQuarter(2026, 1)
        assert to_quarter(q1) is q1
        assert to_quarter("fy2026 q1") == q1

    @pytest.mark.parametrize("value", [FiscalYear(2026), 2026, "FY2026", " fy2026 ", "2026"])
    def test_to_fiscal_year(self, value: object) -> None:
        """A fiscal year is a FiscalYear, its number or its text."""
        assert to_fiscal_year(value) == FiscalYear(2026)

    @pytest.mark.parametrize(
        ("value", "days"),
        [
            (DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 14)), (dt.date(2026, 1, 1), 14)),
            (FiscalQuarter(2026, 1), (dt.date(2025, 10, 1), 92)),
            (FiscalYear(2026), (dt.date(2025, 10, 1), 365)),
            ("FY2026 Q2", (dt.date(2026, 1, 1), 90)),
            (" fy2026-q2 ", (dt.date(2026, 1, 1), 90)),
            ("FY2026", (dt.date(2025, 10, 1), 365)),
            ("fy2028", (dt.date(2027, 10, 1), 366)),
        ],
    )
    def test_to_period(self, value: object, days: tuple[dt.date, int]) -> None:
        """A period is a DateRange, a quarter, a fiscal year, or the text of either."""
        period = to_period(value)
        assert (period.start, period.days) == days


class TestOrderingAcrossKinds:
    @pytest.mark.parametrize("compare", [operator.lt, operator.le, operator.gt, operator.ge])
    def test_years_and_quarters_do_not_compare(self, compare: Callable[[Any, Any], bool]) -> None:
        """A fiscal year and a quarter are different kinds of thing: ordering them is an
        error, and they are never equal."""
        with pytest.raises(TypeError):
            compare(FiscalYear(2026), FiscalQuarter(2026, 1))
        assert FiscalYear(2026) != FiscalQuarter(2026, 1)
        assert FiscalYear(2026) != 2026


# --- refusals ----------------------------------------------------------------------------------

YEAR_TEXT: Any = "2026"  # text where something else belongs, typed Any for the checker
NOON = dt.datetime(2026, 1, 1, 12)  # noqa: DTZ001 - a time of day where a date belongs
DAY = dt.date(2026, 1, 1)

#: (call, error, match, field): ``match`` is the ``field: value`` start of the message.
REFUSALS: list[tuple[Callable[[], object], type[G287Error], str, str]] = [
    (lambda: FiscalYear(YEAR_TEXT), InvalidTypeError, "year: '2026' is a str", "year"),
    (lambda: FiscalYear(True), InvalidTypeError, "year: True is a bool", "year"),
    (lambda: FiscalYear(1), InvalidInputError, "year: 1 is out of range", "year"),
    (lambda: FiscalYear(10000), InvalidInputError, "year: 10000 is out of range", "year"),
    (lambda: FiscalYear(9999).next(), InvalidInputError, "year: 10000", "year"),
    (lambda: FiscalQuarter(0, 1), InvalidInputError, "fiscal_year: 0", "fiscal_year"),
    (
        lambda: FiscalQuarter(2026, YEAR_TEXT),
        InvalidTypeError,
        "quarter: '2026' is a str",
        "quarter",
    ),
    (lambda: FiscalQuarter(2026, True), InvalidTypeError, "quarter: True is a bool", "quarter"),
    (lambda: FiscalQuarter(2026, 0), InvalidInputError, "quarter: 0 is out of range", "quarter"),
    (lambda: FiscalQuarter(2026, 5), InvalidInputError, "quarter: 5 is out of range", "quarter"),
    (lambda: FiscalQuarter(2, 1).previous(), InvalidInputError, "fiscal_year: 1", "fiscal_year"),
    (
        lambda: FiscalYear.containing(YEAR_TEXT),
        InvalidInputError,
        "date: '2026' is not a date; expected YYYY-MM-DD",
        "date",
    ),
    (
        lambda: FiscalQuarter.containing(NOON),
        InvalidInputError,
        r"date: datetime\.datetime\(2026, 1, 1, 12, 0\) has a time of day",
        "date",
    ),
    (
        lambda: FiscalYear.parse(bad(2026)),
        InvalidTypeError,
        "fiscal year: 2026 is an int",
        "fiscal year",
    ),
    (
        lambda: FiscalYear.parse("FY20266"),
        InvalidInputError,
        "fiscal year: 'FY20266'",
        "fiscal year",
    ),
    (
        lambda: FiscalYear.parse("FY2026 Q1"),
        InvalidInputError,
        "fiscal year: 'FY2026 Q1'",
        "fiscal year",
    ),
    (
        lambda: FiscalYear.parse("FY1"),
        InvalidInputError,
        r"fiscal year: 'FY1' \(expected a year 2000-9999",
        "fiscal year",
    ),
    (
        lambda: FiscalYear.parse("FY1999"),
        InvalidInputError,
        r"fiscal year: 'FY1999' \(expected a year 2000-9999",
        "fiscal year",
    ),
    (
        lambda: FiscalYear.parse("fy0002"),
        InvalidInputError,
        r"fiscal year: 'fy0002' \(expected a year 2000-9999",
        "fiscal year",
    ),
    (
        lambda: FiscalQuarter.parse(bad(None)),
        InvalidTypeError,
        "fiscal quarter: None",
        "fiscal quarter",
    ),
    (
        lambda: FiscalQuarter.parse("FY2026 Q01"),
        InvalidInputError,
        r"fiscal quarter: 'FY2026 Q01' \(quarter must be 1-4",
        "fiscal quarter",
    ),
    (
        lambda: FiscalQuarter.parse("FY2026 Q5"),
        InvalidInputError,
        "fiscal quarter: 'FY2026 Q5'",
        "fiscal quarter",
    ),
    (
        lambda: FiscalQuarter.parse("FY2026 Q0"),
        InvalidInputError,
        "fiscal quarter: 'FY2026 Q0'",
        "fiscal quarter",
    ),
    (
        lambda: FiscalQuarter.parse("FY1 Q1"),
        InvalidInputError,
        "fiscal quarter: 'FY1 Q1'",
        "fiscal quarter",
    ),
    (
        lambda: FiscalQuarter.parse("FY2026 Q" + "1" * 5000),
        InvalidInputError,
        "fiscal quarter: 'FY2026 Q1111",
        "fiscal quarter",
    ),
    (
        lambda: FiscalQuarter.parse("FY\u0662\u0660\u0662\u0666 Q1"),
        InvalidInputError,
        "fiscal quarter: ",
        "fiscal quarter",
    ),
    (
        lambda: DateRange(DAY, DAY - ONE_DAY),
        InvalidInputError,
        "end: 2025-12-31 is before start 2026-01-01",
        "end",
    ),
    (lambda: DateRange(YEAR_TEXT, DAY), InvalidInputError, "start: '2026' is not a date", "start"),
    (lambda: DateRange(DAY, NOON), InvalidInputError, "end: .* has a time of day", "end"),
    (
        lambda: DateRange(DAY, DAY).intersection(YEAR_TEXT),
        InvalidTypeError,
        "other: '2026' is a str",
        "other",
    ),
    (lambda: to_quarter(20261), InvalidTypeError, "quarter: 20261 is an int", "quarter"),
    (lambda: to_quarter(FiscalYear(2026), "leads"), InvalidTypeError, "leads: FiscalYear", "leads"),
    (
        lambda: to_quarter("FY2026"),
        InvalidInputError,
        "quarter: Invalid fiscal quarter: 'FY2026'",
        "quarter",
    ),
    (lambda: to_fiscal_year(True), InvalidTypeError, "fiscal_year: True is a bool", "fiscal_year"),
    (
        lambda: to_fiscal_year(2026.0),
        InvalidTypeError,
        r"fiscal_year: 2026\.0 is a float",
        "fiscal_year",
    ),
    (
        lambda: to_fiscal_year(FiscalQuarter(2026, 1)),
        InvalidTypeError,
        "fiscal_year: FiscalQuarter",
        "fiscal_year",
    ),
    (
        lambda: to_period(DAY),
        InvalidTypeError,
        r"period: datetime\.date\(2026, 1, 1\) is a date",
        "period",
    ),
    (
        lambda: to_period(None, "claim period"),
        InvalidTypeError,
        "claim period: None",
        "claim period",
    ),
    (
        lambda: to_period("FY2026 Q9"),
        InvalidInputError,
        "period: Invalid fiscal quarter: 'FY2026 Q9'",
        "period",
    ),
    (
        lambda: to_period("2026-13"),
        InvalidInputError,
        "period: '2026-13' is not a day: there is no month 13",
        "period",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "match", "field"), REFUSALS, ids=[r[2] for r in REFUSALS]
)
def test_refusals(
    call: Callable[[], object], error: type[G287Error], match: str, field: str
) -> None:
    """Bad years, quarters, ranges and periods are refused with the error class of the problem,
    naming what was wrong and showing the value."""
    with pytest.raises(error, match=match) as info:
        call()
    assert info.value.field == field
