"""The complete claim as one CSV table: officer lines, then the reimbursement, the award and
the claim total, every row carrying the claim it belongs to."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Final

from g287.claims import LINE_COLUMNS, Claim

from ._cells import text_cell
from ._rows import award_amount

__all__ = ["CONTEXT_COLUMNS", "CSV_COLUMNS", "RECORDS", "claim_csv"]

#: The columns naming the claim a row belongs to, repeated on every row: whose, for which
#: period, under which policy, and whether the claimant stated that no overtime was paid on
#: earlier days nothing covers (``assume_no_earlier_overtime``).
CONTEXT_COLUMNS: Final = (
    "agency_id",
    "period",
    "policy",
    "registered",
    "policy_fingerprint",
    "assumed_no_earlier_overtime",
)
#: The columns of :func:`claim_csv`, in order: ``record``, the claim's context, the line
#: columns (:data:`~g287.claims.LINE_COLUMNS`), ``adjusts`` (the earlier period an
#: ``adjustment`` row corrects) and ``amount``.
CSV_COLUMNS: Final = ("record", *CONTEXT_COLUMNS, *LINE_COLUMNS, "adjusts", "amount")
#: The values of the ``record`` column: one ``line`` row per officer, one ``adjustment`` row
#: per correction to an earlier period (I-ADJUST), then one row of each summary, in this order.
RECORDS: Final = (
    "line",
    "adjustment",
    "reimbursement",
    "adjustments",
    "award",
    "claim_total",
)


#: The types of the cells written as they are: numbers (amounts in plain dollars and cents);
#: any other value is text, made safe (:func:`~g287.report.neutralise`).
_AS_THEY_ARE: Final = frozenset({Decimal, int})


def claim_csv(claim: Claim) -> str:
    """The whole claim as CSV: a row per officer line, then the summary rows.

    The columns are :data:`CSV_COLUMNS`. A ``line`` row fills the line columns and leaves
    ``amount`` empty; the ``reimbursement``, ``award`` and ``claim_total`` rows fill ``amount``
    alone, so adding up the ``total`` column still gives the reimbursement. A claim that is not
    for a fiscal quarter has no award; its ``award`` row shows ``0.00``. Amounts are plain
    dollars and cents (``1234.50``); text cells are neutralised and escaped
    (:func:`~g287.report.neutralise`).

    >>> import datetime
    >>> from g287 import Agency, Model, Officer, PayRecord, claim
    >>> agency = Agency("A1", "Example County", datetime.date(2025, 7, 1), {Model.TASK_FORCE})
    >>> officer = Officer("T-1", Model.TASK_FORCE, datetime.date(2025, 8, 1), "78000")
    >>> pay = PayRecord("T-1", datetime.date(2025, 10, 1), datetime.date(2025, 10, 14),
    ...                 "3000", "1000", "500")
    >>> c = claim(agency=agency, officers=[officer], payroll=[pay], period="FY2026 Q1")
    >>> import csv, io
    >>> rows = list(csv.DictReader(io.StringIO(claim_csv(c))))
    >>> [(row["record"], row["officer_id"], row["total"], row["amount"]) for row in rows]
    [('line', 'T-1', '4500.00', ''), ('reimbursement', '', '', '4500.00'),
     ('adjustments', '', '', '0.00'), ('award', '', '', '0.00'),
     ('claim_total', '', '', '4500.00')]
    >>> rows[-1]["agency_id"], rows[-1]["period"], rows[-1]["registered"]
    ('A1', '2025-10-01 to 2025-12-31', 'yes')
    """
    context = [
        text_cell(claim.agency_id),
        text_cell(str(claim.period)),
        text_cell(claim.policy.label),
        "yes" if claim.policy.registered else "no",
        text_cell(claim.policy_fingerprint),
        "yes" if claim.assumed_no_earlier_overtime else "no",
    ]
    blank = [""] * len(LINE_COLUMNS)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(
        [
            "line",
            *context,
            *[v if type(v) in _AS_THEY_ARE else text_cell(str(v)) for v in line.as_row().values()],
            "",
            "",
        ]
        for line in claim.lines
    )
    at = LINE_COLUMNS.index("officer_id")
    for a in claim.adjustments:
        cells = list(blank)
        cells[at] = text_cell(a.officer_id)
        writer.writerow(["adjustment", *context, *cells, text_cell(str(a.period)), a.total])
    sums = (claim.reimbursement, claim.adjustment, award_amount(claim), claim.total)
    for record, amount in zip(RECORDS[2:], sums, strict=True):
        writer.writerow([record, *context, *blank, "", amount])
    return buffer.getvalue()
