"""The reimbursement's audit trail and error messages, pinned exactly (R-SAL, R-OT)."""

from __future__ import annotations

import pytest

from g287 import InvalidInputError, InvalidTypeError, annual_reimbursement, overtime_cap

TRAIL = """\
FY2026 reimbursement: $95,000.00
  1. [R-EFF] FY2026 begins 2025-10-01, inside the policy period (fiscal_year=FY2026) -> in force  (¶6)
  2. [R-SAL] annual salary reimbursed in full (annual_salary=$60,000.00) -> $60,000.00  (¶7)
  3. [R-SAL] benefits reimbursed in full (benefits=$20,000.00) -> $20,000.00  (¶7)
  4. [I-CAPBASE] cap basis is annual base salary, benefits excluded (annual_salary=$60,000.00) -> $60,000.00  (¶7)
  5. [R-OT] overtime cap = 25% of annual salary, rounded down to the cent (I-CENT) (annual_salary=$60,000.00) -> $15,000.00  (¶7)
  6. [I-CAPYEAR] the cap applies once to all of FY2026 (fiscal_year=FY2026) -> $15,000.00  (¶7)
  7. [R-OT] overtime reimbursed = the lesser of overtime claimed and the cap (overtime=$18,000.00, cap=$15,000.00) -> $15,000.00  (¶7)
  8. [R-OT] overtime over the cap, not reimbursed (overtime=$18,000.00, reimbursed=$15,000.00) -> $3,000.00  (¶7)
  Sources:
    DHS-2025-09-18 ¶6: “Starting October 1, 2025, participating law enforcement will have these reimbursement opportunities:”
    DHS-2025-09-18 ¶7: “ICE will fully reimburse participating agencies for the annual salary and benefits of each eligible trained 287(g) officer”
    DHS-2025-09-18 ¶7: “including overtime coverage up to 25% of the officer’s annual salary”"""  # noqa: E501 - the trail is one line per step


class TestAuditTrail:
    def test_whole_trail(self) -> None:
        """R-SAL, R-OT: the docs' example prints exactly this trail, step by step, with sources."""
        result = annual_reimbursement(
            annual_salary="60000", benefits="20000", overtime="18000", fiscal_year=2026
        )
        assert str(result) == TRAIL


class TestMessagesNameTheField:
    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            (
                {"annual_salary": "-1", "benefits": "0", "overtime": "0"},
                "annual_salary: '-1' is negative; expected an amount >= 0",
            ),
            (
                {"annual_salary": "1", "benefits": "-2", "overtime": "0"},
                "benefits: '-2' is negative; expected an amount >= 0",
            ),
            (
                {"annual_salary": "1", "benefits": "0", "overtime": "0.001"},
                "overtime: '0.001' has fractions of a cent; expected whole cents",
            ),
        ],
    )
    def test_bad_amount(self, kwargs: dict[str, str], message: str) -> None:
        """Each amount's error names its own argument."""
        with pytest.raises(InvalidInputError) as info:
            annual_reimbursement(
                annual_salary=kwargs["annual_salary"],
                benefits=kwargs["benefits"],
                overtime=kwargs["overtime"],
                fiscal_year=2026,
            )
        assert str(info.value) == message

    def test_bad_fiscal_year_type(self) -> None:
        """A float fiscal year is a type error listing the accepted forms."""
        with pytest.raises(InvalidTypeError) as info:
            annual_reimbursement(
                annual_salary="1",
                benefits="0",
                overtime="0",
                fiscal_year=2026.0,  # type: ignore[arg-type]
            )
        assert str(info.value) == (
            "fiscal_year: 2026.0 is a float; expected a FiscalYear, 2026 or 'FY2026'"
        )


class TestOvertimeCapPolicyArgument:
    def test_not_a_policy_is_named(self) -> None:
        """overtime_cap names the policy argument and its type when it is not a Policy."""
        with pytest.raises(
            InvalidTypeError, match=r"^policy: 'x' is a str; expected a g287\.Policy$"
        ):
            overtime_cap("60000", "x")  # type: ignore[arg-type]
