"""Claims: the laws of DESIGN §5 as properties, worked examples, the arguments and the refusals.

R-SAL and R-OT, ¶7: “ICE will fully reimburse participating agencies for the annual salary and
benefits of each eligible trained 287(g) officer, including overtime coverage up to 25% of the
officer’s annual salary.”

The properties check the engine against the slow day-by-day oracles of ``claim_strategies``; the
examples use figures worked by hand. The wording of the audit trails is pinned in
``tests/test_golden.py``; here the figures and the rule ids are tested.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import g287
from claim_strategies import (
    CLAIM_MONEY,
    FY,
    LINE_MONEY,
    QUARTERS,
    Expected,
    Scenario,
    cents_of,
    daily,
    expected_award_officers,
    expected_cap,
    expected_line,
    in_scope,
    months,
    periods,
    scenarios,
    split_record,
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
    OfficerLine,
    PayRecord,
    Policy,
    claim,
    dumps,
    quarterly_claim,
    verify,
)
from g287.claims import LINE_COLUMNS
from g287.inputs import roster_problems
from g287.money import format_money, to_money
from strategies import chosen_policies, policies

D = dt.date
TFM, JEM, WSO = Model.TASK_FORCE, Model.JAIL_ENFORCEMENT, Model.WARRANT_SERVICE_OFFICER
#: An agency that signed every model, with an agreement before the policy starts.
AGENCY = Agency("A1", "Example County", D(2025, 7, 1), frozenset(Model))
TASK_FORCE_ONLY = POLICY.choose("I-MODEL", "task-force-only")  # the default (== POLICY)
ALL_MODELS = POLICY.choose("I-MODEL", "all-models")
PRORATED = POLICY.choose("I-CAPPRO", "by-eligible-days")
#: A Task Force officer trained before the policy starts: eligible from 2025-10-01 on.
ALICE = Officer("T-1", TFM, D(2025, 8, 1), "78000")
#: Scenarios of one to three officers: enough for roster order and totals, and quick to draw.
small_scenarios = scenarios(max_officers=3)

Period = DateRange | FiscalQuarter | FiscalYear | str
#: The figures of a line that the cap ledger makes (I-CAPYEAR).
LEDGER = ("overtime_cap", "cap_used_before", "cap_used", "overtime_reimbursed")
#: The figures of a line that say which days and amounts are paid (I-WIN, I-MODEL, I-DAYS).
PAID = ("window", "eligible_days", "salary", "benefits", "overtime_claimed", "not_eligible")


def run(
    s: Scenario,
    period: Period,
    policy: Policy | None = None,
    *,
    payroll: Sequence[PayRecord] | None = None,
    roster: Sequence[Officer] | None = None,
) -> Claim:
    """The claim of a scenario for a period (optionally with another payroll or roster).

    A generated payroll's missing days mean nothing was paid on them, which is what
    ``assume_no_earlier_overtime`` states: without it a claim after a day the payroll does not
    cover would be refused (I-CAPYEAR), and the oracles, which read a missing day as unpaid,
    give the figures either way."""
    return claim(
        agency=s.agency,
        officers=s.officers if roster is None else roster,
        payroll=s.payroll if payroll is None else payroll,
        period=period,
        policy=policy,
        allow_empty=True,
        assume_no_earlier_overtime=True,
    )


def one_officer(
    records: Sequence[PayRecord],
    period: Period,
    *,
    officer: Officer = ALICE,
    policy: Policy | None = None,
) -> OfficerLine:
    """The line of one officer of AGENCY in the claim for a period."""
    c = claim(
        agency=AGENCY,
        officers=[officer],
        payroll=records,
        period=period,
        policy=policy,
        allow_empty=True,
    )
    return c.line(officer.id)


def in_cents(line: OfficerLine) -> Expected:
    """A line's figures in the shape of the oracle's, amounts in cents."""
    return Expected(
        window=line.window,
        eligible_days=line.eligible_days,
        salary=cents_of(line.salary),
        benefits=cents_of(line.benefits),
        overtime_claimed=cents_of(line.overtime_claimed),
        overtime_reimbursed=cents_of(line.overtime_reimbursed),
        overtime_cap=cents_of(line.overtime_cap),
        cap_used_before=cents_of(line.cap_used_before),
        cap_used=cents_of(line.cap_used),
        not_eligible=cents_of(line.not_eligible),
    )


def figures(c: Claim) -> dict[str, object]:
    """Every figure of a claim: its totals, and each line's (in cents) by officer id."""
    totals: dict[str, object] = {name: getattr(c, name) for name in CLAIM_MONEY}
    return totals | {line.officer_id: in_cents(line) for line in c.lines}


def paid_in(s: Scenario, period: DateRange) -> dict[str, int]:
    """Cents the payroll pays each officer on the period's days, eligible or not (by hand)."""
    books = daily(s.payroll)
    return {
        o.id: sum(
            pay.total
            for day, pay in books.get(o.id, {}).items()
            if period.start <= day <= period.end
        )
        for o in s.officers
    }


# --- DESIGN §5: the laws, as properties ---------------------------------------------------------


class TestPeriodsAddUp:
    @settings(max_examples=50)
    @given(small_scenarios, chosen_policies())
    def test_four_quarters_add_up_to_the_fiscal_year(self, s: Scenario, policy: Policy) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        With I-CAPYEAR and I-CENT, claiming quarter by quarter adds up exactly to claiming the
        whole fiscal year (DESIGN §5): under every option, the four FY2026 claims add up to the
        year's to the cent, every total and every line's amounts and eligible days, and each
        quarter's cap used before is the previous quarter's cap used."""
        year = run(s, FY, policy)
        quarters = [run(s, q, policy) for q in QUARTERS]
        for name in CLAIM_MONEY:
            assert sum(getattr(c, name) for c in quarters) == getattr(year, name), name
        for line in year.lines:
            parts = [c.line(line.officer_id) for c in quarters]
            for name in LINE_MONEY:
                assert sum(getattr(p, name) for p in parts) == getattr(line, name), name
            assert sum(p.eligible_days for p in parts) == line.eligible_days
            assert {p.overtime_cap for p in parts} == {line.overtime_cap}
            assert [p.cap_used_before for p in parts[1:]] == [p.cap_used for p in parts[:-1]]
            assert parts[-1].cap_used == line.cap_used

    @settings(max_examples=30)
    @given(small_scenarios, chosen_policies(), st.sampled_from(QUARTERS))
    def test_three_months_add_up_to_their_quarter(
        self, s: Scenario, policy: Policy, quarter: FiscalQuarter
    ) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        With I-CAPYEAR and I-CENT, under every option the claims for a quarter's three calendar
        months add up exactly to the quarter's claim, every total and every line's amounts."""
        whole = run(s, quarter, policy)
        parts = [run(s, m, policy) for m in months(quarter)]
        for name in CLAIM_MONEY:
            assert sum(getattr(c, name) for c in parts) == getattr(whole, name), name
        for line in whole.lines:
            mine = [c.line(line.officer_id) for c in parts]
            for name in LINE_MONEY:
                assert sum(getattr(p, name) for p in mine) == getattr(line, name), name
            assert mine[-1].cap_used == line.cap_used


