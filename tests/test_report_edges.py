"""The printed claim report and CSV pinned exactly: column layout, totals row and award section."""

from __future__ import annotations

from g287 import Claim, Officer, PayRecord, claim, quarterly_claim
from g287.report import claim_csv, claim_table
from two_officers import AGENCY, ALICE, BOB, LEADS, PAY

HEAD = (
    "officer  model  days     salary   benefits  OT claimed  OT paid  OT over cap      FY cap"
    "  cap used  not eligible      total\n"
    "-------  -----  ----  ---------  ---------  ----------  -------  -----------  ----------"
    "  --------  ------------  ---------\n"
)
RULE = (
    "-------  -----  ----  ---------  ---------  ----------  -------  -----------  ----------"
    "  --------  ------------  ---------\n"
)
TITLE = (
    "Period 2025-10-01 to 2025-12-31 (FY2026); policy: 287(g) reimbursement and performance "
    "awards (DHS/ICE, 2025-09-18)\n"
    "Policy fingerprint: sha256:c1ae21508235383653e3b5748daba62157999fd36b47a05c263e506c1f119839\n"
    "\n"
)


def quarterly(officers: list[Officer], pay: tuple[PayRecord, ...]) -> Claim:
    """The example's quarterly claim for FY2026 Q1 with these officers and records."""
    return quarterly_claim(
        agency=AGENCY, officers=officers, payroll=pay, leads=LEADS, quarter="FY2026 Q1"
    )


class TestTable:
    def test_quarterly_claim_table(self) -> None:
        """Lines, a totals row, the claim's trail, the I-HEAD count, the award and the sum."""
        c = quarterly([ALICE, BOB], PAY)
        table = claim_table(c)
        assert table.startswith(
            "Claim of agency A1 for FY2026 Q1\n"
            + TITLE
            + HEAD
            + "T-1      TFM      92  $3,000.00  $1,000.00     $500.00  $500.00        $0.00"
            "  $19,500.00   $500.00         $0.00  $4,500.00\n"
            "J-2      JEM      45    $285.70    $100.00      $20.00   $20.00        $0.00"
            "  $13,000.00    $20.00     $2,434.30    $405.70\n"
            + RULE
            + "TOTAL            137  $3,285.70  $1,100.00     $520.00  $520.00        $0.00"
            "                           $2,434.30  $4,905.70\n"
            "\n"
            + str(c.explanation)
            + "\n\nCounted toward the award (I-HEAD): T-1\n"
            + str(c.award.explanation if c.award else "")
            + "\n\n"
        )
        assert table.endswith("\nReimbursement $4,905.70 + award $1,000.00 = claim total $5,905.70")

    def test_nobody_counted(self) -> None:
        """I-HEAD: with no Task Force officer the count reads ``none`` and the award is $0.00."""
        lines = claim_table(quarterly([BOB], PAY[1:])).splitlines()
        assert "Counted toward the award (I-HEAD): none" in lines
        assert lines[-1] == "Reimbursement $405.70 + award $0.00 = claim total $405.70"

    def test_plain_claim_has_no_award_section(self) -> None:
        """A claim for a date range is titled by the range and ends with its own trail."""
        c = claim(agency=AGENCY, officers=[ALICE], payroll=PAY[:1], period="FY2026 Q1")
        assert claim_table(c) == (
            "Claim of agency A1 for 2025-10-01 to 2025-12-31\n"
            + TITLE
            + HEAD
            + "T-1      TFM      92  $3,000.00  $1,000.00     $500.00  $500.00        $0.00"
            "  $19,500.00   $500.00         $0.00  $4,500.00\n"
            + RULE
            + "TOTAL             92  $3,000.00  $1,000.00     $500.00  $500.00        $0.00"
            "                               $0.00  $4,500.00\n"
            "\n" + str(c.explanation)
        )


class TestCsv:
    def test_csv(self) -> None:
        """One header row and one row per line, amounts as plain dollars and cents."""
        assert claim_csv(quarterly([ALICE, BOB], PAY)) == (
            "officer_id,model,eligible_days,salary,benefits,overtime_claimed,overtime_reimbursed,"
            "overtime_over_cap,cap,cap_used,not_eligible,total\n"
            "T-1,TFM,92,3000.00,1000.00,500.00,500.00,0.00,19500.00,500.00,0.00,4500.00\n"
            "J-2,JEM,45,285.70,100.00,20.00,20.00,0.00,13000.00,20.00,2434.30,405.70\n"
        )
