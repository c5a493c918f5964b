"""The federal fiscal calendar: fiscal years, fiscal quarters and inclusive date ranges."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from g287 import DateRange, FiscalQuarter, FiscalYear, InvalidInputError, InvalidTypeError
from g287.calendar import to_date
from strategies import dates, fiscal_quarters, fiscal_years, quarter_texts

ONE_DAY = dt.timedelta(days=1)


class TestFiscalQuarterExamples:
    @pytest.mark.parametrize(
        ("quarter", "start", "end", "days"),
        [
            (1, dt.date(2025, 10, 1), dt.date(2025, 12, 31), 92),
            (2, dt.date(2026, 1, 1), dt.date(2026, 3, 31), 90),
            (3, dt.date(2026, 4, 1), dt.date(2026, 6, 30), 91),
            (4, dt.date(2026, 7, 1), dt.date(2026, 9, 30), 92),
        ],
    )
    def test_fy2026_quarters(self, quarter: int, start: dt.date, end: dt.date, days: int) -> None:
        """R-EFF: FY2026 Q1 starts 2025-10-01, and its quarters run Oct-Dec, Jan-Mar, Apr-Jun,
        Jul-Sep."""
        q = FiscalQuarter(2026, quarter)
        assert (q.start, q.end, q.days) == (start, end, days)
        assert q.range == DateRange(start, end)

    def test_leap_year_second_quarter(self) -> None:
        """FY2028 Q2 (Jan-Mar 2028) holds 29 February and so has 91 days."""
        assert FiscalQuarter(2028, 2).days == 91

    def test_repr_and_str(self) -> None:
        """``repr`` reads like the constructor call, ``str`` like the canonical text."""
        q = FiscalQuarter(2026, 1)
        assert repr(q) == "FiscalQuarter(2026, 1)"
        assert str(q) == "FY2026 Q1"

    def test_year(self) -> None:
        """A quarter knows its fiscal year."""
        assert FiscalQuarter(2027, 3).year == FiscalYear(2027)


class TestFiscalQuarterValidation:
    @pytest.mark.parametrize("quarter", [0, 5, -1])
    def test_quarter_out_of_range(self, quarter: int) -> None:
        """A quarter outside 1-4 is refused, naming the value."""
        with pytest.raises(InvalidInputError, match=rf"quarter: {quarter}; expected 1-4"):
            FiscalQuarter(2026, quarter)

    @pytest.mark.parametrize(
        ("year", "quarter"), [(2026, True), (2026, 1.0), ("2026", 1), (2026.0, 1)]
    )
    def test_wrong_types(self, year: Any, quarter: Any) -> None:
        """A bool, float or str as year or quarter is an InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match="expected an int"):
            FiscalQuarter(year, quarter)

    @pytest.mark.parametrize("year", [0, 1, 10000, -2026])
    def test_year_out_of_range(self, year: int) -> None:
        """A fiscal year outside what ``datetime.date`` can start is refused."""
        with pytest.raises(InvalidInputError, match=rf"fiscal_year: {year}"):
            FiscalQuarter(year, 1)