class TestOvertimeCap:
    @settings(max_examples=50)
    @given(small_scenarios, policies())
    def test_the_cap_is_the_share_of_salary_rounded_down(self, s: Scenario, policy: Policy) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        With I-CAPBASE, I-CAPPRO and I-CENT, each line's cap is floor(annual salary x share),
        times eligible days / 365 only under by-eligible-days, whatever the share; an officer
        never eligible or outside I-MODEL's scope has none."""
        year = run(s, FY, policy)
        for officer in s.officers:
            expected = expected_cap(s.agency, officer, policy)
            assert cents_of(year.line(officer.id).overtime_cap) == expected

    @settings(max_examples=50)
    @given(small_scenarios, chosen_policies())
    def test_reimbursed_overtime_never_exceeds_the_cap(self, s: Scenario, policy: Policy) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        With I-CAPYEAR, at every quarterly filing the cap used stays within the cap and never
        falls, and the year's reimbursed overtime is at most the cap."""
        quarters = [run(s, q, policy) for q in QUARTERS]
        for officer in s.officers:
            lines = [c.line(officer.id) for c in quarters]
            cap = lines[0].overtime_cap
            used = [line.cap_used for line in lines]
            assert all(u <= cap for u in used)
            assert used == sorted(used)
            assert sum(line.overtime_reimbursed for line in lines) <= cap

    @settings(max_examples=50)
    @given(small_scenarios, chosen_policies(), periods())
    def test_the_ledger_follows_a_day_by_day_oracle(
        self, s: Scenario, policy: Policy, period: DateRange
    ) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        I-CAPYEAR: for any period, the cap used is min(cap, eligible overtime from 1 October to
        the period's end), the cap used before is that figure the day before the period, and the
        overtime reimbursed is their difference."""
        result = run(s, period, policy)
        for officer in s.officers:
            expected = expected_line(s.agency, officer, s.payroll, policy, period)
            line = in_cents(result.line(officer.id))
            assert [getattr(line, name) for name in LEDGER] == [
                getattr(expected, name) for name in LEDGER
            ]


class TestNoCentCreatedOrLost:
    @settings(max_examples=50)
    @given(small_scenarios, chosen_policies(), periods())
    def test_payroll_in_the_period_is_all_accounted_for(
        self, s: Scenario, policy: Policy, period: DateRange
    ) -> None:
        """R-SAL, ¶7: “ICE will fully reimburse participating agencies for the annual salary and
        benefits of each eligible trained 287(g) officer”. With I-DAYS and I-CENT, cents are
        never created or lost (DESIGN §5): what the payroll pays on the period's days, spread by
        hand, is salary + benefits + overtime claimed + not eligible, per officer and in all."""
        result = run(s, period, policy)
        paid = paid_in(s, period)
        for line in result.lines:
            accounted = line.salary + line.benefits + line.overtime_claimed + line.not_eligible
            assert cents_of(accounted) == paid[line.officer_id]
        everything = result.salary + result.benefits + result.overtime_claimed
        assert cents_of(everything + result.not_eligible) == sum(paid.values())

    @settings(max_examples=30)
    @given(small_scenarios, chosen_policies(), periods())
    def test_overtime_claimed_is_reimbursed_or_over_the_cap(
        self, s: Scenario, policy: Policy, period: DateRange
    ) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        Every cent of overtime claimed is either reimbursed or over the cap, neither negative;
        a line's total is salary + benefits + reimbursed overtime, and the claim's reimbursement
        (its total, without an award) is the lines' totals added up."""
        result = run(s, period, policy)
        for line in result.lines:
            assert line.overtime_claimed == line.overtime_reimbursed + line.overtime_over_cap
            assert min(line.overtime_reimbursed, line.overtime_over_cap) >= 0
            assert line.total == line.salary + line.benefits + line.overtime_reimbursed
        assert result.overtime_claimed == result.overtime_reimbursed + result.overtime_over_cap
        assert result.reimbursement == result.salary + result.benefits + result.overtime_reimbursed
        assert result.total == result.reimbursement == sum(line.total for line in result.lines)


class TestOrderDoesNotMatter:
    @settings(max_examples=40)
    @given(small_scenarios, chosen_policies(), periods(), st.data())
    def test_shuffled_records_and_roster_give_the_same_claim(
        self, s: Scenario, policy: Policy, period: DateRange, data: st.DataObject
    ) -> None:
        """R-SAL, ¶7: “ICE will fully reimburse participating agencies for the annual salary and
        benefits of each eligible trained 287(g) officer”. The order of the input records and
        officers changes no figure (DESIGN §5): shuffled, the claim has the same totals and
        lines, the lines in the roster's order."""
        payroll = data.draw(st.permutations(s.payroll), label="payroll")
        roster = data.draw(st.permutations(s.officers), label="roster")
        a = run(s, period, policy)
        b = run(s, period, policy, payroll=payroll, roster=roster)
        assert figures(a) == figures(b)
        assert {line.officer_id: line for line in a.lines} == {
            line.officer_id: line for line in b.lines
        }
        assert [line.officer_id for line in b.lines] == [o.id for o in roster]


class TestSplittingARecord:
    @settings(max_examples=50)
    @given(small_scenarios, chosen_policies(), periods(), st.data())
    def test_a_split_that_follows_the_daily_spread_changes_nothing(
        self, s: Scenario, policy: Policy, period: DateRange, data: st.DataObject
    ) -> None:
        """R-SAL, ¶7: “ICE will fully reimburse participating agencies for the annual salary and
        benefits of each eligible trained 287(g) officer”. With I-DAYS and I-CENT, splitting a
        pay record into two adjacent ones whose amounts follow the day-by-day spread changes no
        figure (DESIGN §5) of the claim for any period or for the whole year."""
        splittable = [r for r in s.payroll if r.end > r.start]
        assume(splittable)
        record = data.draw(st.sampled_from(splittable), label="record")
        length = (record.end - record.start).days + 1
        first_days = data.draw(st.integers(min_value=1, max_value=length - 1), label="cut")
        payroll = [r for r in s.payroll if r is not record] + list(split_record(record, first_days))
        for when in (period, FY):
            assert figures(run(s, when, policy)) == figures(run(s, when, policy, payroll=payroll))


class TestEligibilityWindow:
    @settings(max_examples=50)
    @given(small_scenarios, chosen_policies(), periods())
    def test_nothing_outside_the_window_is_paid(
        self, s: Scenario, policy: Policy, period: DateRange
    ) -> None:
        """R-EFF, ¶6: “Starting October 1, 2025, participating law enforcement will have these
        reimbursement opportunities:”; R-SAL, ¶7: “each eligible trained 287(g) officer”. With
        I-WIN and I-MODEL, a day-by-day oracle that pays only days from the latest of
        2025-10-01, the agreement and training until separation, of officers in scope, gives
        each line's window, eligible days, salary, benefits, overtime and not eligible."""
        result = run(s, period, policy)
        for officer in s.officers:
            expected = expected_line(s.agency, officer, s.payroll, policy, period)
            line = result.line(officer.id)
            assert [getattr(in_cents(line), name) for name in PAID] == [
                getattr(expected, name) for name in PAID
            ]
            assert line.reimbursable is in_scope(policy, officer)


class TestModelScope:
    @settings(max_examples=30)
    @given(small_scenarios, periods())
    def test_task_force_only_pays_nothing_to_other_models(
        self, s: Scenario, period: DateRange
    ) -> None:
        """I-MODEL task-force-only (the default); R-SAL, ¶7: “each eligible trained 287(g)
        officer”. JEM and WSO lines pay nothing, have no cap and report all their pay in the
        period as not eligible; Task Force lines have the figures they have under all-models."""
        narrow = run(s, period, TASK_FORCE_ONLY)
        wide = run(s, period, ALL_MODELS)
        paid = paid_in(s, period)
        zero = Decimal("0.00")
        for officer in s.officers:
            line = narrow.line(officer.id)
            if officer.model is TFM:
                assert in_cents(line) == in_cents(wide.line(officer.id))
                continue
            assert line.reimbursable is False
            assert line.eligible_days == 0
            assert line.overtime_cap == line.cap_used == zero
            assert {getattr(line, name) for name in LINE_MONEY if name != "not_eligible"} == {zero}
            assert cents_of(line.not_eligible) == paid[officer.id]


class TestAwardHeadcount:
    @settings(max_examples=40)
    @given(small_scenarios, st.sampled_from(["last-day", "any-day"]))
    def test_award_officers_follow_an_oracle(self, s: Scenario, option: str) -> None:
        """R-AWD-1, ¶8: “90% - 100% - $1,000 per eligible task force officer”. I-HEAD: the
        officers counted are the Task Force officers whose I-WIN window holds the quarter's
        last day (or, any-day, one of its days), in roster order; the award is the per-officer
        amount times their number."""
        policy = POLICY.choose("I-HEAD", option)
        for report in s.leads:
            c = quarterly_claim(
                agency=s.agency,
                officers=s.officers,
                payroll=s.payroll,
                leads=report,
                quarter=report.quarter,
                policy=policy,
                allow_empty=True,
                assume_no_earlier_overtime=True,
            )
            expected = expected_award_officers(
                s.agency, s.officers, policy, report.quarter, s.payroll
            )
            assert c.award_officers == expected
            assert c.award is not None
            assert c.award.task_force_officers == len(expected)
            assert c.award.amount == c.award.per_officer * len(expected)

    @settings(max_examples=25)
    @given(small_scenarios, st.sampled_from(range(4)))
    def test_a_quarterly_claim_is_the_claim_plus_the_award(self, s: Scenario, n: int) -> None:
        """R-AWD, ¶8: “Law enforcement agencies will be eligible for quarterly monetary
        performance awards”. A quarterly claim's lines and totals are those of ``claim`` for
        the quarter, and its total adds the award to the reimbursement."""
        report = s.leads[n]
        q = quarterly_claim(
            agency=s.agency,
            officers=s.officers,
            payroll=s.payroll,
            leads=report,
            quarter=report.quarter,
            allow_empty=True,
            assume_no_earlier_overtime=True,
        )
        plain = run(s, report.quarter)
        assert q.lines == plain.lines
        assert figures(q) == figures(plain)
        assert (q.quarter, plain.quarter, plain.award) == (report.quarter, None, None)
        assert q.award is not None
        assert q.total == q.reimbursement + q.award.amount


# --- worked examples ----------------------------------------------------------------------------


class TestPayPeriodStraddlingThePolicyStart:
    RECORD = PayRecord("T-1", D(2025, 9, 21), D(2025, 10, 4), "1400.00", "140.00", "14.00")

    def test_four_of_fourteen_days_are_claimed(self) -> None:
        """R-EFF, I-DAYS: 2025-09-21 … 2025-10-04 pays 1,400.00; only 1-4 October (4 of 14
        days) fall under the policy: 400.00 salary, 40.00 benefits and 4.00 overtime."""
        line = one_officer([self.RECORD], "FY2026 Q1")
        assert (line.salary, line.benefits, line.overtime_claimed, line.overtime_reimbursed) == (
            Decimal("400.00"),
            Decimal("40.00"),
            Decimal("4.00"),
            Decimal("4.00"),
        )
        assert line.total == Decimal("444.00")
        assert line.eligible_days == 92
        assert line.not_eligible == Decimal("0.00")  # September is outside the period

    def test_a_two_day_claim_takes_two_days_of_the_record(self) -> None:
        """I-DAYS: a claim for 1-2 October takes two of the record's fourteen days."""
        line = one_officer([self.RECORD], DateRange(D(2025, 10, 1), D(2025, 10, 2)))
        assert (line.salary, line.benefits, line.overtime_claimed, line.eligible_days) == (
            Decimal("200.00"),
            Decimal("20.00"),
            Decimal("2.00"),
            2,
        )

    def test_a_record_before_the_policy_start_counts_nowhere(self) -> None:
        """R-EFF: pay for September 2025 lies outside every claimable period, so it changes no
        figure of the FY2026 claim, not even not eligible."""
        october = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 31), "5000", "1000", "500")
        september = PayRecord("T-1", D(2025, 9, 1), D(2025, 9, 30), "5000", "1000", "500")
        both = one_officer([october, september], "FY2026")
        assert in_cents(both) == in_cents(one_officer([october], "FY2026"))
        assert (both.total, both.not_eligible) == (Decimal("6500.00"), Decimal("0.00"))


