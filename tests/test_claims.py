"""Claims: the laws of DESIGN §5 as properties, hand-checked examples, and the refusals.

R-SAL / R-OT, ¶7: “ICE will fully reimburse participating agencies for the annual salary and
benefits of each eligible trained 287(g) officer, including overtime coverage up to 25% of the
officer’s annual salary.”
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claim_strategies import (
    CLAIM_MONEY,
    FY,
    FY_END,
    LINE_MONEY,
    POLICY_START,
    QUARTERS,
    DayPay,
    Scenario,
    cents_of,
    daily,
    days,
    money,
    months,
    per_day,
    periods,
    scenarios,
    window,
)
from g287 import (
    POLICY,
    Agency,
    Claim,
    DateRange,
    FiscalQuarter,
    FiscalYear,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    LeadReport,
    Model,
    NotInEffectError,
    Officer,
    PayRecord,
    Policy,
    claim,
    quarterly_claim,
)
from g287.money import format_money
from g287.report import claim_rows

D = dt.date
TFM, JEM, WSO = Model.TASK_FORCE, Model.JAIL_ENFORCEMENT, Model.WARRANT_SERVICE_OFFICER
AGENCY = Agency("A1", "Example County", D(2025, 7, 1), frozenset(Model))

TASK_FORCE_ONLY = POLICY.choose("I-MODEL", "task-force-only")
PRORATED = POLICY.choose("I-CAPPRO", "by-eligible-days")
#: The policy variants that change reimbursement figures (I-MODEL and I-CAPPRO), by name.
VARIANTS: dict[str, Policy] = {
    "default": POLICY,
    "task-force-only": TASK_FORCE_ONLY,
    "by-eligible-days": PRORATED,
    "task-force-only, by-eligible-days": TASK_FORCE_ONLY.choose("I-CAPPRO", "by-eligible-days"),
}
variant_names = st.sampled_from(sorted(VARIANTS))
#: Days in FY2026 (2025-10-01 … 2026-09-30; no 29 February), counted by hand.
FY2026_DAYS = 365


Period = DateRange | FiscalQuarter | FiscalYear | str


def run(
    s: Scenario,
    period: Period,
    policy: Policy | None = None,
    *,
    payroll: Sequence[PayRecord] | None = None,
    officers: Sequence[Officer] | None = None,
) -> Claim:
    """The claim of a scenario for a period (optionally with another payroll or roster order)."""
    return claim(
        agency=s.agency,
        officers=s.officers if officers is None else officers,
        payroll=s.payroll if payroll is None else payroll,
        period=period,
        policy=policy,
    )


def in_scope(variant: str, officer: Officer) -> bool:
    """I-MODEL by hand: every model by default, the Task Force Model only in that variant."""
    return "task-force-only" not in variant or officer.model is TFM


def oracle_cap(variant: str, s: Scenario, officer: Officer) -> int:
    """R-OT, I-CAPBASE, I-CAPPRO and I-CENT in integer cents: floor(salary x 1/4 [x days/365])."""
    salary = cents_of(officer.annual_salary)
    if "by-eligible-days" not in variant:
        return salary // 4
    start, end = window(s.agency, officer)
    inside = sum(1 for day in days(max(start, FY.start), min(end, FY.end)))
    return salary * inside // (4 * FY2026_DAYS)


def eligible_overtime(
    s: Scenario, variant: str, officer: Officer, book: dict[dt.date, DayPay], last: dt.date
) -> int:
    """Eligible overtime cents from the start of FY2026 up to and including ``last``."""
    if not in_scope(variant, officer):
        return 0
    start, end = window(s.agency, officer)
    return sum(
        pay.overtime for day, pay in book.items() if FY.start <= day <= last and start <= day <= end
    )


def money_of(c: Claim) -> dict[str, Decimal]:
    """The claim's totals by field."""
    return {name: getattr(c, name) for name in CLAIM_MONEY}


def lines_of(c: Claim) -> dict[str, tuple[object, ...]]:
    """Every figure of every line (explanations aside), by officer id."""
    return {
        line.officer_id: (
            line.window,
            line.eligible_days,
            line.reimbursable,
            line.cap,
            line.cap_used,
            *(getattr(line, name) for name in LINE_MONEY),
        )
        for line in c.lines
    }


# --- DESIGN §5 laws as properties ---------------------------------------------------------------


class TestQuartersAddUpToTheYear:
    @settings(max_examples=60)
    @given(scenarios(), variant_names)
    def test_four_quarters_sum_exactly_to_the_fiscal_year(self, s: Scenario, variant: str) -> None:
        """I-CAPYEAR and I-CENT: the four FY2026 quarterly claims add up to the claim for the
        whole year, to the cent, in every total and every officer's line; the cap is the same in
        each and the last quarter's cap used is the year's."""
        policy = VARIANTS[variant]
        year = run(s, FiscalYear(2026), policy)
        quarters = [run(s, q, policy) for q in QUARTERS]
        for name in CLAIM_MONEY:
            assert sum(getattr(c, name) for c in quarters) == getattr(year, name), name
        for line in year.lines:
            parts = [c.line(line.officer_id) for c in quarters]
            for name in LINE_MONEY:
                assert sum(getattr(p, name) for p in parts) == getattr(line, name), name
            assert sum(p.eligible_days for p in parts) == line.eligible_days
            assert {p.cap for p in parts} == {line.cap}
            assert parts[-1].cap_used == line.cap_used

    @settings(max_examples=30)
    @given(scenarios(), variant_names, st.sampled_from(QUARTERS))
    def test_three_months_sum_exactly_to_their_quarter(
        self, s: Scenario, variant: str, quarter: FiscalQuarter
    ) -> None:
        """I-CAPYEAR and I-CENT: claims for the three calendar months of a quarter add up to the
        quarter's claim exactly, line by line."""
        policy = VARIANTS[variant]
        whole = run(s, quarter, policy)
        parts = [run(s, m, policy) for m in months(quarter)]
        for name in CLAIM_MONEY:
            assert sum(getattr(c, name) for c in parts) == getattr(whole, name), name
        for line in whole.lines:
            mine = [c.line(line.officer_id) for c in parts]
            for name in LINE_MONEY:
                assert sum(getattr(p, name) for p in mine) == getattr(line, name), name
            assert mine[-1].cap_used == line.cap_used

    @settings(max_examples=40)
    @given(scenarios())
    def test_quarterly_claims_reimburse_what_the_plain_claim_does(self, s: Scenario) -> None:
        """A quarterly claim's reimbursement lines are those of ``claim`` for the same quarter;
        the award is added on top: total = reimbursement + award."""
        for report in s.leads:
            q = quarterly_claim(
                agency=s.agency,
                officers=s.officers,
                payroll=s.payroll,
                leads=report,
                quarter=report.quarter,
            )
            plain = run(s, report.quarter)
            assert q.lines == plain.lines
            assert money_of(q) == money_of(plain)
            assert q.quarter == report.quarter
            assert q.award is not None
            assert q.total == q.reimbursement + q.award.amount