class TestFiscalQuarterParse:
    @pytest.mark.parametrize(
        "text",
        [
            "FY2026 Q1",
            "FY2026Q1",
            "FY2026-Q1",
            "fy2026 q1",
            "fy2026-q1",
            " FY2026 Q1 ",
            "FY 2026 Q 1",
            "FY2026 - Q1",
        ],
    )
    def test_accepted_spellings(self, text: str) -> None:
        """Case, spaces and a hyphen between year and quarter do not matter."""
        assert FiscalQuarter.parse(text) == FiscalQuarter(2026, 1)

    @given(fiscal_quarters)
    def test_str_round_trip(self, q: FiscalQuarter) -> None:
        """``parse`` is the inverse of ``str``."""
        assert FiscalQuarter.parse(str(q)) == q

    @given(quarter_texts())
    def test_any_accepted_spelling_round_trips(self, case: tuple[str, FiscalQuarter]) -> None:
        """Every accepted spelling parses to its quarter, whose ``str`` is canonical."""
        text, q = case
        parsed = FiscalQuarter.parse(text)
        assert parsed == q
        assert str(parsed) == f"FY{q.fiscal_year} Q{q.quarter}"

    def test_quarter_out_of_range_message(self) -> None:
        """A fifth quarter is refused with the text and the reason."""
        with pytest.raises(
            InvalidInputError,
            match=r"Invalid fiscal quarter: 'FY2026 Q5' \(quarter must be 1-4\)",
        ):
            FiscalQuarter.parse("FY2026 Q5")

    @pytest.mark.parametrize(
        "text",
        ["", "FY2026", "2026 Q1", "Q1 FY2026", "FY2026 Q", "FY2026 H1", "FY-2026 Q1", "FY2026 Q1x"],
    )
    def test_malformed(self, text: str) -> None:
        """Text not shaped like 'FY2026 Q1' is refused, quoting it."""
        with pytest.raises(InvalidInputError, match="Invalid fiscal quarter") as info:
            FiscalQuarter.parse(text)
        assert repr(text) in str(info.value)

    def test_year_out_of_range(self) -> None:
        """A well-formed quarter of an impossible year is refused, quoting the text."""
        with pytest.raises(InvalidInputError, match=r"Invalid fiscal quarter: 'FY0 Q1'"):
            FiscalQuarter.parse("FY0 Q1")

    @pytest.mark.parametrize("value", [None, 2026, FiscalQuarter(2026, 1), b"FY2026 Q1"])
    def test_non_string(self, value: Any) -> None:
        """Only text is parsed."""
        with pytest.raises(InvalidTypeError, match="is not a string"):
            FiscalQuarter.parse(value)


class TestFiscalQuarterContaining:
    @given(dates)
    def test_contains_the_day(self, day: dt.date) -> None:
        """The quarter containing a day starts on or before it and ends on or after it."""
        q = FiscalQuarter.containing(day)
        assert q.start <= day <= q.end
        assert day in q.range

    @given(fiscal_quarters)
    def test_first_and_last_day_round_trip(self, q: FiscalQuarter) -> None:
        """A quarter contains its own first and last days, and no day either side."""
        assert FiscalQuarter.containing(q.start) == q
        assert FiscalQuarter.containing(q.end) == q
        assert FiscalQuarter.containing(q.start - ONE_DAY) == q.previous()
        assert FiscalQuarter.containing(q.end + ONE_DAY) == q.next()

    @given(dates)
    def test_quarter_months(self, day: dt.date) -> None:
        """Oracle: Q1 is Oct-Dec of the previous calendar year, Q2 Jan-Mar, Q3 Apr-Jun,
        Q4 Jul-Sep."""
        by_month = {10: 1, 11: 1, 12: 1, 1: 2, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 4, 8: 4, 9: 4}
        fiscal_year = day.year + 1 if day.month >= 10 else day.year
        assert FiscalQuarter.containing(day) == FiscalQuarter(fiscal_year, by_month[day.month])

    @pytest.mark.parametrize(
        "value", ["2025-10-01", dt.datetime(2025, 10, 1, tzinfo=dt.UTC), 20251001, None]
    )
    def test_refuses_non_dates(self, value: Any) -> None:
        """Only a plain ``datetime.date`` is a day (a datetime is refused too)."""
        with pytest.raises(InvalidTypeError, match=r"expected a datetime\.date"):
            FiscalQuarter.containing(value)


