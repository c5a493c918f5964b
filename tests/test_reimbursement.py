"""Salary, benefits and overtime reimbursement (R-SAL, R-OT) and the overtime cap.

The wording of the reimbursement's audit trail is pinned in ``tests/test_golden.py``; here the
figures and the rule ids are tested.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from g287 import (
    POLICY,
    CapProration,
    FiscalYear,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    NotInEffectError,
    Policy,
    ReimbursementResult,
    annual_reimbursement,
    overtime_cap,
)
from g287.money import MAX_MONEY, cents
from g287.reimbursement import cap_cents
from strategies import (
    cap_fractions,
    dec,
    fiscal_years,
    money_inputs,
    policies,
    salary_cents,
    with_cap,
)

PRORATED = POLICY.choose("I-CAPPRO", "by-eligible-days")
#: A part of the fiscal year: eligible days over the 365 days of FY2026.
parts_of_year = st.integers(0, 365).map(lambda days: Fraction(days, 365))


def reimburse(salary: Any, benefits: Any, overtime: Any, **kw: Any) -> ReimbursementResult:
    kw.setdefault("fiscal_year", 2026)
    return annual_reimbursement(annual_salary=salary, benefits=benefits, overtime=overtime, **kw)


class TestOvertimeCap:
    def test_source_example(self) -> None:
        """R-OT: “up to 25% of the officer’s annual salary”: $60,000 gives a $15,000.00 cap."""
        assert overtime_cap("60000") == Decimal("15000.00")

    @pytest.mark.parametrize(
        ("salary", "cap"),
        [
            ("50000.01", "12500.00"),
            ("50000.03", "12500.00"),
            ("50000.04", "12500.01"),
            ("0.03", "0.00"),
            (0, "0.00"),
            (60000, "15000.00"),
            (Decimal("60000.00"), "15000.00"),
            (MAX_MONEY, "249999999999.99"),
        ],
    )
    def test_rounds_down_to_the_cent(self, salary: int | str | Decimal, cap: str) -> None:
        """I-CENT: a quarter of the salary is rounded down to the cent, never up."""
        assert overtime_cap(salary) == Decimal(cap)

    def test_variant_share(self) -> None:
        """A variant's share is used: 20% of $60,000 is $12,000.00, a third of $100 $33.33."""
        assert overtime_cap("60000", with_cap(POLICY, Fraction(1, 5))) == Decimal("12000.00")
        assert overtime_cap("100", with_cap(POLICY, Fraction(1, 3))) == Decimal("33.33")

    @given(money_inputs(salary_cents))
    def test_never_more_than_a_quarter(self, case: tuple[int | str | Decimal, int]) -> None:
        """R-OT: “including overtime coverage up to 25% of the officer’s annual salary” — the
        cap is the largest whole-cent amount not above 25% of salary, however it is spelled."""
        salary, salary_in_cents = case
        cap = cents(overtime_cap(salary))
        assert 4 * cap <= salary_in_cents < 4 * (cap + 1)

    @given(salary_cents, cap_fractions)
    def test_any_share_rounds_down(self, salary: int, share: Fraction) -> None:
        """R-OT, I-CENT: under any cap share p/q the cap is salary × p // q, in cents."""
        cap = overtime_cap(dec(salary), with_cap(POLICY, share))
        assert cents(cap) == salary * share.numerator // share.denominator


class TestCapCents:
    def test_not_prorated_by_default(self) -> None:
        """I-CAPPRO default: an officer eligible for 200 days of 365 still has the full cap."""
        assert cap_cents(Decimal("60000.02"), POLICY, Fraction(200, 365)) == 1_500_000

    def test_prorated_rounds_down_once(self) -> None:
        """I-CAPPRO 'by-eligible-days': $60,000.02 × 25% × 200/365 is $8,219.18… rounded down
        once to $8,219.18, not cut to $15,000.00 first (which would give $8,219.17)."""
        assert cap_cents(Decimal("60000.02"), PRORATED, Fraction(200, 365)) == 821_918

    def test_whole_year_is_the_full_cap(self) -> None:
        """I-CAPPRO 'by-eligible-days': eligible all year, the cap is not reduced."""
        assert cap_cents(Decimal("60000.02"), PRORATED) == 1_500_000

    @given(salary_cents, parts_of_year, st.sampled_from(CapProration))
    def test_prorated_exactly(self, salary: int, part: Fraction, option: CapProration) -> None:
        """R-OT, I-CAPPRO: the cap is “up to 25% of the officer’s annual salary”, multiplied by
        the part of the year only under 'by-eligible-days', and rounded down once."""
        policy = POLICY.choose("I-CAPPRO", option.value)
        got = cap_cents(dec(salary), policy, part)
        if option is CapProration.BY_ELIGIBLE_DAYS:
            assert got == salary * part.numerator // (4 * part.denominator)
        else:
            assert got == salary // 4
        assert got <= cap_cents(dec(salary), policy)


