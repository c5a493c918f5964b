"""A fiscal year filed in one call: ``fiscal_year_claims`` and its summary.

R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”. I-CAPYEAR: the
cap runs over the fiscal year, so each quarter's claim continues the ones before it (``prior=``);
I-ADJUST: a quarter the payroll now gives differently is adjusted by the next claim. R-AWD, ¶8:
each quarter has its own award. ``fiscal_year_claims`` claims the quarters in order, from the one
after the last filing given to the last one ICE's lead reports reach (g287 never reads the
clock), with the figures of the quarterly claims filed one by one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings

from claim_strategies import FY, QUARTERS, Scenario, scenarios
from g287 import (
    Agency,
    Claim,
    DateRange,
    FiscalQuarter,
    FiscalYear,
    FiscalYearClaims,
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
    dumps,
    fiscal_year_claims,
    loads,
    quarterly_claim,
    verify,
)
from g287.dataio import Dataset, example_dir, load_dataset
from g287.money import format_money
from strategies import chosen_policies

D = dt.date
Q1, Q2, Q3, Q4 = QUARTERS
AGENCY = Agency("A1", "Example County", D(2025, 7, 1), frozenset(Model))
#: Two Task Force officers eligible from 2025-10-01, each with a cap of 10,000.00 (R-OT).
ROSTER = (
    Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "40000.00"),
    Officer("T-2", Model.TASK_FORCE, D(2025, 8, 1), "40000.00"),
)
#: T-1's overtime reaches the cap in Q3 (3,000 + 3,000 + 6,000 + 2,000); T-2's never does.
PAYROLL = tuple(
    PayRecord("T-1", q.start, q.end, "1000", "100", overtime)
    for q, overtime in zip(QUARTERS, ("3000", "3000", "6000", "2000"), strict=True)
) + tuple(PayRecord("T-2", q.start, q.end, "2000", "200", "500") for q in QUARTERS)
#: ICE's reports: 9 of 10 leads located each quarter, 1,000.00 per counted officer (R-AWD-1).
LEADS = tuple(LeadReport(q, 10, 9) for q in QUARTERS)


def year_of(
    leads: object = LEADS,
    prior: object = (),
    payroll: Sequence[PayRecord] = PAYROLL,
    fiscal_year: object = "FY2026",
) -> FiscalYearClaims:
    """The hand-made agency's fiscal year from ``leads``, after ``prior``."""
    return fiscal_year_claims(
        agency=AGENCY,
        officers=ROSTER,
        payroll=payroll,
        leads=leads,  # type: ignore[arg-type]  # the refusals pass what is not allowed
        fiscal_year=fiscal_year,  # type: ignore[arg-type]
        prior=prior,  # type: ignore[arg-type]
    )


def quarter_by_quarter(
    quarters: Sequence[FiscalQuarter],
    prior: Sequence[Claim] = (),
    payroll: Sequence[PayRecord] = PAYROLL,
) -> list[Claim]:
    """The hand-made agency's quarterly claims filed one by one, each continuing the ones
    before it."""
    filed = list(prior)
    for q in quarters:
        filed.append(
            quarterly_claim(
                agency=AGENCY,
                officers=ROSTER,
                payroll=payroll,
                leads=LEADS[q.quarter - 1],
                quarter=q,
                prior=filed,
            )
        )
    return filed[len(prior) :]


@functools.cache
def hand_made_year() -> FiscalYearClaims:
    """The hand-made agency's whole fiscal year."""
    return year_of()


def corrected_q1() -> list[PayRecord]:
    """The hand-made payroll with T-1's Q1 overtime corrected from 3,000 to 8,000."""
    first = PAYROLL[0]
    return [attrs.evolve(first, overtime=Decimal("8000")), *PAYROLL[1:]]


@functools.cache
def example() -> Dataset:
    """The bundled example agency: ten officers, FY2026's biweekly payroll, four lead reports."""
    names = ("officers.csv", "payroll.csv", "leads.csv", "agency.json")
    return load_dataset(*(example_dir() / n for n in names))


def with_leads(leads: Sequence[LeadReport]) -> tuple[LeadReport, ...]:
    """The reports, with at least one lead provided each quarter: under the I-BELOW option
    ``error`` a quarter without leads is refused, which is the award's business, not the
    year's."""
    return tuple(r if r.provided else attrs.evolve(r, provided=1) for r in leads)


