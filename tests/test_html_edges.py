"""The notebook HTML of a policy, an explanation and a claim, pinned exactly.

These are what a notebook user sees (``_repr_html_``); each figure and citation must appear,
escaped, in its own cell.
"""

from __future__ import annotations

import datetime as dt

from g287 import (
    POLICY,
    Agency,
    LeadReport,
    Model,
    Officer,
    PayRecord,
    annual_reimbursement,
    quarterly_claim,
)
from g287.html import claim_html, explanation_html, policy_html

# ruff: noqa: E501 - expected HTML is kept as printed, one table row a line

POLICY_HTML = (
    '<div><table style="border-collapse:collapse;font-family:sans-serif;font-size:0.9em"><caption>287(g) reimbursement and performance awards (DHS/ICE, 2025-09-18) (from 2025-10-01)</caption>'
    "<thead><tr><th>rule</th><th>location rate</th><th>per eligible task force officer</th></tr>"
    "</thead><tbody>"
    '<tr><td>R-AWD-1</td><td>90%-100%</td><td style="text-align:right">$1,000.00</td></tr>'
    '<tr><td>R-AWD-2</td><td>80%-89%</td><td style="text-align:right">$750.00</td></tr>'
    '<tr><td>R-AWD-3</td><td>70%-79%</td><td style="text-align:right">$500.00</td></tr>'
    '</tbody></table><table style="border-collapse:collapse;font-family:sans-serif;font-size:0.9em"><thead><tr><th>id</th><th>choice</th></tr>'
    "</thead><tbody>"
    "<tr><td>R-OT</td><td>overtime cap 25% of annual base salary</td></tr>"
    "<tr><td>I-BAND</td><td>truncate</td></tr>"
    "<tr><td>I-BELOW</td><td>no-award</td></tr>"
    "<tr><td>I-CAPPRO</td><td>none</td></tr>"
    "<tr><td>I-HEAD</td><td>last-day</td></tr>"
    "<tr><td>I-MODEL</td><td>all-models</td></tr>"
    "</tbody></table></div>"
)

EXPLANATION_HTML = (
    '<table style="border-collapse:collapse;font-family:sans-serif;font-size:0.9em"><caption>FY2026 reimbursement: $60,000.00</caption>'
    "<thead><tr><th>rule</th><th>step</th><th>figure</th><th>source</th></tr>"
    "</thead><tbody>"
    "<tr><td>R-EFF</td><td>FY2026 begins 2025-10-01, inside the policy period</td><td>in force</td><td>¶6: “Starting October 1, 2025, participating law enforcement will have these reimbursement opportunities:”</td></tr>"
    "<tr><td>R-SAL</td><td>annual salary reimbursed in full</td><td>$60,000.00</td><td>¶7: “ICE will fully reimburse participating agencies for the annual salary and benefits of each eligible trained 287(g) officer”</td></tr>"
    "<tr><td>R-SAL</td><td>benefits reimbursed in full</td><td>$0.00</td><td>¶7: “ICE will fully reimburse participating agencies for the annual salary and benefits of each eligible trained 287(g) officer”</td></tr>"
    "<tr><td>I-CAPBASE</td><td>cap basis is annual base salary, benefits excluded</td><td>$60,000.00</td><td>¶7: “including overtime coverage up to 25% of the officer’s annual salary”</td></tr>"
    "<tr><td>R-OT</td><td>overtime cap = 25% of annual salary, rounded down to the cent (I-CENT)</td><td>$15,000.00</td><td>¶7: “including overtime coverage up to 25% of the officer’s annual salary”</td></tr>"
    "<tr><td>I-CAPYEAR</td><td>the cap applies once to all of FY2026</td><td>$15,000.00</td><td>¶7: “including overtime coverage up to 25% of the officer’s annual salary”</td></tr>"
    "<tr><td>R-OT</td><td>overtime reimbursed = the lesser of overtime claimed and the cap</td><td>$0.00</td><td>¶7: “including overtime coverage up to 25% of the officer’s annual salary”</td></tr>"
    "<tr><td>R-OT</td><td>overtime over the cap, not reimbursed</td><td>$0.00</td><td>¶7: “including overtime coverage up to 25% of the officer’s annual salary”</td></tr>"
    "</tbody></table>"
)

CLAIM_HTML = (
    '<div><table style="border-collapse:collapse;font-family:sans-serif;font-size:0.9em"><caption>Claim of A1 for FY2026 Q1 (287(g) reimbursement and performance awards (DHS/ICE, 2025-09-18))</caption>'
    "<thead><tr><th>officer</th><th>model</th><th>days</th><th>salary</th><th>benefits</th><th>OT claimed</th><th>OT paid</th><th>OT over cap</th><th>FY cap</th><th>cap used</th><th>not eligible</th><th>total</th></tr>"
    "</thead><tbody>"
    '<tr><td>T-1</td><td>TFM</td><td>92</td><td style="text-align:right">$3,000.00</td><td style="text-align:right">$1,000.00</td><td style="text-align:right">$500.00</td><td style="text-align:right">$500.00</td><td style="text-align:right">$0.00</td><td style="text-align:right">$19,500.00</td><td style="text-align:right">$500.00</td><td style="text-align:right">$0.00</td><td style="text-align:right">$4,500.00</td></tr>'
    "</tbody></table><p>Reimbursement $4,500.00; award $1,000.00 (a location rate of 90% is in the 90%-100% band); total $5,500.00</p><p><small>policy fingerprint sha256:c1ae21508235383653e3b5748daba62157999fd36b47a05c263e506c1f119839</small></p></div>"
)


class TestHtml:
    def test_policy(self) -> None:
        """R-AWD-1..3: the policy table lists each tier and interpretation choice."""
        assert policy_html(POLICY) == POLICY_HTML
        assert POLICY._repr_html_() == POLICY_HTML

    def test_explanation(self) -> None:
        """R-SAL, R-OT: every step is a row with its rule id, text, figure and quoted source."""
        result = annual_reimbursement(
            annual_salary="60000", benefits="0", overtime="0", fiscal_year=2026
        )
        assert explanation_html(result.explanation) == EXPLANATION_HTML

    def test_claim(self) -> None:
        """A quarterly claim shows its lines, totals and award as one table."""
        agency = Agency("A1", "Example County", dt.date(2025, 7, 1), frozenset(Model))
        alice = Officer("T-1", Model.TASK_FORCE, dt.date(2025, 8, 1), "78000")
        pay = [PayRecord("T-1", dt.date(2025, 10, 1), dt.date(2025, 10, 14), "3000", "1000", "500")]
        leads = LeadReport("FY2026 Q1", provided=20, located=18)
        c = quarterly_claim(
            agency=agency, officers=[alice], payroll=pay, leads=leads, quarter="FY2026 Q1"
        )
        assert claim_html(c) == CLAIM_HTML
