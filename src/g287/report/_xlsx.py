"""The claim as an Excel workbook, ready to print: sheets Lines, Adjustments (when the claim
has any), Summary and Explanation."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from g287.claims import LINE_COLUMNS, Claim
from g287.errors import InvalidInputError
from g287.explain import Explanation
from g287.money import format_money, sum_money

from ._cells import text_cell
from ._rows import ADJUSTMENT_COLUMNS, summary

if TYPE_CHECKING:
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["EXPLANATION_COLUMNS", "MONEY_FORMAT", "claim_xlsx"]

#: The number format of every amount: dollars and cents with thousands separators.
MONEY_FORMAT: Final = '"$"#,##0.00'
#: The number format of every count (days).
COUNT_FORMAT: Final = "#,##0"
#: The columns of the Explanation sheet: one row per step of an audit trail.
EXPLANATION_COLUMNS: Final = (
    "explanation",
    "step",
    "rule_id",
    "text",
    "inputs",
    "figure",
    "locator",
    "quote",
)
# The workbook's created/modified stamps and its zip entries' times are fixed, so one claim
# always gives the same bytes (a digest of the file can be recorded and checked).
_STAMP: Final = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - openpyxl writes naive times as UTC
_ZIP_TIME: Final = (2000, 1, 1, 0, 0, 0)
# Columns wider than this wrap their text (steps and quotes); narrower ones fit their content.
_WIDEST: Final = 72


def _value(value: object) -> object:
    """A cell's value: amounts and counts as numbers, text made safe, nothing as empty."""
    if value is None or isinstance(value, (Decimal, int)):
        return value
    return text_cell(str(value))


def _shown(value: object) -> str:
    """The text a cell shows, to size its column."""
    if isinstance(value, Decimal):
        return format_money(value)
    return "" if value is None else str(value)


def _sheet(
    sheet: Worksheet,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    bold: Font,
    wrap: Alignment,
    bold_last: bool,
) -> None:
    """Fill a sheet: a bold, frozen header row repeated on each printed page, the rows, column
    widths fitted to the content (wider text wraps), landscape pages one page wide."""
    sheet.append(list(header))
    widths = [len(h) for h in header]
    for row in rows:
        values = [_value(v) for v in row]
        sheet.append(values)
        for i, value in enumerate(values):
            widths[i] = max(widths[i], len(_shown(value)))
    for cell in sheet[1]:
        cell.font = bold
    if bold_last:
        for cell in sheet[sheet.max_row]:
            cell.font = bold
    for number, (column, width) in enumerate(zip(sheet.iter_cols(), widths, strict=True), 1):
        letter = sheet.cell(1, number).column_letter  # type: ignore[union-attr] # not merged
        sheet.column_dimensions[letter].width = min(width, _WIDEST) + 2
        for cell in column[1:]:
            if isinstance(cell.value, Decimal):
                cell.number_format = MONEY_FORMAT
            elif isinstance(cell.value, int):
                cell.number_format = COUNT_FORMAT
            elif width > _WIDEST:
                cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]


def _adjustments(claim: Claim) -> list[list[object]]:
    """The Adjustments sheet's rows: one per adjustment (I-ADJUST), then a ``TOTAL`` row whose
    ``total`` is the claim's adjustment (and whose other amounts add up their columns)."""
    rows: list[list[object]] = [
        [a.as_row()[name] for name in ADJUSTMENT_COLUMNS] for a in claim.adjustments
    ]
    # The columns after officer_id and period are amounts, each an attribute of Adjustment.
    amounts = ADJUSTMENT_COLUMNS[2:]
    summed = [sum_money(getattr(a, name) for a in claim.adjustments) for name in amounts]
    return [*rows, ["TOTAL", None, *summed]]


def _steps(explanation: Explanation) -> list[list[object]]:
    return [
        [explanation.title, number, *step.as_row().values()]
        for number, step in enumerate(explanation.steps, 1)
    ]


