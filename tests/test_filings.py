"""Filing a fiscal year: earlier filings carry the cap, corrections become adjustments.

R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”. I-CAPYEAR: the
cap runs over the fiscal year, cumulatively across every claim in it, so the claims already filed
(``prior=``) are the cap's ledger, and a claim that can know neither the earlier payroll nor the
earlier filings is refused unless the claimant states there was no earlier overtime. I-ADJUST: a
filed period that a later payroll gives differently is corrected by an adjustment in the next
claim, never refiled, and the year's filings end at what one claim of the whole year on the
final payroll reimburses.

The law is a property over generated years (``filed_years``); the rest are worked examples, on
small hand-made payrolls and on the bundled example agency (``g287.dataio.example_dir()``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import pickle
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claim_strategies import (
    QUARTERS,
    Scenario,
    cents_of,
    days,
    per_day,
    scenarios,
    split_record,
)
from g287 import (
    POLICY,
    Adjustment,
    Agency,
    Claim,
    DateRange,
    FiledLine,
    Filing,
    FiscalQuarter,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    Model,
    Officer,
    OfficerLine,
    PayRecord,
    Policy,
    VerificationError,
    claim,
    dumps,
    loads,
    quarterly_claim,
    verify,
)
from g287.dataio import Dataset, example_dir, load_dataset
from g287.money import format_money
from strategies import chosen_policies, dec

D = dt.date
TFM, JEM = Model.TASK_FORCE, Model.JAIL_ENFORCEMENT
Q1, Q2, Q3, Q4 = QUARTERS
AGENCY = Agency("A1", "Example County", D(2025, 7, 1), frozenset(Model))
#: Two Task Force officers eligible from 2025-10-01, each with a cap of 10,000.00 (R-OT).
ALICE = Officer("T-1", TFM, D(2025, 8, 1), "40000.00")
BOB = Officer("T-2", TFM, D(2025, 8, 1), "40000.00")
#: Alice's overtime by quarter, 3,000 + 3,000 + 6,000 + 2,000: the cap is reached in Q3.
OVERTIME = ("3000", "3000", "6000", "2000")
PAYROLL = tuple(
    PayRecord("T-1", q.start, q.end, "1000", "100", overtime)
    for q, overtime in zip(QUARTERS, OVERTIME, strict=True)
) + tuple(PayRecord("T-2", q.start, q.end, "2000", "200", "500") for q in QUARTERS)


def file(
    period: FiscalQuarter | DateRange | str,
    payroll: Sequence[PayRecord] = PAYROLL,
    prior: object = (),
    *,
    roster: Sequence[Officer] = (ALICE, BOB),
    policy: Policy | None = None,
    agency: Agency = AGENCY,
    **options: Any,
) -> Claim:
    """The claim of AGENCY (or another) for a period, continuing ``prior``."""
    return claim(
        agency=agency,
        officers=roster,
        payroll=payroll,
        period=period,
        policy=policy,
        allow_empty=True,
        prior=prior,  # type: ignore[arg-type]  # the refusals pass what is not allowed
        **options,
    )


@functools.cache
def first_quarters() -> tuple[Claim, Claim]:
    """Q1 and Q2 filed in turn from the payroll of the year to date."""
    q1 = file(Q1)
    return q1, file(Q2, prior=[q1])


def corrected(overtime: str, payroll: Sequence[PayRecord] = PAYROLL) -> list[PayRecord]:
    """The payroll with Alice's Q1 overtime corrected to ``overtime``."""
    return [
        attrs.evolve(r, overtime=Decimal(overtime))
        if (r.officer_id, r.start) == ("T-1", Q1.start)
        else r
        for r in payroll
    ]


def cap_used_by(filed: Sequence[Claim], officer_id: str) -> Decimal:
    """Overtime the filings reimburse to an officer: their lines, and the changes their
    adjustments make to earlier periods."""
    lines = sum((c.line(officer_id).overtime_reimbursed for c in filed), Decimal(0))
    changes = sum(
        (
            a.overtime_reimbursed_change
            for c in filed
            for a in c.adjustments
            if a.officer_id == officer_id
        ),
        Decimal(0),
    )
    return lines + changes


def figures(c: Claim) -> tuple[object, ...]:
    """A claim's figures, whatever inputs it was computed from: lines, award and totals."""
    return (
        [line.as_row() for line in c.lines],
        c.award,
        c.award_officers,
        c.reimbursement,
        c.adjustment,
        c.total,
    )


# --- the bundled example -----------------------------------------------------------------------


@functools.cache
def example() -> Dataset:
    """The bundled example agency: ten officers, FY2026's biweekly payroll, four lead reports."""
    names = ("officers.csv", "payroll.csv", "leads.csv", "agency.json")
    return load_dataset(*(example_dir() / n for n in names))


def example_claim(
    quarter: FiscalQuarter,
    payroll: Sequence[PayRecord] | None = None,
    prior: Sequence[Claim] = (),
    **options: Any,
) -> Claim:
    """The example agency's claim for a quarter, from its payroll (or another), after ``prior``."""
    data = example()
    return quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll if payroll is None else payroll,
        leads=data.lead_report(quarter),
        quarter=quarter,
        prior=prior,
        **options,
    )


@functools.cache
def example_year() -> tuple[Claim, ...]:
    """The example's four quarterly claims, filed in turn from its payroll of the year."""
    filed: list[Claim] = []
    for q in QUARTERS:
        filed.append(example_claim(q, prior=filed))
    return tuple(filed)


def records_of(quarter: FiscalQuarter, payroll: Sequence[PayRecord]) -> list[PayRecord]:
    """A quarter's export: the pay records with a day in it (biweekly ones straddle)."""
    return [r for r in payroll if r.start <= quarter.end and r.end >= quarter.start]


# --- the law: a year filed quarter by quarter ends at the claim of the year ----------------------

#: How a quarter's payroll is exported (issue 14, deliverable 3): (a) the year to date, with the
#: corrections known since the last filing folded in; (b) the quarter's own records, corrections
#: to earlier quarters not told; (c) the quarter's own records and, for each correction to an
#: earlier quarter, adjustment records (back pay, recoveries).
YEAR_TO_DATE, QUARTER_ONLY, WITH_ADJUSTMENTS = "a", "b", "c"
#: What became of a pay record between its first export and the final payroll.
SAME, CHANGED, ADDED, REMOVED = "same", "changed", "added", "removed"
_kinds = st.sampled_from([SAME, CHANGED, CHANGED, ADDED, REMOVED])
_modes = st.sampled_from(
    [YEAR_TO_DATE, YEAR_TO_DATE, QUARTER_ONLY, WITH_ADJUSTMENTS, WITH_ADJUSTMENTS]
)
#: How a correction moves a record's salary and overtime, in cents (floored at 0).
_deltas = st.integers(min_value=-300_000, max_value=1_500_000)
#: How many filings after the record's first the correction is known: 5 and more is never.
_lags = st.sampled_from([1, 1, 2, 3, 4])
_steady_salaries = st.integers(min_value=0, max_value=15_000_000)
_steady_amounts = st.integers(min_value=0, max_value=1_500_000)
#: An officer paid by one record in each quarter (see filed_years).
STEADY = "P-0"


class Slot(NamedTuple):
    """One pay period of one officer: its record as first exported (``None``: not there yet), as
    finally corrected (``None``: removed), and the filing (1-4) from which the agency knows the
    correction (5 or more: never)."""

    early: PayRecord | None
    final: PayRecord | None
    known: int

    @property
    def record(self) -> PayRecord:
        """Either version: its officer and days."""
        found = self.early or self.final
        assert found is not None
        return found