def add(amounts: Iterable[object]) -> Decimal:
    """The sum of a summary's amounts, each checked to be a ``Decimal``."""
    out = Decimal("0.00")
    for amount in amounts:
        assert isinstance(amount, Decimal), amount
        out += amount
    return out


def paid_quarters(s: Scenario) -> list[FiscalQuarter]:
    """The quarters from Q1 on, up to the first that holds no pay record (a claim of a quarter
    without payroll is refused)."""
    out = []
    for q in QUARTERS:
        if not any(r.start <= q.end and r.end >= q.start for r in s.payroll):
            break
        out.append(q)
    return out


class TestTheYearIsItsQuartersFiledInTurn:
    @settings(max_examples=30)
    @given(scenarios(max_officers=3), chosen_policies())
    def test_the_year_is_the_quarterly_claims_chained_with_prior(
        self, s: Scenario, policy: Policy
    ) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        I-CAPYEAR: fiscal_year_claims gives exactly the quarterly claims filed one by one, each
        with ``prior=`` the ones before, as far as the lead reports go; where one of them is
        refused, the year is refused with the same error."""
        leads = with_leads(s.leads)
        filed: list[Claim] = []
        refused: G287Error | None = None
        for q, report in zip(QUARTERS, leads, strict=True):
            try:
                filed.append(
                    quarterly_claim(
                        agency=s.agency,
                        officers=s.officers,
                        payroll=s.payroll,
                        leads=report,
                        quarter=q,
                        policy=policy,
                        prior=filed,
                    )
                )
            except G287Error as error:
                refused = error
                break
        options: dict[str, Any] = {"agency": s.agency, "officers": s.officers, "policy": policy}
        if refused is not None:
            with pytest.raises(type(refused), match=re.escape(str(refused))):
                fiscal_year_claims(**options, payroll=s.payroll, leads=leads, fiscal_year=FY)
            return
        year = fiscal_year_claims(**options, payroll=s.payroll, leads=leads, fiscal_year=FY)
        assert year.claims == tuple(filed)
        assert year.fiscal_year == FY

    @settings(max_examples=30)
    @given(scenarios(max_officers=3), chosen_policies())
    def test_the_years_reimbursement_is_the_claim_of_its_quarters(
        self, s: Scenario, policy: Policy
    ) -> None:
        """R-OT, ¶7: “including overtime coverage up to 25% of the officer’s annual salary”.
        I-CAPYEAR: the year's reimbursements add up to one claim of the quarters it claimed,
        and its total adds each quarter's award (R-AWD)."""
        quarters = paid_quarters(s)
        assume(quarters)
        leads = with_leads(s.leads)[: len(quarters)]
        options: dict[str, Any] = {"agency": s.agency, "officers": s.officers, "policy": policy}
        year = fiscal_year_claims(**options, payroll=s.payroll, leads=leads, fiscal_year=FY)
        span = DateRange(quarters[0].start, quarters[-1].end)
        at_once = claim(**options, payroll=s.payroll, period=span)
        assert [c.quarter for c in year.claims] == quarters
        assert sum(c.reimbursement + c.adjustment for c in year.claims) == at_once.reimbursement
        awards = sum(c.award.amount for c in year.claims if c.award is not None)
        assert year.total == at_once.reimbursement + awards

    def test_the_bundled_example_year(self) -> None:
        """The example agency's year: four quarterly claims, each continuing the ones before,
        totalling 444,409.59 (reimbursements and awards)."""
        data = example()
        year = fiscal_year_claims(
            agency=data.agency,
            officers=data.officers,
            payroll=data.payroll,
            leads=data.leads,
            fiscal_year=2026,
        )
        assert [str(c.quarter) for c in year.claims] == [str(q) for q in QUARTERS]
        assert [len(c.prior) for c in year.claims] == [0, 1, 2, 3]
        assert year.total == Decimal("444409.59") == sum(c.total for c in year.claims)

    @pytest.mark.parametrize("fiscal_year", [FY, 2026, "FY2026", "fy26"])
    def test_the_fiscal_year_may_be_given_as_a_year_a_number_or_text(
        self, fiscal_year: object
    ) -> None:
        """fiscal_year is a FiscalYear, its number or its text."""
        assert year_of(fiscal_year=fiscal_year) == hand_made_year()


