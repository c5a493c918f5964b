"""Hypothesis strategies and slow, obviously-right oracles for the claims engine.

The generators build an agency, a roster of one to six officers of every 287(g) model, and
non-overlapping pay records per officer (1-31 days each, gaps allowed) that start before
2025-10-01 and run through FY2026, so records straddle the policy start and quarter boundaries.
Amounts are drawn as whole cents and turned into ``Decimal`` by text.

The oracles here work one calendar day at a time, independently of the engine's closed-form
arithmetic: a record's cents are spread evenly over its days with the remainder cents one each
on the earliest days (I-DAYS, I-CENT); a day is eligible when it lies in
``max(2025-10-01, agreement, training) .. separation`` (I-WIN) and the officer's model is in
scope (I-MODEL); the overtime cap is consumed day by day from 1 October (I-CAPYEAR). They read a
policy's options and cap share as inputs, never the engine's results.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from hypothesis import strategies as st

from g287 import (
    Agency,
    CapProration,
    DateRange,
    FiscalQuarter,
    FiscalYear,
    Headcount,
    LeadReport,
    Model,
    ModelScope,
    Officer,
    PayRecord,
    Policy,
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


# --- generators ----------------------------------------------------------------------------------

#: Annual salaries in cents, odd amounts included so the cap's rounding down is exercised.
annual_salaries = st.one_of(
    st.just(0),
    st.integers(min_value=1, max_value=400),
    st.integers(min_value=2_500_000, max_value=15_000_000),
)
# A pay record's fields are drawn from plain integer strategies and folded by hand (a negative
# draw is 0 cents or no gap; a length over 31 days is a biweekly 14): a record is drawn in five
# choices, not ten, which halves the time a scenario takes to draw. Each still shrinks to 0.

#: Per-record salary and benefits in cents: 0 one time in eight, else up to 7,000.00.
_record_cents = st.integers(min_value=-100_000, max_value=700_000)
#: Per-record overtime in cents, at one of two scales drawn per officer: small amounts that
#: stay under most caps, or large ones that cross the cap quickly; 0 one time in eight.
_overtime_cents = (
    st.integers(min_value=-8_000, max_value=60_000),
    st.integers(min_value=-200_000, max_value=1_500_000),
)
_overtime_scale = st.sampled_from(_overtime_cents)
#: Days between one pay record and the next: none a third of the time, else up to six weeks.
_gaps = st.integers(min_value=-20, max_value=45)
#: Days of a pay record: 1-31, or (a quarter of the time) a biweekly 14.
_lengths = st.integers(min_value=1, max_value=41)
#: The models an agency signed: often all of them, else any non-empty set.
_model_sets = st.one_of(
    st.just(ALL_MODELS), st.frozensets(st.sampled_from(list(Model)), min_size=1)
)
#: Agreement dates: often before the policy starts, else up to 2026-06-30.
_agreements = st.one_of(
    st.dates(dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
    st.dates(dt.date(2025, 1, 1), dt.date(2026, 6, 30)),
)
_trainings = st.dates(dt.date(2025, 6, 1), dt.date(2026, 8, 31))
#: Days from training to separation (taken modulo the days left to 2026-10-31), or none.
_service_days = st.one_of(st.none(), st.integers(min_value=0, max_value=600))
#: A sampled_from strategy per set of models, built once: building a strategy for each draw
#: costs more than drawing from it.
_models_of: dict[tuple[Model, ...], st.SearchStrategy[Model]] = {}


@st.composite
def agencies(draw: st.DrawFn, models: frozenset[Model] | None = None) -> Agency:
    """An agency with an agreement date from 2025-01 to 2026-06 and one or more signed models."""
    if models is None:
        models = draw(_model_sets)
    return Agency("A-1", "Generated County", draw(_agreements), models)


@st.composite
def officers(draw: st.DrawFn, officer_id: str, models: Sequence[Model]) -> Officer:
    """An officer trained 2025-06 … 2026-08, sometimes separated (even before 2025-10-01)."""
    key = tuple(sorted(models, key=lambda m: m.value))
    if key not in _models_of:
        _models_of[key] = st.sampled_from(key)
    model = draw(_models_of[key])
    trained = draw(_trainings)
    served = draw(_service_days)
    separated = None
    if served is not None:
        left = (max(trained, dt.date(2026, 10, 31)) - trained).days
        separated = trained + dt.timedelta(days=served % (left + 1))
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
    overtime = draw(_overtime_scale)
    records: list[PayRecord] = []
    for _ in range(draw(st.integers(min_value=1, max_value=max_records))):
        start += dt.timedelta(days=max(0, draw(_gaps)))
        length = draw(_lengths)
        end = start + dt.timedelta(days=(14 if length > 31 else length) - 1)
        if end > last:
            break
        salary, benefits = draw(_record_cents), draw(_record_cents)
        records.append(
            PayRecord(
                officer_id,
                start,
                end,
                money(max(0, salary)),
                money(max(0, benefits)),
                money(max(0, draw(overtime))),
            )
        )
        start = end + ONE_DAY
    return records


#: ICE's judgement of overall assistance (I-ASSIST): satisfactory three times in four.
_judgements = st.sampled_from([True, True, True, False])


@st.composite
def lead_reports(draw: st.DrawFn, quarter: FiscalQuarter) -> LeadReport:
    """ICE's report for a quarter: 0-60 leads provided, some located, assistance judged."""
    provided = draw(st.integers(min_value=0, max_value=60))
    located = draw(st.integers(min_value=0, max_value=provided))
    satisfactory = draw(_judgements)
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