class TestOvertimeCap:
    @settings(max_examples=60)
    @given(scenarios(), variant_names)
    def test_cap_is_a_quarter_of_annual_salary_rounded_down(
        self, s: Scenario, variant: str
    ) -> None:
        """R-OT, I-CAPBASE, I-CAPPRO, I-CENT: “…including overtime coverage up to 25% of the
        officer’s annual salary.” The cap is floor(salary / 4) to the cent (prorated by eligible
        days / 365 in the by-eligible-days variant), by an integer oracle; an officer outside
        I-MODEL's scope has no cap at all."""
        year = run(s, FiscalYear(2026), VARIANTS[variant])
        for officer in s.officers:
            line = year.line(officer.id)
            expected = oracle_cap(variant, s, officer) if in_scope(variant, officer) else 0
            assert cents_of(line.cap) == expected

    @settings(max_examples=60)
    @given(scenarios(), variant_names)
    def test_reimbursed_overtime_never_exceeds_the_cap(self, s: Scenario, variant: str) -> None:
        """R-OT and I-CAPYEAR: in every quarter cap used stays within the cap and never falls,
        and the overtime reimbursed over the whole fiscal year is at most the cap."""
        policy = VARIANTS[variant]
        quarters = [run(s, q, policy) for q in QUARTERS]
        for officer in s.officers:
            lines = [c.line(officer.id) for c in quarters]
            used = [line.cap_used for line in lines]
            assert all(u <= line.cap for u, line in zip(used, lines, strict=True))
            assert used == sorted(used)
            assert sum(line.overtime_reimbursed for line in lines) <= lines[0].cap

    @settings(max_examples=60)
    @given(scenarios(), variant_names, periods())
    def test_cap_ledger_follows_a_day_by_day_oracle(
        self, s: Scenario, variant: str, period: DateRange
    ) -> None:
        """I-CAPYEAR: overtime is reimbursed in date order; for any period, cap used is
        min(cap, eligible overtime from 1 October to the period's end) and the reimbursed overtime
        is that less the same figure the day before the period."""
        result = run(s, period, VARIANTS[variant])
        book = daily(s.payroll)
        for officer in s.officers:
            if not in_scope(variant, officer):
                continue
            line = result.line(officer.id)
            cap = cents_of(line.cap)
            mine = book.get(officer.id, {})
            through = eligible_overtime(s, variant, officer, mine, period.end)
            before = eligible_overtime(
                s, variant, officer, mine, period.start - dt.timedelta(days=1)
            )
            assert cents_of(line.cap_used) == min(cap, through)
            assert cents_of(line.overtime_reimbursed) == min(cap, through) - min(cap, before)


class TestNoCentCreatedOrLost:
    @settings(max_examples=80)
    @given(scenarios(), variant_names, periods())
    def test_payroll_in_the_period_is_all_accounted_for(
        self, s: Scenario, variant: str, period: DateRange
    ) -> None:
        """I-DAYS and I-CENT: what the payroll pays on the period's days (spread by hand, the
        remainder cents on the earliest days) equals salary + benefits + overtime claimed +
        not eligible, per officer and in total."""
        result = run(s, period, VARIANTS[variant])
        book = daily(s.payroll)
        grand = 0
        for officer in s.officers:
            paid = sum(
                pay.total
                for day, pay in book.get(officer.id, {}).items()
                if period.start <= day <= period.end
            )
            line = result.line(officer.id)
            accounted = line.salary + line.benefits + line.overtime_claimed + line.not_eligible
            assert cents_of(accounted) == paid
            grand += paid
        assert (
            cents_of(
                result.salary + result.benefits + result.overtime_claimed + result.not_eligible
            )
            == grand
        )

    @settings(max_examples=60)
    @given(scenarios(), variant_names, periods())
    def test_overtime_claimed_is_reimbursed_or_over_the_cap(
        self, s: Scenario, variant: str, period: DateRange
    ) -> None:
        """R-OT: every cent of eligible overtime is either reimbursed or reported over the cap;
        a line's total is salary + benefits + reimbursed overtime, and the claim's reimbursement
        is the sum of those."""
        result = run(s, period, VARIANTS[variant])
        for line in result.lines:
            assert line.overtime_claimed == line.overtime_reimbursed + line.overtime_over_cap
        assert result.overtime_claimed == result.overtime_reimbursed + result.overtime_over_cap
        for line in result.lines:
            assert line.total == line.salary + line.benefits + line.overtime_reimbursed
            assert min(line.overtime_reimbursed, line.overtime_over_cap) >= 0
        assert result.reimbursement == (
            result.salary + result.benefits + result.overtime_reimbursed
        )
        assert result.reimbursement == sum(line.total for line in result.lines)


class TestOrderDoesNotMatter:
    @settings(max_examples=50)
    @given(scenarios(), variant_names, st.data())
    def test_shuffled_records_and_roster_give_the_same_figures(
        self, s: Scenario, variant: str, data: st.DataObject
    ) -> None:
        """DESIGN §5: the order of the input records and officers changes no figure; each
        officer's line (explanation included) and every total are the same."""
        payroll = data.draw(st.permutations(s.payroll), label="payroll")
        roster = data.draw(st.permutations(s.officers), label="officers")
        policy = VARIANTS[variant]
        whole_year: list[Period] = [FiscalYear(2026), *QUARTERS]
        for period in whole_year:
            a = run(s, period, policy)
            b = run(s, period, policy, payroll=payroll, officers=roster)
            assert money_of(a) == money_of(b)
            assert {line.officer_id: line for line in a.lines} == {
                line.officer_id: line for line in b.lines
            }
            assert [line.officer_id for line in b.lines] == [o.id for o in roster]


def _split_totals(c: Claim) -> tuple[dict[str, Decimal], dict[str, tuple[object, ...]]]:
    return money_of(c), lines_of(c)