class Year(NamedTuple):
    """A generated fiscal year to file: the agency's inputs, the policy, how each quarter's
    payroll is exported, and every pay period's versions."""

    scenario: Scenario
    policy: Policy
    modes: tuple[str, ...]
    slots: tuple[Slot, ...]


def quarter_cut(records: Sequence[PayRecord]) -> list[PayRecord]:
    """The records cut at each quarter's first day, each piece carrying its days' cents of the
    daily spread (I-DAYS, I-CENT): the same pay day by day, and no record in two quarters."""
    out = []
    for r in records:
        rest = r
        for q in QUARTERS:
            if rest.start < q.start <= rest.end:
                before, rest = split_record(rest, (q.start - rest.start).days)
                out.append(before)
        out.append(rest)
    return out


@st.composite
def filed_years(draw: st.DrawFn) -> Year:
    """A scenario of up to three officers, with every pay record corrected or not after it was
    first exported, and each quarter's export mode.

    Two things the generator ensures, and why:

    * The roster gains STEADY, a long-serving officer paid by one record per quarter, so a
      payroll of the year to date spans every day of the quarters filed before it. g287 takes
      what a payroll covers to be the span of its ordinary records; a payroll starting after
      1 October does not cover the first quarter, and corrections to it are then lost
      (``TestCorrectionsBecomeAdjustments``, the expected failure).
    * When any quarter after the first is exported on its own, every record is cut at the
      quarter boundaries (``quarter_cut``: the same pay, day by day), so that a quarter's export
      holds exactly its days' pay. A record straddling into a quarter exported on its own makes
      that payroll cover part of an earlier filed quarter, which g287 cannot recompute
      (``TestQuarterExports``, the expected failures). Exports of the year to date keep the
      straddling records half of the time.
    """
    s = draw(scenarios(max_officers=3))
    policy = draw(chosen_policies())
    modes = tuple(draw(_modes) for _ in QUARTERS)
    signed = sorted(s.agency.models, key=lambda m: m.value)
    steady = Officer(
        STEADY,
        TFM if TFM in s.agency.models else signed[0],
        D(2025, 6, 1),
        dec(draw(_steady_salaries)),
    )
    paid = [
        PayRecord(STEADY, q.start, q.end, *(dec(draw(_steady_amounts)) for _ in range(3)))
        for q in QUARTERS
    ]
    records = [*s.payroll, *paid]
    if set(modes[1:]) != {YEAR_TO_DATE} or draw(st.booleans()):
        records = quarter_cut(records)
    slots = []
    for r in records:
        kind = SAME if r.officer_id == STEADY else draw(_kinds)
        first = next((n for n, q in enumerate(QUARTERS, start=1) if r.start <= q.end), 5)
        early: PayRecord | None = r
        final: PayRecord | None = r
        if kind == CHANGED:
            salary, overtime = (max(0, cents_of(a) + draw(_deltas)) for a in (r.salary, r.overtime))
            early = attrs.evolve(r, salary=dec(salary), overtime=dec(overtime))
        elif kind == ADDED:
            early = None
        elif kind == REMOVED:
            final = None
        slots.append(Slot(early, final, first + draw(_lags)))
    return Year(s._replace(officers=(*s.officers, steady)), policy, modes, tuple(slots))


def adjustment_records(slot: Slot) -> list[PayRecord]:
    """Adjustment records taking a pay period from its early to its final version, one a day:
    each the day's difference of the two daily spreads (I-DAYS), back pay or a recovery."""
    r = slot.record

    def spread(version: PayRecord | None, name: str) -> dict[dt.date, int]:
        if version is None:
            return {}
        return per_day(cents_of(getattr(version, name)), version.start, version.end)

    names = ("salary", "benefits", "overtime")
    new = [spread(slot.final, name) for name in names]
    old = [spread(slot.early, name) for name in names]
    out = []
    for day in days(r.start, r.end):
        change = [n.get(day, 0) - o.get(day, 0) for n, o in zip(new, old, strict=True)]
        if any(change):
            out.append(PayRecord(r.officer_id, day, day, *map(dec, change), adjustment=True))
    return out


class Filed(NamedTuple):
    """A fiscal year's quarterly claims as filed, and the final payroll they were told."""

    claims: tuple[Claim, ...]
    final: tuple[PayRecord, ...]


#: How far the agency has told g287 of a pay period: not yet, its early version, its final
#: version, or its early version and the adjustment records to the final one.
NOT_YET, EARLY, FINAL, ADJUSTED = "not yet", "early", "final", "adjusted"


def file_the_year(year: Year) -> Filed:
    """File FY2026's quarters in order, each with ``prior=`` the claims before it and from the
    payroll its mode exports. The final payroll is what the agency has told by the last filing:
    a correction known only while quarters were exported on their own is never told."""
    s, policy, modes, slots = year
    told = [NOT_YET] * len(slots)
    filed: list[Claim] = []
    for k, (q, mode) in enumerate(zip(QUARTERS, modes, strict=True), start=1):
        payroll: list[PayRecord] = []
        for i, slot in enumerate(slots):
            r = slot.record
            if r.start > q.end:
                continue
            known = slot.known <= k
            if told[i] == NOT_YET:
                told[i] = FINAL if known else EARLY
            elif told[i] == EARLY and known and mode == YEAR_TO_DATE:
                told[i] = FINAL
            elif told[i] == EARLY and known and mode == WITH_ADJUSTMENTS:
                told[i] = ADJUSTED
                payroll += adjustment_records(slot)
            elif told[i] == ADJUSTED and mode == YEAR_TO_DATE:
                told[i] = FINAL  # the year to date, rewritten with the correction
            if mode == YEAR_TO_DATE or r.end >= q.start:
                version = slot.early if told[i] == EARLY else slot.final
                if version is not None:
                    payroll.append(version)
        filed.append(
            claim(
                agency=s.agency,
                officers=s.officers,
                payroll=payroll,
                period=q,
                policy=policy,
                allow_empty=True,
                prior=filed,
            )
        )
    final = tuple(
        version
        for slot, state in zip(slots, told, strict=True)
        if (version := slot.early if state == EARLY else slot.final) is not None
    )
    return Filed(tuple(filed), final)


def claim_of(year: Year, period: FiscalQuarter | str, payroll: Sequence[PayRecord]) -> Claim:
    """The generated agency's claim for a period, computed at once from ``payroll``."""
    s = year.scenario
    return claim(
        agency=s.agency,
        officers=s.officers,
        payroll=payroll,
        period=period,
        policy=year.policy,
        allow_empty=True,
    )


