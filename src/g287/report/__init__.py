"""Reports of a claim, complete and safe to open, in four formats.

:func:`claim_table`
    The fixed-width text report the command line prints: the lines, their totals, the claim's
    and the award's audit trails.
:func:`claim_csv`
    The whole claim as one CSV table (:data:`CSV_COLUMNS`): a row per officer line, a row per
    adjustment to an earlier period, then the reimbursement, the adjustments, the award and the
    claim total, each row naming its agency, period and policy.
:func:`claim_xlsx`
    An Excel workbook (with the ``excel`` extra): sheets Lines, Adjustments (when there are
    any), Summary and Explanation, amounts as numbers formatted as currency, ready to print.
:func:`claim_html`
    One self-contained HTML page for printing or attaching to a submission, with each officer's
    overtime cap use drawn as an inline SVG bar.

Every format is safe whatever the data hold: text that a spreadsheet would read as a formula is
neutralised (:func:`neutralise`) in CSV and workbooks, and characters that do not print (a
newline, an escape sequence) are written as escapes (:func:`g287.errors.printable`) everywhere.
The reports' columns and how to read them are described on the page :doc:`/reports`.
"""

from __future__ import annotations

from typing import Final

from . import _cells, _csv, _rows, _xlsx
from ._cells import escaped, neutralise
from ._csv import claim_csv
from ._frame import to_frame
from ._html import claim_html
from ._text import claim_table
from ._xlsx import claim_xlsx
from ._year import year_csv, year_table

__all__ = [
    "CSV_COLUMNS",
    "EXPLANATION_COLUMNS",
    "FORMULA_STARTS",
    "LINE_LABELS",
    "MONEY_FORMAT",
    "RECORDS",
    "claim_csv",
    "claim_html",
    "claim_table",
    "claim_xlsx",
    "escaped",
    "neutralise",
    "to_frame",
    "year_csv",
    "year_table",
]

#: The characters a text may not begin with in a CSV or workbook cell without a ``'`` put in
#: front: a spreadsheet would read it as a formula (:func:`neutralise`).
FORMULA_STARTS: Final = _cells.FORMULA_STARTS
#: The header the text and HTML reports show over each column of
#: :data:`~g287.claims.LINE_COLUMNS`.
LINE_LABELS: Final = _rows.LINE_LABELS
#: The columns of :func:`claim_csv`, in order: ``record``, the claim's context (``agency_id``,
#: ``period``, ``policy``, ``registered``, ``policy_fingerprint``,
#: ``assumed_no_earlier_overtime``), the line columns of :data:`~g287.claims.LINE_COLUMNS`,
#: ``adjusts`` and ``amount``.
CSV_COLUMNS: Final = _csv.CSV_COLUMNS
#: The values of :func:`claim_csv`'s ``record`` column: ``line`` for each officer line,
#: ``adjustment`` for each correction to an earlier period, then one row each of
#: ``reimbursement``, ``adjustments``, ``award`` and ``claim_total``.
RECORDS: Final = _csv.RECORDS
#: The number format of every amount in :func:`claim_xlsx`'s workbook.
MONEY_FORMAT: Final = _xlsx.MONEY_FORMAT
#: The columns of the workbook's Explanation sheet: one row per step of an audit trail.
EXPLANATION_COLUMNS: Final = _xlsx.EXPLANATION_COLUMNS