class TestWhichQuartersAreClaimed:
    def test_the_year_stops_at_the_last_lead_report(self) -> None:
        """g287 never reads the clock: with ICE's reports for Q1 and Q2 only, the year so far
        is Q1 and Q2, as filed one by one."""
        year = year_of(LEADS[:2])
        assert year.claims == tuple(quarter_by_quarter([Q1, Q2]))

    def test_a_missing_report_ends_the_year_there(self) -> None:
        """A quarter without its report is not claimed, nor any after it: with reports for Q1
        and Q3, only Q1 is claimed."""
        assert [c.quarter for c in year_of([LEADS[0], LEADS[2]]).claims] == [Q1]

    def test_the_reports_may_come_in_any_order(self) -> None:
        """The reports are found by their quarter."""
        assert year_of(LEADS[::-1]) == hand_made_year()

    def test_the_year_starts_after_the_filings_given(self) -> None:
        """I-CAPYEAR: given the Q1 and Q2 filings (claims or their filings), the year claims Q3
        and Q4, continuing them, as filed one by one."""
        q1, q2 = quarter_by_quarter([Q1, Q2])
        expected = tuple(quarter_by_quarter([Q3, Q4], prior=[q1, q2]))
        assert year_of(prior=[q1, q2]).claims == expected
        assert year_of(prior=[q2.filing, q1.filing]).claims == expected

    def test_a_correction_after_filing_is_adjusted_in_the_next_quarter(self) -> None:
        """I-ADJUST: Q1 filed, then T-1's Q1 overtime corrected from 3,000 to 8,000: the year
        claims Q2 to Q4, Q2 carrying the adjustment of Q1 (+5,000), and T-1's reimbursed
        overtime over the year is exactly the cap."""
        (q1,) = quarter_by_quarter([Q1])
        year = year_of(prior=[q1], payroll=corrected_q1())
        assert [len(c.adjustments) for c in year.claims] == [1, 0, 0]
        (a,) = year.claims[0].adjustments
        assert (a.officer_id, a.period, a.total) == ("T-1", Q1.range, Decimal("5000.00"))
        reimbursed = q1.line("T-1").overtime_reimbursed + a.overtime_reimbursed_change
        reimbursed += sum(c.line("T-1").overtime_reimbursed for c in year.claims)
        assert reimbursed == Decimal("10000.00") == q1.line("T-1").overtime_cap

    def test_a_monthly_filing_leaves_no_days_unclaimed(self) -> None:
        """I-CAPYEAR: after a claim of October 2025 alone, the year goes on from November (or
        is refused); what the year claims with October adds up to the claim of the year."""
        october = claim(
            agency=AGENCY,
            officers=ROSTER,
            payroll=PAYROLL,
            period=DateRange(D(2025, 10, 1), D(2025, 10, 31)),
        )
        try:
            year = year_of(prior=[october])
        except InvalidInputError:
            return
        whole = claim(agency=AGENCY, officers=ROSTER, payroll=PAYROLL, period="FY2026")
        claimed = october.reimbursement + sum(c.reimbursement + c.adjustment for c in year.claims)
        assert claimed == whole.reimbursement