class TestFilingAYearEndsAtTheYearClaim:
    @settings(max_examples=30)
    @given(filed_years())
    def test_filings_and_adjustments_add_up_to_the_year(self, year: Year) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        I-CAPYEAR and I-ADJUST, issue 14's law: filed quarter by quarter with ``prior=``, each
        quarter from the year to date with corrections, from its own records, or from its own
        records and adjustment records, the filings' reimbursements and adjustments add up to
        the claim of the whole year on the final payroll, in all and per officer; and what the
        filings end at for each quarter is that quarter's claim on the final payroll."""
        filed = file_the_year(year)
        whole = claim_of(year, "FY2026", filed.final)
        assert sum(c.reimbursement + c.adjustment for c in filed.claims) == whole.reimbursement
        for line in whole.lines:
            totals = [c.line(line.officer_id).total for c in filed.claims]
            totals += [
                a.total
                for c in filed.claims
                for a in c.adjustments
                if a.officer_id == line.officer_id
            ]
            assert sum(totals) == line.total, line.officer_id
        for n, q in enumerate(QUARTERS):
            again = claim_of(year, q, filed.final)
            for line in again.lines:
                ends: list[OfficerLine | FiledLine] = [filed.claims[n].line(line.officer_id)]
                ends += [
                    a.filed_line()
                    for c in filed.claims[n + 1 :]
                    for a in c.adjustments
                    if (a.officer_id, a.period) == (line.officer_id, q.range)
                ]
                for name in ("salary", "benefits", "overtime_claimed", "overtime_reimbursed"):
                    assert sum(getattr(x, name) for x in ends) == getattr(line, name), (q, name)

    @settings(max_examples=25)
    @given(filed_years())
    def test_the_cap_is_never_exceeded_at_any_filing(self, year: Year) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        I-CAPYEAR: after every filing, what the year's filings have reimbursed an officer for
        overtime (lines and adjustments) is within the cap and equals the cap used the last
        line states."""
        filed = file_the_year(year)
        for k in range(1, len(filed.claims) + 1):
            so_far = filed.claims[:k]
            for line in so_far[-1].lines:
                used = cap_used_by(so_far, line.officer_id)
                assert Decimal(0) <= used <= line.overtime_cap
                assert used == line.cap_used


class TestPriorFilingsCarryTheCap:
    @settings(max_examples=20)
    @given(scenarios(max_officers=3), chosen_policies())
    def test_filing_in_turn_gives_the_figures_of_the_year_to_date(
        self, s: Scenario, policy: Policy
    ) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        I-CAPYEAR: on a payroll that does not change, each quarter filed with ``prior=`` the
        ones before has the figures of the quarter claimed from the year's payroll alone (its
        missing days stated as unpaid: assume_no_earlier_overtime), and no adjustment."""
        mine: dict[str, Any] = {"agency": s.agency, "roster": s.officers, "policy": policy}
        filed: list[Claim] = []
        for q in QUARTERS:
            filed.append(file(q, s.payroll, filed, **mine))
            alone = file(q, s.payroll, **mine, assume_no_earlier_overtime=True)
            assert filed[-1].adjustments == ()
            assert figures(filed[-1]) == figures(alone)

    @settings(max_examples=20)
    @given(scenarios(max_officers=3), chosen_policies())
    def test_a_quarter_from_its_own_records_equals_the_quarter_from_the_year(
        self, s: Scenario, policy: Policy
    ) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        I-CAPYEAR: after the quarters before it were filed from the year's payroll, a quarter
        claimed from its own export (every record with a day in it, straddling ones too) with
        ``prior=`` has the figures of the quarter claimed from the year's payroll."""
        mine: dict[str, Any] = {"agency": s.agency, "roster": s.officers, "policy": policy}
        filed: list[Claim] = []
        for q in QUARTERS:
            own = file(q, records_of(q, s.payroll), filed, **mine)
            filed.append(file(q, s.payroll, filed, **mine))
            assert figures(own) == figures(filed[-1])


class TestClaimingALaterQuarterAlone:
    def test_the_quarters_own_payroll_is_refused(self) -> None:
        """I-CAPYEAR: the example's Q3 export starts on 2026-03-22; T-01 was eligible from
        2025-10-01, and what of the cap the days before used is unknown: refused, naming the
        officer and the days neither the payroll nor a filing covers."""
        payroll = records_of(Q3, example().payroll)
        assert min(r.start for r in payroll) == D(2026, 3, 22)
        with pytest.raises(InvalidInputError) as refused:
            example_claim(Q3, payroll)
        assert re.match(
            "T-01: eligible from 2025-10-01 but neither payroll nor prior filings cover "
            "2025-10-01 to 2026-03-21; give the earlier payroll or prior claims, or state",
            str(refused.value),
        )
        assert (refused.value.field, refused.value.value) == ("payroll", "T-01")

    def test_stating_there_was_no_earlier_overtime_is_recorded(self) -> None:
        """I-CAPYEAR: with assume_no_earlier_overtime=True the claim is made, as if no overtime
        was paid before the export: each officer's cap used before Q3 is the overtime the export
        shows on 2026-03-22 … 2026-03-31 inside their window, by the daily spread (I-DAYS,
        I-WIN, I-MODEL). The claim says so in a flag and in a step of its explanation."""
        payroll = records_of(Q3, example().payroll)
        c = example_claim(Q3, payroll, assume_no_earlier_overtime=True)
        assert c.assumed_no_earlier_overtime
        for line in c.lines:
            shown = sum(
                cents
                for r in payroll
                if r.officer_id == line.officer_id
                for day, cents in per_day(cents_of(r.overtime), r.start, r.end).items()
                if line.reimbursable and line.window and line.window.start <= day < Q3.start
            )
            assert cents_of(line.cap_used_before) == shown, line.officer_id
        assert c.line("T-01").cap_used_before > 0
        (step,) = (
            s for s in c.explanation.steps if dict(s.inputs).get("assume_no_earlier_overtime")
        )
        assert step.rule_id == "I-CAPYEAR"
        assert step.figure == "assumed, not shown"

    def test_the_statement_is_recorded_only_where_it_was_needed(self) -> None:
        """I-CAPYEAR: stated for a claim the payroll of the year to date already covers, the
        statement changes nothing and is not recorded."""
        stated = example_claim(Q3, assume_no_earlier_overtime=True)
        assert not stated.assumed_no_earlier_overtime
        assert figures(stated) == figures(example_claim(Q3))
        assert "I-CAPYEAR" in [s.rule_id for s in stated.explanation.steps]
        assert all(
            "assume_no_earlier_overtime" not in dict(s.inputs) for s in stated.explanation.steps
        )

    def test_the_filings_of_q1_and_q2_complete_the_quarters_own_payroll(self) -> None:
        """I-CAPYEAR: the example's Q3 from Q3's export alone, continuing the Q1 and Q2 filings,
        has the figures of Q3 from the year's payroll: every line, the award and the total; the
        filings are named in its explanation, and nothing is adjusted or assumed."""
        q1, q2, q3, _ = example_year()
        alone = example_claim(Q3, records_of(Q3, example().payroll), prior=[q1, q2])
        assert figures(alone) == figures(q3)
        assert alone.prior == (q1.filing, q2.filing)
        assert (alone.adjustments, alone.assumed_no_earlier_overtime) == ((), False)
        (step,) = (s for s in alone.explanation.steps if "filed" in dict(s.inputs))
        assert (step.rule_id, dict(step.inputs)["filed"]) == ("I-CAPYEAR", "FY2026 Q1, FY2026 Q2")

    def test_the_cap_used_before_comes_from_the_filings(self) -> None:
        """I-CAPYEAR: an officer's cap used before Q3 is what the Q1 and Q2 filings reimbursed:
        Alice's 3,000 + 3,000, so of her 6,000 in Q3 only 4,000 is within her 10,000 cap."""
        q1, q2 = first_quarters()
        q3 = file(Q3, [r for r in PAYROLL if r.start == Q3.start], prior=[q2, q1])
        line = q3.line("T-1")
        assert (line.cap_used_before, line.overtime_reimbursed, line.overtime_over_cap) == (
            Decimal("6000.00"),
            Decimal("4000.00"),
            Decimal("2000.00"),
        )

    def test_an_officer_eligible_only_from_the_period_is_no_reason_to_refuse(self) -> None:
        """I-CAPYEAR: an officer trained on Q3's first day has no earlier days whose overtime
        could use the cap: Q3's own payroll is enough."""
        carol = Officer("T-3", TFM, Q3.start, "50000")
        pay = [PayRecord("T-3", Q3.start, Q3.end, "100", "10", "1")]
        c = file(Q3, pay, roster=[carol])
        assert (c.reimbursement, c.assumed_no_earlier_overtime) == (Decimal("111.00"), False)

    def test_officers_outside_the_model_scope_are_no_reason_to_refuse(self) -> None:
        """I-MODEL, I-CAPYEAR: a Jail Enforcement officer's pay is not reimbursable under the
        default policy, so days no payroll covers do not matter for them."""
        dave = Officer("J-1", JEM, D(2025, 8, 1), "50000")
        pay = [PayRecord("J-1", Q3.start, Q3.end, "100", "10", "1")]
        c = file(Q3, pay, roster=[dave])
        assert (c.reimbursement, c.not_eligible) == (Decimal("0.00"), Decimal("111.00"))