# --- oracles of whole claim lines, day by day ---------------------------------------------------

#: Days in FY2026 (2025-10-01 … 2026-09-30; no 29 February), counted one by one.
FY_DAYS = sum(1 for _ in days(POLICY_START, FY_END))


def in_scope(policy: Policy, officer: Officer) -> bool:
    """I-MODEL by hand: officers of every model, or under ``task-force-only`` the TFM alone."""
    return policy.model_scope is ModelScope.ALL_MODELS or officer.model is Model.TASK_FORCE


def expected_cap(agency: Agency, officer: Officer, policy: Policy) -> int:
    """R-OT, I-CAPBASE, I-CAPPRO, I-CENT for FY2026 in cents: the share of annual salary (times
    eligible days / 365 when prorated), rounded down; none without an eligible day or scope."""
    start, end = window(agency, officer)
    if start > end or not in_scope(policy, officer):
        return 0
    cap = Fraction(cents_of(officer.annual_salary)) * policy.overtime_share
    if policy.cap_proration is CapProration.BY_ELIGIBLE_DAYS:
        inside = sum(1 for day in days(POLICY_START, FY_END) if start <= day <= end)
        cap *= Fraction(inside, FY_DAYS)
    return math.floor(cap)


class Expected(NamedTuple):
    """One officer's claim line as the day-by-day oracle sees it, amounts in cents."""

    window: DateRange | None
    eligible_days: int
    salary: int
    benefits: int
    overtime_claimed: int
    overtime_reimbursed: int
    overtime_cap: int
    cap_used_before: int
    cap_used: int
    not_eligible: int


def expected_line(
    agency: Agency,
    officer: Officer,
    payroll: Iterable[PayRecord],
    policy: Policy,
    period: DateRange,
) -> Expected:
    """An officer's line for a period inside FY2026, one calendar day at a time.

    A day's pay is eligible when the officer's model is in scope (I-MODEL) and the day is in the
    window (I-WIN); the rest of the pay dated in the period is not eligible. The cap is consumed
    in date order from 1 October (I-CAPYEAR): the cap used up to a day is ``min(cap, eligible
    overtime up to that day)``.
    """
    assert POLICY_START <= period.start <= period.end <= FY_END
    start, end = window(agency, officer)
    scoped = in_scope(policy, officer)

    def paid(day: dt.date) -> bool:
        return scoped and start <= day <= end

    book = daily(r for r in payroll if r.officer_id == officer.id).get(officer.id, {})
    inside = [(day, pay) for day, pay in book.items() if period.start <= day <= period.end]
    cap = expected_cap(agency, officer, policy)

    def used_through(last: dt.date) -> int:
        overtime = sum(
            pay.overtime for day, pay in book.items() if POLICY_START <= day <= last and paid(day)
        )
        return min(cap, overtime)

    before, through = used_through(period.start - ONE_DAY), used_through(period.end)
    return Expected(
        window=DateRange(start, end) if start <= end else None,
        eligible_days=sum(1 for day in days(period.start, period.end) if paid(day)),
        salary=sum(pay.salary for day, pay in inside if paid(day)),
        benefits=sum(pay.benefits for day, pay in inside if paid(day)),
        overtime_claimed=sum(pay.overtime for day, pay in inside if paid(day)),
        overtime_reimbursed=through - before,
        overtime_cap=cap,
        cap_used_before=before,
        cap_used=through,
        not_eligible=sum(pay.total for day, pay in inside if not paid(day)),
    )


def expected_award_officers(
    agency: Agency,
    roster: Iterable[Officer],
    policy: Policy,
    quarter: FiscalQuarter,
    payroll: Iterable[PayRecord],
) -> tuple[str, ...]:
    """I-HEAD by hand: the Task Force Model officers whose I-WIN window holds the quarter's last
    day (``last-day``) or any of its days (``any-day``), and who are paid something for a day
    of the quarter inside that window (no eligible pay, no basis), in roster order."""
    books = daily(payroll)
    counted = []
    for officer in roster:
        start, end = window(agency, officer)
        if not any(
            pay.total
            for day, pay in books.get(officer.id, {}).items()
            if quarter.start <= day <= quarter.end and start <= day <= end
        ):
            continue
        if policy.headcount is Headcount.LAST_DAY:
            hit = start <= quarter.end <= end
        else:
            hit = any(start <= day <= end for day in days(quarter.start, quarter.end))
        if officer.model is Model.TASK_FORCE and hit:
            counted.append(officer.id)
    return tuple(counted)


def split_record(record: PayRecord, first_days: int) -> tuple[PayRecord, PayRecord]:
    """``record`` cut after its first ``first_days`` days into two adjacent records, each
    carrying exactly its days' cents of the even spread (I-DAYS, I-CENT)."""
    cut = record.start + dt.timedelta(days=first_days - 1)
    parts = []
    for lo, hi in ((record.start, cut), (cut + ONE_DAY, record.end)):
        amounts = [
            money(
                sum(
                    c
                    for day, c in per_day(cents_of(a), record.start, record.end).items()
                    if lo <= day <= hi
                )
            )
            for a in (record.salary, record.benefits, record.overtime)
        ]
        parts.append(PayRecord(record.officer_id, lo, hi, *amounts))
    return parts[0], parts[1]