#: Years refused: what is passed, the error and the ``field: value`` part of its message.
REFUSALS: list[Any] = [
    pytest.param(
        lambda: year_of(prior=hand_made_year().claims),
        InvalidInputError,
        r"leads: \['FY2026 Q1', 'FY2026 Q2', 'FY2026 Q3', 'FY2026 Q4'\] hold no lead report "
        r"for a quarter of FY2026 left to claim",
        id="every quarter filed",
    ),
    pytest.param(
        lambda: year_of([]),
        InvalidInputError,
        r"leads: \[\] hold no lead report",
        id="no report",
    ),
    pytest.param(
        lambda: year_of(LEADS[1:]),
        InvalidInputError,
        r"leads: \['FY2026 Q2', 'FY2026 Q3', 'FY2026 Q4'\] hold no lead report",
        id="no report for Q1",
    ),
    pytest.param(
        lambda: year_of([LeadReport("FY2027 Q1", 10, 9)]),
        InvalidInputError,
        r"leads: \['FY2027 Q1'\] hold no lead report for a quarter of FY2026",
        id="reports of another year",
    ),
    pytest.param(
        lambda: year_of(["FY2026 Q1"]),
        InvalidTypeError,
        r"leads: 'FY2026 Q1' is a str; expected a LeadReport",
        id="a report that is no LeadReport",
    ),
    pytest.param(
        lambda: year_of(fiscal_year="FY2026 Q1"),
        InvalidInputError,
        r"fiscal_year: Invalid fiscal year: 'FY2026 Q1'",
        id="a quarter for a year",
    ),
    pytest.param(
        lambda: year_of(fiscal_year=2026.0),
        InvalidTypeError,
        r"fiscal_year: 2026\.0 is a float",
        id="a year as a float",
    ),
    pytest.param(
        lambda: year_of(
            [LeadReport(q, 10, 9) for q in FiscalYear(2025).quarters()], (), PAYROLL, 2025
        ),
        NotInEffectError,
        r"date: 2024-10-01 is before 2025-10-01",
        id="a year before the policy",
    ),
    pytest.param(
        lambda: year_of(prior=[attrs.evolve(hand_made_year().claims[0].filing, agency_id="A2")]),
        InvalidInputError,
        r"prior: 'FY2026 Q1' is a filing of agency 'A2', not 'A1'",
        id="a filing of another agency",
    ),
    pytest.param(
        lambda: year_of(prior=hand_made_year().claims[0]),
        InvalidTypeError,
        r"prior: .* is a Claim; expected an iterable",
        id="a prior not in an iterable",
    ),
    pytest.param(
        lambda: year_of(prior=["FY2026 Q1"]),
        InvalidTypeError,
        r"prior: 'FY2026 Q1' is a str; expected a Claim or Filing",
        id="a prior that is no filing",
    ),
    pytest.param(
        lambda: year_of(LEADS[0]),
        InvalidTypeError,
        r"leads: .* is a LeadReport; expected an iterable",
        id="a report not in an iterable",
    ),
    pytest.param(
        lambda: year_of([LEADS[0], LeadReport(Q1, 10, 1)]),
        InvalidInputError,
        r"leads: .*FY2026 Q1",
        id="two reports for one quarter",
    ),
]


class TestRefusals:
    @pytest.mark.parametrize(("make", "error", "match"), REFUSALS)
    def test_refused(self, make: Callable[[], object], error: type[G287Error], match: str) -> None:
        """Each is refused with the error of its kind, naming the field and the value."""
        with pytest.raises(error, match=match):
            make()


class TestSummary:
    @settings(max_examples=30)
    @given(scenarios(max_officers=3), chosen_policies())
    def test_the_summary_rows_add_up_to_the_total(self, s: Scenario, policy: Policy) -> None:
        """The quarter rows hold each claim's reimbursement, adjustment, award and total, and
        the year row their sums; each officer's row holds what each quarter's claim gives them
        (adjustments in the quarter that carries them) and its sum; the officers' totals add up
        to the year's reimbursements and adjustments; as_row is the year row."""
        quarters = paid_quarters(s)
        assume(quarters)
        year = fiscal_year_claims(
            agency=s.agency,
            officers=s.officers,
            payroll=s.payroll,
            leads=with_leads(s.leads)[: len(quarters)],
            fiscal_year=FY,
            policy=policy,
        )
        *rows, total = year.quarter_rows()
        amounts = ("reimbursement", "adjustment", "award", "total")
        for row, c in zip(rows, year.claims, strict=True):
            assert row["quarter"] == str(c.quarter)
            award = c.award.amount if c.award is not None else Decimal("0.00")
            assert [row[k] for k in amounts] == [c.reimbursement, c.adjustment, award, c.total]
            assert row["total"] == c.reimbursement + c.adjustment + award
        assert total == {"quarter": "year"} | {k: add(r[k] for r in rows) for k in amounts}
        assert total["total"] == year.total
        assert year.as_row() == {"fiscal_year": "FY2026"} | {k: total[k] for k in amounts}
        officers = year.officer_rows()
        assert [r["officer_id"] for r in officers] == [o.id for o in s.officers]
        names = [str(q) for q in quarters]
        for row in officers:
            assert list(row) == ["officer_id", *names, "total"]
            assert row["total"] == add(row[n] for n in names)
        everyone = add(r["total"] for r in officers)
        assert everyone == add([total["reimbursement"], total["adjustment"]])

    def test_an_adjustment_counts_in_the_quarter_that_carries_it(self) -> None:
        """I-ADJUST: T-1's Q1 correction (+5,000) is in Q2's column of T-1's row, beside Q2's
        own line (1,000 + 100 + 2,000 of its 3,000 overtime, the cap being reached), and in
        Q2's adjustment."""
        (q1,) = quarter_by_quarter([Q1])
        year = year_of(prior=[q1], payroll=corrected_q1())
        (row, _) = year.officer_rows()
        assert (row["officer_id"], row["FY2026 Q2"]) == ("T-1", Decimal("8100.00"))
        assert year.quarter_rows()[0]["adjustment"] == Decimal("5000.00")

    def test_the_html_shows_both_tables(self) -> None:
        """_repr_html_ shows the quarters with the year's totals, then the officers, with the
        amounts as money."""
        year = hand_made_year()
        html = year._repr_html_()
        assert f"FY2026: 4 quarterly claims, {format_money(year.total)}" in html
        assert "<caption>By quarter</caption>" in html
        assert "<caption>By officer: " in html
        for text in ("FY2026 Q1", "FY2026 Q4", "<th>FY2026</th>", "<td>T-1</td>", "<td>T-2</td>"):
            assert text in html
        assert html.index("By officer") > html.index("By quarter")