class TestFiscalQuarterSequence:
    @given(fiscal_quarters)
    def test_next_and_previous_are_inverse(self, q: FiscalQuarter) -> None:
        """Stepping forward then back (or back then forward) returns the same quarter."""
        assert q.next().previous() == q
        assert q.previous().next() == q

    @given(fiscal_quarters)
    def test_quarters_are_contiguous(self, q: FiscalQuarter) -> None:
        """The next quarter starts the day after this one ends."""
        assert q.next().start == q.end + ONE_DAY
        assert q.previous().end == q.start - ONE_DAY

    def test_year_boundary(self) -> None:
        """Q4 is followed by Q1 of the next fiscal year, and Q1 preceded by the last Q4."""
        assert FiscalQuarter(2026, 4).next() == FiscalQuarter(2027, 1)
        assert FiscalQuarter(2026, 1).previous() == FiscalQuarter(2025, 4)

    @given(fiscal_quarters, fiscal_quarters)
    def test_order_is_chronological(self, a: FiscalQuarter, b: FiscalQuarter) -> None:
        """Quarters compare as their start dates do."""
        assert (a < b) == (a.start < b.start)
        assert (a == b) == (a.start == b.start)
        assert (a <= b) == (a.start <= b.start)

    @given(fiscal_quarters)
    def test_next_is_later(self, q: FiscalQuarter) -> None:
        """A quarter is before the next one and after the previous one."""
        assert q.previous() < q < q.next()

    @given(fiscal_quarters)
    def test_days_between_90_and_92(self, q: FiscalQuarter) -> None:
        """Every quarter has 90 to 92 days."""
        assert 90 <= q.days <= 92
        assert q.days == (q.end - q.start).days + 1

    def test_hashable_and_usable_as_key(self) -> None:
        """Equal quarters hash equal, so quarters can key a dict."""
        totals = {FiscalQuarter(2026, 1): 1}
        assert totals[FiscalQuarter.parse("fy2026q1")] == 1


class TestFiscalYear:
    def test_fy2026(self) -> None:
        """R-EFF: FY2026 runs 2025-10-01 to 2026-09-30, 365 days."""
        fy = FiscalYear(2026)
        assert (fy.start, fy.end, fy.days) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30), 365)
        assert fy.range == DateRange(dt.date(2025, 10, 1), dt.date(2026, 9, 30))

    def test_repr_and_str(self) -> None:
        """``repr`` reads like the constructor call, ``str`` like 'FY2026'."""
        assert (repr(FiscalYear(2026)), str(FiscalYear(2026))) == ("FiscalYear(2026)", "FY2026")

    @given(fiscal_years)
    def test_days_365_or_366(self, fy: FiscalYear) -> None:
        """Oracle: a fiscal year has 366 days when the February it holds is a leap one."""
        assert fy.days == (366 if calendar.isleap(fy.year) else 365)

    @given(fiscal_years)
    def test_quarters_tile_the_year(self, fy: FiscalYear) -> None:
        """The four quarters start on the year's first day, end on its last, touch without
        gaps or overlap, and their days sum to the year's."""
        quarters = fy.quarters()
        assert [q.quarter for q in quarters] == [1, 2, 3, 4]
        assert all(q.year == fy for q in quarters)
        assert quarters[0].start == fy.start
        assert quarters[-1].end == fy.end
        for a, b in itertools.pairwise(quarters):
            assert b.start == a.end + ONE_DAY
        assert sum(q.days for q in quarters) == fy.days

    @pytest.mark.parametrize("text", ["FY2026", "fy2026", " FY 2026 ", "Fy2026", "2026"])
    def test_parse(self, text: str) -> None:
        """'FY2026' parses in any case and with spaces; the bare year '2026' too."""
        assert FiscalYear.parse(text) == FiscalYear(2026)

    @given(fiscal_years)
    def test_str_round_trip(self, fy: FiscalYear) -> None:
        """``parse`` is the inverse of ``str``."""
        assert FiscalYear.parse(str(fy)) == fy

    @pytest.mark.parametrize(
        "text", ["", "FY", "FY2026 Q1", "FY20265", "CY2026", "\uff12\uff10\uff12\uff16"]
    )
    def test_parse_malformed(self, text: str) -> None:
        """Text not shaped like 'FY2026' is refused, quoting it."""
        with pytest.raises(InvalidInputError, match="Invalid fiscal year") as info:
            FiscalYear.parse(text)
        assert repr(text) in str(info.value)

    def test_parse_year_out_of_range(self) -> None:
        """A well-formed but impossible year is refused, quoting the text."""
        with pytest.raises(InvalidInputError, match=r"Invalid fiscal year: 'FY0'"):
            FiscalYear.parse("FY0")

    @pytest.mark.parametrize("value", [2026, None, FiscalYear(2026)])
    def test_parse_non_string(self, value: Any) -> None:
        """Only text is parsed."""
        with pytest.raises(InvalidTypeError, match="is not a string"):
            FiscalYear.parse(value)

    @pytest.mark.parametrize("value", [True, 2026.0, "2026", None])
    def test_wrong_type(self, value: Any) -> None:
        """A fiscal year is an int, not a bool, float or str."""
        with pytest.raises(InvalidTypeError, match="expected an int"):
            FiscalYear(value)

    @pytest.mark.parametrize("value", [0, 1, 10000])
    def test_out_of_range(self, value: int) -> None:
        """A fiscal year must start on a date ``datetime.date`` can hold."""
        with pytest.raises(InvalidInputError, match=rf"year: {value}"):
            FiscalYear(value)

    @given(dates)
    def test_containing(self, day: dt.date) -> None:
        """The fiscal year containing a day starts on or before it and ends on or after it."""
        fy = FiscalYear.containing(day)
        assert fy.start <= day <= fy.end
        assert FiscalQuarter.containing(day).year == fy

    @given(fiscal_years)
    def test_containing_ends(self, fy: FiscalYear) -> None:
        """A fiscal year contains its first and last days, and no day either side."""
        assert FiscalYear.containing(fy.start) == fy
        assert FiscalYear.containing(fy.end) == fy
        assert FiscalYear.containing(fy.start - ONE_DAY) == fy.previous()
        assert FiscalYear.containing(fy.end + ONE_DAY) == fy.next()

    def test_containing_refuses_datetime(self) -> None:
        """A datetime is not a day."""
        with pytest.raises(InvalidTypeError, match=r"expected a datetime\.date"):
            FiscalYear.containing(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))

    @given(fiscal_years)
    def test_next_previous_inverse_and_ordered(self, fy: FiscalYear) -> None:
        """Next and previous are inverse and the years are ordered and contiguous."""
        assert fy.next().previous() == fy
        assert fy.previous().next() == fy
        assert fy.previous() < fy < fy.next()
        assert fy.next().start == fy.end + ONE_DAY

    @given(fiscal_years, fiscal_years)
    def test_order_is_chronological(self, a: FiscalYear, b: FiscalYear) -> None:
        """Fiscal years compare as their start dates do."""
        assert (a < b) == (a.start < b.start)
        assert (a == b) == (a.year == b.year)