class TestAnnualReimbursement:
    def test_source_example(self) -> None:
        """R-SAL and R-OT: $60,000 salary and $20,000 benefits in full, $18,000 overtime capped
        at $15,000: $95,000.00 reimbursed, $3,000.00 over the cap."""
        r = reimburse("60000", "20000", "18000")
        assert r.fiscal_year == FiscalYear(2026)
        assert (r.salary, r.benefits) == (Decimal("60000.00"), Decimal("20000.00"))
        assert r.overtime_claimed == Decimal("18000.00")
        assert r.overtime_cap == Decimal("15000.00")
        assert r.overtime_reimbursed == Decimal("15000.00")
        assert r.overtime_over_cap == Decimal("3000.00")
        assert r.total == Decimal("95000.00")

    def test_overtime_under_the_cap(self) -> None:
        """R-OT: overtime under the cap is reimbursed in full."""
        r = reimburse("60000", "20000", "14999.99")
        assert r.overtime_reimbursed == Decimal("14999.99")
        assert r.overtime_over_cap == Decimal("0.00")
        assert r.total == Decimal("94999.99")

    def test_overtime_exactly_the_cap(self) -> None:
        """R-OT: “up to 25%” includes 25%."""
        r = reimburse("60000", "0", "15000")
        assert r.overtime_reimbursed == Decimal("15000.00")
        assert r.overtime_over_cap == Decimal("0.00")

    def test_benefits_do_not_raise_the_cap(self) -> None:
        """I-CAPBASE: the cap is 25% of base salary; benefits are not part of the basis."""
        lean, rich = reimburse("60000", "0", "30000"), reimburse("60000", "40000", "30000")
        assert lean.overtime_cap == rich.overtime_cap == Decimal("15000.00")

    def test_variant_share(self) -> None:
        """A variant with a 20% cap reimburses $12,000.00 of $18,000 overtime."""
        r = reimburse("60000", "20000", "18000", policy=with_cap(POLICY, Fraction(1, 5)))
        assert (r.overtime_reimbursed, r.overtime_over_cap) == (
            Decimal("12000.00"),
            Decimal("6000.00"),
        )
        assert r.total == Decimal("92000.00")

    def test_largest_amounts_stay_exact(self) -> None:
        """The largest amounts accepted add up exactly, to the cent."""
        r = reimburse(MAX_MONEY, MAX_MONEY, MAX_MONEY)
        assert r.overtime_cap == Decimal("249999999999.99")
        assert r.total == Decimal("2249999999999.97")

    def test_policy_in_force_by_default(self) -> None:
        """R-EFF: without a policy, the one in force on the fiscal year's first day applies."""
        assert reimburse("1", "1", "1").policy is POLICY

    @given(fiscal_years)
    def test_fiscal_year_spellings(self, fy: FiscalYear) -> None:
        """The fiscal year may be a FiscalYear, its number or its text ("FY2026"); all agree."""
        results = [reimburse("60000", "1", "1", fiscal_year=v) for v in (fy, fy.year, str(fy))]
        assert results[0] == results[1] == results[2]
        assert results[0].fiscal_year == fy

    @given(salary_cents, salary_cents, salary_cents, policies())
    def test_every_cent_accounted_for(
        self, salary: int, benefits: int, overtime: int, policy: Policy
    ) -> None:
        """R-SAL, R-OT: “ICE will fully reimburse participating agencies for the annual salary
        and benefits of each eligible trained 287(g) officer, including overtime coverage up to
        25% of the officer’s annual salary” — under any variant, the total is salary plus
        benefits plus the lesser of overtime and the cap, and reimbursed plus over the cap is
        the overtime claimed."""
        r = reimburse(dec(salary), dec(benefits), dec(overtime), policy=policy)
        cap = cents(overtime_cap(dec(salary), policy))
        assert cents(r.overtime_cap) == cap
        assert cents(r.overtime_reimbursed) == min(overtime, cap)
        assert cents(r.overtime_reimbursed) + cents(r.overtime_over_cap) == overtime
        assert cents(r.total) == salary + benefits + min(overtime, cap)