class TestRemainderCents:
    def test_remainder_cents_go_to_the_earliest_days(self) -> None:
        """I-CENT: 100.00 over three days is 33.34, 33.33, 33.33 by day, and two cents of
        overtime is 0.01, 0.01, 0.00; the days add up to the record."""
        record = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 3), "100.00", "0", "0.02")
        by_day = [one_officer([record], DateRange(d, d)) for d in record.period]
        assert [line.salary for line in by_day] == [
            Decimal("33.34"),
            Decimal("33.33"),
            Decimal("33.33"),
        ]
        assert [line.overtime_claimed for line in by_day] == [
            Decimal("0.01"),
            Decimal("0.01"),
            Decimal("0.00"),
        ]
        assert one_officer([record], record.period).salary == Decimal("100.00")

    def test_a_record_straddling_training_pays_its_last_days(self) -> None:
        """I-WIN, I-DAYS, I-CENT: 2,000.00 over 14 days is 142.86 on the first ten days (the
        remainder cents) and 142.85 on the last four; trained on day 13, the officer is paid
        the last two, 285.70, and the other 12 days' pay is not eligible."""
        bob = Officer("T-2", TFM, D(2025, 11, 1), "52000", separated_on=D(2025, 12, 15))
        record = PayRecord("T-2", D(2025, 10, 20), D(2025, 11, 2), "2000", "700", "140")
        line = one_officer([record], "FY2026 Q1", officer=bob)
        assert line.window == DateRange(D(2025, 11, 1), D(2025, 12, 15))
        assert (line.eligible_days, line.salary, line.benefits, line.overtime_claimed) == (
            45,
            Decimal("285.70"),
            Decimal("100.00"),
            Decimal("20.00"),
        )
        assert (line.not_eligible, line.total) == (Decimal("2434.30"), Decimal("405.70"))


class TestCapLedgerAcrossQuarters:
    # Annual salary 40,000.00: the cap is 10,000.00.
    # Overtime by quarter: 3,000, 3,000, 6,000, 2,000.
    OFFICER = Officer("T-1", TFM, D(2025, 8, 1), "40000.00")
    RECORDS = tuple(
        PayRecord("T-1", q.start, q.end, "0", "0", overtime)
        for q, overtime in zip(QUARTERS, ("3000", "3000", "6000", "2000"), strict=True)
    )

    def quarter(self, n: int, records: Sequence[PayRecord] = RECORDS) -> OfficerLine:
        return one_officer(records, QUARTERS[n - 1], officer=self.OFFICER)

    def test_quarters_under_the_cap_are_paid_in_full(self) -> None:
        """R-OT: Q1 and Q2 overtime (3,000.00 each) is under the 10,000.00 cap: paid in full."""
        for n, used in ((1, "3000.00"), (2, "6000.00")):
            line = self.quarter(n)
            assert line.overtime_cap == Decimal("10000.00")
            assert (line.overtime_reimbursed, line.overtime_over_cap) == (
                Decimal("3000.00"),
                Decimal("0.00"),
            )
            assert line.cap_used == Decimal(used)

    def test_the_quarter_that_crosses_the_cap_pays_what_is_left(self) -> None:
        """I-CAPYEAR: in Q3 only 4,000.00 of the cap is left, so 2,000.00 is over the cap."""
        line = self.quarter(3)
        assert (line.cap_used_before, line.overtime_claimed) == (
            Decimal("6000.00"),
            Decimal("6000.00"),
        )
        assert (line.overtime_reimbursed, line.overtime_over_cap, line.cap_used) == (
            Decimal("4000.00"),
            Decimal("2000.00"),
            Decimal("10000.00"),
        )

    def test_after_the_cap_all_overtime_is_over_it(self) -> None:
        """I-CAPYEAR: in Q4 the cap is spent: all 2,000.00 of overtime is over the cap."""
        line = self.quarter(4)
        assert (line.overtime_reimbursed, line.overtime_over_cap, line.total) == (
            Decimal("0.00"),
            Decimal("2000.00"),
            Decimal("0.00"),
        )

    def test_the_year_pays_the_cap_and_reports_the_rest(self) -> None:
        """R-OT: claimed at once, the year reimburses exactly the cap, 4,000.00 over it."""
        line = one_officer(self.RECORDS, FY, officer=self.OFFICER)
        assert (line.overtime_reimbursed, line.overtime_over_cap) == (
            Decimal("10000.00"),
            Decimal("4000.00"),
        )

    def test_the_ledger_does_not_depend_on_record_order(self) -> None:
        """I-CAPYEAR: the cap is consumed in date order whatever order the records come in."""
        assert self.quarter(3, self.RECORDS[::-1]) == self.quarter(3)