class TestDateRange:
    def test_days_and_membership(self) -> None:
        """A range counts both ends and contains exactly the days between them."""
        r = DateRange(dt.date(2025, 9, 28), dt.date(2025, 10, 11))
        assert r.days == 14
        assert dt.date(2025, 9, 28) in r
        assert dt.date(2025, 10, 11) in r
        assert dt.date(2025, 9, 27) not in r
        assert dt.date(2025, 10, 12) not in r
        assert "2025-10-01" not in r

    def test_single_day(self) -> None:
        """A range may be a single day."""
        day = dt.date(2026, 2, 28)
        assert list(DateRange(day, day)) == [day]

    @given(dates, st.integers(min_value=0, max_value=800))
    def test_iteration_matches_days(self, start: dt.date, length: int) -> None:
        """Iterating yields every day once, in order, as many as ``days`` says."""
        r = DateRange(start, start + dt.timedelta(days=length))
        days = list(r)
        assert len(days) == r.days == length + 1
        assert days[0] == r.start
        assert days[-1] == r.end
        assert all(b - a == ONE_DAY for a, b in itertools.pairwise(days))

    def test_end_before_start_refused(self) -> None:
        """A range cannot end before it starts; the message names both dates."""
        with pytest.raises(InvalidInputError, match="2025-09-30 is before start 2025-10-01"):
            DateRange(dt.date(2025, 10, 1), dt.date(2025, 9, 30))

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            ("2025-10-01", dt.date(2025, 10, 2)),
            (dt.date(2025, 10, 1), dt.datetime(2025, 10, 2, tzinfo=dt.UTC)),
        ],
    )
    def test_non_dates_refused(self, start: Any, end: Any) -> None:
        """Both ends must be plain dates."""
        with pytest.raises(InvalidTypeError, match=r"expected a datetime\.date"):
            DateRange(start, end)

    def test_intersection(self) -> None:
        """The intersection is the shared days, or None when there are none."""
        r = DateRange(dt.date(2025, 9, 28), dt.date(2025, 10, 11))
        assert r.intersection(FiscalYear(2026).range) == DateRange(
            dt.date(2025, 10, 1), dt.date(2025, 10, 11)
        )
        assert r.intersection(FiscalQuarter(2026, 2).range) is None

    @given(dates, st.integers(0, 400), dates, st.integers(0, 400))
    def test_intersection_is_the_common_days(
        self, a_start: dt.date, a_len: int, b_start: dt.date, b_len: int
    ) -> None:
        """Oracle: the intersection holds exactly the days in both ranges."""
        a = DateRange(a_start, a_start + dt.timedelta(days=a_len))
        b = DateRange(b_start, b_start + dt.timedelta(days=b_len))
        common = set(a) & set(b)
        both = a.intersection(b)
        if both is None:
            assert not common
        else:
            assert set(both) == common
            assert both == b.intersection(a)

    def test_fiscal_quarters(self) -> None:
        """A range lists the quarters it touches, in order."""
        r = DateRange(dt.date(2025, 9, 15), dt.date(2026, 4, 1))
        assert r.fiscal_quarters() == (
            FiscalQuarter(2025, 4),
            FiscalQuarter(2026, 1),
            FiscalQuarter(2026, 2),
            FiscalQuarter(2026, 3),
        )
        assert FiscalQuarter(2026, 1).range.fiscal_quarters() == (FiscalQuarter(2026, 1),)

    @given(dates, st.integers(0, 1000))
    def test_fiscal_quarters_oracle(self, start: dt.date, length: int) -> None:
        """Oracle: the quarters touched are those containing some day of the range."""
        r = DateRange(start, start + dt.timedelta(days=length))
        assert list(r.fiscal_quarters()) == sorted({FiscalQuarter.containing(d) for d in r})

    def test_repr_and_str(self) -> None:
        """``repr`` and ``str`` show ISO dates."""
        r = DateRange(dt.date(2025, 10, 1), dt.date(2025, 10, 11))
        assert repr(r) == "DateRange(2025-10-01, 2025-10-11)"
        assert str(r) == "2025-10-01 to 2025-10-11"