class TestReimbursementResult:
    def test_rule_ids(self) -> None:
        """The explanation names R-EFF, R-SAL, I-CAPBASE, R-OT and I-CAPYEAR, in that order."""
        r = reimburse("60000", "20000", "18000")
        assert r.explanation.rule_ids == ("R-EFF", "R-SAL", "I-CAPBASE", "R-OT", "I-CAPYEAR")

    def test_every_step_cites_the_policy(self) -> None:
        """Each step cites its rule's passage (an interpretation: the passage it reads)."""
        for step in reimburse("60000", "20000", "18000").explanation.steps:
            assert step.citation == POLICY.citation(step.rule_id)

    def test_as_row(self) -> None:
        """``as_row`` is one flat row of the inputs and exact figures."""
        assert reimburse("60000", "20000", "18000").as_row() == {
            "fiscal_year": "FY2026",
            "salary": Decimal("60000.00"),
            "benefits": Decimal("20000.00"),
            "overtime_claimed": Decimal("18000.00"),
            "overtime_cap": Decimal("15000.00"),
            "overtime_reimbursed": Decimal("15000.00"),
            "overtime_over_cap": Decimal("3000.00"),
            "total": Decimal("95000.00"),
            "policy": POLICY.name,
        }

    def test_policy_label_and_fingerprint(self) -> None:
        """A result holds the policy that produced it; a policy with another cap is not one g287
        vouches for, and every report of it says so."""
        fifth = with_cap(POLICY, Fraction(1, 5))
        default, variant = reimburse("1", "1", "1"), reimburse("1", "1", "1", policy=fifth)
        assert (default.policy.label, default.policy_fingerprint) == (
            POLICY.name,
            POLICY.fingerprint,
        )
        assert (variant.policy.label, variant.policy_fingerprint) == (
            f"{POLICY.name} [unregistered]",
            fifth.fingerprint,
        )
        assert variant.policy_fingerprint != default.policy_fingerprint
        assert f"Policy: {POLICY.name} [unregistered]" in str(variant.explanation)
        assert variant.as_row()["policy"] == f"{POLICY.name} [unregistered]"

    def test_str_and_html_show_the_explanation(self) -> None:
        """``str`` is the audit trail; the notebook view is its table, with every rule id."""
        r = reimburse("60000", "20000", "18000")
        assert str(r) == str(r.explanation)
        html = r._repr_html_()
        for rule_id in r.explanation.rule_ids:
            assert f"<td>{rule_id}</td>" in html


def call(function: Callable[..., object], *args: object, **kwargs: object) -> Callable[[], object]:
    """``function`` with these arguments, to be called later (whatever their annotations say)."""
    return lambda: function(*args, **kwargs)


#: Good arguments of annual_reimbursement, for a refusal to change one of.
ARGS: dict[str, object] = {
    "annual_salary": "60000",
    "benefits": "20000",
    "overtime": "18000",
    "fiscal_year": 2026,
}
ENDED = attrs.evolve(POLICY, effective_until=POLICY.effective_from)


def reimburse_with(**changes: object) -> Callable[[], object]:
    """annual_reimbursement with good arguments but for these changes, to be called later."""
    return call(annual_reimbursement, **ARGS | changes)


REFUSALS = [
    # amounts: int, str or Decimal, whole cents, 0 to MAX_MONEY; never a float
    (call(overtime_cap, 60000.0), InvalidTypeError, "annual_salary: 60000.0 ", "annual_salary"),
    (call(overtime_cap, True), InvalidTypeError, "annual_salary: True ", "annual_salary"),
    (call(overtime_cap, "-1"), InvalidInputError, "annual_salary: '-1' ", "annual_salary"),
    (call(overtime_cap, "1.001"), InvalidInputError, "annual_salary: '1.001' ", "annual_salary"),
    (
        call(overtime_cap, "1000000000000"),
        InvalidInputError,
        "annual_salary: '1000000000000' ",
        "annual_salary",
    ),
    (call(overtime_cap, "sixty"), InvalidInputError, "annual_salary: 'sixty' ", "annual_salary"),
    (call(overtime_cap, "60000", "POLICY"), InvalidTypeError, "policy: 'POLICY' ", "policy"),
    (call(overtime_cap, "60000", None), InvalidTypeError, "policy: None ", "policy"),
    (reimburse_with(annual_salary=0.5), InvalidTypeError, "annual_salary: 0.5 ", "annual_salary"),
    (reimburse_with(benefits="-2"), InvalidInputError, "benefits: '-2' ", "benefits"),
    (reimburse_with(benefits="NaN"), InvalidInputError, "benefits: 'NaN' ", "benefits"),
    (reimburse_with(overtime="0.001"), InvalidInputError, "overtime: '0.001' ", "overtime"),
    (reimburse_with(overtime=None), InvalidTypeError, "overtime: None ", "overtime"),
    # fiscal years: a FiscalYear, its number or its text
    (reimburse_with(fiscal_year=2026.0), InvalidTypeError, "fiscal_year: 2026.0 ", "fiscal_year"),
    (reimburse_with(fiscal_year=True), InvalidTypeError, "fiscal_year: True ", "fiscal_year"),
    (reimburse_with(fiscal_year="FY2026 Q1"), InvalidInputError, "'FY2026 Q1'", None),
    (reimburse_with(policy="POLICY"), InvalidTypeError, "policy: 'POLICY' ", "policy"),
    # R-EFF: nothing before FY2026, whether the policy in force is looked up or given
    (reimburse_with(fiscal_year=2025), NotInEffectError, r"FY2025: .*\(R-EFF\)", None),
    (reimburse_with(fiscal_year="FY2025"), NotInEffectError, r"FY2025: .*\(R-EFF\)", None),
    (reimburse_with(fiscal_year=FiscalYear(2020)), NotInEffectError, r"FY2020: .*\(R-EFF\)", None),
    (
        reimburse_with(fiscal_year=2025, policy=POLICY),
        NotInEffectError,
        r"FY2025: .*\(R-EFF\)",
        None,
    ),
    (reimburse_with(fiscal_year=2027, policy=ENDED), NotInEffectError, re.escape("FY2027: "), None),
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