class TestCapProration:
    # Trained 2026-04-01: eligible 1 April - 30 September 2026, 183 of FY2026's 365 days.
    OFFICER = Officer("T-1", TFM, D(2026, 4, 1), "72001.00")
    RECORD = PayRecord("T-1", D(2026, 4, 1), D(2026, 4, 14), "2769.27", "800", "30000")

    def test_the_default_cap_is_not_prorated(self) -> None:
        """I-CAPPRO default: a mid-year officer has the full cap, floor(72,001.00 / 4)."""
        line = one_officer([self.RECORD], FY, officer=self.OFFICER)
        assert (line.overtime_cap, line.overtime_reimbursed, line.overtime_over_cap) == (
            Decimal("18000.25"),
            Decimal("18000.25"),
            Decimal("11999.75"),
        )

    def test_by_eligible_days_prorates_and_rounds_down(self) -> None:
        """I-CAPPRO by-eligible-days, I-CENT: floor(72,001.00 / 4 x 183 / 365) = 9,024.78."""
        line = one_officer([self.RECORD], FY, officer=self.OFFICER, policy=PRORATED)
        assert (line.overtime_cap, line.overtime_reimbursed, line.overtime_over_cap) == (
            Decimal("9024.78"),
            Decimal("9024.78"),
            Decimal("20975.22"),
        )

    def test_a_full_year_officer_keeps_the_full_cap(self) -> None:
        """I-CAPPRO by-eligible-days: eligible all 365 days, the prorated cap is the full cap."""
        officer = Officer("T-1", TFM, D(2025, 8, 1), "72001.00")
        assert one_officer([], FY, officer=officer, policy=PRORATED).overtime_cap == Decimal(
            "18000.25"
        )

    def test_proration_counts_the_days_up_to_separation(self) -> None:
        """I-CAPPRO with I-WIN: separated 2025-10-31, 31 eligible days: floor(40,000.00 / 4 x
        31 / 365) = 849.31."""
        officer = Officer("T-1", TFM, D(2025, 8, 1), "40000", D(2025, 10, 31))
        assert one_officer([], FY, officer=officer, policy=PRORATED).overtime_cap == Decimal(
            "849.31"
        )

    def test_no_eligible_day_in_the_year_prorates_to_nothing(self) -> None:
        """I-CAPPRO: an officer trained after FY2026 has a prorated cap of 0.00 for it, and
        the full 15,000.00 (25% of 60,000.00) by default."""
        late = Officer("T-9", TFM, D(2026, 10, 15), "60000")
        prorated = one_officer([], "FY2026 Q1", officer=late, policy=PRORATED)
        assert prorated.window == DateRange(D(2026, 10, 15), dt.date.max)
        assert prorated.eligible_days == 0
        assert prorated.overtime_cap == Decimal("0.00")
        assert one_officer([], "FY2026 Q1", officer=late).overtime_cap == Decimal("15000.00")


class TestModelScopeExample:
    OFFICERS = (
        Officer("T-1", TFM, D(2025, 8, 1), "60000"),
        Officer("J-1", JEM, D(2025, 8, 1), "60000"),
        Officer("W-1", WSO, D(2025, 8, 1), "60000"),
    )
    PAYROLL = tuple(
        PayRecord(o.id, D(2025, 10, 1), D(2025, 10, 14), "2000.00", "500.00", "100.00")
        for o in OFFICERS
    )

    def claim(self, policy: Policy) -> Claim:
        return claim(
            agency=AGENCY,
            officers=self.OFFICERS,
            payroll=self.PAYROLL,
            period="FY2026 Q1",
            policy=policy,
            allow_empty=True,
        )

    def test_all_models_reimburses_every_model(self) -> None:
        """I-MODEL all-models: “each eligible trained 287(g) officer”, JEM, TFM and WSO alike."""
        c = self.claim(ALL_MODELS)
        assert [(line.reimbursable, line.total) for line in c.lines] == [
            (True, Decimal("2600.00"))
        ] * 3
        assert (c.reimbursement, c.not_eligible) == (Decimal("7800.00"), Decimal("0.00"))

    def test_the_default_is_task_force_only(self) -> None:
        """I-MODEL's default, task-force-only, cannot over-claim: the JEM and WSO lines pay
        nothing, have no cap and report their 2,600.00 each as not eligible; the TFM line still
        pays 2,600.00."""
        assert self.claim(POLICY) == self.claim(TASK_FORCE_ONLY)
        c = self.claim(POLICY)
        for officer_id in ("J-1", "W-1"):
            line = c.line(officer_id)
            assert (line.reimbursable, line.eligible_days, line.total, line.overtime_cap) == (
                False,
                0,
                Decimal("0.00"),
                Decimal("0.00"),
            )
            assert line.not_eligible == Decimal("2600.00")
        assert c.line("T-1").total == Decimal("2600.00")
        assert (c.reimbursement, c.not_eligible) == (Decimal("2600.00"), Decimal("5200.00"))


class TestAPolicyThatEnds:
    def test_nothing_after_the_policy_ends_is_paid(self) -> None:
        """I-WIN: a policy in force until 2025-10-31 pays October's days of a record running
        into November and reports the rest as not eligible."""
        ended = attrs.evolve(POLICY, effective_until=D(2025, 10, 31))
        record = PayRecord("T-1", D(2025, 10, 18), D(2025, 11, 14), "2800", "0", "0")
        line = one_officer([record], "FY2026 Q1", policy=ended)
        assert line.window == DateRange(D(2025, 10, 1), D(2025, 10, 31))
        assert (line.eligible_days, line.salary, line.not_eligible) == (
            31,
            Decimal("1400.00"),
            Decimal("1400.00"),
        )


def quarter_claim(
    roster: Sequence[Officer],
    leads: LeadReport,
    policy: Policy | None = None,
    payroll: Sequence[PayRecord] = (),
    agency: Agency = AGENCY,
) -> Claim:
    """AGENCY's quarterly claim for the quarter of ``leads``; the example payrolls start where
    their story does, so nothing was paid before (``assume_no_earlier_overtime``)."""
    return quarterly_claim(
        agency=agency,
        officers=roster,
        payroll=payroll,
        leads=leads,
        quarter=leads.quarter,
        policy=policy,
        allow_empty=True,
        assume_no_earlier_overtime=True,
    )


class TestAwardHeadcountExamples:
    OFFICERS = (
        Officer("T-A", TFM, D(2025, 8, 1), "60000"),
        Officer("T-B", TFM, D(2025, 8, 1), "60000", D(2026, 2, 15)),  # leaves mid-Q2
        Officer("T-C", TFM, D(2026, 3, 1), "60000"),  # trained mid-Q2
        Officer("T-D", TFM, D(2026, 4, 1), "60000"),  # trained after Q2
        Officer("T-E", TFM, D(2025, 3, 1), "60000", D(2025, 9, 15)),  # left before R-EFF
        Officer("J-A", JEM, D(2025, 8, 1), "60000"),
        Officer("W-A", WSO, D(2025, 8, 1), "60000"),
    )
    LEADS = LeadReport("FY2026 Q2", provided=50, located=45)  # 90%: R-AWD-1
    # Everybody is on the payroll in Q2 and Q3: I-HEAD counts only officers paid for eligible
    # days in the quarter.
    PAYROLL = tuple(
        PayRecord(o.id, start, start + dt.timedelta(days=13), "2000", "0", "0")
        for o in OFFICERS
        for start in (D(2026, 1, 5), D(2026, 3, 16), D(2026, 4, 6))
    )

    def test_last_day_counts_those_eligible_on_the_last_day(self) -> None:
        """I-HEAD default: an officer who left mid-quarter or never was eligible does not count,
        one trained mid-quarter does, other models never do: 2 x 1,000.00."""
        c = quarter_claim(self.OFFICERS, self.LEADS, payroll=self.PAYROLL)
        assert c.award_officers == ("T-A", "T-C")
        assert c.award is not None
        assert (c.award.task_force_officers, c.award.amount) == (2, Decimal("2000.00"))

    def test_any_day_also_counts_the_officer_who_left(self) -> None:
        """I-HEAD any-day: the officer separated 2026-02-15 counts too: 3 x 1,000.00."""
        c = quarter_claim(
            self.OFFICERS, self.LEADS, POLICY.choose("I-HEAD", "any-day"), payroll=self.PAYROLL
        )
        assert c.award_officers == ("T-A", "T-B", "T-C")
        assert c.award is not None
        assert c.award.amount == Decimal("3000.00")

    def test_an_agreement_after_the_quarter_counts_nobody(self) -> None:
        """I-WIN within I-HEAD: before the agency's agreement nobody is eligible: no award."""
        late = attrs.evolve(AGENCY, agreement_date=D(2026, 4, 1))
        c = quarter_claim(self.OFFICERS, self.LEADS, agency=late, payroll=self.PAYROLL)
        assert c.award_officers == ()
        assert c.award is not None
        assert c.award.amount == Decimal("0.00")

    def test_separated_on_the_last_day_still_counts(self) -> None:
        """I-HEAD with I-WIN (separation inclusive): separated on 2026-03-31, the officer counts
        for Q2 and not for Q3."""
        roster = [Officer("T-Z", TFM, D(2025, 8, 1), "60000", D(2026, 3, 31))]
        pay = [r for r in self.PAYROLL if r.officer_id == "T-A"]
        pay = [attrs.evolve(r, officer_id="T-Z") for r in pay]
        assert quarter_claim(roster, self.LEADS, payroll=pay).award_officers == ("T-Z",)
        q3 = LeadReport("FY2026 Q3", 10, 10)
        assert quarter_claim(roster, q3, payroll=pay).award_officers == ()

    def test_an_officer_without_pay_in_the_quarter_does_not_count(self) -> None:
        """I-HEAD: no pay, no basis. An eligible Task Force officer with no pay record in the
        quarter is not counted, so the award cannot grow with names alone."""
        unpaid = [r for r in self.PAYROLL if r.officer_id != "T-C"]
        c = quarter_claim(self.OFFICERS, self.LEADS, payroll=unpaid)
        assert c.award_officers == ("T-A",)
        assert c.award is not None
        assert c.award.amount == Decimal("1000.00")

    def test_pay_only_for_days_before_training_does_not_count(self) -> None:
        """I-HEAD: the pay must be for eligible days. T-C, trained 2026-03-01, paid in Q2 only
        for 2026-01-05..18 (before training), has no eligible pay in the quarter and is not
        counted, though eligible on its last day."""
        early = [r for r in self.PAYROLL if r.officer_id != "T-C" or r.start == D(2026, 1, 5)]
        c = quarter_claim(self.OFFICERS, self.LEADS, payroll=early)
        assert c.award_officers == ("T-A",)
        assert c.lines[2].not_eligible == Decimal("2000.00")