class TestCorrectionsBecomeAdjustments:
    @staticmethod
    def corrected_example() -> tuple[Claim, list[PayRecord]]:
        """The example's Q1 filing, and its payroll after filing: T-01's record of 2025-10-05 …
        2025-10-18 with 5,000.00 more overtime and 100.00 less salary."""
        payroll = list(example().payroll)
        i = next(
            n for n, r in enumerate(payroll) if (r.officer_id, r.start) == ("T-01", D(2025, 10, 5))
        )
        r = payroll[i]
        payroll[i] = attrs.evolve(r, overtime=r.overtime + 5000, salary=r.salary - 100)
        return example_year()[0], payroll

    def test_a_corrected_q1_is_adjusted_in_q2(self) -> None:
        """I-ADJUST: claiming Q2 from the corrected payroll after Q1 was filed carries one
        adjustment, T-01's Q1: salary 100.00 less, overtime reimbursed 5,000.00 more (T-01's
        18,000.00 cap is far off), +4,900.00 in all, added to Q2's total; Q2's own figures are
        unchanged, and T-01's cap used by its end is 5,000.00 more."""
        q1, payroll = self.corrected_example()
        q2 = example_claim(Q2, payroll, prior=[q1])
        (a,) = q2.adjustments
        filed = q1.line("T-01")
        assert (a.officer_id, a.period) == ("T-01", Q1.range)
        assert (a.filed_salary, a.filed_benefits, a.filed_overtime_reimbursed) == (
            filed.salary,
            filed.benefits,
            filed.overtime_reimbursed,
        )
        assert (a.salary_change, a.benefits_change, a.overtime_reimbursed_change) == (
            Decimal("-100.00"),
            Decimal("0.00"),
            Decimal("5000.00"),
        )
        assert a.total == q2.adjustment == Decimal("4900.00")
        assert q2.total == q2.reimbursement + Decimal("4900.00") + q2.award.amount  # type: ignore[union-attr]
        as_filed = example_year()[1]
        assert q2.reimbursement == as_filed.reimbursement  # Q2's own figures are unchanged
        assert q2.line("T-01").cap_used == as_filed.line("T-01").cap_used + Decimal("5000.00")

    def test_the_adjustment_is_explained_with_both_figures(self) -> None:
        """I-ADJUST: the claim's explanation has a step for the adjustment that names the rule,
        the officer and period, and the figures as filed and as recomputed; and one adding the
        adjustments to the claim."""
        q1, payroll = self.corrected_example()
        q2 = example_claim(Q2, payroll, prior=[q1])
        (a,) = q2.adjustments
        filed = q1.line("T-01")
        steps = [s for s in q2.explanation.steps if s.rule_id == "I-ADJUST"]
        assert [s.figure for s in steps] == ["$4,900.00", "$4,900.00"]
        was, now = filed.total, filed.total + Decimal("4900.00")
        assert steps[0].text == (
            f"T-01's FY2026 Q1 recomputed from the payroll: {format_money(was)} filed, "
            f"{format_money(now)} now"
        )
        money = format_money
        assert dict(steps[0].inputs) == {
            "salary": f"{money(filed.salary)} -> {money(a.salary)}",
            "benefits": f"{money(filed.benefits)} -> {money(a.benefits)}",
            "overtime_reimbursed": (
                f"{money(filed.overtime_reimbursed)} -> {money(a.overtime_reimbursed)}"
            ),
        }
        assert steps[0].citation == POLICY.citation("I-ADJUST")
        assert dict(steps[1].inputs) == {"adjustments": "1"}

    def test_the_year_after_a_correction_ends_at_the_year_claim(self) -> None:
        """I-ADJUST, I-CAPYEAR: Q2, Q3 and Q4 filed in turn from the corrected payroll adjust
        Q1 once (in Q2); the four filings add up to the claim of the year on the corrected
        payroll, and no officer's reimbursed overtime ever exceeds their cap."""
        q1, payroll = self.corrected_example()
        filed = [q1]
        for q in (Q2, Q3, Q4):
            filed.append(example_claim(q, payroll, prior=filed))
        assert [len(c.adjustments) for c in filed] == [0, 1, 0, 0]
        data = example()
        year = claim(agency=data.agency, officers=data.officers, payroll=payroll, period="FY2026")
        assert sum(c.reimbursement + c.adjustment for c in filed) == year.reimbursement
        for line in year.lines:
            for k in range(1, 5):
                assert cap_used_by(filed[:k], line.officer_id) <= line.overtime_cap

    def test_a_correction_moves_the_cap_to_the_quarters_after_it(self) -> None:
        """I-CAPYEAR, I-ADJUST: Alice's Q1 overtime corrected from 3,000 to 8,000 after Q1 and
        Q2 were filed uses 8,000 of her 10,000 cap in Q1, so Q2's 3,000 is reimbursed only
        2,000 and Q3's 6,000 not at all: Q3 adjusts Q1 by +5,000 and Q2 by -1,000, and the year
        reimburses exactly the cap."""
        q1, q2 = first_quarters()
        q3 = file(Q3, corrected("8000"), prior=[q1, q2])
        changes = {a.period: a.overtime_reimbursed_change for a in q3.adjustments}
        assert changes == {Q1.range: Decimal("5000.00"), Q2.range: Decimal("-1000.00")}
        assert (q3.adjustment, q3.line("T-1").overtime_reimbursed) == (
            Decimal("4000.00"),
            Decimal("0.00"),
        )
        assert cap_used_by([q1, q2, q3], "T-1") == Decimal("10000.00") == q3.line("T-1").cap_used

    def test_a_recovery_is_a_negative_adjustment(self) -> None:
        """I-ADJUST: Alice's Q1 overtime corrected down to 1,000 after filing is taken back in
        Q2: an adjustment of -2,000, Q2's total less by as much."""
        q1, q2 = first_quarters()
        again = file(Q2, corrected("1000"), prior=[q1])
        (a,) = again.adjustments
        assert (a.overtime_claimed_change, a.total) == (Decimal("-2000.00"), Decimal("-2000.00"))
        assert again.total == q2.total - Decimal("2000.00")

    def test_a_payroll_that_changes_nothing_adjusts_nothing(self) -> None:
        """I-ADJUST: records reordered, or one split in two that follow its daily spread, give
        the filed figures again: no adjustment."""
        q1, _ = first_quarters()
        split = [*split_record(PAYROLL[0], 17), *PAYROLL[1:]]
        for payroll in (PAYROLL[::-1], split):
            assert file(Q2, payroll, prior=[q1]).adjustments == ()

    def test_a_later_claim_reads_the_adjustment_from_the_filing(self) -> None:
        """I-ADJUST: once Q2 has adjusted Q1, Q3 on the same payroll finds Q1 as filed plus the
        adjustment: nothing more to adjust."""
        q1, _ = first_quarters()
        q2 = file(Q2, corrected("8000"), prior=[q1])
        q3 = file(Q3, corrected("8000"), prior=[q1, q2])
        assert len(q2.adjustments) == 1
        assert q3.adjustments == ()

    def test_a_payroll_starting_after_the_first_day_still_corrects_q1(self) -> None:
        """I-ADJUST: when the agency's first pay period begins on 2025-10-05, a correction to it
        in the payroll of the year to date is adjusted in Q2 like any other."""
        pay = [PayRecord("T-1", D(2025, 10, 5), D(2025, 10, 18), "1000", "100", "500")]
        pay.append(PayRecord("T-1", D(2026, 1, 5), D(2026, 1, 18), "1000", "100", "500"))
        q1 = file(Q1, pay, roster=[ALICE])
        fixed = [attrs.evolve(pay[0], overtime=Decimal("900")), pay[1]]
        q2 = file(Q2, fixed, prior=[q1], roster=[ALICE])
        assert q2.adjustment == Decimal("400.00")