class TestSplittingARecord:
    @settings(max_examples=60)
    @given(scenarios(), variant_names, periods(), st.data())
    def test_a_split_that_follows_the_daily_spread_changes_nothing(
        self, s: Scenario, variant: str, period: DateRange, data: st.DataObject
    ) -> None:
        """I-DAYS and I-CENT: splitting any record into two adjacent ones, each carrying exactly
        its days' share of the even spread, changes no figure of any claim."""
        splittable = [r for r in s.payroll if r.end > r.start]
        assume(splittable)
        record = data.draw(st.sampled_from(splittable), label="record")
        length = (record.end - record.start).days + 1
        k = data.draw(st.integers(min_value=1, max_value=length - 1), label="first part days")
        cut = record.start + dt.timedelta(days=k - 1)
        parts = []
        for lo, hi in ((record.start, cut), (cut + dt.timedelta(days=1), record.end)):
            amounts = [
                money(
                    sum(
                        v
                        for day, v in per_day(cents_of(a), record.start, record.end).items()
                        if lo <= day <= hi
                    )
                )
                for a in (record.salary, record.benefits, record.overtime)
            ]
            parts.append(PayRecord(record.officer_id, lo, hi, *amounts))
        payroll = [r for r in s.payroll if r is not record] + parts
        policy = VARIANTS[variant]
        claimed: list[Period] = [period, FiscalYear(2026), *QUARTERS]
        for when in claimed:
            assert _split_totals(run(s, when, policy)) == _split_totals(
                run(s, when, policy, payroll=payroll)
            )

    @settings(max_examples=60)
    @given(scenarios(), st.data())
    def test_any_split_of_a_record_inside_window_and_period_changes_no_total(
        self, s: Scenario, data: st.DataObject
    ) -> None:
        """DESIGN §5: a record wholly inside the officer's window and the claimed period can be
        split at any day, its amounts split any way, and no total of that claim changes."""
        inside = []
        for r in s.payroll:
            start, end = window(s.agency, s.officer(r.officer_id))
            if r.end > r.start and start <= r.start and r.end <= min(end, FY_END):
                inside.append(r)
        assume(inside)
        record = data.draw(st.sampled_from(inside), label="record")
        length = (record.end - record.start).days + 1
        k = data.draw(st.integers(min_value=1, max_value=length - 1), label="first part days")
        cut = record.start + dt.timedelta(days=k - 1)
        firsts = [
            data.draw(st.integers(min_value=0, max_value=cents_of(a)), label=name)
            for name, a in (
                ("salary", record.salary),
                ("benefits", record.benefits),
                ("overtime", record.overtime),
            )
        ]
        totals = [cents_of(record.salary), cents_of(record.benefits), cents_of(record.overtime)]
        first = PayRecord(record.officer_id, record.start, cut, *map(money, firsts))
        second = PayRecord(
            record.officer_id,
            cut + dt.timedelta(days=1),
            record.end,
            *(money(t - f) for t, f in zip(totals, firsts, strict=True)),
        )
        payroll = [r for r in s.payroll if r is not record] + [first, second]
        holding: list[Period] = [
            FiscalYear(2026),
            *(q for q in QUARTERS if q.start <= record.start and record.end <= q.end),
        ]
        period = data.draw(st.sampled_from(holding), label="period")
        assert _split_totals(run(s, period)) == _split_totals(run(s, period, payroll=payroll))


class TestEligibilityWindow:
    @settings(max_examples=80)
    @given(scenarios(), variant_names, periods())
    def test_only_days_inside_the_window_are_paid(
        self, s: Scenario, variant: str, period: DateRange
    ) -> None:
        """I-WIN, R-EFF, I-MODEL: a day-by-day oracle that pays only days from the latest of
        2025-10-01, the agreement and training until separation (for officers whose model is in
        scope) gives the engine's eligible days, salary, benefits, overtime claimed and not
        eligible."""
        result = run(s, period, VARIANTS[variant])
        book = daily(s.payroll)
        for officer in s.officers:
            start, end = window(s.agency, officer)
            scope = in_scope(variant, officer)
            paid = DayPay(0, 0, 0)
            excluded = 0
            for day, pay in book.get(officer.id, {}).items():
                if not period.start <= day <= period.end:
                    continue
                if scope and start <= day <= end:
                    paid = DayPay(*(a + b for a, b in zip(paid, pay, strict=True)))
                else:
                    excluded += pay.total
            line = result.line(officer.id)
            assert (
                cents_of(line.salary),
                cents_of(line.benefits),
                cents_of(line.overtime_claimed),
            ) == tuple(paid)
            assert cents_of(line.not_eligible) == excluded
            expected_days = (
                sum(1 for day in days(period.start, period.end) if start <= day <= end)
                if scope
                else 0
            )
            assert line.eligible_days == expected_days
            assert line.reimbursable is scope
            expected_window = DateRange(start, end) if start <= end else None
            assert line.window == expected_window

    @settings(max_examples=60)
    @given(scenarios(), periods())
    def test_records_wholly_outside_the_window_only_add_to_not_eligible(
        self, s: Scenario, period: DateRange
    ) -> None:
        """R-EFF and I-WIN: records wholly before 2025-10-01, before training or the agreement,
        or after separation pay nothing; dropping them changes only not_eligible, by exactly
        their amounts inside the period."""
        outside = []
        for r in s.payroll:
            start, end = window(s.agency, s.officer(r.officer_id))
            if r.end < start or r.start > end:
                outside.append(r)
        assume(outside)
        kept = [r for r in s.payroll if r not in outside]
        full = run(s, period)
        less = run(s, period, payroll=kept)
        dropped = sum(
            pay.total
            for book in daily(outside).values()
            for day, pay in book.items()
            if period.start <= day <= period.end
        )
        assert cents_of(full.not_eligible - less.not_eligible) == dropped
        for name in CLAIM_MONEY:
            if name != "not_eligible":
                assert getattr(full, name) == getattr(less, name), name
        for line in full.lines:
            other = less.line(line.officer_id)
            assert (line.cap_used, line.overtime_reimbursed, line.total) == (
                other.cap_used,
                other.overtime_reimbursed,
                other.total,
            )

    def test_a_record_wholly_before_the_policy_start_counts_nowhere(self) -> None:
        """R-EFF: pay for September 2025 is outside every claimable period, so it changes no
        figure of the FY2026 claim (not even not_eligible)."""
        officer = Officer("T-1", TFM, D(2025, 6, 1), "60000")
        october = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 31), "5000", "1000", "500")
        september = PayRecord("T-1", D(2025, 9, 1), D(2025, 9, 30), "5000", "1000", "500")
        kwargs = {"agency": AGENCY, "officers": [officer], "period": "FY2026"}
        with_september = claim(payroll=[october, september], **kwargs)  # type: ignore[arg-type]
        without = claim(payroll=[october], **kwargs)  # type: ignore[arg-type]
        assert money_of(with_september) == money_of(without)
        assert with_september.not_eligible == Decimal("0.00")
        assert with_september.reimbursement == Decimal("6500.00")


# --- hand-checked examples -----------------------------------------------------------------------


def one_officer_claim(
    records: Sequence[PayRecord],
    period: DateRange | FiscalQuarter | FiscalYear | str,
    *,
    officer: Officer | None = None,
    policy: Policy | None = None,
) -> Claim:
    """The claim of AGENCY for one officer (by default a TFM officer trained 2025-08-01)."""
    officer = officer or Officer("T-1", TFM, D(2025, 8, 1), "78000")
    return claim(agency=AGENCY, officers=[officer], payroll=records, period=period, policy=policy)