class TestQuarterlyClaimExamples:
    def test_the_module_example(self) -> None:
        """R-SAL, R-OT, R-AWD-1: 3,000 + 1,000 + 500 reimbursed, and 18 of 20 leads located
        (90%) earning 1,000.00 for the one task force officer, make 5,500.00."""
        pay = [PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "3000", "1000", "500")]
        c = quarter_claim([ALICE], LeadReport("FY2026 Q1", provided=20, located=18), payroll=pay)
        assert c.award is not None
        assert (c.lines[0].total, c.award.amount, c.total) == (
            Decimal("4500.00"),
            Decimal("1000.00"),
            Decimal("5500.00"),
        )

    @pytest.mark.parametrize(
        "leads",
        [
            LeadReport("FY2026 Q1", provided=0, located=0),  # I-BELOW: no leads
            LeadReport("FY2026 Q1", provided=20, located=13),  # 65%: below the bands
            LeadReport("FY2026 Q1", 10, 10, assistance_satisfactory=False),  # I-ASSIST
        ],
    )
    def test_no_award_still_claims_the_reimbursement(self, leads: LeadReport) -> None:
        """I-BELOW, I-ASSIST: a quarter that earns no award adds 0.00; the reimbursement is
        claimed all the same."""
        pay = [PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "2000", "500", "100")]
        c = quarter_claim([ALICE], leads, payroll=pay)
        assert c.award is not None
        assert (c.award.tier, c.award.amount) == (None, Decimal("0.00"))
        assert c.total == c.reimbursement == Decimal("2600.00")


# --- the arguments and the results --------------------------------------------------------------


class TestClaimArguments:
    # The payroll starts on 2025-12-20: a claim after that states that nothing was paid before
    # it (assume_no_earlier_overtime; without it the claim is refused, see test_filings).
    PAYROLL = (PayRecord("T-1", D(2025, 12, 20), D(2026, 1, 10), "2200", "220", "22"),)
    Q2 = DateRange(D(2026, 1, 1), D(2026, 3, 31))

    @pytest.mark.parametrize(
        ("period", "days", "salary"),
        [
            (DateRange(D(2026, 1, 1), D(2026, 3, 31)), 90, "1000.00"),  # 10 of the 22 days
            (FiscalQuarter(2026, 2), 90, "1000.00"),
            ("FY2026 Q2", 90, "1000.00"),
            (" fy2026-q2 ", 90, "1000.00"),
            (FiscalYear(2026), 365, "2200.00"),
            ("FY2026", 365, "2200.00"),
            (" fy2026 ", 365, "2200.00"),
        ],
    )
    def test_a_period_may_be_a_range_a_quarter_a_year_or_text(
        self, period: Period, days: int, salary: str
    ) -> None:
        """A period is a DateRange, a FiscalQuarter, a FiscalYear or their text, case-blind."""
        c = claim(
            agency=AGENCY,
            officers=[ALICE],
            payroll=self.PAYROLL,
            period=period,
            allow_empty=True,
            assume_no_earlier_overtime=True,
        )
        assert c.period.days == days
        assert c.fiscal_year == c.line("T-1").fiscal_year == FY
        assert (c.salary, c.quarter, c.award) == (Decimal(salary), None, None)
        assert c.total == c.reimbursement

    @pytest.mark.parametrize("quarter", [FiscalQuarter(2026, 2), "FY2026 Q2", "fy2026 q2"])
    def test_a_quarterly_claim_takes_a_quarter_or_its_text(
        self, quarter: FiscalQuarter | str
    ) -> None:
        """quarterly_claim's quarter is a FiscalQuarter or its text."""
        c = quarterly_claim(
            agency=AGENCY,
            officers=[ALICE],
            payroll=self.PAYROLL,
            leads=LeadReport("FY2026 Q2", 10, 10),
            quarter=quarter,
            allow_empty=True,
            assume_no_earlier_overtime=True,
        )
        assert (c.quarter, c.period) == (FiscalQuarter(2026, 2), self.Q2)

    def test_an_empty_period_is_claimed_only_when_said(self) -> None:
        """A claim with no pay record in its period has no basis and is refused (see the
        refusals); with allow_empty=True (and, no payroll covering the days before it, the
        statement that nothing was paid on them) it is made, paying nothing."""
        c = claim(
            agency=AGENCY,
            officers=[ALICE],
            payroll=[],
            period="FY2026 Q3",
            allow_empty=True,
            assume_no_earlier_overtime=True,
        )
        assert (c.reimbursement, tuple(c.payroll or ())) == (Decimal("0.00"), ())

    def test_the_claim_keeps_the_records_it_read(self) -> None:
        """A claim holds, as its input, the pay records of its fiscal year up to its period's
        end: enough to recompute it, nothing that cannot change a figure."""
        records = [
            PayRecord("T-1", D(2025, 9, 1), D(2025, 9, 14), "1", "1", "1"),  # before FY2026
            PayRecord("T-1", D(2025, 9, 28), D(2025, 10, 11), "1", "1", "1"),  # straddles
            PayRecord("T-1", D(2025, 12, 1), D(2025, 12, 14), "1", "1", "1"),
            PayRecord("T-1", D(2026, 1, 1), D(2026, 1, 14), "1", "1", "1"),  # after Q1
        ]
        c = claim(agency=AGENCY, officers=[ALICE], payroll=records, period="FY2026 Q1")
        assert tuple(c.payroll or ()) == tuple(records[1:3])
        assert c.line("T-1").records == 2

    def test_the_claim_records_its_agency_and_policy(self) -> None:
        """A claim made under the policy in force names it; one made under a variant names the
        variant by its fingerprint, and so do its lines."""
        default = claim(
            agency=AGENCY, officers=[ALICE], payroll=(), period="FY2026", allow_empty=True
        )
        assert (default.agency, default.agency_id) == (AGENCY, "A1")
        assert (default.policy, default.policy.label) == (POLICY, POLICY.name)
        assert default.policy_fingerprint == POLICY.fingerprint
        variant = claim(
            agency=AGENCY,
            officers=[ALICE],
            payroll=(),
            period="FY2026",
            policy=ALL_MODELS,
            allow_empty=True,
        )
        assert variant.policy.label == f"{POLICY.name} [I-MODEL=all-models]"
        assert variant.policy is ALL_MODELS
        assert variant.line("T-1").policy is ALL_MODELS
        assert variant.policy_fingerprint == ALL_MODELS.fingerprint != POLICY.fingerprint

    def test_an_officer_without_pay_has_a_zero_line(self) -> None:
        """An officer on the roster with no pay records has a line of 0.00 and the quarter's
        eligible days; line(id) finds each officer's line."""
        bob = Officer("T-2", TFM, D(2025, 8, 1), "60000")
        c = claim(
            agency=AGENCY,
            officers=[ALICE, bob],
            payroll=self.PAYROLL,
            period="FY2026 Q2",
            allow_empty=True,
            assume_no_earlier_overtime=True,
        )
        line = c.line("T-2")
        assert (line.officer, line.model, line.records) == (bob, TFM, 0)
        assert (line.total, line.eligible_days) == (Decimal("0.00"), 90)
        assert c.line("T-1").records == 1

    def test_generators_are_accepted_as_officers_and_payroll(self) -> None:
        """Officers and payroll may be any iterables, generators included."""
        c = claim(
            agency=AGENCY,
            officers=(o for o in [ALICE]),
            payroll=(r for r in self.PAYROLL),
            period="FY2026",
            allow_empty=True,
        )
        assert c.salary == Decimal("2200.00")
        q = quarterly_claim(
            agency=AGENCY,
            officers=(o for o in [ALICE]),
            payroll=iter(self.PAYROLL),
            leads=LeadReport("FY2026 Q2", 10, 10),
            quarter="FY2026 Q2",
            allow_empty=True,
            assume_no_earlier_overtime=True,
        )
        assert (q.award_officers, q.salary) == (("T-1",), Decimal("1000.00"))

    def test_adjacent_pay_records_are_fine(self) -> None:
        """Records that meet end to start on consecutive days are not a double claim."""
        a = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "1", "0", "0")
        b = PayRecord("T-1", D(2025, 10, 15), D(2025, 10, 28), "1", "0", "0")
        assert one_officer([b, a], "FY2026").salary == Decimal("2.00")

    def test_separated_on_the_training_day_is_one_eligible_day(self) -> None:
        """I-WIN is inclusive: trained and separated on one day, the officer is eligible that
        day."""
        officer = Officer("T-1", TFM, D(2025, 10, 5), "60000", D(2025, 10, 5))
        line = one_officer([], "FY2026", officer=officer)
        assert (line.window, line.eligible_days) == (
            DateRange(officer.trained_on, officer.trained_on),
            1,
        )


