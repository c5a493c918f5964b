"""Notebook display: compact, escaped HTML and plain rows for policies, results and claims."""

from __future__ import annotations

import datetime as dt

import attrs

from g287 import (
    POLICY,
    Agency,
    AwardTier,
    LeadReport,
    Model,
    Officer,
    PayRecord,
    annual_reimbursement,
    claim,
    quarterly_award,
    quarterly_claim,
)

AGENCY = Agency("A<1>", "Example & Co", dt.date(2025, 7, 1), frozenset(Model))
OFFICERS = [
    Officer("T-1", Model.TASK_FORCE, dt.date(2025, 8, 1), "78000"),
    Officer("J-1", Model.JAIL_ENFORCEMENT, dt.date(2025, 8, 1), "52000"),
]
PAY = [
    PayRecord("T-1", dt.date(2025, 10, 1), dt.date(2025, 10, 14), "3000", "1000", "500"),
    PayRecord("J-1", dt.date(2025, 10, 1), dt.date(2025, 10, 14), "2000", "600", "0"),
]


class TestPolicyHtml:
    def test_tier_table(self) -> None:
        """The policy shows each tier's rule id, band and amount, the cap and the choices."""
        html = POLICY._repr_html_()
        for text in ("R-AWD-1", "90%-100%", "$1,000.00", "$750.00", "$500.00", "R-OT", "25%"):
            assert text in html
        assert "I-BAND" in html
        assert "truncate" in html

    def test_follows_a_variant(self) -> None:
        """A variant's HTML shows its own amounts, not the built-in policy's."""
        tiers = (AwardTier("R-AWD-1", 90, 100, "1250"), *POLICY.award_schedule.tiers[1:])
        variant = attrs.evolve(
            POLICY, award_schedule=attrs.evolve(POLICY.award_schedule, tiers=tiers)
        )
        assert "$1,250.00" in variant._repr_html_()
        assert "$1,250.00" not in POLICY._repr_html_()


class TestResultHtml:
    def test_award(self) -> None:
        """An award shows its reason and every step with its rule id and citation."""
        html = quarterly_award(
            located=45, provided=50, officers=2, quarter="FY2026 Q1"
        )._repr_html_()
        assert "$2,000.00" in html
        assert "a location rate of 90% is in the 90%-100% band" in html
        for rule_id in ("R-EFF", "R-AWD", "I-RATE", "I-BAND", "R-AWD-1", "I-HEAD"):
            assert f"<td>{rule_id}</td>" in html
        assert "¶8" in html

    def test_reimbursement(self) -> None:
        """A reimbursement shows its total and the overtime cap step."""
        result = annual_reimbursement(
            annual_salary="60000", benefits="1", overtime="0", fiscal_year=2026
        )
        html = result._repr_html_()
        assert "$60,001.00" in html
        assert "<td>R-OT</td>" in html

    def test_explanation_escapes_text(self) -> None:
        """Text from inputs is escaped: an agency id with markup cannot inject HTML."""
        result = claim(agency=AGENCY, officers=OFFICERS, payroll=PAY, period="FY2026 Q1")
        html = result._repr_html_()
        assert "A&lt;1&gt;" in html
        assert "A<1>" not in html
        assert result.lines[0].explanation._repr_html_().startswith("<table")

    def test_as_dict_rows(self) -> None:
        """as_dict gives one plain row with exact values."""
        award = quarterly_award(located=41, provided=50, officers=4, quarter="FY2026 Q2")
        row = award.as_dict()
        assert row["amount"] == award.amount
        assert row["rule_id"] == "R-AWD-2"
        assert row["quarter"] == "FY2026 Q2"
        reimbursed = annual_reimbursement(
            annual_salary="60000", benefits="0", overtime="16000", fiscal_year=2026
        ).as_dict()
        assert str(reimbursed["overtime_not_reimbursed"]) == "1000.00"

    def test_explanation_rows(self) -> None:
        """An explanation gives one plain dict per step, with its locator and quote."""
        rows = quarterly_award(
            located=1, provided=2, officers=1, quarter="FY2026 Q1"
        ).explanation.rows()
        assert [r["rule_id"] for r in rows] == [
            "R-EFF",
            "R-AWD",
            "I-ASSIST",
            "I-RATE",
            "I-BAND",
            "I-BELOW",
        ]
        assert rows[0]["locator"] == "¶6"


class TestClaimHtml:
    def test_quarterly_claim(self) -> None:
        """A quarterly claim shows its lines, the award, the total and the fingerprint."""
        result = quarterly_claim(
            agency=AGENCY,
            officers=OFFICERS,
            payroll=PAY,
            leads=LeadReport("FY2026 Q1", 10, 9),
            quarter="FY2026 Q1",
        )
        html = result._repr_html_()
        assert "T-1" in html
        assert "J-1" in html
        assert "award $1,000.00" in html
        assert f"total ${result.total:,.2f}" in html
        assert POLICY.fingerprint in html

    def test_period_claim_has_no_award(self) -> None:
        """A claim for a period shows its reimbursement and no award."""
        html = claim(agency=AGENCY, officers=OFFICERS, payroll=PAY, period="FY2026")._repr_html_()
        assert "; award $" not in html
        assert "Reimbursement $" in html

    def test_rows(self) -> None:
        """rows() gives one plain dict per officer, in roster order."""
        rows = claim(agency=AGENCY, officers=OFFICERS, payroll=PAY, period="FY2026 Q1").rows()
        assert [r["officer_id"] for r in rows] == ["T-1", "J-1"]
        assert rows[0]["model"] == "TFM"
        assert str(rows[1]["total"]) == "2600.00"