class TestToDate:
    def test_returns_a_plain_date(self) -> None:
        """A plain date is returned unchanged."""
        day = dt.date(2025, 10, 1)
        assert to_date(day, "day") is day

    @pytest.mark.parametrize("value", [dt.datetime(2025, 10, 1, tzinfo=dt.UTC), "2025-10-01", None])
    def test_refuses_everything_else(self, value: object) -> None:
        """A datetime, a string or None is refused, naming the field and the type."""
        with pytest.raises(InvalidTypeError, match=r"^day: .* is a \w+; expected a datetime.date"):
            to_date(value, "day")


class TestFuzz:
    @given(st.text())
    def test_quarter_parse_raises_only_invalid_input(self, text: str) -> None:
        """Random text parses to a quarter that round-trips, or raises InvalidInputError only."""
        try:
            q = FiscalQuarter.parse(text)
        except InvalidInputError:
            return
        assert FiscalQuarter.parse(str(q)) == q

    @given(
        st.from_regex(
            re.compile(r"\s*[Ff][Yy]\s*[0-9]{1,4}\s*-?\s*[Qq]\s*[0-9]{1,2}\s*", re.ASCII),
            fullmatch=True,
        )
    )
    def test_quarter_shaped_text(self, text: str) -> None:
        """Text shaped like a quarter parses to its numbers, or names why it cannot."""
        year, quarter = (int(n) for n in re.findall(r"[0-9]+", text))
        if 2 <= year <= 9999 and 1 <= quarter <= 4:
            q = FiscalQuarter.parse(text)
            assert (q.fiscal_year, q.quarter) == (year, quarter)
        else:
            with pytest.raises(InvalidInputError, match=re.escape(repr(text))):
                FiscalQuarter.parse(text)

    @given(st.text())
    def test_year_parse_raises_only_invalid_input(self, text: str) -> None:
        """Random text parses to a fiscal year that round-trips, or raises InvalidInputError."""
        try:
            fy = FiscalYear.parse(text)
        except InvalidInputError:
            return
        assert FiscalYear.parse(str(fy)) == fy