class TestRows:
    PAY = (PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "3000", "1000", "500"),)

    def test_a_line_row_has_the_line_columns(self) -> None:
        """OfficerLine.as_row: LINE_COLUMNS in order, exact values, the model as its code."""
        row = one_officer(self.PAY, "FY2026 Q1").as_row()
        assert tuple(row) == LINE_COLUMNS
        assert row == {
            "officer_id": "T-1",
            "model": "TFM",
            "eligible_days": 92,
            "salary": Decimal("3000.00"),
            "benefits": Decimal("1000.00"),
            "overtime_claimed": Decimal("500.00"),
            "overtime_reimbursed": Decimal("500.00"),
            "overtime_over_cap": Decimal("0.00"),
            "overtime_cap": Decimal("19500.00"),
            "cap_used": Decimal("500.00"),
            "not_eligible": Decimal("0.00"),
            "total": Decimal("4500.00"),
        }

    def test_a_quarterly_claim_row_has_its_totals_award_and_policy(self) -> None:
        """Claim.as_row: the totals (adjustments to earlier periods among them, I-ADJUST), the
        quarter and award, whether the claimant stated that no earlier overtime was paid (a Q1
        claim has no earlier days to state it of), the policy's name and fingerprint."""
        c = quarter_claim([ALICE], LeadReport("FY2026 Q1", 20, 18), payroll=self.PAY)
        assert c.as_row() == {
            "agency_id": "A1",
            "period": "2025-10-01 to 2025-12-31",
            "quarter": "FY2026 Q1",
            "fiscal_year": "FY2026",
            "salary": Decimal("3000.00"),
            "benefits": Decimal("1000.00"),
            "overtime_claimed": Decimal("500.00"),
            "overtime_reimbursed": Decimal("500.00"),
            "overtime_over_cap": Decimal("0.00"),
            "not_eligible": Decimal("0.00"),
            "reimbursement": Decimal("4500.00"),
            "adjustment": Decimal("0.00"),
            "award": Decimal("1000.00"),
            "total": Decimal("5500.00"),
            "assumed_no_earlier_overtime": False,
            "policy": POLICY.name,
            "policy_fingerprint": POLICY.fingerprint,
        }

    def test_a_plain_claim_row_has_no_quarter_or_award(self) -> None:
        """A claim for a period has neither quarter nor award in its row: its total is the
        reimbursement."""
        row = claim(
            agency=AGENCY, officers=[ALICE], payroll=self.PAY, period="FY2026", allow_empty=True
        ).as_row()
        assert (row["quarter"], row["award"]) == (None, None)
        assert row["total"] == row["reimbursement"] == Decimal("4500.00")


class TestExplanations:
    PAY = (PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "3000", "1000", "500"),)
    LINE_RULES = ("I-WIN", "I-MODEL", "I-DAYS", "R-SAL", "R-OT", "I-CAPYEAR")
    CLAIM_RULES = ("R-EFF", "I-CAPYEAR", "R-SAL", "R-OT")

    def test_a_line_cites_the_rules_it_applied(self) -> None:
        """A line is explained by I-WIN, I-MODEL, I-DAYS, R-SAL, R-OT and I-CAPYEAR, arriving
        at its total; its str is that audit trail."""
        line = one_officer(self.PAY, "FY2026 Q1")
        assert line.explanation.rule_ids == self.LINE_RULES
        assert line.explanation.figure == "$4,500.00"
        assert str(line) == str(line.explanation)

    @pytest.mark.parametrize(
        "officer",
        [
            Officer("T-1", TFM, D(2025, 3, 1), "52000", D(2025, 9, 15)),  # never eligible
            Officer("T-1", JEM, D(2025, 8, 1), "52000"),  # excluded by I-MODEL below
        ],
    )
    def test_a_line_that_pays_nothing_cites_the_same_rules(self, officer: Officer) -> None:
        """An officer never eligible (I-WIN) or outside I-MODEL's scope still gets the whole
        trail, arriving at $0.00."""
        line = one_officer(self.PAY, "FY2026 Q1", officer=officer, policy=TASK_FORCE_ONLY)
        assert line.explanation.rule_ids == self.LINE_RULES
        assert line.explanation.figure == "$0.00"

    def test_a_claim_cites_the_rules_of_its_totals(self) -> None:
        """A claim for a period is explained by R-EFF, I-CAPYEAR, R-SAL and R-OT, arriving at
        its total; its str is that audit trail."""
        c = claim(
            agency=AGENCY, officers=[ALICE], payroll=self.PAY, period="FY2026", allow_empty=True
        )
        assert c.explanation.rule_ids == self.CLAIM_RULES
        assert c.explanation.figure == "$4,500.00"
        assert str(c) == str(c.explanation)

    @pytest.mark.parametrize(
        ("located", "rule_id", "figure"),
        [(18, "R-AWD-1", "$5,500.00"), (16, "R-AWD-2", "$5,250.00"), (13, "R-AWD", "$4,500.00")],
    )
    def test_a_quarterly_claim_ends_with_the_award_rule(
        self, located: int, rule_id: str, figure: str
    ) -> None:
        """R-AWD: a quarterly claim's trail ends with the award's tier, or R-AWD when the rate
        is below every band; its figure is the total with the award."""
        c = quarter_claim([ALICE], LeadReport("FY2026 Q1", 20, located), payroll=self.PAY)
        assert c.explanation.rule_ids == (*self.CLAIM_RULES, rule_id)
        assert c.explanation.figure == figure


# --- the refusals -------------------------------------------------------------------------------


def call(function: Callable[..., object], *args: object, **kwargs: object) -> Callable[[], object]:
    """``function`` with these arguments, to be called later (whatever their annotations say)."""
    return lambda: function(*args, **kwargs)


RECORD = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "1", "1", "1")
#: Good arguments of claim, for a refusal to change one of.
ARGS: dict[str, object] = {
    "agency": AGENCY,
    "officers": [ALICE],
    "payroll": [RECORD],
    "period": "FY2026",
}
LEADS = LeadReport("FY2026 Q1", provided=20, located=18)
NO_LEADS_ERROR = POLICY.choose("I-BELOW", "error")


def claim_with(**changes: object) -> Callable[[], object]:
    """claim with good arguments but for these changes, to be called later."""
    return call(claim, **ARGS | changes)


def quarterly_with(**changes: object) -> Callable[[], object]:
    """quarterly_claim with good arguments but for these changes, to be called later."""
    good = ARGS | {"leads": LEADS, "quarter": "FY2026 Q1"}
    del good["period"]
    return call(quarterly_claim, **good | changes)


