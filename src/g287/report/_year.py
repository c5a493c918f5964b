"""A fiscal year filed quarter by quarter, summarised: per quarter and per officer, with totals."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from g287.errors import printable
from g287.money import format_money, sum_money
from g287.year import SUMMARY_COLUMNS, FiscalYearClaims

from ._cells import text_cell

__all__ = ["year_csv", "year_table"]


def _fixed(rows: list[list[str]]) -> list[str]:
    """Rows as fixed-width lines: the first column left-aligned, the figures right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r))
        for r in rows
    ]


def _shown(value: object) -> str:
    return format_money(value) if isinstance(value, Decimal) else printable(str(value))


def year_table(year: FiscalYearClaims) -> str:
    """The year's summary as text: a row per quarter claimed (reimbursement, adjustments to
    earlier quarters, award, total) and the year's, then a row per officer (what each quarter's
    claim reimburses for them) and the year's."""
    first = year.claims[0]
    quarters = year.quarter_rows()
    officers = year.officer_rows()
    by_quarter = [["quarter", *SUMMARY_COLUMNS]]
    by_quarter += [[_shown(r[k]) for k in ("quarter", *SUMMARY_COLUMNS)] for r in quarters]
    names = [str(c.quarter) for c in year.claims]
    by_officer = [["officer", *names, "total"]]
    by_officer += [[_shown(v) for v in r.values()] for r in officers]
    # Each quarter's officers add up to its reimbursement and adjustments (the award is the
    # agency's, not an officer's).
    per_quarter = [sum_money([c.reimbursement, c.adjustment]) for c in year.claims]
    sums = ["TOTAL", *map(format_money, per_quarter), format_money(sum_money(per_quarter))]
    return "\n".join(
        [
            (
                f"Fiscal year {year.fiscal_year} of agency {printable(first.agency_id)}: "
                f"{len(year.claims)} quarterly claims, each continuing the ones before"
            ),
            f"Policy: {printable(first.policy.label)}",
            f"Policy fingerprint: {first.policy_fingerprint}",
            "",
            *_fixed(by_quarter),
            "",
            *_fixed([*by_officer, sums]),
            "",
            f"Year total {format_money(year.total)}",
        ]
    )


def year_csv(year: FiscalYearClaims) -> str:
    """The year's summary as one CSV table: ``record`` is ``quarter`` (a row per quarter and
    one for the year, ``quarter`` column ``year``) or ``officer`` (a row per officer and
    quarter), with ``reimbursement``, ``adjustment``, ``award`` and ``total``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["record", "fiscal_year", "quarter", "officer_id", *SUMMARY_COLUMNS])
    fy = str(year.fiscal_year)
    for row in year.quarter_rows():
        writer.writerow(["quarter", fy, row["quarter"], "", *(row[k] for k in SUMMARY_COLUMNS)])
    names = [str(c.quarter) for c in year.claims]
    for row in year.officer_rows():
        officer = text_cell(str(row["officer_id"]))
        for name in names:
            writer.writerow(["officer", fy, name, officer, "", "", "", row[name]])
        writer.writerow(["officer", fy, "year", officer, "", "", "", row["total"]])
    return buffer.getvalue()
