"""Salary, benefits and overtime reimbursement (R-SAL, R-OT) and the overtime cap."""

from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from g287 import (
    POLICY,
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
from g287.money import MAX_MONEY
from strategies import (
    MAX_CENTS,
    cap_fractions,
    dec,
    fiscal_years,
    money_inputs,
    policies,
    salary_cents,
    with_cap,
)


def reimburse(salary: Any, benefits: Any, overtime: Any, **kw: Any) -> ReimbursementResult:
    kw.setdefault("fiscal_year", 2026)
    return annual_reimbursement(annual_salary=salary, benefits=benefits, overtime=overtime, **kw)


class TestOvertimeCapExamples:
    def test_source_numbers(self) -> None:
        """R-OT: “up to 25% of the officer’s annual salary” — $60,000 gives $15,000.00."""
        assert overtime_cap("60000") == Decimal("15000.00")
        assert str(overtime_cap("60000")) == "15000.00"

    @pytest.mark.parametrize(
        ("salary", "cap"),
        [
            ("50000.01", "12500.00"),
            ("50000.03", "12500.00"),
            ("50000.04", "12500.01"),
            ("0.03", "0.00"),
            ("0.04", "0.01"),
            (0, "0.00"),
            (60000, "15000.00"),
            (Decimal("60000.00"), "15000.00"),
            ("999999999999.99", "249999999999.99"),
        ],
    )
    def test_rounds_down_to_the_cent(self, salary: int | str | Decimal, cap: str) -> None:
        """I-CENT: a quarter of the salary is rounded down to the cent, never up."""
        assert str(overtime_cap(salary)) == cap

    def test_other_fraction(self) -> None:
        """A variant's cap fraction is used: 20% of $60,000 is $12,000.00."""
        assert overtime_cap("60000", with_cap(POLICY, Fraction(1, 5))) == Decimal("12000.00")

    def test_thirds_round_down(self) -> None:
        """I-CENT: a third of $100.00 is capped at $33.33."""
        assert overtime_cap("100", with_cap(POLICY, Fraction(1, 3))) == Decimal("33.33")


class TestOvertimeCapProperties:
    @given(st.one_of(salary_cents, st.integers(0, MAX_CENTS)))
    def test_quarter_floored_to_the_cent(self, salary: int) -> None:
        """R-OT: “including overtime coverage up to 25% of the officer’s annual salary” — the
        cap is salary cents × 1 // 4 in integer arithmetic."""
        cap = overtime_cap(dec(salary))
        assert cap == dec(salary * 1 // 4)
        assert cap.as_tuple().exponent == -2

    @given(salary_cents, cap_fractions)
    def test_any_fraction_floored(self, salary: int, fraction: Fraction) -> None:
        """I-CENT: under any cap fraction p/q the cap is salary cents × p // q."""
        cap = overtime_cap(dec(salary), with_cap(POLICY, fraction))
        assert cap == dec(salary * fraction.numerator // fraction.denominator)

    @given(money_inputs(salary_cents))
    def test_every_spelling_gives_the_same_cap(self, case: tuple[Any, int]) -> None:
        """An int, str or Decimal salary yields the same cap."""
        value, salary = case
        assert overtime_cap(value) == dec(salary // 4)

    @given(salary_cents, salary_cents)
    def test_monotone_in_salary(self, a: int, b: int) -> None:
        """R-OT: “up to 25% of the officer’s annual salary” — a higher salary never has a lower
        cap."""
        low, high = sorted((a, b))
        assert overtime_cap(dec(low)) <= overtime_cap(dec(high))


class TestOvertimeCapRefuses:
    @pytest.mark.parametrize(
        ("salary", "error", "match"),
        [
            (60000.0, InvalidTypeError, "pass a string or Decimal"),
            (True, InvalidTypeError, "annual_salary: True is a bool"),
            (None, InvalidTypeError, "annual_salary"),
            ("-1", InvalidInputError, "annual_salary: '-1' is negative"),
            ("60000.001", InvalidInputError, "fractions of a cent"),
            ("sixty thousand", InvalidInputError, "is not an amount"),
            ("1000000000000", InvalidInputError, "too large"),
        ],
    )
    def test_bad_salary(self, salary: Any, error: type[G287Error], match: str) -> None:
        """A bad salary is refused, naming the field and the value."""
        with pytest.raises(error, match=match):
            overtime_cap(salary)

    @pytest.mark.parametrize("policy", [None, "POLICY", Fraction(1, 4)])
    def test_bad_policy(self, policy: Any) -> None:
        """The policy argument must be a Policy."""
        with pytest.raises(InvalidTypeError, match=r"expected a g287\.Policy"):
            overtime_cap("60000", policy)


class TestAnnualReimbursementExample:
    def test_source_numbers(self) -> None:
        """R-SAL and R-OT: $60,000 salary and $20,000 benefits in full, $18,000 overtime capped
        at $15,000: $95,000.00 reimbursed, $3,000.00 not."""
        r = reimburse("60000", "20000", "18000")
        assert r.fiscal_year == FiscalYear(2026)
        assert r.salary == Decimal("60000.00")
        assert r.benefits == Decimal("20000.00")
        assert r.overtime_claimed == Decimal("18000.00")
        assert r.overtime_cap == Decimal("15000.00")
        assert r.overtime_reimbursed == Decimal("15000.00")
        assert r.overtime_not_reimbursed == Decimal("3000.00")
        assert r.total == Decimal("95000.00")
        assert str(r.total) == "95000.00"
        assert r.policy_name == POLICY.name

    def test_overtime_under_the_cap(self) -> None:
        """R-OT: overtime below the cap is reimbursed in full."""
        r = reimburse("60000", "20000", "14999.99")
        assert r.overtime_reimbursed == Decimal("14999.99")
        assert r.overtime_not_reimbursed == Decimal("0.00")
        assert r.total == Decimal("94999.99")

    def test_overtime_exactly_the_cap(self) -> None:
        """R-OT: “up to 25%” includes 25%."""
        r = reimburse("60000", "0", "15000")
        assert r.overtime_reimbursed == Decimal("15000.00")
        assert r.overtime_not_reimbursed == Decimal("0.00")

    def test_benefits_do_not_raise_the_cap(self) -> None:
        """I-CAPBASE: the cap is 25% of base salary; benefits are excluded from the basis."""
        lean = reimburse("60000", "0", "30000")
        rich = reimburse("60000", "40000", "30000")
        assert lean.overtime_cap == rich.overtime_cap == Decimal("15000.00")

    def test_other_cap_fraction(self) -> None:
        """A variant with a 20% cap reimburses $12,000.00 of $18,000 overtime."""
        r = reimburse("60000", "20000", "18000", policy=with_cap(POLICY, Fraction(1, 5)))
        assert r.overtime_reimbursed == Decimal("12000.00")
        assert r.overtime_not_reimbursed == Decimal("6000.00")
        assert r.total == Decimal("92000.00")
        assert "20% of annual salary" in str(r)

    def test_zero_everything(self) -> None:
        """Nothing claimed, nothing reimbursed, still two places."""
        r = reimburse(0, 0, 0)
        assert str(r.total) == "0.00"

    def test_largest_amounts_stay_exact(self) -> None:
        """The largest accepted amounts add up exactly, without Decimal rounding."""
        r = reimburse(MAX_MONEY, MAX_MONEY, MAX_MONEY)
        assert r.overtime_cap == Decimal("249999999999.99")
        assert r.total == Decimal("2249999999999.97")


class TestAnnualReimbursementProperties:
    @given(salary_cents, salary_cents, salary_cents, fiscal_years)
    def test_overtime_is_split_exactly(
        self, salary: int, benefits: int, overtime: int, fy: FiscalYear
    ) -> None:
        """R-OT: “including overtime coverage up to 25% of the officer’s annual salary” —
        reimbursed overtime is at most 25% of salary, and reimbursed plus not reimbursed is the
        overtime claimed, to the cent."""
        r = reimburse(dec(salary), dec(benefits), dec(overtime), fiscal_year=fy)
        assert r.overtime_reimbursed * 4 <= r.salary
        assert r.overtime_reimbursed == dec(min(overtime, salary // 4))
        assert r.overtime_reimbursed + r.overtime_not_reimbursed == r.overtime_claimed
        assert r.overtime_not_reimbursed >= 0

    @given(salary_cents, salary_cents, salary_cents)
    def test_salary_and_benefits_in_full(self, salary: int, benefits: int, overtime: int) -> None:
        """R-SAL: “ICE will fully reimburse participating agencies for the annual salary and
        benefits of each eligible trained 287(g) officer” — both are in the total in full."""
        r = reimburse(dec(salary), dec(benefits), dec(overtime))
        assert r.salary == dec(salary)
        assert r.benefits == dec(benefits)
        assert r.total == dec(salary + benefits + min(overtime, salary // 4))
        assert r.total.as_tuple().exponent == -2

    @given(salary_cents, salary_cents, salary_cents, policies())
    def test_any_variant_keeps_every_cent(
        self, salary: int, benefits: int, overtime: int, policy: Policy
    ) -> None:
        """Under any policy variant no cent of overtime is created or lost, and the cap holds."""
        r = reimburse(dec(salary), dec(benefits), dec(overtime), policy=policy)
        assert r.overtime_cap == overtime_cap(dec(salary), policy)
        assert r.overtime_reimbursed <= r.overtime_cap
        assert Fraction(r.overtime_cap) <= Fraction(r.salary) * policy.overtime_cap.fraction
        assert r.overtime_reimbursed + r.overtime_not_reimbursed == r.overtime_claimed
        assert r.total == r.salary + r.benefits + r.overtime_reimbursed

    @given(fiscal_years)
    def test_every_fiscal_year_spelling(self, fy: FiscalYear) -> None:
        """The fiscal year may be a FiscalYear, its number or its text; all agree."""
        results = {reimburse("60000", "1", "20000", fiscal_year=v) for v in (fy, fy.year, str(fy))}
        assert len(results) == 1
        assert results.pop().fiscal_year == fy


class TestAnnualReimbursementRefuses:
    @pytest.mark.parametrize("fiscal_year", [2025, "FY2025", FiscalYear(2020)])
    def test_before_fy2026(self, fiscal_year: Any) -> None:
        """R-EFF: no fiscal year before FY2026 is payable."""
        with pytest.raises(NotInEffectError, match="R-EFF"):
            reimburse("60000", "20000", "18000", fiscal_year=fiscal_year)

    def test_before_fy2026_with_explicit_policy(self) -> None:
        """R-EFF: an explicit policy does not apply before it starts either."""
        with pytest.raises(NotInEffectError, match="FY2025"):
            reimburse("60000", "20000", "18000", fiscal_year=2025, policy=POLICY)

    @pytest.mark.parametrize(
        ("fiscal_year", "error", "match"),
        [
            (True, InvalidTypeError, "fiscal_year: True is a bool"),
            (2026.0, InvalidTypeError, "fiscal_year: 2026.0 is a float"),
            (None, InvalidTypeError, "fiscal_year"),
            ("FY2026 Q1", InvalidInputError, "Invalid fiscal year"),
            (0, InvalidInputError, "year: 0"),
        ],
    )
    def test_bad_fiscal_year(self, fiscal_year: Any, error: type[G287Error], match: str) -> None:
        """A fiscal year that is not a FiscalYear, an int or 'FY2026' is refused."""
        with pytest.raises(error, match=match):
            reimburse("60000", "20000", "18000", fiscal_year=fiscal_year)

    @pytest.mark.parametrize(
        ("field", "value", "error"),
        [
            ("salary", 60000.0, InvalidTypeError),
            ("benefits", 0.5, InvalidTypeError),
            ("overtime", "-1", InvalidInputError),
            ("benefits", "NaN", InvalidInputError),
            ("overtime", "1.001", InvalidInputError),
        ],
    )
    def test_bad_amounts(self, field: str, value: object, error: type[G287Error]) -> None:
        """Each amount is checked and the error names it."""
        amounts: dict[str, object] = {"salary": "60000", "benefits": "1", "overtime": "1"}
        amounts[field] = value
        name = "annual_salary" if field == "salary" else field
        with pytest.raises(error, match=name):
            reimburse(amounts["salary"], amounts["benefits"], amounts["overtime"])

    def test_bad_policy(self) -> None:
        """The policy argument must be a Policy or None."""
        with pytest.raises(InvalidTypeError, match=r"expected a g287\.Policy or None"):
            reimburse("60000", "1", "1", policy="POLICY")

    def test_policy_that_has_ended(self) -> None:
        """A variant ended before the fiscal year refuses it."""
        ended = attrs.evolve(POLICY, effective_until=POLICY.effective_from)
        with pytest.raises(NotInEffectError):
            reimburse("60000", "1", "1", fiscal_year=2027, policy=ended)


class TestReimbursementExplanation:
    def test_rule_ids_in_order(self) -> None:
        """The explanation runs R-EFF, R-SAL, I-CAPBASE, R-OT, I-CAPYEAR."""
        r = reimburse("60000", "20000", "18000")
        assert r.explanation.rule_ids == ("R-EFF", "R-SAL", "I-CAPBASE", "R-OT", "I-CAPYEAR")

    def test_str_is_an_audit_trail(self) -> None:
        """``str`` gives title and total, each step with its rule id and ¶, and the quotes."""
        r = reimburse("60000", "20000", "18000")
        text = str(r)
        assert text == str(r.explanation)
        assert text.splitlines()[0] == "FY2026 reimbursement: $95,000.00"
        for rule_id in ("R-EFF", "R-SAL", "I-CAPBASE", "R-OT", "I-CAPYEAR"):
            assert f"[{rule_id}]" in text
        assert "(¶6)" in text
        assert "(¶7)" in text
        assert "25% of annual salary" in text
        assert "$15,000.00" in text
        assert "$3,000.00" in text
        assert "up to 25% of the officer’s annual salary" in text

    def test_steps_cite_their_rules(self) -> None:
        """Each step cites its rule, or the rule its interpretation reads."""
        for step in reimburse("60000", "20000", "18000").explanation.steps:
            assert step.citation == POLICY.citation(step.rule_id)


class TestReimbursementResultValue:
    def test_frozen_hashable_picklable(self) -> None:
        """A result is a frozen value: hashable, equal for equal inputs, pickle round trip."""
        a = reimburse("60000", "20000", "18000")
        b = reimburse(60000, Decimal("20000"), "18000.00", fiscal_year="FY2026")
        assert a == b
        assert hash(a) == hash(b)
        assert pickle.loads(pickle.dumps(a)) == a
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            a.total = Decimal(0)  # type: ignore[misc]

    def test_repr_leaves_out_the_explanation(self) -> None:
        """The repr shows the figures, not the audit trail."""
        text = repr(reimburse("60000", "20000", "18000"))
        assert "total=Decimal('95000.00')" in text
        assert "explanation" not in text


class TestReimbursementResultRows:
    def test_as_dict(self) -> None:
        """``as_dict`` gives one plain row with the exact figures."""
        assert reimburse("60000", "20000", "18000").as_dict() == {
            "fiscal_year": "FY2026",
            "salary": Decimal("60000.00"),
            "benefits": Decimal("20000.00"),
            "overtime_claimed": Decimal("18000.00"),
            "overtime_cap": Decimal("15000.00"),
            "overtime_reimbursed": Decimal("15000.00"),
            "overtime_not_reimbursed": Decimal("3000.00"),
            "total": Decimal("95000.00"),
            "policy": POLICY.name,
        }

    def test_policy_fingerprint(self) -> None:
        """A result records the fingerprint of the policy variant that produced it."""
        fifth = with_cap(POLICY, Fraction(1, 5))
        assert reimburse("1", "1", "1").policy_fingerprint == POLICY.fingerprint
        assert reimburse("1", "1", "1", policy=fifth).policy_fingerprint == fifth.fingerprint
        assert fifth.fingerprint != POLICY.fingerprint

    def test_html(self) -> None:
        """The notebook view is the explanation's table, with every rule id and the total."""
        r = reimburse("60000", "20000", "18000")
        html = r._repr_html_()
        assert html == f"<div>{r.explanation._repr_html_()}</div>"
        for rule_id in r.explanation.rule_ids:
            assert f"<td>{rule_id}</td>" in html
        assert "FY2026 reimbursement: $95,000.00" in html