REFUSALS = [
    # identifiers: nothing that looks like another id can be paid twice
    pytest.param(
        call(Officer, "T-1\u200b", TFM, D(2025, 8, 1), "60000"),
        InvalidInputError,
        re.escape("officer_id: 'T-1\\u200b' contains U+200B ZERO WIDTH SPACE"),
        "officer_id",
        id="zero-width-space-in-id",
    ),
    pytest.param(
        call(Officer, "\u0422-1", TFM, D(2025, 8, 1), "60000"),  # a Cyrillic Te
        InvalidInputError,
        "contains U\\+0422 CYRILLIC CAPITAL LETTER TE",
        "officer_id",
        id="homoglyph-in-id",
    ),
    pytest.param(
        call(PayRecord, "T-1\x00", D(2025, 10, 1), D(2025, 10, 14), "1", "1", "1"),
        InvalidInputError,
        "contains U\\+0000 <control>",
        "officer_id",
        id="nul-in-id",
    ),
    pytest.param(
        call(Agency, "A 1", "County", D(2025, 7, 1), [TFM]),
        InvalidInputError,
        "id: 'A 1' contains U\\+0020 SPACE",
        "id",
        id="space-in-agency-id",
    ),
    pytest.param(
        call(Agency, "A1", "County\u202e", D(2025, 7, 1), [TFM]),
        InvalidInputError,
        "name: .* contains U\\+202E RIGHT-TO-LEFT OVERRIDE",
        "name",
        id="format-character-in-name",
    ),
    pytest.param(
        claim_with(officers=[ALICE, attrs.evolve(ALICE, id="t-1")]),
        InvalidInputError,
        "officer_id: 't-1' appears twice \\(as 'T-1' too\\)",
        "officer_id",
        id="ids-differing-only-in-case",
    ),
    pytest.param(
        claim_with(payroll=[attrs.evolve(RECORD, officer_id="t-1")]),
        InvalidInputError,
        "officer_id: 't-1' of the pay record .* the roster has 'T-1'",
        "officer_id",
        id="payroll-id-in-another-case",
    ),
    # no payroll, no basis
    pytest.param(
        claim_with(payroll=[], period="FY2026 Q1"),
        InvalidInputError,
        "payroll: no pay records in FY2026 Q1",
        "payroll",
        id="no-payroll",
    ),
    pytest.param(
        claim_with(payroll=[RECORD], period="FY2026 Q2"),  # only Q1's record
        InvalidInputError,
        "payroll: no pay records in FY2026 Q2",
        "payroll",
        id="no-payroll-in-the-period",
    ),
    pytest.param(
        claim_with(payroll=[], period="FY2027"),
        InvalidInputError,
        "payroll: no pay records in FY2027;",
        "payroll",
        id="no-payroll-in-the-year",
    ),
    pytest.param(
        claim_with(payroll=[], period=DateRange(D(2025, 11, 1), D(2025, 11, 30))),
        InvalidInputError,
        "payroll: no pay records in 2025-11;",  # a calendar month is named as one
        "payroll",
        id="no-payroll-in-a-month",
    ),
    pytest.param(
        quarterly_with(payroll=[]),
        InvalidInputError,
        "payroll: no pay records in FY2026 Q1",
        "payroll",
        id="quarterly-no-payroll",
    ),
    pytest.param(
        claim_with(payroll=[RECORD], allow_empty="yes"),
        InvalidTypeError,
        "allow_empty: 'yes' is a str",
        "allow_empty",
        id="allow-empty-not-a-bool",
    ),
    pytest.param(
        claim_with(
            officers=[ALICE, attrs.evolve(ALICE, id="T-2")],
            payroll=[
                attrs.evolve(RECORD, salary="600000000000"),
                attrs.evolve(RECORD, officer_id="T-2", salary="600000000000"),
            ],
        ),
        InvalidInputError,
        r"salary: Decimal\('1200000000000\.00'\) is the claim's total, above",
        "salary",
        id="total-above-the-largest-amount",
    ),
    pytest.param(
        claim_with(
            payroll=[
                attrs.evolve(RECORD, salary="600000000000"),
                attrs.evolve(
                    RECORD,
                    start=RECORD.end + dt.timedelta(days=1),
                    end=RECORD.end + dt.timedelta(days=14),
                    salary="600000000000",
                ),
            ],
        ),
        InvalidInputError,
        r"salary: Decimal\('1200000000000\.00'\) is too large; expected at most 999999999999\.99",
        "salary",
        id="a-line-above-the-largest-amount",
    ),
    # the roster and its payroll (roster_problems)
    pytest.param(
        claim_with(officers=[ALICE, ALICE]),
        InvalidInputError,
        "officer_id: 'T-1' ",
        "officer_id",
        id="duplicate-officer",
    ),
    pytest.param(
        claim_with(payroll=[attrs.evolve(RECORD, officer_id="X-9")]),
        InvalidInputError,
        "officer_id: 'X-9' ",
        "officer_id",
        id="unknown-officer",
    ),
    pytest.param(
        claim_with(
            payroll=[RECORD, attrs.evolve(RECORD, start=D(2025, 10, 14), end=D(2025, 10, 27))]
        ),
        InvalidInputError,
        "period_start: T-1's pay records ",
        "period_start",
        id="overlapping-records",
    ),
    pytest.param(
        claim_with(agency=Agency("A2", "Jail Only", D(2025, 7, 1), [JEM])),
        InvalidInputError,
        "model: TFM ",
        "model",
        id="model-not-signed",
    ),
    # the inputs, refused as they are built
    pytest.param(
        call(PayRecord, "T-1", D(2025, 10, 2), D(2025, 10, 1), "1", "1", "1"),
        InvalidInputError,
        "end: 2025-10-01 ",
        "end",
        id="record-ends-before-it-starts",
    ),
    pytest.param(
        call(Officer, "T-1", TFM, D(2025, 8, 1), "60000", D(2025, 7, 31)),
        InvalidInputError,
        "separated_on: 2025-07-31 ",
        "separated_on",
        id="separated-before-trained",
    ),
    pytest.param(
        call(Officer, "T-1", TFM, D(2025, 8, 1), 72000.0),
        InvalidTypeError,
        "annual_salary: 72000.0 ",
        "annual_salary",
        id="float-salary",
    ),
    pytest.param(
        call(PayRecord, "T-1", D(2025, 10, 1), D(2025, 10, 2), 1.5, "0", "0"),
        InvalidTypeError,
        "salary: 1.5 ",
        "salary",
        id="float-pay",
    ),
    pytest.param(
        call(PayRecord, "T-1", D(2025, 10, 1), D(2025, 10, 2), "0", 0.1, "0"),
        InvalidTypeError,
        "benefits: 0.1 ",
        "benefits",
        id="float-benefits",
    ),
    pytest.param(
        call(PayRecord, "T-1", D(2025, 10, 1), D(2025, 10, 2), "0", "0", 2.0),
        InvalidTypeError,
        "overtime: 2.0 ",
        "overtime",
        id="float-overtime",
    ),
    pytest.param(
        call(LeadReport, "FY2026 Q1", True, 0),
        InvalidTypeError,
        "provided: True ",
        "provided",
        id="bool-count",
    ),
    pytest.param(
        call(LeadReport, "FY2026 Q1", 10, 9.0),
        InvalidTypeError,
        "located: 9.0 ",
        "located",
        id="float-count",
    ),
    pytest.param(
        call(LeadReport, "FY2026 Q1", provided=5, located=6),
        InvalidInputError,
        "located: 6 ",
        "located",
        id="located-more-than-provided",
    ),
    pytest.param(
        call(LeadReport, "FY2026 Q1", 10, 9, "yes"),
        InvalidTypeError,
        "assistance_satisfactory: 'yes' ",
        "assistance_satisfactory",
        id="assistance-as-text",
    ),
    pytest.param(
        call(Agency, "A1", "X", D(2025, 7, 1), []),
        InvalidInputError,
        re.escape("models: [] "),
        "models",
        id="no-models",
    ),
    pytest.param(
        call(Agency, "A1", "X", D(2025, 7, 1), "TFM"),
        InvalidTypeError,
        "models: 'TFM' ",
        "models",
        id="models-as-text",
    ),
    # the arguments of claim and quarterly_claim
    pytest.param(
        claim_with(agency="A1"), InvalidTypeError, "agency: 'A1' ", "agency", id="agency-type"
    ),
    pytest.param(
        claim_with(officers="T-1"),
        InvalidTypeError,
        "officers: 'T-1' ",
        "officers",
        id="officers-as-text",
    ),
    pytest.param(
        claim_with(officers=[ALICE, "T-2"]),
        InvalidTypeError,
        "officers: 'T-2' ",
        "officers",
        id="officers-item",
    ),
    pytest.param(
        claim_with(payroll=5), InvalidTypeError, "payroll: 5 ", "payroll", id="payroll-type"
    ),
    pytest.param(
        claim_with(payroll=[("T-1", "2025-10-01")]),
        InvalidTypeError,
        re.escape("payroll: ('T-1', '2025-10-01') "),
        "payroll",
        id="payroll-item",
    ),
    pytest.param(
        claim_with(policy="DHS-2025-09-18"),
        InvalidTypeError,
        "policy: 'DHS-2025-09-18' ",
        "policy",
        id="policy-by-name",
    ),
    pytest.param(
        claim_with(period=2026), InvalidTypeError, "period: 2026 ", "period", id="period-type"
    ),
    pytest.param(
        claim_with(period=DateRange(D(2026, 9, 1), D(2026, 10, 31))),
        InvalidInputError,
        "period: '2026-09-01 to 2026-10-31' ",
        "period",
        id="period-of-two-fiscal-years",
    ),
    pytest.param(
        quarterly_with(leads=(20, 18)),
        InvalidTypeError,
        re.escape("leads: (20, 18) "),
        "leads",
        id="leads-type",
    ),
    pytest.param(
        quarterly_with(quarter="FY2026 Q2"),
        InvalidInputError,
        "leads: 'FY2026 Q1' ",
        "leads",
        id="leads-of-another-quarter",
    ),
    pytest.param(
        quarterly_with(leads=LeadReport("FY2026 Q1", 0, 0), policy=NO_LEADS_ERROR),
        InvalidInputError,
        "provided: 0 ",
        "provided",
        id="no-leads-under-I-BELOW-error",
    ),
    pytest.param(
        quarterly_with(officers=[ALICE, ALICE]),
        InvalidInputError,
        "officer_id: 'T-1' ",
        "officer_id",
        id="quarterly-duplicate-officer",
    ),
    pytest.param(
        lambda: claim(
            agency=AGENCY, officers=[ALICE], payroll=[], period="FY2026", allow_empty=True
        ).line("X-9"),
        InvalidInputError,
        "officer_id: 'X-9' ",
        "officer_id",
        id="no-such-line",
    ),
    # R-EFF: nothing before 2025-10-01, whether the policy in force is looked up or given
    pytest.param(
        claim_with(period="FY2025 Q4"),
        NotInEffectError,
        "2025-07-01 to 2025-09-30: .*R-EFF",
        None,
        id="before-R-EFF",
    ),
    pytest.param(
        claim_with(period=DateRange(D(2025, 9, 30), D(2025, 10, 31))),
        NotInEffectError,
        "2025-09-30 to 2025-10-31: .*R-EFF",
        None,
        id="straddling-R-EFF",
    ),
    pytest.param(
        claim_with(period="FY2025", policy=POLICY),
        NotInEffectError,
        "2024-10-01 to 2025-09-30: .*R-EFF",
        None,
        id="before-R-EFF-explicit-policy",
    ),
    pytest.param(
        quarterly_with(quarter="FY2025 Q4", leads=LeadReport("FY2025 Q4", 1, 1)),
        NotInEffectError,
        "2025-07-01 to 2025-09-30: .*R-EFF",
        None,
        id="quarterly-before-R-EFF",
    ),
]


