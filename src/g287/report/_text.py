"""The fixed-width text report the command line prints."""

from __future__ import annotations

from decimal import Decimal

from g287.calendar import period_name
from g287.claims import LINE_COLUMNS, Claim
from g287.errors import printable
from g287.money import format_money, sum_money

from ._cells import escaped
from ._rows import LINE_LABELS, earlier, filed

__all__ = ["claim_table"]


def _cell(value: object) -> str:
    if isinstance(value, Decimal):
        return format_money(value)
    return "" if value is None else printable(str(value))


def claim_table(claim: Claim) -> str:
    """A claim as a fixed-width text report: lines, totals, award and the rules applied.

    Every text it shows (ids, the policy's label, the audit trails' steps and quotes) is passed
    through :func:`g287.errors.printable`, so whatever a policy's name holds, nothing in it can
    move a terminal's cursor or start a line of its own.

    >>> import datetime
    >>> from g287 import Agency, Model, Officer, PayRecord, claim
    >>> agency = Agency("A1", "Example County", datetime.date(2025, 7, 1), {Model.TASK_FORCE})
    >>> officer = Officer("T-1", Model.TASK_FORCE, datetime.date(2025, 8, 1), "78000")
    >>> pay = PayRecord("T-1", datetime.date(2025, 10, 1), datetime.date(2025, 10, 14),
    ...                 "3000", "1000", "500")
    >>> print(claim_table(claim(agency=agency, officers=[officer], payroll=[pay],
    ...                         period="FY2026 Q1")).splitlines()[0])
    Claim of agency A1 for FY2026 Q1
    """
    headers = [LINE_LABELS[name] for name in LINE_COLUMNS]
    body = [[_cell(v) for v in line.as_row().values()] for line in claim.lines]
    summed = [_cell(v) for v in claim.line_totals().values()]
    widths = [max(len(r[i]) for r in [headers, *body, summed]) for i in range(len(headers))]

    def fmt(cells: list[str]) -> str:
        # The last column is right-aligned and never empty, so no line ends in spaces.
        return "  ".join(
            c.ljust(widths[i]) if i < 2 else c.rjust(widths[i]) for i, c in enumerate(cells)
        )

    agency, label = printable(claim.agency_id), printable(claim.policy.label)
    out = [
        f"Claim of agency {agency} for {claim.name}",
        f"Period {claim.period} ({claim.fiscal_year}); policy: {label}",
        f"Policy fingerprint: {claim.policy_fingerprint}",
        "",
        fmt(headers),
        fmt(["-" * w for w in widths]),
        *(fmt(r) for r in body),
        fmt(["-" * w for w in widths]),
        fmt(summed),
    ]
    if claim.prior:
        out += ["", f"Continues the filings of {filed(claim)} (I-CAPYEAR)"]
    if claim.assumed_no_earlier_overtime:
        out += ["", earlier(claim)]
    if claim.adjustments:
        out += ["", "Adjustments to earlier periods (I-ADJUST)", *_adjustments(claim)]
    out += ["", str(escaped(claim.explanation))]
    if claim.award is not None:
        officers = ", ".join(map(printable, claim.award_officers)) or "none"
        out += [
            "",
            f"Counted toward the award (I-HEAD): {officers}",
            str(escaped(claim.award.explanation)),
        ]
    if claim.award is not None or claim.adjustments:
        parts = [f"Reimbursement {format_money(claim.reimbursement)}"]
        if claim.adjustments:
            parts.append(f"adjustments {format_money(claim.adjustment)}")
        if claim.award is not None:
            parts.append(f"award {format_money(claim.award.amount)}")
        out += ["", " + ".join(parts) + f" = claim total {format_money(claim.total)}"]
    return "\n".join(out)


def _adjustments(claim: Claim) -> list[str]:
    """The adjustments as a fixed-width table: filed and recomputed figures, and the change."""
    headers = ["officer", "period", "filed", "now", "change"]
    rows = [
        [
            printable(a.officer_id),
            period_name(a.period),
            format_money(_sum(a.filed_salary, a.filed_benefits, a.filed_overtime_reimbursed)),
            format_money(_sum(a.salary, a.benefits, a.overtime_reimbursed)),
            format_money(a.total),
        ]
        for a in claim.adjustments
    ]
    rows.append(["TOTAL", "", "", "", format_money(claim.adjustment)])
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    return [
        "  ".join(c.ljust(widths[i]) if i < 2 else c.rjust(widths[i]) for i, c in enumerate(r))
        for r in [headers, *rows]
    ]


def _sum(*amounts: Decimal) -> Decimal:
    return sum_money(amounts)
