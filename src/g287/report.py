"""Printable reports of claims: the fixed-width table the CLI prints, and CSV.

Both are built from the results' own :meth:`~g287.OfficerLine.as_row` rows.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from .claims import LINE_COLUMNS, Claim
from .money import format_money

__all__ = ["LINE_LABELS", "claim_csv", "claim_table"]

#: The header the table prints over each column of :data:`~g287.claims.LINE_COLUMNS`.
LINE_LABELS: dict[str, str] = {
    "officer_id": "officer",
    "model": "model",
    "eligible_days": "days",
    "salary": "salary",
    "benefits": "benefits",
    "overtime_claimed": "OT claimed",
    "overtime_reimbursed": "OT paid",
    "overtime_over_cap": "OT over cap",
    "overtime_cap": "FY cap",
    "cap_used": "cap used",
    "not_eligible": "not eligible",
    "total": "total",
}


def _cell(value: object) -> str:
    return format_money(value) if isinstance(value, Decimal) else str(value)


def claim_table(claim: Claim) -> str:
    """A claim as a fixed-width text report: lines, totals, award and the rules applied."""
    headers = [LINE_LABELS[name] for name in LINE_COLUMNS]
    body = [[_cell(v) for v in line.as_row().values()] for line in claim.lines]
    summed = claim.as_row()
    totals = ["TOTAL", "", str(sum(line.eligible_days for line in claim.lines))] + [
        _cell(summed[name]) if name in summed else "" for name in LINE_COLUMNS[3:]
    ]
    totals[-1] = _cell(claim.reimbursement)
    widths = [max(len(r[i]) for r in [headers, *body, totals]) for i in range(len(headers))]

    def fmt(cells: list[str]) -> str:
        # The last column is right-aligned and never empty, so no line ends in spaces.
        return "  ".join(
            c.ljust(widths[i]) if i < 2 else c.rjust(widths[i]) for i, c in enumerate(cells)
        )

    title = f"Claim of agency {claim.agency_id} for {claim.quarter or claim.period}"
    out = [
        title,
        f"Period {claim.period} ({claim.fiscal_year}); policy: {claim.policy.label}",
        f"Policy fingerprint: {claim.policy_fingerprint}",
        "",
        fmt(headers),
        fmt(["-" * w for w in widths]),
        *(fmt(r) for r in body),
        fmt(["-" * w for w in widths]),
        fmt(totals),
        "",
        str(claim.explanation),
    ]
    if claim.award is not None:
        out += [
            "",
            f"Counted toward the award (I-HEAD): {', '.join(claim.award_officers) or 'none'}",
            str(claim.award.explanation),
            "",
            (
                f"Reimbursement {format_money(claim.reimbursement)} + award "
                f"{format_money(claim.award.amount)} = claim total {format_money(claim.total)}"
            ),
        ]
    return "\n".join(out)


def claim_csv(claim: Claim) -> str:
    """A claim's officer lines as CSV, amounts in plain dollars and cents (``1234.50``)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, LINE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(line.as_row() for line in claim.lines)
    return buffer.getvalue()