class TestQuarterExports:
    def test_pay_first_exported_later_is_added_to_the_quarter_it_was_for(self) -> None:
        """I-ADJUST: Q2 is filed from a payroll exported by pay date, whose last record ends on
        2026-03-21; the pay period 2026-03-22 … 2026-04-04 comes in Q3's export. Its ten days of
        March, which no filed payroll covered, are added to Q2 as an adjustment (1,000.00 of
        1,400.00) and its four days of April are Q3's."""
        q1 = file(Q1, [PayRecord("T-1", Q1.start, Q1.end, "9200", "0", "0")], roster=[ALICE])
        q2_pay = [PayRecord("T-1", Q2.start, D(2026, 3, 21), "8000", "0", "0")]
        q2 = file(Q2, q2_pay, prior=[q1], roster=[ALICE])
        q3_pay = [PayRecord("T-1", D(2026, 3, 22), D(2026, 4, 4), "1400", "0", "0")]
        q3 = file(Q3, q3_pay, prior=[q1, q2], roster=[ALICE])
        (a,) = q3.adjustments
        assert (a.period, a.salary_change, q3.salary) == (
            Q2.range,
            Decimal("1000.00"),
            Decimal("400.00"),
        )

    def test_a_quarter_exported_with_adjustment_records_ends_at_the_year(self) -> None:
        """I-ADJUST: Q2 claimed from its own records and a back-pay adjustment record for
        November carries the back pay as an adjustment to Q1; the two filings add up to the
        claim of Q1 and Q2 on the payroll with the back pay folded in."""
        q1, _ = first_quarters()
        back_pay = PayRecord(
            "T-2", D(2025, 11, 1), D(2025, 11, 30), "300", "30", "1000", adjustment=True
        )
        q2 = file(Q2, [*records_of(Q2, PAYROLL), back_pay], prior=[q1])
        (a,) = q2.adjustments
        assert (a.officer_id, a.period, a.total) == ("T-2", Q1.range, Decimal("1330.00"))
        both = file(DateRange(Q1.start, Q2.end), [*PAYROLL, back_pay])
        assert q1.reimbursement + q2.reimbursement + q2.adjustment == both.reimbursement

    def test_a_corrected_record_straddling_into_the_quarter_is_adjusted(self) -> None:
        """I-ADJUST: a pay period 2026-03-22 … 2026-04-04 filed in Q2 (from the year to date)
        and corrected from 700.00 to 1,400.00 overtime in Q3's own export adds its ten March
        days' 500.00 to Q2 as an adjustment (or the claim is refused); it is not dropped."""
        pay = [PayRecord("T-1", D(2025, 9, 28), D(2026, 3, 21), "0", "0", "0")]
        pay.append(PayRecord("T-1", D(2026, 3, 22), D(2026, 4, 4), "0", "0", "700"))
        q1 = file(Q1, pay, roster=[ALICE])
        q2 = file(Q2, pay, prior=[q1], roster=[ALICE])
        fixed = [attrs.evolve(pay[1], overtime=Decimal("1400"))]
        try:
            q3 = file(Q3, fixed, prior=[q1, q2], roster=[ALICE])
        except InvalidInputError:
            return
        assert q3.adjustment == Decimal("500.00")

    def test_a_record_across_the_edge_gone_from_a_later_export_is_taken_back(self) -> None:
        """I-ADJUST: Q2 was filed with a pay period 2026-03-22 … 2026-04-04 (1,400.00 overtime,
        1,000.00 of it on Q2's ten days); Q3's export, which covers those April days, no longer
        holds it (the pay was re-cut as 2026-04-01 … 2026-04-14), so the 1,000.00 filed for Q2
        is taken back as an adjustment, and Q3 claims its own record."""
        pay = [PayRecord("T-1", D(2025, 9, 28), D(2026, 3, 21), "0", "0", "0")]
        pay.append(PayRecord("T-1", D(2026, 3, 22), D(2026, 4, 4), "0", "0", "1400"))
        q1 = file(Q1, pay, roster=[ALICE])
        q2 = file(Q2, pay, prior=[q1], roster=[ALICE])
        recut = [PayRecord("T-1", D(2026, 4, 1), D(2026, 4, 14), "0", "0", "1400")]
        q3 = file(Q3, recut, prior=[q1, q2], roster=[ALICE])
        (a,) = q3.adjustments
        assert (a.period, a.filed_overtime_claimed, a.overtime_claimed) == (
            Q2.range,
            Decimal("1000.00"),
            Decimal("0.00"),
        )
        assert (q3.adjustment, q3.overtime_claimed) == (Decimal("-1000.00"), Decimal("1400.00"))

    def test_a_recovery_in_a_quarter_export_is_not_refused_for_another_officers_days(self) -> None:
        """I-ADJUST: Q3's export holds Bob's pay period 2026-03-22 … 2026-04-04 and a recovery of
        10.00 of Alice's overtime of 2026-03-25, filed in Q2; it is taken back, as it is when
        Bob's period does not straddle the quarters."""
        pay = [PayRecord("T-1", Q1.start, D(2026, 3, 28), "0", "0", "1800")]
        pay.append(PayRecord("T-2", Q1.start, D(2026, 3, 21), "0", "0", "0"))
        pay.append(PayRecord("T-2", D(2026, 3, 22), D(2026, 4, 4), "0", "0", "0"))
        q1 = file(Q1, pay)
        q2 = file(Q2, pay, prior=[q1])
        recovery = PayRecord(
            "T-1", D(2026, 3, 25), D(2026, 3, 25), "0", "0", "-10", adjustment=True
        )
        q3 = file(Q3, [pay[2], recovery], prior=[q1, q2])
        assert q3.adjustment == Decimal("-10.00")

    def test_pay_first_exported_later_on_days_the_filing_saw_is_refused(self) -> None:
        """I-ADJUST, never a silent guess: Alice's pay period 2026-03-22 … 2026-04-04 first
        exported in Q3 falls on days Q2's export covered (Bob's ran to 2026-03-28), so whether
        Q2 already had pay for Alice on them cannot be told from a Q3 export: refused, naming
        the record, with the way to give it (as an adjustment record, it is added)."""
        q2_pay = [PayRecord("T-1", Q1.start, D(2026, 3, 21), "0", "0", "0")]
        q2_pay.append(PayRecord("T-2", Q1.start, D(2026, 3, 28), "0", "0", "0"))
        q1 = file(Q1, q2_pay)
        q2 = file(Q2, q2_pay, prior=[q1])
        q3_pay = [PayRecord("T-1", D(2026, 3, 22), D(2026, 4, 4), "1400", "0", "0")]
        with pytest.raises(InvalidInputError, match=r"payroll: 'T-1' has a pay record 2026-03-22"):
            file(Q3, q3_pay, prior=[q1, q2])
        back_pay = [attrs.evolve(q3_pay[0], adjustment=True)]
        q3 = file(Q3, back_pay, prior=[q1, q2])
        assert q3.adjustment == Decimal("1000.00")