class TestPayPeriodStraddlingThePolicyStart:
    RECORD = PayRecord("T-1", D(2025, 9, 21), D(2025, 10, 4), "1400.00", "140.00", "14.00")

    def test_four_of_fourteen_days_are_claimed(self) -> None:
        """R-EFF and I-DAYS: 2025-09-21 … 2025-10-04 pays 1,400.00; only 1-4 October (4 of 14
        days) fall under the policy, so 400.00 salary, 40.00 benefits and 4.00 overtime."""
        line = one_officer_claim([self.RECORD], "FY2026 Q1").line("T-1")
        assert (line.salary, line.benefits, line.overtime_claimed, line.overtime_reimbursed) == (
            Decimal("400.00"),
            Decimal("40.00"),
            Decimal("4.00"),
            Decimal("4.00"),
        )
        assert line.total == Decimal("444.00")
        assert line.eligible_days == 92
        assert line.not_eligible == Decimal("0.00")

    def test_a_two_day_claim_takes_two_days_of_the_record(self) -> None:
        """I-DAYS: a claim for 1-2 October takes two of the record's fourteen days."""
        c = one_officer_claim([self.RECORD], DateRange(D(2025, 10, 1), D(2025, 10, 2)))
        assert (c.salary, c.benefits, c.overtime_claimed) == (
            Decimal("200.00"),
            Decimal("20.00"),
            Decimal("2.00"),
        )
        assert c.line("T-1").eligible_days == 2


class TestRemainderCents:
    def test_remainder_cents_go_to_the_earliest_days(self) -> None:
        """I-CENT: 100.00 over three days is 33.34, 33.33, 33.33 by day, and two cents of
        overtime over three days is 0.01, 0.01, 0.00."""
        record = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 3), "100.00", "0", "0.02")
        by_day = [
            one_officer_claim([record], DateRange(d, d)) for d in days(record.start, record.end)
        ]
        assert [c.salary for c in by_day] == [
            Decimal("33.34"),
            Decimal("33.33"),
            Decimal("33.33"),
        ]
        assert [c.overtime_claimed for c in by_day] == [
            Decimal("0.01"),
            Decimal("0.01"),
            Decimal("0.00"),
        ]
        whole = one_officer_claim([record], DateRange(record.start, record.end))
        assert whole.salary == Decimal("100.00")

    def test_a_claim_ending_mid_record_keeps_the_early_remainder(self) -> None:
        """I-CENT: the first two of the three days carry 66.67, the last day 33.33."""
        record = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 3), "100.00", "0", "0")
        first_two = one_officer_claim([record], DateRange(D(2025, 10, 1), D(2025, 10, 2)))
        last = one_officer_claim([record], DateRange(D(2025, 10, 3), D(2025, 10, 3)))
        assert (first_two.salary, last.salary) == (Decimal("66.67"), Decimal("33.33"))


class TestCapLedgerAcrossQuarters:
    # Salary 40,000.00: cap 10,000.00. Overtime by quarter: 3,000, 3,000, 6,000, 2,000.
    OFFICER = Officer("T-1", TFM, D(2025, 8, 1), "40000.00")
    RECORDS = tuple(
        PayRecord("T-1", q.start, q.end, "0", "0", ot)
        for q, ot in zip(QUARTERS, ("3000", "3000", "6000", "2000"), strict=True)
    )

    def _q(self, n: int, records: Sequence[PayRecord] | None = None) -> Claim:
        return one_officer_claim(
            self.RECORDS if records is None else records, QUARTERS[n - 1], officer=self.OFFICER
        )

    def test_quarters_before_the_cap_are_paid_in_full(self) -> None:
        """R-OT: Q1 and Q2 overtime (3,000.00 each) is under the 10,000.00 cap and paid in full."""
        for n, used in ((1, "3000.00"), (2, "6000.00")):
            line = self._q(n).line("T-1")
            assert line.cap == Decimal("10000.00")
            assert line.overtime_reimbursed == Decimal("3000.00")
            assert line.overtime_over_cap == Decimal("0.00")
            assert line.cap_used == Decimal(used)

    def test_the_quarter_that_crosses_the_cap_pays_what_is_left(self) -> None:
        """I-CAPYEAR: in Q3 only 4,000.00 of the cap is left, so 2,000.00 is over the cap."""
        line = self._q(3).line("T-1")
        assert line.overtime_claimed == Decimal("6000.00")
        assert line.overtime_reimbursed == Decimal("4000.00")
        assert line.overtime_over_cap == Decimal("2000.00")
        assert line.cap_used == Decimal("10000.00")

    def test_after_the_cap_everything_is_over_it(self) -> None:
        """I-CAPYEAR: in Q4 the cap is spent; all 2,000.00 of overtime is over the cap."""
        line = self._q(4).line("T-1")
        assert line.overtime_reimbursed == Decimal("0.00")
        assert line.overtime_over_cap == Decimal("2000.00")
        assert line.cap_used == Decimal("10000.00")
        assert line.total == Decimal("0.00")

    def test_the_year_pays_the_cap_and_reports_the_rest(self) -> None:
        """R-OT: the whole year reimburses exactly the cap and reports 4,000.00 over it."""
        line = one_officer_claim(self.RECORDS, FY, officer=self.OFFICER).line("T-1")
        assert line.overtime_reimbursed == Decimal("10000.00")
        assert line.overtime_over_cap == Decimal("4000.00")

    def test_the_ledger_does_not_depend_on_record_order(self) -> None:
        """I-CAPYEAR: the cap is consumed in date order whatever order the records come in."""
        assert self._q(3, self.RECORDS[::-1]).line("T-1") == self._q(3).line("T-1")


class TestCapProration:
    # Trained 2026-04-01: eligible 1 April - 30 September 2026, 183 of FY2026's 365 days.
    OFFICER = Officer("T-1", TFM, D(2026, 4, 1), "72001.00")
    RECORD = PayRecord("T-1", D(2026, 4, 1), D(2026, 4, 14), "2769.27", "800", "30000")

    def test_the_default_cap_is_not_prorated(self) -> None:
        """I-CAPPRO default: a mid-year officer has the full cap, floor(72,001.00 / 4)."""
        line = one_officer_claim([self.RECORD], FY, officer=self.OFFICER).line("T-1")
        assert line.cap == Decimal("18000.25")
        assert line.overtime_reimbursed == Decimal("18000.25")
        assert line.overtime_over_cap == Decimal("11999.75")

    def test_the_by_eligible_days_variant_prorates_and_rounds_down(self) -> None:
        """I-CAPPRO by-eligible-days: cap = floor(72,001.00 / 4 x 183 / 365) = 9,024.78."""
        line = one_officer_claim([self.RECORD], FY, officer=self.OFFICER, policy=PRORATED).line(
            "T-1"
        )
        assert cents_of(line.cap) == 7_200_100 * 183 // (4 * 365)
        assert line.cap == Decimal("9024.78")
        assert line.overtime_reimbursed == Decimal("9024.78")
        assert line.overtime_over_cap == Decimal("20975.22")

    def test_a_full_year_officer_keeps_the_full_cap_when_prorated(self) -> None:
        """I-CAPPRO by-eligible-days: eligible all 365 days, the prorated cap is the full cap."""
        officer = Officer("T-1", TFM, D(2025, 8, 1), "72001.00")
        line = one_officer_claim([], FY, officer=officer, policy=PRORATED).line("T-1")
        assert line.cap == Decimal("18000.25")

    def test_proration_counts_days_up_to_separation(self) -> None:
        """I-CAPPRO with I-WIN: separated 2025-10-31, 31 eligible days: floor(40,000 / 4 x 31 /
        365) = 849.31."""
        officer = Officer("T-1", TFM, D(2025, 8, 1), "40000", D(2025, 10, 31))
        line = one_officer_claim([], FY, officer=officer, policy=PRORATED).line("T-1")
        assert line.cap == Decimal("849.31")