@pytest.mark.parametrize(("attempt", "error", "match", "field"), REFUSALS)
def test_refusals(
    attempt: Callable[[], object], error: type[G287Error], match: str, field: str | None
) -> None:
    """Each bad input is refused with its documented error, naming the field and the value."""
    with pytest.raises(error, match=match) as info:
        attempt()
    if field is not None:
        assert info.value.field == field


class TestRosterProblems:
    def test_every_problem_is_reported_with_the_record_at_fault(self) -> None:
        """roster_problems yields every problem, not just the first, each error's value the
        Officer or PayRecord it is about, so a file reader can point at its line."""
        jail_only = Agency("A2", "Jail Only", D(2025, 7, 1), [JEM])
        jem = Officer("J-1", JEM, D(2025, 8, 1), "60000")
        twin = Officer("J-1", JEM, D(2025, 9, 1), "61000")
        tfm = Officer("T-1", TFM, D(2025, 8, 1), "60000")
        first = PayRecord("J-1", D(2025, 10, 1), D(2025, 10, 14), "1", "1", "1")
        overlapping = PayRecord("J-1", D(2025, 10, 10), D(2025, 10, 20), "1", "1", "1")
        stranger = PayRecord("X-9", D(2025, 10, 1), D(2025, 10, 14), "1", "1", "1")
        problems = list(
            roster_problems(jail_only, [jem, twin, tfm], [overlapping, stranger, first])
        )
        assert [(p.field, p.value) for p in problems] == [
            ("officer_id", twin),
            ("model", tfm),
            ("officer_id", stranger),
            ("period_start", overlapping),
        ]
        assert all(type(p) is InvalidInputError for p in problems)

    def test_a_sound_roster_has_no_problem(self) -> None:
        """A roster of distinct officers of signed models, with adjacent records, has none."""
        records = [RECORD, attrs.evolve(RECORD, start=D(2025, 10, 15), end=D(2025, 10, 28))]
        assert list(roster_problems(AGENCY, [ALICE], records)) == []


# --- a caller's decimal context changes nothing ---------------------------------------------------

#: Decimal contexts a notebook or host system might leave behind: 3-9 digits, other roundings,
#: traps off or on (even Inexact), tiny exponent limits.
hostile_contexts = st.builds(
    lambda prec, rounding, traps, emax: decimal.Context(
        prec=prec, rounding=rounding, traps=traps, Emax=emax, Emin=-emax
    ),
    st.integers(min_value=3, max_value=9),
    st.sampled_from(
        [
            decimal.ROUND_UP,
            decimal.ROUND_DOWN,
            decimal.ROUND_CEILING,
            decimal.ROUND_FLOOR,
            decimal.ROUND_HALF_DOWN,
            decimal.ROUND_05UP,
        ]
    ),
    st.sampled_from(
        [
            [],
            [decimal.Inexact, decimal.Rounded],
            [decimal.InvalidOperation, decimal.Overflow, decimal.Inexact, decimal.Rounded],
        ]
    ),
    st.integers(min_value=2, max_value=9),
)


def quarters_of(s: Scenario) -> list[str]:
    """Every quarterly claim of a scenario as its JSON text (its figures, exactly)."""
    return [
        dumps(
            quarterly_claim(
                agency=s.agency,
                officers=s.officers,
                payroll=s.payroll,
                leads=report,
                quarter=report.quarter,
                allow_empty=True,
                assume_no_earlier_overtime=True,
            )
        )
        for report in s.leads
    ]


class TestHostileDecimalContext:
    @settings(max_examples=30)
    @given(small_scenarios, hostile_contexts)
    def test_claims_ignore_the_callers_context(self, s: Scenario, context: decimal.Context) -> None:
        """R-SAL, R-OT, ¶7: “ICE will fully reimburse participating agencies for the annual
        salary and benefits…”. The claims of a fiscal year, their JSON and its verification
        come out the same whatever decimal context the caller left set: g287 works in integer
        cents and reads and writes decimals exactly."""
        expected = quarters_of(s)
        with decimal.localcontext(context):
            assert quarters_of(s) == expected
            for text in expected:
                verify(text)

    @settings(max_examples=20)
    @given(hostile_contexts)
    def test_the_examples_ignore_it_too(self, context: decimal.Context) -> None:
        """The documented figures ($2,000,000.10 read as such, a 25% cap of $60,000, an award
        of $12,000) hold under any context."""
        with decimal.localcontext(context):
            assert str(to_money("2000000.10", "salary")) == "2000000.10"
            assert str(g287.overtime_cap("60000")) == "15000.00"
            award = g287.quarterly_award(
                located=45, provided=50, task_force_officers=12, quarter="FY2026 Q1"
            )
            assert str(award.amount) == "12000.00"
            assert str(format_money(Decimal("999999999999.99"))) == "$999,999,999,999.99"