class TestAdjustmentRecords:
    def test_an_adjustment_record_may_overlap_and_be_negative(self) -> None:
        """A PayRecord with adjustment=True may overlap the officer's ordinary records and carry
        negative amounts: in the claim's own period it adds to (or takes from) the line."""
        recovery = PayRecord(
            "T-1", D(2025, 11, 1), D(2025, 11, 30), "10", "0", "-100", adjustment=True
        )
        line = file(Q1, [*PAYROLL, recovery]).line("T-1")
        assert (line.salary, line.overtime_claimed, line.records) == (
            Decimal("1010.00"),
            Decimal("2900.00"),
            2,
        )

    def test_an_ordinary_record_may_neither_overlap_nor_be_negative(self) -> None:
        """Ordinary records are what was paid: two of one officer on the same day are a double
        claim, and a negative amount is refused (see the refusals)."""
        assert not PayRecord("T-1", Q1.start, Q1.end, "0", "0", "0").adjustment
        assert PayRecord(
            "T-1", Q1.start, Q1.end, "0", "0", "-1", adjustment=True
        ).overtime == Decimal("-1.00")

    def test_back_pay_for_a_filed_quarter_is_an_adjustment(self) -> None:
        """I-ADJUST: a back-pay record for November in Q3's own export, after Q1 and Q2 were
        filed, adjusts Q1 and, as Alice's cap is then reached earlier, Q2."""
        q1, q2 = first_quarters()
        back_pay = PayRecord(
            "T-1", D(2025, 11, 1), D(2025, 11, 30), "0", "0", "5000", adjustment=True
        )
        q3 = file(Q3, [*records_of(Q3, PAYROLL), back_pay], prior=[q1, q2])
        changes = {(a.officer_id, a.period): a.overtime_reimbursed_change for a in q3.adjustments}
        assert changes == {
            ("T-1", Q1.range): Decimal("5000.00"),
            ("T-1", Q2.range): Decimal("-1000.00"),
        }

    def test_a_recovery_may_take_a_day_down_to_zero(self) -> None:
        """A recovery of exactly one day's overtime by the daily spread (3,000.00 over 92 days:
        32.61 on each of the first 80, so on 2025-11-05) leaves the day at zero: accepted; a
        cent more is refused (see the refusals)."""
        recovery = PayRecord(
            "T-1", D(2025, 11, 5), D(2025, 11, 5), "0", "0", "-32.61", adjustment=True
        )
        assert file(Q1, [*PAYROLL, recovery]).line("T-1").overtime_claimed == Decimal("2967.39")

    def test_a_recovery_beyond_the_records_of_the_period_is_refused_naming_the_officer(
        self,
    ) -> None:
        """An adjustment taking 100.00 of salary back on a day of the claimed quarter for which
        the payroll has no ordinary record is refused like any day taken below zero: the error
        names the officer."""
        recovery = PayRecord("T-1", D(2026, 2, 1), D(2026, 2, 1), "-100", "0", "0", adjustment=True)
        with pytest.raises(InvalidInputError) as refused:
            file(Q2, [recovery], prior=[first_quarters()[0]])
        assert "T-1" in str(refused.value)


#: A variant of the policy: its fingerprint differs from POLICY's.
PRORATED = POLICY.choose("I-CAPPRO", "by-eligible-days")


def evolve_line(c: Claim, **changes: Any) -> Claim:
    """A claim whose first line has a figure edited (``attrs.evolve``), the rest as they were."""
    return attrs.evolve(c, lines=(attrs.evolve(c.lines[0], **changes), *c.lines[1:]))


def without_inputs(c: Claim) -> Claim:
    """The claim as a document written without its payroll reads back."""
    return loads(dumps(c, inputs=False), Claim)


#: Refused claims: what is passed, the error, and the ``field: value`` part of its message.
REFUSALS: list[Any] = [
    pytest.param(
        lambda: file(Q2, prior=[file(Q1, agency=attrs.evolve(AGENCY, id="A2"))]),
        InvalidInputError,
        r"prior: 'FY2026 Q1' is a filing of agency 'A2', not 'A1'",
        id="another agency",
    ),
    pytest.param(
        lambda: file(Q4, prior=[file("FY2027 Q1")]),
        InvalidInputError,
        r"prior: 'FY2027 Q1' is not of FY2026",
        id="another fiscal year",
    ),
    pytest.param(
        lambda: file(Q2, prior=[file(Q1, policy=PRORATED)]),
        InvalidInputError,
        rf"prior: 'FY2026 Q1' was filed under the policy {PRORATED.fingerprint}, the claim is "
        rf"under {POLICY.fingerprint}",
        id="another policy",
    ),
    pytest.param(
        lambda: file(
            Q3, prior=[first_quarters()[0], file(DateRange(D(2025, 11, 1), D(2025, 11, 30)))]
        ),
        InvalidInputError,
        r"prior: '2025-11' overlaps the filing for FY2026 Q1",
        id="overlapping priors",
    ),
    pytest.param(
        lambda: file(Q3, prior=list(first_quarters()) * 2),
        InvalidInputError,
        r"prior: 'FY2026 Q1' overlaps the filing for FY2026 Q1",
        id="a prior given twice",
    ),
    pytest.param(
        lambda: file(Q1, prior=[first_quarters()[0]]),
        InvalidInputError,
        r"prior: 'FY2026 Q1' does not end before FY2026 Q1",
        id="a prior of the period",
    ),
    pytest.param(
        lambda: file(Q1, prior=[first_quarters()[1]]),
        InvalidInputError,
        r"prior: 'FY2026 Q2' does not end before FY2026 Q1",
        id="a prior after the period",
    ),
    pytest.param(
        lambda: file(Q2, prior=[without_inputs(first_quarters()[0])]),
        InvalidInputError,
        r"prior: 'FY2026 Q1' was written without its inputs",
        id="a prior without inputs",
    ),
    pytest.param(
        lambda: file(Q2, prior=[evolve_line(first_quarters()[0], salary=Decimal("1000.01"))]),
        InvalidInputError,
        r"prior: 'FY2026 Q1' does not recompute from its own inputs",
        id="an edited prior",
    ),
    pytest.param(
        lambda: file(
            Q3, corrected("8000"), prior=[file(Q2, corrected("8000"), prior=[first_quarters()[0]])]
        ),
        InvalidInputError,
        r"prior: 'FY2026 Q2' continued FY2026 Q1, whose filing is not given",
        id="a prior whose prior is missing",
    ),
    pytest.param(
        lambda: file(Q2, PAYROLL[:4], prior=[first_quarters()[0]], roster=[ALICE]),
        InvalidInputError,
        r"prior: 'FY2026 Q1' claimed for 'T-2', not on the roster",
        id="a prior of an officer not on the roster",
    ),
    pytest.param(
        lambda: file(Q2, prior=first_quarters()[0]),
        InvalidTypeError,
        r"prior: .* is a Claim; expected an iterable of Claim or Filing",
        id="a prior not in an iterable",
    ),
    pytest.param(
        lambda: file(Q2, prior="FY2026 Q1"),
        InvalidTypeError,
        r"prior: 'FY2026 Q1' is a str; expected an iterable",
        id="a prior's name",
    ),
    pytest.param(
        lambda: file(Q2, prior=[Q1]),
        InvalidTypeError,
        r"prior: FiscalQuarter\(2026, 1\) is a FiscalQuarter; expected a Claim or Filing",
        id="a prior that is no filing",
    ),
    pytest.param(
        lambda: file(Q2, assume_no_earlier_overtime="yes"),
        InvalidTypeError,
        r"assume_no_earlier_overtime: 'yes' is a str",
        id="a statement that is no bool",
    ),
    pytest.param(
        lambda: file(
            Q1,
            [
                *PAYROLL,
                PayRecord(
                    "T-1", D(2025, 11, 5), D(2025, 11, 5), "0", "0", "-32.62", adjustment=True
                ),
            ],
        ),
        InvalidInputError,
        r"overtime: the adjustment 2025-11-05 to 2025-11-05 of 'T-1' takes the overtime of "
        r"2025-11-05 below zero",
        id="an adjustment taking a day below zero",
    ),
    pytest.param(
        lambda: file(
            Q2,
            [
                PayRecord(
                    "T-1", D(2025, 11, 1), D(2025, 11, 1), "-1000.01", "0", "0", adjustment=True
                )
            ],
            prior=[first_quarters()[0]],
        ),
        InvalidInputError,
        r"payroll: 'T-1' has adjustments that take the eligible pay filed for FY2026 Q1 below zero",
        id="an adjustment taking a filed quarter below zero",
    ),
    pytest.param(
        lambda: PayRecord("T-1", Q1.start, Q1.end, "0", "0", "-0.01"),
        InvalidInputError,
        r"overtime: '-0\.01' is negative",
        id="an ordinary negative record",
    ),
    pytest.param(
        lambda: file(
            Q1, [*PAYROLL, PayRecord("T-1", D(2025, 11, 1), D(2025, 11, 30), "1", "0", "0")]
        ),
        InvalidInputError,
        r"period_start: T-1's pay records 2025-10-01 to 2025-12-31 and 2025-11-01 to 2025-11-30 "
        r"overlap",
        id="ordinary records overlapping",
    ),
    pytest.param(
        lambda: PayRecord("T-1", Q1.start, Q1.end, "0", "0", "0", adjustment="yes"),
        InvalidTypeError,
        r"adjustment: 'yes' is a str",
        id="an adjustment flag that is no bool",
    ),
]