class TestModelScope:
    OFFICERS = (
        Officer("T-1", TFM, D(2025, 8, 1), "60000"),
        Officer("J-1", JEM, D(2025, 8, 1), "60000"),
        Officer("W-1", WSO, D(2025, 8, 1), "60000"),
    )
    PAYROLL = tuple(
        PayRecord(o.id, D(2025, 10, 1), D(2025, 10, 14), "2000.00", "500.00", "100.00")
        for o in OFFICERS
    )

    def _claim(self, policy: Policy) -> Claim:
        return claim(
            agency=AGENCY,
            officers=self.OFFICERS,
            payroll=self.PAYROLL,
            period="FY2026 Q1",
            policy=policy,
        )

    def test_every_model_is_reimbursed_by_default(self) -> None:
        """I-MODEL default: “each eligible trained 287(g) officer” — JEM, TFM and WSO alike."""
        c = self._claim(POLICY)
        for line in c.lines:
            assert line.reimbursable is True
            assert line.total == Decimal("2600.00")
            assert line.not_eligible == Decimal("0.00")
        assert c.reimbursement == Decimal("7800.00")

    def test_task_force_only_excludes_jem_and_wso_pay(self) -> None:
        """I-MODEL task-force-only: JEM and WSO lines pay nothing, are marked not reimbursable
        and report their pay as not eligible; the TFM line is unchanged."""
        c = self._claim(TASK_FORCE_ONLY)
        for officer_id in ("J-1", "W-1"):
            line = c.line(officer_id)
            assert line.reimbursable is False
            assert line.eligible_days == 0
            assert (line.salary, line.benefits, line.overtime_claimed) == (
                Decimal("0.00"),
                Decimal("0.00"),
                Decimal("0.00"),
            )
            assert line.overtime_reimbursed == line.total == Decimal("0.00")
            assert line.cap_used == Decimal("0.00")
            assert line.not_eligible == Decimal("2600.00")
        assert lines_of(c)["T-1"] == lines_of(self._claim(POLICY))["T-1"]
        assert c.reimbursement == Decimal("2600.00")
        assert c.not_eligible == Decimal("5200.00")
        assert c.policy_fingerprint == TASK_FORCE_ONLY.fingerprint != POLICY.fingerprint


def _quarterly(
    officers: Sequence[Officer],
    leads: LeadReport,
    quarter: str,
    policy: Policy | None = None,
    payroll: Sequence[PayRecord] | None = None,
) -> Claim:
    return quarterly_claim(
        agency=AGENCY,
        officers=officers,
        payroll=payroll or [],
        leads=leads,
        quarter=quarter,
        policy=policy,
    )


class TestHeadcount:
    OFFICERS = (
        Officer("T-A", TFM, D(2025, 8, 1), "60000"),
        Officer("T-B", TFM, D(2025, 8, 1), "60000", D(2026, 2, 15)),  # leaves mid-Q2
        Officer("T-C", TFM, D(2026, 3, 1), "60000"),  # trained mid-Q2
        Officer("T-D", TFM, D(2026, 4, 1), "60000"),  # trained after Q2
        Officer("J-A", JEM, D(2025, 8, 1), "60000"),
        Officer("W-A", WSO, D(2025, 8, 1), "60000"),
    )
    LEADS = LeadReport("FY2026 Q2", provided=50, located=45)

    def test_last_day_counts_task_force_officers_eligible_on_the_quarters_last_day(self) -> None:
        """I-HEAD default: an officer separated mid-quarter does not count; one trained
        mid-quarter does; other models never do. 2 x 1,000.00."""
        c = _quarterly(self.OFFICERS, self.LEADS, "FY2026 Q2")
        assert c.award_officers == ("T-A", "T-C")
        assert c.award is not None
        assert c.award.officers == 2
        assert c.award.amount == Decimal("2000.00")

    def test_any_day_also_counts_the_officer_who_left(self) -> None:
        """I-HEAD any-day: the officer separated 2026-02-15 counts too. 3 x 1,000.00."""
        policy = POLICY.choose("I-HEAD", "any-day")
        c = _quarterly(self.OFFICERS, self.LEADS, "FY2026 Q2", policy)
        assert c.award_officers == ("T-A", "T-B", "T-C")
        assert c.award is not None
        assert c.award.amount == Decimal("3000.00")
        assert c.policy_fingerprint == policy.fingerprint

    def test_an_agreement_after_the_quarter_counts_nobody(self) -> None:
        """I-WIN within I-HEAD: before the agency's agreement nobody is eligible, so no award."""
        late = attrs.evolve(AGENCY, agreement_date=D(2026, 4, 1))
        c = quarterly_claim(
            agency=late, officers=self.OFFICERS, payroll=[], leads=self.LEADS, quarter="FY2026 Q2"
        )
        assert c.award_officers == ()
        assert c.award is not None
        assert c.award.amount == Decimal("0.00")

    def test_an_officer_separated_on_the_last_day_still_counts(self) -> None:
        """I-HEAD with I-WIN (separation inclusive): separated on 31 March 2026, the officer is
        eligible on Q2's last day and counts."""
        officers = [Officer("T-Z", TFM, D(2025, 8, 1), "60000", D(2026, 3, 31))]
        c = _quarterly(officers, self.LEADS, "FY2026 Q2")
        assert c.award_officers == ("T-Z",)
        nxt = _quarterly(officers, LeadReport("FY2026 Q3", 10, 10), "FY2026 Q3")
        assert nxt.award_officers == ()

    @settings(max_examples=50)
    @given(scenarios(), st.sampled_from(["last-day", "any-day"]))
    def test_award_officers_follow_an_oracle(self, s: Scenario, option: str) -> None:
        """I-HEAD, R-AWD: “per eligible task force officer” — the counted officers are the
        Task Force Model officers whose I-WIN window holds the quarter's last day (or any of its
        days), in roster order, and the award is per-officer amount x their number."""
        policy = POLICY.choose("I-HEAD", option)
        for report in s.leads:
            q = report.quarter
            c = quarterly_claim(
                agency=s.agency,
                officers=s.officers,
                payroll=s.payroll,
                leads=report,
                quarter=q,
                policy=policy,
            )
            expected = []
            for o in s.officers:
                start, end = window(s.agency, o)
                hit = (
                    start <= q.end <= end
                    if option == "last-day"
                    else max(start, q.start) <= min(end, q.end)
                )
                if o.model is TFM and hit:
                    expected.append(o.id)
            assert c.award_officers == tuple(expected)
            assert c.award is not None
            assert c.award.officers == len(expected)
            assert c.award.amount == c.award.per_officer * len(expected)