def claim_xlsx(claim: Claim) -> bytes:
    """The claim as an ``.xlsx`` workbook (needs the ``excel`` extra, openpyxl).

    Sheets:

    * ``Lines``: a row per officer line (the columns of :data:`~g287.claims.LINE_COLUMNS`), then
      the totals row (days and amounts added up; ``total`` is the reimbursement).
    * ``Adjustments``, only when the claim corrects earlier, filed periods (I-ADJUST): a row
      per officer and period with the figures filed and as now recomputed
      (the columns of :meth:`g287.Adjustment.as_row`; ``total`` is the change, of either
      sign), then the totals row (amounts added up; ``total`` is the claim's adjustment).
    * ``Summary``: agency, name, period, quarter, policy, registration, fingerprint, the
      filings it continues, where the overtime before the period comes from (or the
      claimant's statement), reimbursement, adjustments, award, the officers counted toward it
      and the claim total.
    * ``Explanation``: every step of the claim's audit trail and of the award's, with its rule
      id, inputs, figure and the quoted source (:data:`EXPLANATION_COLUMNS`).

    Amounts are numbers, exact to the cent, shown as :data:`MONEY_FORMAT`; text is neutralised
    and escaped (:func:`~g287.report.neutralise`). Each sheet prints landscape, one page wide,
    its header row repeated. The same claim always gives the same bytes.

    Raises:
        InvalidInputError: (field ``format``) when openpyxl is not installed.

    >>> import datetime, io, openpyxl
    >>> from g287 import Agency, Model, Officer, PayRecord, claim
    >>> agency = Agency("A1", "Example County", datetime.date(2025, 7, 1), {Model.TASK_FORCE})
    >>> officer = Officer("T-1", Model.TASK_FORCE, datetime.date(2025, 8, 1), "78000")
    >>> pay = PayRecord("T-1", datetime.date(2025, 10, 1), datetime.date(2025, 10, 14),
    ...                 "3000", "1000", "500")
    >>> c = claim(agency=agency, officers=[officer], payroll=[pay], period="FY2026 Q1")
    >>> book = openpyxl.load_workbook(io.BytesIO(claim_xlsx(c)))
    >>> book.sheetnames
    ['Lines', 'Summary', 'Explanation']
    >>> item, total = book["Summary"][book["Summary"].max_row]
    >>> item.value, total.value, total.number_format
    ('claim total', 4500, '"$"#,##0.00')
    """
    try:
        from openpyxl import Workbook  # noqa: PLC0415 - optional: only workbooks need it
        from openpyxl.styles import Alignment, Font  # noqa: PLC0415
        from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415
    except ImportError:
        raise InvalidInputError(
            "format: 'xlsx' needs the excel extra (openpyxl): pip install 'g287[excel]'",
            field="format",
            value="xlsx",
        ) from None
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    book = Workbook()
    lines = book.active
    assert lines is not None  # a new workbook has one sheet
    lines.title = "Lines"
    _sheet(
        lines,
        LINE_COLUMNS,
        [
            *(list(line.as_row().values()) for line in claim.lines),
            list(claim.line_totals().values()),
        ],
        bold_last=True,
        bold=bold,
        wrap=wrap,
    )
    if claim.adjustments:
        _sheet(
            book.create_sheet("Adjustments"),
            ADJUSTMENT_COLUMNS,
            _adjustments(claim),
            bold_last=True,
            bold=bold,
            wrap=wrap,
        )
    _sheet(
        book.create_sheet("Summary"),
        ("item", "value"),
        summary(claim),
        bold_last=True,
        bold=bold,
        wrap=wrap,
    )
    trails = _steps(claim.explanation)
    if claim.award is not None:
        trails += _steps(claim.award.explanation)
    _sheet(
        book.create_sheet("Explanation"),
        EXPLANATION_COLUMNS,
        trails,
        bold_last=False,
        bold=bold,
        wrap=wrap,
    )
    book.properties.creator = "g287"
    book.properties.created = book.properties.modified = _STAMP
    written = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED)).save()
    return _fixed_times(written.getvalue())


def _fixed_times(archive: bytes) -> bytes:
    """The zip archive rewritten with every entry dated :data:`_ZIP_TIME`."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(entry))
    return out.getvalue()