class TestRefusals:
    @pytest.mark.parametrize(("make", "error", "match"), REFUSALS)
    def test_refused(self, make: Callable[[], object], error: type[G287Error], match: str) -> None:
        """Each is refused with the error of its kind, naming the field and the value."""
        with pytest.raises(error, match=match):
            make()

    def test_a_prior_whose_own_prior_is_missing_is_refused(self) -> None:
        """I-CAPYEAR: Q2's filing, which continued Q1's, given without it is refused (else Q1's
        payroll, corrected from 8,000 to 3,000 of overtime after it reimbursed 8,000, would
        leave 6,000 of Alice's cap for Q3 and the year would reimburse 13,000 of a 10,000 cap)."""
        big = corrected("8000")
        q1 = file(Q1, big)
        q2 = file(Q2, big, prior=[q1])
        assert q2.adjustments == ()
        with pytest.raises(InvalidInputError, match=r"prior: 'FY2026 Q2' .*FY2026 Q1"):
            file(Q3, corrected("3000"), prior=[q2])


#: A filed line of Alice's Q1, a filing of it and an adjustment to it, as tests below vary them.
LINE: dict[str, Any] = {
    "officer_id": "T-1",
    "period": Q1.range,
    "salary": Decimal("1000.00"),
    "benefits": Decimal("100.00"),
    "overtime_claimed": Decimal("3000.00"),
    "overtime_reimbursed": Decimal("3000.00"),
}
FILING: dict[str, Any] = {
    "agency_id": "A1",
    "period": Q1.range,
    "policy_fingerprint": POLICY.fingerprint,
    "coverage": Q1.range,
    "lines": (FiledLine(**LINE),),
}
ADJUSTMENT: dict[str, Any] = {
    "officer_id": "T-1",
    "period": Q1.range,
    "filed_salary": Decimal("1000.00"),
    "filed_benefits": Decimal("100.00"),
    "filed_overtime_claimed": Decimal("3000.00"),
    "filed_overtime_reimbursed": Decimal("3000.00"),
    "salary": Decimal("900.00"),
    "benefits": Decimal("100.00"),
    "overtime_claimed": Decimal("8000.00"),
    "overtime_reimbursed": Decimal("8000.00"),
}
#: The valid fields of each filing value object.
VALID: dict[type, dict[str, Any]] = {FiledLine: LINE, Filing: FILING, Adjustment: ADJUSTMENT}


def bad(kind: type, field: str, value: object, error: type[G287Error], match: str) -> Any:
    """A row of INVALID_VALUES: ``kind`` with one field changed, the error and its match."""
    return pytest.param(kind, {field: value}, error, match, id=f"{kind.__name__} {field}")


INVALID_VALUES: list[Any] = [
    bad(FiledLine, "officer_id", "T 1", InvalidInputError, r"officer_id: 'T 1'"),
    bad(FiledLine, "period", Q1, InvalidTypeError, r"period: FiscalQuarter\(2026, 1\) is a F"),
    bad(FiledLine, "salary", "1000.00", InvalidTypeError, r"salary: '1000\.00' is a str; expected"),
    bad(FiledLine, "benefits", 1.5, InvalidTypeError, r"benefits: 1\.5 is a float"),
    bad(FiledLine, "overtime_claimed", Decimal("0.001"), InvalidInputError, r"overtime_claimed: "),
    bad(FiledLine, "overtime_reimbursed", Decimal("1E+15"), InvalidInputError, r": .* too large"),
    bad(Filing, "agency_id", "", InvalidInputError, r"agency_id: ''"),
    bad(Filing, "period", "FY2026 Q1", InvalidTypeError, r"period: 'FY2026 Q1' is a str"),
    bad(Filing, "policy_fingerprint", None, InvalidTypeError, r"policy_fingerprint: None is a N"),
    bad(Filing, "coverage", (Q1.start, Q1.end), InvalidTypeError, r"coverage: .* is a tuple"),
    bad(Filing, "lines", [FiledLine(**LINE)], InvalidTypeError, r"lines: .* is not a tuple of F"),
    pytest.param(
        Filing,
        {"lines": (FiledLine(**LINE | {"period": Q2.range}),)},
        InvalidInputError,
        r"lines: '2026-01-01 to 2026-03-31' is a period a filing for 2025-10-01 to 2025-12-31 "
        "cannot adjust",
        id="Filing line of a later period",
    ),
    pytest.param(
        Filing,
        {"lines": (FiledLine(**LINE | {"period": DateRange(D(2025, 12, 1), D(2026, 1, 31))}),)},
        InvalidInputError,
        r"lines: '2025-12-01 to 2026-01-31' is a period a filing",
        id="Filing line of a period overlapping its own",
    ),
    bad(Adjustment, "officer_id", 7, InvalidTypeError, r"officer_id: 7 is an int"),
    bad(Adjustment, "period", None, InvalidTypeError, r"period: None is a NoneType"),
    bad(Adjustment, "filed_salary", "1", InvalidTypeError, r"filed_salary: '1' is a str"),
    bad(Adjustment, "salary", Decimal("NaN"), InvalidInputError, r"salary: .* is not a finite"),
]


