"""Hypothesis strategies and slow, obviously-right oracles for the claims engine.

The generators build an agency, a roster of one to six officers of every 287(g) model, and
non-overlapping pay records per officer (1-31 days each, gaps allowed) that start before
2025-10-01 and run through FY2026, so records straddle the policy start and quarter boundaries.
Amounts are drawn as whole cents and turned into ``Decimal`` by text.

The oracles here work one calendar day at a time, independently of the engine's closed-form
arithmetic: a record's cents are spread evenly over its days with the remainder cents one each
on the earliest days (I-DAYS, I-CENT), and a day is eligible when it lies in
``max(2025-10-01, agreement, training) .. separation`` (I-WIN).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

from hypothesis import strategies as st

from g287 import (
    Agency,
    DateRange,
    FiscalQuarter,
    FiscalYear,
    LeadReport,
    Model,
    Officer,
    PayRecord,
)

#: The fiscal year every generated claim is for: FY2026, the first under the policy (R-EFF).
FY = FiscalYear(2026)
#: R-EFF: "Starting October 1, 2025" (¶6), written out rather than read from the policy.
POLICY_START = dt.date(2025, 10, 1)
FY_END = dt.date(2026, 9, 30)
QUARTERS = tuple(FiscalQuarter(2026, q) for q in (1, 2, 3, 4))
ONE_DAY = dt.timedelta(days=1)
ALL_MODELS = frozenset(Model)

#: The money fields of a claim line and of a claim, in the order the engine lists them.
LINE_MONEY = (
    "salary",
    "benefits",
    "overtime_claimed",
    "overtime_reimbursed",
    "overtime_over_cap",
    "not_eligible",
    "total",
)
CLAIM_MONEY = (
    "salary",
    "benefits",
    "overtime_claimed",
    "overtime_reimbursed",
    "overtime_over_cap",
    "not_eligible",
    "reimbursement",
)


def money(cents: int) -> Decimal:
    """A two-place ``Decimal`` written from whole cents by text (an oracle, not the engine's)."""
    dollars, rest = divmod(cents, 100)
    return Decimal(f"{dollars}.{rest:02d}")


def cents_of(amount: Decimal) -> int:
    """Whole cents of a two-place ``Decimal``, checked to be exact."""
    scaled = amount * 100
    assert scaled == scaled.to_integral_value(), amount
    return int(scaled)


def days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """Every day from ``start`` to ``end``, both included."""
    day = start
    while day <= end:
        yield day
        day += ONE_DAY


def months(quarter: FiscalQuarter) -> tuple[DateRange, ...]:
    """The three calendar months of a fiscal quarter, as date ranges."""
    out = []
    start = quarter.start
    for _ in range(3):
        nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        out.append(DateRange(start, nxt - ONE_DAY))
        start = nxt
    return tuple(out)


# --- the per-day oracle ---------------------------------------------------------------------------


def per_day(cents: int, start: dt.date, end: dt.date) -> dict[dt.date, int]:
    """I-DAYS / I-CENT by hand: each day gets the even share, the earliest days one extra cent."""
    span = list(days(start, end))
    out: dict[dt.date, int] = {}
    left = cents
    for i, day in enumerate(span):
        share = cents // len(span) + (1 if i < cents % len(span) else 0)
        out[day] = share
        left -= share
    assert left == 0
    return out


class DayPay(NamedTuple):
    """One officer's pay on one day, in cents."""

    salary: int
    benefits: int
    overtime: int

    @property
    def total(self) -> int:
        """Everything paid on the day."""
        return self.salary + self.benefits + self.overtime


def daily(records: Iterable[PayRecord]) -> dict[str, dict[dt.date, DayPay]]:
    """Every officer's pay spread over calendar days by :func:`per_day`."""
    out: dict[str, dict[dt.date, DayPay]] = {}
    for r in records:
        s = per_day(cents_of(r.salary), r.start, r.end)
        b = per_day(cents_of(r.benefits), r.start, r.end)
        o = per_day(cents_of(r.overtime), r.start, r.end)
        book = out.setdefault(r.officer_id, {})
        for day in s:
            assert day not in book, "the generator made overlapping records"
            book[day] = DayPay(s[day], b[day], o[day])
    return out


def window(agency: Agency, officer: Officer) -> tuple[dt.date, dt.date]:
    """I-WIN by hand: from the latest of policy start, agreement and training, to separation."""
    start = max(POLICY_START, agency.agreement_date, officer.trained_on)
    end = officer.separated_on if officer.separated_on is not None else dt.date.max
    return start, end


def eligible(agency: Agency, officer: Officer, day: dt.date) -> bool:
    """Whether the officer's pay on ``day`` is reimbursable under I-WIN (all models in scope)."""
    start, end = window(agency, officer)
    return start <= day <= end


# --- generators ----------------------------------------------------------------------------------

#: Annual salaries in cents, odd amounts included so the cap's rounding down is exercised.
annual_salaries = st.one_of(
    st.just(0),
    st.integers(min_value=1, max_value=400),
    st.integers(min_value=2_500_000, max_value=15_000_000),
)
#: Per-record salary and benefits in cents, zero included.
record_amounts = st.one_of(st.just(0), st.integers(min_value=0, max_value=700_000))
#: Per-record overtime in cents: often small, sometimes large enough to cross the cap quickly.
overtime_amounts = st.one_of(
    st.just(0),
    st.integers(min_value=0, max_value=60_000),
    st.integers(min_value=0, max_value=1_500_000),
)


@st.composite
def agencies(draw: st.DrawFn, models: frozenset[Model] | None = None) -> Agency:
    """An agency with an agreement date from 2025-01 to 2026-06 and one or more signed models."""
    if models is None:
        models = draw(
            st.one_of(
                st.just(ALL_MODELS),
                st.frozensets(st.sampled_from(list(Model)), min_size=1),
            )
        )
    agreement = draw(
        st.one_of(
            st.dates(dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
            st.dates(dt.date(2025, 1, 1), dt.date(2026, 6, 30)),
        )
    )
    return Agency("A-1", "Generated County", agreement, models)


@st.composite
def officers(draw: st.DrawFn, officer_id: str, models: Sequence[Model]) -> Officer:
    """An officer trained 2025-06 … 2026-08, sometimes separated (even before 2025-10-01)."""
    model = draw(st.sampled_from(sorted(models, key=lambda m: m.value)))
    trained = draw(st.dates(dt.date(2025, 6, 1), dt.date(2026, 8, 31)))
    separated = draw(st.one_of(st.none(), st.dates(trained, max(trained, dt.date(2026, 10, 31)))))
    salary = draw(annual_salaries)
    return Officer(officer_id, model, trained, money(salary), separated)


@st.composite
def pay_records(
    draw: st.DrawFn,
    officer_id: str,
    first: tuple[dt.date, dt.date] = (dt.date(2025, 8, 1), dt.date(2025, 12, 31)),
    last: dt.date = dt.date(2026, 10, 31),
    max_records: int = 14,
) -> list[PayRecord]:
    """Non-overlapping pay records of one officer: 1-31 days each, in date order, gaps allowed."""
    start = draw(st.dates(*first))
    records: list[PayRecord] = []
    for _ in range(draw(st.integers(min_value=1, max_value=max_records))):
        start += dt.timedelta(
            days=draw(st.one_of(st.just(0), st.integers(min_value=0, max_value=45)))
        )
        length = draw(st.one_of(st.just(14), st.integers(min_value=1, max_value=31)))
        end = start + dt.timedelta(days=length - 1)
        if end > last:
            break
        records.append(
            PayRecord(
                officer_id,
                start,
                end,
                money(draw(record_amounts)),
                money(draw(record_amounts)),
                money(draw(overtime_amounts)),
            )
        )
        start = end + ONE_DAY
    return records


@st.composite
def lead_reports(draw: st.DrawFn, quarter: FiscalQuarter) -> LeadReport:
    """ICE's report for a quarter: 0-60 leads provided, some located, assistance judged."""
    provided = draw(st.integers(min_value=0, max_value=60))
    located = draw(st.integers(min_value=0, max_value=provided))
    satisfactory = draw(st.sampled_from([True, True, True, False]))
    return LeadReport(quarter, provided, located, satisfactory)


class Scenario(NamedTuple):
    """An agency's inputs for FY2026: the agency, its roster, its payroll and its lead reports."""

    agency: Agency
    officers: tuple[Officer, ...]
    payroll: tuple[PayRecord, ...]
    leads: tuple[LeadReport, ...]

    def officer(self, officer_id: str) -> Officer:
        """The rostered officer with this id."""
        (found,) = (o for o in self.officers if o.id == officer_id)
        return found


@st.composite
def scenarios(draw: st.DrawFn, max_officers: int = 6) -> Scenario:
    """A valid agency, a roster of 1 … ``max_officers`` officers and their payroll and leads."""
    agency = draw(agencies())
    count = draw(st.integers(min_value=1, max_value=max_officers))
    roster = tuple(
        draw(officers(f"O-{i}", sorted(agency.models, key=lambda m: m.value)))
        for i in range(1, count + 1)
    )
    payroll = tuple(r for o in roster for r in draw(pay_records(o.id)))
    leads = tuple(draw(lead_reports(q)) for q in QUARTERS)
    return Scenario(agency, roster, payroll, leads)


@st.composite
def periods(draw: st.DrawFn) -> DateRange:
    """A claim period inside FY2026: anything from a single day to the whole year."""
    start = draw(st.dates(POLICY_START, FY_END))
    end = draw(st.one_of(st.just(FY_END), st.dates(start, FY_END)))
    return DateRange(start, end)