#: FiscalYearClaims that cannot exist: its fields, the error and the ``field: value`` match.
INVALID_YEARS: list[Any] = [
    pytest.param(
        lambda c: {"claims": ()},
        InvalidInputError,
        r"claims: \(\) is empty; expected a quarterly claim",
        id="no claim",
    ),
    pytest.param(
        lambda c: {"claims": (c[0], c[2])},
        InvalidInputError,
        r"claims\[1\]: 'FY2026 Q3' is not the next quarterly claim of FY2026",
        id="a quarter left out",
    ),
    pytest.param(
        lambda c: {"claims": (c[1], c[0])},
        InvalidInputError,
        r"claims\[1\]: 'FY2026 Q1' is not the next quarterly claim",
        id="out of order",
    ),
    pytest.param(
        lambda c: {"fiscal_year": FiscalYear(2027)},
        InvalidInputError,
        r"claims\[0\]: 'FY2026 Q1' is not the next quarterly claim of FY2027",
        id="another year's claims",
    ),
    pytest.param(
        lambda c: {"claims": (claim(agency=AGENCY, officers=ROSTER, payroll=PAYROLL, period=Q1),)},
        InvalidInputError,
        r"claims\[0\]: 'FY2026 Q1' is not the next quarterly claim",
        id="a claim without a quarter",
    ),
    pytest.param(
        lambda c: {"claims": (c[0], *quarter_by_quarter([Q2]))},
        InvalidInputError,
        r"claims\[1\]: 'FY2026 Q2' is not the next quarterly claim of FY2026, continuing",
        id="a claim not continuing the one before",
    ),
    pytest.param(
        lambda c: {"fiscal_year": "FY2026"},
        InvalidTypeError,
        r"fiscal_year: 'FY2026' is a str; expected a FiscalYear",
        id="a year as text",
    ),
    pytest.param(
        lambda c: {"claims": list(c)},
        InvalidTypeError,
        r"claims: .* is not a tuple of Claim",
        id="claims in a list",
    ),
]


class TestFiscalYearClaimsValues:
    @pytest.mark.parametrize(("change", "error", "match"), INVALID_YEARS)
    def test_a_year_whose_claims_do_not_chain_cannot_be_made(
        self,
        change: Callable[[tuple[Claim, ...]], dict[str, Any]],
        error: type[G287Error],
        match: str,
    ) -> None:
        """FiscalYearClaims holds consecutive quarterly claims of its year, each continuing the
        ones before it; anything else is refused at construction."""
        year = hand_made_year()
        with pytest.raises(error, match=match):
            attrs.evolve(year, **change(year.claims))

    def test_a_year_may_start_after_earlier_filings(self) -> None:
        """The claims of a year so far may start after quarters filed before: Q3 and Q4 that
        continue the Q1 and Q2 filings make a FiscalYearClaims."""
        q1, q2 = quarter_by_quarter([Q1, Q2])
        later = tuple(quarter_by_quarter([Q3, Q4], prior=[q1, q2]))
        assert FiscalYearClaims(fiscal_year=FY, claims=later).claims == later

    def test_a_year_round_trips_through_json_and_verifies(self) -> None:
        """loads(dumps(year)) == year, with its claims' priors and adjustments; verify
        recomputes every claim and accepts it."""
        (q1,) = quarter_by_quarter([Q1])
        year = year_of(prior=[q1], payroll=corrected_q1())
        text = dumps(year)
        assert loads(text) == year
        assert verify(text) == year