class TestAwardInterpretationsInAClaim:
    OFFICERS = (
        Officer("T-1", TFM, D(2025, 8, 1), "60000"),
        Officer("T-2", TFM, D(2025, 8, 1), "60000"),
    )
    PAYROLL = (PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "2000", "500", "100"),)

    def test_no_leads_earns_no_award_by_default(self) -> None:
        """I-BELOW default: a quarter with no leads provided earns no award, reason stated, and
        the reimbursement is still claimed."""
        c = _quarterly(
            self.OFFICERS, LeadReport("FY2026 Q1", 0, 0), "FY2026 Q1", payroll=self.PAYROLL
        )
        assert c.award is not None
        assert c.award.amount == Decimal("0.00")
        assert c.award.rate is None
        assert "no leads" in c.award.reason
        assert c.total == c.reimbursement == Decimal("2600.00")

    def test_no_leads_is_refused_under_the_error_option(self) -> None:
        """I-BELOW error: the same quarter raises InvalidInputError (a ValueError)."""
        policy = POLICY.choose("I-BELOW", "error")
        with pytest.raises(InvalidInputError, match="provided: 0"):
            _quarterly(self.OFFICERS, LeadReport("FY2026 Q1", 0, 0), "FY2026 Q1", policy)

    def test_half_up_band_rounding_lifts_89_5_percent(self) -> None:
        """I-BAND: 179 of 200 (89.5%) truncates to 89% (R-AWD-2, $750) by default and rounds
        half up to 90% (R-AWD-1, $1,000) in that variant."""
        leads = LeadReport("FY2026 Q1", provided=200, located=179)
        default = _quarterly(self.OFFICERS, leads, "FY2026 Q1")
        half_up = _quarterly(self.OFFICERS, leads, "FY2026 Q1", POLICY.choose("I-BAND", "half-up"))
        assert default.award is not None
        assert half_up.award is not None
        assert default.award.tier is not None
        assert half_up.award.tier is not None
        assert (default.award.tier.rule_id, default.award.amount) == (
            "R-AWD-2",
            Decimal("1500.00"),
        )
        assert (half_up.award.tier.rule_id, half_up.award.amount) == (
            "R-AWD-1",
            Decimal("2000.00"),
        )

    def test_unsatisfactory_assistance_earns_no_award(self) -> None:
        """I-ASSIST: even a 100% location rate earns nothing when ICE judges overall assistance
        unsatisfactory; the reimbursement is unaffected."""
        leads = LeadReport("FY2026 Q1", 10, 10, assistance_satisfactory=False)
        c = _quarterly(self.OFFICERS, leads, "FY2026 Q1", payroll=self.PAYROLL)
        assert c.award is not None
        assert c.award.amount == Decimal("0.00")
        assert c.award.tier is None
        assert "unsatisfactory" in c.award.reason
        assert c.total == c.reimbursement == Decimal("2600.00")

    def test_the_module_example(self) -> None:
        """R-SAL, R-OT, R-AWD-1: 3,000 + 1,000 + 500 reimbursed and 18 of 20 leads (90%) earning
        1,000.00 for the one task force officer make 5,500.00."""
        alice = Officer("T-1", TFM, D(2025, 8, 1), "78000")
        pay = [PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "3000", "1000", "500")]
        c = quarterly_claim(
            agency=AGENCY,
            officers=[alice],
            payroll=pay,
            leads=LeadReport("FY2026 Q1", provided=20, located=18),
            quarter="FY2026 Q1",
        )
        assert c.award is not None
        assert (c.lines[0].total, c.award.amount, c.total) == (
            Decimal("4500.00"),
            Decimal("1000.00"),
            Decimal("5500.00"),
        )


class TestClaimArguments:
    OFFICER = Officer("T-1", TFM, D(2025, 8, 1), "60000")
    PAYROLL = (PayRecord("T-1", D(2025, 12, 20), D(2026, 1, 10), "2200", "220", "22"),)

    @pytest.mark.parametrize(
        "period",
        [
            "FY2026 Q2",
            "fy2026-q2",
            FiscalQuarter(2026, 2),
            DateRange(D(2026, 1, 1), D(2026, 3, 31)),
        ],
    )
    def test_a_quarter_may_be_given_in_any_form(self, period: object) -> None:
        """A quarter as text, a FiscalQuarter or its DateRange gives the same claim."""
        c = one_officer_claim(self.PAYROLL, period)  # type: ignore[arg-type]
        assert c.period == DateRange(D(2026, 1, 1), D(2026, 3, 31))
        assert c.fiscal_year == FY
        assert c.quarter is None
        assert c.award is None
        assert c.total == c.reimbursement
        assert c.salary == Decimal("1000.00")  # 10 of 22 days

    @pytest.mark.parametrize("period", ["FY2026", " fy2026 ", FY, FY.range])
    def test_a_fiscal_year_may_be_given_in_any_form(self, period: object) -> None:
        """A fiscal year as text, a FiscalYear or its DateRange gives the same claim."""
        c = one_officer_claim(self.PAYROLL, period)  # type: ignore[arg-type]
        assert c.period == FY.range
        assert c.salary == Decimal("2200.00")

    def test_claim_records_agency_and_policy(self) -> None:
        """A claim names its agency, policy and fingerprint; an officer with no pay has a zero
        line."""
        c = one_officer_claim([], "FY2026 Q1")
        assert (c.agency_id, c.policy_name) == ("A1", POLICY.name)
        assert c.policy_fingerprint == POLICY.fingerprint
        assert c.line("T-1").total == Decimal("0.00")
        assert c.line("T-1").eligible_days == 92

    def test_rows_and_html_render_the_lines(self) -> None:
        """Claim.rows() gives report.claim_rows' plain dicts; the notebook HTML names the
        officers."""
        c = one_officer_claim(self.PAYROLL, "FY2026 Q2")
        assert c.rows() == claim_rows(c)
        assert c.rows()[0]["salary"] == Decimal("1000.00")
        assert "T-1" in c._repr_html_()

    def test_line_of_an_unknown_officer_is_refused(self) -> None:
        """Claim.line names the officer id it cannot find."""
        with pytest.raises(InvalidInputError, match="'X-9'"):
            one_officer_claim([], "FY2026 Q1").line("X-9")

    def test_explanations_cite_the_rules_applied(self) -> None:
        """Each line explains itself with I-WIN, I-MODEL, I-DAYS, R-SAL, R-OT and I-CAPYEAR and
        arrives at the line's total."""
        line = one_officer_claim(self.PAYROLL, "FY2026 Q2").line("T-1")
        assert line.explanation.rule_ids == (
            "I-WIN",
            "I-MODEL",
            "I-DAYS",
            "R-SAL",
            "R-OT",
            "I-CAPYEAR",
        )
        assert line.explanation.figure == "$1,110.00"
        assert "T-1" in str(line.explanation)

    def test_generator_inputs_are_accepted(self) -> None:
        """Officers and payroll may be any iterables, generators included."""
        c = claim(
            agency=AGENCY,
            officers=(o for o in [self.OFFICER]),
            payroll=(r for r in self.PAYROLL),
            period="FY2026",
        )
        assert c.salary == Decimal("2200.00")
        q = quarterly_claim(
            agency=AGENCY,
            officers=(o for o in [self.OFFICER]),
            payroll=iter(self.PAYROLL),
            leads=LeadReport("FY2026 Q2", 10, 10),
            quarter="FY2026 Q2",
        )
        assert q.award_officers == ("T-1",)
        assert q.salary == Decimal("1000.00")


