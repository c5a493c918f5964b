"""The fiscal calendar at its edges: exact messages, inclusive ranges and quarter arithmetic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from g287 import (
    DateRange,
    FiscalQuarter,
    FiscalYear,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
)


class TestContainingRefusesNonDates:
    def test_quarter_containing_text(self) -> None:
        """FiscalQuarter.containing refuses text, naming the ``date`` argument and its type."""
        with pytest.raises(InvalidTypeError) as info:
            FiscalQuarter.containing("2026-01-01")  # type: ignore[arg-type]
        assert str(info.value) == "date: '2026-01-01' is a str; expected a datetime.date"

    def test_year_containing_text(self) -> None:
        """FiscalYear.containing refuses text, naming the ``date`` argument and its type."""
        with pytest.raises(InvalidTypeError) as info:
            FiscalYear.containing("2026-01-01")  # type: ignore[arg-type]
        assert str(info.value) == "date: '2026-01-01' is a str; expected a datetime.date"


class TestConstructorMessages:
    @pytest.mark.parametrize(
        ("make", "kind", "message"),
        [
            (
                lambda: FiscalQuarter(2026, "1"),  # type: ignore[arg-type]
                InvalidTypeError,
                "quarter: '1' is a str; expected an int",
            ),
            (
                lambda: FiscalQuarter(2026, True),
                InvalidTypeError,
                "quarter: True is a bool; expected an int",
            ),
            (lambda: FiscalQuarter(2026, 5), InvalidInputError, "quarter: 5; expected 1-4"),
            (
                lambda: FiscalYear("2026"),  # type: ignore[arg-type]
                InvalidTypeError,
                "year: '2026' is a str; expected an int",
            ),
            (lambda: FiscalYear(True), InvalidTypeError, "year: True is a bool; expected an int"),
            (lambda: FiscalYear(1), InvalidInputError, "year: 1; expected a year 2-9999"),
            (
                lambda: FiscalQuarter(0, 1),
                InvalidInputError,
                "fiscal_year: 0; expected a year 2-9999",
            ),
            (
                lambda: FiscalYear.parse(2026),  # type: ignore[arg-type]
                InvalidTypeError,
                "fiscal year: 2026 is not a string; expected 'FY2026'",
            ),
            (
                lambda: FiscalYear.parse("FY20266"),
                InvalidInputError,
                "Invalid fiscal year: 'FY20266' (expected a form like 'FY2026')",
            ),
            (
                lambda: FiscalYear.parse("FY0001"),
                InvalidInputError,
                "Invalid fiscal year: 'FY0001' (year: 1; expected a year 2-9999)",
            ),
            (
                lambda: FiscalQuarter.parse(2026),  # type: ignore[arg-type]
                InvalidTypeError,
                "fiscal quarter: 2026 is not a string; expected 'FY2026 Q1'",
            ),
            (
                lambda: FiscalQuarter.parse("2026 Q1"),
                InvalidInputError,
                "Invalid fiscal quarter: '2026 Q1' (expected a form like 'FY2026 Q1')",
            ),
            (
                lambda: FiscalQuarter.parse("FY2026 Q0"),
                InvalidInputError,
                "Invalid fiscal quarter: 'FY2026 Q0' (quarter must be 1-4)",
            ),
            (
                lambda: FiscalQuarter.parse("FY1 Q1"),
                InvalidInputError,
                "Invalid fiscal quarter: 'FY1 Q1' (fiscal_year: 1; expected a year 2-9999)",
            ),
            (
                lambda: DateRange(dt.date(2026, 1, 2), dt.date(2026, 1, 1)),
                InvalidInputError,
                "end: 2026-01-01 is before start 2026-01-02; expected end >= start",
            ),
            (
                lambda: DateRange("2026-01-01", dt.date(2026, 1, 1)),  # type: ignore[arg-type]
                InvalidTypeError,
                "start: '2026-01-01' is a str; expected a datetime.date",
            ),
            (
                lambda: FiscalYear(2026).range.intersection("FY2026"),  # type: ignore[arg-type]
                InvalidTypeError,
                "other: 'FY2026' is a str; expected a DateRange",
            ),
        ],
    )
    def test_message(self, make: Callable[[], object], kind: type[G287Error], message: str) -> None:
        """R-EFF's calendar refuses bad years, quarters and ranges with these exact messages."""
        with pytest.raises(G287Error) as info:
            make()
        assert type(info.value) is kind
        assert str(info.value) == message

    def test_parse_accepts_spaces_and_case(self) -> None:
        """Spaces and any case are read: `` fy 2026 `` is FY2026."""
        assert FiscalYear.parse(" fy 2026 ") == FiscalYear(2026)

    def test_parse_refuses_a_huge_quarter_number(self) -> None:
        """A quarter number of thousands of digits is invalid input, not a crash."""
        with pytest.raises(InvalidInputError):
            FiscalQuarter.parse("FY2026 Q" + "1" * 5000)


class TestRangeEdges:
    def test_membership(self) -> None:
        """A range holds plain dates, both ends included; datetimes and text are not in it."""
        year = FiscalYear(2026).range
        assert dt.date(2025, 10, 1) in year
        assert dt.date(2026, 9, 30) in year
        assert dt.date(2026, 10, 1) not in year
        assert dt.datetime(2026, 1, 1) not in year  # noqa: DTZ001 - a naive value on purpose
        assert "2026-01-01" not in year

    def test_iteration_and_intersection(self) -> None:
        """A range iterates its days; ranges sharing one day intersect in it, else in nothing."""
        assert list(DateRange(dt.date(2026, 1, 30), dt.date(2026, 2, 1))) == [
            dt.date(2026, 1, 30),
            dt.date(2026, 1, 31),
            dt.date(2026, 2, 1),
        ]
        a = DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 5))
        assert a.intersection(DateRange(dt.date(2026, 1, 5), dt.date(2026, 1, 9))) == DateRange(
            dt.date(2026, 1, 5), dt.date(2026, 1, 5)
        )
        assert a.intersection(DateRange(dt.date(2026, 1, 6), dt.date(2026, 1, 9))) is None

    def test_quarters_touched(self) -> None:
        """A range from the last day of Q1 to the first of Q4 touches all four quarters."""
        quarters = DateRange(dt.date(2025, 12, 31), dt.date(2026, 7, 1)).fiscal_quarters()
        assert quarters == tuple(FiscalQuarter(2026, q) for q in (1, 2, 3, 4))

    def test_days(self) -> None:
        """FY2024 has 366 days; Q2 has 90 or 91 days in a leap year; Q1 92, Q3 91."""
        assert FiscalYear(2024).days == 366
        assert (FiscalQuarter(2026, 2).days, FiscalQuarter(2024, 2).days) == (90, 91)
        assert (FiscalQuarter(2026, 1).days, FiscalQuarter(2026, 3).days) == (92, 91)

    def test_every_month_lands_in_its_quarter(self) -> None:
        """October-December is Q1 of the next fiscal year; January-March Q2, and so on."""
        got = [FiscalQuarter.containing(dt.date(2026, m, 1)) for m in range(1, 13)]
        assert (
            got
            == [FiscalQuarter(2026, (m - 10) % 12 // 3 + 1) for m in range(1, 10)]
            + [FiscalQuarter(2027, 1)] * 3
        )
        assert FiscalYear.containing(dt.date(2025, 9, 30)) == FiscalYear(2025)
        assert FiscalYear.containing(dt.date(2025, 10, 1)) == FiscalYear(2026)
