"""Hypothesis strategies and slow, obviously-right oracles for the claims engine.

The generators build an agency, a roster of one to six officers of every 287(g) model, and
non-overlapping pay records per officer (1-31 days each, gaps allowed) that start before
2025-10-01 and run through FY2026, so records straddle the policy start and quarter boundaries.
Amounts are drawn as whole cents and turned into ``Decimal`` by text.

The filing strategies at the end build a fiscal year filed quarter by quarter: earlier quarterly
claims filed from the payroll as it stood then, and a later claim that continues them
(``prior=``) from the corrected payroll, so it carries adjustments (I-ADJUST).

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

from hypothesis import assume
from hypothesis import strategies as st

from g287 import (
    Adjustment,
    Agency,
    CapProration,
    Claim,
    DateRange,
    FiledLine,
    Filing,
    FiscalQuarter,
    FiscalYear,
    FiscalYearClaims,
    Headcount,
    LeadReport,
    Model,
    ModelScope,
    NoLeads,
    Officer,
    PayRecord,
    Policy,
    fiscal_year_claims,
    quarterly_claim,
)
from g287.filings import FiledRecord

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


# --- filings: a fiscal year filed quarter by quarter --------------------------------------------

#: What became of a pay record between a filing and the payroll now: mostly nothing.
_fates = st.sampled_from(["kept", "kept", "kept", "dropped", "changed"])
#: Amounts of an adjustment record (back pay, a recovery), in cents: either sign.
_signed_cents = st.integers(min_value=-500_000, max_value=500_000)


def signed_money(cents: int) -> Decimal:
    """:func:`money` of either sign."""
    return -money(-cents) if cents < 0 else money(cents)


@st.composite
def adjustment_records(draw: st.DrawFn, officer_id: str = "T-1") -> PayRecord:
    """An adjustment record (back pay, a recovery) of 1-31 days in FY2026, amounts of either
    sign: a valid record on its own (a claim checks that no day goes below zero)."""
    start = draw(st.dates(POLICY_START, FY_END - dt.timedelta(days=30)))
    end = start + dt.timedelta(days=draw(st.integers(0, 30)))
    amounts = [signed_money(draw(_signed_cents)) for _ in range(3)]
    return PayRecord(officer_id, start, end, *amounts, adjustment=True)


@st.composite
def payrolls_as_filed(draw: st.DrawFn, payroll: Sequence[PayRecord]) -> tuple[PayRecord, ...]:
    """The payroll as the agency had it when it filed, before corrections: each record of
    ``payroll`` kept, missing, or with other amounts. A claim on ``payroll`` then recomputes
    the periods filed from this one differently (I-ADJUST)."""
    out = []
    for record in payroll:
        fate = draw(_fates)
        if fate == "dropped":
            continue
        if fate == "changed":
            amounts = [money(max(0, draw(_record_cents))) for _ in range(3)]
            out.append(PayRecord(record.officer_id, record.start, record.end, *amounts))
        else:
            out.append(record)
    return tuple(out)


@st.composite
def back_pay(draw: st.DrawFn, s: Scenario, before: dt.date) -> list[PayRecord]:
    """0-2 adjustment records of back pay (amounts >= 0) for officers of ``s``, dated in
    FY2026 before ``before``: pay the agency found it owed after filing."""
    out = []
    for _ in range(draw(st.integers(0, 2))):
        officer = draw(st.sampled_from(s.officers))
        start = draw(st.dates(POLICY_START, before - ONE_DAY))
        end = draw(st.dates(start, before - ONE_DAY))
        amounts = [money(max(0, draw(_record_cents))) for _ in range(3)]
        out.append(PayRecord(officer.id, start, end, *amounts, adjustment=True))
    return out


def _quarterly(
    s: Scenario,
    payroll: Sequence[PayRecord],
    report: LeadReport,
    policy: Policy,
    prior: Sequence[Claim | Filing],
) -> Claim:
    return quarterly_claim(
        agency=s.agency,
        officers=s.officers,
        payroll=payroll,
        leads=report,
        quarter=report.quarter,
        policy=policy,
        prior=prior,
        allow_empty=True,
        # A generated payroll's missing days mean nothing was paid on them.
        assume_no_earlier_overtime=True,
    )


def _policy_for(s: Scenario, policy: Policy) -> Policy:
    """``policy``, or (when a lead report has no leads and the policy refuses such a quarter,
    I-BELOW) its no-award variant, so every quarter of ``s`` can be claimed."""
    if policy.no_leads is NoLeads.ERROR and any(r.provided == 0 for r in s.leads):
        return policy.choose("I-BELOW", "no-award")
    return policy


@st.composite
def continued_claims(
    draw: st.DrawFn, policies: st.SearchStrategy[Policy], max_officers: int = 2
) -> Claim:
    """A quarterly claim of FY2026 Q2-Q4 that continues the earlier quarters' claims
    (``prior=``, as claims or as their filings): those were filed from the payroll as it stood
    then (:func:`payrolls_as_filed`), this one is made from the payroll now, with back pay for
    earlier days, so it may carry adjustments (I-CAPYEAR, I-ADJUST)."""
    s = draw(scenarios(max_officers))
    policy = _policy_for(s, draw(policies))
    n = draw(st.integers(min_value=1, max_value=3))
    then = draw(payrolls_as_filed(s.payroll))
    filed: list[Claim] = []
    for report in s.leads[:n]:
        filed.append(_quarterly(s, then, report, policy, [c.filing for c in filed]))
    now = (*s.payroll, *draw(back_pay(s, QUARTERS[n].start)))
    prior = [c if draw(st.booleans()) else c.filing for c in filed]
    return _quarterly(s, now, s.leads[n], policy, prior)


def _with_lines(c: Claim) -> bool:
    return bool(c.lines)


def filings(policies: st.SearchStrategy[Policy]) -> st.SearchStrategy[Filing]:
    """The filing of a claim continuing earlier ones: its lines, then its adjustments."""
    return continued_claims(policies).filter(_with_lines).map(lambda c: c.filing)


#: Officer ids of the value strategies below.
_officer_ids = st.sampled_from(["T-1", "O-2", "officer.7"])
#: The periods a filing of FY2026 covers or adjusts: a quarter.
_filed_periods = st.sampled_from([q.range for q in QUARTERS])


@st.composite
def filed_lines(draw: st.DrawFn) -> FiledLine:
    """A filed line of any figures, of either sign (an adjustment's may be negative); the
    engine's own come with :func:`filings`."""
    amounts = [signed_money(draw(_signed_cents)) for _ in range(4)]
    return FiledLine(
        officer_id=draw(_officer_ids),
        period=draw(_filed_periods),
        salary=amounts[0],
        benefits=amounts[1],
        overtime_claimed=amounts[2],
        overtime_reimbursed=amounts[3],
    )


@st.composite
def filed_records(draw: st.DrawFn) -> FiledRecord:
    """A pay record as a filing keeps one that crosses its period's edge: 1-31 days of FY2026,
    amounts of either sign; the engine's own come with :func:`filings`."""
    start = draw(st.dates(POLICY_START, FY_END - dt.timedelta(days=30)))
    end = start + dt.timedelta(days=draw(st.integers(0, 30)))
    amounts = [signed_money(draw(_signed_cents)) for _ in range(3)]
    return FiledRecord(
        officer_id=draw(_officer_ids),
        start=start,
        end=end,
        salary=amounts[0],
        benefits=amounts[1],
        overtime=amounts[2],
    )


@st.composite
def adjustments(draw: st.DrawFn) -> Adjustment:
    """An adjustment of any figures filed and recomputed, of either sign; the engine's own
    come with :func:`continued_claims`."""
    amounts = [signed_money(draw(_signed_cents)) for _ in range(8)]
    return Adjustment(
        officer_id=draw(_officer_ids),
        period=draw(_filed_periods),
        filed_salary=amounts[0],
        filed_benefits=amounts[1],
        filed_overtime_claimed=amounts[2],
        filed_overtime_reimbursed=amounts[3],
        salary=amounts[4],
        benefits=amounts[5],
        overtime_claimed=amounts[6],
        overtime_reimbursed=amounts[7],
    )


@st.composite
def fiscal_years_filed(
    draw: st.DrawFn, policies: st.SearchStrategy[Policy], max_officers: int = 2
) -> FiscalYearClaims:
    """FY2026 claimed in one call from a generated scenario: the quarters with a lead report
    (one to four, each with pay records: ``fiscal_year_claims`` claims no quarter without),
    after none or some filed earlier from the payroll as it stood then."""
    s = draw(scenarios(max_officers))
    policy = _policy_for(s, draw(policies))
    paid = 0
    while paid < len(QUARTERS) and any(
        r.start <= QUARTERS[paid].end and r.end >= QUARTERS[paid].start for r in s.payroll
    ):
        paid += 1
    assume(paid > 0)
    reported = draw(st.integers(min_value=1, max_value=paid))
    earlier = draw(st.integers(min_value=0, max_value=reported - 1))
    then = draw(payrolls_as_filed(s.payroll))
    filed: list[Claim] = []
    for report in s.leads[:earlier]:
        filed.append(_quarterly(s, then, report, policy, [c.filing for c in filed]))
    return fiscal_year_claims(
        agency=s.agency,
        officers=s.officers,
        payroll=s.payroll,
        leads=s.leads[:reported],
        fiscal_year=FY,
        prior=filed,
        policy=policy,
    )