# --- refusals ---------------------------------------------------------------------------------


class TestRefusals:
    OFFICER = Officer("T-1", TFM, D(2025, 8, 1), "60000")

    def test_duplicate_officer_ids(self) -> None:
        """Two officers with one id are refused, naming the id."""
        with pytest.raises(InvalidInputError, match="'T-1' appears twice") as info:
            claim(agency=AGENCY, officers=[self.OFFICER] * 2, payroll=[], period="FY2026")
        assert isinstance(info.value, (G287Error, ValueError))

    def test_pay_record_of_an_unknown_officer(self) -> None:
        """A pay record for someone not on the roster is refused, naming the record."""
        record = PayRecord("X-9", D(2025, 10, 1), D(2025, 10, 14), "1", "1", "1")
        with pytest.raises(
            InvalidInputError, match=r"2025-10-01\.\.2025-10-14: officer 'X-9' is not on the roster"
        ):
            claim(agency=AGENCY, officers=[self.OFFICER], payroll=[record], period="FY2026")

    def test_pay_record_ending_before_it_starts(self) -> None:
        """PayRecord refuses end < start, naming the officer and both dates."""
        with pytest.raises(InvalidInputError, match="pay record of T-1: end 2025-10-01 is before"):
            PayRecord("T-1", D(2025, 10, 2), D(2025, 10, 1), "1", "1", "1")

    def test_overlapping_pay_records(self) -> None:
        """Two pay records of one officer sharing a day are a double claim, refused by name."""
        a = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "1", "1", "1")
        b = PayRecord("T-1", D(2025, 10, 14), D(2025, 10, 27), "1", "1", "1")
        with pytest.raises(
            InvalidInputError,
            match=r"pay records of T-1: 2025-10-01\.\.2025-10-14 and 2025-10-14\.\.2025-10-27 "
            r"overlap",
        ):
            claim(agency=AGENCY, officers=[self.OFFICER], payroll=[b, a], period="FY2026")

    def test_adjacent_pay_records_do_not_overlap(self) -> None:
        """Records that meet end-to-start on consecutive days are fine."""
        a = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "1", "0", "0")
        b = PayRecord("T-1", D(2025, 10, 15), D(2025, 10, 28), "1", "0", "0")
        c = claim(agency=AGENCY, officers=[self.OFFICER], payroll=[a, b], period="FY2026")
        assert c.salary == Decimal("2.00")

    def test_lead_report_for_another_quarter(self) -> None:
        """A lead report for Q2 cannot back a Q1 claim; both quarters are named."""
        with pytest.raises(InvalidInputError, match="FY2026 Q2, not the claimed FY2026 Q1"):
            _quarterly([self.OFFICER], LeadReport("FY2026 Q2", 1, 1), "FY2026 Q1")

    def test_lead_report_locating_more_than_provided(self) -> None:
        """LeadReport refuses located > provided, naming the quarter and both counts."""
        with pytest.raises(
            InvalidInputError, match="lead report FY2026 Q1: located 6 is more than provided 5"
        ):
            LeadReport("FY2026 Q1", provided=5, located=6)

    def test_officer_of_a_model_the_agency_did_not_sign(self) -> None:
        """An officer of a model outside the agency's agreement is refused, naming both."""
        agency = Agency("A2", "Jail Only", D(2025, 7, 1), [JEM])
        with pytest.raises(InvalidInputError, match="officer T-1: model TFM is not among"):
            claim(agency=agency, officers=[self.OFFICER], payroll=[], period="FY2026")

    def test_period_spanning_two_fiscal_years(self) -> None:
        """A claim period crossing 30 September is refused (I-CAPYEAR)."""
        period = DateRange(D(2026, 9, 1), D(2026, 10, 31))
        with pytest.raises(InvalidInputError, match="spans more than FY2026"):
            claim(agency=AGENCY, officers=[self.OFFICER], payroll=[], period=period)

    @pytest.mark.parametrize(
        "period",
        [
            "FY2025 Q4",
            "FY2025",
            DateRange(D(2025, 9, 30), D(2025, 10, 31)),
            DateRange(D(2025, 9, 1), D(2025, 9, 30)),
        ],
    )
    def test_period_before_the_policy_start(self, period: object) -> None:
        """R-EFF: a period starting before 2025-10-01 raises NotInEffectError."""
        with pytest.raises(NotInEffectError):
            claim(
                agency=AGENCY,
                officers=[self.OFFICER],
                payroll=[],
                period=period,  # type: ignore[arg-type]
            )

    def test_quarterly_claim_before_the_policy_start(self) -> None:
        """R-EFF: a quarterly claim for FY2025 Q4 raises NotInEffectError."""
        with pytest.raises(NotInEffectError):
            _quarterly([self.OFFICER], LeadReport("FY2025 Q4", 1, 1), "FY2025 Q4")

    def test_policy_given_explicitly_is_checked_for_force(self) -> None:
        """R-EFF: an explicit policy is still not applied before its start."""
        with pytest.raises(NotInEffectError):
            claim(agency=AGENCY, officers=[], payroll=[], period="FY2025", policy=POLICY)

    @pytest.mark.parametrize(
        "build",
        [
            lambda: Officer("T-1", TFM, D(2025, 8, 1), 72000.0),
            lambda: PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 2), 1.5, "0", "0"),
            lambda: PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 2), "0", 0.1, "0"),
            lambda: PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 2), "0", "0", 2.0),
        ],
    )
    def test_floats_as_money(self, build: object) -> None:
        """Money as a float is refused with InvalidTypeError (a TypeError) asking for a string."""
        with pytest.raises(InvalidTypeError, match="is a float; pass a string or Decimal") as info:
            build()  # type: ignore[operator]
        assert isinstance(info.value, TypeError)

    def test_separated_before_trained(self) -> None:
        """An officer cannot leave before completing training; the officer is named."""
        with pytest.raises(
            InvalidInputError, match="officer T-1: separated_on 2025-07-31 is before trained_on"
        ):
            Officer("T-1", TFM, D(2025, 8, 1), "60000", D(2025, 7, 31))

    def test_separated_on_the_training_day_is_allowed(self) -> None:
        """I-WIN is inclusive: training and separation on one day is a one-day window."""
        officer = Officer("T-1", TFM, D(2025, 10, 5), "60000", D(2025, 10, 5))
        c = claim(agency=AGENCY, officers=[officer], payroll=[], period="FY2026")
        assert c.line("T-1").eligible_days == 1

    @pytest.mark.parametrize(
        ("build", "error"),
        [
            (lambda: Officer("", TFM, D(2025, 8, 1), "1"), InvalidInputError),
            (lambda: Officer(7, TFM, D(2025, 8, 1), "1"), InvalidTypeError),  # type: ignore[arg-type]
            (lambda: Officer("T", "TFM", D(2025, 8, 1), "1"), InvalidTypeError),  # type: ignore[arg-type]
            (
                lambda: Officer("T", TFM, dt.datetime(2025, 8, 1, tzinfo=dt.UTC), "1"),
                InvalidTypeError,
            ),
            (lambda: Officer("T", TFM, D(2025, 8, 1), "1", "2026-01-01"), InvalidTypeError),  # type: ignore[arg-type]
            (lambda: Officer("T", TFM, D(2025, 8, 1), "-1"), InvalidInputError),
            (lambda: Officer("T", TFM, D(2025, 8, 1), "1.001"), InvalidInputError),
            (lambda: Agency("A", "N", D(2025, 8, 1), []), InvalidInputError),
            (lambda: Agency("A", "N", D(2025, 8, 1), "TFM"), InvalidTypeError),  # type: ignore[arg-type]
            (lambda: Agency("A", "N", D(2025, 8, 1), ["TFM"]), InvalidInputError),  # type: ignore[list-item]
            (lambda: Agency("A", " ", D(2025, 8, 1), [TFM]), InvalidInputError),
            (lambda: LeadReport("FY2026 Q5", 1, 1), InvalidInputError),
            (lambda: LeadReport(3, 1, 1), InvalidTypeError),
            (lambda: LeadReport("FY2026 Q1", 1.0, 1), InvalidTypeError),
            (lambda: LeadReport("FY2026 Q1", -1, 0), InvalidInputError),
            (lambda: LeadReport("FY2026 Q1", 1, 1, "yes"), InvalidTypeError),  # type: ignore[arg-type]
        ],
    )
    def test_bad_values_are_refused_at_construction(self, build: object, error: type) -> None:
        """Inputs are validated when built: wrong types raise InvalidTypeError, bad values
        InvalidInputError."""
        with pytest.raises(error):
            build()  # type: ignore[operator]

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"agency": "A1"},
            {"officers": "T-1"},
            {"officers": [object()]},
            {"payroll": 5},
            {"payroll": ["T-1,2025-10-01"]},
            {"period": 2026},
            {"policy": "POLICY"},
        ],
    )
    def test_wrong_argument_types(self, kwargs: dict[str, object]) -> None:
        """claim() refuses arguments of the wrong type with InvalidTypeError."""
        args: dict[str, object] = {
            "agency": AGENCY,
            "officers": [self.OFFICER],
            "payroll": [],
            "period": "FY2026",
        }
        args.update(kwargs)
        with pytest.raises(InvalidTypeError):
            claim(**args)  # type: ignore[arg-type]

    def test_leads_of_the_wrong_type(self) -> None:
        """quarterly_claim() refuses leads that are not a LeadReport."""
        with pytest.raises(InvalidTypeError, match="expected a LeadReport"):
            _quarterly([self.OFFICER], (10, 9), "FY2026 Q1")  # type: ignore[arg-type]