class TestFilingValues:
    def test_a_claims_filing_is_what_it_claimed_for_each_officer(self) -> None:
        """Claim.filing: the claim's agency, period (and its name) and policy fingerprint, one
        line per officer with the line's salary, benefits and overtime claimed and reimbursed,
        and the days its payroll covered (the span of its ordinary records)."""
        q1, _ = first_quarters()
        f = q1.filing
        assert (f.agency_id, f.period, f.policy_fingerprint) == ("A1", Q1.range, POLICY.fingerprint)
        assert f.period_name == "FY2026 Q1"
        assert f.coverage == Q1.range  # the Q1 records: the claim reads no later one
        assert f.lines == tuple(
            FiledLine(
                officer_id=line.officer_id,
                period=Q1.range,
                salary=line.salary,
                benefits=line.benefits,
                overtime_claimed=line.overtime_claimed,
                overtime_reimbursed=line.overtime_reimbursed,
            )
            for line in q1.lines
        )
        assert f.adjusted == ()

    def test_a_filing_carries_its_adjustments_as_changes(self) -> None:
        """I-ADJUST: a claim's filing also has a line for each adjustment: the change it made
        to the earlier period (Adjustment.filed_line), so a later claim reads that period as
        filed plus every adjustment; Filing.adjusted names those periods in date order."""
        q1, q2 = first_quarters()
        q3 = file(Q3, corrected("8000"), prior=[q1, q2])
        f = q3.filing
        assert f.lines[len(q3.lines) :] == tuple(a.filed_line() for a in q3.adjustments)
        assert f.adjusted == (Q1.range, Q2.range)
        (changed,) = (x for x in f.lines if x.period == Q2.range)
        assert (changed.overtime_claimed, changed.overtime_reimbursed) == (
            Decimal("0.00"),
            Decimal("-1000.00"),
        )

    def test_an_adjustment_states_the_changes_and_its_total(self) -> None:
        """I-ADJUST: each change is the recomputed figure less the filed one; the total is the
        change of salary, benefits and reimbursed overtime (overtime claimed beyond the cap is
        not reimbursed); as_row and filed_line give them as plain values."""
        a = Adjustment(**ADJUSTMENT)
        assert (a.salary_change, a.benefits_change) == (Decimal("-100.00"), Decimal("0.00"))
        assert (a.overtime_claimed_change, a.overtime_reimbursed_change) == (
            Decimal("5000.00"),
            Decimal("5000.00"),
        )
        assert a.total == Decimal("4900.00")
        assert a.as_row() == {
            "officer_id": "T-1",
            "period": "2025-10-01 to 2025-12-31",
            "filed_salary": Decimal("1000.00"),
            "filed_benefits": Decimal("100.00"),
            "filed_overtime_reimbursed": Decimal("3000.00"),
            "salary": Decimal("900.00"),
            "benefits": Decimal("100.00"),
            "overtime_reimbursed": Decimal("8000.00"),
            "total": Decimal("4900.00"),
        }
        assert a.filed_line() == FiledLine(
            officer_id="T-1",
            period=Q1.range,
            salary=Decimal("-100.00"),
            benefits=Decimal("0.00"),
            overtime_claimed=Decimal("5000.00"),
            overtime_reimbursed=Decimal("5000.00"),
        )

    def test_a_filing_continues_the_ledger_as_its_claim_does(self) -> None:
        """A claim's filing given as ``prior`` gives the same claim as the claim itself."""
        q1, q2 = first_quarters()
        assert file(Q2, prior=[q1.filing]) == q2
        assert file(Q3, corrected("8000"), prior=[q2.filing, q1.filing]) == file(
            Q3, corrected("8000"), prior=[q1, q2]
        )

    def test_a_filing_is_taken_as_filed(self) -> None:
        """I-ADJUST: a Filing is what was filed; it cannot be recomputed, so it is not checked
        against a payroll: one that says Alice's Q1 overtime was 2,000 is adjusted by +1,000
        when the payroll shows 3,000."""
        f = Filing(
            **FILING
            | {
                "lines": (
                    FiledLine(
                        **LINE
                        | {
                            "overtime_claimed": Decimal("2000.00"),
                            "overtime_reimbursed": Decimal("2000.00"),
                        }
                    ),
                )
            }
        )
        (a,) = file(Q2, PAYROLL[:4], prior=[f], roster=[ALICE]).adjustments
        assert a.overtime_reimbursed_change == Decimal("1000.00")

    def test_an_officer_without_a_filed_line_was_filed_as_unpaid(self) -> None:
        """I-ADJUST: a filing without a line for a rostered officer claimed nothing for them:
        their pay in the payroll for the filed quarter is adjusted in."""
        f = Filing(**FILING)
        (a,) = file(Q2, prior=[f]).adjustments
        assert (a.officer_id, a.filed_salary, a.total) == (
            "T-2",
            Decimal("0.00"),
            Decimal("2700.00"),
        )

    def test_a_filing_needs_the_claims_inputs(self) -> None:
        """A claim read from a document written without its payroll has no filing: what its
        payroll covered is unknown."""
        with pytest.raises(InvalidInputError, match=r"payroll: None is not in this claim"):
            _ = without_inputs(first_quarters()[0]).filing

    def test_filings_are_hashable_picklable_values(self) -> None:
        """Filing, FiledLine and Adjustment are frozen values: equal when their fields are,
        hashable, and the same after pickling."""
        _, q2 = first_quarters()
        q3 = file(Q3, corrected("8000"), prior=list(first_quarters()))
        for value in (q2.filing, q2.filing.lines[0], q3.adjustments[0]):
            assert pickle.loads(pickle.dumps(value)) == value
            assert hash(value) == hash(attrs.evolve(value))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            q2.filing.lines = ()  # type: ignore[misc]

    @pytest.mark.parametrize(("kind", "change", "error", "match"), INVALID_VALUES)
    def test_invalid_values_are_refused(
        self, kind: type, change: dict[str, object], error: type[G287Error], match: str
    ) -> None:
        """Each value object refuses a bad field at construction, naming it and the value."""
        kind(**VALID[kind])
        with pytest.raises(error, match=match):
            kind(**VALID[kind] | change)


class TestFilingsInJson:
    @staticmethod
    def adjusted() -> Claim:
        """Q3 of the hand-made year after Alice's Q1 overtime was corrected: two priors, two
        adjustments."""
        return file(Q3, corrected("8000"), prior=list(first_quarters()))

    def test_a_claim_with_priors_and_adjustments_round_trips(self) -> None:
        """loads(dumps(c)) == c for a claim with prior filings and adjustments; verify
        recomputes it from the document and accepts it."""
        c = self.adjusted()
        text = dumps(c)
        assert loads(text) == c
        assert verify(text) == c
        data = json.loads(text)["data"]
        assert [p["period"]["start"] for p in data["prior"]] == ["2025-10-01", "2026-01-01"]
        assert [a["total"] for a in data["adjustments"]] == ["5000.00", "-1000.00"]
        assert data["adjustment"] == "4000.00"

    def test_the_statement_round_trips(self) -> None:
        """A claim made on the statement that no overtime was paid earlier keeps it in JSON."""
        c = file(Q3, records_of(Q3, PAYROLL), assume_no_earlier_overtime=True)
        assert c.assumed_no_earlier_overtime
        assert verify(dumps(c)) == c

    def test_an_edited_prior_filing_is_caught_by_verify(self) -> None:
        """A document whose prior filing was edited reads, but does not verify: recomputed with
        the edited filing, the claim's adjustments differ from those it states."""
        data = json.loads(dumps(self.adjusted()))
        data["data"]["prior"][0]["lines"]["rows"][0][1] = "999.00"
        edited = loads(json.dumps(data))
        with pytest.raises(VerificationError, match=r"Claim\.adjustments\[0\]\.filed_salary"):
            verify(edited)

    def test_an_edited_adjustment_is_refused_on_reading(self) -> None:
        """An adjustment whose figure was edited no longer agrees with its stated total:
        refused on reading, naming the path."""
        data = json.loads(dumps(self.adjusted()))
        data["data"]["adjustments"][0]["salary"] = "999.00"
        with pytest.raises(InvalidInputError, match=r"Claim\.adjustments\[0\]\.total: '5000\.00'"):
            loads(json.dumps(data))

    def test_a_claim_and_a_filing_read_from_json_continue_the_ledger(self) -> None:
        """A claim, or its filing, written to JSON and read back is a prior like the original:
        the CLI's ``--prior FILE``."""
        q1, q2 = first_quarters()
        expected = self.adjusted()
        assert loads(dumps(q1.filing)) == q1.filing
        for priors in (
            [loads(dumps(q1)), loads(dumps(q2))],
            [loads(dumps(q1.filing)), loads(dumps(q2.filing))],
        ):
            assert file(Q3, corrected("8000"), prior=priors) == expected