class TestValueObjects:
    def test_inputs_are_frozen_hashable_and_comparable(self) -> None:
        """Officers, pay records, lead reports and agencies are immutable values."""
        a = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "1", "2", "3")
        b = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), Decimal("1.00"), 2, "3.0")
        assert a == b
        assert hash(a) == hash(b)
        assert a.period == DateRange(a.start, a.end)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            a.salary = Decimal(5)  # type: ignore[misc]
        report = LeadReport(FiscalQuarter(2026, 1), 3, 2)
        assert report == LeadReport("FY2026 Q1", 3, 2)
        assert report.assistance_satisfactory is True
        assert Agency("A", "N", D(2025, 1, 1), [TFM, TFM]).models == frozenset({TFM})

    def test_the_last_day_of_the_fiscal_year_is_claimable(self) -> None:
        """A record on 30 September 2026 belongs to FY2026 Q4 and to nothing after it."""
        record = PayRecord("T-1", FY_END, FY_END + dt.timedelta(days=1), "2.00", "0", "0")
        c = one_officer_claim([record], "FY2026 Q4")
        assert c.salary == Decimal("1.00")
        assert FY.start == POLICY_START


class TestClaimExplanation:
    @settings(max_examples=30)
    @given(scenarios())
    def test_totals_are_explained(self, s: Scenario) -> None:
        """A claim's own audit trail names R-EFF, I-CAPYEAR, R-SAL and R-OT with its totals."""
        result = run(s, FiscalYear(2026))
        figures = {
            (step.rule_id, step.text.split()[0]): step.figure for step in result.explanation.steps
        }
        assert result.explanation.rule_ids == ("R-EFF", "I-CAPYEAR", "R-SAL", "R-OT")
        assert figures[("R-SAL", "salary")] == format_money(result.salary)
        assert figures[("R-SAL", "benefits")] == format_money(result.benefits)
        assert figures[("R-OT", "overtime")] == format_money(result.overtime_reimbursed)
        assert result.explanation.figure == format_money(result.reimbursement)
        assert str(result) == str(result.explanation)

    @settings(max_examples=30)
    @given(scenarios(), st.sampled_from(QUARTERS))
    def test_award_closes_a_quarterly_claim(self, s: Scenario, quarter: FiscalQuarter) -> None:
        """R-AWD: a quarterly claim's trail ends with the award's tier (or R-AWD without one)."""
        leads = next(r for r in s.leads if r.quarter == quarter)
        result = quarterly_claim(
            agency=s.agency, officers=s.officers, payroll=s.payroll, leads=leads, quarter=quarter
        )
        assert result.award is not None
        last = result.explanation.steps[-1]
        assert last.rule_id == (result.award.tier.rule_id if result.award.tier else "R-AWD")
        assert last.figure == format_money(result.award.amount)
        assert result.explanation.figure == format_money(result.total)


class TestDaySpreadAgreesWithSplitCents:
    @given(st.integers(0, 10**9), st.integers(1, 62), st.data())
    def test_closed_form_equals_largest_remainder(
        self, cents: int, days: int, data: st.DataObject
    ) -> None:
        """I-DAYS, I-CENT: the engine's closed-form share of any run of a record's days equals
        the sum of those days' parts from money.split_cents (largest remainder, equal weights)."""
        from g287.claims import _share
        from g287.money import from_cents, split_cents, to_cents

        first = data.draw(st.integers(0, days - 1))
        last = data.draw(st.integers(first, days - 1))
        parts = [to_cents(p) for p in split_cents(from_cents(cents), [1] * days)]
        assert _share(cents, days, first, last) == sum(parts[first : last + 1])
